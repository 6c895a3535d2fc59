#pragma once
// The plain-text exporter: Document → UTF-8 text for Chinese readers.
#include <string>

#include "drafting/document.hpp"

namespace baogao {

struct TextOptions {
  /// Wrap body lines at this many display columns (CJK and full-width = 2,
  /// others = 1; UAX #11 East Asian Width via ICU). 0 = no wrapping.
  int wrap_columns = 0;
};

/// Title block lines centred with full-width spaces (U+3000) in a 28-character
/// (56-column) measure, headings numbered as in the .docx (一、（一）1.（1）),
/// paragraphs indented with two U+3000, blank line between blocks, "\n" endings.
/// With wrapping: ICU line breaking (UAX #14), and no line starts with closing
/// punctuation (，。、；：？！”’）》 …): such a character is pulled back onto the
/// previous line (hanging punctuation).
std::string write_text(const Document& document, const TextOptions& options = {});

}  // namespace baogao
