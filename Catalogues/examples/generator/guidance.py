"""The guidance catalogue (指导目录) a prefecture hands down, with one sheet per level, for
reconciling the county's list: 区县级 lists the county's licences and three it lacks."""
from departments import REGION
from layout import SheetGrid, LOCAL, title_rows, place
from model import Item, COUNTY
from names import citation
from writers import write_xlsx

NOT_LISTED = [("放射诊疗许可", "职业病防治法", "县级卫生健康主管部门"),
              ("生鲜乳收购站许可", "畜牧法", "县级畜牧兽医主管部门"),
              ("城镇燃气经营许可证核发（瓶装）", "安全生产法", "县级燃气管理部门")]


def write_guidance(items_2024, root):
    county_licences = list({it.name: it for it in items_2024 if it.level == COUNTY and it.category == "行政许可"}.values())
    rows = [Item(key=f"指导目录/区县级/{i}", unit="县级主管部门", level=COUNTY, category="行政许可", name=it.name, basis=it.basis)
            for i, it in enumerate(county_licences, start=1)]
    missing = [Item(key=f"指导目录/区县级/缺{i}", unit=actor, level=COUNTY, category="行政许可", name=name,
                    basis=citation(law, name)) for i, (name, law, actor) in enumerate(NOT_LISTED, start=1)]
    penalties = [it for it in items_2024 if it.unit.endswith("市场监督管理局") and it.category == "行政处罚"][:20]
    prefecture = [Item(key=f"指导目录/地州级/{i}", unit=f"{REGION['prefecture']}市场监督管理局", level="prefecture",
                       category=it.category, name=it.name, basis=it.basis) for i, it in enumerate(penalties, start=1)]
    grids = []
    for sheet, chosen in (("地州级", prefecture), ("区县级", rows + missing)):
        grid = SheetGrid(sheet, columns=LOCAL)
        first = title_rows(grid, f"{REGION['prefecture']}权责清单指导目录（{sheet}）", spacer=False)
        place(grid, chosen, first)
        grids.append(grid)
    write_xlsx(grids, root / "指导目录.xlsx")
    return {"path": "指导目录.xlsx", "sheets": {g.name: g.item_count for g in grids},
            "notListedByCounty": [name for name, _, _ in NOT_LISTED],
            # The 区县级 sheet names no body (its 行使主体 is 县级主管部门…), so import takes the
            # file name as its unit, with a warning: reconcile reads it by sheet, not by unit.
            "expectedImportFindings": [{"code": "import.unit-guessed", "sheet": "区县级"}]}
