#!/usr/bin/env python3
"""Generate a synthetic, valid Playbook (book.toml + content/) for benchmarks.

    python3 bench/gen_playbook.py --size S /tmp/pb-S
    python3 bench/gen_playbook.py --size L --out /tmp/pb-L --force

Sizes (steps / tasks / markets / chapters / metrics):

    XS      20 /    100 /   6 /   4 /    8   (smoke tests)
    S    2,000 / 10,000 /  50 / 100 /  400
    L   10,000 / 50,000 / 250 / 500 / 2,000   (five times S, ~13,000 pages)

The output is deterministic (fixed seed per size): the same size always gives
byte-identical files. Everything follows docs/content-model.md: every
cross-reference resolves, every `applies_to` value exists on a generated
market or regulation, every owner and team key is a role id. Python 3
standard library only.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

# ---------------------------------------------------------------------------
# Sizes
# ---------------------------------------------------------------------------

# Each framework has `units` components (or, for the blocks shape, `units`
# phase files), each with `phases` phases (or blocks) of `steps` steps; every
# step has `activities` activities of `tasks` tasks.
SIZES = {
    "XS": dict(frameworks=2, units=1, phases=2, steps=5, activities=1, tasks=5,
               markets=6, chapters=4, metrics=8, experts=2, research=4, regulations=6, seed=7),
    "S": dict(frameworks=10, units=5, phases=2, steps=20, activities=1, tasks=5,
              markets=50, chapters=100, metrics=400, experts=20, research=40, regulations=20, seed=42),
    "L": dict(frameworks=50, units=5, phases=2, steps=20, activities=1, tasks=5,
              markets=250, chapters=500, metrics=2000, experts=100, research=200, regulations=100,
              seed=4242),
}

# Every third framework (index 1, 4, 7, ...) uses phase files with week blocks and `months:`.
def uses_blocks(fi):
    return fi % 3 == 1


# Copied from content/roles.yaml (kept here so the output never depends on the repo).
ROLES = [
    ("ops-lead", "Head of operations"), ("legal", "Legal counsel"), ("compliance", "Compliance lead"),
    ("privacy", "Data protection officer"), ("security", "Security lead"),
    ("infra", "Infrastructure lead"), ("sre", "Site reliability lead"), ("mlops", "MLOps lead"),
    ("data", "Data engineering lead"), ("support", "Customer support lead"),
    ("success", "Customer success lead"), ("sales", "Sales lead"), ("marketing", "Marketing lead"),
    ("partnerships", "Partnerships lead"), ("localization", "Localization lead"),
    ("finance", "Finance lead"), ("people", "People and HR lead"), ("product", "Product lead"),
]
ROLE_IDS = [r for r, _ in ROLES]

REGIONS = ["eu", "uk", "north-america", "latin-america", "apac", "middle-east"]

# (id, name, jurisdiction, region) -- the first 20 are realistic; bigger sizes add variants.
BASE_REGULATIONS = [
    ("gdpr", "GDPR", "European Union / EEA", "eu"),
    ("eu-ai-act", "EU AI Act", "European Union", "eu"),
    ("nis2", "NIS2 Directive", "European Union", "eu"),
    ("dora", "DORA", "European Union (financial sector)", "eu"),
    ("uk-gdpr", "UK GDPR", "United Kingdom", "uk"),
    ("uk-dpa", "Data Protection Act 2018", "United Kingdom", "uk"),
    ("ccpa-cpra", "CCPA / CPRA", "California, United States", "north-america"),
    ("pipeda", "PIPEDA", "Canada", "north-america"),
    ("hipaa", "HIPAA", "United States (health)", "north-america"),
    ("lgpd", "LGPD", "Brazil", "latin-america"),
    ("ley-29733", "Ley 29733", "Peru", "latin-america"),
    ("lfpdppp", "LFPDPPP", "Mexico", "latin-america"),
    ("appi", "APPI", "Japan", "apac"),
    ("pipa", "PIPA", "South Korea", "apac"),
    ("pdpa-sg", "PDPA", "Singapore", "apac"),
    ("dpdp", "DPDP Act", "India", "apac"),
    ("au-privacy-act", "Privacy Act 1988", "Australia", "apac"),
    ("uae-pdpl", "UAE PDPL", "United Arab Emirates", "middle-east"),
    ("ksa-pdpl", "Saudi PDPL", "Saudi Arabia", "middle-east"),
    ("kvkk", "KVKK", "Türkiye", "middle-east"),
]

TAGS = ["data-residency", "new-language", "direct-sales", "partner-led", "local-entity",
        "public-sector", "new-cloud-region", "healthcare", "financial-services", "enterprise",
        "self-serve", "right-to-left"]

CURRENCIES = {"eu": ["EUR"], "uk": ["GBP"], "north-america": ["USD", "CAD"],
              "latin-america": ["BRL", "MXN", "ARS", "CLP"], "apac": ["JPY", "KRW", "SGD", "INR", "AUD"],
              "middle-east": ["AED", "SAR", "TRY"]}
LANGS = {"eu": ["de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pl-PL", "sv-SE"], "uk": ["en-GB"],
         "north-america": ["en-US", "fr-CA", "es-US"], "latin-america": ["pt-BR", "es-MX", "es-AR"],
         "apac": ["ja-JP", "ko-KR", "zh-SG", "hi-IN", "en-AU"], "middle-east": ["ar-AE", "ar-SA", "tr-TR"]}

FIRST = ["Anna", "Jonas", "Maya", "Ravi", "Sofia", "Kenji", "Amara", "Lucas", "Ingrid", "Tomás",
         "Yuki", "Omar", "Chloé", "Mateo", "Priya", "Lars", "Elena", "Kwame", "Hana", "Diego",
         "Noor", "Finn", "Leila", "Sven", "Ana", "Wei", "Fatima", "Marco", "Aiko", "Siobhán"]
LAST = ["Schmidt", "Weber", "Patel", "Kim", "Rossi", "Tanaka", "Okafor", "Silva", "Larsen",
        "García", "Sato", "Haddad", "Dubois", "Fernández", "Iyer", "Nilsson", "Popescu", "Mensah",
        "Park", "Moreno", "Rahman", "Kelly", "Novak", "Berg", "Costa", "Chen", "Aziz", "Bianchi",
        "Mori", "Byrne"]

SYLL = ["val", "nor", "ka", "mar", "tel", "ri", "an", "sol", "ven", "dor", "li", "bra", "sta",
        "mon", "que", "tor", "el", "is", "ga", "zen", "por", "ul", "ther", "cas"]

# ---------------------------------------------------------------------------
# Vocabulary for titles and prose
# ---------------------------------------------------------------------------

FW_THEMES = ["Market Entry Operations", "Customer Operations", "Platform Reliability",
             "Data Governance", "Revenue Operations", "Partner Ecosystem", "Security Operations",
             "Model Lifecycle", "Support Excellence", "Localization Program", "Finance Operations",
             "People Operations", "Quality Management", "Incident Management", "Cost Management"]
COMP_THEMES = ["Regulatory Compliance", "Market Localization", "Global Infrastructure",
               "International Partnerships", "Customer Support", "Data Sovereignty",
               "Observability", "Release Management", "Capacity Planning", "Vendor Management",
               "Knowledge Management", "Access Control", "Pricing and Billing",
               "Talent and Hiring", "Continuous Improvement"]
ADJ = ["Regional", "Global", "Automated", "Continuous", "Local", "Secure", "Predictive",
       "Scalable", "Resilient", "Unified", "Cross-Border", "Proactive", "Multi-Region",
       "Customer-Facing", "Internal", "Federated", "Tiered", "Adaptive", "Baseline", "Managed"]
NOUN = ["Data Residency", "Incident Response", "Model Deployment", "Support Routing",
        "Contract Review", "Translation Memory", "Capacity", "Access Review", "Cost Allocation",
        "Vendor Onboarding", "Failover", "Privacy Notice", "Service Level", "Escalation",
        "Release Train", "Audit Trail", "Knowledge Base", "Partner Enablement", "Billing",
        "Consent Management", "Key Management", "Demand Forecast", "Quality Gate",
        "On-Call Rotation", "Data Retention", "Pricing", "Onboarding", "Feature Flag",
        "Backup", "Risk Register"]
ACT = ["Assessment", "Implementation", "Review", "Rollout", "Design", "Hardening", "Drill",
       "Readiness", "Optimization", "Baseline", "Migration", "Certification", "Playbook",
       "Enablement", "Governance", "Automation", "Validation", "Handover"]
ACTIVITY_TITLES = ["Preparation and Scoping", "Build and Configure", "Verify and Hand Over",
                   "Discovery", "Execution", "Stabilization", "Measurement", "Rollout"]
TASK_VERBS = ["Draft", "Review", "Approve", "Configure", "Document", "Test", "Publish",
              "Automate", "Audit", "Train the team on", "Benchmark", "Migrate", "Sign off",
              "Monitor", "Translate", "Negotiate", "Schedule", "Inventory", "Rehearse", "Archive"]
TASK_OBJS = ["the runbook", "the data map", "the vendor contract", "the escalation matrix",
             "the dashboards", "the alert thresholds", "the privacy notice", "the DPA template",
             "the failover plan", "the access list", "the pricing page", "the support macros",
             "the style guide", "the glossary", "the cost report", "the release checklist",
             "the risk register", "the SLA terms", "the backup schedule", "the training plan",
             "the onboarding flow", "the model card", "the audit log", "the on-call rota",
             "the retention policy", "the key rotation", "the capacity model",
             "the partner brief", "the status page", "the incident template"]
METRIC_NOUNS = ["Uptime", "Deployment Success", "Response Time", "Resolution Time",
                "Customer Satisfaction", "Net Revenue Retention", "Cost per Inference",
                "Translation Coverage", "Audit Findings Closed", "Incident Recurrence",
                "Partner Revenue Share", "Time to First Value", "Model Accuracy Drift",
                "Data Subject Requests on Time", "Escalation Rate", "Churn", "Release Frequency",
                "Change Failure Rate", "Mean Time to Recovery", "Onboarding Completion",
                "Support Backlog", "Forecast Accuracy", "Gross Margin", "Training Completion"]
METRIC_QUAL = ["Regional", "Global", "Enterprise", "Quarterly", "Weekly", "Tier-1", "Self-Serve",
               "Partner", "First-Month", "Peak", "Median", "P95"]
GROUP_WORDS = ["Excellence", "Performance", "Health", "Efficiency", "Readiness", "Quality",
               "Growth", "Reliability"]
CATEGORIES = ["MLOps and AI Operations Leaders", "International Expansion Advisors",
              "Customer Operations Leaders", "Regulatory and Privacy Counsel",
              "Infrastructure and Reliability Engineers", "Partnership Strategists"]
RESEARCH_CATS = ["Regulatory Compliance and Data Sovereignty", "Operations Scaling",
                 "Market Localization", "Infrastructure", "Customer Operations", "Toolkit",
                 "Partnerships", "Benchmarks"]
CHAPTER_ADJ = ["Quiet", "Long", "Broken", "First", "Last", "Silent", "Hidden", "Late",
               "Crowded", "Borrowed", "Unfinished", "Second", "Honest", "Narrow", "Cold",
               "Missing", "Open", "Steady", "Careful", "Shared"]
CHAPTER_NOUN = ["Handover", "Pager", "Border", "Queue", "Deadline", "Audit", "Launch",
                "Forecast", "Contract", "Checklist", "Region", "Outage", "Promise", "Budget",
                "Runbook", "Market", "Bridge", "Window", "Signal", "Map"]

SUBJECTS = ["The operations team", "Each market owner", "The on-call engineer", "Legal",
            "The regional lead", "Support", "The platform team", "Finance", "The launch squad",
            "Every task owner", "The data protection officer", "Product"]
VERBS = ["reviews", "documents", "automates", "measures", "tracks", "validates", "publishes",
         "rehearses", "signs off", "escalates", "reconciles", "prioritizes", "monitors",
         "owns", "tests"]
OBJECTS = ["the rollout plan", "every open risk", "the weekly numbers", "the regional backlog",
           "the customer commitments", "the failover runbook", "the contract terms",
           "the data flows", "each alert", "the cost forecast", "the translation queue",
           "the handover notes", "the audit evidence", "the partner pipeline",
           "the service levels"]
CLAUSES = ["before the market's kickoff", "within the first two weeks", "so nothing ships unowned",
           "because late fixes cost three times as much", "while the region is still small",
           "and records the decision in the tracker", "with a named owner for each item",
           "so the next launch starts from a known baseline", "every Monday",
           "once the first customers are live", "against the agreed targets",
           "so that audits become routine", "without adding manual steps",
           "and escalates anything that slips twice"]
OPENERS = ["In practice,", "As a rule,", "Early on,", "Where possible,", "In most markets,",
           "For regulated customers,", "During the first month,", "After each release,", ""]
DONE = ["Done when the owner has signed off and the evidence is linked from the tracker.",
        "Done when a dry run succeeds without manual steps.",
        "Done when the result is reviewed in the weekly operations meeting.",
        "Done when every affected team has acknowledged the change.",
        "Done when the dashboard shows the new numbers for a full week.",
        "Done when legal has approved the final text.",
        "Done when the checklist item is ticked with a link to the artefact."]

CODE_SNIPPETS = [
    ("yaml", "alerts:\n  - name: high-error-rate\n    expr: rate(http_errors[5m]) > 0.02\n    for: 10m\n    severity: page\n  - name: slow-p95\n    expr: latency_p95_ms > 400\n    severity: ticket"),
    ("bash", "#!/usr/bin/env bash\nset -euo pipefail\nregion=\"${1:?region}\"\nterraform -chdir=infra/regions/$region plan -out plan.bin\nterraform -chdir=infra/regions/$region apply plan.bin\ncurl -fsS https://status.example.com/health?region=$region"),
    ("python", "def error_budget(slo: float, minutes: int = 43_200) -> float:\n    \"\"\"Minutes of downtime a month allows.\"\"\"\n    return round((1 - slo) * minutes, 1)\n\nfor slo in (0.999, 0.9995, 0.9999):\n    print(f\"{slo:.4%}: {error_budget(slo)} min\")"),
    ("json", "{\n  \"market\": \"m001\",\n  \"kickoff\": \"2027-03-01\",\n  \"owners\": {\"legal\": \"Anna Schmidt\", \"ops-lead\": \"Jonas Weber\"},\n  \"data_residency\": true\n}"),
    ("sql", "SELECT region, date_trunc('week', opened_at) AS week,\n       percentile_cont(0.5) WITHIN GROUP (ORDER BY resolved_at - opened_at) AS median\nFROM tickets\nWHERE opened_at > now() - interval '90 days'\nGROUP BY 1, 2\nORDER BY 1, 2;"),
    ("toml", "[retention]\ntickets = \"24 months\"\nlogs = \"90 days\"\nbackups = \"35 days\"\n\n[residency]\nregion = \"eu-central\"\nreplicas = 2"),
]

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def slugify(s):
    s = s.lower()
    s = (s.replace("é", "e").replace("á", "a").replace("ó", "o").replace("í", "i")
         .replace("ü", "u").replace("ç", "c"))
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


SAFE_BARE = re.compile(r"^[a-z][a-z0-9-]*$")
YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, Raw):
        return v.s
    s = str(v)
    if SAFE_BARE.match(s) and s not in YAML_WORDS:
        return s
    return json.dumps(s, ensure_ascii=False)


class Raw:
    """A value written verbatim (e.g. an unquoted date)."""

    def __init__(self, s):
        self.s = s


class Flow(dict):
    """A mapping written on one line: `{ a: 1, b: 2 }`."""


def is_scalar(v):
    return not isinstance(v, (dict, list)) and not (isinstance(v, str) and "\n" in v)


def emit(obj, indent=0):
    """Minimal YAML emitter for dicts, lists and scalars; multi-line strings become `|-` blocks."""
    lines = []
    pad = " " * indent
    for k, v in obj.items():
        if v is None:
            continue
        lines.extend(emit_kv(pad, k, v, indent))
    return lines


def emit_kv(pad, k, v, indent):
    out = []
    if isinstance(v, str) and "\n" in v:
        out.append(f"{pad}{k}: |-")
        for line in v.split("\n"):
            out.append(f"{pad}  {line}" if line else "")
    elif isinstance(v, Flow):
        inner = ", ".join(f"{kk}: {scalar(vv)}" for kk, vv in v.items() if vv is not None)
        out.append(f"{pad}{k}: {{ {inner} }}")
    elif isinstance(v, dict):
        if not v:
            out.append(f"{pad}{k}: {{}}")
        else:
            out.append(f"{pad}{k}:")
            out.extend(emit(v, indent + 2))
    elif isinstance(v, list):
        if not v:
            out.append(f"{pad}{k}: []")
        elif all(is_scalar(x) for x in v):
            out.append(f"{pad}{k}: [" + ", ".join(scalar(x) for x in v) + "]")
        else:
            out.append(f"{pad}{k}:")
            for item in v:
                out.extend(emit_item(item, indent + 2))
    else:
        out.append(f"{pad}{k}: {scalar(v)}")
    return out


def emit_item(item, indent):
    pad = " " * indent
    if isinstance(item, dict):
        sub = emit(item, indent + 2)
        if not sub:
            return [f"{pad}- {{}}"]
        first = sub[0]
        return [f"{pad}- {first[indent + 2:]}"] + sub[1:]
    return [f"{pad}- {scalar(item)}"]


def yaml_doc(obj, comment=None):
    lines = []
    if comment:
        lines.append(f"# {comment}")
    lines.extend(emit(obj))
    return "\n".join(lines) + "\n"


def write(root, rel, text):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------


class Gen:
    def __init__(self, size):
        self.cfg = dict(SIZES[size])
        self.size = size
        self.r = random.Random(self.cfg["seed"])
        self.files = []  # (rel path, text)
        self.everywhere = []  # ids of tasks that apply in every market

    # -- prose -------------------------------------------------------------

    def sentence(self, refs=()):
        r = self.r
        opener = r.choice(OPENERS)
        s = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(CLAUSES)}"
        if opener:
            s = f"{opener} {s[0].lower()}{s[1:]}"
        if refs:
            s += ", following " + " and ".join(refs)
        return s + "."

    def paragraph(self, n=None, refs=()):
        r = self.r
        n = n or r.randint(2, 5)
        refs = list(refs)
        out = []
        for i in range(n):
            take = []
            if refs and (r.random() < 0.6 or i == n - 1):
                take = [refs.pop(0)]
            out.append(self.sentence(take))
        if refs:
            out.append("See also " + ", ".join(refs) + ".")
        return " ".join(out)

    def bullet_list(self, refs=()):
        r = self.r
        items = []
        refs = list(refs)
        for _ in range(r.randint(3, 5)):
            item = f"**{r.choice(ADJ)} {r.choice(NOUN).lower()}:** {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(CLAUSES)}."
            if refs and r.random() < 0.5:
                item += f" Measured by {refs.pop(0)}."
            items.append(f"- {item}")
        if r.random() < 0.3:
            items = [f"{i + 1}. {x[2:]}" for i, x in enumerate(items)]
        return "\n".join(items)

    def table(self):
        r = self.r
        rows = ["| Area | Owner | Target | Cadence |", "|---|---|---:|---|"]
        for _ in range(r.randint(3, 6)):
            rows.append(f"| {r.choice(NOUN)} | {r.choice(ROLES)[1]} | {r.randint(80, 100)}% | "
                        f"{r.choice(['weekly', 'monthly', 'per release', 'quarterly'])} |")
        return "\n".join(rows)

    def code_block(self):
        lang, code = self.r.choice(CODE_SNIPPETS)
        return f"```{lang}\n{code}\n```"

    def markdown(self, refs=(), paragraphs=(2, 3), list_p=0.8, table_p=0.15, code_p=0.04,
                 callout_p=0.1, heading=None):
        """A few paragraphs, a list, sometimes a table or a fenced code block, with refs."""
        r = self.r
        refs = list(refs)
        n = r.randint(*paragraphs)
        per = max(1, (len(refs) + n - 1) // n) if refs else 0
        blocks = []
        for i in range(n):
            mine, refs = refs[:per], refs[per:]
            blocks.append(self.paragraph(refs=mine))
            if i == 0 and r.random() < list_p:
                blocks.append(self.bullet_list())
        if refs:
            blocks.append("Related: " + ", ".join(refs) + ".")
        if r.random() < table_p:
            if heading:
                blocks.append(f"### {heading}")
            blocks.append(self.table())
        if r.random() < code_p:
            blocks.append(f"For example, the {r.choice(['alerting', 'provisioning', 'reporting', 'retention'])} "
                          "configuration we start from:")
            blocks.append(self.code_block())
        if r.random() < callout_p:
            kind = r.choice(["TIP", "NOTE", "WARNING", "IMPORTANT"])
            blocks.append(f"> [!{kind}]\n> {self.sentence()}")
        return "\n\n".join(blocks)

    def person(self):
        return f"{self.r.choice(FIRST)} {self.r.choice(LAST)}"

    def ref(self, kind, id_, label=None):
        return f"[[{kind}:{id_}|{label}]]" if label else f"[[{kind}:{id_}]]"

    # -- plan: decide every id first so references can point anywhere ----------

    def plan(self):
        c, r = self.cfg, self.r
        # Regulations.
        self.regulations = []
        for i in range(c["regulations"]):
            base = BASE_REGULATIONS[i % len(BASE_REGULATIONS)]
            k = i // len(BASE_REGULATIONS)
            rid = base[0] if k == 0 else f"{base[0]}-r{k + 1}"
            name = base[1] if k == 0 else f"{base[1]} (amendment {k + 1})"
            self.regulations.append(dict(id=rid, name=name, jurisdiction=base[2], region=base[3]))
        self.regs_by_region = {g: [x["id"] for x in self.regulations if x["region"] == g] for g in REGIONS}

        # Markets: regions and tags round-robin first so every value is used at least once.
        self.markets = []
        used_names = set()
        for i in range(c["markets"]):
            region = REGIONS[i % len(REGIONS)]
            while True:
                name = "".join(r.choice(SYLL) for _ in range(r.randint(2, 3))).capitalize()
                if name not in used_names:
                    used_names.add(name)
                    break
            tags = sorted({TAGS[i % len(TAGS)]} | set(r.sample(TAGS, r.randint(0, 3))),
                          key=TAGS.index)
            pool = self.regs_by_region[region] or [self.regulations[0]["id"]]
            regs = sorted(set(r.sample(pool, min(len(pool), r.randint(1, 3)))), key=pool.index)
            self.markets.append(dict(id=f"m{i + 1:03d}", name=name, region=region, tags=tags,
                                     regulations=regs))
        self.used_regions = [g for g in REGIONS if any(m["region"] == g for m in self.markets)]
        self.used_tags = [t for t in TAGS if any(t in m["tags"] for m in self.markets)]
        self.used_regs = [g["id"] for g in self.regulations
                          if any(g["id"] in m["regulations"] for m in self.markets)]

        # Frameworks, components/phases, steps.
        self.frameworks = []
        self.steps = []  # dicts with id, title, fw index, unit id
        step_no = 0
        for fi in range(c["frameworks"]):
            theme = FW_THEMES[fi % len(FW_THEMES)]
            fid = f"{slugify(theme)}-{fi + 1:02d}"
            fw = dict(id=fid, title=f"{theme} Framework {fi + 1}", index=fi,
                      blocks=uses_blocks(fi), units=[], steps=[])
            themes = r.sample(COMP_THEMES, c["units"]) if c["units"] <= len(COMP_THEMES) else \
                [COMP_THEMES[(fi + u) % len(COMP_THEMES)] for u in range(c["units"])]
            n_in_fw = 0
            for u in range(c["units"]):
                uid = f"{slugify(themes[u])}-{fi + 1:02d}-{u + 1}"
                if fw["blocks"]:
                    uid = f"month-{u + 1}-{slugify(themes[u])}-{fi + 1:02d}"
                unit = dict(id=uid, theme=themes[u], number=u + 1, parts=[])
                for p in range(c["phases"]):
                    part = dict(steps=[])
                    for _ in range(c["steps"]):
                        step_no += 1
                        n_in_fw += 1
                        title = f"{r.choice(ADJ)} {r.choice(NOUN)} {r.choice(ACT)}"
                        sid = f"{slugify(title)}-{step_no}"
                        st = dict(id=sid, title=title, fw=fi, unit=uid, number=n_in_fw)
                        part["steps"].append(st)
                        fw["steps"].append(st)
                        self.steps.append(st)
                    unit["parts"].append(part)
                fw["units"].append(unit)
            self.frameworks.append(fw)
        self.step_ids = [s["id"] for s in self.steps]

        # Metrics, in groups of ~10 per framework.
        self.metrics = []
        self.groups = []
        per_fw = c["metrics"] // c["frameworks"]
        extra = c["metrics"] - per_fw * c["frameworks"]
        mno = 0
        for fi, fw in enumerate(self.frameworks):
            n = per_fw + (1 if fi < extra else 0)
            n_groups = max(1, n // 10)
            for g in range(n_groups):
                lo = g * n // n_groups
                hi = (g + 1) * n // n_groups
                word = GROUP_WORDS[(fi + g) % len(GROUP_WORDS)]
                gid = f"{fw['id']}-{slugify(word)}-{g + 1}"
                group = dict(id=gid, title=f"{FW_THEMES[fi % len(FW_THEMES)]} {word} {g + 1}",
                             fw=fi, metrics=[])
                for _ in range(hi - lo):
                    mno += 1
                    name = f"{r.choice(METRIC_QUAL)} {r.choice(METRIC_NOUNS)}"
                    mid = f"{slugify(name)}-{mno}"
                    m = dict(id=mid, name=name, fw=fi, group=gid)
                    group["metrics"].append(m)
                    self.metrics.append(m)
                self.groups.append(group)
        self.metrics_by_fw = {}
        for m in self.metrics:
            self.metrics_by_fw.setdefault(m["fw"], []).append(m)

        # Experts, research, chapters.
        self.experts = []
        for i in range(c["experts"]):
            name = self.person()
            self.experts.append(dict(id=f"{slugify(name)}-{i + 1}", name=name))
        self.research = []
        for i in range(c["research"]):
            title = f"{r.choice(ADJ)} {r.choice(NOUN)} {r.choice(['Study', 'Benchmark', 'Survey', 'Field Report', 'Analysis'])}"
            self.research.append(dict(id=f"{slugify(title)}-{i + 1}", title=title))
        self.chapters = []
        used = set()
        for i in range(c["chapters"]):
            title = f"The {r.choice(CHAPTER_ADJ)} {r.choice(CHAPTER_NOUN)}"
            slug = slugify(title)
            k = 2
            base = slug
            while slug in used:
                slug = f"{base}-{k}"
                k += 1
            used.add(slug)
            self.chapters.append(dict(id=slug, title=title if slug == base else f"{title} ({k - 1})"))

    # -- random picks --------------------------------------------------------

    def some_steps(self, n, fi=None, exclude=None):
        pool = self.frameworks[fi]["steps"] if fi is not None and self.r.random() < 0.8 else self.steps
        picks = self.r.sample(pool, min(n, len(pool)))
        return [s["id"] for s in picks if s["id"] != exclude]

    def some_metrics(self, n, fi=None):
        pool = self.metrics_by_fw.get(fi) if fi is not None else None
        if not pool or self.r.random() < 0.2:
            pool = self.metrics
        return [m["id"] for m in self.r.sample(pool, min(n, len(pool)))]

    def some_markets(self, n):
        return [m["id"] for m in self.r.sample(self.markets, min(n, len(self.markets)))]

    def rule(self):
        """An applies_to rule using values that exist on generated markets."""
        r = self.r
        kind = r.random()
        if kind < 0.25:
            return dict(tags=r.sample(self.used_tags, r.randint(1, 2)))
        if kind < 0.45:
            return dict(regions=r.sample(self.used_regions, r.randint(1, 2)))
        if kind < 0.65:
            return dict(regulations=r.sample(self.used_regs, min(len(self.used_regs), r.randint(1, 2))))
        if kind < 0.80:
            return dict(regions=[r.choice(self.used_regions)], tags=[r.choice(self.used_tags)])
        if kind < 0.90:
            return dict(markets=self.some_markets(r.randint(1, 3)))
        return dict(tags=[r.choice(self.used_tags)], except_markets=self.some_markets(1))

    # -- files ---------------------------------------------------------------

    def book_toml(self):
        c = self.cfg
        return f"""[book]
title = "Synthetic Playbook ({self.size})"
description = "A generated benchmark playbook: {len(self.steps)} steps, {len(self.steps) * c['activities'] * c['tasks']} tasks, {len(self.markets)} markets."
language = "en"
authors = ["bench/gen_playbook.py"]

[build]
build-dir = "book"
base-url = "/"
"""

    def gen_roles(self):
        roles = [dict(id=i, title=t) for i, t in ROLES]
        self.files.append(("content/roles.yaml", yaml_doc(dict(roles=roles),
                                                          "The roles that own tasks (copied from the real playbook).")))

    def gen_step(self, st):
        r, c = self.r, self.cfg
        fi = st["fw"]
        refs = [self.ref("step", x) for x in self.some_steps(r.randint(1, 2), fi, exclude=st["id"])]
        refs += [self.ref("metric", x) for x in self.some_metrics(r.randint(1, 2), fi)]
        if r.random() < 0.3:
            refs.append(self.ref("market", r.choice(self.markets)["id"]))
        if r.random() < 0.1:
            refs.append(self.ref("regulation", r.choice(self.used_regs)))
        r.shuffle(refs)
        guidance = self.markdown(refs=refs, heading="Targets")
        activities = []
        for a in range(c["activities"]):
            titles = []
            while len(titles) < c["tasks"]:
                t = f"{r.choice(TASK_VERBS)} {r.choice(TASK_OBJS)}"
                if slugify(t) not in [slugify(x) for x in titles]:
                    titles.append(t)
            tasks = []
            # Each framework's titles carry its number: the small verb/object
            # pool would otherwise give thousands of identical titles across
            # frameworks, which `playbook check` warns about (same work?).
            titles = [f"{t} (F{fi + 1})" for t in titles]
            # The schedule: in about a third of the steps the first three
            # tasks are a chain of two working days each (short enough for
            # the shortest window, two weeks, from any weekday), and about a
            # tenth of the others take three days.
            chain = r.random() < 0.33
            for k, t in enumerate(titles):
                desc = self.sentence()
                if r.random() < 0.2:
                    if r.random() < 0.5:
                        target = self.ref("metric", self.some_metrics(1, fi)[0])
                    else:
                        target = self.ref("step", self.some_steps(1, fi)[0])
                    desc += " " + self.sentence([target])
                desc += " " + r.choice(DONE)
                task = dict(title=t, description=desc, owner=r.choice(ROLE_IDS))
                if r.random() < 0.30:
                    task["applies_to"] = self.rule()
                else:
                    # Applies everywhere: a market may adjust it.
                    self.everywhere.append(f"{st['id']}/{slugify(t)}")
                if chain and k < 3:
                    task["duration"] = "2 days"
                    if k > 0:
                        task["after"] = [f"task:{st['id']}/{slugify(titles[k - 1])}"]
                elif r.random() < 0.1:
                    task["duration"] = "3 days"
                tasks.append(task)
            act = dict(title=ACTIVITY_TITLES[a % len(ACTIVITY_TITLES)] if c["activities"] > 1
                       else r.choice(ACTIVITY_TITLES))
            if r.random() < 0.3:
                act["summary"] = self.sentence()
            act["tasks"] = tasks
            activities.append(act)
        return dict(id=st["id"], number=st["number"], title=st["title"], guidance=guidance,
                    activities=activities)

    def gen_frameworks(self):
        r, c = self.r, self.cfg
        for fw in self.frameworks:
            fi = fw["index"]
            base = f"content/frameworks/{fw['id']}"
            units = fw["units"]
            # framework.yaml
            rows = ["| # | Part | Steps |", "|---|---|---:|"]
            for u in units:
                n = sum(len(p["steps"]) for p in u["parts"])
                link = self.ref("component", u["id"]) if not fw["blocks"] else u["theme"]
                rows.append(f"| {u['number']} | {link} | {n} |")
            body = (self.paragraph(refs=[self.ref("step", fw["steps"][0]["id"]),
                                         self.ref("metric", self.some_metrics(1, fi)[0])])
                    + "\n\n## How it fits together\n\n" + "\n".join(rows) + "\n\n"
                    + self.paragraph(refs=[self.ref("framework", self.frameworks[(fi + 1) % len(self.frameworks)]["id"])]))
            risks = []
            for k in range(r.randint(2, 3)):
                risks.append(dict(
                    id=f"risk-{k + 1}-{slugify(r.choice(NOUN))}",
                    title=f"{r.choice(ADJ)} {r.choice(NOUN).lower()} risk",
                    description=self.sentence(),
                    mitigation=dict(title=f"{r.choice(ACT)} first", description=self.sentence()),
                    threatens=self.some_steps(r.randint(1, 3), fi),
                ))
            # Risk ids must be unique within a framework.
            seen = set()
            for k, rk in enumerate(risks):
                if rk["id"] in seen:
                    rk["id"] = f"{rk['id']}-{k}"
                seen.add(rk["id"])
            doc = dict(id=fw["id"], title=fw["title"],
                       summary=self.paragraph(2) + f" Measured by {self.ref('metric', self.some_metrics(1, fi)[0])}.",
                       body=body, source=f"Synthetic benchmark framework {fi + 1}")
            if fw["blocks"]:
                doc["phases"] = [u["id"] for u in units]
            else:
                doc["components"] = [u["id"] for u in units]
            doc["risks"] = risks
            self.files.append((f"{base}/framework.yaml", yaml_doc(doc)))

            for u in units:
                if fw["blocks"]:
                    # A phase file with week blocks and a months window.
                    last = u["number"] == len(units)
                    blocks = []
                    for pi, part in enumerate(u["parts"]):
                        b = dict(id=f"{u['id']}-block-{pi + 1}",
                                 title=f"{r.choice(ADJ)} {u['theme']} {r.choice(ACT)}")
                        if not (last and pi == len(u["parts"]) - 1 and pi > 0):
                            b["weeks"] = [2 * pi + 1, 2 * pi + 2]
                        if r.random() < 0.5:
                            b["summary"] = self.sentence()
                        b["steps"] = [self.gen_step(s) for s in part["steps"]]
                        blocks.append(b)
                    months = [u["number"]] if last and len(units) > 1 else [u["number"], u["number"]]
                    doc = dict(id=u["id"], number=u["number"], title=f"Month {u['number']}: {u['theme']}",
                               months=months, summary=self.paragraph(2), blocks=blocks)
                else:
                    phases = []
                    for pi, part in enumerate(u["parts"]):
                        weeks = [2 * pi + 1, 2 * pi + 2] if fi % 2 == 0 else [4 * pi + 1, 4 * pi + 4]
                        ph = dict(id=f"{u['id']}-{['foundation', 'advanced', 'scale', 'optimize'][pi % 4]}-{pi + 1}",
                                  number=pi + 1,
                                  title=f"{['Foundation', 'Advanced', 'Scale', 'Optimize'][pi % 4]}: {u['theme']}",
                                  weeks=weeks)
                        if r.random() < 0.5:
                            ph["summary"] = self.sentence()
                        ph["steps"] = [self.gen_step(s) for s in part["steps"]]
                        phases.append(ph)
                    doc = dict(id=u["id"], number=u["number"], title=u["theme"],
                               subtitle=f"{r.choice(ADJ)} {u['theme'].lower()} for every market",
                               summary=self.paragraph(2),
                               body=self.markdown(refs=[self.ref("step", u["parts"][0]["steps"][0]["id"])],
                                                  paragraphs=(1, 2), code_p=0),
                               phases=phases)
                self.files.append((f"{base}/{u['id']}.yaml", yaml_doc(doc)))

    def gen_metrics(self):
        r = self.r
        ops = [(">=", "%", 90, 100), ("<=", "ms", 100, 500), ("<=", "hours", 2, 48),
               (">=", "x", 2, 5), ("<", "minutes", 5, 60), (">", "projects", 3, 12), ("=", "%", 100, 100)]
        self.targets = {}
        for g in self.groups:
            fw = self.frameworks[g["fw"]]
            metrics = []
            for m in g["metrics"]:
                op, unit, lo, hi = r.choice(ops)
                value = r.randint(lo, hi)
                self.targets[m["id"]] = (op, value)
                measures = []
                if fw["blocks"] or r.random() < 0.3:
                    measures.append(f"step:{r.choice(fw['steps'])['id']}")
                else:
                    measures.append(f"component:{r.choice(fw['units'])['id']}")
                if r.random() < 0.3:
                    measures.append(f"framework:{fw['id']}")
                target = Flow(op=op, value=value, unit=unit,
                              period=r.choice([None, None, "year", "month", "quarter"]),
                              text=f"Target {op} {value} {unit}".replace(" %", "%"))
                md = dict(id=m["id"], name=m["name"])
                if r.random() < 0.8:
                    md["description"] = self.paragraph(2, refs=[self.ref("step", self.some_steps(1, g["fw"])[0])]
                                                       if r.random() < 0.4 else ())
                md["target"] = target
                md["measures"] = measures
                if op in ("<=", "<"):
                    md["lower_is_better"] = True
                metrics.append(md)
            doc = dict(group=dict(id=g["id"], title=g["title"], framework=fw["id"]), metrics=metrics)
            self.files.append((f"content/metrics/{g['id']}.yaml", yaml_doc(doc)))

    def gen_markets(self):
        r = self.r
        for i, m in enumerate(self.markets):
            # Markets with results launched in 2024-2025 (results before
            # 2026-06, so never after the day a benchmark runs); the others
            # are planned for 2027-2029, without results.
            has_results = r.random() < 0.6
            year = 2024 + i % 2 if has_results else 2027 + i % 3
            kickoff = f"{year}-{1 + (i * 5) % 12:02d}-{1 + (i * 7) % 28:02d}"
            summary = (f"{m['name']} is a market in the {m['region'].replace('-', ' ')} region. "
                       + self.sentence([self.ref("regulation", m["regulations"][0]),
                                        self.ref("step", r.choice(self.steps)["id"])]))
            doc = dict(id=m["id"], name=m["name"], region=m["region"], summary=summary)
            if r.random() < 0.5:
                doc["body"] = self.markdown(refs=[self.ref("metric", r.choice(self.metrics)["id"])],
                                            paragraphs=(1, 2), code_p=0)
            doc["regulations"] = m["regulations"]
            doc["tags"] = m["tags"]
            doc["languages"] = sorted(set(r.sample(LANGS[m["region"]], min(len(LANGS[m["region"]]), r.randint(1, 2)))) | {"en"})
            doc["currency"] = r.choice(CURRENCIES[m["region"]])
            doc["kickoff"] = Raw(kickoff)
            team = {}
            for role in sorted(r.sample(ROLE_IDS, r.randint(3, 7)), key=ROLE_IDS.index):
                team[role] = self.person()
            doc["team"] = team
            if r.random() < 0.6:
                doc["partners"] = [dict(name=f"{r.choice(SYLL).capitalize()}{r.choice(SYLL)} {r.choice(['Systems', 'Translations', 'Cloud', 'Consulting'])}",
                                        kind=r.choice(["reseller", "systems integrator", "translation agency", "cloud provider"]),
                                        note=self.sentence() if r.random() < 0.5 else None)
                                   for _ in range(r.randint(1, 2))]
            if r.random() < 0.3:
                tasks = []
                titles = set()
                for _ in range(r.randint(1, 2)):
                    t = f"{r.choice(TASK_VERBS)} {r.choice(TASK_OBJS)} for {m['name']}"
                    if slugify(t) in titles:
                        continue
                    titles.add(slugify(t))
                    tasks.append(dict(step=r.choice(self.steps)["id"], title=t,
                                      description=self.sentence() + " " + r.choice(DONE),
                                      owner=r.choice(ROLE_IDS)))
                doc["tasks"] = tasks
            if has_results:
                doc["launched"] = Raw(f"{year + 1}-01-{1 + i % 28:02d}")
                actuals = {}
                for mid in sorted(self.some_metrics(r.randint(3, 8)), key=lambda x: int(x.rsplit("-", 1)[1])):
                    op, value = self.targets[mid]
                    v = round(value * r.uniform(0.8, 1.15), 2)
                    actuals[mid] = Flow(value=v, as_of=Raw(f"{year + 1}-{r.randint(2, 5):02d}-{r.randint(1, 28):02d}"),
                                        note=self.sentence() if r.random() < 0.2 else None)
                doc["actuals"] = actuals
            if r.random() < 0.3:
                # The market adjusts a few tasks that apply everywhere: a
                # note, an owner, or leaving one out with the reason.
                adjust = {}
                for tid in sorted(r.sample(self.everywhere, min(len(self.everywhere), r.randint(2, 4)))):
                    kind = r.random()
                    if kind < 0.5:
                        adjust[tid] = dict(note=self.sentence())
                    elif kind < 0.8:
                        adjust[tid] = dict(owner=r.choice(ROLE_IDS), note=self.sentence())
                    else:
                        adjust[tid] = dict(skip=self.sentence())
                doc["adjust"] = adjust
            self.files.append((f"content/markets/{m['id']}.yaml", yaml_doc(doc)))

    def gen_regulations(self):
        r = self.r
        topics = ["Breach notification", "Data subject rights", "Cross-border transfers",
                  "Records of processing", "Risk assessment", "Local representative", "Consent",
                  "Retention limits", "Incident reporting", "Transparency"]
        for g in self.regulations:
            markets = [m for m in self.markets if g["id"] in m["regulations"]]
            summary = f"{g['name']} applies in {g['jurisdiction']}. " + self.sentence()
            if markets:
                summary += f" It applies to {self.ref('market', markets[0]['id'])}."
            doc = dict(id=g["id"], name=g["name"], official_name=f"{g['name']} (official title)",
                       jurisdiction=g["jurisdiction"], in_force=f"{r.randint(1, 28)} May {r.randint(2012, 2025)}",
                       link=f"https://law.example.org/{g['id']}", summary=summary,
                       obligations=[dict(topic=t, text=self.paragraph(2))
                                    for t in r.sample(topics, r.randint(2, 5))])
            self.files.append((f"content/regulations/{g['id']}.yaml", yaml_doc(doc)))

    def gen_experts(self):
        r = self.r
        for e in self.experts:
            fi = r.randrange(len(self.frameworks))
            doc = dict(id=e["id"], name=e["name"],
                       role=f"{r.choice(['VP', 'Director', 'Head', 'Principal'])} of {r.choice(COMP_THEMES)} (composite)",
                       composite=True, category=r.choice(CATEGORIES),
                       background=self.paragraph(2) + " A composite of several practitioners, not a real person.",
                       insight=self.paragraph(2, refs=[self.ref("step", self.some_steps(1, fi)[0])]),
                       quotes=[self.sentence() for _ in range(r.randint(1, 3))],
                       perspectives=[dict(title=f"On {r.choice(NOUN).lower()}", text=self.paragraph(2))
                                     for _ in range(r.randint(1, 3))],
                       advice=[dict(text=self.sentence(), steps=self.some_steps(r.randint(1, 3), fi))
                               for _ in range(r.randint(2, 5))])
            self.files.append((f"content/experts/{e['id']}.yaml", yaml_doc(doc)))

    def gen_research(self):
        r = self.r
        for x in self.research:
            fw = r.choice(self.frameworks)
            supports = []
            if fw["blocks"]:
                supports.append(f"framework:{fw['id']}")
            else:
                supports.append(f"component:{r.choice(fw['units'])['id']}")
            supports += [f"step:{s}" for s in self.some_steps(r.randint(1, 4), fw["index"])]
            fm = dict(id=x["id"], title=x["title"], category=r.choice(RESEARCH_CATS),
                      summary=self.paragraph(2), supports=supports,
                      results=[dict(label=f"{r.choice(METRIC_QUAL)} {r.choice(METRIC_NOUNS).lower()}",
                                    value=f"{r.randint(10, 99)}%", text=r.choice(CLAUSES))
                               for _ in range(r.randint(1, 3))])
            m = r.choice(self.markets)
            body = self.markdown(refs=[self.ref("step", supports[-1].split(":", 1)[1]),
                                       self.ref("metric", self.some_metrics(1, fw["index"])[0]),
                                       self.ref("expert", r.choice(self.experts)["id"])],
                                 paragraphs=(3, 5), table_p=0.5, code_p=0.05, heading="Results")
            body += f"\n\nThe numbers for [{m['name']}](../markets/{m['id']}.yaml) were collected after launch."
            text = "---\n" + "\n".join(emit(fm)) + "\n---\n" + body + "\n"
            self.files.append((f"content/research/{x['id']}.md", text))

    def gen_chapters(self):
        r = self.r
        n = len(self.chapters)
        width = 3 if n > 99 else 2
        acts = max(1, min(8, n // 10 or 1))
        per_act = (n + acts - 1) // acts
        for i, ch in enumerate(self.chapters):
            act = i // per_act + 1
            section = i % per_act + 1
            fi = r.randrange(len(self.frameworks))
            steps = self.some_steps(r.randint(1, 3), fi)
            metrics = self.some_metrics(r.randint(1, 2), fi)
            applies = [f"framework:{self.frameworks[fi]['id']}"] + [f"step:{s}" for s in steps] + \
                [f"metric:{x}" for x in metrics]
            fm = dict(title=ch["title"], act=act, act_title=f"Act {act}: {r.choice(CHAPTER_NOUN)}s",
                      section=section, section_title=f"{r.choice(ADJ)} {r.choice(NOUN).lower()}",
                      summary=self.sentence([self.ref("market", r.choice(self.markets)["id"])]),
                      applies=applies)
            parts = [self.paragraph(r.randint(3, 6), refs=[self.ref("step", steps[0], "the step they had skipped")])]
            lead = self.person()
            for _ in range(r.randint(2, 4)):
                parts.append(f"**{lead}:** {self.sentence()}")
                parts.append(self.paragraph(refs=[self.ref("metric", r.choice(metrics))] if r.random() < 0.5 else ()))
            if r.random() < 0.5:
                parts.append(f"## {r.choice(CHAPTER_ADJ)} {r.choice(CHAPTER_NOUN).lower()}")
                parts.append(self.paragraph(refs=[self.ref("chapter", self.chapters[(i + 1) % n]["id"])]
                                            if n > 1 else ()))
            parts.append("## Try it")
            parts.append("\n".join(f"{k + 1}. {self.sentence([self.ref('step', s)])}"
                                   for k, s in enumerate(steps)))
            text = "---\n" + "\n".join(emit(fm)) + "\n---\n" + "\n\n".join(parts) + "\n"
            self.files.append((f"content/story/{i + 1:0{width}d}-{ch['id']}.md", text))

    def run(self):
        self.plan()
        self.gen_roles()
        self.gen_frameworks()
        self.gen_metrics()
        self.gen_markets()
        self.gen_regulations()
        self.gen_experts()
        self.gen_research()
        self.gen_chapters()
        return self.files


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=sorted(SIZES), default="S")
    ap.add_argument("--out", help="folder to write into (book.toml + content/)")
    ap.add_argument("dir", nargs="?", help="same as --out")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=N",
                    help="override one count of the size for scaling experiments, e.g. --set markets=10 "
                         "(keys: " + ", ".join(k for k in SIZES["S"] if k != "seed") + ", seed)")
    ap.add_argument("--force", action="store_true",
                    help="replace an existing book.toml and content/ in the folder")
    a = ap.parse_args(argv)
    out = a.out or a.dir
    if not out:
        ap.error("give the output folder (positional or --out)")
    if os.path.exists(os.path.join(out, "content")) or os.path.exists(os.path.join(out, "book.toml")):
        if not a.force:
            print(f"error: {out} already has a playbook; pass --force to replace it", file=sys.stderr)
            return 2
        shutil.rmtree(os.path.join(out, "content"), ignore_errors=True)
        if os.path.exists(os.path.join(out, "book.toml")):
            os.remove(os.path.join(out, "book.toml"))
    g = Gen(a.size)
    for kv in a.set:
        k, _, v = kv.partition("=")
        if k not in g.cfg or not v.isdigit() or int(v) < 1:
            ap.error(f"--set {kv}: expected KEY=N with KEY one of {', '.join(g.cfg)} and N >= 1")
        g.cfg[k] = int(v)
    if a.set:
        g.r = random.Random(g.cfg["seed"])
    files = g.run()
    os.makedirs(out, exist_ok=True)
    write(out, "book.toml", g.book_toml())
    total = 0
    for rel, text in files:
        write(out, rel, text)
        total += len(text.encode("utf-8"))
    n_tasks = len(g.steps) * g.cfg["activities"] * g.cfg["tasks"]
    print(f"generated size {a.size} in {out}: {len(g.frameworks)} frameworks, {len(g.steps)} steps, "
          f"{n_tasks} tasks, {len(g.metrics)} metrics, {len(g.markets)} markets, "
          f"{len(g.regulations)} regulations, {len(g.experts)} experts, {len(g.research)} research, "
          f"{len(g.chapters)} chapters; {len(files) + 1} files, {total // 1024} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
