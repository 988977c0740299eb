// The learning path: a reader takes a level's self-assessment and sees the
// score (each part's points ticked, weighted 25/50/25, and the total), kept
// after a reload and working from file://; with JavaScript off the page is a
// printable rubric (boxes, blanks for the score, the scoring rule written
// out, worked answers on their own printed pages); a portfolio template is
// copied with one click.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

// Foundation: knowledge 7 points (25%), application 11 (50%), strategy 5 (25%).
async function scoreRow(page, part) {
  const row = page.locator(`tr[data-part="${part}"]`);
  return [await row.locator("[data-ticked]").innerText(), await row.locator("[data-score]").innerText()];
}

async function takeIt(page, url) {
  await page.goto(url);
  const summary = page.locator("[data-score-summary]");
  assert.equal(await summary.innerText(), "Tick the rubric lines your answers meet to see your score.");
  assert.equal(await page.locator("[data-total]").innerText(), "0");
  // Question 1 in full (4 of the 7 knowledge points) …
  await page.locator("#q1-answer").fill("Lumpy GPU compute, drifting models, reviewers who do not scale, and no more heroes.");
  for (let i = 1; i <= 4; i++) await page.locator(`#q1 input[type=checkbox]`).nth(i - 1).check();
  // … and the first two lines (2 + 2 points) of question 3, the first application question.
  const q3 = page.locator("#q3 input[type=checkbox]");
  assert.equal(await q3.count(), 3);
  await q3.nth(0).check();
  await page.getByLabel(/Puts at least three current numbers beside their targets/).check();
  assert.deepEqual(await scoreRow(page, "knowledge"), ["4", "14.3"]);
  assert.deepEqual(await scoreRow(page, "application"), ["4", "18.2"]);
  assert.deepEqual(await scoreRow(page, "strategy"), ["0", "0"]);
  assert.equal(await page.locator("[data-total]").innerText(), "32.5");
  assert.equal(await summary.innerText(), "Your score: 32.5 of 100.");
}

test("a reader takes the Foundation self-assessment, sees the score, and finds it after a reload", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await takeIt(page, site.url + "learning/foundation/");
    await S.screenshot(page, "learning-assessment", { maxHeight: 1600 });
    await page.reload();
    assert.equal(await page.locator("[data-total]").innerText(), "32.5", "ticks are kept in the browser");
    assert.match(await page.locator("#q1-answer").inputValue(), /^Lumpy GPU compute/);
    // Unticking a line takes its points away.
    await page.locator("#q1 input[type=checkbox]").nth(0).uncheck();
    assert.deepEqual(await scoreRow(page, "knowledge"), ["3", "10.7"]);
    assert.equal(await page.locator("[data-score-summary]").innerText(), "Your score: 28.9 of 100.");
    // Clearing asks first, then empties answers, ticks and the score.
    page.once("dialog", (d) => d.accept());
    await page.locator("[data-assessment-reset]").click();
    assert.equal(await page.locator("[data-total]").innerText(), "0");
    assert.equal(await page.locator("#q1-answer").inputValue(), "");
    assert.equal(await page.locator("input[type=checkbox]:checked").count(), 0);
    // The worked answer is a link away.
    await page.locator("a[href='#q3-worked']").click();
    assert.match(await page.locator("#q3-worked").innerText(), /Quillmark the unit is a document/);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});

test("the self-assessment scores from file:// too", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await takeIt(page, pathToFileURL(path.join(site.dir, "learning", "foundation", "index.html")).href);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test("with JavaScript off the self-assessment is a rubric to print and score by hand", async () => {
  const { context, page } = await S.openPage(site.browser, { javaScriptEnabled: false });
  try {
    await page.goto(site.url + "learning/foundation/");
    const main = await page.locator("main").innerText();
    assert.match(main, /divided by its points, times its weight/, "the scoring rule is written out");
    assert.equal(await page.locator(".question").count(), 5);
    assert.equal(await page.locator(".worked").count(), 5);
    assert.ok(await page.locator(".rubric input[type=checkbox]").count() >= 15);
    assert.ok(await page.locator("#q1-answer").isVisible(), "room to write an answer");
    // The score table has blanks, not numbers; nothing that needs a script shows.
    assert.equal(await page.locator("[data-total]").innerText(), "");
    assert.ok(await page.locator("tr[data-part=application]").innerText().then((t) => /50%/.test(t) && /of 11/.test(t)));
    assert.ok(!(await page.locator("[data-score-summary]").isVisible()));
    assert.ok(!(await page.locator("[data-assessment-actions]").isVisible()));

    await page.emulateMedia({ media: "print" });
    assert.ok(!(await page.locator("nav.sidebar").isVisible()), "no sidebar on paper");
    assert.ok(!(await page.locator("a[href='#q1-worked']").isVisible()), "no in-page links on paper");
    const printed = await page.evaluate(() => {
      const box = getComputedStyle(document.querySelector(".rubric input"));
      const worked = getComputedStyle(document.querySelector(".worked-answers"));
      const blank = getComputedStyle(document.querySelector("[data-total]"));
      return { border: box.borderTopStyle, appearance: box.appearance, breakBefore: worked.breakBefore, blank: blank.borderBottomStyle };
    });
    assert.deepEqual(printed, { border: "solid", appearance: "none", breakBefore: "page", blank: "solid" });
    const pdf = await page.pdf({ format: "A4" });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 3, `the rubric prints on several pages (${pages})`);
    await page.emulateMedia({ media: "screen" });

    await page.goto(site.url + "learning/portfolio/");
    assert.equal(await page.locator("pre.template").count(), 8, "every template shows");
    assert.equal(await page.locator("button.copy-template:visible").count(), 0, "copy buttons need a script");
  } finally {
    await context.close();
  }
});

test("a portfolio template is copied with one click", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    await page.goto(site.url + "learning/portfolio/");
    const item = page.locator(".portfolio-item", { hasText: "Infrastructure optimization and cost management framework" });
    await item.locator("button.copy-template").click();
    await page.waitForFunction(() => [...document.querySelectorAll(".copy-status")].some((s) => s.textContent === "Copied."));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await item.locator("pre.template").innerText());
    assert.match(copied, /^# Infrastructure cost framework: <company>/);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test("the story index shows the three levels with their objectives and self-assessments", async () => {
  const { context, page } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "story/");
    const levels = page.locator(".level-cards > li");
    assert.equal(await levels.count(), 3);
    assert.match(await levels.nth(0).innerText(), /Foundation Level: Understanding and Planning/);
    assert.match(await levels.nth(2).innerText(), /Operations leadership|Strategic operations leadership/);
    await levels.nth(1).getByRole("link", { name: /Intermediate Level self-assessment/ }).click();
    await page.waitForURL(site.url + "learning/intermediate/");
    assert.equal(await S.heading(page), "Intermediate Level self-assessment");
  } finally {
    await context.close();
  }
});
