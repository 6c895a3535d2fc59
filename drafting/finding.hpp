#pragma once
// Findings: what the checks and the render report without stopping the draft.
#include <string>
#include <vector>

#include "drafting/source.hpp"

namespace baogao {

enum class Severity { note, warning, error };

/// One finding. `code` is stable per kind of finding ("missing_field",
/// "dropped_character", …); `message` is for people (Chinese by default).
struct Finding {
  Severity severity = Severity::warning;
  std::string code;
  Source where;
  std::string message;
};

using Findings = std::vector<Finding>;

/// "warning", "error", "note".
inline const char* to_string(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

/// One line per finding: "file:place: severity: message [code]".
inline std::string format_finding(const Finding& f) {
  std::string out = f.where.to_string();
  if (!out.empty()) out += ": ";
  out += to_string(f.severity);
  out += ": " + f.message + " [" + f.code + "]";
  return out;
}

}  // namespace baogao
