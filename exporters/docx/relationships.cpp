// Relationship parts — ECMA-376 Part 2 §9.3. Targets are relative to the source
// part's folder, never absolute or file: URIs (docx-bugs C3).
#include "exporters/docx/parts.hpp"
#include "exporters/docx/xml_writer.hpp"

namespace baogao::docx {
namespace {

constexpr const char* kRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kTypeBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

void relationship(XmlWriter& w, const char* id, const std::string& type, const char* target) {
  w.start("Relationship").attr("Id", id).attr("Type", type).attr("Target", target).end();
}

}  // namespace

std::string package_relationships_xml() {
  XmlWriter w;
  w.start("Relationships").attr("xmlns", kRelNs);
  relationship(w, "rId1", std::string(kTypeBase) + "officeDocument", "word/document.xml");
  relationship(w, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
               "docProps/core.xml");
  relationship(w, "rId3", std::string(kTypeBase) + "extended-properties", "docProps/app.xml");
  w.end();
  return w.finish();
}

std::string document_relationships_xml(const FormatProfile& profile, const OptionalParts& optional) {
  XmlWriter w;
  w.start("Relationships").attr("xmlns", kRelNs);
  relationship(w, kRelStyles, std::string(kTypeBase) + "styles", "styles.xml");
  relationship(w, kRelSettings, std::string(kTypeBase) + "settings", "settings.xml");
  relationship(w, kRelFontTable, std::string(kTypeBase) + "fontTable", "fontTable.xml");
  relationship(w, kRelFooterOdd, std::string(kTypeBase) + "footer", "footer1.xml");
  if (outer_page_numbers(profile))
    relationship(w, kRelFooterEven, std::string(kTypeBase) + "footer", "footer2.xml");
  // ECMA-376 Part 1 §17.13.4.2 (comments part), §17.9.1 (numbering part).
  if (optional.comments) relationship(w, kRelComments, std::string(kTypeBase) + "comments", "comments.xml");
  if (optional.numbering) relationship(w, kRelNumbering, std::string(kTypeBase) + "numbering", "numbering.xml");
  if (optional.cover) relationship(w, kRelFooterFirst, std::string(kTypeBase) + "footer", "footer3.xml");
  w.end();
  return w.finish();
}

}  // namespace baogao::docx
