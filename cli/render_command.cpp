#include "cli/render_command.hpp"

#include <filesystem>
#include <iostream>

#include "drafting/draft.hpp"
#include "drafting/error.hpp"
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

  Value data = read_data_file(command.data_path);
  Renderer renderer(load_manifest(find_template(command.template_name)));
  Draft draft = draft_report(data, renderer);

  FormatProfile profile = gbt9704_profile();
  std::vector<std::string> bytes;
  for (size_t i = 0; i < formats.size(); ++i) {
    switch (formats[i]) {
      case Format::docx:
        bytes.push_back(write_docx(draft.document, profile, DocxOptions{}, draft.findings));
        break;
      case Format::text:
        bytes.push_back(write_text(draft.document, TextOptions{command.wrap_columns}));
        break;
      case Format::markup: bytes.push_back(draft.markup); break;
    }
  }

  for (const auto& finding : draft.findings) std::cerr << format_finding(finding) << "\n";
  if (command.strict && has_placeholders(draft.findings)) {
    std::cerr << "baogao: --strict: required values are missing; nothing written\n";
    return 1;
  }

  auto inputs = input_files(command.data_path, renderer.manifest());
  for (size_t i = 0; i < formats.size(); ++i) write_output_file(command.outputs[i], bytes[i], inputs);
  return 0;
}

}  // namespace baogao
