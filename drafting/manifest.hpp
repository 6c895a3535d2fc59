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
/// array of objects, each with `fields`; without `fields`, an array of text items),
/// table (a list whose rows are table rows).
enum class FieldType { text, integer, decimal, amount, percent, date, group, list, table };

/// "text", "integer", …; and the reverse (throws std::invalid_argument).
const char* to_string(FieldType t);
FieldType field_type_from_string(const std::string& s);

/// True for integer, decimal, amount, percent: the figures a reviewer traces (rendered
/// as annotated spans with their source). Dates and text are not figures.
bool is_figure(FieldType t);

struct Field {
  std::string key;    ///< member name in the data tree, relative to the parent
  std::string label;  ///< Chinese label (单位名称); shown in placeholders and workbooks
  FieldType type = FieldType::text;
  bool required = false;
  std::string unit;   ///< 件, 场次 … (figures); for workbooks and labels: the render does not
                      ///< append it, the template writes it (amounts get 元/万元/亿元)
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

/// Loads `dir`/manifest.yaml (format below). `name` defaults to the folder's name;
/// `entry` to "report.mustache", which must exist in `dir`.
///
///   name: cppcc-standing-committee   # optional
///   title: 政协常委会工作报告           # required
///   description: …                   # optional
///   entry: report.mustache           # optional; other *.mustache are partials
///   fields:                          # optional
///     - key: organization            # required; unique among its siblings
///       label: 单位名称               # required
///       type: text                   # text (default) | integer | decimal | amount |
///                                    # percent | date | group | list | table
///       required: true               # default false
///       unit: 件                     # optional
///       hint: 填写全称                # optional
///       fields: [ … ]                # group, table: required; list: optional (none =
///                                    # a list of text items); scalars: not allowed
///
/// Errors: InputError "bad_manifest", place "line:column" in manifest.yaml, saying
/// what was found and what was expected (no manifest.yaml, bad YAML, an unknown
/// key or type, a missing key or label, a duplicate key, a missing entry file).
Manifest load_manifest(const std::filesystem::path& dir);

/// Sets the built-in template folder searched after $BAOGAO_TEMPLATES. The library
/// has none of its own (it is not told where it was built): the CLI and the tests
/// call `set_default_template_root(BAOGAO_TEMPLATE_DIR)` at start-up.
void set_default_template_root(const std::filesystem::path& dir);

/// Folders searched for built-in templates, in order: each folder of
/// $BAOGAO_TEMPLATES (if set; several separated by ':'), then the default root (if
/// set with set_default_template_root). Folders that do not exist are left out.
std::vector<std::filesystem::path> template_roots();

/// Resolves a template: a path to a folder holding manifest.yaml, or else a name (a
/// folder under a template root; the first root holding it wins). Returns the folder.
/// Errors: InputError "unknown_template" listing the names available.
std::filesystem::path find_template(const std::string& name_or_path);

/// Every built-in template (each sub-folder of a template root that holds a
/// manifest.yaml; for a name in two roots, the first), sorted by name.
/// Errors: "bad_manifest" from a broken template's manifest.
std::vector<Manifest> list_templates();

}  // namespace baogao
