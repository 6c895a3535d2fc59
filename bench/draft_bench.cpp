// Render + export of the example report (examples/cppcc-2017), the work one
// `baogao render` does after reading its input. Run: build/bench/draft_bench
#include <benchmark/benchmark.h>

#include "drafting/draft.hpp"
#include "drafting/manifest.hpp"
#include "drafting/readers.hpp"
#include "exporters/docx/docx_writer.hpp"
#include "exporters/text/text_writer.hpp"

namespace {

struct Example {
  Example() { baogao::set_default_template_root(BAOGAO_TEMPLATE_DIR); }
  baogao::Value data = baogao::read_data_file(BAOGAO_SOURCE_DIR "/examples/cppcc-2017/data.json");
  baogao::Renderer renderer{baogao::load_manifest(BAOGAO_TEMPLATE_DIR "/cppcc-standing-committee")};
};

const Example& example() {
  static const Example e;
  return e;
}

void BM_RenderAndDocx(benchmark::State& state) {
  const auto& e = example();
  const auto profile = baogao::gbt9704_profile();
  for (auto _ : state) {
    baogao::Draft draft = baogao::draft_report(e.data, e.renderer);
    baogao::Findings findings;
    std::string docx = baogao::write_docx(draft.document, profile, {}, findings);
    benchmark::DoNotOptimize(docx.data());
  }
}
BENCHMARK(BM_RenderAndDocx)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_RenderAndText(benchmark::State& state) {
  const auto& e = example();
  for (auto _ : state) {
    baogao::Draft draft = baogao::draft_report(e.data, e.renderer);
    std::string text = baogao::write_text(draft.document, {56});
    benchmark::DoNotOptimize(text.data());
  }
}
BENCHMARK(BM_RenderAndText)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
