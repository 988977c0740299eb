// The learning path: a reader takes a level's self-assessment and sees the
// score (each part's points ticked, weighted 25/50/25, and the total), kept
// after a reload and working from file://; takes the combined Chapter
// Completion Assessment (every level's questions: answers, ticks, each
// level's column and own score, the weighted total and its band), whose
// answers and ticks are the level pages' too; with JavaScript off the pages
// are printable rubrics (boxes, blanks for the score, the scoring rule
// written out, worked answers on their own printed pages); a portfolio
// template is copied with one click; learning/ is the path's page.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

// Foundation: knowledge 15 points (25%), application 12 (50%), strategy 6 (25%).
async function scoreRow(page, part) {
  const row = page.locator(`tr[data-part="${part}"]`);
  return [await row.locator("[data-ticked]").innerText(), await row.locator("[data-score]").innerText()];
}

async function takeIt(page, url) {
  await page.goto(url);
  const summary = page.locator("[data-score-summary]");
  assert.equal(await summary.innerText(), "Tick the rubric lines your answers meet to see your score.");
  assert.equal(await page.locator("[data-total]").innerText(), "0");
  // Question 1 in full (5 of the 15 knowledge points) …
  await page.locator("#foundation-q1-answer").fill("GPUs that are dear, slow to start and lumpy; editors who do not scale; drift; no more heroes.");
  const q1 = page.locator("#foundation-q1 input[type=checkbox]");
  assert.equal(await q1.count(), 5);
  for (let i = 0; i < 5; i++) await q1.nth(i).check();
  // … and the first two lines (2 + 2 points) of question 4, the first application question.
  const q4 = page.locator("#foundation-q4 input[type=checkbox]");
  assert.equal(await q4.count(), 3);
  await q4.nth(0).check();
  await page.getByLabel(/Puts three current numbers beside their targets/).check();
  assert.deepEqual(await scoreRow(page, "knowledge"), ["5", "8.3"]);
  assert.deepEqual(await scoreRow(page, "application"), ["4", "16.7"]);
  assert.deepEqual(await scoreRow(page, "strategy"), ["0", "0"]);
  assert.equal(await page.locator("[data-total]").innerText(), "25");
  assert.equal(await summary.innerText(), "Your score: 25 of 100.");
}

test("a reader takes the Foundation self-assessment, sees the score, and finds it after a reload", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await takeIt(page, site.url + "learning/foundation/");
    await S.screenshot(page, "learning-assessment", { maxHeight: 1600 });
    await page.reload();
    assert.equal(await page.locator("[data-total]").innerText(), "25", "ticks are kept in the browser");
    assert.match(await page.locator("#foundation-q1-answer").inputValue(), /^GPUs that are dear/);
    // Unticking a line takes its points away.
    await page.locator("#foundation-q1 input[type=checkbox]").nth(0).uncheck();
    assert.deepEqual(await scoreRow(page, "knowledge"), ["4", "6.7"]);
    assert.equal(await page.locator("[data-score-summary]").innerText(), "Your score: 23.3 of 100.");
    // Clearing asks first, then empties answers, ticks and the score.
    page.once("dialog", (d) => d.accept());
    await page.locator("[data-assessment-reset]").click();
    assert.equal(await page.locator("[data-total]").innerText(), "0");
    assert.equal(await page.locator("#foundation-q1-answer").inputValue(), "");
    assert.equal(await page.locator("input[type=checkbox]:checked").count(), 0);
    // The worked answer is a link away.
    await page.locator("a[href='#foundation-q4-worked']").click();
    assert.match(await page.locator("#foundation-q4-worked").innerText(), /The unit was a document, billed per thousand/);
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
    assert.equal(await page.locator(".question").count(), 6);
    assert.equal(await page.locator(".worked").count(), 6);
    assert.equal(await page.locator(".rubric input[type=checkbox]").count(), 24);
    assert.ok(await page.locator("#foundation-q1-answer").isVisible(), "room to write an answer");
    // The score table has blanks, not numbers; nothing that needs a script shows.
    assert.equal(await page.locator("[data-total]").innerText(), "");
    assert.ok(await page.locator("tr[data-part=application]").innerText().then((t) => /50%/.test(t) && /of 12/.test(t)));
    assert.ok(!(await page.locator("[data-score-summary]").isVisible()));
    assert.ok(!(await page.locator("[data-assessment-actions]").isVisible()));

    await page.emulateMedia({ media: "print" });
    assert.ok(!(await page.locator("nav.sidebar").isVisible()), "no sidebar on paper");
    assert.ok(!(await page.locator("a[href='#foundation-q1-worked']").isVisible()), "no in-page links on paper");
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

// Every level's points per part, as the combined page weighs them:
// knowledge 39 (25%), application 41 (50%), strategy 24 (25%).
async function cell(page, part, level) {
  return page.locator(`tr[data-part="${part}"] [data-cell][data-level="${level}"] [data-cell-ticked]`).innerText();
}

test("a reader takes the combined assessment: answers, ticks rubric lines, and sees each level, the weighted total and its band", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    await page.goto(site.url + "learning/assessment/");
    assert.equal(await S.heading(page), "Chapter Completion Assessment");
    const summary = page.locator("[data-score-summary]");
    assert.equal(await summary.innerText(), "Tick the rubric lines your answers meet to see your score.");
    assert.equal(await page.locator(".question").count(), 19);
    // An answer, and ticks from three levels and three parts.
    await page.locator("#foundation-q1-answer").fill("Compute that is dear and lumpy, editors who do not scale, drift.");
    const f1 = page.locator("#foundation-q1 input[type=checkbox]");
    for (let i = 0; i < 5; i++) await f1.nth(i).check();                     // knowledge, 5 points
    await page.locator("#intermediate-q4 input[type=checkbox]").nth(0).check(); // application, 2
    const a5 = page.locator("#advanced-q5 input[type=checkbox]");
    await a5.nth(0).check();                                                   // strategy, 2
    await a5.nth(2).check();                                                   // strategy, 2
    assert.deepEqual(await scoreRow(page, "knowledge"), ["5", "3.2"]);
    assert.deepEqual(await scoreRow(page, "application"), ["2", "2.4"]);
    assert.deepEqual(await scoreRow(page, "strategy"), ["4", "4.2"]);
    assert.equal(await cell(page, "knowledge", "foundation"), "5");
    assert.equal(await cell(page, "application", "intermediate"), "2");
    assert.equal(await cell(page, "strategy", "advanced"), "4");
    assert.equal(await cell(page, "strategy", "foundation"), "0");
    // Each level's own self-assessment score beside the combined one.
    const levelScore = (id) => page.locator(`[data-level-score="${id}"]`).innerText();
    assert.deepEqual([await levelScore("foundation"), await levelScore("intermediate"), await levelScore("advanced")], ["8.3", "5.6", "8.3"]);
    assert.equal(await page.locator("[data-total]").innerText(), "9.8");
    assert.equal(await summary.innerText(), "Your score: 9.8 of 100. Start from the foundation.");
    assert.equal(await page.locator(".bands li.is-current").getAttribute("data-band-from"), "0");
    await S.screenshot(page, "learning-combined", { maxHeight: 1400 });

    // The level's page shows the same answer and ticks, and a tick there counts here.
    await page.goto(site.url + "learning/foundation/");
    assert.match(await page.locator("#foundation-q1-answer").inputValue(), /^Compute that is dear/);
    assert.deepEqual(await scoreRow(page, "knowledge"), ["5", "8.3"]);
    assert.equal(await page.locator("[data-total]").innerText(), "8.3");
    await page.getByLabel(/Puts three current numbers beside their targets/).check();
    await page.goto(site.url + "learning/assessment/");
    assert.equal(await cell(page, "application", "foundation"), "2");
    assert.deepEqual(await scoreRow(page, "application"), ["4", "4.9"]);
    assert.equal(await page.locator("[data-total]").innerText(), "12.2");
    // Enough for a band further up: every line of every question.
    const all = page.locator(".rubric input[type=checkbox]");
    for (let i = 0, n = await all.count(); i < n; i++) await all.nth(i).check();
    assert.equal(await page.locator("[data-total]").innerText(), "100");
    assert.equal(await summary.innerText(), "Your score: 100 of 100. Ready to lead it.");
    // Clearing here clears every level's page too.
    page.once("dialog", (d) => d.accept());
    await page.locator("[data-assessment-reset]").click();
    assert.equal(await page.locator("[data-total]").innerText(), "0");
    assert.equal(await page.locator(".bands li.is-current").count(), 0);
    await page.goto(site.url + "learning/foundation/");
    assert.equal(await page.locator("input[type=checkbox]:checked").count(), 0);
    assert.equal(await page.locator("#foundation-q1-answer").inputValue(), "");
    // A question's worked answer is on its level's page.
    await page.goto(site.url + "learning/assessment/");
    await page.locator("a[href$='learning/advanced/#advanced-q5-worked']").click();
    await page.waitForURL(/learning\/advanced\/#advanced-q5-worked$/);
    assert.match(await page.locator("#advanced-q5-worked").innerText(), /THE DOCUMENT NEVER LEAVES ITS REGION|the document never leaves its region/i);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});

test("with JavaScript off the combined assessment is a score sheet and rubric to print", async () => {
  const { context, page } = await S.openPage(site.browser, { javaScriptEnabled: false });
  try {
    await page.goto(site.url + "learning/assessment/");
    const main = await page.locator("main").innerText();
    assert.match(main, /divided by its points, times its weight/);
    assert.match(main, /answers and ticks are shared with them/);
    assert.equal(await page.locator("[data-total]").innerText(), "");
    assert.equal(await page.locator("[data-level-score]").count(), 3);
    assert.equal(await page.locator(".bands li").count(), 4, "the bands are written out");
    assert.ok(!(await page.locator("[data-score-summary]").isVisible()));
    await page.emulateMedia({ media: "print" });
    const box = await page.evaluate(() => getComputedStyle(document.querySelector(".rubric input")).borderTopStyle);
    assert.equal(box, "solid", "boxes print");
    await page.emulateMedia({ media: "screen" });
  } finally {
    await context.close();
  }
});

test("learning/ is the learning path's page, linked from the story index and the sidebar", async () => {
  const { context, page, seen } = await S.openPage(site.browser);
  try {
    const res = await page.goto(site.url + "learning/");
    assert.equal(res.status(), 200);
    assert.equal(await S.heading(page), "Learning path");
    assert.match(await page.locator("main").innerText(), /Moved here from the Foundation Level/);
    await page.locator("main").getByRole("link", { name: /Take the Chapter Completion Assessment/ }).click();
    await page.waitForURL(site.url + "learning/assessment/");
    await page.goto(site.url + "story/");
    await page.locator(".learning-path h2 a").click();
    await page.waitForURL(site.url + "learning/");
    await page.goto(site.url + "story/the-cost-curve/");
    await page.locator("nav.sidebar").getByRole("link", { name: "Learning path", exact: true }).click();
    await page.waitForURL(site.url + "learning/");
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});
