// Playbook: theme toggle, phone menu, "/" to search, checklist ticks, file:// links.
(function () {
  "use strict";
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
  // Close the phone menu after following a link.
  var menu = document.getElementById("menu-toggle");
  if (menu) {
    document.querySelectorAll(".sidebar a").forEach(function (a) {
      a.addEventListener("click", function () { menu.checked = false; });
    });
  }
  // Checklist ticks, kept per market by stable task id.
  var list = document.querySelector(".checklist[data-market]");
  if (list) {
    var storeKey = "playbook-checklist-" + list.dataset.market;
    var state = {};
    try { state = JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { state = {}; }
    var rows = list.querySelectorAll("tr[data-task]");
    var bar = list.querySelector(".progress");
    var meter = bar && bar.querySelector("progress");
    var text = bar && bar.querySelector(".progress-text");
    function update() {
      var done = 0;
      rows.forEach(function (r) { if (r.classList.contains("done")) done++; });
      if (meter) meter.value = done;
      if (text) text.textContent = done + " of " + rows.length + " done";
    }
    rows.forEach(function (r) {
      var box = r.querySelector("input[type=checkbox]");
      if (!box) return;
      box.checked = !!state[r.dataset.task];
      r.classList.toggle("done", box.checked);
      box.addEventListener("change", function () {
        if (box.checked) state[r.dataset.task] = Date.now(); else delete state[r.dataset.task];
        r.classList.toggle("done", box.checked);
        try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) {}
        update();
      });
    });
    if (bar) {
      bar.hidden = false;
      bar.querySelector(".reset").addEventListener("click", function () {
        if (!window.confirm("Untick every task of this checklist?")) return;
        state = {};
        try { localStorage.removeItem(storeKey); } catch (e) {}
        rows.forEach(function (r) { var b = r.querySelector("input"); if (b) b.checked = false; r.classList.remove("done"); });
        update();
      });
    }
    update();
  }
})();
