// `baogao`: the command staff run. Subcommands:
//   baogao render DATA [-t TEMPLATE] -o OUT.docx [-o OUT.txt] [--strict] [--wrap N]
//   baogao inspect FILE [--format table|json] [--encoding NAME]
//   baogao init [-t TEMPLATE] -o DATA.xlsx [--from DATA] [--force]
//   baogao render … [--review | --final [--force]] [--numbering text|word] [--author NAME] [--comment-date DATE]
//   baogao stats FILE.docx|FILE.txt [--rate N] [--format text|json] [--no-render]
//   baogao check DATA [-t TEMPLATE] [--format text|json] [--fail-on SEVERITY] [--lang zh|en] [--strict]
//   baogao templates
// render, check, inspect and init take --limit NAME=VALUE (drafting/limits.hpp, docs/limits.md).
// Exit codes (DESIGN.md): 0 done, 1 findings under --strict, 2 usage or input error.
#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/check_command.hpp"
#include "cli/error_text.hpp"
#include "cli/init_command.hpp"
#include "cli/inspect_command.hpp"
#include "cli/render_command.hpp"
#include "cli/stats_command.hpp"
#include "drafting/error.hpp"
#include "drafting/limits.hpp"
#include "drafting/manifest.hpp"
#include "exporters/docx/docx_writer.hpp"

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
  render_cmd->add_option("data", render.data_path, "Data file (.json, .yaml, .xlsx, .csv)")->required();
  render_cmd->add_option("-t,--template", render.template_name,
                         "Template name (see `baogao templates`) or folder")
      ->default_val("cppcc-standing-committee");
  render_cmd->add_option("-o,--output", render.outputs,
                         "Output file; the format comes from the extension (.docx, .txt, .md = report markup). Repeatable")
      ->required();
  render_cmd->add_flag("--strict", render.strict,
                       "Fail (exit 1, nothing written) while a required value is missing or a check finds an error");
  render_cmd->add_option("--wrap", render.wrap_columns,
                         "Wrap .txt lines at N display columns (Chinese characters count 2); 0 = no wrap")
      ->check(CLI::Validator(
          [](std::string& v) {
            int n = -1;
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            bool ok = ec == std::errc{} && end == v.data() + v.size() && (n == 0 || (n >= 8 && n <= 10000));
            return ok ? std::string() : "found '" + v + "'; expected 0 (no wrap) or 8 to 10000 columns";
          },
          "0 or >= 8"));

  bool review_requested = false;  // the default; the flag exists so scripts can say so
  auto* review_flag = render_cmd->add_flag("--review", review_requested,
                                           "A review draft with comments: figure sources and derivations, "
                                           "placeholders, check findings (default)");
  render_cmd->add_flag("--final", render.final_copy,
                       "A final copy without comments; refused while 【待补充】 placeholders remain")
      ->excludes(review_flag);
  render_cmd->add_flag("--force", render.force, "With --final: write it even with placeholders left");
  render_cmd->add_option("--numbering", render.numbering,
                         "Heading numbers in the .docx: text (literal 一、（一）1.（1）) or word (list numbering)")
      ->check(CLI::IsMember({"text", "word"}))
      ->default_val("text");
  render_cmd->add_option("--author", render.comment_author, "Author of the review comments (default Baogao)");
  render_cmd->add_option("--comment-date", render.comment_date,
                         "Date of the review comments, 2017-12-13 or 2017-12-13T09:00:00Z "
                         "(default: the document date, as in docProps)")
      ->check(CLI::Validator(
          [](std::string& v) {
            return baogao::is_docx_date(v) ? std::string()
                                           : "found '" + v + "'; expected a real day, 2017-12-13 or 2017-12-13T09:00:00Z";
          },
          "DATE"));

  std::string limit_help = "Set a limit, NAME=VALUE; repeatable; defaults in docs/limits.md. NAME:";
  for (const auto& limit : baogao::limit_names())
    limit_help += "\n  " + std::string(limit.name) + ": " + std::string(limit.what) + (limit.bytes ? " (K, M, G)" : "");
  render_cmd->add_option("--limit", render.limits, limit_help);

  baogao::StatsCommand stats;
  auto* stats_cmd = app.add_subcommand("stats", "Count a draft as Word does (字数, paragraphs, pages, speaking time)");
  stats_cmd->add_option("file", stats.path, "A .docx or .txt")->required();
  stats_cmd->add_option("--rate", stats.rate, "Speaking rate in 字 per minute")
      ->default_val(220)
      ->check(CLI::Range(1, 10000));
  stats_cmd->add_option("--format", stats.format, "text (for people) or json (for scripts)")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_val("text");
  stats_cmd->add_flag("--no-render", stats.no_render,
                      "Do not run LibreOffice; estimate pages from the 22 × 28 grid");

  baogao::InspectCommand inspect;
  auto* inspect_cmd = app.add_subcommand("inspect", "Show what Baogao reads from a spreadsheet (.xlsx, .csv)");
  inspect_cmd->add_option("file", inspect.path, "Spreadsheet file")->required();
  inspect_cmd->add_option("--format", inspect.format, "table (for people) or json (for scripts)")
      ->check(CLI::IsMember({"table", "json"}))
      ->default_val("table");
  inspect_cmd->add_option("--encoding", inspect.encoding, "CSV encoding (e.g. GB18030); default: detect");
  inspect_cmd->add_option("--limit", inspect.limits, limit_help);

  baogao::InitCommand init;
  auto* init_cmd = app.add_subcommand("init", "Write the workbook (.xlsx) staff fill in for a template");
  init_cmd->add_option("-t,--template", init.template_name, "Template name (see `baogao templates`) or folder")
      ->default_val("cppcc-standing-committee");
  init_cmd->add_option("-o,--output", init.output, "The workbook to write (.xlsx)")->required();
  init_cmd->add_option("--from", init.from, "Fill it with this data (.json, .yaml, .xlsx, .csv)");
  init_cmd->add_flag("--force", init.force, "Replace the output if it exists");
  init_cmd->add_option("--limit", init.limits, limit_help);

  baogao::CheckCommand check;
  auto* check_cmd = app.add_subcommand("check", "Check a data file (figures, sums, rates, dates, punctuation) "
                                                "or lint a draft .txt/.md; exit 1 on findings at --fail-on");
  check_cmd->add_option("data", check.data_path, "Data file (.json, .yaml, .xlsx, .csv) or a draft (.txt, .md)")
      ->required();
  check_cmd->add_option("-t,--template", check.template_name, "Template name (see `baogao templates`) or folder")
      ->default_val("cppcc-standing-committee");
  check_cmd->add_option("--format", check.format, "text (one line per finding) or json (docs/figures.md)")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_val("text");
  check_cmd->add_option("--fail-on", check.fail_on, "Exit 1 when a finding is at or above: note, warning, error, never")
      ->check(CLI::IsMember({"note", "warning", "error", "never"}))
      ->default_val("error");
  check_cmd->add_option("--lang", check.lang, "Language of the messages: zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->default_val("zh");
  check_cmd->add_flag("--strict", check.strict,
                      "Exit 1 exactly when `render --strict` would refuse: a required value missing or an error");
  check_cmd->add_option("--limit", check.limits, limit_help);

  app.add_subcommand("templates", "List the built-in templates");

  // CLI11 says only "A subcommand is required" for `baogao rendr`: name the command.
  if (argc > 1 && std::string_view(argv[1]) == "help") {
    std::cout << app.help();
    return 0;
  }
  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      known = known || sub->get_name() == argv[1];
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (!known) {
      std::cerr << baogao::error_line(baogao::InputError(
                       "usage", baogao::Source{}, std::string("found the command '") + argv[1] + "'; expected one of " + names))
                << "\n";
      return 2;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    if (code != 0) std::cerr << "baogao: " << baogao::error_advice_zh("usage") << "\n";
    return code == 0 ? 0 : 2;
  }

  try {
    if (render_cmd->parsed()) return baogao::run_render(render);
    if (inspect_cmd->parsed()) return baogao::run_inspect(inspect);
    if (check_cmd->parsed()) return baogao::run_check(check);
    if (stats_cmd->parsed()) return baogao::run_stats(stats);
    if (init_cmd->parsed()) return baogao::run_init(init);
    return list_templates_command();
  } catch (const baogao::InputError& e) {
    // The category in brackets, as findings end with their code: scripts and tests match it.
    std::cerr << baogao::error_line(e) << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "baogao: internal error: " << e.what() << "\n";
    return 2;
  }
}
