// `baogao`: the command staff run. Subcommands:
//   baogao render DATA [-t TEMPLATE] -o OUT.docx [-o OUT.txt] [--strict] [--wrap N]
//   baogao inspect FILE [--format table|json] [--encoding NAME]
//   baogao templates
// Exit codes (DESIGN.md): 0 done, 1 findings under --strict, 2 usage or input error.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/inspect_command.hpp"
#include "cli/render_command.hpp"
#include "drafting/error.hpp"
#include "drafting/manifest.hpp"

namespace {

int list_templates_command() {
  for (const auto& manifest : baogao::list_templates())
    std::cout << manifest.name << "\t" << manifest.title << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  baogao::set_default_template_root(BAOGAO_TEMPLATE_DIR);
  CLI::App app{"Baogao (报告): drafts Chinese work reports (工作报告) from data into .docx and .txt"};
  app.set_version_flag("--version", std::string("baogao ") + BAOGAO_VERSION);
  app.require_subcommand(1);

  baogao::RenderCommand render;
  auto* render_cmd = app.add_subcommand("render", "Draft a report: data file → .docx / .txt");
  render_cmd->add_option("data", render.data_path, "Data file (.json, .yaml)")->required();
  render_cmd->add_option("-t,--template", render.template_name,
                         "Template name (see `baogao templates`) or folder")
      ->default_val("cppcc-standing-committee");
  render_cmd->add_option("-o,--output", render.outputs,
                         "Output file; the format comes from the extension (.docx, .txt, .md = report markup). Repeatable")
      ->required();
  render_cmd->add_flag("--strict", render.strict,
                       "Fail (exit 1, nothing written) while a required value is missing");
  render_cmd->add_option("--wrap", render.wrap_columns,
                         "Wrap .txt lines at N display columns (Chinese characters count 2); 0 = no wrap")
      ->check(CLI::Validator(
          [](std::string& v) {
            int n = std::stoi(v);
            return n == 0 || n >= 8 ? std::string() : std::string("expected 0 (no wrap) or at least 8 columns");
          },
          "0 or >= 8"));

  baogao::InspectCommand inspect;
  auto* inspect_cmd = app.add_subcommand("inspect", "Show what Baogao reads from a spreadsheet (.xlsx, .csv)");
  inspect_cmd->add_option("file", inspect.path, "Spreadsheet file")->required();
  inspect_cmd->add_option("--format", inspect.format, "table (for people) or json (for scripts)")
      ->check(CLI::IsMember({"table", "json"}));
  inspect_cmd->add_option("--encoding", inspect.encoding, "CSV encoding (e.g. GB18030); default: detect");

  app.add_subcommand("templates", "List the built-in templates");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    if (render_cmd->parsed()) return baogao::run_render(render);
    if (inspect_cmd->parsed()) return baogao::run_inspect(inspect);
    return list_templates_command();
  } catch (const baogao::InputError& e) {
    std::cerr << "baogao: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "baogao: internal error: " << e.what() << "\n";
    return 2;
  }
}
