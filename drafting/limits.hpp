#pragma once
// Every limit of reading and drafting in one place, settable by name: the CLI's
// `--limit NAME=VALUE` (docs/limits.md has the table with defaults and errors).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "drafting/render.hpp"
#include "drafting/workbook.hpp"

namespace baogao {

struct Limits {
  ReadOptions read;          ///< input files: sizes, zip parts, sheets, rows, cells, XML and data depth
  TemplateLimits templates;  ///< template size and nesting, render depth
};

/// One settable limit: its name, what it bounds, and whether the value is a size in
/// bytes (which may end in K, M or G: KiB, MiB, GiB).
struct LimitInfo {
  std::string_view name;  ///< as typed after --limit, e.g. "cells"
  std::string_view what;  ///< one line for --help and errors
  bool bytes;
};

/// The settable limits, in the order docs/limits.md lists them.
const std::vector<LimitInfo>& limit_names();

/// Sets one limit from "NAME=VALUE" (VALUE a whole number ≥ 1; sizes may end in K, M
/// or G; depths at most 1,000, beyond which the recursive passes could run out of stack).
/// Errors: InputError "usage" naming what was found and the names expected.
void set_limit(Limits& limits, std::string_view name_equals_value);

/// Limits with each "NAME=VALUE" of `settings` applied in order (the CLI's repeated --limit).
Limits limits_from(const std::vector<std::string>& settings);

/// The current value of a limit by name (for tests and messages); throws "usage" for an unknown name.
std::uint64_t limit_value(const Limits& limits, std::string_view name);

}  // namespace baogao
