#!/usr/bin/env bash
# Runs the province inputs through what a user would pick instead, in one run, interleaved,
# and prints each tool's best wall time, peak RSS and its ratio to powerlist's:
#   reading  — python-calamine, openpyxl (read-only); floors: `unzip -p`, `xmllint --stream`
#   import   — a python-calamine → sqlite3 script (every row into a table), on the province's
#              2023 folder and on the 200,000-item XLSX of Benchmarks/compare.sh
#   diff     — `powerlist diff` of the two CSV files (read, imported, cleaned, paired; JSON
#              written) against csv-diff on a 200,000-row pair and daff on a 20,000-row pair
#   publish  — not here: Benchmarks/site-vs-hugo.sh runs Hugo on the same item pages
#   ITEMS=100000 REPEAT=3 Benchmarks/compare-province.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-100000}
REPEAT=${REPEAT:-1}
DIR=Benchmarks/output/province-$ITEMS
OUT=Benchmarks/output

for module in python_calamine openpyxl xlwt csv_diff daff; do
    python3 -c "import $module" 2>/dev/null || pip install -q "${module/_/-}"
done
command -v xmllint >/dev/null || apt-get install -y -qq libxml2-utils
swift build -c release --product powerlist-benchmark >/dev/null
swift build -c release --product powerlist >/dev/null
BIN_DIR="$(swift build -c release --show-bin-path)"
BENCH="$BIN_DIR/powerlist-benchmark"
POWERLIST="$BIN_DIR/powerlist"
[ -f "$DIR/manifest.json" ] || Benchmarks/generate-province.sh "$ITEMS" "$DIR"
[ -f "$OUT/powerlist-200000.xlsx" ] || "$BENCH" generate-xlsx --items 200000 "$OUT/powerlist-200000.xlsx"
for size in 200000 20000; do
    [ -f "$OUT/pair-$size-b.csv" ] || python3 Benchmarks/make_csv_pair.py --items $size "$OUT/pair-$size-a.csv" "$OUT/pair-$size-b.csv"
done
XLSX=$(find "$DIR/2023" -name '*.xlsx' | sort | tr '\n' ' ')
XLS=$(find "$DIR/2023" -name '*.xls' | sort | tr '\n' ' ')
TMP=$(mktemp -d)

# group|tool|command — the first tool of each group is powerlist, the base of the ratios.
# A command may use $TMP/ws (a fresh folder before every run).
runs=(
    "XLSX 读取|powerlist|$BENCH read $XLSX"
    "XLSX 读取|python-calamine|python3 Benchmarks/read_python.py calamine $XLSX"
    "XLSX 读取|openpyxl|python3 Benchmarks/read_python.py openpyxl $XLSX"
    "XLSX 读取|unzip -p（下限）|Benchmarks/floor_xlsx.sh unzip $XLSX"
    "XLSX 读取|xmllint --stream（下限）|Benchmarks/floor_xlsx.sh xmllint $XLSX"
    "XLS 读取|powerlist|$BENCH read $XLS"
    "XLS 读取|python-calamine|python3 Benchmarks/read_python.py calamine $XLS"
    "导入 $ITEMS 项|powerlist|$POWERLIST import --workspace $TMP/ws --revision 2023 $DIR/2023"
    "导入 $ITEMS 项|calamine→sqlite3|python3 Benchmarks/import_sqlite.py $TMP/ws/rows.db $DIR/2023"
    "导入 200000 项 XLSX|powerlist|$POWERLIST import --workspace $TMP/ws --revision 2023 $OUT/powerlist-200000.xlsx"
    "导入 200000 项 XLSX|calamine→sqlite3|python3 Benchmarks/import_sqlite.py $TMP/ws/rows.db $OUT/powerlist-200000.xlsx"
    "比较 200000 行 CSV|powerlist|$POWERLIST diff --workspace $TMP/ws --format json --output $TMP/ws/diff.json $OUT/pair-200000-a.csv $OUT/pair-200000-b.csv"
    "比较 200000 行 CSV|csv-diff|csv-diff $OUT/pair-200000-a.csv $OUT/pair-200000-b.csv --key 事项编码"
    "比较 20000 行 CSV|powerlist|$POWERLIST diff --workspace $TMP/ws --format json --output $TMP/ws/diff.json $OUT/pair-20000-a.csv $OUT/pair-20000-b.csv"
    "比较 20000 行 CSV|daff|daff diff --output $TMP/daff.csv $OUT/pair-20000-a.csv $OUT/pair-20000-b.csv"
    # Publish against Hugo: Benchmarks/site-vs-hugo.sh (the same item pages from Markdown).
)

declare -A best peak
for round in $(seq "$REPEAT"); do
    echo "第 $round 轮（负载 $(cut -d' ' -f1 /proc/loadavg)）"
    for run in "${runs[@]}"; do
        IFS='|' read -r group tool command <<< "$run"
        rm -rf "$TMP/ws" && mkdir -p "$TMP/ws"
        # shellcheck disable=SC2086 # the command is split into words on purpose
        /usr/bin/time -f '%e %M' -o "$TMP/time" $command > "$TMP/out" 2>&1 \
            || { echo "  （$tool 以非零状态结束）"; tail -3 "$TMP/out"; }
        read -r wall kilobytes < <(tail -1 "$TMP/time")
        echo "  $group  $tool：$wall 秒，$((kilobytes / 1024)) MB"
        key="$group|$tool"
        if [ -z "${best[$key]:-}" ] || awk -v a="$wall" -v b="${best[$key]}" 'BEGIN { exit !(a < b) }'; then best[$key]=$wall; fi
        [ $((kilobytes / 1024)) -gt "${peak[$key]:-0}" ] && peak[$key]=$((kilobytes / 1024))
    done
done
rm -rf "$TMP"

echo
printf '%-22s %-26s %9s %10s %18s\n' "任务" "工具" "秒" "峰值 MB" "时间 / powerlist"
base="" previous=""
for run in "${runs[@]}"; do
    IFS='|' read -r group tool _ <<< "$run"
    key="$group|$tool"
    [ "$group" = "$previous" ] || base=""   # a group without powerlist (yet) has no ratios
    previous=$group
    [ "$tool" = powerlist ] && base=${best[$key]}
    ratio=$(awk -v t="${best[$key]}" -v b="$base" -v p="$tool" 'BEGIN { if (p == "powerlist" || b == "") print "—"; else printf "%.1f×", t / b }')
    printf '%-22s %-26s %9s %10s %18s\n' "$group" "$tool" "${best[$key]}" "${peak[$key]}" "$ratio"
done
