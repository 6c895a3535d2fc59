#pragma once
// The package parts and the functions that write them, one source file each
// (like libxlsxwriter). Names, content types and relationship ids live here so the
// parts that refer to each other cannot disagree (docx-bugs C3).
#include <string>
#include <vector>

#include "drafting/document.hpp"
#include "drafting/finding.hpp"
#include "exporters/format_profile.hpp"

namespace baogao::docx {

// Namespaces (ECMA-376 Part 1 §A, Part 2 OPC).
inline constexpr const char* kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Relationship ids in word/_rels/document.xml.rels, fixed so output is stable.
inline constexpr const char* kRelStyles = "rId1";
inline constexpr const char* kRelSettings = "rId2";
inline constexpr const char* kRelFontTable = "rId3";
inline constexpr const char* kRelFooterOdd = "rId4";   ///< also the only footer when centred
inline constexpr const char* kRelFooterEven = "rId5";

/// One part of the package: its zip name (no leading "/"), content type, bytes.
struct Part {
  std::string name;
  std::string content_type;
  std::string data;
};

/// True when the profile wants different odd and even footers (GB/T 9704-2012 §7.5).
inline bool outer_page_numbers(const FormatProfile& p) {
  return p.page_number_placement == PageNumberPlacement::outer;
}

/// [Content_Types].xml: Defaults for rels and xml, an Override for every other part
/// (ECMA-376 Part 2 §10.1.2). `parts` excludes the content-types part itself.
std::string content_types_xml(const std::vector<Part>& parts);

/// _rels/.rels: officeDocument, core and extended properties (Part 2 §9.3).
std::string package_relationships_xml();

/// word/_rels/document.xml.rels: styles, settings, fontTable, footer(s), with the
/// ids above. Targets are relative to word/ (docx-bugs C3).
std::string document_relationships_xml(const FormatProfile& profile);

/// word/document.xml: the body (document.cpp). Text is cleaned and every dropped
/// character reported into `findings`.
std::string document_xml(const Document& document, const FormatProfile& profile, Findings& findings);

/// word/styles.xml: docDefaults and one paragraph style per role (styles.cpp).
std::string styles_xml(const FormatProfile& profile);

/// word/settings.xml (settings.cpp).
std::string settings_xml(const FormatProfile& profile);

/// word/fontTable.xml (font_table.cpp).
std::string font_table_xml(const FormatProfile& profile);

/// Which footer part to write.
enum class FooterKind { odd, even, centred };

/// word/footer1.xml / footer2.xml: "— PAGE —" (footer.cpp).
std::string footer_xml(const FormatProfile& profile, FooterKind kind);

/// docProps/core.xml. `timestamp` is a W3CDTF UTC time (core_properties.cpp).
std::string core_properties_xml(const DocumentInfo& info, const std::string& timestamp, Findings& findings);

/// docProps/app.xml: application name and word counts (app_properties.cpp).
std::string app_properties_xml(const Document& document);

/// The zip: parts in the given order, deflated, fixed timestamps, no directory
/// entries, no ZIP64 records (package.cpp). Throws std::runtime_error on libzip errors.
std::string zip_package(const std::vector<Part>& parts);

}  // namespace baogao::docx
