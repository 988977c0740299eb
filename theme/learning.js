// The learning path's pages. A level's self-assessment: as rubric lines are
// ticked, each part's score (points ticked / its points × its weight) and
// the total are filled in; answers and ticks are kept in this browser.
// Without JavaScript the page is a rubric scored by hand (the blanks are
// for a pen). The portfolio: a button copies a template. Works from file://.
(function () {
  "use strict";
  var box = document.querySelector("[data-assessment]");
  if (box) assess(box);
  document.querySelectorAll("button[data-copy]").forEach(copyButton);

  function assess(box) {
    var key = "playbook-assessment-" + box.getAttribute("data-assessment");
    var ticks = box.querySelectorAll("input[data-part]"), answers = box.querySelectorAll("textarea[data-answer]");
    var state;
    try { state = JSON.parse(localStorage.getItem(key)); } catch (e) {}
    state = state || { ticks: {}, answers: {} };
    function save() { try { localStorage.setItem(key, JSON.stringify(state)); } catch (e) {} }
    function r1(x) { return Math.round(x * 10) / 10; }
    function update() {
      var total = 0, any = false;
      box.querySelectorAll("tr[data-part]").forEach(function (row) {
        var got = 0, points = +row.dataset.points;
        ticks.forEach(function (b) { if (b.checked && b.dataset.part === row.dataset.part) got += +b.dataset.points; });
        var score = points ? got / points * row.dataset.weight : 0;
        total += score; any = any || got > 0;
        row.querySelector("[data-ticked]").textContent = got;
        row.querySelector("[data-score]").textContent = r1(score);
      });
      box.querySelector("[data-total]").textContent = r1(total);
      var s = box.querySelector("[data-score-summary]");
      s.textContent = any ? "Your score: " + r1(total) + " of 100." : "Tick the rubric lines your answers meet to see your score.";
      s.hidden = false;
    }
    ticks.forEach(function (b) {
      b.checked = !!state.ticks[b.id];
      b.addEventListener("change", function () { state.ticks[b.id] = b.checked; save(); update(); });
    });
    answers.forEach(function (t) {
      t.value = state.answers[t.id] || "";
      t.addEventListener("input", function () { state.answers[t.id] = t.value; save(); });
    });
    var actions = box.querySelector("[data-assessment-actions]");
    actions.hidden = false;
    actions.querySelector("button").addEventListener("click", function () {
      if (!window.confirm("Clear your answers and ticks for this level?")) return;
      state = { ticks: {}, answers: {} };
      try { localStorage.removeItem(key); } catch (e) {}
      ticks.forEach(function (b) { b.checked = false; });
      answers.forEach(function (t) { t.value = ""; });
      update();
    });
    update();
  }

  function copyButton(b) {
    var pre = document.getElementById(b.dataset.copy), status = b.parentNode.querySelector(".copy-status");
    if (!pre) return;
    function done(ok) { status.textContent = ok ? "Copied." : "Select the text and copy it."; }
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
