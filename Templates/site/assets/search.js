/* Offline search over the character-bigram index written by `powerlist publish`.
   Shards are script files (browsers refuse fetch() from file://); every text from the
   index is put into the page with textContent, never as HTML. */
(function () {
  "use strict";
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALUE = new Int8Array(128).fill(-1);
  for (var i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
  var PAGE = 50;
  var meta = null, shards = {}, docs = {}, waiting = {}, state = null;

  function load(name, done) {
    if (waiting[name]) { waiting[name].push(done); return; }
    waiting[name] = [done];
    var script = document.createElement("script");
    script.src = "search/" + name + ".js";
    script.onerror = function () { status("搜索索引文件 " + name + ".js 无法加载。"); };
    document.head.appendChild(script);
  }
  function loaded(name) {
    var callbacks = waiting[name] || [];
    waiting[name] = null;
    callbacks.forEach(function (f) { f(); });
  }
  window.PL_SEARCH = {
    meta: function (m) { meta = m; start(); },
    shard: function (n, postings) { shards[n] = postings; loaded("i-" + n); },
    docs: function (n, list) { docs[n] = list; loaded("d-" + n); }
  };

  function bigrams(text) {
    var out = [], prev = null, word = /[\p{L}\p{N}]/u;
    for (var ch of text.normalize("NFKC").toLowerCase()) {
      if (!word.test(ch)) { prev = null; continue; }
      if (prev !== null) { var b = prev + ch; if (out.indexOf(b) < 0) out.push(b); }
      prev = ch;
    }
    return out;
  }
  function shardOf(bigram) {
    var h = 0;
    for (var ch of bigram) h = (Math.imul(h, 31) + ch.codePointAt(0)) >>> 0;
    return h % meta.shards;
  }
  // Marks every document of a posting list with a rank, straight into the array: no
  // intermediate lists, so a bigram in every one of 100,000 items stays cheap.
  function mark(text, ranks, rank) {
    if (!text) return;
    if (text.charCodeAt(0) === 33) {  // "!": a bitmap
      for (var i = 1, base = 0; i < text.length; i++, base += 6) {
        var bits = VALUE[text.charCodeAt(i)];
        if (bits === 0) continue;
        if (bits & 1) ranks[base] = rank;
        if (bits & 2) ranks[base + 1] = rank;
        if (bits & 4) ranks[base + 2] = rank;
        if (bits & 8) ranks[base + 3] = rank;
        if (bits & 16) ranks[base + 4] = rank;
        if (bits & 32) ranks[base + 5] = rank;
      }
      return;
    }
    var prev = -1, gap = 0;
    for (var j = 0; j < text.length; j++) {
      var d = VALUE[text.charCodeAt(j)];
      gap = gap * 32 + (d & 31);
      if (d < 32) { prev += gap + 1; ranks[prev] = rank; gap = 0; }
    }
  }
  function size(lists) { return lists[0].length + lists[1].length + lists[2].length; }
  // A document matches when it has every bigram; its rank is the worst rank it needed
  // (0 name, 1 basis, 2 body). The rarest bigram gives the candidates, each further one
  // only narrows them, so a long query costs little more than a short one.
  function match(grams) {
    var n = meta.documents, lists = [];
    for (var g = 0; g < grams.length; g++) {
      var found = (shards[shardOf(grams[g])] || {})[grams[g]];
      if (!found) return [];
      lists.push(found);
    }
    lists.sort(function (a, b) { return size(a) - size(b); });
    // Typed arrays and no allocation per bigram: 100,000 documents stay a few milliseconds.
    var acc = new Int8Array(n).fill(-1), ranks = new Int8Array(n), candidates = new Int32Array(n), count = 0;
    for (var r = 2; r >= 0; r--) mark(lists[0][r], acc, r);
    for (var d = 0; d < n; d++) if (acc[d] >= 0) candidates[count++] = d;
    for (var k = 1; k < lists.length && count > 0; k++) {
      ranks.fill(-1);
      for (r = 2; r >= 0; r--) mark(lists[k][r], ranks, r);
      var kept = 0;
      for (var c = 0; c < count; c++) {
        var doc = candidates[c], rank = ranks[doc];
        if (rank < 0) continue;
        if (rank > acc[doc]) acc[doc] = rank;
        candidates[kept++] = doc;
      }
      count = kept;
    }
    var ordered = new Int32Array(count), next = 0;
    for (var best = 0; best <= 2; best++) {
      for (c = 0; c < count; c++) if (acc[candidates[c]] === best) ordered[next++] = candidates[c];
    }
    return ordered;
  }
  function facets(doc) {
    var lo = 0, hi = meta.runs.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (meta.runs[mid][0] <= doc) lo = mid; else hi = mid - 1; }
    var run = meta.runs[lo], unit = meta.units[run[1]];
    return { unit: unit[0], level: meta.levels[unit[1]], category: meta.categories[run[2]][0] };
  }
  function status(text) { document.getElementById("search-status").textContent = text; }

  function run() {
    var grams = bigrams(state.query);
    if (grams.length === 0) { status("请输入至少两个字进行搜索。"); return; }
    var needed = [];
    grams.forEach(function (g) { var n = shardOf(g); if (!shards[n] && needed.indexOf(n) < 0) needed.push(n); });
    if (needed.length) {
      var left = needed.length;
      status("正在搜索…");
      needed.forEach(function (n) { load("i-" + n, function () { if (--left === 0) run(); }); });
      return;
    }
    var started = performance.now();
    state.results = match(grams);
    if (state.unit || state.category || state.level) {
      state.results = state.results.filter(function (d) {
        var f = facets(d);
        return (!state.unit || f.unit === state.unit) && (!state.category || f.category === state.category)
          && (!state.level || f.level === state.level);
      });
    }
    state.shown = 0;
    document.getElementById("search-results").textContent = "";
    status("找到 " + state.results.length + " 个事项");
    // The time a query took once its shards were loaded, for benchmarks.
    document.getElementById("search-status").setAttribute("data-ms", (performance.now() - started).toFixed(1));
    more();
  }
  function more() {
    var slice = state.results.slice(state.shown, state.shown + PAGE);
    var needed = [];
    slice.forEach(function (d) { var n = Math.floor(d / meta.documentsPerShard); if (!docs[n] && needed.indexOf(n) < 0) needed.push(n); });
    if (needed.length) {
      var left = needed.length;
      needed.forEach(function (n) { load("d-" + n, function () { if (--left === 0) more(); }); });
      return;
    }
    var list = document.getElementById("search-results");
    slice.forEach(function (d) {
      var doc = docs[Math.floor(d / meta.documentsPerShard)][d % meta.documentsPerShard], f = facets(d);
      var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
      a.href = "items/" + encodeURIComponent(doc[3]) + ".html";
      a.textContent = doc[0] + (doc[1] ? "（" + doc[1] + "）" : "");
      p.className = "result-meta";
      p.textContent = f.unit + " · " + f.category + (doc[2] ? " · " + doc[2] : "");
      li.appendChild(a); li.appendChild(p); list.appendChild(li);
    });
    state.shown += slice.length;
    document.getElementById("search-more").hidden = state.shown >= state.results.length;
  }
  function start() {
    var params = new URLSearchParams(window.location.search);
    state = { query: params.get("q") || "", unit: params.get("unit") || "", category: params.get("category") || "",
              level: params.get("level") || "", results: [], shown: 0 };
    document.getElementById("q").value = state.query;
    document.getElementById("header-q").value = state.query;
    ["unit", "category", "level"].forEach(function (k) { document.getElementById("filter-" + k).value = state[k]; });
    document.getElementById("search-more").onclick = more;
    if (state.query) run();
  }
})();
