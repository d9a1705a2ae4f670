#!/usr/bin/env python3
"""Writes two consolidated power lists as UTF-8 CSV for diff benchmarks: the second revision
changes 10 % of the first (4 % renamed or given a new basis, 3 % removed, 3 % added), keyed
by 事项编码. The same seed gives the same bytes.
Usage: make_csv_pair.py [--items 200000] OUT_A.csv OUT_B.csv"""
import argparse
import csv
import random

CATEGORIES = ["行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "其他行政权力"]
OWNERS = ["建设单位", "医疗机构", "旅行社", "食品生产者", "道路运输经营者", "民办学校", "养老机构", "娱乐场所"]
MATTERS = ["违反安全管理规定", "未按规定报送资料", "擅自变更登记事项", "拒绝接受监督检查", "超范围经营", "提供虚假材料"]
LAWS = ["中华人民共和国行政许可法", "中华人民共和国安全生产法", "中华人民共和国统计法", "出版管理条例", "娱乐场所管理条例"]
UNITS = ["市场监督管理局", "交通运输局", "卫生健康委员会", "教育局", "文化体育广电和旅游局", "应急管理局"]
HEADER = ["事项编码", "事项名称", "权力类型", "实施依据", "行使主体", "追责情形"]


def item(rng, code):
    category = rng.choice(CATEGORIES)
    name = f"对{rng.choice(OWNERS)}{rng.choice(MATTERS)}的{category[2:]}"
    basis = f"《{rng.choice(LAWS)}》第{rng.randint(1, 120)}条"
    unit = f"{rng.choice(['安宁县', '和平县', '永丰县'])}{rng.choice(UNITS)}"
    return [code, name, category, basis, unit, "因不履行或不正确履行行政职责的，依法追究责任。" * rng.randint(1, 4)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("first")
    parser.add_argument("second")
    args = parser.parse_args()
    rng = random.Random(20240601)
    first = [item(rng, f"QL{n:08d}") for n in range(args.items)]
    second = []
    for row in first:
        roll = rng.random()
        if roll < 0.03:
            continue  # removed
        if roll < 0.05:
            row = row[:1] + [row[1].replace("的", "等情形的", 1)] + row[2:]
        elif roll < 0.07:
            row = row[:3] + [f"《{rng.choice(LAWS)}》第{rng.randint(1, 120)}条"] + row[4:]
        second.append(row)
    second += [item(rng, f"QL{args.items + n:08d}") for n in range(args.items - len(second))]
    for path, rows in ((args.first, first), (args.second, second)):
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            writer.writerows(rows)


if __name__ == "__main__":
    main()
