#pragma once
// Inlines → w:r elements (ECMA-376 Part 1 §17.3.2), shared by body paragraphs and
// table cells.
#include "drafting/document.hpp"
#include "drafting/finding.hpp"
#include "exporters/docx/comments.hpp"
#include "exporters/docx/xml_writer.hpp"
#include "exporters/format_profile.hpp"

namespace baogao::docx {

/// Writes `inlines` as runs of the current paragraph:
///  - text: its characters, cleaned (text_hygiene.hpp; drops reported in `findings`
///    at `where`); "\n" → w:br and "\t" → w:tab, siblings of w:t inside the run
///    (docx-bugs A7, A8); every w:t has xml:space="preserve" (A6);
///  - strong: a run-in lead in profile.lead's font;
///  - line_break: w:br;
///  - span: its content; a span with a "missing" attribute is highlighted with
///    profile.missing_highlight so the placeholder stands out in review. With a
///    `commenter`, the span's review comment (source, derivation, what is missing,
///    findings) is anchored on the span's runs (comments.hpp).
/// Runs whose text holds punctuation shared by Chinese and Latin (“ ” ‘ ’ — … ·) get
/// w:hint="eastAsia" so Word draws it full width in the Chinese face (docx-bugs E3).
/// `font` is the paragraph style's font. When a run's East Asian font is a *_GB2312
/// face, characters outside GB 2312 (rare name characters such as 𠮷, 堃) go into
/// runs of their own in the face's altName from profile.font_faces (仿宋_GB2312 →
/// 仿宋, which covers GBK), and each is reported as a note, code "font_fallback"
/// (docx-bugs E4).
void write_inlines(XmlWriter& w, const Inlines& inlines, const FontSpec& font, const FormatProfile& profile,
                   const Source& where, Findings& findings, Commenter* commenter = nullptr);

/// One run holding `text` (already clean), with the role's own formatting.
void write_plain_run(XmlWriter& w, const std::string& text);

}  // namespace baogao::docx
