// Review comments (ECMA-376 Part 1 §17.13.4): one per annotated span (source,
// derivation, placeholder, note), findings attached where they point, ids unique and
// every marker matched, author and date from the options, none in a final copy.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "exporters/docx/comments.hpp"
#include "exporters/docx/docx_writer.hpp"
#include "unit/docx_test_reader.hpp"

namespace baogao {
namespace {

namespace fs = std::filesystem;
using testing_docx::unzip_parts;
using testing_docx::Xml;
using docx::finding_comment_line;
using docx::span_comment_lines;
using Role = Block::Role;

Inline text(std::string s) { return Inline{Inline::Kind::text, std::move(s), {}, {}}; }
Inline span(std::string shown, std::vector<std::pair<std::string, std::string>> attributes) {
  return Inline{Inline::Kind::span, "", {text(std::move(shown))}, std::move(attributes)};
}
Block block(Role role, Inlines inlines, std::string place, int level = 0) {
  Block b;
  b.role = role;
  b.level = level;
  b.inlines = std::move(inlines);
  b.source = {"report.md", std::move(place)};
  return b;
}

// A draft with a figure from a workbook, a derived figure, a placeholder, a note, a
// figure in a table cell, and the same source used twice.
Document review_document() {
  Document d;
  d.info = {"某区政协常委会工作报告", "八届二次会议", "政协某区委员会", "2018-01-15"};
  d.blocks.push_back(block(Role::title, {text("常务委员会工作报告")}, "1:1"));
  d.blocks.push_back(block(Role::salutation, {text("各位委员：")}, "3:1"));
  d.blocks.push_back(block(Role::part, {text("2017年工作回顾")}, "5:1"));
  d.blocks.push_back(block(Role::heading, {text("民主监督")}, "7:1", 1));
  d.blocks.push_back(block(Role::paragraph,
                           {text("全年视察"), span("5", {{"src", "data.xlsx:数据!B7"}}), text("次，立案提案"),
                            span("42", {{"src", "data.xlsx:数据!B9"}, {"derivation", "= 12 + 9 + 8 + 7 + 6"}}),
                            text("件，提出建议"), span("【待补充：建议件数】", {{"missing", "建议件数"}}),
                            text("件，"), span("30余", {{"note", "约数，按会议纪要"}}), text("条。")},
                           "9:1"));
  d.blocks.push_back(block(Role::paragraph, {text("再次提到"), span("5", {{"src", "data.xlsx:数据!B7"}}), text("次。")},
                           "11:1"));
  Block table;
  table.role = Role::table;
  table.rows = {{{text("类别")}, {text("件数")}}, {{text("民生保障")}, {span("12", {{"src", "data.xlsx:分类!B2"}})}}};
  table.source = {"report.md", "13:1"};
  d.blocks.push_back(table);
  return d;
}

Findings review_findings() {
  return {
      {Severity::error, "sum_mismatch", {"data.xlsx", "数据!B9"}, "分项之和 42 与合计 43 不符"},
      {Severity::warning, "punctuation", {"report.md", "11:1"}, "句末标点重复"},
      {Severity::warning, "missing_field", {"data.xlsx", "数据"}, "缺少必填项“建议件数”（review.advice）"},
      {Severity::note, "unknown_sheet", {"data.xlsx", "备注"}, "工作表“备注”未使用"},
      {Severity::note, "general", {}, "没有位置的提示"},
  };
}

struct Package {
  std::map<std::string, std::string> parts;
  Xml part(const std::string& name) const {
    auto it = parts.find(name);
    EXPECT_NE(it, parts.end()) << name << " missing";
    return Xml(it == parts.end() ? std::string() : it->second);
  }
};

Package write(const Document& d, const DocxOptions& options, FormatProfile profile = gbt9704_profile()) {
  Findings findings;
  return {unzip_parts(write_docx(d, profile, options, findings))};
}

DocxOptions review_options() {
  DocxOptions o;
  o.timestamp = "2018-01-15";
  o.findings = review_findings();
  return o;
}

// All text of comment `id`, paragraphs joined by "|".
std::string comment_text(const Xml& comments, const std::string& id) {
  std::string out;
  const std::string c = "//w:comment[@w:id='" + id + "']";
  const std::size_t n = comments.count(c + "/w:p");
  for (std::size_t i = 1; i <= n; ++i) {
    if (i > 1) out += "|";
    for (const auto& t : comments.all(c + "/w:p[" + std::to_string(i) + "]//w:t")) out += t;
  }
  return out;
}

// The comment whose range encloses the run with text `shown` (first match).
std::string comment_on(const Xml& doc, const Xml& comments, const std::string& shown) {
  const std::string id = doc.one("//w:r[w:t='" + shown + "']/preceding-sibling::w:commentRangeStart[1]/@w:id");
  return comment_text(comments, id);
}

TEST(DocxComments, PartRelationshipAndContentType) {
  const Package p = write(review_document(), review_options());
  ASSERT_TRUE(p.parts.count("word/comments.xml"));
  EXPECT_EQ(p.part("[Content_Types].xml").one("//ct:Override[@PartName='/word/comments.xml']/@ContentType"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml");
  const Xml rels = p.part("word/_rels/document.xml.rels");
  EXPECT_EQ(rels.one("//rel:Relationship[@Target='comments.xml']/@Type"),
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments");
}

TEST(DocxComments, EveryMarkerHasItsCommentAndIdsAreUnique) {
  const Package p = write(review_document(), review_options());
  const Xml doc = p.part("word/document.xml");
  const Xml comments = p.part("word/comments.xml");
  const auto ids = comments.all("//w:comment/@w:id");
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size()) << "duplicate w:comment ids";
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], std::to_string(i)) << "ids in document order";
  // Starts in id order; ends and references close inner ranges first (a paragraph's
  // range encloses its spans'), so compare those as sets.
  EXPECT_EQ(doc.all("//w:commentRangeStart/@w:id"), ids);
  for (const char* marker : {"commentRangeEnd", "commentReference"}) {
    auto used = doc.all(std::string("//w:") + marker + "/@w:id");
    EXPECT_EQ(used.size(), ids.size()) << marker;
    EXPECT_EQ(std::set<std::string>(used.begin(), used.end()), std::set<std::string>(ids.begin(), ids.end()))
        << marker << ": one per comment";
  }
  // Every range ends after it starts, in the same paragraph.
  for (const auto& id : ids)
    EXPECT_EQ(doc.count("//w:commentRangeStart[@w:id='" + id + "']/following-sibling::w:commentRangeEnd[@w:id='" +
                        id + "']"),
              1u)
        << id;
  // Reference runs carry the CommentReference character style, which styles.xml defines.
  EXPECT_EQ(doc.count("//w:r[w:commentReference][not(w:rPr/w:rStyle/@w:val='CommentReference')]"), 0u);
  const Xml styles = p.part("word/styles.xml");
  EXPECT_EQ(styles.count("//w:style[@w:type='character'][@w:styleId='CommentReference']"), 1u);
  EXPECT_EQ(styles.count("//w:style[@w:type='paragraph'][@w:styleId='CommentText']"), 1u);
  // Each comment starts with the annotation mark, as Word writes it.
  EXPECT_EQ(comments.count("//w:comment[not(w:p[1]/w:r[1]/w:annotationRef)]"), 0u);
}

TEST(DocxComments, FigureSourceDerivationPlaceholderAndNote) {
  const Package p = write(review_document(), review_options());
  const Xml doc = p.part("word/document.xml");
  const Xml comments = p.part("word/comments.xml");
  EXPECT_EQ(comment_on(doc, comments, "5"), "来源：data.xlsx:数据!B7");
  const std::string on42 = comment_on(doc, comments, "42");
  EXPECT_NE(on42.find("来源：data.xlsx:数据!B9"), std::string::npos) << on42;
  EXPECT_NE(on42.find("计算：42 = 12 + 9 + 8 + 7 + 6"), std::string::npos) << on42;
  // The sum finding points at B9: it joins the figure's comment, without repeating the place.
  EXPECT_NE(on42.find("检查（错误）：分项之和 42 与合计 43 不符〔sum_mismatch〕"), std::string::npos) << on42;
  EXPECT_EQ(on42.find("位置："), std::string::npos) << on42;
  const std::string placeholder = comment_on(doc, comments, "【待补充：建议件数】");
  EXPECT_NE(placeholder.find("待补充：建议件数。"), std::string::npos) << placeholder;
  EXPECT_NE(placeholder.find("缺少必填项“建议件数”"), std::string::npos) << "missing_field joins its placeholder";
  EXPECT_NE(placeholder.find("位置：data.xlsx:数据"), std::string::npos) << placeholder;
  EXPECT_EQ(comment_on(doc, comments, "30余"), "说明：约数，按会议纪要");
  // The placeholder's range encloses its highlighted run.
  EXPECT_EQ(doc.one("//w:r[w:t='【待补充：建议件数】']/w:rPr/w:highlight/@w:val"), "yellow");
}

TEST(DocxComments, SecondUseOfASourceGetsItsOwnSourceComment) {
  const Package p = write(review_document(), review_options());
  const Xml doc = p.part("word/document.xml");
  const Xml comments = p.part("word/comments.xml");
  // Both "5"s have a source comment; the finding (none here at B7) would go to the first.
  EXPECT_EQ(doc.count("//w:r[w:t='5']/preceding-sibling::*[1][self::w:commentRangeStart]"), 2u);
  EXPECT_EQ(comment_text(comments, doc.one("(//w:p[.//w:t='再次提到']//w:commentRangeStart)[last()]/@w:id")),
            "来源：data.xlsx:数据!B7");
}

TEST(DocxComments, FindingAtABlockSourceCommentsTheParagraph) {
  const Package p = write(review_document(), review_options());
  const Xml doc = p.part("word/document.xml");
  const Xml comments = p.part("word/comments.xml");
  // The paragraph's range opens right after w:pPr, before any run.
  const std::string para = "//w:body/w:p[.//w:t='再次提到']";
  EXPECT_EQ(doc.count(para + "/*[2][self::w:commentRangeStart]"), 1u);
  const std::string id = doc.one(para + "/*[2]/@w:id");
  EXPECT_EQ(comment_text(comments, id), "检查（警告）：句末标点重复〔punctuation〕");
}

TEST(DocxComments, UnplacedFindingsGoToTheFirstParagraph) {
  const Package p = write(review_document(), review_options());
  const Xml doc = p.part("word/document.xml");
  const Xml comments = p.part("word/comments.xml");
  const std::string first = "(//w:body/w:p)[1]";
  EXPECT_EQ(doc.one(first + "//w:t"), "常务委员会工作报告");
  const std::string text = comment_text(comments, doc.one(first + "/w:commentRangeStart/@w:id"));
  EXPECT_EQ(text,
            "检查（提示）：工作表“备注”未使用〔unknown_sheet〕位置：data.xlsx:备注|"
            "检查（提示）：没有位置的提示〔general〕");
  // The "\n" is a w:br in the comment, not a raw newline in w:t (docx-bugs A7).
  EXPECT_EQ(comments.count("//w:t[contains(., '\n')]"), 0u);
  EXPECT_GE(comments.count("//w:comment//w:br"), 1u);
}

TEST(DocxComments, TableCellFiguresAreCommentedToo) {
  const Package p = write(review_document(), review_options());
  const Xml doc = p.part("word/document.xml");
  const Xml comments = p.part("word/comments.xml");
  EXPECT_EQ(comment_text(comments, doc.one("//w:tc//w:commentRangeStart/@w:id")), "来源：data.xlsx:分类!B2");
}

TEST(DocxComments, AuthorInitialsAndDateFromOptionsElseDeterministic) {
  DocxOptions o = review_options();
  Package p = write(review_document(), o);
  Xml comments = p.part("word/comments.xml");
  EXPECT_EQ(comments.one("//w:comment[1]/@w:author"), "Baogao");
  EXPECT_EQ(comments.one("//w:comment[1]/@w:initials"), "B");
  EXPECT_EQ(comments.one("//w:comment[1]/@w:date"), "2018-01-15T00:00:00Z") << "the docProps timestamp";
  o.comment_author = "区政协办公室";
  o.comment_date = "2018-01-10T08:30:00Z";
  p = write(review_document(), o);
  comments = p.part("word/comments.xml");
  EXPECT_EQ(comments.count("//w:comment[@w:author='区政协办公室']"), comments.count("//w:comment"));
  EXPECT_EQ(comments.one("//w:comment[1]/@w:initials"), "区");
  EXPECT_EQ(comments.one("//w:comment[1]/@w:date"), "2018-01-10T08:30:00Z");
  o.comment_date = "next week";
  Findings f;
  EXPECT_THROW(write_docx(review_document(), gbt9704_profile(), o, f), std::invalid_argument);
}

TEST(DocxComments, SameInputSameBytes) {
  Findings a, b;
  EXPECT_EQ(write_docx(review_document(), gbt9704_profile(), review_options(), a),
            write_docx(review_document(), gbt9704_profile(), review_options(), b));
}

TEST(DocxComments, FinalCopyHasNoCommentsAtAll) {
  DocxOptions o = review_options();
  o.mode = DocxMode::final_copy;
  const Package p = write(review_document(), o);
  EXPECT_FALSE(p.parts.count("word/comments.xml"));
  EXPECT_EQ(p.part("[Content_Types].xml").count("//ct:Override[@PartName='/word/comments.xml']"), 0u);
  EXPECT_EQ(p.part("word/_rels/document.xml.rels").count("//rel:Relationship[@Target='comments.xml']"), 0u);
  const Xml doc = p.part("word/document.xml");
  EXPECT_EQ(doc.count("//w:commentRangeStart|//w:commentRangeEnd|//w:commentReference"), 0u);
  // The placeholder stays visible (a forced final copy must not hide what is missing).
  EXPECT_EQ(doc.one("//w:r[w:t='【待补充：建议件数】']/w:rPr/w:highlight/@w:val"), "yellow");
  EXPECT_EQ(count_placeholders(review_document()), 1u);
}

TEST(DocxComments, NothingToSayMeansNoCommentsPart) {
  Document d;
  d.blocks.push_back(block(Role::paragraph, {text("没有数字的段落。")}, "1:1"));
  const Package p = write(d, {});
  EXPECT_FALSE(p.parts.count("word/comments.xml"));
  EXPECT_EQ(count_placeholders(d), 0u);
}

// A document without any paragraph (only a table) still shows its findings.
TEST(DocxComments, FindingsInADocumentWithoutParagraphs) {
  Document d;
  Block table;
  table.role = Role::table;
  table.rows = {{{text("类别")}}};
  d.blocks.push_back(table);
  DocxOptions o;
  o.findings = {{Severity::warning, "general", {}, "提示一"}};
  const Package p = write(d, o);
  const Xml comments = p.part("word/comments.xml");
  EXPECT_EQ(comments.count("//w:comment"), 1u);
  EXPECT_EQ(p.part("word/document.xml").count("//w:commentReference"), 1u);
}

TEST(DocxComments, SpanCommentLines) {
  EXPECT_TRUE(span_comment_lines(span("x", {{"unknown", "1"}})).empty());
  EXPECT_EQ(span_comment_lines(span("8", {{"derivation", "12 − 4"}})), std::vector<std::string>{"计算：12 − 4"});
  const Finding f{Severity::warning, "c", {"a.json", "/x"}, "消息"};
  EXPECT_EQ(finding_comment_line(f, "a.json:/x"), "检查（警告）：消息〔c〕");
  EXPECT_EQ(finding_comment_line(f, ""), "检查（警告）：消息〔c〕\n位置：a.json:/x");
}

// Hostile text in sources and notes is escaped (docx-bugs A4) and control
// characters never reach comments.xml (A1).
TEST(DocxComments, HostileAttributeTextIsEscaped) {
  Document d;
  d.blocks.push_back(block(Role::paragraph, {span("1", {{"src", "R&D<5%>.xlsx:\"表\"!A1"}, {"note", "a\x01" "b\tc"}})},
                           "1:1"));
  const Package p = write(d, {});
  const Xml comments = p.part("word/comments.xml");
  ASSERT_TRUE(comments.ok());
  EXPECT_EQ(comment_text(comments, "0"), "来源：R&D<5%>.xlsx:\"表\"!A1|说明：abc");
  EXPECT_EQ(comments.count("//w:comment//w:tab"), 1u);
  for (unsigned char c : p.parts.at("word/comments.xml"))
    EXPECT_TRUE(c >= 0x20 || c == '\n' || c == '\r' || c == '\t') << "byte " << int(c);
}

TEST(DocxComments, PassesDocxCheckFast) {
  const fs::path checker = fs::path(BAOGAO_SHARED_DIR) / "tools" / "docx-check";
  if (!fs::exists(checker)) GTEST_SKIP() << "no docx-check at " << checker << " (../shared not present)";
  if (std::system("command -v python3 >/dev/null 2>&1 && command -v xmllint >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "python3 or xmllint (libxml2-utils) not installed: docx-check --fast needs both";
  Findings f;
  const std::string bytes = write_docx(review_document(), gbt9704_profile(), review_options(), f);
  const fs::path file = fs::temp_directory_path() / ("baogao-comments-" + std::to_string(getpid()) + ".docx");
  std::ofstream(file, std::ios::binary) << bytes;
  const std::string command = "python3 '" + checker.string() + "' --fast -q '" + file.string() + "'";
  const int rc = std::system(command.c_str());
  fs::remove(file);
  EXPECT_EQ(rc, 0) << command;
}

}  // namespace
}  // namespace baogao
