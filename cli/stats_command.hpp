#pragma once
// `baogao stats FILE`: Word's 字数统计 for a .docx or .txt draft, pages and speaking time.
#include <string>

namespace baogao {

struct StatsCommand {
  std::string path;
  int rate = 220;              ///< 字/分钟
  std::string format = "text"; ///< text or json
  bool no_render = false;      ///< skip LibreOffice, estimate pages
};

/// Prints exporters/stats.hpp format_stats (or stats_json) to stdout. Returns 0;
/// errors (unreadable file, wrong extension) are printed as "baogao: error: …" and
/// return 2.
int run_stats(const StatsCommand& command);

}  // namespace baogao
