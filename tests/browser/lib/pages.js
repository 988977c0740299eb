// One page of each page type of the real playbook (paths relative to the site root).
"use strict";

module.exports = [
  { type: "home", path: "" },
  { type: "story-index", path: "story/" },
  { type: "chapter", path: "story/crossing-borders/" },
  { type: "level-assessment", path: "learning/foundation/" },
  { type: "portfolio", path: "learning/portfolio/" },
  { type: "frameworks-index", path: "frameworks/" },
  { type: "framework-with-components", path: "frameworks/international-operations/" },
  { type: "framework-with-phases", path: "frameworks/ai-operations/" },
  { type: "component", path: "frameworks/international-operations/regulatory-compliance/" },
  { type: "step", path: "frameworks/international-operations/regulatory-compliance/international-compliance-framework/" },
  { type: "metrics-index", path: "metrics/" },
  { type: "metric", path: "metrics/customer-satisfaction/" },
  { type: "markets-index", path: "markets/" },
  { type: "market", path: "markets/de/" },
  { type: "checklist", path: "markets/de/checklist/" },
  { type: "regulations-index", path: "regulations/" },
  { type: "regulation", path: "regulations/gdpr/" },
  { type: "experts-index", path: "experts/" },
  { type: "expert", path: "experts/sarah-kim/" },
  { type: "research-index", path: "research/" },
  { type: "research", path: "research/readiness-scorecard/" },
  { type: "print", path: "print/" },
  { type: "search", path: "search/?q=data+residency" },
  { type: "404", path: "no/such/page/", status: 404 },
];
