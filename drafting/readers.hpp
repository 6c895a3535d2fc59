#pragma once
// Readers: input files → data tree (drafting/value.hpp). Each value keeps its Source.
//
// Every reader keeps object members in input order and each number's text as
// written (Value::text), and refuses an object with the same key twice.
#include <cstddef>
#include <string>
#include <string_view>

#include "drafting/finding.hpp"
#include "drafting/value.hpp"
#include "drafting/workbook.hpp"

namespace baogao {

struct Manifest;

/// Reads a data file, choosing the reader by extension (case-insensitive): .json,
/// .yaml/.yml; and the workbooks .xlsx/.xlsm/.xls and .csv/.tsv (read_workbook),
/// which are mapped onto the data tree by `manifest`'s workbook layout
/// (map_workbook, drafting/workbook_mapping.hpp; docs/workbooks.md). Sources name
/// `path` as given. A workbook's findings (values that do not fit their field, unknown
/// sheets and columns) are appended to `findings` when given.
/// Errors (InputError): "file_not_found" (missing, a folder, unreadable),
/// "unsupported_format" (naming the extension and those expected; also a workbook
/// without a manifest), and the reader's own (for workbooks, those of read_xlsx and
/// read_csv: "not_a_zip", "encrypted", "bad_encoding", …).
/// Limits (`options`): max_input_bytes for every file, max_data_depth and
/// max_yaml_values for JSON/YAML, all the others for workbooks ("too_large").
Value read_data_file(const std::string& path, const Manifest* manifest = nullptr, Findings* findings = nullptr,
                     const ReadOptions& options = {});

/// JSON text (UTF-8, RFC 8259) → data tree; sources are JSON pointers
/// ("/review/sections/0/heading"; the root's place is "").
/// Errors (InputError, place "line:column", 1-based, column in code points):
///  - "malformed_json": what was found and what was expected, e.g.
///    "malformed JSON: syntax error while parsing object - unexpected '}'; expected string literal";
///  - "duplicate_key": at the second occurrence, naming both line:columns;
///  - "too_large": objects and arrays nested deeper than `max_depth` (default 256, as
///    the YAML reader), at the bracket that goes one level too deep. The bound keeps
///    every later pass (render, destruction) from recursing without end.
inline constexpr std::size_t kMaxJsonDepth = 256;
Value parse_json(std::string_view text, const std::string& file, std::size_t max_depth = kMaxJsonDepth);

/// YAML text → data tree; sources are "line:column" (1-based, column in code
/// points) of the node. Plain scalars that read as decimal numbers (42, 2.46, 1e8)
/// become numbers, plain true/false booleans, plain null/~/empty null; quoted and
/// block scalars stay strings ("42" is text). Only the first document is read.
/// Errors (InputError, place "line:column"): "malformed_yaml" (yaml-cpp's reason),
/// "duplicate_key" (at the second occurrence, naming both line:columns), "too_large"
/// (lists and mappings nested deeper than `max_depth`, or more than `max_values` values
/// once aliases are expanded: an alias that refers to itself, "billion laughs").
inline constexpr std::size_t kMaxYamlValues = 500'000;
Value parse_yaml(std::string_view text, const std::string& file, std::size_t max_depth = kMaxJsonDepth,
                 std::uint64_t max_values = kMaxYamlValues);

}  // namespace baogao
