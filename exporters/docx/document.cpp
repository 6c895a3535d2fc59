// word/document.xml — ECMA-376 Part 1 §17.2. Each block becomes a paragraph in its
// role's style (all layout lives in styles.xml), then one final sectPr with the
// page, margins and line grid of GB/T 9704-2012 §5.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

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
  BodyWriter(XmlWriter& w, const FormatProfile& p, Findings& f, Commenter& c)
      : w_(w), profile_(p), findings_(f), commenter_(c) {}

  /// w:num instances used so far (HeadingNumbering::word): 1 for the headings before
  /// the first part, then one per part.
  int numbering_instances() const { return num_id_; }

  void blocks(const std::vector<Block>& list) {
    // Findings with nowhere to go in a document without paragraphs: one empty
    // paragraph carries them.
    if (commenter_.has_unplaced() && std::none_of(list.begin(), list.end(), [](const Block& b) {
          return b.role != Role::table && b.role != Role::page_break;
        })) {
      Block carrier;
      carrier.role = Role::paragraph;
      paragraph(carrier, "");
    }
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
      case Role::page_break: {
        // A paragraph of its own, so the next paragraph keeps its first-line indent.
        w_.start("w:p");
        const int comment = commenter_.open_paragraph(w_, b);
        w_.start("w:r").start("w:br").attr("w:type", "page").end().end();
        commenter_.close(w_, comment);
        w_.end();
        return;
      }
      case Role::table:
        write_table(w_, b, profile_, findings_, &commenter_);
        return;
      case Role::part:
        counter_.start_part();  // a part restarts the numbering of its headings
        ++num_id_;              // … and gets a list instance of its own (docx-bugs F2)
        paragraph(b, "");
        return;
      case Role::heading: {
        const int level = heading_level(b);
        const std::string number = counter_.next(level);
        if (profile_.heading_numbering == HeadingNumbering::word)
          paragraph(b, "", std::pair{level - 1, num_id_});
        else
          paragraph(b, number);
        return;
      }
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

  // `number`: a heading number written as text; `list`: (w:ilvl, w:numId) of a
  // heading numbered by numbering.xml instead.
  void paragraph(const Block& b, const std::string& number,
                 std::optional<std::pair<int, int>> list = std::nullopt) {
    const RoleStyle& role = role_style(b, profile_);
    w_.start("w:p");
    ParagraphProps ppr;
    ppr.style = role.style_id;
    ppr.numbering = list;
    write_paragraph_props(w_, ppr);
    const int comment = commenter_.open_paragraph(w_, b);
    // HeadingNumbering::text: the number is literal text in the heading's own style,
    // so it restarts exactly where the document says (docx-bugs F2).
    if (!number.empty()) write_plain_run(w_, number);
    if (role.first_line_chars > 0 && starts_with_ideographic_space(b.inlines))
      write_inlines(w_, without_leading_ideographic_spaces(b.inlines), role.font, profile_, b.source, findings_,
                    &commenter_);
    else
      write_inlines(w_, b.inlines, role.font, profile_, b.source, findings_, &commenter_);
    commenter_.close(w_, comment);
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
  Commenter& commenter_;
  HeadingCounter counter_;
  int num_id_ = 1;
};

// The section: footers, A4 page, margins and the line grid (GB/T 9704-2012 §5.1–5.2;
// spec §2 and variant B1: type "lines", never linesAndChars, which LibreOffice draws
// at 14 characters a line).
// A cover (has_cover) gets w:titlePg and the blank first-page footer: no page number
// on it (GB/T 9704-2012 §7.5 numbers the body; a cover is not body).
void section(XmlWriter& w, const FormatProfile& p, bool cover) {
  // CT_SectPr sequence: footerReference*, pgSz, pgMar, titlePg, docGrid.
  w.start("w:sectPr");
  if (outer_page_numbers(p)) {
    w.start("w:footerReference").attr("w:type", "even").attr("r:id", kRelFooterEven).end();
    w.start("w:footerReference").attr("w:type", "default").attr("r:id", kRelFooterOdd).end();
  } else {
    w.start("w:footerReference").attr("w:type", "default").attr("r:id", kRelFooterOdd).end();
  }
  if (cover) w.start("w:footerReference").attr("w:type", "first").attr("r:id", kRelFooterFirst).end();
  w.start("w:pgSz").attr("w:w", p.page_width).attr("w:h", p.page_height).end();
  w.start("w:pgMar").attr("w:top", p.margin_top).attr("w:right", p.margin_right).attr("w:bottom", p.margin_bottom)
      .attr("w:left", p.margin_left).attr("w:header", p.header_distance).attr("w:footer", p.footer_distance)
      .attr("w:gutter", 0).end();
  if (cover) w.empty("w:titlePg");
  w.start("w:docGrid").attr("w:type", "lines").attr("w:linePitch", p.line_pitch).end();
  w.end();
}

}  // namespace

bool has_cover(const Document& document) {
  const auto page_break = std::find_if(document.blocks.begin(), document.blocks.end(),
                                       [](const Block& b) { return b.role == Role::page_break; });
  if (page_break == document.blocks.end() || page_break == document.blocks.begin()) return false;
  return std::all_of(document.blocks.begin(), page_break, [](const Block& b) { return in_title_block(b.role); });
}

Body document_xml(const Document& document, const FormatProfile& profile, const Findings& review,
                  bool comments_enabled, Findings& findings) {
  Commenter commenter(document, review, comments_enabled);
  XmlWriter w;
  w.start("w:document").attr("xmlns:w", kNsW).attr("xmlns:r", kNsR);
  w.start("w:body");
  BodyWriter body(w, profile, findings, commenter);
  body.blocks(document.blocks);
  section(w, profile, has_cover(document));
  w.end().end();
  Body out;
  out.xml = w.finish();
  out.comments = commenter.comments();
  out.numbering_instances = body.numbering_instances();
  return out;
}

}  // namespace baogao::docx
