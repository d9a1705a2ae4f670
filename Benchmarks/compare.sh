#!/usr/bin/env bash
# Times powerlist's XLSX reader against python-calamine and openpyxl (read-only) on a generated
# power list, all cells of all sheets materialised; peak memory from /usr/bin/time -v.
#   Benchmarks/compare.sh            # 200,000 items, best of 3
#   ITEMS=20000 REPEAT=1 Benchmarks/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-200000}
REPEAT=${REPEAT:-3}
FILE=Benchmarks/output/powerlist-$ITEMS.xlsx

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
python3 -c "import python_calamine" 2>/dev/null || pip install -q python-calamine
python3 -c "import openpyxl" 2>/dev/null || pip install -q openpyxl

swift build -c release --product powerlist-benchmark
BIN="$(swift build -c release --show-bin-path)/powerlist-benchmark"
mkdir -p Benchmarks/output
[ -f "$FILE" ] || "$BIN" generate-xlsx --items "$ITEMS" "$FILE"
ls -l "$FILE"

# measure NAME COMMAND...: best wall time and largest peak RSS over $REPEAT runs.
measure() {
    local name=$1; shift
    local best="" peak=0 log
    log=$(mktemp)
    for _ in $(seq "$REPEAT"); do
        /usr/bin/time -v "$@" > "$log.out" 2> "$log"
        local wall rss
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
        rss=$(awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$log")
        if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
        [ "$rss" -gt "$peak" ] && peak=$rss
        echo "  $name: $(cat "$log.out")" >&2
    done
    rm -f "$log" "$log.out"
    echo "$name $best $peak"
}

results=$(
    measure powerlist "$BIN" read "$FILE"
    measure python-calamine python3 Benchmarks/read_python.py calamine "$FILE"
    measure openpyxl-read-only python3 Benchmarks/read_python.py openpyxl "$FILE"
)
echo
echo "$results" | awk '
    NR == 1 { base_time = $2; base_rss = $3 }
    { name[NR] = $1; t[NR] = $2; m[NR] = $3 }
    END {
        printf "%-20s %10s %14s %12s %12s\n", "reader", "wall (s)", "peak RSS (MB)", "time ×", "memory ×"
        for (i = 1; i <= NR; i++)
            printf "%-20s %10.2f %14d %12.1f %12.1f\n", name[i], t[i], m[i], t[i] / base_time, m[i] / base_rss
    }'
