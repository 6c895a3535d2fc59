#pragma once
// .xlsx (SpreadsheetML, ECMA-376) → Workbook, on libzip + libxml2's streaming
// xmlTextReader. No spreadsheet library; every rule is ours and cites its source.
#include <optional>
#include <string>
#include <string_view>

#include "drafting/workbook.hpp"

namespace baogao {

/// Reads every sheet of an .xlsx/.xlsm package (Transitional or Strict OOXML).
///
/// Values: shared strings (rich-text runs joined, phonetic runs skipped), inline
/// strings, numbers, booleans, errors, cached formula results (t="str", shared
/// formulas: the cached <v>), ISO dates (t="d"), and serial numbers under a date
/// number format → Cell::Type::date (1900 or 1904 system). Empty cells are not
/// stored; merged ranges and sheet states are reported; hidden sheets are read.
/// Memory: parts are streamed, never held whole; only the non-empty cells are kept.
///
/// Errors: InputError with Source{path, "part" or "Sheet!A1"} and one of the
/// categories of shared/cases/xlsx/MANIFEST.md:
///   file_not_found, empty_file, not_a_zip, encrypted (OLE2 container: a password-
///   protected workbook or a legacy .xls), corrupt_zip (truncated, CRC, size
///   mismatch), too_large (ReadOptions limits: part and total sizes, declared or
///   counted while inflating, and the number of cells),
///   entity_declarations_refused (any DOCTYPE), not_a_spreadsheet, missing_part,
///   bad_shared_string_index, malformed_xml (also a bad cell reference or a
///   numeric cell whose <v> is not a number).
Workbook read_xlsx(const std::string& path, const ReadOptions& options = {});

/// The rules the reader is made of, exposed for tests and for other readers.
namespace xlsx {

/// Resolves a relationship Target against its source part (OPC, ECMA-376 Part 2
/// §9.3 part names; RFC 3986 §5.2 reference resolution and §5.2.4 remove_dot_segments).
/// `source_part` is a part name ("/xl/workbook.xml", or "/" for the package itself);
/// the result is an absolute part name ("/xl/worksheets/sheet1.xml"), or "" when the
/// target is external (has a scheme or an authority). Query and fragment are dropped;
/// '\' is taken as '/', as Excel does.
std::string resolve_target(std::string_view source_part, std::string_view target);

/// The .rels part of a source part: "/xl/workbook.xml" → "/xl/_rels/workbook.xml.rels",
/// "/" → "/_rels/.rels" (ECMA-376 Part 2 §9.3.3).
std::string relationships_part_name(std::string_view source_part);

/// Decodes ST_Xstring escapes (ECMA-376 Part 1 §22.9.2.19): "_x000D_" → CR,
/// "_x005F_" → '_' (so "_x005F_x000D_" reads "_x000D_"). Exactly four hex digits,
/// either case; anything else stays as written. UTF-16 surrogate pairs written as two
/// escapes are joined; a lone surrogate becomes U+FFFD.
std::string unescape_xstring(std::string_view text);

/// Whether a built-in number format id (no <numFmt> needed) formats dates or times:
/// 14–22, 45–47, and the CJK built-ins 27–36, 50–58 (ECMA-376 Part 1 §18.8.30).
bool is_builtin_date_format(int id);

/// Whether a built-in number format id shows a percentage: 9 "0%" and 10 "0.00%"
/// (ECMA-376 Part 1 §18.8.30).
bool is_builtin_percent_format(int id);

/// Whether a format code shows a percentage: a '%' in its first section (positive
/// numbers) outside "quoted text", \escaped and _/* padding characters and [brackets].
/// A '%' in a format multiplies the value by 100 when shown (§18.8.31): a cell shown
/// as 100% holds 1. Date codes are checked first (is_date_format_code).
bool is_percent_format_code(std::string_view code);

/// Whether a format code (§18.8.31 numFmt@formatCode) shows a date or a time: a
/// y, m, d, h or s (either case) outside "quoted text", \escaped and _/* padding
/// characters, and [brackets] — except elapsed-time brackets [h] [mm] [ss] and the
/// system date/time locales [$-F800] [$-F400], which count. "General" and "@" are not dates.
bool is_date_format_code(std::string_view code);

/// A serial date → "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (time rounded to the second;
/// no time part when it rounds to midnight). 1900 system: serial 1 = 1900-01-01 and
/// Excel's fictitious 1900-02-29 is serial 60, so serials below 61 shift by one day
/// (serial 60 → "1900-02-29", as Excel shows it); 1904 system: serial 0 = 1904-01-01.
/// nullopt for negative, non-finite or past 9999-12-31 serials.
std::optional<std::string> serial_to_iso(double serial, bool date1904);

/// An ISO 8601 date or date-time as t="d" cells hold it ("2024-12-31",
/// "2025-01-15T09:30:00", optional fraction and zone, which are dropped) →
/// {normalised text, serial in the given system}; nullopt when it is not one.
struct IsoDate {
  std::string text;
  double serial = 0;
};
std::optional<IsoDate> parse_iso_date(std::string_view text, bool date1904);

/// The shortest decimal that reads back as the same double (std::to_chars), with
/// -0 written "0": 2.4599999999999999 → "2.46", 48.0 → "48", 2.46E8 → "246000000".
/// Plain digits for 1e-7 ≤ |x| < 1e21, else the exponent form ("1e+21", "1e-08").
std::string shortest_number(double value);

}  // namespace xlsx
}  // namespace baogao
