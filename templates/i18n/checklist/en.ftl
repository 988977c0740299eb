# The words of a launch checklist in every format (Markdown, CSV, HTML,
# PDF, calendar), in English: built in; a playbook overrides any of them in
# its templates/i18n/en.ftl.

ck-title = Launch checklist: { $market } ({ $id })
ck-generated-from = generated from { $book }
ck-kickoff = Kickoff: { $kickoff }
ck-task-count = { $count ->
    [one] { $count } task
   *[other] { $count } tasks
}
ck-last-due = last due { $end } ({ $days } days; critical path: { $count ->
    [one] { $count } task
   *[other] { $count } tasks
})
ck-in-date-order = in date order
ck-in-plan-order = in plan order
ck-ongoing = Ongoing
ck-due = due { $date }
ck-start-due = { $start } → due { $date }
ck-from-ongoing = from { $start } (ongoing)
ck-ongoing-from = Ongoing from { $start }
ck-critical-path = critical path
ck-waits-for = waits for
ck-applies-because = applies because
ck-also = also
ck-done = done { $date }
ck-done-by = by { $who }
ck-note-for = Note for { $market }
ck-not-applicable = Not applicable here
# The activity of a task a market added itself (it belongs to no activity of the step).
ck-market-specific = Market-specific
ck-entry-left-out = { $count ->
    [one] { $count } market-entry task left out: { $market } is the home market.
   *[other] { $count } market-entry tasks left out: { $market } is the home market.
}
ck-company-prerequisites = Company prerequisites
ck-company-prerequisites-lead = Done once for the company ({ $name }, kickoff { $kickoff }); this market's phases wait for them.
ck-state = state
ck-needed-by = needed by
ck-no-owner = no owner
ck-yes = yes
ck-no = no
ck-not-applicable-cell = not applicable
ck-csv-header = market,task_id,framework,component,phase,phase_window,step,activity,task,owner,owner_role,start,due,duration,critical_path,waits_for,market_note,applies_because,also,done,done_by,done_note
cal-launch = { $market } launch
cal-checklist = { $what } checklist
ck-sheet-title = Launch checklist: { $market }
ck-kickoff-on = kickoff { $date }
ck-lead = lead { $name }
ck-company-work = Company work
ck-state-head = State
ck-due-head = Due
ck-ongoing-lower = ongoing
ck-task-head = Task
ck-owner-head = Owner
ck-dates-head = Dates
ck-signed-off-by = Signed off by
ck-date-head = Date
dur-days = { $count ->
    [one] { $count } working day
   *[other] { $count } working days
}
dur-weeks = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
}
dur-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}

## How far the company has got with a prerequisite.
ck-prereq-done = done
ck-prereq-not-started = not started
ck-prereq-partly = { $done } of { $total } done
# A checklist page's description (its <meta name="description">).
ck-meta-description = { $title }: { $count ->
    [one] { $count } task
   *[other] { $count } tasks
} from kickoff { $kickoff }
