// One tokenizer spec: the words a query looks for (theme/search.js, loaded
// here without a browser: the file hands node its tokenizer and stops) are
// the words the index stores (crates/site/src/search/words.rs), for every text of
// tests/tokenizer-vectors.json; tests/it/tokenizer.rs runs the same file
// against the Rust side.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { test } = require("node:test");
const assert = require("node:assert/strict");

const REPO = path.join(__dirname, "..", "..", "..");
const vectors = JSON.parse(fs.readFileSync(path.join(REPO, "tests", "tokenizer-vectors.json"), "utf8"));
const search = require(path.join(REPO, "theme", "search.js"));

test("the query tokenizer splits and folds every vector as the spec says", () => {
  const failures = [];
  for (const v of vectors.vectors) {
    const got = search.queryWords(v.text);
    if (JSON.stringify(got) !== JSON.stringify(v.words)) {
      failures.push(`${v.name}: ${JSON.stringify(v.text)}\n  want ${JSON.stringify(v.words)}\n  got  ${JSON.stringify(got)}`);
    }
  }
  assert.ok(vectors.vectors.length >= 20);
  assert.equal(failures.join("\n"), "");
});

test("the query drops the index's stop words", () => {
  for (const w of vectors.stop_words) assert.ok(search.STOP[w], w);
});

test("a text typed with no-break spaces gives the same words", () => {
  for (const v of vectors.vectors) assert.deepEqual(search.queryWords(v.text.replace(/ /g, "\u00a0")), v.words, v.name);
});
