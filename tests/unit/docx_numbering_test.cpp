// Heading numbering (ECMA-376 Part 1 §17.9) in both modes, the cover page without a
// page number (GB/T 9704-2012 §7.5), and the Word-style counts in docProps/app.xml.
#include <gtest/gtest.h>

#include <array>

#include "drafting/numbering.hpp"
#include "exporters/docx/docx_writer.hpp"
#include "unit/docx_test_reader.hpp"

namespace baogao {
namespace {

using testing_docx::unzip_parts;
using testing_docx::Xml;
using Role = Block::Role;

Inline text(std::string s) { return Inline{Inline::Kind::text, std::move(s), {}, {}}; }
Block block(Role role, std::string s, int level = 0) {
  Block b;
  b.role = role;
  b.level = level;
  b.inlines = {text(std::move(s))};
  b.source = {"report.md", "1:1"};
  return b;
}

// A heading before any part, two parts, every level, a skipped level.
Document headings() {
  Document d;
  d.blocks.push_back(block(Role::title, "工作报告"));
  d.blocks.push_back(block(Role::heading, "引言", 1));
  d.blocks.push_back(block(Role::part, "2017年工作回顾"));
  d.blocks.push_back(block(Role::heading, "协商", 1));
  d.blocks.push_back(block(Role::heading, "专题协商", 2));
  d.blocks.push_back(block(Role::heading, "会前调研", 3));
  d.blocks.push_back(block(Role::heading, "走访", 4));
  d.blocks.push_back(block(Role::heading, "监督", 1));
  d.blocks.push_back(block(Role::heading, "直接到第四级", 4));
  d.blocks.push_back(block(Role::paragraph, "正文。"));
  d.blocks.push_back(block(Role::part, "2018年主要任务"));
  d.blocks.push_back(block(Role::heading, "任务一", 1));
  d.blocks.push_back(block(Role::heading, "任务二", 1));
  return d;
}

std::map<std::string, std::string> write(const Document& d, HeadingNumbering mode) {
  FormatProfile profile = gbt9704_profile();
  profile.heading_numbering = mode;
  Findings findings;
  return unzip_parts(write_docx(d, profile, {}, findings));
}

// What a reader sees as each heading's number, computed from numbering.xml the way
// Word does: per w:num instance, counters per level, deeper levels restart, lvlText
// with %n replaced (chineseCounting via heading_number, which the .txt uses too).
std::vector<std::string> shown_numbers(const std::map<std::string, std::string>& parts) {
  Xml doc(parts.at("word/document.xml"));
  Xml numbering(parts.at("word/numbering.xml"));
  std::map<int, std::array<int, 4>> counters;
  std::vector<std::string> out;
  const std::size_t n = doc.count("//w:body/w:p[w:pPr/w:numPr]");
  for (std::size_t i = 1; i <= n; ++i) {
    const std::string p = "(//w:body/w:p[w:pPr/w:numPr])[" + std::to_string(i) + "]";
    const int ilvl = std::stoi(doc.one(p + "/w:pPr/w:numPr/w:ilvl/@w:val"));
    const int num = std::stoi(doc.one(p + "/w:pPr/w:numPr/w:numId/@w:val"));
    auto& c = counters.try_emplace(num, std::array<int, 4>{0, 0, 0, 0}).first->second;
    ++c[ilvl];
    for (int deeper = ilvl + 1; deeper < 4; ++deeper) c[deeper] = 0;
    const std::string abstract =
        numbering.one("//w:num[@w:numId='" + std::to_string(num) + "']/w:abstractNumId/@w:val");
    const std::string lvl =
        "//w:abstractNum[@w:abstractNumId='" + abstract + "']/w:lvl[@w:ilvl='" + std::to_string(ilvl) + "']";
    std::string text = numbering.one(lvl + "/w:lvlText/@w:val");
    const std::string format = numbering.one(lvl + "/w:numFmt/@w:val");
    const std::string placeholder = "%" + std::to_string(ilvl + 1);
    const std::string value =
        format == "chineseCounting" ? chinese_numeral(c[ilvl]) : std::to_string(c[ilvl]);
    text.replace(text.find(placeholder), placeholder.size(), value);
    out.push_back(text);
  }
  return out;
}

std::vector<std::string> expected_numbers() {
  return {"一、", "一、", "（一）", "1.", "（1）", "二、", "（1）", "一、", "二、"};
}

TEST(DocxNumbering, TextModeWritesTheNumbersAsText) {
  auto parts = write(headings(), HeadingNumbering::text);
  EXPECT_FALSE(parts.count("word/numbering.xml"));
  Xml doc(parts["word/document.xml"]);
  EXPECT_EQ(doc.count("//w:numPr"), 0u);
  std::vector<std::string> first_runs;
  for (int level = 1; level <= 4; ++level)
    for (const auto& t : doc.all("//w:body/w:p[w:pPr/w:pStyle/@w:val='Heading" + std::to_string(level) +
                                 "']/w:r[1]/w:t"))
      first_runs.push_back(t);
  EXPECT_EQ(first_runs, (std::vector<std::string>{"一、", "一、", "二、", "一、", "二、", "（一）", "1.", "（1）", "（1）"}));
}

TEST(DocxNumbering, WordModeGivesTheSameNumbersAsTheText) {
  auto parts = write(headings(), HeadingNumbering::word);
  ASSERT_TRUE(parts.count("word/numbering.xml"));
  EXPECT_EQ(shown_numbers(parts), expected_numbers());
  // And the same as HeadingCounter, which the .txt uses.
  HeadingCounter counter;
  std::vector<std::string> txt;
  for (const auto& b : headings().blocks) {
    if (b.role == Role::part) counter.start_part();
    if (b.role == Role::heading) txt.push_back(counter.next(b.level));
  }
  EXPECT_EQ(txt, expected_numbers());
  // No literal numbers in the headings' text.
  Xml doc(parts["word/document.xml"]);
  for (const auto& t : doc.all("//w:body/w:p[w:pPr/w:numPr]//w:t")) {
    EXPECT_EQ(t.find("、"), std::string::npos) << t;
    EXPECT_EQ(t.find("（"), std::string::npos) << t;
  }
}

TEST(DocxNumbering, OneInstancePerPartAbstractNumFirst) {
  auto parts = write(headings(), HeadingNumbering::word);
  Xml numbering(parts["word/numbering.xml"]);
  // docx-bugs F1: every w:abstractNum before every w:num.
  EXPECT_EQ(numbering.count("/w:numbering/w:num[following-sibling::w:abstractNum]"), 0u);
  EXPECT_EQ(numbering.count("/w:numbering/w:abstractNum"), 1u);
  // Preamble + two parts = three instances, each restarting all four levels (F2).
  EXPECT_EQ(numbering.count("/w:numbering/w:num"), 3u);
  EXPECT_EQ(numbering.count("//w:num/w:lvlOverride/w:startOverride[@w:val='1']"), 12u);
  Xml doc(parts["word/document.xml"]);
  EXPECT_EQ(doc.all("//w:body/w:p[w:pPr/w:pStyle/@w:val='Heading1']/w:pPr/w:numPr/w:numId/@w:val"),
            (std::vector<std::string>{"1", "2", "2", "3", "3"}));
  for (const auto& id : doc.all("//w:numPr/w:numId/@w:val"))
    EXPECT_EQ(numbering.count("//w:num[@w:numId='" + id + "']"), 1u) << id;
}

TEST(DocxNumbering, LevelsAreCompleteWithTheHeadingsFonts) {
  auto parts = write(headings(), HeadingNumbering::word);
  Xml numbering(parts["word/numbering.xml"]);
  const FormatProfile profile = gbt9704_profile();
  const char* formats[] = {"chineseCounting", "chineseCounting", "decimal", "decimal"};
  const char* texts[] = {"%1、", "（%2）", "%3.", "（%4）"};
  const RoleStyle* roles[] = {&profile.heading1, &profile.heading2, &profile.heading3, &profile.heading4};
  for (int i = 0; i < 4; ++i) {
    const std::string lvl = "//w:abstractNum/w:lvl[@w:ilvl='" + std::to_string(i) + "']";
    EXPECT_EQ(numbering.one(lvl + "/w:start/@w:val"), "1");
    EXPECT_EQ(numbering.one(lvl + "/w:numFmt/@w:val"), formats[i]);
    EXPECT_EQ(numbering.one(lvl + "/w:lvlText/@w:val"), texts[i]);
    EXPECT_EQ(numbering.one(lvl + "/w:lvlJc/@w:val"), "left");
    EXPECT_EQ(numbering.one(lvl + "/w:suff/@w:val"), "nothing") << "no tab between number and text";
    EXPECT_EQ(numbering.one(lvl + "/w:pPr/w:ind/@w:firstLine"), "640");
    EXPECT_EQ(numbering.one(lvl + "/w:pPr/w:ind/@w:firstLineChars"), "200");
    EXPECT_EQ(numbering.one(lvl + "/w:rPr/w:rFonts/@w:eastAsia"), roles[i]->font.east_asia);
    EXPECT_EQ(numbering.one(lvl + "/w:rPr/w:sz/@w:val"), "32");
    EXPECT_EQ(numbering.one(lvl + "/w:rPr/w:spacing/@w:val"), "-5") << "the 28-character line";
  }
  // Part, relationship, content type.
  Xml ct(parts["[Content_Types].xml"]);
  EXPECT_EQ(ct.one("//ct:Override[@PartName='/word/numbering.xml']/@ContentType"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml");
  Xml rels(parts["word/_rels/document.xml.rels"]);
  EXPECT_EQ(rels.one("//rel:Relationship[@Target='numbering.xml']/@Type"),
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering");
}

TEST(DocxNumbering, ElevenHeadingsCountInChinese) {
  Document d;
  for (int i = 0; i < 11; ++i) d.blocks.push_back(block(Role::heading, "标题", 1));
  auto parts = write(d, HeadingNumbering::word);
  EXPECT_EQ(shown_numbers(parts).back(), "十一、");
  auto text_parts = write(d, HeadingNumbering::text);
  EXPECT_EQ(Xml(text_parts["word/document.xml"]).one("(//w:body/w:p)[11]/w:r[1]/w:t"), "十一、");
}

// ------------------------------------------------------------------ cover page

TEST(DocxCover, ATitlePageBeforeTheFirstBreakHasNoPageNumber) {
  Document d;
  d.blocks.push_back(block(Role::title, "工作报告"));
  d.blocks.push_back(block(Role::subtitle, "——2018年1月15日"));
  d.blocks.push_back(block(Role::page_break, ""));
  d.blocks.push_back(block(Role::paragraph, "正文。"));
  auto parts = write(d, HeadingNumbering::text);
  ASSERT_TRUE(parts.count("word/footer3.xml"));
  Xml doc(parts["word/document.xml"]);
  const std::string s = "/w:document/w:body/w:sectPr";
  EXPECT_EQ(doc.count(s + "/w:titlePg"), 1u);
  const std::string first = doc.one(s + "/w:footerReference[@w:type='first']/@r:id");
  Xml rels(parts["word/_rels/document.xml.rels"]);
  EXPECT_EQ(rels.one("//rel:Relationship[@Id='" + first + "']/@Target"), "footer3.xml");
  Xml footer(parts["word/footer3.xml"]);
  EXPECT_EQ(footer.count("//w:t|//w:fldChar|//w:fldSimple"), 0u);
  // The other pages keep their odd/even footers.
  EXPECT_EQ(doc.count(s + "/w:footerReference[@w:type='default']"), 1u);
  EXPECT_EQ(doc.count(s + "/w:footerReference[@w:type='even']"), 1u);
}

TEST(DocxCover, NoCoverWithoutABreakOrWithBodyBeforeIt) {
  Document plain = headings();
  EXPECT_FALSE(write(plain, HeadingNumbering::text).count("word/footer3.xml"));
  Document body_first;
  body_first.blocks.push_back(block(Role::title, "工作报告"));
  body_first.blocks.push_back(block(Role::paragraph, "正文。"));
  body_first.blocks.push_back(block(Role::page_break, ""));
  auto parts = write(body_first, HeadingNumbering::text);
  EXPECT_FALSE(parts.count("word/footer3.xml"));
  EXPECT_EQ(Xml(parts["word/document.xml"]).count("//w:titlePg"), 0u);
}

// ------------------------------------------------------------------ app.xml counts

TEST(DocxAppProperties, HeadingNumbersCountOnlyWhenTheyAreText) {
  Document d;
  d.blocks.push_back(block(Role::heading, "协商", 1));   // 一、协商: 4 characters as text
  d.blocks.push_back(block(Role::paragraph, "立案42件。"));  // 立 案 42 件 。: 5 words, 6 characters
  auto words = [](const std::map<std::string, std::string>& parts, const char* what) {
    return Xml(parts.at("docProps/app.xml")).one(std::string("//ep:") + what);
  };
  auto text = write(d, HeadingNumbering::text);
  EXPECT_EQ(words(text, "Words"), "9");
  EXPECT_EQ(words(text, "Characters"), "10");
  EXPECT_EQ(words(text, "Paragraphs"), "2");
  auto word = write(d, HeadingNumbering::word);
  EXPECT_EQ(words(word, "Words"), "7");
  EXPECT_EQ(words(word, "Characters"), "8");
}

}  // namespace
}  // namespace baogao
