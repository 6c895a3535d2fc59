#pragma once
// Readers: input files → data tree (drafting/value.hpp). Each value keeps its Source.
//
// Every reader keeps object members in input order and each number's text as
// written (Value::text), and refuses an object with the same key twice.
#include <string>
#include <string_view>

#include "drafting/value.hpp"

namespace baogao {

/// Reads a data file, choosing the reader by extension (case-insensitive): .json,
/// .yaml/.yml. Sources name `path` as given.
/// Errors (InputError): "file_not_found" (missing, a folder, unreadable),
/// "unsupported_format" (naming the extension and those expected), and the
/// reader's own.
Value read_data_file(const std::string& path);

/// JSON text (UTF-8, RFC 8259) → data tree; sources are JSON pointers
/// ("/review/sections/0/heading"; the root's place is "").
/// Errors (InputError, place "line:column", 1-based, column in code points):
///  - "malformed_json": what was found and what was expected, e.g.
///    "malformed JSON: syntax error while parsing object - unexpected '}'; expected string literal";
///  - "duplicate_key": at the second occurrence, naming both line:columns.
Value parse_json(std::string_view text, const std::string& file);

/// YAML text → data tree; sources are "line:column" (1-based, column in code
/// points) of the node. Plain scalars that read as decimal numbers (42, 2.46, 1e8)
/// become numbers, plain true/false booleans, plain null/~/empty null; quoted and
/// block scalars stay strings ("42" is text). Only the first document is read.
/// Errors (InputError, place "line:column"): "malformed_yaml" (yaml-cpp's reason),
/// "duplicate_key" (at the second occurrence, naming both line:columns).
Value parse_yaml(std::string_view text, const std::string& file);

}  // namespace baogao
