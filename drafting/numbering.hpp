#pragma once
// Heading numbers of Chinese official documents (GB/T 9704-2012 §7.3.3):
// level 1 一、  level 2 （一）  level 3 1.  level 4 （1）.
// Chinese numerals come from ICU's rule-based spellout (zh), never a table.
#include <string>

namespace baogao {

/// Chinese numeral for n ≥ 0 in the counting form used in headings and counts
/// (GB/T 15835-2011 §5.2: 零 inside counting numbers, 〇 only in written-out years):
/// 0 → 零, 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九, 100 → 一百,
/// 105 → 一百零五, 110 → 一百一十, 10000 → 一万, 100000000 → 一亿.
/// Source: ICU RuleBasedNumberFormat (URBNF_SPELLOUT, locale "zh", rule set
/// "%spellout-cardinal"; the default "%spellout-numbering" would write 一百〇五).
/// Note: from 10^12 on ICU uses 兆 (一兆 = 10^12), which mainland usage writes 万亿.
/// Returns UTF-8. Throws std::invalid_argument for n < 0, std::runtime_error if ICU
/// has no zh spellout data.
std::string chinese_numeral(long long n);

/// The number of the n-th heading (n ≥ 1) at level 1–4, with its punctuation
/// (GB/T 9704-2012 §7.3.3; GB/T 15834-2011 序次语: 顿号 after a Chinese numeral,
/// half-width 下脚点 after an Arabic one, nothing after a bracketed one):
/// (1, 3) → "三、", (2, 3) → "（三）", (3, 3) → "3.", (4, 3) → "（3）",
/// (1, 11) → "十一、". Brackets are full-width (U+FF08/U+FF09), the dot half-width.
/// Returns UTF-8. Throws std::invalid_argument for a level outside 1–4 or n < 1.
std::string heading_number(int level, int n);

/// Counts headings as a document is walked; exporters share it so the .docx and the
/// .txt number alike. A part heading (unnumbered, e.g. 2017年工作回顾) restarts all
/// levels; a heading at level L restarts every deeper level. A skipped level simply
/// starts at 1 (## then #### gives 一、 then （1）).
class HeadingCounter {
 public:
  /// Call at each part heading: the next heading at any level is numbered 1.
  void start_part();
  /// The number text (heading_number) for the next heading at `level` (1–4).
  /// Throws std::invalid_argument for a level outside 1–4.
  std::string next(int level);

 private:
  int counts_[4] = {0, 0, 0, 0};
};

}  // namespace baogao
