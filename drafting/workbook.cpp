// The workbook model: cell references and look-ups.
#include "drafting/workbook.hpp"

#include <algorithm>

namespace baogao {

std::optional<CellRef> parse_cell_ref(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '$') ++i;
  std::uint32_t column = 0;
  std::size_t letters = 0;
  for (; i < text.size(); ++i, ++letters) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    if (letters == 3) return std::nullopt;  // longer than "XFD"
    column = column * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
  }
  if (letters == 0 || column > kMaxColumn) return std::nullopt;
  if (i < text.size() && text[i] == '$') ++i;
  std::uint32_t row = 0;
  std::size_t digits = 0;
  for (; i < text.size(); ++i, ++digits) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    if (digits == 7) return std::nullopt;  // longer than "1048576"
    row = row * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (digits == 0 || row == 0 || row > kMaxRow) return std::nullopt;
  return CellRef{row, column};
}

std::string column_name(std::uint32_t column) {
  std::string out;
  while (column > 0) {
    const std::uint32_t rem = (column - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    column = (column - 1) / 26;
  }
  return out;
}

std::string cell_ref_string(CellRef ref) { return column_name(ref.column) + std::to_string(ref.row); }

std::string CellRange::to_string() const {
  if (first == last) return cell_ref_string(first);
  return cell_ref_string(first) + ":" + cell_ref_string(last);
}

std::optional<CellRange> parse_cell_range(std::string_view text) {
  const auto colon = text.find(':');
  auto a = parse_cell_ref(text.substr(0, colon));
  if (!a) return std::nullopt;
  auto b = colon == std::string_view::npos ? a : parse_cell_ref(text.substr(colon + 1));
  if (!b) return std::nullopt;
  CellRange r;
  r.first = {std::min(a->row, b->row), std::min(a->column, b->column)};
  r.last = {std::max(a->row, b->row), std::max(a->column, b->column)};
  return r;
}

const char* to_string(Cell::Type type) {
  switch (type) {
    case Cell::Type::string: return "string";
    case Cell::Type::number: return "number";
    case Cell::Type::date: return "date";
    case Cell::Type::boolean: return "bool";
    case Cell::Type::error: return "error";
  }
  return "?";
}

const char* to_string(SheetState state) {
  switch (state) {
    case SheetState::visible: return "visible";
    case SheetState::hidden: return "hidden";
    case SheetState::very_hidden: return "veryHidden";
  }
  return "?";
}

const Cell* Sheet::find(CellRef ref) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), ref, [](const Cell& c, CellRef r) {
    return c.row < r.row || (c.row == r.row && c.column < r.column);
  });
  if (it == cells.end() || it->row != ref.row || it->column != ref.column) return nullptr;
  return &*it;
}

const Cell* Sheet::find(std::string_view a1) const {
  auto ref = parse_cell_ref(a1);
  return ref ? find(*ref) : nullptr;
}

const CellRange* Sheet::merged_range(CellRef ref) const {
  for (const auto& range : merged)
    if (range.contains(ref)) return &range;
  return nullptr;
}

const Sheet* Workbook::find_sheet(std::string_view name) const {
  for (const auto& sheet : sheets)
    if (sheet.name == name) return &sheet;
  return nullptr;
}

const Sheet* Workbook::first_visible_sheet() const {
  for (const auto& sheet : sheets)
    if (sheet.state == SheetState::visible) return &sheet;
  return nullptr;
}

const Cell* Workbook::find(std::string_view sheet_bang_cell) const {
  const auto bang = sheet_bang_cell.rfind('!');
  if (bang == std::string_view::npos) return nullptr;
  const Sheet* sheet = find_sheet(sheet_bang_cell.substr(0, bang));
  return sheet ? sheet->find(sheet_bang_cell.substr(bang + 1)) : nullptr;
}

Source Workbook::source(const Sheet& sheet, const Cell& cell) const {
  return Source{file, sheet.name + "!" + cell_ref_string(cell.ref())};
}

}  // namespace baogao
