#pragma once
// Number forms of Chinese official writing: Chinese numerals for counts, ordinals
// and session names, 万/亿 amounts with a chosen precision, percentages, dates,
// figures written with a qualifier (10余万元, 十多), and year-over-year wording
// (增长12.5%, 下降3.2%, 持平, 增加5件).
//
// Every numeral and every decimal goes through ICU (RuleBasedNumberFormat with the
// zh spell-out rules, number::NumberFormatter for zh_CN): there is no table of digits
// here. Results are UTF-8, plain text (not escaped for the report markup).
// The reference page for template writers is docs/figures.md.
//
// Rules (ids from ../shared/spec/number-punctuation-rules.md):
//   N1  statistics in Arabic digits            GB/T 15835-2011 §4.1.1
//   N5  qualifiers 余/多/左右/约 kept as written GB/T 15835-2011 §4.3
//   N7  session names in Chinese numerals       GB/T 15835-2011 §4.3 (十一届全国人大一次会议)
//   N13 万/亿 with Arabic digits, no 千/百       GB/T 15835-2011 §5.3
//   N14 a pure decimal keeps its leading 0      GB/T 15835-2011 §5.1 (纯小数)
//   N16 dates without zero padding              GB/T 15835-2011 §5.1; GB/T 9704-2012 §7.3.5.4
//   N17 〇 in years written out, 零 in counts    GB/T 15835-2011 §5.2
#include <optional>
#include <string>
#include <string_view>

namespace baogao {

// ---------------------------------------------------------------------------
// Chinese numerals. chinese_numeral(n) (0 → 零, 105 → 一百零五) is in numbering.hpp.

/// The numeral before a measure word (量词): as chinese_numeral, except that a lone
/// 2 is 两 (两点共识, 两次), per standard usage; 12 → 十二, 20 → 二十, 200 → 二百.
/// Source: ICU zh "%spellout-cardinal-alternate2" below 10, "%spellout-cardinal" above.
/// Throws std::invalid_argument for n < 0.
std::string chinese_count(long long n);

/// 第 + the cardinal numeral (GB/T 15835-2011 §4.2 序数): 1 → 第一, 2 → 第二,
/// 10 → 第十, 105 → 第一百零五 (零, not the 〇 of ICU's "%spellout-ordinal").
/// The template adds the measure word: 第二次. Throws std::invalid_argument for n < 1.
std::string chinese_ordinal(long long n);

/// A year written out in Chinese digits with 〇 for zero (GB/T 15835-2011 §5.2,
/// rule N17): 2017 → 二〇一七, 2000 → 二〇〇〇. The template adds 年.
/// Source: ICU zh "%spellout-numbering-year". Throws std::invalid_argument for year < 1.
std::string chinese_year(long long year);

enum class SessionForm {
  short_form,  ///< 八届二次会议 (as in 政协某区八届二次会议)
  full,        ///< 第八届委员会第二次会议 (as in 政协某区第八届委员会第二次会议)
};

/// The name of the `session`-th plenary session (次会议) of the `term`-th committee
/// (届), numerals in Chinese (GB/T 15835-2011 §4.3, rule N7; never 8届2次会议):
/// (8, 2, short_form) → 八届二次会议; (8, 2, full) → 第八届委员会第二次会议;
/// (14, 1, short_form) → 十四届一次会议. Throws std::invalid_argument when term or
/// session < 1.
std::string session_name(long long term, long long session, SessionForm form);

/// The value of a numeral written wholly in Chinese (一百零五, 两千, 十, 二〇一七,
/// 一万), read by ICU's zh spell-out parser. nullopt when `text` is empty or is not
/// wholly one Chinese numeral ("十多", "一是", "abc").
std::optional<long long> parse_chinese_numeral(std::string_view text);

// ---------------------------------------------------------------------------
// Figures written with a qualifier or in words, as staff type them.

/// A figure as written: prefix, numeral, qualifier, unit.
///   "30余"      → {"", "30", 30, "余", ""}         "十多" → {"", "十", 10, "多", "", chinese}
///   "10余万元"  → {"", "10", 100000, "余", "万元"}  "约300人" → {"约", "300", 300, "", "人"}
///   "2.46亿元"  → {"", "2.46", 246000000, "", "亿元"}   "一万元" → {"", "一万", 10000, "", "元", chinese}
///   "100%"      → {"", "100", 100, "", "%"}         "3,000"  → {"", "3,000", 3000, "", ""}
struct WrittenFigure {
  std::string prefix;     ///< 约 近 超过 逾 达 共 计 多达 不足 …, as written ("" when none)
  std::string numeral;    ///< the digits or Chinese numeral as written ("30", "十", "2.46", "3,000")
  double value = 0;       ///< numeral × 10^4 / 10^8 when the unit starts with 万 / 亿 after Arabic digits
  std::string qualifier;  ///< 余 多 来 左右 上下 以上 以下 许, as written ("" when none)
  std::string unit;       ///< whatever follows ("万元", "件", "%", "")
  bool chinese = false;   ///< the numeral is written in Chinese (十, 一万)
  int decimals = 0;       ///< digits after the decimal point as written ("2.46" → 2)

  /// True when written with a qualifier or an approximating prefix (约, 近, 超过, …):
  /// the figure is a bound, not an exact value (GB/T 15835-2011 §4.3, rule N5).
  bool approximate() const;
};

/// Reads a figure as written. The numeral is Arabic (optionally signed, with ','
/// grouping and a decimal point) or wholly Chinese (parse_chinese_numeral); prefix,
/// qualifier and unit are optional. Full-width digits are not accepted (rule N11).
/// Returns nullopt when there is no numeral, or the text is not of this shape
/// ("一是", "第二", "abc", "").
std::optional<WrittenFigure> parse_written_figure(std::string_view text);

enum class Numerals { arabic, chinese };

/// The figure written again with the other numerals, prefix, qualifier and unit kept
/// (rule N5): {10, 余, 万元} → "10余万元" / "十余万元"; {十, 多} → "10多" / "十多";
/// {2} → "2" / "两" (chinese_count). Chinese needs a whole number below 10^12;
/// nullopt otherwise (2.46亿元 has no Chinese form here).
std::optional<std::string> rewrite_figure(const WrittenFigure& figure, Numerals numerals);

// ---------------------------------------------------------------------------
// Amounts, percentages, dates.

enum class AmountUnit {
  automatic,  ///< 元 below 1万, 万元 below 1亿, else 亿元
  yuan,       ///< always 元
  wan,        ///< always 万元
  yi,         ///< always 亿元
};

struct AmountForm {
  AmountUnit unit = AmountUnit::automatic;
  int precision = 2;  ///< at most this many decimals (0–6), rounded half up; trailing zeros dropped
};

/// The number in `s` as plain decimal text: spaces around and thousands commas
/// dropped, a leading '+' too ("3,000" → "3000", "+5" → "5", "-3e7" stays); nullopt
/// when `s` is not just a decimal number ("30余", "十多", "1.2.3").
std::optional<std::string> numeric_text(std::string_view s);

/// True for a decimal number as JSON/YAML/Excel write it: [-+]digits[.digits][e[-+]digits].
/// With `no_leading_zeros`, an integer part of two or more digits may not start with 0
/// (YAML's rule: "007" stays text). A scan, not std::regex: libstdc++'s regex recurses
/// once per character and a 40,000-digit "number" overflowed the stack (found by fuzzing).
bool is_decimal_number(std::string_view text, bool no_leading_zeros = false);

/// Plain decimal text ("3000", "-2.5", "3e7"; a leading '+' is allowed) → double;
/// nullopt for anything else. std::from_chars: no locale, no trailing text.
std::optional<double> to_double(std::string_view text);

/// An amount in 元 (decimal text as written: "246000000", "5000.5", "-3e7", "3,000")
/// in the 万/亿 form of Chinese reports (GB/T 15835-2011 §5.3, rule N13: Arabic
/// digits with 万/亿, no grouping, never 3千万): 30000000 → "3000万元",
/// 246000000 → "2.46亿元", 100000000 → "1亿元", 5000 → "5000元",
/// 12345 → "1.23万元" (precision 2), 12345 → "1.2345万元" (precision 4),
/// 30000000 in yi → "0.3亿元" (rule N14 keeps the 0). With automatic, a value that
/// rounds up to 10000 of its unit moves to the next (99999999 → "1亿元").
/// ICU number::NumberFormatter (zh_CN). nullopt when `number_text` is not a decimal
/// number or precision is outside 0–6.
std::optional<std::string> format_amount(std::string_view number_text, AmountForm form);

/// A percentage from its value in per cent ("12.5", "100", "0.5"): at most
/// `precision` decimals (0–6), rounded half up, trailing zeros dropped; precision
/// -1 keeps the number as written. 12.5 → "12.5%", 100 → "100%", 0.5 → "0.5%",
/// ("97.619", 1) → "97.6%". nullopt when not a decimal number.
std::optional<std::string> format_percent(std::string_view number_text, int precision = -1);

/// `value` (a double) as decimal text with at most `precision` decimals (0–6), half
/// up, no grouping, trailing zeros dropped: (97.619, 1) → "97.6", (42, 2) → "42".
/// The value is first written with 15 significant digits, so 12.45 rounds to 12.5.
std::string format_decimal(double value, int precision);

enum class DatePart { year, month, day };

/// An ISO date ("2017-12-13", "2017-12", "2017") written to the chosen part, without
/// zero padding (rule N16): day → "2017年12月13日", month → "2017年12月", year →
/// "2017年". nullopt when the date is invalid or lacks the part asked for.
std::optional<std::string> format_date_part(std::string_view iso, DatePart part);

/// The same date with the year in Chinese digits (rule N17): "2017-12-13" →
/// "二〇一七年十二月十三日", "2017" → "二〇一七年". For solemn texts only: reports
/// write dates in Arabic digits (rule N8). nullopt when the date is invalid.
std::optional<std::string> format_date_chinese(std::string_view iso);

/// Year, month, day of an ISO date ("2017-12-13"; month/day 0 when absent).
struct IsoDate {
  int year = 0, month = 0, day = 0;
};
/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month/day with or without a leading
/// 0), checking the calendar (leap years); nullopt otherwise.
std::optional<IsoDate> parse_iso_date(std::string_view iso);

/// A date as staff write it: ISO ("2017-12-13", "2017-12", "2017") or Chinese
/// ("2017年12月13日", "2017年12月", "2017年"), checked against the calendar; nullopt
/// otherwise (also for "2017年13月5日" or "2017年底").
std::optional<IsoDate> parse_date(std::string_view text);

/// "2017-12-13" for a full date (zero-padded), else nullopt.
std::optional<std::string> iso_day(std::string_view text);

// ---------------------------------------------------------------------------
// Year-over-year change.

/// A change in absolute terms, against last year's value: "增加5件", "减少3件", "持平"
/// (delta 0). `delta_text` is current − previous as decimal text; `unit` is the
/// measure word (件) written after the number. When `amount` is true the magnitude is
/// an amount in 元 written as format_amount (增加500万元, 减少1.2亿元) and `unit` is
/// ignored. nullopt when `delta_text` is not a number.
std::optional<std::string> format_change_count(std::string_view delta_text, std::string_view unit,
                                               bool amount = false, AmountForm form = {});

/// A change in per cent against last year: (current − previous) / |previous| × 100,
/// at most `precision` decimals (half up): (45, 40) → "增长12.5%", (96.8, 100) →
/// "下降3.2%", a change that rounds to 0 → "持平". nullopt when a value is not a
/// number or previous is 0 (no percentage change from nothing).
std::optional<std::string> format_change_percent(std::string_view current_text, std::string_view previous_text,
                                                 int precision = 1);

}  // namespace baogao
