// A workbook → the data tree, by the template's workbook layout (see workbook_mapping.hpp).
//
// Order of work: the key–value sheet fills the root; each top table sheet builds its
// list apart (held in a unique_ptr, so its items stay put) and registers every item
// by its place ("分项工作" + 4.4); nested sheets, parents first, append their rows to
// the registered items and register their own; last, the top lists join the root.
// Registered pointers stay valid because a list's items are only ever appended to by
// the one sheet that owns that list, before its items are registered, and moving a
// Value (when a parent's member vector grows) keeps its items' storage.
#include "drafting/workbook_mapping.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "drafting/cell_convert.hpp"
#include "drafting/label_fold.hpp"
#include "drafting/workbook_layout.hpp"

namespace baogao {

namespace {

/// The cells of one row of a sheet.
struct RowCells {
  std::uint32_t row = 0;
  const Cell* begin = nullptr;
  const Cell* end = nullptr;
  const Cell* at(std::uint32_t column) const {
    for (const Cell* c = begin; c != end; ++c)
      if (c->column == column) return c;
    return nullptr;
  }
};

std::vector<RowCells> rows_of(const Sheet& sheet) {
  std::vector<RowCells> rows;
  const Cell* cells = sheet.cells.data();
  for (std::size_t i = 0; i < sheet.cells.size();) {
    std::size_t j = i;
    while (j < sheet.cells.size() && sheet.cells[j].row == sheet.cells[i].row) ++j;
    rows.push_back(RowCells{sheet.cells[i].row, cells + i, cells + j});
    i = j;
  }
  return rows;
}

bool blank(const Cell& c) { return c.text.find_first_not_of(" \t\r\n") == std::string::npos; }

Value object_value(Source source) {
  Value v;
  v.kind = Value::Kind::object;
  v.source = std::move(source);
  return v;
}

Value array_value(Source source) {
  Value v;
  v.kind = Value::Kind::array;
  v.source = std::move(source);
  return v;
}

/// The object at keys[0..n) below `object`, made (with `source`) where missing.
Value& object_at(Value& object, const std::vector<std::string>& keys, std::size_t n, const Source& source) {
  Value* v = &object;
  for (std::size_t i = 0; i < n; ++i) {
    Value* next = v->find(keys[i]);
    if (!next) {
      v->members.emplace_back(keys[i], object_value(source));
      next = &v->members.back().second;
    }
    v = next;
  }
  return *v;
}

/// The array at `keys` below `object`, made where missing.
Value& array_at(Value& object, const std::vector<std::string>& keys, const Source& group_source,
                const Source& list_source) {
  Value& parent = object_at(object, keys, keys.size() - 1, group_source);
  Value* list = parent.find(keys.back());
  if (!list) {
    parent.members.emplace_back(keys.back(), array_value(list_source));
    list = &parent.members.back().second;
  }
  return *list;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

/// One inner list item being built from the rows of a top sheet.
struct Node {
  Value item;
  std::map<std::pair<unsigned, unsigned>, std::unique_ptr<Node>> children;  ///< (number, repeat)
};

class Mapper {
 public:
  Mapper(const Workbook& workbook, const Manifest& manifest, Findings& findings)
      : workbook_(workbook), layout_(workbook_layout(manifest)), findings_(findings) {}

  Value run() {
    Value root = object_value(Source{workbook_.file, ""});
    assign_sheets();
    if (assigned_[0]) read_key_value(*assigned_[0], root);
    std::vector<std::pair<std::size_t, std::unique_ptr<Value>>> tops;
    for (std::size_t i = 1; i < layout_.sheets.size(); ++i) {
      if (!assigned_[i]) continue;
      if (layout_.sheets[i].kind == LayoutSheet::Kind::table) {
        auto list = read_table(i, *assigned_[i]);
        if (list) tops.emplace_back(i, std::move(list));
      } else {
        read_nested(i, *assigned_[i]);
      }
    }
    for (auto& [index, list] : tops) {
      if (list->items.empty()) continue;  // a sheet with its headers only: no data
      const auto& keys = layout_.sheets[index].levels[0].keys;
      Value& parent = object_at(root, keys, keys.size() - 1, list->source);
      parent.members.emplace_back(keys.back(), std::move(*list));
    }
    return root;
  }

 private:
  // ------------------------------------------------------------------ findings

  void report(Severity severity, const char* code, Source where, std::string message) {
    findings_.push_back(Finding{severity, code, std::move(where), std::move(message)});
  }
  Source cell_source(const Sheet& sheet, const Cell& cell) const { return workbook_.source(sheet, cell); }
  Source row_source(const Sheet& sheet, std::uint32_t row) const {
    return Source{workbook_.file, sheet.name + "!" + std::to_string(row) + ":" + std::to_string(row)};
  }
  Source sheet_source(const Sheet& sheet) const { return Source{workbook_.file, sheet.name}; }

  // ------------------------------------------------------------------ sheets

  std::vector<std::string> sheet_names(const LayoutSheet& s) const {
    std::vector<std::string> names{fold_label(s.name)};
    for (const auto& a : s.aliases) names.push_back(fold_label(a));
    if (!s.levels.empty()) names.push_back(fold_label(s.levels[0].list->label));
    return names;
  }

  std::string expected_sheets() const {
    std::string out;
    for (const auto& s : layout_.sheets) out += (out.empty() ? "" : ", ") + s.name;
    return out;
  }

  void assign_sheets() {
    assigned_.assign(layout_.sheets.size(), nullptr);
    std::vector<const Sheet*> unknown;
    for (const Sheet& sheet : workbook_.sheets) {
      const std::string name = fold_label(sheet.name);
      if (name == fold_label(kInstructionsSheet)) continue;
      std::optional<std::size_t> match;
      for (std::size_t i = 0; i < layout_.sheets.size() && !match; ++i) {
        const auto names = sheet_names(layout_.sheets[i]);
        if (std::find(names.begin(), names.end(), name) != names.end()) match = i;
      }
      if (!match) {
        if (sheet.state == SheetState::visible) unknown.push_back(&sheet);
        continue;
      }
      if (assigned_[*match]) {
        report(Severity::warning, "duplicate", sheet_source(sheet),
               "a second sheet for " + layout_.sheets[*match].name + " (the first is \"" +
                   assigned_[*match]->name + "\"); this one is ignored");
        continue;
      }
      assigned_[*match] = &sheet;
    }
    // One sheet of another name (a .csv is named after its file): take it for the
    // layout sheet whose labels it matches best.
    if (unknown.size() == 1 && workbook_.sheets.size() == 1) {
      std::size_t best = 0, best_score = 0;
      for (std::size_t i = 0; i < layout_.sheets.size(); ++i) {
        const std::size_t score = match_score(i, *unknown[0]);
        if (score > best_score) best = i, best_score = score;
      }
      if (best_score > 0) {
        assigned_[best] = unknown[0];
        unknown.clear();
      }
    }
    for (const Sheet* sheet : unknown)
      report(Severity::warning, "unknown_sheet", sheet_source(*sheet),
             "the sheet \"" + sheet->name + "\" is not part of this template's workbook; ignored (expected " +
                 expected_sheets() + ")");
  }

  std::size_t match_score(std::size_t index, const Sheet& sheet) {
    const LayoutSheet& layout = layout_.sheets[index];
    const auto names = field_names(layout);
    std::size_t best = 0;
    for (const auto& row : rows_of(sheet)) {
      std::size_t score = 0;
      if (layout.kind == LayoutSheet::Kind::key_value) {
        if (const Cell* a = row.at(1); a && names.count(fold_label(a->text))) ++score;
        best += score;
      } else {
        if (row.row > 5) break;
        for (const Cell* c = row.begin; c != row.end; ++c)
          if (names.count(fold_label(c->text))) ++score;
        best = std::max(best, score);
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ labels

  /// Folded name → index into the sheet's fields; names shared by two fields are left out.
  std::unordered_map<std::string, std::size_t> field_names(const LayoutSheet& sheet) const {
    std::unordered_map<std::string, std::size_t> names;
    std::map<std::string, int> label_count, key_count;
    for (const auto& f : sheet.fields) ++label_count[fold_label(f.field->label)], ++key_count[fold_label(f.keys.back())];
    std::set<std::string> clash;
    auto add = [&](const std::string& name, std::size_t i) {
      if (name.empty() || clash.count(name)) return;
      auto [it, fresh] = names.emplace(name, i);
      if (!fresh && it->second != i) {
        names.erase(it);
        clash.insert(name);
      }
    };
    for (std::size_t i = 0; i < sheet.fields.size(); ++i) {
      const auto& f = sheet.fields[i];
      add(fold_label(f.label), i);
      add(fold_label(f.full_label), i);
      add(fold_label(join(f.keys, ".")), i);
      if (label_count[fold_label(f.field->label)] == 1) add(fold_label(f.field->label), i);
      if (key_count[fold_label(f.keys.back())] == 1) add(fold_label(f.keys.back()), i);
    }
    return names;
  }

  // ------------------------------------------------------------------ values

  /// The cell's value for `field`, or nullopt after reporting why it does not fit.
  std::optional<Value> value_of(const Sheet& sheet, const Cell& cell, const LayoutField& field) {
    const Source source = cell_source(sheet, cell);
    if (field.text_list) {
      Value list = array_value(source);
      std::string_view text = cell.text;
      while (!text.empty()) {
        const auto end = text.find('\n');
        std::string line(text.substr(0, end));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first != std::string::npos) {
          line = line.substr(first, line.find_last_not_of(" \t") - first + 1);
          list.items.push_back(Value::make_string(line, source));
        }
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      }
      return list;
    }
    CellValue converted = convert_cell(cell, field.field->type);
    if (!converted.ok) {
      report(Severity::error, "wrong_type", source, converted.problem);
      return std::nullopt;
    }
    converted.value.source = source;
    return std::move(converted.value);
  }

  /// Puts `value` at the field's keys below `object`; a second value for the same
  /// field is reported and dropped (unless it is the same).
  void put(Value& object, const LayoutField& field, Value value, const Source& group_source) {
    Value& parent = object_at(object, field.keys, field.keys.size() - 1, group_source);
    if (Value* existing = parent.find(field.keys.back())) {
      if (existing->kind == value.kind && existing->text == value.text) return;
      report(Severity::warning, "duplicate", value.source,
             "\"" + field.label + "\" is already given in " + existing->source.place + "; this value is ignored");
      return;
    }
    parent.members.emplace_back(field.keys.back(), std::move(value));
  }

  // ------------------------------------------------------------------ key–value sheet

  void read_key_value(const Sheet& sheet, Value& root) {
    const LayoutSheet& layout = layout_.sheets[0];
    const auto names = field_names(layout);
    const Source group_source = sheet_source(sheet);
    for (const auto& row : rows_of(sheet)) {
      const Cell* label = row.at(1);
      if (!label || blank(*label)) continue;
      const std::string name = fold_label(label->text);
      if (name == fold_label(kLabelHeader)) continue;
      auto it = names.find(name);
      if (it == names.end()) {
        report(Severity::warning, "unknown_label", cell_source(sheet, *label),
               "\"" + label->text + "\" is not a field of this template; the row is ignored");
        continue;
      }
      const LayoutField& field = layout.fields[it->second];
      const Cell* cell = row.at(2);
      if (!cell || blank(*cell)) continue;
      auto value = value_of(sheet, *cell, field);
      if (!value) continue;
      if (field.text_list) {
        // A list of text: one row per item, every row with the field's label.
        Value& list = array_at(root, field.keys, group_source, group_source);
        for (auto& item : value->items) list.items.push_back(std::move(item));
        continue;
      }
      put(root, field, std::move(*value), group_source);
    }
  }

  // ------------------------------------------------------------------ table sheets

  struct Columns {
    std::uint32_t header_row = 0;
    std::optional<std::uint32_t> place;                  ///< column of 序号 / 所在位置
    std::map<std::uint32_t, std::size_t> fields;          ///< column → field index, in column order
    std::set<std::uint32_t> ignored;                      ///< unknown or unlabelled columns
  };

  /// Finds the header row (the first of rows 1–5 with a known header) and maps its
  /// columns; reports unknown ones. nullopt (after a finding) when there is none.
  std::optional<Columns> header(const LayoutSheet& layout, const Sheet& sheet, const std::vector<RowCells>& rows) {
    const auto names = field_names(layout);
    const std::string place_name =
        fold_label(layout.kind == LayoutSheet::Kind::nested ? kPlaceHeader : kNumberHeader);
    for (const auto& row : rows) {
      if (row.row > 5) break;
      std::size_t known = 0;
      for (const Cell* c = row.begin; c != row.end; ++c) {
        const std::string name = fold_label(c->text);
        if (name == place_name || names.count(name)) ++known;
      }
      if (known == 0) continue;
      Columns columns;
      columns.header_row = row.row;
      for (const Cell* c = row.begin; c != row.end; ++c) {
        const std::string name = fold_label(c->text);
        if (name.empty()) continue;
        if (name == place_name) {
          columns.place = c->column;
        } else if (auto it = names.find(name); it != names.end()) {
          columns.fields[c->column] = it->second;
        } else {
          columns.ignored.insert(c->column);
          report(Severity::warning, "unknown_column", cell_source(sheet, *c),
                 "the column \"" + c->text + "\" is not a field of " + layout.name + "; its values are ignored");
        }
      }
      return columns;
    }
    if (!rows.empty())
      report(Severity::warning, "no_header", sheet_source(sheet),
             "no header row of known column labels in rows 1–5 (expected labels such as \"" +
                 (layout.fields.empty() ? std::string(kNumberHeader) : layout.fields[0].label) +
                 "\"); the sheet is ignored");
    return std::nullopt;
  }

  /// The data rows below the header, without the help row; reports values under
  /// columns that have no header.
  std::vector<RowCells> data_rows(const Sheet& sheet, const std::vector<RowCells>& rows, Columns& columns) {
    std::vector<RowCells> out;
    for (const auto& row : rows) {
      if (row.row <= columns.header_row) continue;
      // The help row `baogao init` writes: "填写说明" in its 序号/所在位置 column, or in
      // column A when that column was deleted.
      const Cell* marker = row.at(columns.place.value_or(1));
      if (!marker && columns.place) marker = row.at(1);
      if (marker && fold_label(marker->text) == fold_label(kHelpRowMarker)) continue;
      for (const Cell* c = row.begin; c != row.end; ++c) {
        if (blank(*c) || c->column == columns.place || columns.fields.count(c->column) ||
            columns.ignored.count(c->column))
          continue;
        columns.ignored.insert(c->column);
        report(Severity::warning, "unknown_column", cell_source(sheet, *c),
               "a value in a column with no header; the column's values are ignored");
      }
      out.push_back(row);
    }
    return out;
  }

  /// Reads a top table sheet into its list (outermost level); registers every item.
  std::unique_ptr<Value> read_table(std::size_t index, const Sheet& sheet) {
    const LayoutSheet& layout = layout_.sheets[index];
    const auto rows = rows_of(sheet);
    auto columns = header(layout, sheet, rows);
    if (!columns) return nullptr;
    const std::size_t depth = layout.levels.size();
    Node root;
    std::vector<unsigned> current(depth, 0);

    for (const auto& row : data_rows(sheet, rows, *columns)) {
      // Which levels this row has values for.
      int shallowest = -1, deepest = -1;
      for (const auto& [column, field] : columns->fields) {
        const Cell* c = row.at(column);
        if (!c || blank(*c)) continue;
        const int level = static_cast<int>(layout.fields[field].level);
        if (shallowest < 0 || level < shallowest) shallowest = level;
        deepest = std::max(deepest, level);
      }
      if (deepest < 0) continue;

      // Its place: the 序号 as written, completed from the rows before it.
      std::vector<unsigned> given;
      if (columns->place)
        if (const Cell* c = row.at(*columns->place); c && !blank(*c)) {
          auto place = parse_place(c->text);
          if (place && place->sheet.empty() && place->numbers.size() <= depth) {
            given = place->numbers;
          } else {
            report(Severity::warning, "bad_place", cell_source(sheet, *c),
                   "expected a 序号 such as " + std::string(depth == 1 ? "3" : "2.4") + ", found " +
                       describe_cell(*c) + "; the row is placed after the one above it");
          }
        }
      std::vector<unsigned> place = given;
      place.resize(depth, 0);
      const std::size_t from = given.size();
      const std::size_t fresh = std::max<std::size_t>(from, static_cast<std::size_t>(shallowest));
      for (std::size_t k = from; k < depth; ++k) {
        const bool same_parent = std::equal(place.begin(), place.begin() + k, current.begin());
        if (k < fresh) place[k] = same_parent && current[k] > 0 ? current[k] : 1;
        else if (k == fresh) place[k] = same_parent ? current[k] + 1 : 1;
        else place[k] = 1;
      }
      for (std::size_t k = 0; k < depth; ++k) current[k] = static_cast<int>(k) <= deepest ? place[k] : 0;

      // Walk (and make) the items of each level down to the deepest with values.
      Node* node = &root;
      const Source source = row_source(sheet, row.row);
      for (std::size_t k = 0; static_cast<int>(k) <= deepest; ++k) {
        std::pair<unsigned, unsigned> key{place[k], 0};
        const bool innermost = k + 1 == depth;
        if (innermost) {
          while (node->children.count(key)) ++key.second;
          if (key.second > 0)
            report(Severity::warning, "duplicate", source,
                   "序号 " + format_numbers(std::vector<unsigned>(place.begin(), place.begin() + k + 1)) +
                       " is used twice; this row comes after the first one");
        }
        auto& child = node->children[key];
        if (!child) {
          child = std::make_unique<Node>();
          child->item = object_value(source);
        }
        node = child.get();
        for (const auto& [column, field_index] : columns->fields) {
          const LayoutField& field = layout.fields[field_index];
          if (field.level != k) continue;
          const Cell* c = row.at(column);
          if (!c || blank(*c)) continue;
          if (auto value = value_of(sheet, *c, field)) put(node->item, field, std::move(*value), source);
        }
      }
    }

    auto list = std::make_unique<Value>(build(layout, root, 0, sheet));
    register_items(index, fold_label(layout.name), *list, root, 0, {});
    return list;
  }

  /// The list Value of `node`'s children at `level`.
  Value build(const LayoutSheet& layout, Node& node, std::size_t level, const Sheet& sheet) {
    Value list = array_value(sheet_source(sheet));
    for (auto& [key, child] : node.children) {
      Value item = std::move(child->item);
      if (level + 1 < layout.levels.size() && !child->children.empty()) {
        Value inner = build(layout, *child, level + 1, sheet);
        inner.source = item.source;
        const auto& keys = layout.levels[level + 1].keys;
        Value& parent = object_at(item, keys, keys.size() - 1, item.source);
        parent.members.emplace_back(keys.back(), std::move(inner));
      }
      list.items.push_back(std::move(item));
    }
    return list;
  }

  /// Registers the items of `list` (built from `node`) under "top|4.4".
  void register_items(std::size_t sheet, const std::string& top, Value& list, Node& node, std::size_t level,
                      std::vector<unsigned> prefix) {
    const LayoutSheet& layout = layout_.sheets[sheet];
    std::size_t i = 0;
    for (auto& [key, child] : node.children) {
      Value& item = list.items[i++];
      if (key.second != 0) continue;  // a repeated 序号: the first one keeps the place
      auto numbers = prefix;
      numbers.push_back(key.first);
      registry_.emplace(top + "|" + format_numbers(numbers), Entry{&item, sheet, level, top, numbers});
      if (level + 1 < layout.levels.size() && !child->children.empty()) {
        const auto& keys = layout.levels[level + 1].keys;
        Value* inner = &item;
        for (const auto& k : keys) inner = inner->find(k);
        register_items(sheet, top, *inner, *child, level + 1, numbers);
      }
    }
  }

  // ------------------------------------------------------------------ nested sheets

  /// The top sheets whose rows can hold the items of `sheet` (folded names).
  std::set<std::size_t> tops_of(std::size_t sheet) const {
    const LayoutSheet& s = layout_.sheets[sheet];
    if (s.kind != LayoutSheet::Kind::nested) return {sheet};
    std::set<std::size_t> out;
    for (const auto& p : s.parents) {
      auto more = tops_of(p.sheet);
      out.insert(more.begin(), more.end());
    }
    return out;
  }

  void read_nested(std::size_t index, const Sheet& sheet) {
    const LayoutSheet& layout = layout_.sheets[index];
    const auto rows = rows_of(sheet);
    auto columns = header(layout, sheet, rows);
    if (!columns) return;
    const auto tops = tops_of(index);
    std::string example;
    for (std::size_t t : tops) example += (example.empty() ? "" : ", ") + ("\"" + layout_.sheets[t].name + " 1\"");
    if (!columns->place) {
      report(Severity::error, "bad_place", sheet_source(sheet),
             "expected a column headed \"" + std::string(kPlaceHeader) + "\" naming the row each item belongs to (" +
                 example + "), found none; the sheet is ignored");
      return;
    }

    struct Added {
      Value* parent;
      const LayoutParent* where;
      std::size_t position;
      std::string top;
      std::vector<unsigned> numbers;
    };
    std::vector<Added> added;

    for (const auto& row : data_rows(sheet, rows, *columns)) {
      bool any = false;
      for (const auto& [column, field] : columns->fields)
        if (const Cell* c = row.at(column); c && !blank(*c)) any = true;
      if (!any) continue;
      const Source source = row_source(sheet, row.row);
      const Cell* place_cell = row.at(*columns->place);
      if (!place_cell || blank(*place_cell)) {
        report(Severity::error, "bad_place", source,
               "expected the row's 所在位置 in column " + column_name(*columns->place) + ", such as " + example +
                   ", found nothing; the row is ignored");
        continue;
      }
      auto place = parse_place(place_cell->text);
      std::optional<std::size_t> top;
      if (place && place->sheet.empty() && tops.size() == 1) top = *tops.begin();
      if (place && !place->sheet.empty())
        for (std::size_t t : tops) {
          const auto names = sheet_names(layout_.sheets[t]);
          if (std::find(names.begin(), names.end(), fold_label(place->sheet)) != names.end()) top = t;
        }
      const Entry* entry = nullptr;
      const LayoutParent* where = nullptr;
      if (place && top) {
        auto it = registry_.find(fold_label(layout_.sheets[*top].name) + "|" + format_numbers(place->numbers));
        if (it != registry_.end()) {
          entry = &it->second;
          for (const auto& p : layout.parents)
            if (p.sheet == entry->sheet && p.level == entry->level) where = &p;
        }
      }
      if (!where) {
        report(Severity::error, "bad_place", cell_source(sheet, *place_cell),
               "expected the place of a row that exists, such as " + example + ", found " +
                   describe_cell(*place_cell) + "; the row is ignored");
        continue;
      }
      Value item = object_value(source);
      for (const auto& [column, field_index] : columns->fields) {
        const Cell* c = row.at(column);
        if (!c || blank(*c)) continue;
        if (auto value = value_of(sheet, *c, layout.fields[field_index]))
          put(item, layout.fields[field_index], std::move(*value), source);
      }
      Value& list = array_at(*entry->item, where->keys, entry->item->source, sheet_source(sheet));
      list.items.push_back(std::move(item));
      added.push_back(Added{entry->item, where, list.items.size() - 1, entry->top, entry->numbers});
    }

    // Register the new items now that their lists are complete.
    for (const auto& a : added) {
      Value* list = a.parent;
      for (const auto& k : a.where->keys) list = list->find(k);
      auto numbers = a.numbers;
      numbers.push_back(static_cast<unsigned>(a.position + 1));
      registry_.emplace(a.top + "|" + format_numbers(numbers), Entry{&list->items[a.position], index, 0, a.top, numbers});
    }
  }

  struct Entry {
    Value* item;
    std::size_t sheet;  ///< the layout sheet whose row made it
    std::size_t level;
    std::string top;    ///< folded name of its top sheet
    std::vector<unsigned> numbers;
  };

  const Workbook& workbook_;
  WorkbookLayout layout_;
  Findings& findings_;
  std::vector<const Sheet*> assigned_;
  std::unordered_map<std::string, Entry> registry_;
};

}  // namespace

Value map_workbook(const Workbook& workbook, const Manifest& manifest, Findings& findings) {
  return Mapper(workbook, manifest, findings).run();
}

}  // namespace baogao
