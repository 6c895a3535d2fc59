#pragma once
// Matching what staff type against a template's labels and keys: sheet names,
// column headers, the labels of a key–value sheet.
#include <string>
#include <string_view>

namespace baogao {

/// The form in which two labels are compared: Unicode NFKC with case folding (ICU
/// Normalizer2 "nfkc_cf", UAX #15 / Unicode §5.18), which folds full-width forms to
/// half-width ones (（ → (, ４２ → 42, Ａ → a) and compatibility forms; then every
/// white space character and every separator staff put between a group and a field
/// or inside a key path is removed: · ・ . / \ - — – _ : 、 * (so "提案工作·立案件数",
/// "提案工作 / 立案件数", "提案工作立案件数" and "proposals.filed" vs "Proposals_Filed"
/// each compare equal among themselves). Invalid UTF-8 is folded as U+FFFD.
/// Examples: "  单位名称 " → "单位名称"; "表头（名称列）" → "表头(名称列)"; "ＡＢ" → "ab".
std::string fold_label(std::string_view text);

/// Unicode NFKC (ICU Normalizer2 "nfkc", no case folding): full-width digits and
/// punctuation to ASCII ("４２％" → "42%", "２０１７／１２" → "2017/12"), other text as is.
/// Invalid UTF-8 becomes U+FFFD.
std::string nfkc(std::string_view text);

}  // namespace baogao
