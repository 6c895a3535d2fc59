// Number forms (drafting/number_forms.hpp): one table per form, each row a case
// from issue 4 or an edge case (0, 10, 11, 100, 101, 1000, 10000, 100000000, 0.5%,
// a negative change). Expected values are the written norm of GB/T 15835-2011.
#include "drafting/number_forms.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "drafting/figures.hpp"
#include "drafting/numbering.hpp"

namespace baogao {
namespace {

struct Row {
  std::string what;  ///< the call, for the failure message
  std::function<std::optional<std::string>()> call;
  std::optional<std::string> expected;  ///< nullopt: the call must return nullopt
};

class NumberForms : public ::testing::TestWithParam<Row> {};

TEST_P(NumberForms, GivesTheWrittenForm) {
  const Row& row = GetParam();
  EXPECT_EQ(row.call(), row.expected) << row.what;
}

std::string name_of(const ::testing::TestParamInfo<Row>& info) { return "row" + std::to_string(info.index); }

template <typename F>
Row row(std::string what, F f, std::optional<std::string> expected) {
  return Row{std::move(what), [f] { return std::optional<std::string>(f()); }, std::move(expected)};
}

// Chinese numerals: counting form (chinese_numeral), before a measure word
// (chinese_count), ordinals, years, session names.
INSTANTIATE_TEST_SUITE_P(
    ChineseNumerals, NumberForms,
    ::testing::Values(
        row("numeral 0", [] { return chinese_numeral(0); }, "零"),
        row("numeral 4", [] { return chinese_numeral(4); }, "四"),
        row("numeral 10", [] { return chinese_numeral(10); }, "十"),
        row("numeral 11", [] { return chinese_numeral(11); }, "十一"),
        row("numeral 13", [] { return chinese_numeral(13); }, "十三"),
        row("numeral 20", [] { return chinese_numeral(20); }, "二十"),
        row("numeral 100", [] { return chinese_numeral(100); }, "一百"),
        row("numeral 101", [] { return chinese_numeral(101); }, "一百零一"),
        row("numeral 105", [] { return chinese_numeral(105); }, "一百零五"),
        row("numeral 1000", [] { return chinese_numeral(1000); }, "一千"),
        row("numeral 10000", [] { return chinese_numeral(10000); }, "一万"),
        row("numeral 100000000", [] { return chinese_numeral(100000000); }, "一亿"),
        row("count 2 → 两", [] { return chinese_count(2); }, "两"),
        row("count 0", [] { return chinese_count(0); }, "零"),
        row("count 4", [] { return chinese_count(4); }, "四"),
        row("count 12", [] { return chinese_count(12); }, "十二"),
        row("count 20", [] { return chinese_count(20); }, "二十"),
        row("count 105", [] { return chinese_count(105); }, "一百零五"),
        row("ordinal 1", [] { return chinese_ordinal(1); }, "第一"),
        row("ordinal 2", [] { return chinese_ordinal(2); }, "第二"),
        row("ordinal 10", [] { return chinese_ordinal(10); }, "第十"),
        row("ordinal 11", [] { return chinese_ordinal(11); }, "第十一"),
        row("ordinal 105 (零, not 〇)", [] { return chinese_ordinal(105); }, "第一百零五"),
        row("year 2017", [] { return chinese_year(2017); }, "二〇一七"),
        row("year 2000", [] { return chinese_year(2000); }, "二〇〇〇"),
        row("session 8/2 short", [] { return session_name(8, 2, SessionForm::short_form); }, "八届二次会议"),
        row("session 8/2 full", [] { return session_name(8, 2, SessionForm::full); }, "第八届委员会第二次会议"),
        row("session 14/1 short", [] { return session_name(14, 1, SessionForm::short_form); }, "十四届一次会议"),
        row("session 10/11 full", [] { return session_name(10, 11, SessionForm::full); }, "第十届委员会第十一次会议")),
    name_of);

// Amounts in 万/亿 with a chosen precision (rule N13), percentages, dates.
INSTANTIATE_TEST_SUITE_P(
    AmountsPercentsDates, NumberForms,
    ::testing::Values(
        row("amount 0", [] { return format_amount("0", {}); }, "0元"),
        row("amount 10", [] { return format_amount("10", {}); }, "10元"),
        row("amount 1000", [] { return format_amount("1000", {}); }, "1000元"),
        row("amount 3200", [] { return format_amount("3200", {}); }, "3200元"),
        row("amount 10000", [] { return format_amount("10000", {}); }, "1万元"),
        row("amount 100000", [] { return format_amount("100000", {}); }, "10万元"),
        row("amount 30,000,000", [] { return format_amount("30,000,000", {}); }, "3000万元"),
        row("amount 246,000,000", [] { return format_amount("246000000", {}); }, "2.46亿元"),
        row("amount 100000000", [] { return format_amount("100000000", {}); }, "1亿元"),
        row("amount 12345 precision 2", [] { return format_amount("12345", {}); }, "1.23万元"),
        row("amount 12345 precision 4", [] { return format_amount("12345", {AmountUnit::automatic, 4}); },
            "1.2345万元"),
        row("amount 12345 precision 0", [] { return format_amount("12345", {AmountUnit::automatic, 0}); }, "1万元"),
        row("amount 246,000,000 precision 1", [] { return format_amount("246000000", {AmountUnit::automatic, 1}); },
            "2.5亿元"),
        row("amount half up", [] { return format_amount("12350", {AmountUnit::automatic, 1}); }, "1.2万元"),
        row("amount half up .5", [] { return format_amount("12500", {AmountUnit::automatic, 0}); }, "1万元"),
        row("amount in 万", [] { return format_amount("246000000", {AmountUnit::wan, 2}); }, "24600万元"),
        row("amount in 亿 keeps leading 0", [] { return format_amount("30000000", {AmountUnit::yi, 2}); },
            "0.3亿元"),
        row("amount in 元", [] { return format_amount("30000000", {AmountUnit::yuan, 2}); }, "30000000元"),
        row("amount rounds into 亿", [] { return format_amount("99999999", {}); }, "1亿元"),
        row("amount negative", [] { return format_amount("-30000000", {}); }, "-3000万元"),
        row("amount not a number", [] { return format_amount("10余万", {}); }, std::nullopt),
        row("amount bad precision", [] { return format_amount("10", {AmountUnit::automatic, 9}); }, std::nullopt),
        row("percent 100", [] { return format_percent("100"); }, "100%"),
        row("percent 12.5", [] { return format_percent("12.5"); }, "12.5%"),
        row("percent 0.5", [] { return format_percent("0.5"); }, "0.5%"),
        row("percent 0", [] { return format_percent("0"); }, "0%"),
        row("percent precision 1", [] { return format_percent("97.619", 1); }, "97.6%"),
        row("percent precision 0", [] { return format_percent("99.5", 0); }, "100%"),
        row("percent trailing zero dropped", [] { return format_percent("12.50", 1); }, "12.5%"),
        row("percent as written", [] { return format_percent("12.50"); }, "12.50%"),
        row("percent not a number", [] { return format_percent("百分之百"); }, std::nullopt),
        row("decimal 12.45 half up", [] { return format_decimal(12.45, 1); }, "12.5"),
        row("decimal 42", [] { return format_decimal(42, 2); }, "42"),
        row("date day", [] { return format_date_part("2017-12-13", DatePart::day); }, "2017年12月13日"),
        row("date month", [] { return format_date_part("2017-12-13", DatePart::month); }, "2017年12月"),
        row("date year", [] { return format_date_part("2017-12-13", DatePart::year); }, "2017年"),
        row("date no padding", [] { return format_date_part("2018-01-06", DatePart::day); }, "2018年1月6日"),
        row("date lacks day", [] { return format_date_part("2017-12", DatePart::day); }, std::nullopt),
        row("date invalid", [] { return format_date_part("2017-02-29", DatePart::day); }, std::nullopt),
        row("date in Chinese", [] { return format_date_chinese("2017-12-13"); }, "二〇一七年十二月十三日"),
        row("date figures.hpp", [] { return format_date("2017-12"); }, "2017年12月")),
    name_of);

// Approximate figures keep their qualifier; year-over-year wording.
INSTANTIATE_TEST_SUITE_P(
    ApproximateAndChange, NumberForms,
    ::testing::Values(
        row("10余万元 arabic", [] { return rewrite_figure(*parse_written_figure("10余万元"), Numerals::arabic); },
            "10余万元"),
        row("10余万元 chinese", [] { return rewrite_figure(*parse_written_figure("10余万元"), Numerals::chinese); },
            "十余万元"),
        row("50多名 chinese", [] { return rewrite_figure(*parse_written_figure("50多名"), Numerals::chinese); },
            "五十多名"),
        row("30余条 arabic", [] { return rewrite_figure(*parse_written_figure("30余条"), Numerals::arabic); },
            "30余条"),
        row("十多场次 arabic", [] { return rewrite_figure(*parse_written_figure("十多场次"), Numerals::arabic); },
            "10多场次"),
        row("十多场次 chinese", [] { return rewrite_figure(*parse_written_figure("十多场次"), Numerals::chinese); },
            "十多场次"),
        row("约300人 chinese", [] { return rewrite_figure(*parse_written_figure("约300人"), Numerals::chinese); },
            "约三百人"),
        row("2 chinese → 两", [] { return rewrite_figure(*parse_written_figure("2"), Numerals::chinese); }, "两"),
        row("2.46亿元 has no Chinese form",
            [] { return rewrite_figure(*parse_written_figure("2.46亿元"), Numerals::chinese); }, std::nullopt),
        row("增长12.5%", [] { return format_change_percent("45", "40"); }, "增长12.5%"),
        row("下降3.2%", [] { return format_change_percent("96.8", "100"); }, "下降3.2%"),
        row("持平 (percent)", [] { return format_change_percent("40", "40"); }, "持平"),
        row("持平 after rounding", [] { return format_change_percent("100.01", "100"); }, "持平"),
        row("percent change precision 2", [] { return format_change_percent("42", "38", 2); }, "增长10.53%"),
        row("percent change from 0", [] { return format_change_percent("5", "0"); }, std::nullopt),
        row("negative previous", [] { return format_change_percent("-5", "-10"); }, "增长50%"),
        row("增加5件", [] { return format_change_count("5", "件"); }, "增加5件"),
        row("减少3件 (negative change)", [] { return format_change_count("-3", "件"); }, "减少3件"),
        row("持平 (count)", [] { return format_change_count("0", "件"); }, "持平"),
        row("增加500万元", [] { return format_change_count("5000000", "", true); }, "增加500万元"),
        row("减少1.2亿元", [] { return format_change_count("-120000000", "", true); }, "减少1.2亿元"),
        row("change not a number", [] { return format_change_count("x", "件"); }, std::nullopt)),
    name_of);

struct FigureCase {
  const char* text;
  const char* prefix;
  const char* numeral;
  double value;
  const char* qualifier;
  const char* unit;
  bool chinese;
  bool approximate;
};

class ParseWrittenFigure : public ::testing::TestWithParam<FigureCase> {};

TEST_P(ParseWrittenFigure, ReadsPrefixNumeralQualifierUnit) {
  const FigureCase& c = GetParam();
  const auto f = parse_written_figure(c.text);
  ASSERT_TRUE(f) << c.text;
  EXPECT_EQ(f->prefix, c.prefix) << c.text;
  EXPECT_EQ(f->numeral, c.numeral) << c.text;
  EXPECT_DOUBLE_EQ(f->value, c.value) << c.text;
  EXPECT_EQ(f->qualifier, c.qualifier) << c.text;
  EXPECT_EQ(f->unit, c.unit) << c.text;
  EXPECT_EQ(f->chinese, c.chinese) << c.text;
  EXPECT_EQ(f->approximate(), c.approximate) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Figures, ParseWrittenFigure,
    ::testing::Values(FigureCase{"42", "", "42", 42, "", "", false, false},
                      FigureCase{"30余", "", "30", 30, "余", "", false, true},
                      FigureCase{"十多", "", "十", 10, "多", "", true, true},
                      FigureCase{"10余万元", "", "10", 100000, "余", "万元", false, true},
                      FigureCase{"50多名", "", "50", 50, "多", "名", false, true},
                      FigureCase{"约300人", "约", "300", 300, "", "人", false, true},
                      FigureCase{"近100%", "近", "100", 100, "", "%", false, true},
                      FigureCase{"共42件", "共", "42", 42, "", "件", false, false},
                      FigureCase{"2.46亿元", "", "2.46", 246000000, "", "亿元", false, false},
                      FigureCase{"一万元", "", "一万", 10000, "", "元", true, false},
                      FigureCase{"3,000", "", "3,000", 3000, "", "", false, false},
                      FigureCase{"100%", "", "100", 100, "", "%", false, false},
                      FigureCase{"两千", "", "两千", 2000, "", "", true, false},
                      FigureCase{"一百零五件", "", "一百零五", 105, "", "件", true, false},
                      FigureCase{"0", "", "0", 0, "", "", false, false},
                      FigureCase{"-3", "", "-3", -3, "", "", false, false},
                      FigureCase{"20左右", "", "20", 20, "左右", "", false, true}));

TEST(ParseWrittenFigure, RefusesWhatIsNotAFigure) {
  for (const char* text : {"", "abc", "第二", "是一", "3千5百", "，42"})
    EXPECT_FALSE(parse_written_figure(text)) << text;
}

TEST(ParseChineseNumeral, ReadsWithICU) {
  EXPECT_EQ(parse_chinese_numeral("一百零五"), 105);
  EXPECT_EQ(parse_chinese_numeral("十"), 10);
  EXPECT_EQ(parse_chinese_numeral("十三"), 13);
  EXPECT_EQ(parse_chinese_numeral("一万"), 10000);
  EXPECT_EQ(parse_chinese_numeral("一亿"), 100000000);
  EXPECT_EQ(parse_chinese_numeral("二〇一七"), 2017);
  EXPECT_FALSE(parse_chinese_numeral("十多"));
  EXPECT_FALSE(parse_chinese_numeral(""));
  EXPECT_FALSE(parse_chinese_numeral("42"));
}

TEST(NumberFormErrors, OutOfRangeArgumentsThrow) {
  EXPECT_THROW(chinese_count(-1), std::invalid_argument);
  EXPECT_THROW(chinese_ordinal(0), std::invalid_argument);
  EXPECT_THROW(chinese_year(0), std::invalid_argument);
  EXPECT_THROW(session_name(0, 1, SessionForm::full), std::invalid_argument);
  EXPECT_THROW(session_name(8, 0, SessionForm::short_form), std::invalid_argument);
}

// Every numeral of the forms comes from ICU: a round trip through ICU's parser gives
// the number back for the whole range a report uses.
TEST(NumberForms, ChineseNumeralsRoundTripThroughICU) {
  for (long long n : {0LL, 1LL, 2LL, 9LL, 10LL, 11LL, 19LL, 20LL, 99LL, 100LL, 101LL, 110LL, 999LL, 1000LL, 1001LL,
                      1010LL, 9999LL, 10000LL, 10001LL, 100000LL, 123456LL, 100000000LL, 100000001LL}) {
    EXPECT_EQ(parse_chinese_numeral(chinese_numeral(n)), n) << n;
    EXPECT_EQ(parse_chinese_numeral(chinese_count(n)), n) << n;
  }
}

}  // namespace
TEST(ParseDate, IsoAndChineseFormsAgainstTheCalendar) {
  EXPECT_EQ(iso_day("2017-12-13"), "2017-12-13");
  EXPECT_EQ(iso_day("2017年2月8日"), "2017-02-08");
  EXPECT_EQ(iso_day(" 2016年2月29日 "), "2016-02-29");
  EXPECT_EQ(iso_day("2017年12月"), std::nullopt);  // not a day
  EXPECT_EQ(iso_day("2017年13月5日"), std::nullopt);
  EXPECT_EQ(iso_day("2017-02-30"), std::nullopt);
  EXPECT_EQ(iso_day("2017年底"), std::nullopt);
  ASSERT_TRUE(parse_date("2017年12月"));
  EXPECT_EQ(parse_date("2017年12月")->month, 12);
  EXPECT_EQ(parse_date("2017年")->year, 2017);
}

// Found by fuzzing (tests/fuzz/regressions/render/long-digit-run-stack-overflow.json):
// numeric_text ran std::regex over a 43,558-character run of digits, and libstdc++'s
// regex recursed once per character until the stack overflowed.
TEST(IsDecimalNumber, ScansWithoutRecursion) {
  EXPECT_TRUE(is_decimal_number("42"));
  EXPECT_TRUE(is_decimal_number("-2.46"));
  EXPECT_TRUE(is_decimal_number("+3e7"));
  EXPECT_TRUE(is_decimal_number("1.5E-3"));
  EXPECT_FALSE(is_decimal_number(""));
  EXPECT_FALSE(is_decimal_number("-"));
  EXPECT_FALSE(is_decimal_number("1."));
  EXPECT_FALSE(is_decimal_number(".5"));
  EXPECT_FALSE(is_decimal_number("1e"));
  EXPECT_FALSE(is_decimal_number("30余"));
  EXPECT_TRUE(is_decimal_number("007"));
  EXPECT_FALSE(is_decimal_number("007", true));
  EXPECT_TRUE(is_decimal_number("0.5", true));
  const std::string digits(1'000'000, '9');
  EXPECT_TRUE(is_decimal_number(digits));
  EXPECT_EQ(numeric_text(digits)->size(), digits.size());
  EXPECT_EQ(numeric_text("-00," + digits + ".5")->size(), digits.size() + 5);  // "-00" + digits + ".5"
}

}  // namespace baogao
