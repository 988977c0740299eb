// What a reader meets on the real playbook, measured in Chromium as the
// audits measure it (issue #26): highlighted search words readable in dark
// mode (contrast ≥ 4.5:1, whether dark comes from the toggle or the system),
// in-page contents and chapter side links at least 24 px tall (the
// tap-target audit), /search/ and /status/ that do not move once their
// scripts run (layout-shift entries, CPU slowed 4× as Lighthouse's mobile
// run), portfolio templates that are not cut off at the right, and the
// "Record your ticks" panel in the theme's form style.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let site;
before(async () => { site = await S.startSite(); });
after(async () => { if (site) await site.close(); });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test("highlighted search words reach 4.5:1 in dark mode, from the toggle and from the system", async () => {
  for (const [how, opts] of [
    ["the toggle", { theme: "dark" }],
    ["the system setting", { theme: "system-dark" }],
    ["light mode", { theme: "light" }],
  ]) {
    const context = await site.browser.newContext({ viewport: DESKTOP, colorScheme: opts.theme === "light" ? "light" : "dark" });
    if (opts.theme === "dark") await context.addInitScript(() => localStorage.setItem("playbook-theme", "dark"));
    const page = await context.newPage();
    try {
      await page.goto(site.url + "search/?q=compliance");
      await page.waitForSelector(".search-page-results mark", { timeout: 15000 });
      const marks = await page.$$eval("mark", (ms) => ms.map((m) => ({ fg: getComputedStyle(m).color, bg: getComputedStyle(m).backgroundColor, text: m.textContent })));
      assert.ok(marks.length > 3, `${how}: marks on the page`);
      const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (how !== "light mode") assert.ok(luminance(body) < 0.05, `${how}: the page is dark`);
      const worst = marks.map((m) => ({ ...m, ratio: contrast(m.fg, m.bg) })).sort((a, b) => a.ratio - b.ratio)[0];
      console.log(`${how}: lowest contrast of ${marks.length} highlighted words ${worst.ratio.toFixed(2)}:1 (${worst.fg} on ${worst.bg})`);
      assert.ok(worst.ratio >= 4.5, `${how}: "${worst.text}" is ${worst.ratio.toFixed(2)}:1 (${worst.fg} on ${worst.bg})`);
    } finally {
      await context.close();
    }
  }
});

test("in-page contents links and a chapter's side links are at least 24 px tall", async () => {
  for (const [what, path, selector, viewport] of [
    ["a step's contents", "frameworks/international-operations/regulatory-compliance/regulatory-risk-management/", ".toc a", DESKTOP],
    ["a chapter's side links", "story/crossing-borders/", ".rail a", DESKTOP],
    ["a chapter's side links on a phone", "story/crossing-borders/", ".rail a", PHONE],
  ]) {
    const { context, page } = await S.openPage(site.browser, { viewport });
    try {
      await page.goto(site.url + path);
      const heights = await page.$$eval(selector, (as) => as.filter((a) => a.getClientRects().length > 0).map((a) => [a.textContent.trim(), a.getBoundingClientRect().height]));
      assert.ok(heights.length >= 2, `${what}: links to measure`);
      const low = heights.reduce((m, h) => (h[1] < m[1] ? h : m));
      console.log(`${what}: ${heights.length} links, the lowest ${low[1].toFixed(1)} px`);
      assert.ok(low[1] >= 24, `${what}: "${low[0]}" is ${low[1].toFixed(1)} px tall`);
    } finally {
      await context.close();
    }
  }
});

test("the search page and /status/ do not shift once their scripts run", async () => {
  for (const [path, viewport, ready] of [
    ["search/?q=data+residency", PHONE, ".search-page-results li"],
    ["search/?q=data+residency", DESKTOP, ".search-page-results li"],
    ["status/", PHONE, ".status-table td.state[class*=state-]"],
    ["status/", DESKTOP, ".status-table td.state[class*=state-]"],
  ]) {
    const { context, page, seen } = await S.openPage(site.browser, { viewport, isMobile: viewport === PHONE });
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: e.sources.map((s) => (s.node ? s.node.nodeName + (s.node.className ? "." + s.node.className : "") : "?")) });
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(site.url + path);
      await page.waitForSelector(ready, { timeout: 20000 });
      await page.waitForTimeout(1000);
      const shifts = await page.evaluate(() => window.__shifts);
      const cls = shifts.reduce((s, e) => s + e.value, 0);
      console.log(`${path} at ${viewport.width} px: cumulative layout shift ${cls.toFixed(3)}`);
      assert.ok(cls < 0.01, `${path} at ${viewport.width} px shifts by ${cls.toFixed(3)}: ${JSON.stringify(shifts)}`);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  }
});

test("portfolio templates are not cut off at the right, on a desktop and a phone", async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const { context, page } = await S.openPage(site.browser, { viewport });
    try {
      await page.goto(site.url + "learning/portfolio/");
      const blocks = await page.$$eval("pre.template", (ps) => ps.map((p) => ({ id: p.id, hidden: p.scrollWidth - p.clientWidth, right: p.getBoundingClientRect().right })));
      assert.ok(blocks.length > 0, "templates on the page");
      for (const b of blocks) {
        assert.ok(b.hidden <= 1, `${b.id} at ${viewport.width} px hides ${b.hidden} px of its lines at the right`);
        assert.ok(b.right <= viewport.width, `${b.id} ends inside the screen`);
      }
      if (viewport === PHONE) await S.screenshot(page, "portfolio-phone", { maxHeight: 1600 });
    } finally {
      await context.close();
    }
  }
});

test("the 'Record your ticks' panel has the theme's form style, light and dark", async () => {
  for (const theme of ["light", "dark"]) {
    const { context, page } = await S.openPage(site.browser, { theme });
    try {
      await page.goto(site.url + "markets/de/checklist/");
      await page.locator(".ck tr[data-t] input[type=checkbox]:not([disabled])").first().check();
      await page.locator(".ck-snippet summary").click();
      await page.locator(".ck-snippet button").click();
      const look = await page.evaluate(() => {
        const st = (el) => getComputedStyle(typeof el === "string" ? document.querySelector(el) : el);
        const pick = (c) => ({ radius: c.borderTopLeftRadius, bg: c.backgroundColor, fg: c.color, border: c.borderTopColor, font: c.fontFamily });
        // The theme's accent, as the browser resolves it.
        const probe = document.createElement("span");
        probe.style.color = "var(--accent)";
        document.body.appendChild(probe);
        const accent = st(probe).color;
        probe.remove();
        return {
          box: pick(st(".search-form input")),
          input: pick(st(".ck-snippet input[name=by]")),
          textarea: pick(st(".ck-snippet textarea")),
          button: pick(st(".ck-snippet button")),
          accent,
        };
      });
      for (const field of ["input", "textarea"]) {
        for (const k of ["radius", "bg", "fg", "border"]) {
          assert.equal(look[field][k], look.box[k], `${theme}: the ${field}'s ${k} is the search box's`);
        }
        assert.ok(contrast(look[field].fg, look[field].bg) >= 4.5, `${theme}: the ${field} is readable`);
      }
      assert.equal(look.input.font, look.box.font, `${theme}: the name field is in the theme's font`);
      assert.equal(look.button.radius, look.box.radius, `${theme}: the button has the theme's rounded corners`);
      assert.equal(look.button.bg, look.accent, `${theme}: the button is the theme's accent`);
      assert.ok(contrast(look.button.fg, look.button.bg) >= 4.5, `${theme}: the button's text is readable`);
      await S.screenshot(page, `checklist-snippet-${theme}`, { maxHeight: 900 });
    } finally {
      await context.close();
    }
  }
});
