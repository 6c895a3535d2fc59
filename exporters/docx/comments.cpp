// word/comments.xml and the comment anchors in word/document.xml — ECMA-376 Part 1
// §17.13.4. Ranges are w:commentRangeStart / w:commentRangeEnd siblings of the runs
// they enclose, followed by a run holding w:commentReference (§17.13.4.5), the shape
// Word itself writes; every id is unique and used once by each of the three markers
// (docx-check semantic: a marker without its w:comment is an error).
#include "exporters/docx/comments.hpp"

#include <algorithm>

#include "exporters/docx/parts.hpp"
#include "exporters/docx/runs.hpp"
#include "exporters/docx/text_hygiene.hpp"

namespace baogao::docx {
namespace {

const char* severity_label(Severity s) {
  switch (s) {
    case Severity::error: return "错误";
    case Severity::warning: return "警告";
    case Severity::note: return "提示";
  }
  return "提示";
}

void walk_spans(const Inlines& list, std::vector<const Inline*>& out) {
  for (const auto& in : list)
    if (in.kind == Inline::Kind::span) out.push_back(&in);
}

// Every span of the document in document order, table cells included.
std::vector<const Inline*> spans_of(const Document& d) {
  std::vector<const Inline*> out;
  for (const auto& b : d.blocks) {
    walk_spans(b.inlines, out);
    for (const auto& row : b.rows)
      for (const auto& cell : row) walk_spans(cell, out);
  }
  return out;
}

bool has_key(const Inline& in, const char* key) {
  return std::any_of(in.attributes.begin(), in.attributes.end(), [&](const auto& kv) { return kv.first == key; });
}

}  // namespace

std::vector<std::string> span_comment_lines(const Inline& span) {
  std::vector<std::string> lines;
  if (has_key(span, "src")) lines.push_back("来源：" + span.attribute("src"));
  if (has_key(span, "derivation")) {
    const std::string d = span.attribute("derivation");
    const std::string shown = plain_text(span.content);
    lines.push_back("计算：" + (d.starts_with("=") && !shown.empty() ? shown + " " + d : d));
  }
  if (has_key(span, "missing"))
    lines.push_back("待补充：" + span.attribute("missing") + "。数据中缺少此项，补充后重新生成。");
  if (has_key(span, "note")) lines.push_back("说明：" + span.attribute("note"));
  return lines;
}

std::string finding_comment_line(const Finding& f, const std::string& anchor) {
  std::string line = std::string("检查（") + severity_label(f.severity) + "）：" + f.message;
  if (!f.code.empty()) line += "〔" + f.code + "〕";
  const std::string where = f.where.to_string();
  if (!where.empty() && where != anchor) line += "\n位置：" + where;
  return line;
}

Commenter::Commenter(const Document& document, const Findings& findings, bool enabled)
    : enabled_(enabled), findings_(findings) {
  if (!enabled_) return;
  for (const auto& b : document.blocks)
    if (b.role != Block::Role::table && b.role != Block::Role::page_break) {
      first_paragraph_ = &b;
      break;
    }

  const std::vector<const Inline*> spans = spans_of(document);
  std::map<std::string, const Inline*> by_src;
  std::vector<const Inline*> placeholders;
  for (const Inline* s : spans) {
    const std::string src = s->attribute("src");
    if (!src.empty()) by_src.emplace(src, s);  // the first span with that src
    if (has_key(*s, "missing")) placeholders.push_back(s);
  }
  std::map<std::string, const Block*> by_source;
  for (const auto& b : document.blocks) by_source.emplace(b.source.to_string(), &b);

  std::vector<bool> placeholder_taken(placeholders.size(), false);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const std::string where = findings[i].where.to_string();
    if (!where.empty()) {
      if (auto it = by_src.find(where); it != by_src.end()) {
        span_findings_[it->second].push_back(i);
        continue;
      }
      if (auto it = by_source.find(where); it != by_source.end()) {
        block_findings_[it->second].push_back(i);
        continue;
      }
    }
    if (findings[i].code == "missing_field") {
      bool placed = false;
      for (std::size_t p = 0; p < placeholders.size() && !placed; ++p) {
        if (placeholder_taken[p]) continue;
        if (findings[i].message.find("“" + placeholders[p]->attribute("missing") + "”") == std::string::npos)
          continue;
        placeholder_taken[p] = true;
        span_findings_[placeholders[p]].push_back(i);
        placed = true;
      }
      if (placed) continue;
    }
    unplaced_.push_back(i);
  }
}

int Commenter::open(XmlWriter& w, std::vector<std::string> paragraphs) {
  if (paragraphs.empty()) return -1;
  const int id = static_cast<int>(comments_.size());
  comments_.push_back({id, std::move(paragraphs)});
  w.start("w:commentRangeStart").attr("w:id", id).end();
  return id;
}

int Commenter::open_span(XmlWriter& w, const Inline& span) {
  if (!enabled_) return -1;
  std::vector<std::string> paragraphs = span_comment_lines(span);
  if (auto it = span_findings_.find(&span); it != span_findings_.end())
    for (std::size_t i : it->second) paragraphs.push_back(finding_comment_line(findings_[i], span.attribute("src")));
  return open(w, std::move(paragraphs));
}

int Commenter::open_paragraph(XmlWriter& w, const Block& block) {
  if (!enabled_) return -1;
  std::vector<std::string> paragraphs;
  if (auto it = block_findings_.find(&block); it != block_findings_.end())
    for (std::size_t i : it->second)
      paragraphs.push_back(finding_comment_line(findings_[i], block.source.to_string()));
  if ((&block == first_paragraph_ || !first_paragraph_) && !unplaced_written_) {
    for (std::size_t i : unplaced_) paragraphs.push_back(finding_comment_line(findings_[i], ""));
    unplaced_written_ = true;
  }
  return open(w, std::move(paragraphs));
}

void Commenter::close(XmlWriter& w, int id) {
  if (id < 0) return;
  w.start("w:commentRangeEnd").attr("w:id", id).end();
  w.start("w:r");
  w.start("w:rPr").val("w:rStyle", "CommentReference").end();
  w.start("w:commentReference").attr("w:id", id).end();
  w.end();
}

bool Commenter::has_unplaced() const { return enabled_ && !unplaced_.empty() && !unplaced_written_; }

std::string comments_xml(const std::vector<Comment>& comments, const std::string& author,
                         const std::string& initials, const std::string& date) {
  XmlWriter w;
  w.start("w:comments").attr("xmlns:w", kNsW);
  for (const auto& c : comments) {
    // CT_Comment: w:id, w:author, w:date, w:initials; block content.
    w.start("w:comment").attr("w:id", c.id).attr("w:author", xml_safe(author)).attr("w:date", date);
    if (!initials.empty()) w.attr("w:initials", xml_safe(initials));
    for (std::size_t i = 0; i < c.paragraphs.size(); ++i) {
      w.start("w:p");
      w.start("w:pPr").val("w:pStyle", "CommentText").end();
      if (i == 0) {
        w.start("w:r");
        w.start("w:rPr").val("w:rStyle", "CommentReference").end();
        w.empty("w:annotationRef");
        w.end();
      }
      write_plain_run(w, xml_safe(c.paragraphs[i]));  // "\n" → w:br, "\t" → w:tab (A7, A8)
      w.end();
    }
    w.end();
  }
  w.end();
  return w.finish();
}

}  // namespace baogao::docx
