#pragma once
// The data tree laid out in a template's workbook layout: which value goes in which
// row and column of which sheet. The inverse of drafting/workbook_mapping.hpp, used by
// `baogao init --from` to hand staff a workbook already holding last year's data.
#include <string>
#include <vector>

#include "drafting/value.hpp"
#include "drafting/workbook_layout.hpp"

namespace baogao {

/// One row of a table or nested sheet.
struct FilledRow {
  std::string place;                  ///< column A: "2.4" (序号) or "分项工作 4.4" (所在位置)
  std::vector<const Value*> values;   ///< per LayoutSheet::fields; nullptr = empty cell
};

struct LayoutRows {
  /// Key–value sheet: per field of layout.sheets[0], the value (a list of text for a
  /// text list) or nullptr.
  std::vector<const Value*> key_value;
  /// Per sheet (index as in layout.sheets; [0] stays empty): its rows in order.
  std::vector<std::vector<FilledRow>> tables;
};

/// Lays `data` out (see drafting/workbook_layout.hpp): top sheets list every item with
/// its 序号 ("2.4"), the outer item's fields on the first row of its inner items (a
/// row of its own, "2", when it has none); nested sheets list the items of every list
/// instance with the place of the row they belong to ("分项工作 4.4"), in the order of
/// those rows. Values that are null are left out; the pointers point into `data`.
LayoutRows layout_rows(const WorkbookLayout& layout, const Value& data);

}  // namespace baogao
