// A 390×844 phone: the menu button opens the sidebar, a link in it
// navigates (and the menu closes), and nothing is wider than the screen.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

test("the phone menu opens the sidebar and a link in it navigates", async () => {
  const { context, page, seen } = await S.openPage(site.browser, PHONE);
  try {
    await page.goto(site.url + "story/crossing-borders/");
    const sidebar = page.locator("nav.sidebar");
    assert.equal(await sidebar.isVisible(), false, "the sidebar is folded away on a phone");
    const button = page.locator(".menu-button");
    assert.ok(await button.isVisible(), "a menu button is shown");
    assert.equal(await button.evaluate((b) => b.tagName), "BUTTON", "with JavaScript the menu is a real button");
    assert.equal(await button.getAttribute("aria-expanded"), "false");

    await button.click();
    await sidebar.waitFor({ state: "visible" });
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    const box = await sidebar.boundingBox();
    assert.ok(box.width >= 380, `the open menu spans the screen (width ${box.width})`);
    await S.screenshot(page, "phone-menu-open", { maxHeight: 844 });

    // Escape closes it; the button opens it again.
    await page.keyboard.press("Escape");
    await sidebar.waitFor({ state: "hidden" });
    await button.click();
    await sidebar.waitFor({ state: "visible" });

    const link = sidebar.locator("a.nav-top", { hasText: /^Markets$/ });
    await Promise.all([page.waitForURL("**/markets/"), link.click()]);
    assert.equal(await S.heading(page), "Markets");
    assert.equal(await page.locator("nav.sidebar").isVisible(), false, "the menu is closed on the new page");
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `no sideways scrolling on the markets page (${wide}px too wide)`);
    await S.screenshot(page, "phone-markets", { maxHeight: 1600 });

    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});
