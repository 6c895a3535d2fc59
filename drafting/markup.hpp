#pragma once
// Report markup: the text a template renders, parsed into a Document.
//
// Syntax (one construct per line; a blank line ends a paragraph):
//   ::title TEXT          one title line (repeat for a title over 2–3 lines)
//   ::subtitle TEXT       ::speaker TEXT     ::salutation TEXT
//   ::closing TEXT        ::signature TEXT   ::date TEXT      ::pagebreak
//   ::meta KEY VALUE      document info: title, subject, author, date (ISO)
//   # TEXT                part heading (not numbered)
//   ## TEXT … ##### TEXT  numbered headings, levels 1–4 (一、（一）1.（1）, by exporters)
//   | a | b |             table row; the first row is the header; |---| rows ignored
//   other lines           paragraph text; lines of one paragraph are joined with
//                         NO separator (Chinese text has no spaces between lines)
// Inline:
//   **TEXT**              strong (run-in lead)
//   [TEXT]{k="v" k2="v"}  annotated span (src, derivation, missing, note)
//   \X                    the character X literally, for X in \ * # [ ] { } | : "
//   \ at line end         a line break inside the paragraph
#include <string>
#include <string_view>

#include "drafting/document.hpp"

namespace baogao {

/// Parses report markup into a Document.
/// `file` names the markup's origin for error messages.
/// Errors: InputError category "markup_syntax" with place "line:column" (1-based,
/// column in code points) for an unknown `::` directive, a heading level over 4, an
/// unclosed `**` or `[…]{…}`, or a malformed attribute list.
Document parse_markup(std::string_view markup, const std::string& file = "<markup>");

/// Escapes text so that parse_markup gives it back literally, wherever it is placed:
/// every markup character gets a backslash; "\n" (and "\r\n") become a line break
/// (backslash + newline); TAB stays; other C0 controls, U+FFFE/U+FFFF and invalid
/// UTF-8 are dropped — `dropped` (if given) receives the count. Emoji and other
/// non-BMP characters pass through unchanged.
std::string escape_markup(std::string_view text, int* dropped = nullptr);

/// Escapes an attribute value for use inside "…" (backslash before " and \).
std::string escape_attribute(std::string_view value);

}  // namespace baogao
