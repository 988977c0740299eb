// Dark mode: the toggle switches the theme, the choice survives a reload,
// and the page really is dark (not just the attribute).
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map(Number).map((c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test("the theme toggle turns dark mode on, and it stays on after a reload", async () => {
  const { context, page, seen } = await S.openPage(site.browser, { theme: "light" });
  try {
    const path = "frameworks/ai-operations/";
    await page.goto(site.url + path);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await page.getAttribute("html", "data-theme"), null, "no theme chosen yet");
    assert.ok(luminance(await bg()) > 0.8, "light by default on a light system");
    await S.screenshot(page, "dark-mode-1-light", { maxHeight: 1200 });

    const toggle = page.locator("button.theme-toggle");
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    await toggle.click();
    await page.waitForSelector("html[data-theme=dark]");
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    assert.ok(luminance(await bg()) < 0.05, "the page turned dark");

    await page.reload();
    await page.waitForLoadState("load");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark", "still dark after reload");
    assert.ok(luminance(await bg()) < 0.05, "still dark after reload");
    assert.equal(await page.locator("button.theme-toggle").getAttribute("aria-pressed"), "true");
    await S.screenshot(page, "dark-mode-2-dark", { maxHeight: 1200 });

    // Another page of the site is dark too, and toggling back sticks.
    await page.goto(site.url + "markets/de/");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    await page.locator("button.theme-toggle").click();
    await page.reload();
    assert.equal(await page.getAttribute("html", "data-theme"), "light");
    assert.ok(luminance(await bg()) > 0.8);

    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});

test("with no choice made, the site follows a dark system setting", async () => {
  const context = await site.browser.newContext({ colorScheme: "dark" });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.ok(luminance(bg) < 0.05, `dark background on a dark system, got ${bg}`);
    assert.equal(await page.locator("button.theme-toggle").getAttribute("aria-pressed"), "true");
  } finally {
    await context.close();
  }
});
