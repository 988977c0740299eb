// Search: "/" focuses the box, a typo is corrected ("Showing results for"),
// arrows + Enter open a result, Esc closes; and the relevance set in
// relevance.json: each query's page is in the top 3 of /search/?q=….
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");
const RELEVANCE = require("../relevance.json");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

test("the search box: '/', a typo, arrows + Enter, Esc", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "markets/");
    const box = page.locator("#search-box");
    const panel = page.locator(".search-panel");
    const options = page.locator("#search-results [role=option]");

    await page.locator("h1").click();
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), "search-box", '"/" focuses the search box');
    assert.equal(await box.inputValue(), "", 'the "/" is not typed into the box');

    await page.keyboard.type("complience");
    await panel.waitFor({ state: "visible" });
    assert.equal(await box.getAttribute("aria-expanded"), "true");
    assert.match(await panel.innerText(), /Showing results for “compliance”/);
    const top3 = await options.evaluateAll((os) => os.slice(0, 3).map((o) => o.innerText));
    assert.ok(top3.some((t) => /compliance/i.test(t)), `a Compliance page in the top 3: ${JSON.stringify(top3)}`);
    await S.screenshot(page, "search-dropdown", { maxHeight: 800 });

    await page.keyboard.press("ArrowDown");
    const first = options.first();
    assert.equal(await first.getAttribute("aria-selected"), "true");
    assert.equal(await box.getAttribute("aria-activedescendant"), await first.getAttribute("id"));
    const target = new URL(await first.getAttribute("href"), page.url());
    const title = await first.evaluate((a) => {
      const c = a.cloneNode(true);
      c.querySelectorAll(".kind, .note").forEach((x) => x.remove());
      return c.textContent.trim();
    });
    await Promise.all([page.waitForURL(target.href), page.keyboard.press("Enter")]);
    assert.equal(await S.heading(page), title, "Enter opens the selected result");

    // Esc closes the results and leaves the box.
    await page.keyboard.press("/");
    await page.keyboard.type("gdpr");
    await panel.waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    assert.equal(await box.getAttribute("aria-expanded"), "false");

    // Enter with nothing selected goes to the search page with the query.
    await box.fill("uptme");
    await Promise.all([page.waitForURL("**/search/?q=uptme"), box.press("Enter")]);
    assert.match(await page.locator(".search-status").innerText(), /Showing results for “uptime”/);
    assert.ok(await page.locator(".search-page-results li").count() >= 2);

    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});

test("the search page filters results by kind", async () => {
  const { context, page } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "search/?q=compliance");
    const filters = page.locator(".search-filters a");
    assert.ok(await filters.count() >= 3, "one filter per kind found, plus All");
    const metric = filters.filter({ hasText: /^metric/ });
    const n = Number((await metric.locator("span").innerText()).trim());
    await Promise.all([page.waitForURL(/kind=metric/), metric.click()]);
    assert.equal(await page.locator(".search-page-results li").count(), n);
    assert.equal(await page.locator(".search-page-results .kind-badge", { hasNotText: "metric" }).count(), 0);
  } finally {
    await context.close();
  }
});

test(`relevance: each of the ${RELEVANCE.queries.length} queries finds its page in the top 3`, async () => {
  assert.ok(RELEVANCE.queries.length >= 25);
  const { context, page } = await S.openPage(site.browser);
  const misses = [];
  try {
    for (const { q, expect } of RELEVANCE.queries) {
      await page.goto(site.url + "search/?q=" + encodeURIComponent(q));
      const top = await page.locator(".search-page-results li a").evaluateAll((as) => as.slice(0, 3).map((a) => a.href));
      const paths = top.map((h) => S.sitePath(h));
      if (!paths.includes(expect)) misses.push(`"${q}": expected ${expect} in the top 3, got ${JSON.stringify(paths)}`);
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(misses, []);
});
