// Template forms of a figure (see figure_forms.hpp).
#include "drafting/figure_forms.hpp"

#include <cmath>
#include <cstdio>

#include "drafting/number_forms.hpp"
#include "drafting/trim.hpp"

namespace baogao {
namespace {

struct FormName {
  const char* name;
  bool takes_arg;
};
constexpr FormName kForms[] = {{"zh", false},     {"arabic", false}, {"ordinal", false}, {"amount", true},
                               {"yuan", true},    {"wan", true},     {"yi", true},       {"percent", true},
                               {"count", true},   {"year", false},   {"month", false},   {"day", false},
                               {"zh_date", false}, {"short", false},  {"full", false},   {"iso", false}};

std::string number_text(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", v);
  return buffer;
}

bool is_number_type(FieldType t) { return is_figure(t); }

/// The figure as written, parsed; nullopt when it is not one figure.
std::optional<WrittenFigure> written_figure(const FigureInfo& f) { return parse_written_figure(f.written); }

/// True when `f.written` is a plain number (no qualifier, no unit).
bool plain_number(const FigureInfo& f) {
  const auto w = written_figure(f);
  return w && w->prefix.empty() && w->qualifier.empty() && w->unit.empty() && !w->chinese;
}

std::optional<std::string> refuse(std::string* why, std::string message) {
  if (why) *why = std::move(message);
  return std::nullopt;
}

}  // namespace

std::optional<FormSpec> parse_form(std::string_view text, std::string* error) {
  text = trim(text);
  FormSpec spec;
  std::string_view name = text, arg;
  if (const auto colon = text.find(':'); colon != std::string_view::npos) {
    name = trim(text.substr(0, colon));
    arg = trim(text.substr(colon + 1));
  }
  spec.name = std::string(name);
  for (const auto& f : kForms) {
    if (name != f.name) continue;
    if (text.find(':') == std::string_view::npos) return spec;
    if (!f.takes_arg) {
      if (error) *error = "found the form \"" + std::string(text) + "\"; expected \"" + f.name + "\" without \":\"";
      return std::nullopt;
    }
    if (arg.size() != 1 || arg[0] < '0' || arg[0] > '6') {
      if (error)
        *error = "found the form \"" + std::string(text) + "\"; expected a number of decimals from 0 to 6 after \":\"";
      return std::nullopt;
    }
    spec.arg = arg[0] - '0';
    return spec;
  }
  if (error) *error = "found the form \"" + std::string(text) + "\"; expected one of: " + form_names();
  return std::nullopt;
}

std::string form_names() {
  std::string out;
  for (const auto& f : kForms) out += (out.empty() ? "" : ", ") + std::string(f.name) + (f.takes_arg ? "[:N]" : "");
  return out;
}

std::optional<std::string> change_wording(const FigureInfo& f) {
  AmountForm amount{AmountUnit::automatic, f.precision >= 0 ? f.precision : 2};
  return format_change_count(f.written, f.unit, f.type == FieldType::amount, amount);
}

std::optional<std::string> apply_form(const FigureInfo& f, const FormSpec& form, std::string* why) {
  const std::string& n = form.name;
  const bool change = f.derive == Derivation::Kind::change;
  const bool session = f.derive == Derivation::Kind::session;

  if (n == "short" || n == "full") {
    if (!session || f.parts.size() != 2) return refuse(why, "“" + n + "”只用于届次会议名称（derive: session）");
    return session_name(static_cast<long long>(f.parts[0].value), static_cast<long long>(f.parts[1].value),
                        n == "full" ? SessionForm::full : SessionForm::short_form);
  }
  if (n == "year" || n == "month" || n == "day" || n == "zh_date" || n == "iso") {
    if (f.type != FieldType::date) return refuse(why, "“" + n + "”只用于日期");
    if (n == "iso") {  // for ::meta date (document properties): YYYY-MM-DD as written
      if (auto iso = iso_day(f.written)) return iso;
      return refuse(why, "日期“" + f.written + "”不是一个具体的日子（如2017-12-13或2017年12月13日）");
    }
    if (n == "zh_date") {
      auto out = format_date_chinese(f.written);
      return out ? out : refuse(why, "日期“" + f.written + "”不是 YYYY-MM-DD 形式");
    }
    auto out = format_date_part(f.written, n == "year" ? DatePart::year : n == "month" ? DatePart::month : DatePart::day);
    return out ? out : refuse(why, "日期“" + f.written + "”没有" + (n == "month" ? "月份" : "日"));
  }
  if (session || !is_number_type(f.type)) return refuse(why, "“" + n + "”只用于数字");

  if (n == "count") {
    if (!change) return refuse(why, "“count”只用于与上年比较的变化（derive: change）");
    auto amount = change_wording(FigureInfo{f.type, f.derive, f.written, f.unit,
                                            form.arg >= 0 ? form.arg : f.precision, f.parts});
    return amount ? amount : refuse(why, "“" + f.written + "”不是数字");
  }
  if (n == "percent") {
    const int precision = form.arg >= 0 ? form.arg : f.precision;
    if (change) {
      if (f.parts.size() != 2) return refuse(why, "缺少本年和上年的数值，无法计算增减百分比");
      auto out = format_change_percent(number_text(f.parts[0].value), number_text(f.parts[1].value),
                                       precision >= 0 ? precision : 1);
      return out ? out : refuse(why, "上年数值为0，无法计算增减百分比");
    }
    if (f.type != FieldType::percent) return refuse(why, "“percent”只用于百分数或与上年比较的变化");
    if (!plain_number(f)) return f.written;  // 近100%: as written
    auto out = format_percent(f.written, precision);
    return out ? out : refuse(why, "“" + f.written + "”不是数字");
  }
  if (n == "amount" || n == "yuan" || n == "wan" || n == "yi") {
    if (f.type != FieldType::amount) return refuse(why, "“" + n + "”只用于金额");
    const AmountForm amount{n == "yuan"  ? AmountUnit::yuan
                            : n == "wan" ? AmountUnit::wan
                            : n == "yi"  ? AmountUnit::yi
                                         : AmountUnit::automatic,
                            form.arg >= 0 ? form.arg : f.precision >= 0 ? f.precision : 2};
    if (change) {
      auto out = format_change_count(f.written, "", true, amount);
      return out ? out : refuse(why, "“" + f.written + "”不是数字");
    }
    if (!plain_number(f)) return f.written;  // 10余万元: as written
    return format_amount(f.written, amount);
  }
  if (change) return refuse(why, "与上年比较的变化只有 count 和 percent 两种写法");

  const auto w = written_figure(f);
  if (!w) return refuse(why, "“" + f.written + "”不是数字");
  if (f.type == FieldType::amount && plain_number(f))
    return refuse(why, "金额用 amount、yuan、wan、yi 写法（汉字数字不与万元、亿元的阿拉伯数字混写）");
  if (n == "zh") {
    auto out = rewrite_figure(*w, Numerals::chinese);
    return out ? out : refuse(why, "“" + f.written + "”不是整数，不能写成汉字数字");
  }
  if (n == "arabic") return rewrite_figure(*w, Numerals::arabic);
  if (n == "ordinal") {
    if (w->approximate() || !w->unit.empty() || w->value < 1 || std::floor(w->value) != w->value)
      return refuse(why, "“" + f.written + "”不是正整数，不能写成序数");
    return chinese_ordinal(static_cast<long long>(w->value));
  }
  return refuse(why, "未知写法“" + n + "”");
}

}  // namespace baogao
