// Figures: display text of scalars by field type (see figures.hpp).
#include "drafting/figures.hpp"

#include <charconv>
#include <cmath>
#include <regex>
#include <string>

#include <unicode/numberformatter.h>

namespace baogao {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<double> to_double(std::string_view text) {
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  double n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return n;
}

/// The number in `s` as decimal text ("3,000" → "3000"), or nullopt if `s` is not
/// just a decimal number.
std::optional<std::string> numeric_text(std::string_view s) {
  static const std::regex decimal(R"([-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)");
  std::string text;
  for (char c : trim(s))
    if (c != ',') text += c;
  if (text.empty() || !std::regex_match(text, decimal)) return std::nullopt;
  return text;
}

/// True if `s` holds a digit or a Chinese numeral: a figure written with a
/// qualifier ("30余", "50多") or in words ("十多", "一万元").
bool has_numerals(std::string_view s) {
  static constexpr std::string_view numerals[] = {"〇", "零", "一", "二", "两", "三", "四", "五", "六",
                                                  "七", "八", "九", "十", "百", "千", "万", "亿"};
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  for (auto n : numerals)
    if (s.find(n) != std::string_view::npos) return true;
  return false;
}

const char* type_name_zh(FieldType t) {
  switch (t) {
    case FieldType::integer: return "整数";
    case FieldType::decimal: return "数值";
    case FieldType::amount: return "金额（元）";
    case FieldType::percent: return "百分数";
    case FieldType::date: return "日期（如2017-12-13）";
    default: return "文字";
  }
}

/// A formatter for amounts divided by 10^`exponent`: no grouping, at most 2
/// decimals, rounded half up (四舍五入).
const icu::number::LocalizedNumberFormatter& amount_formatter(int exponent) {
  using namespace icu::number;
  static const auto make = [](int e) {
    return NumberFormatter::withLocale(icu::Locale("zh_CN"))
        .grouping(UNUM_GROUPING_OFF)
        .precision(Precision::maxFraction(2))
        .roundingMode(UNUM_ROUND_HALFUP)
        .scale(Scale::powerOfTen(-e));
  };
  static const LocalizedNumberFormatter yuan = make(0), wan = make(4), yi = make(8);
  return exponent == 8 ? yi : exponent == 4 ? wan : yuan;
}

std::optional<std::string> format_scaled(std::string_view number_text, int exponent) {
  UErrorCode status = U_ZERO_ERROR;
  auto formatted = amount_formatter(exponent).formatDecimal(
      icu::StringPiece(number_text.data(), static_cast<int32_t>(number_text.size())), status);
  std::string out;
  formatted.toString(status).toUTF8String(out);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> format_amount(std::string_view number_text) {
  auto clean = numeric_text(number_text);
  if (!clean) return std::nullopt;
  const auto value = to_double(*clean);
  if (!value) return std::nullopt;

  struct Unit {
    int exponent;
    const char* name;
  };
  static constexpr Unit units[] = {{0, "元"}, {4, "万元"}, {8, "亿元"}};
  int u = std::fabs(*value) >= 1e8 ? 2 : std::fabs(*value) >= 1e4 ? 1 : 0;
  for (;; ++u) {
    auto digits = format_scaled(*clean, units[u].exponent);
    if (!digits) return std::nullopt;
    // 99999.999 rounds to "10000" 万元: say 1亿元 instead.
    const std::string_view magnitude = (*digits)[0] == '-' ? std::string_view(*digits).substr(1) : *digits;
    if (magnitude == "10000" && u < 2) continue;
    return *digits + units[u].name;
  }
}

std::optional<std::string> format_date(std::string_view iso) {
  static const std::regex pattern(R"(([0-9]{4})(-([0-9]{1,2})(-([0-9]{1,2}))?)?)");
  std::match_results<std::string_view::const_iterator> m;
  const std::string_view s = trim(iso);
  if (!std::regex_match(s.begin(), s.end(), m, pattern)) return std::nullopt;
  const int year = std::stoi(m[1].str());
  std::string out = std::to_string(year) + "年";
  if (!m[3].matched) return out;
  const int month = std::stoi(m[3].str());
  if (month < 1 || month > 12) return std::nullopt;
  out += std::to_string(month) + "月";
  if (!m[5].matched) return out;
  const int day = std::stoi(m[5].str());
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day < 1 || day > days[month - 1] + (month == 2 && leap ? 1 : 0)) return std::nullopt;
  return out + std::to_string(day) + "日";
}

std::string format_scalar(const Value& value, FieldType type, Findings* findings, std::string_view name) {
  if (!value.is_scalar()) return {};

  std::string written;
  if (value.kind == Value::Kind::boolean) {
    written = value.boolean ? "true" : "false";
  } else if (value.kind == Value::Kind::number && value.text.empty()) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value.number);
    written.assign(buffer, end);
  } else {
    written = value.text;
  }
  if (type == FieldType::text || type == FieldType::group || type == FieldType::list || type == FieldType::table)
    return written;

  // Numbers and numeric strings.
  const std::optional<std::string> number =
      value.kind == Value::Kind::boolean ? std::nullopt : numeric_text(written);
  std::optional<std::string> shown;
  if (number) {
    switch (type) {
      case FieldType::integer: {
        const auto n = to_double(*number);
        if (n && std::floor(*n) == *n) shown = std::string(trim(written));
        break;
      }
      case FieldType::decimal: shown = std::string(trim(written)); break;
      case FieldType::percent: shown = std::string(trim(written)) + "%"; break;
      case FieldType::amount: shown = format_amount(*number); break;
      case FieldType::date: shown = format_date(*number); break;
      default: break;
    }
  } else if (value.kind == Value::Kind::string) {
    if (type == FieldType::date) {
      shown = format_date(written);
      if (!shown && has_numerals(written) && written.find("年") != std::string::npos) shown = written;
    } else if (has_numerals(written)) {
      shown = written;  // "30余", "十多", "10余万元", "近100%": as written
    }
  }
  if (shown) return *shown;

  if (findings) {
    findings->push_back(Finding{Severity::warning, "wrong_type", value.source,
                                std::string(name.empty() ? "该项" : name) + "应为" + type_name_zh(type) + "，实际为“" +
                                    written + "”；已按原样使用"});
  }
  return written;
}

}  // namespace baogao
