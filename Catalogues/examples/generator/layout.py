"""Lays items out on a sheet as the published lists do, independent of the file format:
title row, header row, one row per record, merged cells over an item's rows. Returns the
cells and, per item, the cell (or merged range) of each field, for the manifest."""
from dataclasses import dataclass, field

from model import stable_hash
from names import RESPONSIBILITIES

HEADERS = {"serial": "序号", "code": "事项编码", "name": "事项名称", "sub": "子项名称", "category": "权力类型",
           "basis": "实施依据", "actor": "行使主体", "organ": "承办机构", "duties": "责任事项", "remarks": "备注"}
STANDARD = ["serial", "name", "sub", "category", "basis", "actor", "organ", "duties", "remarks"]
CODED = ["serial", "code", "name", "sub", "category", "basis", "actor", "organ", "duties", "remarks"]
REORDERED = ["serial", "category", "name", "sub", "actor", "organ", "basis", "remarks"]
CONSOLIDATED = ["serial", "actor", "name", "sub", "category", "basis", "organ", "remarks"]
LOCAL = ["serial", "name", "category", "basis", "actor", "remarks"]
ORGANS = ["政策法规股", "行政审批股", "综合行政执法大队", "业务股", "监督检查股", "办公室"]


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def reference(row, column, last_row=None):
    cell = f"{column_letter(column)}{row}"
    return cell if not last_row or last_row == row else f"{cell}:{column_letter(column)}{last_row}"


@dataclass
class SheetGrid:
    name: str
    cells: dict = field(default_factory=dict)      # (row, column) → value, both 1-based rows / 0-based columns
    merges: list = field(default_factory=list)     # (first row, first column, last row, last column)
    positions: dict = field(default_factory=dict)  # item key → {"rows": [first, last], field: "C5:C7"}
    columns: list = field(default_factory=list)
    item_count: int = 0
    record_count: int = 0


def title_rows(grid, title, spacer):
    grid.cells[(1, 0)] = title
    grid.merges.append((1, 0, 1, len(grid.columns) - 1))
    row = 2
    if spacer:  # a blank merged row under the title, as many published lists have
        grid.cells[(2, 0)] = " " * 24
        grid.merges.append((2, 0, 2, len(grid.columns) - 1))
        row = 3
    for column, key in enumerate(grid.columns):
        grid.cells[(row, column)] = HEADERS[key] if key != "category" or "村" not in title else "事项类型"
    return row + 1


def value(item, key, row_index, quirks):
    if key == "name":
        return broken(item.name) if quirks.get("broken_lines") else item.name
    if key == "category":
        if quirks.get("broken_lines"):
            return item.category[:2] + "\n" + item.category[2:]
        return "行政 处罚" if item.category == "行政处罚" and stable_hash(item.key + "s") % 25 == 0 else item.category
    if key == "basis":
        return item.basis
    if key == "code":
        return item.code
    if key == "actor":
        return quirks.get("actor", item.unit)
    if key == "organ":
        return ORGANS[stable_hash(item.unit + item.name) % len(ORGANS)]
    if key == "duties":
        if item.rows > 1:
            return RESPONSIBILITIES[row_index]
        return "受理、审查、决定、送达、事后监管等责任"
    if key == "remarks":
        return "2024年由县直部门下放" if "delegated" in item.tags else None
    return None


def broken(text, width=4):
    """`对拒绝\n配合统\n计调查`: the name broken into short lines, as narrow columns print."""
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def place(grid, items, first_row, merged=True, quirks=None, serial_start=1):
    """Writes `items` from `first_row`, numbered from `serial_start` (1 on each sheet, except
    in a consolidated list, where serials run on)."""
    quirks = quirks or {}
    row = first_row
    for serial, item in enumerate(items, start=serial_start):
        height = max(len(item.sub_items), item.rows if "duties" in grid.columns and merged else 1, 1)
        last = row + height - 1
        position = {"rows": [row, last]}
        for column, key in enumerate(grid.columns):
            if key == "sub":
                for offset, sub in enumerate(item.sub_items):
                    grid.cells[(row + offset, column)] = sub
                if item.sub_items:
                    position["sub"] = reference(row, column, row + len(item.sub_items) - 1)
                continue
            if key == "duties" and item.rows > 1 and not item.sub_items:
                for offset in range(height):
                    grid.cells[(row + offset, column)] = value(item, key, offset, quirks)
                position[key] = reference(row, column, last)
                continue
            text = serial if key == "serial" else value(item, key, 0, quirks)
            if key == "actor" and not merged:  # a consolidated list repeats it on every row
                for offset in range(height):
                    grid.cells[(row + offset, column)] = text
            elif text not in (None, ""):
                grid.cells[(row, column)] = text
            if merged and height > 1:
                grid.merges.append((row, column, last, column))
            position[key] = reference(row, column, last if merged else None)
        grid.positions[item.key] = position
        grid.item_count += 1
        grid.record_count += max(1, len(item.sub_items))
        row = last + 1
    return row
