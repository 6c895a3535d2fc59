#pragma once
// The .docx exporter: Document → a WordprocessingML package (ECMA-376 Part 1 and
// Part 2 OPC), written with libxml2's xmlTextWriter (one source file per part) and
// packed with libzip.
#include <cstddef>
#include <string>

#include "drafting/document.hpp"
#include "drafting/finding.hpp"
#include "exporters/format_profile.hpp"

namespace baogao {

/// Who the draft is for.
///  - review: every annotated span (figure source and derivation, placeholder, note)
///    and every finding in DocxOptions::findings becomes a review comment
///    (word/comments.xml, ECMA-376 Part 1 §17.13.4);
///  - final_copy: no comments part at all. Refusing a final copy that still holds
///    placeholders is the caller's decision (count_placeholders; `baogao render
///    --final` refuses unless --force).
enum class DocxMode { review, final_copy };

struct DocxOptions {
  /// Creation/modification time written to docProps/core.xml, ISO 8601 UTC
  /// ("2017-12-13T00:00:00Z", or a date "2017-12-13" meaning its midnight UTC).
  /// Empty: from SOURCE_DATE_EPOCH (seconds since 1970, reproducible-builds.org),
  /// else the document date, else 1980-01-01 — never the wall clock.
  std::string timestamp;
  DocxMode mode = DocxMode::review;
  /// w:comment/@w:author (and the initials derived from it); "" = "Baogao".
  std::string comment_author;
  /// w:comment/@w:date, same forms as `timestamp`; "" = the docProps timestamp, so
  /// comments are as deterministic as the rest of the package.
  std::string comment_date;
  /// Findings of the checks to show as comments (review mode). Each is attached where
  /// its `where` (Source::to_string(), "file:place") points:
  ///  1. the first span whose src equals it (data.json:/review/…, data.xlsx:数据!B7);
  ///  2. else the first block whose markup source equals it (paragraph comment);
  ///  3. else, for a "missing_field" finding whose message names a placeholder's label
  ///     as “label”, the next such placeholder not yet matched;
  ///  4. else the first paragraph of the document.
  /// Findings at one place share that place's comment, one comment paragraph each.
  Findings findings;
};

/// Placeholders (spans with a "missing" attribute, 【待补充：…】) left in the document,
/// counted in body and table cells. A final copy should have none.
std::size_t count_placeholders(const Document& document);

/// Builds the whole package in memory and returns its bytes (a .docx, ECMA-376
/// Part 2 OPC zip): [Content_Types].xml, _rels/.rels, word/document.xml and its
/// rels, styles.xml (one paragraph style per profile role), settings.xml,
/// fontTable.xml, footer1.xml (+ footer2.xml for odd/even page numbers, GB/T
/// 9704-2012 §7.5; + footer3.xml, empty, for a cover page), docProps/core.xml and
/// app.xml; word/comments.xml in review mode when there is anything to say;
/// word/numbering.xml when profile.heading_numbering is `word`. All layout comes
/// from `profile`.
///
/// A cover: when the blocks before the first page break are all title-block roles
/// (title, subtitle, speaker), page 1 is a cover and carries no page number
/// (w:titlePg with an empty first-page footer); the following pages keep their
/// physical numbers, so odd pages stay on the right (GB/T 9704-2012 §7.5).
///
/// Deterministic: same Document, profile, options (and SOURCE_DATE_EPOCH) → same
/// bytes; zip entries carry a fixed 1980-01-01 timestamp.
///
/// Text hygiene (../shared/research/docx-bugs.md A1–A9): characters XML 1.0 forbids
/// (C0 controls, U+FFFE/U+FFFF) and invalid UTF-8 (including encoded lone
/// surrogates) are dropped and reported in `findings` (code "dropped_character",
/// warning, at the block's source); U+000B, Word's manual line break, becomes a
/// line break and is reported as a note ("converted_character"); CR LF and CR
/// become line breaks, TAB a w:tab.
///
/// True for a date DocxOptions accepts: "2017-12-13" or "2017-12-13T09:00:00Z", a
/// real day and time (xsd:dateTime, ECMA-376 Part 2 §A.1 dcterms:W3CDTF): not
/// 2017-02-30 or 2017-13-45, which Word refuses to open.
bool is_docx_date(const std::string& value);

/// Errors: std::invalid_argument for a malformed `options.timestamp`;
/// std::runtime_error if libzip or libxml2 fail (out of memory).
std::string write_docx(const Document& document, const FormatProfile& profile,
                       const DocxOptions& options, Findings& findings);

}  // namespace baogao
