#pragma once
// `baogao init`: the workbook staff fill for a template (.xlsx, with libxlsxwriter).
#include <cstdint>
#include <string>

#include "drafting/manifest.hpp"
#include "drafting/value.hpp"

namespace baogao {

struct WorkbookWriteOptions {
  /// docProps/core.xml dcterms:created, seconds since 1970 (UTC). Negative: from
  /// $SOURCE_DATE_EPOCH when set, else 2000-01-01 — the same inputs give the same bytes.
  std::int64_t created = -1;
};

/// The .xlsx bytes of the workbook for `manifest`, in its workbook layout
/// (drafting/workbook_layout.hpp, docs/workbooks.md), blank or — when `data` is given —
/// holding `data` as staff would have typed it (`baogao init --from`):
///  - "填写说明" first: how to fill the workbook (exporters/xlsx/hints.hpp);
///  - "基本信息": 项目 | 内容 | 说明, one row per field (two for a list of text), the
///    header row frozen; the 说明 column holds each field's help;
///  - one sheet per table and nested list: row 1 the column labels, row 2 the help
///    ("填写说明" in column A), data from row 3; rows 1–2 and column A frozen;
///  - column widths from the labels' display width (a CJK character counts 2), long
///    text wrapped; the 序号/所在位置 column formatted as text ("@") so 1.10 stays 1.10;
///  - data validation on figure and date cells (warning style, so an estimate such as
///    十多 can still be typed) and an input message with the field's help on every
///    value cell; dates formatted yyyy-mm-dd, percentages 0%;
///  - values written by type: numbers as numbers (percentages as the fraction under a
///    percent format: 100 → 1 shown 100%), full ISO dates as dates, the rest as text.
/// Errors: InputError "output_error" when libxlsxwriter fails (temporary files),
/// "value_too_long" for a value over Excel's 32,767 characters (naming its field).
std::string write_template_workbook(const Manifest& manifest, const Value* data = nullptr,
                                    const WorkbookWriteOptions& options = {});

}  // namespace baogao
