#include "cli/init_command.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "drafting/error.hpp"
#include "drafting/limits.hpp"
#include "drafting/manifest.hpp"
#include "drafting/readers.hpp"
#include "exporters/output_file.hpp"
#include "exporters/xlsx/workbook_writer.hpp"

namespace baogao {

namespace fs = std::filesystem;

int run_init(const InitCommand& command) {
  std::string extension = fs::path(command.output).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension != ".xlsx")
    throw InputError("unsupported_output", Source{command.output, ""},
                     "found the extension '" + extension + "'; expected an .xlsx workbook");
  std::error_code ec;
  if (!command.force && fs::exists(command.output, ec))
    throw InputError("output_exists", Source{command.output, ""},
                     "the file exists and may hold data already; expected a new file name (or --force to replace it)");

  const Manifest manifest = load_manifest(find_template(command.template_name));
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(manifest.dir, ec)) inputs.push_back(entry.path());

  std::string bytes;
  if (command.from.empty()) {
    bytes = write_template_workbook(manifest);
  } else {
    Findings findings;
    const Value data = read_data_file(command.from, &manifest, &findings, limits_from(command.limits).read);
    for (const auto& f : findings) std::cerr << format_finding(f) << "\n";
    inputs.push_back(command.from);
    bytes = write_template_workbook(manifest, &data);
  }
  write_output_file(command.output, bytes, inputs);
  return 0;
}

}  // namespace baogao
