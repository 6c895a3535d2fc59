// The shared spreadsheet corpus (shared/cases/xlsx): every file read as expected.json
// says — sheets, typed cell values, merges, sheet states, row counts and sums, and the
// error category of each hostile or broken file. One test per case.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "drafting/error.hpp"
#include "drafting/inspect.hpp"
#include "drafting/workbook.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::json;
using baogao::Cell;
using baogao::InputError;
using baogao::Workbook;

namespace {

fs::path cases_dir() { return fs::path(BAOGAO_SHARED_DIR) / "cases" / "xlsx"; }

const Json& expectations() {
  static const Json json = [] {
    std::ifstream in(cases_dir() / "expected.json");
    if (!in) return Json();
    Json parsed = Json::parse(in, nullptr, /*allow_exceptions=*/false);
    return parsed.is_object() ? parsed : Json();
  }();
  return json;
}

std::vector<std::string> case_files() {
  std::vector<std::string> out;
  for (const auto& [file, expect] : expectations().items()) out.push_back(file);
  if (out.empty()) out.push_back("");  // one placeholder test that skips
  return out;
}

std::string case_name(const testing::TestParamInfo<std::string>& info) {
  if (info.param.empty()) return "shared_cases_absent";
  std::string name = fs::path(info.param).stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

// Numbers compare as doubles (MANIFEST.md). A value the manifest gives with more than
// 15 significant digits (7/48 = "0.14583333333333334") may be stored by a writer cut to
// Excel's 15 or 16 digits (LibreOffice "0.145833333333333", openpyxl "0.1458333333333333"):
// those agree when both are rounded to 15 significant digits. Values of 15 digits or fewer
// must be equal exactly.
bool same_number(double got, const std::string& want_text) {
  const double want = std::stod(want_text);
  if (got == want) return true;
  std::size_t digits = 0;
  bool leading = true;
  for (char c : want_text) {
    if (c == 'e' || c == 'E') break;
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  if (digits <= 15) return false;
  char a[64], b[64];
  std::snprintf(a, sizeof a, "%.14e", got);
  std::snprintf(b, sizeof b, "%.14e", want);
  return std::string(a) == b;
}

// Whether `cell` (nullptr = empty) is what `want` ({"type", "value"[, "serial"]}) says.
testing::AssertionResult cell_matches(const Cell* cell, const Json& want) {
  const std::string type = want.at("type").get<std::string>();
  const std::string value = want.value("value", "");
  if (type == "empty") {
    if (!cell) return testing::AssertionSuccess();
    return testing::AssertionFailure() << "expected empty, read " << baogao::to_string(cell->type) << " \""
                                       << cell->text << "\"";
  }
  if (!cell) return testing::AssertionFailure() << "expected " << type << " \"" << value << "\", read empty";
  if (baogao::to_string(cell->type) != type)
    return testing::AssertionFailure() << "expected " << type << " \"" << value << "\", read "
                                       << baogao::to_string(cell->type) << " \"" << cell->text << "\"";
  if (type == "number") {
    if (!same_number(cell->number, value))
      return testing::AssertionFailure() << "expected number " << value << ", read " << cell->text;
    return testing::AssertionSuccess();
  }
  if (cell->text != value)
    return testing::AssertionFailure() << "expected " << type << " \"" << value << "\", read \"" << cell->text
                                       << "\"";
  if (type == "date" && want.contains("serial") && cell->number != std::stod(want["serial"].get<std::string>()))
    return testing::AssertionFailure() << "expected serial " << want["serial"] << ", read " << cell->number;
  return testing::AssertionSuccess();
}

class XlsxCase : public testing::TestWithParam<std::string> {};

TEST_P(XlsxCase, ReadsAsExpected) {
  const std::string file = GetParam();
  if (file.empty())
    GTEST_SKIP() << "shared test corpus not found: " << (cases_dir() / "expected.json")
                 << " (BAOGAO_SHARED_DIR=" << BAOGAO_SHARED_DIR << ")";
  const Json& expect = expectations().at(file);
  const std::string path = (cases_dir() / file).string();

  if (expect.contains("error")) {
    std::set<std::string> accepted{expect["error"].get<std::string>()};
    const Json alternatives = expect.value("also_acceptable", Json::array());
    for (const auto& alt : alternatives) accepted.insert(alt.get<std::string>());
    const auto start = std::chrono::steady_clock::now();
    try {
      baogao::read_workbook(path);
      ADD_FAILURE() << file << " was read without an error; expected " << expect["error"];
    } catch (const InputError& e) {
      EXPECT_TRUE(accepted.count(e.category())) << "category " << e.category() << ", expected " << expect["error"]
                                                << "\n  " << e.what();
      EXPECT_EQ(e.where().file, path) << "the error names the file";
      EXPECT_NE(std::string(e.what()).find("expected"), std::string::npos) << "says what was expected: " << e.what();
      const Json error = Json::parse(baogao::inspect_error_json(e));
      EXPECT_EQ(error["error"]["category"], e.category());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 5.0) << "refusing a hostile file must be quick (no inflating a bomb)";
    return;
  }

  Workbook workbook;
  const auto start = std::chrono::steady_clock::now();
  try {
    workbook = baogao::read_workbook(path);
  } catch (const InputError& e) {
    FAIL() << "read failed: [" << e.category() << "] " << e.what();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("read_seconds", std::to_string(seconds));
  EXPECT_LT(seconds, 10.0) << "reading took " << seconds << " s";

  std::vector<std::string> names;
  for (const auto& sheet : workbook.sheets) names.push_back(sheet.name);
  EXPECT_EQ(names, expect.at("sheets").get<std::vector<std::string>>());

  const Json cells = expect.value("cells", Json::object());
  const Json merged = expect.value("merged", Json::object());
  const Json states = expect.value("sheet_states", Json::object());
  for (const auto& [key, want] : cells.items()) {
    const Cell* cell = workbook.find(key);
    auto result = cell_matches(cell, want);
    if (!result && want.contains("also_acceptable") && want["also_acceptable"].is_object())
      result = cell_matches(cell, want["also_acceptable"]);
    EXPECT_TRUE(result) << key;
  }

  for (const auto& [sheet_name, ranges] : merged.items()) {
    const auto* sheet = workbook.find_sheet(sheet_name);
    ASSERT_NE(sheet, nullptr) << sheet_name;
    std::vector<std::string> got;
    for (const auto& range : sheet->merged) got.push_back(range.to_string());
    EXPECT_EQ(got, ranges.get<std::vector<std::string>>()) << "merged ranges of " << sheet_name;
  }
  for (const auto& [sheet_name, state] : states.items()) {
    const auto* sheet = workbook.find_sheet(sheet_name);
    ASSERT_NE(sheet, nullptr) << sheet_name;
    EXPECT_EQ(baogao::to_string(sheet->state), state.get<std::string>()) << "state of " << sheet_name;
  }
  if (expect.contains("first_visible_sheet")) {
    ASSERT_NE(workbook.first_visible_sheet(), nullptr);
    EXPECT_EQ(workbook.first_visible_sheet()->name, expect["first_visible_sheet"].get<std::string>());
  }
  if (expect.contains("row_count") || expect.contains("sum_C")) {
    ASSERT_EQ(workbook.sheets.size(), 1u);
    const auto& cells = workbook.sheets[0].cells;
    std::set<std::uint32_t> rows;
    double sum = 0;
    for (const auto& cell : cells) {
      rows.insert(cell.row);
      if (cell.column == 3 && cell.type == Cell::Type::number) sum += cell.number;
    }
    if (expect.contains("row_count")) {
      EXPECT_EQ(rows.size(), expect["row_count"].get<std::size_t>());
    }
    if (expect.contains("sum_C")) {
      const double want = std::stod(expect["sum_C"].get<std::string>());
      EXPECT_NEAR(sum, want, std::abs(want) * 1e-9);
    }
  }
  if (expect.contains("rows")) {  // CSV: the records, field by field
    const auto& sheet = workbook.sheets.at(0);
    const auto rows = expect["rows"];
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const std::string want = rows[r][c].get<std::string>();
        const Cell* cell = sheet.find(baogao::CellRef{static_cast<std::uint32_t>(r + 1), static_cast<std::uint32_t>(c + 1)});
        const std::string at = "record " + std::to_string(r + 1) + " field " + std::to_string(c + 1);
        if (want.empty()) {
          EXPECT_EQ(cell, nullptr) << at;
        } else {
          ASSERT_NE(cell, nullptr) << at;
          EXPECT_EQ(cell->text, want) << at;
        }
      }
    std::uint32_t last_row = 0;
    for (const auto& cell : sheet.cells) last_row = std::max(last_row, cell.row);
    EXPECT_EQ(last_row, rows.size()) << "no records beyond the expected ones";
  }

  // `baogao inspect --format json` shows the same values (x25 skipped: 300,000 cells).
  if (!expect.contains("row_count")) {
    const Json shown = Json::parse(baogao::inspect_json(workbook));
    EXPECT_EQ(shown["sheets"], expect["sheets"]);
    for (const auto& [key, want] : cells.items()) {
      if (want["type"] == "empty") {
        EXPECT_FALSE(shown["cells"].contains(key)) << "inspect shows empty " << key;
      } else if (shown["cells"].contains(key)) {
        const Json& got = shown["cells"][key];
        const bool same = got["type"] == want["type"] &&
                          (got["value"] == want["value"] ||
                           (want["type"] == "number" && same_number(std::stod(got["value"].get<std::string>()),
                                                                    want["value"].get<std::string>())));
        const bool alt = want.contains("also_acceptable") && want["also_acceptable"].is_object() &&
                         got["type"] == want["also_acceptable"]["type"] &&
                         got["value"] == want["also_acceptable"]["value"];
        EXPECT_TRUE(same || alt) << "inspect " << key << " = " << got.dump();
      } else {
        ADD_FAILURE() << "inspect lacks " << key;
      }
    }
    if (expect.contains("merged")) {
      EXPECT_EQ(shown["merged"], expect["merged"]);
    }
    if (expect.contains("sheet_states")) {
      EXPECT_EQ(shown["sheet_states"], expect["sheet_states"]);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(SharedCorpus, XlsxCase, testing::ValuesIn(case_files()), case_name);

}  // namespace
