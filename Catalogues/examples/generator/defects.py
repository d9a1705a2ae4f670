"""Defects planted in 2024 on top of those kept from 2023, each tagged on its item as
`defect:<finding code>:<field>` so that the manifest can name file, sheet and cell."""
import copy

from model import COUNTY
from names import citation


def tag(item, code, field):
    item.tags.add(f"defect:{code}:{field}")


def first(revision, predicate):
    return next(it for it in revision.items if predicate(it) and not it.tags & {"changed", "kept-defect"}
                and not it.sub_items and not any(t.startswith("defect:") for t in it.tags))


def plant(revision):
    items = revision.items
    # A wrong article: 统计法 has 53 articles (50 before 2024).
    statistics = first(revision, lambda it: it.unit.endswith("统计局") and it.category == "行政处罚")
    statistics.basis = citation("统计法", statistics.name, number=60)
    tag(statistics, "check.article-out-of-range", "basis")

    # A duplicate: the same penalty listed twice in a row by 市场监督管理局.
    market = first(revision, lambda it: it.unit.endswith("市场监督管理局") and it.category == "行政处罚")
    duplicate = copy.deepcopy(market)
    duplicate.key += "/重复"
    duplicate.tags = set()
    tag(duplicate, "check.duplicate-item", "name")
    items.insert(items.index(market) + 1, duplicate)

    # One power claimed by two departments: 城市管理局 lists a 住房和城乡建设局 penalty.
    housing = first(revision, lambda it: it.unit.endswith("住房和城乡建设局") and it.category == "行政处罚")
    claimed = copy.deepcopy(housing)
    claimed.key = "城市管理局/行政处罚/认领" 
    claimed.unit = next(it.unit for it in items if it.unit.endswith("城市管理局"))
    claimed.tags = set()
    tag(claimed, "check.claimed-by-two-units", "name")
    last = max(i for i, it in enumerate(items) if it.unit == claimed.unit and it.category == "行政处罚")
    items.insert(last + 1, claimed)

    # A code whose letters say 许可 (XK) on a penalty.
    coded = first(revision, lambda it: it.code and it.category == "行政处罚")
    coded.code = coded.code.replace("CF", "XK")
    tag(coded, "check.code-category-mismatch", "code")

    # A law tagged as an administrative regulation.
    police = first(revision, lambda it: it.level == COUNTY and it.basis.startswith("【法律】《中华人民共和国治安管理处罚法》")
                   and "\n" not in it.basis)
    police.basis = police.basis.replace("【法律】", "【行政法规】", 1)
    tag(police, "check.rank-tag-mismatch", "basis")

    for it in (statistics, market, housing, coded, police):
        it.tags.add("planted")
