#!/usr/bin/env bash
# The floor for reading XLSX: only inflating the sheet parts (`unzip`), or inflating them and
# streaming the XML through libxml2's reader without building anything (`xmllint`).
#   Benchmarks/floor_xlsx.sh unzip|xmllint FILE.xlsx...
set -euo pipefail
mode=$1
shift
for file in "$@"; do
    for part in xl/sharedStrings.xml 'xl/worksheets/*.xml'; do
        case "$mode" in
        unzip) unzip -p "$file" "$part" > /dev/null ;;
        xmllint) unzip -p "$file" "$part" | xmllint --stream --noout - ;;
        esac
    done
done
