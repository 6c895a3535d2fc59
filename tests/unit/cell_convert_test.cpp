// Cells → values by field type (drafting/cell_convert.hpp), and label folding
// (drafting/label_fold.hpp): the rules staff meet when a workbook is read.
#include "drafting/cell_convert.hpp"

#include <gtest/gtest.h>

#include "drafting/label_fold.hpp"

namespace baogao {
namespace {

Cell text_cell(const std::string& text) {
  Cell c;
  c.type = Cell::Type::string;
  c.text = text;
  return c;
}

Cell number_cell(const std::string& text, bool percent = false) {
  Cell c;
  c.type = Cell::Type::number;
  c.text = text;
  c.number = std::stod(text);
  c.percent = percent;
  return c;
}

Cell typed_cell(Cell::Type type, const std::string& text, double number = 0) {
  Cell c;
  c.type = type;
  c.text = text;
  c.number = number;
  return c;
}

struct Fits {
  Cell cell;
  FieldType type;
  Value::Kind kind;
  std::string text;
};

TEST(ConvertCell, ValuesThatFit) {
  const Fits table[] = {
      // integers: numbers, digit text with separators, full-width digits
      {number_cell("42"), FieldType::integer, Value::Kind::number, "42"},
      {text_cell("42"), FieldType::integer, Value::Kind::number, "42"},
      {text_cell(" 3,000 "), FieldType::integer, Value::Kind::number, "3000"},
      {text_cell("４２"), FieldType::integer, Value::Kind::number, "42"},
      {text_cell("42.0"), FieldType::integer, Value::Kind::number, "42"},
      // estimates (概数, GB/T 15835-2011 §4.2, §4.3) are kept as written
      {text_cell("十多"), FieldType::integer, Value::Kind::string, "十多"},
      {text_cell("30余"), FieldType::integer, Value::Kind::string, "30余"},
      {text_cell("50多"), FieldType::integer, Value::Kind::string, "50多"},
      {text_cell("三四"), FieldType::integer, Value::Kind::string, "三四"},
      {text_cell("十五六"), FieldType::integer, Value::Kind::string, "十五六"},
      {text_cell("约300"), FieldType::integer, Value::Kind::string, "约300"},
      {text_cell("300左右"), FieldType::integer, Value::Kind::string, "300左右"},
      {text_cell("几十"), FieldType::integer, Value::Kind::string, "几十"},
      // decimals and amounts
      {number_cell("2.46"), FieldType::decimal, Value::Kind::number, "2.46"},
      {text_cell("1,234.5"), FieldType::decimal, Value::Kind::number, "1234.5"},
      {number_cell("246000000"), FieldType::amount, Value::Kind::number, "246000000"},
      {text_cell("10余万元"), FieldType::amount, Value::Kind::string, "10余万元"},
      {text_cell("3000万元"), FieldType::amount, Value::Kind::string, "3000万元"},
      {text_cell("2.46亿元"), FieldType::amount, Value::Kind::string, "2.46亿元"},
      {text_cell("一万元"), FieldType::amount, Value::Kind::string, "一万元"},
      // percentages: a cell shown as 100% holds 1
      {number_cell("1", true), FieldType::percent, Value::Kind::number, "100"},
      {number_cell("0.125", true), FieldType::percent, Value::Kind::number, "12.5"},
      {number_cell("100"), FieldType::percent, Value::Kind::number, "100"},
      {text_cell("100%"), FieldType::percent, Value::Kind::number, "100"},
      {text_cell("12.5％"), FieldType::percent, Value::Kind::number, "12.5"},
      {text_cell("近100%"), FieldType::percent, Value::Kind::string, "近100%"},
      // dates
      {typed_cell(Cell::Type::date, "2017-12-13", 43082), FieldType::date, Value::Kind::string, "2017-12-13"},
      {typed_cell(Cell::Type::date, "2017-12-13T09:30:00", 43082.4), FieldType::date, Value::Kind::string, "2017-12-13"},
      {text_cell("2017-12-13"), FieldType::date, Value::Kind::string, "2017-12-13"},
      {text_cell("2017/1/5"), FieldType::date, Value::Kind::string, "2017-01-05"},
      {text_cell("2017.12.13"), FieldType::date, Value::Kind::string, "2017-12-13"},
      {text_cell("2017年12月13日"), FieldType::date, Value::Kind::string, "2017-12-13"},
      {text_cell("2018年1月"), FieldType::date, Value::Kind::string, "2018-01"},
      {text_cell("2017-12"), FieldType::date, Value::Kind::string, "2017-12"},
      {text_cell("2017年"), FieldType::date, Value::Kind::string, "2017"},
      {text_cell("2016-02-29"), FieldType::date, Value::Kind::string, "2016-02-29"},
      {number_cell("2018"), FieldType::date, Value::Kind::string, "2018"},
      // text: as written, numbers as shown
      {text_cell("政协某区委员会"), FieldType::text, Value::Kind::string, "政协某区委员会"},
      {number_cell("2018"), FieldType::text, Value::Kind::string, "2018"},
      {number_cell("1", true), FieldType::text, Value::Kind::string, "100%"},
      {typed_cell(Cell::Type::date, "2017-12-13", 43082), FieldType::text, Value::Kind::string, "2017-12-13"},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(std::string(to_string(row.type)) + " " + row.cell.text);
    const CellValue v = convert_cell(row.cell, row.type);
    ASSERT_TRUE(v.ok) << v.problem;
    EXPECT_EQ(v.value.kind, row.kind);
    EXPECT_EQ(v.value.text, row.text);
  }
}

TEST(ConvertCell, NumbersKeepTheirValue) {
  EXPECT_DOUBLE_EQ(convert_cell(text_cell("3,000"), FieldType::integer).value.number, 3000);
  EXPECT_DOUBLE_EQ(convert_cell(number_cell("0.125", true), FieldType::percent).value.number, 12.5);
}

struct Refused {
  Cell cell;
  FieldType type;
  std::string problem;
};

TEST(ConvertCell, ValuesThatDoNotFitSayWhatWasFoundAndExpected) {
  const Refused table[] = {
      {text_cell("四十二"), FieldType::integer, "expected an integer such as 42, found \"四十二\""},
      {text_cell("42件"), FieldType::integer, "expected an integer such as 42, found \"42件\""},
      {number_cell("12.5"), FieldType::integer, "expected an integer such as 42, found 12.5"},
      {text_cell("很多"), FieldType::decimal, "expected a number such as 2.5, found \"很多\""},
      {text_cell("3,00"), FieldType::decimal, "expected a number such as 2.5, found \"3,00\""},
      {text_cell("三千"), FieldType::amount, "expected an amount in 元 such as 30000000, found \"三千\""},
      {text_cell("3000元整"), FieldType::amount, "expected an amount in 元 such as 30000000, found \"3000元整\""},
      {text_cell("全部"), FieldType::percent, "expected a percentage such as 100 or 100%, found \"全部\""},
      {text_cell("2017-02-30"), FieldType::date, "expected a date such as 2017-12-13, found \"2017-02-30\""},
      {text_cell("2017-13-01"), FieldType::date, "expected a date such as 2017-12-13, found \"2017-13-01\""},
      {text_cell("2017-02-29"), FieldType::date, "expected a date such as 2017-12-13, found \"2017-02-29\""},
      {text_cell("明年"), FieldType::date, "expected a date such as 2017-12-13, found \"明年\""},
      {text_cell("17-12-13"), FieldType::date, "expected a date such as 2017-12-13, found \"17-12-13\""},
      {text_cell("2017年12"), FieldType::date, "expected a date such as 2017-12-13, found \"2017年12\""},
      {number_cell("43082"), FieldType::date, "expected a date such as 2017-12-13, found 43082"},
      {typed_cell(Cell::Type::boolean, "TRUE", 1), FieldType::integer,
       "expected an integer such as 42, found the boolean TRUE"},
      {typed_cell(Cell::Type::error, "#DIV/0!"), FieldType::percent,
       "expected a percentage such as 100 or 100%, found the error value #DIV/0!"},
      {typed_cell(Cell::Type::error, "#N/A"), FieldType::text, "expected text, found the error value #N/A"},
      {typed_cell(Cell::Type::date, "2017-12-13", 43082), FieldType::integer,
       "expected an integer such as 42, found the date 2017-12-13"},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(std::string(to_string(row.type)) + " " + row.cell.text);
    const CellValue v = convert_cell(row.cell, row.type);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.problem, row.problem);
  }
}

TEST(ConvertCell, LongTextIsCutInMessages) {
  const std::string text(60, 'x');
  EXPECT_EQ(describe_cell(text_cell(text)), "\"" + std::string(40, 'x') + "…\"");
}

TEST(ShiftDecimal, MovesThePointExactly) {
  EXPECT_EQ(shift_decimal("0.125", 2), "12.5");
  EXPECT_EQ(shift_decimal("1", 2), "100");
  EXPECT_EQ(shift_decimal("100", -2), "1");
  EXPECT_EQ(shift_decimal("12.5", -2), "0.125");
  EXPECT_EQ(shift_decimal("0.07", 2), "7");
  EXPECT_EQ(shift_decimal("-0.07", 2), "-7");
  EXPECT_EQ(shift_decimal("5", -3), "0.005");
  EXPECT_EQ(shift_decimal("0", 2), "0");
  EXPECT_EQ(shift_decimal("1e3", 2), "");
  EXPECT_EQ(shift_decimal("", 2), "");
  EXPECT_EQ(shift_decimal("1.", 2), "");
}

TEST(FoldLabel, FoldsWidthCaseSpacesAndSeparators) {
  EXPECT_EQ(fold_label("  单位名称 "), "单位名称");
  EXPECT_EQ(fold_label("单位 名称"), "单位名称");
  EXPECT_EQ(fold_label("单位\u3000名称"), "单位名称");
  EXPECT_EQ(fold_label("表头（名称列）"), "表头(名称列)");
  EXPECT_EQ(fold_label("ＡＢｃ１"), "abc1");
  EXPECT_EQ(fold_label("提案工作·立案件数"), fold_label("提案工作 / 立案件数"));
  EXPECT_EQ(fold_label("提案工作·立案件数"), fold_label("提案工作立案件数"));
  EXPECT_EQ(fold_label("proposals.filed"), fold_label("Proposals_Filed"));
  EXPECT_NE(fold_label("立案件数"), fold_label("立案提案件数"));
  EXPECT_EQ(nfkc("４２％"), "42%");
}

}  // namespace
}  // namespace baogao
