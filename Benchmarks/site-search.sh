#!/usr/bin/env bash
# Search at scale: builds a synthetic site (site-benchmark, ITEMS items, 100,000 by default) and,
# in headless chromium from file://, runs queries from common to rare, printing for each the
# result count and two times the page reports on its status line: data-ms (matching, ranking,
# filtering and counting once the index shards are loaded) and data-page-ms (from the start of
# the page's navigation until the first page of results is shown: loading search.html, meta.js,
# the index and document shards included), one pair per run.
#   Benchmarks/site-search.sh                 # 100,000 items
#   ITEMS=20000 Benchmarks/site-search.sh
#   SITE=/some/built/site Benchmarks/site-search.sh   # an existing site, not rebuilt
#   SITE="/site/a /site/b" Benchmarks/site-search.sh  # several sites, interleaved query by query
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${ITEMS:-100000}
SITE=${SITE:-Benchmarks/output/site-search-$ITEMS}
CHROMIUM=$(command -v chromium || command -v chromium-browser) || { echo "chromium 未安装：apt-get install chromium"; exit 1; }
if [ ! -f "${SITE%% *}/search.html" ]; then
  swift build -c release --product site-benchmark >/dev/null
  rm -rf "$SITE"
  .build/release/site-benchmark build "$ITEMS" "$SITE"
fi
read -r -a SITES <<< "$SITE"
for i in "${!SITES[@]}"; do SITES[i]=$(cd "${SITES[i]}" && pwd); done
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT

browse() {  # the DOM of a page after its scripts ran
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$PROFILE" --virtual-time-budget=30000 --dump-dom "$1" 2>/dev/null
}
# How much CPU this machine gives a page right now: a fixed loop of 3 million steps (a few
# milliseconds on an idle core), so figures taken under load can be read.
cat > "$PROFILE/reference.html" <<'HTML'
<!DOCTYPE html><p id="o"></p><script>
var t = performance.now(), a = new Int8Array(100000), s = 0;
for (var k = 0; k < 30; k++) for (var i = 0; i < 100000; i++) { a[i] = (a[i] + i) & 7; s += a[i]; }
document.getElementById("o").textContent = (performance.now() - t).toFixed(1) + "/" + s;
</script>
HTML
reference() { browse "file://$PROFILE/reference.html" | grep -o '<p id="o">[0-9.]*' | cut -d'>' -f2; }

for site in "${SITES[@]}"; do echo "== search in $site ($(ls "$site/items" | wc -l) item pages)"; done
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "reference loop (3 million steps): $(reference) ms"
printf '%-28s %-6s %10s   %s\n' query site results "data-ms / data-page-ms (RUNS=${RUNS:=3} runs)"
for query in 许可 处罚 行政处罚 食品经营 监督管理职责 县级以上人民政府有关部门 某某管理法12 基准县第7局 "事项（4242）" 没有这个词; do
  encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")
  declare -A times=() counts=()
  for _ in $(seq "$RUNS"); do
    for i in "${!SITES[@]}"; do
      status=$(browse "file://${SITES[i]}/search.html?q=$encoded" | grep -o '<p id="search-status"[^>]*>[^<]*' || true)
      counts[$i]=$(grep -o '找到 [0-9]* 个事项' <<<"$status" | grep -o '[0-9]*' || echo "?")
      ms=$(grep -o ' data-ms="[^"]*"' <<<"$status" | cut -d'"' -f2 || echo "?")
      page=$(grep -o 'data-page-ms="[^"]*"' <<<"$status" | cut -d'"' -f2 || echo "-")
      times[$i]="${times[$i]:-}${ms:-?}/${page:--} "
    done
  done
  for i in "${!SITES[@]}"; do printf '%-28s %-6s %10s   %s\n' "$query" "#$((i + 1))" "${counts[$i]}" "${times[$i]}"; done
  unset times counts
done
echo "reference loop again: $(reference) ms"
SITE=${SITES[0]}
echo "largest index shard: $(ls -S "$SITE"/search/i-*.js | head -1 | xargs stat -c '%s bytes (%n)')"
echo "largest document shard: $(ls -S "$SITE"/search/d-*.js | head -1 | xargs stat -c '%s bytes (%n)')"
echo "meta.js: $(stat -c '%s bytes' "$SITE/search/meta.js"); shards: $(ls "$SITE"/search/i-*.js | wc -l) index, $(ls "$SITE"/search/d-*.js | wc -l) documents"
