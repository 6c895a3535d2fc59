// Derived-figure checks: a stated total against the sum of its parts (derive: sum),
// a stated difference or change against A − B (derive: difference, change).
#include <algorithm>
#include <cmath>

#include "drafting/checks_internal.hpp"
#include "drafting/number_forms.hpp"

namespace baogao::checks {
namespace {

/// The stated figure when it can be compared: a number written exactly (not 30余).
bool exact_figure(const Value& stated, DerivedPart& part) {
  if (!read_figure(stated, part)) return false;
  const auto figure = parse_written_figure(part.written);
  return figure && !figure->approximate();
}

/// Equal once both are rounded to `decimals` places.
bool same(double a, double b, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::fabs(std::round(a * scale) - std::round(b * scale)) < 0.5;
}

}  // namespace

void check_sum(Context& ctx, const Field& f, const Value& stated, const DerivedFigure& d, const std::string& path) {
  DerivedPart total;
  if (!d.available || d.approximate || !exact_figure(stated, total)) return;
  const int decimals = std::max(decimals_of(total.written), d.decimals);
  if (same(total.value, d.value, decimals)) return;
  std::string parts_zh, parts_en;
  for (const auto& p : d.parts) {
    parts_zh += (parts_zh.empty() ? "" : " + ") + p.name + p.written;
    parts_en += (parts_en.empty() ? "" : " + ") + p.name + " " + p.written;
  }
  const std::string sum = format_decimal(d.value, decimals);
  ctx.add(Severity::error, "sum_mismatch", stated.source,
          "合计与分项之和不符：" + field_name(path, f, false) + "为" + total.written + "，而各分项（" +
              f.derive.operands[0].label + "）之和为" + parts_zh + " = " + sum,
          "total does not match its parts: " + field_name(path, f, true) + " states " + total.written +
              ", but its parts (" + f.derive.operands[0].label + ") add up to " + parts_en + " = " + sum);
}

void check_difference(Context& ctx, const Field& f, const Value& stated, const DerivedFigure& d,
                      const std::string& path) {
  DerivedPart given;
  if (!d.available || d.approximate || d.parts.size() != 2 || !exact_figure(stated, given)) return;
  const int decimals = std::max(decimals_of(given.written), d.decimals);
  if (same(given.value, d.value, decimals)) return;
  const auto& a = d.parts[0];
  const auto& b = d.parts[1];
  const std::string result = format_decimal(d.value, decimals);
  ctx.add(Severity::error, "difference_mismatch", stated.source,
          field_name(path, f, false) + "为" + given.written + "，与“" + a.name + "”" + a.written + " − “" + b.name +
              "”" + b.written + " = " + result + "不符",
          field_name(path, f, true) + " states " + given.written + ", but " + a.name + " " + a.written + " − " +
              b.name + " " + b.written + " = " + result);
}

}  // namespace baogao::checks
