#pragma once
// Display width and line wrapping of Chinese text for the plain-text exporter.
//  - Width: UAX #11 East Asian Width through ICU (u_getIntPropertyValue with
//    UCHAR_EAST_ASIAN_WIDTH): Wide (W) and Fullwidth (F) take 2 columns; every other
//    class — Ambiguous (A: “ ” — … · among them) included — takes 1, as terminals and
//    wcwidth() do outside CJK legacy mode (UAX #11 §5: treat A as narrow without
//    context); combining marks (Mn, Me), format characters (Cf) and controls take 0;
//    TAB counts 1 (it is not expanded).
//  - Break opportunities: UAX #14 through ICU BreakIterator::createLineInstance
//    (locale zh), filtered by the Chinese line-breaking rules (禁则) of GB/T 15834-2011
//    as collected in shared/spec/number-punctuation-rules.md §D (L1–L5, N18).
#include <string>
#include <string_view>
#include <vector>

namespace baogao::text {

/// Display columns of one code point (see the header comment for the classes).
int display_width(char32_t c);

/// Display columns of UTF-8 text (ill-formed bytes count 0; the text writer never
/// passes any).
int display_width(std::string_view utf8);

/// True if a line must not start with `c` (GB/T 15834-2011 §5, rules L1, L3, L5):
/// ，。、；：？！ ” ’ ） ］ ｝ 》 〉 」 』 】 〕 〗 … — ― ～ · ・ ％ ‰ ℃ ／ and the half-width
/// , . ; : ? ! ) ] } % /.
bool is_no_start(char32_t c);

/// True if a line must not end with `c` (rule L2, L5): “ ‘ （ ［ ｛ 《 〈 「 『 【 〔 〖
/// and the half-width ( [ { /.
bool is_no_end(char32_t c);

/// Wraps one line of UTF-8 text (no '\n' in it) into lines of at most
/// `first_columns` display columns for the first line and `columns` for the rest.
/// Breaks only where ICU's UAX #14 line iterator allows and where
///  - the next line would not start with a no-start mark (is_no_start) and the line
///    would not end with a no-end mark (is_no_end): instead of letting the mark hang
///    past the measure, the line breaks one opportunity earlier (push-in, so the
///    measure always holds; hanging is "uncommon in mainland publications", rule L7);
///  - the break is not inside a number (N18, L4): not between digits, not inside
///    2.46 / 37,095 / 15:40, not before % ％ ‰, not between a digit and 万 or 亿;
///  - "——" and "……" stay whole (L3).
/// No character is added or removed, except that ASCII spaces at a break are
/// dropped (UAX #14 lets them hang); so the lines concatenated give back the text
/// with those spaces removed, and no space is ever inserted between Chinese
/// characters (docx-bugs I3). U+3000 is kept everywhere (I4).
/// If no allowed break fits (a Latin word, URL or number longer than the measure),
/// the line is cut at the last character boundary (grapheme cluster) that fits and
/// still keeps the punctuation and number rules; only if there is none either does
/// the line run past the measure up to the next allowed break.
/// Throws std::invalid_argument if `first_columns` or `columns` is below 2.
std::vector<std::string> wrap_line(std::string_view utf8, int first_columns, int columns);

}  // namespace baogao::text
