// The story as a reader meets it: each chapter says how long it takes to
// read; chapters read to their end are marked on the story index ("2 of 8
// chapters read") after a reload; the home page offers the last chapter
// opened. All of it kept in this browser only.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

async function readToTheEnd(page, path) {
  await page.goto(site.url + path);
  assert.match(await page.locator(".reading-time").innerText(), /^\d+ min read$/);
  await page.locator("[data-chapter-end]").scrollIntoViewIfNeeded();
  // The chapter is marked read once its end has been on screen.
  await page.waitForFunction((p) => (JSON.parse(localStorage.getItem("playbook-read")) || []).includes(p), path);
}

test("chapters read to their end show on the story path after a reload, and home offers the last one", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "story/");
    assert.equal(await page.locator("[data-story-progress]").innerText(), "0 of 8 chapters read");
    assert.equal(await page.locator("li.is-read").count(), 0);
    const first = await page.locator("li[data-chapter]").nth(0).getAttribute("data-chapter");
    const second = await page.locator("li[data-chapter]").nth(1).getAttribute("data-chapter");
    await readToTheEnd(page, first);
    await readToTheEnd(page, second);
    const title = (await page.locator("h1").innerText()).trim();

    await page.goto(site.url + "story/");
    await page.reload();
    assert.equal(await page.locator("[data-story-progress]").innerText(), "2 of 8 chapters read");
    assert.equal(await page.locator("li.is-read").count(), 2);
    assert.ok(await page.locator(`li[data-chapter="${first}"] .read-mark`).isVisible());
    assert.equal(await page.locator(".read-mark:visible").count(), 2, "only the chapters read are marked");
    await S.screenshot(page, "story-path", { maxHeight: 1400 });

    await page.goto(site.url);
    const cont = page.locator("[data-continue] a");
    assert.equal((await cont.innerText()).trim(), title);
    await cont.click();
    await page.waitForURL(site.url + second);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});

test("a chapter only opened, not read to its end, is not marked read", async () => {
  const { context, page } = await S.openPage(site.browser, { viewport: { width: 1200, height: 700 } });
  try {
    await page.goto(site.url + "story/");
    const third = await page.locator("li[data-chapter]").nth(2).getAttribute("data-chapter");
    await page.goto(site.url + third);
    await page.waitForTimeout(300);
    const read = await page.evaluate(() => JSON.parse(localStorage.getItem("playbook-read")) || []);
    assert.ok(!read.includes(third), "opened is not read");
  } finally {
    await context.close();
  }
});
