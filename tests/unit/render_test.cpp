// Render: data tree + template package → report markup (drafting/render.hpp).
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "drafting/error.hpp"
#include "drafting/markup.hpp"
#include "drafting/readers.hpp"
#include "drafting/render.hpp"
#include "tests/unit/input_error_of.hpp"

namespace baogao {
namespace {

namespace fs = std::filesystem;

const char* kManifest = R"(title: 测试报告
fields:
  - {key: organization, label: 单位名称, required: true}
  - {key: value, label: 值}
  - key: review
    label: 工作回顾
    type: group
    fields:
      - key: sections
        label: 分项
        type: list
        required: true
        fields:
          - {key: heading, label: 标题, required: true}
          - {key: count, label: 件数, type: integer}
  - {key: filed, label: 立案件数, type: integer}
  - {key: rate, label: 办复率, type: percent}
  - {key: investment, label: 项目投资, type: amount}
  - {key: date, label: 日期, type: date}
  - {key: highlights, label: 亮点, type: list}
)";

/// A template package in a temporary folder.
class RenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("baogao-render-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write("manifest.yaml", kManifest);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  /// A Renderer for `entry` as report.mustache (and any partials written before).
  Renderer renderer(const std::string& entry) {
    write("report.mustache", entry);
    return Renderer(load_manifest(dir_));
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

Value data(const std::string& json) { return parse_json(json, "data.json"); }

Value with_value(const std::string& value) {
  Value root;
  root.kind = Value::Kind::object;
  root.source = {"data.json", ""};
  root.members.emplace_back("organization", Value::make_string("某区政协", {"data.json", "/organization"}));
  root.members.emplace_back("value", Value::make_string(value, {"data.json", "/value"}));
  return root;
}

// --- escaping: data can never inject markup -----------------------------------

TEST_F(RenderTest, HostileValuesComeBackAsLiteralText) {
  const Renderer r = renderer(
      "::title {{value}}\n"
      "\n"
      "{{value}}\n"
      "\n"
      "前文{{value}}后文\n"
      "\n"
      "## {{value}}\n"
      "\n"
      "| 项目 | 内容 |\n"
      "| 甲 | {{value}} |\n");
  const struct {
    std::string value;
    std::string literal;  // what the Document must hold
  } cases[] = {
      {"**x**", "**x**"},
      {"# h", "# h"},
      {"## 二级", "## 二级"},
      {R"([a]{src="b"})", R"([a]{src="b"})"},
      {"]{", "]{"},
      {"::title x", "::title x"},
      {"| a |", "| a |"},
      {"|---|", "|---|"},
      {"line1\nline2", "line1\nline2"},
      {"&<>\"", "&<>\""},
      {"a\\b", "a\\b"},
      {"a\x01" "b\x0B" "c", "ab\nc"},  // U+0001 dropped, U+000B a line break
      {"😀 表情", "😀 表情"},
      {"{{value}}", "{{value}}"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    const RenderResult result = r.render(with_value(c.value));
    Document doc;
    ASSERT_NO_THROW(doc = parse_markup(result.markup, "rendered")) << result.markup;
    ASSERT_EQ(doc.blocks.size(), 5u) << result.markup;
    EXPECT_EQ(doc.blocks[0].role, Block::Role::title);
    EXPECT_EQ(plain_text(doc.blocks[0].inlines), c.literal);
    EXPECT_EQ(doc.blocks[1].role, Block::Role::paragraph);
    EXPECT_EQ(plain_text(doc.blocks[1].inlines), c.literal);
    EXPECT_EQ(plain_text(doc.blocks[2].inlines), "前文" + c.literal + "后文");
    EXPECT_EQ(doc.blocks[3].role, Block::Role::heading);
    EXPECT_EQ(doc.blocks[3].level, 1);
    EXPECT_EQ(plain_text(doc.blocks[3].inlines), c.literal);
    ASSERT_EQ(doc.blocks[4].role, Block::Role::table);
    ASSERT_EQ(doc.blocks[4].rows.size(), 2u);
    ASSERT_EQ(doc.blocks[4].rows[1].size(), 2u);
    EXPECT_EQ(plain_text(doc.blocks[4].rows[1][1]), c.literal);
    // No markup came from the data: no strong text, no span.
    for (const Block& b : doc.blocks)
      for (const Inline& in : b.inlines)
        EXPECT_TRUE(in.kind == Inline::Kind::text || in.kind == Inline::Kind::line_break);
  }
}

TEST_F(RenderTest, DroppedControlCharactersAreReported) {
  const Renderer r = renderer("{{value}}\n");
  const RenderResult result = r.render(with_value("a\x01" "b\x02\x0B" "c"));
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].code, "dropped_character");
  EXPECT_EQ(result.findings[0].where.to_string(), "data.json:/value");
  // U+0001 and U+0002 are dropped; U+000B is a line break, not counted.
  EXPECT_NE(result.findings[0].message.find("2"), std::string::npos);
}

TEST_F(RenderTest, UnescapedFormsAreRefused) {
  for (const char* tmpl : {"::title x\n{{{value}}}\n", "::title x\n{{& value}}\n", "::title x\n{{=<% %>=}}\n"}) {
    SCOPED_TRACE(tmpl);
    const auto e = error_of([&] { renderer(tmpl); });
    EXPECT_EQ(e.category(), "template_syntax");
    EXPECT_EQ(e.where().file, path("report.mustache"));
    EXPECT_EQ(e.where().place, "2:1");
    EXPECT_NE(std::string(e.what()).find("expected"), std::string::npos) << e.what();
  }
}

// --- fields ------------------------------------------------------------------

TEST_F(RenderTest, MissingRequiredFieldBecomesPlaceholderAndWarning) {
  const Renderer r = renderer("::salutation {{organization}}：\n");
  const RenderResult result = r.render(data(R"({"value": "x"})"));
  EXPECT_EQ(result.markup, "::salutation [【待补充：单位名称】]{missing=\"单位名称\"}：\n");
  ASSERT_EQ(result.findings.size(), 1u);
  const Finding& f = result.findings[0];
  EXPECT_EQ(f.severity, Severity::warning);
  EXPECT_EQ(f.code, "missing_field");
  EXPECT_EQ(f.where.to_string(), "data.json");  // the parent: the top-level object
  EXPECT_NE(f.message.find("organization"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("单位名称"), std::string::npos) << f.message;

  const Document doc = parse_markup(result.markup);
  ASSERT_EQ(doc.blocks.size(), 1u);
  const Inline& span = doc.blocks[0].inlines.at(0);
  EXPECT_EQ(span.kind, Inline::Kind::span);
  EXPECT_EQ(span.attribute("missing"), "单位名称");
  EXPECT_EQ(plain_text(span.content), "【待补充：单位名称】");
}

TEST_F(RenderTest, NullOrBlankCountsAsMissing) {
  const Renderer r = renderer("{{organization}}\n");
  for (const char* json : {R"({"organization": null})", R"({"organization": ""})", R"({"organization": "  "})"}) {
    SCOPED_TRACE(json);
    const RenderResult result = r.render(data(json));
    EXPECT_EQ(result.markup, "[【待补充：单位名称】]{missing=\"单位名称\"}\n");
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].code, "missing_field");
  }
}

TEST_F(RenderTest, MissingFieldInsideAListItemNamesItsPath) {
  const Renderer r = renderer("{{#review}}{{#sections}}## {{heading}}\n{{/sections}}{{/review}}");
  const RenderResult result = r.render(data(
      R"({"organization": "某区政协", "review": {"sections": [{"heading": "协商"}, {"heading": "监督"}, {"count": 3}]}})"));
  EXPECT_EQ(result.markup, "## 协商\n## 监督\n## [【待补充：标题】]{missing=\"标题\"}\n");
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].where.to_string(), "data.json:/review/sections/2");
  EXPECT_NE(result.findings[0].message.find("review.sections[2].heading"), std::string::npos)
      << result.findings[0].message;
  EXPECT_NE(result.findings[0].message.find("标题"), std::string::npos);
}

TEST_F(RenderTest, MissingRequiredListIsReportedAndRendersNothing) {
  const Renderer r = renderer("{{#review}}{{#sections}}## {{heading}}\n{{/sections}}{{^sections}}（无）\n{{/sections}}{{/review}}");
  for (const char* json : {R"({"organization": "某", "review": {}})", R"({"organization": "某", "review": {"sections": []}})"}) {
    SCOPED_TRACE(json);
    const RenderResult result = r.render(data(json));
    EXPECT_EQ(result.markup, "（无）\n");
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].code, "missing_field");
    EXPECT_EQ(result.findings[0].where.to_string(), "data.json:/review");
    EXPECT_NE(result.findings[0].message.find("review.sections"), std::string::npos);
    EXPECT_NE(result.findings[0].message.find("分项"), std::string::npos);
  }
}

TEST_F(RenderTest, FiguresBecomeSpansWithTheirSource) {
  const Renderer r = renderer("立案{{filed}}件，办复率{{rate}}，投资{{investment}}。\n");
  const RenderResult result =
      r.render(data(R"({"organization": "某", "filed": 42, "rate": 100, "investment": 246000000})"));
  EXPECT_EQ(result.markup,
            "立案[42]{src=\"data.json:/filed\"}件，办复率[100%]{src=\"data.json:/rate\"}，"
            "投资[2.46亿元]{src=\"data.json:/investment\"}。\n");
  EXPECT_TRUE(result.findings.empty());

  const Document doc = parse_markup(result.markup);
  ASSERT_EQ(doc.blocks.size(), 1u);
  const Inlines& in = doc.blocks[0].inlines;
  ASSERT_GE(in.size(), 2u);
  EXPECT_EQ(in[1].kind, Inline::Kind::span);
  EXPECT_EQ(in[1].attribute("src"), "data.json:/filed");
  EXPECT_EQ(plain_text(in[1].content), "42");
  EXPECT_EQ(plain_text(in), "立案42件，办复率100%，投资2.46亿元。");
}

TEST_F(RenderTest, FigureWithQualifierOrWrongTypeIsKeptAsWritten) {
  const Renderer r = renderer("{{filed}}|{{count}}\n");
  const RenderResult qualifier = r.render(data(R"({"organization": "某", "filed": "30余"})"));
  EXPECT_EQ(qualifier.markup, "[30余]{src=\"data.json:/filed\"}|\n");
  EXPECT_TRUE(qualifier.findings.empty());

  const RenderResult wrong = r.render(data(R"({"organization": "某", "filed": "abc"})"));
  EXPECT_EQ(wrong.markup, "[abc]{src=\"data.json:/filed\"}|\n");
  ASSERT_EQ(wrong.findings.size(), 1u);
  EXPECT_EQ(wrong.findings[0].code, "wrong_type");
  EXPECT_EQ(wrong.findings[0].where.to_string(), "data.json:/filed");
  EXPECT_NE(wrong.findings[0].message.find("立案件数"), std::string::npos);
}

TEST_F(RenderTest, DatesListsAndUndeclaredData) {
  const Renderer r = renderer("{{date}}\n{{#highlights}}- {{.}}\n{{/highlights}}{{extra.note}}\n");
  const RenderResult result = r.render(data(
      R"({"organization": "某", "date": "2017-12-13", "highlights": ["一是**抓学习**", "二是抓作为"], "extra": {"note": "[注]"}})"));
  EXPECT_EQ(result.markup,
            "2017年12月13日\n- 一是\\*\\*抓学习\\*\\*\n- 二是抓作为\n\\[注\\]\n");
  EXPECT_TRUE(result.findings.empty());
}

TEST_F(RenderTest, BooleansAndNullsAreSections) {
  const Renderer r = renderer("{{#flag}}有{{/flag}}{{^flag}}无{{/flag}}{{^nothing}}空{{/nothing}}\n");
  EXPECT_EQ(r.render(data(R"({"organization": "某", "flag": true, "nothing": null})")).markup, "有空\n");
  EXPECT_EQ(r.render(data(R"({"organization": "某", "flag": false})")).markup, "无空\n");
}

// --- partials -------------------------------------------------------------------

TEST_F(RenderTest, PartialsComeFromTheFolderNotTheData) {
  write("section.mustache", "## {{heading}}\n");
  const Renderer r = renderer("{{#review}}{{#sections}}{{> section}}{{/sections}}{{/review}}");
  const RenderResult result = r.render(data(
      R"({"organization": "某", "section": "不是模板", "review": {"sections": [{"heading": "协商", "section": "x"}]}})"));
  EXPECT_EQ(result.markup, "## 协商\n");
}

TEST_F(RenderTest, UnknownPartialIsASyntaxError) {
  write("section.mustache", "x");
  const auto e = error_of([&] { renderer("第一行\n  {{> sectoin}}\n"); });
  EXPECT_EQ(e.category(), "template_syntax");
  EXPECT_EQ(e.where().file, path("report.mustache"));
  EXPECT_EQ(e.where().place, "2:3");
  EXPECT_NE(std::string(e.what()).find("section"), std::string::npos) << e.what();
}

// --- template syntax --------------------------------------------------------------

TEST_F(RenderTest, SyntaxErrorsNameFileAndLineColumn) {
  const struct {
    const char* what;
    const char* tmpl;
    const char* place;
    const char* mentions;
  } cases[] = {
      {"unclosed section", "::title 报告\n\n{{#review}}\n正文\n", "3:1", "{{/review}}"},
      {"unclosed tag", "::title 报告\n正文{{organization\n", "2:3", "}}"},
      {"mismatched close", "{{#review}}\n  {{#sections}}\n  {{/review}}\n", "3:3", "{{/sections}}"},
      {"unopened close", "正文\n{{/review}}\n", "2:1", "{{#review}}"},
      {"empty tag", "正文{{ }}\n", "1:3", "name"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const auto e = error_of([&] { renderer(c.tmpl); });
    EXPECT_EQ(e.category(), "template_syntax");
    EXPECT_EQ(e.where().file, path("report.mustache"));
    EXPECT_EQ(e.where().place, c.place) << e.what();
    const std::string what = e.what();
    EXPECT_NE(what.find(c.mentions), std::string::npos) << what;
    EXPECT_NE(what.find("expected"), std::string::npos) << what;
  }
}

TEST_F(RenderTest, SyntaxErrorInAPartialNamesThePartial) {
  write("section.mustache", "## {{heading}}\n{{#count}}\n");
  const auto e = error_of([&] { renderer("{{> section}}\n"); });
  EXPECT_EQ(e.category(), "template_syntax");
  EXPECT_EQ(e.where().file, path("section.mustache"));
  EXPECT_EQ(e.where().place, "2:1");
}

// --- caching ------------------------------------------------------------------------

TEST_F(RenderTest, TemplatesAreReadOnceAndRenderingRepeats) {
  write("section.mustache", "## {{heading}}\n");
  Renderer r = renderer("::title {{organization}}\n{{#review}}{{#sections}}{{> section}}{{/sections}}{{/review}}");
  const Value d = data(R"({"organization": "某区政协", "review": {"sections": [{"heading": "协商"}]}})");
  const RenderResult first = r.render(d);
  // Changing the files on disk does not change a Renderer made before.
  write("report.mustache", "changed\n");
  write("section.mustache", "changed\n");
  const RenderResult second = r.render(d);
  EXPECT_EQ(first.markup, "::title 某区政协\n## 协商\n");
  EXPECT_EQ(second.markup, first.markup);
  EXPECT_EQ(second.findings.size(), first.findings.size());

  Renderer moved = std::move(r);
  EXPECT_EQ(moved.render(d).markup, first.markup);
  EXPECT_EQ(moved.manifest().title, "测试报告");
}

}  // namespace
}  // namespace baogao
