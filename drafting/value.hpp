#pragma once
// The data tree: what every reader (JSON, YAML, later .xlsx/.csv) produces and
// the render consumes. Each node remembers its Source.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "drafting/source.hpp"

namespace baogao {

/// A node of the data tree. Objects keep their members in input order.
/// Numbers keep both the parsed double and the text as written ("2.46", "100"),
/// so a figure is shown exactly as the staff typed it.
struct Value {
  enum class Kind { null, boolean, number, string, array, object };

  Kind kind = Kind::null;
  bool boolean = false;
  double number = 0;
  std::string text;  ///< string: the UTF-8 text; number: the number as written
  std::vector<Value> items;                            ///< array elements
  std::vector<std::pair<std::string, Value>> members;  ///< object members, in order
  Source source;

  bool is_null() const { return kind == Kind::null; }
  bool is_object() const { return kind == Kind::object; }
  bool is_array() const { return kind == Kind::array; }
  bool is_scalar() const { return kind == Kind::boolean || kind == Kind::number || kind == Kind::string; }

  /// Member by key, or nullptr (also for non-objects).
  const Value* find(std::string_view key) const {
    for (const auto& [k, v] : members)
      if (k == key) return &v;
    return nullptr;
  }
  Value* find(std::string_view key) {
    for (auto& [k, v] : members)
      if (k == key) return &v;
    return nullptr;
  }

  static Value make_string(std::string s, Source src = {}) {
    Value v;
    v.kind = Kind::string;
    v.text = std::move(s);
    v.source = std::move(src);
    return v;
  }

  /// A null at `src`: stands for a value that is missing there.
  static Value make_null(Source src) {
    Value v;
    v.source = std::move(src);
    return v;
  }

  // Declared here, defaulted after the class: clang (14) with libstdc++'s constexpr
  // std::vector cannot instantiate ~vector<pair<string, Value>> while Value is incomplete.
  Value() = default;
  Value(const Value&);
  Value(Value&&) noexcept;
  Value& operator=(const Value&);
  Value& operator=(Value&&) noexcept;
  ~Value();
};

inline Value::Value(const Value&) = default;
inline Value::Value(Value&&) noexcept = default;
inline Value& Value::operator=(const Value&) = default;
inline Value& Value::operator=(Value&&) noexcept = default;
inline Value::~Value() = default;

/// True for a value that states nothing: null, white space only, an empty list.
inline bool is_blank(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null: return true;
    case Value::Kind::string: return v.text.find_first_not_of(" \t\r\n") == std::string::npos;
    case Value::Kind::array: return v.items.empty();
    default: return false;
  }
}

/// What a value is, for messages: "一组字段", "列表", … (or in English with `en`).
inline const char* kind_name(const Value& v, bool en = false) {
  switch (v.kind) {
    case Value::Kind::object: return en ? "a group of fields" : "一组字段";
    case Value::Kind::array: return en ? "a list" : "列表";
    case Value::Kind::boolean: return en ? "true/false" : "真假值";
    case Value::Kind::number: return en ? "a number" : "数字";
    case Value::Kind::string: return en ? "text" : "文字";
    case Value::Kind::null: break;
  }
  return en ? "nothing" : "空值";
}

}  // namespace baogao
