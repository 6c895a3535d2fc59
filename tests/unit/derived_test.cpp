// Derived figures (manifest `derive`, drafting/derived.hpp) and template forms
// (`{{name|form}}`, drafting/figure_forms.hpp), through load_manifest and the render.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "drafting/checks.hpp"
#include "drafting/error.hpp"
#include "drafting/figure_forms.hpp"
#include "drafting/readers.hpp"
#include "drafting/render.hpp"

namespace baogao {
namespace {

namespace fs = std::filesystem;

const char* kManifest = R"yaml(title: 测试
fields:
  - key: meeting
    label: 会议
    type: group
    fields:
      - {key: term, label: 届次, type: integer, min: 1}
      - {key: session, label: 会次, type: integer, min: 1}
      - {key: name, label: 届次会议, type: text, derive: "session(term, session)"}
      - {key: date, label: 日期, type: date}
  - key: proposals
    label: 提案
    type: group
    fields:
      - {key: filed, label: 立案件数, type: integer, unit: 件, derive: "sum(table.rows.count)"}
      - {key: answered, label: 办结件数, type: integer, unit: 件}
      - {key: rate, label: 办复率, type: percent, derive: "rate(answered, filed)", max: 100}
      - {key: last_year, label: 上年立案件数, type: integer, unit: 件}
      - {key: change, label: 比上年, type: integer, unit: 件, derive: "change(filed, last_year)"}
      - {key: open, label: 未办结, type: integer, unit: 件, derive: "difference(filed, answered)"}
  - key: table
    label: 分类表
    type: group
    fields:
      - key: rows
        label: 行
        type: table
        fields:
          - {key: name, label: 类别}
          - {key: count, label: 件数, type: integer}
      - {key: total, label: 合计, type: integer, derive: "sum(rows.count)"}
  - {key: investment, label: 投资, type: amount, precision: 1}
  - {key: growth, label: 增速, type: percent}
  - {key: place, label: 地点}
)yaml";

const char* kData = R"({
  "meeting": {"term": 8, "session": 2, "date": "2017-12-13"},
  "proposals": {"answered": 41, "last_year": 38},
  "table": {"rows": [{"name": "民生", "count": 12}, {"name": "法治", "count": 9}, {"name": "文化", "count": 8},
                     {"name": "城建", "count": 7}, {"name": "经济", "count": 6}]},
  "investment": 246000000,
  "growth": 12.5,
  "place": "青溪"
})";

class DerivedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("baogao-derived-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write("manifest.yaml", kManifest);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name, std::ios::binary) << text; }

  RenderResult render(const std::string& entry, const std::string& json = kData) {
    write("report.mustache", entry);
    Renderer renderer(load_manifest(dir_));
    return renderer.render(parse_json(json, "data.json"));
  }
  std::string markup(const std::string& entry, const std::string& json = kData) {
    RenderResult r = render(entry, json);
    for (const auto& f : r.findings) ADD_FAILURE() << format_finding(f);
    return r.markup;
  }
  std::string manifest_error(const std::string& manifest) {
    write("manifest.yaml", manifest);
    write("report.mustache", "x");
    try {
      load_manifest(dir_);
    } catch (const InputError& e) {
      EXPECT_EQ(e.category(), "bad_manifest");
      return e.what();
    }
    ADD_FAILURE() << "no error for\n" << manifest;
    return {};
  }

  fs::path dir_;
};

TEST_F(DerivedTest, UnstatedDerivedFiguresAreComputedWithTheirDerivation) {
  EXPECT_EQ(markup("{{#proposals}}{{filed}}|{{rate}}|{{change}}|{{open}}{{/proposals}}"),
            "[42]{derivation=\"= 12 + 9 + 8 + 7 + 6\"}|[97.6%]{derivation=\"= 41 / 42 × 100%\"}|"
            "[增加4件]{derivation=\"= 42 − 38\"}|[1]{derivation=\"= 42 − 41\"}");
  EXPECT_EQ(markup("{{#table}}{{total}}{{/table}}"), "[42]{derivation=\"= 12 + 9 + 8 + 7 + 6\"}");
  EXPECT_EQ(markup("{{#meeting}}{{name}}{{/meeting}}"), "八届二次会议");
}

TEST_F(DerivedTest, StatedFiguresKeepTheirSourceAndGainTheDerivation) {
  const std::string json = R"({"proposals": {"filed": 42, "answered": 42, "rate": 100},
    "table": {"rows": [{"name": "民生", "count": 30}, {"name": "法治", "count": 12}]}})";
  EXPECT_EQ(markup("{{#proposals}}{{filed}} {{rate}}{{/proposals}}", json),
            "[42]{src=\"data.json:/proposals/filed\" derivation=\"= 30 + 12\"} "
            "[100%]{src=\"data.json:/proposals/rate\" derivation=\"= 42 / 42 × 100%\"}");
}

TEST_F(DerivedTest, ADerivationWithoutItsOperandsRendersNothing) {
  EXPECT_EQ(markup("{{#proposals}}[{{filed}}][{{change}}]{{/proposals}}", R"({"proposals": {"answered": 3}})"),
            "[][]");
}

TEST_F(DerivedTest, FormsOfFigures) {
  struct Case {
    const char* tag;
    const char* out;
  };
  for (const Case& c : {
           Case{"{{#meeting}}{{term|zh}}{{/meeting}}", "[八]{src=\"data.json:/meeting/term\"}"},
           Case{"{{#meeting}}{{session|ordinal}}次{{/meeting}}", "[第二]{src=\"data.json:/meeting/session\"}次"},
           Case{"{{#meeting}}{{name|full}}{{/meeting}}", "第八届委员会第二次会议"},
           Case{"{{#meeting}}{{name|short}}{{/meeting}}", "八届二次会议"},
           Case{"{{#meeting}}{{date|month}}{{/meeting}}", "2017年12月"},
           Case{"{{#meeting}}{{date|year}}{{/meeting}}", "2017年"},
           Case{"{{#meeting}}{{date|zh_date}}{{/meeting}}", "二〇一七年十二月十三日"},
           Case{"{{#meeting}}{{date|iso}}{{/meeting}}", "2017-12-13"},
           Case{"{{investment}}", "[2.5亿元]{src=\"data.json:/investment\"}"},
           Case{"{{investment|amount:2}}", "[2.46亿元]{src=\"data.json:/investment\"}"},
           Case{"{{investment|wan}}", "[24600万元]{src=\"data.json:/investment\"}"},
           Case{"{{investment|yi:0}}", "[2亿元]{src=\"data.json:/investment\"}"},
           Case{"{{growth|percent:0}}", "[13%]{src=\"data.json:/growth\"}"},
           Case{"{{#proposals}}{{rate|percent:2}}{{/proposals}}", "[97.62%]{derivation=\"= 41 / 42 × 100%\"}"},
           Case{"{{#proposals}}{{change|percent}}{{/proposals}}",
                "[增长10.5%]{derivation=\"= (42 − 38) / 38 × 100%\"}"},
           Case{"{{#proposals}}{{change|count}}{{/proposals}}", "[增加4件]{derivation=\"= 42 − 38\"}"},
           Case{"{{#proposals}}{{ change | percent:2 }}{{/proposals}}",
                "[增长10.53%]{derivation=\"= (42 − 38) / 38 × 100%\"}"},
           Case{"{{#proposals}}{{#change|percent}}（{{change|percent}}）{{/change|percent}}{{/proposals}}",
                "（[增长10.5%]{derivation=\"= (42 − 38) / 38 × 100%\"}）"},
       })
    EXPECT_EQ(markup(c.tag), c.out) << c.tag;
}

TEST_F(DerivedTest, AFormThatDoesNotFitShowsTheDefaultWithAWarning) {
  const RenderResult r = render("{{place|zh}}{{growth|wan}}{{growth|wan}}");
  EXPECT_EQ(r.markup, "青溪[12.5%]{src=\"data.json:/growth\"}[12.5%]{src=\"data.json:/growth\"}");
  ASSERT_EQ(r.findings.size(), 2u);  // the same tag is reported once
  EXPECT_EQ(r.findings[0].code, "form_not_applicable");
  EXPECT_NE(r.findings[0].message.find("place|zh"), std::string::npos) << r.findings[0].message;
  EXPECT_NE(r.findings[1].message.find("growth|wan"), std::string::npos) << r.findings[1].message;
}

TEST_F(DerivedTest, AnUnknownFormIsATemplateError) {
  write("report.mustache", "第一行\n{{growth|roman}}");
  try {
    Renderer renderer(load_manifest(dir_));
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "template_syntax");
    EXPECT_EQ(e.where().place, "2:1");
    EXPECT_NE(std::string(e.what()).find("expected one of: zh"), std::string::npos) << e.what();
  }
  write("report.mustache", "{{growth|zh:2}}");
  EXPECT_THROW(Renderer(load_manifest(dir_)), InputError);
  write("report.mustache", "{{growth|percent:9}}");
  EXPECT_THROW(Renderer(load_manifest(dir_)), InputError);
}

TEST_F(DerivedTest, ChecksUseTheSameDerivations) {
  const std::string json = R"({"proposals": {"filed": 40, "answered": 40, "rate": 100, "last_year": 38, "change": 3},
    "table": {"rows": [{"name": "民生", "count": 30}, {"name": "法治", "count": 12}], "total": 42}})";
  write("report.mustache", "x");
  const Findings findings = check_data(parse_json(json, "data.json"), load_manifest(dir_));
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].code, "sum_mismatch");
  EXPECT_EQ(findings[0].where.place, "/proposals/filed");
  EXPECT_NE(findings[0].message.find("民生30 + 法治12 = 42"), std::string::npos) << findings[0].message;
  EXPECT_EQ(findings[1].code, "difference_mismatch");
  EXPECT_EQ(findings[1].where.place, "/proposals/change");
}

TEST_F(DerivedTest, ManifestErrorsNameTheDerivation) {
  const std::string head = "title: t\nfields:\n  - {key: a, label: A, type: integer}\n"
                           "  - {key: rows, label: R, type: table, fields: [{key: n, label: N, type: integer}]}\n";
  struct Case {
    const char* field;
    const char* expected;
  };
  for (const Case& c : {
           Case{"{key: x, label: X, type: integer, derive: \"total(a)\"}", "expected sum(PATH)"},
           Case{"{key: x, label: X, type: integer, derive: \"sum(a, a)\"}", "expected 1 for sum()"},
           Case{"{key: x, label: X, type: integer, derive: \"sum(b.n)\"}", "names \"b\""},
           Case{"{key: x, label: X, type: integer, derive: \"sum(a)\"}", "goes through no list"},
           Case{"{key: x, label: X, type: percent, derive: \"rate(rows.n, a)\"}", "goes through a list"},
           Case{"{key: x, label: X, type: integer, derive: \"rate(a, a)\"}", "expected percent"},
           Case{"{key: x, label: X, type: integer, derive: \"session(a, a)\"}", "expected text"},
           Case{"{key: x, label: X, type: integer, derive: \"sum(rows.m)\"}", "has no field \"m\""},
           Case{"{key: x, label: X, type: integer, precision: 9}", "from 0 to 6"},
           Case{"{key: x, label: X, type: text, min: 0}", "only on integer"},
           Case{"{key: \"x|y\", label: X}", "without dots, spaces, |"},
       })
    EXPECT_NE(manifest_error(head + "  - " + c.field + "\n").find(c.expected), std::string::npos) << c.field;
  EXPECT_NE(manifest_error(head + "dates: {meeting_date: meeting.day}\n").find("names no field \"meeting\""),
            std::string::npos);
}

TEST(FigureForms, ApplyDirectly) {
  std::string why;
  const FigureInfo count{FieldType::integer, Derivation::Kind::none, "30余", "条", -1, {}};
  EXPECT_EQ(apply_form(count, *parse_form("zh", nullptr), &why), "三十余");
  EXPECT_EQ(apply_form(count, *parse_form("ordinal", nullptr), &why), std::nullopt);
  EXPECT_NE(why.find("不是正整数"), std::string::npos);
  const FigureInfo words{FieldType::integer, Derivation::Kind::none, "十多", "", -1, {}};
  EXPECT_EQ(apply_form(words, *parse_form("arabic", nullptr), &why), "10多");
  const FigureInfo amount{FieldType::amount, Derivation::Kind::none, "10余万元", "", -1, {}};
  EXPECT_EQ(apply_form(amount, *parse_form("yi", nullptr), &why), "10余万元");  // approximate: as written
  const FigureInfo money{FieldType::amount, Derivation::Kind::none, "30000000", "", -1, {}};
  EXPECT_EQ(apply_form(money, *parse_form("zh", nullptr), &why), std::nullopt);  // no 三千万元 (rule N13)
  const FigureInfo fall{FieldType::integer, Derivation::Kind::change, "-3", "件", -1, {}};
  EXPECT_EQ(apply_form(fall, *parse_form("count", nullptr), &why), "减少3件");
  EXPECT_EQ(change_wording(fall), "减少3件");
  std::string error;
  EXPECT_FALSE(parse_form("amount:x", &error));
  EXPECT_NE(error.find("0 to 6"), std::string::npos);
}

}  // namespace
}  // namespace baogao
