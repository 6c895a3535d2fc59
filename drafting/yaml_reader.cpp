// YAML text → data tree, with yaml-cpp.
//
// Scalars are typed by the YAML 1.2 core schema, narrowed for report data:
//   - plain null (empty, ~, null, Null, NULL) → null;
//   - plain true/True/TRUE/false/False/FALSE → boolean;
//   - plain decimal numbers (42, -3, 2.46, 1e8) → number, keeping the text as
//     written; a leading zero ("007") keeps a string, as do hex, octal, .inf, .nan;
//   - everything else, and every quoted or block scalar ("42", '42', |) → string.
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "drafting/error.hpp"
#include "drafting/line_column.hpp"
#include "drafting/number_forms.hpp"
#include "drafting/readers.hpp"
#include "drafting/utf8_check.hpp"

namespace baogao {
namespace {

// Aliases make a YAML tree a graph: `a: &x [*x]` refers to itself and nested aliases
// ("billion laughs") expand exponentially. Both limits (nesting of lists and mappings;
// values after alias expansion) turn that into an error.

class YamlConverter {
 public:
  // yaml-cpp's Mark::pos does not count a byte order mark: neither do we.
  YamlConverter(std::string_view text, std::string file, std::size_t max_depth, std::uint64_t max_values)
      : text_(text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text),
        lines_(text_),
        file_(std::move(file)),
        max_depth_(max_depth),
        max_values_(max_values) {}

  Value convert(const YAML::Node& node, std::size_t depth = 0) {
    if (depth > max_depth_)
      throw InputError("too_large", source(node.Mark()),
                       "found lists or mappings nested deeper than " + std::to_string(max_depth_) +
                           " levels (or an alias that refers to itself); expected a shallower structure "
                           "(--limit data-depth)");
    if (++nodes_ > max_values_)
      throw InputError("too_large", source(node.Mark()),
                       "found more than " + std::to_string(max_values_) +
                           " values once aliases (*name) are expanded; expected fewer values or fewer nested aliases "
                           "(--limit yaml-values)");
    Value v;
    v.source = source(node.Mark());
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        break;
      case YAML::NodeType::Scalar:
        scalar(node, v);
        break;
      case YAML::NodeType::Sequence:
        v.kind = Value::Kind::array;
        for (const auto& item : node) v.items.push_back(convert(item, depth + 1));
        break;
      case YAML::NodeType::Map: {
        v.kind = Value::Kind::object;
        std::vector<std::string> key_places;  // parallel to v.members
        for (const auto& member : node) add_member(v, key_places, member.first, member.second, depth + 1);
        break;
      }
    }
    return v;
  }

  Source source(const YAML::Mark& mark) const {
    if (mark.is_null()) return Source{file_, ""};
    return Source{file_, lines_.place(static_cast<std::size_t>(mark.pos))};
  }

 private:
  void add_member(Value& object, std::vector<std::string>& key_places, const YAML::Node& key,
                  const YAML::Node& value, int depth) {
    const Source key_source = source(key.Mark());
    if (!key.IsScalar())
      throw InputError("malformed_yaml", key_source,
                       "found a mapping key that is a list or a mapping; expected a plain key such as `title:`");
    const std::string name = key.Scalar();
    for (std::size_t i = 0; i < object.members.size(); ++i) {
      if (object.members[i].first != name) continue;
      throw InputError("duplicate_key", key_source,
                       "key \"" + name + "\" appears twice in one mapping (at " + key_places[i] + " and " +
                           key_source.place + "); expected each key once");
    }
    key_places.push_back(key_source.place);
    object.members.emplace_back(name, convert(value, depth));
  }

  static void scalar(const YAML::Node& node, Value& v) {
    const std::string& text = node.Scalar();
    if (node.Tag() != "?") {  // quoted, block or explicitly tagged: a string
      v.kind = Value::Kind::string;
      v.text = text;
      return;
    }
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return;
    if (text == "true" || text == "True" || text == "TRUE" || text == "false" || text == "False" ||
        text == "FALSE") {
      v.kind = Value::Kind::boolean;
      v.boolean = text[0] == 't' || text[0] == 'T';
      return;
    }
    double n = 0;
    if (is_decimal_number(text, /*no_leading_zeros=*/true)) {
      const char* first = text.data() + (text[0] == '+' ? 1 : 0);
      auto [end, ec] = std::from_chars(first, text.data() + text.size(), n);
      if (ec == std::errc{} && end == text.data() + text.size()) {
        v.kind = Value::Kind::number;
        v.number = n;
        v.text = text;
        return;
      }
    }
    v.kind = Value::Kind::string;
    v.text = text;
  }

  std::string_view text_;
  LineIndex lines_;
  std::string file_;
  std::size_t max_depth_;
  std::uint64_t max_values_;
  std::uint64_t nodes_ = 0;
};

}  // namespace

Value parse_yaml(std::string_view text, const std::string& file, std::size_t max_depth, std::uint64_t max_values) {
  // yaml-cpp reads UTF-16 with a byte order mark itself; anything else must be UTF-8.
  if (!text.starts_with("\xFF\xFE") && !text.starts_with("\xFE\xFF")) require_utf8(text, file, "YAML");
  YamlConverter converter(text, file, max_depth, max_values);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw InputError("malformed_yaml", converter.source(e.mark),
                     "malformed YAML: " + e.msg + "; expected consistent indentation, `key: value` pairs and closed quotes");
  }
  Value v = converter.convert(root);
  if (root.IsNull() || !root.IsDefined()) v.source = Source{file, ""};
  return v;
}

}  // namespace baogao
