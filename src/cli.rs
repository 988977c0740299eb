//! Command-line interface definitions (clap derive); no logic.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Playbook: build, check and preview an operations playbook, and print per-market launch checklists.
#[derive(Debug, Parser)]
#[command(name = "playbook", version, about, long_about = None)]
pub(crate) struct Cli {
    /// The playbook's root folder (the one with book.toml).
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build the site into book/ (or --dest).
    Build {
        /// Output folder (default: build-dir from book.toml).
        #[arg(long, value_name = "DIR")]
        dest: Option<PathBuf>,
        /// Base URL the site is published under, e.g. /ops/playbook/.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// DELETE the files of an output folder that Playbook did not build
        /// (one without its .playbook-site marker) and put the site there.
        /// Without it, such a folder is refused. The playbook's own folders,
        /// `/` and your home folder are refused even with --force.
        #[arg(long)]
        force: bool,
    },
    /// Validate everything a build validates; write nothing.
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Also check every external (http/https) link in the content:
        /// needs the network; results are kept a day in .playbook-cache/.
        #[arg(long)]
        external: bool,
        /// Judge dates against this day (YYYY-MM-DD) instead of today: a
        /// result or a source checked after it is a warning.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Build, serve on localhost, rebuild on save and reload the browser.
    Serve {
        /// Port to listen on.
        #[arg(long, default_value_t = 3000)]
        port: u16,
        /// Address to bind. The default keeps the preview on this computer;
        /// 0.0.0.0 shows the unpublished playbook to the whole network.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// Also answer requests for this host name (e.g. the machine's name
        /// on the network, with --host 0.0.0.0); may be repeated. Requests
        /// under any other name get 403 (protection against DNS rebinding).
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_hosts: Vec<String>,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
    },
    /// Print the launch checklist of a market, or of the company program.
    Checklist {
        /// Market id (e.g. de), or --company, or --all.
        #[arg(required_unless_present_any = ["all", "company"])]
        market: Option<String>,
        /// The company program's checklist: the work done once for the
        /// company (`scope: company`), dated from `[company] kickoff`.
        #[arg(long, conflicts_with_all = ["market", "all"])]
        company: bool,
        /// Every market and the company program, one file each, into the -o folder.
        #[arg(long, conflicts_with = "market", requires = "output")]
        all: bool,
        /// Output format; with --all, several may be given (`--format md,csv,json,html,ics`).
        #[arg(long, value_parser = checklist_formats(), value_delimiter = ',', default_value = "md")]
        format: Vec<ChecklistFormat>,
        /// Write to this file (or folder with --all) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Row order: `date` (by due date, the order work is done in) or
        /// `plan` (the frameworks' order: phase, step, activity).
        #[arg(long, value_enum, default_value = "date")]
        order: ChecklistOrder,
        /// Paper for `html` and `pdf`: `a4` or `letter` (default: Letter for
        /// the United States, Canada and the other Letter countries, A4
        /// elsewhere).
        #[arg(long, value_enum)]
        paper: Option<PaperSize>,
        /// Language of the checklist (a tag of `[book] languages`, e.g.
        /// `de`): its translated titles and descriptions, and its words
        /// and month names (default: the playbook's own language).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
    /// Create a new playbook skeleton that builds and shows every kind.
    Init {
        /// Folder to create.
        dir: PathBuf,
        /// Also copy the built-in templates and theme into it (templates/,
        /// theme/), to start a theme of your own from.
        #[arg(long)]
        theme: bool,
    },
    /// Write JSON Schemas of every content file kind and book.toml, for
    /// this playbook (its roles, regions, tags, markets and regulations as
    /// the allowed values), and map them in .vscode/settings.json for the
    /// YAML language server.
    Schema {
        /// Folder to write the schemas to (default: schemas/ in the
        /// playbook root).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Add a step, task, market, regulation, expert, research page, chapter
    /// or metric: a commented skeleton to fill in (the lines marked TODO),
    /// which builds at once.
    New {
        /// What to add.
        #[arg(value_enum)]
        kind: NewKind,
        /// Its id: lowercase letters, digits and `-` (a task's full id is
        /// `<step>/<id>`).
        id: String,
        /// Where it goes: for a step its phase (`<phase>`,
        /// `<component>/<phase>` or `<phase>/<block>`), for a task its step
        /// (`<step>`: its first activity, or `<step>/<activity>`), for a
        /// metric its metrics file (`content/metrics/<name>.yaml`: `<name>`).
        #[arg(long = "in", value_name = "PARENT")]
        parent: Option<String>,
    },
    /// Where every launch stands on a day: done / total, overdue tasks, the
    /// next ones due, and on track / at risk / late.
    Status {
        /// The day to report on, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: StatusFormat,
        /// Only these (market ids, or `company` for the company program,
        /// comma-separated); default: the company program and every market.
        #[arg(long, value_delimiter = ',', value_name = "IDS")]
        markets: Vec<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Record a checklist task as done in content/progress/<market>.yaml
    /// (the team's shared record; the file's comments and order are kept);
    /// a task already recorded is changed only with --replace, and
    /// --undo removes its record.
    Progress {
        /// The market (its id, e.g. `de`), or `company` for the company program.
        market: String,
        /// The task's id, as the checklist lists it (`<step>/<task>`).
        task: String,
        /// Who did it.
        #[arg(long)]
        by: Option<String>,
        /// The day it was done, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// A note (a link to the evidence, a caveat).
        #[arg(long)]
        note: Option<String>,
        /// Change the record of a task that is already recorded (the
        /// fields given; the others stay). Without it, a standing record is
        /// shown and kept.
        #[arg(long)]
        replace: bool,
        /// Remove the task's record: it is no longer done.
        #[arg(long, conflicts_with_all = ["by", "on", "note", "replace"])]
        undo: bool,
    },
}

/// `playbook status --format`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum StatusFormat {
    /// A report to read.
    Text,
    /// `{as_of, launches: [...]}`.
    Json,
    /// One row per launch.
    Csv,
}

/// `playbook new <kind>`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum NewKind {
    /// A step, added to a phase (`--in`).
    Step,
    /// A task, added to a step's activity (`--in`).
    Task,
    /// A market: content/markets/<id>.yaml.
    Market,
    /// A regulation: content/regulations/<id>.yaml.
    Regulation,
    /// An expert: content/experts/<id>.yaml.
    Expert,
    /// A research page: content/research/<id>.md.
    Research,
    /// A story chapter, after the last: content/story/NN-<id>.md.
    Chapter,
    /// A metric, added to a metrics file (`--in`).
    Metric,
}

/// `playbook check --format`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum CheckFormat {
    /// Human-readable diagnostics.
    Text,
    /// Machine-readable JSON.
    Json,
}

/// `playbook checklist --paper`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum PaperSize {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

impl From<PaperSize> for playbook_site::render::checklist_sheet::Paper {
    fn from(p: PaperSize) -> Self {
        match p {
            PaperSize::A4 => playbook_site::render::checklist_sheet::Paper::A4,
            PaperSize::Letter => playbook_site::render::checklist_sheet::Paper::Letter,
        }
    }
}

/// `playbook checklist --order`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ChecklistOrder {
    /// By due date, then start (ongoing work last).
    Date,
    /// The frameworks' order: phase, step, activity.
    Plan,
}

impl From<ChecklistOrder> for playbook_plan::checklist::Order {
    fn from(o: ChecklistOrder) -> Self {
        match o {
            ChecklistOrder::Date => playbook_plan::checklist::Order::Date,
            ChecklistOrder::Plan => playbook_plan::checklist::Order::Plan,
        }
    }
}

/// `playbook checklist --format`: the formats of
/// [`playbook_plan::checklist_format::FORMATS`], their extensions as the values.
pub(crate) use playbook_plan::checklist_format::Format as ChecklistFormat;

/// The values of `--format`: each format's extension, with its help.
fn checklist_formats() -> impl clap::builder::TypedValueParser<Value = ChecklistFormat> {
    use clap::builder::TypedValueParser;
    use playbook_plan::checklist_format::FORMATS;
    let values = FORMATS
        .iter()
        .map(|f| clap::builder::PossibleValue::new(f.ext).help(f.help));
    clap::builder::PossibleValuesParser::new(values).map(|ext| {
        FORMATS
            .iter()
            .find(|f| f.ext == ext)
            .map_or(ChecklistFormat::Md, |f| f.format)
    })
}
