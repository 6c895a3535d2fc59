#pragma once
// How `baogao` prints an input error: one line, for people and for scripts.
//   baogao: error: FILE:PLACE: what was found; expected what [category] — 中文：该怎么办
// The English part and the [category] are stable (scripts and tests match them);
// the Chinese part after "—" tells office staff, in their language, what to do.
#include <string>

#include "drafting/error.hpp"

namespace baogao {

/// The line for `error` (without the newline).
std::string error_line(const InputError& error);

/// The Chinese advice for an error category ("" for an unknown one).
std::string error_advice_zh(const std::string& category);

}  // namespace baogao
