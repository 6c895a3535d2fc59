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
  /// ("2017-12-13T00:00:00Z"). Empty: from SOURCE_DATE_EPOCH, else the
  /// document date, else 1980-01-01 — never the wall clock (deterministic output).
  std::string timestamp;
};

/// Builds the whole package in memory and returns its bytes. Same Document and
/// options → same bytes. Characters XML 1.0 forbids are dropped and reported in
/// `findings` (code "dropped_character"), never written.
/// Errors: std::runtime_error if libzip or libxml2 fail (out of memory).
std::string write_docx(const Document& document, const FormatProfile& profile,
                       const DocxOptions& options, Findings& findings);

}  // namespace baogao
