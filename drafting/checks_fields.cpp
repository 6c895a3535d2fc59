// Field checks: required values, types and shapes, ranges. The missing_field and
// wrong_type findings are worded exactly as the render's (render.cpp), so `baogao
// render` can print the checks' and drop the render's duplicates.
#include <cmath>
#include <cstdio>
#include <regex>

#include "drafting/checks_internal.hpp"
#include "drafting/figures.hpp"
#include "drafting/number_forms.hpp"
#include "drafting/trim.hpp"

namespace baogao::checks {
namespace {

bool is_container(FieldType t) { return t == FieldType::group || t == FieldType::list || t == FieldType::table; }

const char* type_name_en(FieldType t) {
  switch (t) {
    case FieldType::integer: return "an integer";
    case FieldType::decimal: return "a number";
    case FieldType::amount: return "an amount in yuan";
    case FieldType::percent: return "a percentage";
    case FieldType::date: return "a date (e.g. 2017-12-13)";
    default: return "text";
  }
}

std::string written_of(const Value& v) {
  if (v.kind == Value::Kind::boolean) return v.boolean ? "true" : "false";
  return v.text;
}

std::string number_text(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", v);
  return buffer;
}

void range(Context& ctx, const Field& f, double value, const std::string& shown, const std::string& path,
           const Source& where) {
  const bool low = f.min && value < *f.min;
  const bool high = f.max && value > *f.max;
  if (!low && !high) return;
  const std::string unit = f.type == FieldType::percent ? "%" : "";
  const std::string bound = number_text(low ? *f.min : *f.max) + unit;
  ctx.add(Severity::error, "out_of_range", where,
          field_name(path, f, false) + "为" + shown + "，" + (low ? "不能小于" : "不能大于") + bound,
          field_name(path, f, true) + " is " + shown + "; it cannot be " + (low ? "below " : "above ") + bound);
}

}  // namespace

std::string field_name(const std::string& path, const Field& f, bool en) {
  return en ? path + " (" + f.label + ")" : path + "（" + f.label + "）";
}

void required_missing(Context& ctx, const Field& f, const std::string& field_path, const Source& parent) {
  ctx.add(Severity::warning, "missing_field", parent,
          "缺少必填项“" + f.label + "”（" + field_path + "）" +
              (is_container(f.type) ? "" : "，已插入占位符【待补充：" + f.label + "】"),
          "required field \"" + f.label + "\" (" + field_path + ") is missing" +
              (is_container(f.type) ? "" : "; the draft shows the placeholder 【待补充：" + f.label + "】"));
}

void wrong_shape(Context& ctx, const Value& v, const Field& f, const std::string& path, const char* expected,
                 const char* expected_en) {
  ctx.add(Severity::error, "wrong_type", v.source,
          path + "（" + f.label + "）应为" + expected + "，实为" + kind_name(v) + "；未使用该值，已按缺失处理",
          path + " (" + f.label + ") should be " + expected_en + ", found " + kind_name(v, true) +
              "; the value is not used and counts as missing");
}

void check_scalar(Context& ctx, const Value& v, const Field& f, const std::string& path) {
  Findings type_findings;
  const std::string shown = format_scalar(v, f.type, &type_findings, path + "（" + f.label + "）");
  if (!type_findings.empty()) {
    ctx.add(Severity::warning, "wrong_type", v.source, type_findings.front().message,
            path + " (" + f.label + ") should be " + type_name_en(f.type) + ", found \"" + written_of(v) +
                "\"; used as written");
    return;
  }
  // Rule N1: a statistic is written in Arabic digits. An exact count typed in Chinese
  // numerals (四十二) is shown as typed; estimates (十多, 30余) are fine (rule N5).
  if (v.kind == Value::Kind::string && (f.type == FieldType::integer || f.type == FieldType::decimal)) {
    const std::string_view text = trim(v.text);
    if (const auto n = parse_chinese_numeral(text); n && *n >= 10) {
      ctx.add(Severity::warning, "chinese_statistic", v.source,
              field_name(path, f, false) + "写作“" + std::string(text) + "”：统计数字应使用阿拉伯数字“" +
                  std::to_string(*n) + "”（GB/T 15835-2011 §4.1.1，N1）",
              field_name(path, f, true) + " is written '" + std::string(text) +
                  "': statistics are written in Arabic digits, '" + std::to_string(*n) +
                  "' (GB/T 15835-2011 §4.1.1, rule N1)");
    }
  }
  if (!is_figure(f.type) || (!f.min && !f.max)) return;
  DerivedPart part;
  if (!read_figure(v, part)) return;
  // A percent is compared in per cent; an amount in 元.
  range(ctx, f, part.value, f.type == FieldType::percent ? part.written + "%" : part.written, path, v.source);
}

void check_heading_number(Context& ctx, const Value& v, const Field& f, const std::string& path) {
  // 一、 二十、 （三） (三) 1. 1、 1．（2） (2) 第一、 — at the start, after any spaces.
  // std::regex works on bytes: Chinese characters go in alternations, never in [ ].
  static const std::string zh = "(?:一|二|三|四|五|六|七|八|九|十)+";
  static const std::regex typed("^((?:第)?" + zh + "(?:、|．|\\.|，|,)|(?:（|\\()" + zh +
                                "(?:）|\\))|[0-9]+(?:、|．)|[0-9]+\\.(?![0-9])|(?:（|\\()[0-9]+(?:）|\\)))");
  // Only the start of the title: libstdc++'s regex recurses once per character.
  const std::string_view text = trim(v.text);
  const std::string head(text.substr(0, 48));
  std::smatch m;
  if (!std::regex_search(head, m, typed)) return;
  const std::string number = m[1].str();
  ctx.add(Severity::warning, "heading_number_typed", v.source,
          field_name(path, f, false) + "自带编号“" + number + "”：标题编号由模板生成，请删去，否则会写成“一、" + number +
              "…”",
          field_name(path, f, true) + " starts with a typed number '" + number +
              "': the template numbers headings itself; remove it, or the draft shows it twice");
}

void check_computed_range(Context& ctx, const Field& f, const DerivedFigure& d, const std::string& path,
                          const Source& where) {
  if (!d.available || f.derive.kind == Derivation::Kind::session) return;
  const std::string shown =
      f.type == FieldType::percent ? d.value_text + "%" : d.value_text;
  range(ctx, f, d.value, shown + " " + d.derivation, path, where);
}

}  // namespace baogao::checks
