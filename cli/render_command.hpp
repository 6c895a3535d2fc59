#pragma once
// `baogao render`: data → template → Document → each requested output.
#include <string>
#include <vector>

namespace baogao {

struct RenderCommand {
  std::string data_path;
  std::string template_name;
  std::vector<std::string> outputs;  ///< format by extension: .docx, .txt, .md (markup)
  bool strict = false;
  int wrap_columns = 0;
};

/// Runs the command; prints findings to stderr ("file:place: severity: message [code]").
/// Returns the exit code: 0 done, 1 missing values under --strict (nothing written).
/// Errors: InputError for unreadable input, a bad template, an unknown output
/// extension, or an output that would overwrite an input.
int run_render(const RenderCommand& command);

}  // namespace baogao
