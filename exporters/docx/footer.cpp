// word/footer1.xml (odd pages, or every page when centred), footer2.xml (even
// pages) and footer3.xml (a cover's, empty) — ECMA-376 Part 1 §17.10. GB/T 9704-2012 §7.5: "— N —" in 4号 宋体, odd
// pages right and even pages left, one character in from the type area.
#include "exporters/docx/parts.hpp"
#include "exporters/docx/properties.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {
namespace {

void run(XmlWriter& w, const RunProps& rpr, const char* text) {
  w.start("w:r");
  write_run_props(w, rpr);
  w.start("w:t").attr("xml:space", "preserve").text(text).end();
  w.end();
}

void field_char(XmlWriter& w, const RunProps& rpr, const char* type) {
  w.start("w:r");
  write_run_props(w, rpr);
  w.start("w:fldChar").attr("w:fldCharType", type).end();
  w.end();
}

}  // namespace

std::string footer_xml(const FormatProfile& profile, FooterKind kind) {
  XmlWriter w;
  w.start("w:ftr").attr("xmlns:w", kNsW).attr("xmlns:r", kNsR);
  w.start("w:p");
  ParagraphProps ppr;
  ppr.style = "Footer";
  switch (kind) {
    case FooterKind::odd: ppr.jc = "right", ppr.ind_right = profile.page_number_inset; break;
    case FooterKind::even: ppr.jc = "left", ppr.ind_left = profile.page_number_inset; break;
    case FooterKind::centred: ppr.jc = "center"; break;
    case FooterKind::blank: break;
  }
  write_paragraph_props(w, ppr);
  if (kind == FooterKind::blank) return w.finish();  // the cover: no page number

  // The 一字线 is U+2014 drawn by the East Asian font (full width): the hint keeps
  // Word from drawing it in the Latin slot (docx-bugs E3).
  RunProps rpr;
  rpr.hint_east_asia = true;
  run(w, rpr, "— ");
  // A complete complex field, cached result included, no dirty flag: Word recomputes
  // PAGE during layout without an update prompt (docx-bugs G2).
  field_char(w, rpr, "begin");
  w.start("w:r");
  write_run_props(w, rpr);
  w.start("w:instrText").attr("xml:space", "preserve").text(" PAGE ").end();
  w.end();
  field_char(w, rpr, "separate");
  run(w, rpr, kind == FooterKind::even ? "2" : "1");
  field_char(w, rpr, "end");
  run(w, rpr, " —");
  w.end();  // w:p
  w.end();
  return w.finish();
}

}  // namespace baogao::docx
