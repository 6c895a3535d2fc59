// word/document.xml — ECMA-376 Part 1 §17.2. Each block becomes a paragraph in its
// role's style (all layout lives in styles.xml), then one final sectPr with the
// page, margins and line grid of GB/T 9704-2012 §5.
#include <algorithm>
#include <string>
#include <string_view>

#include "drafting/numbering.hpp"
#include "exporters/docx/parts.hpp"
#include "exporters/docx/properties.hpp"
#include "exporters/docx/runs.hpp"
#include "exporters/docx/table.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {
namespace {

using Role = Block::Role;

bool in_title_block(Role r) { return r == Role::title || r == Role::subtitle || r == Role::speaker; }

const RoleStyle& role_style(const Block& b, const FormatProfile& p) {
  switch (b.role) {
    case Role::title: return p.title;
    case Role::subtitle: return p.subtitle;
    case Role::speaker: return p.speaker;
    case Role::salutation: return p.salutation;
    case Role::part: return p.part;
    case Role::heading:
      switch (b.level) {
        case 1: return p.heading1;
        case 2: return p.heading2;
        case 3: return p.heading3;
        default: return p.heading4;
      }
    case Role::closing: return p.closing;
    case Role::signature: return p.signature;
    case Role::date: return p.date;
    case Role::table: return p.table;
    case Role::paragraph:
    case Role::page_break: break;
  }
  return p.body;
}

class BodyWriter {
 public:
  BodyWriter(XmlWriter& w, const FormatProfile& p, Findings& f) : w_(w), profile_(p), findings_(f) {}

  void blocks(const std::vector<Block>& list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Block& b = list[i];
      // One blank line between the title block and what follows it (spec §6).
      if (i > 0 && in_title_block(list[i - 1].role) && !in_title_block(b.role))
        for (int n = 0; n < profile_.blank_lines_after_title_block; ++n) empty_paragraph();
      block(b);
      // Two tables in a row would fuse into one in Word, and a body should not end
      // in a table: separate them with an empty paragraph.
      if (b.role == Role::table && (i + 1 == list.size() || list[i + 1].role == Role::table)) empty_paragraph();
    }
  }

 private:
  void block(const Block& b) {
    switch (b.role) {
      case Role::page_break:
        // A paragraph of its own, so the next paragraph keeps its first-line indent.
        w_.start("w:p").start("w:r").start("w:br").attr("w:type", "page").end().end().end();
        return;
      case Role::table:
        write_table(w_, b, profile_, findings_);
        return;
      case Role::part:
        counter_.start_part();  // a part restarts the numbering of its headings
        paragraph(b, "");
        return;
      case Role::heading:
        paragraph(b, counter_.next(heading_level(b)));
        return;
      default:
        paragraph(b, "");
    }
  }

  // Levels outside 1–4 are clamped (GB/T 9704-2012 §7.3.3 defines four) and reported.
  int heading_level(const Block& b) {
    const int level = std::clamp(b.level, 1, 4);
    if (level != b.level)
      findings_.push_back({Severity::warning, "heading_level", b.source,
                           "标题层级 " + std::to_string(b.level) + " 超出 1–4，按第 " + std::to_string(level) +
                               " 级处理"});
    return level;
  }

  void paragraph(const Block& b, const std::string& number) {
    const RoleStyle& role = role_style(b, profile_);
    w_.start("w:p");
    ParagraphProps ppr;
    ppr.style = role.style_id;
    write_paragraph_props(w_, ppr);
    // Heading numbers are literal text in the heading's own style, never Word
    // auto-numbering (docx-bugs F2: numbers restart exactly where the document says).
    if (!number.empty()) write_plain_run(w_, number);
    if (role.first_line_chars > 0 && starts_with_ideographic_space(b.inlines))
      write_inlines(w_, without_leading_ideographic_spaces(b.inlines), role.font, profile_, b.source, findings_);
    else
      write_inlines(w_, b.inlines, role.font, profile_, b.source, findings_);
    w_.end();
  }

  // A typed indent (two U+3000, the plain-text convention) on top of the style's
  // first-line indent would indent four characters: the style's indent wins
  // (docx-bugs I4). Leading ASCII spaces are kept (A6).
  static constexpr std::string_view kIdeographicSpace = "\u3000";
  static bool starts_with_ideographic_space(const Inlines& in) {
    return !in.empty() && (in[0].kind == Inline::Kind::text || in[0].kind == Inline::Kind::strong) &&
           in[0].text.starts_with(kIdeographicSpace);
  }
  static Inlines without_leading_ideographic_spaces(Inlines in) {
    std::string& t = in[0].text;
    std::size_t n = 0;
    while (t.compare(n, kIdeographicSpace.size(), kIdeographicSpace) == 0) n += kIdeographicSpace.size();
    t.erase(0, n);
    return in;
  }

  void empty_paragraph() {
    w_.start("w:p");
    ParagraphProps ppr;
    ppr.style = profile_.normal.style_id;
    write_paragraph_props(w_, ppr);
    w_.end();
  }

  XmlWriter& w_;
  const FormatProfile& profile_;
  Findings& findings_;
  HeadingCounter counter_;
};

// The section: footers, A4 page, margins and the line grid (GB/T 9704-2012 §5.1–5.2;
// spec §2 and variant B1: type "lines", never linesAndChars, which LibreOffice draws
// at 14 characters a line).
void section(XmlWriter& w, const FormatProfile& p) {
  w.start("w:sectPr");
  if (outer_page_numbers(p)) {
    w.start("w:footerReference").attr("w:type", "even").attr("r:id", kRelFooterEven).end();
    w.start("w:footerReference").attr("w:type", "default").attr("r:id", kRelFooterOdd).end();
  } else {
    w.start("w:footerReference").attr("w:type", "default").attr("r:id", kRelFooterOdd).end();
  }
  w.start("w:pgSz").attr("w:w", p.page_width).attr("w:h", p.page_height).end();
  w.start("w:pgMar").attr("w:top", p.margin_top).attr("w:right", p.margin_right).attr("w:bottom", p.margin_bottom)
      .attr("w:left", p.margin_left).attr("w:header", p.header_distance).attr("w:footer", p.footer_distance)
      .attr("w:gutter", 0).end();
  w.start("w:docGrid").attr("w:type", "lines").attr("w:linePitch", p.line_pitch).end();
  w.end();
}

}  // namespace

std::string document_xml(const Document& document, const FormatProfile& profile, Findings& findings) {
  XmlWriter w;
  w.start("w:document").attr("xmlns:w", kNsW).attr("xmlns:r", kNsR);
  w.start("w:body");
  BodyWriter(w, profile, findings).blocks(document.blocks);
  section(w, profile);
  w.end().end();
  return w.finish();
}

}  // namespace baogao::docx
