// docProps/core.xml — ECMA-376 Part 2 §11 (Dublin Core metadata).
#include "exporters/docx/parts.hpp"
#include "exporters/docx/text_hygiene.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {

std::string core_properties_xml(const DocumentInfo& info, const std::string& timestamp, Findings& findings) {
  const Source where{"", "docProps/core.xml"};
  XmlWriter w;
  w.start("cp:coreProperties")
      .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
      .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
      .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
      .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
      .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  auto element = [&](const char* name, const std::string& value) {
    const std::string clean = clean_text(value, where, findings);
    if (!clean.empty()) w.start(name).text(clean).end();
  };
  element("dc:title", info.title);
  element("dc:subject", info.subject);
  element("dc:creator", info.author);
  element("cp:lastModifiedBy", info.author);
  for (const char* name : {"dcterms:created", "dcterms:modified"})
    w.start(name).attr("xsi:type", "dcterms:W3CDTF").text(timestamp).end();
  w.end();
  return w.finish();
}

}  // namespace baogao::docx
