#pragma once
// Derived figures: values the manifest declares as computed from other fields
// (`derive:` — sum of a table column, a rate, a difference, a change against last
// year, a session name), with the derivation a reviewer can follow
// ("= 12 + 9 + 8 + 7 + 6"). The render shows them; the checks compare them with the
// values the data states.
#include <string>
#include <vector>

#include "drafting/manifest.hpp"
#include "drafting/source.hpp"
#include "drafting/value.hpp"

namespace baogao {

/// The data objects enclosing a field as a walk over the data met them, innermost
/// first: each object matches one field list of the manifest (the root, a group, an
/// item of a list or table). `object` may be null (a group absent from the data).
struct Scope {
  const Value* object = nullptr;
  const Scope* outer = nullptr;
  std::string path;  ///< the object's path for messages: "review.sections[1].items[3].proposals"
  /// The manifest fields of this object: lets an operand that the data leaves out be
  /// computed from its own derivation (a rate of a derived total). May be null.
  const std::vector<Field>* fields = nullptr;
};

/// One operand of a derivation as the data gives it.
struct DerivedPart {
  std::string name;     ///< for messages: the row's name (民生保障) or the operand's label (立案件数)
  std::string written;  ///< the value as written in the data ("12", "30余")
  double value = 0;     ///< its value (amounts in 元)
  Source where;         ///< where the data holds it
};

/// A derived figure computed from the data.
struct DerivedFigure {
  /// False when an operand is absent, not a number, or (rate) the whole is 0; then
  /// `problem` says which, and nothing else is set.
  bool available = false;
  std::string problem;
  /// The computed value: plain decimal text ("42", "97.6", "-3"); for session, the
  /// name (八届二次会议). Rates are in per cent with the field's precision (default 1).
  std::string value_text;
  double value = 0;  ///< unrounded (rates: per cent); 0 for session
  /// "= 12 + 9 + 8 + 7 + 6", "= 42 / 42 × 100%", "= 42 − 38"; "" for session.
  std::string derivation;
  std::vector<DerivedPart> parts;  ///< sum: each row; rate: part, whole; difference/change: A/NOW, B/BEFORE
  /// An operand was written with a qualifier or an approximating prefix (30余, 约300):
  /// the value is a bound, so the checks do not compare it.
  bool approximate = false;
  int decimals = 0;  ///< sum/difference/change: the most decimals among the operands as written
};

/// Computes `field`'s derivation (field.derive.kind != none) in `scope`, the object
/// holding the field and its enclosing objects. An operand the data leaves out that is
/// itself derived (sum, rate, difference) is computed first, up to 8 levels deep (a
/// cycle in the manifest gives up there). Never throws for bad data: an operand that
/// is missing or not a number makes the figure unavailable.
DerivedFigure compute_derived(const Field& field, const Scope& scope);

/// A figure's value as written in the data, read with parse_written_figure: a number
/// (its text as written), or a string like "42", "3,000", "30余", "十多". False for
/// anything else (booleans, containers, "abc").
bool read_figure(const Value& value, DerivedPart& out);

/// Decimal places of a number as written ("2.50" → 2, "42" → 0): a derived figure is
/// shown, and compared, to the places of its parts.
int decimals_of(const std::string& written);

}  // namespace baogao
