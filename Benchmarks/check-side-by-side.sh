#!/bin/bash
# `powerlist check` of two builds side by side, in every report format, each on a fresh copy of
# one workspace (a check replaces the revision's cross-item findings); then `cmp` of the terminal
# output and of each report. Run from the package root:
#   BEFORE=/tmp/check-before2 AFTER=.build/release/powerlist WS=/tmp/ck/ws OUT=/tmp/ck Benchmarks/check-side-by-side.sh
# WS: a workspace made once with `$BEFORE import --workspace $WS --revision 2024 powerlist-200000.xlsx`.
set -u
export POWERLIST_SCHEMAS=${POWERLIST_SCHEMAS:-$PWD/Catalogues/schemas}
T='%e s wall, %U user + %S sys, peak %M KB'
mkdir -p "$OUT/out"
run() { # name binary [check options]
  local name=$1 bin=$2; shift 2
  rm -rf "$OUT/wcopy"; cp -r "$WS" "$OUT/wcopy"
  echo "== $name  (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "$T" "$bin" check --workspace "$OUT/wcopy" --warn-only "$@" > "$OUT/out/$name.stdout" 2> "$OUT/out/$name.stderr"
  tail -1 "$OUT/out/$name.stderr"
}
for format in terminal json xlsx html csv; do
  for build in before after; do
    bin=$BEFORE; [ $build = after ] && bin=$AFTER
    if [ $format = terminal ]; then run $build-$format "$bin"; else run $build-$format "$bin" -o "$OUT/out/$build.$format"; fi
  done
done
rm -rf "$OUT/wcopy"
for format in terminal json xlsx html csv; do
  cmp "$OUT/out/before-$format.stdout" "$OUT/out/after-$format.stdout" && echo "stdout $format: same"
done
for format in json xlsx html; do cmp "$OUT/out/before.$format" "$OUT/out/after.$format" && echo "report $format: same"; done
