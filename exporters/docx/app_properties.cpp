// docProps/app.xml — ECMA-376 Part 1 §22.2 (extended properties). The counts follow
// Word's 字数统计 (exporters/stats.hpp TextCounts), so Word's status bar, WPS and
// `baogao stats` agree: every East Asian character is a word of its own, other
// words are split at white space. Heading numbers are counted when they are text in
// the paragraph (HeadingNumbering::text) and not when they are list numbering, which
// Word does not count either.
#include <algorithm>

#include "drafting/numbering.hpp"
#include "exporters/docx/parts.hpp"
#include "exporters/docx/xml_writer.hpp"
#include "exporters/stats.hpp"

namespace baogao::docx {

std::string app_properties_xml(const Document& document, const FormatProfile& profile) {
  TextCounts counts;
  HeadingCounter counter;
  const bool text_numbers = profile.heading_numbering == HeadingNumbering::text;
  for (const auto& block : document.blocks) {
    switch (block.role) {
      case Block::Role::table:
        for (const auto& row : block.rows)
          for (const auto& cell : row) counts.add_paragraph(plain_text(cell));
        break;
      case Block::Role::part:
        counter.start_part();
        counts.add_paragraph(plain_text(block.inlines));
        break;
      case Block::Role::heading: {
        const std::string number = counter.next(std::clamp(block.level, 1, 4));
        counts.add_paragraph((text_numbers ? number : "") + plain_text(block.inlines));
        break;
      }
      default:
        counts.add_paragraph(plain_text(block.inlines));
    }
  }
  XmlWriter w;
  w.start("Properties").attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  // CT_Properties is an xsd:all: any order; this is the order Word writes.
  w.start("Words").text(std::to_string(counts.words)).end();
  w.start("Characters").text(std::to_string(counts.characters)).end();
  w.start("Application").text("Baogao").end();
  w.start("DocSecurity").text("0").end();
  w.start("Paragraphs").text(std::to_string(counts.paragraphs)).end();
  w.start("CharactersWithSpaces").text(std::to_string(counts.characters_with_spaces)).end();
  w.end();
  return w.finish();
}

}  // namespace baogao::docx
