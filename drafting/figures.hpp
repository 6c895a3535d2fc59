#pragma once
// Figures: how a scalar of the data tree is shown in the report, by field type.
// The result is plain text (not yet escaped for the report markup).
#include <optional>
#include <string>
#include <string_view>

#include "drafting/finding.hpp"
#include "drafting/manifest.hpp"
#include "drafting/value.hpp"

namespace baogao {

/// Display text of `value` (a scalar) for a field of `type`:
///   text             the text as written (numbers: as written; booleans: "true"/"false")
///   integer, decimal the number as written: 42 → "42", 2.50 → "2.50"
///   percent          the number (already in per cent) + "%": 100 → "100%", 12.5 → "12.5%"
///   amount           a value in 元, in 元/万元/亿元 (format_amount): 246000000 → "2.46亿元"
///   date             ISO → Chinese (format_date): "2017-12-13" → "2017年12月13日"
/// A number may also come as a string ("42", "3,000"): it is read as the number.
/// A figure written with a qualifier or in Chinese numerals ("30余", "十多", "50多",
/// "10余万元", "一万元") is kept as written: any string holding a digit 0–9 or a
/// Chinese numeral (〇零一二两三四五六七八九十百千万亿) counts as a figure. A
/// date already written in Chinese ("2017年12月") is kept too.
///
/// A value that does not fit the type ("abc" for an integer, 12.5 for an integer,
/// "2017-13-01" for a date, a boolean for a figure) is kept as written and, when
/// `findings` is given, adds a Finding{warning, "wrong_type"} at the value's source
/// whose message names `name` (e.g. "review.proposals.filed（立案件数）").
/// Containers and null give "".
std::string format_scalar(const Value& value, FieldType type, Findings* findings = nullptr,
                          std::string_view name = {});

/// An amount in 元 (decimal text as written, e.g. "246000000", "5000.5", "-3e7") in
/// the 万/亿 form used in Chinese reports: below 1万 in 元, below 1亿 in 万元, else in
/// 亿元; at most 2 decimals (rounded half up), no trailing zeros, no grouping:
/// 30000000 → "3000万元", 246000000 → "2.46亿元", 100000000 → "1亿元",
/// 5000 → "5000元", 12345 → "1.23万元". Formatting with ICU (zh_CN).
/// Returns nullopt when `number_text` is not a decimal number.
std::optional<std::string> format_amount(std::string_view number_text);

/// An ISO date "YYYY-MM-DD", "YYYY-MM" or "YYYY" in the Chinese form, without
/// leading zeros (GB/T 9704-2012 §7.3.5.3: 1 is not written 01):
/// "2017-12-13" → "2017年12月13日", "2018-01" → "2018年1月", "2017" → "2017年".
/// Returns nullopt for anything else, or a month/day out of range.
std::optional<std::string> format_date(std::string_view iso);

}  // namespace baogao
