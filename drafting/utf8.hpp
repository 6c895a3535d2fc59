#pragma once
// UTF-8 one code point at a time, on ICU's macros (unicode/utf8.h): the decoder of
// the text lint and of the .docx writer's text hygiene.
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace baogao {

/// One step of a strict UTF-8 decoder (RFC 3629 §3, as ICU's U8_NEXT): `length` is how
/// many bytes were looked at (≥ 1; on an error the maximal ill-formed part); `cp` is
/// the code point when `ok`, else 0. Surrogates, overlong forms and values past
/// U+10FFFF are not ok.
struct Utf8Step {
  char32_t cp = 0;
  std::size_t length = 1;
  bool ok = false;
};

/// Decodes the code point that starts at byte `at` (< s.size()).
inline Utf8Step decode_utf8(std::string_view s, std::size_t at) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data() + at);
  const int32_t length = static_cast<int32_t>(std::min<std::size_t>(s.size() - at, 4));
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(p, i, length, c);
  return c < 0 ? Utf8Step{0, static_cast<std::size_t>(i), false}
               : Utf8Step{static_cast<char32_t>(c), static_cast<std::size_t>(i), true};
}

/// Appends `c` (a valid code point) in UTF-8.
inline void append_utf8(std::string& out, char32_t c) {
  std::uint8_t buffer[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buffer, n, static_cast<UChar32>(c));
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

}  // namespace baogao
