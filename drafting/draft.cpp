#include "drafting/draft.hpp"

#include "drafting/markup.hpp"

namespace baogao {

Draft draft_report(const Value& data, const Renderer& renderer) {
  Draft draft;
  RenderResult rendered = renderer.render(data);
  draft.markup = std::move(rendered.markup);
  draft.findings = std::move(rendered.findings);
  // Markup errors point into the rendered text, named after the template that made it.
  draft.document = parse_markup(draft.markup, renderer.manifest().name + " (rendered markup)");
  return draft;
}

bool has_placeholders(const Findings& findings) {
  for (const auto& f : findings)
    if (f.code == "missing_field") return true;
  return false;
}

}  // namespace baogao
