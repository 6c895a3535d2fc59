// The workbook layout of a template (see workbook_layout.hpp).
#include "drafting/workbook_layout.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "drafting/label_fold.hpp"

namespace baogao {

namespace {

bool is_object_list(const Field& f) {
  return (f.type == FieldType::list || f.type == FieldType::table) && !f.fields.empty();
}
bool is_text_list(const Field& f) {
  return (f.type == FieldType::list || f.type == FieldType::table) && f.fields.empty();
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

/// Whether `fields` hold a list of objects anywhere (through groups), other than `except`.
bool has_object_list(const std::vector<Field>& fields, const Field* except = nullptr) {
  for (const Field& f : fields) {
    if (&f == except) continue;
    if (is_object_list(f)) return true;
    if (f.type == FieldType::group && has_object_list(f.fields)) return true;
  }
  return false;
}

/// The shape of a list's items, to share one nested sheet among lists of one label.
std::string signature(const std::vector<Field>& fields) {
  std::string out = "{";
  for (const Field& f : fields) out += f.key + ":" + to_string(f.type) + signature(f.fields) + ",";
  return out + "}";
}

/// A sheet name Excel accepts (§18.2.19 sheet@name: at most 31 characters, none of
/// []:*?/\) and that no other sheet has (compared folded).
std::string sheet_name(std::string wanted, std::set<std::string>& taken) {
  for (char& c : wanted)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  auto cut = [](const std::string& s, std::size_t max_chars) {
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > max_chars) break;
    return s.substr(0, i);
  };
  std::string name = cut(wanted, 31);
  for (int n = 2; taken.count(fold_label(name)); ++n) name = cut(wanted, 28) + " " + std::to_string(n);
  taken.insert(fold_label(name));
  return name;
}

struct PendingList {
  const Field* list;
  LayoutParent parent;
};

class Builder {
 public:
  explicit Builder(const Manifest& m) {
    taken_.insert(fold_label(kInstructionsSheet));
    taken_.insert(fold_label(kKeyValueSheet));
    LayoutSheet kv;
    kv.kind = LayoutSheet::Kind::key_value;
    kv.name = kKeyValueSheet;
    layout_.sheets.push_back(std::move(kv));
    std::vector<std::vector<std::string>> groups;
    root_fields(m.fields, {}, {}, groups);
    qualify(layout_.sheets[0], groups, false);
    for (auto& top : tops_) add_top_sheet(*top.first, top.second);
    while (!pending_.empty()) {
      PendingList p = pending_.front();
      pending_.pop_front();
      add_nested(p);
    }
  }
  WorkbookLayout take() { return std::move(layout_); }

 private:
  // Fields reachable from the root through groups: scalars and text lists to the
  // key–value sheet, lists of objects to top sheets (made after it).
  void root_fields(const std::vector<Field>& fields, const std::vector<std::string>& keys,
                   const std::vector<std::string>& group_labels, std::vector<std::vector<std::string>>& groups,
                   bool optional = false) {
    for (const Field& f : fields) {
      if (is_computed_only(f)) continue;  // derived, never typed (manifest.hpp)
      auto path = keys;
      path.push_back(f.key);
      if (f.type == FieldType::group) {
        auto labels = group_labels;
        labels.push_back(f.label);
        root_fields(f.fields, path, labels, groups, optional || !f.required);
      } else if (is_object_list(f)) {
        tops_.emplace_back(&f, path);
      } else {
        layout_.sheets[0].fields.push_back(LayoutField{&f, path, f.label, 0, is_text_list(f), optional});
        groups.push_back(group_labels);
      }
    }
  }

  // Labels: key–value rows bare unless two share one; table columns of groups always
  // 组·字段. A label still shared after that gets its key path in brackets.
  static void qualify(LayoutSheet& sheet, const std::vector<std::vector<std::string>>& groups, bool always) {
    for (std::size_t i = 0; i < sheet.fields.size(); ++i)
      sheet.fields[i].full_label =
          groups[i].empty() ? sheet.fields[i].field->label : join(groups[i], "·") + "·" + sheet.fields[i].field->label;
    std::map<std::string, int> count;
    for (const auto& f : sheet.fields) ++count[fold_label(f.field->label)];
    for (std::size_t i = 0; i < sheet.fields.size(); ++i) {
      auto& f = sheet.fields[i];
      if (always || count[fold_label(f.field->label)] > 1) f.label = f.full_label;
    }
    std::map<std::string, int> again;
    for (const auto& f : sheet.fields) ++again[fold_label(f.label)];
    for (auto& f : sheet.fields)
      if (again[fold_label(f.label)] > 1) f.label += "（" + join(f.keys, ".") + "）";
  }

  // The columns of one item's fields; lists of objects inside become pending nested
  // sheets whose parent is (sheet, level).
  void item_fields(const std::vector<Field>& fields, const std::vector<std::string>& keys,
                   const std::vector<std::string>& group_labels, std::size_t sheet, std::size_t level,
                   const Field* except, std::vector<LayoutField>& out, std::vector<std::vector<std::string>>& groups,
                   bool optional = false) {
    for (const Field& f : fields) {
      if (&f == except || is_computed_only(f)) continue;  // derived, never typed (manifest.hpp)
      auto path = keys;
      path.push_back(f.key);
      if (f.type == FieldType::group) {
        auto labels = group_labels;
        labels.push_back(f.label);
        item_fields(f.fields, path, labels, sheet, level, nullptr, out, groups, optional || !f.required);
      } else if (is_object_list(f)) {
        pending_.push_back(PendingList{&f, LayoutParent{sheet, level, path}});
      } else {
        out.push_back(LayoutField{&f, path, f.label, level, is_text_list(f), optional});
        groups.push_back(group_labels);
      }
    }
  }

  void add_top_sheet(const Field& list, const std::vector<std::string>& keys) {
    const std::size_t index = layout_.sheets.size();
    LayoutSheet sheet;
    sheet.kind = LayoutSheet::Kind::table;
    sheet.name = sheet_name(list.label, taken_);
    sheet.aliases.push_back(join(keys, "."));
    layout_.sheets.push_back(std::move(sheet));

    std::vector<LayoutField> fields;
    std::vector<std::vector<std::string>> groups;
    std::vector<LayoutLevel> levels{LayoutLevel{&list, keys}};
    const Field* current = &list;
    for (;;) {
      // An item holding exactly one list of objects, directly, and no other: the inner
      // list shares the sheet.
      const Field* inner = nullptr;
      int lists = 0;
      for (const Field& f : current->fields)
        if (is_object_list(f)) inner = &f, ++lists;
      const bool flatten = lists == 1 && !has_object_list(current->fields, inner);
      item_fields(current->fields, {}, {}, index, levels.size() - 1, flatten ? inner : nullptr, fields, groups);
      if (!flatten) break;
      levels.push_back(LayoutLevel{inner, {inner->key}});
      current = inner;
    }
    LayoutSheet& s = layout_.sheets[index];
    s.levels = std::move(levels);
    s.fields = std::move(fields);
    qualify(s, groups, true);
  }

  void add_nested(const PendingList& p) {
    const std::string key = p.list->label + signature(p.list->fields);
    if (auto it = nested_.find(key); it != nested_.end() && it->second > p.parent.sheet) {
      auto& parents = layout_.sheets[it->second].parents;
      const bool known = std::any_of(parents.begin(), parents.end(), [&](const LayoutParent& q) {
        return q.sheet == p.parent.sheet && q.level == p.parent.level && q.keys == p.parent.keys;
      });
      if (!known) parents.push_back(p.parent);
      return;
    }
    const std::size_t index = layout_.sheets.size();
    nested_[key] = index;
    LayoutSheet sheet;
    sheet.kind = LayoutSheet::Kind::nested;
    sheet.name = sheet_name(p.list->label, taken_);
    sheet.levels.push_back(LayoutLevel{p.list, p.parent.keys});
    sheet.parents.push_back(p.parent);
    layout_.sheets.push_back(std::move(sheet));
    std::vector<LayoutField> fields;
    std::vector<std::vector<std::string>> groups;
    item_fields(p.list->fields, {}, {}, index, 0, nullptr, fields, groups);
    LayoutSheet& s = layout_.sheets[index];
    s.fields = std::move(fields);
    qualify(s, groups, true);
  }

  WorkbookLayout layout_;
  std::set<std::string> taken_;
  std::vector<std::pair<const Field*, std::vector<std::string>>> tops_;
  std::deque<PendingList> pending_;
  std::map<std::string, std::size_t> nested_;
};

}  // namespace

WorkbookLayout workbook_layout(const Manifest& manifest) { return Builder(manifest).take(); }

std::optional<Place> parse_place(std::string_view text) {
  const std::string folded = nfkc(text);
  std::string_view s = folded;
  const auto digit = s.find_first_of("0123456789");
  if (digit == std::string_view::npos) return std::nullopt;
  Place place;
  std::string_view label = s.substr(0, digit);
  while (!label.empty() && (label.back() == ' ' || label.back() == '\t')) label.remove_suffix(1);
  while (!label.empty() && (label.front() == ' ' || label.front() == '\t')) label.remove_prefix(1);
  place.sheet = std::string(label);
  std::string_view rest = s.substr(digit);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\n' || rest.back() == '\r'))
    rest.remove_suffix(1);
  unsigned n = 0;
  bool have = false;
  for (char c : rest) {
    if (c >= '0' && c <= '9') {
      if (n > 100000) return std::nullopt;
      n = n * 10 + static_cast<unsigned>(c - '0');
      have = true;
    } else if (c == '.' && have) {
      if (n == 0) return std::nullopt;
      place.numbers.push_back(n);
      n = 0;
      have = false;
    } else {
      return std::nullopt;
    }
  }
  if (!have || n == 0) return std::nullopt;
  place.numbers.push_back(n);
  return place;
}

std::string format_numbers(const std::vector<unsigned>& numbers) {
  std::string out;
  for (unsigned n : numbers) out += (out.empty() ? "" : ".") + std::to_string(n);
  return out;
}

}  // namespace baogao
