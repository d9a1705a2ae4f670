/* Offline search over the character-bigram index written by `powerlist publish`.
   Shards are script files (browsers refuse fetch() from file://); every text from the
   index is put into the page with textContent, never as HTML.
   Each posting list is decoded once into a bitmap, so matching, ranking, filtering and
   counting cost one step per 24 documents however many items match; results are then read
   off the bitmaps one page at a time, only as far as the page shows. A word holds 24
   documents, not 32, so every value stays a small integer that V8 never boxes, even before
   the page's script is compiled (a search runs once per page, cold), and four characters
   of the index's bitmaps fill exactly one word. */
(function () {
  "use strict";
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALUE = new Int8Array(128).fill(-1);
  for (var i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
  var PAGE = 50, RANKS = 3, BITS = 24;
  var ONES = new Int8Array(1 << 12);
  for (i = 1; i < ONES.length; i++) ONES[i] = ONES[i >> 1] + (i & 1);
  // Two characters of a bitmap (their codes, 7 bits each) → their 12 bits.
  var PAIR = new Int16Array(1 << 14);
  for (i = 0; i < 64 * 64; i++) PAIR[(ALPHABET.charCodeAt(i & 63) << 7) | ALPHABET.charCodeAt(i >> 6)] = i;
  var EVERY = null, meta = null, shards = {}, docs = {}, waiting = {}, decoded = {}, state = null;

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
    meta: function (m) {
      meta = m;
      meta.words = Math.ceil(m.documents / BITS);
      // The bitmap of every document as PostingList.swift writes it, and its decoded form.
      var full = "!" + "_".repeat(Math.floor(m.documents / 6));
      meta.every = m.documents % 6 ? full + ALPHABET[(1 << (m.documents % 6)) - 1] : full;
      EVERY = new Int32Array(meta.words).fill((1 << BITS) - 1);
      if (m.documents % BITS) EVERY[meta.words - 1] = (1 << (m.documents % BITS)) - 1;
      start();
    },
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
  // One posting list as a bitmap: "!" then 6 documents a character, or gaps of 5 bits a
  // character, the high flag meaning "more digits follow" (PostingList.swift writes both).
  // Added to a copy of `base` (the better ranks' documents; null: none), so the cumulative
  // bitmaps need no pass of their own. Returns `base` itself when the list is empty, EVERY
  // when it holds every document (a native comparison of strings): both then cost nothing.
  function bitmap(text, base) {
    if (!text || base === EVERY) return base;
    if (text === meta.every) return EVERY;
    var bits = base === null ? new Int32Array(meta.words) : new Int32Array(base);
    if (text.charCodeAt(0) === 33) {  // four characters a word, read two at a time
      var last = text.length - 1, w = 0, i = 1;
      for (; i + 3 <= last; i += 4, w++) {
        bits[w] |= PAIR[(text.charCodeAt(i) << 7) | text.charCodeAt(i + 1)]
          | (PAIR[(text.charCodeAt(i + 2) << 7) | text.charCodeAt(i + 3)] << 12);
      }
      for (var shift = 0; i <= last; i++, shift += 6) bits[w] |= VALUE[text.charCodeAt(i)] << shift;
      return bits;
    }
    // The document as a word and a bit within it, moved on by each gap without a division
    // while the gap stays within the word.
    var word = 0, bit = -1, gap = 0;
    for (var j = 0; j < text.length; j++) {
      var d = VALUE[text.charCodeAt(j)];
      gap = gap * 32 + (d & 31);
      if (d >= 32) continue;
      bit += gap + 1;
      gap = 0;
      if (bit >= BITS) { word += (bit / BITS) | 0; bit %= BITS; }
      bits[word] |= 1 << bit;
    }
    return bits;
  }
  // A bigram's documents by rank, cumulative: [name], [name or basis], [anywhere]. Decoded
  // once per page, so "more results" reuse them.
  function postings(gram) {
    if (decoded[gram]) return decoded[gram];
    var lists = shards[shardOf(gram)][gram], upTo = [bitmap(lists[0], null)];
    for (var r = 1; r < RANKS; r++) upTo.push(bitmap(lists[r], upTo[r - 1]));
    return (decoded[gram] = upTo);
  }
  // The documents in every one of the bitmaps (null: none; EVERY: all).
  function intersection(lists) {
    var acc = EVERY;
    for (var k = 0; k < lists.length; k++) {
      var bits = lists[k];
      if (bits === null) return null;
      if (bits === EVERY || bits === acc) continue;
      if (acc === EVERY) { acc = new Int32Array(bits); continue; }
      for (var w = 0; w < acc.length; w++) acc[w] &= bits[w];
    }
    return acc;
  }
  // A document matches when it has every bigram; its rank is the worst rank it needed
  // (0 name, 1 basis, 2 body). Intersecting the cumulative bitmaps gives "rank at most r",
  // and their differences the documents of each rank exactly. A rank no bigram adds to is
  // skipped (null), which is most of them.
  function match(grams) {
    var tiers = [null, null, null];
    if (!grams.every(function (g) { return (shards[shardOf(g)] || {})[g]; })) return tiers;
    var all = grams.map(postings), upTo = [];
    for (var r = 0; r < RANKS; r++) {
      var same = r > 0 && all.every(function (lists) { return lists[r] === lists[r - 1]; });
      upTo.push(same ? upTo[r - 1] : intersection(all.map(function (lists) { return lists[r]; })));
    }
    for (r = RANKS - 1; r >= 0; r--) {
      var bits = upTo[r], better = r > 0 ? upTo[r - 1] : null;
      if (bits === null || bits === better) continue;
      tiers[r] = bits === EVERY ? new Int32Array(EVERY) : bits;  // its own copy: filters change it
      if (better !== null) for (var w = 0; w < bits.length; w++) tiers[r][w] &= ~better[w];
    }
    return tiers;
  }
  // The documents the filters keep, from the runs of one unit and category in meta.js.
  function filterMask() {
    var mask = new Int32Array(meta.words), runs = meta.runs;
    for (var i = 0; i < runs.length; i++) {
      var unit = meta.units[runs[i][1]];
      if ((state.unit && unit[0] !== state.unit) || (state.level && meta.levels[unit[1]] !== state.level)
          || (state.category && meta.categories[runs[i][2]][0] !== state.category)) continue;
      var end = i + 1 < runs.length ? runs[i + 1][0] : meta.documents;
      for (var d = runs[i][0]; d < end; d++) mask[(d / BITS) | 0] |= 1 << (d % BITS);
    }
    return mask;
  }
  function count(bits) {
    var total = 0;
    for (var w = 0; w < bits.length; w++) total += ONES[bits[w] & 4095] + ONES[bits[w] >> 12];
    return total;
  }
  // The next `limit` results, best rank first and in document order within a rank.
  function take(limit) {
    var out = [], n = meta.documents;
    while (out.length < limit && state.tier < RANKS) {
      var bits = state.tiers[state.tier], d = bits ? state.next : n;
      while (d < n && out.length < limit) {
        var offset = d % BITS, word = bits[(d - offset) / BITS] >> offset;
        if (word === 0) { d += BITS - offset; continue; }
        d += 31 - Math.clz32(word & -word);
        out.push(d++);
      }
      state.next = d;
      if (d >= n) { state.tier++; state.next = 0; }
    }
    return out;
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
    state.tiers = match(grams);
    if (state.unit || state.category || state.level) {
      var mask = filterMask();
      state.tiers.forEach(function (bits) { if (bits) for (var w = 0; w < bits.length; w++) bits[w] &= mask[w]; });
    }
    state.total = state.tiers.reduce(function (sum, bits) { return bits ? sum + count(bits) : sum; }, 0);
    state.tier = 0; state.next = 0; state.shown = 0;
    var page = take(PAGE);
    document.getElementById("search-results").textContent = "";
    status("找到 " + state.total + " 个事项");
    // For benchmarks: matching, ranking, filtering and counting once the index shards are in.
    document.getElementById("search-status").setAttribute("data-ms", (performance.now() - started).toFixed(1));
    show(page);
  }
  function more() { show(take(PAGE)); }
  // Renders a page of results once the document shards it needs are loaded.
  function show(page) {
    var needed = [];
    page.forEach(function (d) { var n = Math.floor(d / meta.documentsPerShard); if (!docs[n] && needed.indexOf(n) < 0) needed.push(n); });
    if (needed.length) {
      var left = needed.length;
      needed.forEach(function (n) { load("d-" + n, function () { if (--left === 0) show(page); }); });
      return;
    }
    var list = document.getElementById("search-results");
    page.forEach(function (d) {
      var doc = docs[Math.floor(d / meta.documentsPerShard)][d % meta.documentsPerShard], f = facets(d);
      var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
      a.href = "items/" + encodeURIComponent(doc[3]) + ".html";
      a.textContent = doc[0] + (doc[1] ? "（" + doc[1] + "）" : "");
      p.className = "result-meta";
      p.textContent = f.unit + " · " + f.category + (doc[2] ? " · " + doc[2] : "");
      li.appendChild(a); li.appendChild(p); list.appendChild(li);
    });
    state.shown += page.length;
    document.getElementById("search-more").hidden = state.shown >= state.total;
    // For benchmarks: since the page began to load, until this page of results is shown.
    if (state.shown === page.length) document.getElementById("search-status").setAttribute("data-page-ms", performance.now().toFixed(1));
  }
  function start() {
    var params = new URLSearchParams(window.location.search);
    state = { query: params.get("q") || "", unit: params.get("unit") || "", category: params.get("category") || "",
              level: params.get("level") || "", tiers: null, total: 0, tier: 0, next: 0, shown: 0 };
    document.getElementById("q").value = state.query;
    document.getElementById("header-q").value = state.query;
    ["unit", "category", "level"].forEach(function (k) { document.getElementById("filter-" + k).value = state[k]; });
    document.getElementById("search-more").onclick = more;
    if (state.query) run();
  }
})();
