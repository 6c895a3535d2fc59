// Heading numbers (GB/T 9704-2012 §7.3.3) and Chinese counting numerals via ICU.
#include "drafting/numbering.hpp"

#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace baogao {
namespace {

// One formatter per thread: ICU formatters are not meant to be shared across
// threads without cloning, and building one parses the zh rule text (costly).
const icu::RuleBasedNumberFormat& zh_cardinal() {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU zh spellout unavailable: ") + u_errorName(status));
    // %spellout-cardinal writes 零 inside numbers (一百零五); the default
    // %spellout-numbering writes 〇 (一百〇五), which is the form for years only.
    f->setDefaultRuleSet(icu::UnicodeString(u"%spellout-cardinal"), status);
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU zh rule set %spellout-cardinal missing: ") +
                               u_errorName(status));
    return f;
  }();
  return *format;
}

}  // namespace

std::string chinese_numeral(long long n) {
  if (n < 0) throw std::invalid_argument("chinese_numeral: negative number " + std::to_string(n));
  icu::UnicodeString text;
  zh_cardinal().format(static_cast<int64_t>(n), text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string heading_number(int level, int n) {
  if (n < 1) throw std::invalid_argument("heading_number: n must be ≥ 1, got " + std::to_string(n));
  switch (level) {
    case 1: return chinese_numeral(n) + "、";
    case 2: return "（" + chinese_numeral(n) + "）";
    case 3: return std::to_string(n) + ".";
    case 4: return "（" + std::to_string(n) + "）";
    default:
      throw std::invalid_argument("heading_number: level must be 1–4, got " + std::to_string(level));
  }
}

void HeadingCounter::start_part() {
  for (int& c : counts_) c = 0;
}

std::string HeadingCounter::next(int level) {
  if (level < 1 || level > 4)
    throw std::invalid_argument("HeadingCounter::next: level must be 1–4, got " + std::to_string(level));
  ++counts_[level - 1];
  for (int deeper = level; deeper < 4; ++deeper) counts_[deeper] = 0;
  return heading_number(level, counts_[level - 1]);
}

}  // namespace baogao
