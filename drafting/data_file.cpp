// read_data_file: picks the reader by the file's extension.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "drafting/error.hpp"
#include "drafting/inspect.hpp"
#include "drafting/manifest.hpp"
#include "drafting/readers.hpp"
#include "drafting/workbook.hpp"
#include "drafting/workbook_mapping.hpp"

namespace baogao {

Value read_data_file(const std::string& path, const Manifest* manifest, Findings* findings,
                     const ReadOptions& options) {
  namespace fs = std::filesystem;
  const std::string expected = "expected a .json, .yaml, .yml, .xlsx or .csv data file";

  std::string extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool json = extension == ".json";
  const bool yaml = extension == ".yaml" || extension == ".yml";
  const bool workbook = extension == ".xlsx" || extension == ".xlsm" || extension == ".xls" ||
                        extension == ".csv" || extension == ".tsv";

  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw InputError("file_not_found", Source{path, ""},
                     (fs::exists(path, ec) ? "found a folder, not a file; " : "no such file; ") + expected);
  if (!json && !yaml && !workbook)
    throw InputError("unsupported_format", Source{path, ""},
                     "found " + (extension.empty() ? std::string("no extension") : "the extension " + extension) +
                         "; " + expected);

  if (workbook) {
    if (!manifest)
      throw InputError("unsupported_format", Source{path, ""},
                       "a workbook is read by a template's layout, and none was given; expected a template");
    Findings own;
    Value data = map_workbook(read_workbook(path, options), *manifest, findings ? *findings : own);
    return data;
  }

  // A data file is read whole: bounded by ReadOptions::max_input_bytes.
  const std::uint64_t max_bytes = options.max_input_bytes;
  if (const auto size = fs::file_size(path, ec); !ec && size > max_bytes)
    throw InputError("too_large", Source{path, ""},
                     "the file has " + std::to_string(size) + " bytes; expected at most " + std::to_string(max_bytes) +
                         " (--limit input-size)");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw InputError("file_not_found", Source{path, ""}, "the file cannot be read; " + expected);
  return json ? parse_json(text.str(), path, options.max_data_depth)
              : parse_yaml(text.str(), path, options.max_data_depth, options.max_yaml_values);
}

}  // namespace baogao
