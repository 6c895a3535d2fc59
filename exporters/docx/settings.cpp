// word/settings.xml — ECMA-376 Part 1 §17.15.1. Children in CT_Settings sequence order.
#include "exporters/docx/parts.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {

std::string settings_xml(const FormatProfile& profile) {
  XmlWriter w;
  w.start("w:settings").attr("xmlns:w", kNsW);
  // Without it Word (and LibreOffice) use the default footer on even pages too:
  // the GB/T 9704-2012 §7.5 left/right page numbers need it (spec "evenAndOddHeaders").
  if (outer_page_numbers(profile)) w.empty("w:evenAndOddHeaders");
  // Full-width punctuation keeps its width: the 28-character line relies on it.
  w.val("w:characterSpacingControl", "doNotCompress");
  w.start("w:compat");
  // A line ending in a w:br (a newline in a data value) is not stretched across the
  // justified measure; Word and LibreOffice both stretch it otherwise.
  w.empty("w:doNotExpandShiftReturn");
  // compatibilityMode 15: Word opens the file as a current document, not in
  // "Compatibility Mode" (docx-bugs G1).
  w.start("w:compatSetting").attr("w:name", "compatibilityMode")
      .attr("w:uri", "http://schemas.microsoft.com/office/word").attr("w:val", "15").end();
  w.end();
  // East Asian text defaults to zh-CN, so Word never picks a Japanese face (docx-bugs E2).
  w.start("w:themeFontLang").attr("w:val", profile.latin_language).attr("w:eastAsia", profile.language).end();
  w.end();
  return w.finish();
}

}  // namespace baogao::docx
