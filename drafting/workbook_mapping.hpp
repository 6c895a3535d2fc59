#pragma once
// A workbook (.xlsx or .csv, read by drafting/workbook.hpp's readers) → the data tree,
// by the template's workbook layout (drafting/workbook_layout.hpp).
#include "drafting/finding.hpp"
#include "drafting/manifest.hpp"
#include "drafting/value.hpp"
#include "drafting/workbook.hpp"

namespace baogao {

/// Maps `workbook` onto the data tree that `manifest` describes, in the layout of
/// workbook_layout(manifest) (docs/workbooks.md):
///
///  - Sheets are found by name — the layout's name or the list's key path
///    ("review.sections") — compared with fold_label (NFKC, case, width, spaces and
///    separators folded). A workbook of one sheet whose name is none of them (a .csv
///    is named after its file) is taken for the layout sheet its labels or headers
///    match best. "填写说明" and hidden sheets are skipped silently.
///  - Rows of the key–value sheet and column headers of table sheets are found by the
///    label `baogao init` writes ("提案工作·立案件数"), the field's own label when no other
///    field of the sheet has it ("立案件数"), its key path ("proposals.filed") or its key
///    when unique ("filed"), all compared folded. The header row is the first of rows
///    1–5 holding a known header; a row whose column A says "填写说明" is skipped.
///  - Values convert by field type (convert_cell); empty cells are absent values.
///  - Every value's Source is {workbook.file, "Sheet!B7"}; a list item's and its
///    groups' are the row ("分项工作!7:7"); a list's is its sheet; the root's is the file.
///
/// Findings (one line each, at the cell or row they concern, messages in English):
///   error   wrong_type      a value that does not fit its field: `expected an integer
///                           such as 42, found "四十二"`; the value is left out, so a
///                           required field shows its placeholder in the draft
///   error   bad_place       a nested sheet's 所在位置 that is malformed or names no row
///   warning unknown_sheet, unknown_column, unknown_label   ignored with their values
///   warning no_header       a table sheet with data but no header row of known labels
///   warning duplicate       a 序号 used twice (the row is kept, after the first), a value
///                           given twice for one field (the first is kept)
/// Never throws for content; the draft always comes out.
Value map_workbook(const Workbook& workbook, const Manifest& manifest, Findings& findings);

}  // namespace baogao
