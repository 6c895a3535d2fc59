// The data tree → rows of the workbook layout (see layout_rows.hpp).
#include "exporters/xlsx/layout_rows.hpp"

#include <utility>

namespace baogao {

namespace {

const Value* at(const Value& object, const std::vector<std::string>& keys) {
  const Value* v = &object;
  for (const auto& k : keys) {
    if (!v->is_object()) return nullptr;
    v = v->find(k);
    if (!v) return nullptr;
  }
  return v->is_null() ? nullptr : v;
}

/// A laid-out item, for its nested sheets to find.
struct Entry {
  std::size_t sheet;
  std::size_t level;
  std::string top;  ///< the top sheet's name, as written in 所在位置
  std::vector<unsigned> numbers;
  const Value* item;
};

class Rows {
 public:
  Rows(const WorkbookLayout& layout, const Value& data) : layout_(layout), data_(data) {}

  LayoutRows run() {
    LayoutRows out;
    out.tables.resize(layout_.sheets.size());
    for (const auto& f : layout_.sheets[0].fields) out.key_value.push_back(at(data_, f.keys));
    for (std::size_t s = 1; s < layout_.sheets.size(); ++s) {
      const LayoutSheet& sheet = layout_.sheets[s];
      if (sheet.kind == LayoutSheet::Kind::table) {
        if (const Value* list = at(data_, sheet.levels[0].keys); list && list->is_array()) {
          std::vector<std::pair<std::size_t, const Value*>> pending;
          top_rows(s, 0, *list, {}, pending, out.tables[s]);
        }
      } else {
        nested_rows(s, out.tables[s]);
      }
    }
    return out;
  }

 private:
  FilledRow row(const LayoutSheet& sheet, std::string place,
                const std::vector<std::pair<std::size_t, const Value*>>& items) const {
    FilledRow r;
    r.place = std::move(place);
    r.values.assign(sheet.fields.size(), nullptr);
    for (std::size_t i = 0; i < sheet.fields.size(); ++i)
      for (const auto& item : items)
        if (item.first == sheet.fields[i].level) r.values[i] = at(*item.second, sheet.fields[i].keys);
    return r;
  }

  // `pending`: outer items whose fields go on the next row written.
  void top_rows(std::size_t s, std::size_t level, const Value& list, const std::vector<unsigned>& numbers,
                std::vector<std::pair<std::size_t, const Value*>>& pending, std::vector<FilledRow>& out) {
    const LayoutSheet& sheet = layout_.sheets[s];
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const Value& item = list.items[i];
      if (!item.is_object()) continue;
      auto here = numbers;
      here.push_back(static_cast<unsigned>(i + 1));
      entries_.push_back(Entry{s, level, sheet.name, here, &item});
      pending.emplace_back(level, &item);
      const Value* inner = level + 1 < sheet.levels.size() ? at(item, sheet.levels[level + 1].keys) : nullptr;
      if (inner && inner->is_array() && !inner->items.empty()) {
        top_rows(s, level + 1, *inner, here, pending, out);
      }
      if (!pending.empty()) {  // no inner item took the outer fields: a row of their own
        out.push_back(row(sheet, format_numbers(here), pending));
        pending.clear();
      }
    }
  }

  void nested_rows(std::size_t s, std::vector<FilledRow>& out) {
    const LayoutSheet& sheet = layout_.sheets[s];
    const std::size_t known = entries_.size();  // entries added here belong to this sheet
    for (std::size_t e = 0; e < known; ++e) {
      const Entry parent = entries_[e];
      for (const auto& p : sheet.parents) {
        if (p.sheet != parent.sheet || p.level != parent.level) continue;
        const Value* list = at(*parent.item, p.keys);
        if (!list || !list->is_array()) continue;
        for (std::size_t k = 0; k < list->items.size(); ++k) {
          const Value& child = list->items[k];
          if (!child.is_object()) continue;
          out.push_back(row(sheet, parent.top + " " + format_numbers(parent.numbers), {{0, &child}}));
          auto numbers = parent.numbers;
          numbers.push_back(static_cast<unsigned>(k + 1));
          entries_.push_back(Entry{s, 0, parent.top, numbers, &child});
        }
      }
    }
  }

  const WorkbookLayout& layout_;
  const Value& data_;
  std::vector<Entry> entries_;
};

}  // namespace

LayoutRows layout_rows(const WorkbookLayout& layout, const Value& data) { return Rows(layout, data).run(); }

}  // namespace baogao
