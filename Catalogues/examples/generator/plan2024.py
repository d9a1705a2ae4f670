"""The second revision (2024): the clean-up of the county's approvals, and planted defects.

The 审批 group counted by the reform report is region-wide: items of category 行政许可 or
非行政许可审批, and 其他行政权力 items whose name ends with 审批/审核/核准/审查 (see
`in_approval_group`). 2023: county 行政许可 346 + county approvals 235 + township
行政许可 96 + township 非行政许可审批 81 = 758. 2024: 462 — 261 abolished (120 licences
citing only a normative document, 100 approvals and 41 township 非行政许可审批 with no
basis), 20 merges of three items into one (−40), 5 splits of one into two (+5); delegation
to townships (下放) and recategorization keep an item in the group. 758 − 296 = 462.
"""
import copy
import random

from departments import TOWNSHIPS
from model import Item, COUNTY, TOWNSHIP, stable_hash
from names import citation

APPROVAL_ENDINGS = ("审批", "审核", "核准", "审查")
MERGED_LICENCES, MERGED_APPROVALS, SPLITS, DELEGATED, RENAMED = 15, 5, 5, 10, 5


def in_approval_group(item):
    if item.category in ("行政许可", "非行政许可审批"):
        return True
    return item.category == "其他行政权力" and item.name.endswith(APPROVAL_ENDINGS)


class Revision2024:
    """Applies the clean-up to a copy of 2023, recording each change for the manifest."""

    def __init__(self, items_2023):
        self.items = copy.deepcopy(items_2023)
        self.changes = []
        self.defects = []
        self.rng = random.Random(2024)

    def record(self, kind, old, new, note=""):
        summary = lambda it: {"key": it.key, "unit": it.unit, "name": it.name, "category": it.category}
        self.changes.append({"kind": kind, "from": [summary(it) for it in old], "to": [summary(it) for it in new],
                             **({"note": note} if note else {})})

    def untouched(self, predicate):
        return [it for it in self.items if predicate(it) and not it.tags & {"changed", "normative-only", "no-basis", "noise"}]

    def build(self):
        self.abolish()
        self.merge("行政许可", MERGED_LICENCES)
        self.merge("approval", MERGED_APPROVALS)
        self.split()
        self.delegate()
        self.recategorize()
        self.rename()
        self.replace_noise_law()
        self.plant_defects()
        return self.items

    def remove(self, item):
        self.items.remove(item)

    def abolish(self):
        """All but one of the items with no or insufficient basis go; one of each is kept."""
        for tag, note in (("normative-only", "仅以规范性文件为依据，予以取消"), ("no-basis", "无法定依据，予以取消")):
            marked = [it for it in self.items if tag in it.tags]
            kept = [it for it in marked if it.level == COUNTY][-1]
            kept.tags.add("kept-defect")
            for it in marked:
                if it is not kept:
                    self.remove(it)
                    self.record("abolished", [it], [], note)

    def merge(self, kind, count):
        """Three items of one department become one: the first keeps its name and lists the
        three as sub-items (将A、B、C合并为A)."""
        by_unit = {}
        pick = (lambda it: it.category == "行政许可") if kind == "行政许可" else (lambda it: "approval" in it.tags)
        for it in self.untouched(lambda it: it.level == COUNTY and pick(it) and not it.sub_items):
            by_unit.setdefault(it.unit, []).append(it)
        groups = [units[i:i + 3] for units in by_unit.values() for i in range(0, len(units) - 2, 3)]
        for group in sorted(self.rng.sample(groups, count), key=lambda g: g[0].key):
            first = group[0]
            old = [copy.deepcopy(it) for it in group]
            first.sub_items = [it.name for it in group]
            first.tags.add("changed")
            for it in group[1:]:
                self.remove(it)
            self.record("merged", old, [first], "合并实施")

    def split(self):
        candidates = self.untouched(lambda it: it.level == COUNTY and it.category == "行政许可" and not it.sub_items)
        for it in self.rng.sample(candidates, SPLITS):
            old = copy.deepcopy(it)
            second = copy.deepcopy(it)
            it.name, second.name = f"{old.name}（首次申请）", f"{old.name}（变更、延续）"
            second.key = old.key + "/2"
            for x in (it, second):
                x.tags.add("changed")
            self.items.insert(self.items.index(it) + 1, second)
            self.record("split", [old], [it, second], "拆分为首次申请与变更、延续两项")

    def delegate(self):
        """下放: ten county licences move to the five largest towns, two each."""
        candidates = self.untouched(lambda it: it.level == COUNTY and it.category == "行政许可" and not it.sub_items)
        for number, it in enumerate(self.rng.sample(candidates, DELEGATED)):
            old = copy.deepcopy(it)
            self.remove(it)
            it.unit, it.level = TOWNSHIPS[number // 2], TOWNSHIP
            it.tags.add("changed")
            it.tags.add("delegated")
            last = max(i for i, x in enumerate(self.items) if x.unit == it.unit)
            self.items.insert(last + 1, it)
            self.record("delegated", [old], [it], f"由{old.unit}下放至{it.unit}")

    def recategorize(self):
        for it in [x for x in self.items if x.category == "非行政许可审批"]:
            old = copy.deepcopy(it)
            it.category = "其他行政权力"
            it.tags -= {"abolished-category", "defect:check.abolished-category:category"}
            it.tags.add("changed")
            self.record("recategorized", [old], [it], "非行政许可审批类别取消，调整为其他行政权力")

    def rename(self):
        candidates = self.untouched(lambda it: it.level == COUNTY and it.category == "行政处罚" and "未按规定" in it.name)
        for it in self.rng.sample(candidates, RENAMED):
            old = copy.deepcopy(it)
            it.name = it.name.replace("未按规定", "未按照规定", 1)
            it.tags.add("changed")
            self.record("renamed", [old], [it], "规范事项名称")

    def replace_noise_law(self):
        """环境噪声污染防治法 was repealed on 2022-06-05 by 噪声污染防治法; one item is missed."""
        noise = [it for it in self.items if "noise" in it.tags]
        for it in noise[:-1]:
            old = copy.deepcopy(it)
            it.basis = citation("噪声污染防治法", it.name, penalty=True)
            it.tags -= {"defect:check.repealed-instrument:basis"}
            it.tags.add("changed")
            self.record("basis-changed", [old], [it], "环境噪声污染防治法已废止，依据改为噪声污染防治法")
        noise[-1].tags.add("kept-defect")
        self.added_item()

    def added_item(self):
        grain = [it for it in self.items if it.unit.endswith("粮食和物资储备局")]
        new = Item(key="粮食和物资储备局/行政处罚/新增1", unit=grain[0].unit, level=COUNTY, category="行政处罚",
                   name="对粮食经营者未按规定执行粮食质量安全检验制度的处罚",
                   basis=citation("粮食安全保障法", "粮食质量安全检验", penalty=True))
        self.items.insert(self.items.index(grain[-1]) + 1, new)
        self.record("added", [], [new], "依据粮食安全保障法新增")

    def plant_defects(self):
        from defects import plant
        plant(self)
