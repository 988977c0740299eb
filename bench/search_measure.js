// Measure search in headless Chromium on a built site: the bytes of
// fulltext/ files the first search downloads, the bytes each later query adds, and the time from a
// keystroke to full-text results in the header drop-down (index loaded).
//
//   node bench/search_measure.js SITE_DIR [query …]
//   PAGE=1 node bench/search_measure.js SITE_DIR [query …]   (the search page, fresh per query)
//
// Uses tests/browser's playwright-core and the system Chromium (run
// `npm ci` in tests/browser first). Prints one line per query and a summary.
"use strict";
const path = require("node:path");
const S = require(path.join(__dirname, "..", "tests", "browser", "lib", "site.js"));

(async () => {
  const dir = process.argv[2];
  if (!dir) { console.error("usage: node bench/search_measure.js SITE_DIR [query …]"); process.exit(2); }
  const queries = process.argv.length > 3 ? process.argv.slice(3) : ["data residency", "compliance", "latency", "market launch", "incident", "uptime", "gdpr", "drift detection"];
  const server = await S.serveDir(dir);
  const browser = await S.launchBrowser();
  if (process.env.PAGE) {
    // The search page opened fresh for each query (a shared link): all it downloads.
    for (const q of queries) {
      const { context, page } = await S.openPage(browser);
      let got = 0, files = 0;
      const pending = [];
      page.on("response", (r) => { if (r.url().includes("/fulltext/")) { files++; pending.push(r.body().then((b) => { got += b.length; }, () => {})); } });
      const t0 = Date.now();
      await page.goto(server.url + "search/?q=" + encodeURIComponent(q));
      await page.locator(".search-page-results[data-source=full-text]").waitFor({ state: "attached", timeout: 60000 });
      const ms = Date.now() - t0;
      await page.waitForLoadState("networkidle");
      await Promise.all(pending);
      console.log(`search page ${JSON.stringify(q).padEnd(20)} ${(got / 1024).toFixed(1).padStart(6)} KB in ${files} files; results ${ms} ms after opening`);
      await context.close();
    }
    await browser.close();
    await server.close();
    return;
  }
  const { context, page } = await S.openPage(browser);
  let bytes = 0;
  const pending = [];
  page.on("response", (r) => {
    if (!r.url().includes("/fulltext/")) return;
    pending.push(r.body().then((b) => { bytes += b.length; }, () => {}));
  });
  // Every response so far counted.
  const settled = async () => { await page.waitForLoadState("networkidle"); await Promise.all(pending); };
  try {
    await page.goto(server.url + "search/");
    const box = page.locator("#search-box");
    const times = [];
    for (const [i, q] of queries.entries()) {
      await settled();
      const before = bytes;
      // Type all but the last letter, wait until settled, then time the last keystroke.
      await box.fill(q.slice(0, -1));
      await page.locator(".search-panel[data-source=full-text]").waitFor({ timeout: 30000 }).catch(() => {});
      await page.waitForLoadState("networkidle");
      const ms = await page.evaluate((last) => new Promise((resolve) => {
        const panel = document.querySelector(".search-panel");
        panel.removeAttribute("data-source");
        const box = document.getElementById("search-box");
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (panel.getAttribute("data-source") === "full-text") { obs.disconnect(); resolve(performance.now() - t0); }
        });
        obs.observe(panel, { attributes: true });
        box.value += last;
        box.dispatchEvent(new Event("input", { bubbles: true }));
      }), q.slice(-1));
      await settled();
      if (i > 0) times.push(ms);
      console.log(`${JSON.stringify(q).padEnd(20)} ${i === 0 ? "first search" : "later query "}  +${((bytes - before) / 1024).toFixed(1).padStart(6)} KB  last keystroke → results ${ms.toFixed(1)} ms`);
    }
    times.sort((a, b) => a - b);
    console.log(`total downloaded ${(bytes / 1024).toFixed(1)} KB; keystroke → results (index loaded): median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
  } finally {
    await context.close();
    await browser.close();
    await server.close();
  }
})();
