// Quality bars on every page type (lib/pages.js):
// - Nu HTML Checker (vnu-jar): zero errors — on every HTML page of the site;
// - axe-core: zero serious or critical violations, in light and in dark mode;
// - no console errors, no request to any host other than 127.0.0.1;
// - every HTML page ≤ 60 KB (except /print/, reported), and the CSS + JS any
//   one page loads ≤ 60 KB (scripts only a few pages need, such as the
//   status page's, count only on those pages);
// - a phone (390 px) never scrolls sideways;
// - screenshots of each page type, light, dark and phone, in screenshots/.
// A summary is written to screenshots/report.json.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");
const PAGES = require("../lib/pages.js");

const KB = 1024;
const PAGE_BUDGET = 60 * KB;
const CHECKLIST_BUDGET = 100 * KB;
const ASSET_BUDGET = 60 * KB;
const AXE = require.resolve("axe-core/axe.min.js");
const VNU = path.join(path.dirname(require.resolve("vnu-jar")), "build", "dist", "vnu.jar");

let site;
const report = { pageTypes: PAGES.length, vnu: {}, axe: { light: {}, dark: {} }, weights: {}, consoleErrors: [], foreignRequests: [] };

before(async () => { site = await S.startSite(); });
after(async () => {
  fs.mkdirSync(S.SCREENSHOTS, { recursive: true });
  fs.writeFileSync(path.join(S.SCREENSHOTS, "report.json"), JSON.stringify(report, null, 2) + "\n");
  if (site) await site.close();
});

/** The built file behind a page type's path. */
function fileOf(p) {
  if (p.status === 404) return path.join(site.dir, "404.html");
  return path.join(site.dir, p.path.split("?")[0], "index.html");
}

/** Console errors that are not problems: the 404 page's own status. */
function realErrors(seen, p) {
  return seen.errors.filter((e) => !(p.status === 404 && /status of 404/.test(e)));
}

async function axe(page, context) {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy
  // (rightly) refuses an inline script it does not know.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(fs.readFileSync(AXE, "utf8"));
  const r = await page.evaluate((ctx) => window.axe.run(ctx || document, { resultTypes: ["violations"] }), context || null);
  return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

const serious = (vs) => vs.filter((v) => v.impact === "serious" || v.impact === "critical");

test("Nu HTML Checker: no errors on any page of the site", (t) => {
  const files = S.walk(site.dir, ".html").sort();
  const r = spawnSync("java", ["-jar", VNU, "--errors-only", "--format", "json", ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  assert.ok(!r.error, `could not run java: ${r.error}`);
  const out = JSON.parse(r.stderr || r.stdout || '{"messages":[]}');
  const byFile = {};
  for (const m of out.messages) {
    const f = decodeURIComponent(new URL(m.url).pathname);
    (byFile[f] = byFile[f] || []).push(`${m.type}: ${m.message} (line ${m.lastLine})`);
  }
  for (const p of PAGES) report.vnu[p.type] = (byFile[fileOf(p)] || []).length;
  report.vnu.pagesChecked = files.length;
  report.vnu.errorsTotal = out.messages.length;
  t.diagnostic(`vnu: ${files.length} pages checked, ${out.messages.length} errors`);
  const problems = Object.entries(byFile).map(([f, ms]) => `${path.relative(site.dir, f)}:\n  ${ms.join("\n  ")}`);
  assert.deepEqual(problems, []);
});

for (const theme of ["light", "dark"]) {
  test(`${theme} mode: axe-core finds no serious or critical violations; no console errors; no other hosts`, async (t) => {
    const { context, page } = await S.openPage(site.browser, { theme });
    const problems = [];
    try {
      for (const p of PAGES) {
        const seen = S.watchPage(page);
        const res = await page.goto(site.url + p.path);
        assert.equal(res.status(), p.status || 200, `${p.type}: HTTP status`);
        if (theme === "dark") assert.equal(await page.getAttribute("html", "data-theme"), "dark");
        const vs = await axe(page);
        report.axe[theme][p.type] = { serious: serious(vs).length, other: vs.filter((v) => !serious([v]).length).map((v) => `${v.id} (${v.impact})`) };
        for (const v of serious(vs)) problems.push(`${p.type} (/${p.path}): ${v.id} [${v.impact}] ${v.help}: ${v.nodes.join(", ")}`);
        await S.screenshot(page, `${p.type}-${theme}`);
        for (const e of realErrors(seen, p)) problems.push(`${p.type}: ${e}`);
        for (const u of seen.foreign) problems.push(`${p.type}: request to another host: ${u}`);
        report.consoleErrors.push(...realErrors(seen, p));
        report.foreignRequests.push(...seen.foreign);
        page.removeAllListeners("console");
        page.removeAllListeners("pageerror");
        page.removeAllListeners("request");
      }
      // The open search box (combobox + listbox) is accessible too.
      await page.goto(site.url);
      await page.locator("#search-box").fill("complience");
      await page.locator(".search-panel").waitFor({ state: "visible" });
      await page.keyboard.press("ArrowDown");
      const vs = await axe(page, ".topbar");
      report.axe[theme]["search-dropdown"] = { serious: serious(vs).length, other: vs.filter((v) => !serious([v]).length).map((v) => v.id) };
      for (const v of serious(vs)) problems.push(`search dropdown: ${v.id} [${v.impact}] ${v.help}: ${v.nodes.join(", ")}`);
    } finally {
      await context.close();
    }
    t.diagnostic(`${theme}: ${PAGES.length} page types, ${problems.length} problems`);
    assert.deepEqual(problems, []);
  });
}

test("phone (390×844): nothing scrolls sideways; no console errors; screenshots", async () => {
  const { context, page } = await S.openPage(site.browser, { viewport: { width: 390, height: 844 }, isMobile: true });
  const problems = [];
  try {
    for (const p of PAGES) {
      const seen = S.watchPage(page);
      await page.goto(site.url + p.path);
      const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
      if (sw > cw) problems.push(`${p.type} (/${p.path}): ${sw - cw}px wider than the phone`);
      await S.screenshot(page, `${p.type}-phone`, { maxHeight: 2600 });
      for (const e of realErrors(seen, p)) problems.push(`${p.type}: ${e}`);
      for (const u of seen.foreign) problems.push(`${p.type}: request to another host: ${u}`);
      page.removeAllListeners("console");
      page.removeAllListeners("pageerror");
      page.removeAllListeners("request");
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test("page weights: each HTML page ≤ 60 KB (except /print/; a launch checklist ≤ 100 KB), the CSS + JS a page loads ≤ 60 KB", (t) => {
  const pages = S.walk(site.dir, ".html").map((f) => ({ page: path.relative(site.dir, f), bytes: fs.statSync(f).size }));
  pages.sort((a, b) => b.bytes - a.bytes);
  const print = pages.find((p) => p.page === path.join("print", "index.html"));
  // A launch checklist carries every task with its dates, the market's notes
  // and the recorded evidence: the one page a launch team prints.
  const isChecklist = (p) => /(^|\/)checklist\/index\.html$/.test(p.page) || p.page === path.join("company", "index.html");
  // The printable edition of each language edition is exempt as the English one is.
  const printEditions = pages.filter((p) => /^[a-z]{2}(-[A-Za-z]+)?[\\/]print[\\/]index\.html$/.test(p.page));
  const over = pages.filter((p) => p !== print && !printEditions.includes(p) && p.bytes > (isChecklist(p) ? CHECKLIST_BUDGET : PAGE_BUDGET));
  const assets = fs.readdirSync(path.join(site.dir, "theme"))
    .filter((f) => /\.(css|js)$/.test(f))
    .map((f) => ({ file: `theme/${f}`, bytes: fs.statSync(path.join(site.dir, "theme", f)).size }));
  const assetTotal = assets.reduce((n, a) => n + a.bytes, 0);
  // What each page loads of the theme: its stylesheets and scripts.
  const size = Object.fromEntries(assets.map((a) => [a.file, a.bytes]));
  const loads = S.walk(site.dir, ".html").map((f) => {
    const html = fs.readFileSync(f, "utf8");
    const used = new Set();
    for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="(?:\.\.\/)*(theme\/[^"]+\.(?:css|js))"/g)) used.add(m[1]);
    return { page: path.relative(site.dir, f), bytes: [...used].reduce((n, u) => n + (size[u] || 0), 0), files: [...used] };
  });
  loads.sort((a, b) => b.bytes - a.bytes);
  const heaviest = loads[0];
  report.weights = {
    budgetBytes: PAGE_BUDGET,
    largestPages: pages.slice(0, 8),
    print: print && print.bytes,
    pages: pages.length,
    assets,
    assetTotal,
    heaviestPage: heaviest,
    searchIndex: fs.statSync(path.join(site.dir, "search-index.js")).size,
  };
  t.diagnostic(`largest pages: ${pages.slice(0, 5).map((p) => `${p.page} ${(p.bytes / KB).toFixed(1)} KB`).join(", ")}`);
  t.diagnostic(`/print/: ${print ? (print.bytes / KB).toFixed(1) : "?"} KB (exempt); CSS + JS: ${(assetTotal / KB).toFixed(1)} KB in all, at most ${(heaviest.bytes / KB).toFixed(1)} KB on one page (${heaviest.page})`);
  assert.ok(print, "the print edition exists");
  assert.deepEqual(over.map((p) => `${p.page}: ${(p.bytes / KB).toFixed(1)} KB`), [], "pages over their budget");
  assert.ok(heaviest.files.includes("theme/style.css"), `pages load the theme's stylesheet (${heaviest.page}: ${heaviest.files})`);
  assert.ok(heaviest.bytes <= ASSET_BUDGET, `${heaviest.page} loads ${(heaviest.bytes / KB).toFixed(1)} KB of CSS + JS: ${JSON.stringify(heaviest.files)}`);
});
