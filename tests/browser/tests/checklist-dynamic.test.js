// Big checklists (more rows than `static-checklist-rows`) are assembled in the
// browser from checklists/tasks.js and the market's data.js. Here the real
// playbook is built twice, once as usual (written-out checklists) and once
// with `static-checklist-rows = 0` (every checklist assembled): a person must
// not be able to tell them apart. Same rows, same ids, same due dates, same
// ticks; and the JSON, CSV and Markdown the page offers are byte for byte
// what `playbook checklist` prints, in every edition (`--lang de`, `ja`).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

let written, assembled, tmp, browser;

before(async () => {
  tmp = S.tempDir("playbook-dynamic-");
  // The real content, with every checklist over the static limit.
  const root = path.join(tmp, "playbook");
  fs.mkdirSync(root);
  fs.symlinkSync(path.join(S.REPO, "content"), path.join(root, "content"));
  const toml = fs.readFileSync(path.join(S.REPO, "book.toml"), "utf8").replace("[build]\n", "[build]\nstatic-checklist-rows = 0\n");
  fs.writeFileSync(path.join(root, "book.toml"), toml);
  written = await S.serveDir(S.buildSite());
  written.dir = null;
  assembled = await S.serveDir(S.buildSite(root));
  assembled.root = root;
  browser = await S.launchBrowser();
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (written) await written.close();
  if (assembled) await assembled.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** What a reader sees of a checklist: per section its heading, and per row its cells and task id. */
async function readChecklist(page) {
  return page.evaluate(() => {
    const out = [];
    document.querySelectorAll(".ck-phase").forEach((sec) => {
      out.push("## " + sec.querySelector("h2").textContent);
      sec.querySelectorAll("tbody tr").forEach((tr) => {
        const key = tr.dataset.t || tr.dataset.id || "";
        const links = [...tr.querySelectorAll("a")].map((a) => new URL(a.href).pathname);
        out.push([key, ...[...tr.cells].map((c) => c.textContent.trim()), ...links].join(" | "));
      });
    });
    return out;
  });
}

for (const market of ["de", "jp", "ae"]) {
  test(`the ${market} checklist assembled in the browser matches the written-out one`, async () => {
    const { context, page, seen } = await S.openPage(browser);
    try {
      await page.goto(written.url + `markets/${market}/checklist/`);
      const want = await readChecklist(page);
      const wantLead = await page.locator(".lead").innerText();
      await page.goto(assembled.url + `markets/${market}/checklist/`);
      assert.equal(await page.locator(".ck-dynamic").count(), 1, "this build assembles the checklist");
      const got = await readChecklist(page);
      assert.ok(want.length > 150, `the checklist has its rows (${want.length})`);
      assert.deepEqual(got, want);
      assert.equal(await page.locator(".lead").innerText(), wantLead);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.foreign, []);
    } finally {
      await context.close();
    }
  });
}

// The downloads are written in the browser from the columns, headers and
// words Rust declares (checklist/formats.rs) and data.js carries (`spec`):
// in each edition they are what `playbook checklist --lang` prints, so the
// German edition's are German, not a second, English copy.
const EDITIONS = [
  { prefix: "", lang: null },
  { prefix: "de/", lang: "de", words: ["Launch-Checkliste: ", "\ufeffMarkt,Aufgaben-ID,", "wartet auf", "nicht anwendbar"] },
  { prefix: "ja/", lang: "ja" },
];
for (const { prefix, lang, words } of EDITIONS) {
  for (const market of ["de", "us"]) {
    test(`${lang || "en"} edition, ${market}: its rows are \`playbook checklist --format json\`'s, and its downloads are what the CLI prints`, async () => {
      const { context, page, seen } = await S.openPage(browser);
      try {
        await page.goto(assembled.url + `${prefix}markets/${market}/checklist/`);
        assert.equal(await page.locator(".ck-dynamic").count(), 1, "this build assembles the checklist");
        const got = {};
        for (const format of ["json", "csv", "md"]) {
          const [download] = await Promise.all([
            page.waitForEvent("download"),
            page.locator(`button[data-download=${format}]`).click(),
          ]);
          assert.equal(download.suggestedFilename(), `checklist-${market}.${format}`);
          got[format] = fs.readFileSync(await download.path(), "utf8");
          const args = ["checklist", "--root", assembled.root, market, "--format", format, ...(lang ? ["--lang", lang] : [])];
          const want = execFileSync(S.playbookBin(), args, { encoding: "utf8" });
          assert.equal(got[format], want, `the ${format} download`);
        }
        if (words) {
          const text = got.csv + got.md;
          for (const w of words) assert.ok(text.includes(w), `${JSON.stringify(w)} in the ${lang} downloads`);
          for (const en of ["Launch checklist", "market,task_id", "waits for", "applies because", "Not applicable here", "not applicable", "in date order"]) {
            assert.ok(!text.includes(en), `no English ${JSON.stringify(en)} in the ${lang} downloads`);
          }
        }
        assert.deepEqual(seen.errors, []);
      } finally {
        await context.close();
      }
    });
  }
}

test("ticks on an assembled checklist survive a reload", async () => {
  const { context, page, seen } = await S.openPage(browser);
  try {
    await page.goto(assembled.url + "markets/fr/checklist/");
    const boxes = page.locator(".ck input[type=checkbox]");
    const total = await boxes.count();
    assert.ok(total > 100);
    await boxes.nth(3).check();
    await boxes.last().check();
    await page.reload();
    assert.equal(await boxes.nth(3).isChecked(), true);
    assert.equal(await boxes.last().isChecked(), true);
    assert.equal(await page.locator(".progress-text").innerText(), `2 of ${total} done`);
    await S.screenshot(page, "checklist-assembled", { maxHeight: 1400 });
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});
