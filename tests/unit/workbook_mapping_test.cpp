// Workbooks → the data tree (drafting/workbook_mapping.hpp): sheets and headers found
// by label, key or folded forms; rows numbered by 序号 or by order; nested sheets by
// 所在位置; values converted by type with their cell as source; one finding per
// problem, at its cell.
#include "drafting/workbook_mapping.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "drafting/error.hpp"
#include "drafting/readers.hpp"
#include "drafting/render.hpp"

namespace baogao {
namespace {

namespace fs = std::filesystem;

const Manifest& cppcc() {
  static const Manifest m = load_manifest(BAOGAO_TEMPLATE_DIR "/cppcc-standing-committee");
  return m;
}

/// A cell: text, or a number when `number` is set.
struct C {
  std::string ref;
  std::string text;
  Cell::Type type = Cell::Type::string;
  bool percent = false;
};
C num(std::string ref, std::string text, bool percent = false) { return C{std::move(ref), std::move(text), Cell::Type::number, percent}; }
C date(std::string ref, std::string iso) { return C{std::move(ref), std::move(iso), Cell::Type::date}; }

Sheet sheet(const std::string& name, std::vector<C> cells, SheetState state = SheetState::visible) {
  Sheet s;
  s.name = name;
  s.state = state;
  for (auto& c : cells) {
    Cell cell;
    const auto ref = *parse_cell_ref(c.ref);
    cell.row = ref.row;
    cell.column = ref.column;
    cell.type = c.type;
    cell.text = c.text;
    cell.percent = c.percent;
    if (c.type == Cell::Type::number) cell.number = std::stod(c.text);
    s.cells.push_back(cell);
  }
  std::sort(s.cells.begin(), s.cells.end(),
            [](const Cell& a, const Cell& b) { return a.row < b.row || (a.row == b.row && a.column < b.column); });
  return s;
}

Workbook book(std::vector<Sheet> sheets) {
  Workbook w;
  w.file = "data.xlsx";
  w.sheets = std::move(sheets);
  return w;
}

const Value& at(const Value& v, const std::string& path) {
  // "review.sections[0].items[1].text"
  const Value* cur = &v;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') ++i;
    if (path[i] == '[') {
      const auto close = path.find(']', i);
      const std::size_t n = std::stoul(path.substr(i + 1, close - i - 1));
      EXPECT_TRUE(cur->is_array() && n < cur->items.size()) << path;
      if (!cur->is_array() || n >= cur->items.size()) {
        static const Value none;
        return none;
      }
      cur = &cur->items[n];
      i = close + 1;
      continue;
    }
    const auto end = path.find_first_of(".[", i);
    const std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
    const Value* next = cur->find(key);
    EXPECT_NE(next, nullptr) << path << " at " << key;
    if (!next) {
      static const Value none;
      return none;
    }
    cur = next;
    i = end == std::string::npos ? path.size() : end;
  }
  return *cur;
}

std::vector<std::string> lines(const Findings& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(format_finding(f));
  return out;
}

// ------------------------------------------------------------------ 基本信息

TEST(MapWorkbook, KeyValueSheet) {
  Findings findings;
  const Value data = map_workbook(book({sheet("基本信息", {{"A1", "项目"}, {"B1", "内容"}, {"C1", "说明"},
                                                            {"A2", "单位名称"}, {"B2", "政协某区委员会"}, {"C2", "必填"},
                                                            {"A3", "报告标题"}, {"B3", "政协某区委员会"},
                                                            {"A4", "报告标题"}, {"B4", "常务委员会工作报告"},
                                                            {"A5", "报告日期"}, date("B5", "2017-12-13"),
                                                            {"A6", "会议名称"},  // blank: absent
                                                            {"A7", "下一年份"}, num("B7", "2018")})}),
                                  cppcc(), findings);
  EXPECT_TRUE(findings.empty()) << testing::PrintToString(lines(findings));
  EXPECT_EQ(at(data, "organization").text, "政协某区委员会");
  EXPECT_EQ(at(data, "organization").source.to_string(), "data.xlsx:基本信息!B2");
  ASSERT_EQ(at(data, "title_lines").items.size(), 2u);
  EXPECT_EQ(at(data, "title_lines[1]").text, "常务委员会工作报告");
  EXPECT_EQ(at(data, "title_lines[1]").source.place, "基本信息!B4");
  EXPECT_EQ(at(data, "meeting.date").text, "2017-12-13");
  EXPECT_EQ(at(data, "meeting").find("name"), nullptr);
  EXPECT_EQ(at(data, "plan.year").kind, Value::Kind::string);  // a text field: the number as written
  EXPECT_EQ(at(data, "plan.year").text, "2018");
}

TEST(MapWorkbook, LabelsMatchFoldedOrByKey) {
  Findings findings;
  const Value data = map_workbook(book({sheet("基本信息 ", {{"A1", "　单位 名称 "}, {"B1", "甲"},
                                                             {"A2", "meeting.date"}, {"B2", "2017年12月13日"},
                                                             {"A3", "Salutation"}, {"B3", "各位委员："},
                                                             {"A4", "报告人·报告人姓名"}, {"B4", "乙"}})}),
                                  cppcc(), findings);
  EXPECT_TRUE(findings.empty()) << testing::PrintToString(lines(findings));
  EXPECT_EQ(at(data, "organization").text, "甲");
  EXPECT_EQ(at(data, "meeting.date").text, "2017-12-13");
  EXPECT_EQ(at(data, "salutation").text, "各位委员：");
  EXPECT_EQ(at(data, "speaker.name").text, "乙");
}

TEST(MapWorkbook, UnknownLabelsSheetsAndRepeatsAreWarnings) {
  Findings findings;
  map_workbook(book({sheet("填写说明", {{"A1", "说明文字"}}),
                     sheet("基本信息", {{"A1", "单位名称"}, {"B1", "甲"}, {"A2", "备注"}, {"B2", "x"},
                                       {"A3", "单位名称"}, {"B3", "乙"}}),
                     sheet("Sheet1", {{"A1", "x"}}), sheet("隐藏", {{"A1", "x"}}, SheetState::hidden)}),
               cppcc(), findings);
  const auto l = lines(findings);
  ASSERT_EQ(l.size(), 3u) << testing::PrintToString(l);
  EXPECT_EQ(l[0].rfind("data.xlsx:Sheet1: warning: the sheet \"Sheet1\" is not part of this template's workbook; ignored "
                       "(expected 基本信息, 工作回顾导语, 分项工作",
                       0),
            0u)
      << l[0];
  EXPECT_EQ(l[1], "data.xlsx:基本信息!A2: warning: \"备注\" is not a field of this template; the row is ignored [unknown_label]");
  EXPECT_EQ(l[2], "data.xlsx:基本信息!B3: warning: \"单位名称\" is already given in 基本信息!B1; this value is ignored [duplicate]");
}

// ------------------------------------------------------------------ table sheets

Sheet sections_sheet(std::vector<C> rows) {
  std::vector<C> cells{{"A1", "序号"}, {"B1", "分项工作标题"}, {"C1", "段首语"}, {"D1", "段落正文"},
                       {"E1", "提案工作·立案件数"}, {"F1", "提案工作·办复率"},
                       {"A2", "填写说明"}, {"B2", "必填；文字"}, {"E2", "必填；整数"}};
  cells.insert(cells.end(), rows.begin(), rows.end());
  return sheet("分项工作", cells);
}

TEST(MapWorkbook, RowsWithoutNumbersFollowInOrder) {
  Findings findings;
  const Value data = map_workbook(book({sections_sheet({{"B3", "协商"}, {"D3", "第一段"},
                                                         {"C4", "段首。"}, {"D4", "第二段"},
                                                         {"B5", "监督"},
                                                         {"D6", "监督第一段"}, num("E6", "42"), num("F6", "1", true)})}),
                                  cppcc(), findings);
  EXPECT_TRUE(findings.empty()) << testing::PrintToString(lines(findings));
  const Value& sections = at(data, "review.sections");
  ASSERT_EQ(sections.items.size(), 2u);
  EXPECT_EQ(at(data, "review.sections[0].title").text, "协商");
  ASSERT_EQ(at(data, "review.sections[0].items").items.size(), 2u);
  EXPECT_EQ(at(data, "review.sections[0].items[1].lead").text, "段首。");
  EXPECT_EQ(at(data, "review.sections[0].items[1]").source.place, "分项工作!4:4");
  EXPECT_EQ(at(data, "review.sections[1].title").text, "监督");
  ASSERT_EQ(at(data, "review.sections[1].items").items.size(), 1u);
  EXPECT_EQ(at(data, "review.sections[1].items[0].proposals.filed").text, "42");
  EXPECT_EQ(at(data, "review.sections[1].items[0].proposals.filed").source.place, "分项工作!E6");
  EXPECT_EQ(at(data, "review.sections[1].items[0].proposals.answered_rate").text, "100");
}

TEST(MapWorkbook, NumbersPlaceRowsAndOrderThem) {
  Findings findings;
  const Value data = map_workbook(book({sections_sheet({{"A3", "2.1"}, {"B3", "监督"}, {"D3", "二之一"},
                                                         {"A4", "1.2"}, {"D4", "一之二"},
                                                         {"A5", "1"}, {"B5", "协商"},
                                                         num("A6", "1.1"), {"D6", "一之一"},
                                                         {"A7", "1.2"}, {"D7", "重复的一之二"}})}),
                                  cppcc(), findings);
  EXPECT_EQ(at(data, "review.sections[0].title").text, "协商");
  EXPECT_EQ(at(data, "review.sections[0].items[0].text").text, "一之一");
  EXPECT_EQ(at(data, "review.sections[0].items[1].text").text, "一之二");
  EXPECT_EQ(at(data, "review.sections[0].items[2].text").text, "重复的一之二");
  EXPECT_EQ(at(data, "review.sections[1].items[0].text").text, "二之一");
  EXPECT_EQ(lines(findings), (std::vector<std::string>{
                                 "data.xlsx:分项工作!7:7: warning: 序号 1.2 is used twice; this row comes after the "
                                 "first one [duplicate]"}));
}

TEST(MapWorkbook, AWrongValueIsOneFindingAtItsCellAndLeftOut) {
  Findings findings;
  const Value data = map_workbook(book({sections_sheet({{"B3", "监督"}, {"D3", "正文"}, {"E3", "四十二"}})}),
                                  cppcc(), findings);
  EXPECT_EQ(lines(findings), (std::vector<std::string>{
                                 "data.xlsx:分项工作!E3: error: expected an integer such as 42, found \"四十二\" "
                                 "[wrong_type]"}));
  EXPECT_EQ(at(data, "review.sections[0].items[0]").find("proposals"), nullptr);

  // The draft still comes out, with the placeholder of the required 立案件数 when the
  // group has other values.
  Findings more;
  const Value with_rate = map_workbook(
      book({sections_sheet({{"B3", "监督"}, {"D3", "正文"}, {"E3", "四十二"}, num("F3", "1", true)})}), cppcc(), more);
  Renderer renderer(cppcc());
  const auto result = renderer.render(with_rate);
  EXPECT_NE(result.markup.find("【待补充：立案件数】"), std::string::npos);
}

TEST(MapWorkbook, UnknownColumnsAndHeaderlessValuesAreWarnings) {
  Findings findings;
  map_workbook(book({sheet("致谢", {{"A1", "序号"}, {"B1", "段落正文"}, {"C1", "备注"},
                                   {"B2", "谢谢"}, {"C2", "x"}, {"D2", "y"}})}),
               cppcc(), findings);
  EXPECT_EQ(lines(findings),
            (std::vector<std::string>{
                "data.xlsx:致谢!C1: warning: the column \"备注\" is not a field of 致谢; its values are ignored "
                "[unknown_column]",
                "data.xlsx:致谢!D2: warning: a value in a column with no header; the column's values are ignored "
                "[unknown_column]"}));
}

TEST(MapWorkbook, TheHelpRowIsSkippedEvenWithoutTheNumberColumn) {
  Findings findings;
  const Value data = map_workbook(
      book({sheet("致谢", {{"A1", "小标题"}, {"B1", "段落正文"}, {"A2", "填写说明"}, {"B2", "选填；文字"}, {"B3", "谢谢"}})}),
      cppcc(), findings);
  EXPECT_TRUE(findings.empty()) << testing::PrintToString(lines(findings));
  ASSERT_EQ(at(data, "review.thanks").items.size(), 1u);
  EXPECT_EQ(at(data, "review.thanks[0].text").text, "谢谢");
}

TEST(MapWorkbook, ANestedSheetWithoutItsPlaceColumnIsOneFinding) {
  Findings findings;
  map_workbook(book({sheet("招商项目", {{"A1", "项目名称"}, {"A2", "一号"}, {"A3", "二号"}})}), cppcc(), findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "bad_place");
  EXPECT_EQ(findings[0].where.place, "招商项目");
}

TEST(MapWorkbook, TheHeaderRowMayComeAfterATitle) {
  Findings findings;
  const Value data =
      map_workbook(book({sheet("致谢", {{"A1", "2017年致谢"}, {"B3", "段落正文"}, {"B4", "谢谢"}})}), cppcc(), findings);
  EXPECT_TRUE(findings.empty()) << testing::PrintToString(lines(findings));
  EXPECT_EQ(at(data, "review.thanks[0].text").text, "谢谢");
}

// ------------------------------------------------------------------ nested sheets

TEST(MapWorkbook, NestedRowsJoinTheRowTheyName) {
  Findings findings;
  const Value data = map_workbook(
      book({sections_sheet({{"A3", "1.1"}, {"B3", "协商"}, {"D3", "甲"}, {"A4", "1.2"}, {"D4", "乙"}}),
            sheet("招商项目", {{"A1", "所在位置"}, {"B1", "项目名称"}, {"C1", "项目投资额"}, {"D1", "项目进展"},
                               {"A2", "填写说明"},
                               {"A3", "分项工作 1.2"}, {"B3", "一号项目"}, num("C3", "30000000"), {"D3", "已建成"},
                               {"A4", "分项工作1.2"}, {"B4", "二号项目"}, {"C4", "2.46亿元"}, {"D4", "在建"},
                               {"A5", "分项工作 9.9"}, {"B5", "没有的段落"},
                               {"B6", "没有位置"}})}),
      cppcc(), findings);
  const Value& projects = at(data, "review.sections[0].items[1].projects");
  ASSERT_EQ(projects.items.size(), 2u);
  EXPECT_EQ(at(projects, "[0].name").text, "一号项目");
  EXPECT_EQ(at(projects, "[0].investment").kind, Value::Kind::number);
  EXPECT_EQ(at(projects, "[0].investment").source.to_string(), "data.xlsx:招商项目!C3");
  EXPECT_EQ(at(projects, "[1].investment").text, "2.46亿元");
  EXPECT_EQ(at(data, "review.sections[0].items[0]").find("projects"), nullptr);
  const auto l = lines(findings);
  ASSERT_EQ(l.size(), 2u) << testing::PrintToString(l);
  EXPECT_EQ(l[0].rfind("data.xlsx:招商项目!A5: error: expected the place of a row that exists, such as ", 0), 0u) << l[0];
  EXPECT_NE(l[0].find("found \"分项工作 9.9\"; the row is ignored [bad_place]"), std::string::npos) << l[0];
  EXPECT_EQ(l[1].rfind("data.xlsx:招商项目!6:6: error: expected the row's 所在位置 in column A", 0), 0u) << l[1];
}

TEST(MapWorkbook, NestedListsInsideGroups) {
  Findings findings;
  const Value data = map_workbook(
      book({sheet("工作回顾导语", {{"A1", "序号"}, {"B1", "段落正文"}, {"C1", "统计表·表头（名称列）"}, {"A2", "1"}, {"B2", "导语"},
                                   {"C2", "类别"}}),
            sheet("表格行", {{"A1", "所在位置"}, {"B1", "名称"}, {"C1", "数量"}, {"A2", "工作回顾导语 1"},
                             {"B2", "民生"}, num("C2", "12")}),
            sheet("立案提案分类", {{"A1", "所在位置"}, {"B1", "类别"}, {"C1", "件数"}, {"A2", "工作回顾导语 1"},
                                   {"B2", "法治"}, num("C2", "9")})}),
      cppcc(), findings);
  EXPECT_TRUE(findings.empty()) << testing::PrintToString(lines(findings));
  EXPECT_EQ(at(data, "review.intro[0].table.name_label").text, "类别");
  EXPECT_EQ(at(data, "review.intro[0].table.rows[0].count").text, "12");
  EXPECT_EQ(at(data, "review.intro[0].proposals.categories[0].category").text, "法治");
}

// ------------------------------------------------------------------ one sheet of another name (CSV)

TEST(MapWorkbook, ASingleSheetOfAnotherNameIsTakenByItsLabels) {
  Findings findings;
  Workbook w = book({sheet("报表", {{"A1", "单位名称"}, {"B1", "甲"}, {"A2", "称谓"}, {"B2", "各位委员："}})});
  w.file = "报表.csv";
  const Value data = map_workbook(w, cppcc(), findings);
  EXPECT_TRUE(findings.empty()) << testing::PrintToString(lines(findings));
  EXPECT_EQ(at(data, "organization").source.to_string(), "报表.csv:报表!B1");

  Findings table_findings;
  const Value rows = map_workbook(book({sheet("export", {{"A1", "序号"}, {"B1", "任务标题"}, {"C1", "段落正文"},
                                                          {"B2", "任务一"}, {"C2", "内容"}})}),
                                  cppcc(), table_findings);
  EXPECT_EQ(at(rows, "plan.tasks[0].items[0].text").text, "内容");
}

TEST(ReadDataFile, AWorkbookNeedsATemplate) {
  const fs::path path = fs::temp_directory_path() / ("baogao-no-template-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path) << "单位名称,甲\n";
  try {
    read_data_file(path.string());
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "unsupported_format");
  }
  Findings findings;
  const Value data = read_data_file(path.string(), &cppcc(), &findings);
  EXPECT_EQ(at(data, "organization").text, "甲");
  fs::remove(path);
}

// ------------------------------------------------------------------ generic nesting

/// A manifest of three lists that share a sheet (each item holds one list), then an
/// item with two lists (their own sheets), one of which holds another list.
Manifest nested_manifest() {
  static const fs::path dir = [] {
    const fs::path d = fs::temp_directory_path() / ("baogao-mapping-test-" + std::to_string(::getpid()));
    fs::create_directories(d);
    std::ofstream(d / "report.mustache") << "x";
    std::ofstream(d / "manifest.yaml") << R"(title: 测试
fields:
  - key: parts
    label: 部分
    type: list
    fields:
      - {key: name, label: 部分名称}
      - key: chapters
        label: 章
        type: list
        fields:
          - {key: title, label: 章名}
          - {key: notes, label: 注, type: list}
          - key: items
            label: 条
            type: list
            fields:
              - {key: text, label: 条文}
              - key: refs
                label: 引用
                type: list
                fields:
                  - {key: what, label: 引文}
                  - key: pages
                    label: 页
                    type: table
                    fields:
                      - {key: page, label: 页码, type: integer}
              - key: links
                label: 链接
                type: list
                fields:
                  - {key: url, label: 网址}
)";
    return d;
  }();
  return load_manifest(dir);
}

TEST(MapWorkbook, ThreeLevelsShareASheetAndNestedSheetsNest) {
  const Manifest m = nested_manifest();
  Findings findings;
  const Value data = map_workbook(
      book({sheet("部分", {{"A1", "序号"}, {"B1", "部分名称"}, {"C1", "章名"}, {"D1", "注"}, {"E1", "条文"},
                           {"B2", "甲"}, {"C2", "甲一"}, {"D2", "注一\n注二"}, {"E2", "甲一1"},
                           {"E3", "甲一2"},
                           {"C4", "甲二"}, {"E4", "甲二1"},
                           {"A5", "2.1.1"}, {"B5", "乙"}, {"C5", "乙一"}, {"E5", "乙一1"}}),
            sheet("引用", {{"A1", "所在位置"}, {"B1", "引文"}, {"A2", "部分 1.2.1"}, {"B2", "引一"},
                           {"A3", "部分 1.2.1"}, {"B3", "引二"}}),
            sheet("页", {{"A1", "所在位置"}, {"B1", "页码"}, {"A2", "部分 1.2.1.2"}, num("B2", "7")})}),
      m, findings);
  EXPECT_TRUE(findings.empty()) << testing::PrintToString(lines(findings));
  EXPECT_EQ(at(data, "parts[0].chapters[0].items[1].text").text, "甲一2");
  EXPECT_EQ(at(data, "parts[0].chapters[0].notes").items.size(), 2u);
  EXPECT_EQ(at(data, "parts[0].chapters[1].title").text, "甲二");
  EXPECT_EQ(at(data, "parts[1].chapters[0].items[0].text").text, "乙一1");
  EXPECT_EQ(at(data, "parts[0].chapters[1].items[0].refs[1].what").text, "引二");
  EXPECT_EQ(at(data, "parts[0].chapters[1].items[0].refs[1].pages[0].page").text, "7");
}

}  // namespace
}  // namespace baogao
