// Live preview: `playbook serve` on a fresh `playbook init` playbook. Saving
// a content file reloads the open page with the new text; a broken reference
// shows the error overlay naming the file; fixing it removes the overlay.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { spawn, execFileSync } = require("node:child_process");
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let work, server, browser, url, output = "";

async function waitForHttp(u, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(u);
      if (r.ok) return;
    } catch {}
    if (server.exitCode !== null) throw new Error(`playbook serve exited (${server.exitCode}):\n${output}`);
    if (Date.now() > end) throw new Error(`playbook serve did not answer within ${ms} ms:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  work = S.tempDir("playbook-serve-");
  const root = path.join(work, "pb");
  execFileSync(S.playbookBin(), ["init", root], { stdio: "pipe" });
  const port = await S.freePort();
  server = spawn(S.playbookBin(), ["serve", "--root", root, "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, 20000);
  browser = await S.launchBrowser();
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) {
    const gone = new Promise((r) => server.once("exit", r));
    server.kill("SIGINT");
    const t = setTimeout(() => server.kill("SIGKILL"), 5000);
    await gone;
    clearTimeout(t);
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("serve: an edit reloads the page, a broken file shows the overlay, a fix removes it", async () => {
  const file = path.join(work, "pb", "content", "markets", "de.yaml");
  const original = fs.readFileSync(file, "utf8");
  const summary = original.match(/^summary: .*$/m);
  assert.ok(summary, "the init playbook's de.yaml has a summary line");
  const { context, page, seen } = await S.openPage(browser);
  try {
    await page.goto(url + "markets/de/");
    assert.equal(await S.heading(page), "Germany");
    assert.match(await page.locator(".lead").innerText(), /Our first EU market/);
    // Wait until the page's live-reload stream is connected.
    await page.waitForFunction(() => typeof window.PLAYBOOK_GENERATION === "number");
    await page.waitForTimeout(300);

    // 1. Edit the summary: the page reloads by itself with the new text.
    await page.evaluate(() => { window.__notReloaded = true; });
    const stamp = `Edited in the browser test ${Date.now()}`;
    fs.writeFileSync(file, original.replace(summary[0], `summary: ${stamp}.`));
    await page.waitForFunction((s) => document.querySelector(".lead") && document.querySelector(".lead").textContent.includes(s), stamp, { timeout: 15000 });
    assert.equal(await page.evaluate(() => window.__notReloaded), undefined, "the page was reloaded, not patched");

    // 2. Break it: the overlay names the file; the last good page stays underneath.
    fs.writeFileSync(file, original.replace(summary[0], "summary: Broken on purpose, see [[step:nope]]."));
    const overlay = page.locator("#playbook-error-overlay");
    await overlay.waitFor({ state: "visible", timeout: 15000 });
    const text = await overlay.innerText();
    assert.match(text, /content\/markets\/de\.yaml/, `the overlay names the file: ${text}`);
    assert.match(text, /nope/);
    assert.ok((await page.locator(".lead").innerText()).includes(stamp), "the last good page is still there");
    await S.screenshot(page, "serve-error-overlay", { maxHeight: 800 });

    // On a phone the overlay covers the whole screen, and the page does not
    // show through it (#26: its text ran into the errors').
    const phone = await S.openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      await phone.page.goto(url + "markets/de/");
      const o = phone.page.locator("#playbook-error-overlay");
      await o.waitFor({ state: "visible", timeout: 15000 });
      const cover = await phone.page.evaluate(() => {
        const o = document.getElementById("playbook-error-overlay");
        const r = o.getBoundingClientRect();
        const corners = [[1, 1], [innerWidth - 2, 1], [1, innerHeight - 2], [innerWidth - 2, innerHeight - 2], [innerWidth / 2, innerHeight / 2]];
        return {
          rect: [r.left, r.top, r.right, r.bottom],
          viewport: [innerWidth, innerHeight],
          onTop: corners.every(([x, y]) => o.contains(document.elementFromPoint(x, y))),
          background: getComputedStyle(o).backgroundColor,
          wide: o.scrollWidth <= o.clientWidth,
        };
      });
      assert.deepEqual(cover.rect, [0, 0, ...cover.viewport], "the overlay is the whole screen");
      assert.ok(cover.onTop, "nothing of the page is above it");
      assert.match(cover.background, /^rgb\(/, `opaque, not ${cover.background}`);
      assert.ok(cover.wide, "its text fits the phone's width");
      await S.screenshot(phone.page, "serve-error-overlay-phone", { maxHeight: 900 });
    } finally {
      await phone.context.close();
    }

    // 3. Fix it: the overlay goes and the page shows the content.
    fs.writeFileSync(file, original);
    await overlay.waitFor({ state: "detached", timeout: 15000 });
    await page.waitForFunction(() => document.querySelector(".lead") && /Our first EU market/.test(document.querySelector(".lead").textContent), null, { timeout: 15000 });
    assert.equal(await S.heading(page), "Germany");
    assert.equal(await page.locator("#playbook-error-overlay").count(), 0);

    const errors = seen.errors.filter((e) => !/__playbook\/events/.test(e));
    assert.deepEqual(errors, []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    fs.writeFileSync(file, original);
    await context.close();
  }
});
