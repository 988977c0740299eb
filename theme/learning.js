// The learning path's pages. An assessment (a level's self-assessment, or
// the combined one with every level's questions): as rubric lines are
// ticked, each part's score (points ticked / its points × its weight) and
// the total are filled in; on the combined page also each level's column
// and its own self-assessment score, and the band the total falls in.
// Answers and ticks are kept in this browser, in one store for the whole
// path keyed by question (<level>-q<n>), so a level's page and the
// combined page show the same. Without JavaScript the page is a rubric
// scored by hand (the blanks are for a pen). The portfolio: a button
// copies a template. Works from file://.
(function () {
  "use strict";
  // The edition's words: search.js's tr() (it reads the page's
  // script[data-ui-strings]), or English where search.js is not loaded.
  var tr = window.playbookTr || function (k, en, a) {
    if (Array.isArray(en)) en = en[+(a && a.n) === 1 ? 0 : 1];
    return a ? en.replace(/\{(\w+)\}/g, function (m, v) { return v in a ? String(a[v]) : m; }) : en;
  };
  var KEY = "playbook-learning";
  var box = document.querySelector("[data-assessment]");
  if (box) assess(box);
  document.querySelectorAll("button[data-copy]").forEach(copyButton);

  function load() {
    var s;
    try { s = JSON.parse(localStorage.getItem(KEY)); } catch (e) {}
    if (!s || typeof s !== "object") s = {};
    return { ticks: s.ticks || {}, answers: s.answers || {} };
  }

  function assess(box) {
    var answers = box.querySelectorAll("textarea[data-answer]");
    // A box is kept as <question>-r<n>; its part and level are its rubric's.
    var boxes = [];
    box.querySelectorAll(".rubric").forEach(function (f) {
      var q = f.closest(".question").id;
      f.querySelectorAll("input[data-points]").forEach(function (b, i) {
        boxes.push({ input: b, key: q + "-r" + (i + 1), part: f.dataset.part, level: f.dataset.level });
      });
    });
    var combined = box.getAttribute("data-assessment") === "combined";
    var state = load();
    function save() {
      // Another page of the path may have saved since: merge into the newest.
      var s = load();
      boxes.forEach(function (b) { if (b.input.checked) s.ticks[b.key] = true; else delete s.ticks[b.key]; });
      answers.forEach(function (t) { if (t.value) s.answers[t.id] = t.value; else delete s.answers[t.id]; });
      try { localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) {}
    }
    function r1(x) { return Math.round(x * 10) / 10; }
    function got(part, level) {
      var n = 0;
      boxes.forEach(function (b) {
        if (b.input.checked && b.part === part && (!level || b.level === level)) n += +b.input.dataset.points;
      });
      return n;
    }
    function update() {
      var total = 0, any = false, levels = {};
      box.querySelectorAll("tr[data-part]").forEach(function (row) {
        var part = row.dataset.part, weight = +row.dataset.weight, points = +row.dataset.points;
        var g = got(part), score = points ? g / points * weight : 0;
        total += score; any = any || g > 0;
        row.querySelector("[data-ticked]").textContent = g;
        row.querySelector("[data-score]").textContent = r1(score);
        row.querySelectorAll("[data-cell]").forEach(function (cell) {
          var level = cell.dataset.level, cp = +cell.dataset.points, cg = got(part, level);
          cell.querySelector("[data-cell-ticked]").textContent = cg;
          levels[level] = (levels[level] || 0) + (cp ? cg / cp * weight : 0);
        });
      });
      box.querySelectorAll("[data-level-score]").forEach(function (o) {
        o.textContent = r1(levels[o.dataset.levelScore] || 0);
      });
      box.querySelector("[data-total]").textContent = r1(total);
      var band = null;
      box.querySelectorAll("[data-band-from]").forEach(function (li) {
        var hit = any && !band && r1(total) >= +li.dataset.bandFrom;
        if (hit) band = li;
        li.classList.toggle("is-current", hit);
        if (hit) li.setAttribute("aria-current", "true"); else li.removeAttribute("aria-current");
      });
      var s = box.querySelector("[data-score-summary]");
      s.textContent = !any ? tr("js-tick-to-score", "Tick the rubric lines your answers meet to see your score.")
        : tr("js-your-score", "Your score: {score} of 100.", { score: r1(total) }) + (band ? " " + band.dataset.bandTitle + "." : "");
      s.hidden = false;
    }
    boxes.forEach(function (b) {
      b.input.checked = !!state.ticks[b.key];
      b.input.addEventListener("change", function () { save(); update(); });
    });
    answers.forEach(function (t) {
      t.value = state.answers[t.id] || "";
      t.addEventListener("input", save);
    });
    var actions = box.querySelector("[data-assessment-actions]");
    actions.hidden = false;
    actions.querySelector("button").addEventListener("click", function () {
      var ask = combined ? tr("js-clear-all-confirm", "Clear all your answers and ticks, on every level's page too?") : tr("js-clear-level-confirm", "Clear your answers and ticks for this level?");
      if (!window.confirm(ask)) return;
      boxes.forEach(function (b) { b.input.checked = false; });
      answers.forEach(function (t) { t.value = ""; });
      if (combined) { try { localStorage.removeItem(KEY); } catch (e) {} }
      save();
      update();
    });
    update();
  }

  function copyButton(b) {
    var pre = document.getElementById(b.dataset.copy), status = b.parentNode.querySelector(".copy-status");
    if (!pre) return;
    function done(ok) { status.textContent = ok ? tr("js-copied", "Copied.") : tr("js-copy-failed", "Select the text and copy it."); }
    function select() {
      var range = document.createRange(), sel = window.getSelection();
      range.selectNodeContents(pre); sel.removeAllRanges(); sel.addRange(range);
      try { done(document.execCommand("copy")); } catch (e) { done(false); }
    }
    b.hidden = false;
    b.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(pre.textContent).then(function () { done(true); }, select);
      else select();
    });
  }
})();
