// Script injection: a playbook whose every text field carries
// `</script><img src=x onerror=alert(1)><!--` (lib/poison.js) is built and
// every page opened, served and from disk. No dialog opens, no image from
// the text appears, the page's Content-Security-Policy refuses nothing (so
// escaping, not the policy, kept the text inert), and the text is shown as
// text. Then the same payload is searched for.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const S = require("../lib/site.js");
const { makePoisonedPlaybook } = require("../lib/poison.js");

const SHOWN = "</script><img src=x onerror=alert(1)><!--";

let tmp, dest, server, browser, fields;
before(async () => {
  tmp = S.tempDir("playbook-poison-");
  const root = path.join(tmp, "playbook");
  fields = makePoisonedPlaybook(S.playbookBin(), root);
  dest = S.buildSite(root);
  server = await S.serveDir(dest);
  browser = await S.launchBrowser();
});
after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.close();
  if (dest) fs.rmSync(path.dirname(dest), { recursive: true, force: true });
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Open `url` and report what a reader would notice. */
async function visit(page, seen, url) {
  const dialogs = [];
  const onDialog = (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); };
  page.on("dialog", onDialog);
  try {
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(50);
    const dom = await page.evaluate(() => ({
      images: document.querySelectorAll('img[src="x"]').length,
      text: document.body.innerText,
      bodyEnd: !!document.querySelector("footer.footer, body > script[src]"),
    }));
    return { dialogs, ...dom, errors: seen.errors.splice(0) };
  } finally {
    page.off("dialog", onDialog);
  }
}

test("every page of the poisoned playbook shows the markup as text and runs none of it", async () => {
  assert.ok(fields > 40, `the payload went into ${fields} fields`);
  const pages = S.walk(dest, ".html").map((f) => path.relative(dest, f).split(path.sep).join("/"));
  assert.ok(pages.length > 20, `${pages.length} pages`);
  const { context, page, seen } = await S.openPage(browser);
  try {
    for (const p of pages) {
      const url = server.url + p.replace(/index\.html$/, "");
      const r = await visit(page, seen, url);
      assert.deepEqual(r.dialogs, [], `${p}: no dialog`);
      assert.equal(r.images, 0, `${p}: no <img src=x> made from a text`);
      assert.deepEqual(r.errors, [], `${p}: no console error (a CSP refusal means a text reached markup)`);
      assert.ok(r.bodyEnd, `${p}: the page is whole (its footer or scripts are there)`);
      assert.ok(r.text.includes(SHOWN), `${p}: the text is shown as text`);
    }
  } finally {
    await context.close();
  }
});

test("opened from disk, pages with embedded data keep it inert", async () => {
  const { context, page, seen } = await S.openPage(browser);
  try {
    for (const p of ["index.html", "status/index.html", "markets/de/index.html", "markets/de/checklist/index.html", "search/index.html"]) {
      const r = await visit(page, seen, "file://" + path.join(dest, p));
      assert.deepEqual(r.dialogs, [], `${p}: no dialog`);
      assert.equal(r.images, 0, `${p}: no image from a text`);
      assert.deepEqual(r.errors.filter((e) => !/Failed to load resource/.test(e)), [], `${p}: no console error`);
      assert.ok(r.text.includes(SHOWN), `${p}: the text is shown as text`);
    }
  } finally {
    await context.close();
  }
});

test("searching for the payload lists results as text", async () => {
  const { context, page, seen } = await S.openPage(browser);
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  try {
    await page.goto(server.url + "search/?q=" + encodeURIComponent("onerror alert script"));
    await page.locator(".search-page-results li, .search-hit, .result").first().waitFor({ timeout: 5000 }).catch(() => {});
    await page.goto(server.url);
    await page.locator("#search-box").fill("onerror");
    await page.waitForTimeout(400);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test("the policy blocks an inline script that a template writes by mistake", async () => {
  // Defence in depth: a page of the built site with a script element
  // smuggled in is refused by its own Content-Security-Policy.
  const file = path.join(dest, "index.html");
  const html = fs.readFileSync(file, "utf8");
  const smuggled = path.join(dest, "smuggled.html");
  fs.writeFileSync(smuggled, html.replace("</main>", '<img src=x onerror="document.title=\'RAN\'"><script>document.title="RAN"</script></main>'));
  const { context, page, seen } = await S.openPage(browser, { theme: "dark" });
  try {
    await page.goto(server.url + "smuggled.html");
    await page.waitForTimeout(100);
    assert.notEqual(await page.title(), "RAN", "the inline script and handler did not run");
    assert.ok(seen.errors.some((e) => /Content Security Policy/.test(e)), "the browser says the policy refused them");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark", "the theme's own inline script (allowed by its hash) ran");
  } finally {
    await context.close();
    fs.rmSync(smuggled);
  }
});

