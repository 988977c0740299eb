// JavaScript off: every page type still shows its content and navigation,
// the phone menu still opens (CSS only), and search says it needs JavaScript.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");
const PAGES = require("../lib/pages.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

test("with JavaScript off, pages render their content and navigation links", async () => {
  const { context, page } = await S.openPage(site.browser, { javaScriptEnabled: false });
  try {
    for (const p of PAGES) {
      await page.goto(site.url + p.path);
      const what = `${p.type} (/${p.path})`;
      assert.ok((await S.heading(page)).length > 0, `${what}: has a heading`);
      assert.ok((await page.locator("nav.sidebar a.nav-top").count()) >= 7, `${what}: sidebar sections are links`);
      assert.ok(await page.locator("nav.sidebar").isVisible(), `${what}: the sidebar shows on a desktop`);
      const text = (await page.locator("main").innerText()).length;
      assert.ok(text > 100, `${what}: main has content (${text} characters)`);
      if (p.type !== "home" && p.type !== "404") {
        assert.ok(await page.locator("nav.breadcrumbs a, nav.prev-next a").count() > 0 || p.type === "search" || p.type === "print",
          `${what}: has breadcrumbs or previous/next links`);
      }
    }
    // Page-specific content that must not depend on scripts.
    await page.goto(site.url + "frameworks/international-operations/regulatory-compliance/international-compliance-framework/");
    assert.ok(await page.locator("li.task").count() > 3, "a step lists its tasks");
    await page.goto(site.url + "markets/de/");
    assert.ok(await page.locator("figure svg.chart").count() >= 1, "a market shows its timeline");
    await page.goto(site.url + "markets/de/checklist/");
    assert.ok(await page.locator(".ck input[type=checkbox]").count() > 100, "the checklist shows its boxes");
    await page.goto(site.url + "search/?q=gdpr");
    assert.match(await page.locator("main").innerText(), /Search needs JavaScript/);
  } finally {
    await context.close();
  }
});

test("with JavaScript off, the phone menu still opens", async () => {
  const { context, page } = await S.openPage(site.browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
  try {
    await page.goto(site.url + "metrics/");
    const sidebar = page.locator("nav.sidebar");
    assert.equal(await sidebar.isVisible(), false);
    await page.locator("label.menu-button").click();
    await sidebar.waitFor({ state: "visible" });
    await Promise.all([page.waitForURL("**/regulations/"), sidebar.locator("a.nav-top", { hasText: /^Regulations$/ }).click()]);
    assert.equal(await S.heading(page), "Regulations");
    await S.screenshot(page, "phone-no-js-regulations", { maxHeight: 1200 });
  } finally {
    await context.close();
  }
});
