#include "drafting/utf8_check.hpp"

#include <unicode/utf8.h>

#include <cstdio>

#include "drafting/error.hpp"
#include "drafting/line_column.hpp"

namespace baogao {

void require_utf8(std::string_view text, const std::string& file, const char* format) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0) continue;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", bytes[at]);
    throw InputError("bad_encoding", Source{file, line_column(text, static_cast<std::size_t>(at))},
                     std::string("found byte ") + hex + ", which is not UTF-8 (the " + format +
                         " file was probably saved as GBK/GB18030); expected UTF-8 — save it again "
                         "choosing the encoding \"UTF-8\" (请以 UTF-8 编码另存此文件)");
  }
}

}  // namespace baogao
