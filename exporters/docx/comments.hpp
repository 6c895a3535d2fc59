#pragma once
// Review comments — ECMA-376 Part 1 §17.13.4 (w:comment, w:commentRangeStart,
// w:commentRangeEnd, w:commentReference). The body writer asks a Commenter, span by
// span and paragraph by paragraph, which comments start there; the Commenter keeps
// their text, and comments_xml() writes word/comments.xml from it at the end.
#include <map>
#include <string>
#include <vector>

#include "drafting/document.hpp"
#include "drafting/finding.hpp"
#include "exporters/docx/xml_writer.hpp"
#include "exporters/format_profile.hpp"

namespace baogao::docx {

/// One comment: its w:id and its text, one string per comment paragraph ("\n" inside a
/// string is a line break, "\t" a tab).
struct Comment {
  int id = 0;
  std::vector<std::string> paragraphs;
};

/// The review text of one annotated span, one line per known attribute:
///   src        → "来源：data.json:/review/intro/1/totals/proposal_count"
///   derivation → "计算：42 = 12 + 9 + 8 + 7 + 6" (the shown value, then the
///                derivation; a derivation not starting with "=" is shown as is)
///   missing    → "待补充：会议。数据中缺少此项，补充后重新生成。"
///   note       → "说明：…"
/// Empty when the span carries none of them (unknown attributes are not shown).
std::vector<std::string> span_comment_lines(const Inline& span);

/// One finding as a comment paragraph: "检查（警告）：message〔code〕", then
/// "\n位置：file:place" unless the place is `anchor` (the span's own src).
/// Severities: error 错误, warning 警告, note 提示.
std::string finding_comment_line(const Finding& finding, const std::string& anchor);

/// Decides where comments go and allocates their ids (0, 1, 2, … in document order,
/// so ids are unique and the output deterministic; docx-bugs C2).
///
/// Span comments: every span with src / derivation / missing / note gets one. Finding
/// comments: see DocxOptions::findings for the matching rules (span src, block
/// source, placeholder label, else the first paragraph); findings at one anchor join
/// that anchor's single comment. A disabled Commenter writes nothing.
///
/// The Document and the findings must outlive the Commenter (it keeps pointers into
/// the Document to recognise spans and blocks).
class Commenter {
 public:
  Commenter(const Document& document, const Findings& findings, bool enabled);

  /// Writes w:commentRangeStart for the span's comment, if it has one, and returns
  /// its id, else −1. Call before the span's runs; pass the id to close().
  int open_span(XmlWriter& w, const Inline& span);
  /// Writes w:commentRangeStart for the comment on the block's paragraph (findings at
  /// the block's source, and unplaced findings on the first paragraph), if any, and
  /// returns its id, else −1. Call right after the paragraph's w:pPr.
  int open_paragraph(XmlWriter& w, const Block& block);
  /// Writes w:commentRangeEnd and the reference run (rStyle CommentReference,
  /// w:commentReference) for `id`; nothing for −1.
  void close(XmlWriter& w, int id);

  /// True while findings meant for the first paragraph have not been written (a
  /// document without any paragraph): the body writer then adds an empty one.
  bool has_unplaced() const;
  const std::vector<Comment>& comments() const { return comments_; }

 private:
  int open(XmlWriter& w, std::vector<std::string> paragraphs);

  bool enabled_;
  const Findings& findings_;
  std::map<const Inline*, std::vector<std::size_t>> span_findings_;
  std::map<const Block*, std::vector<std::size_t>> block_findings_;
  std::vector<std::size_t> unplaced_;  ///< for the first paragraph
  const Block* first_paragraph_ = nullptr;
  bool unplaced_written_ = false;
  std::vector<Comment> comments_;
};

/// word/comments.xml: one w:comment per entry, author/date/initials as given, each
/// paragraph in the CommentText style, the first one starting with the
/// w:annotationRef mark (as Word writes it). `date` is an xsd:dateTime
/// ("2017-12-13T00:00:00Z"). Text is cleaned (text_hygiene.hpp) before libxml2.
std::string comments_xml(const std::vector<Comment>& comments, const std::string& author,
                         const std::string& initials, const std::string& date);

}  // namespace baogao::docx
