// How numbers are written in free text (GB/T 15835-2011): estimates (概数, N4),
// fixed words with numerals (N6), Arabic digits mixed with 十/百/千 (N13) and ranges
// (N15). Rules and examples: ../shared/spec/number-punctuation-rules.md. Each rule
// looks only at shapes that cannot be a code, a date or a list: a false alarm costs
// a reviewer's trust more than a missed one.
#include <string>
#include <string_view>

#include "drafting/text_scan.hpp"

namespace baogao::checks {
namespace {

constexpr std::u32string_view kDigitsZh = U"一二三四五六七八九";

/// Measure words after an estimate (三四个, 十五六人); not 年/月/日/号, where "3、4月"
/// means March and April.
bool is_estimate_measure(char32_t c) { return std::u32string_view(U"个人名次件项天岁倍条家场所位种批户").find(c) != std::u32string_view::npos; }

bool starts_with(const Text& t, std::size_t i, std::u32string_view word) {
  if (i + word.size() > t.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (t.chars[i + k].c != word[k]) return false;
  return true;
}

/// The end of the Arabic number at i: digits with one optional decimal part.
std::size_t number_end(const Text& t, std::size_t i) {
  std::size_t j = i;
  while (j < t.size() && is_ascii_digit(t.chars[j].c)) ++j;
  if (j + 1 < t.size() && t.chars[j].c == '.' && is_ascii_digit(t.chars[j + 1].c)) {
    ++j;
    while (j < t.size() && is_ascii_digit(t.chars[j].c)) ++j;
  }
  return j;
}

class NumberRules {
 public:
  explicit NumberRules(const Text& t) : t_(t) {}

  std::vector<TextHit> run() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      const char32_t c = t_.chars[i].c;
      const char32_t before = t_.at(static_cast<std::ptrdiff_t>(i) - 1);
      if (kDigitsZh.find(c) != std::u32string_view::npos) {
        estimate_zh(i, before);
      } else if (is_ascii_digit(c) && !is_ascii_digit(before) && before != '.' && !is_ascii_letter(before)) {
        arabic(i, before);
      }
    }
    return std::move(hits_);
  }

 private:
  void add(std::size_t from, std::size_t to, const char* code, std::string zh, std::string en) {
    hits_.push_back(TextHit{from, to, code, std::move(zh), std::move(en)});
  }

  // N4: 三、四个 → 三四个 (two adjacent numerals as one estimate take no 顿号).
  void estimate_zh(std::size_t i, char32_t before) {
    if (before == U'第' || kDigitsZh.find(before) != std::u32string_view::npos || before == U'十') return;
    const std::size_t a = kDigitsZh.find(t_.chars[i].c);
    if (t_.at(static_cast<std::ptrdiff_t>(i) + 1) != U'、') return;
    const std::size_t b = kDigitsZh.find(t_.at(static_cast<std::ptrdiff_t>(i) + 2));
    if (b != a + 1 || !is_estimate_measure(t_.at(static_cast<std::ptrdiff_t>(i) + 3))) return;
    const std::string mark = t_.slice(i, i + 4);
    add(i, i + 4, "estimate_form",
        "概数“" + mark + "”中间不用顿号，应写作“" + t_.slice(i, i + 1) + t_.slice(i + 2, i + 4) +
            "”（GB/T 15835-2011 §4.2，N4）",
        "estimate '" + mark + "' takes no enumeration comma: '" + t_.slice(i, i + 1) + t_.slice(i + 2, i + 4) +
            "' (GB/T 15835-2011 §4.2, rule N4)");
  }

  void arabic(std::size_t i, char32_t before) {
    const std::size_t end = number_end(t_, i);
    const std::string number = t_.slice(i, end);
    const char32_t next = t_.at(static_cast<std::ptrdiff_t>(end));
    const bool integer = end == i || t_.slice(i, end).find('.') == std::string::npos;

    // N4: 3、4个 / 3-4个 (two adjacent single digits as an estimate) and 10几次.
    if (integer && end == i + 1 && before != U'第' && (next == U'、' || next == '-')) {
      const char32_t second = t_.at(static_cast<std::ptrdiff_t>(end) + 1);
      if (second == t_.chars[i].c + 1 && !is_ascii_digit(t_.at(static_cast<std::ptrdiff_t>(end) + 2)) &&
          is_estimate_measure(t_.at(static_cast<std::ptrdiff_t>(end) + 2))) {
        add(i, end + 3, "estimate_form",
            "概数“" + t_.slice(i, end + 3) + "”应使用汉字且中间不加符号（如“三四个”）（GB/T 15835-2011 §4.2，N4）",
            "estimate '" + t_.slice(i, end + 3) +
                "' is written in Chinese numerals without a mark between them (e.g. 三四个; GB/T 15835-2011 §4.2, "
                "rule N4)");
        return;
      }
    }
    if (integer && next == U'几' && is_han(t_.at(static_cast<std::ptrdiff_t>(end) + 1))) {
      add(i, end + 1, "estimate_form",
          "带“几”的概数应使用汉字：“" + t_.slice(i, end + 2) + "”（如“十几次”）（GB/T 15835-2011 §4.2，N4）",
          "an estimate with 几 is written in Chinese numerals: '" + t_.slice(i, end + 2) +
              "' (e.g. 十几次; GB/T 15835-2011 §4.2, rule N4)");
    }

    // N6: fixed words keep Chinese numerals: “4个自信”, “14五”.
    static constexpr std::u32string_view kFixed[] = {U"个自信", U"个维护", U"个意识", U"个确立", U"个全面",
                                                     U"位一体", U"大职能", U"个务必", U"个一百年"};
    for (auto word : kFixed)
      if (integer && starts_with(t_, end, word)) {
        add(i, end + word.size(), "fixed_word_numeral",
            "固定词语“" + t_.slice(i, end + word.size()) + "”中的数字应使用汉字（GB/T 15835-2011 §4.2，N6）",
            "the fixed expression '" + t_.slice(i, end + word.size()) +
                "' keeps Chinese numerals (GB/T 15835-2011 §4.2, rule N6)");
        return;
      }
    if (integer && before == U'“' && next == U'五' && t_.at(static_cast<std::ptrdiff_t>(end) + 1) == U'”') {
      add(i, end + 1, "fixed_word_numeral",
          "“" + t_.slice(i, end + 1) + "”是固定词语，数字应使用汉字（如“十四五”）（GB/T 15835-2011 §4.2，N6）",
          "'" + t_.slice(i, end + 1) + "' is a fixed expression written in Chinese numerals (e.g. 十四五; "
          "GB/T 15835-2011 §4.2, rule N6)");
      return;
    }

    // N13: 3千万元, 1百 — only 万 and 亿 may follow Arabic digits as place words.
    if (next == U'千' || next == U'百' || next == U'十') {
      static constexpr std::u32string_view kUnits[] = {U"千米", U"千克", U"千瓦", U"千伏", U"千帕", U"千卡", U"千焦",
                                                       U"千兆", U"千赫", U"千字", U"百分", U"百帕", U"十分"};
      bool unit = false;
      for (auto u : kUnits) unit = unit || starts_with(t_, end, u);
      if (!unit) {
        add(i, end + 1, "place_word_mixed",
            "阿拉伯数字后不能接“" + t_.slice(end, end + 1) + "”：“" + t_.slice(i, end + 2) +
                "”；只有“万”“亿”可与阿拉伯数字连用（GB/T 15835-2011 §5.3，N13）",
            "Arabic digits followed by '" + t_.slice(end, end + 1) + "': '" + t_.slice(i, end + 2) +
                "'; only 万 and 亿 may follow Arabic digits (GB/T 15835-2011 §5.3, rule N13)");
        return;
      }
    }

    range(i, end);
  }

  // N15: ranges take ～ (or ——): 300～500人, 15%～30%, 9亿～16亿元.
  void range(std::size_t i, std::size_t end) {
    const char32_t mark = t_.at(static_cast<std::ptrdiff_t>(end));
    const bool percent_left = mark == '%' || mark == U'％';
    const std::size_t m = percent_left ? end + 1 : end;  // the range mark
    const char32_t sign = t_.at(static_cast<std::ptrdiff_t>(m));
    if (sign != '~' && sign != '-' && sign != U'～') return;
    if (!is_ascii_digit(t_.at(static_cast<std::ptrdiff_t>(m) + 1))) return;
    const std::size_t right = m + 1;
    const std::size_t right_end = number_end(t_, right);
    const char32_t after = t_.at(static_cast<std::ptrdiff_t>(right_end));
    const bool percent_right = after == '%' || after == U'％';
    const bool scale_right = after == U'万' || after == U'亿';
    const std::size_t to = right_end + (percent_right || scale_right ? 1 : 0);
    const std::string text = t_.slice(i, to);

    if (sign == '~') {
      add(m, m + 1, "range_form",
          "数值范围“" + text + "”应使用浪纹线“～”（GB/T 15835-2011 §5.1，N15）",
          "the range '" + text + "' takes the wave dash '～' (GB/T 15835-2011 §5.1, rule N15)");
      return;
    }
    if (sign == '-') {
      // A bare hyphen may be a code, a phone number or an ISO date: only a range whose
      // right side carries a unit (%, 万, 亿, 人, 年 …) is one.
      if (!percent_right && !scale_right && !is_estimate_measure(after) && after != U'年' && after != U'元') return;
      if (is_ascii_digit(t_.at(static_cast<std::ptrdiff_t>(right_end) + 1))) return;
      add(m, m + 1, "range_form",
          "数值范围“" + t_.slice(i, right_end + 1) + "”应使用“～”或“—”，不用连字符“-”（GB/T 15835-2011 §5.1，N15）",
          "the range '" + t_.slice(i, right_end + 1) + "' takes '～' or '—', not a hyphen (GB/T 15835-2011 §5.1, "
          "rule N15)");
      return;
    }
    // ～ is right; with % or 万/亿 both sides keep it.
    if ((percent_right && !percent_left) || (scale_right && !percent_left)) {
      const std::string unit = t_.slice(right_end, right_end + 1);
      add(i, to, "range_form",
          "数值范围“" + text + "”两端都应带“" + unit + "”（如“15%～30%”“9亿～16亿元”）（GB/T 15835-2011 §5.1，N15）",
          "both ends of the range '" + text + "' keep '" + unit + "' (e.g. 15%～30%, 9亿～16亿元; GB/T 15835-2011 "
          "§5.1, rule N15)");
    }
  }

  const Text& t_;
  std::vector<TextHit> hits_;
};

}  // namespace

std::vector<TextHit> number_writing(const Text& t) { return NumberRules(t).run(); }

}  // namespace baogao::checks
