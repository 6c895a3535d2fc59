#pragma once
// Internal helper shared by the readers, the manifest loader and the render:
// a byte offset into UTF-8 text → the "line:column" place used in Source.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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

/// line_column for many offsets into one text: the line starts are found once, so
/// each lookup costs a binary search plus the length of one line (a reader that
/// calls line_column per node would be quadratic in the file size).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    line_starts_.push_back(start);
    for (std::size_t i = start; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  /// Same result as line_column(text, offset).
  std::string place(std::size_t offset) const {
    if (offset > text_.size()) offset = text_.size();
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());
    const std::size_t begin = line == 0 ? 0 : line_starts_[line - 1];
    std::size_t column = 1;
    for (std::size_t i = begin; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return std::to_string(std::max<std::size_t>(line, 1)) + ":" + std::to_string(column);
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace baogao
