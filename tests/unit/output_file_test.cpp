// write_output_file: atomic replace, never onto an input, clear errors.
#include "exporters/output_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "drafting/error.hpp"

namespace fs = std::filesystem;
using baogao::InputError;
using baogao::write_output_file;

namespace {

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("baogao-output-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  size_t entries() const { return static_cast<size_t>(std::distance(fs::directory_iterator(dir_), {})); }

  fs::path dir_;
};

TEST_F(OutputFileTest, WritesAndReplacesWholeFile) {
  write_output_file(dir_ / "a.txt", "first version, longer");
  write_output_file(dir_ / "a.txt", "second");
  EXPECT_EQ(slurp(dir_ / "a.txt"), "second");
  EXPECT_EQ(entries(), 1u) << "no temporary file may be left behind";
}

TEST_F(OutputFileTest, RefusesToOverwriteAnInput) {
  fs::path input = dir_ / "data.json";
  std::ofstream(input) << "{}";
  try {
    write_output_file(dir_ / "." / "data.json", "x", {input});
    FAIL() << "expected output_is_input";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "output_is_input");
    EXPECT_NE(std::string(e.what()).find("data.json"), std::string::npos);
  }
  EXPECT_EQ(slurp(input), "{}");
}

TEST_F(OutputFileTest, RefusesAnInputReachedThroughASymlink) {
  fs::path input = dir_ / "data.json";
  std::ofstream(input) << "{}";
  fs::create_symlink(input, dir_ / "link.json");
  EXPECT_THROW(write_output_file(dir_ / "link.json", "x", {input}), InputError);
  EXPECT_EQ(slurp(input), "{}");
}

TEST_F(OutputFileTest, MissingFolderIsAClearError) {
  try {
    write_output_file(dir_ / "no" / "such" / "x.docx", "x");
    FAIL() << "expected output_error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "output_error");
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos);
  }
}

TEST_F(OutputFileTest, ReadOnlyFolderIsAClearErrorAndLeavesNothing) {
  // Mode bits decide (even for root, whom the kernel would let write).
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  try {
    write_output_file(dir_ / "x.docx", "x");
    ADD_FAILURE() << "expected output_error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "output_error");
    EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
  }
  fs::permissions(dir_, fs::perms::owner_all);
  EXPECT_EQ(entries(), 0u);
}

TEST_F(OutputFileTest, ReadOnlyTargetIsAClearErrorAndStaysAsItWas) {
  const fs::path target = dir_ / "draft.docx";
  std::ofstream(target) << "old";
  fs::permissions(target, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  try {
    write_output_file(target, "new");
    ADD_FAILURE() << "expected output_error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "output_error");
    EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("draft.docx"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(target), "old");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFileTest, FolderAsTargetIsAClearError) {
  fs::create_directory(dir_ / "out.docx");
  try {
    write_output_file(dir_ / "out.docx", "x");
    ADD_FAILURE() << "expected output_error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.category(), "output_error");
  }
  EXPECT_EQ(entries(), 1u) << "no temporary file may be left behind";
}

TEST_F(OutputFileTest, LargeWriteIsWholeAndLeavesOneFile) {
  const std::string big(8u << 20, 'x');
  write_output_file(dir_ / "big.docx", big);
  EXPECT_EQ(fs::file_size(dir_ / "big.docx"), big.size());
  EXPECT_EQ(entries(), 1u);
}

}  // namespace
