#pragma once
// A template package: a folder with manifest.yaml and *.mustache files.
// The manifest declares the fields the template reads; it drives the mapping of
// inputs onto the data tree, the placeholders for missing values, and the checks.
#include <filesystem>
#include <string>
#include <vector>

namespace baogao {

/// Field types. Scalars: text, integer, decimal, amount (元), percent, date (ISO
/// "YYYY-MM-DD" in data). Containers: group (an object with `fields`), list (an
/// array of objects, each with `fields`), table (a list whose rows are table rows).
enum class FieldType { text, integer, decimal, amount, percent, date, group, list, table };

/// "text", "integer", …; and the reverse (throws std::invalid_argument).
const char* to_string(FieldType t);
FieldType field_type_from_string(const std::string& s);

/// True for integer, decimal, amount, percent: the figures a reviewer traces.
bool is_figure(FieldType t);

struct Field {
  std::string key;    ///< member name in the data tree, relative to the parent
  std::string label;  ///< Chinese label (单位名称); shown in placeholders and workbooks
  FieldType type = FieldType::text;
  bool required = false;
  std::string unit;   ///< 件, 场次, 元 … (figures)
  std::string hint;   ///< help for staff filling the data
  std::vector<Field> fields;  ///< group/list/table: the members of each item
};

struct Manifest {
  std::string name;         ///< folder name, e.g. "cppcc-standing-committee"
  std::string title;        ///< 政协常委会工作报告
  std::string description;
  std::string entry = "report.mustache";  ///< the main template; other *.mustache are partials
  std::vector<Field> fields;
  std::filesystem::path dir;  ///< the template folder
};

/// Loads `dir`/manifest.yaml. Errors: InputError "bad_manifest" naming
/// manifest.yaml and line:column, what was found and what was expected.
Manifest load_manifest(const std::filesystem::path& dir);

/// Folders searched for built-in templates: $BAOGAO_TEMPLATES (if set), then the
/// compiled-in source folder.
std::vector<std::filesystem::path> template_roots();

/// Resolves a template by name (a folder under a template root) or by path to a
/// folder holding manifest.yaml. Errors: InputError "unknown_template" listing the
/// names available.
std::filesystem::path find_template(const std::string& name_or_path);

/// Every built-in template, sorted by name.
std::vector<Manifest> list_templates();

}  // namespace baogao
