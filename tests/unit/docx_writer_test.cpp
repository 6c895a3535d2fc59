// The .docx exporter, read back the way a consumer would: unzip with libzip, parse
// each part with libxml2, ask XPath questions. Also the raw zip headers (docx-bugs
// D2–D4) and, when ../shared is present, the independent docx-check.
#include "exporters/docx/docx_writer.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace baogao {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- building documents

Inline text(std::string s) { return Inline{Inline::Kind::text, std::move(s), {}, {}}; }
Inline strong(std::string s) { return Inline{Inline::Kind::strong, std::move(s), {}, {}}; }
Inline line_break() { return Inline{Inline::Kind::line_break, "", {}, {}}; }
Inline span(Inlines content, std::vector<std::pair<std::string, std::string>> attributes) {
  return Inline{Inline::Kind::span, "", std::move(content), std::move(attributes)};
}

Block block(Block::Role role, Inlines inlines, int level = 0) {
  Block b;
  b.role = role;
  b.level = level;
  b.inlines = std::move(inlines);
  b.source = {"report.md", "1:1"};
  return b;
}

using Role = Block::Role;

// Every role, and the hostile text of docx-bugs A1–A9.
Document every_role() {
  Document d;
  d.info = {"政协某区第八届委员会常务委员会工作报告", "八届二次会议", "政协某区委员会办公室", "2018-01-15"};
  d.blocks.push_back(block(Role::title, {text("政协某区第八届委员会")}));
  d.blocks.push_back(block(Role::title, {text("常务委员会工作报告")}));
  d.blocks.push_back(block(Role::subtitle, {text("——2018年1月15日在政协某区八届二次会议上")}));
  d.blocks.push_back(block(Role::speaker, {text("区政协主席　某某")}));
  d.blocks.push_back(block(Role::salutation, {text("各位委员：")}));
  d.blocks.push_back(block(Role::paragraph, {text("现在，我代表常务委员会向大会报告工作，请予审议。")}));
  d.blocks.push_back(block(Role::part, {text("2017年工作回顾")}));
  d.blocks.push_back(block(Role::heading, {text("突出主业，推进协商")}, 1));
  d.blocks.push_back(block(Role::heading, {text("围绕中心建言")}, 2));
  d.blocks.push_back(block(Role::heading, {text("专题协商")}, 3));
  d.blocks.push_back(block(Role::heading, {text("提案办理")}, 4));
  d.blocks.push_back(block(Role::paragraph,
                           {strong("视察监督。"), text("全年开展视察"),
                            span({text("12")}, {{"src", "数据!B7"}}), text("次，提出建议"),
                            span({text("【待补充：建议件数】")}, {{"missing", "建议件数"}}), text("件。")}));
  d.blocks.push_back(block(Role::heading, {text("加强团结，凝聚共识")}, 1));
  d.blocks.push_back(block(Role::paragraph, {text("第一行"), line_break(), text("第二行")}));
  d.blocks.push_back(block(Role::paragraph, {text("a & b < c > \"d\"")}));
  d.blocks.push_back(block(Role::paragraph, {text("  leading and trailing  ")}));
  d.blocks.push_back(block(Role::paragraph, {text("一是强化履职\v二是加强\x01团结")}));
  d.blocks.push_back(block(Role::paragraph, {text("点赞😀")}));
  Block table;
  table.role = Role::table;
  table.rows = {{{text("类别")}, {text("件数")}}, {{text("提案")}, {text("356")}}, {{text("社情民意")}}};
  table.source = {"report.md", "30:1"};
  d.blocks.push_back(table);
  d.blocks.push_back(block(Role::part, {text("2018年主要工作")}));
  d.blocks.push_back(block(Role::heading, {text("新的一年")}, 1));
  d.blocks.push_back(block(Role::closing, {text("各位委员，让我们共同努力！")}));
  d.blocks.push_back(block(Role::page_break, {}));
  d.blocks.push_back(block(Role::signature, {text("政协某区委员会")}));
  d.blocks.push_back(block(Role::date, {text("2018年1月15日")}));
  return d;
}

// ---------------------------------------------------------------- reading packages

struct Entry {
  std::string name;
  std::string data;
};

std::vector<Entry> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) {
    zip_source_free(source);
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
    return {};
  }
  std::vector<Entry> entries;
  const zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (f) {
      zip_fread(f, data.data(), st.size);
      zip_fclose(f);
    }
    entries.push_back({st.name, data});
  }
  zip_close(archive);  // also frees the source
  return entries;
}

class Xml {
 public:
  explicit Xml(const std::string& data)
      : doc_(xmlReadMemory(data.data(), static_cast<int>(data.size()), "part.xml", nullptr, XML_PARSE_NONET),
             xmlFreeDoc) {}
  bool ok() const { return doc_ != nullptr; }

  // Text of every node the XPath selects (element text content or attribute value).
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

class DocxWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bytes = write_docx(every_role(), profile, options, findings);
    for (auto& e : unzip(bytes)) {
      names.push_back(e.name);
      parts[e.name] = e.data;
    }
  }
  Xml part(const std::string& name) {
    EXPECT_TRUE(parts.count(name)) << name << " missing";
    Xml x(parts[name]);
    EXPECT_TRUE(x.ok()) << name << " is not well-formed";
    return x;
  }
  // Concatenated w:t of the body paragraphs in style `style`, one string each.
  std::vector<std::string> paragraphs(const std::string& style) {
    Xml doc = part("word/document.xml");
    std::vector<std::string> out;
    const std::size_t n = doc.count("//w:body/w:p[w:pPr/w:pStyle/@w:val='" + style + "']");
    for (std::size_t i = 1; i <= n; ++i) {
      std::string s;
      for (const auto& t : doc.all("(//w:body/w:p[w:pPr/w:pStyle/@w:val='" + style + "'])[" + std::to_string(i) +
                                   "]//w:t"))
        s += t;
      out.push_back(s);
    }
    return out;
  }

  FormatProfile profile = gbt9704_profile();
  DocxOptions options{"2018-01-15T09:00:00Z"};
  Findings findings;
  std::string bytes;
  std::vector<std::string> names;
  std::map<std::string, std::string> parts;
};

// ---------------------------------------------------------------- package

TEST_F(DocxWriterTest, HasEveryPartWithContentTypesFirst) {
  const std::vector<std::string> expected = {
      "[Content_Types].xml", "_rels/.rels",       "word/document.xml", "word/_rels/document.xml.rels",
      "word/styles.xml",     "word/settings.xml", "word/fontTable.xml", "word/comments.xml",
      "word/footer1.xml",    "word/footer2.xml",  "docProps/core.xml",  "docProps/app.xml"};
  EXPECT_EQ(names, expected);
  for (const auto& n : names) EXPECT_NE(n.back(), '/') << "directory entry " << n;
}

TEST_F(DocxWriterTest, ContentTypesCoverEveryPart) {
  Xml ct = part("[Content_Types].xml");
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  auto type_of = [&](const std::string& p) { return ct.one("//ct:Override[@PartName='" + p + "']/@ContentType"); };
  EXPECT_EQ(type_of("/word/document.xml"), wml + "document.main+xml");
  EXPECT_EQ(type_of("/word/styles.xml"), wml + "styles+xml");
  EXPECT_EQ(type_of("/word/settings.xml"), wml + "settings+xml");
  EXPECT_EQ(type_of("/word/fontTable.xml"), wml + "fontTable+xml");
  EXPECT_EQ(type_of("/word/footer1.xml"), wml + "footer+xml");
  EXPECT_EQ(type_of("/word/footer2.xml"), wml + "footer+xml");
  EXPECT_EQ(type_of("/docProps/core.xml"), "application/vnd.openxmlformats-package.core-properties+xml");
  EXPECT_EQ(type_of("/docProps/app.xml"), "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  EXPECT_EQ(ct.one("//ct:Default[@Extension='rels']/@ContentType"),
            "application/vnd.openxmlformats-package.relationships+xml");
  EXPECT_EQ(ct.count("//ct:Override[@PartName='/[Content_Types].xml']"), 0u);
}

TEST_F(DocxWriterTest, RelationshipsResolveToParts) {
  Xml rels = part("_rels/.rels");
  EXPECT_EQ(rels.one("//rel:Relationship[contains(@Type,'/officeDocument')]/@Target"), "word/document.xml");
  Xml doc_rels = part("word/_rels/document.xml.rels");
  for (const auto& target : doc_rels.all("//rel:Relationship/@Target"))
    EXPECT_TRUE(parts.count("word/" + target)) << target;
  Xml doc = part("word/document.xml");
  for (const auto& id : doc.all("//w:footerReference/@r:id"))
    EXPECT_EQ(doc_rels.count("//rel:Relationship[@Id='" + id + "']"), 1u) << id;
  EXPECT_EQ(doc_rels.one("//rel:Relationship[@Id=" + std::string("'") +
                         doc.one("//w:footerReference[@w:type='even']/@r:id") + "']/@Target"),
            "footer2.xml");
}

// Local file headers read byte by byte: what Word and LibreOffice actually parse.
TEST_F(DocxWriterTest, ZipHeadersAreClassicDeflateWithFixedTime) {
  auto u16 = [&](std::size_t at) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) |
                                          static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 8; };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::size_t at = 0, entries = 0;
  while (at + 30 <= bytes.size() && u32(at) == 0x04034b50) {
    const std::string name = bytes.substr(at + 30, u16(at + 26));
    EXPECT_LE(u16(at + 4), 20u) << name << ": version needed";
    EXPECT_EQ(u16(at + 6) & 0x8, 0u) << name << ": data descriptor flag";
    EXPECT_EQ(u16(at + 8), 8u) << name << ": not deflate";
    EXPECT_EQ(u16(at + 10), 0u) << name << ": DOS time";
    EXPECT_EQ(u16(at + 12), (1u << 5) | 1u) << name << ": DOS date 1980-01-01";
    EXPECT_EQ(u16(at + 28), 0u) << name << ": extra fields (ZIP64 or timestamps)";
    at += 30 + u16(at + 26) + u16(at + 28) + u32(at + 18);
    ++entries;
  }
  EXPECT_EQ(entries, names.size());
  EXPECT_EQ(bytes.find("PK\x06\x06"), std::string::npos) << "ZIP64 end record";
  EXPECT_EQ(bytes.find("PK\x06\x07"), std::string::npos) << "ZIP64 end locator";
}

TEST_F(DocxWriterTest, SameInputSameBytes) {
  Findings again;
  EXPECT_EQ(write_docx(every_role(), profile, options, again), bytes);
}

// ---------------------------------------------------------------- styles, settings, section

TEST_F(DocxWriterTest, StylesHaveEveryRoleId) {
  Xml styles = part("word/styles.xml");
  for (const RoleStyle* r : {&profile.normal, &profile.title, &profile.subtitle, &profile.speaker,
                             &profile.salutation, &profile.part, &profile.heading1, &profile.heading2,
                             &profile.heading3, &profile.heading4, &profile.body, &profile.closing,
                             &profile.signature, &profile.date, &profile.table, &profile.table_header})
    EXPECT_EQ(styles.count("//w:style[@w:type='paragraph'][@w:styleId='" + r->style_id + "']"), 1u) << r->style_id;
  // Every paragraph style names its East Asian font; no theme font anywhere (E1, E2).
  EXPECT_EQ(styles.count("//w:style[@w:type='paragraph'][not(w:rPr/w:rFonts/@w:eastAsia)]"), 0u);
  EXPECT_EQ(styles.count("//w:rFonts[@w:asciiTheme or @w:hAnsiTheme or @w:eastAsiaTheme or @w:cstheme]"), 0u);
  EXPECT_EQ(styles.one("//w:docDefaults//w:lang/@w:eastAsia"), "zh-CN");
  EXPECT_EQ(styles.one("//w:docDefaults//w:rFonts/@w:eastAsia"), "仿宋_GB2312");
}

TEST_F(DocxWriterTest, NormalStyleCarriesTheB1Encoding) {
  Xml styles = part("word/styles.xml");
  const std::string normal = "//w:style[@w:styleId='Normal']";
  EXPECT_EQ(styles.one(normal + "/@w:default"), "1");
  EXPECT_EQ(styles.one(normal + "/w:rPr/w:sz/@w:val"), "32");
  EXPECT_EQ(styles.one(normal + "/w:rPr/w:spacing/@w:val"), "-5");
  EXPECT_EQ(styles.one(normal + "/w:pPr/w:spacing/@w:line"), "579");
  EXPECT_EQ(styles.one(normal + "/w:pPr/w:spacing/@w:lineRule"), "exact");
  const std::string body = "//w:style[@w:styleId='BodyText']/w:pPr/w:ind";
  EXPECT_EQ(styles.one(body + "/@w:firstLineChars"), "200");
  EXPECT_EQ(styles.one(body + "/@w:firstLine"), "640");
  // Roles flush with the margin override both indent forms (chars would win otherwise).
  for (const char* id : {"Title", "Subtitle", "Speaker", "Salutation", "PartHeading", "Signature", "Date"}) {
    const std::string ind = std::string("//w:style[@w:styleId='") + id + "']/w:pPr/w:ind";
    EXPECT_EQ(styles.one(ind + "/@w:firstLineChars"), "0") << id;
    EXPECT_EQ(styles.one(ind + "/@w:firstLine"), "0") << id;
  }
  // Title: 22 pt, its own exact line, no −5 (computed for 16 pt only).
  EXPECT_EQ(styles.one("//w:style[@w:styleId='Title']/w:rPr/w:sz/@w:val"), "44");
  EXPECT_EQ(styles.one("//w:style[@w:styleId='Title']/w:rPr/w:spacing/@w:val"), "0");
  EXPECT_EQ(styles.one("//w:style[@w:styleId='Title']/w:pPr/w:jc/@w:val"), "center");
  // A heading at a page's foot with one line of its paragraph (found in a new-user
  // trial): widow/orphan control is off unless a style turns it on.
  EXPECT_EQ(styles.count(normal + "/w:pPr/w:widowControl"), 1u);
  // Headings keep with the next paragraph and have an outline level.
  for (const char* id : {"PartHeading", "Heading1", "Heading2", "Heading3", "Heading4"}) {
    const std::string ppr = std::string("//w:style[@w:styleId='") + id + "']/w:pPr";
    EXPECT_EQ(styles.count(ppr + "/w:keepNext"), 1u) << id;
    EXPECT_EQ(styles.count(ppr + "/w:outlineLvl"), 1u) << id;
  }
  EXPECT_EQ(styles.one("//w:style[@w:styleId='Heading1']/w:rPr/w:rFonts/@w:eastAsia"), "黑体");
  EXPECT_EQ(styles.one("//w:style[@w:styleId='Heading2']/w:rPr/w:rFonts/@w:eastAsia"), "楷体_GB2312");
}

TEST_F(DocxWriterTest, SettingsForChineseOddEvenPages) {
  Xml settings = part("word/settings.xml");
  EXPECT_EQ(settings.count("//w:evenAndOddHeaders"), 1u);
  EXPECT_EQ(settings.one("//w:characterSpacingControl/@w:val"), "doNotCompress");
  EXPECT_EQ(settings.one("//w:compatSetting[@w:name='compatibilityMode']/@w:val"), "15");
  EXPECT_EQ(settings.count("//w:compat/w:doNotExpandShiftReturn"), 1u);  // "第一行<br/>" not stretched
  EXPECT_EQ(settings.one("//w:themeFontLang/@w:eastAsia"), "zh-CN");
}

TEST_F(DocxWriterTest, FontTableDeclaresGb2312Charset) {
  Xml fonts = part("word/fontTable.xml");
  EXPECT_EQ(fonts.one("//w:font[@w:name='仿宋_GB2312']/w:charset/@w:val"), "86");
  EXPECT_EQ(fonts.one("//w:font[@w:name='仿宋_GB2312']/w:altName/@w:val"), "仿宋");
  EXPECT_EQ(fonts.count("//w:font[@w:name='方正小标宋简体']"), 1u);
  EXPECT_EQ(fonts.count("//w:font[@w:name='宋体']"), 1u);
}

TEST_F(DocxWriterTest, SectionFollowsTheProfile) {
  Xml doc = part("word/document.xml");
  EXPECT_EQ(doc.count("/w:document/w:body/*[last()][self::w:sectPr]"), 1u);
  const std::string s = "/w:document/w:body/w:sectPr";
  EXPECT_EQ(doc.one(s + "/w:pgSz/@w:w"), "11906");
  EXPECT_EQ(doc.one(s + "/w:pgSz/@w:h"), "16838");
  EXPECT_EQ(doc.one(s + "/w:pgMar/@w:top"), "2098");
  EXPECT_EQ(doc.one(s + "/w:pgMar/@w:bottom"), "1984");
  EXPECT_EQ(doc.one(s + "/w:pgMar/@w:left"), "1588");
  EXPECT_EQ(doc.one(s + "/w:pgMar/@w:right"), "1474");
  EXPECT_EQ(doc.one(s + "/w:pgMar/@w:footer"), "1418");
  EXPECT_EQ(doc.one(s + "/w:docGrid/@w:type"), "lines");
  EXPECT_EQ(doc.one(s + "/w:docGrid/@w:linePitch"), "579");
  EXPECT_EQ(doc.count(s + "/w:footerReference"), 2u);
}

TEST_F(DocxWriterTest, FootersPutDashedPageNumbersOutside) {
  Xml odd = part("word/footer1.xml");
  Xml even = part("word/footer2.xml");
  EXPECT_EQ(odd.one("//w:p/w:pPr/w:jc/@w:val"), "right");
  EXPECT_EQ(odd.one("//w:p/w:pPr/w:ind/@w:right"), "280");
  EXPECT_EQ(even.one("//w:p/w:pPr/w:jc/@w:val"), "left");
  EXPECT_EQ(even.one("//w:p/w:pPr/w:ind/@w:left"), "280");
  std::string shown;
  for (const auto& t : odd.all("//w:t")) shown += t;
  EXPECT_EQ(shown, "— 1 —");
  EXPECT_EQ(odd.one("//w:instrText"), " PAGE ");
  EXPECT_EQ(odd.count("//w:fldChar"), 3u);
  Xml styles = part("word/styles.xml");
  EXPECT_EQ(styles.one("//w:style[@w:styleId='Footer']/w:rPr/w:sz/@w:val"), "28");
  EXPECT_EQ(styles.one("//w:style[@w:styleId='Footer']/w:rPr/w:rFonts/@w:eastAsia"), "宋体");
}

TEST(DocxWriter, CentredPageNumbersUseOneFooter) {
  FormatProfile profile = gbt9704_profile();
  profile.page_number_placement = PageNumberPlacement::centre;
  Findings findings;
  std::map<std::string, std::string> parts;
  for (auto& e : unzip(write_docx(every_role(), profile, {}, findings))) parts[e.name] = e.data;
  EXPECT_FALSE(parts.count("word/footer2.xml"));
  EXPECT_EQ(Xml(parts["word/footer1.xml"]).one("//w:p/w:pPr/w:jc/@w:val"), "center");
  EXPECT_EQ(Xml(parts["word/settings.xml"]).count("//w:evenAndOddHeaders"), 0u);
  EXPECT_EQ(Xml(parts["word/document.xml"]).count("//w:footerReference"), 1u);
  EXPECT_EQ(Xml(parts["[Content_Types].xml"]).count("//ct:Override[@PartName='/word/footer2.xml']"), 0u);
}

// ---------------------------------------------------------------- body

TEST_F(DocxWriterTest, TitleLinesAndBlankLineBeforeSalutation) {
  EXPECT_EQ(paragraphs("Title"), (std::vector<std::string>{"政协某区第八届委员会", "常务委员会工作报告"}));
  EXPECT_EQ(paragraphs("Subtitle").size(), 1u);
  EXPECT_EQ(paragraphs("Speaker").size(), 1u);
  Xml doc = part("word/document.xml");
  // speaker, one empty paragraph, salutation (spec §6).
  const std::string after_speaker = "//w:body/w:p[w:pPr/w:pStyle/@w:val='Speaker']/following-sibling::w:p";
  EXPECT_EQ(doc.count(after_speaker + "[1]//w:t"), 0u);
  EXPECT_EQ(doc.one(after_speaker + "[2]/w:pPr/w:pStyle/@w:val"), "Salutation");
}

TEST_F(DocxWriterTest, HeadingsAreNumberedAndPartsRestart) {
  EXPECT_EQ(paragraphs("PartHeading"), (std::vector<std::string>{"2017年工作回顾", "2018年主要工作"}));
  EXPECT_EQ(paragraphs("Heading1"),
            (std::vector<std::string>{"一、突出主业，推进协商", "二、加强团结，凝聚共识", "一、新的一年"}));
  EXPECT_EQ(paragraphs("Heading2"), (std::vector<std::string>{"（一）围绕中心建言"}));
  EXPECT_EQ(paragraphs("Heading3"), (std::vector<std::string>{"1.专题协商"}));
  EXPECT_EQ(paragraphs("Heading4"), (std::vector<std::string>{"（1）提案办理"}));
}

TEST_F(DocxWriterTest, LeadSpansAndBreaks) {
  Xml doc = part("word/document.xml");
  const std::string p = "//w:body/w:p[.//w:t='视察监督。']";
  EXPECT_EQ(doc.one(p + "/w:r[w:t='视察监督。']/w:rPr/w:rFonts/@w:eastAsia"), "楷体_GB2312");
  EXPECT_EQ(doc.count(p + "/w:r[w:t='12']/w:rPr/w:highlight"), 0u);  // src spans render plainly for now
  EXPECT_EQ(doc.one(p + "/w:r[w:t='【待补充：建议件数】']/w:rPr/w:highlight/@w:val"), "yellow");
  EXPECT_EQ(doc.count("//w:body/w:p[.//w:t='第一行']//w:br"), 1u);
  EXPECT_EQ(doc.count("//w:body/w:p//w:br[@w:type='page']"), 1u);
  EXPECT_EQ(paragraphs("Closing").size(), 1u);
  EXPECT_EQ(paragraphs("Signature"), (std::vector<std::string>{"政协某区委员会"}));
  EXPECT_EQ(paragraphs("Date"), (std::vector<std::string>{"2018年1月15日"}));
}

TEST_F(DocxWriterTest, HostileTextIsEscapedAndSpacesKept) {
  const std::string& raw = parts["word/document.xml"];
  EXPECT_NE(raw.find("a &amp; b &lt; c &gt; "), std::string::npos);  // '"' may stay or be &quot;
  Xml doc = part("word/document.xml");
  EXPECT_EQ(doc.count("//w:t[.='a & b < c > \"d\"']"), 1u);
  EXPECT_EQ(doc.count("//w:t[.='  leading and trailing  ']"), 1u);
  EXPECT_EQ(doc.count("//w:t[not(@xml:space='preserve')]"), 0u);
  EXPECT_EQ(doc.count("//w:body/w:p[w:r/w:t='点赞'][w:r/w:t='😀']"), 1u);
  EXPECT_NE(raw.find("\xF0\x9F\x98\x80"), std::string::npos) << "emoji as 4-byte UTF-8";
}

// docx-bugs I4: "　　过去一年" typed with the plain-text indent is not indented twice.
TEST(DocxWriter, TypedIdeographicIndentGivesWayToTheStyleIndent) {
  Document d;
  d.blocks.push_back(block(Role::paragraph, {text("\u3000\u3000过去一年，成绩显著。")}));
  d.blocks.push_back(block(Role::speaker, {text("\u3000主席　某某")}));  // no style indent: kept
  Findings findings;
  std::map<std::string, std::string> parts;
  for (auto& e : unzip(write_docx(d, gbt9704_profile(), {}, findings))) parts[e.name] = e.data;
  Xml doc(parts["word/document.xml"]);
  EXPECT_EQ(doc.count("//w:t[.='过去一年，成绩显著。']"), 1u);
  EXPECT_EQ(doc.count("//w:t[.='\u3000主席\u3000某某']"), 1u);
}

// docx-bugs E4: 仿宋_GB2312 has no glyph outside GB 2312; such characters get the
// font's altName (仿宋, GBK) in a run of their own, and a note.
TEST(DocxWriter, CharactersOutsideGb2312FallBackToTheAltName) {
  Document d;
  d.blocks.push_back(block(Role::paragraph, {text("委员张𠮷、王堃同志")}));
  d.blocks.push_back(block(Role::heading, {text("王堃")}, 1));  // 黑体 is not a GB2312-only face
  Findings findings;
  std::map<std::string, std::string> parts;
  for (auto& e : unzip(write_docx(d, gbt9704_profile(), {}, findings))) parts[e.name] = e.data;
  Xml doc(parts["word/document.xml"]);
  const std::string p = "//w:body/w:p[w:pPr/w:pStyle/@w:val='BodyText']";
  EXPECT_EQ(doc.one(p + "/w:r[w:t='𠮷']/w:rPr/w:rFonts/@w:eastAsia"), "仿宋");
  EXPECT_EQ(doc.one(p + "/w:r[w:t='堃']/w:rPr/w:rFonts/@w:eastAsia"), "仿宋");
  EXPECT_EQ(doc.count(p + "/w:r[w:t='委员张']/w:rPr/w:rFonts"), 0u);
  EXPECT_EQ(doc.count(p + "/w:r[w:t='、王']"), 1u);
  EXPECT_EQ(doc.count("//w:body/w:p[w:pPr/w:pStyle/@w:val='Heading1']//w:rFonts"), 0u);
  std::size_t notes = 0;
  for (const auto& f : findings) notes += f.code == "font_fallback" && f.severity == Severity::note;
  EXPECT_EQ(notes, 2u);
}

TEST_F(DocxWriterTest, ControlCharactersNeverReachTheXml) {
  for (const auto& [name, data] : parts) {
    for (unsigned char c : data) {
      const bool allowed = c >= 0x20 || c == '\n' || c == '\r' || c == '\t';
      EXPECT_TRUE(allowed) << name << " holds byte " << int(c);
    }
    EXPECT_EQ(data.find("&#"), std::string::npos) << name << " holds a character reference";
    EXPECT_EQ(data.find("\xEF\xBF\xBD"), std::string::npos) << name << " holds U+FFFD";
  }
  Xml doc = part("word/document.xml");
  // U+000B is Word's manual line break (docx-bugs A2); U+0001 is dropped (A1).
  const std::string p = "//w:body/w:p[.//w:t='一是强化履职']";
  EXPECT_EQ(doc.count(p + "//w:br"), 1u);
  EXPECT_EQ(doc.one(p + "//w:t[2]"), "二是加强团结");
  int dropped = 0, converted = 0;
  for (const auto& f : findings) {
    if (f.code == "dropped_character") {
      ++dropped;
      EXPECT_EQ(f.severity, Severity::warning);
      EXPECT_NE(f.message.find("U+0001"), std::string::npos) << f.message;
      EXPECT_EQ(f.where.to_string(), "report.md:1:1");
    }
    if (f.code == "converted_character") {
      ++converted;
      EXPECT_NE(f.message.find("U+000B"), std::string::npos) << f.message;
    }
  }
  EXPECT_EQ(dropped, 1);
  EXPECT_EQ(converted, 1);
}

TEST(DocxWriter, InvalidUtf8NewlinesAndTabs) {
  Document d;
  d.blocks.push_back(block(Role::paragraph, {text("坏\xED\xA0\xBD字节\xFF。")}));
  d.blocks.push_back(block(Role::paragraph, {text("第一行\r\n第二行\r第三行")}));
  d.blocks.push_back(block(Role::paragraph, {text("项目\t金额\f\x1D\xEF\xBF\xBE")}));
  Findings findings;
  std::map<std::string, std::string> parts;
  for (auto& e : unzip(write_docx(d, gbt9704_profile(), {}, findings))) parts[e.name] = e.data;
  Xml doc(parts["word/document.xml"]);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.count("//w:t[.='坏字节。']"), 1u);
  EXPECT_EQ(doc.count("//w:body/w:p[.//w:t='第一行']//w:br"), 2u);
  EXPECT_EQ(doc.count("//w:body/w:p[.//w:t='项目']//w:tab"), 1u);
  EXPECT_EQ(doc.count("//w:t[.='金额']"), 1u);
  // ED A0 BD (a lone surrogate), FF, U+000C, U+001D, U+FFFE: five drops, five findings.
  std::size_t dropped = 0;
  for (const auto& f : findings) dropped += f.code == "dropped_character";
  EXPECT_EQ(dropped, 5u);
}

TEST_F(DocxWriterTest, TableIsARealTableThatFitsTheTypeArea) {
  Xml doc = part("word/document.xml");
  const std::string tbl = "//w:body/w:tbl";
  EXPECT_EQ(doc.count(tbl), 1u);
  EXPECT_EQ(doc.count(tbl + "/w:tblGrid/w:gridCol"), 2u);
  int total = 0;
  for (const auto& w : doc.all(tbl + "/w:tblGrid/w:gridCol/@w:w")) total += std::stoi(w);
  EXPECT_LE(total, profile.page_width - profile.margin_left - profile.margin_right);
  EXPECT_EQ(doc.count(tbl + "/w:tr"), 3u);
  EXPECT_EQ(doc.count(tbl + "/w:tr[1]/w:trPr/w:tblHeader"), 1u);
  EXPECT_EQ(doc.count(tbl + "/w:tr[3]/w:tc"), 2u) << "short row padded to the grid";
  EXPECT_EQ(doc.count(tbl + "//w:tc[not(w:p)]"), 0u);
  EXPECT_EQ(doc.count(tbl + "/w:tblPr/w:tblBorders/w:insideH"), 1u);
  EXPECT_EQ(doc.one(tbl + "/w:tr[1]/w:tc[1]/w:p/w:pPr/w:pStyle/@w:val"), "TableHeader");
  EXPECT_EQ(doc.one(tbl + "/w:tr[2]/w:tc[2]/w:p/w:pPr/w:pStyle/@w:val"), "TableText");
  EXPECT_EQ(doc.one(tbl + "/w:tr[2]/w:tc[2]//w:t"), "356");
}

// ---------------------------------------------------------------- properties

TEST_F(DocxWriterTest, CorePropertiesFromInfoAndOption) {
  Xml core = part("docProps/core.xml");
  EXPECT_EQ(core.one("//dc:title"), "政协某区第八届委员会常务委员会工作报告");
  EXPECT_EQ(core.one("//dc:subject"), "八届二次会议");
  EXPECT_EQ(core.one("//dc:creator"), "政协某区委员会办公室");
  EXPECT_EQ(core.one("//dcterms:created"), "2018-01-15T09:00:00Z");
  EXPECT_EQ(core.one("//dcterms:modified"), "2018-01-15T09:00:00Z");
  Xml app = part("docProps/app.xml");
  EXPECT_EQ(app.one("//ep:Application"), "Baogao");
}

TEST(DocxWriter, CoreTimestampFallbacks) {
  auto created = [](const Document& d, const DocxOptions& o) {
    Findings f;
    for (auto& e : unzip(write_docx(d, gbt9704_profile(), o, f)))
      if (e.name == "docProps/core.xml") return Xml(e.data).one("//dcterms:created");
    return std::string();
  };
  Document d;
  d.blocks.push_back(block(Role::paragraph, {text("正文")}));
  const char* saved = std::getenv("SOURCE_DATE_EPOCH");
  const std::string saved_value = saved ? saved : "";
  unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(created(d, {}), "1980-01-01T00:00:00Z");
  d.info.date = "2017-12-13";
  EXPECT_EQ(created(d, {}), "2017-12-13T00:00:00Z");
  setenv("SOURCE_DATE_EPOCH", "1514764800", 1);
  EXPECT_EQ(created(d, {}), "2018-01-01T00:00:00Z");
  EXPECT_EQ(created(d, {"2019-03-03"}), "2019-03-03T00:00:00Z");
  EXPECT_THROW(created(d, {"yesterday"}), std::invalid_argument);
  // Found by a new user: a date of the right shape but no real day (2017-02-30 from
  // the data, 2017-13-45 from --comment-date) made a package Word refuses
  // (xsd:dateTime). It is refused as an option and ignored as the document date.
  EXPECT_THROW(created(d, {"2017-13-45"}), std::invalid_argument);
  EXPECT_THROW(created(d, {"2017-12-13T25:00:00Z"}), std::invalid_argument);
  unsetenv("SOURCE_DATE_EPOCH");
  d.info.date = "2017-02-30";
  EXPECT_EQ(created(d, {}), "1980-01-01T00:00:00Z");
  EXPECT_TRUE(baogao::is_docx_date("2016-02-29"));
  EXPECT_TRUE(baogao::is_docx_date("2017-12-13T09:00:00Z"));
  EXPECT_FALSE(baogao::is_docx_date("2017-02-29"));
  EXPECT_FALSE(baogao::is_docx_date("2017-12-13T09:60:00Z"));
  if (saved) {
    setenv("SOURCE_DATE_EPOCH", saved_value.c_str(), 1);
  } else {
    unsetenv("SOURCE_DATE_EPOCH");
  }
}

TEST(DocxWriter, WordCountsFollowWord) {
  Document d;
  d.blocks.push_back(block(Role::paragraph, {text("提案356件 and more")}));
  Findings f;
  for (auto& e : unzip(write_docx(d, gbt9704_profile(), {}, f))) {
    if (e.name != "docProps/app.xml") continue;
    Xml app(e.data);
    EXPECT_EQ(app.one("//ep:Words"), "6");  // 提 案 356件→"356" + 件, and, more
    EXPECT_EQ(app.one("//ep:Characters"), "13");
    EXPECT_EQ(app.one("//ep:CharactersWithSpaces"), "15");
  }
}

// ---------------------------------------------------------------- the independent checker

TEST_F(DocxWriterTest, PassesDocxCheckFast) {
  const fs::path shared = BAOGAO_SHARED_DIR;
  const fs::path checker = shared / "tools" / "docx-check";
  if (!fs::exists(checker)) GTEST_SKIP() << "no docx-check at " << checker << " (../shared not present)";
  if (std::system("command -v python3 >/dev/null 2>&1 && command -v xmllint >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "python3 or xmllint (libxml2-utils) not installed: docx-check --fast needs both";
  const fs::path file = fs::temp_directory_path() / ("baogao-docx-check-" + std::to_string(getpid()) + ".docx");
  std::ofstream(file, std::ios::binary) << bytes;
  const std::string command = "python3 '" + checker.string() + "' --fast -q '" + file.string() + "'";
  const int rc = std::system(command.c_str());
  fs::remove(file);
  EXPECT_EQ(rc, 0) << command;
}

}  // namespace
}  // namespace baogao
