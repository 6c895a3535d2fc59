// CSV (RFC 4180) with encoding detection: BOM, UTF-8, then ICU's ucsdet; ICU ucnv converts.
#include "drafting/csv_reader.hpp"

#include <algorithm>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "drafting/error.hpp"
#include "drafting/line_column.hpp"

namespace baogao {

namespace {

// Offset of the first byte that is not part of well-formed UTF-8 (Unicode §3.9
// Table 3-7: no overlongs, no surrogates, at most U+10FFFF), or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = b[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else return i;
    if (i + len > n) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (b[i + k] < 0x80 || b[i + k] > 0xBF) return i;
    i += len;
  }
  return std::string_view::npos;
}

// Whether text that is not valid UTF-8 is still mostly UTF-8 (a stray bad byte in a
// UTF-8 file): at least 8 well-formed multi-byte sequences for each invalid byte. Text in
// GBK or a single-byte code page forms such sequences only by chance.
bool mostly_utf8(std::string_view s) {
  std::size_t valid = 0, invalid = 0;
  while (!s.empty()) {
    const auto bad = first_invalid_utf8(s);
    const std::string_view good = s.substr(0, bad == std::string_view::npos ? s.size() : bad);
    for (unsigned char c : good) valid += c >= 0xC0;  // one lead byte per multi-byte sequence
    if (bad == std::string_view::npos) break;
    ++invalid;
    s.remove_prefix(bad + 1);
  }
  return invalid > 0 && valid >= 8 * invalid;
}

std::string hex_bytes(std::string_view s) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (!out.empty()) out += ' ';
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string utf16_to_utf8(const UChar* s, int32_t n) {
  std::string out;
  if (n == 0) return out;
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  u_strToUTF8WithSub(nullptr, 0, &needed, s, n, 0xFFFD, nullptr, &status);
  status = U_ZERO_ERROR;
  out.resize(static_cast<std::size_t>(needed));
  u_strToUTF8WithSub(out.data(), needed, &needed, s, n, 0xFFFD, nullptr, &status);
  return out;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

struct Conversion {
  bool ok = false;
  std::string text;       // the whole text, or the part before the bad bytes
  std::string bad_bytes;  // when !ok
};

// Strict conversion: stops at the first byte sequence that is invalid or unmapped.
Conversion convert(std::string_view bytes, UConverter* converter) {
  Conversion out;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> buffer(bytes.size() * 2 + 16);
  const char* source = bytes.data();
  UChar* target = buffer.data();
  status = U_ZERO_ERROR;
  ucnv_toUnicode(converter, &target, buffer.data() + buffer.size(), &source, bytes.data() + bytes.size(), nullptr,
                 true, &status);
  const auto produced = static_cast<int32_t>(target - buffer.data());
  out.text = utf16_to_utf8(buffer.data(), produced);
  if (U_SUCCESS(status)) {
    out.ok = true;
    if (out.text.rfind("\xEF\xBB\xBF", 0) == 0) out.text.erase(0, 3);  // U+FEFF
    return out;
  }
  char invalid[32];
  int8_t len = sizeof invalid;
  UErrorCode ignored = U_ZERO_ERROR;
  ucnv_getInvalidChars(converter, invalid, &len, &ignored);
  out.bad_bytes.assign(invalid, static_cast<std::size_t>(len > 0 ? len : 0));
  return out;
}

[[noreturn]] void bad_encoding(const std::string& file, const std::string& decoded_prefix, const std::string& bad,
                               const std::string& encoding) {
  // line_column drops a leading UTF-8 BOM itself; the column counts characters.
  throw InputError("bad_encoding", Source{file, line_column(decoded_prefix, decoded_prefix.size())},
                   "found byte" + std::string(bad.size() == 1 ? " " : "s ") + hex_bytes(bad) +
                       ", which is not valid " + encoding + " text; expected " + encoding +
                       " — save the file as \"CSV UTF-8\", or name its encoding (e.g. --encoding GB18030)");
}

std::unique_ptr<UConverter, ConverterCloser> open_converter(const std::string& name, const std::string& file) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* c = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || !c)
    throw InputError("unknown_encoding", Source{file, ""},
                     "found encoding name '" + name + "'; expected one ICU knows, such as UTF-8, GB18030, GBK, "
                     "UTF-16LE or Big5");
  return std::unique_ptr<UConverter, ConverterCloser>(c);
}

}  // namespace

DecodedText decode_text(std::string_view bytes, const std::string& encoding, const std::string& file) {
  auto strict = [&](const std::string& name) {
    auto converter = open_converter(name, file);
    Conversion c = convert(bytes, converter.get());
    if (!c.ok) bad_encoding(file, c.text, c.bad_bytes, name);
    return DecodedText{std::move(c.text), name};
  };
  auto utf8 = [&](std::string_view body) {
    if (const auto bad = first_invalid_utf8(body); bad != std::string_view::npos) {
      const std::string prefix(body.substr(0, bad));
      std::size_t len = 1;
      while (len < 4 && bad + len < body.size() &&
             (static_cast<unsigned char>(body[bad + len]) & 0xC0) == 0x80)
        ++len;
      bad_encoding(file, prefix, std::string(body.substr(bad, len)), "UTF-8");
    }
    return DecodedText{std::string(body), "UTF-8"};
  };
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };

  if (!encoding.empty()) {
    std::string upper;
    for (char c : encoding) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (upper == "UTF-8" || upper == "UTF8") return utf8(starts("\xEF\xBB\xBF") ? bytes.substr(3) : bytes);
    return strict(encoding);
  }
  // A byte order mark decides (UTF-32 first: FF FE 00 00 also starts like UTF-16LE).
  if (starts("\xEF\xBB\xBF")) return utf8(bytes.substr(3));
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) return strict("UTF-32LE");
  if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) return strict("UTF-32BE");
  if (starts("\xFF\xFE")) return strict("UTF-16LE");
  if (starts("\xFE\xFF")) return strict("UTF-16BE");
  if (first_invalid_utf8(bytes) == std::string_view::npos) return DecodedText{std::string(bytes), "UTF-8"};

  // Not UTF-8: ask ICU's detector for candidates, prefer GB18030, take the first that
  // converts without an invalid byte. UTF-16/32 without a BOM are never guessed; when the
  // detector's best guess is still UTF-8, the first invalid byte is reported as such.
  std::vector<std::string> candidates;
  bool detected_utf8 = false;
  {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector* detector = ucsdet_open(&status);
    if (U_SUCCESS(status)) {
      ucsdet_setText(detector, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
      int32_t count = 0;
      const UCharsetMatch** matches = ucsdet_detectAll(detector, &count, &status);
      for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
        const char* name = ucsdet_getName(matches[i], &status);
        if (!name) continue;
        const std::string n = name;
        if (i == 0 && n == "UTF-8") detected_utf8 = true;
        if (n.rfind("UTF-16", 0) == 0 || n.rfind("UTF-32", 0) == 0 || n == "UTF-8") continue;
        if (n == "GB18030") candidates.insert(candidates.begin(), n);
        else candidates.push_back(n);
      }
      ucsdet_close(detector);
    }
  }
  // UTF-8 with a stray bad byte: say where that byte is, rather than guess another encoding.
  if (detected_utf8 || mostly_utf8(bytes)) return utf8(bytes);
  if (candidates.empty() || candidates.front() != "GB18030") candidates.insert(candidates.begin(), "GB18030");
  Conversion first_failure;
  std::string first_name;
  for (const auto& name : candidates) {
    auto converter = open_converter(name, file);
    Conversion c = convert(bytes, converter.get());
    if (c.ok) return DecodedText{std::move(c.text), name};
    if (first_name.empty()) first_failure = std::move(c), first_name = name;
  }
  bad_encoding(file, first_failure.text, first_failure.bad_bytes, first_name + " (detected; the file is not UTF-8)");
}

Workbook parse_csv(std::string_view bytes, const std::string& file, const std::string& sheet_name,
                   const ReadOptions& options) {
  const DecodedText decoded = decode_text(bytes, options.encoding, file);
  const std::string& text = decoded.text;
  const char delimiter = options.delimiter;

  Workbook workbook;
  workbook.file = file;
  workbook.sheets.emplace_back();
  Sheet& sheet = workbook.sheets.back();
  sheet.name = sheet_name;

  std::uint32_t row = 1, column = 1;
  std::string field;
  bool record_started = false;  // anything seen since the last record ended
  std::size_t field_start = 0;  // offset where the current field began
  auto place = [&](std::size_t offset) { return Source{file, line_column(text, offset)}; };
  auto end_field = [&]() {
    if (column > kMaxColumn)
      throw InputError("too_large", place(field_start),
                       "found more than 16,384 fields in a record; expected at most 16,384 columns");
    if (field.size() > options.max_cell_bytes)
      throw InputError("too_large", place(field_start),
                       "found a field of " + std::to_string(field.size()) + " bytes; expected at most " +
                           std::to_string(options.max_cell_bytes) + " (--limit cell-size)");
    if (!field.empty()) {
      if (sheet.cells.size() >= options.max_cells)
        throw InputError("too_large", place(field_start),
                         "found more than " + std::to_string(options.max_cells) +
                             " non-empty fields; expected a file within the reader's limit (--limit cells)");
      Cell cell;
      cell.row = row;
      cell.column = column;
      cell.type = Cell::Type::string;
      cell.text = std::move(field);
      sheet.cells.push_back(std::move(cell));
    }
    field.clear();
    ++column;
  };
  auto end_record = [&](std::size_t offset) {
    end_field();
    if (row >= std::min<std::uint64_t>(kMaxRow, options.max_rows) && offset < text.size())
      throw InputError("too_large", place(offset),
                       "found more than " + std::to_string(std::min<std::uint64_t>(kMaxRow, options.max_rows)) +
                           " records; expected at most that many rows (--limit rows)");
    ++row;
    column = 1;
    record_started = false;
  };

  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = text[i];
    if (c == '"' && field.empty()) {  // a quoted field (RFC 4180 §2.5–2.7)
      const std::size_t open = i++;
      record_started = true;
      for (;;) {
        if (i >= n)
          throw InputError("malformed_csv", place(open),
                           "found a quoted field that is never closed; expected a closing \" (write a quote inside "
                           "a quoted field as \"\")");
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      // Characters between the closing quote and the delimiter are kept (as Excel does).
      while (i < n && text[i] != delimiter && text[i] != '\r' && text[i] != '\n') field += text[i++];
      continue;
    }
    if (c == delimiter) {
      record_started = true;
      end_field();
      field_start = ++i;
    } else if (c == '\r' || c == '\n') {
      // end_record gets the offset after the line end: a record limit counts only
      // when another record follows (a last line end is not a new record).
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
      end_record(i);
      field_start = i;
    } else {
      record_started = true;
      field += c;
      ++i;
    }
  }
  if (record_started) end_field();
  return workbook;
}

Workbook read_csv(const std::string& path, const ReadOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw InputError("file_not_found", Source{path, ""},
                     (fs::exists(path, ec) ? "found a folder, not a file" : "no such file") +
                         std::string("; expected a .csv file"));
  const auto size = fs::file_size(path, ec);
  if (!ec && size > options.max_part_bytes)
    throw InputError("too_large", Source{path, ""},
                     "the file has " + std::to_string(size) + " bytes; expected at most " +
                         std::to_string(options.max_part_bytes) + " (--limit part-size)");
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(ec ? 0 : size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in && !bytes.empty()) throw InputError("file_not_found", Source{path, ""}, "the file cannot be read");
  return parse_csv(bytes, path, fs::path(path).stem().string(), options);
}

}  // namespace baogao
