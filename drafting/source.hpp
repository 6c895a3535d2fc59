#pragma once
// Where a value or a piece of markup came from, for errors and review comments.
#include <string>

namespace baogao {

/// A place in an input file.
/// `file` is the path as given by the user; `place` is format-specific:
///   JSON  — a JSON pointer, e.g. "/review/sections/1/heading"
///   YAML  — "line:column" (1-based)
///   .xlsx — "Sheet!B7"; .csv — "line:column"; templates and markup — "line:column".
struct Source {
  std::string file;
  std::string place;

  bool empty() const { return file.empty() && place.empty(); }
  /// "file:place", or just the part that is known.
  std::string to_string() const {
    if (place.empty()) return file;
    if (file.empty()) return place;
    return file + ":" + place;
  }
};

}  // namespace baogao
