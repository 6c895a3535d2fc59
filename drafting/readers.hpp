#pragma once
// Readers: input files → data tree (drafting/value.hpp). Each value keeps its Source.
#include <string>
#include <string_view>

#include "drafting/value.hpp"

namespace baogao {

/// Reads a data file, choosing the reader by extension: .json, .yaml/.yml.
/// Errors (InputError): "file_not_found", "unsupported_format", and the reader's own.
Value read_data_file(const std::string& path);

/// JSON text → data tree; sources are JSON pointers ("/review/sections/0/heading").
/// Errors: InputError "malformed_json" at "line:column" with what was expected.
Value parse_json(std::string_view text, const std::string& file);

/// YAML text → data tree; sources are "line:column" (1-based).
/// Errors: InputError "malformed_yaml" at "line:column".
Value parse_yaml(std::string_view text, const std::string& file);

}  // namespace baogao
