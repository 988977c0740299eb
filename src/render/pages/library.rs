//! The reference pages: regulations, experts and research, with their indexes.
use super::*;

impl Builder<'_> {
    pub(super) fn regulations_index(&self) -> PageJob {
        let pb = self.pb;
        let regs: Vec<Value> = pb.regulations.iter().enumerate().map(|(i, g)| {
            let markets: Vec<LinkCtx> = pb.markets.iter().enumerate().filter(|(_, m)| m.regulations.contains(&i)).map(|(k, _)| link(pb, er(Kind::Market, k))).collect();
            json!({"url": pb.url(er(Kind::Regulation, i)), "title": g.name, "official_name": g.official_name, "jurisdiction": g.jurisdiction, "markets": markets})
        }).collect();
        let mut ctx = self.ctx(self.page_base(
            Page {
                kind: PageKind::RegulationsIndex,
                idx: 0,
            },
            "Regulations",
        ));
        ctx.put("regulations", regs);
        self.page_job(
            Page {
                kind: PageKind::RegulationsIndex,
                idx: 0,
            },
            ctx,
        )
    }

    pub(super) fn regulation(&self, i: usize) -> PageJob {
        let pb = self.pb;
        let g = &pb.regulations[i];
        let r = er(Kind::Regulation, i);
        let mut base = self.page_base(
            Page {
                kind: PageKind::Regulation,
                idx: i,
            },
            g.name.clone(),
        );
        base.nav_pos = Some(i);
        base.crumbs = vec![self.crumb("regulations/", "Regulations")];
        base.file = Some(g.file);
        base.description = plain(pb, &g.summary);
        base.toc = g
            .obligations
            .iter()
            .map(|o| crate::markdown::Heading {
                level: 3,
                id: format!("obligation-{}", crate::markdown::slugify(&o.topic)),
                text: o.topic.clone(),
            })
            .collect();
        let mut ctx = self.ctx(base);
        let markets: Vec<LinkCtx> = pb
            .markets
            .iter()
            .enumerate()
            .filter(|(_, m)| m.regulations.contains(&i))
            .map(|(k, _)| link(pb, er(Kind::Market, k)))
            .collect();
        let tasks: Vec<Value> = pb.tasks.iter().enumerate().filter(|(_, t)| t.rule.as_ref().is_some_and(|r| r.regulations.contains(&g.id))).map(|(ti, t)| json!({"title": t.title, "url": pb.url(er(Kind::Task, ti)), "step": pb.steps[t.step].title})).collect();
        ctx.put("regulation", json!({"official_name": g.official_name, "jurisdiction": g.jurisdiction, "in_force": g.in_force, "link": g.link, "reviewed": g.reviewed.map(|d| d.to_string()),
                                         "summary": self.md.block(&g.summary, g.file),
                                         "obligations": g.obligations.iter().map(|o| json!({"topic": o.topic, "id": format!("obligation-{}", crate::markdown::slugify(&o.topic)), "text": self.md.block(&o.text, g.file)})).collect::<Vec<_>>(),
                                         "markets": markets, "tasks": tasks}));
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.page_job(
            Page {
                kind: PageKind::Regulation,
                idx: i,
            },
            ctx,
        )
    }

    pub(super) fn experts_index(&self) -> PageJob {
        let pb = self.pb;
        let xs: Vec<Value> = pb.experts.iter().enumerate().map(|(i, x)| json!({"url": pb.url(er(Kind::Expert, i)), "title": x.name, "role": x.role, "composite": x.composite, "category": x.category, "insight": self.md.opt_inline(&x.insight, x.file)})).collect();
        let mut ctx = self.ctx(self.page_base(
            Page {
                kind: PageKind::ExpertsIndex,
                idx: 0,
            },
            "Experts",
        ));
        ctx.put("experts", xs);
        self.page_job(
            Page {
                kind: PageKind::ExpertsIndex,
                idx: 0,
            },
            ctx,
        )
    }

    pub(super) fn expert(&self, i: usize) -> PageJob {
        let pb = self.pb;
        let x = &pb.experts[i];
        let r = er(Kind::Expert, i);
        let mut base = self.page_base(
            Page {
                kind: PageKind::Expert,
                idx: i,
            },
            x.name.clone(),
        );
        base.nav_pos = Some(i);
        base.crumbs = vec![self.crumb("experts/", "Experts")];
        base.file = Some(x.file);
        base.description = format!("{} — {}", x.name, x.role);
        let mut ctx = self.ctx(base);
        ctx.put("expert", json!({"role": x.role, "composite": x.composite, "category": x.category,
                                     "background": self.md.opt(&x.background, x.file), "insight": self.md.opt(&x.insight, x.file),
                                     "quotes": x.quotes,
                                     "perspectives": x.perspectives.iter().map(|(t, b)| json!({"title": t, "text": self.md.block(b, x.file)})).collect::<Vec<_>>(),
                                     "advice": x.advice.iter().map(|(t, s)| json!({"text": self.md.block(t, x.file), "steps": s.iter().map(|&s| link(pb, er(Kind::Step, s))).collect::<Vec<_>>()})).collect::<Vec<_>>()}));
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.page_job(
            Page {
                kind: PageKind::Expert,
                idx: i,
            },
            ctx,
        )
    }

    pub(super) fn research_index(&self) -> PageJob {
        let pb = self.pb;
        let mut cats: Vec<(String, Vec<Value>)> = Vec::new();
        for (i, x) in pb.research.iter().enumerate() {
            let cat = x.category.clone().unwrap_or_else(|| "Research".into());
            let item = json!({"url": pb.url(er(Kind::Research, i)), "title": x.title, "summary": self.md.opt_inline(&x.summary, x.file)});
            match cats.iter_mut().find(|(c, _)| *c == cat) {
                Some((_, v)) => v.push(item),
                None => cats.push((cat, vec![item])),
            }
        }
        let cats: Vec<Value> = cats
            .into_iter()
            .map(|(c, v)| json!({"title": c, "items": v}))
            .collect();
        let mut ctx = self.ctx(self.page_base(
            Page {
                kind: PageKind::ResearchIndex,
                idx: 0,
            },
            "Research and toolkit",
        ));
        ctx.put("categories", cats);
        self.page_job(
            Page {
                kind: PageKind::ResearchIndex,
                idx: 0,
            },
            ctx,
        )
    }

    pub(super) fn research(&self, i: usize) -> PageJob {
        let pb = self.pb;
        let x = &pb.research[i];
        let r = er(Kind::Research, i);
        let (body, toc) = self.md.doc(&x.body, x.file);
        let mut base = self.page_base(
            Page {
                kind: PageKind::Research,
                idx: i,
            },
            x.title.clone(),
        );
        base.nav_pos = Some(i);
        base.crumbs = vec![self.crumb("research/", "Research")];
        base.file = Some(x.file);
        base.toc = toc;
        base.description = x
            .summary
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        let mut ctx = self.ctx(base);
        ctx.put("research", json!({"category": x.category, "summary": self.md.opt(&x.summary, x.file), "results": x.results,
                                       "supports": x.supports.iter().map(|&e| json!({"kind": e.kind.name(), "url": pb.url(e), "title": pb.title(e)})).collect::<Vec<_>>()}));
        ctx.put("body", body);
        ctx.insert("in_story", &in_story(pb, r));
        ctx.insert("backlinks", &backlinks(pb, r));
        self.page_job(
            Page {
                kind: PageKind::Research,
                idx: i,
            },
            ctx,
        )
    }
}
