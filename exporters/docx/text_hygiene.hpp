#pragma once
// Text hygiene before anything reaches libxml2 (docx-bugs A1–A3, A7, A9): libxml2's
// own handling of bad characters differs between versions (2.9 copies C0 controls
// through, 2.15 turns them into U+FFFD), so we decide here, the same on every version.
#include <string>
#include <string_view>

#include "drafting/finding.hpp"

namespace baogao::docx {

/// True for a code point XML 1.0 allows (W3C XML 1.0 §2.2 Char): TAB, LF, CR,
/// U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
bool is_xml_char(char32_t c);

/// Cleans user text for a w:t, reporting every removal.
///  - invalid UTF-8 (overlong forms, encoded surrogates such as ED A0 BD, bytes
///    past U+10FFFF, truncated sequences) is dropped, one finding per bad sequence;
///  - CR LF and lone CR become LF (docx-bugs A7);
///  - U+000B (Word's manual line break, pasted from Word into Excel) becomes LF,
///    reported as a note (docx-bugs A2: a line break, not garbage);
///  - every other character outside XML 1.0 Char (C0 controls, U+FFFE, U+FFFF) is
///    dropped and reported as a warning, code "dropped_character" (docx-bugs A1);
///  - TAB and LF stay; the paragraph writer turns them into w:tab and w:br.
/// `where` locates the findings (the block's markup line:column).
std::string clean_text(std::string_view text, const Source& where, Findings& findings);

/// The same filtering without findings, for values that are not user text (profile
/// font names) and as libxml2's last line of defence: invalid UTF-8 and non-Char
/// code points are removed, nothing else changes.
std::string xml_safe(std::string_view text);

}  // namespace baogao::docx
