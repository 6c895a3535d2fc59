#pragma once
// The workbook model: what the .xlsx and .csv readers produce (工作簿 → 工作表 → 单元格).
// Plain data, no spreadsheet library behind it. A cell knows its row and column;
// its Source ("file" + "Sheet!A1") is made on demand, so 100,000 rows do not carry
// 300,000 copies of the file name.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drafting/source.hpp"

namespace baogao {

/// Grid limits of SpreadsheetML (ECMA-376 Part 1 §18.3.1.4 c@r, Excel's "XFD1048576").
inline constexpr std::uint32_t kMaxRow = 1048576;
inline constexpr std::uint32_t kMaxColumn = 16384;

/// Where a cell sits: 1-based row and column (A = 1).
struct CellRef {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  friend bool operator==(const CellRef&, const CellRef&) = default;
};

/// "A1" (or "$A$1") → {1, 1}. Rows 1…1048576, columns A…XFD; anything else → nullopt.
std::optional<CellRef> parse_cell_ref(std::string_view text);
/// 1 → "A", 27 → "AA", 16384 → "XFD". Precondition: column ≥ 1.
std::string column_name(std::uint32_t column);
/// {1, 1} → "A1".
std::string cell_ref_string(CellRef ref);

/// A rectangle of cells (a merged range, §18.3.1.55 mergeCell@ref), corners inclusive.
struct CellRange {
  CellRef first;
  CellRef last;
  bool contains(CellRef r) const {
    return r.row >= first.row && r.row <= last.row && r.column >= first.column && r.column <= last.column;
  }
  /// "A1:C1"; a one-cell range is written "A1".
  std::string to_string() const;
  friend bool operator==(const CellRange&, const CellRange&) = default;
};

/// "A1:C1" or "B7" → range (corners normalised so first ≤ last); otherwise nullopt.
std::optional<CellRange> parse_cell_range(std::string_view text);

/// One non-empty cell (ECMA-376 Part 1 §18.3.1.4 c). Empty cells are not stored: a
/// missing cell *is* empty, and so is a cell whose text would be "". A cell covered by
/// a merged range keeps whatever the file stores there (Sheet::merged_range tells).
struct Cell {
  enum class Type : std::uint8_t { string, number, date, boolean, error };

  std::uint32_t row = 0;     ///< 1-based
  std::uint32_t column = 0;  ///< 1-based, A = 1
  Type type = Type::string;
  /// number: its number format shows a percentage ("0%", "0.0%": ECMA-376 Part 1
  /// §18.8.31, a '%' multiplies by 100 when shown), so a cell shown as 100% holds 1.
  bool percent = false;
  /// string: the text (UTF-8, exactly as decoded);
  /// number: shortest round-trip decimal ("2.46", "48", never "-0");
  /// date:   "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (seconds rounded);
  /// boolean: "TRUE" / "FALSE"; error: the Excel literal ("#DIV/0!").
  std::string text;
  /// number: the value; date: the serial in the workbook's date system
  /// (days, fraction = time of day); boolean: 1 / 0; otherwise 0.
  double number = 0;

  CellRef ref() const { return {row, column}; }
};

/// "string", "number", "date", "bool", "error" (the words of `baogao inspect`).
const char* to_string(Cell::Type type);

/// Sheet visibility (§18.18.68 ST_SheetState).
enum class SheetState : std::uint8_t { visible, hidden, very_hidden };
/// "visible", "hidden", "veryHidden" (the OOXML words).
const char* to_string(SheetState state);

struct Sheet {
  std::string name;  ///< exact, XML-decoded tab name
  SheetState state = SheetState::visible;
  std::vector<Cell> cells;          ///< row-major order (row, then column), no duplicates
  std::vector<CellRange> merged;    ///< in file order; the value sits in the top-left cell

  /// The cell at (row, column), or nullptr when it is empty. O(log n).
  const Cell* find(CellRef ref) const;
  const Cell* find(std::string_view a1) const;
  /// The merged range covering `ref`, or nullptr.
  const CellRange* merged_range(CellRef ref) const;
};

struct Workbook {
  std::string file;           ///< the path as given
  std::vector<Sheet> sheets;  ///< in workbook order (workbook.xml <sheets>), hidden ones included
  bool date1904 = false;      ///< §18.2.28 workbookPr@date1904

  const Sheet* find_sheet(std::string_view name) const;
  /// The first sheet whose state is visible, or nullptr.
  const Sheet* first_visible_sheet() const;
  /// "Sheet!A1" → the cell, or nullptr. The sheet name is everything before the last '!'.
  const Cell* find(std::string_view sheet_bang_cell) const;
  /// Source{file, "Sheet!A1"} for a cell of `sheet`.
  Source source(const Sheet& sheet, const Cell& cell) const;
};

/// Limits and choices for the readers (read_xlsx, read_csv, read_workbook).
struct ReadOptions {
  /// Largest uncompressed size of one package part (or of a CSV file), in bytes.
  /// Checked against the size the zip declares *and* while inflating.
  std::uint64_t max_part_bytes = 128ull << 20;
  /// Largest uncompressed size of all parts read from one package, in bytes.
  std::uint64_t max_total_bytes = 512ull << 20;
  /// Most non-empty cells kept from one file (about 60 bytes each): bounds memory
  /// when a part is dense with tiny cells (a zip bomb of rows, not of white space).
  std::uint64_t max_cells = 2'000'000;
  /// Largest input file, in bytes (.xlsx as stored; .json/.yaml data files too, and a
  /// CSV file is bounded by max_part_bytes). Checked before anything is read.
  std::uint64_t max_input_bytes = 256ull << 20;
  /// Most sheets in one workbook (workbook.xml <sheet> entries).
  std::uint64_t max_sheets = 1'024;
  /// Highest row number read (.xlsx r="…" / row order; a CSV's records). Excel's own
  /// grid ends at 1,048,576 (kMaxRow), so the default refuses nothing Excel writes;
  /// empty rows cost nothing (they are not stored), only the cells do.
  std::uint64_t max_rows = kMaxRow;
  /// Longest text of one cell, in UTF-8 bytes (Excel stops at 32,767 characters, at
  /// most about 96 KiB): a longer cell is refused, not kept. libxml2 refuses any text
  /// node over 10,000,000 bytes by itself (reported as too_large too).
  std::uint64_t max_cell_bytes = 1ull << 20;
  /// Deepest element nesting in one XML part (SpreadsheetML needs under 10 levels;
  /// libxml2's own limit is 256).
  int max_xml_depth = 100;
  /// Deepest nesting of objects and arrays in a JSON or YAML data file: bounds every
  /// later pass over the tree (render, destruction), which recurse.
  std::size_t max_data_depth = 256;
  /// Most values in a YAML data file once aliases (*name) are expanded: "billion
  /// laughs" stops here (a report's data has a few thousand values).
  std::uint64_t max_yaml_values = 500'000;
  /// CSV only: the encoding's name as ICU knows it ("GB18030", "GBK", "UTF-8",
  /// "UTF-16LE"…); empty = detect (BOM, then UTF-8, then ICU's charset detector).
  std::string encoding;
  /// CSV only: the field separator.
  char delimiter = ',';
};

}  // namespace baogao
