// Template packages: manifest.yaml → Manifest, and where templates are found.
//
// manifest.yaml is read with the YAML reader (drafting/readers.hpp), so every node
// carries its line:column and duplicate keys are already refused; this file checks
// the shape against the format documented in manifest.hpp.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "drafting/error.hpp"
#include "drafting/manifest.hpp"
#include "drafting/readers.hpp"

namespace baogao {
namespace fs = std::filesystem;

namespace {

constexpr const char* kTypeNames[] = {"text", "integer", "decimal", "amount", "percent",
                                      "date", "group",   "list",    "table"};

/// What a value is, for "found …" messages.
std::string describe(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null: return "nothing";
    case Value::Kind::boolean: return v.boolean ? "true" : "false";
    case Value::Kind::number: return "the number " + v.text;
    case Value::Kind::string: return "\"" + v.text + "\"";
    case Value::Kind::array: return "a list";
    case Value::Kind::object: return "a mapping";
  }
  return "?";
}

[[noreturn]] void fail(const Source& where, const std::string& message) {
  throw InputError("bad_manifest", where, message);
}

/// Checks that `object` has only the `allowed` keys.
void check_keys(const Value& object, std::initializer_list<const char*> allowed, const std::string& what) {
  for (const auto& member : object.members) {
    const std::string& key = member.first;  // not a structured binding: clang 14 cannot capture one
    const Value& value = member.second;
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) != allowed.end())
      continue;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    fail(value.source, "unknown key \"" + key + "\" in " + what + "; expected one of: " + list);
  }
}

/// A text member: absent → `fallback`; a string or number → its text.
std::string text_member(const Value& object, const char* key, const std::string& fallback = {}) {
  const Value* v = object.find(key);
  if (!v || v->is_null()) return fallback;
  if (v->kind != Value::Kind::string && v->kind != Value::Kind::number)
    fail(v->source, std::string("found ") + describe(*v) + " for `" + key + "`; expected text");
  return v->text;
}

std::string required_text(const Value& object, const char* key, const std::string& what) {
  std::string text = text_member(object, key);
  if (text.empty())
    fail(object.source, what + " has no `" + key + "`; expected `" + key + ": …`");
  return text;
}

std::vector<Field> read_fields(const Value& list, const std::string& parent);

/// A number member (min, max, precision), or nullopt when absent.
std::optional<double> number_member(const Value& object, const char* key) {
  const Value* v = object.find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->kind != Value::Kind::number)
    fail(v->source, std::string("found ") + describe(*v) + " for `" + key + "`; expected a number");
  return v->number;
}

/// `derive`, `precision`, `min`, `max` of a field (derive is parsed here, its names
/// are resolved once the whole manifest is read: resolve_derivations).
void read_figure_keys(const Value& v, Field& f, const std::string& path) {
  if (const Value* derive = v.find("derive"); derive && !derive->is_null()) {
    if (derive->kind != Value::Kind::string)
      fail(derive->source, "found " + describe(*derive) + " for `derive`; expected e.g. sum(table.rows.count)");
    static const std::regex form(R"(\s*(sum|rate|difference|change|session)\s*\(([^()]*)\)\s*)");
    std::smatch m;
    const std::string& text = derive->text;
    // A derivation is short; the length bound keeps libstdc++'s recursive regex off the stack.
    if (text.size() > 1000 || !std::regex_match(text, m, form))
      fail(derive->source, "found `derive: " + text + "` for field \"" + path +
                               "\"; expected sum(PATH), rate(PART, WHOLE), difference(A, B), change(NOW, BEFORE) "
                               "or session(TERM, NUMBER)");
    Derivation d;
    d.text = text;
    d.place = derive->source.place;
    const std::string kind = m[1].str();
    d.kind = kind == "sum" ? Derivation::Kind::sum
             : kind == "rate" ? Derivation::Kind::rate
             : kind == "difference" ? Derivation::Kind::difference
             : kind == "change" ? Derivation::Kind::change
                                : Derivation::Kind::session;
    std::string args = m[2].str();
    for (std::size_t start = 0; start <= args.size();) {
      std::size_t comma = args.find(',', start);
      if (comma == std::string::npos) comma = args.size();
      std::string arg = args.substr(start, comma - start);
      arg.erase(0, arg.find_first_not_of(" \t"));
      arg.erase(arg.find_last_not_of(" \t") + 1);
      Derivation::Operand op;
      op.path = arg;
      for (std::size_t a = 0; a <= arg.size();) {
        std::size_t dot = arg.find('.', a);
        if (dot == std::string::npos) dot = arg.size();
        op.keys.push_back(arg.substr(a, dot - a));
        a = dot + 1;
      }
      for (const auto& k : op.keys)
        if (k.empty() || k.find_first_of(" \t") != std::string::npos)
          fail(derive->source, "found the operand \"" + arg + "\" in `derive: " + text +
                                   "`; expected field names joined by dots, e.g. table.rows.count");
      d.operands.push_back(std::move(op));
      start = comma + 1;
    }
    const std::size_t arity = d.kind == Derivation::Kind::sum ? 1 : 2;
    if (d.operands.size() != arity)
      fail(derive->source, "found " + std::to_string(d.operands.size()) + " operand(s) in `derive: " + text +
                               "`; expected " + std::to_string(arity) + " for " + kind + "()");
    f.derive = std::move(d);
  }
  if (auto precision = number_member(v, "precision")) {
    if (*precision < 0 || *precision > 6 || std::floor(*precision) != *precision)
      fail(v.find("precision")->source, "found precision " + v.find("precision")->text +
                                            "; expected a whole number of decimals from 0 to 6");
    f.precision = static_cast<int>(*precision);
  }
  f.min = number_member(v, "min");
  f.max = number_member(v, "max");
  if ((f.min || f.max) && !is_figure(f.type))
    fail(v.source, "found min/max on the " + std::string(to_string(f.type)) + " field \"" + path +
                       "\"; expected them only on integer, decimal, amount or percent fields");
  // Counts and money are not negative, unless the figure is a difference.
  const bool signed_figure =
      f.derive.kind == Derivation::Kind::difference || f.derive.kind == Derivation::Kind::change;
  if (!f.min && !signed_figure && (f.type == FieldType::integer || f.type == FieldType::amount)) f.min = 0;
}

/// Resolves the operand names of every `derive` in `fields` (see Derivation), with
/// `scopes` the field lists of the enclosing objects, innermost last.
void resolve_derivations(std::vector<Field>& fields, std::vector<const std::vector<Field>*>& scopes,
                         const std::string& file) {
  scopes.push_back(&fields);
  for (Field& f : fields) {
    if (!f.fields.empty()) resolve_derivations(f.fields, scopes, file);
    Derivation& d = f.derive;
    if (d.kind == Derivation::Kind::none) continue;
    const Source where{file, d.place};
    const std::string what = "`derive: " + d.text + "` of field \"" + f.key + "\"";
    for (auto& op : d.operands) {
      const Field* target = nullptr;
      for (int up = 0; up < static_cast<int>(scopes.size()) && !target; ++up) {
        for (const Field& candidate : *scopes[scopes.size() - 1 - up])
          if (candidate.key == op.keys[0]) {
            target = &candidate;
            op.up = up;
            break;
          }
      }
      if (!target)
        fail(where, what + " names \"" + op.keys[0] + "\", which is not a field here or in an enclosing group; "
                                                      "expected a sibling field or one of an enclosing object");
      for (std::size_t i = 1; i < op.keys.size(); ++i) {
        if (target->type == FieldType::list || target->type == FieldType::table) {
          if (op.list_at >= 0)
            fail(where, what + " goes through two lists (" + op.keys[static_cast<std::size_t>(op.list_at)] + ", " +
                            op.keys[i - 1] + "); expected at most one list or table in a path");
          op.list_at = static_cast<int>(i - 1);
          for (const Field& column : target->fields)
            if (column.type == FieldType::text) {
              op.row_name_key = column.key;
              break;
            }
        } else if (target->type != FieldType::group) {
          fail(where, what + ": \"" + op.keys[i - 1] + "\" is a " + to_string(target->type) +
                          " field; expected a group, list or table before \"." + op.keys[i] + "\"");
        }
        const auto next = std::find_if(target->fields.begin(), target->fields.end(),
                                       [&](const Field& c) { return c.key == op.keys[i]; });
        if (next == target->fields.end())
          fail(where, what + ": \"" + op.keys[i - 1] + "\" has no field \"" + op.keys[i] + "\"; expected one of its fields");
        target = &*next;
      }
      if (!is_figure(target->type))
        fail(where, what + ": \"" + op.path + "\" is a " + to_string(target->type) +
                        " field; expected an integer, decimal, amount or percent field");
      if (d.kind == Derivation::Kind::session && target->type != FieldType::integer)
        fail(where, what + ": \"" + op.path + "\" is a " + to_string(target->type) + " field; expected an integer");
      const bool summed = d.kind == Derivation::Kind::sum;
      if (summed != (op.list_at >= 0))
        fail(where, what + (summed ? ": \"" + op.path + "\" goes through no list or table; expected a column, "
                                                        "e.g. table.rows.count"
                                   : ": \"" + op.path + "\" goes through a list; expected a single figure (only "
                                                        "sum() adds up a column)"));
      op.label = target->label;
      op.unit = target->unit;
      op.type = target->type;
    }
    bool fits = false;
    switch (d.kind) {
      case Derivation::Kind::sum:
      case Derivation::Kind::difference:
      case Derivation::Kind::change:
        fits = f.type == FieldType::integer || f.type == FieldType::decimal || f.type == FieldType::amount;
        break;
      case Derivation::Kind::rate: fits = f.type == FieldType::percent; break;
      case Derivation::Kind::session: fits = f.type == FieldType::text; break;
      case Derivation::Kind::none: fits = true; break;
    }
    if (!fits)
      fail(where, what + ": the field is of type " + to_string(f.type) + "; expected " +
                      (d.kind == Derivation::Kind::rate      ? "percent"
                       : d.kind == Derivation::Kind::session ? "text"
                                                             : "integer, decimal or amount"));
  }
  scopes.pop_back();
}

/// Checks a `dates` path: field names from the root through groups to a scalar.
void check_date_path(const std::vector<Field>& root, const Value& path_value, const char* key) {
  const std::string& path = path_value.text;
  const std::vector<Field>* fields = &root;
  const Field* target = nullptr;
  for (std::size_t at = 0; at <= path.size();) {
    std::size_t dot = path.find('.', at);
    if (dot == std::string::npos) dot = path.size();
    const std::string name = path.substr(at, dot - at);
    if (target && target->type != FieldType::group)
      fail(path_value.source, "`dates: " + std::string(key) + ": " + path + "`: \"" + target->key +
                                  "\" is not a group; expected a path through groups");
    const auto it = std::find_if(fields->begin(), fields->end(), [&](const Field& f) { return f.key == name; });
    if (it == fields->end())
      fail(path_value.source, "`dates: " + std::string(key) + ": " + path + "` names no field \"" + name +
                                  "\"; expected a field path from the root, e.g. meeting.date");
    target = &*it;
    fields = &it->fields;
    at = dot + 1;
  }
}

Field read_field(const Value& v, const std::string& parent) {
  if (!v.is_object())
    fail(v.source, "found " + describe(v) + " in `fields`; expected a field (`- key: …` with `label: …`)");
  check_keys(v,
             {"key", "label", "type", "required", "unit", "hint", "fields", "derive", "precision", "min", "max",
              "heading"},
             "a field");

  Field f;
  f.key = required_text(v, "key", "the field");
  if (f.key.find_first_of(". \t{}#^/>&!=|") != std::string::npos)
    fail(v.find("key")->source, "found the key \"" + f.key +
                                     "\"; expected a name without dots, spaces, | or Mustache signs ({{" + f.key +
                                     "}} could not read it)");
  const std::string path = parent.empty() ? f.key : parent + "." + f.key;
  f.label = required_text(v, "label", "field \"" + path + "\"");
  f.unit = text_member(v, "unit");
  f.hint = text_member(v, "hint");

  if (const Value* type = v.find("type"); type && !type->is_null()) {
    try {
      f.type = field_type_from_string(type->text);
    } catch (const std::invalid_argument&) {
      std::string names;
      for (const char* n : kTypeNames) names += (names.empty() ? "" : ", ") + std::string(n);
      fail(type->source, "found type " + describe(*type) + " for field \"" + path + "\"; expected one of: " + names);
    }
  }
  if (const Value* required = v.find("required"); required && !required->is_null()) {
    if (required->kind != Value::Kind::boolean)
      fail(required->source, "found " + describe(*required) + " for `required`; expected true or false");
    f.required = required->boolean;
  }

  if (const Value* heading = v.find("heading"); heading && !heading->is_null()) {
    if (heading->kind != Value::Kind::boolean)
      fail(heading->source, "found " + describe(*heading) + " for `heading`; expected true or false");
    f.heading = heading->boolean;
  }

  read_figure_keys(v, f, path);

  const bool container = f.type == FieldType::group || f.type == FieldType::list || f.type == FieldType::table;
  const Value* members = v.find("fields");
  if (members && !members->is_null()) {
    if (!container)
      fail(members->source, "found `fields` in the " + std::string(to_string(f.type)) + " field \"" + path +
                                "\"; expected `fields` only for group, list or table");
    f.fields = read_fields(*members, path);
  }
  if (f.fields.empty() && (f.type == FieldType::group || f.type == FieldType::table))
    fail(v.source, "the " + std::string(to_string(f.type)) + " field \"" + path +
                       "\" has no `fields`; expected the members of each " +
                       (f.type == FieldType::group ? "group" : "row"));
  return f;
}

std::vector<Field> read_fields(const Value& list, const std::string& parent) {
  if (!list.is_array())
    fail(list.source, "found " + describe(list) + " for `fields`; expected a list of fields (`- key: …`)");
  std::vector<Field> fields;
  std::map<std::string, std::string> seen;  // key → place of its first declaration
  for (const Value& item : list.items) {
    Field f = read_field(item, parent);
    if (auto [it, fresh] = seen.emplace(f.key, item.source.place); !fresh)
      fail(item.source, "field key \"" + f.key + "\" declared twice (at " + it->second + " and " +
                            item.source.place + "); expected each key once among its siblings");
    fields.push_back(std::move(f));
  }
  return fields;
}

std::mutex g_root_mutex;
fs::path g_default_root;

}  // namespace

const char* to_string(FieldType t) { return kTypeNames[static_cast<int>(t)]; }

FieldType field_type_from_string(const std::string& s) {
  for (int i = 0; i < static_cast<int>(std::size(kTypeNames)); ++i)
    if (s == kTypeNames[i]) return static_cast<FieldType>(i);
  throw std::invalid_argument("unknown field type: " + s);
}

const char* to_string(Derivation::Kind k) {
  switch (k) {
    case Derivation::Kind::none: return "";
    case Derivation::Kind::sum: return "sum";
    case Derivation::Kind::rate: return "rate";
    case Derivation::Kind::difference: return "difference";
    case Derivation::Kind::change: return "change";
    case Derivation::Kind::session: return "session";
  }
  return "";
}

bool is_computed_only(const Field& f) {
  return f.derive.kind == Derivation::Kind::change || f.derive.kind == Derivation::Kind::session;
}

bool is_figure(FieldType t) {
  return t == FieldType::integer || t == FieldType::decimal || t == FieldType::amount || t == FieldType::percent;
}

Manifest load_manifest(const fs::path& dir) {
  const fs::path file = dir / "manifest.yaml";
  std::ifstream in(file, std::ios::binary);
  if (!in)
    fail(Source{file.string(), ""}, "no manifest.yaml found; expected a template folder holding manifest.yaml");
  std::ostringstream text;
  text << in.rdbuf();

  Value root;
  try {
    root = parse_yaml(text.str(), file.string());
  } catch (const InputError& e) {  // malformed_yaml, duplicate_key
    throw InputError("bad_manifest", e.where(), e.message());
  }
  if (!root.is_object())
    fail(Source{file.string(), root.source.place},
         "found " + describe(root) + "; expected a mapping with title, fields, …");
  check_keys(root, {"name", "title", "description", "entry", "fields", "dates"}, "manifest.yaml");

  Manifest m;
  m.dir = dir;
  fs::path folder = fs::absolute(dir).lexically_normal();
  if (!folder.has_filename()) folder = folder.parent_path();  // "templates/x/"
  m.name = text_member(root, "name", folder.filename().string());
  m.title = required_text(root, "title", "manifest.yaml");
  m.description = text_member(root, "description");
  m.entry = text_member(root, "entry", m.entry);
  if (const Value* fields = root.find("fields"); fields && !fields->is_null()) m.fields = read_fields(*fields, "");
  std::vector<const std::vector<Field>*> scopes;
  resolve_derivations(m.fields, scopes, file.string());
  if (const Value* dates = root.find("dates"); dates && !dates->is_null()) {
    if (!dates->is_object())
      fail(dates->source,
           "found " + describe(*dates) + " for `dates`; expected report_year, meeting_date, next_year, review");
    check_keys(*dates, {"report_year", "meeting_date", "next_year", "review"}, "dates");
    for (auto [key, target] : {std::pair{"report_year", &m.dates.report_year},
                               std::pair{"meeting_date", &m.dates.meeting_date},
                               std::pair{"next_year", &m.dates.next_year}, std::pair{"review", &m.dates.review}}) {
      const Value* path = dates->find(key);
      if (!path || path->is_null()) continue;
      if (path->kind != Value::Kind::string)
        fail(path->source, "found " + describe(*path) + " for `" + key + "`; expected a field path");
      if (std::string_view(key) != "review") check_date_path(m.fields, *path, key);
      *target = path->text;
    }
  }

  std::error_code ec;
  if (!fs::is_regular_file(dir / m.entry, ec)) {
    const Value* entry = root.find("entry");
    fail(entry ? entry->source : root.source,
         "the entry template " + m.entry + " is not in " + dir.string() + "; expected that .mustache file there");
  }
  return m;
}

void set_default_template_root(const fs::path& dir) {
  std::lock_guard lock(g_root_mutex);
  g_default_root = dir;
}

std::vector<fs::path> template_roots() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("BAOGAO_TEMPLATES")) {
    std::string list = env;
    for (std::size_t start = 0; start <= list.size();) {
      std::size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) candidates.emplace_back(list.substr(start, end - start));
      start = end + 1;
    }
  }
  {
    std::lock_guard lock(g_root_mutex);
    if (!g_default_root.empty()) candidates.push_back(g_default_root);
  }
  std::vector<fs::path> roots;
  std::error_code ec;
  for (auto& dir : candidates)
    if (fs::is_directory(dir, ec)) roots.push_back(std::move(dir));
  return roots;
}

fs::path find_template(const std::string& name_or_path) {
  std::error_code ec;
  if (fs::is_regular_file(fs::path(name_or_path) / "manifest.yaml", ec)) return name_or_path;
  const bool looks_like_path = name_or_path.find('/') != std::string::npos || name_or_path.starts_with(".");
  if (!looks_like_path && !name_or_path.empty()) {
    for (const auto& root : template_roots())
      if (fs::is_regular_file(root / name_or_path / "manifest.yaml", ec)) return root / name_or_path;
  }
  std::string names;
  for (const auto& root : template_roots())
    for (const auto& entry : fs::directory_iterator(root, ec))
      if (fs::is_regular_file(entry.path() / "manifest.yaml", ec))
        names += (names.empty() ? "" : ", ") + entry.path().filename().string();
  throw InputError("unknown_template", Source{name_or_path, ""},
                   std::string(looks_like_path ? "no manifest.yaml in this folder" : "no template of this name") +
                       "; expected a template folder or one of: " + (names.empty() ? "(none found)" : names));
}

std::vector<Manifest> list_templates() {
  std::map<std::string, Manifest> by_name;
  std::set<std::string> folders_seen;
  std::error_code ec;
  for (const auto& root : template_roots()) {
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(root, ec))
      if (fs::is_regular_file(entry.path() / "manifest.yaml", ec)) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
      if (!folders_seen.insert(folder.filename().string()).second) continue;  // an earlier root wins
      Manifest m = load_manifest(folder);
      by_name.emplace(m.name, std::move(m));
    }
  }
  std::vector<Manifest> out;
  for (auto& [name, m] : by_name) out.push_back(std::move(m));
  return out;
}

}  // namespace baogao
