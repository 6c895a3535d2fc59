// word/styles.xml — ECMA-376 Part 1 §17.7. One paragraph style per role, all
// values from the profile. Normal carries its own w:sz (LibreOffice sizes the grid
// from the Normal style, ignoring docDefaults) and the −5 run spacing (variant B4).
#include "exporters/docx/parts.hpp"
#include "exporters/docx/properties.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {
namespace {

void paragraph_style(XmlWriter& w, const RoleStyle& role, const FormatProfile& profile, bool is_default,
                     const ParagraphProps& ppr, const RunProps& rpr) {
  w.start("w:style").attr("w:type", "paragraph");
  if (is_default) w.attr("w:default", "1");
  w.attr("w:styleId", role.style_id);
  // CT_Style sequence: name, basedOn, next, …, qFormat, pPr, rPr.
  w.val("w:name", role.style_name);
  if (!is_default) w.val("w:basedOn", profile.normal.style_id);
  if (!is_default && role.style_id != profile.body.style_id) w.val("w:next", profile.body.style_id);
  w.empty("w:qFormat");
  write_paragraph_props(w, ppr);
  write_run_props(w, rpr);
  w.end();
}

void role_style(XmlWriter& w, const RoleStyle& role, const FormatProfile& profile, bool is_default = false) {
  paragraph_style(w, role, profile, is_default, role_paragraph_props(role), role_run_props(role, profile));
}

}  // namespace

std::string styles_xml(const FormatProfile& profile) {
  XmlWriter w;
  w.start("w:styles").attr("xmlns:w", kNsW);

  // Defaults: the Normal font in every slot, and the language pair that makes
  // LibreOffice and Word pick Chinese glyph forms (docx-bugs E2, E3; no theme fonts).
  RunProps defaults;
  defaults.fonts = profile.normal.font;
  defaults.size = profile.normal.font.size_half_points;
  defaults.lang_latin = profile.latin_language;
  defaults.lang_east_asia = profile.language;
  w.start("w:docDefaults").start("w:rPrDefault");
  write_run_props(w, defaults);
  w.end().end();

  role_style(w, profile.normal, profile, true);
  for (const RoleStyle* role :
       {&profile.title, &profile.subtitle, &profile.speaker, &profile.salutation, &profile.part,
        &profile.heading1, &profile.heading2, &profile.heading3, &profile.heading4, &profile.body,
        &profile.closing, &profile.signature, &profile.date, &profile.table, &profile.table_header})
    role_style(w, *role, profile);

  // Page numbers: single line spacing, off the body grid; the position comes from
  // w:footer, measured with this setting (spec "Page-number position").
  RoleStyle footer;
  footer.style_id = "Footer";
  footer.style_name = "footer";
  footer.font = profile.page_number;
  ParagraphProps footer_ppr;
  footer_ppr.snap_to_grid = false;
  footer_ppr.zero_before_after = true;
  footer_ppr.line_single = true;
  footer_ppr.first_line_chars = 0;
  footer_ppr.first_line = 0;
  paragraph_style(w, footer, profile, false, footer_ppr, role_run_props(footer, profile));

  w.start("w:style").attr("w:type", "character").attr("w:default", "1").attr("w:styleId", "DefaultParagraphFont");
  w.val("w:name", "Default Paragraph Font").val("w:uiPriority", 1).empty("w:semiHidden").empty("w:unhideWhenUsed");
  w.end();

  // Review comments (comments.cpp): Word's built-in names "annotation text" and
  // "annotation reference", so Word and WPS treat them as their own comment styles.
  // The comment text is single-spaced and off the 579 grid, flush left.
  RoleStyle comment;
  comment.font = profile.comment;
  ParagraphProps comment_ppr;
  comment_ppr.snap_to_grid = false;
  comment_ppr.zero_before_after = true;
  comment_ppr.line_single = true;
  comment_ppr.first_line_chars = 0;
  comment_ppr.first_line = 0;
  comment_ppr.jc = "left";
  w.start("w:style").attr("w:type", "paragraph").attr("w:styleId", "CommentText");
  w.val("w:name", "annotation text").val("w:basedOn", profile.normal.style_id).val("w:uiPriority", 99)
      .empty("w:semiHidden").empty("w:unhideWhenUsed");
  write_paragraph_props(w, comment_ppr);
  write_run_props(w, role_run_props(comment, profile));
  w.end();
  w.start("w:style").attr("w:type", "character").attr("w:styleId", "CommentReference");
  w.val("w:name", "annotation reference").val("w:basedOn", "DefaultParagraphFont").val("w:uiPriority", 99)
      .empty("w:semiHidden").empty("w:unhideWhenUsed");
  RunProps reference;
  reference.size = profile.comment.size_half_points;
  write_run_props(w, reference);
  w.end();

  w.start("w:style").attr("w:type", "table").attr("w:default", "1").attr("w:styleId", "TableNormal");
  w.val("w:name", "Normal Table").val("w:uiPriority", 99).empty("w:semiHidden").empty("w:unhideWhenUsed");
  w.end();

  w.end();
  return w.finish();
}

}  // namespace baogao::docx
