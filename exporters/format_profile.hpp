#pragma once
// The format profile: every layout value the exporters use, in one place.
// Default: GB/T 9704-2012 as set out in ../shared/spec/gongwen-format.md, with the
// encoding verified by rendering in LibreOffice 7.4 (variant B1: line grid of 579
// twips, exact 579 line spacing, run spacing −5 → 22 lines × 28 characters).
// Units: twips (1/20 pt) for lengths, half-points for font sizes (OOXML w:sz).
#include <string>
#include <vector>

namespace baogao {

/// A font for one role. `east_asia` is what makes Chinese text 仿宋/黑体/楷体
/// (w:rFonts/@w:eastAsia, ECMA-376 Part 1 §17.3.2.26); `ascii` covers digits/Latin.
struct FontSpec {
  std::string east_asia;
  std::string ascii;
  int size_half_points = 32;  ///< w:sz; 三号 16 pt = 32
  bool bold = false;
};

/// Layout of one paragraph role.
struct RoleStyle {
  std::string style_id;    ///< w:styleId, ASCII
  std::string style_name;  ///< shown in Word's style list
  FontSpec font;
  std::string justification = "both";  ///< w:jc: both, center, left, right
  int first_line_chars = 200;          ///< w:ind/@w:firstLineChars, 1/100 character
  int first_line_twips = 640;          ///< w:ind/@w:firstLine, twips (written with the chars form)
  int line_twips = 579;                ///< exact line height (w:spacing/@w:line, lineRule exact)
  int outline_level = -1;              ///< w:outlineLvl, −1 for none
  bool keep_next = false;              ///< headings never end a page
  /// w:snapToGrid: false lets a role keep its own line height under the section's line
  /// grid (LibreOffice snaps exact spacing onto the grid, spec "Verified by rendering").
  bool snap_to_grid = true;
};

/// What fontTable.xml says about a font, so Word can substitute sensibly when the
/// font is missing (ECMA-376 Part 1 §17.8.3). charset 86 = GB2312 (§17.18.8 ST_UChar hex).
struct FontFace {
  std::string name;      ///< as written in w:rFonts
  std::string alt_name;  ///< w:altName: the name on current Windows, "" for none
  std::string family = "modern";  ///< w:family: roman, swiss, modern, script, decorative, auto
  std::string pitch = "fixed";    ///< w:pitch: fixed or variable (CJK fonts are fixed)
  std::string charset = "86";     ///< w:charset, hex
};

/// How heading numbers (一、（一）1.（1）, GB/T 9704-2012 §7.3.3) are encoded in a .docx.
///  - text: literal text at the start of the heading, in the heading's own font (the
///    field's convention; the same in Word, WPS and LibreOffice, never drifting);
///  - word: real list numbering (word/numbering.xml, ECMA-376 Part 1 §17.9):
///    chineseCounting / decimal formats, one w:num instance per part so every part
///    restarts at 一、; a reviewer who adds or deletes a heading gets the numbers redone.
/// Both give the same numbers as the .txt (drafting/numbering.hpp HeadingCounter).
enum class HeadingNumbering { text, word };

/// Where page numbers go. GB/T 9704-2012 §7.5: odd pages right, even pages left,
/// one character inset ("outer"). Reports as delivered are often centred.
enum class PageNumberPlacement { outer, centre };

struct FormatProfile {
  std::string name = "gbt9704";

  // Page (GB/T 9704-2012 §5.1, §5.2.1): A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm.
  int page_width = 11906, page_height = 16838;
  int margin_top = 2098, margin_bottom = 1984, margin_left = 1588, margin_right = 1474;
  int header_distance = 851;
  int footer_distance = 1418;  ///< puts the 一字线 ≈7 mm under the type area (spec "Verified by rendering")

  // Grid (GB/T 9704-2012 §5.2.3): 22 lines × 28 characters.
  int line_pitch = 579;          ///< w:docGrid/@w:linePitch, type "lines"; 22 × 579 ≤ 12756
  int character_spacing = -5;    ///< run w:spacing/@w:val on 16 pt text: 28 × 15.75 pt ≤ 442.2 pt
  int lines_per_page = 22;
  int characters_per_line = 28;
  // Hanging punctuation (ECMA-376 Part 1 §17.3.1.21 w:overflowPunct) is left at its
  // default, on, in Word and LibreOffice alike: a closing mark that would start a line
  // is drawn past the right edge, at most one character (measured 5.7 mm on the
  // example, tests/fidelity). Writing w:overflowPunct w:val="0" would stop it in Word
  // but not in LibreOffice 7.4, whose import reads the value inverted (hanging =
  // val is 0), so the two would break lines differently.

  // Roles (GB/T 9704-2012 §7.3; spec §4, §6 for the speech title block).
  RoleStyle normal{"Normal", "Normal", {"仿宋_GB2312", "仿宋_GB2312", 32}, "both", 200, 640, 579};
  /// Title lines keep the 579 pitch but are not snapped to the grid: LibreOffice would
  /// give each 22 pt line two grid lines (its glyph box is taller than 579 twips).
  RoleStyle title{"Title", "Title", {"方正小标宋简体", "方正小标宋简体", 44}, "center", 0, 0, 579, -1, true, false};
  RoleStyle subtitle{"Subtitle", "Subtitle", {"楷体_GB2312", "楷体_GB2312", 32}, "center", 0, 0, 579};
  RoleStyle speaker{"Speaker", "Speaker", {"楷体_GB2312", "楷体_GB2312", 32}, "center", 0, 0, 579};
  RoleStyle salutation{"Salutation", "Salutation", {"仿宋_GB2312", "仿宋_GB2312", 32}, "left", 0, 0, 579};
  RoleStyle part{"PartHeading", "Part Heading", {"黑体", "黑体", 32}, "center", 0, 0, 579, 0, true};
  RoleStyle heading1{"Heading1", "heading 1", {"黑体", "黑体", 32}, "both", 200, 640, 579, 1, true};
  RoleStyle heading2{"Heading2", "heading 2", {"楷体_GB2312", "楷体_GB2312", 32}, "both", 200, 640, 579, 2, true};
  RoleStyle heading3{"Heading3", "heading 3", {"仿宋_GB2312", "仿宋_GB2312", 32}, "both", 200, 640, 579, 3, true};
  RoleStyle heading4{"Heading4", "heading 4", {"仿宋_GB2312", "仿宋_GB2312", 32}, "both", 200, 640, 579, 4, true};
  RoleStyle body{"BodyText", "Body Text", {"仿宋_GB2312", "仿宋_GB2312", 32}, "both", 200, 640, 579};
  RoleStyle closing{"Closing", "Closing", {"仿宋_GB2312", "仿宋_GB2312", 32}, "both", 200, 640, 579};
  RoleStyle signature{"Signature", "Signature", {"仿宋_GB2312", "仿宋_GB2312", 32}, "right", 0, 0, 579};
  RoleStyle date{"Date", "Date", {"仿宋_GB2312", "仿宋_GB2312", 32}, "right", 0, 0, 579};
  /// Table cells: 4号, lines of their own height (not snapped to the 579 body grid).
  RoleStyle table{"TableText", "Table Text", {"仿宋_GB2312", "仿宋_GB2312", 28}, "center", 0, 0, 400, -1, false, false};
  /// The header row of a table (表头): 黑体 by common practice (spec §4).
  RoleStyle table_header{"TableHeader", "Table Header", {"黑体", "黑体", 28}, "center", 0, 0, 400, -1, false, false};
  /// Table rules, w:sz in eighths of a point (4 = ½ pt single line, ECMA-376 §17.4.38).
  int table_border_size = 4;
  /// Run-in leads (**视察监督。**) are set in this font (楷体 by common report practice).
  FontSpec lead{"楷体_GB2312", "楷体_GB2312", 32, false};
  /// Empty lines between the title block (title, subtitle, speaker) and what follows:
  /// one, by the practice for reports as delivered (spec §6).
  int blank_lines_after_title_block = 1;
  /// w:highlight of a placeholder for a missing value (【待补充：…】), so reviewers see it.
  std::string missing_highlight = "yellow";

  // Page numbers (GB/T 9704-2012 §7.5): "— N —", 4号 (14 pt) 宋体 half-width digits.
  FontSpec page_number{"宋体", "宋体", 28};
  PageNumberPlacement page_number_placement = PageNumberPlacement::outer;
  int page_number_inset = 280;  ///< one 4号 character, twips

  /// Heading numbers: literal text (default) or Word list numbering.
  HeadingNumbering heading_numbering = HeadingNumbering::text;

  /// Review comments (word/comments.xml): 五号 (10.5 pt) 宋体, single-spaced, off the grid.
  FontSpec comment{"宋体", "宋体", 21};

  std::string language = "zh-CN";  ///< w:lang/@w:eastAsia
  std::string latin_language = "en-US";  ///< w:lang/@w:val (Latin text; docx-bugs E3)

  /// fontTable.xml entries for the fonts above (spec §5: Windows names and their
  /// current-Windows alternatives). A used font not listed gets FontFace's defaults.
  std::vector<FontFace> font_faces{
      {"仿宋_GB2312", "仿宋"},
      {"楷体_GB2312", "楷体"},
      {"黑体", "SimHei"},
      {"宋体", "SimSun"},
      {"方正小标宋简体", "方正小标宋_GBK", "script", "variable"},
  };
};

/// The default profile: GB/T 9704-2012.
inline FormatProfile gbt9704_profile() { return FormatProfile{}; }

}  // namespace baogao
