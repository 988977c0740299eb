//! The company work a market's checklist waits for (a phase's `after:`),
//! dated in the company program, with its state from the company's
//! recorded progress.

use super::*;

/// A company phase or step a market's checklist waits for, dated in the
/// company program.
#[derive(Debug, Clone, Serialize)]
pub struct Prerequisite<'a> {
    /// `phase` or `step`.
    pub kind: &'static str,
    /// Its id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its framework's title.
    pub framework: &'a str,
    /// Site-relative URL of its page (a phase: its framework's page).
    pub url: String,
    /// First day in the company program.
    pub start: Date,
    /// Due date in the company program; none for ongoing work.
    pub due: Option<Date>,
    /// Whether it is done, from `content/progress/company.yaml`: "done",
    /// "3 of 10 done", or "not started".
    pub state: String,
    /// Titles of this checklist's phases that wait for it.
    pub needed_by: Vec<&'a str>,
}

/// The company phases and steps a market's checklist waits for: the
/// `after:` lists of the phases its rows are in, in the frameworks' order
/// (whatever order the rows are in), each dated in the company program.
/// Empty for the company's own.
pub fn prerequisites<'a>(pb: &'a Playbook, list: &Checklist<'_>) -> Vec<Prerequisite<'a>> {
    if list.prog == Program::Company {
        return Vec::new();
    }
    let rows = &list.rows;
    let mut phases: Vec<Idx<Phase>> = rows.iter().map(|r| r.phase_idx).collect();
    phases.sort_unstable();
    phases.dedup();
    prerequisites_of(pb, phases)
}

/// How far the company has got with the tasks of `steps`, from its
/// recorded progress: "done", "3 of 10 done" or "not started".
fn company_state(pb: &Playbook, steps: impl Iterator<Item = Idx<Step>>) -> String {
    let tasks: Vec<Idx<Task>> = steps
        .flat_map(|s| {
            pb.steps[s]
                .activities
                .iter()
                .flat_map(|a| a.tasks.iter().copied())
        })
        .collect();
    let done = tasks
        .iter()
        .filter(|t| pb.company_progress.done.contains_key(t))
        .count();
    let w = pb.words();
    match done {
        0 => w.get("ck-prereq-not-started", &[]),
        d if d == tasks.len() => w.get("ck-prereq-done", &[]),
        d => w.get(
            "ck-prereq-partly",
            &[("done", d.into()), ("total", tasks.len().into())],
        ),
    }
}

/// [`prerequisites`] of the phases a checklist has rows in, in order.
pub fn prerequisites_of<'a>(
    pb: &'a Playbook,
    phases: impl IntoIterator<Item = Idx<Phase>>,
) -> Vec<Prerequisite<'a>> {
    let kickoff = company_kickoff(pb);
    let mut out: Vec<(Prereq, Prerequisite<'a>)> = Vec::new();
    for pi in phases {
        let phase = &pb.phases[pi];
        for &p in &phase.after {
            if let Some((_, have)) = out.iter_mut().find(|(q, _)| *q == p) {
                if !have.needed_by.contains(&phase.title.as_str()) {
                    have.needed_by.push(&phase.title);
                }
                continue;
            }
            let item = match p {
                Prereq::Phase(x) => {
                    let ph = &pb.phases[x];
                    let w = phase_window(kickoff, ph.window);
                    Prerequisite {
                        kind: "phase",
                        id: &ph.id,
                        title: &ph.title,
                        framework: &pb.frameworks[ph.framework].title,
                        url: pb.url(ph.framework.into()),
                        start: w.start,
                        due: w.end,
                        state: company_state(
                            pb,
                            ph.blocks
                                .iter()
                                .flat_map(|&b| pb.blocks[b].steps.iter().copied()),
                        ),
                        needed_by: vec![&phase.title],
                    }
                }
                Prereq::Step(x) => {
                    let st = &pb.steps[x];
                    let w = program_step_window(pb, x, kickoff);
                    Prerequisite {
                        kind: "step",
                        id: &st.id,
                        title: &st.title,
                        framework: &pb.frameworks[st.framework].title,
                        url: pb.url(x.into()),
                        start: w.start,
                        due: w.end,
                        state: company_state(pb, std::iter::once(x)),
                        needed_by: vec![&phase.title],
                    }
                }
            };
            out.push((p, item));
        }
    }
    out.into_iter().map(|(_, p)| p).collect()
}
