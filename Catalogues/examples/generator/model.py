"""The generator's plain values: an item as the example lists it, and small helpers."""
from dataclasses import dataclass, field
import hashlib

COUNTY, TOWNSHIP, VILLAGE = "county", "township", "village"


@dataclass
class Item:
    """One power as a list writes it. `key` is stable across revisions (the manifest's
    changes refer to it); `rows` > 1 without sub-items spreads 责任事项 over merged rows."""
    key: str
    unit: str
    level: str
    category: str
    name: str
    basis: str = ""
    sub_items: list = field(default_factory=list)
    rows: int = 1
    code: str = ""
    tags: set = field(default_factory=set)

    @property
    def records(self):
        return max(1, len(self.sub_items))


def apportion(total, weights, salt=""):
    """Splits `total` in proportion to `weights` by largest remainder; ties are broken by a
    hash of `salt` and the index, so that different categories favour different units."""
    weight_sum = sum(weights)
    if total == 0 or weight_sum == 0:
        return [0] * len(weights)
    shares = [total * x / weight_sum for x in weights]
    counts = [int(s) for s in shares]
    order = sorted(range(len(weights)),
                   key=lambda i: (-(shares[i] - counts[i]), stable_hash(f"{salt}{i}")))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def stable_hash(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16)


DIGITS = "零一二三四五六七八九"


def chinese_number(n):
    """1 → 一, 10 → 十, 15 → 十五, 101 → 一百零一, 120 → 一百二十 (as statutes number articles)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + DIGITS[rest]
        return head + (("一" + chinese_number(rest)) if rest < 20 else chinese_number(rest))
    thousands, rest = divmod(n, 1000)
    head = DIGITS[thousands] + "千"
    if rest == 0:
        return head
    return head + ("零" if rest < 100 else "") + chinese_number(rest)
