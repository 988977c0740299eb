// Language editions as a reader in Frankfurt or Tokyo meets them: the
// switcher on every page takes you to the same page in the other language
// and back; the German edition speaks German (words, <html lang>, the
// market's own texts) and its search finds German words and stays in the
// edition; the Japanese edition finds a term by its characters.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

test("the switcher goes from a page to the same page in German and back", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "markets/de/");
    assert.equal(await page.locator("h1").innerText(), "Germany");
    await page.locator("nav.editions a[hreflang=de]").click();
    await page.waitForURL(/\/de\/markets\/de\/$/);
    assert.equal(await page.locator("html").getAttribute("lang"), "de");
    assert.equal(await page.locator("h1").innerText(), "Deutschland");
    assert.equal(await page.locator("a.skip").textContent(), "Zum Inhalt springen");
    assert.equal(await page.locator("nav.editions a[aria-current]").innerText(), "Deutsch");
    // A page whose English changed or is partly translated says so, in German.
    const note = page.locator(".translation-note");
    if (await note.count()) assert.match(await note.innerText(), /übersetz/);
    await S.screenshot(page, "edition-de-market", { maxHeight: 1200 });
    await page.locator("nav.editions a[hreflang=en]").click();
    await page.waitForURL((u) => new URL(u).pathname.endsWith("/markets/de/") && !new URL(u).pathname.includes("/de/markets"));
    assert.equal(await page.locator("h1").innerText(), "Germany");
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test("the German edition's search finds a German word and stays in the edition", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "de/search/?q=" + encodeURIComponent("Betriebsrat"));
    await page.locator(".search-page-results[data-source=full-text]").waitFor({ state: "attached" });
    const links = await page.locator(".search-page-results > li > a.result-title").evaluateAll((as) => as.map((a) => [a.href, a.textContent]));
    assert.ok(links.length >= 1, "Betriebsrat finds a page");
    for (const [href] of links) assert.ok(new URL(href).pathname.startsWith(new URL(site.url).pathname + "de/"), `${href} stays in the German edition`);
    // Germany's page (its works-council task) is found, under its German name.
    assert.ok(links.some(([href, title]) => title === "Deutschland" && /\/de\/markets\/de\//.test(href)), `Deutschland among: ${links.map((l) => l[1]).join(" | ")}`);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test("the Japanese edition finds 個人情報 by its characters", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "ja/search/?q=" + encodeURIComponent("個人情報保護委員会"));
    await page.locator(".search-page-results[data-source=full-text]").waitFor({ state: "attached" });
    const n = await page.locator(".search-page-results > li").count();
    assert.ok(n >= 1, "個人情報保護委員会 finds a page of the Japanese edition");
    assert.equal(await page.locator("html").getAttribute("lang"), "ja");
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});
