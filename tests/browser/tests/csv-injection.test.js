// CSV injection (OWASP): the CSV a checklist page builds in the browser
// (theme/checklist.js, for checklists over `static-checklist-rows`) holds no
// cell a spreadsheet would run as a formula, and is byte for byte the CSV
// `playbook checklist` prints (tests/it/csv_injection.rs checks that one).
// The playbook is `playbook init`'s, with a hostile text in every column
// a user writes.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const S = require("../lib/site.js");

const DANGEROUS = ["=", "+", "-", "@", "\t", "\r"];
let tmp, root, site, browser;

function edit(rel, from, to) {
  const p = path.join(root, rel);
  const text = fs.readFileSync(p, "utf8");
  assert.ok(text.includes(from), `${rel} has ${JSON.stringify(from)}`);
  fs.writeFileSync(p, text.replace(from, to));
}

before(async () => {
  tmp = S.tempDir("playbook-csv-");
  root = path.join(tmp, "playbook");
  execFileSync(S.playbookBin(), ["init", root], { stdio: "pipe" });
  const c = "content/frameworks/launch/compliance.yaml";
  edit("book.toml", "[build]\n", "[build]\nstatic-checklist-rows = 0\n");
  edit("content/frameworks/launch/framework.yaml", "title: Market Launch Framework", 'title: "=Market Launch Framework"');
  edit(c, "title: Compliance", 'title: "+Compliance"');
  edit(c, "title: Foundation", 'title: "-Foundation"');
  edit(c, "title: Regulatory Mapping", 'title: "@Regulatory Mapping"');
  edit(c, "- title: Mapping", '- title: "\\tMapping"');
  edit(c, "              - title: Regulation inventory\n",
    ['"=HYPERLINK(\\"http://evil.example\\",\\"x\\")"', '"+1+1"', '"-2+3"', '"@SUM(A1)"', '"\\tTabbed"', '"\\rReturn"']
      .map((t) => `              - title: ${t}\n                owner: legal\n`).join("") + "              - title: Regulation inventory\n");
  edit("content/markets/de.yaml", 'team: { ops-lead: "Jonas Weber", legal: "Anna Schmidt" }',
    "team: { ops-lead: \"@Jonas Weber\", legal: \"=cmd|' /C calc'!A0\", localization: \"-Lena\" }");
  site = await S.serveDir(S.buildSite(root));
  browser = await S.launchBrowser();
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (site) await site.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** RFC 4180 rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { /* the \n ends the row */ }
    else if (c === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  assert.ok(!quoted && cell === "" && row.length === 0, "the CSV ends mid-row");
  return rows;
}

test("the checklist's CSV download neutralises every cell that starts like a formula", async () => {
  const { context, page, seen } = await S.openPage(browser);
  try {
    await page.goto(site.url + "markets/de/checklist/");
    assert.equal(await page.locator(".ck-dynamic").count(), 1, "the checklist is assembled in the browser");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("button[data-download=csv]").click()]);
    const got = fs.readFileSync(await download.path(), "utf8");
    const want = execFileSync(S.playbookBin(), ["checklist", "--root", root, "de", "--format", "csv"], { encoding: "utf8" });
    assert.equal(got, want, "the download is what the CLI prints");
    const rows = parseCsv(got);
    assert.ok(rows.length > 7, `the rows are there (${rows.length})`);
    for (const row of rows) {
      assert.equal(row.length, rows[0].length, JSON.stringify(row));
      for (const cell of row) assert.ok(!DANGEROUS.some((d) => cell.startsWith(d)), `cell ${JSON.stringify(cell)} would run as a formula`);
    }
    const task = rows[0].indexOf("task");
    const tasks = rows.slice(1).map((r) => r[task]);
    for (const t of ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTabbed", "'\rReturn"]) {
      assert.ok(tasks.includes(t), `${JSON.stringify(t)} in ${JSON.stringify(tasks)}`);
    }
    assert.equal(rows[1][rows[0].indexOf("owner")], "'=cmd|' /C calc'!A0");
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});
