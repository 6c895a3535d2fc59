// The checks driver: walks the data with the manifest as the render does and hands
// each value to its family (checks_fields, checks_sums, checks_rates, checks_dates,
// checks_text). See checks.hpp.
#include "drafting/checks.hpp"

#include <algorithm>

#include "drafting/checks_internal.hpp"
#include "drafting/line_column.hpp"

namespace baogao {
namespace {

using checks::Context;

class Walker {
 public:
  explicit Walker(Context& ctx) : ctx_(ctx) {}

  void object(const Value& v, const std::vector<Field>& fields, const std::string& path, const Scope* outer) {
    const Scope scope{&v, outer, path, &fields};
    for (const auto& entry : v.members) {
      const std::string& key = entry.first;
      const Value& member = entry.second;
      const auto f = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; });
      if (f == fields.end()) {
        // "_note", "$schema": annotations by convention, not typos.
        if (!fields.empty() && !key.starts_with('_') && !key.starts_with('$')) unknown_field(key, member, fields, path);
        undeclared(member);
      } else
        field(member, *f, join(path, key), scope);
    }
    for (const Field& f : fields) {
      const Value* member = v.find(f.key);
      const bool stated = member && !is_blank(*member);
      bool computed = false;
      if (f.derive.kind != Derivation::Kind::none) {
        const DerivedFigure d = compute_derived(f, scope);
        computed = d.available;
        const std::string field_path = join(path, f.key);
        if (stated && member->is_scalar()) {
          switch (f.derive.kind) {
            case Derivation::Kind::sum: checks::check_sum(ctx_, f, *member, d, field_path); break;
            case Derivation::Kind::rate: checks::check_rate(ctx_, f, *member, d, field_path); break;
            case Derivation::Kind::difference:
            case Derivation::Kind::change: checks::check_difference(ctx_, f, *member, d, field_path); break;
            default: break;
          }
        } else if (!stated) {
          checks::check_computed_range(ctx_, f, d, field_path, v.source);
        }
      }
      if (f.required && !stated && !computed) checks::required_missing(ctx_, f, join(path, f.key), v.source);
    }
  }

  void text(const Value& v) {
    if (v.kind != Value::Kind::string) return;
    const Source where = v.source;
    const checks::Locate locate = [&where](std::size_t) { return where; };
    checks::lint(ctx_, v.text, locate);
    checks::collect_numbers(v.text, locate, numbers_);
  }

  std::vector<checks::NumberUse>& numbers() { return numbers_; }

 private:
  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  void field(const Value& v, const Field& f, const std::string& path, const Scope& scope) {
    if (v.is_null()) return;
    switch (f.type) {
      case FieldType::group:
        if (v.is_object())
          object(v, f.fields, path, &scope);
        else {  // not used by the render: its fields are missing (render.cpp)
          checks::wrong_shape(ctx_, v, f, path, "一组字段", "a group of fields");
          object(Value::make_null(v.source), f.fields, path, &scope);
        }
        return;
      case FieldType::list:
      case FieldType::table:
        if (!v.is_array()) {
          checks::wrong_shape(ctx_, v, f, path, f.type == FieldType::table ? "表格（多行）" : "列表",
                              f.type == FieldType::table ? "a table (rows)" : "a list");
          return;
        }
        for (std::size_t i = 0; i < v.items.size(); ++i) {
          const Value& item = v.items[i];
          const std::string item_path = path + "[" + std::to_string(i) + "]";
          if (f.fields.empty()) {
            undeclared(item);
          } else if (!item.is_object()) {
            checks::wrong_shape(ctx_, item, f, item_path, "一组字段", "a group of fields");
            object(Value::make_null(item.source), f.fields, item_path, &scope);
          } else {
            object(item, f.fields, item_path, &scope);
          }
        }
        return;
      default: break;
    }
    if (!v.is_scalar()) {
      checks::wrong_shape(ctx_, v, f, path, "单个值", "a single value");
      return;
    }
    checks::check_scalar(ctx_, v, f, path);
    if (f.heading && v.kind == Value::Kind::string) checks::check_heading_number(ctx_, v, f, path);
    if (f.type == FieldType::text) {
      text(v);
    } else if (is_figure(f.type) && !f.unit.empty() && f.derive.kind != Derivation::Kind::change) {
      // A figure the template writes with its unit: part of the document's numbers (N3).
      DerivedPart part;
      if (read_figure(v, part) && part.value >= 3) {
        const std::string written = part.written + f.unit;
        std::vector<checks::NumberUse> uses;
        checks::collect_numbers(written, [&](std::size_t) { return v.source; }, uses);
        for (auto& u : uses) numbers_.push_back(std::move(u));
      }
    }
  }

  /// A member of a group the manifest describes that is none of its fields: a typo
  /// (filed_lastyear) would otherwise make a sentence vanish without a word.
  void unknown_field(const std::string& key, const Value& member, const std::vector<Field>& fields,
                     const std::string& path) {
    const Field* closest = nullptr;
    std::size_t best = 3;  // at most 2 edits away, or the field's label used as the key
    for (const Field& f : fields) {
      const std::size_t d = f.label == key ? 0 : edit_distance(key, f.key);
      if (d < best) best = d, closest = &f;
    }
    const std::string where = path.empty() ? "数据顶层" : path;
    const std::string where_en = path.empty() ? "the top level" : path;
    ctx_.add(Severity::warning, "unknown_field", member.source,
             "“" + key + "”不是模板在" + where + "定义的字段，不会写入报告" +
                 (closest ? "；是否应为“" + closest->key + "”（" + closest->label + "）？" : ""),
             "\"" + key + "\" is not a field the template defines at " + where_en + "; it is not drafted" +
                 (closest ? "; did you mean \"" + closest->key + "\" (" + closest->label + ")?" : ""));
  }

  /// Levenshtein distance in bytes (field keys are ASCII).
  static std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    return row[b.size()];
  }

  /// Data the manifest does not declare: its strings are free text.
  void undeclared(const Value& v) {
    switch (v.kind) {
      case Value::Kind::string: text(v); break;
      case Value::Kind::array:
        for (const Value& item : v.items) undeclared(item);
        break;
      case Value::Kind::object:
        for (const auto& entry : v.members) undeclared(entry.second);
        break;
      default: break;
    }
  }

  Context& ctx_;
  std::vector<checks::NumberUse> numbers_;
};

}  // namespace

Findings check_data(const Value& data, const Manifest& manifest, const CheckOptions& options) {
  Findings findings;
  Context ctx{options, findings};
  Walker walker(ctx);
  if (data.is_object()) {
    walker.object(data, manifest.fields, "", nullptr);
  } else {
    if (!data.is_null())
      ctx.add(Severity::warning, "wrong_type", data.source, "数据应为一组字段（JSON 对象或 YAML 映射）；已忽略",
              "the data should be a group of fields (a JSON object or YAML mapping); ignored");
    walker.object(Value{}, manifest.fields, "", nullptr);
  }
  checks::check_dates(ctx, data, manifest);
  checks::check_number_mixed(ctx, walker.numbers());
  return findings;
}

Findings lint_text(std::string_view text, const Source& where, const CheckOptions& options) {
  Findings findings;
  Context ctx{options, findings};
  checks::lint(ctx, text, [&where](std::size_t) { return where; });
  return findings;
}

Findings lint_document(std::string_view text, const std::string& file, const CheckOptions& options) {
  Findings findings;
  Context ctx{options, findings};
  std::vector<checks::NumberUse> numbers;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Paragraphs: runs of lines separated by blank lines.
  std::size_t at = 0;
  while (at < text.size()) {
    // Skip blank lines.
    std::size_t line_end = text.find('\n', at);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (text.substr(at, line_end - at).find_first_not_of(" \t\r") == std::string_view::npos) {
      at = line_end + 1;
      continue;
    }
    std::size_t end = at;
    for (;;) {
      std::size_t e = text.find('\n', end);
      if (e == std::string_view::npos) {
        end = text.size();
        break;
      }
      std::size_t next_end = text.find('\n', e + 1);
      if (next_end == std::string_view::npos) next_end = text.size();
      if (text.substr(e + 1, next_end - e - 1).find_first_not_of(" \t\r") == std::string_view::npos) {
        end = e;
        break;
      }
      end = e + 1;
    }
    const std::size_t start = at;
    const checks::Locate locate = [&](std::size_t offset) { return Source{file, line_column(text, start + offset)}; };
    checks::lint(ctx, text.substr(start, end - start), locate);
    checks::collect_numbers(text.substr(start, end - start), locate, numbers);
    at = end + 1;
  }
  checks::check_number_mixed(ctx, numbers);
  return findings;
}

Findings merge_render_findings(Findings checked, const Findings& render) {
  for (const auto& f : render)
    if (f.code != "missing_field" && f.code != "wrong_type") checked.push_back(f);
  return checked;
}

bool has_errors(const Findings& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

const std::vector<CheckCode>& check_codes() {
  static const std::vector<CheckCode> codes = {
      {"missing_field", Severity::warning, "manifest required: true"},
      {"wrong_type", Severity::warning, "manifest type"},
      {"out_of_range", Severity::error, "manifest min/max (counts and amounts ≥ 0)"},
      {"sum_mismatch", Severity::error, "manifest derive: sum"},
      {"rate_mismatch", Severity::error, "manifest derive: rate"},
      {"difference_mismatch", Severity::error, "manifest derive: difference, change"},
      {"date_conflict", Severity::error, "manifest dates"},
      {"halfwidth_punctuation", Severity::warning, "GB/T 15834-2011 §5; rules P1, P2"},
      {"unbalanced_pair", Severity::warning, "GB/T 15834-2011 §4.8, §4.9, §4.15"},
      {"ellipsis_form", Severity::warning, "GB/T 15834-2011 §4.11; rule P5"},
      {"dash_form", Severity::warning, "GB/T 15834-2011 §4.10; rule P4"},
      {"fullwidth_digit", Severity::warning, "GB/T 15835-2011 §5.1; rule N11"},
      {"number_mixed", Severity::warning, "GB/T 15835-2011 §4.3; rule N3"},
      {"draft_leftover", Severity::warning, "drafting practice"},
      {"estimate_form", Severity::warning, "GB/T 15835-2011 §4.2; rule N4"},
      {"fixed_word_numeral", Severity::warning, "GB/T 15835-2011 §4.2; rule N6"},
      {"place_word_mixed", Severity::warning, "GB/T 15835-2011 §5.3; rule N13"},
      {"range_form", Severity::warning, "GB/T 15835-2011 §5.1; rule N15"},
      {"chinese_statistic", Severity::warning, "GB/T 15835-2011 §4.1.1; rule N1 (counts of 10 and more)"},
      {"heading_number_typed", Severity::warning, "GB/T 9704-2012 §7.3.3 (numbers come from the template)"},
      {"unknown_field", Severity::warning, "manifest fields (a key the template does not define)"},
  };
  return codes;
}

}  // namespace baogao
