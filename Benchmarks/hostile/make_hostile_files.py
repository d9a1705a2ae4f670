#!/usr/bin/env python3
"""Writes the hostile spreadsheets of issue 14 into a folder, for BENCHMARKS.md's
read-limits figures. They are small on disk (deflate squeezes repetition) and are made
here rather than committed.

    python3 Benchmarks/hostile/make_hostile_files.py OUT_FOLDER

cell-1.5GB.xlsx   one inline-string cell of 1.5 GB ("A" × 1,500,000,000)
rows-30M.xlsx     30,000,000 rows of one number each
rows-30M.csv      30,000,000 records of "1,事项"
zip-bomb.xlsx     a sheet part of 4 GiB of blank rows
laughs.xlsx       a billion-laughs entity bomb in the sheet part
"""
import os
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CHUNK = 1 << 20


def workbook(path, write_sheet):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                         f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                         '<sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                         f'Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            write_sheet(sheet)


def repeated(sheet, head, unit, count, tail):
    sheet.write(head.encode())
    unit = unit.encode() or b" "
    count = count if unit.strip() else 0
    per_chunk = max(1, CHUNK // len(unit))
    block = unit * per_chunk
    written = 0
    while written + per_chunk <= count:
        sheet.write(block)
        written += per_chunk
    sheet.write(unit * (count - written))
    sheet.write(tail.encode())


def main(out):
    os.makedirs(out, exist_ok=True)
    head, tail = f'<worksheet xmlns="{MAIN}"><sheetData>', "</sheetData></worksheet>"
    entities = '<!ENTITY lol "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol%s;" % ("" if n == 1 else n - 1)) * 10}">' for n in range(1, 10))
    sheets = {
        "cell-1.5GB.xlsx": lambda s: repeated(s, head + '<row r="1"><c r="A1" t="inlineStr"><is><t>', "A" * 1000,
                                              1_500_000, "</t></is></c></row>" + tail),
        "rows-30M.xlsx": lambda s: repeated(s, head, "<row><c><v>1</v></c></row>", 30_000_000, tail),
        "zip-bomb.xlsx": lambda s: repeated(s, head, "<row/>", (4 << 30) // 6, tail),
        "laughs.xlsx": lambda s: repeated(s, f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>' + head, "", 0,
                                          '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>' + tail),
    }
    for name, write_sheet in sheets.items():
        if not os.path.exists(f"{out}/{name}"):  # kept from an earlier run
            workbook(f"{out}/{name}", write_sheet)
    if not os.path.exists(f"{out}/rows-30M.csv"):
        with open(f"{out}/rows-30M.csv", "w", encoding="utf-8") as csv:
            block = "1,事项\n" * 100_000
            for _ in range(300):
                csv.write(block)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/powerlist-hostile")
