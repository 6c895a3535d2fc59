// libFuzzer target: the .xlsx reader (drafting/xlsx_reader.hpp): libzip, the part
// limits, the DOCTYPE refusal, libxml2's streaming reader and every part parser.
// The input is written to a memfd and read through /proc/self/fd/N, so the reader
// runs exactly as it does on a file.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "drafting/xlsx_reader.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {
int memory_file() {
  static int fd = [] {
    int f = ::memfd_create("xlsx_fuzz", 0);
    if (f < 0) baogao::fuzz::fail("memfd_create failed");
    return f;
  }();
  return fd;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const int fd = memory_file();
  if (::ftruncate(fd, 0) != 0) baogao::fuzz::fail("ftruncate failed");
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::pwrite(fd, data + done, size - done, static_cast<off_t>(done));
    if (n <= 0) baogao::fuzz::fail("pwrite failed");
    done += static_cast<std::size_t>(n);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  baogao::ReadOptions options;
  options.max_part_bytes = 16u << 20;  // a zip bomb is refused fast, not inflated for seconds
  options.max_total_bytes = 32u << 20;
  options.max_cells = 200'000;
  baogao::fuzz::expect_clean("read_xlsx", [&] {
    baogao::Workbook book = baogao::read_xlsx(path, options);
    for (const auto& sheet : book.sheets)
      for (const auto& cell : sheet.cells)
        if (cell.row == 0 || cell.column == 0) baogao::fuzz::fail("a cell at row or column 0");
  });
  return 0;
}
