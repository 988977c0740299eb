// Playbook: assembles a big checklist in the browser from the shared task
// table (checklists/tasks.js → PLAYBOOK_TASKS) and the market's data.js
// (PLAYBOOK_CHECKLIST). It writes the same markup as a checklist written out
// at build time (templates/checklist_macros.html rows + templates/checklist.html),
// and its rows are the rows `playbook checklist --format json` prints: its
// JSON, CSV and Markdown downloads are byte for byte the CLI's (checklist/
// formats.rs); the browser tests compare them.
(function () {
  "use strict";
  var T = window.PLAYBOOK_TASKS, C = window.PLAYBOOK_CHECKLIST;
  var host = document.querySelector(".ck-dynamic");
  if (!host || !T || !C) return;
  var root = host.dataset.root || "";
  var pageTitle = host.dataset.title || "";

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // The market's rows, in order: every ungated task, plus the gated ones
  // data.js names (positions are delta-coded, each with a reason index).
  var why = {};
  for (var i = 0, pos = 0; i < C.rows.length; i += 2) {
    pos += C.rows[i];
    why[pos] = C.reasons[C.rows[i + 1]];
  }
  // Rows standing for a same_as group name the group's other members here.
  var alsoAt = {};
  (C.also || []).forEach(function (a) { alsoAt[a[0]] = a[1]; });
  function taskId(t) { return t[2] !== null ? T.steps[t[0]][4] + "/" + t[2] : t[6]; }
  var rows = [];
  T.tasks.forEach(function (t, p) {
    var reasons = t[5] ? why[p] : [];
    if (!reasons) return;
    var step = T.steps[t[0]];
    var role = t[4];
    var block = C.blocks[step[3]];
    rows.push({
      id: t[2] !== null ? step[4] + "/" + t[2] : t[6],
      suffix: t[2],
      stepIdx: t[0],
      step: step,
      phaseIdx: step[2],
      phase: T.phases[step[2]],
      activity: T.acts[t[1]],
      task: t[3],
      role: role,
      roleTitle: role !== null && Object.prototype.hasOwnProperty.call(T.roles, role) ? T.roles[role] : null,
      person: role !== null && Object.prototype.hasOwnProperty.call(C.team, role) ? C.team[role] : null,
      start: block[0],
      due: block[1],
      reasons: reasons,
      also: (alsoAt[p] || []).map(function (q) {
        var o = T.tasks[q], st = T.steps[o[0]];
        return { id: taskId(o), framework: T.phases[st[2]][0], step: st[0], stepId: st[4], due: C.blocks[st[3]][1], url: st[1] + "#task-" + o[2] };
      }),
    });
  });
  rows.forEach(function (r) {
    // Progress on any task a row stands for (same_as) is the row's, as in checklist.rs.
    var d = null;
    [r.id].concat(r.also.map(function (a) { return a.id; })).some(function (id) {
      if (C.done && Object.prototype.hasOwnProperty.call(C.done, id)) d = C.done[id];
      return d !== null;
    });
    r.done = d === null ? null : { on: d[0], by: d[1], note: d[2] === undefined ? null : d[2] };
  });

  // The table, one section per phase (as templates/checklist.html).
  var running = esc(pageTitle) + " · kickoff " + esc(C.kickoff) + (C.lead === null ? "" : " · lead " + esc(C.lead));
  var html = [];
  var n = 0;
  for (var a = 0; a < rows.length; ) {
    var b = a;
    while (b < rows.length && rows[b].phaseIdx === rows[a].phaseIdx) b++;
    n++;
    var ph = rows[a].phase, w = C.phases[rows[a].phaseIdx];
    html.push('<section class="ck-phase" aria-labelledby="phase-' + n + '">\n<p class="running-head">' + running + "</p>\n" +
      '<h2 id="phase-' + n + '">' + (ph[1] !== null ? esc(ph[1]) + " · " : "") + esc(ph[2]) +
      ' <span class="window">' + esc(ph[3]) + " · " + esc(w[0]) + " – " + esc(w[1] === null ? "ongoing" : w[1]) + "</span></h2>\n" +
      '<p class="muted">' + esc(ph[0]) + "</p>\n" +
      '<table class="ck"><thead><tr class="running-row"><td colspan=3>' + running +
      '</td></tr><tr><th scope="col">Task</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead>\n' +
      rowsHtml(rows.slice(a, b)) + "</table>\n" +
      '<p class="signoff">Phase signed off by ______________________ Date __________</p>\n</section>\n');
    a = b;
  }
  host.innerHTML = html.join("");

  function rowsHtml(rs) {
    var s = "", step = -1, activity = "";
    rs.forEach(function (r) {
      if (r.stepIdx !== step) {
        step = r.stepIdx;
        activity = "";
        s += '\n<tbody><tr><th colspan=2 scope=rowgroup><a href="' + esc(root + r.step[1]) + '">' + esc(r.step[0]) +
          "</a><td>" + (r.due === null ? "ongoing" : r.due);
      }
      if (r.activity !== activity) {
        activity = r.activity;
        s += "\n<tr class=ac><td colspan=3>" + esc(activity);
      }
      s += r.suffix !== null ? '\n<tr data-t="' + esc(r.suffix) + '"' : '\n<tr data-id="' + esc(r.id) + '"';
      if (r.done !== null) s += ' data-done="' + esc(r.done.on) + '"' + (r.done.by !== null ? ' data-by="' + esc(r.done.by) + '"' : "");
      s += "><td><label><input type=checkbox" + (r.done !== null ? " checked" : "") + "> " + esc(r.task) + "</label>";
      if (r.reasons.length) s += "<small>" + esc(r.reasons.join(", ")) + "</small>";
      if (r.also.length) {
        s += "<span class=also>also " + r.also.map(function (a) {
          return '<a href="' + esc(root + a.url) + '">' + esc(a.framework + " › " + a.step) + "</a>";
        }).join(", ") + "</span>";
      }
      if (r.done !== null) s += '<small class="ck-done">done ' + esc(r.done.on) + (r.done.by !== null ? " by " + esc(r.done.by) : "") + "</small>";
      s += "<td>";
      if (r.person !== null && r.roleTitle !== null) s += esc(r.person) + "<br>" + esc(r.roleTitle);
      else if (r.roleTitle !== null) s += esc(r.roleTitle);
      else s += "—";
    });
    return s;
  }

  // Downloads, made on click.
  function ownerText(r) {
    if (r.roleTitle !== null) return r.person !== null ? r.person + " (" + r.roleTitle + ")" : r.roleTitle;
    return r.role === null ? "" : r.role;
  }
  // One CSV cell, as checklist.rs csv_field writes it: quoted when it holds
  // a comma, quote or line break; a cell a spreadsheet would run as a
  // formula (starting with = + - @, tab or CR) gets a ' in front, quoted (OWASP).
  function csvField(s) {
    s = s === null ? "" : String(s);
    var formula = /^[=+\-@\t\r]/.test(s);
    return formula || /[,"\n\r]/.test(s) ? '"' + (formula ? "'" : "") + s.replace(/"/g, '""') + '"' : s;
  }
  // As checklist.rs also_text: "Framework › Step (task id)" per other source.
  function alsoText(r, sep) {
    return r.also.map(function (a) { return a.framework + " › " + a.step + " (" + a.id + ")"; }).join(sep);
  }
  function toCsv() {
    var out = ["market,task_id,framework,component,phase,phase_window,step,activity,task,owner_role,owner,start,due,applies_because,also,done,done_by\r\n"];
    rows.forEach(function (r) {
      out.push([C.id, r.id, r.phase[0], r.phase[1], r.phase[2], r.phase[3], r.step[0], r.activity, r.task, r.role, r.person]
        .map(csvField).join(",") + "," + csvField(r.start) + "," + csvField(r.due) + "," +
        csvField(r.reasons.join("; ")) + "," + csvField(alsoText(r, "; ")) + "," +
        (r.done === null ? "," : csvField(r.done.on) + "," + csvField(r.done.by)) + "\r\n");
    });
    return out.join("");
  }
  // As checklist.rs prerequisites_markdown.
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
    var out = ["# Launch checklist: " + C.name + " (" + C.id + ")\n\nKickoff: " + C.kickoff + " · " + rows.length +
      " task" + (rows.length === 1 ? "" : "s") + " · generated from " + T.title + "\n" + prereqMarkdown()];
    var lastPhase = -1, lastFw = "";
    rows.forEach(function (r) {
      if (r.phaseIdx !== lastPhase) {
        if (r.phase[0] !== lastFw) { out.push("\n## " + r.phase[0] + "\n"); lastFw = r.phase[0]; }
        out.push("\n### " + (r.phase[1] !== null ? r.phase[1] + " — " : "") + r.phase[2] + " (" + r.phase[3] + ")\n\n");
        lastPhase = r.phaseIdx;
      }
      out.push((r.done === null ? "- [ ] **" : "- [x] **") + r.task.replace(/\*/g, "\\*") + "** — " + r.step[0] + " · " + ownerText(r) +
        (r.due === null ? " · ongoing" : " · due " + r.due) +
        (r.reasons.length ? " · applies because " + r.reasons.join(", ") : "") +
        (r.also.length ? " · also " + alsoText(r, ", ") : "") +
        (r.done === null ? "" : " · done " + r.done.on + (r.done.by !== null ? " by " + r.done.by : "")) +
        " · `" + r.id + "`\n");
    });
    return out.join("");
  }
  // The document `playbook checklist <market> --format json` prints: the
  // same rows, field for field (checklist::Row, in its order).
  function toJson() {
    var doc = {
      market: { id: C.id, name: C.name, region: C.region, kickoff: C.kickoff },
      count: rows.length,
      prerequisites: C.prereqs || [],
      rows: rows.map(function (r) {
        return {
          task_id: r.id, framework: r.phase[0], component: r.phase[1], phase: r.phase[2], phase_window: r.phase[3],
          step: r.step[0], step_id: r.step[4], activity: r.activity, task: r.task,
          owner_role: r.role, owner_title: r.roleTitle, owner_person: r.person,
          start: r.start, due: r.due, reasons: r.reasons,
          market_specific: r.reasons.length === 1 && r.reasons[0] === "market: " + C.id,
          also: r.also.map(function (a) { return { task_id: a.id, framework: a.framework, step: a.step, step_id: a.stepId, due: a.due }; }),
          done: r.done,
        };
      }),
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
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "checklist-" + C.id + "." + kind;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    });
  });
})();
