#include "exporters/docx/xml_writer.hpp"

#include <libxml/xmlwriter.h>

#include <stdexcept>
#include <string>

#include "exporters/docx/text_hygiene.hpp"

namespace baogao::docx {

struct XmlWriter::Impl {
  xmlBufferPtr buffer = nullptr;
  xmlTextWriterPtr writer = nullptr;
};

namespace {
const xmlChar* x(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }
}  // namespace

XmlWriter::XmlWriter() : impl_(new Impl) {
  impl_->buffer = xmlBufferCreate();
  if (impl_->buffer) impl_->writer = xmlNewTextWriterMemory(impl_->buffer, 0);
  if (!impl_->writer) {
    if (impl_->buffer) xmlBufferFree(impl_->buffer);
    delete impl_;
    throw std::runtime_error("docx: libxml2 could not create an XML writer (out of memory)");
  }
  check(xmlTextWriterStartDocument(impl_->writer, "1.0", "UTF-8", "yes"), "start document");
}

XmlWriter::~XmlWriter() {
  if (impl_->writer) xmlFreeTextWriter(impl_->writer);
  if (impl_->buffer) xmlBufferFree(impl_->buffer);
  delete impl_;
}

void XmlWriter::check(int rc, const char* what) {
  if (rc < 0) throw std::runtime_error(std::string("docx: libxml2 failed to write XML (") + what + ")");
}

XmlWriter& XmlWriter::start(std::string_view name) {
  check(xmlTextWriterStartElement(impl_->writer, x(std::string(name))), "start element");
  return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, std::string_view value) {
  check(xmlTextWriterWriteAttribute(impl_->writer, x(std::string(name)), x(xml_safe(value))), "attribute");
  return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, long long value) {
  return attr(name, std::to_string(value));
}

XmlWriter& XmlWriter::text(std::string_view value) {
  check(xmlTextWriterWriteString(impl_->writer, x(xml_safe(value))), "text");
  return *this;
}

XmlWriter& XmlWriter::end() {
  check(xmlTextWriterEndElement(impl_->writer), "end element");
  return *this;
}

XmlWriter& XmlWriter::empty(std::string_view name) { return start(name).end(); }

XmlWriter& XmlWriter::val(std::string_view name, std::string_view value) {
  return start(name).attr("w:val", value).end();
}

XmlWriter& XmlWriter::val(std::string_view name, long long value) {
  return start(name).attr("w:val", value).end();
}

std::string XmlWriter::finish() {
  check(xmlTextWriterEndDocument(impl_->writer), "end document");
  check(xmlTextWriterFlush(impl_->writer), "flush");
  std::string out(reinterpret_cast<const char*>(xmlBufferContent(impl_->buffer)),
                  static_cast<std::size_t>(xmlBufferLength(impl_->buffer)));
  xmlFreeTextWriter(impl_->writer);
  impl_->writer = nullptr;
  return out;
}

}  // namespace baogao::docx
