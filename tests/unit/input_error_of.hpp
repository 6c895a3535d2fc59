#pragma once
// Test helper: the InputError a call throws.
#include <gtest/gtest.h>

#include "drafting/error.hpp"

namespace baogao {

/// The InputError `f` throws; fails the test (and returns category "none") if it throws none.
template <typename F>
InputError error_of(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError thrown";
  return InputError("none", {}, "");
}

}  // namespace baogao
