#pragma once
// The drafting pipeline in one call: data tree → render → report markup → Document.
#include <string>

#include "drafting/document.hpp"
#include "drafting/finding.hpp"
#include "drafting/render.hpp"
#include "drafting/value.hpp"

namespace baogao {

struct Draft {
  std::string markup;  ///< what the template rendered (report markup)
  Document document;   ///< the parsed markup, for the exporters
  Findings findings;   ///< from the render (missing fields, dropped characters, …)
};

/// Renders `data` with `renderer` and parses the result.
/// Errors: InputError from the render ("template_syntax") or the parser
/// ("markup_syntax", naming the template's name and the markup line:column).
Draft draft_report(const Value& data, const Renderer& renderer);

/// True when any finding is a missing field (the draft holds a 【待补充】 placeholder).
bool has_placeholders(const Findings& findings);

}  // namespace baogao
