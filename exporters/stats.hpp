#pragma once
// Document statistics the way Word's 字数统计 (Word Count) dialog gives them, for
// docProps/app.xml and `baogao stats`: 字数, characters with and without spaces,
// paragraphs, pages (rendered by LibreOffice, or estimated from the GB/T 9704 grid)
// and the speaking time of a report read aloud.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baogao {

/// Counts as Word's 字数统计 shows them (Word 2010 and later, zh-CN UI):
///   字数 (words)                     = east_asian + other_words
///   中文字符和朝鲜语单词 (east_asian) = every East Asian character, each one a
///                                      word: Unicode East Asian Width W or F (UAX #11:
///                                      hanzi, kana, hangul, full-width punctuation
///                                      such as ，。、：（）《》 and U+3000 excluded as a
///                                      space), plus the ambiguous-width punctuation a
///                                      Chinese document draws in its East Asian font
///                                      (“ ” ‘ ’ — … ·, w:hint="eastAsia");
///   非中文单词 (other_words)          = maximal runs of other non-space characters
///                                      ("356", "100%", "2.46", "and");
///   字符数（不计空格）(characters)     = every character that is not white space;
///   字符数（计空格）(characters_with_spaces) = that plus spaces and tabs (U+3000 too);
///   段落数 (paragraphs)               = paragraphs with at least one character.
/// Line breaks inside a paragraph separate words and are not characters; C0
/// controls and invalid UTF-8 are skipped. Comments, footers and list numbers
/// (numbering.xml) are not text of the body: Word leaves them out too.
struct TextCounts {
  long long words = 0;
  long long east_asian = 0;
  long long other_words = 0;
  long long characters = 0;
  long long characters_with_spaces = 0;
  long long paragraphs = 0;

  /// Adds one paragraph's text (UTF-8; "\n" a line break, "\t" a tab).
  void add_paragraph(std::string_view text);
};

/// One paragraph of a file, for counting and for the page estimate.
struct StatParagraph {
  std::string text;   ///< UTF-8; w:br → "\n", w:tab → "\t"
  std::string style;  ///< w:pStyle of a .docx paragraph, "" for .txt lines
  int table_row = -1; ///< ≥ 0: the paragraph is in this table row (counted once per row)
  bool page_break_before = false;  ///< a hard page break (w:br type=page, or a form feed line)
};

/// The paragraphs of a .docx body (word/document.xml, tables included, in order;
/// ECMA-376 Part 1 §17.3.1.22 w:p, §17.3.3 run content). Runs' w:t text is joined;
/// w:tab → "\t", w:br / w:cr → "\n"; w:delText, w:instrText (field codes) are left
/// out. A paragraph holding only a page break becomes page_break_before of the next.
/// Errors: std::runtime_error naming the file when it is not a zip, has no
/// word/document.xml, or that part is not well-formed XML.
std::vector<StatParagraph> docx_paragraphs(const std::filesystem::path& docx);

/// The paragraphs of a plain-text file: every non-empty line is one paragraph, as
/// Word reads a .txt; a line holding only a form feed (U+000C, what write_text puts
/// for a page break) breaks the page. A UTF-8 BOM is skipped; CR LF accepted.
/// Errors: std::runtime_error when the file cannot be read.
std::vector<StatParagraph> text_paragraphs(const std::filesystem::path& txt);

/// Pages estimated from the GB/T 9704-2012 §5.2.3 grid: `lines_per_page` lines of
/// `chars_per_line` characters (22 × 28). A paragraph takes ceil(width / chars_per_line)
/// lines, at least one, where a wide character is 1 and a narrow one ½; body-indented
/// .docx styles (BodyText, Heading1–4, Closing) add the 2-character first-line
/// indent; a table row takes one line; a page break starts a new page. Empty .docx
/// paragraphs take a line. Returns ≥ 1 for any paragraph, 0 for none.
int estimate_pages(const std::vector<StatParagraph>& paragraphs, int lines_per_page = 22, int chars_per_line = 28);

/// The page count of `file` as LibreOffice lays it out: `soffice --headless
/// --convert-to pdf` with a private, throw-away profile (-env:UserInstallation) in a
/// temporary folder, then the PDF's page objects counted. soffice is $BAOGAO_SOFFICE
/// if set, else `soffice` on PATH. Runs in its own process group, killed after
/// `timeout_seconds`. Returns nullopt (and says why in `why`) when LibreOffice is
/// missing, fails, times out or writes no PDF; never throws for those.
std::optional<int> rendered_pages(const std::filesystem::path& file, std::string* why = nullptr,
                                  int timeout_seconds = 180);

/// Everything `baogao stats` reports for one file.
struct FileStats {
  std::string file;
  TextCounts counts;
  int pages = 0;
  bool pages_rendered = false;  ///< true: LibreOffice's layout; false: estimate_pages
  std::string pages_note;       ///< why the estimate was used ("" when rendered)
  int rate = 220;               ///< speaking rate, 字/分钟
  double speaking_minutes = 0;  ///< counts.words / rate
};

/// Reads a .docx or .txt (by extension, case-insensitive) and computes its stats.
/// `render`: try LibreOffice for the page count of a .docx (a .txt is always
/// estimated: it has no page layout of its own). `rate` in 字/分钟, > 0.
/// Errors: std::invalid_argument for another extension or rate ≤ 0;
/// std::runtime_error from the readers above.
FileStats file_stats(const std::filesystem::path& file, int rate = 220, bool render = true);

/// The stats as lines for people (Chinese labels, Word's names for the counts).
std::string format_stats(const FileStats& stats);
/// The stats as one JSON object (UTF-8), keys: file, words, east_asian_characters,
/// non_east_asian_words, characters, characters_with_spaces, paragraphs, pages,
/// pages_method ("libreoffice" or "estimate"), pages_note, rate, speaking_minutes.
std::string stats_json(const FileStats& stats);

}  // namespace baogao
