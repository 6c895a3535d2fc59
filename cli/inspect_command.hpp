#pragma once
// `baogao inspect FILE [--format table|json] [--encoding NAME]`: shows what the
// readers see in a spreadsheet (sheets, typed cell values, merges, hidden sheets).
#include <string>
#include <vector>

namespace baogao {

struct InspectCommand {
  std::string path;
  std::string format = "table";  ///< "table" (for people) or "json" (for scripts and tests)
  std::string encoding;          ///< CSV only: the encoding's name; empty = detect
  std::vector<std::string> limits;  ///< --limit NAME=VALUE, repeatable (drafting/limits.hpp)
};

/// Reads `path` (read_workbook) and prints it to stdout: inspect_table or inspect_json.
/// Returns the exit code: 0 done; 2 when the file cannot be read (InputError) or the
/// format is unknown. On a read error, --format json prints inspect_error_json to
/// stdout, --format table prints "baogao: error: <file:place: message> [category]"
/// to stderr. Nothing is thrown.
int run_inspect(const InspectCommand& command);

}  // namespace baogao
