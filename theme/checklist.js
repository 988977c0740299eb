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
  function monthHeading(due) { return due === null ? "Ongoing" : C.months[due.slice(0, 7)] || due.slice(0, 7); }
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
      also: x[5].map(function (q) {
        var o = T.tasks[q], st = T.steps[o[0]];
        return { id: taskId(q), framework: T.phases[st[2]][0], step: st[0], stepId: st[4], due: C.blocks[st[3]][1], url: st[1] + "#task-" + o[2] };
      }),
      waits: x[6].map(function (q) { return { id: taskId(q), title: T.tasks[q][3] }; }),
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

  // Downloads, made on click, as checklist/formats.rs writes them.
  function ownerText(r) {
    if (r.roleTitle !== null) return r.person !== null ? r.person + " (" + r.roleTitle + ")" : r.roleTitle;
    return r.role === null ? "" : r.role;
  }
  function oneLine(s) { return s.split(/\s+/).filter(Boolean).join(" "); }
  // One CSV cell, as formats.rs csv_field writes it: quoted when it holds
  // a comma, quote or line break; a cell a spreadsheet would run as a
  // formula (starting with = + - @, tab or CR) gets a ' in front, quoted (OWASP).
  function csvField(s) {
    s = s === null ? "" : String(s);
    var formula = /^[=+\-@\t\r]/.test(s);
    return formula || /[,"\n\r]/.test(s) ? '"' + (formula ? "'" : "") + s.replace(/"/g, '""') + '"' : s;
  }
  // As formats.rs also_text: "Framework › Step (task id)" per other source.
  function alsoText(r, sep) {
    return r.also.map(function (x) { return x.framework + " › " + x.step + " (" + x.id + ")"; }).join(sep);
  }
  var CSV_HEADER = "market,task_id,framework,component,phase,phase_window,step,activity,task,owner,owner_role,start,due,duration,critical_path,waits_for,market_note,applies_because,also,done,done_by,done_note";
  function toCsv() {
    var out = ["\ufeff" + CSV_HEADER + "\r\n"];
    rows.forEach(function (r) {
      var owner = r.person !== null ? r.person : r.roleTitle !== null ? r.roleTitle : r.role;
      out.push([C.id, r.id, r.phase[0], r.phase[1], r.phase[2], r.phase[3], r.step[0], r.activity, r.task, owner, r.roleTitle !== null ? r.roleTitle : r.role]
        .map(csvField).join(",") + "," + csvField(r.start) + "," + csvField(r.due) + "," + csvField(r.duration) + "," +
        (r.critical ? "yes" : "no") + "," + csvField(r.waits.map(function (w) { return w.id; }).join("; ")) + "," +
        csvField(r.note === null ? "" : oneLine(r.note)) + "," +
        csvField(r.reasons.join("; ")) + "," + csvField(alsoText(r, "; ")) + "," +
        (r.done === null ? ",," : csvField(r.done.on) + "," + csvField(r.done.by) + "," + csvField(r.done.note === null ? "" : oneLine(r.done.note))) + "\r\n");
    });
    skipped.forEach(function (s) {
      out.push([C.id, s.id, s.framework, "", "", "", s.step, "", s.task, "", ""].map(csvField).join(",") +
        ",,not applicable,,no,," + csvField(oneLine(s.reason)) + ",,,,,\r\n");
    });
    return out.join("");
  }
  function leadLine() {
    var s = "Kickoff: " + C.kickoff + " · " + rows.length + " task" + (rows.length === 1 ? "" : "s");
    if (end !== null && days > 0) {
      var c = C.critical_path.length;
      s += " · last due " + end + " (" + days + " days; critical path: " + c + " task" + (c === 1 ? "" : "s") + ")";
    }
    return s + " · in date order";
  }
  // As formats.rs prerequisites_markdown.
  function prereqMarkdown() {
    var pre = C.prereqs || [];
    if (!pre.length) return "";
    var s = "\n## Company prerequisites\n\nDone once for the company (" + C.company[0] + ", kickoff " + C.company[1] +
      "); this market's phases wait for them.\n\n";
    pre.forEach(function (p) {
      s += "- **" + p.title.replace(/\*/g, "\\*") + "** — " + p.framework + " " + p.kind + " · " +
        (p.due === null ? "from " + p.start + " (ongoing)" : p.start + " – " + p.due) +
        " · state: " + p.state + " · needed by " + p.needed_by.join(", ") + " · `" + p.kind + ":" + p.id + "`\n";
    });
    return s;
  }
  function toMarkdown() {
    var out = ["# Launch checklist: " + C.name + " (" + C.id + ")\n\n" + leadLine() + " · generated from " + T.title + "\n" + prereqMarkdown()];
    var last = null;
    rows.forEach(function (r) {
      var g = monthHeading(r.due);
      if (g !== last) { out.push("\n## " + g + "\n\n"); last = g; }
      out.push((r.done === null ? "- [ ] **" : "- [x] **") + r.task.replace(/\*/g, "\\*") + "** — " + r.step[0] + " · " + ownerText(r) +
        (r.due === null ? " · from " + r.start + " (ongoing)" : r.due === r.start ? " · due " + r.due : " · " + r.start + " → due " + r.due) +
        (r.duration !== null ? " · " + r.duration : "") +
        (r.critical ? " · **critical path**" : "") +
        (r.waits.length ? " · waits for " + r.waits.map(function (w) { return "`" + w.id + "`"; }).join(", ") : "") +
        (r.reasons.length ? " · applies because " + r.reasons.join(", ") : "") +
        (r.also.length ? " · also " + alsoText(r, ", ") : "") +
        (r.done === null ? "" : " · done " + r.done.on + (r.done.by !== null ? " by " + r.done.by : "") + (r.done.note !== null ? " (" + oneLine(r.done.note) + ")" : "")) +
        " · `" + r.id + "`\n" +
        (r.note !== null ? "  - Note for " + C.name + ": " + oneLine(r.note) + "\n" : ""));
    });
    if (skipped.length || C.entry_left_out > 0) {
      out.push("\n## Not applicable here\n\n");
      skipped.forEach(function (s) {
        out.push("- **" + s.task.replace(/\*/g, "\\*") + "** — " + s.step + " (" + s.framework + ") · `" + s.id + "` — " + oneLine(s.reason) + "\n");
      });
      if (C.entry_left_out > 0) {
        out.push("- " + C.entry_left_out + " market-entry task" + (C.entry_left_out === 1 ? "" : "s") + " left out: " + C.name + " is the home market.\n");
      }
    }
    return out.join("");
  }
  // The document `playbook checklist <market> --format json` prints: the
  // same rows, field for field (checklist::Row, in its order).
  function toJson() {
    var doc = {
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
    return JSON.stringify(doc, null, 2) + "\n";
  }
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
