// Playbook live preview: reload on rebuild (keeping the scroll position),
// show build errors in an overlay while the last good page stays visible.
(function () {
  "use strict";
  // The site's generation comes as an attribute of this script's element:
  // the page's Content-Security-Policy runs no inline script.
  var me = document.currentScript;
  window.PLAYBOOK_GENERATION = me ? +me.getAttribute("data-generation") : 0;
  var key = "playbook-scroll:" + location.pathname;
  try {
    var y = sessionStorage.getItem(key);
    if (y !== null) {
      sessionStorage.removeItem(key);
      var go = function () { window.scrollTo(0, +y); };
      go();
      window.addEventListener("load", go);
    }
  } catch (e) {}
  function reload() {
    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {}
    location.reload();
  }
  function esc(s) { return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }
  function hide() { var o = document.getElementById("playbook-error-overlay"); if (o) o.remove(); }
  function show(doc) {
    hide();
    var o = document.createElement("div");
    o.id = "playbook-error-overlay";
    o.setAttribute("role", "alertdialog");
    o.setAttribute("aria-label", "Build error");
    // Opaque and the whole screen, a phone's too: the page must not show
    // through (its text mixed with the errors' on a small screen).
    o.style.cssText = "position:fixed;inset:0;z-index:99999;box-sizing:border-box;width:100%;height:100%;background:#0a0c10;color:#f3f4f6;overflow:auto;overscroll-behavior:contain;padding:clamp(1rem,4vw,2rem);font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere";
    var html = "<h2 style='color:#ff7b72;margin:0 0 1rem;font:600 20px system-ui'>The playbook did not build — the preview keeps the last good version until the errors below are fixed</h2>";
    (doc.diagnostics || []).forEach(function (d) {
      if (d.severity !== "error") return;
      html += "<div class='playbook-diagnostic' style='border:1px solid #444;border-left:4px solid #ff7b72;padding:.7rem 1rem;margin:0 0 1rem;background:#161b22'>";
      html += "<div><strong>error:</strong> " + esc(d.message) + "</div>";
      if (d.file) html += "<div style='color:#9aa4b2'>--&gt; " + esc(d.file) + ":" + esc(d.line) + ":" + esc(d.column) + "</div>";
      if (d.source_line) html += "<pre style='margin:.4rem 0;color:#e6edf3;white-space:pre-wrap'>" + esc(d.line) + " | " + esc(d.source_line) + "</pre>";
      if (d.help) html += "<div style='color:#7ee787'>help: " + esc(d.help) + "</div>";
      html += "</div>";
    });
    html += "<p style='color:#9aa4b2'>Fix the file and save: this page reloads by itself.</p>";
    o.innerHTML = html;
    document.body.appendChild(o);
  }
  if (!window.EventSource) return;
  var es = new EventSource("/__playbook/events");
  es.addEventListener("hello", function (e) {
    var d = JSON.parse(e.data);
    if (d.error) show(JSON.parse(d.error));
    else if (d.generation !== window.PLAYBOOK_GENERATION) reload();
  });
  es.addEventListener("reload", function (e) {
    if (+e.data !== window.PLAYBOOK_GENERATION) reload(); else hide();
  });
  es.addEventListener("build-error", function (e) { show(JSON.parse(e.data)); });
})();
