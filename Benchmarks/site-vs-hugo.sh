#!/usr/bin/env bash
# Publishing speed: powerlist's site builder against Hugo on the same item pages, side by side.
#   Benchmarks/site-vs-hugo.sh            # 100,000 items
#   ITEMS=10000 Benchmarks/site-vs-hugo.sh
# Needs Debian's hugo (apt-get install hugo) and GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-100000}
WORK=${WORK:-Benchmarks/output/site}
command -v hugo >/dev/null || { echo "hugo 未安装：apt-get install hugo"; exit 1; }
swift build -c release --product site-benchmark >/dev/null
BIN=.build/release/site-benchmark
rm -rf "$WORK" && mkdir -p "$WORK"

# Hugo: the same item pages as Markdown, a one-page layout of the same shape.
HUGO="$WORK/hugo"
$BIN markdown "$ITEMS" "$HUGO"
mkdir -p "$HUGO/layouts/_default"
cat > "$HUGO/hugo.toml" <<'TOML'
baseURL = "http://localhost/"
languageCode = "zh-cn"
title = "基准测试县权责清单"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
TOML
cat > "$HUGO/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title>
<link rel="stylesheet" href="../../assets/site.css"></head><body><header><a href="../../">{{ .Site.Title }}</a></header>
<main><nav>首页 › {{ .Params.unit }}</nav><h1>{{ .Title }}</h1><p>{{ .Params.category }} · {{ .Params.unit }}</p>{{ .Content }}</main>
<footer>修订版 2024</footer></body></html>
HTML
cat > "$HUGO/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1></body></html>
HTML

echo "== $ITEMS items, $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"
echo "-- powerlist (item, unit, category, level, law pages and the search index)"
/usr/bin/time -f "   peak %M KB, %e s wall, CPU %U s user + %S s system" $BIN build "$ITEMS" "$WORK/powerlist"
echo "-- hugo (item pages only)"
start=$(date +%s.%N)
/usr/bin/time -f "   peak %M KB, %e s wall, CPU %U s user + %S s system" hugo --quiet --source "$HUGO" --destination "$WORK/hugo-public"
end=$(date +%s.%N)
pages=$(find "$WORK/hugo-public/items" -name index.html | wc -l)
echo "hugo: $pages item pages in $(echo "$end - $start" | bc) s ($(echo "$pages / ($end - $start)" | bc) pages/s)"
