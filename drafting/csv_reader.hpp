#pragma once
// .csv → Workbook (one sheet, every cell a string: CSV has no types).
#include <string>
#include <string_view>

#include "drafting/workbook.hpp"

namespace baogao {

/// Reads a CSV file (RFC 4180: fields separated by ReadOptions::delimiter, records by
/// CRLF, LF or CR; "quoted" fields may hold the delimiter, CR/LF and "" for a quote).
/// The result has one sheet named after the file stem ("报表.csv" → "报表"); record n,
/// field m is the cell at row n, column m ("报表!B3"); empty fields are empty cells.
/// Characters after a closing quote are kept, as Excel does.
///
/// Encoding (ReadOptions::encoding empty): a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE)
/// decides; else valid UTF-8 is UTF-8; else ICU's charset detector (ucsdet) guesses,
/// GB18030 (a superset of GBK/GB2312, what Excel on Chinese Windows writes) first when
/// it is among its candidates (when its best guess is still UTF-8, the file is UTF-8
/// with bad bytes: bad_encoding). An explicit encoding is any name ICU's ucnv knows.
///
/// Errors (InputError, Source{path, "line:column"} where it applies): file_not_found,
/// too_large (over ReadOptions::max_part_bytes), unknown_encoding, bad_encoding (the
/// bytes are not valid in the encoding: line:column of the first bad character),
/// malformed_csv (a quoted field never closed: line:column of its opening quote),
/// too_large also for more than 1,048,576 records, 16,384 fields in a record, or
/// ReadOptions::max_cells non-empty fields.
Workbook read_csv(const std::string& path, const ReadOptions& options = {});

/// The same on bytes in memory: `file` names them in Sources, `sheet_name` names the sheet.
Workbook parse_csv(std::string_view bytes, const std::string& file, const std::string& sheet_name,
                   const ReadOptions& options = {});

/// Bytes → UTF-8 by the rules above (a leading BOM / U+FEFF is dropped).
/// `encoding` = "" to detect. Returns the text and the encoding used (ICU's name,
/// "UTF-8" when no conversion was needed). Errors: unknown_encoding, bad_encoding.
struct DecodedText {
  std::string text;
  std::string encoding;
};
DecodedText decode_text(std::string_view bytes, const std::string& encoding, const std::string& file);

}  // namespace baogao
