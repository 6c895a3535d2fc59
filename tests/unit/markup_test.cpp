// Report markup → Document: every construct, every error with its line:column, and
// the escaping round trip for hostile values in every position.
#include "drafting/markup.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "drafting/error.hpp"

using baogao::Block;
using baogao::Document;
using baogao::escape_attribute;
using baogao::escape_markup;
using baogao::Inline;
using baogao::Inlines;
using baogao::InputError;
using baogao::parse_markup;
using baogao::plain_text;
using Role = baogao::Block::Role;

namespace {

// A compact picture of inlines for expectations: text as is, <b>strong</b>, <br>,
// <span k="v">content</span>.
std::string show(const Inlines& inlines) {
  std::string out;
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case Inline::Kind::text: out += in.text; break;
      case Inline::Kind::strong: out += "<b>" + in.text + "</b>"; break;
      case Inline::Kind::line_break: out += "<br>"; break;
      case Inline::Kind::span:
        out += "<span";
        for (const auto& [k, v] : in.attributes) out += " " + k + "=\"" + v + "\"";
        out += ">" + show(in.content) + "</span>";
        break;
    }
  }
  return out;
}

// No two text inlines (or two strong inlines) side by side, no empty text inline.
void expect_merged(const Inlines& inlines) {
  for (std::size_t i = 0; i < inlines.size(); ++i) {
    if (inlines[i].kind == Inline::Kind::text) {
      EXPECT_FALSE(inlines[i].text.empty()) << "empty text inline";
    }
    if (i > 0 && inlines[i].kind != Inline::Kind::line_break && inlines[i].kind != Inline::Kind::span) {
      EXPECT_NE(inlines[i - 1].kind, inlines[i].kind) << "adjacent inlines not merged at " << i;
    }
    if (inlines[i].kind == Inline::Kind::span) expect_merged(inlines[i].content);
  }
}

// ------------------------------------------------------------------ constructs

TEST(Markup, TitleBlockDirectives) {
  const Document doc = parse_markup(
      "::title 政协某区第八届委员会\n"
      "::title 常务委员会工作报告\n"
      "::subtitle ——2018年1月15日在政协某区八届二次会议上\n"
      "::speaker 区政协主席　某某\n"
      "::salutation 各位委员：\n",
      "report.md");
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].role, Role::title);
  EXPECT_EQ(show(doc.blocks[0].inlines), "政协某区第八届委员会");
  EXPECT_EQ(doc.blocks[1].role, Role::title);
  EXPECT_EQ(doc.blocks[2].role, Role::subtitle);
  EXPECT_EQ(show(doc.blocks[2].inlines), "——2018年1月15日在政协某区八届二次会议上");
  EXPECT_EQ(doc.blocks[3].role, Role::speaker);
  EXPECT_EQ(show(doc.blocks[3].inlines), "区政协主席　某某") << "U+3000 inside text is kept";
  EXPECT_EQ(doc.blocks[4].role, Role::salutation);
  EXPECT_EQ(doc.info.title, "政协某区第八届委员会常务委员会工作报告") << "title lines joined, no separator";
  EXPECT_EQ(doc.blocks[1].source.file, "report.md");
  EXPECT_EQ(doc.blocks[1].source.place, "2:1");
}

TEST(Markup, ClosingSignatureDatePagebreak) {
  const Document doc = parse_markup(
      "::closing 各位委员，让我们更加紧密地团结起来！\n"
      "::pagebreak\n"
      "::signature 政协某区委员会\n"
      "::date 2018年1月15日\n");
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].role, Role::closing);
  EXPECT_EQ(doc.blocks[1].role, Role::page_break);
  EXPECT_TRUE(doc.blocks[1].inlines.empty());
  EXPECT_EQ(doc.blocks[2].role, Role::signature);
  EXPECT_EQ(show(doc.blocks[2].inlines), "政协某区委员会");
  EXPECT_EQ(doc.blocks[3].role, Role::date);
  EXPECT_EQ(show(doc.blocks[3].inlines), "2018年1月15日");
}

TEST(Markup, MetaFillsDocumentInfo) {
  const Document doc = parse_markup(
      "::meta title 常委会工作报告\n"
      "::meta subject 政协某区八届二次会议\n"
      "::meta author 政协某区委员会\n"
      "::meta date 2018-01-15\n"
      "::title 政协某区第八届委员会\n"
      "::title 常务委员会工作报告\n");
  EXPECT_EQ(doc.info.title, "常委会工作报告") << "::meta title wins over the title lines";
  EXPECT_EQ(doc.info.subject, "政协某区八届二次会议");
  EXPECT_EQ(doc.info.author, "政协某区委员会");
  EXPECT_EQ(doc.info.date, "2018-01-15");
  EXPECT_EQ(doc.blocks.size(), 2u) << "::meta makes no block";
}

TEST(Markup, MetaValueTakesEscapes) {
  const Document doc = parse_markup("::meta author " + escape_markup("R&D [中心]: \"甲\"") + "\n");
  EXPECT_EQ(doc.info.author, "R&D [中心]: \"甲\"");
  EXPECT_EQ(doc.info.title, "");
}

TEST(Markup, Headings) {
  const Document doc = parse_markup(
      "# 2017年工作回顾\n"
      "## 突出主业，推进协商\n"
      "### 围绕中心\n"
      "#### 调研\n"
      "##### 专题调研\n"
      "  ##   缩进的标题  \n");
  ASSERT_EQ(doc.blocks.size(), 6u);
  EXPECT_EQ(doc.blocks[0].role, Role::part);
  EXPECT_EQ(doc.blocks[0].level, 0);
  EXPECT_EQ(show(doc.blocks[0].inlines), "2017年工作回顾");
  for (int level = 1; level <= 4; ++level) {
    EXPECT_EQ(doc.blocks[level].role, Role::heading);
    EXPECT_EQ(doc.blocks[level].level, level);
  }
  EXPECT_EQ(show(doc.blocks[1].inlines), "突出主业，推进协商") << "no number is typed or added";
  EXPECT_EQ(show(doc.blocks[5].inlines), "缩进的标题");
  EXPECT_EQ(doc.blocks[5].source.place, "6:3");
}

TEST(Markup, ParagraphLinesJoinWithoutSeparator) {
  const Document doc = parse_markup(
      "过去一年，\n"
      "  常委会坚持围绕中心、服务大局。  \n"
      "\n"
      "　　第二段以全角空格开头。\n");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].role, Role::paragraph);
  EXPECT_EQ(show(doc.blocks[0].inlines), "过去一年，常委会坚持围绕中心、服务大局。");
  ASSERT_EQ(doc.blocks[0].inlines.size(), 1u) << "text of joined lines is one inline";
  EXPECT_EQ(show(doc.blocks[1].inlines), "　　第二段以全角空格开头。") << "U+3000 is not trimmed";
  EXPECT_EQ(doc.blocks[1].source.place, "4:1");
}

TEST(Markup, BlankLinesOfSpacesAndOtherConstructsEndAParagraph) {
  const Document doc = parse_markup(
      "第一段\n"
      " \t \n"
      "第二段\n"
      "## 标题\n"
      "第三段\n"
      "| 甲 |\n"
      "第四段\n"
      "::closing 结束\n"
      "第五段");
  ASSERT_EQ(doc.blocks.size(), 8u);
  EXPECT_EQ(doc.blocks[0].role, Role::paragraph);
  EXPECT_EQ(doc.blocks[1].role, Role::paragraph);
  EXPECT_EQ(doc.blocks[2].role, Role::heading);
  EXPECT_EQ(doc.blocks[3].role, Role::paragraph);
  EXPECT_EQ(doc.blocks[4].role, Role::table);
  EXPECT_EQ(doc.blocks[5].role, Role::paragraph);
  EXPECT_EQ(doc.blocks[6].role, Role::closing);
  EXPECT_EQ(show(doc.blocks[7].inlines), "第五段") << "last line without a line end";
}

TEST(Markup, StrongLead) {
  const Document doc = parse_markup("**视察监督。**组织常委视察4次。\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  ASSERT_EQ(doc.blocks[0].inlines.size(), 2u);
  EXPECT_EQ(doc.blocks[0].inlines[0].kind, Inline::Kind::strong);
  EXPECT_EQ(doc.blocks[0].inlines[0].text, "视察监督。");
  EXPECT_EQ(doc.blocks[0].inlines[1].kind, Inline::Kind::text);
  EXPECT_EQ(doc.blocks[0].inlines[1].text, "组织常委视察4次。");
}

TEST(Markup, SingleStarsAreText) {
  EXPECT_EQ(show(parse_markup("a*b * c\n").blocks[0].inlines), "a*b * c");
}

TEST(Markup, StrongWithLineBreakSplits) {
  const Document doc = parse_markup("**一是\\\n二是**正文\n");
  EXPECT_EQ(show(doc.blocks[0].inlines), "<b>一是</b><br><b>二是</b>正文");
}

TEST(Markup, AdjacentStrongAndTextAreMerged) {
  const Document doc = parse_markup("**甲****乙**丙\\*丁\n戊\n");
  EXPECT_EQ(show(doc.blocks[0].inlines), "<b>甲乙</b>丙*丁戊");
  expect_merged(doc.blocks[0].inlines);
}

TEST(Markup, AnnotatedSpans) {
  const Document doc = parse_markup(
      "立案提案[42]{src=\"数据!B7\"}件，"
      "[【待补充：单位名称】]{missing=\"单位名称\" note=\"请补充\"}；"
      "合计[**53**]{derivation=\"= 12 + 9\"}。\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  const Inlines& in = doc.blocks[0].inlines;
  EXPECT_EQ(show(in),
            "立案提案<span src=\"数据!B7\">42</span>件，"
            "<span missing=\"单位名称\" note=\"请补充\">【待补充：单位名称】</span>；"
            "合计<span derivation=\"= 12 + 9\"><b>53</b></span>。");
  ASSERT_EQ(in[1].kind, Inline::Kind::span);
  EXPECT_EQ(in[1].attribute("src"), "数据!B7");
  EXPECT_EQ(in[1].attribute("note"), "");
  EXPECT_EQ(plain_text(in), "立案提案42件，【待补充：单位名称】；合计53。");
}

TEST(Markup, AttributeEscapesAndSpacing) {
  const Document doc = parse_markup("[x]{  note=\"说\\\"明\\\\路径\\n第二行\"   src=\"a|b]}\"  }\n");
  const Inline& span = doc.blocks[0].inlines.at(0);
  ASSERT_EQ(span.kind, Inline::Kind::span);
  EXPECT_EQ(span.attribute("note"), "说\"明\\路径\n第二行");
  EXPECT_EQ(span.attribute("src"), "a|b]}");
}

TEST(Markup, EmptyAttributeListAndKeysWithDashes) {
  const Document doc = parse_markup("[甲]{} [乙]{data-x=\"1\" _y=\"\"}\n");
  EXPECT_EQ(show(doc.blocks[0].inlines), "<span>甲</span> <span data-x=\"1\" _y=\"\">乙</span>");
}

TEST(Markup, BracesOutsideSpansAreText) {
  EXPECT_EQ(show(parse_markup("{甲} }{\n").blocks[0].inlines), "{甲} }{");
}

TEST(Markup, TableRows) {
  const Document doc = parse_markup(
      "| 类别 | 件数 |\n"
      "|---|:---:|\n"
      "|  委员提案  |  [42]{src=\"数据!B7\"} |\n"
      "| 集体提案 | 11\n"
      "|   | 空 |\n"
      "| :--- | ---: |\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  const Block& table = doc.blocks[0];
  EXPECT_EQ(table.role, Role::table);
  EXPECT_EQ(table.source.place, "1:1");
  ASSERT_EQ(table.rows.size(), 4u) << "separator rows are ignored";
  EXPECT_EQ(show(table.rows[0][0]), "类别");
  EXPECT_EQ(show(table.rows[0][1]), "件数");
  EXPECT_EQ(show(table.rows[1][0]), "委员提案") << "cells are trimmed";
  EXPECT_EQ(show(table.rows[1][1]), "<span src=\"数据!B7\">42</span>");
  ASSERT_EQ(table.rows[2].size(), 2u) << "the closing | is optional";
  EXPECT_EQ(show(table.rows[2][1]), "11");
  ASSERT_EQ(table.rows[3].size(), 2u);
  EXPECT_TRUE(table.rows[3][0].empty()) << "an empty cell";
  EXPECT_TRUE(table.inlines.empty());
}

TEST(Markup, TwoTablesSeparatedByABlankLine) {
  const Document doc = parse_markup("| a |\n| b |\n\n| c |\n");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].rows.size(), 2u);
  EXPECT_EQ(doc.blocks[1].rows.size(), 1u);
  EXPECT_EQ(doc.blocks[1].source.place, "4:1");
}

TEST(Markup, CellWithPipesInsideSpanAndEscapes) {
  const Document doc = parse_markup("| [a|b]{note=\"x|y\"} | c\\|d |\n");
  ASSERT_EQ(doc.blocks[0].rows.at(0).size(), 2u);
  EXPECT_EQ(show(doc.blocks[0].rows[0][0]), "<span note=\"x|y\">a|b</span>");
  EXPECT_EQ(show(doc.blocks[0].rows[0][1]), "c|d");
}

TEST(Markup, LineEndingsBomAndContinuation) {
  const Document crlf = parse_markup("\xEF\xBB\xBF::title 甲\r\n第一行\\\r\n第二行\r\n\r\n第二段\r第三段\r");
  ASSERT_EQ(crlf.blocks.size(), 3u);
  EXPECT_EQ(show(crlf.blocks[0].inlines), "甲");
  EXPECT_EQ(crlf.blocks[0].source.place, "1:1") << "the BOM is not a column";
  EXPECT_EQ(show(crlf.blocks[1].inlines), "第一行<br>第二行");
  EXPECT_EQ(show(crlf.blocks[2].inlines), "第二段第三段");
  EXPECT_EQ(crlf.blocks[2].source.place, "5:1");
}

TEST(Markup, ContinuationKeepsTheConstruct) {
  const Document doc = parse_markup(
      "## 标题\\\n第二行\n"
      "::title 上\\\n下\n"
      "| 甲\\\n乙 | 丙 |\n"
      "后续\n");
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(show(doc.blocks[0].inlines), "标题<br>第二行");
  EXPECT_EQ(show(doc.blocks[1].inlines), "上<br>下");
  EXPECT_EQ(show(doc.blocks[2].rows.at(0).at(0)), "甲<br>乙");
  EXPECT_EQ(show(doc.blocks[2].rows.at(0).at(1)), "丙");
  EXPECT_EQ(doc.blocks[3].source.place, "7:1") << "physical lines are still counted";
}

TEST(Markup, EscapedBackslashBeforeLineEndIsNoContinuation) {
  const Document doc = parse_markup("甲\\\\\n乙\n");
  EXPECT_EQ(show(doc.blocks[0].inlines), "甲\\乙");
}

TEST(Markup, BackslashAtTheVeryEndIsLiteral) {
  EXPECT_EQ(show(parse_markup("甲\\").blocks[0].inlines), "甲\\");
}

TEST(Markup, EmptyInput) {
  EXPECT_TRUE(parse_markup("").blocks.empty());
  EXPECT_TRUE(parse_markup("\n\n  \n").blocks.empty());
}

TEST(Markup, WholeReport) {
  const Document doc = parse_markup(
      "::meta date 2018-01-15\n"
      "::title 政协某区第八届委员会常务委员会工作报告\n"
      "::subtitle ——2018年1月15日在政协某区八届二次会议上\n"
      "::speaker 区政协主席　某某\n"
      "::salutation 各位委员：\n"
      "现在，我代表常务委员会报告工作，请予审议。\n"
      "# 2017年工作回顾\n"
      "## 突出主业，推进协商\n"
      "**视察监督。**组织常委视察[4]{src=\"数据!B3\"}次。\n"
      "| 类别 | 件数 |\n"
      "|---|---|\n"
      "| 委员提案 | [42]{src=\"数据!B7\"} |\n"
      "::pagebreak\n"
      "::closing 各位委员！\n");
  std::vector<Role> roles;
  for (const Block& b : doc.blocks) roles.push_back(b.role);
  EXPECT_EQ(roles, (std::vector<Role>{Role::title, Role::subtitle, Role::speaker, Role::salutation,
                                      Role::paragraph, Role::part, Role::heading, Role::paragraph,
                                      Role::table, Role::page_break, Role::closing}));
  EXPECT_EQ(doc.info.title, "政协某区第八届委员会常务委员会工作报告");
  EXPECT_EQ(doc.info.date, "2018-01-15");
  for (const Block& b : doc.blocks) expect_merged(b.inlines);
}

// ------------------------------------------------------------------ errors

struct ErrorCase {
  std::string name;
  std::string markup;
  std::string place;     // expected "line:column"
  std::string fragment;  // expected in the message
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

class MarkupError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(MarkupError, ReportsLineColumnFoundAndExpected) {
  const ErrorCase& c = GetParam();
  try {
    parse_markup(c.markup, "tpl/report.md");
    FAIL() << "no error for " << c.name;
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "markup_syntax");
    EXPECT_EQ(e.where().file, "tpl/report.md");
    EXPECT_EQ(e.where().place, c.place) << e.what();
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("tpl/report.md:" + c.place + ": ", 0), 0u) << what;
    EXPECT_NE(what.find("found"), std::string::npos) << what;
    EXPECT_NE(what.find("expected"), std::string::npos) << what;
    EXPECT_NE(what.find(c.fragment), std::string::npos) << what;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MarkupError,
    ::testing::Values(
        ErrorCase{"UnknownDirective", "正文\n::titel 标题\n", "2:1", "::titel"},
        ErrorCase{"IndentedUnknownDirective", "  ::foo\n", "1:3", "::foo"},
        ErrorCase{"PagebreakWithText", "::pagebreak 多余\n", "1:13", "'多'"},
        ErrorCase{"UnknownMetaKey", "::meta titel 甲\n", "1:8", "'titel'"},
        ErrorCase{"HeadingLevelOverFour", "\n###### 太深\n", "2:1", "6 '#'"},
        ErrorCase{"HashWithoutSpace", "##标题\n", "1:3", "'标'"},
        ErrorCase{"UnclosedStrong", "中文**未闭合\n", "1:3", "'**'"},
        ErrorCase{"StrongClosedOnNextLineOnly", "**甲\n乙**\n", "1:1", "'**'"},
        ErrorCase{"UnclosedSpanBracket", "数据[42\n", "1:3", "'['"},
        ErrorCase{"SpanWithoutAttributes", "数据[42]件\n", "1:7", "'件'"},
        ErrorCase{"SpanAttributesUnclosed", "[42]{src=\"a\"\n", "1:5", "'{'"},
        ErrorCase{"AttributeBadName", "[42]{1src=\"a\"}\n", "1:6", "'1'"},
        ErrorCase{"AttributeMissingEquals", "[42]{src \"a\"}\n", "1:9", "'='"},
        ErrorCase{"AttributeMissingQuote", "[42]{src=a}\n", "1:10", "'\"'"},
        ErrorCase{"AttributeValueUnclosed", "[42]{src=\"a}\n", "1:10", "never closed"},
        ErrorCase{"AttributeNoSpaceBetween", "[42]{a=\"1\"b=\"2\"}\n", "1:11", "'b'"},
        ErrorCase{"DuplicateAttribute", "[42]{src=\"a\" src=\"b\"}\n", "1:14", "twice"},
        ErrorCase{"StrayClosingBracket", "正文]\n", "1:3", "']'"},
        ErrorCase{"NestedSpan", "[甲[乙]{a=\"1\"}]{b=\"2\"}\n", "1:3", "'['"},
        ErrorCase{"SpanInsideStrong", "**甲[乙]{a=\"1\"}**\n", "1:4", "'['"},
        ErrorCase{"EmptyTableRow", "| a |\n|\n", "2:1", "empty table row"},
        ErrorCase{"InvalidUtf8", "甲\n乙\xFF丙\n", "2:2", "0xFF"},
        ErrorCase{"EncodedSurrogate", "甲\xED\xA0\xBD\n", "1:2", "0xED"},
        ErrorCase{"ControlCharacter", "第一行\n甲乙\x01\n", "2:3", "U+0001"},
        ErrorCase{"VerticalTab", "甲\x0B乙\n", "1:2", "U+000B"},
        ErrorCase{"Noncharacter", "甲\xEF\xBF\xBE\n", "1:2", "U+FFFE"},
        ErrorCase{"ErrorOnContinuationLine", "甲\\\n乙**丙\n", "2:2", "'**'"},
        ErrorCase{"ColumnCountsCodePoints", "😀𠀀中]\n", "1:4", "']'"}),
    [](const auto& info) { return info.param.name; });

// ------------------------------------------------------------------ escaping

struct Hostile {
  std::string name;
  std::string value;     // what a data value holds
  std::string expected;  // what must come back (line breaks as "\n")
  int dropped;
};

void PrintTo(const Hostile& h, std::ostream* os) { *os << h.name; }

std::vector<Hostile> hostile_values() {
  return {
      {"Bold", "**bold**", "**bold**", 0},
      {"HeadingAtLineStart", "# heading", "# heading", 0},
      {"Level1Heading", "## x", "## x", 0},
      {"Span", "[a]{src=\"x\"}", "[a]{src=\"x\"}", 0},
      {"BracketBrace", "]{", "]{", 0},
      {"Directive", "::title x", "::title x", 0},
      {"TableRow", "| a | b |", "| a | b |", 0},
      {"SeparatorRow", "|---|:---:|", "|---|:---:|", 0},
      {"Dashes", "---", "---", 0},
      {"OneDash", "-", "-", 0},
      {"SpacedDashes", " - - ", " - - ", 0},
      {"Newline", "第一行\n第二行", "第一行\n第二行", 0},
      {"CrLf", "第一行\r\n第二行", "第一行\n第二行", 0},
      {"LoneCr", "第一行\r第二行", "第一行\n第二行", 0},
      {"OnlyNewline", "\n", "\n", 0},
      {"BlankLineInside", "甲\n\n乙", "甲\n\n乙", 0},
      {"TrailingNewline", "甲\n", "甲\n", 0},
      {"XmlSpecials", "&<>\"'", "&<>\"'", 0},
      {"ControlU0001", "a\x01" "b", "ab", 1},
      {"ControlU000B", "一是\x0B二是", "一是\n二是", 0},
      {"ControlU001F", "a\x1F" "b\x1F", "ab", 2},
      {"FormFeed", "\x0Crac{3}{5}", "rac{3}{5}", 1},
      {"NoncharacterFFFE", "a\xEF\xBF\xBE" "b", "ab", 1},
      {"NoncharacterFFFF", "a\xEF\xBF\xBF" "b", "ab", 1},
      {"InvalidUtf8", "a\xFF" "b", "ab", 1},
      {"EncodedSurrogate", "a\xED\xA0\xBD" "b", "ab", 3},  // three maximal subparts
      {"TruncatedSequence", "a\xE4\xB8", "a", 1},
      {"Emoji", "点赞😀", "点赞😀", 0},
      {"ExtB", "张𠀀𠮷", "张𠀀𠮷", 0},
      {"Backslashes", "C:\\path\\to\\file", "C:\\path\\to\\file", 0},
      {"TrailingBackslash", "末尾\\", "末尾\\", 0},
      {"DoubleBackslash", "\\\\", "\\\\", 0},
      {"BackslashN", "a\\nb", "a\\nb", 0},
      {"BackslashNewline", "a\\\nb", "a\\\nb", 0},
      {"LeadingTrailingSpaces", "  （一）  ", "  （一）  ", 0},
      {"OnlySpace", " ", " ", 0},
      {"Tabs", "\t项目\t金额\t", "\t项目\t金额\t", 0},
      {"IdeographicSpaces", "\u3000\u3000过去一年\u3000", "\u3000\u3000过去一年\u3000", 0},
      {"Stars", "*", "*", 0},
      {"ThreeStars", "***", "***", 0},
      {"UnclosedStrong", "**未闭合", "**未闭合", 0},
      {"Pipe", "|", "|", 0},
      {"Colons", "::", "::", 0},
      {"Hash", "#", "#", 0},
      {"Braces", "{}", "{}", 0},
      {"Quote", "\"", "\"", 0},
      {"Mixed", "R&D投入<5%>，“智慧社区”——关键……", "R&D投入<5%>，“智慧社区”——关键……", 0},
  };
}

TEST(EscapeMarkup, DroppedCount) {
  for (const Hostile& h : hostile_values()) {
    int dropped = -1;
    escape_markup(h.value, &dropped);
    EXPECT_EQ(dropped, h.dropped) << h.name;
  }
  EXPECT_EQ(escape_markup("甲", nullptr), "甲") << "the count is optional";
}

TEST(EscapeMarkup, OutputIsCleanUtf8Markup) {
  for (const Hostile& h : hostile_values()) {
    const std::string e = escape_markup(h.value);
    for (unsigned char b : e) {
      EXPECT_FALSE(b < 0x20 && b != '\t' && b != '\n') << h.name;
      EXPECT_NE(b, 0xFF) << h.name;
    }
    EXPECT_EQ(e.find('\r'), std::string::npos) << h.name;
  }
}

TEST(EscapeMarkup, ReadableForOrdinaryText) {
  EXPECT_EQ(escape_markup("立案提案42件，办复率100%。"), "立案提案42件，办复率100%。");
  EXPECT_EQ(escape_markup("a*b"), "a\\*b");
  EXPECT_EQ(escape_markup("第一行\n第二行"), "第一行\\\n第二行");
  EXPECT_EQ(escape_markup(" 甲 "), "\\ 甲\\ ");
  EXPECT_EQ(escape_markup("2024-01-05"), "2024-01-05") << "a dash is escaped only in all-dash values";
}

// Every position a value can take in markup; `{}` marks where the escaped value goes.
struct Position {
  std::string name;
  std::string before, after;
  // The inlines holding the value.
  const Inlines& (*pick)(const Document&);
};

const Inlines& first_block(const Document& d) { return d.blocks.at(0).inlines; }
const Inlines& middle_cell(const Document& d) { return d.blocks.at(0).rows.at(0).at(1); }
const Inlines& span_content(const Document& d) { return d.blocks.at(0).inlines.at(1).content; }

std::vector<Position> positions() {
  return {
      {"LineStart", "", "\n", first_block},
      {"InsideParagraph", "前文", "后文\n", first_block},
      {"SecondParagraphLine", "第一行\n", "\n第三行\n", first_block},
      {"TableCell", "| 甲 | ", " | 乙 |\n|---|---|---|\n", middle_cell},
      {"TableCellTight", "| 甲 |", "| 乙 |\n", middle_cell},
      {"SpanContent", "数据[", "]{src=\"表!B7\"}件\n", span_content},
      {"StrongContent", "**", "**正文\n", first_block},
      {"TitleDirective", "::title ", "\n", first_block},
      {"SignatureDirective", "::signature ", "\n::date 2018年1月15日\n", first_block},
      {"Heading", "## ", "\n", first_block},
      {"PartHeading", "# ", "\n正文\n", first_block},
      {"LastLineNoNewline", "正文", "", first_block},
  };
}

struct RoundTrip {
  Position position;
  Hostile hostile;
};

void PrintTo(const RoundTrip& r, std::ostream* os) { *os << r.position.name << "/" << r.hostile.name; }

class EscapeRoundTrip : public ::testing::TestWithParam<RoundTrip> {};

TEST_P(EscapeRoundTrip, ValueComesBackLiterally) {
  const Position& p = GetParam().position;
  const Hostile& h = GetParam().hostile;
  const std::string markup = p.before + escape_markup(h.value) + p.after;
  SCOPED_TRACE("markup: " + markup);
  Document doc;
  ASSERT_NO_THROW(doc = parse_markup(markup));
  ASSERT_FALSE(doc.blocks.empty());
  std::string expected = h.expected;
  if (p.name == "InsideParagraph") expected = "前文" + h.expected + "后文";
  if (p.name == "SecondParagraphLine") expected = "第一行" + h.expected + "第三行";
  if (p.name == "StrongContent") expected = h.expected + "正文";
  if (p.name == "LastLineNoNewline") expected = "正文" + h.expected;
  const Inlines& in = p.pick(doc);
  EXPECT_EQ(plain_text(in), expected);
  // Structure: one block (the paragraph / table / directive), nothing leaked out.
  const std::size_t blocks = p.name == "SignatureDirective" || p.name == "PartHeading" ? 2u : 1u;
  EXPECT_EQ(doc.blocks.size(), blocks);
  if (p.name == "TableCell" || p.name == "TableCellTight") {
    ASSERT_EQ(doc.blocks[0].rows.size(), 1u);
    EXPECT_EQ(doc.blocks[0].rows[0].size(), 3u);
  }
  if (p.name == "SpanContent") {
    ASSERT_EQ(doc.blocks[0].inlines.size(), 3u);
    EXPECT_EQ(doc.blocks[0].inlines[1].attribute("src"), "表!B7");
  }
  // The value makes only text and line breaks (strong text in the strong position,
  // followed by the plain 正文).
  for (std::size_t i = 0; i < in.size(); ++i) {
    Inline::Kind text_kind = Inline::Kind::text;
    if (p.name == "StrongContent" && i + 1 < in.size()) text_kind = Inline::Kind::strong;
    EXPECT_TRUE(in[i].kind == text_kind || in[i].kind == Inline::Kind::line_break) << show(in);
  }
  expect_merged(in);
}

std::vector<RoundTrip> round_trips() {
  std::vector<RoundTrip> out;
  for (const Position& p : positions())
    for (const Hostile& h : hostile_values()) out.push_back({p, h});
  return out;
}

INSTANTIATE_TEST_SUITE_P(EveryPosition, EscapeRoundTrip, ::testing::ValuesIn(round_trips()),
                         [](const auto& info) { return info.param.position.name + "_" + info.param.hostile.name; });

TEST(EscapeRoundTripStrong, StrongPositionGivesStrongText) {
  const Document doc = parse_markup("**" + escape_markup("**甲**") + "**正文\n");
  EXPECT_EQ(show(doc.blocks[0].inlines), "<b>**甲**</b>正文");
}

// Random values from a hostile alphabet, in every position (fixed seed: reproducible).
TEST(EscapeRoundTripRandom, RandomHostileValuesInEveryPosition) {
  const std::vector<std::string> alphabet = {"*",  "**", "#",  "[", "]",  "{",      "}",    "|",
                                             ":",  "\"", "\\", "\n", "\r", " ",      "\t",   "-",
                                             "甲", "😀", "a",  "\x01", "\xFF", "\u3000", "::"};
  std::mt19937 random(20180115);
  for (int round = 0; round < 400; ++round) {
    std::string value;
    const int length = static_cast<int>(random() % 12) + 1;
    for (int i = 0; i < length; ++i) value += alphabet[random() % alphabet.size()];
    // What must come back: CR LF and lone CR as LF, U+0001 and the bad byte 0xFF dropped.
    std::string normalized;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i] == '\r') {
        normalized += '\n';
        if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
      } else if (value[i] != '\x01' && value[i] != '\xFF') {
        normalized += value[i];
      }
    }
    if (normalized.empty()) continue;  // an empty value makes an empty construct, not a round trip
    for (const Position& p : positions()) {
      const std::string markup = p.before + escape_markup(value) + p.after;
      SCOPED_TRACE(p.name + " markup: " + markup);
      Document doc;
      ASSERT_NO_THROW(doc = parse_markup(markup));
      std::string want = normalized;
      if (p.name == "InsideParagraph") want = "前文" + normalized + "后文";
      if (p.name == "SecondParagraphLine") want = "第一行" + normalized + "第三行";
      if (p.name == "StrongContent") want = normalized + "正文";
      if (p.name == "LastLineNoNewline") want = "正文" + normalized;
      ASSERT_FALSE(doc.blocks.empty());
      EXPECT_EQ(plain_text(p.pick(doc)), want);
    }
  }
}

// Whatever the input, the parser gives a Document or an InputError, nothing else.
TEST(MarkupRobustness, RandomInputParsesOrThrowsInputError) {
  const std::vector<std::string> pieces = {"*", "**", "#", "##", "######", "[", "]", "{", "}", "|", "::title ",
                                           "::x", "::meta date ", "\"", "\\", "\n", "\r", " ", "甲", "😀",
                                           "=", "src", "\xE4", "-", "::pagebreak", "\x01"};
  std::mt19937 random(9704);
  int parsed = 0, errors = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string markup;
    const int length = static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) markup += pieces[random() % pieces.size()];
    try {
      const Document doc = parse_markup(markup);
      for (const Block& b : doc.blocks) expect_merged(b.inlines);
      ++parsed;
    } catch (const InputError& e) {
      EXPECT_EQ(e.category(), "markup_syntax");
      EXPECT_FALSE(e.where().place.empty());
      ++errors;
    }
  }
  EXPECT_GT(parsed, 0);
  EXPECT_GT(errors, 0);
}

// ------------------------------------------------------------------ attributes

class AttributeRoundTrip : public ::testing::TestWithParam<Hostile> {};

TEST_P(AttributeRoundTrip, ValueComesBackLiterally) {
  const Hostile& h = GetParam();
  const std::string markup = "[42]{note=\"" + escape_attribute(h.value) + "\" src=\"表!B7\"}\n";
  SCOPED_TRACE("markup: " + markup);
  Document doc;
  ASSERT_NO_THROW(doc = parse_markup(markup));
  ASSERT_EQ(doc.blocks.size(), 1u);
  const Inline& span = doc.blocks[0].inlines.at(0);
  ASSERT_EQ(span.kind, Inline::Kind::span);
  EXPECT_EQ(span.attribute("note"), h.expected);
  EXPECT_EQ(span.attribute("src"), "表!B7");
}

INSTANTIATE_TEST_SUITE_P(Hostile, AttributeRoundTrip, ::testing::ValuesIn(hostile_values()),
                         [](const auto& info) { return info.param.name; });

TEST(EscapeAttribute, Forms) {
  EXPECT_EQ(escape_attribute("数据!B7"), "数据!B7");
  EXPECT_EQ(escape_attribute("say \"hi\""), "say \\\"hi\\\"");
  EXPECT_EQ(escape_attribute("C:\\x"), "C:\\\\x");
  EXPECT_EQ(escape_attribute("a\r\nb\nc"), "a\\nb\\nc");
  EXPECT_EQ(escape_attribute("a\x01\xFF" "b"), "ab");
}

}  // namespace

// An empty data value leaves a directive or heading without text: the line is left
// out, never a failure of the whole draft (found by trying title_lines: ["政协", ""]).
TEST(ParseMarkup, EmptyDirectivesAndHeadingsAreLeftOut) {
  const Document doc = baogao::parse_markup("::title 政协\n::title\n::signature   \n##   \n正文\n");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].role, Block::Role::title);
  EXPECT_EQ(doc.blocks[1].role, Block::Role::paragraph);
}

// A missing meeting date renders a placeholder into ::meta date: the property stays
// unset and the draft still comes out (found by the spreadsheet wrong-value test).
TEST(ParseMarkup, MetaDateThatIsNotIsoIsIgnored) {
  const Document doc = baogao::parse_markup("::meta date [【待补充：日期】]{missing=\"日期\"}\n::meta date 2018年1月15日\n正文\n");
  EXPECT_EQ(doc.info.date, "");
  const Document iso = baogao::parse_markup("::meta date 2018-01-15\n正文\n");
  EXPECT_EQ(iso.info.date, "2018-01-15");
}
