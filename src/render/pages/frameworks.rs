//! The frameworks index, frameworks, components and steps.
use super::*;

impl Builder<'_> {
    pub(super) fn frameworks_index(&self) -> PageJob {
        let pb = self.pb;
        let ctx_fw: Vec<Value> = pb
            .frameworks
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let comps: Vec<LinkCtx> = f.components.iter().map(|&c| link(pb, er(Kind::Component, c))).collect();
                let phases: Vec<Value> = f.phases.iter().filter(|&&p| pb.phases[p].component.is_none()).map(|&p| json!({"title": pb.phases[p].title, "window": pb.phases[p].window.label()})).collect();
                json!({"url": pb.url(er(Kind::Framework, i)), "title": f.title, "summary": self.md.inline(&f.summary, f.file), "components": comps, "phases": phases})
            })
            .collect();
        let mut ctx = self.ctx(self.page_base(
            Page {
                kind: PageKind::FrameworksIndex,
                idx: 0,
            },
            "Frameworks",
        ));
        ctx.put("frameworks", ctx_fw);
        self.page_job(
            Page {
                kind: PageKind::FrameworksIndex,
                idx: 0,
            },
            ctx,
        )
    }

    pub(super) fn framework(&self, fi: usize) -> PageJob {
        let pb = self.pb;
        let f = &pb.frameworks[fi];
        let r = er(Kind::Framework, fi);
        let (body, toc) = f
            .body
            .as_deref()
            .map(|b| self.md.doc(b, f.file))
            .unwrap_or_default();
        let mut base = self.page_base(
            Page {
                kind: PageKind::Framework,
                idx: fi,
            },
            f.title.clone(),
        );
        base.crumbs = vec![self.crumb("frameworks/", "Frameworks")];
        base.file = Some(f.file);
        base.toc = toc;
        base.description = plain(pb, &f.summary);
        let mut ctx = self.ctx(base);
        ctx.put("summary", self.md.shared_block(&f.summary, f.file));
        ctx.put("body", body);
        ctx.insert("source", &f.source);
        let comps: Vec<Value> = f
            .components
            .iter()
            .map(|&c| {
                let comp = &pb.components[c];
                let steps: usize = comp.phases.iter().map(|&p| pb.phases[p].blocks.iter().map(|&b| pb.blocks[b].steps.len()).sum::<usize>()).sum();
                json!({"url": pb.url(er(Kind::Component, c)), "title": comp.title, "number": comp.number, "subtitle": comp.subtitle,
                       "summary": self.md.inline(&comp.summary, comp.file), "steps": steps,
                       "phases": comp.phases.iter().map(|&p| json!({"title": pb.phases[p].title, "window": pb.phases[p].window.label()})).collect::<Vec<_>>()})
            })
            .collect();
        ctx.put("components", comps);
        let direct: Vec<usize> = f
            .phases
            .iter()
            .copied()
            .filter(|&p| pb.phases[p].component.is_none())
            .collect();
        ctx.put(
            "phases",
            direct
                .iter()
                .map(|&p| self.phase_ctx(p))
                .collect::<Vec<_>>(),
        );
        ctx.put(
            "timeline",
            if direct.is_empty() {
                String::new()
            } else {
                self.phases_timeline(&format!("Timeline of {}", f.title), &direct)
            },
        );
        let risks: Vec<Value> = f
            .risks
            .iter()
            .map(|rk| json!({"id": rk.id, "title": rk.title, "description": self.md.block(&rk.description, f.file),
                             "mitigation_title": rk.mitigation_title, "mitigation": self.md.block(&rk.mitigation, f.file),
                             "threatens": rk.threatens.iter().map(|&s| link(pb, er(Kind::Step, s))).collect::<Vec<_>>()}))
            .collect();
        ctx.put("risks", risks);
        let groups: Vec<Value> = pb
            .metric_groups
            .iter()
            .filter(|g| g.framework == Some(fi))
            .map(|g| json!({"title": g.title, "metrics": self.metric_rows(&g.metrics)}))
            .collect();
        ctx.put("metric_groups", groups);
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.page_job(
            Page {
                kind: PageKind::Framework,
                idx: fi,
            },
            ctx,
        )
    }

    pub(super) fn component(&self, ci: usize) -> PageJob {
        let pb = self.pb;
        let c = &pb.components[ci];
        let r = er(Kind::Component, ci);
        let f = &pb.frameworks[c.framework];
        let (body, toc) = c
            .body
            .as_deref()
            .map(|b| self.md.doc(b, c.file))
            .unwrap_or_default();
        let mut base = self.page_base(
            Page {
                kind: PageKind::Component,
                idx: ci,
            },
            c.title.clone(),
        );
        base.crumbs = vec![
            self.crumb("frameworks/", "Frameworks"),
            link(pb, er(Kind::Framework, c.framework)),
        ];
        base.file = Some(c.file);
        base.toc = toc;
        base.description = plain(pb, &c.summary);
        let mut ctx = self.ctx(base);
        ctx.put(
            "component",
            json!({"number": c.number, "subtitle": c.subtitle, "framework": f.title}),
        );
        ctx.put("summary", self.md.block(&c.summary, c.file));
        ctx.put("body", body);
        ctx.put(
            "phases",
            c.phases
                .iter()
                .map(|&p| self.phase_ctx(p))
                .collect::<Vec<_>>(),
        );
        ctx.put(
            "timeline",
            self.phases_timeline(
                &format!("Phases of {} on a week timeline", c.title),
                &c.phases,
            ),
        );
        let ms = self.lk.metrics_of.get(&r).cloned().unwrap_or_default();
        ctx.put("metrics", self.metric_rows(&ms));
        ctx.insert("in_story", &in_story(pb, r));
        ctx.put("backlinks", backlinks(pb, r));
        self.page_job(
            Page {
                kind: PageKind::Component,
                idx: ci,
            },
            ctx,
        )
    }

    pub(super) fn step(&self, si: usize) -> PageJob {
        let pb = self.pb;
        let s = &pb.steps[si];
        let r = er(Kind::Step, si);
        let ph = &pb.phases[s.phase];
        let blk = &pb.blocks[s.block];
        let mut base = self.page_base(
            Page {
                kind: PageKind::Step,
                idx: si,
            },
            s.title.clone(),
        );
        base.nav_pos = Some(si);
        base.crumbs = vec![
            self.crumb("frameworks/", "Frameworks"),
            link(pb, er(Kind::Framework, s.framework)),
        ];
        if let Some(c) = s.component {
            base.crumbs.push(link(pb, er(Kind::Component, c)));
        }
        base.file = Some(s.file);
        base.description = s
            .guidance
            .as_deref()
            .map(|t| plain(pb, t))
            .unwrap_or_default();
        base.toc = s
            .activities
            .iter()
            .map(|a| crate::markdown::Heading {
                level: 2,
                id: format!("activity-{}", a.id),
                text: a.title.clone(),
            })
            .collect();
        let mut ctx = self.ctx(base);
        let when = if blk.implicit || blk.title.is_empty() {
            ph.window.label()
        } else {
            match blk.weeks {
                Some((a, b)) => format!("{}, weeks {a}–{b}: {}", ph.window.label(), blk.title),
                None => format!("{}: {}", ph.window.label(), blk.title),
            }
        };
        ctx.put(
            "step",
            json!({"number": s.number, "label": step_label(pb, si), "phase": ph.title, "when": when,
                                   "guidance": self.md.shared_opt(&s.guidance, s.file)}),
        );
        let acts: Vec<Value> = s
            .activities
            .iter()
            .map(|a| {
                json!({"id": a.id, "title": a.title, "summary": self.md.opt(&a.summary, s.file),
                            "tasks": a.tasks.iter().map(|&t| self.task_ctx(t)).collect::<Vec<_>>()})
            })
            .collect();
        ctx.put("activities", acts);
        let mtasks: Vec<Value> = s
            .market_tasks
            .iter()
            .filter_map(|&t| {
                let task = &pb.tasks[t];
                let Some(m) = task.market else {
                    self.broken(format!(
                        "market task {} of step {} has no market",
                        task.id, s.id
                    ));
                    return None;
                };
                let mut v = self.task_ctx(t);
                v["market"] = json!(link(pb, er(Kind::Market, m)));
                Some(v)
            })
            .collect();
        ctx.put("market_tasks", mtasks);
        let mut ms = self.lk.metrics_of.get(&r).cloned().unwrap_or_default();
        if let Some(c) = s.component {
            for m in self
                .lk
                .metrics_of
                .get(&er(Kind::Component, c))
                .cloned()
                .unwrap_or_default()
            {
                if !ms.contains(&m) {
                    ms.push(m);
                }
            }
        }
        ctx.put("metrics", self.metric_rows(&ms));
        ctx.insert("in_story", &in_story(pb, r));
        let advice: Vec<Value> = self.lk.advice_of[si]
            .iter()
            .map(|&(e, a)| {
                let x = &pb.experts[e];
                json!({"expert": link(pb, er(Kind::Expert, e)), "role": x.role, "text": self.md.block(&x.advice[a].0, x.file)})
            })
            .collect();
        ctx.put("advice", advice);
        let risks: Vec<Value> = self.lk.risks_of[si]
            .iter()
            .map(|&(f, k)| {
                let rk = &pb.frameworks[f].risks[k];
                json!({"title": rk.title, "mitigation_title": rk.mitigation_title,
                       "mitigation": self.md.inline(&rk.mitigation, pb.frameworks[f].file),
                       "url": format!("{}#risk-{}", pb.url(er(Kind::Framework, f)), rk.id)})
            })
            .collect();
        ctx.put("risks", risks);
        ctx.put("backlinks", backlinks(pb, r));
        self.page_job(
            Page {
                kind: PageKind::Step,
                idx: si,
            },
            ctx,
        )
    }
}
