#pragma once
// Paragraph and run properties as plain structs, serialized in schema order. Built
// as data first and written in one place, so the order never depends on the order
// in which options were read (docx-bugs B4, B5).
#include <optional>
#include <string>
#include <utility>

#include "exporters/docx/xml_writer.hpp"
#include "exporters/format_profile.hpp"

namespace baogao::docx {

/// w:rPr content (ECMA-376 Part 1 §17.3.2). Unset members are not written.
struct RunProps {
  std::optional<FontSpec> fonts;  ///< w:rFonts ascii/hAnsi/eastAsia/cs from the spec; sizes ignored
  bool hint_east_asia = false;    ///< w:rFonts/@w:hint="eastAsia" (docx-bugs E3)
  std::optional<bool> bold;       ///< w:b + w:bCs
  std::optional<int> spacing;     ///< w:spacing/@w:val, twentieths of a point
  std::optional<int> size;        ///< w:sz + w:szCs, half-points
  std::string highlight;          ///< w:highlight/@w:val, "" for none
  std::string lang_latin;         ///< w:lang/@w:val
  std::string lang_east_asia;     ///< w:lang/@w:eastAsia

  bool empty() const {
    return !fonts && !hint_east_asia && !bold && !spacing && !size && highlight.empty() &&
           lang_latin.empty() && lang_east_asia.empty();
  }
};

/// Writes `<w:rPr>` with children in EG_RPrBase order (rFonts, b, bCs, spacing, sz,
/// szCs, highlight, lang), or nothing when `props` is empty.
void write_run_props(XmlWriter& w, const RunProps& props);

/// w:pPr content (ECMA-376 Part 1 §17.3.1). Unset members are not written.
struct ParagraphProps {
  std::string style;                    ///< w:pStyle
  bool keep_next = false;               ///< w:keepNext
  bool widow_control = false;           ///< w:widowControl: no single line left at a page end or start
  /// w:numPr: list level (w:ilvl, 0-based) and instance (w:numId), ECMA-376 §17.3.1.19.
  std::optional<std::pair<int, int>> numbering;
  std::optional<bool> snap_to_grid;     ///< w:snapToGrid
  std::optional<int> line_exact;        ///< w:spacing line + lineRule="exact", twips
  bool line_single = false;             ///< w:spacing line="240" lineRule="auto" (§17.3.1.33)
  bool zero_before_after = false;       ///< w:spacing before/after = 0
  std::optional<int> first_line_chars;  ///< w:ind/@w:firstLineChars, 1/100 character
  std::optional<int> first_line;        ///< w:ind/@w:firstLine, twips
  std::optional<int> ind_left;          ///< w:ind/@w:left, twips
  std::optional<int> ind_right;         ///< w:ind/@w:right, twips
  std::string jc;                       ///< w:jc
  std::optional<int> outline_level;     ///< w:outlineLvl
};

/// Writes `<w:pPr>` with children in CT_PPrBase sequence order (pStyle, keepNext,
/// widowControl, numPr, snapToGrid, spacing, ind, jc, outlineLvl), or nothing when nothing is set.
void write_paragraph_props(XmlWriter& w, const ParagraphProps& props);

/// The paragraph properties a role's style carries: line height, indents (both the
/// chars and the twips form, so a 0 really overrides an inherited 200 chars: the
/// chars form wins when present, ECMA-376 §17.3.1.12), alignment, keepNext, outline,
/// and widow/orphan control (off when absent, §17.3.1.44; Word's own Normal sets it).
ParagraphProps role_paragraph_props(const RoleStyle& role);

/// The run properties a role's style carries: the four font slots (docx-bugs E1),
/// bold, size, and the run spacing that gives 28 characters per line. That spacing
/// (−5 for 16 pt in a 442.2 pt line, spec "Verified by rendering" B1) is computed for
/// the grid's font size, so roles in another size get 0.
RunProps role_run_props(const RoleStyle& role, const FormatProfile& profile);

}  // namespace baogao::docx
