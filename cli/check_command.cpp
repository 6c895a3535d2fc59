#include "cli/check_command.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "drafting/checks.hpp"
#include "drafting/draft.hpp"
#include "cli/error_text.hpp"
#include "drafting/error.hpp"
#include "drafting/limits.hpp"
#include "drafting/manifest.hpp"
#include "drafting/readers.hpp"

namespace baogao {
namespace fs = std::filesystem;

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

int rank(Severity s) { return static_cast<int>(s); }

/// Severity by name; "never" → -1 (nothing fails). Throws InputError "usage".
int threshold(const std::string& name) {
  if (name == "note") return rank(Severity::note);
  if (name == "warning") return rank(Severity::warning);
  if (name == "error") return rank(Severity::error);
  if (name == "never") return 1000;
  throw InputError("usage", Source{}, "--fail-on: found '" + name + "'; expected note, warning, error or never");
}

bool is_text_draft(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".txt" || ext == ".md";
}

Findings run(const CheckCommand& command, const CheckOptions& options) {
  const Limits limits = limits_from(command.limits);
  if (is_text_draft(command.data_path)) {
    std::error_code ec;
    if (const auto size = std::filesystem::file_size(command.data_path, ec);
        !ec && size > limits.read.max_input_bytes)
      throw InputError("too_large", Source{command.data_path, ""},
                       "the file has " + std::to_string(size) + " bytes; expected at most " +
                           std::to_string(limits.read.max_input_bytes) + " (--limit input-size)");
    std::ifstream in(command.data_path, std::ios::binary);
    if (!in)
      throw InputError("file_not_found", Source{command.data_path, ""},
                       "the file cannot be read; expected a readable UTF-8 text file");
    std::ostringstream text;
    text << in.rdbuf();
    return lint_document(text.str(), command.data_path, options);
  }
  const Manifest manifest = load_manifest(find_template(command.template_name));
  Findings findings;  // a workbook's reading findings come first, as in render
  const Value data = read_data_file(command.data_path, &manifest, &findings, limits.read);
  Findings checked = check_data(data, manifest, options);
  findings.insert(findings.end(), checked.begin(), checked.end());
  return findings;
}

std::string error_json(const InputError& error) {
  Json e = Json::object();
  e["category"] = error.category();
  e["message"] = error.message();  // file and place apart
  e["file"] = error.where().file;
  e["place"] = error.where().place;
  Json out = Json::object();
  out["error"] = std::move(e);
  return dump(out);
}

}  // namespace

int run_check(const CheckCommand& command) {
  const bool json = command.format == "json";
  try {
    if (!json && command.format != "text")
      throw InputError("usage", Source{}, "--format: found '" + command.format + "'; expected text or json");
    if (command.lang != "zh" && command.lang != "en")
      throw InputError("usage", Source{}, "--lang: found '" + command.lang + "'; expected zh or en");
    const int fail_at = threshold(command.fail_on);
    const Findings findings = run(command, CheckOptions{command.lang == "en" ? Lang::en : Lang::zh});

    int counts[3] = {0, 0, 0};
    bool failed = false;
    for (const auto& f : findings) {
      ++counts[rank(f.severity)];
      failed = failed || rank(f.severity) >= fail_at;
    }
    // --strict: exactly when `render --strict` would refuse (a placeholder or an error).
    if (command.strict) failed = failed || has_errors(findings) || has_placeholders(findings);
    if (json) {
      Json list = Json::array();
      for (const auto& f : findings) {
        Json item = Json::object();
        item["severity"] = to_string(f.severity);
        item["code"] = f.code;
        item["location"] = Json{{"file", f.where.file}, {"place", f.where.place}};
        item["message"] = f.message;
        list.push_back(std::move(item));
      }
      Json out = Json::object();
      out["findings"] = std::move(list);
      out["counts"] = Json{{"error", counts[2]}, {"warning", counts[1]}, {"note", counts[0]}};
      std::cout << dump(out);
    } else {
      for (const auto& f : findings) std::cout << format_finding(f) << "\n";
    }
    return failed ? 1 : 0;
  } catch (const InputError& e) {
    if (json)
      std::cout << error_json(e);
    else
      std::cerr << error_line(e) << "\n";
    return 2;
  }
}

}  // namespace baogao
