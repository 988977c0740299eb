// The launch plan as an operations director reads it on the site: the
// market page's timeline is drawn from the schedule and marks the critical
// path; the checklist lists rows by due date, marks the rows on the
// critical path, and ends with what the market leaves out and why.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

test("the market page marks the critical path on its timeline and in its phases", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "markets/de/");
    const critical = page.locator("svg.timeline rect.bar.critical");
    assert.ok(await critical.count() >= 1, "a bar on the critical path");
    // Its tooltip says so, with its dates.
    assert.match(await critical.first().locator("title").textContent(), /\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2} · critical path/);
    // The bar is drawn in the colour of the key in the caption.
    const [bar, key] = await Promise.all([
      critical.first().evaluate((r) => getComputedStyle(r).fill),
      page.locator("figcaption .crit-key").evaluate((k) => getComputedStyle(k).borderBottomColor),
    ]);
    assert.equal(bar, key);
    assert.match(await page.locator("figcaption").innerText(), /critical path \(\d+ tasks?\) decides the last due date, \d{4}-\d{2}-\d{2}/);
    assert.ok(await page.locator("table tr.crit").count() >= 1, "a phase on the critical path is marked in the table");
    assert.match(await page.locator("dl.profile").innerText(), /Launch\s+Launched 2025-08-04/);
    await S.screenshot(page, "market-timeline", { maxHeight: 1800 });
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test("the checklist lists rows by due date and marks the critical path", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "markets/ie/checklist/");
    const cells = await page.locator(".ck tr[data-t] td:last-child, .ck tr[data-id] td:last-child").allInnerTexts();
    const dues = cells.map((t) => /(\d{4}-\d{2}-\d{2})(?!.*\d{4}-\d{2}-\d{2})/.exec(t.replace(/critical path/i, ""))).filter(Boolean).map((m) => m[1]);
    assert.ok(dues.length > 100, `${dues.length} dated rows`);
    assert.deepEqual(dues, [...dues].sort(), "due dates never go back");
    const months = await page.locator(".ck-phase h2").allInnerTexts();
    assert.match(months[0], /^(January|February|March) 2027$/, "the first section is the kickoff's month");
    const crit = page.locator(".ck tr.crit");
    assert.ok(await crit.count() >= 1, "rows on the critical path");
    assert.match(await crit.last().locator("td").last().innerText(), /critical path/i);
    // The lead line states the schedule's end and the path's length.
    assert.match(await page.locator(".lead").innerText(), /last due \d{4}-\d{2}-\d{2} \(\d+ days; critical path: \d+ tasks?\)/);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test("what a market leaves out is listed with the reason", async () => {
  const { context, page } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "markets/us/checklist/");
    const na = page.locator(".ck-na");
    assert.equal(await na.locator("h2").innerText(), "Not applicable here");
    const items = await na.locator("li").allInnerTexts();
    assert.ok(items.some((t) => /market-entry tasks?: United States is the home market\./.test(t)), items.join("\n"));
    assert.ok(items.some((t) => / — \S/.test(t)), "a skipped task with its reason");
  } finally {
    await context.close();
  }
});
