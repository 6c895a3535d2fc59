// word/numbering.xml — ECMA-376 Part 1 §17.9, for FormatProfile::heading_numbering
// == word. One multilevel list definition for the four heading levels of GB/T
// 9704-2012 §7.3.3 and one w:num instance per part of the report, each restarting
// every level at 1 (docx-bugs F2: lists sharing a numId are one list, so the second
// part would continue at 五、). Built once from the model, in schema order: every
// w:abstractNum before every w:num (docx-bugs F1: LibreOffice falls back to decimal
// otherwise), every w:lvl complete (start, numFmt, suff, lvlText, lvlJc, pPr, rPr).
#include "exporters/docx/parts.hpp"
#include "exporters/docx/properties.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {
namespace {

struct Level {
  const char* format;  // ST_NumberFormat
  const char* text;    // lvlText; %n is level n's number
  const RoleStyle* role;
};

void level(XmlWriter& w, int ilvl, const Level& l, const FormatProfile& profile) {
  // CT_Lvl sequence: start, numFmt, lvlRestart, pStyle, isLgl, suff, lvlText,
  // lvlPicBulletId, legacy, lvlJc, pPr, rPr.
  w.start("w:lvl").attr("w:ilvl", ilvl);
  w.val("w:start", 1);
  w.val("w:numFmt", l.format);
  // The heading text follows the number directly (一、突出主业), as in the .txt:
  // no tab, so no tab stop can move it.
  w.val("w:suff", "nothing");
  w.val("w:lvlText", l.text);
  w.val("w:lvlJc", "left");
  // The heading's own indent (2 characters, GB/T 9704-2012 §7.3.3: the heading is
  // placed like a paragraph), repeated here because a list level's indent overrides
  // the paragraph style's (§17.9.23); wrapped lines go back to the margin.
  ParagraphProps ppr;
  ppr.ind_left = 0;
  ppr.first_line_chars = l.role->first_line_chars;
  ppr.first_line = l.role->first_line_twips;
  write_paragraph_props(w, ppr);
  // The number in the heading's own font, size and run spacing, like the text it
  // precedes (3号 黑体 一、, 3号 楷体 （一）, 3号 仿宋 1. and （1）).
  write_run_props(w, role_run_props(*l.role, profile));
  w.end();
}

}  // namespace

std::string numbering_xml(const FormatProfile& profile, int instances) {
  // GB/T 9704-2012 §7.3.3 with GB/T 15834-2011 序次语 punctuation: 顿号 after a
  // Chinese numeral, full-width brackets, a half-width 下脚点 after an Arabic one —
  // the same strings as drafting/numbering.hpp heading_number().
  const Level levels[] = {
      {"chineseCounting", "%1\u3001", &profile.heading1},
      {"chineseCounting", "\uFF08%2\uFF09", &profile.heading2},
      {"decimal", "%3.", &profile.heading3},
      {"decimal", "\uFF08%4\uFF09", &profile.heading4},
  };
  XmlWriter w;
  w.start("w:numbering").attr("xmlns:w", kNsW);
  // CT_AbstractNum sequence: nsid, multiLevelType, tmpl, name, styleLink,
  // numStyleLink, lvl*.
  w.start("w:abstractNum").attr("w:abstractNumId", kHeadingAbstractNumId);
  w.val("w:multiLevelType", "multilevel");
  w.val("w:name", "GB/T 9704 headings");
  for (int i = 0; i < 4; ++i) level(w, i, levels[i], profile);
  w.end();
  for (int n = 1; n <= instances; ++n) {
    w.start("w:num").attr("w:numId", n);
    w.val("w:abstractNumId", kHeadingAbstractNumId);
    for (int i = 0; i < 4; ++i) w.start("w:lvlOverride").attr("w:ilvl", i).val("w:startOverride", 1).end();
    w.end();
  }
  w.end();
  return w.finish();
}

}  // namespace baogao::docx
