//! Progress files (`content/progress/<market>.yaml`): each names a market by
//! its file name and lists the tasks done there. A file for no market, a
//! task id that does not exist, and a task that is not in that market's
//! checklist are errors, each with the nearest id as a hint. Runs after
//! applicability is known (`compute_applicability`).

use super::Resolver;
use crate::diag::{suggest, Diagnostic};
use crate::load::RawContent;
use crate::model::*;

impl Resolver {
    /// Read every progress file into `pb.progress` (one entry per market).
    pub(super) fn progress(&mut self, raw: &RawContent) {
        self.pb.progress = vec![Progress::default(); self.pb.markets.len()];
        for (p, file, stem) in &raw.progress {
            let Some(m) = self.pb.lookup(Kind::Market, stem).map(|r| r.idx) else {
                let ids = self.pb.markets.iter().map(|m| m.id.as_str());
                let help = match suggest(stem, ids) {
                    Some(s) => format!("did you mean `{s}.yaml`? A progress file is named by its market's id"),
                    None => "a progress file is named by its market's id (content/progress/<market>.yaml); see content/markets/".to_string(),
                };
                let d = Diagnostic::error(format!("no market `{stem}` for this progress file"))
                    .help(help);
                let d = self.at_key(d, *file, "");
                self.diags.push(d);
                continue;
            };
            self.pb.progress[m].file = Some(*file);
            for (id, done) in &p.done {
                let path = format!("done.{id}");
                let Some(t) = self.pb.lookup(Kind::Task, id).map(|r| r.idx) else {
                    let applying = (0..self.pb.tasks.len())
                        .filter(|&t| self.pb.applies(t, m))
                        .map(|t| self.pb.tasks[t].id.as_str());
                    let help = match suggest(id, applying) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!(
                            "task ids are in the checklist: `playbook checklist {stem} --format csv` lists them"
                        ),
                    };
                    let d = Diagnostic::error(format!("no task with id `{id}`")).help(help);
                    let d = self.at_key(d, *file, &path);
                    self.diags.push(d.span(id.chars().count()));
                    continue;
                };
                if !self.pb.applies(t, m) {
                    let d = Diagnostic::error(format!(
                        "task `{id}` is not in {}'s checklist",
                        self.pb.markets[m].name
                    ))
                    .help(format!(
                        "its rule ({}) leaves {} out; record it in the progress file of a market it applies to, or remove it",
                        self.pb.tasks[t]
                            .rule
                            .as_ref()
                            .map(crate::rules::describe)
                            .unwrap_or_else(|| "another market's own task".into()),
                        self.pb.markets[m].id
                    ));
                    let d = self.at_key(d, *file, &path);
                    self.diags.push(d.span(id.chars().count()));
                    continue;
                }
                self.pb.progress[m].done.insert(
                    t,
                    Done {
                        on: done.on,
                        by: done.by.clone(),
                        note: done.note.clone(),
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Kind;
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
        let t = pb.lookup(Kind::Task, "kyc/verify-identity").unwrap().idx;
        let done = &pb.progress[0].done[&t];
        assert_eq!(done.on.to_string(), "2027-03-04");
        assert_eq!(done.by.as_deref(), Some("Anna"));
        assert!(pb.progress[0].file.is_some());
    }

    #[test]
    fn a_markets_without_a_file_have_nothing_done() {
        let pb = Input::new().ok();
        assert_eq!(pb.progress.len(), 1);
        assert!(pb.progress[0].done.is_empty() && pb.progress[0].file.is_none());
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
