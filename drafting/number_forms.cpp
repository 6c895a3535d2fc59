// Number forms through ICU (see number_forms.hpp).
#include "drafting/number_forms.hpp"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/parsepos.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <regex>
#include <stdexcept>

#include "drafting/numbering.hpp"
#include "drafting/trim.hpp"

namespace baogao {
namespace {

// One zh spell-out formatter per thread (ICU formatters are not to be shared across
// threads without cloning; building one parses the zh rules).
icu::RuleBasedNumberFormat& zh_spellout() {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU zh spellout unavailable: ") + u_errorName(status));
    f->setDefaultRuleSet(icu::UnicodeString(u"%spellout-cardinal"), status);
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU zh rule set %spellout-cardinal missing: ") + u_errorName(status));
    return f;
  }();
  return *format;
}

/// `n` spelled out with the zh rule set `rule_set` ("%spellout-numbering-year", …).
std::string spell(long long n, const char16_t* rule_set) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text;
  icu::FieldPosition position;
  zh_spellout().format(static_cast<int64_t>(n), icu::UnicodeString(rule_set), text, position, status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU zh spellout failed: ") + u_errorName(status));
  std::string out;
  text.toUTF8String(out);
  return out;
}

/// A zh_CN formatter without grouping, at most `precision` decimals rounded half up
/// (四舍五入), dividing by 10^`exponent`. Built once per (exponent, precision).
const icu::number::LocalizedNumberFormatter& decimal_formatter(int exponent, int precision) {
  using namespace icu::number;
  static std::mutex mutex;
  static std::array<std::array<std::unique_ptr<LocalizedNumberFormatter>, 7>, 9> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache.at(static_cast<std::size_t>(exponent)).at(static_cast<std::size_t>(precision));
  if (!slot)
    slot = std::make_unique<LocalizedNumberFormatter>(NumberFormatter::withLocale(icu::Locale("zh_CN"))
                                                          .grouping(UNUM_GROUPING_OFF)
                                                          .precision(Precision::maxFraction(precision))
                                                          .roundingMode(UNUM_ROUND_HALFUP)
                                                          .scale(Scale::powerOfTen(-exponent)));
  return *slot;
}

/// Decimal text `number_text` divided by 10^exponent, at most `precision` decimals.
std::optional<std::string> format_scaled(std::string_view number_text, int exponent, int precision) {
  UErrorCode status = U_ZERO_ERROR;
  auto formatted = decimal_formatter(exponent, precision)
                       .formatDecimal(icu::StringPiece(number_text.data(), static_cast<int32_t>(number_text.size())),
                                      status);
  std::string out;
  formatted.toString(status).toUTF8String(out);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

/// Decodes one UTF-8 code point at `at` (advancing it); U+FFFD for a bad byte.
char32_t next_code_point(std::string_view s, std::size_t& at) {
  const auto b = static_cast<unsigned char>(s[at]);
  int length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || at + length > s.size()) {
    ++at;
    return 0xFFFD;
  }
  char32_t c = length == 1 ? b : length == 2 ? (b & 0x1F) : length == 3 ? (b & 0x0F) : (b & 0x07);
  for (int i = 1; i < length; ++i) c = (c << 6) | (static_cast<unsigned char>(s[at + i]) & 0x3F);
  at += length;
  return c;
}

bool is_chinese_numeral_char(char32_t c) {
  static constexpr std::u32string_view numerals = U"〇零一二两三四五六七八九十百千万亿";
  return numerals.find(c) != std::u32string_view::npos;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Prefixes and qualifiers of figures, longest first so that 大约 wins over 约.
constexpr std::string_view kApproximatePrefixes[] = {"大约", "将近", "接近", "超过", "不足", "不到", "约", "近", "逾", "超"};
constexpr std::string_view kExactPrefixes[] = {"共计", "累计", "合计", "多达", "总计", "共", "计", "达"};
constexpr std::string_view kQualifiers[] = {"左右", "上下", "以上", "以下", "余", "多", "来", "许"};

}  // namespace

std::optional<double> to_double(std::string_view text) {
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  double n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return n;
}

bool is_decimal_number(std::string_view t, bool no_leading_zeros) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i - start;
  };
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  const std::size_t integer_start = i;
  const std::size_t integer = digits();
  if (integer == 0 || (no_leading_zeros && integer > 1 && t[integer_start] == '0')) return false;
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == t.size();
}

std::optional<std::string> numeric_text(std::string_view s) {
  std::string text;
  for (char c : trim(s))
    if (c != ',') text += c;
  if (text.empty() || !is_decimal_number(text)) return std::nullopt;
  if (text[0] == '+') text.erase(0, 1);
  return text;
}

// ---------------------------------------------------------------------------

std::string chinese_count(long long n) {
  if (n < 0) throw std::invalid_argument("chinese_count: negative number " + std::to_string(n));
  return n < 10 ? spell(n, u"%spellout-cardinal-alternate2") : chinese_numeral(n);
}

std::string chinese_ordinal(long long n) {
  if (n < 1) throw std::invalid_argument("chinese_ordinal: n must be ≥ 1, got " + std::to_string(n));
  return "第" + chinese_numeral(n);
}

std::string chinese_year(long long year) {
  if (year < 1) throw std::invalid_argument("chinese_year: year must be ≥ 1, got " + std::to_string(year));
  return spell(year, u"%spellout-numbering-year");
}

std::string session_name(long long term, long long session, SessionForm form) {
  if (term < 1 || session < 1)
    throw std::invalid_argument("session_name: term and session must be ≥ 1, got " + std::to_string(term) + ", " +
                                std::to_string(session));
  if (form == SessionForm::full) return chinese_ordinal(term) + "届委员会" + chinese_ordinal(session) + "次会议";
  return chinese_numeral(term) + "届" + chinese_numeral(session) + "次会议";
}

std::optional<long long> parse_chinese_numeral(std::string_view text) {
  if (text.empty()) return std::nullopt;
  for (std::size_t at = 0; at < text.size();)
    if (!is_chinese_numeral_char(next_code_point(text, at))) return std::nullopt;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::Formattable result;
  icu::ParsePosition position(0);
  zh_spellout().parse(u, result, position);
  if (position.getErrorIndex() >= 0 || position.getIndex() != u.length()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const double value = result.getDouble(status);
  if (U_FAILURE(status) || value < 0 || std::floor(value) != value || value > 9e15) return std::nullopt;
  return static_cast<long long>(value);
}

bool WrittenFigure::approximate() const {
  if (!qualifier.empty()) return true;
  for (auto p : kApproximatePrefixes)
    if (prefix == p) return true;
  return false;
}

std::optional<WrittenFigure> parse_written_figure(std::string_view text) {
  std::string_view s = trim(text);
  WrittenFigure f;
  auto take_prefix = [&](auto& list) {
    for (auto p : list)
      if (starts_with(s, p)) {
        f.prefix = std::string(p);
        s.remove_prefix(p.size());
        return true;
      }
    return false;
  };
  if (!take_prefix(kApproximatePrefixes)) take_prefix(kExactPrefixes);

  // The numeral: Arabic (sign, digits with ',' between digits, decimals) or Chinese.
  std::size_t end = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+' || (s[0] >= '0' && s[0] <= '9'))) {
    std::size_t at = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    const std::size_t digits_start = at;
    while (at < s.size() && ((s[at] >= '0' && s[at] <= '9') ||
                             (s[at] == ',' && at > digits_start && at + 1 < s.size() && s[at + 1] >= '0' &&
                              s[at + 1] <= '9')))
      ++at;
    if (at == digits_start) return std::nullopt;
    if (at + 1 < s.size() && s[at] == '.' && s[at + 1] >= '0' && s[at + 1] <= '9') {
      const std::size_t point = at++;
      while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
      f.decimals = static_cast<int>(at - point - 1);
    }
    end = at;
    f.numeral = std::string(s.substr(0, end));
    const auto clean = numeric_text(f.numeral);
    const auto value = clean ? to_double(*clean) : std::nullopt;
    if (!value) return std::nullopt;
    f.value = *value;
  } else {
    std::size_t at = 0;
    while (at < s.size()) {
      std::size_t next = at;
      if (!is_chinese_numeral_char(next_code_point(s, next))) break;
      at = next;
    }
    if (at == 0) return std::nullopt;
    // 万/亿 ending a run ("十万" in "十余万元" never gets here; "一万元" does) belong
    // to the numeral; a qualifier may follow.
    const auto value = parse_chinese_numeral(s.substr(0, at));
    if (!value) return std::nullopt;
    end = at;
    f.numeral = std::string(s.substr(0, end));
    f.value = static_cast<double>(*value);
    f.chinese = true;
  }
  s.remove_prefix(end);

  for (auto q : kQualifiers)
    if (starts_with(s, q)) {
      f.qualifier = std::string(q);
      s.remove_prefix(q.size());
      break;
    }
  f.unit = std::string(s);
  for (char c : f.unit)
    if (c >= '0' && c <= '9') return std::nullopt;  // "3千5百": not one figure
  if (starts_with(f.unit, "万")) f.value *= 1e4;
  else if (starts_with(f.unit, "亿")) f.value *= 1e8;
  return f;
}

std::optional<std::string> rewrite_figure(const WrittenFigure& figure, Numerals numerals) {
  // The numeral's own value (without the 万/亿 of the unit).
  double own = figure.value;
  if (starts_with(figure.unit, "万")) own /= 1e4;
  else if (starts_with(figure.unit, "亿")) own /= 1e8;
  std::string numeral;
  if (numerals == Numerals::arabic) {
    if (!figure.chinese) {
      numeral = figure.numeral;
    } else {
      numeral = format_decimal(own, 0);
    }
  } else {
    if (figure.chinese) {
      numeral = figure.numeral;
    } else {
      const double rounded = std::round(own);
      if (std::fabs(own - rounded) > 1e-9 || own < 0 || own >= 1e12) return std::nullopt;
      numeral = chinese_count(static_cast<long long>(rounded));
    }
  }
  return figure.prefix + numeral + figure.qualifier + figure.unit;
}

// ---------------------------------------------------------------------------

std::string format_decimal(double value, int precision) {
  if (precision < 0) precision = 0;
  if (precision > 6) precision = 6;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return format_scaled(buffer, 0, precision).value_or(buffer);
}

std::optional<std::string> format_amount(std::string_view number_text, AmountForm form) {
  if (form.precision < 0 || form.precision > 6) return std::nullopt;
  auto clean = numeric_text(number_text);
  if (!clean) return std::nullopt;
  const auto value = to_double(*clean);
  if (!value) return std::nullopt;

  struct Unit {
    int exponent;
    const char* name;
  };
  static constexpr Unit units[] = {{0, "元"}, {4, "万元"}, {8, "亿元"}};
  int u = 0;
  switch (form.unit) {
    case AmountUnit::yuan: u = 0; break;
    case AmountUnit::wan: u = 1; break;
    case AmountUnit::yi: u = 2; break;
    case AmountUnit::automatic: u = std::fabs(*value) >= 1e8 ? 2 : std::fabs(*value) >= 1e4 ? 1 : 0; break;
  }
  for (;; ++u) {
    auto digits = format_scaled(*clean, units[u].exponent, form.precision);
    if (!digits) return std::nullopt;
    // 99999.999 rounds to "10000" 万元: say 1亿元 instead.
    const std::string_view magnitude = (*digits)[0] == '-' ? std::string_view(*digits).substr(1) : *digits;
    if (form.unit == AmountUnit::automatic && magnitude == "10000" && u < 2) continue;
    if (*digits == "-0") digits = "0";
    return *digits + units[u].name;
  }
}

std::optional<std::string> format_percent(std::string_view number_text, int precision) {
  auto clean = numeric_text(number_text);
  if (!clean) return std::nullopt;
  if (precision < 0) {
    std::string written(trim(number_text));
    if (!written.empty() && written[0] == '+') written.erase(0, 1);
    return written + "%";
  }
  if (precision > 6) return std::nullopt;
  auto digits = format_scaled(*clean, 0, precision);
  if (!digits) return std::nullopt;
  if (*digits == "-0") digits = "0";
  return *digits + "%";
}

std::optional<IsoDate> parse_iso_date(std::string_view iso) {
  static const std::regex pattern(R"(([0-9]{4})(-([0-9]{1,2})(-([0-9]{1,2}))?)?)");
  std::match_results<std::string_view::const_iterator> m;
  const std::string_view s = trim(iso);
  if (!std::regex_match(s.begin(), s.end(), m, pattern)) return std::nullopt;
  IsoDate d;
  d.year = std::stoi(m[1].str());
  if (!m[3].matched) return d;
  d.month = std::stoi(m[3].str());
  if (d.month < 1 || d.month > 12) return std::nullopt;
  if (!m[5].matched) return d;
  d.day = std::stoi(m[5].str());
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.day < 1 || d.day > days[d.month - 1] + (d.month == 2 && leap ? 1 : 0)) return std::nullopt;
  return d;
}

std::optional<IsoDate> parse_date(std::string_view text) {
  if (auto d = parse_iso_date(text)) return d;
  static const std::regex chinese(R"(([0-9]{4})年(?:([0-9]{1,2})月(?:([0-9]{1,2})日)?)?)");
  std::match_results<std::string_view::const_iterator> m;
  const std::string_view s = trim(text);
  if (!std::regex_match(s.begin(), s.end(), m, chinese)) return std::nullopt;
  std::string iso = m[1].str();
  if (m[2].matched) iso += "-" + m[2].str();
  if (m[3].matched) iso += "-" + m[3].str();
  return parse_iso_date(iso);
}

std::optional<std::string> iso_day(std::string_view text) {
  const auto d = parse_date(text);
  if (!d || d->day == 0) return std::nullopt;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d->year, d->month, d->day);
  return std::string(buffer);
}

std::optional<std::string> format_date_part(std::string_view iso, DatePart part) {
  const auto d = parse_iso_date(iso);
  if (!d) return std::nullopt;
  std::string out = std::to_string(d->year) + "年";
  if (part == DatePart::year) return out;
  if (d->month == 0) return std::nullopt;
  out += std::to_string(d->month) + "月";
  if (part == DatePart::month) return out;
  if (d->day == 0) return std::nullopt;
  return out + std::to_string(d->day) + "日";
}

std::optional<std::string> format_date_chinese(std::string_view iso) {
  const auto d = parse_iso_date(iso);
  if (!d || d->year < 1) return std::nullopt;
  std::string out = chinese_year(d->year) + "年";
  if (d->month) out += chinese_numeral(d->month) + "月";
  if (d->day) out += chinese_numeral(d->day) + "日";
  return out;
}

std::optional<std::string> format_change_count(std::string_view delta_text, std::string_view unit, bool amount,
                                               AmountForm form) {
  auto clean = numeric_text(delta_text);
  if (!clean) return std::nullopt;
  const auto delta = to_double(*clean);
  if (!delta) return std::nullopt;
  const std::string magnitude_text = (*clean)[0] == '-' ? clean->substr(1) : *clean;
  std::optional<std::string> magnitude;
  if (amount) {
    magnitude = format_amount(magnitude_text, form);
  } else {
    magnitude = magnitude_text;
    if (*delta != 0) magnitude = std::string(magnitude_text) + std::string(unit);
  }
  if (!magnitude) return std::nullopt;
  // Zero, or an amount that rounds to 0元/0万元: no change.
  if (*delta == 0 || starts_with(*magnitude, "0元") || starts_with(*magnitude, "0万元") || starts_with(*magnitude, "0亿元"))
    return "持平";
  return (*delta > 0 ? "增加" : "减少") + *magnitude;
}

std::optional<std::string> format_change_percent(std::string_view current_text, std::string_view previous_text,
                                                 int precision) {
  const auto current_clean = numeric_text(current_text), previous_clean = numeric_text(previous_text);
  if (!current_clean || !previous_clean) return std::nullopt;
  const auto current = to_double(*current_clean), previous = to_double(*previous_clean);
  if (!current || !previous || *previous == 0) return std::nullopt;
  const double percent = (*current - *previous) / std::fabs(*previous) * 100;
  const std::string magnitude = format_decimal(std::fabs(percent), precision);
  if (magnitude == "0") return "持平";
  return (percent > 0 ? "增长" : "下降") + magnitude + "%";
}

}  // namespace baogao
