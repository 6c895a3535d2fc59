#pragma once
// Render: data tree + template package → report markup, with kainjow Mustache.
#include <map>
#include <memory>
#include <string>

#include "drafting/finding.hpp"
#include "drafting/manifest.hpp"
#include "drafting/value.hpp"

namespace baogao {

struct RenderResult {
  std::string markup;  ///< report markup (drafting/markup.hpp)
  Findings findings;   ///< missing_field warnings, dropped_character notes, …
};

/// Renders a template package. Parsed templates are cached per Renderer.
///
/// Rules:
///  - every data string reaches the markup through escape_markup exactly once: data
///    can never inject markup. `{{var}}` is the only way to output a value;
///    `{{{var}}}`, `{{&var}}` and delimiter changes `{{=<% %>=}}` are refused
///    (InputError "template_syntax");
///  - values are shown by field type (drafting/figures.hpp: 万/亿 amounts, dates,
///    percentages); a value that does not fit its type adds a "wrong_type" warning;
///  - a figure field (is_figure) renders as an annotated span
///    `[value]{src="file:place"}` so exporters can add a review comment;
///  - a required scalar field absent, null or blank renders as the placeholder
///    `[【待补充：<label>】]{missing="<label>"}` and adds a "missing_field" warning at
///    the parent object's source, naming the field's path (review.sections[2].heading)
///    and label; a required group or list absent, null or empty adds the warning
///    only and renders nothing (a template can say more with `{{^key}}…{{/key}}`);
///  - members the manifest does not declare are rendered as escaped text; objects,
///    arrays and booleans become Mustache sections, `{{.}}` reads a list's text items;
///  - a control character dropped by escape_markup adds a "dropped_character" note
///    at the value's source;
///  - a Mustache syntax error is InputError "template_syntax" naming the template
///    file and line:column (column in code points), what was found and expected:
///    unclosed tag or section, mismatched `{{/x}}`, a partial `{{> x}}` without an
///    x.mustache in the folder.
///
/// Partials: every *.mustache in the template folder other than the entry;
/// `{{> name}}` includes name.mustache. They are looked up among those files only,
/// never in the data. Template files are read and checked once, in the constructor
/// (kainjow still re-parses a partial's text at each inclusion).
///
/// Errors from the constructor: "file_not_found" (entry unreadable), "template_syntax".
/// A Renderer is not safe to use from two threads at once (kainjow keeps state).
class Renderer {
 public:
  explicit Renderer(Manifest manifest);
  ~Renderer();
  Renderer(Renderer&&) noexcept;
  Renderer& operator=(Renderer&&) noexcept;

  /// Renders `data` (normally an object; anything else is treated as empty, with a
  /// "wrong_type" warning). Same data, same output and findings, in data order.
  RenderResult render(const Value& data) const;
  const Manifest& manifest() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace baogao
