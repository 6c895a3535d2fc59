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
///  - every `{{var}}` goes through escape_markup: data can never inject markup;
///    `{{{var}}}` and `{{&var}}` are refused (InputError "template_syntax");
///  - a figure field (is_figure) renders as an annotated span
///    `[value]{src="file:place"}` so exporters can add a review comment;
///  - a required field absent from the data renders as the placeholder
///    `[【待补充：<label>】]{missing="<label>"}` and adds a "missing_field" warning
///    naming the field's path and label;
///  - a Mustache syntax error is InputError "template_syntax" naming the template
///    file and line:column.
class Renderer {
 public:
  explicit Renderer(Manifest manifest);
  ~Renderer();
  Renderer(Renderer&&) noexcept;
  Renderer& operator=(Renderer&&) noexcept;

  RenderResult render(const Value& data) const;
  const Manifest& manifest() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace baogao
