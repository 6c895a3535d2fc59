// .xlsx → Workbook: the package relationship to the workbook part, the workbook's
// sheets in tab order (ECMA-376 Part 1 §18.2.27 workbook, §18.2.19 sheet), then the
// shared strings, the styles and each worksheet.
#include "drafting/xlsx_reader.hpp"

#include <unordered_map>

#include "drafting/xlsx_internal.hpp"

namespace baogao {

namespace {

using xlsx::Package;
using xlsx::XmlReader;

struct SheetEntry {
  std::string name;
  SheetState state = SheetState::visible;
  std::string relationship_id;
};

std::string part_label(std::string_view part) { return std::string(part.empty() ? part : part.substr(1)); }

[[noreturn]] void not_a_spreadsheet(const Package& package, std::string_view found) {
  throw InputError("not_a_spreadsheet", Source{package.path(), ""},
                   "found " + std::string(found) +
                       "; expected an Excel workbook (.xlsx) — save the data from Excel or WPS as .xlsx");
}

std::string describe_other_document(const Package& package) {
  if (package.has_part("/word/document.xml")) return "a Word document (word/document.xml) renamed to .xlsx";
  if (package.has_part("/ppt/presentation.xml")) return "a PowerPoint presentation renamed to .xlsx";
  if (package.has_part("/content.xml") && package.has_part("/mimetype")) return "an OpenDocument file";
  return "a zip archive that holds no workbook";
}

struct WorkbookPart {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

WorkbookPart read_workbook_part(Package& package, const std::string& part) {
  WorkbookPart out;
  XmlReader xml(package, part);
  bool root_seen = false, in_sheets = false;
  while (xml.read()) {
    if (xml.is_start()) {
      if (!root_seen) {
        root_seen = true;
        if (!xml.is_main("workbook")) {
          if (xml.local_name() == "document") not_a_spreadsheet(package, describe_other_document(package));
          not_a_spreadsheet(package, "a package whose main part " + part_label(part) + " is <" +
                                         std::string(xml.local_name()) + ">, not a SpreadsheetML <workbook>");
        }
        continue;
      }
      if (xml.is_main("workbookPr")) {
        const auto v = xml.attribute("date1904");
        out.date1904 = v && (*v == "1" || *v == "true");
      } else if (xml.is_main("sheets")) {
        in_sheets = !xml.is_empty_element();
      } else if (in_sheets && xml.is_main("sheet")) {
        SheetEntry entry;
        xml.for_each_attribute([&](std::string_view local, std::string_view ns, std::string_view value) {
          if (ns.empty()) {
            if (local == "name") entry.name = value;
            else if (local == "state")
              entry.state = value == "hidden"       ? SheetState::hidden
                            : value == "veryHidden" ? SheetState::very_hidden
                                                    : SheetState::visible;
          } else if ((ns == xlsx::kRelNs || ns == xlsx::kStrictRelNs) && local == "id") {
            entry.relationship_id = value;
          }
        });
        if (out.sheets.size() >= package.options().max_sheets)
          throw InputError("too_large", package.where(part),
                           "found more than " + std::to_string(package.options().max_sheets) +
                               " sheets; expected at most that (--limit sheets)");
        out.sheets.push_back(std::move(entry));
      }
    } else if (xml.is_end() && xml.is_main("sheets")) {
      in_sheets = false;
    }
  }
  if (!root_seen) not_a_spreadsheet(package, "an empty workbook part " + part_label(part));
  return out;
}

// The target of the workbook's relationship of `kind`, or the conventional part next to
// the workbook when a careless writer left the relationship out; "" when there is none.
std::string part_of_kind(Package& package, const std::vector<xlsx::Relationship>& rels, std::string_view kind,
                         const std::string& workbook_part, std::string_view conventional) {
  for (const auto& r : rels)
    if (xlsx::is_relationship_type(r.type, kind) && !r.target.empty()) {
      if (!package.has_part(r.target))
        throw InputError("missing_part", package.where(r.target),
                         "the workbook's " + std::string(kind) + " relationship targets " + part_label(r.target) +
                             ", which is not in the zip; expected that part — the file is incomplete, save it again");
      return r.target;
    }
  const std::string guess = xlsx::resolve_target(workbook_part, conventional);
  return package.has_part(guess) ? guess : "";
}

}  // namespace

Workbook read_xlsx(const std::string& path, const ReadOptions& options) {
  Package package(path, options);
  Workbook workbook;
  workbook.file = path;

  // _rels/.rels → the officeDocument relationship (ECMA-376 Part 2 §9.3, Part 1 §11.3.10).
  std::string workbook_part;
  for (const auto& r : package.relationships("/"))
    if (xlsx::is_relationship_type(r.type, "officeDocument") && !r.target.empty()) {
      workbook_part = r.target;
      break;
    }
  if (workbook_part.empty()) {
    if (!package.has_part("/xl/workbook.xml")) not_a_spreadsheet(package, describe_other_document(package));
    workbook_part = "/xl/workbook.xml";
  }
  if (!package.has_part(workbook_part))
    throw InputError("missing_part", package.where(workbook_part),
                     "the package's main relationship targets " + part_label(workbook_part) +
                         ", which is not in the zip; expected the workbook part — the file is incomplete");

  WorkbookPart book = read_workbook_part(package, workbook_part);
  workbook.date1904 = book.date1904;
  const auto rels = package.relationships(workbook_part);

  std::vector<std::string> shared_strings;
  std::vector<xlsx::NumberStyle> number_styles;
  if (auto part = part_of_kind(package, rels, "sharedStrings", workbook_part, "sharedStrings.xml"); !part.empty())
    shared_strings = xlsx::read_shared_strings(package, part);
  if (auto part = part_of_kind(package, rels, "styles", workbook_part, "styles.xml"); !part.empty())
    number_styles = xlsx::read_number_styles(package, part);
  std::uint64_t cell_count = 0;
  const xlsx::SheetContext context{&shared_strings, &number_styles, book.date1904, &cell_count, options.max_cells};

  std::unordered_map<std::string, const xlsx::Relationship*> by_id;
  for (const auto& r : rels) by_id.emplace(r.id, &r);

  for (auto& entry : book.sheets) {
    Sheet sheet;
    sheet.name = entry.name;
    sheet.state = entry.state;
    auto it = by_id.find(entry.relationship_id);
    if (it == by_id.end() || it->second->target.empty())
      throw InputError("missing_part", package.where(workbook_part),
                       "sheet '" + entry.name + "' refers to relationship '" + entry.relationship_id +
                           "', which " + part_label(xlsx::relationships_part_name(workbook_part)) +
                           " does not have; expected a relationship to its worksheet part");
    const auto& rel = *it->second;
    const bool not_a_grid = xlsx::is_relationship_type(rel.type, "chartsheet") ||
                            xlsx::is_relationship_type(rel.type, "dialogsheet");
    if (!package.has_part(rel.target))
      throw InputError("missing_part", package.where(rel.target),
                       "sheet '" + entry.name + "' is stored in " + part_label(rel.target) +
                           ", which is not in the zip; expected that part — the file is incomplete, save it again");
    if (!not_a_grid) xlsx::read_worksheet(package, rel.target, context, sheet);
    workbook.sheets.push_back(std::move(sheet));
  }
  return workbook;
}

}  // namespace baogao
