// Acceptance of the workbook path (issue 3): for every built-in template,
//   init (blank) → filled from the JSON example with libxlsxwriter → render
// gives the same .txt, the same markup but for the src attributes, and the same .docx
// package parts (review comments aside: they name each value's cell) as the JSON; the
// same once more after LibreOffice has re-saved the workbook (`soffice --convert-to
// xlsx`: a file written by a real office program), and for the committed example
// examples/cppcc-2017/data.xlsx. Drafts are made by the built `baogao` (BAOGAO_CLI),
// as staff make them.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "drafting/manifest.hpp"
#include "drafting/readers.hpp"
#include "drafting/workbook_layout.hpp"
#include "drafting/workbook_mapping.hpp"
#include "drafting/xlsx_reader.hpp"
#include "exporters/xlsx/workbook_writer.hpp"

namespace baogao {
namespace {

namespace fs = std::filesystem;

/// The example that fills each built-in template (a new template needs one here).
const std::map<std::string, std::string> kExamples = {
    {"cppcc-standing-committee", "cppcc-2017"},
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

/// Every entry of a zip: name → bytes.
std::map<std::string, std::string> zip_entries(const fs::path& path) {
  std::map<std::string, std::string> out;
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
  EXPECT_NE(z, nullptr) << path;
  if (!z) return out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
    std::string bytes(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    if (f) {
      zip_fread(f, bytes.data(), st.size);
      zip_fclose(f);
    }
    out[st.name] = bytes;
  }
  zip_close(z);
  return out;
}

/// Markup without its src="…" attributes (the only thing that names the input).
std::string without_sources(const std::string& markup) {
  static const std::regex src(R"( ?src="[^"]*")"), empty(R"(\{ *\})"), lead(R"(\{ +)");
  return std::regex_replace(std::regex_replace(std::regex_replace(markup, src, ""), empty, ""), lead, "{");
}

/// "" when equal, else the first line that differs in each (for a short failure message).
std::string first_difference(const std::string& a, const std::string& b) {
  if (a == b) return "";
  std::istringstream x(a), y(b);
  std::string la, lb;
  for (int n = 1;; ++n) {
    const bool more_a = static_cast<bool>(std::getline(x, la)), more_b = static_cast<bool>(std::getline(y, lb));
    if (!more_a && !more_b) return "(they differ in line endings)";
    if (la != lb || more_a != more_b)
      return "line " + std::to_string(n) + ":\n  " + (more_a ? la : "(end)") + "\n  " + (more_b ? lb : "(end)");
  }
}

class XlsxRoundTrip : public testing::Test {
 protected:
  void SetUp() override {
    set_default_template_root(BAOGAO_TEMPLATE_DIR);
    dir_ = fs::temp_directory_path() / ("baogao-xlsx-round-trip-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  struct Draft {
    int status = -1;
    std::string txt, markup, stderr_text;
    fs::path docx;
  };

  /// `baogao render DATA -t TEMPLATE -o NAME.txt -o NAME.docx -o NAME.md`.
  Draft render(const fs::path& data, const std::string& template_name, const std::string& name) {
    Draft d;
    d.docx = dir_ / (name + ".docx");
    const fs::path txt = dir_ / (name + ".txt"), md = dir_ / (name + ".md"), err = dir_ / (name + ".stderr");
    const std::string command = std::string("'") + BAOGAO_CLI + "' render '" + data.string() + "' -t " +
                                template_name + " -o '" + txt.string() + "' -o '" + d.docx.string() + "' -o '" +
                                md.string() + "' 2>'" + err.string() + "'";
    d.status = std::system(command.c_str());
    d.txt = slurp(txt);
    d.markup = slurp(md);
    d.stderr_text = slurp(err);
    return d;
  }

  /// The drafts agree: same .txt, same markup without src="…", same .docx parts
  /// (word/comments.xml aside: comments name each value's source).
  static void expect_same_draft(const Draft& json, const Draft& xlsx) {
    ASSERT_EQ(json.status, 0) << json.stderr_text;
    ASSERT_EQ(xlsx.status, 0) << xlsx.stderr_text;
    EXPECT_EQ(xlsx.stderr_text, "") << "a filled workbook drafts without findings";
    const std::string txt = first_difference(json.txt, xlsx.txt);
    EXPECT_TRUE(txt.empty()) << "the .txt drafts differ at " << txt;
    const std::string markup = first_difference(without_sources(json.markup), without_sources(xlsx.markup));
    EXPECT_TRUE(markup.empty()) << "the markup differs beyond src attributes at " << markup;
    auto a = zip_entries(json.docx), b = zip_entries(xlsx.docx);
    a.erase("word/comments.xml");
    b.erase("word/comments.xml");
    ASSERT_EQ(a.size(), b.size());
    for (const auto& [name, bytes] : a) EXPECT_TRUE(b.count(name) && b[name] == bytes) << name << " differs";
    if (zip_entries(json.docx).count("word/comments.xml") == 0) {
      EXPECT_EQ(slurp(json.docx), slurp(xlsx.docx)) << "without comments the packages are byte-identical";
    }
  }

  /// `soffice --headless --convert-to xlsx` into `out_dir`, with a private profile (other
  /// tests may run LibreOffice at the same time). Empty path when LibreOffice is missing.
  fs::path libreoffice_resave(const fs::path& xlsx, const fs::path& out_dir) {
    if (std::system("command -v soffice >/dev/null 2>&1") != 0) return {};
    fs::create_directories(out_dir);
    const std::string command = "soffice -env:UserInstallation=file://" + (dir_ / "lo-profile").string() +
                                " --headless --convert-to xlsx --outdir '" + out_dir.string() + "' '" +
                                xlsx.string() + "' >'" + (dir_ / "soffice.log").string() + "' 2>&1";
    if (std::system(command.c_str()) != 0) return {};
    const fs::path out = out_dir / xlsx.filename();
    return fs::exists(out) ? out : fs::path();
  }

  fs::path dir_;
};

TEST_F(XlsxRoundTrip, EveryBuiltInTemplateHasAnExample) {
  for (const auto& m : list_templates()) {
    ASSERT_TRUE(kExamples.count(m.name)) << m.name << " needs an example in kExamples";
    EXPECT_TRUE(fs::exists(fs::path(BAOGAO_SOURCE_DIR) / "examples" / kExamples.at(m.name) / "data.json"));
  }
}

TEST_F(XlsxRoundTrip, ABlankWorkbookReadsAsNoData) {
  for (const auto& m : list_templates()) {
    SCOPED_TRACE(m.name);
    const fs::path blank = dir_ / (m.name + "-blank.xlsx");
    spit(blank, write_template_workbook(m));
    Findings findings;
    const Value data = read_data_file(blank.string(), &m, &findings);
    EXPECT_TRUE(findings.empty()) << format_finding(findings.front());
    EXPECT_TRUE(data.members.empty()) << "a blank workbook holds no values";
  }
}

TEST_F(XlsxRoundTrip, InitFillRenderGivesTheJsonDraft) {
  for (const auto& m : list_templates()) {
    SCOPED_TRACE(m.name);
    const fs::path json = fs::path(BAOGAO_SOURCE_DIR) / "examples" / kExamples.at(m.name) / "data.json";
    const Value data = read_data_file(json.string());

    // init, then fill: the filled workbook is the blank one plus the values.
    const fs::path blank = dir_ / "blank.xlsx", filled = dir_ / "filled.xlsx";
    spit(blank, write_template_workbook(m));
    spit(filled, write_template_workbook(m, &data));
    const Workbook before = read_xlsx(blank.string()), after = read_xlsx(filled.string());
    ASSERT_EQ(before.sheets.size(), after.sheets.size());
    for (std::size_t s = 0; s < before.sheets.size(); ++s) {
      EXPECT_EQ(before.sheets[s].name, after.sheets[s].name);
      for (const Cell& c : before.sheets[s].cells) {
        const Cell* same = after.sheets[s].find(c.ref());
        EXPECT_TRUE(same && same->text == c.text) << before.sheets[s].name << "!" << cell_ref_string(c.ref());
      }
    }
    EXPECT_GT(after.sheets[1].cells.size(), before.sheets[1].cells.size());

    const Draft from_json = render(json, m.name, "json");
    const Draft from_xlsx = render(filled, m.name, "xlsx");
    expect_same_draft(from_json, from_xlsx);
    EXPECT_NE(from_xlsx.markup.find("{src=\"" + filled.string() + ":"), std::string::npos)
        << "figures name their cells";

    // Once through LibreOffice: a workbook written by a real office program.
    const fs::path resaved = libreoffice_resave(filled, dir_ / "lo");
    if (resaved.empty()) {
      GTEST_SKIP() << "LibreOffice (soffice) is not installed: the re-saved round trip is skipped "
                      "(apt-get install libreoffice-calc-nogui)";
    }
    expect_same_draft(from_json, render(resaved, m.name, "libreoffice"));
  }
}

TEST_F(XlsxRoundTrip, TheCommittedExampleWorkbookGivesTheJsonDraft) {
  const fs::path example = fs::path(BAOGAO_SOURCE_DIR) / "examples" / "cppcc-2017";
  const Draft from_json = render(example / "data.json", "cppcc-standing-committee", "json");
  expect_same_draft(from_json, render(example / "data.xlsx", "cppcc-standing-committee", "example"));

  // The same workbook as LibreOffice saves it.
  const fs::path resaved = libreoffice_resave(example / "data.xlsx", dir_ / "lo-example");
  if (resaved.empty()) GTEST_SKIP() << "LibreOffice (soffice) is not installed: the re-saved example is skipped";
  expect_same_draft(from_json, render(resaved, "cppcc-standing-committee", "example-libreoffice"));
}

TEST_F(XlsxRoundTrip, TheCommittedExampleIsWhatInitWritesFromTheJson) {
  // examples/cppcc-2017/data.xlsx was made with
  //   baogao init -t cppcc-standing-committee --from examples/cppcc-2017/data.json -o examples/cppcc-2017/data.xlsx
  // Same layout and values: the workbook reads as the JSON does.
  const fs::path example = fs::path(BAOGAO_SOURCE_DIR) / "examples" / "cppcc-2017";
  const Manifest m = load_manifest(find_template("cppcc-standing-committee"));
  const Value data = read_data_file((example / "data.json").string());
  const fs::path fresh = dir_ / "data.xlsx";
  spit(fresh, write_template_workbook(m, &data));
  const Workbook committed = read_xlsx((example / "data.xlsx").string()), made = read_xlsx(fresh.string());
  ASSERT_EQ(committed.sheets.size(), made.sheets.size());
  for (std::size_t s = 0; s < made.sheets.size(); ++s) {
    ASSERT_EQ(committed.sheets[s].cells.size(), made.sheets[s].cells.size()) << made.sheets[s].name;
    for (std::size_t c = 0; c < made.sheets[s].cells.size(); ++c)
      EXPECT_EQ(committed.sheets[s].cells[c].text, made.sheets[s].cells[c].text)
          << made.sheets[s].name << "!" << cell_ref_string(made.sheets[s].cells[c].ref())
          << ": regenerate the example (see the comment above)";
  }
}

// ------------------------------------------------------------------ what init writes

TEST_F(XlsxRoundTrip, TheBlankWorkbookHasFrozenHeadersValidationAndWidths) {
  const Manifest m = load_manifest(find_template("cppcc-standing-committee"));
  const fs::path blank = dir_ / "blank.xlsx";
  spit(blank, write_template_workbook(m));
  const Workbook w = read_xlsx(blank.string());
  ASSERT_GE(w.sheets.size(), 3u);
  EXPECT_EQ(w.sheets[0].name, "填写说明");
  EXPECT_EQ(w.sheets[1].name, "基本信息");
  EXPECT_EQ(w.sheets[1].find("A1")->text, "项目");
  EXPECT_EQ(w.sheets[1].find("A2")->text, "单位名称");
  EXPECT_NE(w.sheets[1].find("C2")->text.find("必填"), std::string::npos);
  const Sheet* sections = w.find_sheet("分项工作");
  ASSERT_NE(sections, nullptr);
  EXPECT_EQ(sections->find("A1")->text, "序号");
  EXPECT_EQ(sections->find("A2")->text, "填写说明");
  EXPECT_EQ(sections->find("B1")->text, "分项工作标题");

  const auto parts = zip_entries(blank);
  const std::string kv = parts.at("xl/worksheets/sheet2.xml"), table = parts.at("xl/worksheets/sheet4.xml");
  EXPECT_NE(kv.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
            std::string::npos);
  EXPECT_NE(table.find("<pane xSplit=\"1\" ySplit=\"2\" topLeftCell=\"B3\" activePane=\"bottomRight\" state=\"frozen\"/>"),
            std::string::npos);
  EXPECT_NE(table.find("type=\"whole\""), std::string::npos) << "integer columns are validated";
  EXPECT_NE(table.find("errorStyle=\"warning\""), std::string::npos) << "estimates such as 十多 can still be typed";
  EXPECT_NE(kv.find("type=\"date\""), std::string::npos) << "date cells are validated";
  EXPECT_NE(table.find("promptTitle=\"提案工作·立案件数\""), std::string::npos) << "each column shows its help";
  EXPECT_NE(table.find("<col min=\"1\" max=\"1\""), std::string::npos) << "column widths are set";
}

TEST_F(XlsxRoundTrip, InitWritesTheSameBytesEachTime) {
  const Manifest m = load_manifest(find_template("cppcc-standing-committee"));
  EXPECT_EQ(write_template_workbook(m), write_template_workbook(m));
}

}  // namespace
}  // namespace baogao
