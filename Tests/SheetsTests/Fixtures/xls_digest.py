#!/usr/bin/env python3
"""Digests of every legacy (OLE2/BIFF8) workbook in a folder, as xlrd reads them.

Usage (from the package root; needs `pip install xlrd`):

    python3 Tests/SheetsTests/Fixtures/xls_digest.py ../shared/fixtures/real \
        > Tests/SheetsTests/Fixtures/xls-digests.json

Files are recognised by their OLE2 signature, not their extension. For each worksheet it
prints the name, hidden flag, the used extent (rows, columns: one past the last row/column
holding a non-empty cell or a merged range), the merged ranges in file order as A1 ranges,
the number of non-empty cells and a SHA-256 of the cell texts. XLSTests computes the same
digest from the Swift reader, so only digests, never the texts, are committed.

Cell text rule, which mirrors `CellValue.text` in Sources/Sheets/CellValue.swift:
row-major order, non-empty cells only (xlrd EMPTY/BLANK cells and empty strings are empty),
each as `A1-reference TAB text LF`, UTF-8 encoded, where text is
  - text cells: the string as is;
  - numbers: `CellValue.display` (integers without `.0`, binary noise rounded away);
  - dates (xlrd XL_CELL_DATE): ISO `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, or `HH:MM:SS` for a
    time of day (serial below 1); serials that are no date (negative, past 9999, 1900-02-29)
    and elapsed-time formats such as `[h]:mm` (durations, which xlrd calls dates) are shown
    as numbers — the rule of `ExcelDate` and `NumberFormat` in Sources/Sheets/Model;
  - booleans: TRUE / FALSE;  errors: `#N/A`, `#DIV/0!`, ... as xlrd names them.
"""
import datetime
import hashlib
import json
import math
import os
import re
import sys

import xlrd

OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


def swift_rounded(x):
    """Swift's Double.rounded(): to nearest, ties away from zero."""
    return math.copysign(math.floor(abs(x) + 0.5), x)


def display(number):
    """CellValue.display: a number as a spreadsheet's General format shows it."""
    if math.isnan(number):
        return "#NUM!"
    if math.isfinite(number) and swift_rounded(number) == number and abs(number) < 1e15:
        return str(int(number))
    if not math.isfinite(number):
        return repr(number)
    rounded = swift_rounded(number * 1e10) / 1e10
    if 1e-5 <= abs(number) < 1e15 and abs(rounded - number) < 1e-12 * max(1, abs(number)):
        return repr(rounded)
    return repr(number)


def date_parts(serial, datemode):
    """xlrd's conversion, except that serials 1-59 of the 1900 system, which xlrd refuses as
    ambiguous (Excel's phantom 1900-02-29 comes after them), are dates as Excel shows them."""
    if datemode == 0 and 1 <= serial < 60:
        moment = datetime.datetime(1899, 12, 31) + datetime.timedelta(seconds=round(serial * 86400))
        return moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second
    return xlrd.xldate_as_tuple(serial, datemode)


def date_text(serial, datemode):
    try:
        y, mo, d, h, mi, s = date_parts(serial, datemode)
    except xlrd.xldate.XLDateError:
        return display(serial)
    time = f"{h:02}:{mi:02}:{s:02}"
    if (y, mo, d) == (0, 0, 0):
        return time
    date = f"{y:04}-{mo:02}-{d:02}"
    return date if (h, mi, s) == (0, 0, 0) else f"{date}T{time}"


ELAPSED_TIME = re.compile(r"\[(h+|m+|s+)\]", re.IGNORECASE)


def is_elapsed_time(book, cell):
    """`[h]:mm` and the like, outside quoted text."""
    code = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    return ELAPSED_TIME.search(re.sub(r'"[^"]*"', "", code)) is not None


def cell_text(cell, book):
    """The display text of a cell, or None when the cell is empty."""
    datemode = book.datemode
    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_TEXT:
        return cell.value or None
    if kind == xlrd.XL_CELL_NUMBER:
        return display(cell.value)
    if kind == xlrd.XL_CELL_DATE:
        return display(cell.value) if is_elapsed_time(book, cell) else date_text(cell.value, datemode)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, f"#ERR{cell.value}!")
    raise ValueError(f"unknown cell type {kind}")


def a1(row, column):
    return f"{xlrd.formula.colname(column)}{row + 1}"


def sheet_digest(sheet, book):
    digest = hashlib.sha256()
    cells = 0
    last_row = last_column = -1
    for row in range(sheet.nrows):
        for column in range(sheet.row_len(row)):
            text = cell_text(sheet.cell(row, column), book)
            if text is None:
                continue
            cells += 1
            last_row, last_column = max(last_row, row), max(last_column, column)
            digest.update(f"{a1(row, column)}\t{text}\n".encode("utf-8"))
    merged = []
    for rlo, rhi, clo, chi in sheet.merged_cells:  # upper bounds exclusive
        last_row, last_column = max(last_row, rhi - 1), max(last_column, chi - 1)
        first, last = a1(rlo, clo), a1(rhi - 1, chi - 1)
        merged.append(first if first == last else f"{first}:{last}")
    return {
        "name": sheet.name,
        "hidden": sheet.visibility != 0,
        "rows": last_row + 1,
        "columns": last_column + 1,
        "merged": merged,
        "cells": cells,
        "sha256": digest.hexdigest(),
    }


def main(folder):
    result = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        with open(path, "rb") as handle:
            if handle.read(8) != OLE2_SIGNATURE:
                continue
        # formatting_info=True is needed for merged_cells; it also keeps BLANK cells, which count as empty.
        book = xlrd.open_workbook(path, formatting_info=True)
        result[name] = [sheet_digest(sheet, book) for sheet in book.sheets()]
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/fixtures/real")
