// Template packages: manifest.yaml → Manifest, and where templates are found.
//
// manifest.yaml is read with the YAML reader (drafting/readers.hpp), so every node
// carries its line:column and duplicate keys are already refused; this file checks
// the shape against the format documented in manifest.hpp.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
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
  for (const auto& [key, value] : object.members) {
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

Field read_field(const Value& v, const std::string& parent) {
  if (!v.is_object())
    fail(v.source, "found " + describe(v) + " in `fields`; expected a field (`- key: …` with `label: …`)");
  check_keys(v, {"key", "label", "type", "required", "unit", "hint", "fields"}, "a field");

  Field f;
  f.key = required_text(v, "key", "the field");
  if (f.key.find_first_of(". \t{}#^/>&!=") != std::string::npos)
    fail(v.find("key")->source, "found the key \"" + f.key +
                                     "\"; expected a name without dots, spaces or Mustache signs ({{" + f.key +
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
    std::string message = e.what();  // "<where>: <message>"
    if (!e.where().empty()) message = message.substr(e.where().to_string().size() + 2);
    throw InputError("bad_manifest", e.where(), message);
  }
  if (!root.is_object())
    fail(Source{file.string(), root.source.place},
         "found " + describe(root) + "; expected a mapping with title, fields, …");
  check_keys(root, {"name", "title", "description", "entry", "fields"}, "manifest.yaml");

  Manifest m;
  m.dir = dir;
  fs::path folder = fs::absolute(dir).lexically_normal();
  if (!folder.has_filename()) folder = folder.parent_path();  // "templates/x/"
  m.name = text_member(root, "name", folder.filename().string());
  m.title = required_text(root, "title", "manifest.yaml");
  m.description = text_member(root, "description");
  m.entry = text_member(root, "entry", m.entry);
  if (const Value* fields = root.find("fields"); fields && !fields->is_null()) m.fields = read_fields(*fields, "");

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
