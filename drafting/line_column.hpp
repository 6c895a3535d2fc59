#pragma once
// Internal helper shared by the readers, the manifest loader and the render:
// a byte offset into UTF-8 text → the "line:column" place used in Source.
#include <cstddef>
#include <string>
#include <string_view>

namespace baogao {

/// "line:column" of byte `offset` in `text`, both 1-based; the column counts code
/// points (a Chinese character is one column), as the markup parser does.
/// A UTF-8 byte order mark is not counted. An offset past the end points just
/// after the last character.
inline std::string line_column(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1, column = 1;
  const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3 ? 3 : 0;
  for (std::size_t i = start; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace baogao
