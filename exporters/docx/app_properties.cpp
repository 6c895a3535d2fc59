// docProps/app.xml — ECMA-376 Part 1 §22.2 (extended properties). The counts follow
// Word's rules so its status bar and 字数统计 agree: every East Asian wide or
// full-width character is a word of its own, other words are split at whitespace.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "exporters/docx/parts.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {
namespace {

struct Counts {
  long long words = 0, characters = 0, characters_with_spaces = 0, paragraphs = 0;

  void add_paragraph(const std::string& text) {
    if (text.empty()) return;
    ++paragraphs;
    bool in_word = false;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      if (c < 0 || c == '\n') {  // invalid bytes are dropped from the document; breaks are not characters
        in_word = false;
        continue;
      }
      ++characters_with_spaces;
      if (u_isUWhiteSpace(c)) {
        in_word = false;
        continue;
      }
      ++characters;
      const auto width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
      if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) {
        ++words;
        in_word = false;
      } else if (!in_word) {
        ++words;
        in_word = true;
      }
    }
  }
};

}  // namespace

std::string app_properties_xml(const Document& document) {
  Counts counts;
  for (const auto& block : document.blocks) {
    if (block.role == Block::Role::table) {
      for (const auto& row : block.rows)
        for (const auto& cell : row) counts.add_paragraph(plain_text(cell));
    } else {
      counts.add_paragraph(plain_text(block.inlines));
    }
  }
  XmlWriter w;
  w.start("Properties").attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
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
