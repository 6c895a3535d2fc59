#include "cli/stats_command.hpp"

#include <iostream>
#include <stdexcept>

#include "exporters/stats.hpp"

namespace baogao {

int run_stats(const StatsCommand& command) {
  try {
    const FileStats stats = file_stats(command.path, command.rate, !command.no_render);
    std::cout << (command.format == "json" ? stats_json(stats) : format_stats(stats));
    return 0;
  } catch (const std::exception& e) {  // std::invalid_argument, std::runtime_error: the user's file
    std::cerr << "baogao: error: " << e.what() << " — 无法统计这个文件：请选择 baogao 写出的 .docx 或 .txt\n";
    return 2;
  }
}

}  // namespace baogao
