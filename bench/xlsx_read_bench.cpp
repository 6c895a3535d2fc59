// Reading a large workbook: 100,000 rows × 10 columns (1,000,000 cells), written at
// start-up with libxlsxwriter into the temp folder — text columns (shared strings,
// 1,000 distinct values, CJK), whole numbers, decimals and dates, as a data sheet
// staff keep looks. Reports cells per second (the `cells_per_second` counter).
// Peak memory: run it under `/usr/bin/time -v build/bench/xlsx_read_bench` and read
// "Maximum resident set size". Target (issue 3): ≥ 1,000,000 cells/s on one core.
//
//   build/bench/xlsx_read_bench [--rows=N] [google-benchmark flags]
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "drafting/xlsx_reader.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kColumns = 10;
int rows = 100000;

/// Writes the workbook once (constant-memory mode: rows are streamed to disk).
const std::string& workbook_path() {
  static const std::string path = [] {
    const std::string p = (fs::temp_directory_path() / ("baogao-bench-" + std::to_string(::getpid()) + ".xlsx")).string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt(p.c_str(), &options);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "数据");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    const char* units[] = {"政协办公室", "提案委员会", "经济委员会", "文史委员会", "社会法制委员会"};
    for (int c = 0; c < kColumns; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), ("列" + std::to_string(c + 1)).c_str(), nullptr);
    for (int r = 1; r <= rows; ++r) {
      const auto row = static_cast<lxw_row_t>(r);
      const std::string name = std::string(units[r % 5]) + std::to_string(r % 200);
      worksheet_write_string(ws, row, 0, name.c_str(), nullptr);                     // shared string
      worksheet_write_string(ws, row, 1, r % 2 ? "已办结" : "办理中", nullptr);     // shared string
      worksheet_write_number(ws, row, 2, r, nullptr);                                 // integer
      worksheet_write_number(ws, row, 3, r * 0.25, nullptr);                          // decimal
      worksheet_write_number(ws, row, 4, 1000000.0 + r * 37, nullptr);                // amount
      lxw_datetime d{2017, static_cast<uint8_t>(1 + r % 12), static_cast<uint8_t>(1 + r % 28), 0, 0, 0};
      worksheet_write_datetime(ws, row, 5, &d, date);                                 // date
      worksheet_write_number(ws, row, 6, (r % 1000) / 1000.0, nullptr);               // rate
      worksheet_write_string(ws, row, 7, ("第" + std::to_string(r % 1000) + "号").c_str(), nullptr);
      worksheet_write_number(ws, row, 8, r % 97, nullptr);
      worksheet_write_number(ws, row, 9, -r, nullptr);
    }
    if (workbook_close(wb) != LXW_NO_ERROR) {
      std::fprintf(stderr, "cannot write %s\n", p.c_str());
      std::exit(1);
    }
    std::atexit([] { std::remove(workbook_path().c_str()); });
    return p;
  }();
  return path;
}

void BM_ReadXlsx(benchmark::State& state) {
  const std::string& path = workbook_path();
  std::size_t cells = 0;
  for (auto _ : state) {
    const baogao::Workbook w = baogao::read_xlsx(path);
    cells = w.sheets[0].cells.size();
    benchmark::DoNotOptimize(cells);
  }
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["cells_per_second"] =
      benchmark::Counter(static_cast<double>(cells) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["file_MB"] = static_cast<double>(fs::file_size(path)) / 1e6;
}
// CPU time (the default): the reader is single-threaded, and the rate then holds on a
// machine shared with other work; "Time" still shows the wall clock.
BENCHMARK(BM_ReadXlsx)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]).rfind("--rows=", 0) == 0) rows = std::atoi(argv[i] + 7);
  benchmark::Initialize(&argc, argv);
  workbook_path();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
