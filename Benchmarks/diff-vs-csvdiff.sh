#!/usr/bin/env bash
# Times `powerlist diff OLD.csv NEW.csv` (the whole command: both files read, imported and cleaned
# in memory on two threads, compared, JSON and decisions sheet written) against csv-diff (PyPI; exact key 事项编码, finds no
# renames, merges, splits or moves) on the same pair, and daff (PyPI) at 20,000 items. Peak memory
# from /usr/bin/time -v. The pair comes from Benchmarks/make_diff_pair.py (about 10% changed).
#   Benchmarks/diff-vs-csvdiff.sh                # 200,000 vs 200,000 items
#   ITEMS=20000 Benchmarks/diff-vs-csvdiff.sh    # smaller; daff runs when ITEMS <= 20000
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-200000}
OUT=Benchmarks/output/diff-$ITEMS
mkdir -p "$OUT"
[ -f "$OUT/old.csv" ] || python3 Benchmarks/make_diff_pair.py "$ITEMS" "$OUT/old.csv" "$OUT/new.csv"
ls -l "$OUT"/old.csv "$OUT"/new.csv

swift build -c release --product powerlist >&2
BIN=.build/release/powerlist
WORKSPACE=$(mktemp -d)
trap 'rm -rf "$WORKSPACE"' EXIT

measure() {  # name, command…
    local name=$1; shift
    /usr/bin/time -v "$@" > "$OUT/$name.out" 2> "$OUT/$name.time" || { echo "$name failed"; tail -5 "$OUT/$name.time"; return; }
    local wall rss user sys
    wall=$(grep "Elapsed (wall clock)" "$OUT/$name.time" | awk '{print $NF}')
    rss=$(grep "Maximum resident" "$OUT/$name.time" | awk '{print $NF}')
    user=$(grep "User time" "$OUT/$name.time" | awk '{print $NF}')
    sys=$(grep "System time" "$OUT/$name.time" | awk '{print $NF}')
    printf '%-10s wall %s  user %s s  sys %s s  peak %d MB\n' "$name" "$wall" "$user" "$sys" $((rss / 1024))
}

uptime

measure powerlist "$BIN" diff "$OUT/old.csv" "$OUT/new.csv" --workspace "$WORKSPACE" --format json \
    --output "$OUT/powerlist.json" --decisions "$OUT/decisions.xlsx"
measure csv-diff csv-diff "$OUT/old.csv" "$OUT/new.csv" --key 事项编码 --json
if [ "$ITEMS" -le 20000 ]; then
    measure daff daff diff --output "$OUT/daff.csv" "$OUT/old.csv" "$OUT/new.csv"
fi
grep -E "^事项数|审核" "$OUT/powerlist.time" || true
uptime
