// CSV: RFC 4180 quoting, line endings, encodings (BOM, UTF-8, GB18030/GBK detection,
// an explicit encoding), bad bytes reported at line:column; and `baogao inspect`'s
// JSON and table over the workbook model.
#include "drafting/csv_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "drafting/error.hpp"
#include "drafting/inspect.hpp"

namespace fs = std::filesystem;
using baogao::Cell;
using baogao::InputError;
using baogao::ReadOptions;
using baogao::Workbook;

namespace {

Workbook parse(std::string_view bytes, ReadOptions options = {}) {
  return baogao::parse_csv(bytes, "t.csv", "t", options);
}

std::string at(const Workbook& wb, const char* a1) {
  const Cell* c = wb.sheets.at(0).find(a1);
  return c ? c->text : "(empty)";
}

std::string error_of(std::string_view bytes, ReadOptions options = {}) {
  try {
    parse(bytes, options);
  } catch (const InputError& e) {
    return e.category() + " @" + e.where().place;
  }
  return "(no error)";
}

TEST(CsvQuotingTest, Rfc4180Fields) {
  const Workbook wb = parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line1\r\nline2\",,\"\"\r\n");
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(wb.sheets[0].name, "t");
  EXPECT_EQ(at(wb, "A1"), "a");
  EXPECT_EQ(at(wb, "B1"), "b,c");
  EXPECT_EQ(at(wb, "C1"), "say \"hi\"");
  EXPECT_EQ(at(wb, "A2"), "line1\r\nline2");
  EXPECT_EQ(at(wb, "B2"), "(empty)");
  EXPECT_EQ(at(wb, "C2"), "(empty)") << "an empty quoted field is an empty cell";
  EXPECT_EQ(wb.sheets[0].cells.size(), 4u);
  for (const auto& cell : wb.sheets[0].cells) EXPECT_EQ(cell.type, Cell::Type::string);
}

TEST(CsvQuotingTest, LineEndingsAndTheLastRecord) {
  for (const char* text : {"x,y\ny2,z2", "x,y\ny2,z2\n", "x,y\r\ny2,z2\r\n", "x,y\ry2,z2\r"}) {
    const Workbook wb = parse(text);
    EXPECT_EQ(at(wb, "B1"), "y") << text;
    EXPECT_EQ(at(wb, "A2"), "y2") << text;
    EXPECT_EQ(at(wb, "B2"), "z2") << text;
    EXPECT_EQ(wb.sheets[0].cells.size(), 4u) << text;
  }
  const Workbook blank = parse("a\n\nb\n");  // a blank line is an empty record
  EXPECT_EQ(at(blank, "A1"), "a");
  EXPECT_EQ(at(blank, "A3"), "b");
  EXPECT_TRUE(parse("").sheets[0].cells.empty());
}

TEST(CsvQuotingTest, LenientWhereExcelIs) {
  const Workbook wb = parse("ab\"c,\"q\"x,\" sp \"\n");
  EXPECT_EQ(at(wb, "A1"), "ab\"c") << "a quote inside an unquoted field is literal";
  EXPECT_EQ(at(wb, "B1"), "qx") << "text after a closing quote is kept";
  EXPECT_EQ(at(wb, "C1"), " sp ") << "spaces inside quotes are kept";
}

TEST(CsvQuotingTest, AnUnclosedQuoteIsAnErrorAtItsLineAndColumn) {
  EXPECT_EQ(error_of("a,b\n提案,\"never closed\n"), "malformed_csv @2:4");
}

TEST(CsvQuotingTest, TheCellLimit) {
  ReadOptions few;
  few.max_cells = 3;
  EXPECT_EQ(error_of("a,b\nc,d\n", few), "too_large @2:3");
  EXPECT_EQ(error_of("a,b\nc,,\n", few), "(no error)");
}

TEST(CsvQuotingTest, OtherDelimiters) {
  ReadOptions tab;
  tab.delimiter = '\t';
  const Workbook wb = parse("类别\t件数\n民生,保障\t12\n", tab);
  EXPECT_EQ(at(wb, "A2"), "民生,保障");
  EXPECT_EQ(at(wb, "B2"), "12");
}

TEST(CsvEncodingTest, ByteOrderMarks) {
  EXPECT_EQ(at(parse("\xEF\xBB\xBF类别,件数\n"), "A1"), "类别");
  // "类别,1\n" in UTF-16LE and UTF-16BE, with a BOM.
  const std::string le("\xFF\xFE\x7B\x7C\x2B\x52\x2C\x00\x31\x00\x0A\x00", 12);
  const std::string be("\xFE\xFF\x7C\x7B\x52\x2B\x00\x2C\x00\x31\x00\x0A", 12);
  EXPECT_EQ(at(parse(le), "A1"), "类别");
  EXPECT_EQ(at(parse(le), "B1"), "1");
  EXPECT_EQ(at(parse(be), "A1"), "类别");
}

TEST(CsvEncodingTest, GbkIsDetected) {
  // "类别,件数\r\n民生保障,12\r\n" as Excel on Chinese Windows saves it (GBK).
  const std::string gbk = "\xC0\xE0\xB1\xF0,\xBC\xFE\xCA\xFD\r\n\xC3\xF1\xC9\xFA\xB1\xA3\xD5\xCF,12\r\n";
  const auto decoded = baogao::decode_text(gbk, "", "t.csv");
  EXPECT_EQ(decoded.encoding, "GB18030");
  const Workbook wb = parse(gbk);
  EXPECT_EQ(at(wb, "A1"), "类别");
  EXPECT_EQ(at(wb, "B1"), "件数");
  EXPECT_EQ(at(wb, "A2"), "民生保障");
}

TEST(CsvEncodingTest, AnExplicitEncoding) {
  ReadOptions gbk;
  gbk.encoding = "GBK";
  EXPECT_EQ(at(parse("\xC0\xE0\xB1\xF0\n", gbk), "A1"), "类别");
  ReadOptions latin;
  latin.encoding = "ISO-8859-1";
  EXPECT_EQ(at(parse("caf\xE9\n", latin), "A1"), "café");
  ReadOptions unknown;
  unknown.encoding = "no-such-charset";
  EXPECT_EQ(error_of("a\n", unknown).substr(0, 16), "unknown_encoding");
}

TEST(CsvEncodingTest, BadBytesAreReportedAtLineAndColumn) {
  ReadOptions utf8;
  utf8.encoding = "UTF-8";
  EXPECT_EQ(error_of("类别,件数\n民生\xFF,12\n", utf8), "bad_encoding @2:3");
  EXPECT_EQ(error_of("ok\n\xE4\xB8", utf8), "bad_encoding @2:1") << "a truncated sequence";
  EXPECT_EQ(error_of("\xED\xA0\x80", utf8), "bad_encoding @1:1") << "an encoded surrogate";
  // Detected, no BOM: mostly UTF-8 with one stray byte is reported as UTF-8.
  EXPECT_EQ(error_of("类别,件数,占比,金额,备注\n民生保障,12,25.0%,2.46亿元,含一老一小议题\n"
                     "法制安全,9,18.8%,0.85亿\xFF元,涉及多个部门\n"),
            "bad_encoding @3:19");
  ReadOptions gb;
  gb.encoding = "GB18030";
  EXPECT_EQ(error_of("ab\n\xC0\xE0\xFF", gb), "bad_encoding @2:2");
}

TEST(CsvFileTest, TheSheetIsNamedAfterTheFileStem) {
  const fs::path dir = fs::temp_directory_path() / ("baogao-csv-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "提案统计.csv";
  std::ofstream(file, std::ios::binary) << "类别,件数\r\n民生保障,12\r\n";
  const Workbook wb = baogao::read_csv(file.string());
  EXPECT_EQ(wb.sheets.at(0).name, "提案统计");
  EXPECT_EQ(wb.find("提案统计!B2")->text, "12");
  EXPECT_EQ(wb.file, file.string());
  const Workbook same = baogao::read_workbook(file.string());
  EXPECT_EQ(same.find("提案统计!A2")->text, "民生保障");
  fs::remove_all(dir);
  try {
    baogao::read_csv((dir / "gone.csv").string());
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "file_not_found");
  }
}

// ------------------------------------------------------------------ inspect

Workbook sample() {
  Workbook wb;
  wb.file = "样例.xlsx";
  baogao::Sheet a;
  a.name = "提案";
  a.cells.push_back({.row = 1, .column = 1, .type = Cell::Type::string, .text = "类别\n\"引号\"", .number = 0});
  a.cells.push_back({.row = 1, .column = 2, .type = Cell::Type::number, .text = "2.46", .number = 2.46});
  a.cells.push_back({.row = 2, .column = 1, .type = Cell::Type::date, .text = "2024-12-31", .number = 45657});
  a.cells.push_back({.row = 2, .column = 2, .type = Cell::Type::boolean, .text = "TRUE", .number = 1});
  a.cells.push_back({.row = 1048576, .column = 16384, .type = Cell::Type::error, .text = "#N/A", .number = 0});
  a.merged.push_back(*baogao::parse_cell_range("A1:C1"));
  baogao::Sheet b;
  b.name = "参数";
  b.state = baogao::SheetState::hidden;
  wb.sheets = {a, b};
  return wb;
}

TEST(InspectTest, Json) {
  const auto json = nlohmann::json::parse(baogao::inspect_json(sample()));
  EXPECT_EQ(json["sheets"], nlohmann::json::parse(R"(["提案", "参数"])"));
  EXPECT_EQ(json["sheet_states"]["参数"], "hidden");
  EXPECT_EQ(json["sheet_states"]["提案"], "visible");
  EXPECT_EQ(json["merged"]["提案"], nlohmann::json::parse(R"(["A1:C1"])"));
  EXPECT_FALSE(json["merged"].contains("参数"));
  EXPECT_EQ(json["cells"]["提案!A1"]["type"], "string");
  EXPECT_EQ(json["cells"]["提案!A1"]["value"], "类别\n\"引号\"");
  EXPECT_EQ(json["cells"]["提案!B1"]["value"], "2.46");
  EXPECT_EQ(json["cells"]["提案!A2"]["type"], "date");
  EXPECT_EQ(json["cells"]["提案!B2"]["type"], "bool");
  EXPECT_EQ(json["cells"]["提案!B2"]["value"], "TRUE");
  EXPECT_EQ(json["cells"]["提案!XFD1048576"]["value"], "#N/A");
  EXPECT_EQ(json["cells"].size(), 5u);

  Workbook visible;
  visible.sheets.emplace_back();
  visible.sheets[0].name = "空";
  const auto plain = nlohmann::json::parse(baogao::inspect_json(visible));
  EXPECT_FALSE(plain.contains("sheet_states"));
  EXPECT_FALSE(plain.contains("merged"));
  EXPECT_TRUE(plain["cells"].empty());
}

TEST(InspectTest, ErrorJson) {
  const InputError e("too_large", baogao::Source{"炸弹.xlsx", "xl/worksheets/sheet1.xml"}, "found 1 GiB; expected less");
  const auto json = nlohmann::json::parse(baogao::inspect_error_json(e));
  EXPECT_EQ(json["error"]["category"], "too_large");
  EXPECT_EQ(json["error"]["message"], "found 1 GiB; expected less");
  EXPECT_EQ(json["error"]["file"], "炸弹.xlsx");
  EXPECT_EQ(json["error"]["place"], "xl/worksheets/sheet1.xml");
}

TEST(InspectTest, TableShowsOnlyUsedColumnsAlignedByDisplayWidth) {
  const std::string table = baogao::inspect_table(sample());
  EXPECT_NE(table.find("== 提案 =="), std::string::npos) << table;
  EXPECT_NE(table.find("== 参数 == (hidden)"), std::string::npos) << table;
  EXPECT_NE(table.find("类别↵\"引号\""), std::string::npos) << table;
  EXPECT_NE(table.find("merged: A1:C1"), std::string::npos) << table;
  EXPECT_NE(table.find("XFD"), std::string::npos) << table;
  EXPECT_LT(table.size(), 1000u) << "XFD1048576 does not make a huge grid";
  // Row 2 column B starts where row 1 column B starts, counting CJK as 2 columns:
  // "类别↵"引号"" is 2+2+1+1+2+2+1 = 11 columns wide.
  EXPECT_NE(table.find("\n1        类别↵\"引号\"  2.46"), std::string::npos) << table;
  EXPECT_NE(table.find("\n2        2024-12-31   TRUE"), std::string::npos) << table;
}

}  // namespace
