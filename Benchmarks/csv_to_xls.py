#!/usr/bin/env python3
"""Turns the `*.xls.csv` files of a generated province into legacy .xls (BIFF8, xlwt), as old
systems export them: the title in a row merged across all columns, the header, then the items
whose 序号, 事项名称, 权力类型 and 实施依据 are merged down over their rows. Each source is
removed once its .xls is written. Usage: csv_to_xls.py FILE.xls.csv..."""
import csv
import os
import sys

import xlwt

MERGED = [0, 1, 3, 4]  # the columns merged down over an item's rows, as in the XLSX files


def convert(source):
    with open(source, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    title, header, data = rows[0][0], rows[1], rows[2:]
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("权责清单")
    style = xlwt.easyxf("align: wrap on, vert centre")
    sheet.write_merge(0, 0, 0, len(header) - 1, title, style)
    for column, name in enumerate(header):
        sheet.write(1, column, name, style)
    starts = [index for index, row in enumerate(data) if row[0]] + [len(data)]
    for start, end in zip(starts, starts[1:]):
        first = data[start]
        for offset, row in enumerate(data[start:end]):
            for column, value in enumerate(row):
                if column in MERGED and end - start > 1:
                    continue
                sheet.write(2 + start + offset, column, int(value) if column == 0 and value.isdigit() else value, style)
        if end - start > 1:
            for column in MERGED:
                value = int(first[column]) if column == 0 else first[column]
                sheet.write_merge(2 + start, 2 + end - 1, column, column, value, style)
    book.save(source[: -len(".csv")])
    os.remove(source)


if __name__ == "__main__":
    for path in sys.argv[1:]:
        convert(path)
