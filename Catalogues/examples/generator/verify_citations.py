"""Checks every citation the generator writes against the law registry: the instrument
exists, and the article exists in the version in force on the revision's date. Prints the
citations that fail, which must be exactly the planted ones (article-out-of-range,
repealed-instrument); normative documents are not in the registry by nature.

    python3 Catalogues/examples/generator/verify_citations.py ../shared/data/law-registry.jsonl
"""
import json
import re
import sys

from generate import DATES
from model import chinese_number
from plan2023 import revision_2023
from plan2024 import Revision2024

CITATION = re.compile(r"【(.+?)】《\s*(.+?)》\s*第(.+?)条")


def in_force(versions, date):
    chosen = None
    for version in versions:
        if version["status"] != "尚未生效" and (version["effective"] or version["date"] or "0000") <= date:
            chosen = version
    return chosen


def articles(version):
    numbers = set()
    for part in (version["articles"] or "").split(","):
        if "-" in part:
            low, high = part.split("-")
            numbers.update(range(int(float(low)), int(float(high)) + 1))
        elif part:
            numbers.add(int(float(part)))
    return numbers


def main(registry_path):
    by_title = {}
    with open(registry_path, encoding="utf-8") as registry:
        for line in registry:
            entry = json.loads(line)
            by_title[entry["title"]] = entry
    numerals = {chinese_number(n): n for n in range(1, 1300)}
    items_2023 = revision_2023()
    revisions = {"2023": items_2023, "2024": Revision2024(items_2023).build()}
    failures = 0
    for label, items in revisions.items():
        for item in items:
            for tag, title, number in CITATION.findall(item.basis):
                if tag == "规范性文件":
                    continue
                entry = by_title.get(title)
                version = entry and in_force(entry["versions"], DATES[label])
                problem = ("not in registry" if not entry else "repealed" if version["status"] == "已废止"
                           else "no article" if numerals[number] not in articles(version) else None)
                if problem:
                    failures += 1
                    planted = any(t.startswith("defect:") for t in item.tags)
                    print(f"{label} {problem}{' (planted)' if planted else ''}: {item.unit} {item.name}: 《{title}》第{number}条")
    print(f"{failures} failing citations")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/law-registry.jsonl")
