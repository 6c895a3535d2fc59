// --limit NAME=VALUE: the name table and the value parser.
#include "drafting/limits.hpp"

#include <charconv>
#include <functional>
#include <limits>

#include "drafting/error.hpp"

namespace baogao {
namespace {

// Recursive passes (data tree destruction, render, XML) use the stack per level.
constexpr std::uint64_t kMaxDepthLimit = 1'000;

/// One settable limit: its name and description, and the field it reads and writes.
struct Setting {
  LimitInfo info;
  bool depth;  ///< a nesting depth: at most kMaxDepthLimit
  std::function<std::uint64_t(const Limits&)> get;
  std::function<void(Limits&, std::uint64_t)> set;
};

template <typename Group, typename T>
Setting setting(LimitInfo info, bool depth, Group Limits::*group, T Group::*field) {
  return {info, depth, [=](const Limits& l) { return static_cast<std::uint64_t>((l.*group).*field); },
          [=](Limits& l, std::uint64_t v) { (l.*group).*field = static_cast<T>(v); }};
}

/// The settable limits, in the order docs/limits.md lists them.
const std::vector<Setting>& settings() {
  using R = ReadOptions;
  using T = TemplateLimits;
  constexpr auto read = &Limits::read;
  constexpr auto templates = &Limits::templates;
  static const std::vector<Setting> all = {
      setting({"input-size", "largest input file (.xlsx as stored, .json, .yaml), bytes", true}, false, read,
              &R::max_input_bytes),
      setting({"part-size", "largest uncompressed zip part, and largest .csv file, bytes", true}, false, read,
              &R::max_part_bytes),
      setting({"total-size", "largest uncompressed total of the parts read from one .xlsx, bytes", true}, false,
              read, &R::max_total_bytes),
      setting({"sheets", "most sheets in one workbook", false}, false, read, &R::max_sheets),
      setting({"rows", "highest row number (.xlsx) or most records (.csv)", false}, false, read, &R::max_rows),
      setting({"cells", "most non-empty cells kept from one workbook", false}, false, read, &R::max_cells),
      setting({"cell-size", "longest text of one cell, UTF-8 bytes", true}, false, read, &R::max_cell_bytes),
      setting({"xml-depth", "deepest element nesting in one XML part", false}, true, read, &R::max_xml_depth),
      setting({"data-depth", "deepest nesting of objects and arrays in .json/.yaml data", false}, true, read,
              &R::max_data_depth),
      setting({"yaml-values", "most values in .yaml data once aliases are expanded", false}, false, read,
              &R::max_yaml_values),
      setting({"template-size", "largest template file, bytes", true}, false, templates, &T::max_template_bytes),
      setting({"template-nesting", "deepest section nesting in one template file", false}, true, templates,
              &T::max_template_nesting),
      setting({"render-depth", "deepest section nesting while rendering, partials included", false}, true,
              templates, &T::max_render_depth),
  };
  return all;
}

const Setting* find(std::string_view name) {
  for (const auto& s : settings())
    if (s.info.name == name) return &s;
  return nullptr;
}

std::string all_names() {
  std::string out;
  for (const auto& s : settings()) out += (out.empty() ? "" : ", ") + std::string(s.info.name);
  return out;
}

[[noreturn]] void usage(std::string_view found, const std::string& expected) {
  throw InputError("usage", Source{}, "--limit: found '" + std::string(found) + "'; expected " + expected);
}

}  // namespace

const std::vector<LimitInfo>& limit_names() {
  static const std::vector<LimitInfo> names = [] {
    std::vector<LimitInfo> out;
    for (const auto& s : settings()) out.push_back(s.info);
    return out;
  }();
  return names;
}

void set_limit(Limits& limits, std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos) usage(text, "NAME=VALUE, NAME one of " + all_names());
  const std::string_view name = text.substr(0, eq);
  std::string_view value = text.substr(eq + 1);
  const Setting* limit = find(name);
  if (!limit) usage(text, "a NAME among " + all_names());
  const LimitInfo* info = &limit->info;

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
  const std::uint64_t max = limit->depth ? kMaxDepthLimit : std::numeric_limits<std::uint64_t>::max() / unit;
  if (n > max)
    usage(text, std::string(name) + " at most " + std::to_string(max) +
                    (limit->depth ? " (deeper nesting could exhaust the stack)" : ""));
  limit->set(limits, n * unit);
}

Limits limits_from(const std::vector<std::string>& settings) {
  Limits limits;
  for (const auto& setting : settings) set_limit(limits, setting);
  return limits;
}

std::uint64_t limit_value(const Limits& limits, std::string_view name) {
  const Setting* limit = find(name);
  if (!limit) usage(name, "a NAME among " + all_names());
  return limit->get(limits);
}

}  // namespace baogao
