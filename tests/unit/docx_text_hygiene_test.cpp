// Text hygiene for the .docx writer: which characters reach libxml2 and which are
// reported (../shared/research/docx-bugs.md A1–A3, A7, A9).
#include "exporters/docx/text_hygiene.hpp"

#include <gtest/gtest.h>

namespace baogao::docx {
namespace {

struct Cleaned {
  std::string text;
  Findings findings;
};

Cleaned clean(std::string_view in) {
  Cleaned c;
  c.text = clean_text(in, Source{"数据.xlsx", "Sheet1!B7"}, c.findings);
  return c;
}

TEST(TextHygiene, OrdinaryTextIsUntouched) {
  const std::string s = "各位委员：2017年共提交提案356件（增长12.5%）😀 𠮷 \t \uFFFD";
  EXPECT_EQ(clean(s).text, s);
  EXPECT_TRUE(clean(s).findings.empty());
}

TEST(TextHygiene, EveryControlCharacterIsDroppedAndReported) {
  // Several in one string: a stripper that removes only the first one is a known bug.
  const Cleaned c = clean("2023年\x1D增长\x01了\x02\x1D");
  EXPECT_EQ(c.text, "2023年增长了");
  ASSERT_EQ(c.findings.size(), 4u);
  EXPECT_EQ(c.findings[0].code, "dropped_character");
  EXPECT_EQ(c.findings[0].severity, Severity::warning);
  EXPECT_EQ(c.findings[0].where.to_string(), "数据.xlsx:Sheet1!B7");
  EXPECT_NE(c.findings[0].message.find("U+001D"), std::string::npos);
  EXPECT_NE(c.findings[0].message.find("2023年"), std::string::npos) << "says where: " << c.findings[0].message;
}

TEST(TextHygiene, VerticalTabIsALineBreak) {
  const Cleaned c = clean("一是强化履职\v二是加强团结");
  EXPECT_EQ(c.text, "一是强化履职\n二是加强团结");
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].code, "converted_character");
  EXPECT_EQ(c.findings[0].severity, Severity::note);
}

TEST(TextHygiene, CarriageReturnsBecomeLineFeeds) {
  EXPECT_EQ(clean("第一行\r\n第二行\r第三行\n").text, "第一行\n第二行\n第三行\n");
  EXPECT_TRUE(clean("a\r\nb").findings.empty());
}

TEST(TextHygiene, NoncharactersFfeFfffAreDropped) {
  const Cleaned c = clean("a\uFFFEb\xEF\xBF\xBF" "c");
  EXPECT_EQ(c.text, "abc");
  EXPECT_EQ(c.findings.size(), 2u);
}

TEST(TextHygiene, InvalidUtf8IsDroppedOneFindingPerBadRun) {
  EXPECT_EQ(clean("坏\xED\xA0\xBD字").text, "坏字");      // CESU-8 lone surrogate U+D83D
  EXPECT_EQ(clean("坏\xED\xA0\xBD字").findings.size(), 1u);
  EXPECT_EQ(clean("x\xC0\x80y").text, "xy");               // overlong NUL
  EXPECT_EQ(clean("x\xF4\x90\x80\x80y").text, "xy");       // past U+10FFFF
  EXPECT_EQ(clean("x\x80\x80\xFFy").text, "xy");           // stray continuation bytes, FF
  EXPECT_EQ(clean("x\x80\x80\xFFy").findings.size(), 1u);
  EXPECT_EQ(clean("末尾\xE6\x8A").text, "末尾");            // truncated at the end
  EXPECT_NE(clean("x\xFFy").findings[0].message.find("FF"), std::string::npos);
}

TEST(TextHygiene, XmlSafeFiltersSilently) {
  EXPECT_EQ(xml_safe("仿宋\x01_GB2312\xFF"), "仿宋_GB2312");
  EXPECT_EQ(xml_safe("a\tb\nc"), "a\tb\nc");
}

TEST(TextHygiene, XmlCharBoundaries) {
  EXPECT_FALSE(is_xml_char(0x0));
  EXPECT_FALSE(is_xml_char(0x1F));
  EXPECT_TRUE(is_xml_char(0x9));
  EXPECT_TRUE(is_xml_char(0x20));
  EXPECT_TRUE(is_xml_char(0xD7FF));
  EXPECT_FALSE(is_xml_char(0xD800));
  EXPECT_TRUE(is_xml_char(0xE000));
  EXPECT_TRUE(is_xml_char(0xFFFD));
  EXPECT_FALSE(is_xml_char(0xFFFE));
  EXPECT_TRUE(is_xml_char(0x10FFFF));
  EXPECT_FALSE(is_xml_char(0x110000));
}

}  // namespace
}  // namespace baogao::docx
