#pragma once
// Internal to the .xlsx reader (xlsx_*.cpp): the zip package, the streaming XML
// reader over one part, and the parsers of the workbook's parts. Not a public API.
#include <libxml/xmlreader.h>
#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "drafting/error.hpp"
#include "drafting/workbook.hpp"

namespace baogao::xlsx {

// Namespaces (ECMA-376 Part 1 §8 Transitional, Part 1 Annex A / ISO 29500 Strict).
inline constexpr std::string_view kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr std::string_view kStrictMainNs = "http://purl.oclc.org/ooxml/spreadsheetml/main";
inline constexpr std::string_view kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr std::string_view kStrictRelNs = "http://purl.oclc.org/ooxml/officeDocument/relationships";
inline constexpr std::string_view kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

/// One <Relationship> of a .rels part (ECMA-376 Part 2 §9.3.2).
struct Relationship {
  std::string id;
  std::string type;    ///< full type URI
  std::string target;  ///< resolved absolute part name, "" when external
};

/// Whether a relationship type URI is `kind` ("officeDocument", "worksheet",
/// "sharedStrings", "styles"…) in the Transitional or the Strict vocabulary.
bool is_relationship_type(std::string_view type, std::string_view kind);

/// A part being inflated: counts bytes against the limits, remembers the first error.
/// Errors are kept (not thrown) because read() runs inside libxml2's C callbacks.
class PartStream {
 public:
  PartStream(zip_file_t* file, std::string part, std::uint64_t declared, std::uint64_t limit,
             std::uint64_t* total, std::uint64_t total_limit, std::string path);
  ~PartStream();
  PartStream(const PartStream&) = delete;
  PartStream& operator=(const PartStream&) = delete;

  /// Up to `len` bytes into `buffer`; 0 at the end; -1 on error (see error()).
  int read(char* buffer, int len);
  const std::optional<InputError>& error() const { return error_; }
  const std::string& part() const { return part_; }
  /// The uncompressed size the zip declares (already checked against the limit).
  std::uint64_t declared_size() const { return declared_; }

 private:
  void scan_prolog(const char* data, int len);
  zip_file_t* file_;
  std::string part_;
  std::uint64_t declared_;
  std::uint64_t limit_;
  std::uint64_t* total_;
  std::uint64_t total_limit_;
  std::string path_;
  std::uint64_t count_ = 0;
  std::optional<InputError> error_;
  // Prolog scanner (refuses <!DOCTYPE before the parser sees it).
  int prolog_state_ = 0;
  int prolog_match_ = 0;
  std::uint64_t prolog_seen_ = 0;
};

/// The zip container: part names (OPC, case-insensitive) → zip entries.
class Package {
 public:
  /// Opens the zip; throws InputError (file_not_found, empty_file, not_a_zip,
  /// encrypted, corrupt_zip).
  Package(const std::string& path, const ReadOptions& options);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  const std::string& path() const { return path_; }
  const ReadOptions& options() const { return options_; }
  bool has_part(std::string_view part_name) const;
  /// Opens a part ("/xl/workbook.xml") for streaming. Throws missing_part, too_large,
  /// encrypted (an encrypted zip entry), corrupt_zip.
  std::unique_ptr<PartStream> open(std::string_view part_name);
  /// The relationships of `source_part` ("/" for the package); empty when it has no
  /// .rels part. Targets are resolved (external ones are "").
  std::vector<Relationship> relationships(std::string_view source_part);
  /// Source{path, "xl/workbook.xml"} for a part name.
  Source where(std::string_view part_name) const;

 private:
  std::optional<zip_uint64_t> find(std::string_view part_name) const;
  std::string path_;
  ReadOptions options_;
  zip_t* zip_ = nullptr;
  std::unordered_map<std::string, zip_uint64_t> index_;  // normalised name → entry
  std::uint64_t total_ = 0;
};

/// xmlTextReader over one part, with Baogao's hardening: no DTD at all (any DOCTYPE
/// or entity → entity_declarations_refused), no network, errors as InputError.
class XmlReader {
 public:
  XmlReader(Package& package, std::string_view part_name);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  /// Next node; false at the end of the document. Throws InputError.
  bool read();
  int type() const { return xmlTextReaderNodeType(reader_); }
  int depth() const { return xmlTextReaderDepth(reader_); }
  bool is_start() const { return type() == XML_READER_TYPE_ELEMENT; }
  bool is_end() const { return type() == XML_READER_TYPE_END_ELEMENT; }
  /// A start tag written <x/> (no end node follows).
  bool is_empty_element() const { return xmlTextReaderIsEmptyElement(reader_) == 1; }
  std::string_view local_name() const;
  std::string_view namespace_uri() const;
  /// Element `local` in the SpreadsheetML main namespace (Transitional or Strict).
  bool is_main(std::string_view local) const;
  /// Element `local` in the package-relationships namespace.
  bool is_package_rel(std::string_view local) const;
  /// Calls f(local_name, namespace_uri, value) for each attribute of the current element.
  template <class F>
  void for_each_attribute(F&& f) {
    if (xmlTextReaderMoveToFirstAttribute(reader_) != 1) return;
    do {
      f(view(xmlTextReaderConstLocalName(reader_)), view(xmlTextReaderConstNamespaceUri(reader_)),
        view(xmlTextReaderConstValue(reader_)));
    } while (xmlTextReaderMoveToNextAttribute(reader_) == 1);
    xmlTextReaderMoveToElement(reader_);
  }
  /// The attribute with no namespace, or nullopt.
  std::optional<std::string> attribute(std::string_view local);
  /// The text content of the current element (all text, CDATA and whitespace
  /// below it), leaving the reader on its end tag. "" for an empty element.
  std::string read_text();
  /// Skips the current element's subtree, leaving the reader on its end tag.
  void skip();
  /// The current line, for messages.
  int line() const { return xmlTextReaderGetParserLineNumber(reader_); }
  const std::string& part() const { return part_; }
  /// The part's uncompressed size as the zip declares it (a hint: never trusted alone).
  std::uint64_t declared_size() const { return stream_->declared_size(); }
  Package& package() const { return package_; }

 private:
  static std::string_view view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
  }
  [[noreturn]] void fail();
  Package& package_;
  std::string part_;
  std::unique_ptr<PartStream> stream_;
  xmlTextReaderPtr reader_ = nullptr;
  const xmlChar* main_ns_ = nullptr;    ///< kMainNs, interned in the reader's dictionary
  const xmlChar* strict_ns_ = nullptr;  ///< kStrictMainNs, likewise
  std::string first_error_;
  int error_line_ = 0;
  int error_column_ = 0;
  bool encoding_error_ = false;  ///< the first error came from decoding (XML_FROM_I18N)
  friend void xml_error_handler(void* arg, xmlErrorPtr error);
};

/// Rich text of <si> / <is> (§18.4.8, §18.4.12): the <t> of the element and of its
/// <r> runs, joined and unescaped; phonetic runs <rPh> are skipped. Called on the
/// container's start tag; leaves the reader on its end tag.
std::string read_rich_text(XmlReader& xml);

/// xl/sharedStrings.xml → the table (§18.4.9 sst).
std::vector<std::string> read_shared_strings(Package& package, std::string_view part);

/// What a cell style's number format does to a number (§18.8.30 numFmt).
enum class NumberStyle : std::uint8_t { plain, date, percent };

/// xl/styles.xml → for each cellXfs <xf> index: whether its number format shows a
/// date or a percentage (§18.8.10 cellXfs, §18.8.30 numFmt).
std::vector<NumberStyle> read_number_styles(Package& package, std::string_view part);

/// What one worksheet part needs from the rest of the workbook.
struct SheetContext {
  const std::vector<std::string>* shared_strings = nullptr;
  const std::vector<NumberStyle>* number_styles = nullptr;
  bool date1904 = false;
  std::uint64_t* cell_count = nullptr;  ///< cells kept so far in the workbook
  std::uint64_t max_cells = 0;          ///< ReadOptions::max_cells
};

/// A worksheet part (§18.3.1.99 worksheet) into `sheet` (name and state already set).
void read_worksheet(Package& package, std::string_view part, const SheetContext& context, Sheet& sheet);

}  // namespace baogao::xlsx
