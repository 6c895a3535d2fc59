#pragma once
// Checks: what `baogao check` and `baogao render` report about the data before a
// reviewer does. Each finding has a severity, a stable code, the source location of
// the value (file and JSON pointer, YAML line:column, or sheet!cell) and a message in
// Chinese (English with Lang::en). Findings never stop a draft; `--strict` and
// `--fail-on` decide what fails.
//
// Codes (stable; docs/figures.md lists them with examples):
//   missing_field        warning  a required field absent, null or blank
//   wrong_type           warning  a value that does not fit its field's type or shape
//   out_of_range         error    below `min` (counts and amounts: 0) or above `max`
//   sum_mismatch         error    a stated total ≠ the sum of its parts (derive: sum)
//   rate_mismatch        error    a stated rate ≠ PART / WHOLE beyond rounding (derive: rate)
//   difference_mismatch  error    a stated difference/change ≠ A − B (derive: difference, change)
//   date_conflict        error    a date contradicting the report year or the meeting date
//   halfwidth_punctuation warning , ; : ? ! . ( ) " ' half-width in Chinese text (GB/T 15834-2011
//                                 §5: each mark takes one character position; rules P1, P2)
//   unbalanced_pair      warning  “” ‘’ 《》 （） 【】 〈〉 〔〕 without their partner (GB/T 15834-2011
//                                 §4.8 引号, §4.9 括号, §4.15 书名号)
//   ellipsis_form        warning  ... 。。。 ··· or ……… for …… (GB/T 15834-2011 §4.11 省略号, rule P5)
//   dash_form            warning  -- －－ ―― for —— (GB/T 15834-2011 §4.10 破折号, rule P4)
//   fullwidth_digit      warning  ２０１７ for 2017 (GB/T 15835-2011 §5.1, rule N11)
//   number_mixed         warning  the same count written 4次 and 四次 in one document
//                                 (GB/T 15835-2011 §4.3 同类别同形式, rule N3)
//   draft_leftover       warning  ***, XX, ××, 某某, a lone …, 待定, 待补充, TODO, TBD, FIXME
#include <string>
#include <string_view>
#include <vector>

#include "drafting/finding.hpp"
#include "drafting/manifest.hpp"
#include "drafting/value.hpp"

namespace baogao {

enum class Lang { zh, en };

struct CheckOptions {
  Lang lang = Lang::zh;  ///< language of the messages
};

/// Every check over a data tree and the manifest of its template, in data order:
/// fields (required, type, range), derived figures (sums, rates, differences),
/// dates, then the text lint of every free-text value (strings of text and list
/// fields and of data the manifest does not declare; figures and dates are not
/// prose) and the document-wide number_mixed check. The missing_field and wrong_type
/// findings are those the render gives (same code, place and Chinese message), so a
/// caller that prints both can drop the render's of these two codes.
/// Never throws for bad data (that is what the findings are for).
Findings check_data(const Value& data, const Manifest& manifest, const CheckOptions& options = {});

/// The text lint of one free-text value (rules P1, P2, P4, P5, N11, leftovers and
/// pair balance; not number_mixed, which needs the whole document). Every finding is
/// at `where`; its message quotes the text around the mark. Correct official text
/// gives none: 1,234 / 10:30 / PM2.5 / 5G / 1.5% / English names / 北京—上海 / ……
/// are not findings.
Findings lint_text(std::string_view text, const Source& where, const CheckOptions& options = {});

/// The text lint of a whole plain-text document (a draft .txt or .md, UTF-8):
/// paragraphs are separated by blank lines, pairs are balanced per paragraph, and
/// every finding is at `file`:line:column (1-based, column in code points) of the
/// mark; number_mixed runs over the whole document.
Findings lint_document(std::string_view text, const std::string& file, const CheckOptions& options = {});

/// The findings `baogao render` reports: `checked` (check_data over the same data),
/// then the render's own except missing_field and wrong_type, which check_data gives
/// alike (same code, place and message); so render and check print the same lines.
Findings merge_render_findings(Findings checked, const Findings& render);

/// True when any finding is an error.
bool has_errors(const Findings& findings);

/// A kind of finding: its stable code, default severity and the rule it applies.
struct CheckCode {
  const char* code;
  Severity severity;
  const char* rule;  ///< "GB/T 15834-2011 …" or "manifest derive: sum"
};

/// Every code the checks can give, in the order of the list above.
const std::vector<CheckCode>& check_codes();

}  // namespace baogao
