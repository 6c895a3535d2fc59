#include "exporters/docx/text_hygiene.hpp"

#include <cstdio>

#include "drafting/utf8.hpp"

namespace baogao::docx {
namespace {

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
    const Utf8Step d = decode_utf8(text, i);
    if (!d.ok) {
      // Merge a run of undecodable bytes into one finding.
      std::size_t end = i + d.length;
      while (end < text.size() && !decode_utf8(text, end).ok) end += decode_utf8(text, end).length;
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
    const Utf8Step d = decode_utf8(text, i);
    if (d.ok && is_xml_char(d.cp)) out.append(text.substr(i, d.length));
    i += d.length;
  }
  return out;
}

}  // namespace baogao::docx
