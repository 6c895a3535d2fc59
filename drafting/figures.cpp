// Figures: display text of scalars by field type (see figures.hpp).
#include "drafting/figures.hpp"

#include <charconv>
#include <cmath>
#include <regex>
#include <string>

#include "drafting/number_forms.hpp"
#include "drafting/trim.hpp"

namespace baogao {
namespace {

/// True for a date in Chinese form whose month or day does not exist (2017年13月5日,
/// 2017年2月30日); other wording (2017年底) is not judged.
bool bad_chinese_date(std::string_view s) {
  static const std::regex form(R"([0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?)");  // fixed width: no deep recursion
  const std::string_view t = trim(s);
  return t.size() <= 20 && std::regex_match(t.begin(), t.end(), form) && !parse_date(t);
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

}  // namespace

std::optional<std::string> format_amount(std::string_view number_text) {
  return format_amount(number_text, AmountForm{});
}

std::optional<std::string> format_date(std::string_view iso) {
  const auto d = parse_iso_date(iso);
  if (!d) return std::nullopt;
  return format_date_part(iso, d->day ? DatePart::day : d->month ? DatePart::month : DatePart::year);
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
      // 2017年底, 2017年12月中旬: as written; but 2017年13月5日 is not a day.
      if (!shown && has_numerals(written) && written.find("年") != std::string::npos && !bad_chinese_date(written))
        shown = written;
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
