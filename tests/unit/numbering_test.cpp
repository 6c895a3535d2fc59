// Heading numbers (GB/T 9704-2012 §7.3.3) and Chinese counting numerals (ICU zh spellout).
#include "drafting/numbering.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using baogao::chinese_numeral;
using baogao::heading_number;
using baogao::HeadingCounter;

namespace {

struct NumeralCase {
  long long n;
  const char* expected;
};

class ChineseNumeral : public ::testing::TestWithParam<NumeralCase> {};

TEST_P(ChineseNumeral, CountingForm) { EXPECT_EQ(chinese_numeral(GetParam().n), GetParam().expected); }

// 0 is 零 (the counting form, GB/T 15835-2011 §5.2), not 〇 (the digit of written-out years).
INSTANTIATE_TEST_SUITE_P(Values, ChineseNumeral,
                         ::testing::Values(NumeralCase{0, "零"}, NumeralCase{1, "一"}, NumeralCase{2, "二"},
                                           NumeralCase{9, "九"}, NumeralCase{10, "十"}, NumeralCase{11, "十一"},
                                           NumeralCase{19, "十九"}, NumeralCase{20, "二十"},
                                           NumeralCase{99, "九十九"}, NumeralCase{100, "一百"},
                                           NumeralCase{101, "一百零一"}, NumeralCase{105, "一百零五"},
                                           NumeralCase{110, "一百一十"}, NumeralCase{1000, "一千"},
                                           NumeralCase{1001, "一千零一"}, NumeralCase{2024, "二千零二十四"},
                                           NumeralCase{10000, "一万"}, NumeralCase{100000000, "一亿"}));

TEST(ChineseNumeralErrors, NegativeThrows) {
  EXPECT_THROW(chinese_numeral(-1), std::invalid_argument);
  EXPECT_THROW(chinese_numeral(-100000), std::invalid_argument);
}

struct HeadingCase {
  int level;
  int n;
  std::string expected;
};

void PrintTo(const HeadingCase& c, std::ostream* os) {
  *os << "level " << c.level << " n " << c.n << " → " << c.expected;
}

class HeadingNumber : public ::testing::TestWithParam<HeadingCase> {};

TEST_P(HeadingNumber, Text) { EXPECT_EQ(heading_number(GetParam().level, GetParam().n), GetParam().expected); }

// Explicit expectations for 1–12, 19, 20, 21, 30, 45, 99 at every level.
std::vector<HeadingCase> heading_cases() {
  const std::vector<std::pair<int, std::string>> chinese = {
      {1, "一"},    {2, "二"},    {3, "三"},      {4, "四"},    {5, "五"},      {6, "六"},
      {7, "七"},    {8, "八"},    {9, "九"},      {10, "十"},   {11, "十一"},   {12, "十二"},
      {19, "十九"}, {20, "二十"}, {21, "二十一"}, {30, "三十"}, {45, "四十五"}, {99, "九十九"}};
  std::vector<HeadingCase> cases;
  for (const auto& [n, numeral] : chinese) {
    const std::string arabic = std::to_string(n);
    cases.push_back({1, n, numeral + "、"});
    cases.push_back({2, n, "（" + numeral + "）"});
    cases.push_back({3, n, arabic + "."});
    cases.push_back({4, n, "（" + arabic + "）"});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Explicit, HeadingNumber, ::testing::ValuesIn(heading_cases()));

// An independent reader for Chinese numerals below 100 (test only): 十 = 10,
// a leading digit before 十 multiplies it, a trailing digit adds.
int read_chinese_below_100(const std::string& text) {
  static const std::vector<std::string> digits = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto digit_at = [&](std::size_t pos, std::size_t* length) {
    for (std::size_t d = 0; d < digits.size(); ++d)
      if (text.compare(pos, digits[d].size(), digits[d]) == 0) {
        *length = digits[d].size();
        return static_cast<int>(d) + 1;
      }
    return 0;
  };
  std::size_t pos = 0, length = 0;
  int value = 0;
  int first = digit_at(pos, &length);
  if (first) pos += length;
  if (text.compare(pos, 3, "十") == 0) {
    value = (first ? first : 1) * 10;
    pos += 3;
    int last = digit_at(pos, &length);
    if (last) value += last, pos += length;
  } else {
    value = first;
  }
  return pos == text.size() ? value : -1;
}

TEST(HeadingNumberProperties, OneToNinetyNineEveryLevel) {
  for (int level = 1; level <= 4; ++level) {
    std::set<std::string> seen;
    for (int n = 1; n <= 99; ++n) {
      const std::string text = heading_number(level, n);
      SCOPED_TRACE("level " + std::to_string(level) + " n " + std::to_string(n) + ": " + text);
      EXPECT_TRUE(seen.insert(text).second) << "duplicate";
      EXPECT_EQ(text.find("零"), std::string::npos);
      EXPECT_EQ(text.find("〇"), std::string::npos);
      EXPECT_EQ(text.find(' '), std::string::npos);
      switch (level) {
        case 1: {
          ASSERT_GE(text.size(), 6u);
          EXPECT_EQ(text.substr(text.size() - 3), "、");
          const std::string numeral = text.substr(0, text.size() - 3);
          EXPECT_NE(numeral.rfind("一十", 0), 0u) << "no 一十 for 10–19";
          EXPECT_EQ(read_chinese_below_100(numeral), n);
          break;
        }
        case 2: {
          EXPECT_EQ(text.rfind("（", 0), 0u);
          EXPECT_EQ(text.substr(text.size() - 3), "）");
          const std::string numeral = text.substr(3, text.size() - 6);
          EXPECT_NE(numeral.rfind("一十", 0), 0u);
          EXPECT_EQ(read_chinese_below_100(numeral), n);
          break;
        }
        case 3: EXPECT_EQ(text, std::to_string(n) + "."); break;
        case 4: EXPECT_EQ(text, "（" + std::to_string(n) + "）"); break;
      }
    }
  }
}

TEST(HeadingNumberErrors, BadLevelOrNumberThrows) {
  EXPECT_THROW(heading_number(0, 1), std::invalid_argument);
  EXPECT_THROW(heading_number(5, 1), std::invalid_argument);
  EXPECT_THROW(heading_number(1, 0), std::invalid_argument);
  EXPECT_THROW(heading_number(3, -2), std::invalid_argument);
}

TEST(HeadingCounterTest, CountsAndRestartsDeeperLevels) {
  HeadingCounter c;
  EXPECT_EQ(c.next(1), "一、");
  EXPECT_EQ(c.next(2), "（一）");
  EXPECT_EQ(c.next(2), "（二）");
  EXPECT_EQ(c.next(3), "1.");
  EXPECT_EQ(c.next(4), "（1）");
  EXPECT_EQ(c.next(4), "（2）");
  EXPECT_EQ(c.next(3), "2.");
  EXPECT_EQ(c.next(4), "（1）") << "a level-3 heading restarts level 4";
  EXPECT_EQ(c.next(2), "（三）");
  EXPECT_EQ(c.next(3), "1.") << "a level-2 heading restarts level 3";
  EXPECT_EQ(c.next(1), "二、");
  EXPECT_EQ(c.next(2), "（一）") << "a level-1 heading restarts level 2";
}

TEST(HeadingCounterTest, PartHeadingRestartsEverything) {
  HeadingCounter c;
  c.start_part();
  EXPECT_EQ(c.next(1), "一、");
  EXPECT_EQ(c.next(1), "二、");
  EXPECT_EQ(c.next(2), "（一）");
  c.start_part();
  EXPECT_EQ(c.next(1), "一、");
  EXPECT_EQ(c.next(2), "（一）");
  c.start_part();
  EXPECT_EQ(c.next(3), "1.") << "a skipped level starts at 1";
}

TEST(HeadingCounterTest, ElevenAndBeyond) {
  HeadingCounter c;
  std::string last;
  for (int i = 0; i < 11; ++i) last = c.next(1);
  EXPECT_EQ(last, "十一、");
  for (int i = 0; i < 21; ++i) last = c.next(2);
  EXPECT_EQ(last, "（二十一）");
}

TEST(HeadingCounterTest, BadLevelThrows) {
  HeadingCounter c;
  EXPECT_THROW(c.next(0), std::invalid_argument);
  EXPECT_THROW(c.next(5), std::invalid_argument);
}

}  // namespace
