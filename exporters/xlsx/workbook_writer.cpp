// The workbook of a template, blank or filled, with libxlsxwriter (see workbook_writer.hpp).
#include "exporters/xlsx/workbook_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "drafting/cell_convert.hpp"
#include "drafting/error.hpp"
#include "drafting/workbook_layout.hpp"
#include "exporters/text/line_breaker.hpp"
#include "exporters/xlsx/hints.hpp"
#include "exporters/xlsx/layout_rows.hpp"

namespace baogao {

namespace {

namespace fs = std::filesystem;

constexpr lxw_row_t kFirstDataRow = 2;     // table sheets: row 3 (0-based 2)
constexpr lxw_row_t kValidatedRows = 2000;  // validation and input messages down to this row
constexpr double kTextWidth = 40;          // columns of text, in Excel character units

/// The first `max_chars` characters of `s` (UTF-8).
std::string cut(const std::string& s, std::size_t max_chars) {
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > max_chars) break;
  return s.substr(0, i);
}

bool is_figure_type(FieldType t) {
  return t == FieldType::integer || t == FieldType::decimal || t == FieldType::amount || t == FieldType::percent;
}

/// A temporary file name for libxlsxwriter to write to, removed on destruction.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (fs::temp_directory_path() / "baogao-init-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw InputError("output_error", Source{pattern, ""}, "cannot create a temporary file");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class Writer {
 public:
  Writer(const Manifest& manifest, const Value* data, const WorkbookWriteOptions& options)
      : manifest_(manifest), data_(data), options_(options), layout_(workbook_layout(manifest)) {}

  std::string run() {
    TempFile temp;
    lxw_workbook_options wb_options{};
    workbook_ = workbook_new_opt(temp.path().c_str(), &wb_options);
    if (!workbook_) throw InputError("output_error", Source{temp.path(), ""}, "libxlsxwriter cannot start a workbook");
    try {
      formats();
      properties();
      instructions_sheet();
      const LayoutRows rows = data_ ? layout_rows(layout_, *data_) : LayoutRows{};
      key_value_sheet(rows);
      for (std::size_t s = 1; s < layout_.sheets.size(); ++s)
        table_sheet(layout_.sheets[s], data_ ? rows.tables[s] : std::vector<FilledRow>{});
    } catch (...) {
      workbook_close(workbook_);
      throw;
    }
    const lxw_error err = workbook_close(workbook_);
    if (err != LXW_NO_ERROR)
      throw InputError("output_error", Source{temp.path(), ""},
                       std::string("libxlsxwriter cannot write the workbook: ") + lxw_strerror(err));
    std::ifstream in(temp.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }

 private:
  lxw_format* format(bool wrap, const char* number_format = nullptr) {
    lxw_format* f = workbook_add_format(workbook_);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 11);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (wrap) format_set_text_wrap(f);
    if (number_format) format_set_num_format(f, number_format);
    return f;
  }

  void formats() {
    header_ = format(true);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_align(header_, LXW_ALIGN_CENTER);
    help_ = format(true);
    format_set_font_size(help_, 9);
    format_set_font_color(help_, 0x595959);
    format_set_bg_color(help_, 0xF2F2F2);
    label_ = format(true);
    format_set_bold(label_);
    text_ = format(true);
    plain_ = format(false);
    place_ = format(false, "@");
    date_ = format(false, "yyyy-mm-dd");
    title_ = format(false);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
  }

  lxw_format* percent_format(std::size_t decimals) {
    decimals = std::min<std::size_t>(decimals, 10);
    if (!percent_[decimals])
      percent_[decimals] = format(false, decimals == 0 ? "0%" : ("0." + std::string(decimals, '0') + "%").c_str());
    return percent_[decimals];
  }

  void properties() {
    std::int64_t created = options_.created;
    if (created < 0) {
      created = 946684800;  // 2000-01-01T00:00:00Z
      if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) created = std::strtoll(epoch, nullptr, 10);
    }
    title_text_ = manifest_.title + "数据";
    lxw_doc_properties props{};
    props.title = title_text_.data();
    props.created = static_cast<time_t>(created);
    workbook_set_properties(workbook_, &props);
  }

  lxw_worksheet* sheet(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, name.c_str());
    if (!ws) throw InputError("output_error", Source{name, ""}, "libxlsxwriter refuses the sheet name \"" + name + "\"");
    return ws;
  }

  void check(lxw_error err, const std::string& what) {
    if (err == LXW_NO_ERROR) return;
    if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
      throw InputError("value_too_long", Source{what, ""},
                       "found a value longer than 32,767 characters; expected one that fits an Excel cell");
    throw InputError("output_error", Source{what, ""}, std::string("libxlsxwriter: ") + lxw_strerror(err));
  }

  void instructions_sheet() {
    lxw_worksheet* ws = sheet(kInstructionsSheet);
    worksheet_set_column(ws, 0, 0, 110, text_);
    const auto lines = instructions(manifest_, layout_);
    for (std::size_t i = 0; i < lines.size(); ++i)
      check(worksheet_write_string(ws, static_cast<lxw_row_t>(i), 0, lines[i].c_str(), i == 0 ? title_ : text_),
            kInstructionsSheet);
  }

  /// Validation (for figures and dates) and the input message on a range of value cells.
  void validate(lxw_worksheet* ws, const LayoutField& field, lxw_row_t first, lxw_row_t last, lxw_col_t column) {
    std::string title = cut(field.label, 32), message = cut(field_help(field), 250);
    std::string error_title = "请检查", error_message;
    lxw_data_validation v{};
    v.input_title = title.data();
    v.input_message = message.data();
    v.ignore_blank = LXW_VALIDATION_ON;
    v.show_input = LXW_VALIDATION_ON;
    v.validate = LXW_VALIDATION_TYPE_ANY;
    const FieldType type = field.field->type;
    if (!field.text_list && (is_figure_type(type) || type == FieldType::date)) {
      v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      v.error_title = error_title.data();
      if (type == FieldType::date) {
        v.validate = LXW_VALIDATION_TYPE_DATE;
        v.minimum_datetime = lxw_datetime{1900, 1, 1, 0, 0, 0};
        v.maximum_datetime = lxw_datetime{9999, 12, 31, 0, 0, 0};
        error_message = "应为日期，如 2017-12-13。";
      } else {
        v.validate = type == FieldType::integer ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
        v.minimum_number = -1e15;
        v.maximum_number = 1e15;
        error_message = type == FieldType::integer ? "应为整数，如 42。约数（十多、30余）可以照写：选“是”保留。"
                                                   : "应为数字。约数（10余万元）可以照写：选“是”保留。";
      }
      v.error_message = error_message.data();
    }
    check(worksheet_data_validation_range(ws, first, column, last, column, &v), field.label);
  }

  // ------------------------------------------------------------------ values

  void write_value(lxw_worksheet* ws, lxw_row_t row, lxw_col_t column, const LayoutField& field, const Value& v,
                   const std::string& where) {
    if (field.text_list) {
      std::string lines;
      if (v.is_array()) {
        for (const auto& item : v.items)
          if (item.is_scalar()) lines += (lines.empty() ? "" : "\n") + item.text;
      } else if (v.is_scalar()) {
        lines = v.text;
      }
      if (!lines.empty()) check(worksheet_write_string(ws, row, column, lines.c_str(), text_), where);
      return;
    }
    if (!v.is_scalar()) return;
    const std::string text = v.kind == Value::Kind::boolean ? (v.boolean ? "TRUE" : "FALSE") : v.text;
    const FieldType type = field.field->type;
    if (v.kind == Value::Kind::number && is_figure_type(type)) {
      if (type == FieldType::percent) {
        const std::string fraction = shift_decimal(v.text, -2);
        if (!fraction.empty()) {
          const auto point = v.text.find('.');
          const std::size_t decimals = point == std::string::npos ? 0 : v.text.size() - point - 1;
          check(worksheet_write_number(ws, row, column, std::strtod(fraction.c_str(), nullptr),
                                       percent_format(decimals)),
                where);
          return;
        }
      }
      check(worksheet_write_number(ws, row, column, v.number, plain_), where);
      return;
    }
    if (type == FieldType::date && v.kind == Value::Kind::string && v.text.size() == 10 && v.text[4] == '-' &&
        v.text[7] == '-') {
      lxw_datetime d{std::atoi(v.text.substr(0, 4).c_str()), static_cast<uint8_t>(std::atoi(v.text.substr(5, 2).c_str())),
                     static_cast<uint8_t>(std::atoi(v.text.substr(8, 2).c_str())), 0, 0, 0};
      static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
      if (d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
          d.day <= kDays[d.month - 1] && (d.month != 2 || d.day < 29 || leap)) {
        check(worksheet_write_datetime(ws, row, column, &d, date_), where);
        return;
      }
    }
    check(worksheet_write_string(ws, row, column, text.c_str(), type == FieldType::text ? text_ : plain_), where);
  }

  // ------------------------------------------------------------------ sheets

  void key_value_sheet(const LayoutRows& rows) {
    const LayoutSheet& layout = layout_.sheets[0];
    lxw_worksheet* ws = sheet(layout.name);
    int label_width = text::display_width(std::string(kLabelHeader));
    for (const auto& f : layout.fields) label_width = std::max(label_width, text::display_width(f.label));
    worksheet_set_column(ws, 0, 0, label_width + 4, label_);
    worksheet_set_column(ws, 1, 1, 60, text_);
    worksheet_set_column(ws, 2, 2, 60, help_);
    check(worksheet_write_string(ws, 0, 0, kLabelHeader, header_), layout.name);
    check(worksheet_write_string(ws, 0, 1, kValueHeader, header_), layout.name);
    check(worksheet_write_string(ws, 0, 2, kHelpHeader, header_), layout.name);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // printed one page wide

    lxw_row_t row = 1;
    for (std::size_t i = 0; i < layout.fields.size(); ++i) {
      const LayoutField& f = layout.fields[i];
      const Value* v = data_ ? rows.key_value[i] : nullptr;
      // A list of text: one row per item (two when blank), each with the label.
      std::vector<const Value*> values;
      if (f.text_list) {
        if (v && v->is_array())
          for (const auto& item : v->items) values.push_back(&item);
        if (values.empty()) values.assign(2, nullptr);
      } else {
        values.push_back(v);
      }
      const lxw_row_t first = row;
      for (const Value* value : values) {
        const std::string where = layout.name + "!" + std::to_string(row + 1);
        check(worksheet_write_string(ws, row, 0, f.label.c_str(), label_), where);
        if (row == first) check(worksheet_write_string(ws, row, 2, field_help(f).c_str(), help_), where);
        if (value) {
          LayoutField single = f;
          single.text_list = false;  // one item per row
          write_value(ws, row, 1, single, *value, where);
        }
        ++row;
      }
      validate(ws, f, first, row - 1, 1);
    }
  }

  void table_sheet(const LayoutSheet& layout, const std::vector<FilledRow>& rows) {
    lxw_worksheet* ws = sheet(layout.name);
    const bool nested = layout.kind == LayoutSheet::Kind::nested;
    const char* place_header = nested ? kPlaceHeader : kNumberHeader;
    worksheet_set_column(ws, 0, 0, nested ? 16 : 8, place_);
    check(worksheet_write_string(ws, 0, 0, place_header, header_), layout.name);
    check(worksheet_write_string(ws, 1, 0, kHelpRowMarker, help_), layout.name);
    worksheet_set_row(ws, 1, 75, nullptr);
    worksheet_freeze_panes(ws, kFirstDataRow, 1);
    worksheet_set_landscape(ws);
    worksheet_repeat_rows(ws, 0, 0);  // the labels on every printed page

    for (std::size_t i = 0; i < layout.fields.size(); ++i) {
      const LayoutField& f = layout.fields[i];
      const auto column = static_cast<lxw_col_t>(i + 1);
      const bool text = f.text_list || f.field->type == FieldType::text;
      const double width =
          text ? kTextWidth : std::clamp(static_cast<double>(text::display_width(f.label)) / 2 + 4, 12.0, 24.0);
      worksheet_set_column(ws, column, column, width, text ? text_ : plain_);
      check(worksheet_write_string(ws, 0, column, f.label.c_str(), header_), layout.name);
      check(worksheet_write_string(ws, 1, column, field_help(f).c_str(), help_), layout.name);
      validate(ws, f, kFirstDataRow, std::max<lxw_row_t>(kValidatedRows, kFirstDataRow + rows.size() + 100), column);
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(kFirstDataRow + r);
      const std::string where = layout.name + "!" + std::to_string(row + 1);
      check(worksheet_write_string(ws, row, 0, rows[r].place.c_str(), place_), where);
      for (std::size_t i = 0; i < layout.fields.size(); ++i)
        if (const Value* v = rows[r].values[i]) write_value(ws, row, static_cast<lxw_col_t>(i + 1), layout.fields[i], *v, where);
    }
  }

  const Manifest& manifest_;
  const Value* data_;
  WorkbookWriteOptions options_;
  WorkbookLayout layout_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format *header_ = nullptr, *help_ = nullptr, *label_ = nullptr, *text_ = nullptr, *plain_ = nullptr,
             *place_ = nullptr, *date_ = nullptr, *title_ = nullptr;
  lxw_format* percent_[11] = {};
  std::string title_text_;
};

}  // namespace

std::string write_template_workbook(const Manifest& manifest, const Value* data, const WorkbookWriteOptions& options) {
  return Writer(manifest, data, options).run();
}

}  // namespace baogao
