// Progress kept in the repo, as a launch team uses it: tick a task in the
// browser, show the ticks as YAML and commands, record them with
// `playbook progress`, rebuild, and see the tick come from the repo (it stays
// after the browser forgets its own ticks). The status page then reports
// each launch for the day asked.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let work, root, dest, server, browser;

function build() {
  execFileSync(S.playbookBin(), ["build", "--root", root, "--dest", dest], { stdio: "pipe" });
}

before(async () => {
  work = S.tempDir("playbook-progress-");
  root = path.join(work, "pb");
  dest = path.join(work, "site");
  execFileSync(S.playbookBin(), ["init", root], { stdio: "pipe" });
  build();
  server = await S.serveDir(dest);
  browser = await S.launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("a tick becomes the team's record through the snippet and playbook progress", async () => {
  const { context, page, seen } = await S.openPage(browser);
  try {
    await page.goto(server.url + "markets/de/checklist/");
    const first = page.locator(".ck tr[data-t]").first();
    const title = (await first.locator("label").innerText()).trim();
    await first.locator("input[type=checkbox]").check();

    // The snippet: hidden until asked, then YAML and commands for this browser's ticks.
    await page.locator(".ck-snippet summary").click();
    await page.locator(".ck-snippet input[name=by]").fill("Anna Schmidt");
    await page.locator(".ck-snippet button").click();
    const snippet = await page.locator(".ck-snippet textarea").inputValue();
    assert.match(snippet, /content\/progress\/de\.yaml/);
    assert.match(snippet, /^ {4}by: Anna Schmidt$/m);
    const cmd = /^# playbook progress de (\S+) --on (\d{4}-\d{2}-\d{2}) --by "Anna Schmidt"$/m.exec(snippet);
    assert.ok(cmd, `a command in the snippet:\n${snippet}`);
    const [, taskId, day] = cmd;
    assert.match(snippet, new RegExp(`^  ${taskId.replace(/[/.]/g, "\\$&")}:\\n    on: ${day}$`, "m"), "the YAML entry");
    await S.screenshot(page, "checklist-snippet", { maxHeight: 900 });

    // Record it as the snippet says, and rebuild.
    execFileSync(S.playbookBin(), ["progress", "--root", root, "de", taskId, "--on", day, "--by", "Anna Schmidt"], { stdio: "pipe" });
    assert.match(fs.readFileSync(path.join(root, "content/progress/de.yaml"), "utf8"), new RegExp(`on: ${day}`));
    build();

    // This browser forgets its own ticks: the row is still done, from the repo.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const row = page.locator(".ck tr[data-t]").first();
    assert.equal((await row.locator("label").innerText()).trim(), title);
    assert.equal(await row.getAttribute("data-done"), day);
    const box = row.locator("input[type=checkbox]");
    assert.equal(await box.isChecked(), true, "ticked from the repo");
    assert.equal(await box.isDisabled(), true, "a recorded task is not unticked here");
    assert.match(await row.locator(".ck-done").innerText(), new RegExp(`done ${day} by Anna Schmidt`));
    // What the reader sees before the note: nothing (issue #26: it read
    // "applies because done …"); a row's reasons still say "applies because".
    const lead = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el, "::before").content);
    assert.equal(await lead(".ck tr[data-done] .ck-done"), "none");
    const because = page.locator(".ck td>small:not(.ck-done)").first();
    assert.equal(await because.getAttribute("data-because"), "applies because");
    assert.match(await lead(".ck td>small:not(.ck-done)"), /attr\(data-because\)|applies because/);
    const total = await page.locator(".ck tr[data-t],.ck tr[data-id]").count();
    assert.equal(await page.locator(".progress-text").innerText(), `1 of ${total} done`);

    // Reset leaves the recorded task alone.
    page.on("dialog", (d) => d.accept());
    await page.locator(".ck tr[data-t]").nth(1).locator("input").check();
    await page.locator("button.reset").click();
    assert.equal(await box.isChecked(), true);
    assert.equal(await page.locator(".ck input:checked").count(), 1);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test("the status page reports each launch for the day asked", async () => {
  const { context, page, seen } = await S.openPage(browser);
  try {
    const state = async (id) => (await page.locator(`tr[data-market="${id}"] .state`).innerText()).trim();
    await page.goto(server.url + "status/?as-of=2026-02-01");
    assert.equal(await S.heading(page), "Launch status");
    assert.equal(await state("de"), "Not started");
    assert.match(await page.locator(".status-day").innerText(), /2026-02-01/);

    // Germany's two tasks are due 2026-03-15 (one recorded above).
    await page.goto(server.url + "status/?as-of=2026-03-10");
    assert.equal(await state("de"), "At risk");
    assert.match(await page.locator('tr[data-market="de"] .next').innerText(), /^2026-03-15 \(\d tasks?\)$/);
    await page.goto(server.url + "status/?as-of=2026-03-20");
    assert.equal(await state("de"), "Late");
    assert.match(await page.locator('tr[data-market="de"] .overdue').innerText(), /^\d tasks?$/);
    // It went live on 2026-04-27: what was due by then is closed by the launch.
    await page.goto(server.url + "status/?as-of=2026-05-01");
    assert.match(await state("de"), /^(Done|Launched)$/);
    assert.equal(await page.locator('tr[data-market="de"] .overdue').innerText(), "none");
    // Ireland is planned for 2027-05-03.
    assert.equal(await state("ie"), "Not started");
    assert.ok(await page.locator(".chart.heat rect.past").count() > 0, "months before this one are marked");
    await S.screenshot(page, "status", { maxHeight: 1200 });
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
  }
});
