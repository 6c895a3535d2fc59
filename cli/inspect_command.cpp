#include "cli/inspect_command.hpp"

#include <iostream>

#include "cli/error_text.hpp"
#include "drafting/error.hpp"
#include "drafting/inspect.hpp"
#include "drafting/limits.hpp"

namespace baogao {

int run_inspect(const InspectCommand& command) {
  const bool json = command.format == "json";
  if (!json && command.format != "table") {
    std::cerr << "baogao: error: unknown --format '" << command.format << "'; expected table or json\n";
    return 2;
  }
  try {
    ReadOptions options = limits_from(command.limits).read;
    options.encoding = command.encoding;
    const Workbook workbook = read_workbook(command.path, options);
    std::cout << (json ? inspect_json(workbook) : inspect_table(workbook));
    std::cout.flush();
    return 0;
  } catch (const InputError& e) {
    if (json) std::cout << inspect_error_json(e);
    else std::cerr << error_line(e) << "\n";
    return 2;
  }
}

}  // namespace baogao
