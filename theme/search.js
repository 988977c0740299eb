// Playbook search: "/" focuses the box; arrows + Enter open a result; Esc closes.
// Uses the title index in search-index.js (works from file:// too), with
// typo tolerance by correcting query words against the index's vocabulary.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  var panel = list && list.parentNode;
  var note = panel && panel.querySelector(".search-note");
  // Pages rank above tasks, hubs above leaves, when their titles match alike.
  var KIND = { framework: 4, component: 4, step: 3, market: 3, regulation: 3, chapter: 2, expert: 2, research: 1, metric: 1, task: 0 };
  var STOP = { a: 1, an: 1, and: 1, "for": 1, "in": 1, of: 1, on: 1, or: 1, the: 1, to: 1, with: 1 };
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
  function search(q) {
    var qs = words(q);
    if (!qs.length) return { results: [], corrected: null };
    var fixed = qs.map(correct);
    var corrected = fixed.join(" ") !== qs.join(" ") ? fixed.join(" ") : null;
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
      out.push({ e: p.e, score: score - p.t.length / 100 });
    });
    out.sort(function (a, b) { return b.score - a.score; });
    return { results: out.map(function (x) { return x.e; }), corrected: corrected };
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
  var selected = -1;
  function close() {
    if (!panel) return;
    panel.hidden = true;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
    selected = -1;
  }
  function render(q) {
    if (!panel) return;
    selected = -1;
    box.removeAttribute("aria-activedescendant");
    if (!q.trim()) { close(); return; }
    var r = search(q), items = r.results.slice(0, 8), html = "", msg = "";
    if (r.corrected) msg = "Showing results for “" + r.corrected + "”.";
    if (!items.length) msg += (msg ? " " : "") + "No page titles match “" + q + "”.";
    if (offline()) msg += (msg ? " " : "") + "Opened from disk: titles and headings only; full-text search needs the site served.";
    items.forEach(function (e, i) {
      html += '<a role="option" aria-selected="false" id="sr-' + i + '" href="' + esc(href(e[2])) + '"><span class="kind">' + esc(e[0]) + "</span>" + highlight(e[1], r.corrected || q) + '<span class="note">' + esc(e[3]) + "</span></a>";
    });
    if (items.length) html += '<a role="option" aria-selected="false" id="sr-all" class="all" href="' + esc(href("search/?q=" + encodeURIComponent(q))) + '">All ' + r.results.length + " results for “" + esc(q) + "” →</a>";
    list.innerHTML = html;
    if (note) note.textContent = msg;
    panel.hidden = false;
    box.setAttribute("aria-expanded", "true");
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
  // The search page: ?q=… with kind filters and counts.
  var pageBox = document.getElementById("search-page-box");
  if (pageBox) {
    var results = document.querySelector(".search-page-results");
    var status = document.querySelector(".search-status");
    var filters = document.querySelector(".search-filters");
    var params = new URLSearchParams(location.search);
    var q = params.get("q") || "", kind = params.get("kind") || "";
    pageBox.value = q;
    var r = search(q), counts = {};
    r.results.forEach(function (e) { counts[e[0]] = (counts[e[0]] || 0) + 1; });
    var shown = r.results.filter(function (e) { return !kind || e[0] === kind; });
    if (filters) {
      var link = function (k, label, n) {
        var u = "?q=" + encodeURIComponent(q) + (k ? "&kind=" + encodeURIComponent(k) : "");
        return '<a href="' + esc(u) + '"' + (kind === k ? ' aria-current="page"' : "") + ">" + esc(label) + " <span>" + n + "</span></a>";
      };
      var f = link("", "All", r.results.length);
      Object.keys(counts).sort().forEach(function (k) { f += link(k, k, counts[k]); });
      filters.innerHTML = f;
      filters.hidden = !q || !r.results.length;
    }
    var msg = "";
    if (q) {
      if (r.corrected) msg += "Showing results for “" + r.corrected + "”. ";
      msg += shown.length + " result" + (shown.length === 1 ? "" : "s") + (shown.length ? "" : " for “" + q + "”") + ".";
      if (offline()) msg += " Opened from disk: titles and headings only; full-text search needs the site served.";
    }
    status.textContent = msg;
    results.innerHTML = shown.slice(0, 100).map(function (e) {
      return '<li><a href="' + esc(href(e[2])) + '">' + highlight(e[1], r.corrected || q) + '</a> <span class="kind-badge">' + esc(e[0]) + '</span><br><span class="muted">' + esc(e[3]) + "</span></li>";
    }).join("");
  }
})();
