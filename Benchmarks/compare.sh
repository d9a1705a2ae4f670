#!/usr/bin/env bash
# Times powerlist's readers against python-calamine (and openpyxl for XLSX) on a large generated
# power list, every cell of every sheet materialised; peak memory from /usr/bin/time -v.
#   Benchmarks/compare.sh                 # XLSX: 200,000 items, best of 3
#   ITEMS=20000 REPEAT=1 Benchmarks/compare.sh
#   Benchmarks/compare.sh xls             # legacy .xls: 60,000 rows with merged cells, best of 3
#   ROWS=20000 REPEAT=1 Benchmarks/compare.sh xls
set -euo pipefail
cd "$(dirname "$0")/.."
FORMAT=${1:-xlsx}
REPEAT=${REPEAT:-3}

case "$FORMAT" in
xlsx)
    ITEMS=${ITEMS:-200000}
    FILE=Benchmarks/output/powerlist-$ITEMS.xlsx
    generate() { "$BIN" generate-xlsx --items "$ITEMS" "$FILE"; }
    modules=(python_calamine openpyxl)
    names=(powerlist python-calamine openpyxl-read-only)
    ;;
xls)
    ROWS=${ROWS:-60000}
    FILE=Benchmarks/output/powerlist-$ROWS.xls
    generate() { python3 Benchmarks/make_large_xls.py --rows "$ROWS" --out "$FILE"; }
    modules=(python_calamine xlwt)
    names=(powerlist python-calamine)
    ;;
*)
    echo "usage: Benchmarks/compare.sh [xlsx|xls]" >&2
    exit 2
    ;;
esac

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
for module in "${modules[@]}"; do   # the PyPI name has a dash where the module has an underscore
    python3 -c "import $module" 2>/dev/null || pip install -q "${module/_/-}"
done
swift build -c release --product powerlist-benchmark
BIN="$(swift build -c release --show-bin-path)/powerlist-benchmark"
mkdir -p Benchmarks/output
[ -f "$FILE" ] || generate
ls -l "$FILE"

declare -A commands=(
    [powerlist]="$BIN read $FILE"
    [python-calamine]="python3 Benchmarks/read_python.py calamine $FILE"
    [openpyxl-read-only]="python3 Benchmarks/read_python.py openpyxl $FILE"
)

# Runs are interleaved (every reader once per round) so a busy machine slows all of them alike;
# the table shows each reader's best wall time and largest peak RSS.
declare -A best peak
log=$(mktemp)
for round in $(seq "$REPEAT"); do
    for name in "${names[@]}"; do
        # shellcheck disable=SC2086 # the command is split into words on purpose
        /usr/bin/time -v ${commands[$name]} > "$log.out" 2> "$log"
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
        rss=$(awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$log")
        echo "round $round  $name: ${wall} s, ${rss} MB — $(cat "$log.out")"
        if [ -z "${best[$name]:-}" ] || awk -v a="$wall" -v b="${best[$name]}" 'BEGIN { exit !(a < b) }'; then
            best[$name]=$wall
        fi
        [ "$rss" -gt "${peak[$name]:-0}" ] && peak[$name]=$rss
    done
done
rm -f "$log" "$log.out"

echo
for name in "${names[@]}"; do echo "$name ${best[$name]} ${peak[$name]}"; done | awk '
    NR == 1 { base_time = $2; base_rss = $3 }
    { name[NR] = $1; t[NR] = $2; m[NR] = $3 }
    END {
        printf "%-20s %10s %14s %16s %16s\n", "reader", "wall (s)", "peak RSS (MB)", "time / powerlist", "RSS / powerlist"
        for (i = 1; i <= NR; i++)
            printf "%-20s %10.2f %14d %16.1f %16.1f\n", name[i], t[i], m[i], t[i] / base_time, m[i] / base_rss
    }'
