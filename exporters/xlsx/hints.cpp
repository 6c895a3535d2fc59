// Help texts of the blank workbook (see hints.hpp).
#include "exporters/xlsx/hints.hpp"

namespace baogao {

namespace {

std::string type_help(const LayoutField& f) {
  if (f.text_list) return "可填多项，每项一行";
  switch (f.field->type) {
    case FieldType::integer: return "整数";
    case FieldType::decimal: return "数值";
    case FieldType::amount: return "金额，以元为单位";
    case FieldType::percent: return "百分数";
    case FieldType::date: return "日期";
    default: return "文字";
  }
}

std::string example(const LayoutField& f) {
  if (f.text_list) return "";
  switch (f.field->type) {
    case FieldType::integer: return "如 42，约数照写（十多、30余）";
    case FieldType::decimal: return "如 2.5";
    case FieldType::amount: return "如 30000000（显示为3000万元），约数照写（10余万元）";
    case FieldType::percent: return "如 100%";
    case FieldType::date: return "如 2017-12-13";
    default: return "";
  }
}

}  // namespace

std::string field_help(const LayoutField& f) {
  std::string out = !f.field->required ? "选填" : f.in_optional_group ? "本组有数时必填" : "必填";
  out += "；" + type_help(f);
  if (!f.field->unit.empty()) out += "，单位：" + f.field->unit + "（只填数，单位由模板写）";
  if (const std::string e = example(f); !e.empty()) out += "；" + e;
  if (!f.field->hint.empty()) out += "。" + f.field->hint;
  return out;
}

std::vector<std::string> instructions(const Manifest& manifest, const WorkbookLayout& layout) {
  std::string tops, nested, example_place, outer_title;
  for (const auto& s : layout.sheets) {
    if (s.kind == LayoutSheet::Kind::table) {
      tops += (tops.empty() ? "" : "、") + ("“" + s.name + "”");
      if (s.levels.size() > 1 && outer_title.empty()) {
        for (const auto& f : s.fields)
          if (f.level == 0) {
            outer_title = f.label;
            break;
          }
        example_place = s.name + " 2.4";
      }
    } else if (s.kind == LayoutSheet::Kind::nested) {
      nested += (nested.empty() ? "" : "、") + ("“" + s.name + "”");
    }
  }
  if (example_place.empty())
    for (const auto& s : layout.sheets)
      if (s.kind == LayoutSheet::Kind::table) {
        example_place = s.name + " 2";
        break;
      }

  std::vector<std::string> lines;
  lines.push_back(manifest.title + "：数据填写说明");
  lines.push_back("");
  lines.push_back("一、本工作簿由 baogao init 生成。填好后生成初稿：baogao render 本文件.xlsx -t " + manifest.name +
                  " -o 报告.docx -o 报告.txt");
  lines.push_back("二、“" + std::string(kKeyValueSheet) + "”：在“" + kValueHeader + "”列填写，“" + kHelpHeader +
                  "”列是填写要求。可填多项的（如标题分行），每项一行，“" + kLabelHeader + "”列照写同一名称。");
  if (!tops.empty()) {
    std::string line = "三、" + tops + "：第1行是列名，第2行是填写说明，从第3行起每行一项。";
    if (!outer_title.empty())
      line += "一项下有几段的，每段一行，“" + outer_title + "”等只在该项的第一行填写。";
    line += "“" + std::string(kNumberHeader) + "”列写“2.4”表示第2项的第4段（只有一层的写“2”），请设为文本；可以不填，按行的先后排列。";
    lines.push_back(line);
  }
  if (!nested.empty())
    lines.push_back("四、" + nested + "：每行一项，“" + kPlaceHeader + "”列写明这一项属于哪一行：工作表名加序号，如“" +
                    example_place + "”。同一位置的几项按行的先后排列。");
  lines.push_back("五、数字只填数，单位由模板写：数量如 42，约数照写（十多、30余）；金额以元为单位，如 30000000；"
                  "百分数如 100%；日期如 2017-12-13。填错的数字，生成初稿时会指出单元格，稿中显示【待补充】。");
  lines.push_back("六、列名、工作表名请不要改动；不需要的项目空着即可。Baogao 不认识的工作表和列会给出提示并被忽略。");
  for (const auto& s : layout.sheets) {
    if (s.kind == LayoutSheet::Kind::key_value) continue;
    for (const auto& f : s.fields) {
      const auto dot = f.label.rfind("·");
      if (dot == std::string::npos) continue;
      lines.push_back("七、列名中的“·”表示分组：如“" + f.label + "”是“" + f.label.substr(0, dot) + "”这一组中的“" +
                      f.label.substr(dot + std::string("·").size()) + "”，同组的各项一起写成句子；说明中写“本组有数时必填”的，只在这一组还填了别的数时才必填。");
      return lines;
    }
  }
  return lines;
}

}  // namespace baogao
