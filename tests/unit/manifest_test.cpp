// Manifest: manifest.yaml → Manifest; template roots and lookup.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "drafting/error.hpp"
#include "drafting/manifest.hpp"
#include "tests/unit/input_error_of.hpp"

namespace baogao {
namespace {

namespace fs = std::filesystem;

class ManifestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("baogao-manifest-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ::unsetenv("BAOGAO_TEMPLATES");
    set_default_template_root({});
  }
  void TearDown() override {
    fs::remove_all(dir_);
    ::unsetenv("BAOGAO_TEMPLATES");
    set_default_template_root({});
  }
  /// A template folder `name` under `root` holding manifest.yaml and report.mustache.
  fs::path make_template(const fs::path& root, const std::string& name, const std::string& manifest) {
    const fs::path folder = dir_ / root / name;
    fs::create_directories(folder);
    std::ofstream(folder / "manifest.yaml", std::ios::binary) << manifest;
    std::ofstream(folder / "report.mustache", std::ios::binary) << "::title {{title}}\n";
    return folder;
  }
  fs::path make_template(const std::string& manifest) { return make_template("t", "report", manifest); }

  fs::path dir_;
};

const char* kFullManifest = R"(title: 政协常委会工作报告
description: 常委会向全体会议报告工作
fields:
  - key: organization
    label: 单位名称
    required: true
    hint: 填写全称
  - key: proposals
    label: 提案
    type: group
    fields:
      - key: filed
        label: 立案件数
        type: integer
        unit: 件
        required: true
      - key: rate
        label: 办复率
        type: percent
  - key: sections
    label: 工作回顾
    type: list
    fields:
      - {key: heading, label: 标题, required: true}
      - {key: investment, label: 项目投资, type: amount}
  - key: highlights
    label: 亮点
    type: list
)";

TEST_F(ManifestTest, LoadsFieldsWithDefaults) {
  const fs::path folder = make_template(kFullManifest);
  const Manifest m = load_manifest(folder);
  EXPECT_EQ(m.name, "report");  // the folder's name
  EXPECT_EQ(m.title, "政协常委会工作报告");
  EXPECT_EQ(m.description, "常委会向全体会议报告工作");
  EXPECT_EQ(m.entry, "report.mustache");
  EXPECT_EQ(m.dir, folder);
  ASSERT_EQ(m.fields.size(), 4u);

  const Field& org = m.fields[0];
  EXPECT_EQ(org.key, "organization");
  EXPECT_EQ(org.label, "单位名称");
  EXPECT_EQ(org.type, FieldType::text);
  EXPECT_TRUE(org.required);
  EXPECT_EQ(org.hint, "填写全称");

  const Field& proposals = m.fields[1];
  EXPECT_EQ(proposals.type, FieldType::group);
  EXPECT_FALSE(proposals.required);
  ASSERT_EQ(proposals.fields.size(), 2u);
  EXPECT_EQ(proposals.fields[0].type, FieldType::integer);
  EXPECT_EQ(proposals.fields[0].unit, "件");
  EXPECT_TRUE(proposals.fields[0].required);
  EXPECT_EQ(proposals.fields[1].type, FieldType::percent);

  EXPECT_EQ(m.fields[2].type, FieldType::list);
  EXPECT_EQ(m.fields[2].fields[1].type, FieldType::amount);
  EXPECT_TRUE(m.fields[3].fields.empty());  // a list of text items
}

TEST_F(ManifestTest, NameAndEntryCanBeGiven) {
  const fs::path folder = make_template("name: cppcc\ntitle: 报告\nentry: main.mustache\n");
  std::ofstream(folder / "main.mustache") << "x";
  const Manifest m = load_manifest(folder);
  EXPECT_EQ(m.name, "cppcc");
  EXPECT_EQ(m.entry, "main.mustache");
}

struct BadCase {
  const char* what;
  const char* manifest;
  const char* place;     // line:column in manifest.yaml
  const char* mentions;  // a word the message must hold
};

TEST_F(ManifestTest, ErrorsNameThePlaceAndWhatWasExpected) {
  const BadCase cases[] = {
      {"unknown type", "title: t\nfields:\n  - key: a\n    label: 甲\n    type: money\n", "5:11", "money"},
      {"missing key", "title: t\nfields:\n  - label: 甲\n", "3:5", "key"},
      {"missing label", "title: t\nfields:\n  - key: a\n", "3:5", "label"},
      {"duplicate field key", "title: t\nfields:\n  - {key: a, label: 甲}\n  - {key: a, label: 乙}\n", "4:5", "3:5"},
      {"duplicate yaml key", "title: t\ntitle: u\n", "2:1", "1:1"},
      {"unknown member", "title: t\nfields:\n  - {key: a, label: 甲, requird: true}\n", "3:33", "requird"},
      {"unknown top key", "title: t\nfeilds: []\n", "2:9", "feilds"},
      {"fields on a scalar", "title: t\nfields:\n  - key: a\n    label: 甲\n    fields: []\n", "5:13", "group"},
      {"group without fields", "title: t\nfields:\n  - {key: a, label: 甲, type: group}\n", "3:5", "fields"},
      {"required not a boolean", "title: t\nfields:\n  - {key: a, label: 甲, required: yes}\n", "3:34", "true or false"},
      {"dotted key", "title: t\nfields:\n  - {key: a.b, label: 甲}\n", "3:11", "dots"},
      {"missing title", "fields: []\n", "1:1", "title"},
      {"not a mapping", "- a\n", "1:1", "mapping"},
      {"bad yaml", "title: t\n  x: 1\n", "2:4", "YAML"},
      {"missing entry", "title: t\nentry: nope.mustache\n", "2:8", "nope.mustache"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const fs::path folder = make_template(c.manifest);
    const auto e = error_of([&] { load_manifest(folder); });
    EXPECT_EQ(e.category(), "bad_manifest");
    EXPECT_EQ(e.where().file, (folder / "manifest.yaml").string());
    EXPECT_EQ(e.where().place, c.place) << e.what();
    const std::string what = e.what();
    EXPECT_NE(what.find(c.mentions), std::string::npos) << what;
    EXPECT_NE(what.find("expected"), std::string::npos) << what;
  }
}

TEST_F(ManifestTest, NoManifestFile) {
  fs::create_directories(dir_ / "empty");
  const auto e = error_of([&] { load_manifest(dir_ / "empty"); });
  EXPECT_EQ(e.category(), "bad_manifest");
  EXPECT_NE(std::string(e.what()).find("manifest.yaml"), std::string::npos);
}

TEST(FieldTypes, RoundTripAndFigures) {
  for (auto t : {FieldType::text, FieldType::integer, FieldType::decimal, FieldType::amount, FieldType::percent,
                 FieldType::date, FieldType::group, FieldType::list, FieldType::table})
    EXPECT_EQ(field_type_from_string(to_string(t)), t);
  EXPECT_THROW(field_type_from_string("money"), std::invalid_argument);
  EXPECT_TRUE(is_figure(FieldType::integer));
  EXPECT_TRUE(is_figure(FieldType::decimal));
  EXPECT_TRUE(is_figure(FieldType::amount));
  EXPECT_TRUE(is_figure(FieldType::percent));
  EXPECT_FALSE(is_figure(FieldType::date));
  EXPECT_FALSE(is_figure(FieldType::text));
  EXPECT_FALSE(is_figure(FieldType::list));
}

TEST_F(ManifestTest, RootsComeFromTheEnvironmentThenTheDefault) {
  fs::create_directories(dir_ / "env1");
  fs::create_directories(dir_ / "env2");
  fs::create_directories(dir_ / "builtin");
  EXPECT_TRUE(template_roots().empty());
  set_default_template_root(dir_ / "builtin");
  ::setenv("BAOGAO_TEMPLATES", ((dir_ / "env1").string() + ":" + (dir_ / "missing").string() + ":" +
                                (dir_ / "env2").string()).c_str(), 1);
  EXPECT_EQ(template_roots(), (std::vector<fs::path>{dir_ / "env1", dir_ / "env2", dir_ / "builtin"}));
}

TEST_F(ManifestTest, FindsTemplatesByNameOrPath) {
  make_template("builtin", "cppcc", "title: 政协\n");
  make_template("builtin", "npc", "title: 人大\n");
  make_template("env", "cppcc", "title: 政协（本地）\n");
  set_default_template_root(dir_ / "builtin");
  ::setenv("BAOGAO_TEMPLATES", (dir_ / "env").string().c_str(), 1);

  EXPECT_EQ(find_template("cppcc"), dir_ / "env" / "cppcc");  // the first root wins
  EXPECT_EQ(find_template("npc"), dir_ / "builtin" / "npc");
  EXPECT_EQ(find_template((dir_ / "builtin" / "cppcc").string()), dir_ / "builtin" / "cppcc");

  const auto e = error_of([] { find_template("nope"); });
  EXPECT_EQ(e.category(), "unknown_template");
  const std::string what = e.what();
  EXPECT_NE(what.find("cppcc"), std::string::npos) << what;
  EXPECT_NE(what.find("npc"), std::string::npos) << what;
  EXPECT_EQ(error_of([&] { find_template((dir_ / "nowhere").string()); }).category(), "unknown_template");
}

TEST_F(ManifestTest, ListsTemplatesSortedByName) {
  make_template("builtin", "npc", "title: 人大\n");
  make_template("builtin", "cppcc", "title: 政协\n");
  make_template("env", "cppcc", "title: 政协（本地）\n");
  fs::create_directories(dir_ / "builtin" / "not-a-template");
  set_default_template_root(dir_ / "builtin");
  ::setenv("BAOGAO_TEMPLATES", (dir_ / "env").string().c_str(), 1);

  const auto list = list_templates();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "cppcc");
  EXPECT_EQ(list[0].title, "政协（本地）");
  EXPECT_EQ(list[1].name, "npc");
}

}  // namespace
}  // namespace baogao
