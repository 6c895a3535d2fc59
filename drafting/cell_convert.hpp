#pragma once
// One spreadsheet cell → one value of the data tree, by the field's type.
#include <string>
#include <string_view>

#include "drafting/manifest.hpp"
#include "drafting/value.hpp"
#include "drafting/workbook.hpp"

namespace baogao {

/// The value of a cell for a field, or why it does not fit.
struct CellValue {
  bool ok = false;
  Value value;          ///< when ok; its source is left empty for the caller to set
  std::string problem;  ///< when not ok: "expected an integer such as 42, found \"四十二\""
};

/// Converts `cell` for a scalar field of `type` (not group, list or table):
///
///   text     a string as written; a number as shown (shortest form; a percent-formatted
///            number with its "%", 1 → "100%"); a date as "YYYY-MM-DD"; TRUE/FALSE.
///   integer  a number cell holding a whole number, or text of digits with optional
///            thousands separators ("3,000" → 3000; full-width digits are folded);
///   decimal  a number cell, or text of a decimal number ("2.5", "1,234.5");
///   amount   as decimal, in 元; also text with a 万/亿/元 unit kept as written
///            ("3000万元", "2.46亿元");
///   percent  the number in per cent: a percent-formatted cell (shown 100%, holding 1)
///            gives 100; an unformatted number is taken as written (100 → 100); text
///            "100%", "12.5％" or "100" gives 100, 12.5, 100;
///   date     a date cell, or text "2017-12-13", "2017/12/13", "2017.12.13",
///            "2017年12月13日" (also year–month and year alone: "2017-12", "2017年") →
///            ISO "2017-12-13", "2017-12", "2017"; a time of day is dropped; a whole
///            number 1000–9999 is a year.
///
/// Numbers become Value::Kind::number with their shortest text ("42", "2.46") — the
/// render shows figures as written. Figures (integer, decimal, amount, percent) also
/// accept an estimate (概数) as written, which becomes a string the template shows as
/// is: a numeral (0–9 or 〇零一二两三四五六七八九十百千万亿) with a qualifier 余 多 几 来
/// 约 近 逾 左右 上下 (十多, 30余, 近百, 约300, 10余万元) or two adjacent Chinese digits
/// (三四, 十五六) — GB/T 15835-2011 §4.2 and §4.3 (概数). An exact number written in
/// Chinese numerals ("四十二") or with its unit ("42件": the template writes the unit)
/// does not fit.
///
/// Not ok: an error value (#N/A, #DIV/0!) for any type, a boolean for a figure or a
/// date, and anything else the rules above refuse. `problem` says what was expected and
/// what was found, one line: `expected a date such as 2017-12-13, found "2017-02-30"`.
CellValue convert_cell(const Cell& cell, FieldType type);

/// How a found cell is quoted in a problem message: strings in quotes (cut after 40
/// characters with "…"), numbers as written, "the date 2017-12-13", "the error value #N/A".
std::string describe_cell(const Cell& cell);

/// Moves the decimal point of a plain decimal numeral `places` places to the right
/// (left when negative), exactly, on the text: ("0.125", 2) → "12.5", ("1", 2) → "100",
/// ("100", -2) → "1", ("-0.07", 2) → "-7". The result has no leading zeros before the
/// point (except "0.x") and no trailing zeros after it. Returns "" when `number` is not
/// of the form -?digits[.digits] (no exponent).
std::string shift_decimal(std::string_view number, int places);

}  // namespace baogao
