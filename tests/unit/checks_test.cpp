// Checks over data (drafting/checks.hpp): the example passes clean; each mutation of
// it gives exactly the expected finding at the right place.
#include "drafting/checks.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "drafting/readers.hpp"
#include "drafting/render.hpp"

namespace baogao {
namespace {

const std::string kExample = std::string(BAOGAO_SOURCE_DIR) + "/examples/cppcc-2017/data.json";
const std::string kTemplate = std::string(BAOGAO_TEMPLATE_DIR) + "/cppcc-standing-committee";

const Manifest& manifest() {
  static const Manifest m = load_manifest(kTemplate);
  return m;
}

Value example() { return read_data_file(kExample); }

/// The value at a JSON pointer ("/review/sections/1/items/3/proposals/filed").
Value& at(Value& root, const std::string& pointer) {
  Value* v = &root;
  for (std::size_t start = 1; start <= pointer.size();) {
    std::size_t slash = pointer.find('/', start);
    if (slash == std::string::npos) slash = pointer.size();
    const std::string key = pointer.substr(start, slash - start);
    if (v->is_array()) {
      v = &v->items.at(std::stoul(key));
    } else {
      Value* member = v->find(key);
      if (!member) throw std::out_of_range("no member " + key + " in " + pointer);
      v = member;
    }
    start = slash + 1;
  }
  return *v;
}

void set_number(Value& v, const std::string& text) {
  v.kind = Value::Kind::number;
  v.text = text;
  v.number = std::stod(text);
}

void set_string(Value& v, const std::string& text) {
  v.kind = Value::Kind::string;
  v.text = text;
}

void replace_first(Value& v, const std::string& from, const std::string& to) {
  const auto at = v.text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << v.text;
  v.text.replace(at, from.size(), to);
}

std::string dump(const Findings& findings) {
  std::string out;
  for (const auto& f : findings) out += format_finding(f) + "\n";
  return out;
}

TEST(Checks, TheExampleIsClean) {
  const Findings findings = check_data(example(), manifest());
  EXPECT_TRUE(findings.empty()) << dump(findings);
}

TEST(Checks, TheExampleIsCleanInEnglishToo) {
  EXPECT_TRUE(check_data(example(), manifest(), CheckOptions{Lang::en}).empty());
}

struct Mutation {
  const char* what;
  std::function<void(Value&)> mutate;
  const char* code;
  Severity severity;
  const char* place;                  ///< JSON pointer of the finding
  std::vector<std::string> mentions;  ///< the message names these
};

class Mutated : public ::testing::TestWithParam<Mutation> {};

TEST_P(Mutated, GivesExactlyTheExpectedFinding) {
  const Mutation& m = GetParam();
  Value data = example();
  m.mutate(data);
  const Findings findings = check_data(data, manifest());
  ASSERT_EQ(findings.size(), 1u) << m.what << "\n" << dump(findings);
  const Finding& f = findings.front();
  EXPECT_EQ(f.code, m.code) << m.what;
  EXPECT_EQ(f.severity, m.severity) << m.what;
  EXPECT_EQ(f.where.file, kExample) << m.what;
  EXPECT_EQ(f.where.place, m.place) << m.what;
  for (const auto& word : m.mentions) EXPECT_NE(f.message.find(word), std::string::npos) << word << " in " << f.message;
}

const char* kProposals = "/review/sections/1/items/3/proposals";

INSTANTIATE_TEST_SUITE_P(
    Example, Mutated,
    ::testing::Values(
        // One category changed: the stated 立案 42 no longer adds up; the error names the
        // total and every part.
        Mutation{"one category changed",
                 [](Value& d) { set_number(at(d, "/review/sections/1/items/3/table/rows/0/count"), "10"); },
                 "sum_mismatch", Severity::error, "/review/sections/1/items/3/proposals/filed",
                 {"立案件数", "42", "民生保障10", "法治安全9", "文化体育8", "城建环保7", "经济与政务管理6", "= 40"}},
        Mutation{"a rate off", [](Value& d) { set_number(at(d, std::string(kProposals) + "/answered_rate"), "95"); },
                 "rate_mismatch", Severity::error, "/review/sections/1/items/3/proposals/answered_rate",
                 {"办复率", "95%", "办结件数", "立案件数", "100%"}},
        Mutation{"a half-width comma",
                 [](Value& d) { replace_first(at(d, "/review/intro/0/text"), "一年来，", "一年来,"); },
                 "halfwidth_punctuation", Severity::warning, "/review/intro/0/text", {"“,”", "一年来,"}},
        Mutation{"an unbalanced quote",
                 [](Value& d) { replace_first(at(d, "/review/intro/0/text"), "善议政”", "善议政"); },
                 "unbalanced_pair", Severity::warning, "/review/intro/0/text", {"“"}},
        Mutation{"a *** leftover", [](Value& d) { at(d, "/speaker/name").text = "***"; }, "draft_leftover",
                 Severity::warning, "/speaker/name", {"***"}},
        Mutation{"a date in the wrong year", [](Value& d) { at(d, "/meeting/date").text = "2016-12-13"; },
                 "date_conflict", Severity::error, "/meeting/date", {"2016年12月13日", "2017"}},
        Mutation{"a date in the review after the meeting",
                 [](Value& d) { replace_first(at(d, "/review/intro/0/text"), "一年来，", "2017年12月20日以来，"); },
                 "date_conflict", Severity::error, "/review/intro/0/text",
                 {"2017年12月20日", "晚于报告日期2017年12月13日", "/meeting/date"}},
        Mutation{"a number typed into a heading",  // found by a new user: 一、一、聚焦协商主业
                 [](Value& d) { at(d, "/review/sections/0/title").text = "一、聚焦协商主业，凝聚发展共识"; },
                 "heading_number_typed", Severity::warning, "/review/sections/0/title", {"一、", "分项工作标题"}},
        Mutation{"a count typed in Chinese numerals",  // found by a new user: 立案四十二件 passed silently
                 [](Value& d) { set_string(at(d, std::string(kProposals) + "/filed_last_year"), "三十八"); },
                 "chinese_statistic", Severity::warning, "/review/sections/1/items/3/proposals/filed_last_year",
                 {"三十八", "38", "N1"}},
        // More kinds, same discipline.
        Mutation{"a plan for the wrong year", [](Value& d) { at(d, "/plan/year").text = "2019"; }, "date_conflict",
                 Severity::error, "/plan/year", {"2019", "2018"}},
        Mutation{"a negative count",
                 [](Value& d) { set_number(at(d, "/review/sections/2/items/0/research/topics"), "-13"); },
                 "out_of_range", Severity::error, "/review/sections/2/items/0/research/topics", {"调研课题个数", "-13"}},
        Mutation{"a rate over 100%",
                 [](Value& d) {
                   set_number(at(d, std::string(kProposals) + "/answered"), "45");
                   set_number(at(d, std::string(kProposals) + "/answered_rate"), "107.1");
                 },
                 "out_of_range", Severity::error, "/review/sections/1/items/3/proposals/answered_rate",
                 {"办复率", "107.1%", "100%"}},
        Mutation{"a required value missing", [](Value& d) { at(d, "/salutation").text = ""; }, "missing_field",
                 Severity::warning, "", {"称谓", "salutation"}},
        Mutation{"a figure of the wrong type",
                 [](Value& d) { set_string(at(d, "/review/sections/3/items/1/study/sessions"), "若干"); }, "wrong_type",
                 Severity::warning, "/review/sections/3/items/1/study/sessions", {"专题学习次数", "整数"}},
        Mutation{"a dash written --", [](Value& d) { replace_first(at(d, "/closing"), "！新时代", "！--新时代"); },
                 "dash_form", Severity::warning, "/closing", {"--"}},
        Mutation{"an ellipsis written ...",
                 [](Value& d) { replace_first(at(d, "/review/thanks/0/text"), "各界朋友", "各界朋友..."); },
                 "ellipsis_form", Severity::warning, "/review/thanks/0/text", {"..."}},
        Mutation{"the same count written two ways",
                 [](Value& d) { replace_first(at(d, "/review/sections/1/items/0/text"), "两个方面", "四次视察"); },
                 "number_mixed", Severity::warning, "/review/sections/1/items/0/text", {"四次", "4次"}}),
    [](const ::testing::TestParamInfo<Mutation>& info) { return "m" + std::to_string(info.index); });

TEST(Checks, AStatedTableTotalIsCheckedToo) {
  Value data = example();
  Value& table = at(data, "/review/sections/1/items/3/table");
  Value total;
  set_number(total, "41");
  total.source = {kExample, "/review/sections/1/items/3/table/total"};
  table.members.emplace_back("total", total);
  const Findings findings = check_data(data, manifest());
  ASSERT_EQ(findings.size(), 1u) << dump(findings);
  EXPECT_EQ(findings[0].code, "sum_mismatch");
  EXPECT_EQ(findings[0].where.place, "/review/sections/1/items/3/table/total");
}

TEST(Checks, ARateWithinRoundingIsNotAFinding) {
  Value data = example();
  set_number(at(data, std::string(kProposals) + "/answered"), "41");  // 41 / 42 = 97.619…%
  for (const char* written : {"97.6", "98", "97.62"}) {
    set_number(at(data, std::string(kProposals) + "/answered_rate"), written);
    EXPECT_TRUE(check_data(data, manifest()).empty()) << written;
  }
  for (const char* written : {"97.5", "97", "100"}) {
    set_number(at(data, std::string(kProposals) + "/answered_rate"), written);
    const Findings findings = check_data(data, manifest());
    ASSERT_EQ(findings.size(), 1u) << written;
    EXPECT_EQ(findings[0].code, "rate_mismatch") << written;
  }
}

TEST(Checks, ApproximatePartsAreNotSummed) {
  Value data = example();
  at(data, "/review/sections/1/items/3/table/rows/0/count") = Value::make_string("10余", {kExample, "/x"});
  EXPECT_TRUE(check_data(data, manifest()).empty()) << dump(check_data(data, manifest()));
}

TEST(Checks, MessagesInEnglish) {
  Value data = example();
  set_number(at(data, "/review/sections/1/items/3/table/rows/0/count"), "10");
  at(data, "/meeting/date").text = "2016-12-13";
  const Findings findings = check_data(data, manifest(), CheckOptions{Lang::en});
  ASSERT_EQ(findings.size(), 2u) << dump(findings);
  EXPECT_EQ(findings[0].code, "sum_mismatch");
  EXPECT_NE(findings[0].message.find("add up to"), std::string::npos) << findings[0].message;
  EXPECT_EQ(findings[1].code, "date_conflict");
  EXPECT_NE(findings[1].message.find("contradicts the report year 2017"), std::string::npos) << findings[1].message;
}

// The render's missing_field and wrong_type findings are the checks' own, so
// `baogao render` can print the checks' and drop the render's (merge_render_findings).
TEST(Checks, RenderFindingsOfTheSharedCodesAreAmongTheChecks) {
  Value data = example();
  at(data, "/salutation").text = "";
  set_string(at(data, "/review/sections/3/items/1/study/sessions"), "若干");
  at(data, "/speaker") = Value::make_string("陈立新", {kExample, "/speaker"});
  const Renderer renderer(manifest());
  const Findings rendered = renderer.render(data).findings;
  const Findings checked = check_data(data, manifest());
  std::size_t shared = 0;
  for (const auto& r : rendered) {
    if (r.code != "missing_field" && r.code != "wrong_type") continue;
    ++shared;
    bool found = false;
    for (const auto& c : checked)
      found = found || (c.code == r.code && c.where.to_string() == r.where.to_string() && c.message == r.message);
    EXPECT_TRUE(found) << format_finding(r) << "\nchecks:\n" << dump(checked);
  }
  EXPECT_EQ(shared, 4u) << dump(rendered);  // the speaker's name is missing as well
  const Findings merged = merge_render_findings(checked, rendered);
  EXPECT_EQ(merged.size(), checked.size() + rendered.size() - shared);
}

// Found by a new user: a list where a group belongs (meeting: [{…}, {…}]) repeated the
// subtitle once per item with only a warning. A value of the wrong shape is not used:
// an error, and the draft shows placeholders where it belongs.
TEST(Checks, AValueOfTheWrongShapeIsAnErrorAndCountsAsMissing) {
  Value data = example();
  Value list;
  list.kind = Value::Kind::array;
  list.source = {kExample, "/meeting"};
  list.items = {at(data, "/meeting"), at(data, "/meeting")};
  at(data, "/meeting") = list;
  const Renderer renderer(manifest());
  const RenderResult result = renderer.render(data);
  const std::string subtitle = "::subtitle ——[【待补充：报告日期】]{missing=\"报告日期\"}在";
  EXPECT_NE(result.markup.find(subtitle), std::string::npos) << result.markup.substr(0, 400);
  EXPECT_EQ(result.markup.find("::subtitle", result.markup.find("::subtitle") + 1), std::string::npos)
      << "the subtitle is repeated";
  const Findings checked = check_data(data, manifest());
  ASSERT_FALSE(checked.empty());
  EXPECT_EQ(format_finding(checked[0]),
            std::string(kExample) + ":/meeting: error: meeting（会议）应为一组字段，实为列表；未使用该值，已按缺失处理 [wrong_type]");
  EXPECT_TRUE(has_errors(checked));

  // A list item that is not a group, and a group where a single value belongs.
  data = example();
  at(data, "/review/sections/0/items/0") = Value::make_string("一段文字", {kExample, "/review/sections/0/items/0"});
  at(data, "/year") = at(data, "/meeting");
  const Findings more = check_data(data, manifest());
  std::string all = dump(more);
  EXPECT_NE(all.find("/review/sections/0/items/0: error: review.sections[0].items[0]"), std::string::npos) << all;
  EXPECT_NE(all.find("实为文字；未使用该值"), std::string::npos) << all;
  EXPECT_NE(all.find("error: year（报告年度）应为单个值，实为一组字段"), std::string::npos) << all;
  const std::string markup = renderer.render(data).markup;
  EXPECT_EQ(markup.find("一段文字"), std::string::npos);
}

// Found by a new user: a misspelled key (filed_lastyear) made "比上年增加4件" vanish
// without a word. A key the template does not define is a warning naming the closest field.
TEST(Checks, AKeyTheTemplateDoesNotDefineIsAWarningWithTheClosestField) {
  Value data = example();
  Value& proposals = at(data, kProposals);
  for (auto& member : proposals.members)
    if (member.first == "filed_last_year") member.first = "filed_lastyear";
  proposals.members.emplace_back("_note", Value::make_string("审阅时删去", {kExample, "/x"}));
  const Findings findings = check_data(data, manifest());
  ASSERT_EQ(findings.size(), 1u) << dump(findings);
  EXPECT_EQ(findings[0].code, "unknown_field");
  EXPECT_EQ(findings[0].where.place, std::string(kProposals) + "/filed_last_year");  // the value's source, as read
  EXPECT_NE(findings[0].message.find("是否应为“filed_last_year”（上年立案件数）"), std::string::npos)
      << findings[0].message;
}

TEST(Checks, NonObjectDataIsOneFinding) {
  const Value data = parse_json("[1, 2]", "data.json");
  const Findings findings = check_data(data, manifest());
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].code, "wrong_type");
}

TEST(Checks, EveryCodeIsListedOnce) {
  std::vector<std::string> codes;
  for (const auto& c : check_codes()) codes.push_back(c.code);
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(std::adjacent_find(codes.begin(), codes.end()), codes.end());
  EXPECT_EQ(codes.size(), 21u);
}

}  // namespace
}  // namespace baogao
