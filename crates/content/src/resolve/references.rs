//! References in structured fields: `kind:id` strings (a metric's
//! `measures`, research `supports`, a chapter's `applies`), step ids (a
//! risk's `threatens`, an expert's advice), and a market's regulations, team
//! roles and actuals. Each found reference is a backlink on its target's page.

use super::Resolver;
use crate::diag::Diagnostic;
use crate::load::RawContent;
use crate::model::raw::{RawChapter, RawExpert, RawMarket, RawMetricFile, RawResearch};
use crate::model::*;
use std::collections::HashSet;

impl Resolver {
    /// Resolve a `kind:id` string, the value at `path` in `file`.
    pub(super) fn resolve_ref_str(
        &mut self,
        s: &str,
        (file, path): (Idx<SourceFile>, &str),
        allowed: &[Kind],
    ) -> Option<EntityRef> {
        let len = s.chars().count();
        let Some((k, id)) = s.split_once(':') else {
            let d = Diagnostic::error(format!("`{s}` is not a reference")).help(
                "write references as `kind:id`, e.g. `step:international-compliance-framework`",
            );
            let d = self.at_value(d, file, path, len);
            self.diags.push(d);
            return None;
        };
        let kind = Kind::parse(k).filter(|k| allowed.contains(k));
        let Some(kind) = kind else {
            let names: Vec<&str> = allowed.iter().map(|k| k.name()).collect();
            let d = Diagnostic::error(format!("`{k}` is not a kind allowed here"))
                .help(format!("use one of: {}", names.join(", ")));
            let d = self.at_value(d, file, path, len);
            self.diags.push(d);
            return None;
        };
        match self.pb.lookup(kind, id) {
            Some(r) => Some(r),
            None => {
                let d = self.unknown_id(kind, id);
                let d = self.at_value(d, file, path, len);
                self.diags.push(d);
                None
            }
        }
    }

    /// Every structured reference, after all ids are registered.
    pub(super) fn check_structured_refs(&mut self, raw: &RawContent) {
        // Risks (need every step defined).
        for (fi, lf) in raw.frameworks.iter().enumerate() {
            if fi >= self.pb.frameworks.len() {
                break;
            }
            let fi: Idx<Framework> = Idx::new(fi);
            let mut seen = HashSet::new();
            for (ri, risk) in lf.raw.risks.iter().enumerate() {
                if !seen.insert(risk.id.clone()) {
                    let d = Diagnostic::error(format!("duplicate risk id `{}`", risk.id))
                        .help("give each risk its own id");
                    let d = self.at_key(d, lf.file, &format!("risks[{ri}].id"));
                    self.diags.push(d);
                }
                let mut threatens = Vec::new();
                for (j, s) in risk.threatens.iter().enumerate() {
                    match self.pb.find::<Step>(s) {
                        Some(st) => threatens.push(st),
                        None => {
                            let d = self.unknown_id(Kind::Step, s);
                            let at = format!("risks[{ri}].threatens[{j}]");
                            let d = self.at_value(d, lf.file, &at, s.chars().count());
                            self.diags.push(d);
                        }
                    }
                }
                self.pb.frameworks[fi].risks.push(Risk {
                    id: risk.id.clone(),
                    title: risk.title.clone(),
                    description: risk.description.clone(),
                    mitigation_title: risk.mitigation.title.clone(),
                    mitigation: risk.mitigation.description.clone(),
                    threatens,
                });
            }
        }
        // Metric measures.
        let measurable = [Kind::Framework, Kind::Component, Kind::Step];
        let mut next: usize = 0;
        for (mf, file) in raw.files::<RawMetricFile>() {
            for (k, m) in mf.metrics.iter().enumerate() {
                let mi: Idx<Metric> = Idx::new(next);
                let mut v = Vec::new();
                for (j, s) in m.measures.iter().enumerate() {
                    let at = format!("metrics[{k}].measures[{j}]");
                    if let Some(r) = self.resolve_ref_str(s, (file, &at), &measurable) {
                        v.push(r);
                        self.link(mi.into(), r);
                    }
                }
                if let Some(metric) = self.pb.metrics.get_mut(mi) {
                    metric.measures = v;
                }
                next += 1;
            }
        }
        // Research supports.
        let all = Kind::ALL;
        for (i, md) in raw.documents::<RawResearch>().enumerate() {
            let i: Idx<Research> = Idx::new(i);
            let mut v = Vec::new();
            for (j, s) in md.meta.supports.iter().enumerate() {
                let at = format!("supports[{j}]");
                if let Some(r) = self.resolve_ref_str(s, (md.file, &at), &all) {
                    v.push(r);
                    self.link(i.into(), r);
                }
            }
            self.pb.research[i].supports = v;
        }
        // Chapter applies (chapters were sorted: find by file).
        for md in raw.documents::<RawChapter>() {
            let Some(ci) = self.pb.chapters.position(|c| c.file == md.file) else {
                continue;
            };
            let mut v = Vec::new();
            for (j, s) in md.meta.applies.iter().enumerate() {
                let at = format!("applies[{j}]");
                if let Some(r) = self.resolve_ref_str(s, (md.file, &at), &all) {
                    v.push(r);
                    self.link(ci.into(), r);
                }
            }
            self.pb.chapters[ci].applies = v;
        }
        // Expert advice → steps.
        for (ei, (e, file)) in raw.files::<RawExpert>().enumerate() {
            let ei: Idx<Expert> = Idx::new(ei);
            let mut advice = Vec::new();
            for (ai, a) in e.advice.iter().enumerate() {
                let mut steps = Vec::new();
                for (j, s) in a.steps.iter().enumerate() {
                    match self.pb.find::<Step>(s) {
                        Some(st) => {
                            steps.push(st);
                            self.link(ei.into(), st.into());
                        }
                        None => {
                            let d = self.unknown_id(Kind::Step, s);
                            let at = format!("advice[{ai}].steps[{j}]");
                            let d = self.at_value(d, file, &at, s.chars().count());
                            self.diags.push(d);
                        }
                    }
                }
                advice.push((a.text.clone(), steps));
            }
            self.pb.experts[ei].advice = advice;
        }
        // Markets: regulations, team roles, actuals.
        for (mi, (m, file)) in raw.files::<RawMarket>().enumerate() {
            let mi: Idx<Market> = Idx::new(mi);
            let me = EntityRef::from(mi);
            for (j, g) in m.regulations.iter().enumerate() {
                match self.pb.find::<Regulation>(g) {
                    Some(r) => {
                        self.pb.markets[mi].regulations.push(r);
                        self.link(me, r.into());
                    }
                    None => {
                        let d = self.unknown_id(Kind::Regulation, g);
                        let at = format!("regulations[{j}]");
                        let d = self.at_value(d, file, &at, g.chars().count());
                        self.diags.push(d);
                    }
                }
            }
            for role in m.team.keys() {
                if !self.pb.roles.contains_key(role) {
                    let d = self.unknown_role(role);
                    // The caret covers `role:`.
                    let len = role.chars().count() + 1;
                    let d = self.at_key(d, file, &format!("team.{role}")).span(len);
                    self.diags.push(d);
                }
            }
            for (metric, actual) in &m.actuals {
                match self.pb.find::<Metric>(metric) {
                    Some(x) => {
                        self.pb.markets[mi].actuals.push((x, actual.clone()));
                        self.link(me, x.into());
                    }
                    None => {
                        let d = self.unknown_id(Kind::Metric, metric);
                        let len = metric.chars().count() + 1;
                        let d = self.at_key(d, file, &format!("actuals.{metric}")).span(len);
                        self.diags.push(d);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown};
    use crate::model::{EntityRef, Idx, Market, Regulation};

    const DE: &str = "content/markets/de.yaml";

    #[test]
    fn a_market_regulation_that_does_not_exist_is_placed_at_the_value() {
        let e = Input::new().replace(DE, "[gdpr]", "[gdpr, gdrp]").errors();
        assert_eq!(e[0].message, "no regulation with id `gdrp`");
        assert_eq!(e[0].place(), format!("{DE}:4:21"));
        assert_eq!(e[0].underlined(), "gdrp");
        assert_eq!(e[0].help.as_deref(), Some("did you mean `gdpr`?"));
    }

    #[test]
    fn a_team_role_that_does_not_exist_is_placed_at_its_key() {
        let e = Input::new()
            .replace(DE, "  legal: Anna", "  lawyer: Anna")
            .errors();
        assert_eq!(e[0].message, "unknown role `lawyer`");
        assert_eq!(e[0].place(), format!("{DE}:8:3"));
        assert_eq!(e[0].underlined(), "lawyer:");
    }

    #[test]
    fn a_kind_id_list_checks_the_kind_and_the_id() {
        let metrics = "group:\n  id: g\n  title: G\nmetrics:\n  - id: m\n    name: M\n    target: {op: \">=\", value: 1, unit: \"%\", text: t}\n    measures: [step:kyc, market:de, step:kys, kyc]\n";
        let e = Input::new()
            .file("content/metrics/g.yaml", metrics)
            .errors();
        let got: Vec<(String, String)> = e.iter().map(|d| (d.message.clone(), d.place())).collect();
        let f = "content/metrics/g.yaml";
        assert_eq!(
            got,
            [
                (
                    "`market` is not a kind allowed here".into(),
                    format!("{f}:8:26")
                ),
                ("no step with id `kys`".into(), format!("{f}:8:37")),
                ("`kyc` is not a reference".into(), format!("{f}:8:47")),
            ]
        );
        assert_eq!(e[0].underlined(), "market:de");
    }

    #[test]
    fn a_reference_is_a_backlink_on_its_targets_page() {
        let pb = Input::new().ok();
        let gdpr = EntityRef::from(Idx::<Regulation>::new(0));
        let de = EntityRef::from(Idx::<Market>::new(0));
        assert!(pb.backlinks[&gdpr].contains(&de));
        assert_eq!(pb.markets[Idx::new(0)].regulations, [Idx::new(0)]);
    }
}
