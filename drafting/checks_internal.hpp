#pragma once
// Shared between the check families (checks_*.cpp); not a public interface.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "drafting/checks.hpp"
#include "drafting/derived.hpp"

namespace baogao::checks {

/// Where findings go, in the language asked for.
struct Context {
  const CheckOptions& options;
  Findings& findings;

  bool en() const { return options.lang == Lang::en; }
  void add(Severity severity, const char* code, const Source& where, const std::string& zh, const std::string& en) {
    findings.push_back(Finding{severity, code, where, options.lang == Lang::en ? en : zh});
  }
};

// --- fields: required, type, range (checks_fields.cpp) ---------------------

/// The Chinese / English name of a field for messages: "path（label）" / "path (label)".
std::string field_name(const std::string& path, const Field& f, bool en);

/// A required field absent, null or blank (same message as the render's).
void required_missing(Context& ctx, const Field& f, const std::string& field_path, const Source& parent);

/// A value whose shape does not fit (a list where a group is expected, …); `expected`
/// is the render's Chinese word, `expected_en` its English.
void wrong_shape(Context& ctx, const Value& v, const Field& f, const std::string& path, const char* expected,
                 const char* expected_en);

/// Type and range of a scalar value of a declared field.
void check_scalar(Context& ctx, const Value& v, const Field& f, const std::string& path);
/// A heading field (manifest `heading: true`) that starts with a number staff typed:
/// 一、 （一） 1. 1、 （1） 第一、 — the exporters number headings themselves.
void check_heading_number(Context& ctx, const Value& v, const Field& f, const std::string& path);

/// A computed value outside the field's range (a rate over 100%).
void check_computed_range(Context& ctx, const Field& f, const DerivedFigure& d, const std::string& path,
                          const Source& where);

// --- derived figures (checks_sums.cpp, checks_rates.cpp) ---------------------

/// A stated total against the sum of its parts; a stated difference or change against
/// A − B.
void check_sum(Context& ctx, const Field& f, const Value& stated, const DerivedFigure& d, const std::string& path);
void check_difference(Context& ctx, const Field& f, const Value& stated, const DerivedFigure& d,
                      const std::string& path);

/// A stated rate against PART / WHOLE × 100, allowing for the rounding of the
/// decimals written.
void check_rate(Context& ctx, const Field& f, const Value& stated, const DerivedFigure& d, const std::string& path);

// --- dates (checks_dates.cpp) --------------------------------------------------

void check_dates(Context& ctx, const Value& root, const Manifest& manifest);

// --- text (checks_text.cpp) ----------------------------------------------------

/// One count written with a measure word: 4次, 四次, 42件 (rule N3).
struct NumberUse {
  double value = 0;
  std::string unit;     ///< 次, 件, 场次, …
  bool chinese = false;
  std::string written;  ///< "四次", "4次"
  Source where;
};

/// Maps a byte offset of a text to its source location.
using Locate = std::function<Source(std::size_t offset)>;

/// The text lint of one paragraph; findings located with `locate`.
void lint(Context& ctx, std::string_view text, const Locate& locate);

/// Counts with a measure word in `text` (Arabic or Chinese, ≥ 3, not ordinals, not
/// inside quotes or 书名号, not approximate), appended to `uses`.
void collect_numbers(std::string_view text, const Locate& locate, std::vector<NumberUse>& uses);

/// The same value and measure word written in both forms: a finding at each Chinese
/// use, naming the first Arabic one (statistics are Arabic, rule N1).
void check_number_mixed(Context& ctx, const std::vector<NumberUse>& uses);

}  // namespace baogao::checks
