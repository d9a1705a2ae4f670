#!/usr/bin/env python3
"""Draws the growth chart of BENCHMARKS.md from the harness's results: wall time, CPU time
(user + system, when the results have it: on a shared machine it moves far less than the wall
clock) and peak memory of each stage against the number of items, on log-log axes (a straight
line of slope 1 is growth in proportion to the items). The last measurement of each (items,
stage) wins.
Usage: chart.py [Benchmarks/output/province.tsv] [Benchmarks/province-growth.svg]"""
import csv
import math
import sys

# One colour per stage (ten since diff, reconcile and publish joined); zip() would drop the rest.
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#393b79", "#7f7f7f", "#e7ba52"]
WIDTH, HEIGHT, MARGIN = 420, 300, 55


def load(path):
    latest = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            cpu = float(row["cpu_s"]) if row.get("cpu_s") else None
            latest[(int(row["items"]), row["stage"])] = (float(row["wall_s"]), float(row["peak_mb"]), cpu)
    stages = list(dict.fromkeys(stage for _, stage in latest))
    return {stage: sorted((items, *values) for (items, s), values in latest.items() if s == stage) for stage in stages}


def panel(series, column, title, unit, left):
    series = {stage: [p for p in points if p[column] is not None] for stage, points in series.items()}
    xs = [p[0] for points in series.values() for p in points]
    ys = [max(p[column], 0.01) for points in series.values() for p in points]
    x0, x1 = math.log10(min(xs)), math.log10(max(xs)) + 1e-9
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)) + 1e-9)
    def px(x): return left + MARGIN + (math.log10(x) - x0) / (x1 - x0) * (WIDTH - 2 * MARGIN)
    def py(y): return HEIGHT - MARGIN + 20 - (math.log10(max(y, 0.01)) - y0) / (y1 - y0) * (HEIGHT - 2 * MARGIN)
    out = [f'<text x="{left + WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">{title}</text>']
    for exponent in range(y0, y1 + 1):
        y = py(10 ** exponent)
        out.append(f'<line x1="{left + MARGIN}" x2="{left + WIDTH - MARGIN}" y1="{y}" y2="{y}" stroke="#ddd"/>')
        out.append(f'<text x="{left + MARGIN - 5}" y="{y + 4}" text-anchor="end">{10 ** exponent:g} {unit}</text>')
    for x in sorted(set(xs)):
        out.append(f'<text x="{px(x)}" y="{HEIGHT - 10}" text-anchor="middle">{x:,}</text>')
    for colour, (stage, points) in zip(COLOURS, series.items()):
        if not points:
            continue
        path = " ".join(f"{px(p[0]):.1f},{py(p[column]):.1f}" for p in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{px(p[0]):.1f}" cy="{py(p[column]):.1f}" r="3" fill="{colour}"/>' for p in points]
    return out


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "Benchmarks/output/province.tsv"
    target = sys.argv[2] if len(sys.argv) > 2 else "Benchmarks/province-growth.svg"
    series = load(source)
    legend = [f'<rect x="{20 + 130 * (i % 6)}" y="{HEIGHT + 10 + 18 * (i // 6)}" width="12" height="12" fill="{c}"/>'
              f'<text x="{36 + 130 * (i % 6)}" y="{HEIGHT + 21 + 18 * (i // 6)}">{s}</text>'
              for i, (c, s) in enumerate(zip(COLOURS, series))]
    panels = [(1, "墙钟时间（对数）", "s"), (2, "峰值内存（对数）", "MB")]
    if any(p[3] is not None for points in series.values() for p in points):
        panels.insert(1, (3, "CPU 时间，用户 + 系统（对数）", "s"))
    body = legend
    for index, (column, title, unit) in enumerate(panels):
        body += panel(series, column, title, unit, index * WIDTH)
    height = HEIGHT + 20 + 18 * (len(series) // 6 + 1)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{len(panels) * WIDTH}" height="{height}" '
                     f'font-family="sans-serif" font-size="11">\n<rect width="100%" height="100%" fill="white"/>\n')
        handle.write("\n".join(body) + "\n</svg>\n")


if __name__ == "__main__":
    main()
