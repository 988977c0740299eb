// Playbook search: "/" focuses the box; arrows + Enter open a result; Esc closes.
// Uses the title index in search-index.js (works from file:// too), with
// typo tolerance by correcting query words against the index's vocabulary.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var box = document.getElementById("search-box");
  var panel = document.getElementById("search-results");
  function index() { return window.PLAYBOOK_INDEX || []; }
  function norm(s) { return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
  function words(s) { return norm(s).split(/[^a-z0-9]+/).filter(Boolean); }
  var vocab = null;
  function vocabulary() {
    if (vocab) return vocab;
    vocab = {};
    index().forEach(function (e) { words(e[1] + " " + e[3]).forEach(function (w) { vocab[w] = (vocab[w] || 0) + 1; }); });
    return vocab;
  }
  function dist(a, b) {
    if (Math.abs(a.length - b.length) > 2) return 9;
    var p = [], c = [], i, j;
    for (j = 0; j <= b.length; j++) p[j] = j;
    for (i = 1; i <= a.length; i++) {
      c = [i];
      for (j = 1; j <= b.length; j++) c[j] = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      p = c;
    }
    return p[b.length];
  }
  function correct(w) {
    var v = vocabulary();
    if (v[w] || w.length < 4) return w;
    var prefix = Object.keys(v).some(function (k) { return k.indexOf(w) === 0; });
    if (prefix) return w;
    var best = w, bd = 3;
    Object.keys(v).forEach(function (k) {
      var d = dist(w, k);
      if (d < bd || (d === bd && best !== w && v[k] > v[best])) { bd = d; best = k; }
    });
    return bd <= (w.length > 6 ? 2 : 1) ? best : w;
  }
  function search(q) {
    var qs = words(q);
    if (!qs.length) return { results: [], corrected: null };
    var fixed = qs.map(correct);
    var corrected = fixed.join(" ") !== qs.join(" ") ? fixed.join(" ") : null;
    var out = [];
    index().forEach(function (e) {
      var t = norm(e[1]), n = norm(e[3]), score = 0, all = true;
      fixed.forEach(function (w) {
        var tw = words(e[1]);
        if (tw.indexOf(w) >= 0) score += 10;
        else if (tw.some(function (x) { return x.indexOf(w) === 0; })) score += 6;
        else if (t.indexOf(w) >= 0) score += 4;
        else if (n.indexOf(w) >= 0) score += 1;
        else all = false;
      });
      if (!all) return;
      if (t === norm(q)) score += 20;
      if (e[0] !== "task") score += 2;
      out.push({ e: e, score: score - t.length / 100 });
    });
    out.sort(function (a, b) { return b.score - a.score; });
    return { results: out.map(function (x) { return x.e; }), corrected: corrected };
  }
  function esc(s) { return s.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }
  function highlight(text, q) {
    var h = esc(text);
    words(q).forEach(function (w) {
      if (w.length < 2) return;
      h = h.replace(new RegExp("(" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "ig"), "<mark>$1</mark>");
    });
    return h;
  }
  function href(url) { return root + url; }
  var selected = -1;
  function render(q) {
    if (!panel) return;
    var r = search(q), items = r.results.slice(0, 8);
    selected = -1;
    if (!q.trim()) { panel.hidden = true; box.setAttribute("aria-expanded", "false"); return; }
    var html = "";
    if (r.corrected) html += '<p class="note" style="padding:.3rem .75rem;margin:0">Showing results for <strong>' + esc(r.corrected) + "</strong></p>";
    items.forEach(function (e, i) {
      html += '<a role="option" id="sr-' + i + '" href="' + esc(href(e[2])) + '"><span class="kind">' + esc(e[0]) + "</span>" + highlight(e[1], r.corrected || q) + '<span class="note">' + esc(e[3]) + "</span></a>";
    });
    if (!items.length) html += '<p class="note" style="padding:.3rem .75rem;margin:0">No titles match. Press Enter to search the whole playbook.</p>';
    else html += '<a role="option" href="' + esc(href("search/?q=" + encodeURIComponent(q))) + '"><span class="note">All results for “' + esc(q) + "” →</span></a>";
    if (location.protocol === "file:") html += '<p class="note" style="padding:.3rem .75rem;margin:0">Opened from disk: titles and headings only; full-text search needs the site served.</p>';
    panel.innerHTML = html;
    panel.hidden = false;
    box.setAttribute("aria-expanded", "true");
  }
  function move(d) {
    var links = panel.querySelectorAll("a");
    if (!links.length) return;
    selected = (selected + d + links.length) % links.length;
    links.forEach(function (a, i) { a.setAttribute("aria-selected", String(i === selected)); });
    box.setAttribute("aria-activedescendant", links[selected].id || "");
    links[selected].scrollIntoView({ block: "nearest" });
  }
  if (box && panel) {
    box.addEventListener("input", function () { render(box.value); });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); move(1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); move(-1); }
      else if (ev.key === "Enter" && selected >= 0) { ev.preventDefault(); panel.querySelectorAll("a")[selected].click(); }
      else if (ev.key === "Escape") { panel.hidden = true; box.setAttribute("aria-expanded", "false"); box.blur(); }
    });
    document.addEventListener("click", function (ev) { if (!panel.contains(ev.target) && ev.target !== box) panel.hidden = true; });
  }
  document.addEventListener("keydown", function (ev) {
    var t = ev.target.tagName;
    if (ev.key === "/" && t !== "INPUT" && t !== "TEXTAREA" && !ev.ctrlKey && !ev.metaKey && box) { ev.preventDefault(); box.focus(); box.select(); }
  });
  // The search page: ?q=… with kind filters and counts.
  var pageBox = document.getElementById("search-page-box");
  if (pageBox) {
    var list = document.querySelector(".search-page-results");
    var status = document.querySelector(".search-status");
    var filters = document.querySelector(".search-filters");
    var params = new URLSearchParams(location.search);
    var q = params.get("q") || "", kind = params.get("kind") || "";
    pageBox.value = q;
    var run = function () {
      var r = search(q), counts = {};
      r.results.forEach(function (e) { counts[e[0]] = (counts[e[0]] || 0) + 1; });
      var shown = r.results.filter(function (e) { return !kind || e[0] === kind; });
      if (filters) {
        var f = '<a href="?q=' + encodeURIComponent(q) + '"' + (kind ? "" : ' aria-current="true"') + ">All (" + r.results.length + ")</a>";
        Object.keys(counts).sort().forEach(function (k) {
          f += ' · <a href="?q=' + encodeURIComponent(q) + "&amp;kind=" + k + '"' + (kind === k ? ' aria-current="true"' : "") + ">" + esc(k) + " (" + counts[k] + ")</a>";
        });
        filters.innerHTML = f;
        filters.hidden = !q;
      }
      status.textContent = q ? (r.corrected ? "Showing results for “" + r.corrected + "”. " : "") + shown.length + " result" + (shown.length === 1 ? "" : "s") : "";
      list.innerHTML = shown.slice(0, 100).map(function (e) {
        return '<li><span class="kind-badge">' + esc(e[0]) + '</span><a href="' + esc(href(e[2])) + '">' + highlight(e[1], r.corrected || q) + '</a><br><span class="muted">' + esc(e[3]) + "</span></li>";
      }).join("");
    };
    run();
  }
})();
