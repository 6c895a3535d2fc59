#pragma once
// A template package: a folder with manifest.yaml and *.mustache files.
// The manifest declares the fields the template reads; it drives the mapping of
// inputs onto the data tree, the placeholders for missing values, and the checks.
#include <filesystem>
#include <optional>
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

/// A derived figure (manifest key `derive`): computed from other fields of the data.
/// When the data states the field too, the stated value is shown and checked against
/// the computed one (drafting/checks.hpp); when it does not, the computed value is
/// shown. Either way the rendered span carries `derivation="= 12 + 9 + 8 + 7 + 6"`.
///   sum(PATH)              sum of a table column; PATH goes through one list/table:
///                          `table.rows.count`; field type integer, decimal or amount
///   rate(PART, WHOLE)      PART / WHOLE × 100, in per cent (办复率 = 办结 / 立案); percent
///   difference(A, B)       A − B; integer, decimal or amount
///   change(NOW, BEFORE)    NOW − BEFORE against last year, worded 增加5件 / 减少3件 / 持平
///                          (form `percent`: 增长12.5% / 下降3.2%); integer, decimal or amount
///   session(TERM, NUMBER)  the session name 八届二次会议 (form `full`: 第八届委员会第二次会议); text
/// Operand names are looked up as Mustache looks names up: the first name among the
/// field's siblings, then in each enclosing object outward; the next names go down
/// into groups (and, for sum, one list or table). Operands are figure fields
/// (integer, decimal, amount, percent); session's are integers.
struct Derivation {
  enum class Kind { none, sum, rate, difference, change, session };
  struct Operand {
    std::string path;               ///< as written: "table.rows.count"
    int up = 0;                     ///< enclosing objects to climb from the field's own (0: siblings)
    std::vector<std::string> keys;  ///< member names from there down
    int list_at = -1;               ///< sum: index in `keys` of the list/table whose rows are summed
    std::string label;              ///< the operand field's label (立案件数)
    std::string unit;               ///< and unit (件)
    FieldType type = FieldType::integer;
    std::string row_name_key;       ///< sum: the first text column of the rows (names a part), or ""
  };
  Kind kind = Kind::none;
  std::string text;   ///< as written in the manifest: "sum(table.rows.count)"
  std::string place;  ///< where it is written in manifest.yaml (line:column)
  std::vector<Operand> operands;
};

/// "sum", "rate", … ("" for none).
const char* to_string(Derivation::Kind k);

struct Field {
  std::string key;    ///< member name in the data tree, relative to the parent
  std::string label;  ///< Chinese label (单位名称); shown in placeholders and workbooks
  FieldType type = FieldType::text;
  bool required = false;
  std::string unit;   ///< 件, 场次 … (figures); for workbooks and labels: the render does not
                      ///< append it, the template writes it (amounts get 元/万元/亿元)
  std::string hint;   ///< help for staff filling the data
  std::vector<Field> fields;  ///< group/list/table: the members of each item
  Derivation derive;          ///< how the figure is computed (kind none: stated only)
  /// Decimals shown: amounts at most this many in 万/亿 (default 2); percents computed
  /// by rate() or change's percent form (default 1). -1: the default.
  int precision = -1;
  /// Range checked by `baogao check` (out_of_range). Default min 0 for integer and
  /// amount fields (counts and money are not negative) unless derived by difference or
  /// change; no default max (declare `max: 100` for a rate that cannot pass 100%).
  std::optional<double> min, max;
  /// The text of a heading the exporters number (一、（一）1.（1）): `baogao check`
  /// warns when staff typed a number into it (heading_number_typed), which would
  /// print as 一、一、…
  bool heading = false;
};

/// True for a field computed from others that staff never type (derive: change or
/// session — 增加4件, 八届二次会议): workbooks and forms leave it out. Fields derived
/// by sum, rate or difference may be stated too (then they are checked).
bool is_computed_only(const Field& f);

/// Dates the checks compare (manifest key `dates`, field paths from the root through
/// groups): the year reviewed, the day the report is delivered, the year planned.
struct DateChecks {
  std::string report_year;   ///< e.g. "year": a date or integer field (2017)
  std::string meeting_date;  ///< e.g. "meeting.date": a date field
  std::string next_year;     ///< e.g. "plan.year": a date, integer or text field (2018)
  /// e.g. "review": the part on the year under review (a group or list). A date in its
  /// free text (2018年1月5日, 2018年1月) after the meeting date cannot be past work.
  std::string review;
};

struct Manifest {
  std::string name;         ///< folder name, e.g. "cppcc-standing-committee"
  std::string title;        ///< 政协常委会工作报告
  std::string description;
  std::string entry = "report.mustache";  ///< the main template; other *.mustache are partials
  std::vector<Field> fields;
  DateChecks dates;           ///< optional; empty paths are not checked
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
///       derive: sum(table.rows.count) # optional: a derived figure (Derivation above)
///       precision: 1                 # optional, 0–6: decimals of amounts / computed percents
///       min: 0                       # optional range (numbers) for out_of_range checks
///       max: 100
///   dates:                           # optional: dates the checks compare
///     report_year: year              #   the year reviewed
///     meeting_date: meeting.date     #   the day of the report
///     next_year: plan.year           #   the year planned (report_year + 1)
///
/// Errors: InputError "bad_manifest", place "line:column" in manifest.yaml, saying
/// what was found and what was expected (no manifest.yaml, bad YAML, an unknown
/// key or type, a missing key or label, a duplicate key, a missing entry file, a
/// `derive` that is malformed, names a field that does not exist or is not a figure,
/// or does not fit the field's type, a precision outside 0–6, a `dates` path that is
/// not a field).
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
