// --limit NAME=VALUE: the name table and the value parser.
#include "drafting/limits.hpp"

#include <charconv>
#include <limits>

#include "drafting/error.hpp"

namespace baogao {
namespace {

// Recursive passes (data tree destruction, render, XML) use the stack per level.
constexpr std::uint64_t kMaxDepthLimit = 1'000;

// One switch maps a name to its field: no pointer-to-member gymnastics across two structs.
std::uint64_t get(const Limits& l, std::string_view n) {
  const ReadOptions& r = l.read;
  const TemplateLimits& t = l.templates;
  if (n == "input-size") return r.max_input_bytes;
  if (n == "part-size") return r.max_part_bytes;
  if (n == "total-size") return r.max_total_bytes;
  if (n == "sheets") return r.max_sheets;
  if (n == "rows") return r.max_rows;
  if (n == "cells") return r.max_cells;
  if (n == "cell-size") return r.max_cell_bytes;
  if (n == "xml-depth") return static_cast<std::uint64_t>(r.max_xml_depth);
  if (n == "data-depth") return r.max_data_depth;
  if (n == "yaml-values") return r.max_yaml_values;
  if (n == "template-size") return t.max_template_bytes;
  if (n == "template-nesting") return t.max_template_nesting;
  if (n == "render-depth") return t.max_render_depth;
  return 0;
}

void put(Limits& l, std::string_view n, std::uint64_t v) {
  ReadOptions& r = l.read;
  TemplateLimits& t = l.templates;
  if (n == "input-size") r.max_input_bytes = v;
  else if (n == "part-size") r.max_part_bytes = v;
  else if (n == "total-size") r.max_total_bytes = v;
  else if (n == "sheets") r.max_sheets = v;
  else if (n == "rows") r.max_rows = v;
  else if (n == "cells") r.max_cells = v;
  else if (n == "cell-size") r.max_cell_bytes = v;
  else if (n == "xml-depth") r.max_xml_depth = static_cast<int>(v);
  else if (n == "data-depth") r.max_data_depth = v;
  else if (n == "yaml-values") r.max_yaml_values = v;
  else if (n == "template-size") t.max_template_bytes = v;
  else if (n == "template-nesting") t.max_template_nesting = v;
  else if (n == "render-depth") t.max_render_depth = v;
}

bool is_depth(std::string_view name) { return name.ends_with("-depth") || name == "template-nesting"; }

const LimitInfo* find(std::string_view name) {
  for (const auto& info : limit_names())
    if (info.name == name) return &info;
  return nullptr;
}

std::string all_names() {
  std::string out;
  for (const auto& info : limit_names()) out += (out.empty() ? "" : ", ") + std::string(info.name);
  return out;
}

[[noreturn]] void usage(std::string_view found, const std::string& expected) {
  throw InputError("usage", Source{}, "--limit: found '" + std::string(found) + "'; expected " + expected);
}

}  // namespace

const std::vector<LimitInfo>& limit_names() {
  static const std::vector<LimitInfo> names = {
      {"input-size", "largest input file (.xlsx as stored, .json, .yaml), bytes", true},
      {"part-size", "largest uncompressed zip part, and largest .csv file, bytes", true},
      {"total-size", "largest uncompressed total of the parts read from one .xlsx, bytes", true},
      {"sheets", "most sheets in one workbook", false},
      {"rows", "highest row number (.xlsx) or most records (.csv)", false},
      {"cells", "most non-empty cells kept from one workbook", false},
      {"cell-size", "longest text of one cell, UTF-8 bytes", true},
      {"xml-depth", "deepest element nesting in one XML part", false},
      {"data-depth", "deepest nesting of objects and arrays in .json/.yaml data", false},
      {"yaml-values", "most values in .yaml data once aliases are expanded", false},
      {"template-size", "largest template file, bytes", true},
      {"template-nesting", "deepest section nesting in one template file", false},
      {"render-depth", "deepest section nesting while rendering, partials included", false},
  };
  return names;
}

void set_limit(Limits& limits, std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) usage(text, "NAME=VALUE, NAME one of " + all_names());
  const std::string_view name = text.substr(0, eq);
  std::string_view value = text.substr(eq + 1);
  const LimitInfo* info = find(name);
  if (!info) usage(text, "a NAME among " + all_names());

  std::uint64_t unit = 1;
  if (info->bytes && !value.empty()) {
    switch (value.back()) {
      case 'K': case 'k': unit = 1ull << 10; break;
      case 'M': case 'm': unit = 1ull << 20; break;
      case 'G': case 'g': unit = 1ull << 30; break;
      default: break;
    }
    if (unit != 1) value.remove_suffix(1);
  }
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  const std::string shape = info->bytes ? "a whole number of bytes ≥ 1, optionally ending in K, M or G"
                                        : "a whole number ≥ 1";
  if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || n == 0) usage(text, shape);
  const std::uint64_t max = is_depth(name) ? kMaxDepthLimit : std::numeric_limits<std::uint64_t>::max() / unit;
  if (n > max)
    usage(text, std::string(name) + " at most " + std::to_string(max) +
                    (is_depth(name) ? " (deeper nesting could exhaust the stack)" : ""));
  put(limits, name, n * unit);
}

Limits limits_from(const std::vector<std::string>& settings) {
  Limits limits;
  for (const auto& setting : settings) set_limit(limits, setting);
  return limits;
}

std::uint64_t limit_value(const Limits& limits, std::string_view name) {
  if (!find(name)) usage(name, "a NAME among " + all_names());
  return get(limits, name);
}

}  // namespace baogao
