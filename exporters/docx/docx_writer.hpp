#pragma once
// The .docx exporter: Document → a WordprocessingML package (ECMA-376 Part 1 and
// Part 2 OPC), written with libxml2's xmlTextWriter (one source file per part) and
// packed with libzip.
#include <string>

#include "drafting/document.hpp"
#include "drafting/finding.hpp"
#include "exporters/format_profile.hpp"

namespace baogao {

struct DocxOptions {
  /// Creation/modification time written to docProps/core.xml, ISO 8601 UTC
  /// ("2017-12-13T00:00:00Z", or a date "2017-12-13" meaning its midnight UTC).
  /// Empty: from SOURCE_DATE_EPOCH (seconds since 1970, reproducible-builds.org),
  /// else the document date, else 1980-01-01 — never the wall clock.
  std::string timestamp;
};

/// Builds the whole package in memory and returns its bytes (a .docx, ECMA-376
/// Part 2 OPC zip): [Content_Types].xml, _rels/.rels, word/document.xml and its
/// rels, styles.xml (one paragraph style per profile role), settings.xml,
/// fontTable.xml, footer1.xml (+ footer2.xml for odd/even page numbers, GB/T
/// 9704-2012 §7.5), docProps/core.xml and app.xml. All layout comes from `profile`.
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
/// Errors: std::invalid_argument for a malformed `options.timestamp`;
/// std::runtime_error if libzip or libxml2 fail (out of memory).
std::string write_docx(const Document& document, const FormatProfile& profile,
                       const DocxOptions& options, Findings& findings);

}  // namespace baogao
