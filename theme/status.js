// Playbook: the status page for today. Reads the launches' data written at
// build time (#status-data: done / total and open tasks by due date) and
// fills in overdue, next due and the state as "playbook status" decides them
// (src/status.rs): done, late, not started, at risk (due within the next
// data-soon days), on track; a launched market's work due by its launch day
// counts as closed once that day has come.
(function () {
  "use strict";
  // The status page's table (#status-table), or the home page's summary
  // (.launch-summary): both read the same data.
  // The edition's words: search.js's tr() (it reads the page's
  // script[data-ui-strings]), or English where search.js is not loaded.
  var tr = window.playbookTr || function (k, en, a) {
    if (Array.isArray(en)) en = en[+(a && a.n) === 1 ? 0 : 1];
    return a ? en.replace(/\{(\w+)\}/g, function (m, v) { return v in a ? String(a[v]) : m; }) : en;
  };
  var el = document.getElementById("status-data");
  var table = document.getElementById("status-table");
  var summary = document.querySelector(".launch-summary");
  if (!el || (!table && !summary)) return;
  var data;
  try { data = JSON.parse(el.textContent); } catch (e) { return; }
  var script = document.currentScript || document.querySelector("script[data-soon]");
  var soonDays = parseInt((script && script.dataset.soon) || "7", 10);
  var p2 = function (n) { return (n < 10 ? "0" : "") + n; };
  var iso = function (d) { return d.getFullYear() + "-" + p2(d.getMonth() + 1) + "-" + p2(d.getDate()); };
  var now = new Date();
  // ?as-of=YYYY-MM-DD shows another day (as "playbook status --as-of").
  var asked = /[?&]as-of=(\d{4}-\d{2}-\d{2})/.exec(window.location.search);
  var today = asked ? asked[1] : iso(now);
  var t = new Date(today + "T00:00:00");
  t.setDate(t.getDate() + soonDays);
  var soon = iso(t);
  var labels = { "done": tr("js-state-done", "Done"), "launched": tr("js-state-launched", "Launched"), "late": tr("js-state-late", "Late"), "not-started": tr("js-state-not-started", "Not started"), "at-risk": tr("js-state-at-risk", "At risk"), "on-track": tr("js-state-on-track", "On track") };
  var launchedCount = 0, overdueLaunches = 0, nextKickoff = null;
  data.forEach(function (l) {
    var row = table ? table.querySelector('tr[data-market="' + l.id + '"]') : null;
    var overdue = 0, next = null, nextCount = 0, done = l.done;
    // Launched: work due by the launch and not recorded was closed by it.
    var launched = l.launched !== null && l.launched <= today ? l.launched : null;
    l.open.forEach(function (o) {
      if (launched !== null && o[0] <= launched) done += o[1];
      else if (o[0] < today) overdue += o[1];
      else if (next === null) { next = o[0]; nextCount = o[1]; }
    });
    var state = l.total > 0 && done === l.total ? "done"
      : launched !== null ? "launched"
      : overdue > 0 ? "late"
      : today < l.kickoff ? "not-started"
      : next !== null && next <= soon ? "at-risk"
      : "on-track";
    if (launched !== null) launchedCount++;
    if (overdue > 0) overdueLaunches++;
    if (today < l.kickoff && (nextKickoff === null || l.kickoff < nextKickoff.kickoff)) nextKickoff = l;
    if (summary) {
      var s = summary.querySelector('[data-state-of="' + l.id + '"]');
      if (s) {
        s.textContent = labels[state] + (overdue > 0 ? " · " + tr("js-n-overdue", "{n} overdue", { n: overdue }) : "");
        s.className = "state state-" + state;
      }
    }
    if (!row) return;
    row.querySelector(".overdue").textContent = overdue === 0 ? tr("js-none", "none") : tr("js-tasks", ["{n} task", "{n} tasks"], { n: overdue });
    row.querySelector(".next").textContent = next === null ? "—" : tr("js-next-due", ["{date} ({n} task)", "{date} ({n} tasks)"], { n: nextCount, date: next });
    var cell = row.querySelector(".state");
    cell.textContent = labels[state];
    cell.className = "js-col state state-" + state;
    row.dataset.state = state;
  });
  // The home page's line: launched, the next kickoff, launches with overdue work.
  var line = summary && summary.querySelector("[data-launch-line]");
  if (line) {
    var parts = [tr("js-n-launched", "{n} launched", { n: launchedCount })];
    if (nextKickoff !== null) parts.push(tr("js-next-kickoff", "next kickoff: {name} on {date}", { name: nextKickoff.name, date: nextKickoff.kickoff }));
    parts.push(overdueLaunches === 0 ? tr("js-nothing-overdue", "nothing overdue") : tr("js-launches-overdue", ["{n} launch with overdue work", "{n} launches with overdue work"], { n: overdueLaunches }));
    line.textContent = parts.join(" · ");
  }
  var day = document.querySelector(".status-day");
  if (day) day.textContent = tr("js-on-day", "on {date}", { date: today });
  // The heat table: months before this one are past.
  var month = today.slice(0, 7);
  document.querySelectorAll(".chart.heat [data-key]").forEach(function (c) {
    var k = c.getAttribute("data-key");
    if (k < month) c.classList.add("past");
    if (k === month) c.classList.add("now");
  });
})();
