// A playbook whose every text field carries markup that would run as
// script if the site ever wrote a text as HTML: `playbook init`'s playbook
// (every kind of content file), with PAYLOAD appended to each free-text
// field. Which fields are free text comes from the playbook's own JSON
// Schemas (`playbook init` writes them): a string with no pattern, format,
// enum or $ref (ids, references, dates, regions and tags are left alone, or
// the playbook would not build). A new field is covered the day it is added.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const YAML = require("yaml");

/** What every text gets: ends a script element, starts an HTML comment, and an image whose error handler would open a dialog. */
const PAYLOAD = ' </script><img src=x onerror=alert(1)><!-- "\'&';

/** The schema (file name under schemas/) for a content file, by where it is. */
function schemaFor(rel, doc) {
  const parts = rel.split("/");
  if (rel === "content/roles.yaml") return "roles";
  if (rel === "content/story/learning-path.yaml") return "learning-path";
  if (parts[1] === "frameworks") {
    if (parts[3] === "framework.yaml") return "framework";
    return doc && doc.phases !== undefined && doc.weeks === undefined && doc.months === undefined ? "component" : "phase";
  }
  if (parts[1] === "story" && rel.endsWith(".md")) return "chapter";
  if (parts[1] === "research") return "research";
  return { markets: "market", metrics: "metrics", regulations: "regulation", experts: "expert", progress: "progress" }[parts[1]];
}

function resolveRef(root, s) {
  while (s && s.$ref) {
    const name = s.$ref.replace(/^#\/(definitions|\$defs)\//, "");
    s = (root.definitions || root.$defs || {})[name];
  }
  return s;
}

function types(s) {
  return Array.isArray(s.type) ? s.type : [s.type];
}

/** Is `s` (not followed through $ref) a free-text string? */
function isText(s) {
  return !!s && !s.$ref && types(s).includes("string") && !s.pattern && !s.format && !s.enum && s.const === undefined && !s.anyOf && !s.oneOf;
}

/** Append PAYLOAD to every free-text string of `value` (a plain JS value) along `schema`. */
function poisonValue(root, schema, value) {
  if (value === null || value === undefined) return value;
  if (schema && !schema.$ref && isText(schema) && typeof value === "string") return value + PAYLOAD;
  const s = resolveRef(root, schema);
  if (!s) return value;
  for (const alt of [...(s.anyOf || []), ...(s.oneOf || []), ...(s.allOf || [])]) {
    const r = resolveRef(root, alt);
    if (r && ((Array.isArray(value) && types(r).includes("array")) || (typeof value === "object" && !Array.isArray(value) && types(r).includes("object")))) {
      return poisonValue(root, alt, value);
    }
  }
  if (Array.isArray(value)) return value.map((v) => poisonValue(root, s.items, v));
  if (typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const p = (s.properties || {})[k] || (typeof s.additionalProperties === "object" ? s.additionalProperties : null);
      out[k] = p ? poisonValue(root, p, v) : v;
    }
    return out;
  }
  return value;
}

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/**
 * Make the poisoned playbook in `dir` with the playbook binary `bin`:
 * `init`, then PAYLOAD in every free-text field of every content file, the
 * Markdown bodies and book.toml's texts, and a progress record with a note.
 * Returns how many fields it changed.
 */
function makePoisonedPlaybook(bin, dir) {
  execFileSync(bin, ["init", dir], { stdio: "pipe" });
  let changed = 0;
  const schemas = {};
  for (const rel of walk(path.join(dir, "content")).map((p) => path.relative(dir, p).split(path.sep).join("/"))) {
    const file = path.join(dir, rel);
    const text = fs.readFileSync(file, "utf8");
    let front = text, body = null;
    if (rel.endsWith(".md")) {
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`${rel}: no front matter`);
      front = m[1];
      body = m[2];
    } else if (!rel.endsWith(".yaml")) continue;
    const doc = YAML.parse(front);
    const name = schemaFor(rel, doc);
    if (!name) throw new Error(`no schema known for ${rel}`);
    const schema = schemas[name] || (schemas[name] = JSON.parse(fs.readFileSync(path.join(dir, "schemas", `${name}.schema.json`), "utf8")));
    const before = JSON.stringify(doc);
    const after = poisonValue(schema, schema, doc);
    changed += (JSON.stringify(after).match(/onerror=alert/g) || []).length - (before.match(/onerror=alert/g) || []).length;
    const yaml = YAML.stringify(after, { lineWidth: 0 });
    fs.writeFileSync(file, body === null ? yaml : `---\n${yaml}---\n${body}\n\n${PAYLOAD}\n`);
    if (body !== null) changed++;
  }
  const toml = path.join(dir, "book.toml");
  const t = fs.readFileSync(toml, "utf8").replace(/^(title|description) = "(.*)"$/gm, (_, k, v) => {
    changed++;
    return `${k} = ${JSON.stringify(v + PAYLOAD)}`;
  });
  fs.writeFileSync(toml, t);
  // A done task with a note (task ids are slugs of the poisoned titles now).
  const json = JSON.parse(execFileSync(bin, ["checklist", "de", "--format", "json", "--root", dir], { encoding: "utf8" }));
  fs.mkdirSync(path.join(dir, "content", "progress"), { recursive: true });
  fs.writeFileSync(path.join(dir, "content", "progress", "de.yaml"), YAML.stringify({ done: { [json.rows[0].task_id]: { on: "2026-01-05", by: "Ops" + PAYLOAD, note: "Evidence in the wiki" + PAYLOAD } } }));
  changed += 2;
  return changed;
}

module.exports = { PAYLOAD, makePoisonedPlaybook };
