#!/usr/bin/env python3
"""Convert the reference law registry (JSON lines) into powerlist's own registry format.

Usage: python3 Catalogues/schemas/tools/convert-law-registry.py \
           ../shared/data/law-registry.jsonl Catalogues/schemas/law-registry.tsv

The output keeps facts only: one instrument per line, tab-separated —

    key  title  rank  issuer  region  versions

`rank` is a `LegalRank` raw value (law, administrativeRegulation, localRegulation, …) or empty;
`versions` lists each promulgated version, oldest first, separated by `;`, each as
`date|effective|status|articles`, where articles are ranges (`1-53`, `1-5,7,120.1`; `120.1`
is 第一百二十条之一). The amendment history text is not kept: the version dates say when.
"""
import json
import sys

RANKS = {
    "法律": "law", "法律解释": "law", "有关法律问题和重大问题的决定": "law",
    "行政法规": "administrativeRegulation", "司法解释": "judicialInterpretation",
    "宪法": "constitution", "监察法规": "supervisoryRegulation",
    "地方性法规": "localRegulation", "部门规章": "departmentalRule",
}


def rank(entry):
    level = entry["level"]
    if level == "修改、废止的决定":
        return "localRegulation" if entry["region"] else "law"
    return RANKS.get(level, "")


def article_key(token):
    main, _, suffix = token.partition(".")
    return int(main), int(suffix or 0)


def compact(articles):
    """`1,2,3,5,120.1` → `1-3,5,120.1`: consecutive plain numbers become ranges."""
    tokens = []
    for part in filter(None, articles.split(",")):
        if "-" in part:
            low, high = part.split("-")
            tokens.extend(str(n) for n in range(int(low), int(high) + 1))
        else:
            tokens.append(part)
    out, run = [], []
    def flush():
        if run:
            out.append(run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}")
            run.clear()
    for token in tokens:
        if "." not in token and run and int(token) == int(run[-1]) + 1:
            run.append(token)
        else:
            flush()
            if "." in token:
                out.append(token)
            else:
                run.append(token)
    flush()
    return ",".join(out)


def clean(text):
    return " ".join(text.replace("\t", " ").split())


def main(source, target):
    lines = []
    for raw in open(source, encoding="utf-8"):
        entry = json.loads(raw)
        versions = ";".join(
            "|".join([v["date"], v["effective"], v["status"], compact(v["articles"])])
            for v in entry["versions"])
        fields = [entry["key"], entry["title"], rank(entry), entry["issuer"], entry["region"], versions]
        lines.append("\t".join(clean(f) for f in fields))
    with open(target, "w", encoding="utf-8") as out:
        out.write("# powerlist 法律法规登记表：键\t标题\t位阶\t制定机关\t地区\t版本（日期|施行日期|状态|条文;…）\n")
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} instruments → {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
