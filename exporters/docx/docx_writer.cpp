// write_docx: assembles the parts (one writer each, parts.hpp) and packs them.
#include "exporters/docx/docx_writer.hpp"

#include <cctype>
#include <cstdlib>
#include <ctime>
#include <regex>
#include <stdexcept>

#include "drafting/number_forms.hpp"
#include "exporters/docx/parts.hpp"

namespace baogao {
namespace {

bool is_iso_date(const std::string& s) {
  static const std::regex form(R"(\d{4}-\d{2}-\d{2})");
  const auto date = std::regex_match(s, form) ? parse_iso_date(s) : std::nullopt;
  return date && date->day > 0;  // a day of the calendar: not 2017-02-30 (xsd:dateTime)
}

bool is_w3cdtf_utc(const std::string& s) {
  static const std::regex form(R"((\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})Z)");
  std::smatch m;
  return std::regex_match(s, m, form) && is_iso_date(m[1].str()) && std::stoi(m[2].str()) < 24 &&
         std::stoi(m[3].str()) < 60 && std::stoi(m[4].str()) < 60;
}

// docProps dates: the option, else SOURCE_DATE_EPOCH (reproducible-builds.org),
// else the report's own date, else the zip epoch — never the wall clock.
std::string w3cdtf(const std::string& value, const char* what) {
  if (is_w3cdtf_utc(value)) return value;
  if (is_iso_date(value)) return value + "T00:00:00Z";
  throw std::invalid_argument(std::string("docx: ") + what + " \"" + value +
                              "\" is not of the form 2017-12-13T00:00:00Z or 2017-12-13");
}

// w:initials: the first letter of each ASCII word ("Baogao Review" → "BR"), or the
// first character of a Chinese name (“办公室” → “办”); at most 9 characters (Word's
// own limit in its dialog).
std::string initials_of(const std::string& author) {
  std::string out;
  bool word_start = true;
  for (std::size_t i = 0; i < author.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(author[i]);
    if (c < 0x80) {
      if (std::isalnum(c) && word_start) out += static_cast<char>(std::toupper(c));
      word_start = !std::isalnum(c);
      continue;
    }
    if (!out.empty()) break;
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return author.substr(i, len);
  }
  return out.substr(0, 9);
}

std::string core_timestamp(const DocxOptions& options, const DocumentInfo& info) {
  if (!options.timestamp.empty()) return w3cdtf(options.timestamp, "timestamp");
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

bool is_docx_date(const std::string& value) { return is_w3cdtf_utc(value) || is_iso_date(value); }

std::size_t count_placeholders(const Document& document) {
  std::size_t n = 0;
  auto count = [&](const Inlines& list) {
    for (const auto& in : list)
      if (in.kind == Inline::Kind::span)
        for (const auto& [key, value] : in.attributes) n += key == "missing";
  };
  for (const auto& b : document.blocks) {
    count(b.inlines);
    for (const auto& row : b.rows)
      for (const auto& cell : row) count(cell);
  }
  return n;
}

std::string write_docx(const Document& document, const FormatProfile& profile, const DocxOptions& options,
                       Findings& findings) {
  using namespace docx;
  const std::string timestamp = core_timestamp(options, document.info);
  const std::string wml = kWml;

  const bool review = options.mode == DocxMode::review;
  Body body = document_xml(document, profile, options.findings, review, findings);
  OptionalParts optional;
  optional.comments = review && !body.comments.empty();
  optional.numbering = profile.heading_numbering == HeadingNumbering::word;
  optional.cover = has_cover(document);

  std::vector<Part> parts;
  parts.push_back({"_rels/.rels", "", package_relationships_xml()});
  parts.push_back({"word/document.xml", wml + "document.main+xml", std::move(body.xml)});
  parts.push_back({"word/_rels/document.xml.rels", "", document_relationships_xml(profile, optional)});
  parts.push_back({"word/styles.xml", wml + "styles+xml", styles_xml(profile)});
  parts.push_back({"word/settings.xml", wml + "settings+xml", settings_xml(profile)});
  parts.push_back({"word/fontTable.xml", wml + "fontTable+xml", font_table_xml(profile)});
  if (optional.numbering)
    parts.push_back({"word/numbering.xml", wml + "numbering+xml", numbering_xml(profile, body.numbering_instances)});
  if (optional.comments) {
    const std::string author = options.comment_author.empty() ? "Baogao" : options.comment_author;
    const std::string date = options.comment_date.empty() ? timestamp : w3cdtf(options.comment_date, "comment date");
    parts.push_back({"word/comments.xml", wml + "comments+xml",
                     comments_xml(body.comments, author, initials_of(author), date)});
  }
  if (outer_page_numbers(profile)) {
    parts.push_back({"word/footer1.xml", wml + "footer+xml", footer_xml(profile, FooterKind::odd)});
    parts.push_back({"word/footer2.xml", wml + "footer+xml", footer_xml(profile, FooterKind::even)});
  } else {
    parts.push_back({"word/footer1.xml", wml + "footer+xml", footer_xml(profile, FooterKind::centred)});
  }
  if (optional.cover)
    parts.push_back({"word/footer3.xml", wml + "footer+xml", footer_xml(profile, FooterKind::blank)});
  parts.push_back({"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
                   core_properties_xml(document.info, timestamp, findings)});
  parts.push_back({"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                   app_properties_xml(document, profile)});

  // [Content_Types].xml first: MIME sniffers look at the first entry (docx-bugs D4).
  parts.insert(parts.begin(), Part{"[Content_Types].xml", "", content_types_xml(parts)});
  return zip_package(parts);
}

}  // namespace baogao
