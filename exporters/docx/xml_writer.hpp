#pragma once
// A thin wrapper over libxml2's xmlTextWriter that builds one package part in memory.
// All text and attribute values go through libxml2's escaping (docx-bugs A4, A5);
// nothing is ever written raw. No indentation: it would put visible spaces into
// w:t elements (docx-bugs A6).
#include <string>
#include <string_view>

namespace baogao::docx {

class XmlWriter {
 public:
  /// Starts a UTF-8 document with `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`.
  /// Throws std::runtime_error if libxml2 cannot allocate the writer.
  XmlWriter();
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  /// Opens an element; `name` is the qualified name as written ("w:p").
  XmlWriter& start(std::string_view name);
  /// Adds an attribute to the element just opened. The value is filtered to XML 1.0
  /// characters (a last defence; callers clean user text first and report drops).
  XmlWriter& attr(std::string_view name, std::string_view value);
  XmlWriter& attr(std::string_view name, long long value);
  /// Writes escaped character data, filtered as attr() does.
  XmlWriter& text(std::string_view value);
  /// Closes the innermost open element (an element without content becomes `<x/>`).
  XmlWriter& end();
  /// `<name/>` with no attributes.
  XmlWriter& empty(std::string_view name);
  /// `<name w:val="value"/>`, the commonest WordprocessingML shape.
  XmlWriter& val(std::string_view name, std::string_view value);
  XmlWriter& val(std::string_view name, long long value);

  /// Closes every open element and returns the serialized part. The writer cannot
  /// be used afterwards. Throws std::runtime_error if libxml2 reported a failure.
  std::string finish();

 private:
  void check(int rc, const char* what);
  struct Impl;
  Impl* impl_;
};

}  // namespace baogao::docx
