#pragma once
// Reading a .docx back in tests, the way a consumer would: unzip with libzip, parse a
// part with libxml2, ask XPath questions (prefixes w, r, ct, rel, cp, dc, dcterms, ep).
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace baogao::testing_docx {

/// name → bytes of every entry; a test failure when `bytes` is not a zip.
inline std::map<std::string, std::string> unzip_parts(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) {
    zip_source_free(source);
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
    return parts;
  }
  const zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
    std::string data(st.size, '\0');
    if (zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0)) {
      zip_fread(f, data.data(), st.size);
      zip_fclose(f);
    }
    parts[st.name] = std::move(data);
  }
  zip_close(archive);
  return parts;
}

class Xml {
 public:
  explicit Xml(const std::string& data)
      : doc_(xmlReadMemory(data.data(), static_cast<int>(data.size()), "part.xml", nullptr, XML_PARSE_NONET),
             xmlFreeDoc) {}
  bool ok() const { return doc_ != nullptr; }

  /// Text of every node the XPath selects (element text or attribute value); a number
  /// or string result as one item.
  std::vector<std::string> all(const std::string& xpath) const {
    std::vector<std::string> out;
    if (!doc_) return out;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc_.get()),
                                                                         xmlXPathFreeContext);
    const std::pair<const char*, const char*> ns[] = {
        {"w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
        {"r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
        {"ct", "http://schemas.openxmlformats.org/package/2006/content-types"},
        {"rel", "http://schemas.openxmlformats.org/package/2006/relationships"},
        {"cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
        {"dc", "http://purl.org/dc/elements/1.1/"},
        {"dcterms", "http://purl.org/dc/terms/"},
        {"ep", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}};
    for (const auto& [prefix, uri] : ns)
      xmlXPathRegisterNs(ctx.get(), reinterpret_cast<const xmlChar*>(prefix), reinterpret_cast<const xmlChar*>(uri));
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), ctx.get()), xmlXPathFreeObject);
    EXPECT_TRUE(result) << "bad XPath " << xpath;
    if (!result) return out;
    if (result->type == XPATH_NUMBER) return {std::to_string(static_cast<long long>(result->floatval))};
    if (result->type == XPATH_STRING) return {reinterpret_cast<const char*>(result->stringval)};
    if (result->type != XPATH_NODESET || !result->nodesetval) return out;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* content = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      out.emplace_back(content ? reinterpret_cast<const char*>(content) : "");
      xmlFree(content);
    }
    return out;
  }
  std::string one(const std::string& xpath) const {
    auto v = all(xpath);
    return v.empty() ? std::string("<none>") : v.front();
  }
  std::size_t count(const std::string& xpath) const { return std::stoul(one("count(" + xpath + ")")); }

 private:
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
};

}  // namespace baogao::testing_docx
