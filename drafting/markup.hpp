#pragma once
// Report markup: the text a template renders, parsed into a Document.
//
// Syntax (one construct per line; a blank line ends a paragraph or a table; leading
// and trailing ASCII spaces/TABs of a line are ignored, U+3000 never is):
//   ::title TEXT          one title line (repeat for a title over 2–3 lines)
//   ::subtitle TEXT       ::speaker TEXT     ::salutation TEXT
//   ::closing TEXT        ::signature TEXT   ::date TEXT      ::pagebreak
//   ::meta KEY VALUE      document info: KEY is title, subject, author or date
//                         (date as ISO YYYY-MM-DD); without `::meta title`,
//                         info.title is the ::title lines joined with no separator
//   # TEXT                part heading (not numbered)
//   ## TEXT … ##### TEXT  numbered headings, levels 1–4 (一、（一）1.（1）, by exporters)
//   | a | b |             table row; consecutive rows make one table, the first row is
//                         the header; cells are trimmed; the closing | is optional;
//                         separator rows made only of | : - and spaces (|---|:---:|)
//                         are ignored
//   other lines           paragraph text; lines of one paragraph are joined with
//                         NO separator (Chinese text has no spaces between lines)
// Inline (a construct must close on the line where it opens):
//   **TEXT**              strong (run-in lead); may hold escapes and line breaks only
//   [TEXT]{k="v" k2="v"}  annotated span (src, derivation, missing, note); its TEXT
//                         may hold strong text but no other span. Attribute values
//                         take \" \\ and \n (newline); keys are [A-Za-z_][A-Za-z0-9_-]*
//   \X                    the character X literally, for any X (escape_markup uses
//                         it for \ * # [ ] { } | : " and for spaces/TABs at either
//                         end of a value); a stray ] is an error, { } are literal
//   \ at line end         a line break inside the text; the next line continues the
//                         same construct (so it works in headings, cells, directives)
// Adjacent text inlines are merged; a construct never yields an empty text inline.
#include <string>
#include <string_view>

#include "drafting/document.hpp"

namespace baogao {

/// Parses report markup (UTF-8; a leading BOM is skipped; LF, CR LF or CR line
/// ends) into a Document. Every block's `source` is {file, "line:column"} of the
/// construct's first character. `file` names the markup's origin for messages.
/// Errors: InputError category "markup_syntax", place "line:column" (1-based,
/// column in code points), message "found …; expected …", for: an unknown `::`
/// directive, ::pagebreak with text, an unknown
/// ::meta key, a heading level over 4, a
/// `#` not followed by a space, an empty table row, an unclosed
/// `**` or `[…]{…}`, a stray `]`, a span inside strong text or another span, a
/// malformed or duplicate attribute, invalid UTF-8, and control characters other
/// than TAB (and U+FFFE/U+FFFF), which escape_markup never lets through.
/// A directive or heading whose text is empty (an empty data value) is left out; a
/// ::meta date that is not YYYY-MM-DD leaves Document::info.date empty.
Document parse_markup(std::string_view markup, const std::string& file = "<markup>");

/// Escapes text so that parse_markup gives it back literally, wherever it is placed
/// (line start, inside a paragraph, a table cell, a span's content, a heading or a
/// directive's text): every markup character (\ * # [ ] { } | : ") gets a backslash,
/// as do spaces/TABs at either end of the value and the first '-' of a value made
/// only of '-' and spaces (so it can never read as a |---| separator row);
/// "\n", "\r\n" and a lone "\r" become a line break (backslash + newline,
/// docx-bugs A7); TAB stays; other C0 controls (U+000B included), U+FFFE/U+FFFF and
/// invalid UTF-8 (each maximal ill-formed subsequence, as ICU's U8_NEXT reads it,
/// e.g. the encoded surrogate ED A0 BD) are dropped (docx-bugs A1, A9) — `dropped`
/// (if given) receives how many characters/sequences were dropped. Emoji and other
/// non-BMP characters (😀, 𠀀) pass through unchanged.
std::string escape_markup(std::string_view text, int* dropped = nullptr);

/// Escapes an attribute value for use inside "…": backslash before " and \,
/// "\n" / "\r\n" / "\r" as \n; TAB stays; other C0 controls, U+FFFE/U+FFFF and
/// invalid UTF-8 are dropped. parse_markup gives the value back literally.
std::string escape_attribute(std::string_view value);

}  // namespace baogao
