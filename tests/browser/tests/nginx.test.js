// The published site behind a real nginx (Debian's nginx-light), configured
// by the repository's deploy/nginx/playbook.conf exactly as
// docs/publishing.md says: the real playbook built with
// `--base-url /ops/playbook/`, served under /ops/playbook/ on a free port.
// The HTTP rules (folders, redirects, the 404 page, types, caching, no
// second compression of the search index) are checked on the wire; then a
// reader clicks through (home → a framework → a step → next), searches and
// opens a result, uses a market's checklist, and lands on the 404 page.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const S = require("../lib/site.js");
const N = require("../lib/nginx.js");

const PREFIX = "/ops/playbook/";

let site; // { dir, www, nginx, base, browser }
before(async () => {
  const dir = S.buildSite(S.REPO, ["--base-url", PREFIX]);
  // The server's document root holds the site at its sub-path; a symbolic
  // link, as a release-folder deploy (docs/publishing.md) makes.
  const www = S.tempDir("playbook-www-");
  fs.mkdirSync(path.join(www, "ops"));
  fs.symlinkSync(dir, path.join(www, "ops", "playbook"));
  const nginx = await N.startNginx(www);
  let browser;
  try {
    browser = await S.launchBrowser();
  } catch (e) {
    await nginx.close();
    throw e;
  }
  site = { dir, www, nginx, browser, base: nginx.origin + PREFIX };
});
after(async () => {
  if (!site) return;
  await site.browser.close().catch(() => {});
  await site.nginx.close();
  fs.rmSync(site.www, { recursive: true, force: true });
  fs.rmSync(path.dirname(site.dir), { recursive: true, force: true });
});

/** One raw GET (no redirect following, no decompression): { status, headers, body }. */
function get(p, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(site.nginx.origin + p, { headers: { "Accept-Encoding": "gzip", ...headers } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
  });
}

/** A page that records every request outside the site's sub-path. */
async function openSitePage() {
  const opened = await S.openPage(site.browser);
  opened.outside = [];
  opened.page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith("http") && !u.pathname.startsWith(PREFIX)) opened.outside.push(r.url());
  });
  return opened;
}

test("nginx: folders, redirects, the 404 page, types, caching, the search index as raw bytes", async () => {
  const home = await get(PREFIX);
  assert.equal(home.status, 200);
  assert.equal(home.headers["content-type"], "text/html; charset=utf-8");
  assert.equal(home.headers["cache-control"], "no-cache", "pages are revalidated: a new build shows at once");
  assert.equal(home.headers["content-encoding"], "gzip", "HTML is compressed");

  const bare = await get(PREFIX.slice(0, -1));
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, PREFIX);
  const folder = await get(PREFIX + "markets/de");
  assert.equal(folder.status, 301, "a folder without its slash is redirected");
  assert.equal(folder.headers.location, PREFIX + "markets/de/", "relative to the server, not to its port");
  const market = await get(PREFIX + "markets/de/", { "Accept-Encoding": "identity" });
  assert.equal(market.status, 200, "a folder is its index.html");
  assert.equal(market.body.toString(), fs.readFileSync(path.join(site.dir, "markets/de/index.html"), "utf8"));

  const notFound = fs.readFileSync(path.join(site.dir, "404.html"), "utf8");
  for (const p of ["no/such/page/", "markets/xx/", "theme/nope.css", "fulltext/pages/999999.bin", ".playbook-site"]) {
    const r = await get(PREFIX + p, { "Accept-Encoding": "identity" });
    assert.equal(r.status, 404, p);
    assert.equal(r.body.toString(), notFound, `${p} gets the site's 404 page`);
    assert.equal(r.headers["cache-control"], "no-cache", `${p}: a 404 is never kept`);
  }

  const types = {
    "theme/style.css": "text/css; charset=utf-8",
    "theme/search.js": "text/javascript; charset=utf-8",
    "theme/favicon.svg": "image/svg+xml; charset=utf-8",
    "playbook.json": "application/json; charset=utf-8",
    "markets/de/checklist-de.csv": "text/csv; charset=utf-8",
    "markets/de/checklist-de.md": "text/markdown; charset=utf-8",
  };
  for (const [p, type] of Object.entries(types)) {
    const r = await get(PREFIX + p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers["content-type"], type, p);
    assert.equal(r.headers["cache-control"], "no-cache", `${p} keeps its name across builds: revalidated`);
  }

  // The search index: the manifest is revalidated, everything it names is
  // immutable (hashed names, or ?v=<version>), and the .bin files are the
  // exact bytes on disk, never compressed again.
  const manifest = await get(PREFIX + "fulltext/manifest.json");
  assert.equal(manifest.status, 200);
  assert.equal(manifest.headers["cache-control"], "no-cache");
  const m = JSON.parse(fs.readFileSync(path.join(site.dir, "fulltext/manifest.json"), "utf8"));
  const chunk = m.chunks[0][1];
  const bundle = fs.readdirSync(path.join(site.dir, "fulltext/pages")).find((f) => f.endsWith(".bin"));
  for (const p of [chunk, `pages/${bundle}?v=${m.v}`]) {
    const r = await get(PREFIX + "fulltext/" + p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers["content-type"], "application/octet-stream", p);
    assert.equal(r.headers["content-encoding"], undefined, `${p} is not compressed a second time`);
    assert.equal(r.headers["cache-control"], "public, max-age=31536000, immutable", p);
    assert.deepEqual(r.body, fs.readFileSync(path.join(site.dir, "fulltext", p.split("?")[0])), `${p}: the bytes on disk`);
  }
  assert.equal((await get(PREFIX + `fulltext/pages/${bundle}?v=${m.v}`)).body[0], 0x78, "a bundle is a zlib stream");
  const facets = await get(PREFIX + `fulltext/${m.facets}?v=${m.v}`);
  assert.equal(facets.headers["content-type"], "application/json; charset=utf-8");
  assert.equal(facets.headers["cache-control"], "public, max-age=31536000, immutable");
});

test("click-through under /ops/playbook/: home → a framework → a step → next", async () => {
  const { context, page, seen, outside } = await openSitePage();
  try {
    await page.goto(site.base);
    assert.equal(await S.heading(page), "AI Operations Playbook");

    const card = page.locator("a.card[href='frameworks/ai-operations/']");
    await Promise.all([page.waitForURL("**/ops/playbook/frameworks/ai-operations/"), card.click()]);
    assert.equal(await S.heading(page), "AI Operations Implementation Methodology");

    // The first of the framework's steps, from the page's own content.
    const step = page.locator(`#content a[href$="/ai-operations/mlops-infrastructure-implementation/"]`).first();
    const stepTitle = (await step.innerText()).replace(/^\d+\.\s*/, "").trim();
    await Promise.all([page.waitForURL("**/ai-operations/mlops-infrastructure-implementation/"), step.click()]);
    assert.equal(await S.heading(page), stepTitle);
    assert.match(await page.locator(".eyebrow").first().innerText(), /^step 1\b/i);

    const next = page.locator(".prev-next a.next");
    const nextTitle = (await next.innerText()).replace(/^Next\s*/, "").trim();
    const nextUrl = new URL(await next.getAttribute("href"), page.url()).href;
    await Promise.all([page.waitForURL(nextUrl), next.click()]);
    assert.ok(new URL(page.url()).pathname.startsWith(PREFIX + "frameworks/ai-operations/"));
    assert.equal(await S.heading(page), nextTitle);
    assert.match(await page.locator(".eyebrow").first().innerText(), /^step 2\b/i);

    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
    assert.deepEqual(outside, [], "every request stays under /ops/playbook/");
  } finally {
    await context.close();
  }
});

test("search through nginx: type a query, see results, open one", async () => {
  const { context, page, seen, outside } = await openSitePage();
  const fulltext = [];
  page.on("response", (r) => { if (r.url().includes("/fulltext/")) fulltext.push([r.url(), r.status()]); });
  try {
    await page.goto(site.base);
    await page.locator("#search-box").click();
    await page.keyboard.type("data residency");
    await page.locator('.search-panel[data-source=full-text][data-query="data residency"]').waitFor();
    const options = page.locator("#search-results [role=option]");
    assert.ok((await options.count()) > 0, "results are shown");
    assert.ok(await page.locator("#search-results mark").count() > 0, "the words are highlighted");
    assert.ok(fulltext.some(([u]) => u.includes("/fulltext/pages/")), `snippets came from a fragment bundle: ${JSON.stringify(fulltext)}`);
    assert.deepEqual(fulltext.filter(([, s]) => s !== 200), [], "every index file was served");

    const first = options.first();
    const target = new URL(await first.getAttribute("href"), page.url());
    const title = await first.evaluate((a) => {
      const c = a.cloneNode(true);
      c.querySelectorAll(".kind, .note").forEach((x) => x.remove());
      return c.textContent.trim();
    });
    await Promise.all([page.waitForURL(target.href), first.click()]);
    assert.ok(target.pathname.startsWith(PREFIX), target.href);
    assert.equal(await S.heading(page), title, "the result opens its page");

    // The shareable search page, too.
    await page.goto(site.base + "search/?q=" + encodeURIComponent("complience"));
    await page.locator(".search-page-results[data-source=full-text]").waitFor({ state: "attached" });
    assert.match(await page.locator("main").innerText(), /Showing results for/);
    assert.ok((await page.locator(".search-page-results > li").count()) > 0);

    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
    assert.deepEqual(outside, []);
  } finally {
    await context.close();
  }
});

test("a market's checklist through nginx: tick a task, it survives a reload", async () => {
  const { context, page, seen, outside } = await openSitePage();
  try {
    await page.goto(site.base + "markets/");
    const link = page.locator("#content a[href$='markets/de/checklist/']").first();
    await Promise.all([page.waitForURL("**/ops/playbook/markets/de/checklist/"), link.click()]);
    assert.equal(await S.heading(page), "Germany launch checklist");
    const boxes = page.locator(".ck input[type=checkbox]");
    assert.ok((await boxes.count()) > 50, "the checklist lists its tasks");
    await boxes.first().check();
    await page.reload();
    assert.equal(await boxes.first().isChecked(), true, "the tick is kept");
    const csv = page.locator("a[href$='checklist-de.csv']").first();
    const res = await page.request.get(new URL(await csv.getAttribute("href"), page.url()).href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-type"], /^text\/csv/);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(outside, []);
  } finally {
    await context.close();
  }
});

test("a missing path shows the site's 404 page, styled, with a way home", async () => {
  const { context, page, seen, outside } = await openSitePage();
  try {
    const res = await page.goto(site.base + "no/such/page/");
    assert.equal(res.status(), 404);
    assert.equal(await S.heading(page), "Page not found");
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector(".topbar")).position);
    assert.notEqual(bg, "static", "the stylesheet loaded at this depth");
    await Promise.all([page.waitForURL(site.base), page.locator("a.brand").click()]);
    assert.equal(await S.heading(page), "AI Operations Playbook");
    // The only console error is the 404 itself.
    assert.deepEqual(seen.errors.filter((e) => !/404/.test(e)), []);
    assert.deepEqual(outside, []);
  } finally {
    await context.close();
  }
});

test("every link of the 404 page works at any depth", async () => {
  const { context, page } = await openSitePage();
  try {
    await page.goto(site.base + "no/such/page/");
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.href).filter((h) => !h.includes("#")));
    const broken = [];
    for (const h of new Set(hrefs)) {
      const r = await get(new URL(h).pathname);
      if (r.status !== 200) broken.push(`${h} → ${r.status}`);
    }
    assert.deepEqual(broken, []);
  } finally {
    await context.close();
  }
});
