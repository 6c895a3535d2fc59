#include "exporters/docx/table.hpp"

#include <algorithm>

#include "exporters/docx/properties.hpp"
#include "exporters/docx/runs.hpp"

namespace baogao::docx {
namespace {

void border(XmlWriter& w, const char* side, const FormatProfile& profile) {
  w.start(side).attr("w:val", "single").attr("w:sz", profile.table_border_size).attr("w:space", 0)
      .attr("w:color", "auto").end();
}

}  // namespace

bool write_table(XmlWriter& w, const Block& block, const FormatProfile& profile, Findings& findings,
                 Commenter* commenter) {
  std::size_t columns = 0;
  for (const auto& row : block.rows) columns = std::max(columns, row.size());
  if (columns == 0) return false;  // a table without cells corrupts Word (B3): leave it out

  const int width = profile.page_width - profile.margin_left - profile.margin_right;  // the type area
  std::vector<int> grid(columns, width / static_cast<int>(columns));
  grid.back() += width - grid.front() * static_cast<int>(columns);

  w.start("w:tbl");
  // CT_TblPr sequence: tblW, jc, tblBorders, tblLayout.
  w.start("w:tblPr");
  w.start("w:tblW").attr("w:w", width).attr("w:type", "dxa").end();
  w.val("w:jc", "center");
  w.start("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
    border(w, side, profile);
  w.end();
  w.start("w:tblLayout").attr("w:type", "fixed").end();
  w.end();
  w.start("w:tblGrid");
  for (int g : grid) w.start("w:gridCol").attr("w:w", g).end();
  w.end();

  for (std::size_t r = 0; r < block.rows.size(); ++r) {
    const bool header = r == 0;
    w.start("w:tr");
    w.start("w:trPr").empty("w:cantSplit");
    if (header) w.empty("w:tblHeader");
    w.end();
    for (std::size_t c = 0; c < columns; ++c) {
      w.start("w:tc");
      w.start("w:tcPr");
      w.start("w:tcW").attr("w:w", grid[c]).attr("w:type", "dxa").end();
      w.val("w:vAlign", "center");
      w.end();
      w.start("w:p");  // always, even for a padded or empty cell (B1)
      const RoleStyle& role = header ? profile.table_header : profile.table;
      ParagraphProps ppr;
      ppr.style = role.style_id;
      write_paragraph_props(w, ppr);
      const int comment = commenter && r == 0 && c == 0 ? commenter->open_paragraph(w, block) : -1;
      if (c < block.rows[r].size())
        write_inlines(w, block.rows[r][c], role.font, profile, block.source, findings, commenter);
      if (commenter) commenter->close(w, comment);
      w.end();
      w.end();
    }
    w.end();
  }
  w.end();
  return true;
}

}  // namespace baogao::docx
