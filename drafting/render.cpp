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
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "drafting/derived.hpp"
#include "drafting/error.hpp"
#include "drafting/figure_forms.hpp"
#include "drafting/figures.hpp"
#include "drafting/number_forms.hpp"
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

TemplateFile read_template(const fs::path& path, std::uintmax_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError("file_not_found", Source{path.string(), ""},
                     "the template file cannot be read; expected a readable .mustache file");
  std::error_code ec;
  if (const auto size = fs::file_size(path, ec); !ec && size > max_bytes)
    throw InputError("too_large", Source{path.string(), ""},
                     "the template file has " + std::to_string(size) + " bytes; expected at most " +
                         std::to_string(max_bytes) + " (--limit template-size)");
  std::ostringstream text;
  text << in.rdbuf();
  return TemplateFile{path.stem().string(), path.string(), text.str()};
}

/// A partial included outside any {{#section}} (inverted sections do not count: they
/// render in the same context), by name and offset in its file.
struct UnguardedPartial {
  std::string name;
  std::size_t offset;
};

/// Checks the Mustache tags of `t` before kainjow parses it, so that every mistake
/// is reported with its line:column and what was expected: unclosed tags and
/// sections, mismatched {{/x}}, unknown partials, and the forms Baogao refuses
/// ({{{x}}}, {{&x}}, {{=<% %>=}}). Errors: InputError "template_syntax".
void check_tags(const TemplateFile& t, const std::map<std::string, Data>& partials, std::size_t max_nesting,
                std::vector<UnguardedPartial>* unguarded = nullptr) {
  const std::string_view text = t.text;
  auto fail = [&](std::size_t offset, const std::string& message) {
    throw InputError("template_syntax", Source{t.path, line_column(text, offset)}, message);
  };
  struct Open {
    std::string name;
    std::size_t offset;
    bool inverted;
  };
  std::vector<Open> sections;
  std::size_t positive_open = 0;  // open {{#x}} sections

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
    if (sigil != '!' && sigil != '>' && sigil != '=') {
      const std::string tag = sigil == '#' || sigil == '^' || sigil == '/' ? name : std::string(inside);
      if (const auto bar = tag.find('|'); bar != std::string::npos) {
        std::string error;
        if (!parse_form(tag.substr(bar + 1), &error))
          fail(at, "in \"{{" + std::string(inside) + "}}\": " + error + " (see docs/figures.md)");
      }
    }
    switch (sigil) {
      case '=':
        fail(at, "found a delimiter change \"{{" + std::string(inside) +
                     "}}\"; expected the standard {{ }} delimiters (Baogao templates keep them)");
      case '#':
      case '^':
        if (sections.size() >= max_nesting)
          throw InputError("too_large", Source{t.path, line_column(text, at)},
                           "found sections nested deeper than " + std::to_string(max_nesting) +
                               " levels in one template file; expected a shallower template (--limit template-nesting)");
        sections.push_back(Open{name, at, sigil == '^'});
        if (sigil == '#') ++positive_open;
        break;
      case '/':
        if (sections.empty())
          fail(at, "found \"{{/" + name + "}}\" with no section open; expected a \"{{#" + name + "}}\" before it");
        if (sections.back().name != name)
          fail(at, "found \"{{/" + name + "}}\" while \"{{#" + sections.back().name + "}}\" (opened at " +
                       line_column(text, sections.back().offset) + ") is open; expected \"{{/" +
                       sections.back().name + "}}\"");
        if (!sections.back().inverted) --positive_open;
        sections.pop_back();
        break;
      case '>':
        if (unguarded && positive_open == 0) unguarded->push_back(UnguardedPartial{name, at});
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

/// Refuses partials that include themselves (directly or through others) outside any
/// {{#section}}: such a render would never end, whatever the data.
/// `graph`: template name → its unguarded partials. Errors: "template_syntax".
void check_partial_cycles(const std::map<std::string, std::pair<const TemplateFile*, std::vector<UnguardedPartial>>>& graph) {
  std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
  std::vector<std::string> path;
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    state[name] = 1;
    path.push_back(name);
    const auto it = graph.find(name);
    if (it != graph.end())
      for (const auto& edge : it->second.second) {
        const int s = state[edge.name];
        if (s == 1) {
          std::string cycle;
          for (auto p = std::find(path.begin(), path.end(), edge.name); p != path.end(); ++p) cycle += *p + " → ";
          const TemplateFile& t = *it->second.first;
          throw InputError("template_syntax", Source{t.path, line_column(t.text, edge.offset)},
                           "found the partial \"{{> " + edge.name + "}}\" including itself outside any {{#section}} (" +
                               cycle + edge.name + "), which would never end; expected the inclusion inside a "
                               "{{#section}} over the data");
        }
        if (s == 0) visit(edge.name);
      }
    path.pop_back();
    state[name] = 2;
  };
  for (const auto& [name, unused] : graph)
    if (state[name] == 0) visit(name);
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

/// A rendered figure: what its forms need, and the span attributes it carries
/// (`{src="…" derivation="…"}`, "" when it is not a span).
struct RenderedFigure {
  FigureInfo info;
  std::string src;         ///< "file:place", "" for a computed figure
  std::string derivation;  ///< "= 12 + 9 + 8 + 7 + 6", "" when not derived
  bool span = false;       ///< rendered as a span (a figure with a source or a derivation)
};

/// The span attributes of a figure: src="…" derivation="…".
std::string span_attributes(const std::string& src, const std::string& derivation) {
  std::string out;
  if (!src.empty()) out = "src=\"" + escape_attribute(src) + "\"";
  if (!derivation.empty()) out += (out.empty() ? "" : " ") + std::string("derivation=\"") + escape_attribute(derivation) + "\"";
  return out;
}

/// The figures rendered so far, by the exact text they render to (a span carries its
/// source, so equal texts are the same figure): what `{{name|form}}` needs.
using FigureRegistry = std::map<std::string, RenderedFigure>;

/// Looks partials up among the template's files, never in the data (a data key
/// named like a partial must not replace it), and gives `{{name|form}}` the figure
/// `name` in that form (figure_forms.hpp): the same span, other text.
class RenderContext : public mustache::context<std::string> {
 public:
  RenderContext(const Data* data, const std::map<std::string, Data>& partials,
                const FigureRegistry& figures, Findings& findings, std::size_t max_depth)
      : mustache::context<std::string>(data),
        partials_(partials),
        figures_(figures),
        findings_(findings),
        max_depth_(max_depth) {}
  const Data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

  /// Sections being rendered, nested: bounded, so that a partial that recurses
  /// through the data ({{#children}}{{> node}}{{/children}}, where a name missing in
  /// an item is looked up in the items around it, or is `true`) ends with an error,
  /// not a stack overflow. Errors: InputError "too_large".
  void push(const Data* data) override {
    if (depth_ >= max_depth_)
      throw InputError("too_large", Source{},
                       "found sections nested deeper than " + std::to_string(max_depth_) +
                           " levels while rendering (a partial that includes itself through the data?); "
                           "expected shallower data or a template whose recursion ends (--limit render-depth)");
    ++depth_;
    mustache::context<std::string>::push(data);
  }
  void pop() override {
    --depth_;
    mustache::context<std::string>::pop();
  }

  const Data* get(const std::string& name) const override {
    const auto bar = name.find('|');
    if (bar == std::string::npos) return mustache::context<std::string>::get(name);
    std::string base = name.substr(0, bar);
    base.erase(base.find_last_not_of(" \t") + 1);
    const Data* value = mustache::context<std::string>::get(base);
    if (!value || !value->is_string()) return value;
    const auto spec = parse_form(name.substr(bar + 1), nullptr);  // checked in check_tags
    const auto figure = figures_.find(value->string_value());
    if (!spec || figure == figures_.end()) return value;  // a placeholder, or data the manifest does not type
    std::string why;
    const auto text = apply_form(figure->second.info, *spec, &why);
    if (!text) {
      if (reported_.insert(name).second)
        findings_.push_back(Finding{Severity::warning, "form_not_applicable", Source{},
                                    "模板中的{{" + name + "}}：" + why + "；已按默认写法显示"});
      return value;
    }
    // Same span, other text: "[42]{src=…}" → "[四十二]{src=…}". A change in per cent
    // says how the percentage came about.
    const RenderedFigure& rendered = figure->second;
    std::string derivation = rendered.derivation;
    const auto& parts = rendered.info.parts;
    if (spec->name == "percent" && rendered.info.derive == Derivation::Kind::change && parts.size() == 2)
      derivation = "= (" + parts[0].written + " − " + parts[1].written + ") / " + parts[1].written + " × 100%";
    std::string out = escape_markup(*text);
    if (rendered.span) out = "[" + out + "]{" + span_attributes(rendered.src, derivation) + "}";
    return &forms_.emplace(out, Data(out)).first->second;
  }

 private:
  const std::map<std::string, Data>& partials_;
  const FigureRegistry& figures_;
  Findings& findings_;
  mutable std::map<std::string, Data> forms_;   ///< texts handed out (stable addresses)
  mutable std::set<std::string> reported_;      ///< tags already reported as not applicable
  std::size_t max_depth_;                       ///< TemplateLimits::max_render_depth
  std::size_t depth_ = 0;                       ///< sections open (push − pop)
};

// ---------------------------------------------------------------------------
// Data tree → kainjow data, guided by the manifest.

bool is_container(FieldType t) { return t == FieldType::group || t == FieldType::list || t == FieldType::table; }

class Converter {
 public:
  Converter(Findings& findings, FigureRegistry& figures) : findings_(findings), figures_(figures) {}

  /// An object's members; `fields` says which are figures, dates, … and which are
  /// required. Members the manifest does not declare are converted as plain data.
  /// Derived fields the data does not state are computed (derived.hpp). `outer` is the
  /// scope of the enclosing object (null at the root).
  Data object(const Value& v, const std::vector<Field>& fields, const std::string& path, const Scope* outer) {
    const Scope scope{&v, outer, path, &fields};
    Data out(Data::type::object);
    for (const auto& entry : v.members) {
      const std::string& key = entry.first;  // not a structured binding: clang 14 cannot capture one
      const Value& member = entry.second;
      const auto f = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; });
      out[key] = f == fields.end() ? plain(member) : field(member, *f, join(path, key), scope);
    }
    for (const Field& f : fields) {
      const Value* member = v.find(f.key);
      const bool stated = member && !is_blank(*member);
      if (!stated && f.derive.kind != Derivation::Kind::none) {
        const DerivedFigure d = compute_derived(f, scope);
        if (d.available) {
          out[f.key] = computed(f, d);
          continue;
        }
      }
      if (!f.required || stated) continue;
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

  /// A value of the wrong shape (a list where a group is expected, …) is not used:
  /// rendered as it is, a list would repeat its section and a group would vanish.
  /// It is treated as missing, so the draft shows placeholders where it belongs.
  void wrong_shape(const Value& v, const Field& f, const std::string& path, const char* expected) {
    findings_.push_back(Finding{Severity::error, "wrong_type", v.source,
                                path + "（" + f.label + "）应为" + expected + "，实为" + kind_name(v) +
                                    "；未使用该值，已按缺失处理"});
  }

  /// The markup of a shown figure: a span with its source and derivation when it has
  /// either (figures only), else the escaped text. Registers it for the forms.
  Data shown_figure(const std::string& shown, const Source& where, const std::string& derivation,
                    FigureInfo info, bool figure) {
    const std::string src = figure ? where.to_string() : std::string();
    const std::string attributes = span_attributes(src, figure ? derivation : std::string());
    std::string text = escaped(shown, where);
    if (!attributes.empty()) text = "[" + text + "]{" + attributes + "}";
    figures_.emplace(text, RenderedFigure{std::move(info), src, figure ? derivation : std::string(), !attributes.empty()});
    return Data(text);
  }

  static FigureInfo info_of(const Field& f, std::string written, const DerivedFigure* d) {
    FigureInfo info{f.type, f.derive.kind, std::move(written), f.unit, f.precision, {}};
    if (d && d->available) info.parts = d->parts;
    if (info.unit.empty() && !f.derive.operands.empty()) info.unit = f.derive.operands[0].unit;
    return info;
  }

  /// A derived field the data does not state: its computed value.
  Data computed(const Field& f, const DerivedFigure& d) {
    FigureInfo info = info_of(f, d.value_text, &d);
    if (f.derive.kind == Derivation::Kind::rate) {
      // {{rate|percent:2}} rounds the rate itself, not its 1-decimal display.
      char unrounded[64];
      std::snprintf(unrounded, sizeof unrounded, "%.15g", d.value);
      info.written = unrounded;
      info.precision = f.precision >= 0 ? f.precision : 1;
    }
    std::string shown = d.value_text;
    if (f.derive.kind == Derivation::Kind::change) {
      shown = change_wording(info).value_or(d.value_text);
    } else if (f.type == FieldType::amount) {
      shown = format_amount(d.value_text, AmountForm{AmountUnit::automatic, f.precision >= 0 ? f.precision : 2})
                  .value_or(d.value_text);
    } else if (f.type == FieldType::percent) {
      shown = d.value_text + "%";
    }
    return shown_figure(shown, Source{}, d.derivation, std::move(info), is_figure(f.type));
  }

  Data field(const Value& v, const Field& f, const std::string& path, const Scope& scope) {
    if (v.is_null()) return Data(false);
    switch (f.type) {
      case FieldType::group:
        if (v.is_object()) return object(v, f.fields, path, &scope);
        wrong_shape(v, f, path, "一组字段");
        return object(Value::make_null(v.source), f.fields, path, &scope);  // its fields as placeholders
      case FieldType::list:
      case FieldType::table: {
        if (!v.is_array()) {
          wrong_shape(v, f, path, f.type == FieldType::table ? "表格（多行）" : "列表");
          return Data(mustache::list{});  // as a missing list: nothing (the finding says why)
        }
        mustache::list items;
        for (std::size_t i = 0; i < v.items.size(); ++i) {
          const Value& item = v.items[i];
          const std::string item_path = path + "[" + std::to_string(i) + "]";
          if (f.fields.empty()) {
            items.push_back(plain(item));
          } else if (!item.is_object()) {
            wrong_shape(item, f, item_path, "一组字段");
            items.push_back(object(Value::make_null(item.source), f.fields, item_path, &scope));
          } else {
            items.push_back(object(item, f.fields, item_path, &scope));
          }
        }
        return Data(items);
      }
      default:
        break;
    }
    if (!v.is_scalar()) {
      wrong_shape(v, f, path, "单个值");
      return Data(placeholder(f.label));
    }
    std::string shown = format_scalar(v, f.type, &findings_, path + "（" + f.label + "）");
    const std::string written = v.kind == Value::Kind::number || v.kind == Value::Kind::string ? v.text : shown;
    DerivedFigure d;
    if (f.derive.kind != Derivation::Kind::none) d = compute_derived(f, scope);
    FigureInfo info = info_of(f, written.empty() ? shown : written, &d);
    if (f.derive.kind == Derivation::Kind::change) {
      if (auto wording = change_wording(info)) shown = *wording;
    } else if (f.type == FieldType::amount && f.precision >= 0) {
      if (auto amount = format_amount(info.written, AmountForm{AmountUnit::automatic, f.precision})) shown = *amount;
    }
    if (shown.empty()) return Data(std::string());
    return shown_figure(shown, v.source, d.available ? d.derivation : std::string(), std::move(info),
                        is_figure(f.type));
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
      case Value::Kind::object: return object(v, {}, "", nullptr);
    }
    return Data(false);
  }

  Findings& findings_;
  FigureRegistry& figures_;
};

}  // namespace

// ---------------------------------------------------------------------------

struct Renderer::Impl {
  Manifest manifest;
  TemplateLimits limits;
  TemplateFile entry_file;
  std::unique_ptr<mustache::mustache> entry;  ///< parsed once
  std::map<std::string, Data> partials;       ///< name → template text (checked once)
};

Renderer::Renderer(Manifest manifest, TemplateLimits limits) : impl_(std::make_unique<Impl>()) {
  impl_->manifest = std::move(manifest);
  impl_->limits = limits;
  const Manifest& m = impl_->manifest;
  impl_->entry_file = read_template(m.dir / m.entry, limits.max_template_bytes);

  // Every other *.mustache in the folder is a partial: {{> name}} = name.mustache.
  std::vector<TemplateFile> partial_files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(m.dir, ec))
    if (entry.path().extension() == ".mustache" && entry.path().filename() != fs::path(m.entry).filename())
      partial_files.push_back(read_template(entry.path(), limits.max_template_bytes));
  std::sort(partial_files.begin(), partial_files.end(),
            [](const TemplateFile& a, const TemplateFile& b) { return a.name < b.name; });
  for (const auto& p : partial_files) impl_->partials.emplace(p.name, Data(p.text));

  // kainjow parses a partial again each time it is included; checking each file
  // here means a render never meets a syntax error.
  std::map<std::string, std::pair<const TemplateFile*, std::vector<UnguardedPartial>>> includes;
  check_tags(impl_->entry_file, impl_->partials, limits.max_template_nesting);
  for (const auto& p : partial_files) {
    auto& node = includes[p.name];
    node.first = &p;
    check_tags(p, impl_->partials, limits.max_template_nesting, &node.second);
    mustache::mustache parsed(p.text);
    if (!parsed.is_valid()) kainjow_error(parsed.error_message(), p);
  }
  check_partial_cycles(includes);
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
  FigureRegistry figures;
  Converter converter(result.findings, figures);
  Data root(Data::type::object);
  if (data.is_object()) {
    root = converter.object(data, impl_->manifest.fields, "", nullptr);
  } else {
    if (!data.is_null())
      result.findings.push_back(Finding{Severity::warning, "wrong_type", data.source,
                                        "数据应为一组字段（JSON 对象或 YAML 映射）；已忽略"});
    root = converter.object(Value{}, impl_->manifest.fields, "", nullptr);
  }
  RenderContext context(&root, impl_->partials, figures, result.findings, impl_->limits.max_render_depth);
  try {
    result.markup = impl_->entry->render(context);
  } catch (const InputError& e) {
    if (!e.where().empty()) throw;
    // A limit met while rendering (RenderContext::push): name the template.
    throw InputError(e.category(), Source{impl_->entry_file.path, ""}, e.what());
  }
  if (!impl_->entry->is_valid()) kainjow_error(impl_->entry->error_message(), impl_->entry_file);
  return result;
}

}  // namespace baogao
