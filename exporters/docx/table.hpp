#pragma once
// Block::Role::table → w:tbl (ECMA-376 Part 1 §17.4).
#include "drafting/document.hpp"
#include "drafting/finding.hpp"
#include "exporters/docx/comments.hpp"
#include "exporters/docx/xml_writer.hpp"
#include "exporters/format_profile.hpp"

namespace baogao::docx {

/// Writes `block.rows` as a table: the first row is the header (repeated on every
/// page, header style), the rest in the table style. Shape rules Word enforces
/// (docx-bugs B1–B3, H1): a grid as wide as the widest row, short rows padded with
/// empty cells, every w:tc ending in a w:p, fixed layout with equal columns filling
/// the type area (never widths from content length). Writes nothing for a table
/// without rows; returns whether a table was written. With a `commenter`, span
/// comments go on the cells' spans and a comment on the table block itself on the
/// first cell's paragraph.
bool write_table(XmlWriter& w, const Block& block, const FormatProfile& profile, Findings& findings,
                 Commenter* commenter = nullptr);

}  // namespace baogao::docx
