// One cell → one data-tree value by field type (see cell_convert.hpp).
#include "drafting/cell_convert.hpp"

#include <unicode/unistr.h>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "drafting/label_fold.hpp"
#include "drafting/trim.hpp"
#include "drafting/xlsx_reader.hpp"

namespace baogao {

namespace {

std::u32string to_u32(std::string_view utf8) {
  const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

/// 一…九 → 1…9 (两 = 2), else 0.
int chinese_digit(char32_t c) {
  switch (c) {
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return 0;
  }
}

bool is_chinese_numeral(char32_t c) {
  return chinese_digit(c) > 0 || c == U'〇' || c == U'零' || c == U'十' || c == U'百' || c == U'千' ||
         c == U'万' || c == U'亿';
}

/// "3,000" → "3000", "-2.5" → "-2.5"; nullopt unless the (NFKC-folded, trimmed) text
/// is a plain decimal numeral with optional thousands separators.
std::optional<std::string> decimal_text(std::string_view text) {
  const std::string folded = nfkc(trim(text));
  std::string_view s = trim(folded);
  std::string out;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    if (s[i] == '-') out += '-';
    ++i;
  }
  std::size_t digits = 0, group = 0;
  bool grouped = false;
  for (; i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == ','); ++i) {
    if (s[i] == ',') {
      if (digits == 0 || (grouped && group != 3) || (!grouped && group > 3)) return std::nullopt;
      grouped = true;
      group = 0;
      continue;
    }
    out += s[i];
    ++digits;
    ++group;
  }
  if (digits == 0 || (grouped && group != 3)) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    out += '.';
    std::size_t fraction = 0;
    for (++i; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i, ++fraction) out += s[i];
    if (fraction == 0) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return out;
}

Value number_value(const std::string& text) {
  Value v;
  v.kind = Value::Kind::number;
  v.text = text;
  v.number = std::strtod(text.c_str(), nullptr);
  if (v.number == 0) v.number = 0;  // no -0
  if (v.text == "-0") v.text = "0";
  return v;
}

/// Whether `text` is an estimate (概数) kept as written: numerals with a qualifier,
/// or two adjacent Chinese digits; only numerals, qualifiers, '.', ',' and — for
/// amounts — 万/亿/元, for percentages '%', otherwise.
bool is_estimate(std::string_view text, FieldType type) {
  const std::u32string s = to_u32(nfkc(trim(text)));
  bool numeral = false, qualifier = false, adjacent = false;
  int previous_digit = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    const int digit = chinese_digit(c);
    if (digit > 0 && previous_digit > 0 && digit == previous_digit + 1) adjacent = true;
    previous_digit = digit;
    if (is_ascii_digit(c) || is_chinese_numeral(c)) {
      numeral = true;
      continue;
    }
    switch (c) {
      case U'余': case U'多': case U'几': case U'来': case U'约': case U'近': case U'逾':
        qualifier = true;
        continue;
      case U'左': case U'上':
        if (i + 1 < s.size() && s[i + 1] == (c == U'左' ? U'右' : U'下')) {
          qualifier = true;
          ++i;
          continue;
        }
        return false;
      case U'.': case U',':
        continue;
      case U'元':
        if (type == FieldType::amount) continue;
        return false;
      case U'%':
        if (type == FieldType::percent) continue;
        return false;
      default:
        return false;
    }
  }
  return numeral && (qualifier || adjacent);
}

/// An amount written with its unit: "3000万元", "2.46亿元", "5000元", "十万元".
bool is_amount_with_unit(std::string_view text) {
  std::u32string s = to_u32(nfkc(trim(text)));
  bool unit = false;
  if (!s.empty() && s.back() == U'元') s.pop_back(), unit = true;
  while (!s.empty() && (s.back() == U'万' || s.back() == U'亿')) s.pop_back(), unit = true;
  if (!unit || s.empty()) return false;
  bool arabic = false, chinese = false;
  for (char32_t c : s) {
    if (is_ascii_digit(c) || c == U'.' || c == U',') arabic = true;
    else if (is_chinese_numeral(c)) chinese = true;
    else return false;
  }
  return arabic != chinese;  // one kind of numerals, not "3千万"
}

Value string_value(std::string text) { return Value::make_string(std::move(text)); }

CellValue fits(Value v) {
  CellValue out;
  out.ok = true;
  out.value = std::move(v);
  return out;
}

CellValue refused(const Cell& cell, const char* expected) {
  CellValue out;
  out.problem = std::string("expected ") + expected + ", found " + describe_cell(cell);
  return out;
}

const char* expected_form(FieldType type) {
  switch (type) {
    case FieldType::integer: return "an integer such as 42";
    case FieldType::decimal: return "a number such as 2.5";
    case FieldType::amount: return "an amount in 元 such as 30000000";
    case FieldType::percent: return "a percentage such as 100 or 100%";
    case FieldType::date: return "a date such as 2017-12-13";
    default: return "text";
  }
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

/// "2017-12-13", "2017/12/13", "2017.12.13", "2017年12月13日", "2017-12", "2017年12月",
/// "2017年", "2017" → ISO; nullopt when it is none of these or out of range.
std::optional<std::string> date_text(std::string_view text) {
  const std::u32string s = to_u32(nfkc(trim(text)));
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int count = 0;
  char32_t separator = 0;
  bool chinese = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (is_ascii_digit(c)) {
      if (count == 3) return std::nullopt;
      if (digits[count] == 4) return std::nullopt;
      parts[count] = parts[count] * 10 + static_cast<int>(c - U'0');
      ++digits[count];
      continue;
    }
    if (digits[count] == 0) return std::nullopt;
    const bool last = i + 1 == s.size();
    if (c == U'年' || c == U'月' || c == U'日') {
      const char32_t expected = count == 0 ? U'年' : count == 1 ? U'月' : U'日';
      if (c != expected || separator != 0) return std::nullopt;
      chinese = true;
      ++count;
      if (c == U'日' && !last) return std::nullopt;
      if (count == 3) {
        if (!last) return std::nullopt;
        break;
      }
      continue;
    }
    if ((c == U'-' || c == U'/' || c == U'.') && !chinese && count < 2 && !last) {
      if (separator != 0 && c != separator) return std::nullopt;
      separator = c;
      ++count;
      continue;
    }
    return std::nullopt;
  }
  int n = count + ((count < 3 && digits[count] > 0) ? 1 : 0);
  if (chinese && count < 3 && digits[count] > 0) return std::nullopt;  // "2017年12" (no 月)
  if (n == 0 || digits[0] != 4) return std::nullopt;
  if (n >= 2 && (parts[1] < 1 || parts[1] > 12 || digits[1] > 2)) return std::nullopt;
  if (n == 3) {
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int y = parts[0], m = parts[1], d = parts[2];
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (digits[2] > 2 || d < 1 || d > kDays[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
  }
  std::string out = std::to_string(parts[0]);
  if (n >= 2) out += "-" + two(parts[1]);
  if (n == 3) out += "-" + two(parts[2]);
  return out;
}

CellValue figure(const Cell& cell, FieldType type) {
  switch (cell.type) {
    case Cell::Type::number: {
      if (type == FieldType::integer && (cell.number != std::floor(cell.number) || std::fabs(cell.number) > 9.007e15))
        return refused(cell, expected_form(type));
      if (type == FieldType::percent && cell.percent) {
        const std::string shifted = shift_decimal(cell.text, 2);
        if (!shifted.empty()) return fits(number_value(shifted));
      }
      return fits(number_value(cell.text));
    }
    case Cell::Type::string: {
      std::string text(trim(cell.text));
      if (type == FieldType::percent) {
        std::string folded = nfkc(text);
        if (!folded.empty() && folded.back() == '%') {
          folded.pop_back();
          if (auto number = decimal_text(folded)) return fits(number_value(*number));
        }
      }
      if (auto number = decimal_text(text)) {
        if (type == FieldType::integer && number->find('.') != std::string::npos) {
          // "42.0" is 42; "42.5" is not an integer.
          const double v = std::strtod(number->c_str(), nullptr);
          if (v != std::floor(v)) return refused(cell, expected_form(type));
          return fits(number_value(xlsx::shortest_number(v)));
        }
        return fits(number_value(*number));
      }
      if (is_estimate(text, type) || (type == FieldType::amount && is_amount_with_unit(text)))
        return fits(string_value(nfkc(text)));
      return refused(cell, expected_form(type));
    }
    default:
      return refused(cell, expected_form(type));
  }
}

CellValue date(const Cell& cell) {
  switch (cell.type) {
    case Cell::Type::date: return fits(string_value(cell.text.substr(0, cell.text.find('T'))));
    case Cell::Type::number:
      if (cell.number == std::floor(cell.number) && cell.number >= 1000 && cell.number <= 9999)
        return fits(string_value(cell.text));  // a year
      return refused(cell, expected_form(FieldType::date));
    case Cell::Type::string:
      if (auto iso = date_text(cell.text)) return fits(string_value(*iso));
      return refused(cell, expected_form(FieldType::date));
    default:
      return refused(cell, expected_form(FieldType::date));
  }
}

CellValue text(const Cell& cell) {
  switch (cell.type) {
    case Cell::Type::error: return refused(cell, "text");
    case Cell::Type::number:
      if (cell.percent) {
        const std::string shifted = shift_decimal(cell.text, 2);
        if (!shifted.empty()) return fits(string_value(shifted + "%"));
      }
      return fits(string_value(cell.text));
    default: return fits(string_value(cell.text));
  }
}

}  // namespace

std::string describe_cell(const Cell& cell) {
  switch (cell.type) {
    case Cell::Type::string: {
      const std::u32string s = to_u32(cell.text);
      if (s.size() <= 40) return "\"" + cell.text + "\"";
      icu::UnicodeString cut;
      for (std::size_t i = 0; i < 40; ++i) cut.append(static_cast<UChar32>(s[i]));
      std::string out;
      cut.toUTF8String(out);
      return "\"" + out + "…\"";
    }
    case Cell::Type::number: {
      if (cell.percent) {
        const std::string shifted = shift_decimal(cell.text, 2);
        if (!shifted.empty()) return shifted + "%";
      }
      return cell.text;
    }
    case Cell::Type::date: return "the date " + cell.text;
    case Cell::Type::boolean: return "the boolean " + cell.text;
    case Cell::Type::error: return "the error value " + cell.text;
  }
  return cell.text;
}

std::string shift_decimal(std::string_view number, int places) {
  bool negative = false;
  if (!number.empty() && number[0] == '-') {
    negative = true;
    number.remove_prefix(1);
  }
  const auto point = number.find('.');
  std::string whole(number.substr(0, point));
  std::string fraction(point == std::string_view::npos ? std::string_view() : number.substr(point + 1));
  if (whole.empty() || (point != std::string_view::npos && fraction.empty())) return "";
  for (char c : whole + fraction)
    if (c < '0' || c > '9') return "";
  std::string digits = whole + fraction;
  // The point sits after `at` digits of `digits`.
  long at = static_cast<long>(whole.size()) + places;
  if (at < 0) {
    digits.insert(0, static_cast<std::size_t>(-at), '0');
    at = 0;
  }
  if (at > static_cast<long>(digits.size())) digits.append(static_cast<std::size_t>(at) - digits.size(), '0');
  std::string int_part = digits.substr(0, static_cast<std::size_t>(at));
  std::string frac_part = digits.substr(static_cast<std::size_t>(at));
  int_part.erase(0, std::min(int_part.find_first_not_of('0'), int_part.size()));
  if (int_part.empty()) int_part = "0";
  while (!frac_part.empty() && frac_part.back() == '0') frac_part.pop_back();
  std::string out = int_part + (frac_part.empty() ? "" : "." + frac_part);
  if (negative && out != "0") out.insert(0, "-");
  return out;
}

CellValue convert_cell(const Cell& cell, FieldType type) {
  switch (type) {
    case FieldType::integer:
    case FieldType::decimal:
    case FieldType::amount:
    case FieldType::percent: return figure(cell, type);
    case FieldType::date: return date(cell);
    default: return text(cell);
  }
}

}  // namespace baogao
