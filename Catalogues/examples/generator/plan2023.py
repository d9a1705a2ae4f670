"""The first revision (2023): every unit's items, with the figures of the reform report.

County departments: 5,343 items (行政许可 346, 行政处罚 4,505, 行政征收 61, 行政强制 86,
其他行政权力 345, of which 235 are approvals named …审批/审核/核准/审查); townships: 482;
villages: 276. Items that the 2024 clean-up acts on are given the shape that explains it:
licences citing only a normative document, approvals with no basis, items citing the
repealed 环境噪声污染防治法.
"""
import random
import re

from departments import DEPARTMENTS, TOWNSHIPS, VILLAGE_STEMS, VILLAGE_PARTS, REGION
from local_lists import TOWNSHIP_TOTALS, VILLAGE_TOTALS, TOWNSHIP_POOLS, VILLAGE_POOLS
from model import Item, apportion, stable_hash, COUNTY, TOWNSHIP, VILLAGE
from names import names_for, basis_for, citation

COUNTY_TOTALS = {"行政许可": 346, "行政处罚": 4505, "行政征收": 61, "行政强制": 86,
                 "其他行政权力（审批类）": 235, "其他行政权力（其他）": 110}
CATEGORY_LETTERS = {"行政许可": "XK", "行政处罚": "CF", "行政强制": "QZ", "行政征收": "ZS", "其他行政权力": "QT"}
SUB_ITEMS = {"行政许可": ["新办", "变更", "延续"], "行政处罚": ["一般情节的", "情节严重的"]}
NOISE_NAMES = ["对建设项目噪声污染防治设施未建成即投入生产的处罚", "对拒报或者谎报排放环境噪声的种类、数量的处罚",
               "对擅自拆除或者闲置环境噪声污染防治设施的处罚", "对经限期治理逾期未完成治理任务的处罚",
               "对夜间进行产生环境噪声污染的建筑施工作业的处罚", "对在噪声敏感建筑物集中区域内使用高音广播喇叭的处罚",
               "对从家庭室内发出严重干扰周围居民生活的环境噪声的处罚", "对机动车辆不按照规定使用声响装置的处罚",
               "对商业经营活动中使用空调器产生干扰周围生活环境的过大噪声的处罚"]
ABOLISHED_LICENCES, ABOLISHED_APPROVALS = 121, 101  # one of each is kept in 2024, still defective


def village_names():
    """106 villages, by township (the 街道's are 社区), each name once in the county."""
    counts = apportion(106, [1] * len(TOWNSHIPS), "villages")
    names, index = {}, 0
    for township, count in zip(TOWNSHIPS, counts):
        suffix = "社区" if township.endswith("街道") else "村"
        names[township] = []
        for _ in range(count):
            stem = VILLAGE_STEMS[index % len(VILLAGE_STEMS)] + VILLAGE_PARTS[index // len(VILLAGE_STEMS)]
            names[township].append(stem + suffix)
            index += 1
    return names


def county_items():
    items, taken = [], set(NOISE_NAMES)
    for category, total in COUNTY_TOTALS.items():
        weights = [d["weights"]["其他行政权力" if category.startswith("其他") else category] for d in DEPARTMENTS]
        for number, (department, count) in enumerate(zip(DEPARTMENTS, apportion(total, weights, category))):
            for index, name in enumerate(names_for(category, department, count, taken)):
                listed = "其他行政权力" if category.startswith("其他") else category
                item = Item(key=f"{department['short']}/{category}/{index + 1}", unit=department["name"],
                            level=COUNTY, category=listed, name=name,
                            basis=basis_for(department, name, listed, department.get("spaced_citations", False)))
                if category == "其他行政权力（审批类）":
                    item.tags.add("approval")
                shape(item, department)
                items.append(item)
    order = {d["name"]: i for i, d in enumerate(DEPARTMENTS)}
    ranks = {c: i for i, c in enumerate(CATEGORY_LETTERS)}
    items.sort(key=lambda it: (order[it.unit], ranks[it.category]))
    return items


def shape(item, department):
    """Sub-items for some items; 责任事项 over two or three merged rows for others."""
    seed = stable_hash(item.key)
    if item.category in SUB_ITEMS and department["layout"] != "csv" and seed % 7 == 0:
        item.sub_items = SUB_ITEMS[item.category][: 2 + seed % 2]
    elif department["layout"] in ("standard", "coded", "by-category", "xls") and seed % 5 == 0:
        item.rows = 2 + seed % 2


def plant_2023_defects(items):
    """Marks the items the 2024 clean-up removes: licences citing only a normative document,
    approvals with no basis, and the 生态环境局's items under the repealed noise law."""
    rng = random.Random(2023)
    licences = [it for it in items if it.category == "行政许可" and not it.sub_items]
    for it in rng.sample(licences, ABOLISHED_LICENCES):
        number = 20 + stable_hash(it.key) % 80
        topic = re.sub("(许可|审批|核准)$", "", it.name) + "审批"
        it.basis = f"【规范性文件】《关于进一步规范{topic}工作的通知》（塔地行办发〔2016〕{number}号）"
        it.tags |= {"normative-only", "defect:check.insufficient-basis:basis"}
    approvals = [it for it in items if "approval" in it.tags and not it.sub_items]
    for it in rng.sample(approvals, ABOLISHED_APPROVALS):
        it.basis = ""
        it.tags |= {"no-basis", "defect:check.missing-basis:basis"}
    environment = [it for it in items if it.unit.endswith("生态环境局") and it.category == "行政处罚"]
    for it, name in zip(environment[-len(NOISE_NAMES):], NOISE_NAMES):
        it.name = name
        it.basis = citation("环境噪声污染防治法", name, penalty=True)
        it.sub_items = []
        it.tags |= {"noise", "defect:check.repealed-instrument:basis"}


def assign_codes(items):
    """事项编码 as the published lists write them: region, unit number, category letters, serial."""
    numbers = {d["name"]: i + 1 for i, d in enumerate(DEPARTMENTS) if d["layout"] == "coded"}
    serials = {}
    for it in items:
        if it.unit in numbers:
            letters = CATEGORY_LETTERS[it.category]
            serials[(it.unit, letters)] = serials.get((it.unit, letters), 0) + 1
            it.code = f"{REGION['code']}{numbers[it.unit]:03d}{letters}{serials[(it.unit, letters)]:05d}"


def township_items():
    items = []
    shares = {c: apportion(t, [1] * len(TOWNSHIPS), c) for c, t in TOWNSHIP_TOTALS.items()}
    no_basis = apportion(41, shares["非行政许可审批"], "no-basis")
    for number, township in enumerate(TOWNSHIPS):
        for category in TOWNSHIP_TOTALS:
            for index, (name, law) in enumerate(TOWNSHIP_POOLS[category][: shares[category][number]]):
                item = Item(key=f"{township}/{category}/{index + 1}", unit=township, level=TOWNSHIP,
                            category=category, name=name, basis=citation(law, township + name))
                if category == "非行政许可审批":
                    item.tags |= {"abolished-category", "defect:check.abolished-category:category"}
                    if index < no_basis[number]:
                        item.basis = ""
                        item.tags |= {"no-basis", "defect:check.missing-basis:basis"}
                items.append(item)
    return items


def village_items():
    items = []
    villages = [v for names in village_names().values() for v in names]
    shares = {c: apportion(t, [1] * len(villages), c) for c, t in VILLAGE_TOTALS.items()}
    for number, village in enumerate(villages):
        for category in VILLAGE_TOTALS:
            for index, (name, law) in enumerate(VILLAGE_POOLS[category][: shares[category][number]]):
                items.append(Item(key=f"{village}/{category}/{index + 1}", unit=village, level=VILLAGE,
                                  category=category, name=name, basis=citation(law, village + name)))
    return items


def revision_2023():
    county = county_items()
    plant_2023_defects(county)
    assign_codes(county)
    return county + township_items() + village_items()
