// One worksheet part, streamed (ECMA-376 Part 1 §18.3.1.99 worksheet, §18.3.1.80
// sheetData, §18.3.1.73 row, §18.3.1.4 c, §18.3.1.55 mergeCells). Only non-empty
// cells are kept; the <dimension> is never trusted (it can claim XFD1048576).
#include <algorithm>
#include <charconv>
#include <cmath>

#include "drafting/xlsx_internal.hpp"
#include "drafting/xlsx_reader.hpp"

namespace baogao::xlsx {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::optional<double> parse_number(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value == 0 ? 0.0 : value;  // -0 reads as 0
}

bool before(const Cell& a, const Cell& b) { return a.row < b.row || (a.row == b.row && a.column < b.column); }

class SheetParser {
 public:
  SheetParser(Package& package, std::string_view part, const SheetContext& context, Sheet& sheet)
      : xml_(package, part), context_(context), sheet_(sheet) {}

  void run() {
    // A worksheet holds at least ~25 bytes of XML per non-empty cell (<c r="A1"><v>1</v></c>):
    // reserving from the declared size avoids regrowing (and copying) the cells and the
    // heap fragmentation that follows; the pages of a large reservation are only touched
    // as cells arrive, so memory follows the cells kept. Capped (by the cell limit and at
    // 2^20 cells), and given back below when the part was mostly empty rows or text.
    constexpr std::uint64_t kMaxReserve = 1u << 20;
    sheet_.cells.reserve(static_cast<std::size_t>(
        std::min({xml_.declared_size() / 25, context_.max_cells, kMaxReserve})));
    bool in_sheet_data = false, in_merge_cells = false;
    while (xml_.read()) {
      if (xml_.is_start()) {
        if (in_sheet_data) {
          if (xml_.is_main("row")) start_row();
          else if (xml_.is_main("c")) read_cell();
        } else if (xml_.is_main("sheetData")) {
          in_sheet_data = !xml_.is_empty_element();
        } else if (xml_.is_main("mergeCells")) {
          in_merge_cells = !xml_.is_empty_element();
        } else if (in_merge_cells && xml_.is_main("mergeCell")) {
          if (auto ref = xml_.attribute("ref"))
            if (auto range = parse_cell_range(*ref)) sheet_.merged.push_back(*range);
        }
      } else if (xml_.is_end()) {
        if (xml_.is_main("sheetData")) in_sheet_data = false;
        else if (xml_.is_main("mergeCells")) in_merge_cells = false;
      }
    }
    if (!sorted_) normalise_order();
    if (sheet_.cells.capacity() > sheet_.cells.size() + sheet_.cells.size() / 4) sheet_.cells.shrink_to_fit();
  }

 private:
  Source where(CellRef ref) const {
    return Source{xml_.package().path(), sheet_.name + "!" + cell_ref_string(ref)};
  }
  [[noreturn]] void malformed(const std::string& message) const {
    throw InputError("malformed_xml", xml_.package().where(xml_.part()),
                     "line " + std::to_string(xml_.line()) + ": " + message);
  }

  // <row r="…">: r is optional (§18.3.1.73); without it the row follows the previous one.
  void start_row() {
    if (auto r = xml_.attribute("r")) {
      std::uint32_t n = 0;
      const auto s = trim(*r);
      const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec != std::errc() || end != s.data() + s.size() || n == 0 || n > kMaxRow)
        malformed("found row number '" + *r + "'; expected 1…1048576");
      row_ = n;
    } else {
      if (row_ >= kMaxRow) malformed("found a row after row 1048576; expected at most 1048576 rows");
      ++row_;
    }
    column_ = 0;
  }

  void read_cell() {
    std::optional<std::string> r, t;
    std::size_t style = 0;
    xml_.for_each_attribute([&](std::string_view local, std::string_view ns, std::string_view value) {
      if (!ns.empty()) return;
      if (local == "r") r = std::string(value);
      else if (local == "t") t = std::string(value);
      else if (local == "s") {
        const auto v = trim(value);
        std::from_chars(v.data(), v.data() + v.size(), style);
      }
    });
    CellRef ref;
    if (r) {
      auto parsed = parse_cell_ref(trim(*r));
      if (!parsed) malformed("found cell reference '" + *r + "'; expected A1…XFD1048576");
      ref = *parsed;
    } else {
      // c@r is optional (§18.3.1.4): the cell follows the previous one in its row.
      if (column_ >= kMaxColumn) malformed("found a cell after column XFD; expected at most 16384 columns");
      ref = {row_ == 0 ? 1 : row_, column_ + 1};
    }
    column_ = ref.column;
    if (row_ == 0) row_ = ref.row;
    if (xml_.is_empty_element()) return;  // <c r="A2" s="1"/>: styled but empty

    std::string v;
    bool has_v = false;
    std::optional<std::string> inline_text;
    const int depth = xml_.depth();
    while (xml_.read()) {
      if (xml_.is_start()) {
        if (xml_.is_main("v")) {
          v = xml_.read_text();
          has_v = true;
        } else if (xml_.is_main("is")) {
          inline_text = read_rich_text(xml_);
        } else {
          xml_.skip();  // <f> (the cached result is in <v>), <extLst>
        }
      } else if (xml_.is_end() && xml_.depth() == depth) {
        break;
      }
    }

    Cell cell;
    cell.row = ref.row;
    cell.column = ref.column;
    const std::string type = t.value_or("n");
    if (type == "s") {  // index into the shared-string table (§18.4.9)
      const auto s = trim(v);
      if (s.empty()) return;  // <v/>: empty, not shared string 0
      const auto* table = context_.shared_strings;
      const std::size_t size = table ? table->size() : 0;
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), index);
      if (ec != std::errc() || end != s.data() + s.size() || index >= size)
        throw InputError("bad_shared_string_index", where(ref),
                         "found shared-string index '" + std::string(s) + "'; expected a whole number from 0 to " +
                             (size == 0 ? std::string("— but the workbook has no shared strings")
                                        : std::to_string(size - 1) + " (the table has " + std::to_string(size) +
                                              " entries)"));
      cell.text = (*table)[index];
      if (cell.text.empty()) return;
    } else if (type == "inlineStr" || (inline_text && !has_v)) {
      cell.text = inline_text ? *inline_text : unescape_xstring(v);
      if (cell.text.empty()) return;
    } else if (type == "str") {  // a formula's text result
      cell.text = unescape_xstring(v);
      if (cell.text.empty()) return;
    } else if (type == "b") {
      const auto s = trim(v);
      if (s.empty()) return;
      cell.type = Cell::Type::boolean;
      if (s == "1" || s == "true") cell.number = 1, cell.text = "TRUE";
      else if (s == "0" || s == "false") cell.number = 0, cell.text = "FALSE";
      else
        throw InputError("malformed_xml", where(ref),
                         "found boolean value '" + std::string(s) + "'; expected 1 or 0");
    } else if (type == "e") {
      const auto s = trim(v);
      if (s.empty()) return;
      cell.type = Cell::Type::error;
      cell.text = std::string(s);
    } else if (type == "d") {  // ISO 8601 date (§18.17.4)
      const auto s = trim(v);
      if (s.empty()) return;
      if (auto date = parse_iso_date(s, context_.date1904)) {
        cell.type = Cell::Type::date;
        cell.text = std::move(date->text);
        cell.number = date->serial;
      } else {
        cell.text = std::string(s);  // not a date after all: keep what is written
      }
    } else {  // "n" or absent: a number, or a date when its style formats dates
      if (trim(v).empty()) return;
      const auto number = parse_number(v);
      if (!number)
        throw InputError("malformed_xml", where(ref),
                         "found '" + std::string(trim(v)) + "' in a numeric cell; expected a number");
      cell.type = Cell::Type::number;
      cell.number = *number;
      const auto* styles = context_.number_styles;
      const NumberStyle number_style =
          styles && style < styles->size() ? (*styles)[style] : NumberStyle::plain;
      std::optional<std::string> date;
      if (number_style == NumberStyle::date) date = serial_to_iso(*number, context_.date1904);
      if (date) {
        cell.type = Cell::Type::date;
        cell.text = std::move(*date);
      } else {
        cell.text = shortest_number(*number);
        cell.percent = number_style == NumberStyle::percent;
      }
    }
    if (cell.row > xml_.package().options().max_rows)
      throw InputError("too_large", where(ref),
                       "found a cell in row " + std::to_string(cell.row) + "; expected at most " +
                           std::to_string(xml_.package().options().max_rows) + " rows (--limit rows)");
    if (context_.cell_count && ++*context_.cell_count > context_.max_cells)
      throw InputError("too_large", where(ref),
                       "found more than " + std::to_string(context_.max_cells) +
                           " non-empty cells; expected a workbook within the reader's limit (--limit cells)");
    if (!sheet_.cells.empty() && !before(sheet_.cells.back(), cell)) sorted_ = false;
    sheet_.cells.push_back(std::move(cell));
  }

  // Out-of-order or repeated cells (not written by Excel, but possible): sort
  // row-major and keep the last value written for a cell, as Excel does.
  void normalise_order() {
    auto& cells = sheet_.cells;
    std::stable_sort(cells.begin(), cells.end(), before);
    std::vector<Cell> out;
    out.reserve(cells.size());
    for (auto& c : cells) {
      if (!out.empty() && out.back().row == c.row && out.back().column == c.column) out.back() = std::move(c);
      else out.push_back(std::move(c));
    }
    cells = std::move(out);
  }

  XmlReader xml_;
  const SheetContext& context_;
  Sheet& sheet_;
  std::uint32_t row_ = 0;
  std::uint32_t column_ = 0;
  bool sorted_ = true;
};

}  // namespace

void read_worksheet(Package& package, std::string_view part, const SheetContext& context, Sheet& sheet) {
  SheetParser(package, part, context, sheet).run();
}

}  // namespace baogao::xlsx
