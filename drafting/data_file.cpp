// read_data_file: picks the reader by the file's extension.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "drafting/error.hpp"
#include "drafting/readers.hpp"

namespace baogao {

Value read_data_file(const std::string& path) {
  namespace fs = std::filesystem;
  const std::string expected = "expected a .json, .yaml or .yml data file";

  std::string extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool json = extension == ".json";
  const bool yaml = extension == ".yaml" || extension == ".yml";

  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw InputError("file_not_found", Source{path, ""},
                     (fs::exists(path, ec) ? "found a folder, not a file; " : "no such file; ") + expected);
  if (!json && !yaml)
    throw InputError("unsupported_format", Source{path, ""},
                     "found " + (extension.empty() ? std::string("no extension") : "the extension " + extension) +
                         "; " + expected);

  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw InputError("file_not_found", Source{path, ""}, "the file cannot be read; " + expected);
  return json ? parse_json(text.str(), path) : parse_yaml(text.str(), path);
}

}  // namespace baogao
