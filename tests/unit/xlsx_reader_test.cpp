// The .xlsx reader's rules, one by one: cell references, date formats, serial dates,
// _xHHHH_ escapes, relationship targets; then small workbooks built here (Strict
// namespaces, shared formulas, phonetic runs, the 1904 system) and hostile ones
// (DOCTYPE, zip bombs with true and lying sizes, broken XML, encrypted containers).
#include "drafting/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "drafting/error.hpp"
#include "drafting/workbook.hpp"

namespace fs = std::filesystem;
using baogao::Cell;
using baogao::CellRef;
using baogao::InputError;
using baogao::ReadOptions;
using baogao::Workbook;
namespace xlsx = baogao::xlsx;

namespace {

// ------------------------------------------------------------------ cell references

TEST(CellRefTest, ParsesA1AndTheGridLimits) {
  EXPECT_EQ(baogao::parse_cell_ref("A1"), (CellRef{1, 1}));
  EXPECT_EQ(baogao::parse_cell_ref("B7"), (CellRef{7, 2}));
  EXPECT_EQ(baogao::parse_cell_ref("Z20"), (CellRef{20, 26}));
  EXPECT_EQ(baogao::parse_cell_ref("AA1"), (CellRef{1, 27}));
  EXPECT_EQ(baogao::parse_cell_ref("XFD1"), (CellRef{1, 16384}));
  EXPECT_EQ(baogao::parse_cell_ref("A1048576"), (CellRef{1048576, 1}));
  EXPECT_EQ(baogao::parse_cell_ref("XFD1048576"), (CellRef{1048576, 16384}));
  EXPECT_EQ(baogao::parse_cell_ref("$C$3"), (CellRef{3, 3}));
  EXPECT_EQ(baogao::parse_cell_ref("c3"), (CellRef{3, 3}));
}

TEST(CellRefTest, RefusesWhatIsOutsideTheGrid) {
  for (const char* bad : {"", "A", "1", "A0", "XFE1", "A1048577", "AAAA1", "1A", "A1B", "A-1", "A 1", "A12345678"})
    EXPECT_FALSE(baogao::parse_cell_ref(bad).has_value()) << bad;
}

TEST(CellRefTest, WritesColumnsAndReferences) {
  EXPECT_EQ(baogao::column_name(1), "A");
  EXPECT_EQ(baogao::column_name(26), "Z");
  EXPECT_EQ(baogao::column_name(27), "AA");
  EXPECT_EQ(baogao::column_name(702), "ZZ");
  EXPECT_EQ(baogao::column_name(703), "AAA");
  EXPECT_EQ(baogao::column_name(16384), "XFD");
  EXPECT_EQ(baogao::cell_ref_string({1048576, 16384}), "XFD1048576");
  for (std::uint32_t column : {1u, 25u, 26u, 27u, 52u, 53u, 701u, 702u, 703u, 16384u})
    EXPECT_EQ(baogao::parse_cell_ref(baogao::column_name(column) + "9")->column, column);
}

TEST(CellRefTest, ParsesRanges) {
  auto r = baogao::parse_cell_range("A1:C1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, (CellRef{1, 1}));
  EXPECT_EQ(r->last, (CellRef{1, 3}));
  EXPECT_EQ(r->to_string(), "A1:C1");
  EXPECT_EQ(baogao::parse_cell_range("C5:A3")->to_string(), "A3:C5");  // corners normalised
  EXPECT_EQ(baogao::parse_cell_range("B2")->to_string(), "B2");
  EXPECT_FALSE(baogao::parse_cell_range("1:3"));  // whole rows: not a merge range
  EXPECT_TRUE(r->contains({1, 2}));
  EXPECT_FALSE(r->contains({2, 2}));
}

// ------------------------------------------------------------------ number formats

TEST(DateFormatTest, BuiltInIds) {
  for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 36, 45, 46, 47, 50, 55, 57, 58})
    EXPECT_TRUE(xlsx::is_builtin_date_format(id)) << id;
  for (int id : {0, 1, 2, 9, 10, 11, 13, 23, 26, 37, 44, 48, 49, 59, 164})
    EXPECT_FALSE(xlsx::is_builtin_date_format(id)) << id;
}

TEST(DateFormatTest, FormatCodes) {
  struct Row {
    const char* code;
    bool date;
  };
  const Row table[] = {
      {"yyyy\"年\"m\"月\"d\"日\"", true},
      {"[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\";@", true},
      {"yyyy/m/d;@", true},
      {"[$-F800]dddd, mmmm dd, yyyy", true},
      {"[$-F800]", true},  // system long date, no letters of its own
      {"[$-F400]", true},  // system time
      {"e\"年\"m\"月\"d\"日\"", true},
      {"yyyy\\年m\\月d\\日", true},  // LibreOffice escapes instead of quotes
      {"h:mm:ss AM/PM", true},
      {"[h]:mm:ss", true},
      {"[mm]", true},
      {"mm:ss.0", true},
      {"YYYY-MM-DD", true},
      {"0%", false},
      {"0.00%", false},
      {"0.00\"亿元\"", false},
      {"\"第\"0\"届\"", false},
      {"0.00_);[Red]\\(0.00\\)", false},  // [Red] holds a d
      {"0\"件(est.)\"", false},           // quoted e, s, t, d
      {"#,##0.00_ ;[Red]-#,##0.00\\ ", false},
      {"0.00E+00", false},
      {"@", false},
      {"General", false},
      {"\"days\"0", false},
      {"0_s", false},  // _s: a space as wide as "s"
      {"*d0", false},  // *d: fill with "d"
      {"[>=100][Red]0;[Blue]0", false},
      {"", false},
  };
  for (const auto& row : table) EXPECT_EQ(xlsx::is_date_format_code(row.code), row.date) << row.code;
}

// ------------------------------------------------------------------ serial dates

TEST(SerialDateTest, The1900SystemWithItsFictitiousLeapDay) {
  EXPECT_EQ(xlsx::serial_to_iso(1, false), "1900-01-01");
  EXPECT_EQ(xlsx::serial_to_iso(59, false), "1900-02-28");
  EXPECT_EQ(xlsx::serial_to_iso(60, false), "1900-02-29");  // as Excel shows it
  EXPECT_EQ(xlsx::serial_to_iso(61, false), "1900-03-01");
  EXPECT_EQ(xlsx::serial_to_iso(45657, false), "2024-12-31");
  EXPECT_EQ(xlsx::serial_to_iso(45366.395833333336, false), "2024-03-15T09:30:00");
  EXPECT_EQ(xlsx::serial_to_iso(45657.999999999, false), "2025-01-01");  // rounds to the next midnight
  EXPECT_EQ(xlsx::serial_to_iso(2958465, false), "9999-12-31");
  EXPECT_FALSE(xlsx::serial_to_iso(2958466, false));
  EXPECT_FALSE(xlsx::serial_to_iso(-1, false));
  EXPECT_FALSE(xlsx::serial_to_iso(std::nan(""), false));
}

TEST(SerialDateTest, The1904System) {
  EXPECT_EQ(xlsx::serial_to_iso(0, true), "1904-01-01");
  EXPECT_EQ(xlsx::serial_to_iso(44195, true), "2024-12-31");  // 45657 − 1462
  EXPECT_EQ(xlsx::serial_to_iso(1.5, true), "1904-01-02T12:00:00");
}

TEST(SerialDateTest, IsoDatesOfTypeD) {
  auto d = xlsx::parse_iso_date("2024-12-31", false);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->text, "2024-12-31");
  EXPECT_EQ(d->serial, 45657);
  d = xlsx::parse_iso_date("2025-01-15T09:30:00", false);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->text, "2025-01-15T09:30:00");
  EXPECT_NEAR(d->serial, 45672.395833333336, 1e-9);
  EXPECT_EQ(xlsx::parse_iso_date("2025-01-15T09:30:00.000Z", false)->text, "2025-01-15T09:30:00");
  EXPECT_EQ(xlsx::parse_iso_date("2025-01-15T09:30:00+08:00", false)->text, "2025-01-15T09:30:00");
  EXPECT_EQ(xlsx::parse_iso_date("2025-01-15T00:00:00", false)->text, "2025-01-15");
  EXPECT_EQ(xlsx::parse_iso_date("1900-01-01", false)->serial, 1);
  EXPECT_EQ(xlsx::parse_iso_date("1900-03-01", false)->serial, 61);
  EXPECT_EQ(xlsx::parse_iso_date("2024-12-31", true)->serial, 44195);
  for (const char* bad : {"", "2024", "2024-13-01", "2023-02-29", "2024-12-31T25:00", "2024/12/31", "abc"})
    EXPECT_FALSE(xlsx::parse_iso_date(bad, false)) << bad;
}

TEST(NumberTextTest, ShortestRoundTrip) {
  EXPECT_EQ(xlsx::shortest_number(2.4599999999999999), "2.46");
  EXPECT_EQ(xlsx::shortest_number(0.57999999999999996), "0.58");
  EXPECT_EQ(xlsx::shortest_number(0.30000000000000004), "0.30000000000000004");
  EXPECT_EQ(xlsx::shortest_number(48.0), "48");
  EXPECT_EQ(xlsx::shortest_number(-0.0), "0");
  EXPECT_EQ(xlsx::shortest_number(2.46e8), "246000000");
  EXPECT_EQ(xlsx::shortest_number(0.0012), "0.0012");
  EXPECT_EQ(xlsx::shortest_number(-3.5), "-3.5");
  EXPECT_EQ(xlsx::shortest_number(1e21), "1e+21");
  EXPECT_EQ(xlsx::shortest_number(1e-8), "1e-08");
}

// ------------------------------------------------------------------ _xHHHH_ escapes

TEST(XstringTest, Unescapes) {
  EXPECT_EQ(xlsx::unescape_xstring("第一行_x000D_\n第二行"), "第一行\r\n第二行");
  EXPECT_EQ(xlsx::unescape_xstring("制表_x0009_分隔"), "制表\t分隔");
  EXPECT_EQ(xlsx::unescape_xstring("_x005F_x000D_"), "_x000D_");  // an escaped underscore
  EXPECT_EQ(xlsx::unescape_xstring("编号_xd_不是转义"), "编号_xd_不是转义");
  EXPECT_EQ(xlsx::unescape_xstring("_xGGGG_ 非十六进制"), "_xGGGG_ 非十六进制");
  EXPECT_EQ(xlsx::unescape_xstring("_x4e2d__x56FD_"), "中国");
  EXPECT_EQ(xlsx::unescape_xstring("_xD842__xDFB7_"), "𠮷");         // a surrogate pair
  EXPECT_EQ(xlsx::unescape_xstring("_xD842_x"), "\xEF\xBF\xBDx");   // a lone surrogate
  EXPECT_EQ(xlsx::unescape_xstring("_x000"), "_x000");
  EXPECT_EQ(xlsx::unescape_xstring("plain"), "plain");
}

// ------------------------------------------------------------------ part names

TEST(RelationshipTargetTest, ResolvesLikeRfc3986) {
  EXPECT_EQ(xlsx::resolve_target("/", "xl/workbook.xml"), "/xl/workbook.xml");
  EXPECT_EQ(xlsx::resolve_target("/", "/xl/workbook.xml"), "/xl/workbook.xml");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "worksheets/sheet1.xml"), "/xl/worksheets/sheet1.xml");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "/xl/worksheets/sheet1.xml"), "/xl/worksheets/sheet1.xml");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "./worksheets/sheet1.xml"), "/xl/worksheets/sheet1.xml");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "../xl/worksheets/sheet2.xml"), "/xl/worksheets/sheet2.xml");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "worksheets/../worksheets/./s.xml"), "/xl/worksheets/s.xml");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "../../../etc/passwd"), "/etc/passwd");  // stays in the package
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "worksheets\\sheet1.xml"), "/xl/worksheets/sheet1.xml");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "sheet1.xml#frag"), "/xl/sheet1.xml");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "http://example.com/a.xml"), "");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "file:///etc/passwd"), "");
  EXPECT_EQ(xlsx::resolve_target("/xl/workbook.xml", "//host/share/a.xml"), "");
}

TEST(RelationshipTargetTest, RelsPartNames) {
  EXPECT_EQ(xlsx::relationships_part_name("/"), "/_rels/.rels");
  EXPECT_EQ(xlsx::relationships_part_name("/xl/workbook.xml"), "/xl/_rels/workbook.xml.rels");
  EXPECT_EQ(xlsx::relationships_part_name("/xl/worksheets/sheet1.xml"), "/xl/worksheets/_rels/sheet1.xml.rels");
}

// ------------------------------------------------------------------ workbooks built here

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kStrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
constexpr const char* kStrictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";

class BuiltWorkbookTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("baogao-xlsx-" + std::to_string(::getpid()) + "-" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  using Entries = std::vector<std::pair<std::string, std::string>>;

  std::string write_zip(const std::string& name, const Entries& entries) {
    const std::string path = (dir_ / name).string();
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    EXPECT_NE(z, nullptr);
    for (const auto& [entry, content] : entries) {
      zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
      zip_file_add(z, entry.c_str(), src, ZIP_FL_ENC_UTF_8);
    }
    EXPECT_EQ(zip_close(z), 0);
    return path;
  }

  struct Book {
    std::string sheet_data;       // inside <sheetData>
    std::string after_sheet_data;  // e.g. <mergeCells>
    std::string shared_strings;   // <si> items; "" = no sharedStrings part
    std::string styles;           // whole styles.xml; "" = none
    std::string workbook_pr;      // e.g. <workbookPr date1904="1"/>
    bool strict = false;
  };

  Entries entries(const Book& b) {
    const std::string main = b.strict ? kStrictMain : kMain;
    const std::string rel = b.strict ? kStrictRel : kRel;
    const std::string rel_type = rel + (b.strict ? "/" : "/");
    Entries e;
    e.emplace_back("_rels/.rels",
                   "<?xml version=\"1.0\"?><Relationships "
                   "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                   "Type=\"" + rel_type + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    e.emplace_back("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel +
                                          "\">" + b.workbook_pr +
                                          "<sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    std::string rels =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"" + rel_type + "worksheet\" Target=\"worksheets/sheet1.xml\"/>";
    if (!b.shared_strings.empty())
      rels += "<Relationship Id=\"rId2\" Type=\"" + rel_type + "sharedStrings\" Target=\"sharedStrings.xml\"/>";
    if (!b.styles.empty()) rels += "<Relationship Id=\"rId3\" Type=\"" + rel_type + "styles\" Target=\"styles.xml\"/>";
    e.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
    e.emplace_back("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"" + main + "\"><sheetData>" +
                                                   b.sheet_data + "</sheetData>" + b.after_sheet_data + "</worksheet>");
    if (!b.shared_strings.empty())
      e.emplace_back("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"" + main + "\">" + b.shared_strings + "</sst>");
    if (!b.styles.empty()) e.emplace_back("xl/styles.xml", b.styles);
    return e;
  }

  std::string build(const Book& b) { return write_zip("book.xlsx", entries(b)); }

  static std::string category_of(const std::string& path, const ReadOptions& options = {}) {
    try {
      baogao::read_xlsx(path, options);
    } catch (const InputError& e) {
      return e.category();
    }
    return "(no error)";
  }

  static std::string styles_with(const std::string& num_fmts, const std::string& xfs) {
    return std::string("<?xml version=\"1.0\"?><styleSheet xmlns=\"") + kMain + "\"><numFmts>" + num_fmts +
           "</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>" + xfs +
           "</cellXfs><dxfs><dxf><numFmt numFmtId=\"0\" formatCode=\"yyyy\"/></dxf></dxfs></styleSheet>";
  }

  fs::path dir_;
};

TEST_F(BuiltWorkbookTest, StrictNamespaces) {
  Book b;
  b.strict = true;
  b.shared_strings = "<si><t>严格</t></si>";
  b.sheet_data = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>12</v></c></row>";
  const Workbook wb = baogao::read_xlsx(build(b));
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(wb.find("表!A1")->text, "严格");
  EXPECT_EQ(wb.find("表!B1")->number, 12);
}

TEST_F(BuiltWorkbookTest, CachedFormulaResults) {
  Book b;
  b.sheet_data =
      "<row r=\"1\"><c r=\"A1\"><f t=\"shared\" ref=\"A1:A2\" si=\"0\">B1*2</f><v>4</v></c>"
      "<c r=\"B1\" t=\"str\"><f>\"提\"&amp;\"案\"</f><v>提案</v></c>"
      "<c r=\"C1\" t=\"b\"><f>TRUE()</f><v>1</v></c><c r=\"D1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
      "<c r=\"E1\"><f>NOW()</f></c></row>"
      "<row r=\"2\"><c r=\"A2\"><f t=\"shared\" si=\"0\"/><v>6</v></c><c r=\"C2\" t=\"b\"><v>0</v></c></row>";
  const Workbook wb = baogao::read_xlsx(build(b));
  EXPECT_EQ(wb.find("表!A1")->text, "4");
  EXPECT_EQ(wb.find("表!A2")->number, 6);
  EXPECT_EQ(wb.find("表!B1")->type, Cell::Type::string);
  EXPECT_EQ(wb.find("表!B1")->text, "提案");
  EXPECT_EQ(wb.find("表!C1")->type, Cell::Type::boolean);
  EXPECT_EQ(wb.find("表!C1")->text, "TRUE");
  EXPECT_EQ(wb.find("表!C2")->text, "FALSE");
  EXPECT_EQ(wb.find("表!D1")->type, Cell::Type::error);
  EXPECT_EQ(wb.find("表!D1")->text, "#DIV/0!");
  EXPECT_EQ(wb.find("表!E1"), nullptr) << "a formula without a cached value is empty";
}

TEST_F(BuiltWorkbookTest, PhoneticRunsAreSkipped) {
  Book b;
  b.shared_strings =
      "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><r><t>民生</t></r><rPh sb=\"0\" eb=\"1\"><t>ミン</t></rPh><r><rPr><b/></rPr><t>保障</t></r></si>";
  b.sheet_data = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"A2\" t=\"s\"><v>1</v></c></row>";
  const Workbook wb = baogao::read_xlsx(build(b));
  EXPECT_EQ(wb.find("表!A1")->text, "東京");
  EXPECT_EQ(wb.find("表!A2")->text, "民生保障");
}

TEST_F(BuiltWorkbookTest, DatesUnderStylesAndThe1904System) {
  Book b;
  b.workbook_pr = "<workbookPr date1904=\"1\"/>";
  b.styles = styles_with("<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
                         "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot;亿元&quot;\"/>",
                         "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>");
  b.sheet_data =
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"2\"><v>44195</v></c>"
      "<c r=\"C1\" s=\"3\"><v>2.46</v></c><c r=\"D1\"><v>44195</v></c><c r=\"E1\" s=\"99\"><v>5</v></c>"
      "<c r=\"F1\" s=\"1\"><v>-1</v></c></row>";
  const Workbook wb = baogao::read_xlsx(build(b));
  EXPECT_TRUE(wb.date1904);
  EXPECT_EQ(wb.find("表!A1")->type, Cell::Type::date);
  EXPECT_EQ(wb.find("表!A1")->text, "1904-01-01");
  EXPECT_EQ(wb.find("表!B1")->text, "2024-12-31");
  EXPECT_EQ(wb.find("表!B1")->number, 44195) << "a date keeps its serial";
  EXPECT_EQ(wb.find("表!C1")->type, Cell::Type::number);
  EXPECT_EQ(wb.find("表!D1")->type, Cell::Type::number);
  EXPECT_EQ(wb.find("表!E1")->type, Cell::Type::number) << "a style index past cellXfs is no date";
  EXPECT_EQ(wb.find("表!F1")->type, Cell::Type::number) << "a negative serial is no date";
}

TEST(PercentFormatTest, FormatCodesAndBuiltIns) {
  EXPECT_TRUE(xlsx::is_builtin_percent_format(9));
  EXPECT_TRUE(xlsx::is_builtin_percent_format(10));
  EXPECT_FALSE(xlsx::is_builtin_percent_format(0));
  EXPECT_FALSE(xlsx::is_builtin_percent_format(14));
  for (const char* code : {"0%", "0.0%", "0.00%;[Red]-0.00%", "[Blue]0%", "#,##0.0\"x\"%"})
    EXPECT_TRUE(xlsx::is_percent_format_code(code)) << code;
  for (const char* code : {"General", "0.00", "0\"%\"", "0\\%", "0;0%", "@", "[$%-804]0"})
    EXPECT_FALSE(xlsx::is_percent_format_code(code)) << code;
}

TEST_F(BuiltWorkbookTest, PercentFormattedNumbersAreMarked) {
  // A cell staff see as 100% holds 1 under a percent format (§18.8.31): the reader
  // keeps 1 and marks it, the mapping turns it into 100 for a percent field.
  Book b;
  b.styles = styles_with("<numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>",
                         "<xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/>");
  b.sheet_data = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c><c r=\"B1\" s=\"2\"><v>0.125</v></c>"
                 "<c r=\"C1\"><v>100</v></c><c r=\"D1\" s=\"3\"><v>43082</v></c></row>";
  const Workbook wb = baogao::read_xlsx(build(b));
  EXPECT_TRUE(wb.find("表!A1")->percent);
  EXPECT_EQ(wb.find("表!A1")->text, "1");
  EXPECT_TRUE(wb.find("表!B1")->percent);
  EXPECT_FALSE(wb.find("表!C1")->percent);
  EXPECT_FALSE(wb.find("表!D1")->percent);
  EXPECT_EQ(wb.find("表!D1")->type, Cell::Type::date);
}

TEST_F(BuiltWorkbookTest, CellsReservedFromTheDeclaredSizeAreGivenBack) {
  // The reader reserves cells from the part's declared size (no regrowing of a 1,000,000
  // cell sheet); a part that is mostly white space keeps no idle reservation.
  Book b;
  b.sheet_data = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(200000, ' ');
  const Workbook wb = baogao::read_xlsx(build(b));
  ASSERT_EQ(wb.sheets[0].cells.size(), 1u);
  EXPECT_LE(wb.sheets[0].cells.capacity(), 2u);
}

TEST_F(BuiltWorkbookTest, InlineStringsEscapesAndCdata) {
  Book b;
  b.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[<b>粗</b> & 细]]></t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><r><t>行内</t></r><r><t>_x000A_换行</t></r></is></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t></t></is></c><c r=\"D1\" t=\"str\"><v>_x005F_x0041_</v></c></row>";
  const Workbook wb = baogao::read_xlsx(build(b));
  EXPECT_EQ(wb.find("表!A1")->text, "<b>粗</b> & 细");
  EXPECT_EQ(wb.find("表!B1")->text, "行内\n换行");
  EXPECT_EQ(wb.find("表!C1"), nullptr) << "an empty string is an empty cell";
  EXPECT_EQ(wb.find("表!D1")->text, "_x0041_");
}

TEST_F(BuiltWorkbookTest, CellsOutOfOrderAreSortedAndTheLastWins) {
  Book b;
  b.sheet_data = "<row r=\"3\"><c r=\"B3\"><v>3</v></c></row><row r=\"1\"><c r=\"C1\"><v>1</v></c>"
                 "<c r=\"A1\"><v>0</v></c><c r=\"C1\"><v>2</v></c></row>";
  const Workbook wb = baogao::read_xlsx(build(b));
  const auto& cells = wb.sheets[0].cells;
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(baogao::cell_ref_string(cells[0].ref()), "A1");
  EXPECT_EQ(baogao::cell_ref_string(cells[1].ref()), "C1");
  EXPECT_EQ(cells[1].number, 2);
  EXPECT_EQ(baogao::cell_ref_string(cells[2].ref()), "B3");
}

TEST_F(BuiltWorkbookTest, MergedRangesAndSources) {
  Book b;
  b.sheet_data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>标题</t></is></c></row>";
  b.after_sheet_data = "<mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"bogus\"/></mergeCells>";
  const std::string path = build(b);
  const Workbook wb = baogao::read_xlsx(path);
  ASSERT_EQ(wb.sheets[0].merged.size(), 1u);
  EXPECT_EQ(wb.sheets[0].merged[0].to_string(), "A1:C1");
  ASSERT_NE(wb.sheets[0].merged_range({1, 2}), nullptr);
  const auto src = wb.source(wb.sheets[0], *wb.find("表!A1"));
  EXPECT_EQ(src.file, path);
  EXPECT_EQ(src.place, "表!A1");
}

TEST_F(BuiltWorkbookTest, RefusesAnyDoctype) {
  for (const std::string& prolog :
       {std::string("<!DOCTYPE worksheet>"), std::string("<!-- a comment --><?pi x?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>")}) {
    Book b;
    auto e = entries(b);
    e[3].second = "<?xml version=\"1.0\"?>" + prolog + "<worksheet xmlns=\"" + std::string(kMain) +
                  "\"><sheetData/></worksheet>";
    EXPECT_EQ(category_of(write_zip("doctype.xlsx", e)), "entity_declarations_refused") << prolog;
  }
}

TEST_F(BuiltWorkbookTest, RefusesADoctypeInUtf16) {
  Book b;
  auto e = entries(b);
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY a SYSTEM "
                          "\"file:///etc/hostname\">]><worksheet xmlns=\"" + std::string(kMain) +
                          "\"><sheetData/></worksheet>";
  std::string utf16 = "\xFF\xFE";
  for (char c : xml) {
    utf16 += c;
    utf16 += '\0';
  }
  e[3].second = utf16;
  EXPECT_EQ(category_of(write_zip("utf16.xlsx", e)), "entity_declarations_refused");
}

TEST_F(BuiltWorkbookTest, MalformedXmlNamesThePartAndLine) {
  Book b;
  auto e = entries(b);
  e[3].second = "<?xml version=\"1.0\"?>\n<worksheet xmlns=\"" + std::string(kMain) + "\">\n<sheetData><row></sheetData>";
  try {
    baogao::read_xlsx(write_zip("bad.xlsx", e));
    FAIL() << "no error";
  } catch (const InputError& err) {
    EXPECT_EQ(err.category(), "malformed_xml");
    EXPECT_EQ(err.where().place, "xl/worksheets/sheet1.xml");
    EXPECT_NE(std::string(err.what()).find("line 3"), std::string::npos) << err.what();
  }
}

TEST_F(BuiltWorkbookTest, BadCellContentsAreErrorsThatNameTheCell) {
  Book b;
  b.sheet_data = "<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>";
  EXPECT_EQ(category_of(build(b)), "malformed_xml");
  b.sheet_data = "<row r=\"1\"><c r=\"B1\"><v>12件</v></c></row>";
  try {
    baogao::read_xlsx(build(b));
    FAIL() << "no error";
  } catch (const InputError& err) {
    EXPECT_EQ(err.category(), "malformed_xml");
    EXPECT_EQ(err.where().place, "表!B1");
  }
  b.sheet_data = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>";  // no shared strings at all
  EXPECT_EQ(category_of(build(b)), "bad_shared_string_index");
}

TEST_F(BuiltWorkbookTest, DeclaredSizeOverTheLimitIsRefusedBeforeInflating) {
  Book b;
  std::string rows;
  for (int r = 1; r <= 500; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c></row>";
  b.sheet_data = rows;
  const std::string path = build(b);
  ReadOptions small;
  small.max_part_bytes = 4096;
  EXPECT_EQ(category_of(path, small), "too_large");
  ReadOptions small_total;
  small_total.max_total_bytes = 4096;
  EXPECT_EQ(category_of(path, small_total), "too_large");
  ReadOptions few_cells;
  few_cells.max_cells = 100;
  EXPECT_EQ(category_of(path, few_cells), "too_large") << "a part dense with tiny cells is bounded too";
  EXPECT_EQ(baogao::read_xlsx(path).sheets[0].cells.size(), 500u);
}

// Rewrites the uncompressed size of `entry` in its local header and central directory.
void lie_about_size(const std::string& path, const std::string& entry, std::uint32_t size) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  std::stringstream buffer;
  buffer << f.rdbuf();
  std::string bytes = buffer.str();
  auto patch = [&](std::size_t at) { std::memcpy(&bytes[at], &size, 4); };  // little-endian host
  for (std::size_t at = 0; (at = bytes.find("PK\x03\x04", at)) != std::string::npos; at += 4)
    if (bytes.compare(at + 30, entry.size(), entry) == 0) patch(at + 22);
  for (std::size_t at = 0; (at = bytes.find("PK\x01\x02", at)) != std::string::npos; at += 4)
    if (bytes.compare(at + 46, entry.size(), entry) == 0) patch(at + 24);
  f.seekp(0);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST_F(BuiltWorkbookTest, ALyingSizeIsCaughtWhileInflating) {
  Book b;
  b.sheet_data = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(200000, ' ');
  const std::string path = build(b);
  lie_about_size(path, "xl/worksheets/sheet1.xml", 300);
  ReadOptions limit;
  limit.max_part_bytes = 50000;  // above the declared 300, below the real 200,000
  EXPECT_EQ(category_of(path, limit), "too_large");
  const std::string mismatch = category_of(path);  // within the limit: the size mismatch shows
  EXPECT_TRUE(mismatch == "corrupt_zip") << mismatch;
}

TEST_F(BuiltWorkbookTest, NotASpreadsheetAndMissingParts) {
  EXPECT_EQ(category_of(write_zip("plain.zip", {{"readme.txt", "hello"}})), "not_a_spreadsheet");
  Book b;
  b.sheet_data = "<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>";
  auto e = entries(b);
  e.erase(e.begin());  // no _rels/.rels: xl/workbook.xml is still found
  EXPECT_EQ(baogao::read_xlsx(write_zip("norels.xlsx", e)).find("表!A1")->number, 7);
  b.shared_strings = "<si><t>x</t></si>";
  e = entries(b);
  e.pop_back();  // sharedStrings.xml listed but absent
  EXPECT_EQ(category_of(write_zip("nosst.xlsx", e)), "missing_part");
  e = entries(Book{});
  e[1].second = "<?xml version=\"1.0\"?><workbook xmlns=\"" + std::string(kMain) + "\" xmlns:r=\"" + kRel +
                "\"><sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
  EXPECT_EQ(category_of(write_zip("norid.xlsx", e)), "missing_part");
}

TEST_F(BuiltWorkbookTest, Ole2ContainersAreEncryptedOrLegacy) {
  std::string ole(4096, '\0');
  std::memcpy(ole.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  const std::string legacy = (dir_ / "old.xls").string();
  std::ofstream(legacy, std::ios::binary) << ole;
  try {
    baogao::read_xlsx(legacy);
    FAIL() << "no error";
  } catch (const InputError& err) {
    EXPECT_EQ(err.category(), "encrypted");
    EXPECT_NE(std::string(err.what()).find(".xlsx"), std::string::npos) << "tells staff to save as .xlsx";
  }
  const char16_t name[] = u"EncryptionInfo";
  for (std::size_t i = 0; name[i]; ++i) ole[1024 + 2 * i] = static_cast<char>(name[i]);
  const std::string locked = (dir_ / "locked.xlsx").string();
  std::ofstream(locked, std::ios::binary) << ole;
  try {
    baogao::read_xlsx(locked);
    FAIL() << "no error";
  } catch (const InputError& err) {
    EXPECT_EQ(err.category(), "encrypted");
    EXPECT_NE(std::string(err.what()).find("password"), std::string::npos) << "tells staff to remove the password";
  }
}

TEST_F(BuiltWorkbookTest, EmptyAndMissingFiles) {
  const std::string empty = (dir_ / "empty.xlsx").string();
  std::ofstream(empty).close();
  EXPECT_EQ(category_of(empty), "empty_file");
  EXPECT_EQ(category_of((dir_ / "nothing.xlsx").string()), "file_not_found");
  const std::string html = (dir_ / "page.xlsx").string();
  std::ofstream(html) << "<html><table><tr><td>1</td></tr></table></html>";
  EXPECT_EQ(category_of(html), "not_a_zip");
}

// A different double from 0.3 must stay different (MANIFEST.md, x17 B8).
TEST(SharedCorpusDetail, SeventeenDigitsAreKept) {
  const fs::path file = fs::path(BAOGAO_SHARED_DIR) / "cases" / "xlsx" / "x17_numbers_as_text_and_floats.xlsx";
  if (!fs::exists(file)) GTEST_SKIP() << "shared corpus not found at " << file;
  const Workbook wb = baogao::read_xlsx(file.string());
  EXPECT_EQ(wb.find("数字!B8")->number, 0.30000000000000004);
  EXPECT_NE(wb.find("数字!B8")->number, 0.3);
  EXPECT_EQ(wb.find("数字!B8")->text, "0.30000000000000004");
  EXPECT_EQ(wb.find("数字!B6")->text, "0.58");
  EXPECT_EQ(wb.find("数字!B11")->text, "0");
}

}  // namespace
