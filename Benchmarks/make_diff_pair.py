#!/usr/bin/env python3
"""Writes two revisions of a consolidated power list as CSV (UTF-8) for the diff benchmark.

About 10% of the items change between OLD and NEW: renamed, basis modified, recategorized,
moved from a department to a township (下放), merged 3 → 1, split 1 → 2, abolished; and new
items are added. Every item has a stable code (事项编码) so csv-diff can diff on an exact key.
Deterministic (seeded). Usage: make_diff_pair.py ITEMS OLD.csv NEW.csv
"""
import csv
import random
import sys

HEADER = ["事项编码", "序号", "行使主体", "事项名称", "子项名称", "权力类型", "实施依据", "承办机构", "备注"]
CATEGORIES = ["行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "其他行政权力"]
SUBJECTS = ["道路运输", "食品经营", "药品零售", "建筑施工", "燃气经营", "渔业捕捞", "林木采伐", "矿产开采",
            "排污许可", "广告发布", "出版物发行", "娱乐场所", "旅行社", "民办学校", "医疗机构", "职业培训",
            "水土保持", "取水许可", "气象探测", "粮食收购", "烟草专卖", "网络安全", "消防安全", "特种设备"]
ACTS = ["设立", "变更", "延续", "注销", "检验", "备案", "登记", "监督检查", "违法经营", "未按规定报告"]
LAWS = ["中华人民共和国行政许可法", "中华人民共和国行政处罚法", "中华人民共和国安全生产法",
        "中华人民共和国食品安全法", "中华人民共和国药品管理法", "中华人民共和国道路运输条例",
        "中华人民共和国环境保护法", "中华人民共和国城乡规划法", "中华人民共和国水法", "中华人民共和国森林法"]
DEPARTMENTS = [f"样例县{name}局" for name in
               ["交通运输", "市场监督管理", "卫生健康", "住房和城乡建设", "农业农村", "自然资源", "生态环境",
                "文化体育广电和旅游", "教育", "水利", "林业和草原", "应急管理", "公安", "民政", "人力资源和社会保障",
                "商务", "发展和改革", "财政", "审计", "统计"]] + [f"样例县第{i}号局" for i in range(180)]
TOWNSHIPS = [f"样例县第{i}镇" for i in range(50)]


def basis(rng):
    parts = []
    for _ in range(rng.randint(3, 6)):
        law = rng.choice(LAWS)
        parts.append(f"【法律】《{law}》第{rng.randint(1, 120)}条第{rng.randint(1, 5)}款：" + "依照本法规定应当取得许可而未取得的，"
                     "由县级以上人民政府有关部门责令改正，没收违法所得，并处以罚款；情节严重的，依法吊销许可证件。")
    return "\n".join(parts)


def item(rng, code, serial):
    subject, act = rng.choice(SUBJECTS), rng.choice(ACTS)
    category = rng.choice(CATEGORIES)
    name = f"对{subject}{act}{code}的{'许可' if category == '行政许可' else '处理'}"
    return {"事项编码": f"C{code:07d}", "序号": str(serial), "行使主体": rng.choice(DEPARTMENTS), "事项名称": name,
            "子项名称": "", "权力类型": category, "实施依据": basis(rng), "承办机构": "政务服务股", "备注": ""}


def revisions(count, rng):
    old = [item(rng, code, code + 1) for code in range(count)]
    new = []
    index = 0
    next_code = count
    while index < len(old):
        row = dict(old[index])
        roll = rng.random()
        if roll < 0.015:                                      # renamed
            row["事项名称"] = row["事项名称"].replace("的", "之", 1)
        elif roll < 0.03:                                     # basis modified
            row["实施依据"] = row["实施依据"].replace("第", "第十", 1)
        elif roll < 0.04:                                     # recategorized
            row["权力类型"] = "其他行政权力" if row["权力类型"] != "其他行政权力" else "行政确认"
        elif roll < 0.05:                                     # moved to a township (下放)
            row["行使主体"] = rng.choice(TOWNSHIPS)
        elif roll < 0.06 and index + 2 < len(old):            # merged 3 → 1: the parts become sub-items
            for part in old[index:index + 3]:
                merged = dict(row)
                merged["子项名称"] = part["事项名称"]
                new.append(merged)
            index += 3
            continue
        elif roll < 0.07:                                     # split 1 → 2
            for suffix in ("（首次申请）", "（变更、延续）"):
                part = dict(row)
                part["事项编码"] = f"C{next_code:07d}"
                part["事项名称"] = row["事项名称"] + suffix
                next_code += 1
                new.append(part)
            index += 1
            continue
        elif roll < 0.08:                                     # abolished
            index += 1
            continue
        new.append(row)
        if roll > 0.99:                                       # added
            new.append(item(rng, next_code, 0))
            next_code += 1
        index += 1
    serial = 0
    for position, row in enumerate(new):
        # The sub-items of a merged item share its serial, as a published list numbers them.
        previous = new[position - 1] if position else None
        if not (previous and row["子项名称"] and previous["子项名称"] and previous["事项编码"] == row["事项编码"]):
            serial += 1
        row["序号"] = str(serial)
    return old, new


def write(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    count, old_path, new_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    old, new = revisions(count, random.Random(20261130))
    write(old, old_path)
    write(new, new_path)
