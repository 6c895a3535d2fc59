#pragma once
// `baogao inspect`: what the readers see in a spreadsheet, as JSON or as a table.
#include <string>

#include "drafting/error.hpp"
#include "drafting/workbook.hpp"

namespace baogao {

/// Reads a spreadsheet, choosing the reader by extension (.xlsx .xlsm .xltx .xltm .xls
/// → read_xlsx; .csv .tsv .txt → read_csv, .tsv with a tab delimiter), else by magic
/// bytes (PK zip or OLE2 → read_xlsx). Errors: InputError from the reader, or
/// file_not_found / unsupported_format.
Workbook read_workbook(const std::string& path, const ReadOptions& options = {});

/// The JSON of `baogao inspect --format json` (UTF-8, two-space indent, keys in this
/// order, one line per cell; linear time, so 100,000-row sheets print in a blink):
///   {"sheets": ["name", …],
///    "sheet_states": {"name": "visible|hidden|veryHidden", …}   only when a sheet is not visible
///    "merged": {"name": ["A1:C1", …], …}                         only sheets that have merges
///    "cells": {"Sheet!A1": {"type": "string|number|date|bool|error", "value": "…"}, …}}
/// Values are strings: numbers in shortest round-trip form ("2.46", "48"), dates
/// "YYYY-MM-DD[THH:MM:SS]", booleans "TRUE"/"FALSE", errors as written ("#N/A").
/// Empty cells are omitted. Cells are in sheet order, then row-major order.
std::string inspect_json(const Workbook& workbook);

/// {"error": {"category": "…", "message": "…", "file": "…", "place": "…"}} for a failed read.
std::string inspect_error_json(const InputError& error);

/// A plain table per sheet for people: a "== name ==" header (with its state when not
/// visible), the used columns' letters, one line per row that has data, then the
/// merged ranges. Columns are aligned by display width (CJK characters count 2); a
/// cell's line breaks show as "↵" and text past 40 columns is cut with "…".
std::string inspect_table(const Workbook& workbook);

}  // namespace baogao
