// Playbook: theme toggle, phone menu, "/" to search, checklist ticks, file:// links.
(function () {
  "use strict";
  // The edition's words: search.js's tr() (it reads the page's
  // script[data-ui-strings]), or English where search.js is not loaded.
  var tr = window.playbookTr || function (k, en, a) {
    if (Array.isArray(en)) en = en[+(a && a.n) === 1 ? 0 : 1];
    return a ? en.replace(/\{(\w+)\}/g, function (m, v) { return v in a ? String(a[v]) : m; }) : en;
  };
  var doc = document.documentElement;
  var KEY = "playbook-theme";
  function isDark() {
    var t = doc.dataset.theme;
    if (t) return t === "dark";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    toggle.setAttribute("aria-pressed", String(isDark()));
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      doc.dataset.theme = next;
      try { localStorage.setItem(KEY, next); } catch (e) {}
      toggle.setAttribute("aria-pressed", String(next === "dark"));
    });
  }
  // Opened from disk: directory links need an explicit index.html.
  if (location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (a) {
      var h = a.getAttribute("href");
      if (!/^[a-z]+:/i.test(h) && !h.startsWith("#")) {
        var parts = h.split("#");
        if (parts[0] === "" || parts[0].endsWith("/")) {
          parts[0] = parts[0] + "index.html";
          a.setAttribute("href", parts.join("#"));
        }
      }
    });
  }
  // Phone menu: the CSS-only checkbox works without JavaScript; with it, the
  // label becomes a real button that keyboards and screen readers can use.
  var menu = document.getElementById("menu-toggle");
  var label = document.querySelector("label.menu-button");
  if (menu && label) {
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "menu-button";
    btn.setAttribute("aria-controls", "sidebar");
    btn.setAttribute("aria-expanded", "false");
    btn.innerHTML = label.innerHTML;
    btn.setAttribute("aria-label", tr("js-menu", "Menu"));
    label.replaceWith(btn);
    var setMenu = function (open) {
      menu.checked = open;
      btn.setAttribute("aria-expanded", String(open));
    };
    btn.addEventListener("click", function () { setMenu(!menu.checked); });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && menu.checked) { setMenu(false); btn.focus(); }
    });
    document.querySelectorAll(".sidebar a").forEach(function (a) {
      a.addEventListener("click", function () { setMenu(false); });
    });
  }
  // Checklist ticks, kept per market by stable task id.
  var list = document.querySelector(".checklist[data-market]");
  if (list) {
    var storeKey = "playbook-checklist-" + list.dataset.market;
    var state = {};
    try { state = JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { state = {}; }
    // A row's task id: data-id, or its tbody's step id (data-s, else the last
    // segment of the step link's URL) + "/" + data-t.
    var rows = list.querySelectorAll("tr[data-t],tr[data-id]");
    var taskId = function (r) {
      if (r.dataset.id) return r.dataset.id;
      var tb = r.parentNode, s = tb.dataset.s;
      if (!s) {
        var a = tb.querySelector("th a");
        s = a ? a.getAttribute("href").replace(/\/$/, "").split("/").pop() : "";
      }
      return s + "/" + r.dataset.t;
    };
    var bar = list.querySelector(".progress");
    var meter = bar && bar.querySelector("progress");
    var text = bar && bar.querySelector(".progress-text");
    function update() {
      var done = 0;
      rows.forEach(function (r) { if (r.classList.contains("done")) done++; });
      if (meter) meter.value = done;
      if (text) text.textContent = tr("js-n-done", "{done} of {total} done", { done: done, total: rows.length });
    }
    // A row recorded in content/progress/ (data-done) is done for everyone:
    // ticked and locked. Local ticks (this browser) go on top of it.
    rows.forEach(function (r) {
      var box = r.querySelector("input[type=checkbox]");
      if (!box) return;
      var id = taskId(r);
      if (r.dataset.done) {
        box.checked = true;
        box.disabled = true;
        box.title = "Recorded in content/progress/" + list.dataset.market + ".yaml";
        r.classList.add("done", "recorded");
        delete state[id];
        return;
      }
      box.checked = !!state[id];
      r.classList.toggle("done", box.checked);
      box.addEventListener("change", function () {
        if (box.checked) state[id] = Date.now(); else delete state[id];
        r.classList.toggle("done", box.checked);
        try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) {}
        update();
      });
    });
    if (bar) {
      bar.hidden = false;
      bar.querySelector(".reset").addEventListener("click", function () {
        if (!window.confirm(tr("js-untick-all", "Untick every task of this checklist?"))) return;
        state = {};
        try { localStorage.removeItem(storeKey); } catch (e) {}
        rows.forEach(function (r) {
          if (r.dataset.done) return;
          var b = r.querySelector("input"); if (b) b.checked = false; r.classList.remove("done");
        });
        update();
      });
    }
    // The ticks of this browser as YAML for the market's progress file (and
    // as "playbook progress" commands), so the team's record lives in the repo.
    var snip = list.querySelector(".ck-snippet");
    if (snip) {
      snip.hidden = false;
      var out = snip.querySelector("textarea");
      var who = snip.querySelector("input[name=by]");
      try { who.value = localStorage.getItem("playbook-name") || ""; } catch (e) {}
      var day = function (ms) {
        var d = new Date(ms), p = function (n) { return (n < 10 ? "0" : "") + n; };
        return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
      };
      var quote = function (v) { return /^[\w .'-]+$/.test(v) && !/^[-?:,\[\]{}#&*!|>'"%@\x60]/.test(v) ? v : JSON.stringify(v); };
      snip.querySelector("button").addEventListener("click", function () {
        var by = who.value.trim();
        try { localStorage.setItem("playbook-name", by); } catch (e) {}
        var ids = Object.keys(state).sort();
        var m = list.dataset.market;
        if (!ids.length) { out.value = tr("js-yaml-none", "# No ticks in this browser yet: tick the tasks you have done, then press the button again."); out.hidden = false; return; }
        var y = [tr("js-yaml-paste", "# Paste these lines under \u0060done:\u0060 in content/progress/{market}.yaml", { market: m }), tr("js-yaml-create", "# (create the file with a first line \u0060done:\u0060 if it does not exist):")];
        var c = ["", tr("js-yaml-cli", "# or record them from the playbook's folder:")];
        ids.forEach(function (id) {
          y.push("  " + id + ":", "    on: " + day(state[id]));
          if (by) y.push("    by: " + quote(by));
          c.push("# playbook progress " + m + " " + id + " --on " + day(state[id]) + (by ? " --by " + JSON.stringify(by) : ""));
        });
        out.value = y.concat(c).join("\n") + "\n";
        out.hidden = false;
        out.focus();
        out.select();
      });
    }
    update();
  }
  // The story: chapters read (reached their end) and the last one opened,
  // kept in this browser; shown on the story index and the home page.
  var READ = "playbook-read", LAST = "playbook-last-chapter";
  function load(k, d) { try { return JSON.parse(localStorage.getItem(k)) || d; } catch (e) { return d; } }
  function save(k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) {} }
  var chapter = document.querySelector("[data-chapter-title]");
  if (chapter) {
    var url = chapter.getAttribute("data-chapter");
    save(LAST, { url: url, title: chapter.getAttribute("data-chapter-title") });
    var end = chapter.querySelector("[data-chapter-end]");
    var markRead = function () {
      var read = load(READ, []);
      if (read.indexOf(url) < 0) { read.push(url); save(READ, read); }
    };
    if (end && "IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (es) {
        if (es.some(function (e) { return e.isIntersecting; })) { markRead(); seen.disconnect(); }
      });
      seen.observe(end);
    }
  }
  var cards = document.querySelectorAll("li[data-chapter]");
  if (cards.length) {
    var done = load(READ, []), n = 0;
    cards.forEach(function (li) {
      if (done.indexOf(li.getAttribute("data-chapter")) >= 0) {
        n++; li.classList.add("is-read");
        li.querySelector(".read-mark").hidden = false;
      }
    });
    var p = document.querySelector("[data-story-progress]");
    if (p) { p.textContent = tr("js-chapters-read", "{n} of {total} chapters read", { n: n, total: cards.length }); p.hidden = false; }
  }
  var cont = document.querySelector("[data-continue]");
  var last = load(LAST, null);
  if (cont && last && last.url) {
    var a = cont.querySelector("a");
    a.setAttribute("href", (document.body.dataset.root || "") + last.url);
    a.textContent = last.title;
    cont.hidden = false;
  }
})();
