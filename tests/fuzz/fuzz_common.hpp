#pragma once
// Shared by the libFuzzer targets: what counts as a bug.
//
// A target may only end in one of two ways: it returns normally, or the code under test
// throws baogao::InputError (a clear error for the user). Any other exception, a crash,
// a leak (LeakSanitizer) or undefined behaviour (UBSan) is a finding.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "drafting/error.hpp"

namespace baogao::fuzz {

/// Runs f(); InputError is the expected outcome for bad input. Anything else aborts
/// with a message, so libFuzzer records the input as a crash.
template <class F>
void expect_clean(const char* what, F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    if (e.category().empty()) {
      std::fprintf(stderr, "%s: InputError without a category: %s\n", what, e.what());
      std::abort();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: unexpected exception (not an InputError): %s\n", what, e.what());
    std::abort();
  }
}

[[noreturn]] inline void fail(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::abort();
}

}  // namespace baogao::fuzz
