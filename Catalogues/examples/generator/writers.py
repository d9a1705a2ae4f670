"""Writes laid-out sheets as .xlsx (openpyxl), .xls (xlwt) and GB18030 CSV, byte-stable:
the same input gives the same bytes on every run (fixed ZIP times and document dates)."""
import csv
import io
import re
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font
import xlwt

from layout import column_letter

FIXED_TIME = (2024, 1, 1, 0, 0, 0)
WIDTHS = {"序号": 6, "事项编码": 18, "事项名称": 30, "子项名称": 20, "权力类型": 10, "事项类型": 10,
          "实施依据": 48, "行使主体": 22, "承办机构": 14, "责任事项": 30, "备注": 12}


def write_xlsx(grids, path):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    wrap = Alignment(wrap_text=True, vertical="center")
    for grid in grids:
        sheet = workbook.create_sheet(grid.name)
        for (row, column), value in sorted(grid.cells.items()):
            cell = sheet.cell(row=row, column=column + 1, value=value)
            cell.alignment = wrap
        sheet.cell(row=1, column=1).font = Font(bold=True, size=16)
        for first_row, first_column, last_row, last_column in grid.merges:
            sheet.merge_cells(start_row=first_row, start_column=first_column + 1,
                              end_row=last_row, end_column=last_column + 1)
        for column, key in enumerate(grid.columns):
            sheet.column_dimensions[column_letter(column)].width = WIDTHS.get(header_of(key), 12)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))


def header_of(key):
    from layout import HEADERS
    return HEADERS[key]


def stable_zip(data):
    """Rewrites a ZIP with fixed entry times and fixed document dates in docProps/core.xml."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", content)
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return output.getvalue()


def write_xls(grids, path):
    workbook = xlwt.Workbook(encoding="utf-8")
    style = xlwt.easyxf("align: wrap on, vert centre")
    for grid in grids:
        sheet = workbook.add_sheet(grid.name)
        merged_origins = set()
        for first_row, first_column, last_row, last_column in grid.merges:
            value = grid.cells.get((first_row, first_column), "")
            sheet.write_merge(first_row - 1, last_row - 1, first_column, last_column, value, style)
            merged_origins.add((first_row, first_column))
        for (row, column), value in sorted(grid.cells.items()):
            if (row, column) not in merged_origins:
                sheet.write(row - 1, column, value, style)
        for column, key in enumerate(grid.columns):
            sheet.col(column).width = 256 * WIDTHS.get(header_of(key), 12)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())


def write_csv(grid, path):
    """A county-wide list saved by Excel on Chinese Windows: GB18030, CRLF, no title row."""
    rows = {}
    for (row, column), value in grid.cells.items():
        rows.setdefault(row, {})[column] = value
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for row in sorted(rows):
        writer.writerow([rows[row].get(c, "") for c in range(len(grid.columns))])
    path.write_bytes(text.getvalue().encode("gb18030"))
