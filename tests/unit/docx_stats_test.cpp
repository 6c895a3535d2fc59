// `baogao stats`: Word's 字数统计 rules, .docx and .txt readers, the 22 × 28 page
// estimate and the LibreOffice page count (exporters/stats.hpp).
#include "exporters/stats.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "exporters/docx/docx_writer.hpp"
#include "exporters/text/text_writer.hpp"
#include "unit/docx_test_reader.hpp"

namespace baogao {
namespace {

namespace fs = std::filesystem;
using Role = Block::Role;

TextCounts count(std::string_view text) {
  TextCounts c;
  c.add_paragraph(text);
  return c;
}

TEST(TextCounts, EveryChineseCharacterIsAWord) {
  const TextCounts c = count("立案提案42件，办复率100%。");
  // 立 案 提 案 件 ， 办 复 率 。 = 10 East Asian; "42" and "100%" = 2 other words.
  EXPECT_EQ(c.east_asian, 10);
  EXPECT_EQ(c.other_words, 2);
  EXPECT_EQ(c.words, 12);
  EXPECT_EQ(c.characters, 16);
  EXPECT_EQ(c.characters_with_spaces, 16);
  EXPECT_EQ(c.paragraphs, 1);
}

TEST(TextCounts, LatinWordsSplitAtSpacesAndSharedPunctuationIsChinese) {
  const TextCounts c = count("提案356件 and more");
  EXPECT_EQ(c.words, 6);  // 提 案 356 件 and more
  EXPECT_EQ(c.characters, 13);
  EXPECT_EQ(c.characters_with_spaces, 15);
  // “ ” — … count as Chinese characters in a Chinese document (drawn in its East Asian font).
  const TextCounts q = count("“懂政协”——好……");
  EXPECT_EQ(q.east_asian, 10);
  EXPECT_EQ(q.other_words, 0);
}

TEST(TextCounts, SpacesBreaksAndControls) {
  const TextCounts c = count("\u3000\u3000第一行\n第二行\tA\x01");
  EXPECT_EQ(c.characters, 7);              // 第一行第二行A
  EXPECT_EQ(c.characters_with_spaces, 10);  // + two U+3000 + TAB; the break and U+0001 are no characters
  EXPECT_EQ(c.words, 7);
  EXPECT_EQ(count("").paragraphs, 0);
  EXPECT_EQ(count("\n").paragraphs, 0);
  EXPECT_EQ(count("坏\xFF字").characters, 2);  // invalid UTF-8 skipped
}

Inline text(std::string s) { return Inline{Inline::Kind::text, std::move(s), {}, {}}; }
Block block(Role role, std::string s, int level = 0) {
  Block b;
  b.role = role;
  b.level = level;
  b.inlines = {text(std::move(s))};
  return b;
}

Document sample() {
  Document d;
  d.blocks.push_back(block(Role::title, "工作报告"));
  d.blocks.push_back(block(Role::part, "回顾"));
  d.blocks.push_back(block(Role::heading, "协商", 1));
  d.blocks.push_back(block(Role::paragraph, "立案42件。"));
  Block table;
  table.role = Role::table;
  table.rows = {{{text("类别")}, {text("件数")}}, {{text("民生")}, {text("12")}}};
  d.blocks.push_back(table);
  d.blocks.push_back(block(Role::page_break, ""));
  d.blocks.push_back(block(Role::paragraph, "第二页。"));
  return d;
}

class TempFile {
 public:
  TempFile(const std::string& name, const std::string& bytes)
      : path_(fs::temp_directory_path() / ("baogao-stats-" + std::to_string(getpid()) + "-" + name)) {
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { fs::remove(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string docx_bytes(const Document& d, HeadingNumbering numbering = HeadingNumbering::text) {
  FormatProfile profile = gbt9704_profile();
  profile.heading_numbering = numbering;
  Findings f;
  return write_docx(d, profile, {}, f);
}

TEST(DocxStats, ReadsParagraphsTablesAndPageBreaks) {
  TempFile file("a.docx", docx_bytes(sample()));
  const auto paragraphs = docx_paragraphs(file.path());
  std::vector<std::string> texts;
  for (const auto& p : paragraphs) texts.push_back(p.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"工作报告", "", "回顾", "一、协商", "立案42件。", "类别", "件数", "民生",
                                             "12", "第二页。"}));
  EXPECT_EQ(paragraphs[3].style, "Heading1");
  EXPECT_EQ(paragraphs[5].table_row, paragraphs[6].table_row);
  EXPECT_NE(paragraphs[6].table_row, paragraphs[7].table_row);
  EXPECT_EQ(paragraphs[9].table_row, -1);
  EXPECT_TRUE(paragraphs[9].page_break_before) << "the page-break paragraph is no paragraph of its own";
}

TEST(DocxStats, CountsAgreeWithAppXml) {
  for (auto mode : {HeadingNumbering::text, HeadingNumbering::word}) {
    const std::string bytes = docx_bytes(sample(), mode);
    TempFile file("b.docx", bytes);
    TextCounts c;
    for (const auto& p : docx_paragraphs(file.path())) c.add_paragraph(p.text);
    testing_docx::Xml app(testing_docx::unzip_parts(bytes)["docProps/app.xml"]);
    EXPECT_EQ(std::to_string(c.words), app.one("//ep:Words"));
    EXPECT_EQ(std::to_string(c.characters), app.one("//ep:Characters"));
    EXPECT_EQ(std::to_string(c.characters_with_spaces), app.one("//ep:CharactersWithSpaces"));
    EXPECT_EQ(std::to_string(c.paragraphs), app.one("//ep:Paragraphs"));
  }
}

TEST(DocxStats, TextFileParagraphsAreLines) {
  TempFile file("c.txt", "\xEF\xBB\xBF\u3000\u3000第一段。\r\n\n第二段\n\f\n第三页\n");
  const auto paragraphs = text_paragraphs(file.path());
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[0].text, "\u3000\u3000第一段。");
  EXPECT_TRUE(paragraphs[2].page_break_before);
  EXPECT_FALSE(paragraphs[1].page_break_before);
}

TEST(DocxStats, PageEstimateFromTheGrid) {
  std::vector<StatParagraph> ps;
  EXPECT_EQ(estimate_pages(ps), 0);
  // 22 lines of 28 characters fill one page; the 23rd line starts the second.
  for (int i = 0; i < 22; ++i) {
    StatParagraph p;
    for (int k = 0; k < 28; ++k) p.text += "字";
    ps.push_back(p);
  }
  EXPECT_EQ(estimate_pages(ps), 1);
  ps.push_back(StatParagraph{"字", "", -1, false});
  EXPECT_EQ(estimate_pages(ps), 2);
  // A body paragraph's 2-character indent: 27 characters take two lines.
  std::vector<StatParagraph> indented{{"", "BodyText", -1, false}};
  for (int k = 0; k < 27; ++k) indented[0].text += "字";
  EXPECT_EQ(estimate_pages(indented, 1, 28), 2);
  // Narrow characters count half; a table row is one line; a page break starts a page.
  std::vector<StatParagraph> mixed{{std::string(56, 'a'), "", -1, false},
                                   {"类别", "", 0, false},
                                   {"件数", "", 0, false},
                                   {"下一页", "", -1, true}};
  EXPECT_EQ(estimate_pages(mixed, 2, 28), 2);  // page 1: 1 + 1 lines; page 2
}

TEST(DocxStats, FileStatsWithoutRendering) {
  TempFile docx("d.docx", docx_bytes(sample()));
  const FileStats s = file_stats(docx.path(), 100, false);
  EXPECT_FALSE(s.pages_rendered);
  EXPECT_EQ(s.pages, 2);
  EXPECT_EQ(s.rate, 100);
  EXPECT_DOUBLE_EQ(s.speaking_minutes, s.counts.words / 100.0);
  const std::string shown = format_stats(s);
  EXPECT_NE(shown.find("字数：" + std::to_string(s.counts.words)), std::string::npos) << shown;
  EXPECT_NE(shown.find("页数：约 2（估算"), std::string::npos) << shown;
  const std::string json = stats_json(s);
  EXPECT_NE(json.find("\"pages_method\":\"estimate\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"words\":" + std::to_string(s.counts.words)), std::string::npos) << json;

  Document d = sample();
  TempFile txt("d.txt", write_text(d));
  const FileStats t = file_stats(txt.path(), 220, true);
  EXPECT_FALSE(t.pages_rendered) << "a .txt is never rendered";
  EXPECT_EQ(t.counts.words, s.counts.words) << "the .txt and the .docx hold the same words";

  EXPECT_THROW(file_stats("report.pdf"), std::invalid_argument);
  EXPECT_THROW(file_stats(docx.path(), 0), std::invalid_argument);
  EXPECT_THROW(file_stats(fs::temp_directory_path() / "baogao-no-such-file.docx"), std::runtime_error);
  TempFile broken("e.docx", "not a zip");
  EXPECT_THROW(docx_paragraphs(broken.path()), std::runtime_error);
}

TEST(DocxStats, RenderedPagesSaysWhyWhenLibreOfficeIsMissing) {
  const char* saved = std::getenv("BAOGAO_SOFFICE");
  const std::string saved_value = saved ? saved : "";
  setenv("BAOGAO_SOFFICE", "/nonexistent/soffice", 1);
  TempFile docx("f.docx", docx_bytes(sample()));
  std::string why;
  EXPECT_FALSE(rendered_pages(docx.path(), &why));
  EXPECT_NE(why.find("LibreOffice"), std::string::npos) << why;
  if (saved) setenv("BAOGAO_SOFFICE", saved_value.c_str(), 1);
  else unsetenv("BAOGAO_SOFFICE");
}

TEST(DocxStats, RenderedPagesThroughLibreOffice) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) GTEST_SKIP() << "LibreOffice (soffice) not installed";
  TempFile docx("g.docx", docx_bytes(sample()));
  std::string why;
  const auto pages = rendered_pages(docx.path(), &why);
  ASSERT_TRUE(pages) << why;
  EXPECT_EQ(*pages, 2) << "the page break gives a second page";
}

}  // namespace
}  // namespace baogao
