// word/fontTable.xml — ECMA-376 Part 1 §17.8. Tells Word what each named font is
// (GB2312 charset 86, its current-Windows name) so a missing 仿宋_GB2312 falls back
// to 仿宋 rather than to a Latin face (spec §5).
#include <algorithm>

#include "exporters/docx/parts.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {
namespace {

// Every font name the profile uses, in first-use order (stable output).
std::vector<std::string> used_fonts(const FormatProfile& p) {
  std::vector<std::string> names;
  auto add = [&](const FontSpec& f) {
    for (const auto* n : {&f.east_asia, &f.ascii})
      if (!n->empty() && std::find(names.begin(), names.end(), *n) == names.end()) names.push_back(*n);
  };
  for (const RoleStyle* r : {&p.normal, &p.title, &p.subtitle, &p.speaker, &p.salutation, &p.part, &p.heading1,
                             &p.heading2, &p.heading3, &p.heading4, &p.body, &p.closing, &p.signature, &p.date,
                             &p.table, &p.table_header})
    add(r->font);
  add(p.lead);
  add(p.page_number);
  add(p.comment);
  return names;
}

}  // namespace

std::string font_table_xml(const FormatProfile& profile) {
  XmlWriter w;
  w.start("w:fonts").attr("xmlns:w", kNsW);
  for (const auto& name : used_fonts(profile)) {
    FontFace face{name, ""};
    for (const auto& f : profile.font_faces)
      if (f.name == name) face = f;
    // CT_Font sequence: altName, panose1, charset, family, notTrueType, pitch, sig.
    w.start("w:font").attr("w:name", face.name);
    if (!face.alt_name.empty()) w.val("w:altName", face.alt_name);
    w.val("w:charset", face.charset);
    w.val("w:family", face.family);
    w.val("w:pitch", face.pitch);
    w.end();
  }
  w.end();
  return w.finish();
}

}  // namespace baogao::docx
