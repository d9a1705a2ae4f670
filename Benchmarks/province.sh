#!/usr/bin/env bash
# The province-scale harness: every stage a user waits for, each as a child process under
# /usr/bin/time, on a generated province (Benchmarks/generate-province.sh) at each size.
#   Benchmarks/province.sh 10000 100000        # sizes in items (default: 10000 100000)
#   REPEAT=3 Benchmarks/province.sh 100000     # best of 3 interleaved rounds
#   PROVINCES=/elsewhere/output Benchmarks/province.sh 100000   # reuse PROVINCES/province-100000
#   GUIDANCE=指导目录.xlsx Benchmarks/province.sh 10000   # the catalogue reconcile compares against
#   BUILD=0 Benchmarks/province.sh 10000      # skip `swift build` (binaries already built)
#   BIN_DIR=/tmp/bin Benchmarks/province.sh 500000   # binaries copied out (implies BUILD=0), so a
#                                                    # long run is not touched by later builds
# Prints a table (wall s, user+system CPU s, peak RSS MB) and appends it to
# Benchmarks/output/province.tsv, from which Benchmarks/chart.py draws the growth chart.
# To add a stage, add one `stage` line below.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-10000 100000}")
read -r -a SIZES <<< "${SIZES[*]}"
REPEAT=${REPEAT:-1}
RESULTS=Benchmarks/output/province.tsv
PROVINCES=${PROVINCES:-Benchmarks/output}
# The example region's guidance catalogue (阿克塔什县, county level, a few hundred items): a
# province has one per level, of that size, against which every county's list is compared.
GUIDANCE=${GUIDANCE:-Catalogues/examples/阿克塔什县/指导目录.xlsx}

[ -z "${BIN_DIR:-}" ] || BUILD=0
if [ "${BUILD:-1}" != 0 ]; then   # BUILD=0: use the release binaries as they are (another build holds the lock)
    swift build -c release --product powerlist-benchmark >/dev/null
    swift build -c release --product powerlist >/dev/null
fi
BIN_DIR=${BIN_DIR:-.build/release}
[ "${BUILD:-1}" = 0 ] || BIN_DIR="$(swift build -c release --show-bin-path)"
BENCH="$BIN_DIR/powerlist-benchmark"
POWERLIST="$BIN_DIR/powerlist"
mkdir -p Benchmarks/output
[ -f "$RESULTS" ] || printf 'date\titems\tstage\twall_s\tpeak_mb\tcpu_s\n' > "$RESULTS"

# The stages, in order; each gets the province folder as $DIR and a fresh workspace as $WS
# (created before the first stage, kept across stages so later ones find the imports).
stages() {
    stage "XLSX 读取"   "$BENCH" read $(find "$DIR/2023" -name '*.xlsx' | sort)
    stage "XLS 读取"    "$BENCH" read $(find "$DIR/2023" -name '*.xls' | sort)
    stage "CSV 读取"    "$BENCH" read $(find "$DIR/2023" -name '*.csv' | sort)
    stage "导入 2023"   "$POWERLIST" import --workspace "$WS" --revision 2023 "$DIR/2023"
    stage "导入 2024"   "$POWERLIST" import --workspace "$WS" --revision 2024 "$DIR/2024"
    stage "导出 XLSX"   "$POWERLIST" export --workspace "$WS" --revision 2024 --output "$WS/2024.xlsx"
    # --warn-only: the generated lists have errors, and the stage must not count as failed.
    stage "检查 2024"   "$POWERLIST" check --workspace "$WS" --revision 2024 --warn-only
    stage "比较 2023→2024" "$POWERLIST" diff --workspace "$WS" 2023 2024
    stage "对照指导目录" "$POWERLIST" reconcile --workspace "$WS" --revision 2024 --guidance "$GUIDANCE"
    stage "发布网站"    "$POWERLIST" publish --workspace "$WS" --revision 2024 --compare 2023 --out "$WS/site"
}

declare -A best peak cpu
# Runs one stage under /usr/bin/time; keeps its best wall time (and that run's CPU time) and
# largest peak RSS.
stage() {
    local name=$1
    shift
    /usr/bin/time -f '%e %M %U %S' -o "$LOG.time" "$@" > "$LOG.out" 2>&1 \
        || { echo "  （$name 以非零状态结束）"; tail -3 "$LOG.out"; }
    read -r wall kilobytes user system < <(tail -1 "$LOG.time")
    local key="$ITEMS|$name" seconds
    seconds=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    echo "  $ITEMS 项  $name：$wall 秒（CPU $seconds 秒），$((kilobytes / 1024)) MB"
    if [ -z "${best[$key]:-}" ] || awk -v a="$wall" -v b="${best[$key]}" 'BEGIN { exit !(a < b) }'; then
        best[$key]=$wall
        cpu[$key]=$seconds
    fi
    [ $((kilobytes / 1024)) -gt "${peak[$key]:-0}" ] && peak[$key]=$((kilobytes / 1024))
    order+=("$key")
}

LOG=$(mktemp)
order=()
for ITEMS in "${SIZES[@]}"; do
    DIR=$PROVINCES/province-$ITEMS
    [ -f "$DIR/manifest.json" ] || Benchmarks/generate-province.sh "$ITEMS" "$DIR"
done
for round in $(seq "$REPEAT"); do
    for ITEMS in "${SIZES[@]}"; do
        DIR=$PROVINCES/province-$ITEMS
        WS=$(mktemp -d)
        echo "第 $round 轮，$ITEMS 项（负载 $(cut -d' ' -f1 /proc/loadavg)）"
        stages
        rm -rf "$WS"
    done
done
rm -f "$LOG" "$LOG.time" "$LOG.out"

echo
printf '%-10s %-14s %10s %10s %12s\n' "items" "stage" "wall (s)" "CPU (s)" "peak (MB)"
today=$(date -u +%F)
while IFS= read -r key; do
    ITEMS=${key%%|*}
    name=${key#*|}
    printf '%-10s %-14s %10s %10s %12s\n' "$ITEMS" "$name" "${best[$key]}" "${cpu[$key]}" "${peak[$key]}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$today" "$ITEMS" "$name" "${best[$key]}" "${peak[$key]}" "${cpu[$key]}" >> "$RESULTS"
done < <(printf '%s\n' "${order[@]}" | awk '!seen[$0]++')
