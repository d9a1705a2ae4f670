#!/usr/bin/env bash
# Every speed target of the issues in one run, each powerlist command right after its peer:
# import vs the calamine → sqlite3 script, check (terminal, JSON, XLSX), diff vs csv-diff,
# publish vs Hugo. Run it on a quiet machine; compare wall times within the run.
#   BIN=/tmp/powerlist-release Benchmarks/targets.sh
# Inputs (generate them first; the defaults are where the other scripts put them):
#   XLSX       the 200,000-item XLSX   (swift run -c release powerlist-benchmark generate …)
#   PAIR       folder of old.csv/new.csv (Benchmarks/diff-vs-csvdiff.sh)
#   SITE_WS    a workspace of ≈100,000 items to publish; by default the 2024 revision of
#              Benchmarks/output/province-100000 (Benchmarks/generate-province.sh 100000) is
#              imported into a fresh one first, untimed
#   HUGO_SRC   Hugo's site of the same item pages (Benchmarks/site-vs-hugo.sh)
# Every output goes into a fresh folder, removed only at the end: on ext4 a mass deletion slows
# the inode allocation of the next minutes, and would be charged to whichever tool runs next.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:?"BIN=<a release build of powerlist>"}
XLSX=${XLSX:-Benchmarks/output/powerlist-200000.xlsx}
PAIR=${PAIR:-Benchmarks/output/diff-200000}
SITE_WS=${SITE_WS:-}
HUGO_SRC=${HUGO_SRC:-Benchmarks/output/site/hugo}
export POWERLIST_SCHEMAS=$PWD/Catalogues/schemas POWERLIST_TEMPLATES=$PWD/Templates/site
OUT=$(mktemp -d)
T='%e s wall, %U user + %S sys, peak %M KB'

step() {  # label, command…: the time on stdout, with the load before it
    local label=$1; shift
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "$label: $T" "$@" > "$OUT/$label.out" 2> "$OUT/$label.err" || echo "$label failed: $(tail -2 "$OUT/$label.err")"
    tail -1 "$OUT/$label.err"
}

if [ -z "$SITE_WS" ]; then
    SITE_WS=$OUT/site-ws
    "$BIN" import --workspace "$SITE_WS" --revision 2024 Benchmarks/output/province-100000/2024 > /dev/null
fi
step import "$BIN" import --workspace "$OUT/ws" --revision 2024 "$XLSX"
step script python3 Benchmarks/import_sqlite.py "$OUT/rows.sqlite" "$XLSX"
for copy in c1 c2 c3; do cp -r "$OUT/ws" "$OUT/$copy"; done   # a check replaces its findings
step check-terminal "$BIN" check --workspace "$OUT/c1" --warn-only
step check-json "$BIN" check --workspace "$OUT/c2" --warn-only -o "$OUT/report.json"
step check-xlsx "$BIN" check --workspace "$OUT/c3" --warn-only -o "$OUT/report.xlsx"
mkdir "$OUT/w"
step diff "$BIN" diff "$PAIR/old.csv" "$PAIR/new.csv" --workspace "$OUT/w" --format json --output "$OUT/diff.json" --decisions "$OUT/decisions.xlsx"
step csv-diff csv-diff "$PAIR/old.csv" "$PAIR/new.csv" --key 事项编码 --json
step publish "$BIN" publish --workspace "$SITE_WS" --out "$OUT/site"
echo "publish pages: $(find "$OUT/site" -name '*.html' | wc -l)"
step hugo hugo --quiet --source "$HUGO_SRC" --destination "$OUT/hugo-public"
echo "hugo pages: $(find "$OUT/hugo-public" -name '*.html' | wc -l)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
