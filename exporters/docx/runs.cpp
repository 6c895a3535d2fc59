#include "exporters/docx/runs.hpp"

#include <unicode/utf8.h>

#include "exporters/docx/gb2312.hpp"
#include "exporters/docx/properties.hpp"
#include "exporters/docx/text_hygiene.hpp"

namespace baogao::docx {
namespace {

// Formatting inherited down nested inlines.
struct RunFormat {
  bool lead = false;
  bool missing = false;
};

struct Context {
  const FontSpec& font;  // the paragraph style's font
  const FormatProfile& profile;
  const Source& where;
  Findings& findings;
  Commenter* commenter;  // null: no review comments
};

bool has_shared_punctuation(const std::string& s) {
  for (const char* p : {"\u2018", "\u2019", "\u201C", "\u201D", "\u2014", "\u2026", "\u00B7"})
    if (s.find(p) != std::string::npos) return true;
  return false;
}

RunProps run_props(const RunFormat& f, const FormatProfile& profile, const std::string& text) {
  RunProps r;
  if (f.lead) {
    r.fonts = profile.lead;
    if (profile.lead.bold) r.bold = true;
    if (profile.lead.size_half_points != profile.normal.font.size_half_points) {
      r.size = profile.lead.size_half_points;
      r.spacing = 0;  // the −5 run spacing is computed for the grid's size only
    }
  }
  r.hint_east_asia = has_shared_punctuation(text);
  if (f.missing) r.highlight = profile.missing_highlight;
  return r;
}

// One run: w:t / w:br / w:tab pieces.
void write_run(XmlWriter& w, const RunProps& rpr, std::string_view text) {
  if (text.empty()) return;
  w.start("w:r");
  write_run_props(w, rpr);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\t') continue;
    if (i > start) w.start("w:t").attr("xml:space", "preserve").text(text.substr(start, i - start)).end();
    if (i < text.size()) w.empty(text[i] == '\n' ? "w:br" : "w:tab");
    start = i + 1;
  }
  w.end();
}

// The face that stands in for a *_GB2312 font ("" when the font covers everything).
std::string gb2312_fallback(const FontSpec& font, const FormatProfile& profile) {
  if (!font.east_asia.ends_with("_GB2312")) return {};
  for (const auto& face : profile.font_faces)
    if (face.name == font.east_asia) return face.alt_name;
  return {};
}

// Writes `text` as runs, moving characters the GB 2312 font lacks into runs in the
// fallback face (docx-bugs E4).
void write_text(XmlWriter& w, const RunFormat& format, const std::string& text, const Context& ctx) {
  const RunProps props = run_props(format, ctx.profile, text);
  const FontSpec& font = format.lead ? ctx.profile.lead : ctx.font;
  const std::string fallback = gb2312_fallback(font, ctx.profile);
  if (fallback.empty()) return write_run(w, props, text);

  RunProps fallback_props = props;
  fallback_props.fonts = FontSpec{fallback, fallback, font.size_half_points, font.bold};
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t start = 0;
  bool start_covered = true;
  auto flush = [&](int32_t end) {
    const std::string_view piece(text.data() + start, static_cast<std::size_t>(end - start));
    if (!start_covered && !piece.empty())
      ctx.findings.push_back({Severity::note, "font_fallback", ctx.where,
                              "“" + std::string(piece) + "”不在 GB 2312 中，" + font.east_asia + " 没有这些字，改用“" +
                                  fallback + "”"});
    write_run(w, start_covered ? props : fallback_props, piece);
  };
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const bool covered = c == '\n' || c == '\t' || in_gb2312(static_cast<char32_t>(c));
    if (covered != start_covered) {
      flush(at);
      start = at;
      start_covered = covered;
    }
  }
  flush(length);
}

bool has_attribute(const Inline& in, const char* key) {
  for (const auto& [k, v] : in.attributes)
    if (k == key) return true;
  return false;
}

void inlines(XmlWriter& w, const Inlines& list, RunFormat format, const Context& ctx) {
  for (const auto& in : list) {
    switch (in.kind) {
      case Inline::Kind::text:
        write_text(w, format, clean_text(in.text, ctx.where, ctx.findings), ctx);
        break;
      case Inline::Kind::strong: {
        RunFormat lead = format;
        lead.lead = true;
        write_text(w, lead, clean_text(in.text, ctx.where, ctx.findings), ctx);
        break;
      }
      case Inline::Kind::line_break:
        w.start("w:r");
        write_run_props(w, run_props(format, ctx.profile, ""));
        w.empty("w:br");
        w.end();
        break;
      case Inline::Kind::span: {
        RunFormat inner = format;
        if (has_attribute(in, "missing")) inner.missing = true;
        const int comment = ctx.commenter ? ctx.commenter->open_span(w, in) : -1;
        inlines(w, in.content, inner, ctx);
        if (ctx.commenter) ctx.commenter->close(w, comment);
        break;
      }
    }
  }
}

}  // namespace

void write_inlines(XmlWriter& w, const Inlines& list, const FontSpec& font, const FormatProfile& profile,
                   const Source& where, Findings& findings, Commenter* commenter) {
  inlines(w, list, RunFormat{}, Context{font, profile, where, findings, commenter});
}

void write_plain_run(XmlWriter& w, const std::string& text) { write_run(w, RunProps{}, text); }

}  // namespace baogao::docx
