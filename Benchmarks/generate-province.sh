#!/usr/bin/env bash
# Generates a deterministic province of ITEMS items (ITEMS / 5,000 counties) in two revisions:
#   Benchmarks/generate-province.sh 100000            # → Benchmarks/output/province-100000/
# OUT/2023/<county>/ and OUT/2024/<county>/ hold an XLSX per department, two legacy .xls and
# one consolidated GB18030 CSV per county; OUT/manifest.json the counts of files, items and
# changes between the revisions (cuts, renames, basis changes, merges, splits, moves, additions).
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${1:-100000}
OUT=${2:-Benchmarks/output/province-$ITEMS}
python3 -c "import xlwt" 2>/dev/null || pip install -q xlwt
BIN="$(swift build -c release --show-bin-path)/powerlist-benchmark"
[ -x "$BIN" ] || swift build -c release --product powerlist-benchmark
rm -rf "$OUT"
"$BIN" generate-province --items "$ITEMS" "$OUT"
find "$OUT" -name '*.xls.csv' -print0 | xargs -0 -r python3 Benchmarks/csv_to_xls.py
find "$OUT" -name '*汇总.csv' -print0 | while IFS= read -r -d '' file; do
    iconv -f UTF-8 -t GB18030 "$file" > "$file.tmp" && mv "$file.tmp" "$file"
done
du -sh "$OUT"
