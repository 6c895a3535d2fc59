// libFuzzer target: the report-markup parser (drafting/markup.hpp).
// Input: arbitrary bytes as markup. Checks: parse_markup ends in a Document or an
// InputError; and escape_markup's output always parses (data can never break markup).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "drafting/markup.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  baogao::fuzz::expect_clean("parse_markup", [&] { (void)baogao::parse_markup(bytes, "fuzz.md"); });

  // Escaped data placed as a paragraph, a table cell and a span must always parse.
  const std::string escaped = baogao::escape_markup(bytes);
  const std::string attribute = baogao::escape_attribute(bytes);
  const std::string text = "x" + escaped + "\n\n| " + escaped + " | b |\n\n[x" + escaped + "]{src=\"" + attribute +
                           "\"}\n\n## x" + escaped + "\n";
  try {
    (void)baogao::parse_markup(text, "escaped.md");
  } catch (const baogao::InputError& e) {
    baogao::fuzz::fail(std::string("escape_markup output does not parse: ") + e.what());
  }
  return 0;
}
