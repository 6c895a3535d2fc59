#include "exporters/docx/text_hygiene.hpp"

#include <cstdio>

namespace baogao::docx {
namespace {

// One step of a strict UTF-8 decoder. `length` is how many bytes were looked at
// (≥ 1); `cp` is valid only when `ok`. Surrogates, overlong forms and values past
// U+10FFFF are structurally complete but not ok (RFC 3629 §3).
struct Decoded {
  char32_t cp = 0;
  std::size_t length = 1;
  bool ok = false;
};

Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t n;
  char32_t cp;
  char32_t min;
  if (b0 >= 0xC0 && b0 < 0xE0) n = 2, cp = b0 & 0x1F, min = 0x80;
  else if (b0 >= 0xE0 && b0 < 0xF0) n = 3, cp = b0 & 0x0F, min = 0x800;
  else if (b0 >= 0xF0 && b0 < 0xF8) n = 4, cp = b0 & 0x07, min = 0x10000;
  else return {0, 1, false};  // stray continuation byte or F8–FF
  std::size_t k = 1;
  for (; k < n && i + k < s.size(); ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) break;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (k < n) return {0, k, false};  // truncated sequence
  const bool ok = cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
  return {cp, n, ok};
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string code_point_name(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::string bytes_hex(std::string_view bytes) {
  std::string out;
  for (unsigned char b : bytes) {
    char buf[4];
    std::snprintf(buf, sizeof buf, out.empty() ? "%02X" : " %02X", b);
    out += buf;
  }
  return out;
}

// The last few characters written, so a reviewer can find the spot in the draft.
std::string context_before(const std::string& out) {
  std::size_t start = out.size();
  for (int chars = 0; start > 0 && chars < 8;) {
    --start;
    if ((static_cast<unsigned char>(out[start]) & 0xC0) != 0x80) ++chars;
  }
  std::string tail = out.substr(start);
  for (auto& ch : tail)
    if (ch == '\n' || ch == '\t') ch = ' ';
  return tail.empty() ? "段首" : "“" + tail + "”之后";
}

}  // namespace

bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string clean_text(std::string_view text, const Source& where, Findings& findings) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (!d.ok) {
      // Merge a run of undecodable bytes into one finding.
      std::size_t end = i + d.length;
      while (end < text.size() && !decode(text, end).ok) end += decode(text, end).length;
      findings.push_back({Severity::warning, "dropped_character", where,
                          "删除了无效的 UTF-8 字节 " + bytes_hex(text.substr(i, end - i)) + "（位于" +
                              context_before(out) + "）"});
      i = end;
      continue;
    }
    const char32_t c = d.cp;
    i += d.length;
    if (c == 0xD) {  // CR LF and lone CR → LF
      if (i < text.size() && text[i] == '\n') ++i;
      out += '\n';
    } else if (c == 0xB) {
      findings.push_back({Severity::note, "converted_character", where,
                          "把 U+000B（Word 的手动换行符）换成了换行（位于" + context_before(out) + "）"});
      out += '\n';
    } else if (!is_xml_char(c)) {
      findings.push_back({Severity::warning, "dropped_character", where,
                          "删除了 XML 不允许的字符 " + code_point_name(c) + "（位于" + context_before(out) +
                              "）"});
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (d.ok && is_xml_char(d.cp)) out.append(text.substr(i, d.length));
    i += d.length;
  }
  return out;
}

}  // namespace baogao::docx
