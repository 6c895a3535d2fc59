#pragma once
// `baogao init`: the workbook staff fill for a template.
#include <string>
#include <vector>

namespace baogao {

struct InitCommand {
  std::string template_name;  ///< a name (see `baogao templates`) or a folder
  std::string output;         ///< the .xlsx to write
  std::string from;           ///< optional data file (.json, .yaml, .xlsx, .csv) to fill it with
  std::vector<std::string> limits;  ///< --limit NAME=VALUE, repeatable (drafting/limits.hpp)
  bool force = false;         ///< replace an existing output
};

/// Writes the template's workbook (exporters/xlsx/workbook_writer.hpp) to
/// `command.output`, atomically (exporters/output_file.hpp). With `from`, the workbook
/// holds that data; the findings of reading it go to stderr, one per line.
/// Returns 0. Errors (InputError): "unknown_template", "bad_manifest";
/// "unsupported_output" when the output does not end in .xlsx; "output_exists" when it
/// exists and `force` is not set (a filled workbook is never overwritten by mistake);
/// "output_is_input"/"output_error"; the reader's errors for `from`.
int run_init(const InitCommand& command);

}  // namespace baogao
