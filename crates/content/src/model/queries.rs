//! What the pipeline asks of a resolved [`Playbook`]: whether a task
//! applies to a market, an entity by id, its URL, title, file and page, and
//! its backlinks.

use super::*;

impl Playbook {
    /// The interface's words in this playbook's edition (English unless an
    /// edition set its own): for what Rust writes in words.
    pub fn words(&self) -> &crate::language::strings::UiStrings {
        self.edition
            .words
            .as_ref()
            .unwrap_or_else(|| crate::language::strings::english())
    }

    /// Does the playbook have company-wide work (a company program to
    /// report on)?
    pub fn has_company_work(&self) -> bool {
        self.tasks.iter().any(|t| t.scope == Scope::Company)
    }

    /// How many steps the phases `phases` hold (a framework's or a
    /// component's step count).
    pub fn step_count(&self, phases: &[Idx<Phase>]) -> usize {
        phases
            .iter()
            .flat_map(|&p| self.phases[p].blocks.iter())
            .map(|&b| self.blocks[b].steps.len())
            .sum()
    }

    /// The markets in the order readers look for them: by name ("Australia",
    /// "Brazil", …, case ignored; the id breaks a tie), not by the ISO code
    /// their files are named by. The sidebar, the markets index, the home
    /// page and previous/next follow it.
    pub fn markets_by_name(&self) -> Vec<Idx<Market>> {
        let mut v: Vec<Idx<Market>> = self.markets.indices().collect();
        v.sort_by_cached_key(|&m| (self.markets[m].name.to_lowercase(), &self.markets[m].id));
        v
    }

    /// Does task `t` apply to market `m`? Company-wide work applies to no
    /// market: it is on the company program's checklist.
    pub fn applies(&self, t: Idx<Task>, m: Idx<Market>) -> bool {
        let task = &self.tasks[t];
        if task.scope == Scope::Company {
            return false;
        }
        if task.rule.is_none() && task.market.is_none() {
            return true;
        }
        self.task_markets[t].binary_search(&m).is_ok()
    }

    /// A regulation's dated obligations (`deadlines:`), as (id, date), in
    /// the order written.
    pub fn deadlines(&self, regulation: Idx<Regulation>) -> Vec<(&str, jiff::civil::Date)> {
        self.regulations[regulation]
            .deadlines
            .iter()
            .map(|d| (d.id.as_str(), d.date))
            .collect()
    }

    /// A regulation's deadline by ids (a task's `deadline:
    /// <regulation-id>/<deadline-id>`): the regulation's index and the
    /// deadline's index in its `deadlines`.
    pub fn deadline(
        &self,
        regulation: &str,
        deadline: &str,
    ) -> Option<(Idx<Regulation>, Idx<Deadline>)> {
        let r = self
            .lookup(Kind::Regulation, regulation)?
            .get::<Regulation>()?;
        let d = self.regulations[r].deadline(deadline)?;
        Some((r, d))
    }

    /// The URL of a regulation's deadline: its entry in the regulation page's
    /// key dates.
    pub fn deadline_url(&self, regulation: Idx<Regulation>, deadline: Idx<Deadline>) -> String {
        let g = &self.regulations[regulation];
        format!(
            "{}#{}",
            self.url(regulation.into()),
            Deadline::anchor(&g.deadlines[deadline].id)
        )
    }

    /// Find an entity by kind and id.
    pub fn lookup(&self, kind: Kind, id: &str) -> Option<EntityRef> {
        self.index
            .get(&kind)
            .and_then(|m| m.get(id))
            .map(|&idx| EntityRef { kind, idx })
    }

    /// An entity of kind `T` by id.
    pub fn find<T: Entity>(&self, id: &str) -> Option<Idx<T>> {
        self.lookup(T::KIND, id)?.get()
    }

    /// The page that shows an entity: tasks live on their step's page.
    pub fn page_of(&self, r: EntityRef) -> EntityRef {
        match r.kind.info().shown_on {
            Some(on) => on(self, r.idx),
            None => r,
        }
    }

    /// The display title of an entity.
    pub fn title(&self, r: EntityRef) -> &str {
        (r.kind.info().entities.title)(self, r.idx)
    }

    /// The id of an entity.
    pub fn id(&self, r: EntityRef) -> &str {
        (r.kind.info().entities.id)(self, r.idx)
    }

    /// The source file an entity was read from.
    pub fn file_of(&self, r: EntityRef) -> Idx<SourceFile> {
        (r.kind.info().entities.file)(self, r.idx)
    }

    /// How many entities of `kind` the playbook has.
    pub fn count(&self, kind: Kind) -> usize {
        (kind.info().entities.count)(self)
    }

    /// Every entity of `kind`, sorted by title (case aside; then by id), as
    /// an index lists them (markets by name, not by code).
    pub fn by_title(&self, kind: Kind) -> Vec<EntityRef> {
        let mut v: Vec<EntityRef> = self.entities(kind).collect();
        v.sort_by_cached_key(|&r| (self.title(r).to_lowercase(), self.id(r)));
        v
    }

    /// Every entity of `kind`, in order.
    pub fn entities(&self, kind: Kind) -> impl Iterator<Item = EntityRef> {
        (0..self.count(kind)).map(move |idx| EntityRef { kind, idx })
    }

    /// Site-relative URL of an entity's page (no leading `/`; tasks get an anchor).
    pub fn url(&self, r: EntityRef) -> String {
        match r.kind.info().url {
            kinds::Url::Folder(folder) => format!("{folder}{}/", self.id(r)),
            kinds::Url::Nested(url) => url(self, r.idx),
        }
    }

    /// Pages that reference `r`, grouped by kind in display order.
    pub fn backlinks_of(&self, r: EntityRef) -> Vec<(Kind, Vec<EntityRef>)> {
        let Some(set) = self.backlinks.get(&r) else {
            return Vec::new();
        };
        let mut groups: Vec<(Kind, Vec<EntityRef>)> = Vec::new();
        for k in Kind::ALL {
            let v: Vec<EntityRef> = set.iter().copied().filter(|e| e.kind == k).collect();
            if !v.is_empty() {
                groups.push((k, v));
            }
        }
        groups
    }

    /// Total number of tasks in frameworks (excluding market-specific ones).
    pub fn framework_task_count(&self) -> usize {
        self.tasks.iter().filter(|t| t.market.is_none()).count()
    }
}

impl Regulation {
    /// The index of the deadline with this id, if it has one.
    pub fn deadline(&self, id: &str) -> Option<Idx<Deadline>> {
        self.deadlines.position(|d| d.id == id)
    }
}

impl Deadline {
    /// The deadline's anchor on its regulation's page (`deadline-<id>`).
    pub fn anchor(id: &str) -> String {
        format!("deadline-{id}")
    }
}
