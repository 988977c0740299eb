// The launch checklist: ticks are kept per market across reloads, the
// progress text counts them, reset clears them, and each row's task id (what
// the ticks are keyed by) is the stable id of the CSV download.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

// Ireland: a planned launch, nothing recorded yet (launched markets open
// with the ticks their progress files record).
const URL_PATH = "markets/ie/checklist/";

test("ticks survive a reload, progress counts them, reset clears them", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  page.on("dialog", (d) => d.accept());
  try {
    await page.goto(site.url + URL_PATH);
    assert.equal(await S.heading(page), "Ireland launch checklist");
    const boxes = page.locator(".ck input[type=checkbox]");
    const total = await boxes.count();
    assert.ok(total > 100, `the checklist has its tasks (${total})`);
    const progress = page.locator(".progress-text");
    assert.equal(await progress.innerText(), `0 of ${total} done`);

    // Tick two: one by its box, one by clicking the task's text (the label).
    await boxes.nth(0).check();
    await page.locator(".ck label").nth(5).click();
    assert.equal(await boxes.nth(5).isChecked(), true, "clicking a task's text ticks its box");
    assert.match(await progress.innerText(), /^2 of \d+ done$/);
    assert.equal(await page.locator(".progress progress").evaluate((p) => p.value), 2);

    await page.reload();
    assert.equal(await boxes.nth(0).isChecked(), true, "first tick kept");
    assert.equal(await boxes.nth(5).isChecked(), true, "second tick kept");
    assert.equal(await page.locator(".ck input:checked").count(), 2);
    assert.equal(await progress.innerText(), `2 of ${total} done`);
    await S.screenshot(page, "checklist-ticked", { maxHeight: 1400 });

    // Another market's checklist is separate.
    await page.goto(site.url + "markets/fr/checklist/");
    assert.equal(await page.locator(".ck input:checked").count(), 0, "ticks are kept per market");
    await page.goto(site.url + URL_PATH);

    await page.locator("button.reset").click();
    assert.equal(await page.locator(".ck input:checked").count(), 0, "reset unticks everything");
    assert.equal(await progress.innerText(), `0 of ${total} done`);
    await page.reload();
    assert.equal(await page.locator(".ck input:checked").count(), 0, "and stays cleared after a reload");

    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});

test("ticks are keyed by the stable task ids of the CSV download", async () => {
  const { context, page } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + URL_PATH);
    await page.locator(".ck input[type=checkbox]").nth(0).check();
    await page.locator(".ck input[type=checkbox]").last().check();
    const stored = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem("playbook-checklist-ie"))));
    const csv = fs.readFileSync(path.join(site.dir, "markets", "ie", "checklist-ie.csv"), "utf8").trim().split("\n");
    const col = csv[0].split(",").indexOf("task_id");
    assert.ok(col >= 0, "the CSV has a task_id column");
    const due = csv[0].split(",").indexOf("due");
    // Rows the market leaves off come last, `not applicable`: they have no box.
    const ids = csv.slice(1).map((l) => l.split(",")).filter((c) => c[due] !== "not applicable").map((c) => c[col]);
    assert.deepEqual(stored.sort(), [ids[0], ids[ids.length - 1]].sort());
    assert.equal(await page.locator(".ck input[type=checkbox]").count(), ids.length, "one box per CSV row");
  } finally {
    await context.close();
  }
});
