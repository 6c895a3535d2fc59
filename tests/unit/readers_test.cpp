// Readers: JSON and YAML text → data tree, and read_data_file.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "drafting/error.hpp"
#include "drafting/readers.hpp"
#include "tests/unit/input_error_of.hpp"

namespace baogao {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> keys(const Value& object) {
  std::vector<std::string> out;
  for (const auto& [k, v] : object.members) out.push_back(k);
  return out;
}

// --- JSON -------------------------------------------------------------------

TEST(JsonReader, SourcesAreJsonPointers) {
  const Value v = parse_json(R"({"review": {"sections": [{"heading": "协商"}, {"heading": "监督"}]}})", "d.json");
  const Value& heading = v.find("review")->find("sections")->items[1].members[0].second;
  EXPECT_EQ(heading.text, "监督");
  EXPECT_EQ(heading.source.file, "d.json");
  EXPECT_EQ(heading.source.place, "/review/sections/1/heading");
  EXPECT_EQ(v.find("review")->source.place, "/review");
  EXPECT_EQ(v.source.place, "");  // the root
}

TEST(JsonReader, PointerTokensAreEscaped) {
  const Value v = parse_json(R"({"a/b": {"c~d": 1}})", "d.json");
  EXPECT_EQ(v.members[0].second.members[0].second.source.place, "/a~1b/c~0d");
}

TEST(JsonReader, NumbersKeepTheirTextAsWritten) {
  const Value v = parse_json(R"({"a": 2.50, "b": 100, "c": 1e8, "d": -3, "e": 246000000, "f": 0.125})", "d.json");
  const char* expected[][2] = {{"a", "2.50"}, {"b", "100"}, {"c", "1e8"}, {"d", "-3"}, {"e", "246000000"}, {"f", "0.125"}};
  for (const auto& [key, text] : expected) {
    SCOPED_TRACE(key);
    ASSERT_EQ(v.find(key)->kind, Value::Kind::number);
    EXPECT_EQ(v.find(key)->text, text);
  }
  EXPECT_DOUBLE_EQ(v.find("a")->number, 2.5);
  EXPECT_DOUBLE_EQ(v.find("c")->number, 1e8);
}

TEST(JsonReader, ObjectsKeepInputOrder) {
  const Value v = parse_json(R"({"zeta": 1, "alpha": 2, "mu": {"y": 1, "b": 2}})", "d.json");
  EXPECT_EQ(keys(v), (std::vector<std::string>{"zeta", "alpha", "mu"}));
  EXPECT_EQ(keys(*v.find("mu")), (std::vector<std::string>{"y", "b"}));
}

TEST(JsonReader, ScalarKinds) {
  const Value v = parse_json(R"([null, true, false, "文字", [], {}])", "d.json");
  ASSERT_EQ(v.items.size(), 6u);
  EXPECT_TRUE(v.items[0].is_null());
  EXPECT_TRUE(v.items[1].boolean);
  EXPECT_EQ(v.items[2].kind, Value::Kind::boolean);
  EXPECT_FALSE(v.items[2].boolean);
  EXPECT_EQ(v.items[3].text, "文字");
  EXPECT_TRUE(v.items[4].is_array());
  EXPECT_TRUE(v.items[5].is_object());
  EXPECT_EQ(v.items[5].source.place, "/5");
}

TEST(JsonReader, MalformedJsonGivesLineColumnAndExpectation) {
  const auto e = error_of([] { parse_json("{\n  \"a\": 1,\n  }\n", "d.json"); });
  EXPECT_EQ(e.category(), "malformed_json");
  EXPECT_EQ(e.where().file, "d.json");
  EXPECT_EQ(e.where().place, "3:3");  // the '}' where a key was expected
  EXPECT_NE(std::string(e.what()).find("unexpected '}'"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("expected"), std::string::npos) << e.what();
}

TEST(JsonReader, ColumnsCountCharactersNotBytes) {
  const auto e = error_of([] { parse_json("{\"标题\": 工作}", "d.json"); });
  EXPECT_EQ(e.category(), "malformed_json");
  EXPECT_EQ(e.where().place, "1:8");  // 工 is the 8th character
  const auto bom = error_of([] { parse_json("\xEF\xBB\xBF{\"标题\": 工作}", "d.json"); });
  EXPECT_EQ(bom.where().place, "1:8");
}

TEST(JsonReader, EmptyAndTruncatedInput) {
  EXPECT_EQ(error_of([] { parse_json("", "d.json"); }).category(), "malformed_json");
  const auto e = error_of([] { parse_json("{\"a\": [1, 2", "d.json"); });
  EXPECT_EQ(e.category(), "malformed_json");
  EXPECT_EQ(e.where().place, "1:12");  // end of input
}

TEST(JsonReader, DuplicateKeyNamesBothPlaces) {
  const auto e = error_of([] { parse_json("{\n  \"a\": 1,\n  \"b\": {\"x\": 1,\n        \"x\": 2}\n}", "d.json"); });
  EXPECT_EQ(e.category(), "duplicate_key");
  EXPECT_EQ(e.where().place, "4:9");
  const std::string what = e.what();
  EXPECT_NE(what.find("\"x\""), std::string::npos) << what;
  EXPECT_NE(what.find("3:9"), std::string::npos) << what;
  EXPECT_NE(what.find("4:9"), std::string::npos) << what;
  EXPECT_NE(what.find("/b"), std::string::npos) << what;
}

// --- YAML -------------------------------------------------------------------

// Found by a new-user trial: an alias that refers to itself crashed the reader
// (unbounded recursion), and nested aliases expanded without limit.
TEST(YamlReader, SelfReferencingAliasIsAnError) {
  for (const char* text : {"a: &x [*x]\n", "a: &x {k: *x}\n"}) {
    SCOPED_TRACE(text);
    try {
      parse_yaml(text, "r.yaml");
      FAIL() << "expected too_large";
    } catch (const InputError& e) {
      EXPECT_EQ(e.category(), "too_large");
      EXPECT_EQ(e.where().file, "r.yaml");
    }
  }
}

TEST(YamlReader, BillionLaughsIsRefused) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 7; ++level) {
    std::string prev = "*a" + std::to_string(level - 1);
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + prev;
    text += "]\n";
  }
  try {
    parse_yaml(text, "laughs.yaml");
    FAIL() << "expected too_large";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "too_large");
  }
}

// A GBK file must not turn into garbled text: it is refused, naming the place.
TEST(YamlReader, NonUtf8IsABadEncodingError) {
  const std::string gbk = "title: \xD5\xFE\xD0\xAD\n";  // 政协 in GBK
  try {
    parse_yaml(gbk, "g.yaml");
    FAIL() << "expected bad_encoding";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "bad_encoding");
    EXPECT_EQ(e.where().place, "1:8");
    EXPECT_NE(std::string(e.what()).find("UTF-8"), std::string::npos);
  }
}

TEST(JsonReader, NonUtf8IsABadEncodingError) {
  try {
    parse_json("{\n \"t\": \"\xD5\xFE\"}", "g.json");
    FAIL() << "expected bad_encoding";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "bad_encoding");
    EXPECT_EQ(e.where().place, "2:8");
  }
}

TEST(YamlReader, ManyNodesKeepExactPlaces) {
  std::string text = "items:\n";
  for (int i = 0; i < 20000; ++i) text += "  - 第" + std::to_string(i) + "项\n";
  const Value v = parse_yaml(text, "m.yaml");
  ASSERT_EQ(v.find("items")->items.size(), 20000u);
  EXPECT_EQ(v.find("items")->items[19999].source.place, "20001:5");
}

TEST(YamlReader, SourcesAreLineColumn) {
  const Value v = parse_yaml("title: 工作报告\nreview:\n  sections:\n    - heading: 协商\n    - heading: 监督\n", "d.yaml");
  EXPECT_EQ(v.find("title")->source.place, "1:8");
  EXPECT_EQ(v.find("title")->source.file, "d.yaml");
  const Value& second = v.find("review")->find("sections")->items[1];
  EXPECT_EQ(second.find("heading")->text, "监督");
  EXPECT_EQ(second.find("heading")->source.place, "5:16");
}

TEST(YamlReader, ColumnsCountCharactersNotBytes) {
  const Value v = parse_yaml("标题: 报告\n", "d.yaml");
  EXPECT_EQ(v.find("标题")->source.place, "1:5");
  const Value with_bom = parse_yaml("\xEF\xBB\xBF标题: 报告\n", "d.yaml");
  EXPECT_EQ(with_bom.find("标题")->source.place, "1:5");
}

TEST(YamlReader, PlainNumbersAreNumbersQuotedStayStrings) {
  const Value v = parse_yaml(
      "a: 42\nb: 2.50\nc: '42'\nd: \"2.46\"\ne: 1e8\nf: 30余\ng: 007\nh: -3\ni: 2017-12-13\n", "d.yaml");
  const struct {
    const char* key;
    Value::Kind kind;
    const char* text;
  } expected[] = {
      {"a", Value::Kind::number, "42"},       {"b", Value::Kind::number, "2.50"},
      {"c", Value::Kind::string, "42"},       {"d", Value::Kind::string, "2.46"},
      {"e", Value::Kind::number, "1e8"},      {"f", Value::Kind::string, "30余"},
      {"g", Value::Kind::string, "007"},      {"h", Value::Kind::number, "-3"},
      {"i", Value::Kind::string, "2017-12-13"},
  };
  for (const auto& x : expected) {
    SCOPED_TRACE(x.key);
    EXPECT_EQ(v.find(x.key)->kind, x.kind);
    EXPECT_EQ(v.find(x.key)->text, x.text);
  }
  EXPECT_DOUBLE_EQ(v.find("b")->number, 2.5);
}

TEST(YamlReader, NullsBooleansAndBlockScalars) {
  const Value v = parse_yaml("a:\nb: ~\nc: true\nd: False\ne: 'true'\nf: |\n  第一行\n  第二行\n", "d.yaml");
  EXPECT_TRUE(v.find("a")->is_null());
  EXPECT_TRUE(v.find("b")->is_null());
  EXPECT_EQ(v.find("c")->kind, Value::Kind::boolean);
  EXPECT_TRUE(v.find("c")->boolean);
  EXPECT_FALSE(v.find("d")->boolean);
  EXPECT_EQ(v.find("e")->kind, Value::Kind::string);
  EXPECT_EQ(v.find("f")->text, "第一行\n第二行\n");
}

TEST(YamlReader, MappingsKeepInputOrder) {
  const Value v = parse_yaml("zeta: 1\nalpha: 2\nmu:\n  y: 1\n  b: 2\n", "d.yaml");
  EXPECT_EQ(keys(v), (std::vector<std::string>{"zeta", "alpha", "mu"}));
  EXPECT_EQ(keys(*v.find("mu")), (std::vector<std::string>{"y", "b"}));
}

TEST(YamlReader, MalformedYamlGivesLineColumn) {
  const auto e = error_of([] { parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "d.yaml"); });
  EXPECT_EQ(e.category(), "malformed_yaml");
  EXPECT_EQ(e.where().file, "d.yaml");
  EXPECT_FALSE(e.where().place.empty());
  EXPECT_NE(std::string(e.what()).find("expected"), std::string::npos) << e.what();

  const auto indent = error_of([] { parse_yaml("a: 1\n  b: 2\n", "d.yaml"); });
  EXPECT_EQ(indent.category(), "malformed_yaml");
  EXPECT_EQ(indent.where().place, "2:4");
}

TEST(YamlReader, DuplicateKeyNamesBothPlaces) {
  const auto e = error_of([] { parse_yaml("a: 1\nb: 2\na: 3\n", "d.yaml"); });
  EXPECT_EQ(e.category(), "duplicate_key");
  EXPECT_EQ(e.where().place, "3:1");
  const std::string what = e.what();
  EXPECT_NE(what.find("1:1"), std::string::npos) << what;
  EXPECT_NE(what.find("3:1"), std::string::npos) << what;
}

TEST(YamlReader, EmptyDocumentIsNull) { EXPECT_TRUE(parse_yaml("", "d.yaml").is_null()); }

// --- read_data_file -----------------------------------------------------------

class DataFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("baogao-readers-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(DataFile, PicksTheReaderByExtension) {
  const std::string json = write("data.json", R"({"n": 42})");
  const std::string yaml = write("data.YML", "n: 42\n");
  EXPECT_EQ(read_data_file(json).find("n")->source.to_string(), json + ":/n");
  EXPECT_EQ(read_data_file(yaml).find("n")->source.to_string(), yaml + ":1:4");
}

TEST_F(DataFile, MissingFile) {
  const std::string path = (dir_ / "nope.json").string();
  const auto e = error_of([&] { read_data_file(path); });
  EXPECT_EQ(e.category(), "file_not_found");
  EXPECT_EQ(e.where().file, path);
  EXPECT_EQ(error_of([&] { read_data_file(dir_.string()); }).category(), "file_not_found");
}

TEST_F(DataFile, UnsupportedFormatNamesTheExtensionsExpected) {
  const std::string path = write("data.txt", "n: 1");
  const auto e = error_of([&] { read_data_file(path); });
  EXPECT_EQ(e.category(), "unsupported_format");
  const std::string what = e.what();
  EXPECT_NE(what.find(path), std::string::npos);
  EXPECT_NE(what.find(".txt"), std::string::npos);
  EXPECT_NE(what.find(".json"), std::string::npos);
  EXPECT_NE(what.find(".yaml"), std::string::npos);
}

TEST_F(DataFile, ReaderErrorsNameTheFile) {
  const std::string path = write("bad.json", "{\"a\": }");
  const auto e = error_of([&] { read_data_file(path); });
  EXPECT_EQ(e.category(), "malformed_json");
  EXPECT_EQ(e.where().to_string(), path + ":1:7");
}

}  // namespace
TEST(ParseYaml, AVeryLongNumberIsReadWithoutRecursion) {  // found by fuzzing (see IsDecimalNumber)
  const Value v = parse_yaml("n: " + std::string(200'000, '7') + "\nz: 007\n", "d.yaml");
  EXPECT_EQ(v.find("n")->kind, Value::Kind::string);  // beyond a double: kept as text, no crash
  EXPECT_EQ(v.find("z")->kind, Value::Kind::string);  // a leading zero keeps YAML text
}

}  // namespace baogao
