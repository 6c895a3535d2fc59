#pragma once
// The error a user can cause: bad input, a bad template, an unwritable output.
#include <stdexcept>
#include <string>

#include "drafting/source.hpp"

namespace baogao {

/// Thrown for input the user can fix. `what()` is the full message:
/// "<file>:<place>: <what was found>; expected <what was expected>".
/// `category` is a stable machine-readable word ("malformed_json", "template_syntax", …).
/// The CLI maps it to exit code 2.
class InputError : public std::runtime_error {
 public:
  InputError(std::string category, Source where, const std::string& message)
      : std::runtime_error(where.empty() ? message : where.to_string() + ": " + message),
        category_(std::move(category)),
        where_(std::move(where)),
        message_(message) {}
  const std::string& category() const { return category_; }
  const Source& where() const { return where_; }
  /// The message without the "<file>:<place>: " prefix what() carries (for JSON, where
  /// file and place are fields of their own).
  const std::string& message() const { return message_; }

 private:
  std::string category_;
  Source where_;
  std::string message_;
};

}  // namespace baogao
