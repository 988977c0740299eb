// Playbook search: "/" focuses the box; arrows + Enter open a result; Esc closes.
// Two layers: the title index in search-index.js (a plain script, so it works
// from file:// too) answers at once; on a served site, Pagefind's full-text
// index (pagefind/, fetched on the first search) adds snippets, sections and
// the search page's filters. Typos are corrected against the title index's
// vocabulary, for both layers.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  var panel = list && list.parentNode;
  var note = panel && panel.querySelector(".search-note");
  // Pages rank above tasks, hubs above leaves, when their titles match alike.
  var KIND = { framework: 4, component: 4, step: 3, market: 3, regulation: 3, chapter: 2, expert: 2, research: 1, metric: 1, task: 0 };
  // Title-index kinds → the full-text index's kind filter values.
  var KINDS = { framework: "Frameworks", component: "Components", step: "Steps", task: "Steps", metric: "Metrics", market: "Markets", regulation: "Regulations", expert: "Experts", research: "Research", chapter: "Story chapters" };
  var SINGULAR = { Frameworks: "framework", Components: "component", Steps: "step", Metrics: "metric", Markets: "market", Regulations: "regulation", Experts: "expert", Research: "research", "Story chapters": "chapter" };
  var STOP = { a: 1, an: 1, and: 1, "for": 1, "in": 1, of: 1, on: 1, or: 1, the: 1, to: 1, with: 1 };
  var OFFLINE = "Opened from disk: titles only; full-text search needs the site served (playbook serve).";
  function index() { return window.PLAYBOOK_INDEX || []; }
  function norm(s) { return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
  function words(s) { return norm(s).split(/[^a-z0-9]+/).filter(Boolean); }
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
    words(q).forEach(function (w) {
      if (w.length < 2 || STOP[w]) return;
      h = h.replace(new RegExp("(" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")(?![^<]*>)", "ig"), "<mark>$1</mark>");
    });
    return h;
  }
  function href(url) { return root + url; }
  function offline() { return location.protocol === "file:"; }
  function page(url) { return url.split("#")[0]; }

  // ---- Full text: Pagefind, loaded on the first search of a served site ----
  var pf = null;
  function siteUrl(p) { return new URL(root + p, location.href); }
  function pagefind() {
    if (!pf) {
      pf = offline() ? Promise.reject(new Error("file://")) : import(siteUrl("pagefind/pagefind.js").href).then(function (m) {
        // Main thread (no worker script to download); URLs under the site's own root.
        return m.options({ basePath: siteUrl("pagefind/").pathname, baseUrl: siteUrl("").pathname, noWorker: true, excerptLength: 22 }).then(function () { return m; });
      });
      pf.catch(function () {});
    }
    return pf;
  }
  // Pagefind's URLs are absolute paths under the site root; make them relative like every link of the site.
  function local(u) {
    var base = siteUrl("").pathname;
    return u.lastIndexOf(base, 0) === 0 ? u.slice(base.length) : u.replace(/^\//, "");
  }
  function fromPagefind(d) {
    var kinds = (d.filters && d.filters.kind) || [];
    var url = local(d.url);
    return {
      url: url,
      title: (d.meta && d.meta.title) || url,
      kind: SINGULAR[kinds[0]] || "page",
      note: d.excerpt,
      framework: ((d.filters && d.filters.framework) || []).join(" · "),
      subs: (d.sub_results || []).filter(function (s) { return local(s.url) !== url && s.title; }).slice(0, 3).map(function (s) {
        return { url: local(s.url), title: s.title, note: s.excerpt };
      })
    };
  }
  // The site's own words (pagefind/playbook-words.json), fetched the first time a query needs correcting.
  var known = null;
  function vocabulary() {
    if (!known) {
      known = fetch(siteUrl("pagefind/playbook-words.json")).then(function (r) { return r.json(); }).then(function (ws) {
        var set = {};
        ws.forEach(function (w) { set[w] = 1; });
        return { set: set, list: ws };
      });
      known.catch(function () { known = null; });
    }
    return known;
  }
  // A word the site does not use becomes the nearest title word, else the nearest word of its text.
  function fixWord(w, v) {
    if (v.set[w] || w.length < 4 || STOP[w]) return w;
    var t = correct(w);
    if (t !== w) return t;
    if (v.list.some(function (k) { return k.lastIndexOf(w, 0) === 0; })) return w;
    var best = w, bd = 9;
    v.list.forEach(function (k) { var d = dist(w, k); if (d < bd) { bd = d; best = k; } });
    return bd <= (w.length > 6 ? 2 : 1) ? best : w;
  }
  // Search the full text. A query with a word the site does not use (or with
  // no hit) is corrected against the site's vocabulary and searched again;
  // the corrected results are shown when there are any. → {r, corrected}
  function fullText(q, filters) {
    return pagefind().then(function (m) {
      var opts = filters ? { filters: filters } : {};
      return m.search(q, opts).then(function (r) {
        if (r.results.length && !corrected(q)) return { r: r, corrected: null };
        return vocabulary().then(function (v) {
          var qs = words(q), fix = qs.map(function (w) { return fixWord(w, v); }).join(" ");
          if (fix === qs.join(" ")) return { r: r, corrected: null };
          return m.search(fix, opts).then(function (r2) {
            return r2.results.length ? { r: r2, corrected: fix } : { r: r, corrected: null };
          });
        }, function () { return { r: r, corrected: null }; });
      });
    });
  }
  function load(results, from, n) {
    return Promise.all(results.slice(from, from + n).map(function (x) { return x.data().then(fromPagefind); }));
  }

  // ---- The drop-down under the header box ----
  var selected = -1, seq = 0;
  function close() {
    if (!panel) return;
    panel.hidden = true;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
    selected = -1;
  }
  function option(r, i, q) {
    return '<a role="option" aria-selected="false" id="sr-' + i + '" href="' + esc(href(r.url)) + '"><span class="kind">' + esc(r.kind) + "</span>" + highlight(r.title, q) + '<span class="note">' + r.note + "</span></a>";
  }
  function show(q, items, total, msg, source) {
    panel.setAttribute("data-source", source);
    selected = -1;
    box.removeAttribute("aria-activedescendant");
    var html = items.map(function (r, i) { return option(r, i, q); }).join("");
    if (items.length) html += '<a role="option" aria-selected="false" id="sr-all" class="all" href="' + esc(href("search/?q=" + encodeURIComponent(box.value))) + '">All ' + total + " results for “" + esc(box.value) + "” →</a>";
    list.innerHTML = html;
    if (note) note.textContent = msg;
    panel.hidden = false;
    box.setAttribute("aria-expanded", "true");
  }
  function render(q) {
    if (!panel) return;
    if (!q.trim()) { close(); return; }
    var my = ++seq;
    var t = titleSearch(q), shownQ = t.corrected || q;
    var msg = t.corrected ? "Showing results for “" + t.corrected + "”." : "";
    if (!t.results.length) msg += (msg ? " " : "") + "No page titles match “" + q + "”.";
    if (offline()) msg += (msg ? " " : "") + OFFLINE;
    show(shownQ, t.results.slice(0, 8), t.results.length, msg, "titles");
    if (offline()) return;
    fullText(q).then(function (f) {
      return load(f.r.results, 0, 8).then(function (full) {
        if (my !== seq) return;
        // Titles that match every word first (at most three), then the full text.
        var items = t.results.filter(function (r) { return r.exact; }).slice(0, 3), seen = {};
        items.forEach(function (r) { seen[page(r.url)] = 1; });
        full.forEach(function (r) { if (!seen[page(r.url)] && items.length < 8) { seen[r.url] = 1; items.push(r); } });
        var fix = f.corrected || t.corrected;
        var m = fix ? "Showing results for “" + fix + "”." : "";
        if (!items.length) m = "Nothing matches “" + q + "”.";
        show(fix || q, items, Math.max(f.r.results.length, items.length), m, "full-text");
      });
    }).catch(function () {
      if (my === seq && note) note.textContent = (msg ? msg + " " : "") + "Full-text search could not load; showing title matches.";
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
    box.addEventListener("focus", function () { if (box.value.trim()) render(box.value); });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); if (panel.hidden) render(box.value); move(1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); move(-1); }
      else if (ev.key === "Enter" && selected >= 0 && !panel.hidden) { ev.preventDefault(); list.querySelectorAll("a")[selected].click(); }
      else if (ev.key === "Escape") { ev.preventDefault(); if (!panel.hidden) close(); else box.blur(); }
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
  var FACETS = [["kind", "Kind"], ["framework", "Framework"], ["market", "Market"]];
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
  function active() {
    var f = {}, any = false;
    FACETS.forEach(function (x) { if (chosen[x[0]].length) { f[x[0]] = { any: chosen[x[0]] }; any = true; } });
    return any ? f : null;
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
  // Pages whose title (or a task's) has every word of the query come first, in title order (at most three).
  function promote(items, q) {
    var top = [];
    titleSearch(q).results.filter(function (t) { return t.exact; }).slice(0, 3).forEach(function (t) {
      items.forEach(function (x) { if (x.url === page(t.url) && top.indexOf(x) < 0) top.push(x); });
    });
    return top.concat(items.filter(function (x) { return top.indexOf(x) < 0; }));
  }
  function item(r, q) {
    var subs = r.subs.map(function (s) {
      return '<li><a href="' + esc(href(s.url)) + '">' + highlight(s.title, q) + "</a>" + (s.note ? '<span class="excerpt">' + s.note + "</span>" : "") + "</li>";
    }).join("");
    return '<li class="result"><a class="result-title" href="' + esc(href(r.url)) + '">' + highlight(r.title, q) + '</a> <span class="kind-badge">' + esc(r.kind) + "</span>" +
      (r.framework ? ' <span class="muted result-context">' + esc(r.framework) + "</span>" : "") +
      (subs ? '<ul class="sub-results">' + subs + "</ul>" : r.note ? '<p class="excerpt">' + r.note + "</p>" : "") + "</li>";
  }
  function say(q, n, fix) {
    var msg = fix ? "Showing results for “" + fix + "”. " : "";
    msg += n + " result" + (n === 1 ? "" : "s") + (n ? "" : " for “" + q + "”") + ".";
    if (offline()) msg += " " + OFFLINE;
    status.textContent = msg;
    if (fix) {
      var a = document.createElement("a");
      a.href = "?q=" + encodeURIComponent(q);
      a.className = "search-instead";
      a.textContent = "Search instead for “" + q + "”";
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
    if (offline()) { runTitles(q); return; }
    // The filter values first: with them loaded, each search also counts its hits per value.
    (all ? Promise.resolve(all) : pagefind().then(function (m) { return m.filters(); })).then(function (a) {
      all = a;
      return exact ? pagefind().then(function (m) { return m.search(q, active() ? { filters: active() } : {}).then(function (r) { return { r: r, corrected: null }; }); }) : fullText(q, active());
    }).then(function (f) {
      var r = f.r, shown = 0;
      if (my !== pageSeq) return;
      var hq = f.corrected || q;
      drawFilters(r.filters || {}, q);
      say(q, r.results.length, f.corrected);
      results.innerHTML = "";
      function page20() {
        return load(r.results, shown, 20).then(function (items) {
          if (my !== pageSeq) return;
          if (!shown) items = promote(items, hq);
          results.insertAdjacentHTML("beforeend", items.map(function (it) { return item(it, hq); }).join(""));
          results.setAttribute("data-source", "full-text");
          shown += items.length;
          if (more) {
            more.hidden = shown >= r.results.length;
            more.onclick = page20;
          }
        });
      }
      return page20();
    }).catch(function () { if (my === pageSeq) runTitles(q); });
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
