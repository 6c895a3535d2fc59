// Which cells are dates: number formats (ECMA-376 Part 1 §18.8.30 numFmt,
// §18.8.31 numFmts, §18.8.10 cellXfs) and the serial-date systems (§18.17.4.1).
#include <cmath>
#include <map>

#include "drafting/xlsx_internal.hpp"
#include "drafting/xlsx_reader.hpp"

namespace baogao::xlsx {

bool is_builtin_date_format(int id) {
  // §18.8.30: 14–22 dates and times, 45–47 mm:ss / [h]:mm:ss / mmss.0; the East Asian
  // built-ins (listed for zh-CN/zh-TW/ja-JP/ko-KR in §18.8.30) 27–36 and 50–58 are
  // all date/time formats (e.g. 31 = yyyy"年"m"月"d"日", 57 = yyyy"年"m"月", 58 = m"月"d"日").
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Inside [...]: elapsed time ([h], [mm], [ss]) and the system date/time locales
// ([$-F800] long date, [$-F400] time) make a date; colours, conditions, locales and
// [DBNum1] do not.
bool bracket_is_date(std::string_view inside) {
  if (!inside.empty()) {
    const char first = lower(inside[0]);
    if (first == 'h' || first == 'm' || first == 's') {
      bool same = true;
      for (char c : inside) same = same && lower(c) == first;
      if (same) return true;
    }
  }
  if (inside.size() >= 6 && inside[0] == '$' && inside[1] == '-') {
    std::string tail;
    for (char c : inside.substr(inside.size() - 4)) tail += lower(c);
    if (tail == "f800" || tail == "f400") return true;
  }
  return false;
}

}  // namespace

bool is_date_format_code(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    switch (c) {
      case '"': {  // literal text
        const auto end = code.find('"', i + 1);
        if (end == std::string_view::npos) return false;
        i = end;
        break;
      }
      case '\\':  // escaped character
      case '_':   // space as wide as the next character
      case '*':   // repeat the next character to fill
        ++i;
        break;
      case '[': {
        const auto end = code.find(']', i + 1);
        if (end == std::string_view::npos) return false;
        if (bracket_is_date(code.substr(i + 1, end - i - 1))) return true;
        i = end;
        break;
      }
      default:
        switch (lower(c)) {
          case 'y': case 'm': case 'd': case 'h': case 's': return true;
          default: break;
        }
    }
  }
  return false;
}

bool is_builtin_percent_format(int id) { return id == 9 || id == 10; }

bool is_percent_format_code(std::string_view code) {
  // Only the first section counts (positive numbers, §18.8.31): "0%;[Red]-0%".
  for (std::size_t i = 0; i < code.size(); ++i) {
    switch (code[i]) {
      case '"': {
        const auto end = code.find('"', i + 1);
        if (end == std::string_view::npos) return false;
        i = end;
        break;
      }
      case '\\':
      case '_':
      case '*':
        ++i;
        break;
      case '[': {
        const auto end = code.find(']', i + 1);
        if (end == std::string_view::npos) return false;
        i = end;
        break;
      }
      case ';': return false;
      case '%': return true;
      default: break;
    }
  }
  return false;
}

std::vector<NumberStyle> read_number_styles(Package& package, std::string_view part) {
  std::map<int, std::string> formats;  // numFmtId → formatCode
  std::vector<int> xf_formats;         // cellXfs index → numFmtId
  bool in_num_fmts = false, in_cell_xfs = false;
  XmlReader xml(package, part);
  auto id_of = [](const std::optional<std::string>& s) {
    if (!s) return 0;
    try {
      return std::stoi(*s);
    } catch (...) {
      return -1;
    }
  };
  while (xml.read()) {
    if (xml.is_start()) {
      if (xml.is_main("numFmts")) {
        in_num_fmts = !xml.is_empty_element();
      } else if (xml.is_main("cellXfs")) {
        in_cell_xfs = !xml.is_empty_element();
      } else if (in_num_fmts && xml.is_main("numFmt")) {
        const int id = id_of(xml.attribute("numFmtId"));
        formats[id] = xml.attribute("formatCode").value_or("");
      } else if (in_cell_xfs && xml.is_main("xf")) {
        xf_formats.push_back(id_of(xml.attribute("numFmtId")));
      }
    } else if (xml.is_end()) {
      if (xml.is_main("numFmts")) in_num_fmts = false;
      else if (xml.is_main("cellXfs")) in_cell_xfs = false;
    }
  }
  std::vector<NumberStyle> styles;
  styles.reserve(xf_formats.size());
  for (int id : xf_formats) {
    auto it = formats.find(id);
    const bool custom = it != formats.end();
    if (custom ? is_date_format_code(it->second) : is_builtin_date_format(id))
      styles.push_back(NumberStyle::date);
    else if (custom ? is_percent_format_code(it->second) : is_builtin_percent_format(id))
      styles.push_back(NumberStyle::percent);
    else
      styles.push_back(NumberStyle::plain);
  }
  return styles;
}

// ---------------------------------------------------------------- serial dates

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

std::string two(long long v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string format_iso(long long y, unsigned m, unsigned d, long long seconds) {
  std::string out = std::to_string(y) + "-" + two(m) + "-" + two(d);
  if (seconds > 0) out += "T" + two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60);
  return out;
}

constexpr long long kEpoch1900 = days_from_civil(1899, 12, 30);  // serial 0 for serials ≥ 61
constexpr long long kEpoch1904 = days_from_civil(1904, 1, 1);

}  // namespace

std::optional<std::string> serial_to_iso(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return std::nullopt;  // 2958465 = 9999-12-31
  const long long total = std::llround(serial * 86400.0);
  const long long days = total / 86400, seconds = total % 86400;
  long long y;
  unsigned m, d;
  if (date1904) {
    civil_from_days(kEpoch1904 + days, y, m, d);
  } else if (days == 60) {
    return format_iso(1900, 2, 29, seconds);  // Excel's fictitious leap day (Lotus 1-2-3 compatibility)
  } else {
    civil_from_days(kEpoch1900 + days + (days < 60 ? 1 : 0), y, m, d);
  }
  if (y > 9999) return std::nullopt;
  return format_iso(y, m, d, seconds);
}

std::optional<IsoDate> parse_iso_date(std::string_view s, bool date1904) {
  auto digits = [&](std::size_t at, std::size_t n, int& out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      out = out * 10 + (s[k] - '0');
    }
    return true;
  };
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!digits(0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(5, 2, mo) || s[7] != '-' || !digits(8, 2, d))
    return std::nullopt;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || (mo == 2 && d == 29 && !leap)) return std::nullopt;
  std::size_t i = 10;
  double fraction = 0;
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    if (!digits(i + 1, 2, h) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(i + 4, 2, mi)) return std::nullopt;
    i += 6;
    if (i < s.size() && s[i] == ':') {
      if (!digits(i + 1, 2, sec)) return std::nullopt;
      i += 3;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        double scale = 0.1;
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, scale /= 10) fraction += (s[i] - '0') * scale;
      }
    }
    if (h > 24 || mi > 59 || sec > 60) return std::nullopt;
    // A zone designator ("Z", "+08:00") is dropped: spreadsheet times are local.
    if (i < s.size() && s[i] == 'Z') ++i;
    else if (i < s.size() && (s[i] == '+' || s[i] == '-')) i = s.size();
  }
  if (i != s.size()) return std::nullopt;
  const long long day = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const double day_fraction = (h * 3600.0 + mi * 60.0 + sec + fraction) / 86400.0;
  double serial;
  if (date1904) {
    serial = static_cast<double>(day - kEpoch1904) + day_fraction;
  } else {
    long long n = day - kEpoch1900;
    if (n < 61) n -= 1;  // before 1900-03-01 Excel's serials are one lower (no real 1900-02-29)
    serial = static_cast<double>(n) + day_fraction;
  }
  const long long seconds = std::llround(h * 3600.0 + mi * 60.0 + sec + fraction);
  IsoDate out;
  if (seconds >= 86400) {  // "24:00:00" or rounding up: the next day
    long long yy;
    unsigned mm, dd;
    civil_from_days(day + 1, yy, mm, dd);
    out.text = format_iso(yy, mm, dd, seconds - 86400);
  } else {
    out.text = format_iso(y, static_cast<unsigned>(mo), static_cast<unsigned>(d), seconds);
  }
  out.serial = serial;
  return out;
}

}  // namespace baogao::xlsx
