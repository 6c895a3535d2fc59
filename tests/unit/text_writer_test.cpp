// The plain-text exporter: numbering, indents, centring, right alignment, tables,
// and wrapping of Chinese text (display columns, 禁则, numbers, no inserted spaces).
#include "exporters/text/text_writer.hpp"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "drafting/markup.hpp"
#include "exporters/text/line_breaker.hpp"

using baogao::Block;
using baogao::Document;
using baogao::Inline;
using baogao::parse_markup;
using baogao::TextOptions;
using baogao::write_text;

namespace {

const std::string kIndent = "\u3000\u3000";

// ---- test-side helpers, independent of the exporter's own code

std::u32string decode(std::string_view s) {
  std::u32string out;
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(b, i, n, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// UAX #11: W and F are two columns, everything else one (as documented).
int columns(std::string_view s) {
  int w = 0;
  for (char32_t c : decode(s)) {
    const int eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
    w += eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
  }
  return w;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The closing marks of the brief / GB/T 15834 (rule L1) that must never start a line.
bool closing_mark(char32_t c) {
  return std::u32string_view(U"，。、；：？！”’）》」』】〕…—,.;:?!").find(c) != std::u32string_view::npos;
}
bool opening_mark(char32_t c) { return std::u32string_view(U"“‘（《「『【〔").find(c) != std::u32string_view::npos; }
bool number_part(char32_t c) { return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == ':' || c == '%'; }

std::string ideographic_spaces(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "\u3000";
  return s;
}

void expect_common_form(const std::string& out) {
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_NE(out.substr(out.size() >= 2 ? out.size() - 2 : 0), "\n\n") << "ends with exactly one newline";
  EXPECT_EQ(out.find('\r'), std::string::npos);
  for (const std::string& line : lines_of(out)) {
    if (line.empty()) continue;
    EXPECT_NE(line.back(), ' ') << "trailing space in [" << line << "]";
    EXPECT_NE(line.back(), '\t') << "trailing tab in [" << line << "]";
  }
}

// ------------------------------------------------------------------ layout

TEST(TextWriter, EmptyDocumentIsEmpty) { EXPECT_EQ(write_text(Document{}), ""); }

TEST(TextWriter, ParagraphIndentedWithTwoIdeographicSpaces) {
  const std::string out = write_text(parse_markup("过去一年，常委会坚持围绕中心、服务大局。\n"));
  EXPECT_EQ(out, kIndent + "过去一年，常委会坚持围绕中心、服务大局。\n");
}

TEST(TextWriter, TypedIndentIsReplacedNotDoubled) {
  // docx-bugs I4: exactly two U+3000 at the start, whatever was typed.
  EXPECT_EQ(write_text(parse_markup("　　已缩进的段落。\n")), kIndent + "已缩进的段落。\n");
  EXPECT_EQ(write_text(parse_markup("　　　　四个全角空格。\n")), kIndent + "四个全角空格。\n");
  EXPECT_EQ(write_text(parse_markup("　段中的　全角空格保留。\n")), kIndent + "段中的　全角空格保留。\n");
}

TEST(TextWriter, HeadingsNumberedAsInDocx) {
  const std::string out = write_text(parse_markup(
      "# 2017年工作回顾\n"
      "## 突出主业\n"
      "### 围绕中心\n"
      "#### 调研\n"
      "##### 专题\n"
      "##### 专题二\n"
      "#### 视察\n"
      "### 服务大局\n"
      "## 加强团结\n"
      "## 改进作风\n"
      "# 2018年主要工作\n"
      "## 坚持政治引领\n"
      "### 学习\n"));
  const std::vector<std::string> lines = lines_of(out);
  std::vector<std::string> nonblank;
  for (const auto& l : lines)
    if (!l.empty()) nonblank.push_back(l);
  ASSERT_EQ(nonblank.size(), 13u) << out;
  EXPECT_EQ(nonblank[0].find("2017年工作回顾"), nonblank[0].size() - std::string("2017年工作回顾").size())
      << "part heading, no number";
  EXPECT_EQ(nonblank[0].find("一"), std::string::npos);
  EXPECT_EQ(nonblank[1], kIndent + "一、突出主业");
  EXPECT_EQ(nonblank[2], kIndent + "（一）围绕中心");
  EXPECT_EQ(nonblank[3], kIndent + "1.调研");
  EXPECT_EQ(nonblank[4], kIndent + "（1）专题");
  EXPECT_EQ(nonblank[5], kIndent + "（2）专题二");
  EXPECT_EQ(nonblank[6], kIndent + "2.视察");
  EXPECT_EQ(nonblank[7], kIndent + "（二）服务大局");
  EXPECT_EQ(nonblank[8], kIndent + "二、加强团结");
  EXPECT_EQ(nonblank[9], kIndent + "三、改进作风");
  EXPECT_EQ(nonblank[11], kIndent + "一、坚持政治引领") << "a part heading restarts the numbering";
  EXPECT_EQ(nonblank[12], kIndent + "（一）学习");
  expect_common_form(out);
}

TEST(TextWriter, TitleBlockCentredInTwentyEightCharacters) {
  const std::string out = write_text(parse_markup(
      "::title 政协某区第八届委员会\n"                                  // 10 chars
      "::title 常务委员会工作报告\n"                                    // 9 chars
      "::subtitle ——2018年1月15日在政协某区八届二次会议上\n"
      "::speaker 区政协主席　某某\n"
      "::salutation 各位委员：\n"
      "正文。\n"));
  const std::vector<std::string> lines = lines_of(out);
  ASSERT_GE(lines.size(), 7u) << out;
  // 10 characters = 20 columns: (56 − 20) / 2 = 18 columns → 9 U+3000 (floor).
  EXPECT_EQ(lines[0], ideographic_spaces(9) + "政协某区第八届委员会");
  // 9 characters = 18 columns: 38 free, 19 left → 9 U+3000.
  EXPECT_EQ(lines[1], ideographic_spaces(9) + "常务委员会工作报告") << "title lines follow each other";
  EXPECT_EQ(lines[2], "") << "one blank line after the title";
  // Subtitle and speaker centred: left padding ≈ right padding (within one character).
  for (int i : {3, 4}) {
    const std::string& l = lines[static_cast<std::size_t>(i)];
    std::size_t pad = 0;
    while (l.compare(pad, 3, "\u3000") == 0) pad += 3;
    const int left = static_cast<int>(pad / 3) * 2;
    const int right = 56 - columns(l);
    EXPECT_LE(std::abs(right - left), 3) << l;
  }
  EXPECT_NE(lines[4].find("区政协主席　某某"), std::string::npos) << "U+3000 inside the speaker line kept";
  EXPECT_EQ(lines[5], "");
  EXPECT_EQ(lines[6], "各位委员：") << "salutation flush left";
  expect_common_form(out);
}

TEST(TextWriter, PartHeadingCentred) {
  const std::string out = write_text(parse_markup("# 2018年主要工作\n"));
  // "2018年主要工作" = 4 + 2×6 = 16 columns; 40 free → 20 left → 10 U+3000.
  EXPECT_EQ(out, ideographic_spaces(10) + "2018年主要工作\n");
}

TEST(TextWriter, SignatureAndDateRightAligned) {
  const std::string out = write_text(parse_markup(
      "正文。\n"
      "::signature 政协某区委员会\n"
      "::date 2018年1月15日\n"));
  const std::vector<std::string> lines = lines_of(out);
  ASSERT_EQ(lines.size(), 4u) << out;
  EXPECT_EQ(lines[1], "");
  EXPECT_EQ(columns(lines[2]), 56) << "right edge at the measure";
  EXPECT_EQ(columns(lines[3]), 56) << "odd free width: one ASCII space first";
  EXPECT_EQ(lines[3].substr(0, 1), " ");
  EXPECT_NE(lines[2].find("政协某区委员会"), std::string::npos);
  EXPECT_EQ(lines[3].substr(lines[3].size() - std::string("2018年1月15日").size()), "2018年1月15日");
  expect_common_form(out);
}

TEST(TextWriter, StrongLeadsAndSpansArePlainText) {
  const std::string out = write_text(parse_markup(
      "**视察监督。**组织常委视察[4]{src=\"数据!B3\"}次，[【待补充：单位名称】]{missing=\"单位名称\"}。\n"));
  EXPECT_EQ(out, kIndent + "视察监督。组织常委视察4次，【待补充：单位名称】。\n");
}

TEST(TextWriter, LineBreakContinuesFlushLeft) {
  const std::string out = write_text(parse_markup("一是强化履职\\\n二是加强团结\n"));
  EXPECT_EQ(out, kIndent + "一是强化履职\n二是加强团结\n");
}

TEST(TextWriter, PageBreakIsAFormFeedLine) {
  const std::string out = write_text(parse_markup("甲。\n::pagebreak\n乙。\n"));
  EXPECT_EQ(out, kIndent + "甲。\n\n\f\n\n" + kIndent + "乙。\n");
}

TEST(TextWriter, ClosingIndented) {
  EXPECT_EQ(write_text(parse_markup("::closing 各位委员，让我们团结起来！\n")),
            kIndent + "各位委员，让我们团结起来！\n");
}

TEST(TextWriter, TableAlignedByDisplayWidth) {
  const std::string out = write_text(parse_markup(
      "| 类别 | 件数 | 备注 |\n"
      "|---|---|---|\n"
      "| 委员提案 | [42]{src=\"数据!B7\"} | 含R&D |\n"
      "| 集体提案 | 11 |  |\n"));
  const std::vector<std::string> lines = lines_of(out);
  ASSERT_EQ(lines.size(), 3u) << out;
  // Columns padded to the widest cell in display columns ("委员提案" = 8), two spaces apart.
  EXPECT_EQ(lines[0], "类别      件数  备注");
  EXPECT_EQ(lines[1], "委员提案  42    含R&D");
  EXPECT_EQ(lines[2], "集体提案  11") << "no trailing spaces from padding";
  expect_common_form(out);
}

TEST(TextWriter, ControlCharactersInDocumentTextAreDropped) {
  Document doc;
  Block b;
  b.inlines.push_back(Inline{Inline::Kind::text, "甲\x01乙\x0C丙\xFF丁", {}, {}});
  doc.blocks.push_back(b);
  EXPECT_EQ(write_text(doc), kIndent + "甲乙丙丁\n");
}

TEST(TextWriter, BadWrapWidthThrows) {
  EXPECT_THROW(write_text(Document{}, TextOptions{-1}), std::invalid_argument);
  EXPECT_THROW(write_text(Document{}, TextOptions{5}), std::invalid_argument);
  EXPECT_NO_THROW(write_text(Document{}, TextOptions{8}));
}

// ------------------------------------------------------------------ wrapping

// Our own wording, with the punctuation and figures of a real report.
const std::vector<std::string> kParagraphs = {
    "2017年，常委会共组织视察调研13次，提出意见建议53条，其中42条被采纳，采纳率达79.2%；"
    "全年办理提案246件，办复率100%，涉及资金2.46亿元。",
    "委员们围绕“十三五”规划中期评估、城市更新和民生保障等议题，深入基层开展调研——走访企业"
    "37,095家次，召开座谈会15场……形成的报告得到区委、区政府的高度重视（见附表）。",
    "会议于15:40开始，与会人员“认真讨论”，提出了《关于加强社区治理的建议》等材料；大家认为："
    "必须坚持问题导向！是否可行？还需进一步论证，争取在2018年底前完成。",
    "全区地区生产总值增长8.5%，研发投入占比3.2%，新增5G基站1200个，细颗粒物年均浓度下降至35微克"
    "每立方米，城乡居民人均可支配收入分别达到37095元和20076元，同比增长8.1%和8.6%。",
    "办复率100%。办复率100%。办复率100%。办复率100%。办复率100%。办复率100%。办复率100%。"
    "“一二三四五六七八九”，“一二三四五六七八九”，（一二三四五六七八）。《一二三四五六七八》。"
    "一二三四五六七八九十……一二三四五六七八九——一二三四五六七八九，一二三四五六七八九。",
};

class Wrapping : public ::testing::TestWithParam<int> {};

TEST_P(Wrapping, ParagraphsKeepTheRules) {
  const int width = GetParam();
  for (const std::string& text : kParagraphs) {
    SCOPED_TRACE(text);
    Document doc;
    Block b;
    b.inlines.push_back(Inline{Inline::Kind::text, text, {}, {}});
    doc.blocks.push_back(b);
    const std::string out = write_text(doc, TextOptions{width});
    expect_common_form(out);
    const std::vector<std::string> lines = lines_of(out);
    ASSERT_GE(lines.size(), 2u);
    ASSERT_EQ(lines[0].rfind(kIndent, 0), 0u) << "first line indented with two U+3000";
    EXPECT_NE(lines[1].rfind("\u3000", 0), 0u) << "continuation lines are flush left (回行顶格)";
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string& l = lines[i];
      SCOPED_TRACE("line " + std::to_string(i) + ": " + l);
      EXPECT_LE(columns(l), width) << "line exceeds the measure";
      const std::u32string cps = decode(l);
      ASSERT_FALSE(cps.empty());
      if (i > 0) {
        EXPECT_FALSE(closing_mark(cps.front())) << "line starts with closing punctuation";
        const std::u32string prev = decode(lines[i - 1]);
        auto digit = [](char32_t c) { return c >= '0' && c <= '9'; };
        EXPECT_FALSE(number_part(prev.back()) && number_part(cps.front()) &&
                     (digit(prev.back()) || digit(cps.front())))
            << "number split across lines";
      }
      if (i + 1 < lines.size()) {
        EXPECT_FALSE(opening_mark(cps.back())) << "line ends with an opening mark";
      }
      joined += i == 0 ? l.substr(kIndent.size()) : l;
    }
    EXPECT_EQ(joined, text) << "lines concatenated give back the text exactly";
    EXPECT_EQ(out.find(' '), std::string::npos) << "no space inserted";
    // Wrapping fills lines: every line but the last is within one character of the measure.
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_GE(columns(lines[i]), width - 6) << lines[i];
  }
}

INSTANTIATE_TEST_SUITE_P(Columns, Wrapping, ::testing::Values(20, 40, 56));

// Random report-like text (fixed seed) at widths from 20 to 60 columns, the first
// line 4 columns shorter (the indent).
TEST(Wrapping, RandomReportTextAtEveryWidth) {
  const std::vector<std::string> tokens = {"政", "协", "委", "员", "提", "案", "办", "理", "甲，", "乙。",
                                           "丙、", "丁；", "戊：", "是否？", "好！", "“智慧社区”", "《报告》",
                                           "（见附表）", "——", "……", "2.46亿元", "达100%", "共37,095家",
                                           "于15:40时", "在2018年", "增79.2%", "5G网", "R&D", "\u3000"};
  std::mt19937 random(15834);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 60) + 1;
    for (int i = 0; i < length; ++i) text += tokens[random() % tokens.size()];
    for (int width = 20; width <= 60; width += 1 + static_cast<int>(random() % 4)) {
      const auto lines = baogao::text::wrap_line(text, width - 4, width);
      std::string joined;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        SCOPED_TRACE("width " + std::to_string(width) + " line " + std::to_string(i) + ": " + lines[i]);
        EXPECT_LE(columns(lines[i]), i == 0 ? width - 4 : width);
        const std::u32string cps = decode(lines[i]);
        ASSERT_FALSE(cps.empty());
        if (i > 0) {
          EXPECT_FALSE(closing_mark(cps.front()));
        }
        if (i + 1 < lines.size()) {
          EXPECT_FALSE(opening_mark(cps.back()));
        }
        joined += lines[i];
      }
      EXPECT_EQ(joined, text);
    }
  }
}

TEST(Wrapping, MeasuredInDisplayColumns) {
  // docx-bugs I1: 10 ideographs per 20-column line.
  const auto lines = baogao::text::wrap_line("关于二〇二四年度政协常委会工作情况的报告", 20, 20);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "关于二〇二四年度政协");
  EXPECT_EQ(lines[1], "常委会工作情况的报告");
}

TEST(Wrapping, BreaksBetweenIdeographsNotOnlyAtSpaces) {
  // docx-bugs I2, at 24 columns.
  const auto lines =
      baogao::text::wrap_line("今年以来，在市委的坚强领导下，政协常委会坚持围绕中心、服务大局。", 24, 24);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "今年以来，在市委的坚强领");
  EXPECT_EQ(lines[1], "导下，政协常委会坚持围绕");
  EXPECT_EQ(lines[2], "中心、服务大局。");
}

TEST(Wrapping, ClosingMarkPullsThePrecedingCharacterDown) {
  // The 11th character is "，": it may not start line 2, and hanging it would make
  // line 1 22 columns wide; so line 1 ends one character earlier (push-in).
  const auto lines = baogao::text::wrap_line("一二三四五六七八九十，一二三四五", 20, 20);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "一二三四五六七八九");
  EXPECT_EQ(lines[1], "十，一二三四五");
}

TEST(Wrapping, DashesAndEllipsesStayWholeAndNeverStartALine) {
  for (const std::string text : {"一二三四五六七八九十——一二三", "一二三四五六七八九十……一二三",
                                 "一二三四五六七八九——一二三四", "一二三四五六七八九十”一二三"}) {
    const auto lines = baogao::text::wrap_line(text, 20, 20);
    ASSERT_EQ(lines.size(), 2u) << text;
    const std::u32string second = decode(lines[1]);
    EXPECT_FALSE(closing_mark(second.front())) << lines[1];
    EXPECT_EQ(lines[0] + lines[1], text);
  }
}

TEST(Wrapping, OpeningMarkNeverEndsALine) {
  const auto lines = baogao::text::wrap_line("一二三四五六七八九“十一”二三", 20, 20);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "一二三四五六七八九");
  EXPECT_EQ(lines[1], "“十一”二三");
}

TEST(Wrapping, NumbersStayWhole) {
  for (const std::string number : {"2.46", "100%", "37,095", "15:40", "2018", "79.2%"}) {
    // Put the number across the 20-column boundary at every offset.
    for (int lead = 7; lead <= 10; ++lead) {
      std::string text;
      for (int i = 0; i < lead; ++i) text += "一";
      text += number + "亿元一二三四五六七八九十";
      const auto lines = baogao::text::wrap_line(text, 20, 20);
      bool whole = false;
      // 万/亿 belong to the number (GB/T 15835 §5.3); % already ends it.
      const std::string kept = number.back() == '%' ? number : number + "亿";
      for (const auto& l : lines) whole = whole || l.find(kept) != std::string::npos;
      EXPECT_TRUE(whole) << number << " at " << lead << ": " << lines[0] << " | " << lines[1];
      std::string joined;
      for (const auto& l : lines) {
        EXPECT_LE(columns(l), 20);
        joined += l;
      }
      EXPECT_EQ(joined, text);
    }
  }
}

TEST(Wrapping, OverlongWordsAreCutInsideTheMeasure) {
  const std::string url = "https://www.example.gov.cn/zwgk?id=12&type=report";
  const auto lines = baogao::text::wrap_line(url, 20, 20);
  std::string joined;
  for (const auto& l : lines) {
    EXPECT_LE(columns(l), 20) << l;
    joined += l;
  }
  EXPECT_EQ(joined, url);
}

TEST(Wrapping, OverlongNumberOverflowsRatherThanSplits) {
  const std::string digits = "1234567890123456789012345";
  const auto lines = baogao::text::wrap_line("合计" + digits + "元", 20, 20);
  bool whole = false;
  for (const auto& l : lines) whole = whole || l.find(digits) != std::string::npos;
  EXPECT_TRUE(whole);
}

TEST(Wrapping, AsciiSpacesAtABreakAreDropped) {
  const auto lines = baogao::text::wrap_line("alpha beta gamma delta epsilon", 12, 12);
  for (const auto& l : lines) {
    EXPECT_LE(columns(l), 12);
    EXPECT_NE(l.back(), ' ');
    EXPECT_NE(l.front(), ' ');
  }
  EXPECT_EQ(lines.front(), "alpha beta");
}

TEST(Wrapping, IdeographicSpacePreserved) {
  const std::string text = "区政协主席　某某在会上指出，要持续加强自身建设　提高履职能力。";
  const auto lines = baogao::text::wrap_line(text, 20, 20);
  std::string joined;
  for (const auto& l : lines) joined += l;
  EXPECT_EQ(joined, text);
}

TEST(Wrapping, HeadingNumberStaysOnTheFirstLine) {
  const std::string out = write_text(
      parse_markup("## 坚持围绕中心服务大局，在推动全区高质量发展中积极建言献策\n"), TextOptions{20});
  const std::vector<std::string> lines = lines_of(out);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind(kIndent + "一、", 0), 0u);
  for (const auto& l : lines) EXPECT_LE(columns(l), 20) << l;
  EXPECT_NE(lines[1].rfind("\u3000", 0), 0u);
}

TEST(Wrapping, TitleWrappedAndCentredInTheWrapMeasure) {
  const std::string out =
      write_text(parse_markup("::title 政协某区第八届委员会常务委员会工作报告\n::speaker 区政协主席　某某\n"),
                 TextOptions{20});
  const std::vector<std::string> lines = lines_of(out);
  ASSERT_GE(lines.size(), 4u) << out;
  for (const auto& l : lines) EXPECT_LE(columns(l), 20) << l;
  EXPECT_NE(out.find("区政协主席　某某"), std::string::npos) << "U+3000 kept";
}

TEST(Wrapping, WithoutWrapOneLinePerParagraph) {
  const std::string out = write_text(parse_markup(kParagraphs[0] + "\n\n" + kParagraphs[1] + "\n"));
  EXPECT_EQ(out, kIndent + kParagraphs[0] + "\n\n" + kIndent + kParagraphs[1] + "\n");
}

TEST(DisplayWidth, EastAsianWidthClasses) {
  using baogao::text::display_width;
  EXPECT_EQ(display_width(U'中'), 2);
  EXPECT_EQ(display_width(U'，'), 2);
  EXPECT_EQ(display_width(U'\u3000'), 2);
  EXPECT_EQ(display_width(U'😀'), 2);
  EXPECT_EQ(display_width(U'𠀀'), 2);
  EXPECT_EQ(display_width(U'a'), 1);
  EXPECT_EQ(display_width(U'“'), 1) << "Ambiguous counts 1 (documented)";
  EXPECT_EQ(display_width(U'—'), 1);
  EXPECT_EQ(display_width(U'\u0301'), 0) << "combining mark";
  EXPECT_EQ(display_width(std::string_view("中a😀")), 5);
}

}  // namespace
