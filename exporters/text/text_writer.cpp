// Document → plain text (see text_writer.hpp for the layout rules).
#include "exporters/text/text_writer.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "drafting/numbering.hpp"
#include "exporters/format_profile.hpp"
#include "exporters/text/line_breaker.hpp"

namespace baogao {
namespace {

constexpr std::string_view kIdeographicSpace = "\u3000";  // 全角空格, 2 columns
constexpr int kMinimumWrap = 8;

std::string repeat(std::string_view s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

// Drops C0 controls other than TAB and LF, U+FFFE/U+FFFF and ill-formed UTF-8;
// CR LF and lone CR become LF.
std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c == '\r') {
      if (i < length && text[static_cast<std::size_t>(i)] == '\n') ++i;
      out += '\n';
    } else if (c >= 0 && !(c < 0x20 && c != '\t' && c != '\n') && c != 0xFFFE && c != 0xFFFF) {
      out.append(text.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
    }
  }
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

// Removes ASCII blanks and U+3000 at the front (`front`) or the back.
std::string trim_blanks(std::string s, bool front, bool back) {
  auto blank_at_front = [&] {
    if (s.empty()) return std::size_t{0};
    if (s[0] == ' ' || s[0] == '\t') return std::size_t{1};
    return s.compare(0, kIdeographicSpace.size(), kIdeographicSpace) == 0 ? kIdeographicSpace.size() : 0;
  };
  auto blank_at_back = [&] {
    if (s.empty()) return std::size_t{0};
    if (s.back() == ' ' || s.back() == '\t') return std::size_t{1};
    return s.size() >= kIdeographicSpace.size() &&
                   s.compare(s.size() - kIdeographicSpace.size(), kIdeographicSpace.size(), kIdeographicSpace) == 0
               ? kIdeographicSpace.size()
               : 0;
  };
  if (front)
    for (std::size_t n; (n = blank_at_front()) > 0;) s.erase(0, n);
  if (back)
    for (std::size_t n; (n = blank_at_back()) > 0;) s.erase(s.size() - n);
  return s;
}

// Removes the U+3000 run at the front: a typed indent (docx-bugs I4). Leading ASCII
// spaces are text and stay (as in the .docx, docx-bugs A6).
std::string strip_ideographic_indent(std::string s) {
  std::size_t n = 0;
  while (s.compare(n, kIdeographicSpace.size(), kIdeographicSpace) == 0) n += kIdeographicSpace.size();
  return s.erase(0, n);
}

enum class Align { left, centre, right };

struct Layout {
  Align align = Align::left;
  int indent_chars = 0;  // first-line indent in characters (U+3000 each)
};

Layout layout_of(const RoleStyle& style) {
  Layout layout;
  if (style.justification == "center") layout.align = Align::centre;
  else if (style.justification == "right") layout.align = Align::right;
  else layout.indent_chars = std::max(0, style.first_line_chars / 100);
  return layout;
}

const RoleStyle& style_of(const FormatProfile& profile, const Block& block) {
  switch (block.role) {
    case Block::Role::title: return profile.title;
    case Block::Role::subtitle: return profile.subtitle;
    case Block::Role::speaker: return profile.speaker;
    case Block::Role::salutation: return profile.salutation;
    case Block::Role::part: return profile.part;
    case Block::Role::heading:
      switch (block.level) {
        case 1: return profile.heading1;
        case 2: return profile.heading2;
        case 3: return profile.heading3;
        default: return profile.heading4;
      }
    case Block::Role::closing: return profile.closing;
    case Block::Role::signature: return profile.signature;
    case Block::Role::date: return profile.date;
    default: return profile.body;
  }
}

class Writer {
 public:
  explicit Writer(const TextOptions& options)
      : wrap_(options.wrap_columns),
        measure_(options.wrap_columns > 0 ? options.wrap_columns : profile_.characters_per_line * 2) {}

  std::string write(const Document& document);

 private:
  void text_block(const Block& block, std::string text);
  void table(const Block& block);
  // Lines of one forced line: wrapped to the measure when wrapping is on.
  std::vector<std::string> wrapped(const std::string& text, int first_columns) const {
    if (wrap_ == 0) return {text};
    return text::wrap_line(text, std::max(2, first_columns), measure_);
  }
  void aligned(const std::string& line, Align align) {
    const int free = measure_ - text::display_width(line);
    if (free <= 0 || align == Align::left) {
      lines_.push_back(line);
    } else if (align == Align::centre) {
      lines_.push_back(repeat(kIdeographicSpace, free / 4) + line);
    } else {
      lines_.push_back((free % 2 ? " " : "") + repeat(kIdeographicSpace, free / 2) + line);
    }
  }

  FormatProfile profile_ = gbt9704_profile();
  int wrap_;
  int measure_;  // display columns
  HeadingCounter counter_;
  std::vector<std::string> lines_;
};

// Blocks whose lines follow each other without a blank line.
bool same_group(Block::Role a, Block::Role b) {
  using R = Block::Role;
  auto group = [](R r) {
    switch (r) {
      case R::title: return 1;
      case R::subtitle:
      case R::speaker: return 2;
      case R::signature:
      case R::date: return 3;
      default: return 0;
    }
  };
  return group(a) != 0 && group(a) == group(b);
}

std::string Writer::write(const Document& document) {
  const Block* previous = nullptr;
  for (const Block& block : document.blocks) {
    if (previous && !same_group(previous->role, block.role)) lines_.emplace_back();
    switch (block.role) {
      case Block::Role::page_break: lines_.emplace_back("\f"); break;
      case Block::Role::table: table(block); break;
      case Block::Role::part:
        counter_.start_part();
        text_block(block, plain_text(block.inlines));
        break;
      case Block::Role::heading:
        // Levels outside 1–4 are clamped, as the .docx does; the number comes first,
        // with no separator, and replaces any indent typed before the text.
        text_block(block, counter_.next(std::clamp(block.level, 1, 4)) +
                              strip_ideographic_indent(plain_text(block.inlines)));
        break;
      default: text_block(block, plain_text(block.inlines)); break;
    }
    previous = &block;
  }
  std::string out;
  for (std::string& line : lines_) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

void Writer::text_block(const Block& block, std::string text) {
  const Layout layout = layout_of(style_of(profile_, block));
  std::vector<std::string> forced = split_lines(clean(text));
  for (std::size_t i = 0; i < forced.size(); ++i) {
    if (layout.align != Align::left) {
      // Centred and right-aligned lines: blanks at either end are layout, not text.
      for (const std::string& line : wrapped(trim_blanks(forced[i], true, true), measure_))
        aligned(line, layout.align);
      continue;
    }
    std::string indent;
    if (i == 0) {  // the first line carries the indent, replacing any typed one (I4)
      forced[i] = strip_ideographic_indent(forced[i]);
      indent = repeat(kIdeographicSpace, layout.indent_chars);
    }
    const auto pieces = wrapped(forced[i], measure_ - text::display_width(indent));
    for (std::size_t k = 0; k < pieces.size(); ++k)
      lines_.push_back(k == 0 && !pieces[k].empty() ? indent + pieces[k] : pieces[k]);
  }
}

void Writer::table(const Block& block) {
  // cells[row][column] = the cell's lines
  std::vector<std::vector<std::vector<std::string>>> cells;
  std::vector<int> widths;
  for (const auto& row : block.rows) {
    auto& out_row = cells.emplace_back();
    for (std::size_t c = 0; c < row.size(); ++c) {
      out_row.push_back(split_lines(trim_blanks(clean(plain_text(row[c])), true, true)));
      if (widths.size() <= c) widths.push_back(0);
      for (const auto& line : out_row.back()) widths[c] = std::max(widths[c], text::display_width(line));
    }
  }
  for (const auto& row : cells) {
    std::size_t height = 1;
    for (const auto& cell : row) height = std::max(height, cell.size());
    for (std::size_t h = 0; h < height; ++h) {
      std::string line;
      for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string piece = h < row[c].size() ? row[c][h] : std::string();
        if (c > 0) line += "  ";
        line += piece;
        line += std::string(static_cast<std::size_t>(widths[c] - text::display_width(piece)), ' ');
      }
      lines_.push_back(std::move(line));
    }
  }
}

}  // namespace

std::string write_text(const Document& document, const TextOptions& options) {
  if (options.wrap_columns < 0 || (options.wrap_columns > 0 && options.wrap_columns < kMinimumWrap))
    throw std::invalid_argument("write_text: wrap columns must be 0 (no wrapping) or at least " +
                                std::to_string(kMinimumWrap) + ", got " + std::to_string(options.wrap_columns));
  return Writer(options).write(document);
}

}  // namespace baogao
