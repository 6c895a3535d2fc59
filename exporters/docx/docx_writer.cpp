// write_docx: assembles the parts (one writer each, parts.hpp) and packs them.
#include "exporters/docx/docx_writer.hpp"

#include <cstdlib>
#include <ctime>
#include <regex>
#include <stdexcept>

#include "exporters/docx/parts.hpp"

namespace baogao {
namespace {

bool is_w3cdtf_utc(const std::string& s) {
  static const std::regex form(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
  return std::regex_match(s, form);
}

bool is_iso_date(const std::string& s) {
  static const std::regex form(R"(\d{4}-\d{2}-\d{2})");
  return std::regex_match(s, form);
}

// docProps dates: the option, else SOURCE_DATE_EPOCH (reproducible-builds.org),
// else the report's own date, else the zip epoch — never the wall clock.
std::string core_timestamp(const DocxOptions& options, const DocumentInfo& info) {
  if (!options.timestamp.empty()) {
    if (is_w3cdtf_utc(options.timestamp)) return options.timestamp;
    if (is_iso_date(options.timestamp)) return options.timestamp + "T00:00:00Z";
    throw std::invalid_argument("docx: timestamp \"" + options.timestamp +
                                "\" is not of the form 2017-12-13T00:00:00Z or 2017-12-13");
  }
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (*end == '\0' && seconds >= 0) {
      const std::time_t t = static_cast<std::time_t>(seconds);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
      return buf;
    }
  }
  if (is_iso_date(info.date)) return info.date + "T00:00:00Z";
  return "1980-01-01T00:00:00Z";
}

constexpr const char* kWml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

}  // namespace

std::string write_docx(const Document& document, const FormatProfile& profile, const DocxOptions& options,
                       Findings& findings) {
  using namespace docx;
  const std::string timestamp = core_timestamp(options, document.info);
  const std::string wml = kWml;

  std::vector<Part> parts;
  parts.push_back({"_rels/.rels", "", package_relationships_xml()});
  parts.push_back({"word/document.xml", wml + "document.main+xml", document_xml(document, profile, findings)});
  parts.push_back({"word/_rels/document.xml.rels", "", document_relationships_xml(profile)});
  parts.push_back({"word/styles.xml", wml + "styles+xml", styles_xml(profile)});
  parts.push_back({"word/settings.xml", wml + "settings+xml", settings_xml(profile)});
  parts.push_back({"word/fontTable.xml", wml + "fontTable+xml", font_table_xml(profile)});
  if (outer_page_numbers(profile)) {
    parts.push_back({"word/footer1.xml", wml + "footer+xml", footer_xml(profile, FooterKind::odd)});
    parts.push_back({"word/footer2.xml", wml + "footer+xml", footer_xml(profile, FooterKind::even)});
  } else {
    parts.push_back({"word/footer1.xml", wml + "footer+xml", footer_xml(profile, FooterKind::centred)});
  }
  parts.push_back({"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
                   core_properties_xml(document.info, timestamp, findings)});
  parts.push_back({"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                   app_properties_xml(document)});

  // [Content_Types].xml first: MIME sniffers look at the first entry (docx-bugs D4).
  parts.insert(parts.begin(), Part{"[Content_Types].xml", "", content_types_xml(parts)});
  return zip_package(parts);
}

}  // namespace baogao
