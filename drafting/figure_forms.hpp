#pragma once
// Template forms of a figure: what `{{name|form}}` gives in a template (render.hpp).
// The reference page for template writers is docs/figures.md.
//
//   {{x}}           the default form by field type (figures.hpp; change: 增加5件)
//   {{x|zh}}        Chinese numerals, qualifier kept: 4 → 四, 2 → 两, 30余 → 三十余
//   {{x|arabic}}    Arabic digits, qualifier kept: 十多 → 10多
//   {{x|ordinal}}   第 + Chinese numeral: 2 → 第二 (the template adds 次)
//   {{x|amount}}    amount, unit by size (元/万元/亿元); {{x|amount:1}} at most 1 decimal
//   {{x|yuan}} {{x|wan}} {{x|yi}}   amount in a fixed unit, optional :N decimals
//   {{x|percent}}   percent with the field's precision (:N to choose); for a change
//                   field the change in per cent: 增长12.5% / 下降3.2% / 持平
//   {{x|count}}     change field: 增加5件 / 减少3件 / 持平 (the default of change)
//   {{x|year}} {{x|month}} {{x|day}}   date to that part: 2017年 / 2017年12月 / 2017年12月13日
//   {{x|zh_date}}   date with Chinese digits: 二〇一七年十二月十三日 (solemn texts only)
//   {{x|short}} {{x|full}}   session field: 八届二次会议 / 第八届委员会第二次会议
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drafting/derived.hpp"
#include "drafting/manifest.hpp"

namespace baogao {

/// What a form needs to know about a figure.
struct FigureInfo {
  FieldType type = FieldType::text;
  Derivation::Kind derive = Derivation::Kind::none;
  std::string written;             ///< the value as written (stated) or computed (DerivedFigure::value_text)
  std::string unit;                ///< the measure word a change is worded with (件)
  int precision = -1;              ///< Field::precision
  std::vector<DerivedPart> parts;  ///< change: NOW, BEFORE (for the percent form); session: TERM, NUMBER
};

/// A parsed form: name and optional argument (`amount:1` → {"amount", 1}).
struct FormSpec {
  std::string name;
  int arg = -1;  ///< -1 when not given
};

/// Parses the text after `|`. Errors (nullopt, `error` set to "found …; expected …"):
/// an unknown form, an argument on a form that takes none, an argument outside 0–6.
std::optional<FormSpec> parse_form(std::string_view text, std::string* error);

/// The names of the forms, for messages: "zh, arabic, ordinal, …".
std::string form_names();

/// The figure in `form` (plain text, not escaped). nullopt when the form does not
/// apply to this figure (zh on a date, percent on an amount, ordinal of 30余, …);
/// `why` then says so, in Chinese. A figure written with a qualifier stays as written
/// under the amount forms (10余万元 has no other exact form).
std::optional<std::string> apply_form(const FigureInfo& figure, const FormSpec& form, std::string* why);

/// The default form of a change field: 增加5件 / 减少3件 / 持平; amounts 增加500万元.
std::optional<std::string> change_wording(const FigureInfo& figure);

}  // namespace baogao
