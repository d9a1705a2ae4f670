"""Extracts, from the law registry, the facts the example cites: title, rank and a safe
article range per instrument. Run once when the list of cited instruments changes:

    python3 Catalogues/examples/generator/extract_laws.py ../shared/data/law-registry.jsonl

The result, laws.json beside this file, is committed, so that generating the example
needs neither the registry nor network access.
"""
import json
import sys
from pathlib import Path

from departments import DEPARTMENTS, TOWNSHIP_LAWS, EXTRA_LAWS

HERE = Path(__file__).resolve().parent


def last_article(articles):
    """`1-53` → 53; `1,2,3` → 3; '' → None."""
    if not articles:
        return None
    tail = articles.split(",")[-1]
    return int(float(tail.split("-")[-1]))


def safe_range(versions):
    """The highest article present in every version a 2023–2025 list may cite — the one in
    force on 2023-01-01 and all later ones — so that a cited article exists whichever is meant."""
    usable = [v for v in versions if v["status"] != "尚未生效"]
    start = 0
    for index, version in enumerate(usable):
        if (version["effective"] or version["date"] or "0000") <= "2023-01-01":
            start = index
    highs = [last_article(v["articles"]) for v in usable[start:] if last_article(v["articles"])]
    return min(highs) if highs else None


def main(registry_path):
    wanted = set(EXTRA_LAWS) | set(TOWNSHIP_LAWS)
    for department in DEPARTMENTS:
        wanted.update(department["laws"])
    found = {}
    with open(registry_path, encoding="utf-8") as registry:
        for line in registry:
            entry = json.loads(line)
            if entry["key"] in wanted:
                found[entry["key"]] = {
                    "title": entry["title"],
                    "level": entry["level"],
                    "lastArticle": safe_range(entry["versions"]),
                    "status": entry["versions"][-1]["status"],
                }
    missing = sorted(wanted - set(found))
    if missing:
        sys.exit("not in the registry: " + "、".join(missing))
    (HERE / "laws.json").write_text(
        json.dumps(dict(sorted(found.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"laws.json: {len(found)} instruments")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/law-registry.jsonl")
