// A reader clicks through the playbook: home → a story chapter → a step the
// chapter links to → a market that references the step ("Referenced by") →
// the market's launch checklist. Every hop checks the heading of the page reached.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

test("home → chapter → referenced step → backlink to a market → its checklist", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await page.goto(site.url);
    assert.equal(await S.heading(page), "AI Operations Playbook");

    // 1. A story chapter from the home page's story list.
    const chapter = page.locator(".chapter-list a", { hasText: "Crossing Borders" });
    await Promise.all([page.waitForURL("**/story/crossing-borders/"), chapter.click()]);
    assert.equal(await S.heading(page), "Crossing Borders");

    // 2. The first step the chapter's text links to.
    const stepLink = page.locator(".prose a.xref-step").first();
    const stepHref = await stepLink.getAttribute("href");
    assert.ok(stepHref, "the chapter links to a step in its text");
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith("/frameworks/")), stepLink.click()]);
    const stepPath = S.sitePath(page.url());
    const stepTitle = await S.indexTitle(page, stepPath);
    assert.ok(stepTitle, `${stepPath} is a page the search index knows`);
    assert.equal(await S.heading(page), stepTitle);
    assert.match(await page.locator(".eyebrow").first().innerText(), /^step/i, "the page reached is a step");

    // 3. A backlink: a market listed under "Referenced by".
    const refs = page.locator("section.backlinks");
    await refs.scrollIntoViewIfNeeded();
    assert.equal((await refs.locator("h2").innerText()).trim(), "Referenced by");
    const marketLink = refs.locator(".backlink-group", { has: page.locator("h3", { hasText: /^Markets$/i }) }).locator("a").first();
    const market = (await marketLink.innerText()).trim();
    await Promise.all([page.waitForURL((u) => /^\/markets\/[a-z]+\/$/.test(u.pathname)), marketLink.click()]);
    assert.equal(await S.heading(page), market);

    // 4. The market's checklist.
    await Promise.all([page.waitForURL("**/checklist/"), page.locator("a.button", { hasText: "launch checklist" }).click()]);
    assert.equal(await S.heading(page), `${market} launch checklist`);
    assert.ok((await page.locator(".ck input[type=checkbox]").count()) > 50, "the checklist lists its tasks");

    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});

test("every step, market and chapter is at most three clicks from home", async () => {
  // Breadth-first over the links a reader can click (sidebar, content, cards),
  // starting at home: each page of those kinds must be reached within 3 clicks.
  const fs = require("node:fs");
  const path = require("node:path");
  const wanted = S.walk(site.dir, "index.html")
    .map((f) => path.relative(site.dir, path.dirname(f)).split(path.sep).join("/") + "/")
    .filter((p) => /^(story\/[^/]+|markets\/[a-z]+|frameworks\/.+)\/$/.test(p));
  const links = (p) => {
    const html = fs.readFileSync(path.join(site.dir, p, "index.html"), "utf8");
    const out = new Set();
    for (const m of html.matchAll(/href="([^"#]*)(#[^"]*)?"/g)) {
      if (/^[a-z]+:/i.test(m[1]) || !m[1].endsWith("/")) continue;
      out.add(path.posix.normalize(path.posix.join(p || ".", m[1])).replace(/^\.\/?/, "") + "/");
    }
    return [...out].map((x) => (x === "/" || x === "./" ? "" : x.replace(/\/+$/, "/")));
  };
  assert.ok(wanted.length > 40, `found the step, market and chapter pages (${wanted.length})`);
  const depth = new Map([["", 0]]);
  let frontier = [""];
  for (let d = 1; d <= 3; d++) {
    const next = [];
    for (const p of frontier) for (const q of links(p)) if (!depth.has(q)) { depth.set(q, d); next.push(q); }
    frontier = next;
  }
  const far = wanted.filter((p) => !depth.has(p));
  assert.deepEqual(far, [], "pages more than three clicks from home");
});
