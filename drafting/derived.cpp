// Derived figures (see derived.hpp).
#include "drafting/derived.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "drafting/number_forms.hpp"

namespace baogao {
namespace {

/// The scope `up` objects out from `scope` (null past the root).
const Scope* climb(const Scope& scope, int up) {
  const Scope* s = &scope;
  for (int i = 0; i < up && s; ++i) s = s->outer;
  return s;
}

/// Member `keys[from..to)` below `object`; null when any is absent.
const Value* descend(const Value* object, const std::vector<std::string>& keys, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && object; ++i) object = object->is_object() ? object->find(keys[i]) : nullptr;
  return object;
}

std::string scalar_text(const Value& v) {
  if (v.kind == Value::Kind::number && v.text.empty()) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v.number);
    return std::string(buffer, end);
  }
  return v.text;
}

DerivedFigure compute(const Field& field, const Scope& scope, int depth);

/// The field `keys` names from `scope` (through groups), or null; `scopes` receives the
/// scope of each group on the way, so that the field's own derivation can be computed.
const Field* field_at(const Scope& scope, const std::vector<std::string>& keys, std::vector<Scope>& scopes) {
  if (!scope.fields) return nullptr;
  const std::vector<Field>* fields = scope.fields;
  const Scope* current = &scope;
  scopes.reserve(keys.size());  // `outer` pointers into this vector must stay valid
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto it = std::find_if(fields->begin(), fields->end(), [&](const Field& f) { return f.key == keys[i]; });
    if (it == fields->end()) return nullptr;
    if (i + 1 == keys.size()) return &*it;
    if (it->type != FieldType::group) return nullptr;
    const Value* object = current->object && current->object->is_object() ? current->object->find(keys[i]) : nullptr;
    scopes.push_back(Scope{object, current, current->path.empty() ? keys[i] : current->path + "." + keys[i], &it->fields});
    current = &scopes.back();
    fields = &it->fields;
  }
  return nullptr;
}

/// The operand `op` (a single figure) in `scope`; `problem` set when unavailable.
bool operand(const Derivation::Operand& op, const Scope& scope, DerivedPart& part, std::string& problem, int depth) {
  const Scope* s = climb(scope, op.up);
  const Value* v = s ? descend(s->object, op.keys, 0, op.keys.size()) : nullptr;
  part.name = op.label;
  if (!v || v->is_null() || (v->kind == Value::Kind::string && v->text.find_first_not_of(" \t\r\n") == std::string::npos)) {
    // Left out, but maybe derived itself: 办复率 = 办结 / 立案 where 立案 is a sum.
    std::vector<Scope> scopes;
    const Field* target = s && depth < 8 ? field_at(*s, op.keys, scopes) : nullptr;
    if (target && target->derive.kind != Derivation::Kind::none && target->derive.kind != Derivation::Kind::session &&
        target->derive.kind != Derivation::Kind::change) {
      const DerivedFigure d = compute(*target, scopes.empty() ? *s : scopes.back(), depth + 1);
      if (d.available) {
        part.written = d.value_text;
        part.value = d.value;
        part.where = Source{};
        return true;
      }
    }
    problem = "缺少“" + op.label + "”（" + op.path + "）";
    return false;
  }
  if (!read_figure(*v, part)) {
    problem = "“" + op.label + "”（" + op.path + "）不是数字";
    return false;
  }
  return true;
}

}  // namespace

bool read_figure(const Value& value, DerivedPart& out) {
  if (value.kind != Value::Kind::number && value.kind != Value::Kind::string) return false;
  out.written = scalar_text(value);
  out.where = value.source;
  const auto figure = parse_written_figure(out.written);
  if (!figure) return false;
  out.value = figure->value;
  return true;
}

DerivedFigure compute_derived(const Field& field, const Scope& scope) { return compute(field, scope, 0); }

namespace {

DerivedFigure compute(const Field& field, const Scope& scope, int depth) {
  const Derivation& d = field.derive;
  DerivedFigure out;
  if (d.kind == Derivation::Kind::none || d.operands.empty()) {
    out.problem = "no derivation";
    return out;
  }

  auto approximate = [](const DerivedPart& p) {
    const auto f = parse_written_figure(p.written);
    return f && f->approximate();
  };

  if (d.kind == Derivation::Kind::sum) {
    const auto& op = d.operands[0];
    const Scope* s = climb(scope, op.up);
    const auto list_at = static_cast<std::size_t>(op.list_at);
    const Value* list = s ? descend(s->object, op.keys, 0, list_at + 1) : nullptr;
    if (!list || !list->is_array() || list->items.empty()) {
      out.problem = "缺少“" + op.path.substr(0, op.path.rfind('.')) + "”的各行";
      return out;
    }
    double sum = 0;
    std::string derivation = "=";
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const Value& row = list->items[i];
      const Value* cell = descend(&row, op.keys, list_at + 1, op.keys.size());
      DerivedPart part;
      if (!cell || cell->is_null() || !read_figure(*cell, part)) {
        out.problem = "第" + std::to_string(i + 1) + "行的“" + op.label + "”缺少或不是数字";
        return out;
      }
      part.name = op.label;
      if (!op.row_name_key.empty())
        if (const Value* name = row.is_object() ? row.find(op.row_name_key) : nullptr; name && name->is_scalar())
          if (std::string n = scalar_text(*name); !n.empty()) part.name = n;
      sum += part.value;
      out.decimals = std::max(out.decimals, decimals_of(part.written));
      out.approximate = out.approximate || approximate(part);
      derivation += (i == 0 ? " " : " + ") + part.written;
      out.parts.push_back(std::move(part));
    }
    out.value = sum;
    out.value_text = format_decimal(sum, out.decimals);
    out.derivation = derivation;
    out.available = true;
    return out;
  }

  DerivedPart a, b;
  if (!operand(d.operands[0], scope, a, out.problem, depth) || !operand(d.operands[1], scope, b, out.problem, depth))
    return out;
  out.approximate = approximate(a) || approximate(b);
  out.decimals = std::max(decimals_of(a.written), decimals_of(b.written));
  switch (d.kind) {
    case Derivation::Kind::rate: {
      if (b.value == 0) {
        out.problem = "“" + b.name + "”为0，无法计算比率";
        return out;
      }
      out.value = a.value / b.value * 100;
      out.value_text = format_decimal(out.value, field.precision >= 0 ? field.precision : 1);
      out.derivation = "= " + a.written + " / " + b.written + " × 100%";
      break;
    }
    case Derivation::Kind::difference:
    case Derivation::Kind::change:
      out.value = a.value - b.value;
      out.value_text = format_decimal(out.value, out.decimals);
      out.derivation = "= " + a.written + " − " + b.written;
      break;
    case Derivation::Kind::session: {
      const bool whole = a.value >= 1 && b.value >= 1 && std::floor(a.value) == a.value &&
                         std::floor(b.value) == b.value && a.value < 1e6 && b.value < 1e6;
      if (!whole || out.approximate) {
        out.problem = "届次和会次应为正整数";
        return out;
      }
      out.value_text = session_name(static_cast<long long>(a.value), static_cast<long long>(b.value),
                                    SessionForm::short_form);
      out.approximate = false;
      break;
    }
    default: return out;
  }
  out.parts.push_back(std::move(a));
  out.parts.push_back(std::move(b));
  out.available = true;
  return out;
}

}  // namespace

int decimals_of(const std::string& written) {
  const auto point = written.find('.');
  if (point == std::string::npos) return 0;
  int n = 0;
  for (std::size_t i = point + 1; i < written.size() && written[i] >= '0' && written[i] <= '9'; ++i) ++n;
  return n;
}

}  // namespace baogao
