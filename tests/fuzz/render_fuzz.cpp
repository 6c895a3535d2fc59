// libFuzzer target: the Mustache render (drafting/render.hpp) with a fixed template
// (tests/fuzz/render-template: every field type, lists, a table, a group and a
// partial that recurses through the data) over fuzzed JSON data.
// Checks: reading and rendering end in markup or an InputError; and the rendered markup
// always parses — data can never inject or break markup.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "drafting/manifest.hpp"
#include "drafting/markup.hpp"
#include "drafting/readers.hpp"
#include "drafting/render.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto renderer =
      std::make_unique<baogao::Renderer>(baogao::load_manifest(BAOGAO_FUZZ_DIR "/render-template"));
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  baogao::Value value;
  try {
    value = baogao::parse_json(bytes, "fuzz.json");
  } catch (const baogao::InputError&) {
    return 0;  // not JSON: the JSON reader has its own checks; here we want data
  } catch (const std::exception& e) {
    baogao::fuzz::fail(std::string("parse_json: unexpected exception: ") + e.what());
  }
  baogao::RenderResult result;
  baogao::fuzz::expect_clean("render", [&] { result = renderer->render(value); });
  try {
    (void)baogao::parse_markup(result.markup, "rendered.md");
  } catch (const baogao::InputError& e) {
    baogao::fuzz::fail(std::string("the rendered markup does not parse: ") + e.what());
  }
  return 0;
}
