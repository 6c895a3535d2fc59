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
  // .docx review options (exporters/docx/docx_writer.hpp DocxOptions):
  bool final_copy = false;         ///< --final: no comments; refused while placeholders remain
  bool force = false;              ///< --force: a final copy even with placeholders
  std::string numbering = "text";  ///< --numbering text|word (HeadingNumbering)
  std::string comment_author;      ///< --author: comment author ("" = Baogao)
  std::string comment_date;        ///< --comment-date: 2017-12-13 or 2017-12-13T09:00:00Z
  std::vector<std::string> limits;  ///< --limit NAME=VALUE, repeatable (drafting/limits.hpp)
};

/// Runs the command; prints findings to stderr ("file:place: severity: message [code]").
/// The findings are those of `baogao check` (drafting/checks.hpp) and the render's own.
/// Returns the exit code: 0 done, 1 missing values or error findings under --strict, or placeholders
/// left in a --final .docx without --force (nothing written).
/// Errors: InputError for unreadable input, a bad template, an unknown output
/// extension, or an output that would overwrite an input.
int run_render(const RenderCommand& command);

}  // namespace baogao
