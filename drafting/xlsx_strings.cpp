// Text in SpreadsheetML: the shared-string table (ECMA-376 Part 1 §18.4), rich-text
// runs, phonetic runs, and the ST_Xstring _xHHHH_ escapes (§22.9.2.19).
#include <charconv>
#include <cmath>

#include "drafting/xlsx_internal.hpp"
#include "drafting/xlsx_reader.hpp"

namespace baogao::xlsx {

namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// "_xHHHH_" at text[i] → the code unit, or -1.
int escape_at(std::string_view text, std::size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') return -1;
  int value = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const char c = text[k];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return -1;
    value = value * 16 + d;
  }
  return value;
}

}  // namespace

std::string unescape_xstring(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const int unit = escape_at(text, i);
    if (unit < 0) {
      out += text[i++];
      continue;
    }
    i += 7;
    char32_t cp = static_cast<char32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const int low = escape_at(text, i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
  }
  return out;
}

std::string shortest_number(double value) {
  if (value == 0) return "0";  // also -0
  // Plain digits where a person would write them (as ECMAScript's Number::toString
  // does: 1e-7 ≤ |x| < 1e21), the exponent form only beyond.
  const double magnitude = std::fabs(value);
  const auto format = magnitude >= 1e-7 && magnitude < 1e21 ? std::chars_format::fixed : std::chars_format::scientific;
  char buffer[128];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, format);
  if (ec != std::errc()) return std::to_string(value);
  return std::string(buffer, end);
}

std::string read_rich_text(XmlReader& xml) {
  std::string text;
  if (!xml.is_start() || xml.is_empty_element()) return text;
  const int start = xml.depth();
  while (xml.read()) {
    if (xml.is_start()) {
      if (xml.is_main("rPh")) xml.skip();  // phonetic guide (ruby): not part of the value
      else if (xml.is_main("t")) {
        text += unescape_xstring(xml.read_text());
        if (text.size() > xml.package().options().max_cell_bytes)  // many runs, each under the limit
          throw InputError("too_large", xml.package().where(xml.part()),
                           "line " + std::to_string(xml.line()) + ": found a rich text of more than " +
                               std::to_string(xml.package().options().max_cell_bytes) +
                               " bytes; expected at most that (--limit cell-size)");
      }
    } else if (xml.is_end() && xml.depth() == start) {
      break;
    }
  }
  return text;
}

std::vector<std::string> read_shared_strings(Package& package, std::string_view part) {
  std::vector<std::string> table;
  XmlReader xml(package, part);
  while (xml.read())
    if (xml.is_start() && xml.is_main("si")) table.push_back(read_rich_text(xml));
  return table;
}

}  // namespace baogao::xlsx
