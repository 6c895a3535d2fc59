#pragma once
// The plain-text exporter: Document → UTF-8 text for Chinese readers (the ".txt twin"
// of the .docx). Layout values come from the format profile (GB/T 9704-2012 default):
// the 28-character line, each role's alignment and first-line indent.
#include <string>

#include "drafting/document.hpp"

namespace baogao {

struct TextOptions {
  /// Wrap lines at this many display columns (UAX #11 East Asian Width via ICU:
  /// W and F = 2 columns, everything else — Ambiguous included — 1; see
  /// exporters/text/line_breaker.hpp). 0 = no wrapping: one line per paragraph,
  /// the reader's viewer wraps (docx-bugs I2). Otherwise at least 8.
  int wrap_columns = 0;
};

/// Writes the document as plain text, UTF-8, "\n" line ends, ending with exactly one
/// "\n" ("" for a document without blocks), no spaces at line ends.
///
/// Layout, block by block (one blank line between blocks, none between the lines of
/// a multi-line title, between subtitle and speaker, or between signature and date):
///  - the measure is wrap_columns if set, else the profile's 28 characters (56
///    columns, GB/T 9704-2012 §5.2.3);
///  - title, subtitle, speaker and part headings (centred roles of the profile) are
///    centred in the measure with leading U+3000 (floor of half the free space);
///  - numbered headings get their number from HeadingCounter, exactly as the .docx:
///    level 1 一、 level 2 （一） level 3 1. level 4 （1） (GB/T 9704-2012 §7.3.3),
///    restarted by each part heading; part headings are not numbered;
///  - headings, paragraphs and the closing are indented by the profile's first-line
///    indent (two U+3000, "每个自然段左空二字"); a run of U+3000 typed at the start
///    is replaced by that indent, never added to it (docx-bugs I4); wrapped and
///    forced (line_break) continuation lines are flush left ("回行顶格");
///  - the salutation is flush left; signature and date are right-aligned in the
///    measure (U+3000 padding, one ASCII space first when the free width is odd);
///  - strong leads are plain text; spans are their content (no attributes);
///  - a table is one line per row: cells padded with spaces to the column's display
///    width and separated by two spaces; a cell with line breaks takes several
///    lines; tables are never wrapped;
///  - a page break is a line holding only a form feed (U+000C), the plain-text page
///    separator that pr, lpr and less honour;
///  - with wrapping, every line of a paragraph, heading, closing, salutation, title,
///    signature or date keeps to the measure (line_breaker.hpp: ICU line breaking,
///    UAX #14, plus GB/T 15834 禁则: no line starts with ，。、；：？！”’）》」』】〕…— or
///    , . ; : ? !, no line ends with an opening mark, numbers like 2.46 and 100%
///    never split; a mark that would start a line takes the preceding character
///    with it — push-in — rather than hanging past the measure); no space is ever
///    inserted between Chinese characters.
/// C0 controls other than TAB and invalid UTF-8 in the text are dropped.
/// Throws std::invalid_argument for wrap_columns < 0 or 1–7.
std::string write_text(const Document& document, const TextOptions& options = {});

}  // namespace baogao
