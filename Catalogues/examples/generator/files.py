"""Which file each unit's items go to, in which form; writes one revision's files and
returns what the manifest says about them."""
from collections import Counter

from departments import DEPARTMENTS, CSV_TOWNSHIP, TOWNSHIPS, REGION
from layout import HEADERS, SheetGrid, STANDARD, CODED, REORDERED, CONSOLIDATED, LOCAL, title_rows, place
from model import COUNTY, TOWNSHIP, VILLAGE, stable_hash
from plan2023 import village_names
from writers import write_xlsx, write_xls, write_csv

TOWNSHIP_COLUMNS = ["serial", "name", "sub", "category", "basis", "actor", "organ", "remarks"]


def by_unit(items):
    units = {}
    for it in items:
        units.setdefault(it.unit, []).append(it)
    return units


def government(township):
    return township + ("办事处" if township.endswith("街道") else "人民政府")


def department_grids(department, items, year):
    layout = department["layout"]
    quirks = {"broken_lines": department.get("broken_lines", False)}
    title = f"{department['name']}权责清单（{year}年版）"
    if layout == "by-category":
        grids = []
        for category in dict.fromkeys(it.category for it in items):
            chosen = [it for it in items if it.category == category]
            grid = SheetGrid(f"{category}（{len(chosen)}项）", columns=STANDARD)
            first = title_rows(grid, f"{department['name']}权责清单（{category}类）", spacer=True)
            place(grid, chosen, first, quirks=quirks)
            grids.append(grid)
        return grids
    columns = {"coded": CODED, "reordered": REORDERED}.get(layout, STANDARD)
    grid = SheetGrid("权责清单" if layout != "xls" else "Sheet1", columns=columns)
    first = title_rows(grid, title, spacer=stable_hash(department["name"]) % 3 == 0)
    place(grid, items, first, quirks=quirks)
    return [grid]


def consolidated_grid(units, name):
    grid = SheetGrid(name, columns=CONSOLIDATED)
    for column, key in enumerate(CONSOLIDATED):
        grid.cells[(1, column)] = HEADERS[key]
    row = 2
    for unit, items in units:
        actor = government(unit) if unit in TOWNSHIPS else unit
        row = place(grid, items, row, merged=False, quirks={"actor": actor}, serial_start=grid.item_count + 1)
    return grid


def township_grid(township, items, year):
    grid = SheetGrid("权力清单", columns=TOWNSHIP_COLUMNS)
    first = title_rows(grid, f"{township}权力清单（{year}年版）", spacer=False)
    place(grid, items, first, quirks={"actor": government(township)})
    return grid


def village_grids(villages, units, year):
    grids = []
    for village in villages:
        grid = SheetGrid(village, columns=LOCAL)
        first = title_rows(grid, f"{village}权力清单（{year}年版）", spacer=False)
        committee = village + ("居民委员会" if village.endswith("社区") else "村民委员会")
        place(grid, units.get(village, []), first, quirks={"actor": committee})
        grids.append(grid)
    return grids


def write_revision(items, year, root):
    """Writes the files of one revision under root/year; returns the manifest's file entries."""
    folder = root / year
    units = by_unit(items)
    entries = []

    def emit(relative, grids, fmt, layout):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        {"xlsx": write_xlsx, "xls": write_xls}.get(fmt, lambda g, p: write_csv(g[0], p))(grids, path)
        entries.append(describe(f"{year}/{relative}", fmt, layout, grids, items))

    csv_units = []
    for department in DEPARTMENTS:
        chosen = units.get(department["name"], [])
        if department["layout"] == "csv":
            csv_units.append((department["name"], chosen))
            continue
        fmt = "xls" if department["layout"] == "xls" else "xlsx"
        emit(f"县直部门/{department['name']}权责清单.{fmt}", department_grids(department, chosen, year), fmt,
             department["layout"])
    csv_units.append((CSV_TOWNSHIP, units.get(CSV_TOWNSHIP, [])))
    consolidated_name = f"{REGION['name']}权责清单汇总（部分单位）"  # a CSV's one sheet is named after the file
    emit(f"{consolidated_name}.csv", [consolidated_grid(csv_units, consolidated_name)], "csv", "consolidated")
    for township in TOWNSHIPS:
        if township != CSV_TOWNSHIP:
            emit(f"乡镇/{township}权力清单.xlsx", [township_grid(township, units.get(township, []), year)], "xlsx", "township")
    for township, villages in village_names().items():
        emit(f"村（社区）/{township}村（社区）权力清单.xlsx", village_grids(villages, units, year), "xlsx", "villages")
    return entries


def describe(path, fmt, layout, grids, items):
    keys = {key for grid in grids for key in grid.positions}
    chosen = [it for it in items if it.key in keys]
    return {
        "path": path, "format": fmt, "layout": layout,
        "units": list(dict.fromkeys(it.unit for it in chosen)),
        "items": len(chosen), "records": sum(max(1, len(it.sub_items)) for it in chosen),
        "categories": dict(Counter(it.category for it in chosen)),
        "sheets": [{"name": g.name, "items": g.item_count, "records": g.record_count} for g in grids],
        "_positions": {key: (g.name, pos) for g in grids for key, pos in g.positions.items()},
    }
