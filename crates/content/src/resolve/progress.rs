//! Progress files (`content/progress/<market>.yaml`, and `company.yaml` for
//! the company program): each names its program by its file name and lists
//! the tasks done there. A file for no market, a task id that does not
//! exist, and a task that is not in that program's checklist are errors,
//! each with the nearest id as a hint. Runs after applicability is known
//! (`compute_applicability`).

use super::Resolver;
use crate::diag::{suggest, Diagnostic};
use crate::load::RawContent;
use crate::model::raw::RawProgress;
use crate::model::*;

impl Resolver {
    /// Read every progress file into `pb.progress` (one entry per market).
    pub(super) fn progress(&mut self, raw: &RawContent) {
        self.pb.progress = IdxVec::filled(Progress::default(), self.pb.markets.len());
        for (p, file, stem) in raw.named_files::<RawProgress>() {
            let company = stem == crate::model::COMPANY_ID;
            let market = self.pb.find::<Market>(stem);
            if market.is_none() && !company {
                let ids = self.pb.markets.iter().map(|m| m.id.as_str());
                let help = match suggest(stem, ids) {
                    Some(s) => format!("did you mean `{s}.yaml`? A progress file is named by its market's id"),
                    None => "a progress file is named by its market's id (content/progress/<market>.yaml); see content/markets/".to_string(),
                };
                let d = Diagnostic::error(format!("no market `{stem}` for this progress file"))
                    .help(help);
                let d = self.at_key(d, file, "");
                self.diags.push(d);
                continue;
            }
            // Which tasks this file may record: the market's, or the company's.
            let in_program = |pb: &Playbook, t: Idx<Task>| match market {
                Some(m) => pb.applies(t, m),
                None => pb.tasks[t].scope == Scope::Company,
            };
            let program_name = match market {
                Some(m) => self.pb.markets[m].name.clone(),
                None => "the company program".to_string(),
            };
            let mut record = Progress {
                file: Some(file),
                done: Default::default(),
            };
            for (id, done) in &p.done {
                let path = format!("done.{id}");
                let Some(t) = self.pb.find::<Task>(id) else {
                    let applying = self
                        .pb
                        .tasks
                        .indices()
                        .filter(|&t| in_program(&self.pb, t))
                        .map(|t| self.pb.tasks[t].id.as_str());
                    let help = match suggest(id, applying) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!(
                            "task ids are in the checklist: `playbook checklist {stem} --format csv` lists them"
                        ),
                    };
                    let d = Diagnostic::error(format!("no task with id `{id}`")).help(help);
                    let d = self.at_key(d, file, &path);
                    self.diags.push(d.span(id.chars().count()));
                    continue;
                };
                if !in_program(&self.pb, t) {
                    let task = &self.pb.tasks[t];
                    let why = if task.scope == Scope::Company {
                        "it is company-wide work: record it in content/progress/company.yaml"
                            .to_string()
                    } else if market.is_none() {
                        "it is market work: record it in the progress file of a market it applies to".to_string()
                    } else {
                        format!(
                            "its rule ({}) leaves {stem} out; record it in the progress file of a market it applies to, or remove it",
                            task.rule
                                .as_ref()
                                .map(crate::rules::describe)
                                .unwrap_or_else(|| "another market's own task".into()),
                        )
                    };
                    let d = Diagnostic::error(format!(
                        "task `{id}` is not in {program_name}'s checklist"
                    ))
                    .help(why);
                    let d = self.at_key(d, file, &path);
                    self.diags.push(d.span(id.chars().count()));
                    continue;
                }
                record.done.insert(
                    t,
                    Done {
                        on: done.on,
                        by: done.by.clone(),
                        note: done.note.clone(),
                    },
                );
            }
            match market {
                Some(m) => self.pb.progress[m] = record,
                None => self.pb.company_progress = record,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Idx, Task};
    use crate::resolve::testing::{Input, Shown};

    const DE: &str = "content/progress/de.yaml";

    #[test]
    fn a_recorded_task_is_done_in_its_market() {
        let pb = Input::new()
            .file(
                DE,
                "# Germany\ndone:\n  kyc/verify-identity:\n    on: 2027-03-04\n    by: Anna\n",
            )
            .ok();
        let t = pb.find::<Task>("kyc/verify-identity").unwrap();
        let done = &pb.progress[Idx::new(0)].done[&t];
        assert_eq!(done.on.to_string(), "2027-03-04");
        assert_eq!(done.by.as_deref(), Some("Anna"));
        assert!(pb.progress[Idx::new(0)].file.is_some());
    }

    #[test]
    fn a_markets_without_a_file_have_nothing_done() {
        let pb = Input::new().ok();
        assert_eq!(pb.progress.len(), 1);
        assert!(
            pb.progress[Idx::new(0)].done.is_empty() && pb.progress[Idx::new(0)].file.is_none()
        );
    }

    #[test]
    fn an_unknown_task_id_is_placed_at_its_key_with_the_nearest_id() {
        let e = Input::new()
            .file(DE, "done:\n  kyc/verify-identiy:\n    on: 2027-03-04\n")
            .errors();
        assert_eq!(e[0].message, "no task with id `kyc/verify-identiy`");
        assert_eq!(e[0].place(), format!("{DE}:2:3"));
        assert_eq!(e[0].underlined(), "kyc/verify-identiy");
        assert_eq!(
            e[0].help.as_deref(),
            Some("did you mean `kyc/verify-identity`?")
        );
    }

    #[test]
    fn a_file_for_no_market_suggests_the_nearest_market() {
        let e = Input::new()
            .file("content/progress/dee.yaml", "done: {}\n")
            .errors();
        assert_eq!(e[0].message, "no market `dee` for this progress file");
        assert!(e[0].help.as_deref().unwrap().contains("`de.yaml`"));
    }

    #[test]
    fn a_task_outside_the_markets_checklist_is_an_error() {
        // The task applies to EU markets only; a second market in APAC.
        let e = Input::new()
            .market("id: m1\nname: Japan\nregion: apac\nkickoff: 2027-03-01\n")
            .file(
                "content/progress/m1.yaml",
                "done:\n  kyc/verify-identity:\n    on: 2027-03-04\n",
            )
            .errors();
        assert_eq!(
            e[0].message,
            "task `kyc/verify-identity` is not in Japan's checklist"
        );
        assert!(e[0].help.as_deref().unwrap().contains("region"));
    }
}
