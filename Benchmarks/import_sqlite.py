#!/usr/bin/env python3
"""What a user would write instead of `powerlist import`: every row of every sheet of every
workbook (python-calamine; CSV with the csv module, UTF-8 or GB18030) into one SQLite table,
one transaction. No layout detection, grouping, checks or provenance beyond file/sheet/row.
Usage: import_sqlite.py DB FILE_OR_FOLDER..."""
import csv
import os
import sqlite3
import sys
import time

from python_calamine import CalamineWorkbook

COLUMNS = 16


def files(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for folder, _, names in sorted(os.walk(argument)):
                yield from (os.path.join(folder, name) for name in sorted(names))
        else:
            yield argument


def rows_of(path):
    if path.endswith(".csv"):
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        yield from (("csv", row) for row in csv.reader(text.splitlines(keepends=True)))
        return
    workbook = CalamineWorkbook.from_path(path)
    for name in workbook.sheet_names:
        yield from ((name, row) for row in workbook.get_sheet_by_name(name).to_python())


def main():
    database, arguments = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    connection = sqlite3.connect(database)
    placeholders = ", ".join("?" * (COLUMNS + 3))
    columns = ", ".join(f"c{n}" for n in range(COLUMNS))
    connection.execute(f"CREATE TABLE IF NOT EXISTS rows (file, sheet, row, {columns})")
    count = 0
    with connection:
        for path in files(arguments):
            batch = []
            for index, (sheet, row) in enumerate(rows_of(path)):
                values = [None if value == "" else value for value in row[:COLUMNS]]
                batch.append([path, sheet, index] + values + [None] * (COLUMNS - len(values)))
            connection.executemany(f"INSERT INTO rows VALUES ({placeholders})", batch)
            count += len(batch)
    connection.close()
    print(f"sqlite: {time.perf_counter() - start:.3f} s, rows {count}")


if __name__ == "__main__":
    main()
