// Shared helpers for the browser tests: build the playbook with the release
// binary, serve it on 127.0.0.1 from a tiny static server, launch the system
// Chromium through playwright-core, and watch pages for console errors and
// requests to other hosts.
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const http = require("node:http");
const net = require("node:net");
const { execFileSync } = require("node:child_process");
const { chromium } = require("playwright-core");

const BROWSER_DIR = path.resolve(__dirname, "..");
const REPO = path.resolve(BROWSER_DIR, "..", "..");
const SCREENSHOTS = path.join(BROWSER_DIR, "screenshots");

/** The playbook binary: $PLAYBOOK_BIN or the repository's release build. */
function playbookBin() {
  const bin = process.env.PLAYBOOK_BIN || path.join(REPO, "target", "release", "playbook");
  if (!fs.existsSync(bin)) {
    throw new Error(`no playbook binary at ${bin}: run \`cargo build --release\` in ${REPO} or set PLAYBOOK_BIN`);
  }
  return bin;
}

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Build the real playbook (the repository's content) into a fresh temp folder. */
function buildSite(root = REPO, args = []) {
  const bin = playbookBin();
  const tmp = tempDir("playbook-site-");
  const dest = path.join(tmp, "site");
  try {
    execFileSync(bin, ["build", "--root", root, "--dest", dest, ...args], { stdio: "pipe" });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`playbook build failed:\n${e.stderr || e.message}`);
  }
  return dest;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serve `dir` on 127.0.0.1 at a free port, under `prefix` (default "/", e.g.
 * "/ops/playbook/" for a site built with that base URL). Directories answer
 * with their index.html; anything missing gets the site's 404.html with
 * status 404. Returns { url, port, close() } (url includes the prefix).
 */
async function serveDir(dir, { prefix = "/" } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let p;
    try {
      p = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!p.startsWith(prefix) && p + "/" !== prefix) {
      res.writeHead(404, { "Content-Type": TYPES[".txt"] }).end("outside the site\n");
      return;
    }
    p = "/" + p.slice(prefix.length);
    let file = path.join(root, p);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (fs.statSync(file).isDirectory()) {
        if (!p.endsWith("/")) {
          res.writeHead(301, { Location: p + "/" }).end();
          return;
        }
        file = path.join(file, "index.html");
      }
      const body = fs.readFileSync(file);
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-store" });
      res.end(body);
    } catch {
      const nf = path.join(root, "404.html");
      res.writeHead(404, { "Content-Type": TYPES[".html"] });
      res.end(fs.existsSync(nf) ? fs.readFileSync(nf) : "not found");
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  return {
    port,
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A free TCP port on 127.0.0.1 (for servers that need a number up front). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The system Chromium, headless. */
function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}

/**
 * Record what a page does that it should not: console errors, uncaught
 * exceptions, and requests to any host other than 127.0.0.1.
 * Returns { errors: [], foreign: [] } filled as the page runs.
 */
function watchPage(page) {
  const seen = { errors: [], foreign: [] };
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(`console: ${m.text()} (${page.url()})`);
  });
  page.on("pageerror", (e) => seen.errors.push(`exception: ${e.message} (${page.url()})`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return;
    if (u.hostname !== "127.0.0.1") seen.foreign.push(r.url());
  });
  return seen;
}

/** A context + page, with an optional theme ("light" | "dark") and viewport. */
async function openPage(browser, { theme = "light", viewport = { width: 1280, height: 800 }, javaScriptEnabled = true, isMobile = false } = {}) {
  const context = await browser.newContext({
    viewport,
    colorScheme: theme === "dark" ? "dark" : "light",
    javaScriptEnabled,
    isMobile,
    hasTouch: isMobile,
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
  });
  if (theme === "dark") {
    await context.addInitScript(() => {
      try { localStorage.setItem("playbook-theme", "dark"); } catch (e) {}
    });
  }
  const page = await context.newPage();
  const seen = watchPage(page);
  return { context, page, seen };
}

/** Text of the page's first <h1>. */
async function heading(page) {
  return (await page.locator("h1").first().innerText()).trim();
}

function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name + ".png");
}

/** Screenshot the top of the page (up to `maxHeight` CSS pixels of it). */
async function screenshot(page, name, { maxHeight = 2400 } = {}) {
  const { w, h } = await page.evaluate(() => ({ w: document.documentElement.clientWidth, h: document.documentElement.scrollHeight }));
  await page.screenshot({ path: screenshotPath(name), fullPage: true, clip: { x: 0, y: 0, width: w, height: Math.min(h, maxHeight) } });
}

/** Every file under `dir` whose name ends with `ext`. */
function walk(dir, ext, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, ext, out);
    else if (p.endsWith(ext)) out.push(p);
  }
  return out;
}

module.exports = { REPO, BROWSER_DIR, SCREENSHOTS, playbookBin, tempDir, buildSite, serveDir, freePort, launchBrowser, watchPage, openPage, heading, screenshot, screenshotPath, walk };

/**
 * The usual fixture of a test file: the real playbook built into a temp
 * folder, served on 127.0.0.1, and a headless Chromium.
 * Returns { dir, url, browser, close() }.
 */
async function startSite() {
  const dir = buildSite();
  const server = await serveDir(dir);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    dir,
    url: server.url,
    browser,
    close: async () => {
      await browser.close().catch(() => {});
      await server.close();
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    },
  };
}

/** The title the title index (search-index.js, which served pages do not load) gives a site path ("markets/de/"), or null. */
async function indexTitle(page, sitePath) {
  return page.evaluate(async (p) => {
    if (!window.PLAYBOOK_INDEX) {
      await new Promise((done) => {
        const s = document.createElement("script");
        s.src = (document.body.getAttribute("data-root") || "") + "search-index.js";
        s.onload = s.onerror = done;
        document.head.appendChild(s);
      });
    }
    const e = (window.PLAYBOOK_INDEX || []).find((x) => x[2] === p);
    return e ? e[1] : null;
  }, sitePath);
}

/** The path of a URL relative to the served site root ("markets/de/"). */
function sitePath(url) {
  return new URL(url).pathname.replace(/^\//, "");
}

module.exports.startSite = startSite;
module.exports.indexTitle = indexTitle;
module.exports.sitePath = sitePath;
