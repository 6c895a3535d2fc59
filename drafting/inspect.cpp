// `baogao inspect`: a Workbook as JSON or as a readable table.
#include "drafting/inspect.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>
#include <nlohmann/json.hpp>

#include "drafting/csv_reader.hpp"
#include "drafting/xlsx_reader.hpp"

namespace baogao {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& json) { return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

// A JSON string literal (RFC 8259 §7); invalid UTF-8 becomes U+FFFD.
std::string quote(std::string_view text) {
  std::string out = "\"";
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0) {
          out += "\xEF\xBF\xBD";
        } else if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out.append(text.data() + start, static_cast<std::size_t>(i - start));
        }
    }
  }
  out += '"';
  return out;
}

std::string lower_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// Display columns of one code point: East Asian Wide/Fullwidth count 2 (UAX #11),
// combining marks and format characters 0.
int display_width(UChar32 c) {
  const auto category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
  const auto width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

constexpr int kMaxCellWidth = 40;

// The cell's text for the table: line breaks as ↵, tabs and controls as a space,
// cut to kMaxCellWidth columns with "…". Returns the text and its display width.
std::pair<std::string, int> display_text(const std::string& text) {
  std::vector<std::pair<std::string, int>> pieces;
  int total = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == '\r' && i < n && s[i] == '\n') ++i;
    if (c == '\r' || c == '\n') pieces.emplace_back("↵", 1);
    else if (c < 0) pieces.emplace_back("\xEF\xBF\xBD", 1);
    else if (c < 0x20) pieces.emplace_back(" ", 1);
    else pieces.emplace_back(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)),
                             display_width(c));
    total += pieces.back().second;
  }
  std::string out;
  int width = 0;
  for (const auto& [piece, w] : pieces) {
    if (total > kMaxCellWidth && width + w > kMaxCellWidth - 1) {
      out += "…";
      return {out, width + 1};
    }
    out += piece;
    width += w;
  }
  return {out, width};
}

void pad(std::string& line, int used, int width) { line.append(static_cast<std::size_t>(std::max(0, width - used)), ' '); }

}  // namespace

Workbook read_workbook(const std::string& path, const ReadOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw InputError("file_not_found", Source{path, ""},
                     (fs::exists(path, ec) ? "found a folder, not a file" : "no such file") +
                         std::string("; expected a spreadsheet (.xlsx or .csv)"));
  const std::string ext = lower_extension(path);
  if (ext == ".csv" || ext == ".txt") return read_csv(path, options);
  if (ext == ".tsv") {
    ReadOptions tsv = options;
    if (tsv.delimiter == ',') tsv.delimiter = '\t';
    return read_csv(path, tsv);
  }
  if (ext == ".xlsx" || ext == ".xlsm" || ext == ".xltx" || ext == ".xltm" || ext == ".xls")
    return read_xlsx(path, options);
  char head[4] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(head, sizeof head);
  if ((head[0] == 'P' && head[1] == 'K') || (static_cast<unsigned char>(head[0]) == 0xD0 &&
                                             static_cast<unsigned char>(head[1]) == 0xCF))
    return read_xlsx(path, options);
  throw InputError("unsupported_format", Source{path, ""},
                   "found " + (ext.empty() ? std::string("no extension") : "the extension " + ext) +
                       " and no zip signature; expected an .xlsx workbook or a .csv file");
}

std::string inspect_json(const Workbook& workbook) {
  // Written by hand, not through a JSON object: 300,000 cells in an insertion-ordered
  // map would take quadratic time. One line per cell keeps large sheets readable.
  std::string out = "{\n  \"sheets\": [";
  for (std::size_t i = 0; i < workbook.sheets.size(); ++i)
    out += (i ? ", " : "") + quote(workbook.sheets[i].name);
  out += "]";

  const bool all_visible = std::all_of(workbook.sheets.begin(), workbook.sheets.end(),
                                       [](const Sheet& s) { return s.state == SheetState::visible; });
  if (!all_visible) {
    out += ",\n  \"sheet_states\": {";
    for (std::size_t i = 0; i < workbook.sheets.size(); ++i)
      out += std::string(i ? "," : "") + "\n    " + quote(workbook.sheets[i].name) + ": " +
             quote(to_string(workbook.sheets[i].state));
    out += "\n  }";
  }
  bool any_merged = false;
  for (const auto& sheet : workbook.sheets) {
    if (sheet.merged.empty()) continue;
    out += std::string(any_merged ? "," : ",\n  \"merged\": {") + "\n    " + quote(sheet.name) + ": [";
    for (std::size_t i = 0; i < sheet.merged.size(); ++i) out += (i ? ", " : "") + quote(sheet.merged[i].to_string());
    out += "]";
    any_merged = true;
  }
  if (any_merged) out += "\n  }";

  out += ",\n  \"cells\": {";
  bool first = true;
  for (const auto& sheet : workbook.sheets) {
    const std::string prefix = sheet.name + "!";
    for (const auto& cell : sheet.cells) {
      out += first ? "\n    " : ",\n    ";
      first = false;
      out += quote(prefix + cell_ref_string(cell.ref()));
      out += ": {\"type\": \"";
      out += to_string(cell.type);
      out += "\", \"value\": ";
      out += quote(cell.text);
      out += "}";
    }
  }
  out += first ? "}\n}\n" : "\n  }\n}\n";
  return out;
}

std::string inspect_error_json(const InputError& error) {
  Json e = Json::object();
  e["category"] = error.category();
  e["message"] = error.message();  // file and place apart
  if (!error.where().file.empty()) e["file"] = error.where().file;
  if (!error.where().place.empty()) e["place"] = error.where().place;
  Json out = Json::object();
  out["error"] = std::move(e);
  return dump(out);
}

std::string inspect_table(const Workbook& workbook) {
  std::string out;
  for (const auto& sheet : workbook.sheets) {
    if (!out.empty()) out += "\n";
    out += "== " + sheet.name + " ==";
    if (sheet.state != SheetState::visible) out += std::string(" (") + to_string(sheet.state) + ")";
    out += "\n";
    if (sheet.cells.empty()) {
      out += "(no data)\n";
    } else {
      // Only the used columns, so XFD1048576 does not make a 16,384-column table.
      std::map<std::uint32_t, int> widths;  // column → display width
      std::uint32_t last_row = 0;
      for (const auto& cell : sheet.cells) {
        auto& w = widths[cell.column];
        w = std::max({w, display_text(cell.text).second, static_cast<int>(column_name(cell.column).size())});
        last_row = std::max(last_row, cell.row);
      }
      const int label = static_cast<int>(std::to_string(last_row).size());
      std::string line;
      pad(line, 0, label);
      for (const auto& [column, width] : widths) {
        const std::string name = column_name(column);
        line += "  " + name;
        pad(line, static_cast<int>(name.size()), width);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
      for (std::size_t i = 0; i < sheet.cells.size();) {
        const std::uint32_t row = sheet.cells[i].row;
        line = std::to_string(row);
        pad(line, static_cast<int>(line.size()), label);
        for (const auto& [column, width] : widths) {
          line += "  ";
          if (i < sheet.cells.size() && sheet.cells[i].row == row && sheet.cells[i].column == column) {
            auto [text, used] = display_text(sheet.cells[i].text);
            line += text;
            pad(line, used, width);
            ++i;
          } else {
            pad(line, 0, width);
          }
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
      }
    }
    if (!sheet.merged.empty()) {
      out += "merged:";
      for (const auto& range : sheet.merged) out += " " + range.to_string();
      out += "\n";
    }
  }
  return out;
}

}  // namespace baogao
