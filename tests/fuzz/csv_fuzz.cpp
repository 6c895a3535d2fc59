// libFuzzer target: the CSV reader (drafting/csv_reader.hpp) on bytes in memory:
// encoding detection (BOM, UTF-8, ICU's detector), quoting, the limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "drafting/csv_reader.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  baogao::ReadOptions options;
  options.max_cells = 200'000;  // keep one input well under a second
  baogao::fuzz::expect_clean("parse_csv", [&] {
    baogao::Workbook book = baogao::parse_csv(bytes, "fuzz.csv", "fuzz", options);
    for (const auto& sheet : book.sheets)
      for (const auto& cell : sheet.cells)
        if (cell.row == 0 || cell.column == 0) baogao::fuzz::fail("a cell at row or column 0");
  });
  return 0;
}
