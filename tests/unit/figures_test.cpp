// Figures: display text of scalars by field type (drafting/figures.hpp).
#include <cctype>
#include <string>

#include <gtest/gtest.h>

#include "drafting/figures.hpp"

namespace baogao {
namespace {

Value number(const std::string& text) {
  Value v;
  v.kind = Value::Kind::number;
  v.number = std::stod(text);
  v.text = text;
  v.source = {"data.json", "/n"};
  return v;
}

Value string(const std::string& text) { return Value::make_string(text, {"data.json", "/s"}); }

struct Case {
  const char* what;
  Value value;
  FieldType type;
  std::string shown;
};

class FormatScalar : public ::testing::TestWithParam<Case> {};

TEST_P(FormatScalar, ShowsTheValueWithoutFindings) {
  const Case& c = GetParam();
  Findings findings;
  EXPECT_EQ(format_scalar(c.value, c.type, &findings, "x"), c.shown);
  EXPECT_TRUE(findings.empty()) << format_finding(findings.front());
}

INSTANTIATE_TEST_SUITE_P(
    Figures, FormatScalar,
    ::testing::Values(
        // integer and decimal: the number as written
        Case{"integer", number("42"), FieldType::integer, "42"},
        Case{"integer string", string("53"), FieldType::integer, "53"},
        Case{"integer grouped", string("3,000"), FieldType::integer, "3,000"},
        Case{"decimal keeps zeros", number("2.50"), FieldType::decimal, "2.50"},
        // percent: already in per cent
        Case{"percent 100", number("100"), FieldType::percent, "100%"},
        Case{"percent 12.5", number("12.5"), FieldType::percent, "12.5%"},
        Case{"percent string", string("98.6"), FieldType::percent, "98.6%"},
        Case{"percent as written", string("近100%"), FieldType::percent, "近100%"},
        // amount: 元 → 万元/亿元
        Case{"amount 万", number("30000000"), FieldType::amount, "3000万元"},
        Case{"amount 亿", number("246000000"), FieldType::amount, "2.46亿元"},
        Case{"amount 1亿", number("100000000"), FieldType::amount, "1亿元"},
        Case{"amount 元", number("5000"), FieldType::amount, "5000元"},
        Case{"amount string", string("30000000"), FieldType::amount, "3000万元"},
        // qualifiers and Chinese numerals: as written
        Case{"qualifier 余", string("30余"), FieldType::integer, "30余"},
        Case{"words", string("十多"), FieldType::integer, "十多"},
        Case{"qualifier 多", string("50多"), FieldType::integer, "50多"},
        Case{"amount qualifier", string("10余万元"), FieldType::amount, "10余万元"},
        Case{"amount in words", string("一万元"), FieldType::amount, "一万元"},
        // dates
        Case{"date", string("2017-12-13"), FieldType::date, "2017年12月13日"},
        Case{"date month", string("2017-12"), FieldType::date, "2017年12月"},
        Case{"date no leading zeros", string("2018-01-06"), FieldType::date, "2018年1月6日"},
        Case{"date year number", number("2017"), FieldType::date, "2017年"},
        Case{"date in Chinese", string("2017年12月"), FieldType::date, "2017年12月"},
        Case{"leap day", string("2020-02-29"), FieldType::date, "2020年2月29日"},
        // text: as written
        Case{"text", string("**政协**"), FieldType::text, "**政协**"},
        Case{"text number", number("1e8"), FieldType::text, "1e8"}),
    [](const ::testing::TestParamInfo<Case>& info) {
      std::string name = std::to_string(info.index) + "_";
      for (const char* c = info.param.what; *c; ++c)
        if (std::isalnum(static_cast<unsigned char>(*c))) name += *c;
      return name;
    });

struct WrongCase {
  Value value;
  FieldType type;
  std::string shown;
};

class WrongType : public ::testing::TestWithParam<WrongCase> {};

TEST_P(WrongType, KeepsTheTextAndWarnsAtTheSource) {
  const WrongCase& c = GetParam();
  Findings findings;
  EXPECT_EQ(format_scalar(c.value, c.type, &findings, "review.count（件数）"), c.shown);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "wrong_type");
  EXPECT_EQ(findings[0].severity, Severity::warning);
  EXPECT_EQ(findings[0].where.to_string(), c.value.source.to_string());
  EXPECT_NE(findings[0].message.find("review.count（件数）"), std::string::npos) << findings[0].message;
  EXPECT_NE(findings[0].message.find(c.shown), std::string::npos) << findings[0].message;
}

Value boolean(bool b) {
  Value v;
  v.kind = Value::Kind::boolean;
  v.boolean = b;
  v.source = {"data.yaml", "3:5"};
  return v;
}

INSTANTIATE_TEST_SUITE_P(Figures, WrongType,
                         ::testing::Values(WrongCase{string("abc"), FieldType::integer, "abc"},
                                           WrongCase{number("12.5"), FieldType::integer, "12.5"},
                                           WrongCase{string("n/a"), FieldType::amount, "n/a"},
                                           WrongCase{string("待定"), FieldType::percent, "待定"},
                                           WrongCase{string("2017-13-01"), FieldType::date, "2017-13-01"},
                                           WrongCase{string("2019-02-29"), FieldType::date, "2019-02-29"},
                                           WrongCase{string("去年"), FieldType::date, "去年"},
                                           // found by a new user: no finding at all before
                                           WrongCase{string("2017年13月5日"), FieldType::date, "2017年13月5日"},
                                           WrongCase{string("2017年2月30日"), FieldType::date, "2017年2月30日"},
                                           WrongCase{boolean(true), FieldType::decimal, "true"}));

TEST(FormatScalar, NoFindingsListIsFine) { EXPECT_EQ(format_scalar(string("abc"), FieldType::integer), "abc"); }

TEST(FormatScalar, ContainersAndNullGiveNothing) {
  Value array;
  array.kind = Value::Kind::array;
  EXPECT_EQ(format_scalar(array, FieldType::text), "");
  EXPECT_EQ(format_scalar(Value{}, FieldType::integer), "");
}

TEST(FormatAmount, Table) {
  const struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"0", "0元"},
      {"5000", "5000元"},
      {"5000.5", "5000.5元"},
      {"9999", "9999元"},
      {"10000", "1万元"},
      {"12345", "1.23万元"},
      {"12355", "1.24万元"},  // half up
      {"30000000", "3000万元"},
      {"32000", "3.2万元"},
      {"99999999", "1亿元"},  // 9999.9999万 would round to 10000万
      {"100000000", "1亿元"},
      {"246000000", "2.46亿元"},
      {"1234567890", "12.35亿元"},
      {"3e7", "3000万元"},
      {"-30000000", "-3000万元"},
      {"1,000,000", "100万元"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(format_amount(c.in).value_or("<nullopt>"), c.out);
  }
  EXPECT_FALSE(format_amount("abc"));
  EXPECT_FALSE(format_amount(""));
  EXPECT_FALSE(format_amount("10余万"));
}

TEST(FormatDate, Table) {
  EXPECT_EQ(format_date("2017-12-13"), "2017年12月13日");
  EXPECT_EQ(format_date("2017-12"), "2017年12月");
  EXPECT_EQ(format_date("2017"), "2017年");
  EXPECT_EQ(format_date("2018-1-6"), "2018年1月6日");
  EXPECT_EQ(format_date("2000-02-29"), "2000年2月29日");
  EXPECT_FALSE(format_date("1900-02-29"));
  EXPECT_FALSE(format_date("2017-00-10"));
  EXPECT_FALSE(format_date("2017-04-31"));
  EXPECT_FALSE(format_date("2017/12/13"));
  EXPECT_FALSE(format_date("17-12-13"));
}

}  // namespace
}  // namespace baogao
