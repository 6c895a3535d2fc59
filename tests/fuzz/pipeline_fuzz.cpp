// libFuzzer target: the whole pipeline. Fuzzed JSON data → the checks of `baogao
// check` (figures, dates, the text lint) and the built-in template
// cppcc-standing-committee → report markup → Document → .docx (and .txt); then every
// XML part of the .docx is re-parsed by libxml2 (no DTD, no network) to prove it is
// well-formed XML 1.0, and the text writer's output must be valid UTF-8.
#include <libxml/parser.h>
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "drafting/checks.hpp"
#include "drafting/draft.hpp"
#include "drafting/manifest.hpp"
#include "drafting/readers.hpp"
#include "drafting/render.hpp"
#include "exporters/docx/docx_writer.hpp"
#include "exporters/format_profile.hpp"
#include "exporters/text/text_writer.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

void silent(void*, const char*, ...) {}

// Every part of the package must be well-formed; *.xml and *.rels are XML.
void check_package(const std::string& docx) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(docx.data(), docx.size(), 0, &error);
  if (!source) baogao::fuzz::fail("zip_source_buffer_create failed");
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip) baogao::fuzz::fail(std::string("the .docx is not a valid zip: ") + zip_error_strerror(&error));
  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  bool document_seen = false;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0) baogao::fuzz::fail("zip_stat failed");
    const std::string name = st.name;
    std::string bytes(st.size, '\0');
    zip_file_t* f = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
    if (!f || zip_fread(f, bytes.data(), st.size) != static_cast<zip_int64_t>(st.size))
      baogao::fuzz::fail("cannot read " + name + " from the .docx");
    zip_fclose(f);
    const bool xml = name.ends_with(".xml") || name.ends_with(".rels");
    if (!xml) continue;
    if (name == "word/document.xml") document_seen = true;
    xmlDocPtr doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!doc) {
      const xmlError* e = xmlGetLastError();
      baogao::fuzz::fail("the .docx part " + name + " is not well-formed XML: " +
                         (e && e->message ? e->message : "?"));
    }
    xmlFreeDoc(doc);
  }
  zip_close(zip);
  if (!document_seen) baogao::fuzz::fail("the .docx has no word/document.xml");
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (int k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  xmlInitParser();
  xmlSetGenericErrorFunc(nullptr, silent);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto renderer = [] {
    baogao::set_default_template_root(BAOGAO_TEMPLATE_DIR);
    return std::make_unique<baogao::Renderer>(
        baogao::load_manifest(baogao::find_template("cppcc-standing-committee")));
  }();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  baogao::fuzz::expect_clean("pipeline", [&] {
    baogao::Value value = baogao::parse_json(bytes, "fuzz.json");
    baogao::Draft draft = baogao::draft_report(value, *renderer);
    baogao::Findings findings = baogao::merge_render_findings(baogao::check_data(value, renderer->manifest()),
                                                             draft.findings);
    const std::string docx =
        baogao::write_docx(draft.document, baogao::gbt9704_profile(), baogao::DocxOptions{}, findings);
    check_package(docx);
    const std::string text = baogao::write_text(draft.document, baogao::TextOptions{40});
    if (!valid_utf8(text)) baogao::fuzz::fail("the .txt output is not valid UTF-8");
  });
  return 0;
}
