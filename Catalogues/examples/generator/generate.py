"""Generates the example region Catalogues/examples/阿克塔什县/: two revisions of a fictional
county's power lists in the forms a legal affairs office receives, a guidance catalogue,
and manifest.json (the seeded counts, the planted changes and defects the tests assert).

    pip install openpyxl xlwt
    python3 Catalogues/examples/generator/generate.py [--out DIR]

Deterministic: the same generator writes the same bytes. The output is committed, so the
demo and the tests need no Python.
"""
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

from departments import REGION
from files import write_revision
from guidance import write_guidance
from model import COUNTY, TOWNSHIP, VILLAGE
from plan2023 import revision_2023
from plan2024 import Revision2024, in_approval_group, APPROVAL_ENDINGS

ROOT = Path(__file__).resolve().parent.parent / REGION["name"]
DATES = {"2023": "2023-06-30", "2024": "2024-06-30"}


def level_summary(items):
    summary = {}
    for level in (COUNTY, TOWNSHIP, VILLAGE):
        chosen = [it for it in items if it.level == level]
        summary[level] = {"units": len({it.unit for it in chosen}), "items": len(chosen),
                          "records": sum(it.records for it in chosen),
                          "categories": dict(sorted(Counter(it.category for it in chosen).items()))}
    return summary


def defects(items, entries):
    where = {key: (entry["path"], sheet, pos) for entry in entries for key, (sheet, pos) in entry["_positions"].items()}
    found = []
    for it in items:
        for tag in sorted(t for t in it.tags if t.startswith("defect:")):
            _, code, field = tag.split(":")
            path, sheet, pos = where[it.key]
            found.append({"code": code, "file": path, "sheet": sheet, "cell": pos[field], "field": field,
                          "unit": it.unit, "item": it.name, "key": it.key})
    return found


def approval_composition(items):
    group = [it for it in items if in_approval_group(it)]
    return dict(sorted(Counter(f"{it.level}:{it.category}" for it in group).items())), len(group)


def revision_entry(year, items, entries):
    composition, total = approval_composition(items)
    return {"label": year, "date": DATES[year], "folder": year, "items": len(items),
            "records": sum(it.records for it in items), "levels": level_summary(items),
            "approvalGroup": {"items": total, "composition": composition},
            "files": [{k: v for k, v in e.items() if not k.startswith("_")} for e in entries],
            "defects": defects(items, entries)}


def main(root=ROOT):
    for stale in ("2023", "2024"):
        shutil.rmtree(root / stale, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    items_2023 = revision_2023()
    cleanup = Revision2024(items_2023)
    items_2024 = cleanup.build()
    revisions = [revision_entry("2023", items_2023, write_revision(items_2023, "2023", root)),
                 revision_entry("2024", items_2024, write_revision(items_2024, "2024", root))]
    before, after = revisions[0]["approvalGroup"]["items"], revisions[1]["approvalGroup"]["items"]
    kinds = Counter(change["kind"] for change in cleanup.changes)
    manifest = {
        "region": REGION,
        "generator": "python3 Catalogues/examples/generator/generate.py",
        "revisions": revisions,
        "reduction": {
            "definition": "审批事项：权力类型为行政许可或非行政许可审批的事项，以及名称以"
                          + "、".join(APPROVAL_ENDINGS) + "结尾的其他行政权力事项（县、乡镇、村三级合计）",
            "before": before, "after": after, "cut": before - after,
            "percent": round(100 * (before - after) / before, 1),
            "howCut": {"abolished": kinds["abolished"], "merged": {"groups": kinds["merged"], "itemsRemoved": 2 * kinds["merged"]},
                       "split": {"items": kinds["split"], "itemsAdded": kinds["split"]},
                       "neutral": ["delegated", "recategorized", "renamed", "basis-changed"]},
        },
        "changes": cleanup.changes,
        "guidance": write_guidance(items_2024, root),
    }
    (root / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{root}: 2023 {len(items_2023)} items, 2024 {len(items_2024)} items; "
          f"审批 {before} → {after} (削减{manifest['reduction']['percent']}%)")


if __name__ == "__main__":
    # `--out DIR` writes elsewhere (to compare two runs byte for byte).
    main(Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else ROOT)
