#pragma once
// `baogao check DATA [-t TEMPLATE] [--format text|json] [--fail-on SEVERITY] [--lang zh|en]`:
// the checks of drafting/checks.hpp over a data file, without drafting anything.
// DATA may also be a plain-text draft (.txt, .md): then only the text lint runs
// (lint_document), each finding at its line:column.
#include <string>
#include <vector>

namespace baogao {

struct CheckCommand {
  std::string data_path;
  std::string template_name = "cppcc-standing-committee";
  std::string format = "text";      ///< "text": one line per finding; "json": check_json
  std::string fail_on = "error";    ///< note | warning | error | never
  std::string lang = "zh";          ///< zh | en: language of the messages
  bool strict = false;              ///< --strict: also exit 1 on a missing required value, as render --strict
  std::vector<std::string> limits;  ///< --limit NAME=VALUE, repeatable (drafting/limits.hpp)
};

/// Runs the checks and prints the findings to stdout:
///   text  one line per finding, "file:place: severity: message [code]", then nothing
///         else (no line when clean);
///   json  {"findings": [{"severity": "error", "code": "sum_mismatch",
///                         "location": {"file": "data.json", "place": "/review/…"},
///                         "message": "…"}, …],
///          "counts": {"error": 1, "warning": 0, "note": 0}}
///         (keys always present; "place" may be "" for a finding about the whole file).
/// Returns the exit code: 0 when no finding is at or above --fail-on (never: always
/// 0; with --strict also a missing required value or an error fails), 1 when one is, 2 for an input error (unreadable data, unknown template, bad
/// option); on an input error --format json prints {"error": {"category", "message",
/// "file", "place"}} to stdout, text prints "baogao: error: …" to stderr.
int run_check(const CheckCommand& command);

}  // namespace baogao
