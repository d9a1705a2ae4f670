#!/usr/bin/env python3
"""Writes a deterministic, large legacy .xls power list for benchmarking the XLS reader.

Usage (from the package root; needs `pip install xlwt`):

    python3 Benchmarks/make_large_xls.py            # → Benchmarks/output/large-powerlist.xls
    python3 Benchmarks/make_large_xls.py --rows 20000 --out /tmp/small.xls

The sheet looks like a real 权责清单: a merged title row, a header row, then items of one
to four rows each whose 序号 / 事项名称 / 职权类型 cells are merged vertically, with long
Chinese legal-basis and responsibility texts (hundreds of characters, so the shared-string
table runs over many CONTINUE records), numbers and dates. The same seed gives the same
bytes, so timings compare across runs and machines.
"""
import argparse
import datetime
import os
import random

import xlwt

CATEGORIES = ["行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查",
              "行政确认", "行政奖励", "行政裁决", "其他行政权力"]
RANKS = ["【法律】", "【行政法规】", "【地方性法规】", "【规章】", "【规范性文件】"]
LAWS = ["中华人民共和国行政许可法", "中华人民共和国行政处罚法", "中华人民共和国统计法",
        "中华人民共和国消防法", "中华人民共和国档案法", "医疗保障基金使用监督管理条例",
        "新疆维吾尔自治区消防条例", "中华人民共和国科学技术进步法", "中华人民共和国人民防空法"]
VERBS = ["对", "未按规定", "拒绝", "擅自", "违反规定", "逾期不"]
OBJECTS = ["报送统计资料", "办理备案手续", "配合监督检查", "履行消防安全职责", "保管档案",
           "使用医疗保障基金", "开展科技项目", "设置人防工程", "公示许可事项"]
DUTIES = ["受理责任：公示依法应当提交的材料，一次性告知补正材料，依法受理或不予受理。",
          "审查责任：对申请材料进行审查，提出审查意见，必要时组织现场核查。",
          "决定责任：作出准予或者不予许可的决定，不予许可的应当书面告知理由。",
          "送达责任：在规定期限内送达决定书，并依法公开相关信息。",
          "事后监管责任：建立实施监督检查的运行机制和管理制度，开展定期和不定期检查。",
          "其他法律法规规章文件规定应履行的责任。"]
ARTICLE_NUMBERS = "一二三四五六七八九十"


def article(rng):
    return f"第{rng.choice(ARTICLE_NUMBERS)}十{rng.choice(ARTICLE_NUMBERS)}条"


def legal_basis(rng):
    """One to four citations, each with rank tag, title, amendment note, article and text."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        year = rng.randint(1983, 2024)
        text = "".join(rng.choice(VERBS) + rng.choice(OBJECTS) + "的，" for _ in range(rng.randint(4, 12)))
        parts.append(f"{rng.choice(RANKS)}《{rng.choice(LAWS)}》（{year}年{rng.randint(1, 12)}月"
                     f"{rng.randint(1, 28)}日通过，{year + rng.randint(1, 10)}年修正）{article(rng)}："
                     f"{text}由县级以上人民政府有关部门责令改正，可以处一万元以上五万元以下的罚款。")
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=60_000, help="data rows (xlwt allows up to 65,534)")
    parser.add_argument("--seed", type=int, default=20250601)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "output", "large-powerlist.xls"))
    args = parser.parse_args()

    rng = random.Random(args.seed)
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("权责清单")
    wrap = xlwt.easyxf("alignment: wrap on, vert centre")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    headers = ["序号", "事项名称", "子项名称", "职权类型", "职权编码", "实施依据", "责任事项",
               "追责情形", "承办机构", "法定期限（工作日）", "更新日期", "备注"]
    sheet.write_merge(0, 0, 0, len(headers) - 1, "克拉玛依市某局2025年权责清单（基准测试数据）", wrap)
    for column, header in enumerate(headers):
        sheet.write(1, column, header, wrap)

    row, serial = 2, 0
    last_row = 2 + args.rows - 1
    while row <= last_row:
        serial += 1
        span = min(rng.randint(1, 4), last_row - row + 1)
        category = rng.choice(CATEGORIES)
        name = rng.choice(VERBS) + rng.choice(OBJECTS) + "的" + category[2:]
        if span > 1:
            sheet.write_merge(row, row + span - 1, 0, 0, serial, wrap)
            sheet.write_merge(row, row + span - 1, 1, 1, name, wrap)
            sheet.write_merge(row, row + span - 1, 3, 3, category, wrap)
        else:
            sheet.write(row, 0, serial, wrap)
            sheet.write(row, 1, name, wrap)
            sheet.write(row, 3, category, wrap)
        for offset in range(span):
            r = row + offset
            sheet.write(r, 2, f"{name}（子项{offset + 1}）", wrap)
            sheet.write(r, 4, f"650200{rng.randint(100, 999)}XK{serial:05d}", wrap)
            sheet.write(r, 5, legal_basis(rng), wrap)
            sheet.write(r, 6, "\n".join(rng.sample(DUTIES, rng.randint(2, 5))), wrap)
            sheet.write(r, 7, "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任：" * rng.randint(1, 3))
            sheet.write(r, 8, rng.choice(["政策法规科", "行政审批科", "执法大队", "综合办公室"]))
            sheet.write(r, 9, rng.choice([5, 10, 15, 20, 30, 2.5]))
            sheet.write(r, 10, datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 500)), date_style)
            if rng.random() < 0.2:
                sheet.write(r, 11, "本事项已下放至县（市、区）实施")
        row += span

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    book.save(args.out)
    print(f"{args.out}: {args.rows} data rows, {serial} items, {os.path.getsize(args.out):,} bytes")


if __name__ == "__main__":
    main()
