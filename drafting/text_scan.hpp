#pragma once
// A paragraph as code points with byte offsets, and the character classes the text
// lint (checks_text.cpp) and the number-writing rules (checks_numbers.cpp) share.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "drafting/utf8.hpp"

namespace baogao::checks {

struct Char {
  char32_t c;
  std::size_t offset;  ///< byte offset in the text
  std::size_t length;  ///< bytes
};

/// The code points of `s` with their byte offsets; a byte that is not UTF-8 is
/// U+FFFD (data files are checked for UTF-8 when read: this is for robustness).
inline std::vector<Char> decode(std::string_view s) {
  std::vector<Char> out;
  for (std::size_t at = 0; at < s.size();) {
    const Utf8Step step = decode_utf8(s, at);
    out.push_back(Char{step.ok ? step.cp : U'\uFFFD', at, step.length});
    at += step.length;
  }
  return out;
}

inline std::string encode(char32_t c) {
  std::string out;
  append_utf8(out, c);
  return out;
}

inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3007;
}

/// Chinese punctuation and full-width forms: 、。《》「」【】 U+3000–303F, ！（），：；？ U+FF01–FF60,
/// curly quotes, —— and …….
inline bool is_cjk_mark(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60) || c == 0x201C || c == 0x201D ||
         c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026;
}

inline bool is_cjk(char32_t c) { return is_han(c) || is_cjk_mark(c); }
inline bool is_ascii_letter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Text {
  std::string_view bytes;
  std::vector<Char> chars;

  char32_t at(std::ptrdiff_t i) const {
    return i < 0 || i >= static_cast<std::ptrdiff_t>(chars.size()) ? 0 : chars[static_cast<std::size_t>(i)].c;
  }
  std::size_t size() const { return chars.size(); }
  /// Bytes of chars [from, to).
  std::string slice(std::size_t from, std::size_t to) const {
    from = std::min(from, chars.size());
    to = std::min(to, chars.size());
    if (from >= to) return {};
    return std::string(bytes.substr(chars[from].offset, chars[to - 1].offset + chars[to - 1].length - chars[from].offset));
  }
  /// The text around chars [from, to) for a message, on one line: "…经审查,立案42…".
  std::string excerpt(std::size_t from, std::size_t to) const {
    const std::size_t context = 8;
    const std::size_t a = from > context ? from - context : 0;
    const std::size_t b = std::min(chars.size(), to + context);
    std::string out = (a > 0 ? "…" : "") + slice(a, b) + (b < chars.size() ? "…" : "");
    for (char& c : out)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
  }
  /// The first char after `i` that is not an ASCII space (0 at the end).
  char32_t next_non_space(std::size_t i) const {
    for (std::size_t j = i + 1; j < chars.size(); ++j)
      if (chars[j].c != ' ') return chars[j].c;
    return 0;
  }
  /// Length of the run of `c` starting at i.
  std::size_t run(std::size_t i, char32_t c) const {
    std::size_t j = i;
    while (j < chars.size() && chars[j].c == c) ++j;
    return j - i;
  }
};

/// A deviation found in a paragraph: chars [from, to), a stable code and the message
/// in Chinese and English (the lint adds the excerpt and the place).
struct TextHit {
  std::size_t from;
  std::size_t to;
  const char* code;
  std::string zh;
  std::string en;
};

/// How numbers are written (checks_numbers.cpp; rules N4, N6, N13, N15 of
/// ../shared/spec/number-punctuation-rules.md, GB/T 15835-2011 §4.2, §5.1, §5.3).
std::vector<TextHit> number_writing(const Text& t);

}  // namespace baogao::checks
