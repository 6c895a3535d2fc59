#pragma once
// Trimming white space from text read from data files and cells.
#include <string_view>

namespace baogao {

/// `s` without leading and trailing ASCII white space (space, tab, CR, LF).
inline std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace baogao
