// The learning path's pages. A level's self-assessment: as rubric lines are
// ticked, each part's score (points ticked / the part's points × its weight)
// and the total are filled in; answers and ticks are kept in this browser.
// Without JavaScript the page is a rubric to score by hand (the blanks in the
// score table are for a pen). The portfolio: a button copies a template.
// Works from file:// (no fetch, no modules).
(function () {
  "use strict";
  var box = document.querySelector("[data-assessment]");
  if (box) assessment(box);
  document.querySelectorAll("button[data-copy]").forEach(copyButton);

  function assessment(box) {
    var key = "playbook-assessment-" + box.getAttribute("data-assessment");
    var ticks = box.querySelectorAll("input[type=checkbox][data-part]");
    var answers = box.querySelectorAll("textarea[data-answer]");
    var rows = box.querySelectorAll("tr[data-part]");
    var summary = box.querySelector("[data-score-summary]");
    var state = {};
    try { state = JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { state = {}; }
    state.ticks = state.ticks || {};
    state.answers = state.answers || {};
    ticks.forEach(function (b) { if (state.ticks[b.id]) b.checked = true; });
    answers.forEach(function (t) { if (state.answers[t.id]) t.value = state.answers[t.id]; });
    function save() {
      try { localStorage.setItem(key, JSON.stringify(state)); } catch (e) {}
    }
    function round(x) { return Math.round(x * 10) / 10; }
    function update() {
      var total = 0, ticked = 0;
      rows.forEach(function (row) {
        var part = row.getAttribute("data-part");
        var weight = Number(row.getAttribute("data-weight"));
        var points = Number(row.getAttribute("data-points"));
        var got = 0;
        ticks.forEach(function (b) {
          if (b.checked && b.getAttribute("data-part") === part) got += Number(b.getAttribute("data-points"));
        });
        var score = points > 0 ? got / points * weight : 0;
        total += score; ticked += got;
        row.querySelector("[data-ticked]").textContent = got;
        row.querySelector("[data-score]").textContent = round(score);
      });
      box.querySelector("[data-total]").textContent = round(total);
      summary.textContent = ticked === 0
        ? "Tick the rubric lines your answers meet to see your score."
        : "Your score: " + round(total) + " of 100.";
      summary.hidden = false;
    }
    ticks.forEach(function (b) {
      b.addEventListener("change", function () {
        if (b.checked) state.ticks[b.id] = true; else delete state.ticks[b.id];
        save(); update();
      });
    });
    answers.forEach(function (t) {
      t.addEventListener("input", function () {
        if (t.value) state.answers[t.id] = t.value; else delete state.answers[t.id];
        save();
      });
    });
    var actions = box.querySelector("[data-assessment-actions]");
    if (actions) {
      actions.hidden = false;
      actions.querySelector("[data-assessment-reset]").addEventListener("click", function () {
        if (!window.confirm("Clear your answers and ticks for this level?")) return;
        state = { ticks: {}, answers: {} };
        try { localStorage.removeItem(key); } catch (e) {}
        ticks.forEach(function (b) { b.checked = false; });
        answers.forEach(function (t) { t.value = ""; });
        update();
      });
    }
    update();
  }

  function copyButton(button) {
    var pre = document.getElementById(button.getAttribute("data-copy"));
    if (!pre) return;
    var status = button.parentNode.querySelector(".copy-status");
    function done(ok) {
      if (status) status.textContent = ok ? "Copied." : "Select the text and copy it.";
    }
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(pre);
      var sel = window.getSelection();
      sel.removeAllRanges(); sel.addRange(range);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) {}
      done(ok);
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = pre.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
      } else {
        fallback();
      }
    });
  }
})();
