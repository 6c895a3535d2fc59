#pragma once
// The help `baogao init` writes beside each field, and its instructions sheet.
#include <string>
#include <vector>

#include "drafting/manifest.hpp"
#include "drafting/workbook_layout.hpp"

namespace baogao {

/// Help for one field, in Chinese, one line: whether it is required, its type, its
/// unit, an example, then the manifest's hint. E.g. for 立案件数:
/// "必填；整数，单位：件（只填数，单位由模板写）；如 42，约数照写（十多、30余）".
std::string field_help(const LayoutField& field);

/// The lines of the instructions sheet (填写说明) for `manifest`'s layout: how to fill
/// each kind of sheet, the 序号 and 所在位置 columns, numbers, and how to draft.
std::vector<std::string> instructions(const Manifest& manifest, const WorkbookLayout& layout);

}  // namespace baogao
