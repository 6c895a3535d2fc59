#pragma once
// The package parts and the functions that write them, one source file each
// (like libxlsxwriter). Names, content types and relationship ids live here so the
// parts that refer to each other cannot disagree (docx-bugs C3).
#include <string>
#include <vector>

#include "drafting/document.hpp"
#include "drafting/finding.hpp"
#include "exporters/docx/comments.hpp"
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
inline constexpr const char* kRelComments = "rId6";     ///< only in review mode with comments
inline constexpr const char* kRelNumbering = "rId7";    ///< only with HeadingNumbering::word
inline constexpr const char* kRelFooterFirst = "rId8";  ///< the cover's empty footer

/// w:abstractNumId of the heading list (numbering.xml); instances are numId 1, 2, ….
inline constexpr int kHeadingAbstractNumId = 0;

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

/// The optional parts a package has, so relationships, content types and the body's
/// references agree.
struct OptionalParts {
  bool comments = false;   ///< word/comments.xml
  bool numbering = false;  ///< word/numbering.xml
  bool cover = false;      ///< word/footer3.xml, the empty first-page footer
};

/// word/_rels/document.xml.rels: styles, settings, fontTable, footer(s), comments,
/// numbering, with the ids above. Targets are relative to word/ (docx-bugs C3).
std::string document_relationships_xml(const FormatProfile& profile, const OptionalParts& optional);

/// True when page 1 is a cover: the document has a page break and every block
/// before the first one is a title-block role (title, subtitle, speaker).
bool has_cover(const Document& document);

/// What the body writer produces besides the XML.
struct Body {
  std::string xml;                    ///< word/document.xml
  std::vector<Comment> comments;  ///< for word/comments.xml, ids 0, 1, … in order
  int numbering_instances = 0;        ///< w:num instances numbering.xml must define
};

/// word/document.xml: the body (document.cpp). Text is cleaned and every dropped
/// character reported into `findings`. Review comments come from `review` (spans,
/// placeholders, the findings to show) when `comments_enabled`; heading numbers from
/// profile.heading_numbering.
Body document_xml(const Document& document, const FormatProfile& profile, const Findings& review,
                  bool comments_enabled, Findings& findings);

/// word/numbering.xml: the heading list definition (four levels, 一、（一）1.（1）)
/// and `instances` w:num instances restarting it (numbering.cpp).
std::string numbering_xml(const FormatProfile& profile, int instances);

/// word/styles.xml: docDefaults and one paragraph style per role (styles.cpp).
std::string styles_xml(const FormatProfile& profile);

/// word/settings.xml (settings.cpp).
std::string settings_xml(const FormatProfile& profile);

/// word/fontTable.xml (font_table.cpp).
std::string font_table_xml(const FormatProfile& profile);

/// Which footer part to write.
enum class FooterKind { odd, even, centred, blank };

/// word/footer1.xml / footer2.xml: "— PAGE —"; footer3.xml (blank): one empty
/// paragraph, the cover's footer (footer.cpp).
std::string footer_xml(const FormatProfile& profile, FooterKind kind);

/// docProps/core.xml. `timestamp` is a W3CDTF UTC time (core_properties.cpp).
std::string core_properties_xml(const DocumentInfo& info, const std::string& timestamp, Findings& findings);

/// docProps/app.xml: application name and the counts of Word's 字数统计
/// (exporters/stats.hpp count_text), heading numbers included when they are text,
/// left out when they are list numbering (Word does not count those) (app_properties.cpp).
std::string app_properties_xml(const Document& document, const FormatProfile& profile);

/// The zip: parts in the given order, deflated, fixed timestamps, no directory
/// entries, no ZIP64 records (package.cpp). Throws std::runtime_error on libzip errors.
std::string zip_package(const std::vector<Part>& parts);

}  // namespace baogao::docx
