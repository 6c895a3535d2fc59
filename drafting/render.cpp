// Render: data tree + template package → report markup (see render.hpp).
//
// How "data can never inject markup" holds: the data tree is converted to
// kainjow's data with every string ALREADY escaped by escape_markup (exactly once),
// figures wrapped in their [..]{src=".."} span and missing required values replaced
// by their placeholder; kainjow's own escape is then the identity. Templates may
// not use {{{x}}} or {{&x}} (they would give the same output, but one way of
// writing keeps templates uniform), nor change delimiters (so this file's tag
// scanner reads tags exactly as kainjow does).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "drafting/error.hpp"
#include "drafting/figures.hpp"
#include "drafting/line_column.hpp"
#include "drafting/markup.hpp"
#include "drafting/render.hpp"

namespace baogao {
namespace {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;
using Data = mustache::data;

// ---------------------------------------------------------------------------
// Templates: reading, checking, kainjow errors.

struct TemplateFile {
  std::string name;  ///< partial name: the file name without .mustache
  std::string path;  ///< for messages
  std::string text;
};

TemplateFile read_template(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError("file_not_found", Source{path.string(), ""},
                     "the template file cannot be read; expected a readable .mustache file");
  std::ostringstream text;
  text << in.rdbuf();
  return TemplateFile{path.stem().string(), path.string(), text.str()};
}

/// Checks the Mustache tags of `t` before kainjow parses it, so that every mistake
/// is reported with its line:column and what was expected: unclosed tags and
/// sections, mismatched {{/x}}, unknown partials, and the forms Baogao refuses
/// ({{{x}}}, {{&x}}, {{=<% %>=}}). Errors: InputError "template_syntax".
void check_tags(const TemplateFile& t, const std::map<std::string, Data>& partials) {
  const std::string_view text = t.text;
  auto fail = [&](std::size_t offset, const std::string& message) {
    throw InputError("template_syntax", Source{t.path, line_column(text, offset)}, message);
  };
  struct Open {
    std::string name;
    std::size_t offset;
  };
  std::vector<Open> sections;

  for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at)) {
    const std::size_t close = text.find("}}", at + 2);
    if (close == std::string_view::npos)
      fail(at, "found \"{{\" with no closing \"}}\"; expected \"}}\" to end the tag");
    std::string_view inside = text.substr(at + 2, close - at - 2);
    const std::size_t next = close + 2;
    if (!inside.empty() && (inside[0] == '{' || inside[0] == '&')) {
      std::string name(inside.substr(1));
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      fail(at, "found \"{{" + std::string(1, inside[0]) + name + (inside[0] == '{' ? "}" : "") +
                   "}}\" (output without escaping); expected \"{{" + name +
                   "}}\": every value is already made safe for the report markup");
    }
    const auto first = inside.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) fail(at, "found an empty tag \"{{}}\"; expected a name such as {{title}}");
    inside = inside.substr(first, inside.find_last_not_of(" \t\r\n") - first + 1);

    const char sigil = inside[0];
    std::string name(inside.substr(1));
    name.erase(0, name.find_first_not_of(" \t"));
    switch (sigil) {
      case '=':
        fail(at, "found a delimiter change \"{{" + std::string(inside) +
                     "}}\"; expected the standard {{ }} delimiters (Baogao templates keep them)");
      case '#':
      case '^':
        sections.push_back(Open{name, at});
        break;
      case '/':
        if (sections.empty())
          fail(at, "found \"{{/" + name + "}}\" with no section open; expected a \"{{#" + name + "}}\" before it");
        if (sections.back().name != name)
          fail(at, "found \"{{/" + name + "}}\" while \"{{#" + sections.back().name + "}}\" (opened at " +
                       line_column(text, sections.back().offset) + ") is open; expected \"{{/" +
                       sections.back().name + "}}\"");
        sections.pop_back();
        break;
      case '>':
        if (!partials.contains(name)) {
          std::string names;
          for (const auto& [n, unused] : partials) names += (names.empty() ? "" : ", ") + n;
          fail(at, "found the partial \"{{> " + name + "}}\" but there is no " + name +
                       ".mustache in the template folder; expected one of: " + (names.empty() ? "(none)" : names));
        }
        break;
      default:
        break;
    }
    at = next;
  }
  if (!sections.empty())
    fail(sections.back().offset, "found \"{{#" + sections.back().name + "}}\" never closed; expected \"{{/" +
                                     sections.back().name + "}}\" before the end of the template");
}

/// kainjow's own error ("Unclosed section \"x\" at 42": a byte offset) → InputError.
[[noreturn]] void kainjow_error(const std::string& message, const TemplateFile& t) {
  std::size_t offset = std::string::npos;
  if (auto at = message.rfind(" at "); at != std::string::npos) {
    try {
      offset = std::stoul(message.substr(at + 4));
    } catch (const std::exception&) {
    }
  }
  throw InputError("template_syntax",
                   Source{t.path, offset == std::string::npos ? "" : line_column(t.text, offset)},
                   "Mustache error: " + message + "; expected a well-formed Mustache template");
}

/// Looks partials up among the template's files, never in the data (a data key
/// named like a partial must not replace it).
class RenderContext : public mustache::context<std::string> {
 public:
  RenderContext(const Data* data, const std::map<std::string, Data>& partials)
      : mustache::context<std::string>(data), partials_(partials) {}
  const Data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, Data>& partials_;
};

// ---------------------------------------------------------------------------
// Data tree → kainjow data, guided by the manifest.

bool is_blank(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null: return true;
    case Value::Kind::string: return v.text.find_first_not_of(" \t\r\n") == std::string::npos;
    case Value::Kind::array: return v.items.empty();
    default: return false;
  }
}

bool is_container(FieldType t) { return t == FieldType::group || t == FieldType::list || t == FieldType::table; }

class Converter {
 public:
  explicit Converter(Findings& findings) : findings_(findings) {}

  /// An object's members; `fields` says which are figures, dates, … and which are
  /// required. Members the manifest does not declare are converted as plain data.
  Data object(const Value& v, const std::vector<Field>& fields, const std::string& path) {
    Data out(Data::type::object);
    for (const auto& [key, member] : v.members) {
      const auto f = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; });
      out[key] = f == fields.end() ? plain(member) : field(member, *f, join(path, key));
    }
    for (const Field& f : fields) {
      if (!f.required) continue;
      const Value* member = v.find(f.key);
      if (member && !is_blank(*member)) continue;
      const std::string field_path = join(path, f.key);
      findings_.push_back(Finding{Severity::warning, "missing_field", v.source,
                                  "缺少必填项“" + f.label + "”（" + field_path + "）" +
                                      (is_container(f.type) ? "" : "，已插入占位符【待补充：" + f.label + "】")});
      // A missing group or list renders nothing ({{^key}} can say so); a scalar
      // becomes the visible placeholder.
      if (!is_container(f.type)) out[f.key] = Data(placeholder(f.label));
    }
    return out;
  }

 private:
  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  static std::string placeholder(const std::string& label) {
    return "[" + escape_markup("【待补充：" + label + "】") + "]{missing=\"" + escape_attribute(label) + "\"}";
  }

  /// escape_markup, reporting dropped control characters at `where`.
  std::string escaped(std::string_view text, const Source& where) {
    int dropped = 0;
    std::string out = escape_markup(text, &dropped);
    if (dropped > 0)
      findings_.push_back(Finding{Severity::note, "dropped_character", where,
                                  "删除了" + std::to_string(dropped) + "个无法显示的控制字符或无效字符"});
    return out;
  }

  void wrong_shape(const Value& v, const Field& f, const std::string& path, const char* expected) {
    findings_.push_back(Finding{Severity::warning, "wrong_type", v.source,
                                path + "（" + f.label + "）应为" + expected + "；已按原样使用"});
  }

  Data field(const Value& v, const Field& f, const std::string& path) {
    if (v.is_null()) return Data(false);
    switch (f.type) {
      case FieldType::group:
        if (v.is_object()) return object(v, f.fields, path);
        wrong_shape(v, f, path, "一组字段");
        return plain(v);
      case FieldType::list:
      case FieldType::table: {
        if (!v.is_array()) {
          wrong_shape(v, f, path, f.type == FieldType::table ? "表格（多行）" : "列表");
          return plain(v);
        }
        mustache::list items;
        for (std::size_t i = 0; i < v.items.size(); ++i) {
          const Value& item = v.items[i];
          const std::string item_path = path + "[" + std::to_string(i) + "]";
          if (f.fields.empty() || !item.is_object()) {
            if (!f.fields.empty()) wrong_shape(item, f, item_path, "一组字段");
            items.push_back(plain(item));
          } else {
            items.push_back(object(item, f.fields, item_path));
          }
        }
        return Data(items);
      }
      default:
        break;
    }
    if (!v.is_scalar()) {
      wrong_shape(v, f, path, "单个值");
      return plain(v);
    }
    const std::string shown = format_scalar(v, f.type, &findings_, path + "（" + f.label + "）");
    if (!is_figure(f.type) || shown.empty() || v.source.empty()) return Data(escaped(shown, v.source));
    return Data("[" + escaped(shown, v.source) + "]{src=\"" + escape_attribute(v.source.to_string()) + "\"}");
  }

  /// Data the manifest does not describe: scalars as escaped text.
  Data plain(const Value& v) {
    switch (v.kind) {
      case Value::Kind::null: return Data(false);
      case Value::Kind::boolean: return Data(v.boolean);
      case Value::Kind::number:
      case Value::Kind::string: return Data(escaped(format_scalar(v, FieldType::text), v.source));
      case Value::Kind::array: {
        mustache::list items;
        for (const Value& item : v.items) items.push_back(plain(item));
        return Data(items);
      }
      case Value::Kind::object: return object(v, {}, "");
    }
    return Data(false);
  }

  Findings& findings_;
};

}  // namespace

// ---------------------------------------------------------------------------

struct Renderer::Impl {
  Manifest manifest;
  TemplateFile entry_file;
  std::unique_ptr<mustache::mustache> entry;  ///< parsed once
  std::map<std::string, Data> partials;       ///< name → template text (checked once)
};

Renderer::Renderer(Manifest manifest) : impl_(std::make_unique<Impl>()) {
  impl_->manifest = std::move(manifest);
  const Manifest& m = impl_->manifest;
  impl_->entry_file = read_template(m.dir / m.entry);

  // Every other *.mustache in the folder is a partial: {{> name}} = name.mustache.
  std::vector<TemplateFile> partial_files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(m.dir, ec))
    if (entry.path().extension() == ".mustache" && entry.path().filename() != fs::path(m.entry).filename())
      partial_files.push_back(read_template(entry.path()));
  std::sort(partial_files.begin(), partial_files.end(),
            [](const TemplateFile& a, const TemplateFile& b) { return a.name < b.name; });
  for (const auto& p : partial_files) impl_->partials.emplace(p.name, Data(p.text));

  // kainjow parses a partial again each time it is included; checking each file
  // here means a render never meets a syntax error.
  check_tags(impl_->entry_file, impl_->partials);
  for (const auto& p : partial_files) {
    check_tags(p, impl_->partials);
    mustache::mustache parsed(p.text);
    if (!parsed.is_valid()) kainjow_error(parsed.error_message(), p);
  }
  impl_->entry = std::make_unique<mustache::mustache>(impl_->entry_file.text);
  if (!impl_->entry->is_valid()) kainjow_error(impl_->entry->error_message(), impl_->entry_file);
  impl_->entry->set_custom_escape([](const std::string& already_escaped) { return already_escaped; });
}

Renderer::~Renderer() = default;
Renderer::Renderer(Renderer&&) noexcept = default;
Renderer& Renderer::operator=(Renderer&&) noexcept = default;

const Manifest& Renderer::manifest() const { return impl_->manifest; }

RenderResult Renderer::render(const Value& data) const {
  RenderResult result;
  Converter converter(result.findings);
  Data root(Data::type::object);
  if (data.is_object()) {
    root = converter.object(data, impl_->manifest.fields, "");
  } else {
    if (!data.is_null())
      result.findings.push_back(Finding{Severity::warning, "wrong_type", data.source,
                                        "数据应为一组字段（JSON 对象或 YAML 映射）；已忽略"});
    root = converter.object(Value{}, impl_->manifest.fields, "");
  }
  RenderContext context(&root, impl_->partials);
  result.markup = impl_->entry->render(context);
  if (!impl_->entry->is_valid()) kainjow_error(impl_->entry->error_message(), impl_->entry_file);
  return result;
}

}  // namespace baogao
