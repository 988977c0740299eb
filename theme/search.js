// Playbook search ("/" focuses the box). Served: the chunked full-text index
// in fulltext/ (src/search/fulltext.rs), fetched piece by piece; from file://,
// the title index search-index.js.
(function () {
  "use strict";
  // ---- Words: the index's tokenizer (src/search/words.rs, same spec and
  // test vectors: tests/tokenizer-vectors.json). Lower case with ς as σ;
  // NFD without accents (U+0300–U+036F) and variation selectors; a word is
  // a run of letters, digits and combining marks (not enclosing ones); a run
  // of Han and kana becomes overlapping pairs. ----
  // The index's stop words (src/search/words.rs STOP_WORDS), and "a".
  var STOP = {};
  "a an and are as at be by for from in is it of on or that the this to with".split(" ").forEach(function (w) { STOP[w] = 1; });
  function norm(s) { return s.toLowerCase().replace(/ς/g, "σ").normalize("NFD").replace(/[\u0300-\u036f\ufe00-\ufe0f]/g, ""); }
  var SPLIT = /[^\p{Alphabetic}\p{N}\p{Mn}\p{Mc}]+/u;
  // Han, Hiragana, Katakana (no spaces between words): a run of them is
  // split into overlapping pairs, each character with its voicing marks.
  var CJK = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
  function cjkSplit(w, out) {
    if (!CJK.test(w)) { out.push(w); return; }
    var cur = "", units = [];
    function pairs() { if (units.length === 1) out.push(units[0]); for (var i = 0; i + 1 < units.length; i++) out.push(units[i] + units[i + 1]); units = []; }
    for (var ch of w) {
      if (CJK.test(ch)) {
        if (cur) { out.push(cur); cur = ""; }
        if ((ch === "\u3099" || ch === "\u309a") && units.length) units[units.length - 1] += ch; else units.push(ch);
      } else { pairs(); cur += ch; }
    }
    if (cur) out.push(cur);
    pairs();
  }
  function words(s) { var out = []; norm(s).split(SPLIT).forEach(function (w) { if (w) cjkSplit(w, out); }); return out; }
  // Length in characters (code points), as the index counts.
  function chars(w) { var n = 0; for (var i = 0; i < w.length; i++) { var c = w.charCodeAt(i); if (c < 0xdc00 || c > 0xdfff) n++; } return n; }
  // The words of a query the index can have: two characters or more, not stop words.
  function queryWords(s) { return words(s).filter(function (w) { var n = chars(w); return n >= 2 && n <= 40 && !STOP[w]; }); }
  // Node (the tokenizer's test) takes the words and stops here.
  if (typeof module === "object" && module.exports) { module.exports = { words: words, queryWords: queryWords, STOP: STOP }; return; }

  // The edition's words: the page's script[data-ui-strings] JSON (a
  // translated edition writes it; see templates/base.html), English without.
  // A plural message is [one, other]; "{name}" marks an argument.
  var UI = {};
  document.querySelectorAll("script[data-ui-strings]").forEach(function (e) { try { Object.assign(UI, JSON.parse(e.textContent)); } catch (x) {} });
  function tr(k, en, a) {
    var s = UI[k], n = a && a.n;
    if (Array.isArray(s)) s = s[new Intl.PluralRules(document.documentElement.lang || "en").select(+n) === "one" ? 0 : 1];
    if (typeof s !== "string") s = Array.isArray(en) ? en[+n === 1 ? 0 : 1] : en;
    return a ? s.replace(/\{(\w+)\}/g, function (m, v) { return v in a ? String(a[v]) : m; }) : s;
  }
  // The theme's other scripts (loaded after this one) use it too.
  window.playbookTr = tr;
  var root = document.body.getAttribute("data-root") || "";
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  var panel = list && list.parentNode;
  var note = panel && panel.querySelector(".search-note");
  // Pages rank above tasks, hubs above leaves, when their titles match alike.
  var KIND = { framework: 4, component: 4, step: 3, market: 3, regulation: 3, chapter: 2, expert: 2, research: 1, metric: 1, task: 0 };
  // Title-index kinds → the full-text index's kind filter values.
  var KINDS = { framework: "Frameworks", component: "Components", step: "Steps", task: "Steps", metric: "Metrics", market: "Markets", regulation: "Regulations", expert: "Experts", research: "Research", chapter: "Story chapters" };
  var SINGULAR = {};
  Object.keys(KINDS).forEach(function (k) { if (k !== "task") SINGULAR[KINDS[k]] = k; });
  var FACETS = [["kind", tr("js-facet-kind", "Kind")], ["framework", tr("js-facet-framework", "Framework")], ["market", tr("js-facet-market", "Market")]];
  var OFFLINE = tr("js-offline", "Opened from disk: titles only; full-text search needs the site served (playbook serve).");
  function index() { return window.PLAYBOOK_INDEX || []; }
  var prepared = null, vocab = null, vocabKeys = null;
  function prepare() {
    if (prepared) return prepared;
    vocab = {};
    prepared = index().map(function (e) {
      var tw = words(e[1]), nw = words(e[3]);
      tw.concat(nw).forEach(function (w) { vocab[w] = (vocab[w] || 0) + 1; });
      return { e: e, t: norm(e[1]), tw: tw, n: norm(e[3]) };
    });
    vocabKeys = Object.keys(vocab);
    return prepared;
  }
  // Edit distance with adjacent transpositions (optimal string alignment).
  function dist(a, b) {
    if (Math.abs(a.length - b.length) > 2) return 9;
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (j = 0; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var c = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  }
  // A word the index does not know (and is not the start of one) becomes the
  // nearest word it does know: one edit for short words, two for long ones.
  function correct(w) {
    prepare();
    if (vocab[w] || w.length < 4 || STOP[w]) return w;
    if (vocabKeys.some(function (k) { return k.lastIndexOf(w, 0) === 0; })) return w;
    var best = w, bd = 9;
    vocabKeys.forEach(function (k) {
      var d = dist(w, k);
      if (d < bd || (d === bd && vocab[k] > vocab[best])) { bd = d; best = k; }
    });
    return bd <= (w.length > 6 ? 2 : 1) ? best : w;
  }
  // The query with every word corrected, or null when nothing changed.
  function corrected(q) {
    var qs = words(q), fixed = qs.map(correct).join(" ");
    return qs.length && fixed !== qs.join(" ") ? fixed : null;
  }
  // Title search: every query word must be in the title (or its context line).
  function titleSearch(q) {
    var qs = words(q);
    if (!qs.length) return { results: [], corrected: null };
    var fix = corrected(q), fixed = fix ? fix.split(" ") : qs;
    var needed = fixed.filter(function (w) { return !STOP[w]; });
    if (!needed.length) needed = fixed;
    var phrase = needed.join(" ");
    var out = [];
    prepare().forEach(function (p) {
      var score = 0, all = true, hits = 0;
      needed.forEach(function (w) {
        if (p.tw.indexOf(w) >= 0) { score += 10; hits++; }
        else if (p.tw.some(function (x) { return x.lastIndexOf(w, 0) === 0; })) { score += 6; hits++; }
        else if (p.t.indexOf(w) >= 0) { score += 4; hits++; }
        else if (p.n.indexOf(w) >= 0) score += 1;
        else all = false;
      });
      if (!all) return;
      var title = p.tw.join(" ");
      if (title === fixed.join(" ") || title === phrase) score += 20;
      else if (hits === needed.length && title.indexOf(phrase) >= 0) score += 5;
      score += KIND[p.e[0]] || 0;
      out.push({ e: p.e, score: score - p.t.length / 100, exact: hits === needed.length });
    });
    out.sort(function (a, b) { return b.score - a.score; });
    return {
      results: out.map(function (x) { return { url: x.e[2], title: x.e[1], kind: x.e[0], note: esc(x.e[3]), exact: x.exact, subs: [] }; }),
      corrected: fix
    };
  }
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }
  function highlight(text, q) {
    var h = esc(text);
    queryWords(q).forEach(function (w) {
      h = h.replace(new RegExp("(" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")(?![^<]*>)", "ig"), "<mark>$1</mark>");
    });
    return h;
  }
  function href(url) { return root + url; }
  function showing(q) { return tr("js-showing", "Showing results for “{q}”.", { q: q }); }
  function offline() { return location.protocol === "file:"; }
  function siteUrl(p) { return new URL(root + p, location.href); }

  // ---- The title index (file:// only): search-index.js as a plain script, added when needed ----
  var titlesLoading = null;
  function titles() {
    if (!titlesLoading) {
      titlesLoading = window.PLAYBOOK_INDEX ? Promise.resolve() : new Promise(function (done) {
        var s = document.createElement("script");
        s.src = root + "search-index.js";
        s.onload = s.onerror = function () { prepared = null; done(); };
        document.head.appendChild(s);
      });
    }
    return titlesLoading;
  }

  // ---- Full text: fulltext/, fetched piece by piece on a served site ----
  var once = {}, chunkCache = {}, fragCache = {};
  // make()'s promise, kept in cache[key] unless it fails.
  function memo(cache, key, make) {
    if (!cache[key]) { cache[key] = make(); cache[key].catch(function () { delete cache[key]; }); }
    return cache[key];
  }
  function ft(p) { return siteUrl("fulltext/" + p).href; }
  // url's body, as how ("json", "arrayBuffer") says.
  function get(url, how, opts) {
    return fetch(url, opts).then(function (r) { if (!r.ok) throw new Error(url + ": " + r.status); return r[how](); });
  }
  function manifest() {
    return memo(once, "m", function () { return offline() ? Promise.reject(new Error("file://")) : get(ft("manifest.json"), "json", { cache: "no-cache" }); });
  }
  function versioned(m, file) { return ft(file) + "?v=" + m.v; }
  // A term chunk: [{t: term, n: pages, off, len}] (postings decoded on first use).
  function chunk(m, i) {
    return memo(chunkCache, m.chunks[i][1], function () {
      return get(ft(m.chunks[i][1]), "arrayBuffer").then(function (buf) {
        var b = new Uint8Array(buf), at = [0], out = [], dec = new TextDecoder();
        while (at[0] < b.length) {
          var len = varint(b, at), t = dec.decode(b.subarray(at[0], at[0] += len)), n = varint(b, at), bl = varint(b, at);
          out.push({ t: t, n: n, b: b, off: at[0], len: bl });
          at[0] += bl;
        }
        return out;
      });
    });
  }
  // A LEB128 varint of b at at[0] (moved past it).
  function varint(b, at) {
    var x = 0, s = 0, c;
    do { c = b[at[0]++]; x += (c & 127) * Math.pow(2, s); s += 7; } while (c & 128);
    return x;
  }
  function postings(e) {
    if (!e.pages) {
      var at = [e.off], p = 0;
      e.pages = new Uint32Array(e.n); e.scores = new Uint8Array(e.n);
      for (var k = 0; k < e.n; k++) { p += varint(e.b, at); e.pages[k] = p; e.scores[k] = e.b[at[0]++]; }
    }
    return e;
  }
  // Index of the last chunk whose first term is ≤ w.
  function chunkOf(m, w) {
    var lo = 0, hi = m.chunks.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (m.chunks[mid][0] <= w) lo = mid; else hi = mid - 1; }
    return lo;
  }
  // Light suffix handling: "residencies" → "residenc", "monitoring" → "monitor".
  // English endings only: another edition's words are matched as typed
  // and by prefix.
  var ENGLISH = /^en\b/i.test(document.documentElement.lang || "en");
  function stem(w) {
    if (!ENGLISH) return w;
    var x = /^(.{4,}?)(ations?|ings?|ie[sd]|e[sd]|s)$/.exec(w);
    return x && !/ss$/.test(w) ? x[1] : w;
  }
  // The index terms a query word matches, with how much each counts:
  // the word itself 1, a form with another ending 0.75, a longer word it
  // begins (as you type; three letters or more) less, the longer the word.
  function lookup(m, w) {
    var base = stem(w), from = w.length >= 3 ? (base.length < w.length ? base : w) : w;
    var lo = chunkOf(m, from), hi = w.length >= 3 ? chunkOf(m, from + "\uffff") : lo, ps = [];
    for (var i = lo; i <= hi && i < lo + 4; i++) ps.push(chunk(m, i));
    return Promise.all(ps).then(function (cs) {
      var out = [];
      cs.forEach(function (c) {
        var a = 0, z = c.length;
        while (a < z) { var mid = (a + z) >> 1; if (c[mid].t < from) a = mid + 1; else z = mid; }
        for (var j = a; j < c.length && c[j].t.lastIndexOf(from, 0) === 0; j++) {
          var t = c[j].t, f = 0;
          if (t === w) f = 1;
          else if (t.lastIndexOf(w, 0) === 0) f = 0.3 + 0.5 * w.length / t.length;
          else if (t.length - base.length <= 4) f = 0.75;
          if (f) out.push({ e: c[j], f: f });
          if (w.length < 3) break;
        }
      });
      out.sort(function (x, y) { return y.f - x.f || y.e.n - x.e.n; });
      return out.slice(0, 64);
    });
  }
  // Rank the pages that have every word: sum over the words of the best
  // (idf × stored weight × match) of its terms; a page whose title has every
  // word comes first, then one whose section titles (tasks, headings) do.
  // → {hits: [page number, …] best first, unknown: [words with no term]}
  function rank(m, qs) {
    return Promise.all(qs.map(function (w) { return lookup(m, w); })).then(function (found) {
      var unknown = qs.filter(function (w, i) { return !found[i].length; });
      if (!qs.length || unknown.length) return { hits: [], unknown: unknown };
      var N = m.pages, acc = null;
      found.forEach(function (list) {
        var best = new Map();
        list.forEach(function (x) {
          var e = postings(x.e), idf = Math.log(1 + (N - e.n + 0.5) / (e.n + 0.5)), f = x.f * idf / 63;
          for (var k = 0; k < e.n; k++) {
            var p = e.pages[k], sc = e.scores[k], s = f * (sc & 63), o = best.get(p);
            if (!o) best.set(p, { s: s, fl: sc & 0xc0 });
            else { if (s > o.s) o.s = s; o.fl |= sc & 0xc0; }
          }
        });
        if (!acc) { acc = best; return; }
        acc.forEach(function (a, p) { var o = best.get(p); if (!o) acc.delete(p); else { a.s += o.s; a.fl &= o.fl; } });
      });
      var out = [];
      acc.forEach(function (a, p) { out.push({ p: p, s: a.s + (a.fl & 0x80 ? 100 : 0) + (a.fl & 0x40 ? 20 : 0) }); });
      out.sort(function (x, y) { return y.s - x.s || x.p - y.p; });
      return { hits: out.map(function (x) { return x.p; }), unknown: [] };
    });
  }
  // The site's vocabulary, most frequent first; fetched the first time a query needs correcting.
  function vocabulary(m) {
    return memo(once, "w", function () {
      return get(versioned(m, m.words), "json").then(function (ws) {
        var set = {};
        ws.forEach(function (w) { set[w] = 1; });
        return { set: set, list: ws };
      });
    });
  }
  // A word the site does not use becomes the nearest (then most frequent) word it does use.
  function fixWord(w, v) {
    if (v.set[w] || w.length < 4 || STOP[w]) return w;
    if (v.list.some(function (k) { return k.lastIndexOf(w, 0) === 0; })) return w;
    var best = w, bd = 9, most = w.length > 6 ? 2 : 1;
    v.list.forEach(function (k) { if (Math.abs(k.length - w.length) <= most) { var d = dist(w, k); if (d < bd) { bd = d; best = k; } } });
    return bd <= most ? best : w;
  }
  // Search the full text. A query with a word the site does not use (or with
  // no hit) is corrected against the site's vocabulary and searched again;
  // the corrected results are shown when there are any.
  // → {m: manifest, hits, qs: the words searched, corrected: the corrected query or null}
  function fullText(q, exact) {
    var qs = queryWords(q);
    return manifest().then(function (m) {
      return rank(m, qs).then(function (r) {
        var plain = { m: m, hits: r.hits, qs: qs, corrected: null };
        if (exact || !qs.length || (r.hits.length && !r.unknown.length)) return plain;
        return vocabulary(m).then(function (v) {
          var fixed = qs.map(function (w) { return r.hits.length && r.unknown.indexOf(w) < 0 ? w : fixWord(w, v); });
          if (fixed.join(" ") === qs.join(" ")) return plain;
          return rank(m, fixed).then(function (r2) {
            return r2.hits.length ? { m: m, hits: r2.hits, qs: fixed, corrected: fixed.join(" ") } : plain;
          });
        }, function () { return plain; });
      });
    });
  }
  // A bundle of fragments: zlib-compressed JSON (first byte 0x78), or plain if a proxy inflated it.
  function bundle(url) {
    return get(url, "arrayBuffer").then(function (b) {
      return new Response(new Uint8Array(b)[0] === 0x78 ? new Blob([b]).stream().pipeThrough(new DecompressionStream("deflate")) : b).json();
    });
  }
  // Page p's fragment, from the bundle of consecutive pages that holds it.
  function fragment(m, p) {
    if (!m.starts) {
      m.starts = [];
      var at = 0;
      m.bundles.forEach(function (n) { m.starts.push(at); at += n; });
    }
    var lo = 0, hi = m.starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (m.starts[mid] <= p) lo = mid; else hi = mid - 1; }
    var first = m.starts[lo], url = versioned(m, "pages/" + first + ".bin");
    return memo(fragCache, url, function () { return bundle(url); }).then(function (b) { return b[p - first]; });
  }
  // Does a word of the text match a query word (itself, another ending, or a longer word it begins)?
  function matcher(qs) {
    var bases = qs.map(function (w) { var b = stem(w); return w.length >= 3 ? b : w; });
    return function (token) {
      return words(token).some(function (t) {
        return bases.some(function (b, i) { return qs[i].length < 3 ? t === b : t.lastIndexOf(b, 0) === 0; });
      });
    };
  }
  // ~22 words of text around the most query words, matches in <mark>.
  function excerpt(text, hit) {
    var ts = text.split(" "), best = 0, bestAt = 0, marks = ts.map(hit), i, c = 0, n = 22;
    for (i = 0; i < ts.length; i++) {
      if (marks[i]) c++;
      if (i >= n && marks[i - n]) c--;
      if (c > best) { best = c; bestAt = Math.max(0, i - n + 1); }
    }
    var from = Math.max(0, Math.min(bestAt - 3, ts.length - n)), to = Math.min(ts.length, from + n), out = [];
    for (i = from; i < to; i++) out.push(marks[i] ? "<mark>" + esc(ts[i]) + "</mark>" : esc(ts[i]));
    return { html: (from > 0 ? "… " : "") + out.join(" ") + (to < ts.length ? " …" : ""), hits: best };
  }
  // Whether title has every query word.
  function hasAll(title, qs) {
    return qs.every(function (w) { return words(title).some(matcher([w])); });
  }
  function fromFragment(d, qs) {
    var hit = matcher(qs), best = null, subs = [], inTitle = hasAll(d.t, qs) ? 2 : 0;
    d.s.forEach(function (s, i) {
      var x = excerpt(s[2], hit);
      if (!best || x.hits > best.hits) best = x;
      if (!inTitle && s[0] && s[1] && hasAll(s[1], qs)) inTitle = 1;
      var th = s[1].split(" ").filter(hit).length;
      if (s[0] && s[1] && (th || x.hits)) subs.push({ i: i, score: th * 5 + x.hits, url: d.u + "#" + s[0], title: s[1], note: x.hits ? x.html : "" });
    });
    subs.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return { url: d.u, title: d.t, kind: SINGULAR[d.k] || "page", note: best ? best.html : "", framework: d.f, subs: subs.slice(0, 3), inTitle: inTitle };
  }
  // Results from..from+n as shown. Among the first ones, a page whose title
  // has every query word, then one with a section title (a task, a heading)
  // that has them all, moves up (the postings cannot tell that the words
  // are in the same title).
  function load(f, hits, from, n) {
    return Promise.all(hits.slice(from, from + n).map(function (p) {
      return fragment(f.m, p).then(function (d) { return fromFragment(d, f.qs); });
    })).then(function (items) {
      if (from > 0) return items;
      return items.map(function (x, i) { return [x, i]; }).sort(function (a, b) { return b[0].inTitle - a[0].inTitle || a[1] - b[1]; }).map(function (a) { return a[0]; });
    });
  }
  // The facet table: per page its kind, framework set and market set.
  function facetTable() {
    return memo(once, "f", function () {
      return manifest().then(function (m) { return get(versioned(m, m.facets), "json"); }).then(function (t) {
        // Per facet: the sets of values (indices into t[facet]) and each page's set.
        var all = t.market.map(function (_, i) { return i; });
        t.sets = { kind: t.kind.map(function (_, i) { return [i]; }), framework: t.fsets, market: t.msets.map(function (s) { return s === "*" ? all : s.not ? all.filter(function (i) { return s.not.indexOf(i) < 0; }) : s; }) };
        t.of = { kind: [], framework: [], market: [] };
        for (var r = t.runs, j = 0; j < r.length; j += 4) for (var i = 0; i < r[j]; i++) { t.of.kind.push(r[j + 1]); t.of.framework.push(r[j + 2]); t.of.market.push(r[j + 3]); }
        t.all = {};
        FACETS.forEach(function (f) { var o = t.all[f[0]] = {}; t[f[0]].forEach(function (v) { o[v] = 1; }); });
        return t;
      });
    });
  }
  // Hits that pass the chosen filters (any value within a facet, every
  // facet), and per facet the hits of each value among those passing the others.
  function facetsOf(t, hits, chosen) {
    var want = FACETS.map(function (x) { var c = chosen[x[0]] || []; return c.length ? c.map(function (v) { return t[x[0]].indexOf(v); }) : null; });
    var shown = [], per = FACETS.map(function () { return {}; }), counts = {};
    hits.forEach(function (p) {
      var sets = FACETS.map(function (x) { return t.of[x[0]][p]; });
      var ok = sets.map(function (s, i) { return !want[i] || t.sets[FACETS[i][0]][s].some(function (v) { return want[i].indexOf(v) >= 0; }); });
      if (ok.every(Boolean)) shown.push(p);
      ok.forEach(function (_, i) { if (ok.every(function (o, j) { return o || j === i; })) per[i][sets[i]] = (per[i][sets[i]] || 0) + 1; });
    });
    FACETS.forEach(function (x, i) {
      var f = x[0], c = counts[f] = {};
      Object.keys(per[i]).forEach(function (s) { t.sets[f][s].forEach(function (v) { c[t[f][v]] = (c[t[f][v]] || 0) + per[i][s]; }); });
    });
    return { shown: shown, counts: counts };
  }

  // ---- The drop-down under the header box ----
  var selected = -1, seq = 0, inflight = false;
  function close() {
    if (!panel) return;
    seq++; // a search still in flight must not reopen the panel
    inflight = false;
    panel.hidden = true;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
    selected = -1;
  }
  function option(r, i, q) {
    return '<a role="option" aria-selected="false" id="sr-' + i + '" href="' + esc(href(r.url)) + '"><span class="kind">' + esc(tr("js-kind-" + r.kind, r.kind)) + "</span>" + highlight(r.title, q) + '<span class="note">' + r.note + "</span></a>";
  }
  function show(q, items, total, msg, source) {
    inflight = false;
    panel.setAttribute("data-source", source);
    panel.setAttribute("data-query", box.value);
    selected = -1;
    box.removeAttribute("aria-activedescendant");
    var html = items.map(function (r, i) { return option(r, i, q); }).join("");
    if (items.length) html += '<a role="option" aria-selected="false" id="sr-all" class="all" href="' + esc(href("search/?q=" + encodeURIComponent(box.value))) + '">' + esc(tr("js-all-results", "All {n} results for “{q}” →", { n: total, q: box.value })) + "</a>";
    list.innerHTML = html;
    if (note) note.textContent = msg;
    panel.hidden = false;
    box.setAttribute("aria-expanded", "true");
  }
  // Title matches from search-index.js (file://, or when the full text cannot load).
  function renderTitles(q, my, extra) {
    titles().then(function () {
      if (my !== seq) return;
      var t = titleSearch(q);
      var msg = t.corrected ? showing(t.corrected) : "";
      if (!t.results.length) msg += (msg ? " " : "") + tr("js-no-titles", "No page titles match “{q}”.", { q: q });
      msg += (msg ? " " : "") + extra;
      show(t.corrected || q, t.results.slice(0, 8), t.results.length, msg, "titles");
    });
  }
  function render(q) {
    if (!panel) return;
    if (!q.trim()) { close(); return; }
    var my = ++seq;
    inflight = true;
    if (offline()) { renderTitles(q, my, OFFLINE); return; }
    fullText(q).then(function (f) {
      return load(f, f.hits, 0, 8).then(function (items) {
        if (my !== seq) return;
        var m = f.corrected ? showing(f.corrected) : "";
        if (!items.length) m = tr("js-nothing-matches", "Nothing matches “{q}”.", { q: q });
        show(f.corrected || q, items, f.hits.length, m, "full-text");
      });
    }).catch(function () {
      if (my === seq) renderTitles(q, my, tr("js-fulltext-failed", "Full-text search could not load; showing title matches."));
    });
  }
  function move(d) {
    var links = list.querySelectorAll("a");
    if (!links.length) return;
    selected = (selected + d + links.length) % links.length;
    links.forEach(function (a, i) { a.setAttribute("aria-selected", String(i === selected)); });
    box.setAttribute("aria-activedescendant", links[selected].id);
    links[selected].scrollIntoView({ block: "nearest" });
  }
  if (box && panel) {
    box.addEventListener("input", function () { render(box.value); });
    box.addEventListener("focus", function () {
      if (offline()) titles();
      if (box.value.trim()) render(box.value);
    });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); if (panel.hidden) render(box.value); move(1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); move(-1); }
      else if (ev.key === "Enter" && selected >= 0 && !panel.hidden) { ev.preventDefault(); list.querySelectorAll("a")[selected].click(); }
      else if (ev.key === "Escape") { ev.preventDefault(); if (!panel.hidden || inflight) close(); else box.blur(); }
    });
    document.addEventListener("click", function (ev) { if (!panel.contains(ev.target) && ev.target !== box) close(); });
  }
  document.addEventListener("keydown", function (ev) {
    var t = ev.target, tag = t.tagName;
    if (ev.key === "/" && box && tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT" && !t.isContentEditable && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      box.focus();
      box.select();
    }
  });

  // ---- The search page: /search/?q=…&kind=…&framework=…&market=… ----
  var pageBox = document.getElementById("search-page-box");
  if (!pageBox) return;
  var results = document.querySelector(".search-page-results");
  var status = document.querySelector(".search-status");
  var filterBox = document.querySelector(".search-filters");
  var more = document.querySelector(".search-more");
  var chosen = {}, all = null, pageSeq = 0;
  function readUrl() {
    var p = new URLSearchParams(location.search);
    FACETS.forEach(function (f) { chosen[f[0]] = p.getAll(f[0]); });
    return p.get("q") || "";
  }
  function writeUrl(q) {
    var p = new URLSearchParams();
    if (q) p.set("q", q);
    FACETS.forEach(function (f) { chosen[f[0]].forEach(function (v) { p.append(f[0], v); }); });
    var s = p.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
  }
  // counts: {facet: {value: n}}; every value the site has is listed, those with no hit only when chosen.
  function drawFilters(counts, q) {
    if (!filterBox) return;
    var html = "";
    FACETS.forEach(function (f) {
      var c = counts[f[0]] || {}, names = Object.keys((all && all[f[0]]) || c).sort();
      var items = names.filter(function (v) { return c[v] || chosen[f[0]].indexOf(v) >= 0; });
      if (!items.length) return;
      html += '<fieldset class="facet"><legend>' + f[1] + "</legend>";
      items.forEach(function (v) {
        var on = chosen[f[0]].indexOf(v) >= 0;
        html += '<label><input type="checkbox" name="' + f[0] + '" value="' + esc(v) + '"' + (on ? " checked" : "") + "> " + esc(v) + ' <span class="count">' + (c[v] || 0) + "</span></label>";
      });
      html += "</fieldset>";
    });
    filterBox.innerHTML = html;
    filterBox.hidden = !q || !html;
  }
  function item(r, q) {
    var subs = r.subs.map(function (s) {
      return '<li><a href="' + esc(href(s.url)) + '">' + highlight(s.title, q) + "</a>" + (s.note ? '<span class="excerpt">' + s.note + "</span>" : "") + "</li>";
    }).join("");
    return '<li class="result"><a class="result-title" href="' + esc(href(r.url)) + '">' + highlight(r.title, q) + '</a> <span class="kind-badge">' + esc(tr("js-kind-" + r.kind, r.kind)) + "</span>" +
      (r.framework ? ' <span class="muted result-context">' + esc(r.framework) + "</span>" : "") +
      (subs ? '<ul class="sub-results">' + subs + "</ul>" : r.note ? '<p class="excerpt">' + r.note + "</p>" : "") + "</li>";
  }
  function say(q, n, fix) {
    var msg = fix ? showing(fix) + " " : "";
    msg += n ? tr("js-results", ["{n} result.", "{n} results."], { n: n }) : tr("js-no-results", "0 results for “{q}”.", { q: q });
    if (offline()) msg += " " + OFFLINE;
    status.textContent = msg;
    if (fix) {
      var a = document.createElement("a");
      a.href = "?q=" + encodeURIComponent(q);
      a.className = "search-instead";
      a.textContent = tr("js-search-instead", "Search instead for “{q}”", { q: q });
      a.addEventListener("click", function (ev) { ev.preventDefault(); pageBox.value = q; run(q, true); });
      status.appendChild(document.createTextNode(" "));
      status.appendChild(a);
    }
  }
  // Offline: the title index, filtered by kind only.
  function runTitles(q) {
    var t = titleSearch(q), counts = { kind: {} };
    t.results.forEach(function (r) { var k = KINDS[r.kind]; counts.kind[k] = (counts.kind[k] || 0) + 1; });
    var shown = t.results.filter(function (r) { return !chosen.kind.length || chosen.kind.indexOf(KINDS[r.kind]) >= 0; });
    drawFilters(counts, q);
    say(q, shown.length, t.corrected);
    results.innerHTML = shown.slice(0, 100).map(function (r) { return item(r, t.corrected || q); }).join("");
    results.setAttribute("data-source", "titles");
    if (more) more.hidden = true;
  }
  function run(q, exact) {
    var my = ++pageSeq;
    results.removeAttribute("data-source");
    writeUrl(q);
    if (!q.trim()) { results.innerHTML = ""; status.textContent = ""; drawFilters({}, q); if (more) more.hidden = true; return; }
    if (offline()) { titles().then(function () { if (my === pageSeq) runTitles(q); }); return; }
    Promise.all([facetTable(), fullText(q, exact)]).then(function (x) {
      var t = x[0], f = x[1], shown = 0;
      if (my !== pageSeq) return;
      all = t.all;
      var r = facetsOf(t, f.hits, chosen), hq = f.corrected || q;
      drawFilters(r.counts, q);
      say(q, r.shown.length, f.corrected);
      results.innerHTML = "";
      function page20() {
        return load(f, r.shown, shown, 20).then(function (items) {
          if (my !== pageSeq) return;
          results.insertAdjacentHTML("beforeend", items.map(function (it) { return item(it, hq); }).join(""));
          results.setAttribute("data-source", "full-text");
          shown += items.length;
          if (more) {
            more.hidden = shown >= r.shown.length;
            more.onclick = page20;
          }
        });
      }
      return page20();
    }).catch(function () { if (my === pageSeq) titles().then(function () { if (my === pageSeq) runTitles(q); }); });
  }
  var q0 = readUrl();
  pageBox.value = q0;
  run(q0);
  var timer = 0;
  pageBox.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(pageBox.value); }, 120); });
  pageBox.form.addEventListener("submit", function (ev) { ev.preventDefault(); clearTimeout(timer); run(pageBox.value); });
  if (filterBox) filterBox.addEventListener("change", function (ev) {
    var c = ev.target, list = chosen[c.name];
    if (!list) return;
    var i = list.indexOf(c.value);
    if (c.checked && i < 0) list.push(c.value);
    if (!c.checked && i >= 0) list.splice(i, 1);
    run(pageBox.value);
  });
})();
