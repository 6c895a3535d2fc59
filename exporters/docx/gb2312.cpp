#include "exporters/docx/gb2312.hpp"

#include <unicode/ucnv.h>
#include <unicode/uniset.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace baogao::docx {
namespace {

// Decodes every GB 2312 code (rows A1–F7, cells A1–FE, GB 2312-80 §5) through
// code page 936. Codes GB 2312 leaves empty decode to the Private Use Area (or
// U+FFFD) and are skipped.
icu::UnicodeSet build() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cp936(ucnv_open("windows-936", &status), ucnv_close);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU converter windows-936: ") + u_errorName(status));
  icu::UnicodeSet set(0, 0x7F);
  for (int row = 0xA1; row <= 0xF7; ++row) {
    for (int cell = 0xA1; cell <= 0xFE; ++cell) {
      const char bytes[2] = {static_cast<char>(row), static_cast<char>(cell)};
      UChar out[4];
      status = U_ZERO_ERROR;
      ucnv_reset(cp936.get());
      const int32_t n = ucnv_toUChars(cp936.get(), out, 4, bytes, 2, &status);
      const bool private_use = n == 1 && out[0] >= 0xE000 && out[0] <= 0xF8FF;
      if (U_SUCCESS(status) && n == 1 && !private_use && out[0] != 0xFFFD && out[0] != 0x1A) set.add(out[0]);
    }
  }
  set.freeze();
  return set;
}

}  // namespace

bool in_gb2312(char32_t c) {
  static const icu::UnicodeSet set = build();
  return set.contains(static_cast<UChar32>(c));
}

}  // namespace baogao::docx
