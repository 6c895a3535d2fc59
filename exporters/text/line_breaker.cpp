// Display width (UAX #11) and Chinese line wrapping (UAX #14 + GB/T 15834 禁则).
#include "exporters/text/line_breaker.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace baogao::text {
namespace {

// One iterator of each kind per thread: creating one loads ICU's rule data.
icu::BreakIterator& iterator(bool line) {
  auto make = [](bool for_lines) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        for_lines ? icu::BreakIterator::createLineInstance(icu::Locale("zh"), status)
                  : icu::BreakIterator::createCharacterInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !it)
      throw std::runtime_error(std::string("ICU break iterator unavailable: ") + u_errorName(status));
    return it;
  };
  thread_local std::unique_ptr<icu::BreakIterator> line_iterator = make(true);
  thread_local std::unique_ptr<icu::BreakIterator> character_iterator = make(false);
  return line ? *line_iterator : *character_iterator;
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

// A break between cps[i-1] and cps[i] would split a number (N18, L4).
bool inside_number(const std::vector<char32_t>& cps, std::size_t i) {
  const char32_t a = cps[i - 1], b = cps[i];
  auto joins_digits = [](char32_t c) { return c == '.' || c == ',' || c == ':'; };
  if (is_digit(a) && (is_digit(b) || b == '%' || b == 0xFF05 || b == 0x2030 || b == U'万' || b == U'亿'))
    return true;
  if (is_digit(b) && joins_digits(a) && i >= 2 && is_digit(cps[i - 2])) return true;
  if (is_digit(a) && joins_digits(b) && i + 1 < cps.size() && is_digit(cps[i + 1])) return true;
  return false;
}

void append_utf8(std::string& out, char32_t c) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

int display_width(char32_t c) {
  if (c == '\t') return 1;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  const auto type = u_charType(static_cast<UChar32>(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const int width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

int display_width(std::string_view utf8) {
  int columns = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0) columns += display_width(static_cast<char32_t>(c));
  }
  return columns;
}

bool is_no_start(char32_t c) {
  static constexpr std::u32string_view marks =
      U"，。、；：？！”’）］｝》〉」』】〕〗…—―～·・％‰℃／．,.;:?!)]}%/";
  return marks.find(c) != std::u32string_view::npos;
}

bool is_no_end(char32_t c) {
  static constexpr std::u32string_view marks = U"“‘（［｛《〈「『【〔〖([{/";
  return marks.find(c) != std::u32string_view::npos;
}

std::vector<std::string> wrap_line(std::string_view utf8, int first_columns, int columns) {
  if (first_columns < 2 || columns < 2)
    throw std::invalid_argument("wrap_line: a line must hold at least 2 columns");

  // Code points, their UTF-16 offsets (for ICU) and running display width.
  std::vector<char32_t> cps;
  icu::UnicodeString u16;
  {
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) continue;  // ill-formed UTF-8: dropped
      cps.push_back(static_cast<char32_t>(c));
      u16.append(c);
    }
  }
  const std::size_t n = cps.size();
  std::vector<int> width_before(n + 1, 0);
  std::vector<int32_t> index16(n + 1, 0);  // UTF-16 offset of each code point
  for (std::size_t i = 0; i < n; ++i) {
    width_before[i + 1] = width_before[i] + display_width(cps[i]);
    index16[i + 1] = index16[i] + (cps[i] > 0xFFFF ? 2 : 1);
  }

  // Break opportunities, as code-point indices 1…n-1, that keep the 禁则.
  auto allowed = [&](bool line_breaks) {
    std::vector<bool> ok(n + 1, false);
    icu::BreakIterator& it = iterator(line_breaks);
    it.setText(u16);
    std::size_t cp = 0;
    for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) {
      while (cp < n && index16[cp] < b) ++cp;
      if (cp == 0 || cp >= n || index16[cp] != b) continue;
      ok[cp] = !is_no_start(cps[cp]) && !is_no_end(cps[cp - 1]) && !inside_number(cps, cp);
    }
    return ok;
  };
  const std::vector<bool> line_ok = allowed(true);
  std::vector<bool> grapheme_ok;  // computed only if needed

  // Width of cps[s, p) without the ASCII spaces that end it (they hang, then drop).
  auto visible_end = [&](std::size_t s, std::size_t p) {
    while (p > s && cps[p - 1] == ' ') --p;
    return p;
  };
  auto width = [&](std::size_t s, std::size_t p) { return width_before[p] - width_before[s]; };

  std::vector<std::string> lines;
  std::size_t start = 0;
  int available = first_columns;
  while (start < n) {
    std::size_t end = n;
    if (width(start, visible_end(start, n)) > available) {
      // The last allowed break that fits.
      std::size_t best = 0;
      for (std::size_t p = start + 1; p < n; ++p) {
        if (width(start, visible_end(start, p)) > available) break;
        if (line_ok[p]) best = p;
      }
      if (best == 0) {  // nothing fits: cut between grapheme clusters, rules kept
        if (grapheme_ok.empty()) grapheme_ok = allowed(false);
        for (std::size_t p = start + 1; p < n; ++p) {
          if (width(start, visible_end(start, p)) > available) break;
          if (grapheme_ok[p]) best = p;
        }
      }
      if (best == 0) {  // still nothing: run past the measure to the next allowed break
        best = n;
        for (std::size_t p = start + 1; p < n; ++p)
          if (line_ok[p]) {
            best = p;
            break;
          }
      }
      end = best;
    }
    std::string line;
    for (std::size_t i = start, stop = visible_end(start, end); i < stop; ++i) append_utf8(line, cps[i]);
    lines.push_back(std::move(line));
    start = end;
    while (start < n && cps[start] == ' ') ++start;  // spaces at a break are dropped
    available = columns;
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

}  // namespace baogao::text
