#pragma once
// The Document: the small AST every exporter reads (like pandoc's). Built by the
// report-markup parser (drafting/markup.hpp); never touched by readers.
#include <string>
#include <utility>
#include <vector>

#include "drafting/source.hpp"

namespace baogao {

/// A piece of text inside a block.
///  - text:       plain text, UTF-8, already free of markup escapes
///  - strong:     a run-in lead (**视察监督。**) or other emphasis; `text` holds it
///  - line_break: a forced line break inside the paragraph (a newline in a data value)
///  - span:       annotated content `[42]{src="data.json:/figures/accepted"}`;
///                `content` holds the inlines, `attributes` the key/value pairs.
///                Known keys: src (where a figure came from), derivation
///                ("= 12 + 9 + 8 + 7 + 6"), missing (label of a missing field: the
///                content is the placeholder 【待补充：…】), note (free review note).
struct Inline {
  enum class Kind { text, strong, line_break, span };
  Kind kind = Kind::text;
  std::string text;
  std::vector<Inline> content;
  std::vector<std::pair<std::string, std::string>> attributes;

  /// The attribute's value, or "" if absent.
  std::string attribute(const std::string& key) const {
    for (const auto& [k, v] : attributes)
      if (k == key) return v;
    return {};
  }
};

using Inlines = std::vector<Inline>;

/// A block and its role in the report (the official-document part it plays).
struct Block {
  enum class Role {
    title,       ///< 标题: one block per title line
    subtitle,    ///< ——date and meeting line
    speaker,     ///< 报告人 line
    salutation,  ///< 称谓 (各位委员：), flush left
    part,        ///< unnumbered part heading (2017年工作回顾)
    heading,     ///< numbered heading, `level` 1–4: 一、（一）1.（1）
    paragraph,   ///< 正文 paragraph
    table,       ///< `rows`: first row is the header
    closing,     ///< closing paragraph of a speech (号召/结束语)
    signature,   ///< 落款 署名
    date,        ///< 成文日期
    page_break,
  };
  Role role = Role::paragraph;
  int level = 0;                          ///< heading level 1–4, else 0
  Inlines inlines;                        ///< every role but table and page_break
  std::vector<std::vector<Inlines>> rows; ///< table: rows × cells
  Source source;                          ///< markup line:column where the block starts
};

/// Document-level facts for properties (docProps) and exporters.
struct DocumentInfo {
  std::string title;    ///< the title lines joined
  std::string subject;  ///< e.g. the meeting
  std::string author;   ///< the organisation
  std::string date;     ///< ISO date "2017-12-13" of the report, "" if unknown
};

struct Document {
  DocumentInfo info;
  std::vector<Block> blocks;
};

/// Plain text of inlines: text, strong and span content; line breaks as "\n".
inline std::string plain_text(const Inlines& inlines) {
  std::string out;
  for (const auto& in : inlines) {
    switch (in.kind) {
      case Inline::Kind::text:
      case Inline::Kind::strong: out += in.text; break;
      case Inline::Kind::line_break: out += '\n'; break;
      case Inline::Kind::span: out += plain_text(in.content); break;
    }
  }
  return out;
}

}  // namespace baogao
