// The limits of docs/limits.md: each one refuses what is over it with a clear
// InputError ("too_large", or "corrupt_zip" / "template_syntax" where the input is
// malformed rather than big), and lets through what is under it. Small limits are
// set through the options so that the inputs stay tiny.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "drafting/csv_reader.hpp"
#include "drafting/error.hpp"
#include "drafting/limits.hpp"
#include "drafting/manifest.hpp"
#include "drafting/readers.hpp"
#include "drafting/render.hpp"
#include "drafting/xlsx_reader.hpp"

namespace fs = std::filesystem;
using baogao::InputError;
using baogao::ReadOptions;

namespace {

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPkg = "http://schemas.openxmlformats.org/package/2006/relationships";

class LimitsTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("baogao-limits-" + std::to_string(::getpid()) + "-" +
                                        testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  using Entries = std::vector<std::pair<std::string, std::string>>;

  /// A workbook with `sheets` sheets (all the same part), `sheet_data` inside
  /// <sheetData>, `strings` as <si> items, and `extra` entries added as they are.
  std::string xlsx(const std::string& sheet_data, const std::string& strings = "", int sheets = 1,
                   const Entries& extra = {}) {
    Entries e;
    e.emplace_back("_rels/.rels", std::string("<?xml version=\"1.0\"?><Relationships xmlns=\"") + kPkg +
                                      "\"><Relationship Id=\"rId1\" Type=\"" + kRel +
                                      "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    std::string list;
    for (int i = 1; i <= sheets; ++i)
      list += "<sheet name=\"s" + std::to_string(i) + "\" sheetId=\"" + std::to_string(i) + "\" r:id=\"rId1\"/>";
    e.emplace_back("xl/workbook.xml", std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kMain +
                                          "\" xmlns:r=\"" + kRel + "\"><sheets>" + list + "</sheets></workbook>");
    e.emplace_back("xl/_rels/workbook.xml.rels",
                   std::string("<?xml version=\"1.0\"?><Relationships xmlns=\"") + kPkg +
                       "\"><Relationship Id=\"rId1\" Type=\"" + kRel +
                       "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + kRel +
                       "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
    e.emplace_back("xl/worksheets/sheet1.xml", std::string("<?xml version=\"1.0\"?><worksheet xmlns=\"") + kMain +
                                                   "\"><sheetData>" + sheet_data + "</sheetData></worksheet>");
    e.emplace_back("xl/sharedStrings.xml",
                   std::string("<?xml version=\"1.0\"?><sst xmlns=\"") + kMain + "\">" + strings + "</sst>");
    for (const auto& x : extra) e.push_back(x);
    const std::string path = (dir_ / ("book" + std::to_string(++count_) + ".xlsx")).string();
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    EXPECT_NE(z, nullptr);
    for (const auto& [name, content] : e) {
      zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
      EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0) << name;
    }
    EXPECT_EQ(zip_close(z), 0);
    return path;
  }

  /// "(no error)" or "category: message".
  static std::string outcome(const std::string& path, const ReadOptions& options = {}) {
    try {
      baogao::read_xlsx(path, options);
    } catch (const InputError& e) {
      return e.category() + ": " + e.what();
    }
    return "(no error)";
  }

  fs::path template_dir(const std::vector<std::pair<std::string, std::string>>& files) {
    const fs::path d = dir_ / ("tpl" + std::to_string(++count_));
    fs::create_directories(d);
    std::ofstream(d / "manifest.yaml") << "title: 测试\n";
    for (const auto& [name, text] : files) std::ofstream(d / name) << text;
    return d;
  }

  static std::string render_outcome(const fs::path& dir, const std::string& json,
                                    const baogao::TemplateLimits& limits = {}) {
    try {
      baogao::Renderer renderer(baogao::load_manifest(dir), limits);
      renderer.render(baogao::parse_json(json, "data.json"));
    } catch (const InputError& e) {
      return e.category() + ": " + e.what();
    }
    return "(no error)";
  }

  fs::path dir_;
  int count_ = 0;
};

::testing::AssertionResult starts_with(const std::string& text, const std::string& prefix) {
  if (text.rfind(prefix, 0) == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" does not start with \"" << prefix << "\"";
}

// ------------------------------------------------------------------ .xlsx

TEST_F(LimitsTest, XlsxUnderEveryDefaultLimitReads) {
  EXPECT_EQ(outcome(xlsx("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "<si><t>单位</t></si>")),
            "(no error)");
}

TEST_F(LimitsTest, XlsxInputFileSize) {
  ReadOptions o;
  o.max_input_bytes = 100;
  const auto r = outcome(xlsx(""), o);
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  EXPECT_NE(r.find("(--limit input-size)"), std::string::npos) << r;
}

TEST_F(LimitsTest, XlsxNumberOfSheets) {
  ReadOptions o;
  o.max_sheets = 3;
  EXPECT_EQ(outcome(xlsx("", "", 3), o), "(no error)");
  const auto r = outcome(xlsx("", "", 4), o);
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  EXPECT_NE(r.find("xl/workbook.xml"), std::string::npos) << r;
}

TEST_F(LimitsTest, XlsxRows) {
  ReadOptions o;
  o.max_rows = 5;
  EXPECT_EQ(outcome(xlsx("<row r=\"5\"><c r=\"A5\"><v>1</v></c></row>"), o), "(no error)");
  const auto r = outcome(xlsx("<row r=\"6\"><c r=\"B6\"><v>1</v></c></row>"), o);
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  EXPECT_NE(r.find("s1!B6"), std::string::npos) << r;
}

TEST_F(LimitsTest, XlsxEmptyRowsCostNothing) {
  std::string rows;
  for (int i = 1; i <= 20000; ++i) rows += "<row r=\"" + std::to_string(i) + "\"/>";
  const auto book = baogao::read_xlsx(xlsx(rows + "<row r=\"20001\"><c r=\"A20001\"><v>7</v></c></row>"));
  ASSERT_EQ(book.sheets.size(), 1u);
  EXPECT_EQ(book.sheets[0].cells.size(), 1u);
}

TEST_F(LimitsTest, XlsxCellCount) {
  ReadOptions o;
  o.max_cells = 2;
  const auto r = outcome(xlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c><c r=\"C1\"><v>3</v></c></row>"), o);
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
}

TEST_F(LimitsTest, XlsxLengthOfOneCell) {
  ReadOptions o;
  o.max_cell_bytes = 16;
  EXPECT_EQ(outcome(xlsx("", "<si><t>0123456789abcdef</t></si>"), o), "(no error)");
  auto r = outcome(xlsx("", "<si><t>0123456789abcdefg</t></si>"), o);
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  EXPECT_NE(r.find("xl/sharedStrings.xml"), std::string::npos) << r;
  // Rich text: each run is short, together they are not.
  r = outcome(xlsx("", "<si><r><t>0123456789</t></r><r><t>0123456789</t></r></si>"), o);
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  // An inline string in the sheet.
  r = outcome(xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + std::string(40, 'x') + "</t></is></c></row>"), o);
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  EXPECT_NE(r.find("xl/worksheets/sheet1.xml"), std::string::npos) << r;
}

TEST_F(LimitsTest, XlsxXmlNestingDepth) {
  ReadOptions o;
  o.max_xml_depth = 10;
  std::string deep;
  for (int i = 0; i < 12; ++i) deep += "<x>";
  for (int i = 0; i < 12; ++i) deep += "</x>";
  const auto r = outcome(xlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + deep), o);
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  EXPECT_NE(r.find("(--limit xml-depth)"), std::string::npos) << r;
}

TEST_F(LimitsTest, XlsxEntryNamesAreOpcPartNames) {
  for (const std::string bad : {"../evil.xml", "xl/../../evil.xml", "/etc/evil.xml", "C:/evil.xml"}) {
    const auto r = outcome(xlsx("", "", 1, {{bad, "<x/>"}}));
    EXPECT_TRUE(starts_with(r, "corrupt_zip: ")) << bad << " → " << r;
    EXPECT_NE(r.find(bad), std::string::npos) << r;
  }
  // The same part twice, in another case: OPC compares part names ignoring case.
  const auto r = outcome(xlsx("", "", 1, {{"XL/WORKBOOK.XML", "<x/>"}}));
  EXPECT_TRUE(starts_with(r, "corrupt_zip: ")) << r;
}

// ------------------------------------------------------------------ .csv

TEST_F(LimitsTest, CsvLengthOfOneFieldAndRows) {
  ReadOptions o;
  o.max_cell_bytes = 8;
  EXPECT_NO_THROW(baogao::parse_csv("a,12345678\n", "t.csv", "t", o));
  try {
    baogao::parse_csv("a,b\nc,123456789\n", "t.csv", "t", o);
    ADD_FAILURE() << "expected too_large";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "too_large");
    EXPECT_EQ(e.where().place, "2:3");
  }
  ReadOptions rows;
  rows.max_rows = 2;
  EXPECT_NO_THROW(baogao::parse_csv("a\nb\n", "t.csv", "t", rows));
  EXPECT_THROW(baogao::parse_csv("a\nb\nc\n", "t.csv", "t", rows), InputError);
}

// ------------------------------------------------------------------ data

TEST_F(LimitsTest, JsonNestingDepth) {
  auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  EXPECT_NO_THROW(baogao::parse_json(nested(baogao::kMaxJsonDepth), "d.json"));
  try {
    baogao::parse_json(nested(baogao::kMaxJsonDepth + 1), "d.json");
    ADD_FAILURE() << "expected too_large";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "too_large");
    EXPECT_EQ(e.where().place, "1:" + std::to_string(baogao::kMaxJsonDepth + 1));
  }
  EXPECT_THROW(baogao::parse_json(nested(100000), "d.json"), InputError);  // no stack overflow
  EXPECT_THROW(baogao::parse_json("{\"a\":{\"b\":[1]}}", "d.json", 2), InputError);
}

// ------------------------------------------------------------------ templates

TEST_F(LimitsTest, PartialThatIncludesItselfOutsideASectionIsRefused) {
  const auto d = template_dir({{"report.mustache", "::title x\n{{> a}}\n"},
                               {"a.mustache", "{{^flag}}a{{> b}}{{/flag}}\n"},
                               {"b.mustache", "b{{> a}}\n"}});
  const auto r = render_outcome(d, "{}");
  EXPECT_TRUE(starts_with(r, "template_syntax: ")) << r;
  EXPECT_NE(r.find("a → b → a"), std::string::npos) << r;
}

TEST_F(LimitsTest, RecursionThroughTheDataStopsAtTheRenderDepth) {
  const auto d = template_dir({{"report.mustache", "::title x\n{{#tree}}{{> node}}{{/tree}}\n"},
                               {"node.mustache", "n{{#children}}{{> node}}{{/children}}\n"}});
  // A finite tree renders (each leaf says it has no children: a leaf without the key
  // would find its parent's "children" up the context stack, as Mustache looks names up) …
  EXPECT_EQ(render_outcome(d, R"({"tree": {"children": [{"children": [{"children": []}]}]}})"), "(no error)");
  // … `true` keeps the same context (and a name missing in an item is found in the
  // items around it): without the limit this recursion never ends.
  const auto r = render_outcome(d, R"({"tree": {"children": true}})");
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  EXPECT_NE(r.find("report.mustache"), std::string::npos) << r;
  EXPECT_TRUE(starts_with(render_outcome(d, R"({"tree": {"children": [{"x": 1}]}})"), "too_large: "));
}

TEST_F(LimitsTest, TemplateNestingAndSize) {
  std::string deep = "::title x\n";
  for (std::size_t i = 0; i <= baogao::kMaxTemplateNesting; ++i) deep += "{{#a" + std::to_string(i) + "}}";
  for (std::size_t i = baogao::kMaxTemplateNesting + 1; i-- > 0;) deep += "{{/a" + std::to_string(i) + "}}";
  auto r = render_outcome(template_dir({{"report.mustache", deep}}), "{}");
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  EXPECT_NE(r.find("report.mustache:2:"), std::string::npos) << r;

  const std::string big = "::title x\n" + std::string(baogao::kMaxTemplateBytes, 'x') + "\n";
  r = render_outcome(template_dir({{"report.mustache", big}}), "{}");
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
}

// ------------------------------------------------------------------ --limit NAME=VALUE

std::string set_outcome(baogao::Limits& limits, const std::string& setting) {
  try {
    baogao::set_limit(limits, setting);
  } catch (const InputError& e) {
    return e.category() + ": " + e.what();
  }
  return "(no error)";
}

TEST(LimitSettings, EveryNameSetsItsLimitAndSizesTakeUnits) {
  baogao::Limits limits;
  for (const auto& info : baogao::limit_names()) {
    EXPECT_GT(baogao::limit_value(limits, info.name), 0u) << info.name;  // every default is set
    EXPECT_EQ(set_outcome(limits, std::string(info.name) + "=7"), "(no error)") << info.name;
    EXPECT_EQ(baogao::limit_value(limits, info.name), 7u) << info.name;
  }
  EXPECT_EQ(limits.read.max_cells, 7u);
  EXPECT_EQ(limits.read.max_xml_depth, 7);
  EXPECT_EQ(limits.templates.max_render_depth, 7u);
  baogao::set_limit(limits, "cell-size=2K");
  EXPECT_EQ(limits.read.max_cell_bytes, 2048u);
  baogao::set_limit(limits, "part-size=3M");
  EXPECT_EQ(limits.read.max_part_bytes, 3u << 20);
  baogao::set_limit(limits, "input-size=1G");
  EXPECT_EQ(limits.read.max_input_bytes, 1u << 30);
  EXPECT_EQ(baogao::limits_from({"rows=10", "rows=20"}).read.max_rows, 20u);  // the last one wins
}

TEST(LimitSettings, BadSettingsAreUsageErrorsThatSayWhatIsExpected) {
  baogao::Limits limits;
  const std::pair<const char*, const char*> cases[] = {
      {"cells", "expected NAME=VALUE, NAME one of input-size, "},
      {"colour=3", "expected a NAME among input-size, "},
      {"cells=", "expected a whole number ≥ 1"},
      {"cells=0", "expected a whole number ≥ 1"},
      {"cells=-5", "expected a whole number ≥ 1"},
      {"cells=2K", "expected a whole number ≥ 1"},  // K, M, G are for sizes only
      {"cell-size=1T", "expected a whole number of bytes ≥ 1, optionally ending in K, M or G"},
      {"render-depth=1001", "expected render-depth at most 1000"},
      {"part-size=99999999999999999999", "expected a whole number of bytes"},
      {"input-size=99999999999G", "expected input-size at most"},
  };
  for (const auto& [setting, expected] : cases) {
    const auto r = set_outcome(limits, setting);
    EXPECT_TRUE(starts_with(r, std::string("usage: --limit: found '") + setting + "'")) << r;
    EXPECT_NE(r.find(expected), std::string::npos) << setting << " → " << r;
  }
  EXPECT_EQ(baogao::limits_from({}).read.max_cells, ReadOptions{}.max_cells);  // nothing changed
}

TEST_F(LimitsTest, ALimitSetLowIsHonouredByEachReader) {
  baogao::Limits limits = baogao::limits_from({"cells=2"});
  const auto path = xlsx(R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>)");
  EXPECT_EQ(outcome(path), "(no error)");
  EXPECT_TRUE(starts_with(outcome(path, limits.read), "too_large: ")) << outcome(path, limits.read);
  EXPECT_NE(outcome(path, limits.read).find("(--limit cells)"), std::string::npos);

  const fs::path json = dir_ / "d.json";
  std::ofstream(json) << R"({"a": {"b": [1, 2]}})";
  EXPECT_NO_THROW(baogao::read_data_file(json.string()));
  try {
    baogao::read_data_file(json.string(), nullptr, nullptr, baogao::limits_from({"data-depth=2"}).read);
    ADD_FAILURE() << "expected too_large";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "too_large");
    EXPECT_EQ(e.where().place, "1:13");  // the [ one level too deep
  }
  EXPECT_THROW(baogao::read_data_file(json.string(), nullptr, nullptr, baogao::limits_from({"input-size=10"}).read),
               InputError);

  const fs::path yaml = dir_ / "d.yaml";
  std::ofstream(yaml) << "a: &x [1, 2, 3]\nb: [*x, *x]\n";
  EXPECT_NO_THROW(baogao::read_data_file(yaml.string()));
  try {
    baogao::read_data_file(yaml.string(), nullptr, nullptr, baogao::limits_from({"yaml-values=8"}).read);
    ADD_FAILURE() << "expected too_large";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "too_large");
    EXPECT_NE(std::string(e.what()).find("(--limit yaml-values)"), std::string::npos) << e.what();
  }
}

TEST_F(LimitsTest, TemplateLimitsSetLowAreHonoured) {
  const auto d = template_dir({{"report.mustache", "::title x\n{{#a}}{{#b}}{{c}}{{/b}}{{/a}}\n"}});
  EXPECT_EQ(render_outcome(d, R"({"a": {"b": {"c": 1}}})"), "(no error)");
  baogao::TemplateLimits limits;
  limits.max_template_nesting = 1;
  EXPECT_TRUE(starts_with(render_outcome(d, "{}", limits), "too_large: "));
  limits = {};
  limits.max_render_depth = 1;
  const auto r = render_outcome(d, R"({"a": {"b": {"c": 1}}})", limits);
  EXPECT_TRUE(starts_with(r, "too_large: ")) << r;
  EXPECT_NE(r.find("(--limit render-depth)"), std::string::npos) << r;
  limits = {};
  limits.max_template_bytes = 10;
  EXPECT_TRUE(starts_with(render_outcome(d, "{}", limits), "too_large: "));
}

}  // namespace
