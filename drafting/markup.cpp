// Report markup → Document: a small hand-written line parser (see markup.hpp for
// the syntax). Lines are read first (backslash-newline continues a line), each line
// is classified by its first character, and the inline parser handles escapes,
// **strong** and [spans]{…}.
#include "drafting/markup.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "drafting/error.hpp"

namespace baogao {
namespace {

// ---------------------------------------------------------------- characters

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The code point at `i` (or a negative value for ill-formed UTF-8); advances `i`.
UChar32 next_code_point(std::string_view s, std::size_t& i) {
  int32_t at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), at, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(at);
  return c;
}

// Characters markup gives a meaning to; escape_markup puts a backslash before them.
bool is_markup_char(UChar32 c) {
  switch (c) {
    case '\\': case '*': case '#': case '[': case ']': case '{': case '}':
    case '|': case ':': case '"':
      return true;
    default:
      return false;
  }
}

// Characters no text may carry (XML 1.0 Char excludes them; docx-bugs A1).
bool is_forbidden_control(UChar32 c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
}

std::string hex_code_point(UChar32 c) {
  static const char digits[] = "0123456789ABCDEF";
  std::string hex;
  for (UChar32 v = c; v > 0 || hex.size() < 4; v >>= 4) hex.insert(hex.begin(), digits[v & 0xF]);
  return "U+" + hex;
}

std::string hex_byte(unsigned char b) {
  static const char digits[] = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 0xF];
}

// ---------------------------------------------------------------- inlines

// Appends text to `out`, merging with a preceding text inline.
void append_text(Inlines& out, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().kind == Inline::Kind::text)
    out.back().text += text;
  else
    out.push_back(Inline{Inline::Kind::text, std::string(text), {}, {}});
}

// Appends inlines, merging adjacent text (and adjacent strong) inlines.
void append_inlines(Inlines& out, Inlines&& more) {
  for (auto& in : more) {
    if (in.kind == Inline::Kind::text) {
      append_text(out, in.text);
    } else if (in.kind == Inline::Kind::strong && !out.empty() &&
               out.back().kind == Inline::Kind::strong) {
      out.back().text += in.text;
    } else if (!(in.kind == Inline::Kind::strong && in.text.empty())) {
      out.push_back(std::move(in));
    }
  }
}

// ---------------------------------------------------------------- lines

// A logical line: one physical line, or several joined by backslash-newline (the
// "\\\n" stays in `text`; the inline parser reads it as a line break).
struct Line {
  std::string text;
  int first_line = 1;               // 1-based physical line number of text[0]
  std::vector<std::size_t> starts;  // offset in `text` where each physical line begins
};

// True if `s` ends with an odd number of backslashes (the last one escapes the newline).
bool ends_with_continuation(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[s.size() - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

class Parser {
 public:
  Parser(std::string_view markup, const std::string& file) : file_(file) { read_lines(markup); }

  Document parse();

 private:
  enum class Context { top, cell, strong, span };

  // --- errors and places
  std::string place(const Line& line, std::size_t offset) const {
    auto it = std::upper_bound(line.starts.begin(), line.starts.end(), offset);
    std::size_t index = static_cast<std::size_t>(it - line.starts.begin()) - 1;
    std::size_t column = 1;
    for (std::size_t i = line.starts[index]; i < offset && i < line.text.size(); ++i)
      if ((static_cast<unsigned char>(line.text[i]) & 0xC0) != 0x80) ++column;
    return std::to_string(line.first_line + static_cast<int>(index)) + ":" + std::to_string(column);
  }
  [[noreturn]] void fail(const Line& line, std::size_t offset, const std::string& message) const {
    throw InputError("markup_syntax", Source{file_, place(line, offset)}, message);
  }
  // "'X'" for the character at `offset`, or "the end of the line".
  std::string found_at(const Line& line, std::size_t offset) const {
    if (offset >= line.text.size()) return "the end of the line";
    std::size_t end = offset;
    next_code_point(line.text, end);
    if (line.text[offset] == '\n') return "a line break";
    return "'" + line.text.substr(offset, end - offset) + "'";
  }
  Source source(const Line& line, std::size_t offset) const { return Source{file_, place(line, offset)}; }

  void read_lines(std::string_view markup);

  // --- blocks
  void directive(const Line& line, std::size_t pos, Document& doc);
  void heading(const Line& line, std::size_t pos, Document& doc);
  void table_row(const Line& line, std::size_t pos, Document& doc);
  static bool is_separator_row(std::string_view rest);

  // --- inlines
  Inlines top_inlines(const Line& line, std::size_t& pos, Context context);
  Inlines inlines(const Line& line, std::size_t& pos, Context context);
  Inlines strong(const Line& line, std::size_t& pos);
  Inline span(const Line& line, std::size_t& pos);
  void attributes(const Line& line, std::size_t& pos, Inline& span);

  std::string file_;
  std::vector<Line> lines_;
  // Number of trailing bytes of the last text inline that are unescaped spaces/TABs
  // (trimmed at the end of a line or a cell).
  std::size_t raw_blank_tail_ = 0;
  bool meta_title_ = false;  // ::meta title seen
};

void Parser::read_lines(std::string_view markup) {
  if (markup.substr(0, 3) == "\xEF\xBB\xBF") markup.remove_prefix(3);
  const std::size_t n = markup.size();
  std::size_t i = 0;
  int number = 1;
  bool continuing = false;  // the previous physical line ended with a lone backslash
  while (true) {
    std::size_t end = i;
    while (end < n && markup[end] != '\n' && markup[end] != '\r') ++end;
    const std::string_view text = markup.substr(i, end - i);
    if (!continuing) lines_.push_back(Line{"", number, {}});
    Line& line = lines_.back();
    line.starts.push_back(line.text.size());
    const std::size_t base = line.text.size();
    line.text += text;
    for (std::size_t k = 0; k < text.size();) {  // checked here, where places are simple
      const std::size_t at = k;
      const UChar32 c = next_code_point(text, k);
      if (c < 0)
        fail(line, base + at,
             "found an invalid UTF-8 byte " + hex_byte(static_cast<unsigned char>(text[at])) +
                 "; expected UTF-8 text");
      if (is_forbidden_control(c))
        fail(line, base + at,
             "found the control character " + hex_code_point(c) +
                 "; expected text (escape_markup drops such characters)");
    }
    const bool line_end = end < n;
    continuing = line_end && ends_with_continuation(text);
    if (continuing) line.text += '\n';
    if (!line_end) break;
    i = end + (markup[end] == '\r' && end + 1 < n && markup[end + 1] == '\n' ? 2 : 1);
    ++number;
    if (i == n && !continuing) break;  // a final line end does not open another line
  }
}

Document Parser::parse() {
  Document doc;
  bool in_paragraph = false;  // the last block is a paragraph still taking lines
  bool in_table = false;      // the last block is a table still taking rows
  for (const Line& line : lines_) {
    std::size_t pos = 0;
    while (pos < line.text.size() && is_blank(line.text[pos])) ++pos;
    if (pos == line.text.size()) {  // blank line
      in_paragraph = in_table = false;
      continue;
    }
    const std::string_view rest = std::string_view(line.text).substr(pos);
    if (rest.substr(0, 2) == "::") {
      in_paragraph = in_table = false;
      directive(line, pos, doc);
    } else if (rest[0] == '#') {
      in_paragraph = in_table = false;
      heading(line, pos, doc);
    } else if (rest[0] == '|') {
      in_paragraph = false;
      if (is_separator_row(rest)) continue;
      if (!in_table) {
        Block table;
        table.role = Block::Role::table;
        table.source = source(line, pos);
        doc.blocks.push_back(std::move(table));
        in_table = true;
      }
      table_row(line, pos, doc);
    } else {
      in_table = false;
      const std::size_t start = pos;
      Inlines text = top_inlines(line, pos, Context::top);
      if (!in_paragraph) {
        Block paragraph;
        paragraph.role = Block::Role::paragraph;
        paragraph.source = source(line, start);
        doc.blocks.push_back(std::move(paragraph));
        in_paragraph = true;
      }
      append_inlines(doc.blocks.back().inlines, std::move(text));
    }
  }
  if (!meta_title_) {  // the title lines joined, with no separator and no line breaks
    std::string title;
    for (const Block& b : doc.blocks)
      if (b.role == Block::Role::title) title += plain_text(b.inlines);
    title.erase(std::remove(title.begin(), title.end(), '\n'), title.end());
    doc.info.title = title;
  }
  return doc;
}

// ---------------------------------------------------------------- blocks

void Parser::directive(const Line& line, std::size_t pos, Document& doc) {
  static const std::array<std::pair<std::string_view, Block::Role>, 7> text_roles{{
      {"title", Block::Role::title},
      {"subtitle", Block::Role::subtitle},
      {"speaker", Block::Role::speaker},
      {"salutation", Block::Role::salutation},
      {"closing", Block::Role::closing},
      {"signature", Block::Role::signature},
      {"date", Block::Role::date},
  }};
  const std::size_t start = pos;
  std::size_t name_end = pos + 2;
  while (name_end < line.text.size() && !is_blank(line.text[name_end]) && line.text[name_end] != '\n')
    ++name_end;
  const std::string name = line.text.substr(pos + 2, name_end - pos - 2);
  pos = name_end;
  while (pos < line.text.size() && is_blank(line.text[pos])) ++pos;

  for (const auto& [word, role] : text_roles) {
    if (name != word) continue;
    Block block;
    block.role = role;
    block.source = source(line, start);
    block.inlines = top_inlines(line, pos, Context::top);
    // Empty text comes from an empty data value (the render reports required ones):
    // the line is left out rather than failing the whole draft.
    if (!block.inlines.empty()) doc.blocks.push_back(std::move(block));
    return;
  }
  if (name == "pagebreak") {
    if (pos < line.text.size())
      fail(line, pos, "found " + found_at(line, pos) + " after ::pagebreak; expected nothing after it");
    Block block;
    block.role = Block::Role::page_break;
    block.source = source(line, start);
    doc.blocks.push_back(std::move(block));
    return;
  }
  if (name == "meta") {
    const std::size_t key_start = pos;
    while (pos < line.text.size() && !is_blank(line.text[pos])) ++pos;
    const std::string key = line.text.substr(key_start, pos - key_start);
    while (pos < line.text.size() && is_blank(line.text[pos])) ++pos;
    const std::size_t value_start = pos;
    const std::string value = plain_text(top_inlines(line, pos, Context::top));
    if (key == "title") {
      doc.info.title = value;
      meta_title_ = true;
    } else if (key == "subject") {
      doc.info.subject = value;
    } else if (key == "author") {
      doc.info.author = value;
    } else if (key == "date") {
      const bool iso = value.size() == 10 && value[4] == '-' && value[7] == '-' &&
                       std::all_of(value.begin(), value.end(), [](char c) {
                         return c == '-' || (c >= '0' && c <= '9');
                       });
      // Only for document properties: a date that is not YYYY-MM-DD (a placeholder for
      // a missing date) leaves the property unset instead of stopping the draft.
      (void)value_start;
      if (iso) doc.info.date = value;
    } else {
      fail(line, key_start,
           "found the ::meta key '" + key + "'; expected title, subject, author or date");
    }
    return;
  }
  fail(line, start,
       "found the unknown directive '::" + name +
           "'; expected one of ::title ::subtitle ::speaker ::salutation ::closing ::signature "
           "::date ::pagebreak ::meta");
}

void Parser::heading(const Line& line, std::size_t pos, Document& doc) {
  const std::size_t start = pos;
  int hashes = 0;
  while (pos < line.text.size() && line.text[pos] == '#') ++hashes, ++pos;
  if (hashes > 5)
    fail(line, start,
         "found a heading of " + std::to_string(hashes) +
             " '#'; expected # (part heading) or ## to ##### (levels 1–4)");
  if (pos < line.text.size() && !is_blank(line.text[pos]))
    fail(line, pos,
         "found " + found_at(line, pos) + " right after '" + std::string(hashes, '#') +
             "'; expected a space before the heading text (write \\# for a literal #)");
  while (pos < line.text.size() && is_blank(line.text[pos])) ++pos;
  Block block;
  block.role = hashes == 1 ? Block::Role::part : Block::Role::heading;
  block.level = hashes == 1 ? 0 : hashes - 1;
  block.source = source(line, start);
  block.inlines = top_inlines(line, pos, Context::top);
  if (!block.inlines.empty()) doc.blocks.push_back(std::move(block));  // empty: as for directives
}

bool Parser::is_separator_row(std::string_view rest) {
  // Only | : - and blanks, with at least one '-' (a cell like "\-" has a backslash).
  return rest.find('-') != std::string_view::npos &&
         rest.find_first_not_of("|:- \t") == std::string_view::npos;
}

void Parser::table_row(const Line& line, std::size_t pos, Document& doc) {
  const std::size_t start = pos;
  ++pos;  // the leading '|'
  std::vector<Inlines> cells;
  while (true) {
    while (pos < line.text.size() && is_blank(line.text[pos])) ++pos;
    if (pos >= line.text.size()) break;
    cells.push_back(top_inlines(line, pos, Context::cell));
    if (pos >= line.text.size()) break;
    ++pos;  // the '|' ending the cell
  }
  if (cells.empty()) fail(line, start, "found an empty table row; expected | cell | cell |");
  doc.blocks.back().rows.push_back(std::move(cells));
}

// ---------------------------------------------------------------- inlines

// Inlines up to the end of the line (or of the cell), with unescaped blanks at the
// end trimmed. The caller has skipped the blanks at the start.
Inlines Parser::top_inlines(const Line& line, std::size_t& pos, Context context) {
  raw_blank_tail_ = 0;
  Inlines out = inlines(line, pos, context);
  if (raw_blank_tail_ > 0 && !out.empty() && out.back().kind == Inline::Kind::text) {
    auto& text = out.back().text;
    text.erase(text.size() - std::min(raw_blank_tail_, text.size()));
    if (text.empty()) out.pop_back();
  }
  raw_blank_tail_ = 0;
  return out;
}

// Reads inlines until the end of the line or the context's terminator (left unread:
// '|' in a cell, "**" in strong text, ']' in a span).
Inlines Parser::inlines(const Line& line, std::size_t& pos, Context context) {
  const std::string& s = line.text;
  Inlines out;
  while (pos < s.size()) {
    const char c = s[pos];
    if (c == '\\') {
      if (pos + 1 >= s.size()) {  // a backslash ending the markup: nothing to break to
        append_text(out, "\\");
        ++pos;
      } else if (s[pos + 1] == '\n') {
        out.push_back(Inline{Inline::Kind::line_break, {}, {}, {}});
        pos += 2;
      } else {
        std::size_t end = pos + 1;
        next_code_point(s, end);
        append_text(out, std::string_view(s).substr(pos + 1, end - pos - 1));
        pos = end;
      }
      raw_blank_tail_ = 0;
    } else if (c == '*' && pos + 1 < s.size() && s[pos + 1] == '*') {
      if (context == Context::strong) return out;
      append_inlines(out, strong(line, pos));
      raw_blank_tail_ = 0;
    } else if (c == '[') {
      if (context == Context::strong)
        fail(line, pos, "found '[' inside **…**; expected text or the closing ** (write \\[ for a literal [)");
      if (context == Context::span)
        fail(line, pos, "found '[' inside a span; expected text or ']' (spans do not nest; write \\[)");
      out.push_back(span(line, pos));
      raw_blank_tail_ = 0;
    } else if (c == ']') {
      if (context == Context::span) return out;
      fail(line, pos, "found a stray ']'; expected text (write \\] for a literal ])");
    } else if (c == '|' && context == Context::cell) {
      return out;
    } else {
      std::size_t end = pos;
      next_code_point(s, end);
      append_text(out, std::string_view(s).substr(pos, end - pos));
      raw_blank_tail_ = is_blank(c) ? raw_blank_tail_ + 1 : 0;
      pos = end;
    }
  }
  return out;
}

// **TEXT** at `pos`: strong inlines, split by the line breaks inside (strong text
// holds plain text only: strong, line_break, strong).
Inlines Parser::strong(const Line& line, std::size_t& pos) {
  const std::size_t open = pos;
  pos += 2;
  Inlines content = inlines(line, pos, Context::strong);
  if (pos >= line.text.size())
    fail(line, open, "found '**' that is never closed; expected a closing ** on the same line");
  pos += 2;
  for (Inline& in : content)
    if (in.kind == Inline::Kind::text) in.kind = Inline::Kind::strong;
  return content;
}

Inline Parser::span(const Line& line, std::size_t& pos) {
  const std::size_t open = pos;
  ++pos;
  Inline result{Inline::Kind::span, {}, {}, {}};
  Inlines content = inlines(line, pos, Context::span);
  if (pos >= line.text.size())
    fail(line, open, "found '[' that is never closed; expected ']{…}' on the same line");
  ++pos;  // ']'
  if (pos >= line.text.size() || line.text[pos] != '{')
    fail(line, pos,
         "found " + found_at(line, pos) + " after ']'; expected '{' starting the span's attributes "
         "(write \\[ and \\] for literal brackets)");
  append_inlines(result.content, std::move(content));
  attributes(line, pos, result);
  return result;
}

void Parser::attributes(const Line& line, std::size_t& pos, Inline& span) {
  const std::string& s = line.text;
  const std::size_t open = pos;
  ++pos;  // '{'
  auto is_key_start = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  auto is_key_char = [&](char c) { return is_key_start(c) || (c >= '0' && c <= '9') || c == '-'; };
  while (true) {
    while (pos < s.size() && is_blank(s[pos])) ++pos;
    if (pos >= s.size())
      fail(line, open, "found '{' that is never closed; expected '}' ending the attributes on the same line");
    if (s[pos] == '}') {
      ++pos;
      return;
    }
    if (!is_key_start(s[pos]))
      fail(line, pos, "found " + found_at(line, pos) + " in the attributes; expected a name like src or '}'");
    const std::size_t key_start = pos;
    while (pos < s.size() && is_key_char(s[pos])) ++pos;
    const std::string key = s.substr(key_start, pos - key_start);
    if (pos >= s.size() || s[pos] != '=')
      fail(line, pos, "found " + found_at(line, pos) + " after the attribute name '" + key + "'; expected '='");
    ++pos;
    if (pos >= s.size() || s[pos] != '"')
      fail(line, pos, "found " + found_at(line, pos) + " after '" + key + "='; expected '\"' starting the value");
    const std::size_t quote = pos++;
    std::string value;
    while (true) {
      if (pos >= s.size())
        fail(line, quote, "found a value for '" + key + "' that is never closed; expected a closing '\"'");
      if (s[pos] == '"') {
        ++pos;
        break;
      }
      if (s[pos] == '\\' && pos + 1 < s.size()) {
        const char e = s[pos + 1];
        if (e == 'n' || e == '\n') {
          value += '\n';
          pos += 2;
        } else {
          std::size_t end = pos + 1;
          next_code_point(s, end);
          value.append(s, pos + 1, end - pos - 1);
          pos = end;
        }
        continue;
      }
      std::size_t end = pos;
      next_code_point(s, end);
      value.append(s, pos, end - pos);
      pos = end;
    }
    for (const auto& [k, v] : span.attributes)
      if (k == key) fail(line, key_start, "found the attribute '" + key + "' twice; expected each name once");
    span.attributes.emplace_back(key, std::move(value));
    if (pos < s.size() && s[pos] != '}' && !is_blank(s[pos]))
      fail(line, pos, "found " + found_at(line, pos) + " after the value of '" + key + "'; expected a space or '}'");
  }
}

}  // namespace

Document parse_markup(std::string_view markup, const std::string& file) {
  return Parser(markup, file).parse();
}

// ---------------------------------------------------------------- escaping

std::string escape_markup(std::string_view text, int* dropped) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  int drops = 0;
  bool only_dashes = !text.empty();  // only '-' and blanks, with a '-'
  bool any_dash = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const UChar32 c = next_code_point(text, i);
    // U+000B is Word's manual line break (Shift+Enter), common in text pasted from
    // Word into spreadsheets: a line break, not garbage (docx-bugs A2).
    if (c == 0x0B) {
      out += "\\\n";
      continue;
    }
    if (c < 0 || is_forbidden_control(c)) {
      ++drops;
      continue;
    }
    if (c == '-') any_dash = true;
    else if (c != ' ' && c != '\t') only_dashes = false;
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
      out += "\\\n";
    } else if (is_markup_char(c)) {
      out += '\\';
      out += static_cast<char>(c);
    } else {
      out.append(text.substr(at, i - at));
    }
  }
  if (only_dashes && any_dash) out.insert(out.find('-'), 1, '\\');
  // Blanks at either end would be trimmed as layout: escape them.
  if (!out.empty() && is_blank(out.back())) out.insert(out.size() - 1, 1, '\\');
  if (!out.empty() && is_blank(out.front())) out.insert(0, 1, '\\');
  if (dropped) *dropped = drops;
  return out;
}

std::string escape_attribute(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t at = i;
    const UChar32 c = next_code_point(value, i);
    if (c < 0 || (c != 0x0B && is_forbidden_control(c))) continue;
    if (c == '\r' || c == '\n' || c == 0x0B) {  // U+000B: Word's line break (docx-bugs A2)
      if (c == '\r' && i < value.size() && value[i] == '\n') ++i;
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else {
      out.append(value.substr(at, i - at));
    }
  }
  return out;
}

}  // namespace baogao
