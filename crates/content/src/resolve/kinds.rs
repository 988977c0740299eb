//! The flat kinds, copied into the model and registered under their ids:
//! metric groups and metrics (a group's framework must exist), regulations
//! (their sources checked in `regulation_sources`),
//! experts, research, story chapters (ordered by their `NN-` file prefix;
//! the id defaults to the rest of the file name) and markets.

use super::Resolver;
use crate::load::RawContent;
use crate::model::raw::{
    RawChapter, RawExpert, RawMarket, RawMetricFile, RawRegulation, RawResearch,
};
use crate::model::*;

impl Resolver {
    /// The body of a Markdown file: its text from `offset` (the sources
    /// are the model's by now).
    fn body_of(&self, file: Idx<SourceFile>, offset: usize) -> String {
        let text = self.pb.sources.get(file).map_or("", |s| s.text.as_str());
        text.get(offset..).unwrap_or("").to_string()
    }

    /// Metric files: a group each, and its metrics.
    pub(super) fn metrics(&mut self, raw: &RawContent) {
        for (mf, file) in raw.files::<RawMetricFile>() {
            let gi = self.pb.metric_groups.next_idx();
            let framework = match &mf.group.framework {
                Some(fw) => {
                    let found = self.pb.find::<Framework>(fw);
                    if found.is_none() {
                        let d = self.unknown_id(Kind::Framework, fw);
                        let d = self.at_key(d, file, "group.framework");
                        self.diags.push(d);
                    }
                    found
                }
                None => None,
            };
            self.pb.metric_groups.push(MetricGroup {
                id: mf.group.id.clone(),
                title: mf.group.title.clone(),
                framework,
                metrics: Vec::new(),
                file,
            });
            for (k, m) in mf.metrics.iter().enumerate() {
                let mi = self.pb.metrics.next_idx();
                self.define(mi, &m.id, file, &format!("metrics[{k}].id"));
                self.pb.metrics.push(Metric {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    description: m.description.clone(),
                    target: m.target.clone(),
                    measures: Vec::new(),
                    lower_is_better: m.lower_is_better,
                    group: gi,
                    file,
                });
                self.pb.metric_groups[gi].metrics.push(mi);
            }
        }
    }

    /// Regulations, experts, research and chapters.
    pub(super) fn simple_kinds(&mut self, raw: &RawContent) {
        for (g, file) in raw.files::<RawRegulation>() {
            let i = self.pb.regulations.next_idx();
            self.define(i, &g.id, file, "id");
            let s = self.regulation_sources(g, file, self.today);
            self.pb.regulations.push(Regulation {
                id: g.id.clone(),
                name: g.name.clone(),
                official_name: g.official_name.clone(),
                jurisdiction: g.jurisdiction.clone(),
                in_force: g.in_force.clone(),
                link: g.link.clone(),
                reviewed: g.reviewed,
                summary: g.summary.clone(),
                sources: s.sources,
                in_force_source: s.in_force_source,
                deadlines: s.deadlines,
                obligations: s.obligations,
                watch: s.watch,
                file,
            });
        }
        for (e, file) in raw.files::<RawExpert>() {
            let i = self.pb.experts.next_idx();
            self.define(i, &e.id, file, "id");
            self.pb.experts.push(Expert {
                id: e.id.clone(),
                name: e.name.clone(),
                role: e.role.clone(),
                composite: e.composite,
                category: e.category.clone(),
                background: e.background.clone(),
                insight: e.insight.clone(),
                quotes: e.quotes.clone(),
                perspectives: e
                    .perspectives
                    .iter()
                    .map(|p| (p.title.clone(), p.text.clone()))
                    .collect(),
                advice: Vec::new(),
                file,
            });
        }
        for md in raw.documents::<RawResearch>() {
            let i = self.pb.research.next_idx();
            self.define(i, &md.meta.id, md.file, "id");
            self.pb.research.push(Research {
                id: md.meta.id.clone(),
                title: md.meta.title.clone(),
                category: md.meta.category.clone(),
                summary: md.meta.summary.clone(),
                supports: Vec::new(),
                results: md.meta.results.clone(),
                body: self.body_of(md.file, md.body_offset),
                body_offset: md.body_offset,
                file: md.file,
            });
        }
        for md in raw.documents::<RawChapter>() {
            let (number, stem_id) = match md.stem.split_once('-') {
                Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
                    (n.parse().unwrap_or(0), rest.to_string())
                }
                _ => (0, md.stem.to_string()),
            };
            let id = md.meta.id.clone().unwrap_or(stem_id);
            let i = self.pb.chapters.next_idx();
            if md.meta.id.is_some() {
                self.define(i, &id, md.file, "id");
            } else {
                self.define(i, &id, md.file, "title");
            }
            self.pb.chapters.push(Chapter {
                id,
                number,
                title: md.meta.title.clone(),
                act: md.meta.act,
                act_title: md.meta.act_title.clone(),
                section: md.meta.section,
                section_title: md.meta.section_title.clone(),
                summary: md.meta.summary.clone(),
                applies: Vec::new(),
                body: self.body_of(md.file, md.body_offset),
                body_offset: md.body_offset,
                file: md.file,
            });
        }
        // Files are read in name order; NN- prefixes define the reading order.
        self.pb
            .chapters
            .as_mut_slice()
            .sort_by(|a, b| (a.number, &a.id).cmp(&(b.number, &b.id)));
        let ids: Vec<String> = self.pb.chapters.iter().map(|c| c.id.clone()).collect();
        let map = self.pb.index.entry(Kind::Chapter).or_default();
        for (i, id) in ids.into_iter().enumerate() {
            map.insert(id, i);
        }
    }

    /// Markets (their references are checked in `references`).
    pub(super) fn markets(&mut self, raw: &RawContent) {
        for (m, file) in raw.files::<RawMarket>() {
            let i = self.pb.markets.next_idx();
            self.define(i, &m.id, file, "id");
            self.pb.markets.push(Market {
                id: m.id.clone(),
                name: m.name.clone(),
                region: m.region.clone(),
                summary: m.summary.clone(),
                body: m.body.clone(),
                regulations: Vec::new(),
                tags: m.tags.clone(),
                languages: m.languages.clone(),
                currency: m.currency.clone(),
                kickoff: m.kickoff,
                draft: m.draft,
                team: m.team.clone(),
                partners: m.partners.clone(),
                tasks: Vec::new(),
                actuals: Vec::new(),
                home: false,
                launched: m.launched,
                adjust: Default::default(),
                file,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown};
    use crate::model::Chapter;

    const METRICS: &str = "content/metrics/ops.yaml";

    #[test]
    fn a_draft_market_is_recorded_on_the_model() {
        let pb = super::super::testing::Input::new()
            .market("id: m1\nname: M1\nregion: eu\nkickoff: 2027-03-01\ndraft: true\n")
            .market("id: m2\nname: M2\nregion: eu\nkickoff: 2027-03-01\n")
            .resolve()
            .expect("resolves");
        let drafts: Vec<(&str, bool)> = pb
            .markets
            .iter()
            .filter(|m| m.id.starts_with("m"))
            .map(|m| (m.id.as_str(), m.draft))
            .collect();
        assert_eq!(drafts, [("m1", true), ("m2", false)]);
    }

    #[test]
    fn a_metric_group_of_an_unknown_framework_is_placed_at_the_key() {
        let e = Input::new()
            .file(
                METRICS,
                "group:\n  id: ops\n  title: Ops\n  framework: fx\nmetrics: []\n",
            )
            .errors();
        assert_eq!(e[0].message, "no framework with id `fx`");
        assert_eq!(e[0].place(), format!("{METRICS}:4:3"));
        assert_eq!(e[0].help.as_deref(), Some("did you mean `fw`?"));
    }

    #[test]
    fn a_duplicate_metric_id_in_one_file_points_at_each_entry() {
        let metric = |id: &str| {
            format!("  - id: {id}\n    name: N\n    target: {{op: \">=\", value: 1, unit: \"%\", text: t}}\n")
        };
        let text = format!(
            "group:\n  id: ops\n  title: Ops\nmetrics:\n{}{}",
            metric("uptime"),
            metric("uptime")
        );
        let e = Input::new().file(METRICS, &text).errors();
        assert_eq!(e[0].message, "duplicate metric id `uptime`");
        assert_eq!(e[0].place(), format!("{METRICS}:8:5"));
        assert_eq!(e[0].related_places(), [format!("{METRICS}:5:5")]);
    }

    #[test]
    fn chapters_are_read_in_the_order_of_their_number_with_ids_from_file_names() {
        let ch = |title: &str| format!("---\ntitle: {title}\nact: 1\n---\nText\n");
        let pb = Input::new()
            .file("content/story/10-later.md", &ch("Later"))
            .file("content/story/02-first.md", &ch("First"))
            .ok();
        let ids: Vec<(&str, u32)> = pb
            .chapters
            .iter()
            .map(|c| (c.id.as_str(), c.number))
            .collect();
        assert_eq!(ids, [("first", 2), ("later", 10)]);
        assert_eq!(
            pb.find::<Chapter>("later").unwrap(),
            crate::model::Idx::new(1)
        );
    }
}
