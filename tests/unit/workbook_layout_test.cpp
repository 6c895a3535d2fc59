// The workbook layout of a template (drafting/workbook_layout.hpp): which sheets, rows
// and columns the built-in template's fields get, and how a row's place is written.
#include "drafting/workbook_layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace baogao {
namespace {

const Manifest& cppcc() {
  static const Manifest m = load_manifest(BAOGAO_TEMPLATE_DIR "/cppcc-standing-committee");
  return m;
}

const LayoutSheet* find(const WorkbookLayout& layout, const std::string& name) {
  for (const auto& s : layout.sheets)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<std::string> labels(const LayoutSheet& sheet) {
  std::vector<std::string> out;
  for (const auto& f : sheet.fields) out.push_back(f.label);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(WorkbookLayout, SheetsOfTheBuiltInTemplate) {
  const auto layout = workbook_layout(cppcc());
  std::vector<std::string> names;
  for (const auto& s : layout.sheets) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"基本信息", "工作回顾导语", "分项工作", "致谢", "存在的不足", "主要任务",
                                             "立案提案分类", "招商项目", "表格行"}));
  EXPECT_EQ(layout.sheets[0].kind, LayoutSheet::Kind::key_value);
  EXPECT_EQ(find(layout, "分项工作")->kind, LayoutSheet::Kind::table);
  EXPECT_EQ(find(layout, "招商项目")->kind, LayoutSheet::Kind::nested);
}

TEST(WorkbookLayout, KeyValueRowsAreEveryScalarOutsideLists) {
  const auto layout = workbook_layout(cppcc());
  const LayoutSheet& kv = layout.sheets[0];
  EXPECT_EQ(labels(kv), (std::vector<std::string>{"单位名称", "报告标题", "报告日期", "会议主办", "届次", "会次",
                                                  "会议名称", "报告年度", "报告人职务", "报告人姓名",
                                                  "称谓", "开头语补充", "工作回顾标题", "工作回顾主题语", "下年工作标题",
                                                  "下一年份", "总体要求", "结束语"}));
  EXPECT_TRUE(kv.fields[1].text_list);  // 报告标题: one row per line
  EXPECT_EQ(kv.fields[2].keys, (std::vector<std::string>{"meeting", "date"}));
}

TEST(WorkbookLayout, ASectionAndItsParagraphsShareOneSheet) {
  const auto layout = workbook_layout(cppcc());
  const LayoutSheet& sections = *find(layout, "分项工作");
  ASSERT_EQ(sections.levels.size(), 2u);
  EXPECT_EQ(sections.levels[0].keys, (std::vector<std::string>{"review", "sections"}));
  EXPECT_EQ(sections.levels[1].keys, (std::vector<std::string>{"items"}));
  EXPECT_EQ(sections.fields[0].label, "分项工作标题");
  EXPECT_EQ(sections.fields[0].level, 0u);
  EXPECT_EQ(sections.fields[1].label, "小标题");
  EXPECT_EQ(sections.fields[1].level, 1u);
  EXPECT_EQ(find(layout, "工作回顾导语")->levels.size(), 1u);
  EXPECT_EQ(find(layout, "主要任务")->levels.size(), 2u);
}

TEST(WorkbookLayout, GroupMembersAreHeadedGroupDotField) {
  const auto layout = workbook_layout(cppcc());
  const auto columns = labels(*find(layout, "分项工作"));
  EXPECT_TRUE(has(columns, "提案工作·立案件数"));
  EXPECT_TRUE(has(columns, "全年总体数字·委员建议条数"));
  EXPECT_TRUE(has(columns, "建言献策·委员建议条数"));
  EXPECT_TRUE(has(columns, "统计表·合计"));
  EXPECT_TRUE(has(columns, "段落续文"));
  EXPECT_FALSE(has(columns, "立案提案分类"));  // a list of objects: its own sheet
  const auto& filed = *std::find_if(find(layout, "分项工作")->fields.begin(), find(layout, "分项工作")->fields.end(),
                                    [](const LayoutField& f) { return f.label == "提案工作·立案件数"; });
  EXPECT_EQ(filed.keys, (std::vector<std::string>{"proposals", "filed"}));
  EXPECT_TRUE(filed.in_optional_group);
}

TEST(WorkbookLayout, NestedListsAreSharedByEveryParagraphList) {
  const auto layout = workbook_layout(cppcc());
  const LayoutSheet& projects = *find(layout, "招商项目");
  EXPECT_EQ(projects.parents.size(), 5u);  // 导语, 分项工作, 致谢, 不足, 主要任务
  for (const auto& p : projects.parents) EXPECT_EQ(p.keys, (std::vector<std::string>{"projects"}));
  EXPECT_EQ(find(layout, "立案提案分类")->parents[0].keys, (std::vector<std::string>{"proposals", "categories"}));
  EXPECT_EQ(find(layout, "表格行")->parents[0].keys, (std::vector<std::string>{"table", "rows"}));
  EXPECT_EQ(labels(projects), (std::vector<std::string>{"项目名称", "项目投资额", "项目进展"}));
}

TEST(Place, ParsesSheetAndNumbers) {
  auto p = parse_place("分项工作 4.4");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->sheet, "分项工作");
  EXPECT_EQ(p->numbers, (std::vector<unsigned>{4, 4}));
  EXPECT_EQ(parse_place("分项工作4.10")->numbers, (std::vector<unsigned>{4, 10}));
  EXPECT_EQ(parse_place("  3 ")->sheet, "");
  EXPECT_EQ(parse_place("３．２")->numbers, (std::vector<unsigned>{3, 2}));  // full width
  for (const char* bad : {"", "分项工作", "4..4", "0", "4.0", "4.", "4.a", "4 4"}) EXPECT_FALSE(parse_place(bad)) << bad;
  EXPECT_EQ(format_numbers({2, 4}), "2.4");
}

}  // namespace
}  // namespace baogao
