#!/usr/bin/env bash
# The import target side by side, ROUNDS times: `powerlist import` of the 200,000-item XLSX into a
# fresh workspace, then the calamine → sqlite3 script on the same file, each line with both wall
# times, CPU, peak memory and the ratio. On a shared machine the ratio of a pair is what counts.
#   Benchmarks/import-pairs.sh .build/release/powerlist 3
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${1:?"usage: import-pairs.sh BIN [ROUNDS]"}
ROUNDS=${2:-3}
XLSX=${XLSX:-Benchmarks/output/powerlist-200000.xlsx}
export POWERLIST_SCHEMAS=$PWD/Catalogues/schemas
for _ in $(seq 1 "$ROUNDS"); do
    W=$(mktemp -d)
    /usr/bin/time -o "$W/a" -f "%e %U %S %M" "$BIN" import --workspace "$W/ws" --revision 2024 "$XLSX" > /dev/null 2>&1
    /usr/bin/time -o "$W/b" -f "%e %U %S %M" python3 Benchmarks/import_sqlite.py "$W/rows.sqlite" "$XLSX" > /dev/null 2>&1
    read -r aw au as am < "$W/a"
    read -r bw bu bs bm < "$W/b"
    echo "$(date +%H:%M) import $aw s ($au+$as CPU, $((am / 1024)) MB)  script $bw s ($bu+$bs CPU, $((bm / 1024)) MB)  ratio $(awk "BEGIN { printf \"%.2f\", $bw / $aw }")"
    rm -rf "$W"
done
