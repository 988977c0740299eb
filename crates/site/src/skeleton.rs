//! The files `playbook init` writes: a small playbook that builds and shows
//! every kind of content (and every kind of cross-reference).

/// (relative path, contents) of every file of a new playbook.
pub fn files() -> Vec<(String, String)> {
    let f = |p: &str, s: &str| (p.to_string(), s.to_string());
    vec![
        f(
            ".gitignore",
            "# What `playbook build` writes: the site, and what it keeps between builds.\n/book/\n/.playbook-cache/\n",
        ),
        f(
            "book.toml",
            r#"#:schema ./schemas/book.schema.json
[book]
title = "Our Operations Playbook"
description = "How we launch and run operations in new markets."
language = "en"
authors = ["Operations team"]

[build]
build-dir = "book"
base-url = "/"
# edit-url = "https://git.example/ops/playbook/edit/main/{path}"
"#,
        ),
        f(
            "content/roles.yaml",
            r#"roles:
  - id: ops-lead
    title: Head of operations
    leads_launch: true
  - id: legal
    title: Legal counsel
  - id: localization
    title: Localization lead
"#,
        ),
        f(
            "content/frameworks/launch/framework.yaml",
            r#"id: launch
title: Market Launch Framework
summary: The steps we follow to open a new market. Measured by [[metric:launch-on-time]].
components: [compliance]
"#,
        ),
        f(
            "content/frameworks/launch/compliance.yaml",
            r#"id: compliance
number: 1
title: Compliance
subtitle: Know the rules before the first customer
summary: Map the market's rules and make the product comply.
phases:
  - id: foundation
    number: 1
    title: Foundation
    weeks: [1, 2]
    steps:
      - id: regulatory-mapping
        number: 1
        title: Regulatory Mapping
        guidance: |
          List every rule that applies, starting with [[regulation:gdpr]].

          > [!TIP]
          > Ask [[expert:ana-example]] before you start.
        activities:
          - title: Mapping
            tasks:
              - title: Regulation inventory
                description: List the rules of the market. Done when each has an owner.
                owner: legal
              - title: Translate the privacy notice
                description: Translate the notice into every market language.
                owner: localization
                applies_to:
                  tags: [new-language]
"#,
        ),
        f(
            "content/metrics/launch.yaml",
            r#"group:
  id: launch-success
  title: Launch Success
  framework: launch
metrics:
  - id: launch-on-time
    name: Launch on time
    description: Share of launch tasks done by their due date.
    target: { op: ">=", value: 90, unit: "%", text: "Target 90% of tasks on time" }
    measures: ["component:compliance"]
"#,
        ),
        f(
            "content/markets/de.yaml",
            r#"id: de
name: Germany
region: eu
summary: Our first EU market; see [[step:regulatory-mapping]].
regulations: [gdpr]
tags: [new-language]
languages: [de]
currency: EUR
kickoff: 2026-03-02
launched: 2026-04-27
team: { ops-lead: "Jonas Weber", legal: "Anna Schmidt" }
actuals:
  launch-on-time: { value: 94, as_of: 2026-04-30 }
"#,
        ),
        f(
            "content/markets/ie.yaml",
            r#"id: ie
name: Ireland
region: eu
summary: English-speaking EU hub.
regulations: [gdpr]
tags: []
languages: [en]
currency: EUR
kickoff: 2027-05-03
team: { ops-lead: "Siobhán Kelly" }
"#,
        ),
        f(
            "content/regulations/gdpr.yaml",
            r#"id: gdpr
name: GDPR
official_name: Regulation (EU) 2016/679 (General Data Protection Regulation)
jurisdiction: European Union
in_force: "25 May 2018"
link: https://eur-lex.europa.eu/eli/reg/2016/679/oj
summary: The EU's data protection law.
obligations:
  - topic: Breach notification
    text: Notify the supervisory authority within 72 hours of becoming aware of a personal data breach.
"#,
        ),
        f(
            "content/experts/ana-example.yaml",
            r#"id: ana-example
name: Ana Example
role: Privacy counsel (composite)
composite: true
background: A composite of several privacy lawyers, not a real person.
quotes: ["Map the data before you map the market."]
advice:
  - text: Start the regulation inventory in week one.
    steps: [regulatory-mapping]
"#,
        ),
        f(
            "content/research/launch-study.md",
            r#"---
id: launch-study
title: What makes launches late
summary: Late launches start with late legal work.
supports: ["step:regulatory-mapping"]
results:
  - label: On-time launches
    value: "72%"
    text: when legal mapping started in week one
---
Teams that ran [[step:regulatory-mapping]] first launched on time more often.
"#,
        ),
        f(
            "content/story/01-first-market.md",
            r#"---
title: The First Market
act: 1
act_title: Beginnings
section: 1
section_title: Getting started
summary: Our hero opens [[market:de]].
applies: ["step:regulatory-mapping", "metric:launch-on-time"]
---
The team met on a Monday. They opened [[research:launch-study]] and began with
[[step:regulatory-mapping|the regulatory mapping]].

## Try it

List three rules that apply to your next market.
"#,
        ),
        f(
            "content/story/learning-path.yaml",
            r#"# The story's learning path: levels over the chapters, each with a
# self-assessment (scored by the weighted parts below), and a portfolio of
# templates. See docs/content-model.md.
levels:
  - id: foundation
    title: Foundation
    focus: Getting started
    chapters: [first-market]
    objectives:
      - Map the rules that apply to a new market
    questions:
      - part: knowledge
        chapter: first-market
        question: Why does the team start with [[step:regulatory-mapping]]?
        answer: Late launches start with late legal work ([[research:launch-study]]).
        rubric:
          - text: Names late legal work as the usual cause of late launches
      - part: application
        question: List the rules that apply to [[market:de]].
        answer: GDPR, from the market's page; and any the team finds that the playbook does not list yet.
        rubric:
          - text: Names GDPR
          - text: Checks the list against the market's own sources
assessment:
  title: Chapter Completion Assessment
  parts:
    - id: knowledge
      title: Knowledge
      weight: 40
    - id: application
      title: Application
      weight: 60
portfolio:
  title: Portfolio
  summary: Templates to copy into your own documents.
  parts:
    - id: plans
      title: Plans
      items:
        - title: Market entry plan
          uses: ["step:regulatory-mapping"]
          template: |
            # Market entry plan: <market>
            Rules that apply:
            Owner of each:
"#,
        ),
    ]
}

/// The built-in templates and theme assets as files of a playbook
/// (`templates/…`, `theme/…`), for `playbook init --theme`: a theme of
/// one's own starts from copies of them, and any of them may be deleted
/// again to fall back to the built-in one.
pub fn theme_files() -> Vec<(String, String)> {
    let templates = crate::render::BUILTIN_TEMPLATES
        .iter()
        .map(|(name, text)| (format!("templates/{name}"), text.to_string()));
    let assets = crate::render::BUILTIN_ASSETS
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()));
    templates.chain(assets).collect()
}
