// JSON text → data tree, with nlohmann::json's SAX interface.
//
// SAX (rather than building an nlohmann::json and converting it) keeps three
// things the DOM loses: members in input order, each number's text as written
// ("2.46" stays "2.46", "100" stays "100"), and duplicate keys (so they can be
// reported instead of silently keeping one).
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "drafting/error.hpp"
#include "drafting/line_column.hpp"
#include "drafting/utf8_check.hpp"
#include "drafting/readers.hpp"

namespace baogao {
namespace {

using json = nlohmann::json;

/// A char iterator that records how many bytes the parser has read, so the SAX
/// handler knows where in the text an event happened (nlohmann does not say).
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char* begin = nullptr;
  std::size_t* consumed = nullptr;

  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    ++at;
    *consumed = static_cast<std::size_t>(at - begin);
    return *this;
  }
  CountingIterator operator++(int) {
    auto old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& other) const { return at == other.at; }
  bool operator!=(const CountingIterator& other) const { return at != other.at; }
};

/// One JSON pointer reference token: "~" → "~0", "/" → "~1" (RFC 6901 §3).
std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

/// Builds the data tree from SAX events.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, std::string file, const std::size_t& consumed, std::size_t max_depth)
      : text_(text), file_(std::move(file)), consumed_(consumed), max_depth_(max_depth) {}

  Value take() { return std::move(root_); }

  bool null() { return add(Value{}); }
  bool boolean(bool b) {
    Value v;
    v.kind = Value::Kind::boolean;
    v.boolean = b;
    return add(std::move(v));
  }
  bool number_integer(json::number_integer_t n) { return add(number(static_cast<double>(n), std::to_string(n))); }
  bool number_unsigned(json::number_unsigned_t n) { return add(number(static_cast<double>(n), std::to_string(n))); }
  bool number_float(json::number_float_t n, const std::string& written) { return add(number(n, written)); }
  bool string(std::string& s) { return add(Value::make_string(std::move(s))); }
  bool binary(json::binary_t&) { return true; }  // not produced by the JSON parser

  bool start_object(std::size_t) {
    Value v;
    v.kind = Value::Kind::object;
    return open(std::move(v));
  }
  bool key(std::string& k) {
    Frame& frame = stack_.back();
    const std::size_t key_end = consumed_;  // just after the key's closing quote
    for (std::size_t i = 0; i < frame.node->members.size(); ++i) {
      if (frame.node->members[i].first != k) continue;
      const std::string first = line_column(text_, key_start(frame.key_ends[i]));
      const std::string second = line_column(text_, key_start(key_end));
      const std::string object = frame.node->source.place.empty() ? "the top-level object" : frame.node->source.place;
      throw InputError("duplicate_key", Source{file_, second},
                       "key \"" + k + "\" appears twice in " + object + " (at " + first + " and " + second +
                           "); expected each key once");
    }
    frame.key_ends.push_back(key_end);
    pending_key_ = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) {
    Value v;
    v.kind = Value::Kind::array;
    return open(std::move(v));
  }
  bool end_array() { return close(); }

  bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& ex) {
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 5:
    // syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal".
    // Keep what follows "column N: " and compute our own line:column (code points).
    std::string detail = ex.what();
    if (auto colon = detail.find(": "); colon != std::string::npos) detail = detail.substr(colon + 2);
    if (detail.find("expected") == std::string::npos) detail += "; expected well-formed JSON";
    const std::size_t offset = position > 0 ? position - 1 : 0;  // the character that failed
    throw InputError("malformed_json", Source{file_, line_column(text_, offset)}, "malformed JSON: " + detail);
  }

 private:
  struct Frame {
    Value* node;
    std::vector<std::size_t> key_ends;  // objects: byte offset after each member's key
  };

  static Value number(double n, std::string written) {
    Value v;
    v.kind = Value::Kind::number;
    v.number = n;
    v.text = std::move(written);
    return v;
  }

  /// Byte offset of the opening quote of the key whose closing quote ends at `key_end`.
  std::size_t key_start(std::size_t key_end) const {
    std::size_t i = key_end >= 2 ? key_end - 2 : 0;  // last byte inside the quotes
    while (i > 0) {
      if (text_[i] == '"') {
        std::size_t backslashes = 0;
        while (backslashes < i && text_[i - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 0) return i;
      }
      --i;
    }
    return i;
  }

  /// Places `v` in the tree (as the root, an array item or an object member) and
  /// returns where it now lives.
  Value* place(Value v) {
    v.source.file = file_;
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Value& parent = *stack_.back().node;
    if (parent.is_array()) {
      v.source.place = parent.source.place + "/" + std::to_string(parent.items.size());
      parent.items.push_back(std::move(v));
      return &parent.items.back();
    }
    v.source.place = parent.source.place + "/" + pointer_token(pending_key_);
    parent.members.emplace_back(std::move(pending_key_), std::move(v));
    return &parent.members.back().second;
  }

  bool add(Value v) {
    place(std::move(v));
    return true;
  }
  // A container's parent does not grow while the container is open, so the
  // pointers on the stack stay valid.
  bool open(Value v) {
    if (stack_.size() >= max_depth_)  // bounds the recursion of every later pass (render, destruction)
      throw InputError("too_large", Source{file_, line_column(text_, consumed_ > 0 ? consumed_ - 1 : 0)},
                       "found objects or arrays nested deeper than " + std::to_string(max_depth_) +
                           " levels; expected a shallower structure (--limit data-depth)");
    stack_.push_back(Frame{place(std::move(v)), {}});
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  std::string_view text_;
  std::string file_;
  const std::size_t& consumed_;
  std::size_t max_depth_;
  Value root_;
  std::vector<Frame> stack_;
  std::string pending_key_;
};

}  // namespace

Value parse_json(std::string_view text, const std::string& file, std::size_t max_depth) {
  require_utf8(text, file, "JSON");  // JSON is UTF-8 (RFC 8259 §8.1); say so before nlohmann does
  std::size_t consumed = 0;
  TreeBuilder builder(text, file, consumed, max_depth);
  CountingIterator first{text.data(), text.data(), &consumed};
  CountingIterator last{text.data() + text.size(), text.data(), &consumed};
  json::sax_parse(first, last, &builder);
  return builder.take();
}

}  // namespace baogao
