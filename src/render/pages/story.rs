//! The home page, the story index and the chapters.
use super::*;

impl Builder<'_> {
    pub(super) fn home(&self) -> PageJob {
        let pb = self.pb;
        let mut base = self.page_base(
            Page {
                kind: PageKind::Home,
                idx: 0,
            },
            pb.config.book.title.clone(),
        );
        base.description = pb.config.book.description.clone();
        let mut ctx = self.ctx(base);
        let acts = acts(pb, &self.md);
        ctx.put("acts", acts);
        let fws: Vec<Value> = pb
            .frameworks
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let steps: usize = f.phases.iter().map(|&p| pb.phases[p].blocks.iter().map(|&b| pb.blocks[b].steps.len()).sum::<usize>()).sum();
                json!({"url": pb.url(er(Kind::Framework, i)), "title": f.title, "summary": self.md.inline(&f.summary, f.file),
                       "components": f.components.len(), "phases": f.phases.len(), "steps": steps})
            })
            .collect();
        ctx.put("frameworks", fws);
        ctx.put("markets", self.market_list());
        ctx.put("counts", json!({
            "steps": pb.steps.len(), "tasks": pb.framework_task_count(), "metrics": pb.metrics.len(),
            "markets": pb.markets.len(), "regulations": pb.regulations.len(), "chapters": pb.chapters.len(),
            "experts": pb.experts.len(), "research": pb.research.len()
        }));
        self.page_job(
            Page {
                kind: PageKind::Home,
                idx: 0,
            },
            ctx,
        )
    }

    pub(super) fn market_list(&self) -> Vec<Value> {
        let pb = self.pb;
        pb.markets
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let n = self.task_counts[i];
                json!({"url": pb.url(er(Kind::Market, i)), "id": m.id, "title": m.name, "region": m.region,
                       "kickoff": m.kickoff.to_string(), "tags": m.tags, "tasks": n,
                       "regulations": m.regulations.iter().map(|&r| link(pb, er(Kind::Regulation, r))).collect::<Vec<_>>()})
            })
            .collect()
    }

    pub(super) fn story_index(&self) -> PageJob {
        let mut base = self.page_base(
            Page {
                kind: PageKind::StoryIndex,
                idx: 0,
            },
            "The story",
        );
        base.description =
            "Maya Patel's journey, chapter by chapter, with the framework she puts to work.".into();
        let mut ctx = self.ctx(base);
        ctx.put("acts", acts(self.pb, &self.md));
        ctx.insert("learning", &self.story_learning());
        self.page_job(
            Page {
                kind: PageKind::StoryIndex,
                idx: 0,
            },
            ctx,
        )
    }

    pub(super) fn chapter(&self, i: usize) -> PageJob {
        let pb = self.pb;
        let c = &pb.chapters[i];
        let r = er(Kind::Chapter, i);
        let (body, toc) = self.md.shared_doc(&c.body, c.file);
        let mut base = self.page_base(
            Page {
                kind: PageKind::Chapter,
                idx: i,
            },
            c.title.clone(),
        );
        base.nav_pos = Some(i);
        base.crumbs = vec![self.crumb("story/", "Story")];
        base.file = Some(c.file);
        base.toc = toc;
        base.description = c
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        let prev = i.checked_sub(1).map(|j| link(pb, er(Kind::Chapter, j)));
        let next = (i + 1 < pb.chapters.len()).then(|| link(pb, er(Kind::Chapter, i + 1)));
        let mut ctx = base_context(pb, &self.nav, base, prev, next);
        // Everything the chapter references, in order of first mention.
        let mut rail: Vec<EntityRef> = c.applies.clone();
        for rf in crate::markdown::scan_refs(&c.body) {
            if let Some(k) = Kind::parse(&rf.kind) {
                if let Some(e) = pb.lookup(k, &rf.id) {
                    let e = pb.page_of(e);
                    if !rail.contains(&e) && e.kind != Kind::Chapter {
                        rail.push(e);
                    }
                }
            }
        }
        let rail: Vec<Value> = rail
            .into_iter()
            .filter(|e| e.kind != Kind::Chapter)
            .map(|e| json!({"kind": e.kind.name(), "url": pb.url(e), "title": pb.title(e)}))
            .collect();
        ctx.put("rail", rail);
        ctx.put("chapter", json!({"act": c.act, "act_title": c.act_title, "section": c.section, "section_title": c.section_title,
                                      "summary": self.md.opt_inline(&c.summary, c.file), "reading_minutes": reading_minutes(&c.body)}));
        let first_applied = c
            .applies
            .iter()
            .find(|e| e.kind != Kind::Chapter)
            .map(|&e| link(pb, e));
        ctx.insert("put_to_work", &first_applied);
        ctx.put("body", body);
        ctx.insert("level", &self.chapter_level(i));
        ctx.put("backlinks", backlinks(pb, r));
        self.page_job(
            Page {
                kind: PageKind::Chapter,
                idx: i,
            },
            ctx,
        )
    }
}

/// Minutes a reader takes for a chapter's Markdown: words at 230 a minute
/// (a common figure for business prose), rounded up, at least one.
pub(super) fn reading_minutes(markdown: &str) -> usize {
    let words = markdown
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    words.div_ceil(230).max(1)
}

pub(super) fn acts(pb: &Playbook, md: &Md<'_>) -> Vec<Value> {
    let mut acts: Vec<(u32, Option<String>, Vec<Value>)> = Vec::new();
    for (i, c) in pb.chapters.iter().enumerate() {
        let level = pb.learning.as_ref().and_then(|l| {
            l.level_of_chapter(i)
                .map(|li| l.levels[li].title.clone())
        });
        let item = json!({"url": pb.url(er(Kind::Chapter, i)), "title": c.title, "section": c.section, "section_title": c.section_title,
                          "summary": md.opt_inline(&c.summary, c.file), "reading_minutes": reading_minutes(&c.body), "level": level});
        match acts.iter_mut().find(|a| a.0 == c.act) {
            Some(a) => a.2.push(item),
            None => acts.push((c.act, c.act_title.clone(), vec![item])),
        }
    }
    acts.into_iter()
        .map(|(n, t, v)| json!({"number": n, "title": t, "chapters": v}))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::reading_minutes;

    #[test]
    fn reading_time_counts_words_not_markup() {
        assert_eq!(reading_minutes(""), 1);
        assert_eq!(reading_minutes(&"word ".repeat(230)), 1);
        assert_eq!(reading_minutes(&"word ".repeat(231)), 2);
        assert_eq!(
            reading_minutes(&"word — | --- ## ".repeat(460)),
            2,
            "punctuation is not a word"
        );
    }
}
