#include "cli/error_text.hpp"

#include <map>

namespace baogao {

std::string error_advice_zh(const std::string& category) {
  static const std::map<std::string, std::string> advice = {
      {"usage", "命令写法有误：请按提示修改选项，或运行 baogao --help 查看用法"},
      {"file_not_found", "找不到文件或文件无法读取：请检查文件名和所在文件夹"},
      {"unsupported_format", "不支持这种文件：数据请用 .json、.yaml、.xlsx 或 .csv"},
      {"unsupported_output", "输出文件的扩展名不对：请用 .docx、.txt 或 .md"},
      {"unknown_template", "没有这个模板：运行 baogao templates 查看可用模板"},
      {"bad_manifest", "模板的 manifest.yaml 有误：请按所指行列修改模板"},
      {"template_syntax", "模板写法有误：请按所指文件和行列修改模板"},
      {"markup_syntax", "模板生成的报告标记有误：请按所指行列修改模板"},
      {"malformed_json", "数据文件不是有效的 JSON：请按所指行列修改"},
      {"malformed_yaml", "数据文件不是有效的 YAML：请按所指行列修改"},
      {"malformed_csv", "CSV 文件格式有误：请按所指行列修改，或用表格软件重新保存"},
      {"duplicate_key", "同一项填了两次：请删去所指位置的重复项"},
      {"bad_encoding", "文件编码不对：请用 UTF-8 保存（记事本“另存为”可选编码），表格请用 Excel/WPS 重新保存"},
      {"unknown_encoding", "不认识这个编码名称：请用 UTF-8、GB18030 或 GBK"},
      {"too_large", "文件或内容超出上限：请检查文件是否正确；确需处理可用 --limit 调整（见 docs/limits.md）"},
      {"value_too_long", "单元格内容过长：请检查所指单元格"},
      {"not_a_zip", "这不是 .xlsx 表格文件：请用 Excel 或 WPS 打开后“另存为 .xlsx”"},
      {"not_a_spreadsheet", "这不是表格文件：请选择 .xlsx 表格"},
      {"encrypted", "表格设有密码：请取消密码后重新保存；旧版 .xls 请另存为 .xlsx"},
      {"empty_file", "文件是空的：请选择填好的表格"},
      {"corrupt_zip", "表格文件已损坏：请用 Excel 或 WPS 打开后重新保存，或向发件人要一份新的"},
      {"missing_part", "表格文件不完整：请用 Excel 或 WPS 打开后重新保存"},
      {"malformed_xml", "表格文件内部有误：请用 Excel 或 WPS 打开后重新保存"},
      {"bad_shared_string_index", "表格文件内部有误：请用 Excel 或 WPS 打开后重新保存"},
      {"entity_declarations_refused", "表格文件含有不安全的内容，已拒绝读取：请向发件人核实来源"},
      {"output_error", "无法写入输出文件：请检查文件夹是否存在、是否有写入权限"},
      {"output_is_input", "输出会覆盖输入文件：请换一个输出文件名"},
      {"output_exists", "输出文件已存在：请换一个文件名，或加 --force 覆盖"},
  };
  const auto it = advice.find(category);
  return it == advice.end() ? std::string() : it->second;
}

std::string error_line(const InputError& error) {
  std::string line = "baogao: error: " + std::string(error.what()) + " [" + error.category() + "]";
  if (const std::string zh = error_advice_zh(error.category()); !zh.empty()) line += " — " + zh;
  return line;
}

}  // namespace baogao
