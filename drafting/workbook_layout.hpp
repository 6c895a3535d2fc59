#pragma once
// The workbook layout of a template: which sheets, rows and columns hold which
// fields. One layout, derived from the manifest alone, serves both directions:
// `baogao init` writes it (exporters/xlsx/) and the mapping reads it
// (drafting/workbook_mapping.hpp). docs/workbooks.md explains it for staff.
//
//   基本信息 (key–value)   every scalar reachable from the root through groups only:
//                          label in column A, value in B, help in C; a list of text
//                          (报告标题) takes one row per item, all with its label.
//   one table sheet per    list of objects reachable from the root through groups only
//                          (工作回顾导语, 分项工作, 致谢, …), one row per item; the item's
//                          scalars and the members of its groups are columns (a group's
//                          field is headed 组·字段, e.g. 提案工作·立案件数). When an item
//                          holds exactly one list of objects and no other list (a
//                          分项工作 holds its 段落), the inner list shares the sheet:
//                          one row per inner item, the outer item's columns filled on
//                          the row that starts it. Column A 序号 numbers the rows "2.4"
//                          (第2项的第4段); it may be left blank, rows then follow in order.
//   one nested sheet per   list of objects inside a row's item (招商项目, 立案提案分类,
//                          表格行), shared by every list of that label and shape: column
//                          A 所在位置 names the row it belongs to, "分项工作 4.4"; rows of
//                          one place keep their order.
// A list of text inside an item is one column, one item per line of the cell.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drafting/manifest.hpp"

namespace baogao {

/// Names of the fixed parts of the layout (as `baogao init` writes them).
inline constexpr const char* kKeyValueSheet = "基本信息";
inline constexpr const char* kInstructionsSheet = "填写说明";  ///< written by init, never read
inline constexpr const char* kLabelHeader = "项目";
inline constexpr const char* kValueHeader = "内容";
inline constexpr const char* kHelpHeader = "说明";
inline constexpr const char* kNumberHeader = "序号";        ///< table sheets, column A
inline constexpr const char* kPlaceHeader = "所在位置";     ///< nested sheets, column A
inline constexpr const char* kHelpRowMarker = "填写说明";   ///< column A of a table's help row

/// One field in the layout: a scalar, or a list of text items.
struct LayoutField {
  const Field* field = nullptr;   ///< into the Manifest the layout was made from
  std::vector<std::string> keys;  ///< path from the item (or the root) to the field
  std::string label;              ///< as written: "单位名称", "提案工作·立案件数"
  std::size_t level = 0;          ///< table sheets: index into LayoutSheet::levels
  bool text_list = false;         ///< a list of text items (no `fields`)
  bool in_optional_group = false; ///< inside a group that is not required: its `required`
                                  ///< holds only when the group has other values
  std::string full_label;         ///< with every enclosing group's label: "报告人·报告人姓名"
};

/// One list of a table or nested sheet.
struct LayoutLevel {
  const Field* list = nullptr;    ///< the list (or table) field
  std::vector<std::string> keys;  ///< path to the list: from the root (top sheets' first
                                  ///< level), from the outer level's item, or from the
                                  ///< parent's item (nested sheets)
};

/// Where the items of a nested sheet can sit: in the items of `sheet`'s level `level`,
/// at `keys` below such an item.
struct LayoutParent {
  std::size_t sheet = 0;
  std::size_t level = 0;
  std::vector<std::string> keys;
};

struct LayoutSheet {
  enum class Kind { key_value, table, nested };
  Kind kind = Kind::table;
  std::string name;                   ///< the sheet's tab name (≤ 31 characters)
  std::vector<std::string> aliases;   ///< other names it is recognised by (key paths)
  std::vector<LayoutLevel> levels;    ///< table: outermost first; nested: one level whose
                                      ///< keys are those of parents[0]
  std::vector<LayoutParent> parents;  ///< nested only
  std::vector<LayoutField> fields;    ///< rows (key–value) or columns after column A
};

struct WorkbookLayout {
  std::vector<LayoutSheet> sheets;  ///< sheets[0] is the key–value sheet; parents before children
};

/// The layout of `manifest` (see the top of this file). Sheet names are list labels;
/// two different lists with the same label get "label 2" and so on. The layout points
/// into `manifest`, which must outlive it.
WorkbookLayout workbook_layout(const Manifest& manifest);

/// "分项工作 4.4": a row's place, named by its top sheet and its numbers.
struct Place {
  std::string sheet;               ///< as written (may be empty: "4.4")
  std::vector<unsigned> numbers;   ///< {4, 4}
};

/// Parses "分项工作 4.4", "分项工作4.4", "4.4", "２" (NFKC-folded; numbers ≥ 1 separated
/// by '.'). nullopt when there are no numbers or they are malformed ("4..4", "0").
std::optional<Place> parse_place(std::string_view text);

/// "4.4" for {4, 4}.
std::string format_numbers(const std::vector<unsigned>& numbers);

}  // namespace baogao
