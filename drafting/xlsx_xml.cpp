// Streaming XML over one package part: libxml2's xmlTextReader fed by the inflating
// zip entry, hardened against hostile input (no DTD, no entities, no network).
#include <algorithm>
#include <string>

#include "drafting/xlsx_internal.hpp"

namespace baogao::xlsx {

namespace {

int read_callback(void* context, char* buffer, int len) { return static_cast<PartStream*>(context)->read(buffer, len); }
int close_callback(void*) { return 0; }

// No DOCTYPE is let through, so entities are never declared; XML_PARSE_NONET forbids
// any network access; XML_PARSE_NOENT / DTDLOAD / DTDATTR are deliberately absent.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

InputError entities_refused(const Source& where) {
  return InputError("entity_declarations_refused", where,
                    "found a document type declaration or an entity reference, which can read local files or "
                    "the network; expected plain XML — OOXML parts never declare entities");
}

}  // namespace

void xml_error_handler(void* arg, xmlErrorPtr error) {
  auto* self = static_cast<XmlReader*>(arg);
  if (!error || error->level < XML_ERR_ERROR || !self->first_error_.empty()) return;
  std::string message = error->message ? error->message : "XML error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::replace(message.begin(), message.end(), '\n', ' ');  // one error, one line
  self->first_error_ = message.empty() ? "XML error" : message;
  self->error_line_ = error->line;
  self->error_column_ = error->int2;
  self->encoding_error_ = error->domain == XML_FROM_I18N || error->domain == XML_FROM_IO;
}

// libxml2 reports a part's bytes that do not decode in its declared encoding
// (encoding="GB2312" over other bytes) through its global handlers, not the
// reader's, and would print them to stderr: the structured one is pointed at the
// reader being read, the generic one ("xmlParseChunk: encoder error") is silenced.
void silent_generic_error(void*, const char*, ...) {}

XmlReader::XmlReader(Package& package, std::string_view part_name) : package_(package), part_(part_name) {
  stream_ = package_.open(part_name);
  reader_ = xmlReaderForIO(read_callback, close_callback, stream_.get(), part_.c_str(), nullptr, kParseOptions);
  if (!reader_) {
    if (stream_->error()) throw *stream_->error();
    throw InputError("malformed_xml", package_.where(part_), "the part cannot be parsed; expected XML");
  }
  xmlTextReaderSetStructuredErrorHandler(reader_, xml_error_handler, this);
  xmlSetStructuredErrorFunc(this, xml_error_handler);
  xmlSetGenericErrorFunc(nullptr, silent_generic_error);
  // The reader returns names from its dictionary: interned once here, the namespace
  // of every element is then compared by pointer (is_main runs for every element).
  main_ns_ = xmlTextReaderConstString(reader_, BAD_CAST std::string(kMainNs).c_str());
  strict_ns_ = xmlTextReaderConstString(reader_, BAD_CAST std::string(kStrictMainNs).c_str());
}

XmlReader::~XmlReader() {
  if (reader_) xmlFreeTextReader(reader_);
  xmlSetStructuredErrorFunc(nullptr, nullptr);  // never a pointer to a reader that is gone
}

void XmlReader::fail() {
  if (stream_->error()) throw *stream_->error();
  std::string message;
  if (error_line_ > 0) {
    message = "line " + std::to_string(error_line_);
    if (error_column_ > 0) message += ", column " + std::to_string(error_column_);
    message += ": ";
  }
  // libxml2's own hard limits (without XML_PARSE_HUGE): a text node over 10,000,000
  // bytes, elements nested over 256 deep. Those are sizes, not damage.
  if (first_error_.find("huge text node") != std::string::npos || first_error_.find("too long") != std::string::npos)
    throw InputError("too_large", package_.where(part_),
                     message + "found a text over 10,000,000 bytes in one cell or string (" + first_error_ +
                         "); expected at most " + std::to_string(package_.options().max_cell_bytes) +
                         " bytes (--limit cell-size)");
  if (first_error_.find("Excessive depth") != std::string::npos)
    throw InputError("too_large", package_.where(part_),
                     message + "found elements nested too deep (" + first_error_ + "); expected at most " +
                         std::to_string(package_.options().max_xml_depth) + " levels (--limit xml-depth)");
  if (encoding_error_)
    throw InputError("bad_encoding", package_.where(part_),
                     message + "the bytes do not decode in the encoding the part declares (" + first_error_ +
                         "); expected UTF-8 or UTF-16 as spreadsheet programs write — the file is damaged");
  message += (first_error_.empty() ? std::string("the XML cannot be parsed") : first_error_) +
             "; expected well-formed XML — the file is damaged or was not written by a spreadsheet program";
  throw InputError("malformed_xml", package_.where(part_), message);
}

bool XmlReader::read() {
  const int r = xmlTextReaderRead(reader_);
  if (r == 1) {
    const int t = type();
    if (t == XML_READER_TYPE_DOCUMENT_TYPE || t == XML_READER_TYPE_ENTITY_REFERENCE ||
        t == XML_READER_TYPE_ENTITY || t == XML_READER_TYPE_NOTATION)
      throw entities_refused(package_.where(part_));
    if (t == XML_READER_TYPE_ELEMENT && depth() >= package_.options().max_xml_depth)
      throw InputError("too_large", package_.where(part_),
                       "line " + std::to_string(line()) + ": found elements nested deeper than " +
                           std::to_string(package_.options().max_xml_depth) +
                           " levels; expected the shallow structure of SpreadsheetML (--limit xml-depth)");
    return true;
  }
  if (r == 0) {
    if (stream_->error()) throw *stream_->error();
    return false;
  }
  fail();
}

std::string_view XmlReader::local_name() const { return view(xmlTextReaderConstLocalName(reader_)); }
std::string_view XmlReader::namespace_uri() const { return view(xmlTextReaderConstNamespaceUri(reader_)); }

bool XmlReader::is_main(std::string_view local) const {
  const xmlChar* name = xmlTextReaderConstLocalName(reader_);
  if (!name || view(name) != local) return false;
  const xmlChar* ns = xmlTextReaderConstNamespaceUri(reader_);
  return ns && (ns == main_ns_ || ns == strict_ns_);
}

bool XmlReader::is_package_rel(std::string_view local) const {
  return local_name() == local && namespace_uri() == kPackageRelNs;
}

std::optional<std::string> XmlReader::attribute(std::string_view local) {
  std::optional<std::string> out;
  for_each_attribute([&](std::string_view name, std::string_view ns, std::string_view value) {
    if (!out && ns.empty() && name == local) out = std::string(value);
  });
  return out;
}

std::string XmlReader::read_text() {
  std::string text;
  if (!is_start() || is_empty_element()) return text;
  const int start = depth();
  while (read()) {
    switch (type()) {
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        text += view(xmlTextReaderConstValue(reader_));
        if (text.size() > package_.options().max_cell_bytes)
          throw InputError("too_large", package_.where(part_),
                           "line " + std::to_string(line()) + ": found a text of more than " +
                               std::to_string(package_.options().max_cell_bytes) +
                               " bytes in one cell or string; expected at most that (--limit cell-size; "
                               "Excel itself keeps 32,767 characters)");
        break;
      case XML_READER_TYPE_END_ELEMENT:
        if (depth() == start) return text;
        break;
      default: break;
    }
  }
  return text;
}

void XmlReader::skip() {
  if (!is_start() || is_empty_element()) return;
  const int start = depth();
  while (read())
    if (is_end() && depth() == start) return;
}

}  // namespace baogao::xlsx
