#pragma once
// Render: data tree + template package → report markup, with kainjow Mustache.
#include <cstddef>
#include <cstdint>
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
///  - a derived field (manifest `derive`, derived.hpp) the data does not state renders
///    its computed value as `[42]{derivation="= 12 + 9 + 8 + 7 + 6"}`; one the data
///    states renders the stated value with both attributes
///    `[42]{src="…" derivation="= 12 + 9 + 8 + 7 + 6"}` (the checks compare the two);
///    a change against last year renders worded (增加4件), a session name as text;
///  - `{{name|form}}` gives the figure `name` in another form, same span (figure_forms.hpp,
///    docs/figures.md): zh, arabic, ordinal, amount[:N], yuan/wan/yi[:N], percent[:N],
///    count[:N], year, month, day, zh_date, short, full. An unknown form is a
///    "template_syntax" error; a form that does not fit the value (zh of a date) shows
///    the default form and adds a "form_not_applicable" warning;
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
/// Limits of a template and of one render (each an InputError "too_large" naming the
/// file and line:column where it applies; the data's own depth is bounded by the readers).
/// Defaults are generous for report templates; `baogao … --limit NAME=VALUE` sets them
/// (drafting/limits.hpp, docs/limits.md).
inline constexpr std::uintmax_t kMaxTemplateBytes = 1u << 20;
inline constexpr std::size_t kMaxTemplateNesting = 64;
inline constexpr std::size_t kMaxRenderDepth = 128;

struct TemplateLimits {
  /// Size of one template file, in bytes (a report template is a few KiB).
  std::uintmax_t max_template_bytes = kMaxTemplateBytes;
  /// Sections nested in one template file.
  std::size_t max_template_nesting = kMaxTemplateNesting;
  /// Sections nested while rendering, partials included: a partial that recurses through
  /// the data stops here. A partial that includes itself outside any {{#section}} is
  /// refused when the template is loaded ("template_syntax").
  std::size_t max_render_depth = kMaxRenderDepth;
};

class Renderer {
 public:
  explicit Renderer(Manifest manifest, TemplateLimits limits = {});
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
