#include "exporters/docx/properties.hpp"

namespace baogao::docx {

void write_run_props(XmlWriter& w, const RunProps& p) {
  if (p.empty()) return;
  w.start("w:rPr");
  if (p.fonts || p.hint_east_asia) {
    w.start("w:rFonts");
    if (p.fonts) {
      // All four slots, never a *Theme twin (docx-bugs E1, E2).
      w.attr("w:ascii", p.fonts->ascii).attr("w:hAnsi", p.fonts->ascii);
      w.attr("w:eastAsia", p.fonts->east_asia).attr("w:cs", p.fonts->ascii);
    }
    if (p.hint_east_asia) w.attr("w:hint", "eastAsia");
    w.end();
  }
  if (p.bold) {
    w.val("w:b", *p.bold ? "1" : "0");
    w.val("w:bCs", *p.bold ? "1" : "0");
  }
  if (p.spacing) w.val("w:spacing", *p.spacing);
  if (p.size) {
    w.val("w:sz", *p.size);
    w.val("w:szCs", *p.size);
  }
  if (!p.highlight.empty()) w.val("w:highlight", p.highlight);
  if (!p.lang_latin.empty() || !p.lang_east_asia.empty()) {
    w.start("w:lang");
    if (!p.lang_latin.empty()) w.attr("w:val", p.lang_latin);
    if (!p.lang_east_asia.empty()) w.attr("w:eastAsia", p.lang_east_asia);
    w.end();
  }
  w.end();
}

void write_paragraph_props(XmlWriter& w, const ParagraphProps& p) {
  const bool has_spacing = p.line_exact || p.line_single || p.zero_before_after;
  const bool has_ind = p.first_line_chars || p.first_line || p.ind_left || p.ind_right;
  if (p.style.empty() && !p.keep_next && !p.widow_control && !p.numbering && !p.snap_to_grid && !has_spacing && !has_ind &&
      p.jc.empty() && !p.outline_level)
    return;
  w.start("w:pPr");
  if (!p.style.empty()) w.val("w:pStyle", p.style);
  if (p.keep_next) w.empty("w:keepNext");
  if (p.widow_control) w.empty("w:widowControl");
  if (p.numbering) {
    w.start("w:numPr");
    w.val("w:ilvl", p.numbering->first);
    w.val("w:numId", p.numbering->second);
    w.end();
  }
  if (p.snap_to_grid) w.val("w:snapToGrid", *p.snap_to_grid ? "1" : "0");
  if (has_spacing) {
    w.start("w:spacing");
    if (p.zero_before_after) w.attr("w:before", 0).attr("w:after", 0);
    if (p.line_exact) w.attr("w:line", *p.line_exact).attr("w:lineRule", "exact");
    else if (p.line_single) w.attr("w:line", 240).attr("w:lineRule", "auto");
    w.end();
  }
  if (has_ind) {
    w.start("w:ind");
    if (p.ind_left) w.attr("w:left", *p.ind_left);
    if (p.ind_right) w.attr("w:right", *p.ind_right);
    if (p.first_line_chars) w.attr("w:firstLineChars", *p.first_line_chars);
    if (p.first_line) w.attr("w:firstLine", *p.first_line);
    w.end();
  }
  if (!p.jc.empty()) w.val("w:jc", p.jc);
  if (p.outline_level) w.val("w:outlineLvl", *p.outline_level);
  w.end();
}

ParagraphProps role_paragraph_props(const RoleStyle& role) {
  ParagraphProps p;
  p.keep_next = role.keep_next;
  p.widow_control = true;
  if (!role.snap_to_grid) p.snap_to_grid = false;
  p.zero_before_after = true;
  p.line_exact = role.line_twips;
  p.first_line_chars = role.first_line_chars;
  p.first_line = role.first_line_twips;
  p.jc = role.justification;
  if (role.outline_level >= 0) p.outline_level = role.outline_level;
  return p;
}

RunProps role_run_props(const RoleStyle& role, const FormatProfile& profile) {
  RunProps r;
  r.fonts = role.font;
  if (role.font.bold) r.bold = true;
  r.spacing = role.font.size_half_points == profile.normal.font.size_half_points ? profile.character_spacing : 0;
  r.size = role.font.size_half_points;
  return r;
}

}  // namespace baogao::docx
