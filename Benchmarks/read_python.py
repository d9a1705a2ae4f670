"""Reads every cell of every sheet of a workbook with python-calamine (XLSX, XLS) or openpyxl
(read-only, XLSX only), for comparison with powerlist-benchmark.
Usage: read_python.py calamine|openpyxl FILE..."""
import sys
import time


def read_calamine(path):
    from python_calamine import CalamineWorkbook
    workbook = CalamineWorkbook.from_path(path)
    rows = cells = merged = 0
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        for row in sheet.to_python(skip_empty_area=False):
            rows += 1
            cells += sum(1 for value in row if value != "")
        merged += len(sheet.merged_cell_ranges or [])
    return rows, cells, merged


def read_openpyxl(path):
    from openpyxl import load_workbook
    workbook = load_workbook(path, read_only=True)
    rows = cells = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            rows += 1
            cells += sum(1 for value in row if value is not None)
    workbook.close()
    return rows, cells, None  # read-only mode does not load merged ranges


if __name__ == "__main__":
    library, paths = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    rows = cells = merged = 0
    for path in paths:
        counts = {"calamine": read_calamine, "openpyxl": read_openpyxl}[library](path)
        rows, cells, merged = rows + counts[0], cells + counts[1], merged + (counts[2] or 0)
    print(f"{library}: {time.perf_counter() - start:.3f} s, files {len(paths)}, rows {rows}, cells {cells}, merged {merged}")
