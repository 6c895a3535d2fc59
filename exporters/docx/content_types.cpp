// [Content_Types].xml — ECMA-376 Part 2 §10.1.2.
#include "exporters/docx/parts.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {

std::string content_types_xml(const std::vector<Part>& parts) {
  XmlWriter w;
  w.start("Types").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  w.start("Default").attr("Extension", "rels")
      .attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml").end();
  w.start("Default").attr("Extension", "xml").attr("ContentType", "application/xml").end();
  // An Override per part, so no part depends on the generic xml Default
  // (styles.xml under application/xml crashes python-docx; docx-check package).
  for (const auto& part : parts) {
    if (part.name.ends_with(".rels")) continue;
    w.start("Override").attr("PartName", "/" + part.name).attr("ContentType", part.content_type).end();
  }
  w.end();
  return w.finish();
}

}  // namespace baogao::docx
