//! A regulation's sources and what rests on them: every `source:` and
//! `sources:` id (of a deadline, an obligation, a watch item, and
//! `in_force_source`) names one of the file's own `sources` (an error at the
//! value, with the nearest id); source and deadline ids are slugs, unique
//! within the file; a source's URL is `http(s)`; a source checked after the
//! page's `reviewed` date, or after today, is a warning.

use super::ids::is_slug;
use super::Resolver;
use crate::diag::{suggest, Diagnostic};
use crate::markdown::slugify;
use crate::model::raw::RawRegulation;
use crate::model::{Deadline, Idx, IdxVec, Obligation, RegulationSource, SourceFile, WatchItem};
use jiff::civil::Date;

/// A regulation's facts with their sources resolved to indices.
pub(super) struct Sourced {
    /// Its sources.
    pub(super) sources: IdxVec<RegulationSource>,
    /// The source of `in_force`.
    pub(super) in_force_source: Option<Idx<RegulationSource>>,
    /// Its deadlines.
    pub(super) deadlines: IdxVec<Deadline>,
    /// Its obligations.
    pub(super) obligations: Vec<Obligation>,
    /// Its watch list.
    pub(super) watch: Vec<WatchItem>,
}

/// Why a source's `checked` day is suspect, if it is: after the page's
/// review (the page claims less than was checked) or after today (a typo).
fn checked_problem(checked: Date, reviewed: Option<Date>, today: Date) -> Option<String> {
    if checked > today {
        return Some(format!(
            "checked on {checked}, which is after today ({today})"
        ));
    }
    match reviewed {
        Some(r) if checked > r => Some(format!(
            "checked on {checked}, after the page's `reviewed` date ({r})"
        )),
        None => None,
        Some(_) => None,
    }
}

impl Resolver {
    /// Resolve regulation `g`'s sources and the ids that name them, reporting
    /// what is wrong in `file`. `today` bounds the `checked` days.
    pub(super) fn regulation_sources(
        &mut self,
        g: &RawRegulation,
        file: Idx<SourceFile>,
        today: Date,
    ) -> Sourced {
        let mut sources: IdxVec<RegulationSource> = IdxVec::new();
        for (k, s) in g.sources.iter().enumerate() {
            let path = format!("sources[{k}]");
            self.local_id(
                "source",
                &s.id,
                file,
                &path,
                g.sources[..k].iter().map(|p| &p.id),
            );
            let url = s.url.trim();
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("https://") || lower.starts_with("http://")) {
                let d = Diagnostic::error(format!("source `{}` has no web address", s.id))
                    .help("a source's `url` is the `https://` address where it can be read");
                let d = self.at_value(d, file, &format!("{path}.url"), s.url.chars().count());
                self.diags.push(d);
            }
            if let Some(why) = checked_problem(s.checked, g.reviewed, today) {
                let d = Diagnostic::warning(format!("source `{}` was {why}", s.id)).help(
                    "`checked` is the day the facts were checked against the source; \
                     the page's `reviewed` is the day the whole page was, on or after it",
                );
                let d = self.at_value(d, file, &format!("{path}.checked"), 10);
                self.diags.push(d);
            }
            sources.push(RegulationSource {
                id: s.id.clone(),
                title: s.title.clone(),
                url: url.to_string(),
                checked: s.checked,
            });
        }
        let ids: Vec<&str> = g.sources.iter().map(|s| s.id.as_str()).collect();

        let in_force_source = match &g.in_force_source {
            Some(id) => self.source_ref(&ids, id, file, "in_force_source"),
            None => None,
        };
        let mut deadlines = IdxVec::new();
        for (k, dl) in g.deadlines.iter().enumerate() {
            let path = format!("deadlines[{k}]");
            self.local_id(
                "deadline",
                &dl.id,
                file,
                &path,
                g.deadlines[..k].iter().map(|p| &p.id),
            );
            let source = self.source_ref(&ids, &dl.source, file, &format!("{path}.source"));
            deadlines.push(Deadline {
                id: dl.id.clone(),
                date: dl.date,
                what: dl.what.clone(),
                // Only an unknown id leaves it unset, and that is an error:
                // this playbook is never rendered.
                source: source.unwrap_or(Idx::new(0)),
                confirmed: dl.confirmed,
            });
        }
        let obligations = g
            .obligations
            .iter()
            .enumerate()
            .map(|(k, o)| Obligation {
                anchor: format!("obligation-{}", crate::markdown::slugify(&o.topic)),
                topic: o.topic.clone(),
                text: o.text.clone(),
                sources: self.source_refs(&ids, &o.sources, file, &format!("obligations[{k}]")),
            })
            .collect();
        let watch = g
            .watch
            .iter()
            .enumerate()
            .map(|(k, w)| WatchItem {
                what: w.what.clone(),
                sources: self.source_refs(&ids, &w.sources, file, &format!("watch[{k}]")),
                confirmed: w.confirmed,
            })
            .collect();
        Sourced {
            sources,
            in_force_source,
            deadlines,
            obligations,
            watch,
        }
    }

    /// An id of the list at `path` (`sources[2]`) in `file`: a slug, and not
    /// one of the ids `before` it (a duplicate names the first as related).
    fn local_id<'a>(
        &mut self,
        what: &str,
        id: &str,
        file: Idx<SourceFile>,
        path: &str,
        mut before: impl Iterator<Item = &'a String>,
    ) {
        let key = format!("{path}.id");
        if !is_slug(id) {
            let d = Diagnostic::error(format!("{what} id `{id}` is not a slug")).help(format!(
                "ids are lowercase letters, digits and `-`; for example `{}`",
                slugify(id)
            ));
            let d = self.at_key(d, file, &key);
            self.diags.push(d);
        }
        if let Some(first) = before.position(|p| p == id) {
            let list = path.split('[').next().unwrap_or(path);
            let first = self.key_location(file, &format!("{list}[{first}].id"));
            let d = Diagnostic::error(format!("duplicate {what} id `{id}`"))
                .help(format!("every {what} of a regulation needs its own id"));
            let mut d = self.at_key(d, file, &key);
            if let Some(f) = first {
                d = d.related(f);
            }
            self.diags.push(d);
        }
    }

    /// The index of source `id` among `ids`, or an error at the value at
    /// `path` with the nearest id.
    fn source_ref(
        &mut self,
        ids: &[&str],
        id: &str,
        file: Idx<SourceFile>,
        path: &str,
    ) -> Option<Idx<RegulationSource>> {
        if let Some(i) = ids.iter().position(|s| *s == id) {
            return Some(Idx::new(i));
        }
        let help = match suggest(id, ids.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if ids.is_empty() => {
                "this file lists no `sources` yet: add the source there first".to_string()
            }
            None => format!("this file's sources: {}", ids.join(", ")),
        };
        let d =
            Diagnostic::error(format!("no source with id `{id}` in this regulation")).help(help);
        let d = self.at_value(d, file, path, id.chars().count());
        self.diags.push(d);
        None
    }

    /// The indices of the sources `list` names (the list at
    /// `<path>.sources`); unknown ones are errors and left out.
    fn source_refs(
        &mut self,
        ids: &[&str],
        list: &[String],
        file: Idx<SourceFile>,
        path: &str,
    ) -> Vec<Idx<RegulationSource>> {
        list.iter()
            .enumerate()
            .filter_map(|(j, id)| self.source_ref(ids, id, file, &format!("{path}.sources[{j}]")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown};
    use super::*;

    const REG: &str = "content/regulations/r1.yaml";

    /// A regulation with two sources, a deadline, an obligation and a watch item.
    fn regulation() -> String {
        "\
id: act
name: Act
jurisdiction: EU
reviewed: 2026-01-10
summary: s
sources:
  - id: oj
    title: The Official Journal
    url: https://example.org/oj
    checked: 2026-01-10
  - id: regulator
    title: The regulator
    url: https://example.org/reg
    checked: 2026-01-09
in_force_source: oj
deadlines:
  - id: gpai
    date: 2025-08-02
    what: GPAI duties apply.
    source: oj
  - id: high-risk
    date: 2027-12-02
    what: High-risk duties apply.
    source: regulator
    confirmed: false
obligations:
  - topic: Transparency
    text: Tell people.
    sources: [oj, regulator]
watch:
  - what: A proposal.
    sources: [regulator]
    confirmed: false
"
        .to_string()
    }

    #[test]
    fn sources_resolve_to_indices_and_a_deadline_is_found_by_ids() {
        let pb = Input::new().regulation(&regulation()).ok();
        assert!(pb.warnings.is_empty(), "{:#?}", pb.warnings);
        let (r, d) = pb.deadline("act", "high-risk").expect("the deadline");
        let g = &pb.regulations[r];
        assert_eq!(g.in_force_source, Some(Idx::new(0)));
        assert_eq!(g.deadlines[d].source, Idx::new(1));
        assert!(!g.deadlines[d].confirmed);
        assert!(g.deadlines[Idx::new(0)].confirmed, "confirmed by default");
        assert_eq!(g.obligations[0].sources, [Idx::new(0), Idx::new(1)]);
        assert_eq!(g.watch[0].sources, [Idx::new(1)]);
        assert_eq!(pb.deadline("act", "nope"), None);
        assert_eq!(pb.deadline("gdpr", "high-risk"), None);
        assert_eq!(pb.deadline_url(r, d), "regulations/act/#deadline-high-risk");
    }

    #[test]
    fn an_unknown_source_is_an_error_at_the_value_with_the_nearest_id() {
        let text = regulation().replace("    source: regulator\n", "    source: regulatr\n");
        let e = Input::new().regulation(&text).errors();
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(
            e[0].message,
            "no source with id `regulatr` in this regulation"
        );
        assert_eq!(e[0].place(), format!("{REG}:24:13"));
        assert_eq!(e[0].underlined(), "regulatr");
        assert_eq!(e[0].help.as_deref(), Some("did you mean `regulator`?"));
    }

    #[test]
    fn unknown_sources_in_lists_and_in_force_source_are_placed_at_each_value() {
        let text = regulation()
            .replace("sources: [oj, regulator]", "sources: [oj, official-text]")
            .replace("in_force_source: oj", "in_force_source: journal")
            .replace("    sources: [regulator]\n", "    sources: [regulatorr]\n");
        let e = Input::new().regulation(&text).errors();
        let shown: Vec<(String, String)> = e.iter().map(|d| (d.place(), d.underlined())).collect();
        assert_eq!(
            shown,
            [
                (format!("{REG}:15:18"), "journal".to_string()),
                (format!("{REG}:29:19"), "official-text".to_string()),
                (format!("{REG}:32:15"), "regulatorr".to_string()),
            ]
        );
        assert_eq!(
            e[0].help.as_deref(),
            Some("this file's sources: oj, regulator")
        );
    }

    #[test]
    fn a_file_without_sources_says_so() {
        let text = "id: act\nname: Act\njurisdiction: EU\nsummary: s\nobligations:\n  - topic: T\n    text: t\n    sources: [oj]\n";
        let e = Input::new().regulation(text).errors();
        assert_eq!(e[0].place(), format!("{REG}:8:15"));
        assert_eq!(
            e[0].help.as_deref(),
            Some("this file lists no `sources` yet: add the source there first")
        );
    }

    #[test]
    fn duplicate_and_malformed_ids_are_errors_at_their_keys() {
        let text = regulation()
            .replace("  - id: high-risk\n", "  - id: gpai\n")
            .replace("regulator", "Regulator");
        let e = Input::new().regulation(&text).errors();
        let messages: Vec<&str> = e.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "source id `Regulator` is not a slug",
                "duplicate deadline id `gpai`"
            ]
        );
        assert_eq!(e[0].place(), format!("{REG}:11:5"));
        assert_eq!(e[1].place(), format!("{REG}:21:5"));
        assert_eq!(e[1].related_places(), [format!("{REG}:17:5")]);
    }

    #[test]
    fn a_source_without_a_web_address_is_an_error() {
        let text =
            regulation().replace("url: https://example.org/reg", "url: the regulator's site");
        let e = Input::new().regulation(&text).errors();
        assert_eq!(e[0].message, "source `regulator` has no web address");
        assert_eq!(e[0].place(), format!("{REG}:13:10"));
    }

    #[test]
    fn a_source_checked_after_the_review_or_in_the_future_is_a_warning() {
        let text = regulation()
            .replace("checked: 2026-01-09", "checked: 2026-01-11")
            .replace("checked: 2026-01-10", "checked: 2999-01-01");
        let pb = Input::new().regulation(&text).ok();
        let w: Vec<(String, &str)> = pb
            .warnings
            .iter()
            .map(|d| (d.place(), d.message.as_str()))
            .collect();
        assert_eq!(w.len(), 2, "{w:#?}");
        assert_eq!(w[0].0, format!("{REG}:10:14"));
        assert!(w[0].1.contains("after today"), "{}", w[0].1);
        assert_eq!(w[1].0, format!("{REG}:14:14"));
        assert_eq!(
            w[1].1,
            "source `regulator` was checked on 2026-01-11, after the page's `reviewed` date (2026-01-10)"
        );
    }

    #[test]
    fn checked_is_judged_against_today_first_then_the_review() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let today = d("2026-12-07");
        assert_eq!(
            checked_problem(d("2026-12-07"), Some(d("2026-12-07")), today),
            None
        );
        assert_eq!(checked_problem(d("2026-12-01"), None, today), None);
        assert!(
            checked_problem(d("2026-12-08"), Some(d("2027-01-01")), today)
                .unwrap()
                .contains("after today")
        );
        assert!(
            checked_problem(d("2026-12-07"), Some(d("2026-12-06")), today)
                .unwrap()
                .contains("`reviewed`")
        );
    }
}
