// Rate checks: a stated rate against PART / WHOLE × 100 (derive: rate). The stated
// rate is rounded: 97.6% stands for 97.55–97.65, 100% for 99.5–100.5; only a
// difference beyond that rounding is a finding.
#include <algorithm>
#include <cmath>

#include "drafting/checks_internal.hpp"
#include "drafting/number_forms.hpp"

namespace baogao::checks {

void check_rate(Context& ctx, const Field& f, const Value& stated, const DerivedFigure& d, const std::string& path) {
  DerivedPart given;
  if (!d.available || d.approximate || d.parts.size() != 2 || !read_figure(stated, given)) return;
  const auto figure = parse_written_figure(given.written);
  if (!figure || figure->approximate()) return;  // 近100%: a bound, not a rate to compare
  const double tolerance = 0.5 * std::pow(10.0, -figure->decimals) + 1e-9;
  if (std::fabs(given.value - d.value) <= tolerance) return;
  const auto& part = d.parts[0];
  const auto& whole = d.parts[1];
  const std::string computed = format_decimal(d.value, std::max(figure->decimals, 1)) + "%";
  std::string written = given.written;
  if (written.empty() || written.back() != '%') written += "%";
  ctx.add(Severity::error, "rate_mismatch", stated.source,
          "比率与其分子分母不符：" + field_name(path, f, false) + "为" + written + "，而“" + part.name + "”" +
              part.written + " / “" + whole.name + "”" + whole.written + " × 100% = " + computed +
              "，超出四舍五入的误差",
          "rate does not match its parts: " + field_name(path, f, true) + " states " + written + ", but " +
              part.name + " " + part.written + " / " + whole.name + " " + whole.written + " × 100% = " + computed +
              ", beyond rounding");
}

}  // namespace baogao::checks
