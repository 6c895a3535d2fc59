#include "cli/render_command.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "drafting/checks.hpp"
#include "drafting/draft.hpp"
#include "drafting/error.hpp"
#include "drafting/limits.hpp"
#include "drafting/manifest.hpp"
#include "drafting/readers.hpp"
#include "drafting/render.hpp"
#include "exporters/docx/docx_writer.hpp"
#include "exporters/format_profile.hpp"
#include "exporters/output_file.hpp"
#include "exporters/text/text_writer.hpp"

namespace baogao {
namespace fs = std::filesystem;

namespace {

enum class Format { docx, text, markup };

Format format_of(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".docx") return Format::docx;
  if (ext == ".txt") return Format::text;
  if (ext == ".md") return Format::markup;
  throw InputError("unsupported_output", Source{path, ""},
                   "unknown output extension '" + ext + "'; expected .docx, .txt or .md");
}

// Every file the draft is made from: none of them may be overwritten.
std::vector<fs::path> input_files(const std::string& data_path, const Manifest& manifest) {
  std::vector<fs::path> inputs{data_path};
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(manifest.dir, ec)) inputs.push_back(entry.path());
  return inputs;
}

}  // namespace

int run_render(const RenderCommand& command) {
  std::vector<Format> formats;
  for (const auto& out : command.outputs) formats.push_back(format_of(out));
  for (size_t i = 0; i < command.outputs.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (fs::weakly_canonical(command.outputs[i]) == fs::weakly_canonical(command.outputs[j]))
        throw InputError("usage", Source{command.outputs[i], ""},
                         "the same output is given twice; expected one -o per file");

  const Limits limits = limits_from(command.limits);
  Renderer renderer(load_manifest(find_template(command.template_name)), limits.templates);
  Findings read_findings;  // a workbook's: values that do not fit, unknown sheets
  Value data = read_data_file(command.data_path, &renderer.manifest(), &read_findings, limits.read);
  Draft draft = draft_report(data, renderer);
  // The same checks and lines as `baogao check` (issue 4); they never stop a draft.
  draft.findings = merge_render_findings(check_data(data, renderer.manifest()), draft.findings);
  draft.findings.insert(draft.findings.begin(), read_findings.begin(), read_findings.end());

  FormatProfile profile = gbt9704_profile();
  if (command.numbering != "text" && command.numbering != "word")
    throw InputError("usage", Source{}, "--numbering: found '" + command.numbering + "'; expected text or word");
  profile.heading_numbering = command.numbering == "word" ? HeadingNumbering::word : HeadingNumbering::text;
  DocxOptions docx_options;
  docx_options.mode = command.final_copy ? DocxMode::final_copy : DocxMode::review;
  docx_options.comment_author = command.comment_author;
  docx_options.comment_date = command.comment_date;
  docx_options.findings = draft.findings;  // shown as review comments where they point
  const std::size_t placeholders = count_placeholders(draft.document);
  const bool wants_docx = std::find(formats.begin(), formats.end(), Format::docx) != formats.end();
  const bool wants_text = std::find(formats.begin(), formats.end(), Format::text) != formats.end();
  // Options that shape an output not asked for would be ignored without a word.
  if (command.wrap_columns != 0 && !wants_text)
    std::cerr << "baogao: note: --wrap applies to a .txt output and none is written — 折行只对 .txt 输出有效\n";
  if (command.numbering == "word" && !wants_docx)
    std::cerr << "baogao: note: --numbering word applies to a .docx output and none is written — 仅对 .docx 输出有效\n";
  if (command.final_copy && wants_docx && placeholders > 0 && !command.force) {
    for (const auto& finding : draft.findings) std::cerr << format_finding(finding) << "\n";
    std::cerr << "baogao: --final: " << placeholders
              << " placeholder(s) 【待补充】 remain; fill them in or add --force; nothing written\n";
    return 1;
  }
  std::vector<std::string> bytes;
  for (size_t i = 0; i < formats.size(); ++i) {
    switch (formats[i]) {
      case Format::docx:
        bytes.push_back(write_docx(draft.document, profile, docx_options, draft.findings));
        break;
      case Format::text:
        bytes.push_back(write_text(draft.document, TextOptions{command.wrap_columns}));
        break;
      case Format::markup: bytes.push_back(draft.markup); break;
    }
  }

  for (const auto& finding : draft.findings) std::cerr << format_finding(finding) << "\n";
  if (command.strict && (has_placeholders(draft.findings) || has_errors(draft.findings))) {
    std::cerr << "baogao: --strict: required values are missing or the checks found errors; nothing written\n";
    return 1;
  }

  auto inputs = input_files(command.data_path, renderer.manifest());
  // All or nothing: every target is checked before the first one is written.
  for (const auto& out : command.outputs) check_output_file(out, inputs);
  for (size_t i = 0; i < formats.size(); ++i) write_output_file(command.outputs[i], bytes[i], inputs);
  return 0;
}

}  // namespace baogao
