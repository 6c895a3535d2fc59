#pragma once
// Heading numbers of Chinese official documents (GB/T 9704-2012 §7.3.3):
// level 1 一、  level 2 （一）  level 3 1.  level 4 （1）.
// Chinese numerals come from ICU's rule-based spellout (zh), never a table.
#include <string>

namespace baogao {

/// Chinese numeral for n ≥ 0 in the counting form used in headings:
/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九, 105 → 一百零五.
/// Throws std::invalid_argument for n < 0.
std::string chinese_numeral(long long n);

/// The number of the n-th heading (n ≥ 1) at level 1–4, with its punctuation:
/// (1, 3) → "三、", (2, 3) → "（三）", (3, 3) → "3.", (4, 3) → "（3）".
/// Brackets are full-width, the dot half-width. Throws std::invalid_argument
/// for a level outside 1–4 or n < 1.
std::string heading_number(int level, int n);

/// Counts headings as a document is walked. A part heading restarts all levels;
/// a heading at level L restarts every deeper level.
class HeadingCounter {
 public:
  void start_part();
  /// The number text for the next heading at `level` (1–4).
  std::string next(int level);

 private:
  int counts_[4] = {0, 0, 0, 0};
};

}  // namespace baogao
