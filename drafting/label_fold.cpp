// Label folding for matching headers and labels (see label_fold.hpp).
#include "drafting/label_fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace baogao {

namespace {

const icu::Normalizer2& normalizer(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getInstance(nullptr, name, UNORM2_COMPOSE, status);
  if (U_FAILURE(status) || !n) throw std::runtime_error(std::string("ICU normalizer unavailable: ") + name);
  return *n;
}

icu::UnicodeString normalized(std::string_view text, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString out = normalizer(name).normalize(in, status);
  if (U_FAILURE(status)) return in;
  return out;
}

// Separators between a group's label and a field's, or inside a key path.
bool is_separator(UChar32 c) {
  switch (c) {
    case 0x00B7:  // · MIDDLE DOT
    case 0x30FB:  // ・ KATAKANA MIDDLE DOT
    case 0x2027:  // ‧ HYPHENATION POINT
    case 0x2022:  // • BULLET
    case '.': case '/': case '\\': case '-': case '_': case ':': case '*':
    case 0x2014:  // — EM DASH
    case 0x2013:  // – EN DASH
    case 0x3001:  // 、 IDEOGRAPHIC COMMA
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string fold_label(std::string_view text) {
  const icu::UnicodeString folded = normalized(text, "nfkc_cf");
  icu::UnicodeString kept;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || is_separator(c)) continue;
    kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::string nfkc(std::string_view text) {
  std::string out;
  normalized(text, "nfkc").toUTF8String(out);
  return out;
}

}  // namespace baogao
