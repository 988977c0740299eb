//! A checklist as Markdown, CSV and JSON (the HTML page and the standalone
//! export are templates; the calendar is `crate::calendar`).

use super::*;
use playbook_content::model::work_duration::DurationWords;

/// What a checklist's opening and closing lines say of it in numbers:
/// from a [`Checklist`], or from a schedule whose rows are never made into
/// [`Row`]s (a big checklist's data.js, `render::checklist_data`), so both
/// write the same lead line.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    /// Whose.
    pub prog: Program,
    /// The order the rows are in.
    pub order: Order,
    /// How many rows.
    pub count: usize,
    /// The last due date.
    pub end: Option<Date>,
    /// How many tasks the critical path has.
    pub critical_path: usize,
    /// Market-entry tasks the home market leaves off.
    pub entry_left_out: usize,
}

impl Facts {
    /// The facts of a checklist.
    pub fn of(list: &Checklist<'_>) -> Facts {
        Facts {
            prog: list.prog,
            order: list.order,
            count: list.rows.len(),
            end: list.end,
            critical_path: list.critical_path.len(),
            entry_left_out: list.entry_left_out,
        }
    }

    /// The facts of a schedule whose rows are listed in `order`.
    pub fn of_scheduled(sched: &Scheduled<'_>, order: Order) -> Facts {
        Facts {
            prog: sched.list.prog,
            order,
            count: sched.list.rows.len(),
            end: sched.plan.end,
            critical_path: sched.plan.critical_path.len(),
            entry_left_out: sched.list.entry_left_out,
        }
    }
}

/// The checklist's opening facts: kickoff, rows, the schedule's end and
/// critical path, the order (in the playbook's language).
fn lead_line(pb: &Playbook, f: &Facts) -> String {
    let w = pb.words();
    let head = f.prog.head(pb);
    let mut s = format!(
        "{} · {}",
        w.get(
            "ck-kickoff",
            &[("kickoff", head.kickoff.to_string().into())]
        ),
        w.get("ck-task-count", &[("count", f.count.into())])
    );
    // As `Checklist::span_days`: kickoff to the last due date, both counted.
    let days = f
        .end
        .map(|e| i64::from((e - head.kickoff).get_days()) + 1)
        .filter(|&d| d > 0);
    if let (Some(end), Some(days)) = (f.end, days) {
        s.push_str(" · ");
        s.push_str(&w.get(
            "ck-last-due",
            &[
                ("end", end.to_string().into()),
                ("days", days.into()),
                ("count", f.critical_path.into()),
            ],
        ));
    }
    s.push_str(" · ");
    s.push_str(&w.get(
        match f.order {
            Order::Date => "ck-in-date-order",
            Order::Plan => "ck-in-plan-order",
        },
        &[],
    ));
    s
}

/// "June 2025" (in the playbook's language): the heading a row goes under
/// in date order.
pub fn month_heading(pb: &Playbook, due: Option<Date>) -> String {
    match due {
        Some(d) => playbook_content::language::dates::month_year(pb.words().lang(), d),
        None => pb.words().get("ck-ongoing", &[]),
    }
}

/// The words a Markdown checklist writes on every row, formatted once
/// (patterns keep their slots: `due \u{1}`). Part of [`MdSpec`], so the
/// browser writes a big checklist's rows with the same words.
#[derive(Debug, Clone, Serialize)]
pub struct RowWords {
    due: playbook_content::language::strings::Pattern,
    start_due: playbook_content::language::strings::Pattern,
    from_ongoing: playbook_content::language::strings::Pattern,
    critical: String,
    waits_for: String,
    applies_because: String,
    also: String,
    done: playbook_content::language::strings::Pattern,
    done_by: playbook_content::language::strings::Pattern,
    note_for: String,
}

impl RowWords {
    fn new(pb: &Playbook, market: &str) -> RowWords {
        let w = pb.words();
        RowWords {
            due: w.pattern("ck-due", &["date"]),
            start_due: w.pattern("ck-start-due", &["start", "date"]),
            from_ongoing: w.pattern("ck-from-ongoing", &["start"]),
            critical: w.get("ck-critical-path", &[]),
            waits_for: w.get("ck-waits-for", &[]),
            applies_because: w.get("ck-applies-because", &[]),
            also: w.get("ck-also", &[]),
            done: w.pattern("ck-done", &["date"]),
            done_by: w.pattern("ck-done-by", &["who"]),
            note_for: w.get("ck-note-for", &[("market", market.to_string().into())]),
        }
    }
}

/// The words around the company prerequisites a market's Markdown
/// checklist opens with (part of [`MdSpec`]).
#[derive(Debug, Clone, Serialize)]
pub struct PrereqWords {
    heading: String,
    lead: String,
    state: String,
    needed_by: String,
}

/// The Markdown checklist's words, in the playbook's language, declared
/// once: [`to_markdown`] writes with them, and a big checklist's data.js
/// carries them (`spec.md`) so theme/checklist.js writes the same
/// Markdown in every edition instead of a second, English copy.
#[derive(Debug, Clone, Serialize)]
pub struct MdSpec {
    /// The `# ` heading ("Launch checklist: Germany (de)").
    title: String,
    /// The line under it: the lead line and "generated from …".
    lead: String,
    /// The heading of rows due at no date.
    ongoing: String,
    /// Around the company prerequisites.
    prerequisites: PrereqWords,
    /// On every row.
    row: RowWords,
    /// The heading of what the market leaves off.
    not_applicable: String,
    /// The line on market-entry tasks left off (none when none are).
    entry_left_out: Option<String>,
    /// How a row's lists (waits for, reasons, also) are joined.
    list: &'static str,
}

impl MdSpec {
    /// The words of the checklist `facts` describes.
    pub fn new(pb: &Playbook, facts: &Facts) -> MdSpec {
        let w = pb.words();
        let market = facts.prog.head(pb);
        let company = Program::Company.head(pb);
        MdSpec {
            title: w.get(
                "ck-title",
                &[
                    ("market", market.name.to_string().into()),
                    ("id", market.id.to_string().into()),
                ],
            ),
            lead: format!(
                "{} · {}",
                lead_line(pb, facts),
                w.get(
                    "ck-generated-from",
                    &[("book", pb.config.book.title.clone().into())]
                )
            ),
            ongoing: w.get("ck-ongoing", &[]),
            prerequisites: PrereqWords {
                heading: w.get("ck-company-prerequisites", &[]),
                lead: w.get(
                    "ck-company-prerequisites-lead",
                    &[
                        ("name", company.name.to_string().into()),
                        ("kickoff", company.kickoff.to_string().into()),
                    ],
                ),
                state: w.get("ck-state", &[]),
                needed_by: w.get("ck-needed-by", &[]),
            },
            row: RowWords::new(pb, market.name),
            not_applicable: w.get("ck-not-applicable", &[]),
            entry_left_out: (facts.entry_left_out > 0).then(|| {
                w.get(
                    "ck-entry-left-out",
                    &[
                        ("count", facts.entry_left_out.into()),
                        ("market", market.name.to_string().into()),
                    ],
                )
            }),
            list: ", ",
        }
    }
}

/// GitHub-flavoured Markdown: a task list per month of due dates (or per
/// phase in plan order), then what does not apply here. Its words are
/// [`MdSpec`]'s.
pub fn to_markdown(pb: &Playbook, list: &Checklist<'_>) -> String {
    use std::fmt::Write as _;
    let rows = &list.rows;
    let mut s = String::with_capacity(rows.len() * 200 + 256);
    let w = pb.words();
    let spec = MdSpec::new(pb, &Facts::of(list));
    let words = &spec.row;
    let sep = spec.list;
    let _ = writeln!(s, "# {}\n\n{}", spec.title, spec.lead);
    prerequisites_markdown(&mut s, pb, list, &spec);
    let mut last_group = String::new();
    let mut last_month: Option<Option<(i16, i8)>> = None;
    let mut last_fw = "";
    for r in rows {
        match list.order {
            Order::Date => {
                let month = r.due.map(|d| (d.year(), d.month()));
                if last_month != Some(month) {
                    last_month = Some(month);
                    let heading = match r.due {
                        Some(d) => playbook_content::language::dates::month_year(w.lang(), d),
                        None => spec.ongoing.clone(),
                    };
                    let _ = write!(s, "\n## {heading}\n\n");
                }
            }
            Order::Plan => {
                let g = format!("{}\u{0}{}", r.framework, r.phase_idx.index());
                if g != last_group {
                    if r.framework != last_fw {
                        let _ = write!(s, "\n## {}\n", r.framework);
                        last_fw = r.framework;
                    }
                    s.push_str("\n### ");
                    if let Some(c) = r.component {
                        s.push_str(c);
                        s.push_str(" — ");
                    }
                    let _ = write!(s, "{} ({})\n\n", r.phase, r.phase_window);
                    last_group = g;
                }
            }
        }
        s.push_str(if r.done.is_some() {
            "- [x] **"
        } else {
            "- [ ] **"
        });
        s.push_str(&r.task.replace('*', "\\*"));
        s.push_str("** — ");
        s.push_str(r.step);
        s.push_str(" · ");
        owner_text(&mut s, r);
        s.push_str(" · ");
        match r.due {
            Some(d) if d == r.start => s.push_str(&words.due.fill(&[&d.to_string()])),
            Some(d) => s.push_str(
                &words
                    .start_due
                    .fill(&[&r.start.to_string(), &d.to_string()]),
            ),
            None => s.push_str(&words.from_ongoing.fill(&[&r.start.to_string()])),
        }
        if let Some(d) = r.duration {
            let _ = write!(s, " · {}", w.duration(d));
        }
        if r.critical {
            let _ = write!(s, " · **{}**", words.critical);
        }
        if !r.waits_for.is_empty() {
            let _ = write!(s, " · {} ", words.waits_for);
            let ids: Vec<String> = r.waits_for.iter().map(|w| format!("`{w}`")).collect();
            s.push_str(&ids.join(sep));
        }
        if !r.reasons.is_empty() {
            let _ = write!(s, " · {} ", words.applies_because);
            s.push_str(&r.reasons.join(sep));
        }
        if !r.also.is_empty() {
            let _ = write!(s, " · {} ", words.also);
            s.push_str(&also_text(r, sep));
        }
        if let Some(d) = r.done {
            s.push_str(" · ");
            s.push_str(&words.done.fill(&[&d.on.to_string()]));
            if let Some(by) = &d.by {
                s.push(' ');
                s.push_str(&words.done_by.fill(&[by]));
            }
            if let Some(note) = &d.note {
                let _ = write!(s, " ({})", one_line(note));
            }
        }
        let _ = writeln!(s, " · `{}`", r.task_id);
        if let Some(note) = r.note {
            let _ = writeln!(s, "  - {}: {}", words.note_for, one_line(note));
        }
    }
    not_applicable_markdown(&mut s, list, &spec);
    s
}

fn owner_text(out: &mut String, r: &Row<'_>) {
    match (r.owner_title, r.owner_person) {
        (Some(t), Some(p)) => {
            out.push_str(p);
            out.push_str(" (");
            out.push_str(t);
            out.push(')');
        }
        (Some(t), None) => out.push_str(t),
        (None, _) => out.push_str(r.owner_role.unwrap_or("")),
    }
}

/// A text on one line (a Markdown list item must not break).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Not applicable here": what the market leaves off, and why.
fn not_applicable_markdown(s: &mut String, list: &Checklist<'_>, spec: &MdSpec) {
    use std::fmt::Write as _;
    if list.skipped.is_empty() && spec.entry_left_out.is_none() {
        return;
    }
    let _ = write!(s, "\n## {}\n\n", spec.not_applicable);
    for k in &list.skipped {
        let _ = writeln!(
            s,
            "- **{}** — {} ({}) · `{}` — {}",
            k.task.replace('*', "\\*"),
            k.step,
            k.framework,
            k.task_id,
            one_line(k.reason)
        );
    }
    if let Some(line) = &spec.entry_left_out {
        let _ = writeln!(s, "- {line}");
    }
}

/// A market's Markdown checklist opens with the company work it waits for
/// (nothing for a checklist without `after:` prerequisites).
fn prerequisites_markdown(s: &mut String, pb: &Playbook, list: &Checklist<'_>, spec: &MdSpec) {
    use std::fmt::Write as _;
    let pre = prerequisites(pb, list);
    if pre.is_empty() {
        return;
    }
    let words = &spec.prerequisites;
    let _ = write!(s, "\n## {}\n\n{}\n\n", words.heading, words.lead);
    for p in &pre {
        let _ = write!(
            s,
            "- **{}** — {} {} · ",
            p.title.replace('*', "\\*"),
            p.framework,
            p.kind
        );
        match p.due {
            Some(d) => {
                let _ = write!(s, "{} – {d}", p.start);
            }
            None => {
                s.push_str(&spec.row.from_ongoing.fill(&[&p.start.to_string()]));
            }
        }
        let _ = writeln!(
            s,
            " · {}: {} · {} {} · `{}:{}`",
            words.state,
            p.state,
            words.needed_by,
            p.needed_by.join(spec.list),
            p.kind,
            p.id
        );
    }
}

/// Characters that make a spreadsheet read a cell as a formula when the
/// cell starts with one (OWASP, "CSV Injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV cell: quoted when it holds a comma, quote or line break (RFC
/// 4180); a cell a spreadsheet would run as a formula is neutralised as
/// OWASP recommends: a `'` in front, and quoted.
/// One CSV cell as text (see `csv_field`), for the other CSV writers.
pub fn csv_cell(s: &str) -> String {
    let mut out = String::new();
    csv_field(&mut out, s);
    out
}

fn csv_field(out: &mut String, s: &str) {
    let formula = s.starts_with(FORMULA_START);
    if formula || s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// A value of a row, by its name in the JSON a checklist prints
/// (`checklist::Row`'s fields; `market.id` is the document's market,
/// `done.on` … the row's `done`). A column of a format names the values it
/// shows by these, so Rust ([`Field::of`]) and the browser (which looks the
/// name up in the row it assembled) read the same spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The market's id.
    #[serde(rename = "market.id")]
    Market,
    /// Its task id.
    TaskId,
    /// Its framework's title.
    Framework,
    /// Its component's title.
    Component,
    /// Its phase's title.
    Phase,
    /// Its phase's window label.
    PhaseWindow,
    /// Its step's title.
    Step,
    /// Its activity's title.
    Activity,
    /// Its title.
    Task,
    /// Its owner role's id.
    OwnerRole,
    /// Its owner role's title.
    OwnerTitle,
    /// The market's person for that role.
    OwnerPerson,
    /// Its first day.
    Start,
    /// Its due date.
    Due,
    /// How long it takes.
    Duration,
    /// On the critical path.
    Critical,
    /// The task ids it waits for.
    WaitsFor,
    /// The market's note on it.
    Note,
    /// Why it applies.
    Reasons,
    /// The other tasks it stands for.
    Also,
    /// When it was done.
    #[serde(rename = "done.on")]
    DoneOn,
    /// Who did it.
    #[serde(rename = "done.by")]
    DoneBy,
    /// The note on its doing.
    #[serde(rename = "done.note")]
    DoneNote,
}

/// A value of a row before a format writes it.
enum Val<'r> {
    None,
    Text(std::borrow::Cow<'r, str>),
    Flag(bool),
    List(Vec<&'r str>),
    Duration(playbook_content::model::WorkDuration),
    Also(&'r [Also<'r>]),
}

impl Field {
    /// This value of row `r` of market `market`.
    fn of<'r>(self, r: &'r Row<'_>, market: &'r str) -> Val<'r> {
        use std::borrow::Cow;
        let text = |s: Option<&'r str>| s.map_or(Val::None, |s| Val::Text(Cow::Borrowed(s)));
        let date = |d: Option<Date>| d.map_or(Val::None, |d| Val::Text(Cow::Owned(d.to_string())));
        match self {
            Field::Market => text(Some(market)),
            Field::TaskId => text(Some(r.task_id)),
            Field::Framework => text(Some(r.framework)),
            Field::Component => text(r.component),
            Field::Phase => text(Some(r.phase)),
            Field::PhaseWindow => text(Some(r.phase_window)),
            Field::Step => text(Some(r.step)),
            Field::Activity => text(Some(r.activity)),
            Field::Task => text(Some(r.task)),
            Field::OwnerRole => text(r.owner_role),
            Field::OwnerTitle => text(r.owner_title),
            Field::OwnerPerson => text(r.owner_person),
            Field::Start => date(Some(r.start)),
            Field::Due => date(r.due),
            Field::Duration => r.duration.map_or(Val::None, Val::Duration),
            Field::Critical => Val::Flag(r.critical),
            Field::WaitsFor => Val::List(r.waits_for.clone()),
            Field::Note => text(r.note),
            Field::Reasons => Val::List(r.reasons.iter().map(String::as_str).collect()),
            Field::Also => Val::Also(&r.also),
            Field::DoneOn => date(r.done.map(|d| d.on)),
            Field::DoneBy => text(r.done.and_then(|d| d.by.as_deref())),
            Field::DoneNote => text(r.done.and_then(|d| d.note.as_deref())),
        }
    }
}

/// A value of a task the market leaves off, by its name in the JSON
/// (`not_applicable`'s fields; `market.id` the document's market).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkippedField {
    /// The market's id.
    #[serde(rename = "market.id")]
    Market,
    /// Its task id.
    TaskId,
    /// Its title.
    Task,
    /// Its step's title.
    Step,
    /// Its framework's title.
    Framework,
    /// Why the market leaves it off.
    Reason,
}

impl SkippedField {
    fn of<'r>(self, k: &'r Skipped<'_>, market: &'r str) -> &'r str {
        match self {
            SkippedField::Market => market,
            SkippedField::TaskId => k.task_id,
            SkippedField::Task => k.task,
            SkippedField::Step => k.step,
            SkippedField::Framework => k.framework,
            SkippedField::Reason => k.reason,
        }
    }
}

/// How a column writes its value (an absent value is an empty cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Show {
    /// As it is.
    Text,
    /// On one line (runs of white space as one space).
    Line,
    /// A duration in the playbook's language ("2 Wochen"; the spec's
    /// `durations` give the browser each one's words).
    Duration,
    /// The column's words for no and yes.
    Flag,
    /// Joined by the format's list separator.
    List,
    /// The tasks a row also stands for, each as [`ALSO_ITEM`], joined.
    Also,
}

/// What a CSV column shows for a task the market leaves off.
#[derive(Debug, Clone, Copy)]
pub enum Skip {
    /// Nothing.
    Empty,
    /// A value of the skipped task.
    Of(SkippedField, Show),
    /// A word of the string table (its key).
    Word(&'static str),
}

/// One CSV column: its name (the English header), the row values it shows
/// (the first that is there), how, and what it shows for a task the
/// market leaves off.
#[derive(Debug, Clone, Copy)]
pub struct CsvColumn {
    /// The English header; other languages' are `ck-csv-header`'s.
    pub name: &'static str,
    /// The values, first present wins.
    pub of: &'static [Field],
    /// How it is written.
    pub show: Show,
    /// For a task the market leaves off.
    pub skipped: Skip,
}

const fn col(name: &'static str, of: &'static [Field], show: Show, skipped: Skip) -> CsvColumn {
    CsvColumn {
        name,
        of,
        show,
        skipped,
    }
}

/// The CSV's columns, in order: the one declaration the CLI's and the
/// site's CSV (Rust, [`to_csv`]) and a big checklist's (the browser, from
/// data.js's `spec.csv`) are written from.
pub const CSV_COLUMNS: [CsvColumn; 22] = {
    use Field as F;
    use Show::*;
    use SkippedField as K;
    [
        col("market", &[F::Market], Text, Skip::Of(K::Market, Text)),
        col("task_id", &[F::TaskId], Text, Skip::Of(K::TaskId, Text)),
        col(
            "framework",
            &[F::Framework],
            Text,
            Skip::Of(K::Framework, Text),
        ),
        col("component", &[F::Component], Text, Skip::Empty),
        col("phase", &[F::Phase], Text, Skip::Empty),
        col("phase_window", &[F::PhaseWindow], Text, Skip::Empty),
        col("step", &[F::Step], Text, Skip::Of(K::Step, Text)),
        col("activity", &[F::Activity], Text, Skip::Empty),
        col("task", &[F::Task], Text, Skip::Of(K::Task, Text)),
        // The person when the market names one, else the role's name.
        col(
            "owner",
            &[F::OwnerPerson, F::OwnerTitle, F::OwnerRole],
            Text,
            Skip::Empty,
        ),
        col(
            "owner_role",
            &[F::OwnerTitle, F::OwnerRole],
            Text,
            Skip::Empty,
        ),
        col("start", &[F::Start], Text, Skip::Empty),
        col("due", &[F::Due], Text, Skip::Word("ck-not-applicable-cell")),
        col("duration", &[F::Duration], Duration, Skip::Empty),
        col("critical_path", &[F::Critical], Flag, Skip::Word("ck-no")),
        col("waits_for", &[F::WaitsFor], List, Skip::Empty),
        col("market_note", &[F::Note], Line, Skip::Of(K::Reason, Line)),
        col("applies_because", &[F::Reasons], List, Skip::Empty),
        col("also", &[F::Also], Also, Skip::Empty),
        col("done", &[F::DoneOn], Text, Skip::Empty),
        col("done_by", &[F::DoneBy], Text, Skip::Empty),
        col("done_note", &[F::DoneNote], Line, Skip::Empty),
    ]
};

/// How a row names another task it stands for (`same_as`): the values
/// [`ALSO_OF`] names (of `Also`) in the slots, "Framework › Step (id)".
pub const ALSO_ITEM: &str = "\u{1} › \u{2} (\u{3})";

/// The fields of an `Also` that fill [`ALSO_ITEM`]'s slots, in order.
pub const ALSO_OF: [&str; 3] = ["framework", "step", "task_id"];

/// One `same_as` task as [`ALSO_ITEM`] writes it.
pub fn also_item(a: &Also<'_>) -> String {
    ALSO_ITEM
        .replace('\u{1}', a.framework)
        .replace('\u{2}', a.step)
        .replace('\u{3}', a.task_id)
}

/// The CSV's header row: the column names of [`CSV_COLUMNS`] in English;
/// in another language, the labels its string table gives
/// (`ck-csv-header`, as many as the columns, comma-separated), else the
/// English names.
pub fn csv_header(pb: &Playbook) -> String {
    let labels = pb.words().get("ck-csv-header", &[]);
    let cells: Vec<&str> = labels.split(',').map(str::trim).collect();
    if cells.len() == CSV_COLUMNS.len() {
        cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(",")
    } else {
        CSV_COLUMNS.map(|c| c.name).join(",")
    }
}

/// A CSV column in a playbook's language: [`CsvColumn`] with its words
/// looked up, as [`to_csv`] writes it and data.js gives it to the browser.
#[derive(Debug, Clone, Serialize)]
pub struct CsvCell {
    /// The row values it shows, the first present.
    of: &'static [Field],
    /// How.
    show: Show,
    /// A flag's words for no and yes.
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<[String; 2]>,
    /// What it shows for a task the market leaves off (null: nothing).
    skipped: Option<SkippedCell>,
}

/// A CSV cell of a task the market leaves off (see [`Skip`]).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum SkippedCell {
    /// A value of the skipped task.
    Of {
        /// Which.
        of: SkippedField,
        /// How.
        show: Show,
    },
    /// A word.
    Text {
        /// In the playbook's language.
        text: String,
    },
}

/// The CSV in a playbook's language: its header row and columns. What
/// [`to_csv`] writes, and what a big checklist's data.js carries
/// (`spec.csv`) so theme/checklist.js writes the same CSV.
#[derive(Debug, Clone, Serialize)]
pub struct CsvSpec {
    /// The header row (no line end).
    header: String,
    /// How a cell's list is joined.
    list: &'static str,
    /// The columns, in order.
    columns: Vec<CsvCell>,
}

impl CsvSpec {
    /// The CSV's spec in `pb`'s language.
    pub fn new(pb: &Playbook) -> CsvSpec {
        let w = pb.words();
        CsvSpec {
            header: csv_header(pb),
            list: "; ",
            columns: CSV_COLUMNS
                .iter()
                .map(|c| CsvCell {
                    of: c.of,
                    show: c.show,
                    words: (c.show == Show::Flag)
                        .then(|| [w.get("ck-no", &[]), w.get("ck-yes", &[])]),
                    skipped: match c.skipped {
                        Skip::Empty => None,
                        Skip::Of(of, show) => Some(SkippedCell::Of { of, show }),
                        Skip::Word(key) => Some(SkippedCell::Text {
                            text: w.get(key, &[]),
                        }),
                    },
                })
                .collect(),
        }
    }
}

impl CsvCell {
    /// Value `v` as this column writes it.
    fn show<'v>(
        &self,
        v: Val<'v>,
        w: &playbook_content::language::strings::UiStrings,
        list: &str,
    ) -> std::borrow::Cow<'v, str> {
        use std::borrow::Cow;
        match (self.show, v) {
            (_, Val::None) => Cow::Borrowed(""),
            (Show::Line, Val::Text(t)) => Cow::Owned(one_line(&t)),
            (_, Val::Text(t)) => t,
            (_, Val::Flag(b)) => Cow::Owned(
                self.words
                    .as_ref()
                    .map(|x| x[usize::from(b)].clone())
                    .unwrap_or_default(),
            ),
            (_, Val::List(l)) => Cow::Owned(l.join(list)),
            (_, Val::Duration(d)) => Cow::Owned(w.duration(d)),
            (_, Val::Also(a)) => Cow::Owned(a.iter().map(also_item).collect::<Vec<_>>().join(list)),
        }
    }
}

/// RFC 4180 CSV with a header row, CRLF line ends and ISO dates, opened by
/// a UTF-8 byte-order mark so spreadsheets (Excel, LibreOffice) read
/// "Köhler" and "Weeks 1–2" as written; then the rows the market leaves
/// off, with `not applicable` in `due` and the reason in `market_note`.
/// Cells that start like a formula are neutralised (see `csv_field`).
/// Its columns are [`CSV_COLUMNS`] (through [`CsvSpec`]).
pub fn to_csv(pb: &Playbook, list: &Checklist<'_>) -> String {
    let market = list.prog.head(pb);
    let mut s = String::with_capacity(list.rows.len() * 260 + 256);
    let spec = CsvSpec::new(pb);
    let w = pb.words();
    s.push('\u{feff}');
    s.push_str(&spec.header);
    s.push_str("\r\n");
    for r in &list.rows {
        for (i, c) in spec.columns.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            let v =
                c.of.iter()
                    .map(|f| f.of(r, market.id))
                    .find(|v| !matches!(v, Val::None))
                    .unwrap_or(Val::None);
            // Dates too go through csv_field: a year before 1 prints as `-000001-…`.
            csv_field(&mut s, &c.show(v, w, spec.list));
        }
        s.push_str("\r\n");
    }
    for k in &list.skipped {
        for (i, c) in spec.columns.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            match &c.skipped {
                None => {}
                Some(SkippedCell::Text { text }) => csv_field(&mut s, text),
                Some(SkippedCell::Of { of, show }) => {
                    let v = Val::Text(std::borrow::Cow::Borrowed(of.of(k, market.id)));
                    let cell = CsvCell {
                        of: &[],
                        show: *show,
                        words: None,
                        skipped: None,
                    };
                    csv_field(&mut s, &cell.show(v, w, spec.list));
                }
            }
        }
        s.push_str("\r\n");
    }
    s
}

/// How a row's `same_as` tasks are written: [`ALSO_ITEM`] filled with
/// [`ALSO_OF`] (part of [`FormatSpec`]).
#[derive(Debug, Clone, Serialize)]
pub struct AlsoSpec {
    /// The pattern, slots `\u{1}`….
    pattern: &'static str,
    /// The `Also` fields in its slots.
    of: [&'static str; 3],
}

/// Every format's declarations for one checklist, in the playbook's
/// language: what a big checklist's data.js carries (`spec`) so that
/// theme/checklist.js writes the CSV and Markdown `playbook checklist`
/// prints from the very declarations Rust writes with, not from a copy
/// of its own (which was English in every edition).
#[derive(Debug, Clone, Serialize)]
pub struct FormatSpec {
    /// The CSV's header and columns.
    csv: CsvSpec,
    /// The Markdown's words.
    md: MdSpec,
    /// How a row names the tasks it also stands for.
    also: AlsoSpec,
    /// Each duration the rows have, as the JSON writes it ("2 weeks") →
    /// in the playbook's language ("2 Wochen").
    durations: BTreeMap<String, String>,
}

impl FormatSpec {
    /// The spec of the checklist `facts` describes, whose rows take the
    /// `durations`.
    pub fn new(
        pb: &Playbook,
        facts: &Facts,
        durations: impl IntoIterator<Item = playbook_content::model::WorkDuration>,
    ) -> FormatSpec {
        let w = pb.words();
        FormatSpec {
            csv: CsvSpec::new(pb),
            md: MdSpec::new(pb, facts),
            also: AlsoSpec {
                pattern: ALSO_ITEM,
                of: ALSO_OF,
            },
            // Each distinct duration worded once (a market's 40,000 rows
            // carry a few dozen).
            durations: {
                let mut distinct = std::collections::HashSet::new();
                let mut last = None;
                for d in durations {
                    // Neighbouring rows often share one: hash only changes.
                    if last != Some(d) {
                        distinct.insert(d);
                        last = Some(d);
                    }
                }
                distinct
            }
            .into_iter()
            .map(|d| (d.to_string(), w.duration(d)))
            .collect(),
        }
    }
}

/// JSON: `{market, count, order, end, critical_path, prerequisites,
/// rows, not_applicable, market_entry_left_out}` (documented in
/// docs/checklist.md); the company program's `market` has id `company` and
/// a null region.
pub fn to_json(pb: &Playbook, list: &Checklist<'_>) -> String {
    #[derive(Serialize)]
    struct MarketHead<'a> {
        id: &'a str,
        name: &'a str,
        region: Option<&'a str>,
        kickoff: Date,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        market: MarketHead<'a>,
        count: usize,
        order: &'static str,
        end: Option<Date>,
        critical_path: &'a [&'a str],
        prerequisites: Vec<Prerequisite<'a>>,
        rows: &'a [Row<'a>],
        not_applicable: &'a [Skipped<'a>],
        market_entry_left_out: usize,
    }
    let market = list.prog.head(pb);
    let doc = Doc {
        market: MarketHead {
            id: market.id,
            name: market.name,
            region: market.region,
            kickoff: market.kickoff,
        },
        count: list.rows.len(),
        order: match list.order {
            Order::Date => "date",
            Order::Plan => "plan",
        },
        end: list.end,
        critical_path: &list.critical_path,
        prerequisites: prerequisites(pb, list),
        rows: &list.rows,
        not_applicable: &list.skipped,
        market_entry_left_out: list.entry_left_out,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each shipped language names every CSV column (else its CSV falls
    /// back to the English header), and the English table's names are
    /// the columns' own.
    #[test]
    fn checklist_csv_header_names_every_column_in_every_language() {
        let english: Vec<&str> = CSV_COLUMNS.iter().map(|c| c.name).collect();
        for lang in ["en", "de", "fr", "ja"] {
            let (w, _) = playbook_content::language::strings::UiStrings::load(lang, None);
            let labels = w.get("ck-csv-header", &[]);
            let cells: Vec<&str> = labels.split(',').map(str::trim).collect();
            assert_eq!(cells.len(), CSV_COLUMNS.len(), "{lang}: {labels}");
            if lang == "en" {
                assert_eq!(cells, english);
            }
        }
    }

    /// The spec data.js carries names each value as the JSON row does.
    #[test]
    fn checklist_spec_names_values_as_the_json_does() {
        let names = |of: &[Field]| serde_json::to_value(of).expect("names");
        assert_eq!(
            names(CSV_COLUMNS[9].of),
            serde_json::json!(["owner_person", "owner_title", "owner_role"])
        );
        assert_eq!(names(&[Field::DoneOn]), serde_json::json!(["done.on"]));
        assert_eq!(names(&[Field::Market]), serde_json::json!(["market.id"]));
    }
}
