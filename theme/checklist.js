// Playbook: lays out a big checklist in the browser from the shared task
// table (checklists/tasks.js → PLAYBOOK_TASKS) and the market's data.js
// (PLAYBOOK_CHECKLIST). The rows, their order, their scheduled dates and the
// critical path were worked out at build time by the checklist engine
// (src/checklist/, src/render/checklist_data.rs); this script only writes
// them as a checklist written out at build time has them
// (templates/checklist_macros.html rows + templates/checklist.html), and
// offers the JSON, CSV and Markdown downloads byte for byte as
// `playbook checklist --format json|csv|md` prints them (checklist/formats.rs;
// the browser tests compare them).
(function () {
  "use strict";
  var T = window.PLAYBOOK_TASKS, C = window.PLAYBOOK_CHECKLIST;
  var host = document.querySelector(".ck-dynamic");
  if (!host || !T || !C) return;
  var root = host.dataset.root || "";
  var pageTitle = host.dataset.title || "";
  var has = function (o, k) { return o !== null && o !== undefined && Object.prototype.hasOwnProperty.call(o, k); };

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  // The edition's words: search.js's tr() (it reads the page's
  // script[data-ui-strings]), or English where search.js is not loaded.
  var tr = window.playbookTr || function (k, en, a) {
    if (Array.isArray(en)) en = en[+(a && a.n) === 1 ? 0 : 1];
    return a ? en.replace(/\{(\w+)\}/g, function (m, v) { return v in a ? String(a[v]) : m; }) : en;
  };
  // Days from kickoff → YYYY-MM-DD (UTC arithmetic: no time zone moves a day).
  var k = C.kickoff.split("-").map(Number);
  var k0 = Date.UTC(k[0], k[1] - 1, k[2]);
  function day(off) { return new Date(k0 + off * 86400000).toISOString().slice(0, 10); }
  // Month headings in the page's language, as Rust wrote them (C.months: "2025-06" → "Juni 2025").
  function monthHeading(due) { return due === null ? C.spec.md.ongoing : C.months[due.slice(0, 7)] || due.slice(0, 7); }
  function taskId(p) { var t = T.tasks[p]; return t[2] !== null ? T.steps[t[0]][4] + "/" + t[2] : t[6]; }

  // The rows, in the order data.js gives them (date order).
  var rows = C.rows.map(function (x) {
    var p = x[0], t = T.tasks[p], step = T.steps[t[0]];
    var role = has(C.owners, p) ? C.owners[p] : t[4];
    var note = has(C.notes, p) ? C.notes[p] : null;
    return {
      pos: p,
      id: taskId(p),
      suffix: t[2],
      stepIdx: t[0],
      step: step,
      phase: T.phases[step[2]],
      activity: T.acts[t[1]],
      task: t[3],
      role: role,
      roleTitle: role !== null && has(T.roles, role) ? T.roles[role] : null,
      person: role !== null && has(C.team, role) ? C.team[role] : null,
      start: day(x[1]),
      due: x[2] === -1 ? null : day(x[2]),
      duration: has(C.durations, p) ? C.durations[p] : t[5],
      critical: x[3] === 1,
      reasons: x[4] === -1 ? [] : C.reasons[x[4]],
      also: (x[5] || []).map(function (q) {
        var o = T.tasks[q], st = T.steps[o[0]];
        return { id: taskId(q), framework: T.phases[st[2]][0], step: st[0], stepId: st[4], due: C.blocks[st[3]][1], url: st[1] + "#task-" + o[2] };
      }),
      waits: (x[6] || []).map(function (q) { return { id: taskId(q), title: T.tasks[q][3] }; }),
      note: note === null ? null : note[0],
      notePlain: note === null ? null : note[1],
    };
  });
  rows.forEach(function (r) {
    // Progress on any task a row stands for (same_as) is the row's, as in checklist/mod.rs.
    var d = null;
    [r.id].concat(r.also.map(function (a) { return a.id; })).some(function (id) {
      if (has(C.done, id)) d = C.done[id];
      return d !== null;
    });
    r.done = d === null ? null : { on: d[0], by: d[1], note: d[2] === undefined ? null : d[2] };
  });
  var skipped = (C.skipped || []).map(function (s) {
    var t = T.tasks[s[0]], st = T.steps[t[0]];
    return { id: taskId(s[0]), task: t[3], step: st[0], framework: T.phases[st[2]][0], reason: s[1] };
  });
  var end = C.end === null ? null : day(C.end);
  var days = C.end === null ? null : C.end + 1;

  // The table, one section per month of due dates (as templates/checklist.html).
  var running = esc(pageTitle) + " · " + tr("js-kickoff", "kickoff {date}", { date: esc(C.kickoff) }) + (C.lead === null ? "" : " · " + tr("js-lead", "lead {name}", { name: esc(C.lead) }));
  var html = [];
  var n = 0;
  for (var a = 0; a < rows.length; ) {
    var b = a, heading = monthHeading(rows[a].due);
    while (b < rows.length && monthHeading(rows[b].due) === heading) b++;
    n++;
    html.push('<section class="ck-phase" aria-labelledby="phase-' + n + '">\n<p class="running-head">' + running + "</p>\n" +
      '<h2 id="phase-' + n + '">' + (rows[a].due === null ? tr("js-month-ongoing", "Ongoing") : esc(heading)) + "</h2>\n" +
      '<table class="ck"><thead><tr class="running-row"><td colspan=3>' + running +
      '</td></tr><tr><th scope="col">' + tr("js-col-task", "Task") + '</th><th scope="col">' + tr("js-col-owner", "Owner") + '</th><th scope="col">' + tr("js-col-dates", "Dates") + "</th></tr></thead>\n" +
      groupsHtml(rows.slice(a, b)) + "</table>\n" +
      '<p class="signoff">' + tr("js-signed-off", "Signed off by ______________________ Date __________") + "</p>\n</section>\n");
    a = b;
  }
  if (skipped.length || C.entry_left_out > 0) {
    html.push('<section class="ck-na" aria-labelledby="not-applicable">\n<h2 id="not-applicable">' + tr("js-not-applicable", "Not applicable here") + "</h2>\n" +
      '<p class="muted">' + tr("js-not-applicable-lead", "Tasks of the playbook this checklist leaves out, and why.") + "</p>\n<ul>" +
      skipped.map(function (s) {
        return '<li data-id="' + esc(s.id) + '"><strong>' + esc(s.task) + '</strong> <span class="muted">' + esc(s.framework) + " › " + esc(s.step) + "</span> — " + esc(s.reason) + "</li>";
      }).join("") +
      (C.entry_left_out > 0 ? "<li>" + tr("js-entry-left-out", ["{n} market-entry task: {name} is the home market.", "{n} market-entry tasks: {name} is the home market."], { n: C.entry_left_out, name: esc(C.name) }) + "</li>" : "") +
      "</ul>\n</section>\n");
  }
  host.innerHTML = html.join("");

  function dates(r) {
    if (r.due === null) return tr("js-from", "from {date}", { date: esc(r.start) });
    return esc(r.start === r.due ? r.due : r.start + " – " + r.due);
  }
  // One <tbody> per run of a step's rows, headed by the step and its last due date.
  function groupsHtml(rs) {
    var out = "";
    for (var i = 0; i < rs.length; ) {
      var j = i, last = rs[i].due;
      while (j < rs.length && rs[j].stepIdx === rs[i].stepIdx) {
        last = last === null || rs[j].due === null ? null : (rs[j].due > last ? rs[j].due : last);
        j++;
      }
      out += '\n<tbody><tr><th colspan=2 scope=rowgroup><a href="' + esc(root + rs[i].step[1]) + '">' + esc(rs[i].step[0]) +
        "</a><td>" + (last === null ? tr("js-ongoing", "ongoing") : last) + rs.slice(i, j).map(rowHtml).join("");
      i = j;
    }
    return out;
  }
  var BECAUSE = esc(tr("js-applies-because", "applies because"));
  function rowHtml(r) {
    var s = r.suffix !== null ? '\n<tr data-t="' + esc(r.suffix) + '"' : '\n<tr data-id="' + esc(r.id) + '"';
    if (r.critical) s += " class=crit";
    if (r.done !== null) s += ' data-done="' + esc(r.done.on) + '"' + (r.done.by !== null ? ' data-by="' + esc(r.done.by) + '"' : "");
    s += "><td><label><input type=checkbox" + (r.done !== null ? " checked" : "") + "> " + esc(r.task) + "</label>";
    if (r.reasons.length) s += '<small data-because="' + BECAUSE + '">' + esc(r.reasons.join(", ")) + "</small>";
    if (r.also.length) {
      s += "<span class=also>" + tr("js-also", "also") + " " + r.also.map(function (x) {
        return '<a href="' + esc(root + x.url) + '">' + esc(x.framework + " › " + x.step) + "</a>";
      }).join(", ") + "</span>";
    }
    if (r.notePlain !== null) s += "<span class=ck-note>" + tr("js-note", "Note:") + " " + esc(r.notePlain) + "</span>";
    if (r.waits.length) s += "<span class=ck-waits>" + tr("js-waits-for", "Waits for:") + " " + esc(r.waits.map(function (w) { return w.title; }).join("; ")) + "</span>";
    if (r.done !== null) {
      s += '<small class="ck-done">' + tr("js-done-on", "done {date}", { date: esc(r.done.on) }) + (r.done.by !== null ? " " + tr("js-done-by", "by {name}", { name: esc(r.done.by) }) : "") +
        (r.done.note !== null ? " — " + esc(r.done.note) : "") + "</small>";
    }
    s += "<td>";
    if (r.person !== null && r.roleTitle !== null) s += esc(r.person) + "<br>" + esc(r.roleTitle);
    else if (r.roleTitle !== null) s += esc(r.roleTitle);
    else s += "—";
    s += "<td>" + dates(r) + (r.critical ? "<span class=crit-mark>" + tr("js-critical-path", "critical path") + "</span>" : "");
    return s;
  }

  // Downloads, made on click, as checklist/formats.rs writes them: from the
  // JSON document's rows (checklist::Row's fields), by the columns, headers
  // and words Rust declared for each format and wrote into data.js (C.spec),
  // in the page's language. None of a format's words is typed here.
  var S = C.spec;
  function oneLine(s) { return s.split(/\s+/).filter(Boolean).join(" "); }
  // A pattern's slots (\u0001, \u0002, …) filled in order, as i18n Pattern::fill.
  function fill(p, values) { return p.replace(/[\u0001-\u0009]/g, function (c) { return values[c.charCodeAt(0) - 1]; }); }
  // The value a spec names ("task_id", "done.on", "market.id") of a row
  // (else of the document).
  function get(o, name, d) {
    var path = name.split(".");
    var v = has(o, path[0]) ? o : d;
    path.forEach(function (k) { v = v === null || v === undefined ? null : v[k]; });
    return v === undefined ? null : v;
  }
  function first(o, names, d) {
    for (var i = 0; i < names.length; i++) {
      var v = get(o, names[i], d);
      if (v !== null) return v;
    }
    return null;
  }
  // A row's same_as tasks, each as the spec's pattern.
  function alsoText(also, sep) {
    return also.map(function (x) { return fill(S.also.pattern, S.also.of.map(function (k) { return x[k]; })); }).join(sep);
  }
  // A value as a column shows it (checklist::Show).
  function show(how, v, words, sep) {
    if (v === null) return "";
    if (how === "line") return oneLine(v);
    if (how === "duration") return S.durations[v];
    if (how === "flag") return words[v ? 1 : 0];
    if (how === "list") return v.join(sep);
    if (how === "also") return alsoText(v, sep);
    return String(v);
  }
  // One CSV cell, as formats.rs csv_field writes it: quoted when it holds
  // a comma, quote or line break; a cell a spreadsheet would run as a
  // formula (starting with = + - @, tab or CR) gets a ' in front, quoted (OWASP).
  function csvField(s) {
    var formula = /^[=+\-@\t\r]/.test(s);
    return formula || /[,"\n\r]/.test(s) ? '"' + (formula ? "'" : "") + s.replace(/"/g, '""') + '"' : s;
  }
  function toCsv() {
    var d = doc(), spec = S.csv, out = ["\ufeff" + spec.header + "\r\n"];
    function line(cell) { return spec.columns.map(function (c) { return csvField(cell(c)); }).join(",") + "\r\n"; }
    d.rows.forEach(function (r) {
      out.push(line(function (c) { return show(c.show, first(r, c.of, d), c.words, spec.list); }));
    });
    d.not_applicable.forEach(function (k) {
      out.push(line(function (c) {
        var x = c.skipped;
        if (x === null) return "";
        return has(x, "text") ? x.text : show(x.show, get(k, x.of, d), null, spec.list);
      }));
    });
    return out.join("");
  }
  function bold(s) { return "**" + s.replace(/\*/g, "\\*") + "**"; }
  // As formats.rs to_markdown (date order), prerequisites_markdown and
  // not_applicable_markdown.
  function toMarkdown() {
    var d = doc(), M = S.md, W = M.row, sep = M.list;
    var out = ["# " + M.title + "\n\n" + M.lead + "\n"];
    if (d.prerequisites.length) {
      var P = M.prerequisites;
      out.push("\n## " + P.heading + "\n\n" + P.lead + "\n\n");
      d.prerequisites.forEach(function (p) {
        out.push("- " + bold(p.title) + " — " + p.framework + " " + p.kind + " · " +
          (p.due === null ? fill(W.from_ongoing, [p.start]) : p.start + " – " + p.due) +
          " · " + P.state + ": " + p.state + " · " + P.needed_by + " " + p.needed_by.join(sep) + " · `" + p.kind + ":" + p.id + "`\n");
      });
    }
    var last = null;
    d.rows.forEach(function (r) {
      var g = monthHeading(r.due);
      if (g !== last) { out.push("\n## " + g + "\n\n"); last = g; }
      var owner = r.owner_title !== null ? (r.owner_person !== null ? r.owner_person + " (" + r.owner_title + ")" : r.owner_title) : r.owner_role === null ? "" : r.owner_role;
      out.push((r.done === null ? "- [ ] " : "- [x] ") + bold(r.task) + " — " + r.step + " · " + owner + " · " +
        (r.due === null ? fill(W.from_ongoing, [r.start]) : r.due === r.start ? fill(W.due, [r.due]) : fill(W.start_due, [r.start, r.due])) +
        (r.duration !== null ? " · " + S.durations[r.duration] : "") +
        (r.critical ? " · **" + W.critical + "**" : "") +
        (r.waits_for.length ? " · " + W.waits_for + " " + r.waits_for.map(function (w) { return "`" + w + "`"; }).join(sep) : "") +
        (r.reasons.length ? " · " + W.applies_because + " " + r.reasons.join(sep) : "") +
        (r.also.length ? " · " + W.also + " " + alsoText(r.also, sep) : "") +
        (r.done === null ? "" : " · " + fill(W.done, [r.done.on]) + (r.done.by !== null ? " " + fill(W.done_by, [r.done.by]) : "") + (r.done.note !== null ? " (" + oneLine(r.done.note) + ")" : "")) +
        " · `" + r.task_id + "`\n" +
        (r.note !== null ? "  - " + W.note_for + ": " + oneLine(r.note) + "\n" : ""));
    });
    if (d.not_applicable.length || M.entry_left_out !== null) {
      out.push("\n## " + M.not_applicable + "\n\n");
      d.not_applicable.forEach(function (k) {
        out.push("- " + bold(k.task) + " — " + k.step + " (" + k.framework + ") · `" + k.task_id + "` — " + oneLine(k.reason) + "\n");
      });
      if (M.entry_left_out !== null) out.push("- " + M.entry_left_out + "\n");
    }
    return out.join("");
  }
  // The document `playbook checklist <market> --format json` prints: the
  // same rows, field for field (checklist::Row, in its order). The CSV and
  // Markdown are written from it too.
  function doc() {
    return {
      market: { id: C.id, name: C.name, region: C.region, kickoff: C.kickoff },
      count: rows.length,
      order: "date",
      end: end,
      critical_path: C.critical_path.map(taskId),
      prerequisites: C.prereqs || [],
      rows: rows.map(function (r) {
        return {
          task_id: r.id, framework: r.phase[0], component: r.phase[1], phase: r.phase[2], phase_window: r.phase[3],
          step: r.step[0], step_id: r.step[4], activity: r.activity, task: r.task,
          owner_role: r.role, owner_title: r.roleTitle, owner_person: r.person,
          start: r.start, due: r.due, duration: r.duration, critical: r.critical,
          waits_for: r.waits.map(function (w) { return w.id; }), note: r.note,
          reasons: r.reasons,
          market_specific: r.reasons.length === 1 && r.reasons[0] === "market: " + C.id,
          also: r.also.map(function (x) { return { task_id: x.id, framework: x.framework, step: x.step, step_id: x.stepId, due: x.due }; }),
          done: r.done,
        };
      }),
      not_applicable: skipped.map(function (s) { return { task_id: s.id, task: s.task, step: s.step, framework: s.framework, reason: s.reason }; }),
      market_entry_left_out: C.entry_left_out,
    };
  }
  function toJson() { return JSON.stringify(doc(), null, 2) + "\n"; }
  window.PLAYBOOK_CHECKLIST_TEXT = { csv: toCsv, md: toMarkdown, json: toJson };
  document.querySelectorAll(".ck-js-only").forEach(function (el) { el.hidden = false; });
  document.querySelectorAll("[data-download]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var kind = btn.dataset.download;
      var text = kind === "csv" ? toCsv() : kind === "json" ? toJson() : toMarkdown();
      var type = kind === "csv" ? "text/csv" : kind === "json" ? "application/json" : "text/markdown";
      var blob = new Blob([text], { type: type });
      var x = document.createElement("a");
      x.href = URL.createObjectURL(blob);
      x.download = "checklist-" + C.id + "." + kind;
      document.body.appendChild(x);
      x.click();
      setTimeout(function () { URL.revokeObjectURL(x.href); x.remove(); }, 0);
    });
  });
})();
