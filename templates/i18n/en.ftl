# The interface's words in English (built in; a playbook overrides any of
# them in its own templates/i18n/en.ftl). Templates write {{ t(key="…") }}.

skip-to-content = Skip to content
menu = Menu
search-label = Search the playbook
search-placeholder = Search  ( / )
toggle-dark-mode = Toggle dark mode
home = Home
breadcrumbs = Breadcrumbs
printable-edition = Printable edition
on-this-page = On this page
previous = Previous
next = Next
languages = Languages
translation-partly = Parts of this page are not yet translated; they are shown in English.
translation-missing = This page is not yet translated; it is shown in English.
translation-stale = The English page changed after this translation ({ $translated }){ $changed ->
    [none] .
   *[other] ; it last changed on { $changed }.
}
tasks-count = { $count ->
    [one] one task
   *[other] { $count } tasks
}

## Shared words

search-button = Search
section-frameworks = Frameworks
section-markets = Markets
section-story = The story
section-learning-path = The learning path
section-success-metrics = Success metrics
launch-status = Launch status
site-search = Site
sidebar = Playbook
search-results = Search results
prev-next = Previous and next
edit-page = Edit this page
last-changed = Last changed
footer-version = version { $version }
footer-built-with = built with Playbook
footer-built-on = on
show-or-hide-pages = { $section }: show or hide pages
kickoff-on = kickoff { $date }
ongoing = ongoing
met = ✓ met
missed = ✗ missed
unconfirmed = unconfirmed
not-confirmed = Not confirmed against an official source
source-colon = Source:
more = More
points = { $count ->
    [one] { $count } point
   *[other] { $count } points
}
of-total = { $part } of { $total }

## The 404 page

nf-lead = There is no page at this address. It may have moved when the playbook was reorganised.
nf-search-label = Search for the page you were looking for
nf-or-browse = Or start from
launched-on = launched { $date }
act = Act { $number }
act-titled = Act { $number }: { $title }
continue-reading = Continue reading:
count-steps = { $count ->
    [one] { $count } step
   *[other] { $count } steps
}
count-tasks = { $count ->
    [one] { $count } task
   *[other] { $count } tasks
}
count-metrics = { $count ->
    [one] { $count } metric
   *[other] { $count } metrics
}
count-markets = { $count ->
    [one] { $count } market
   *[other] { $count } markets
}
count-regulations = { $count ->
    [one] { $count } regulation
   *[other] { $count } regulations
}
count-chapters = { $count ->
    [one] { $count } story chapter
   *[other] { $count } story chapters
}
count-components = { $count ->
    [one] { $count } component
   *[other] { $count } components
}
count-phases = { $count ->
    [one] { $count } phase
   *[other] { $count } phases
}
count-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
count-levels = { $count ->
    [one] { $count } level
   *[other] { $count } levels
}

## The home page

home-launches = Where the launches stand
home-launched-planned = { $launched } launched, { $planned } planned
home-start = Start here
home-card-story = Read the story
home-card-story-text = Maya Patel scales AI operations from 100 customers to global, one framework step at a time.
home-card-frameworks = Use the frameworks
home-card-frameworks-text = Phases, steps and tasks with owners, targets and the markets they apply to.
home-card-markets = Launch a market
home-card-markets-text = Each market's checklist: only its tasks, with due dates from its kickoff.
n-task-checklist = { $count }-task checklist

## The story and its chapters

story-lead = Maya Patel's journey from overwhelmed operations manager to operations-excellence leader. Each chapter puts part of the playbook to work; follow the links to the steps and metrics she uses.
able-to-do = What you will be able to do
skills-it-builds = Skills it builds
moved-here-from = (moved here from the { $level })
level-self-assessment = { $level } self-assessment
story-assessment-link = { $title }: every level's questions, one score →
story-portfolio-link = { $title }: templates to copy →
story-learning-link = The whole learning path: levels, objectives and skills, assessments →
section-number = Section { $number }
min-read = { $count } min read
read-mark = Read
take-self-assessment = Take the { $level } self-assessment
in-this-chapter = In this chapter
framework-in-chapter = Framework in this chapter
rail-framework = Frameworks
rail-component = Components
rail-step = Steps
rail-metric = Metrics
rail-market = Markets
rail-regulation = Regulations
rail-expert = Experts
rail-research = Research
put-to-work = Put it to work: { $title } →

## Frameworks, components, steps

framework = Framework
phases = Phases
framework-timeline-caption = Phases and week blocks by month after kickoff.
phase-titled = Phase { $number }: { $title }
risks-and-mitigations = Implementation risks and mitigations
mitigation-titled = Mitigation: { $title }
threatens = Threatens:
component-number = Component { $number }
timeline = Timeline
component-timeline-caption = Phases by week after a market's kickoff.
step-number = Step { $number }
owner = Owner
all-markets = All markets
applies-where = Applies where { $rule }:
no-market-yet = no market yet
market-specific-tasks = Market-specific tasks
expert-advice = Expert advice
risks-to-watch = Risks to watch
mitigation-lower = mitigation: { $title }.
referenced-by = Referenced by
in-the-story = In the story
ongoing-block = Ongoing:

## Table headers

col-metric = Metric
col-target = Target
col-market = Market
col-region = Region
col-kickoff = Kickoff
col-regulations = Regulations
col-tags = Tags
col-checklist = Checklist

## Markets

markets-lead = Each market's checklist holds only the tasks that apply to it, with due dates from its kickoff.
markets-status-text = <a href="{ $url }">Launch status</a>: where every launch stands today, with overdue tasks and the next ones due.
markets-company = Work done once for the company (platforms, pipelines, practices every market then uses) is on the <a href="{ $url }">{ $name } checklist</a>, dated from its kickoff { $date }; each market's checklist opens with the company work it waits for.
named-checklist = { $name } checklist
open-launch-checklist = Open the launch checklist ({ $count ->
    [one] { $count } task
   *[other] { $count } tasks
})
where-every-launch-stands = Where every launch stands
profile = Profile
launch = Launch
launched-on-cap = Launched { $date }
home-market = Home market
planned = Planned
last-task-due = : last task due { $date }
market-languages = Languages
currency = Currency
team = Team
col-role = Role
col-person = Person
local-partners = Local partners
launch-timeline = Launch timeline
market-timeline-caption = The schedule from kickoff { $date }: each phase and step from its first start to its last due date.
market-critical-caption = The <span class="crit-key">critical path</span> ({ $count ->
    [one] { $count } task
   *[other] { $count } tasks
}) decides the last due date, { $date }: a day late there is a day late at the end.
col-phase = Phase
col-starts = Starts
col-due = Due
col-tasks-here = Tasks here
col-critical-path = Critical path
yes = yes
scorecard = Scorecard
targets-met = { $met } of { $count } measured targets met.
col-actual = Actual
col-result = Result
col-note = Note
no-actuals-yet = No actual values reported yet.
why-checklist-differs = Why this checklist differs
tasks-apply-because = { $count ->
    [one] { $count } task applies
   *[other] { $count } tasks apply
} because of { $reason }
own-tasks = Tasks only this market has
in-step = in <a href="{ $url }">{ $title }</a>

## Metrics

metrics-lead = Every metric has a typed target, so each market's actual value is judged met or missed.
col-markets-meeting = Markets meeting it
not-measured-yet = not measured yet
per-period = per { $period }
measures = Measures:
by-market = By market
metric-chart-caption = Actual values by market; the line marks the target.
col-as-of = As of
no-market-reports = No market reports this metric yet.

## Regulations

col-regulation = Regulation
col-markets = Markets
col-jurisdiction = Jurisdiction
in-force = In force
checked = checked
last-reviewed = Last reviewed
official-text = Official text
none-of-our-markets = none of our markets
key-dates = Key dates
col-date = Date
col-what = What
col-source = Source
obligations = What it asks of operations
watch = Watch
watch-lead = Changes pending as of the last review.
source-lower = source:
tasks-it-triggers = Tasks it triggers
in-named-step = in { $step }
sources = Sources
regulations-lead = The laws our markets operate under, and what each asks of operations.
none = none

## Experts and research

expert = Expert
composite-title = A composite, not a real person
composite-text = { $name } is a hypothetical composite of several practitioners' views. The name and quotes are illustrative and are not statements by any real person or company.
strategic-perspectives = Strategic perspectives
actionable-advice = Actionable advice
put-to-work-in = Put it to work in:
experts-lead = These experts are <strong>composites</strong>: each combines the views of several practitioners. They are not real people, and their words are not statements by any company.
research = Research
results = Results
supports = Supports:

## Search

search-page = Search page
search-page-label = Search for steps, tasks, metrics, markets, regulations, people and story chapters
show-more-results = Show more results
search-needs-js = Search needs JavaScript. Browse the <a href="{ $root }frameworks/">frameworks</a>, <a href="{ $root }markets/">markets</a> or <a href="{ $root }story/">story</a> instead.

## Launch status

status-lead = Where each market's launch stands <span class="status-day">according to its checklist</span>: tasks recorded as done in <code>content/progress/</code>, tasks overdue and the next ones due.
status-rules = Launched: the market is live (for the company program, its work is in place); work due by that day that nobody recorded counts as closed, and its later work is listed without making the launch late. Late: a task is past its due date and not recorded as done. At risk: nothing is late, but tasks due within { $days } days are not done yet. Not started: before the kickoff. Ticks kept only in a browser do not count: record them with <code>playbook progress</code>.
col-done = Done
col-open-due = Open tasks due
col-overdue = Overdue
col-next-due = Next due
col-state = State
status-needs-js = Overdue tasks and each launch's state depend on today's date: they need JavaScript here, or run <code>playbook status</code> in the playbook's folder.
open-tasks-by-month = Open tasks by month
heat-caption = Open tasks due each month, by market: the darker, the more. Months before this one are marked; the table above gives the same facts in words.

## The printable edition and the learning path

contents = Contents
score-sheet = Score sheet: fill in the points you ticked
col-part = Part
col-weight = Weight
col-points-ticked = Points ticked
col-score = Score
col-questions = Questions
col-points = Points
total = Total
percent-of-score = { $weight }% of the score
it-validates = It validates: { $list }.
it-tests = It tests: { $list }.
level-question = { $level }, question { $number }
question-number = Question { $number }
print-market-line = kickoff { $date }, { $count ->
    [one] { $count } checklist task
   *[other] { $count } checklist tasks
}
taught-in = taught in
# Between the last two items of a list: "A, B and C".
list-and = and
moved-here-from-long = Moved here from the <a href="{ $url }">{ $level }</a>, where the source list puts it.
moved-away-lead = <strong>Moved to another level.</strong> The source list also puts these under this level; the path follows the chapters that teach them:
skill = skill
objective = objective
from-chapter = from <a href="{ $url }">{ $title }</a>
your-answer = Your answer
to-question = to question { $number }
to-level-question = to { $level } question { $number }
rubric-for-question = Rubric for question { $number }: tick each line your answer meets
rubric-for-level-question = Rubric for { $level } question { $number }: tick each line your answer meets
worked-answer = Worked answer
back-to-question = Back to question { $number }
# After a blank or a score box: "___ of 12".
out-of = of { $total }
story = Story
learning-path = Learning path
its-parts = { $title }: its parts
take-the = Take the { $title }
portfolio-lead = Templates to copy into your own documents, with the story's figures as examples:
questions-on = { $count ->
    [one] { $count } question on
   *[other] { $count } questions on
}
assessment-lead-end = . Write your answer to each, then tick the rubric lines it meets; the worked answers are at the end of the page.
assessment-relation = This self-assessment checks one level on its own. The <a href="{ $url }">{ $title }</a> gathers every level's questions and scores them together; your answers and ticks here count there too.
how-scored = How it is scored
score-by-part = Your score by part
score-by-part-level = Your score by part and level
clear-level = Clear my answers and ticks for this level
kept-in-browser = Your answers and ticks are kept in this browser only.
worked-answers = Worked answers
combined-relation-start = The questions are those of the levels' self-assessments
combined-relation-end = , and answers and ticks are shared with them: a tick on a level's page counts here, and one here counts there. A self-assessment weighs its parts within one level; here each part's points are added up over every level before it is weighed, so a level with more points in a part counts for more of it.
each-level-score = Each level's self-assessment score
what-total-means = What your total means
clear-all = Clear all my answers and ticks
kept-in-browser-all = Your answers and ticks are kept in this browser only; clearing them here clears every level's self-assessment too.
combined-worked-start = Each question's worked answer is on its level's page, after the questions:
combined-worked-end = . Write your answers here first; the links under each question open its worked answer. The <a href="{ $url }">printable edition</a> has every question with its rubric and worked answer.
template = Template
copy-template = Copy template
template-titled = Template: { $title }

## Checklists

checklist-intro = In date order: each task from its start to its due date, scheduled from the kickoff, its phase, how long it takes and what it waits for. Rows marked <span class=crit-mark>critical path</span> decide the last due date.
download-csv = Download CSV
download-markdown = Download Markdown
add-to-calendar = Add to calendar (.ics)
record-ticks = Record your ticks in the playbook
record-ticks-text = Ticks stay in this browser. To share them with the team, add them to <code>content/progress/{ $market }.yaml</code>: the site then shows them to everyone.
your-name = Your name
show-ticks-yaml = Show my ticks as YAML
ticks-yaml-label = Your ticks as YAML for the progress file
tasks-done = Tasks done
n-of-m-done = { $done } of { $total } done
reset-ticks = Reset ticks
checklist-needs-js = This checklist has { $count } tasks. Checklists this long are assembled by your browser, which needs JavaScript. From the playbook's folder, <code>playbook checklist { $market } --format pdf</code> prints it.
company-prerequisites = Company prerequisites
prerequisites-lead = Done once for the company; this market's phases wait for them.
col-company-work = Company work
needed-by = needed by { $list }
lead-name = lead { $name }
col-task = Task
col-dates = Dates
signed-off = Signed off by ______________________ Date __________
from-date = from { $date }
also = also
note-colon = Note:
waits-for = Waits for:
done-on = done { $date }
done-by = by { $name }
critical-path = critical path
not-applicable = Not applicable here
not-applicable-lead = Tasks of the playbook this checklist leaves out, and why.
entry-left-out = { $count ->
    [one] { $count } market-entry task
   *[other] { $count } market-entry tasks
}: { $name } is the home market.
checklist-lead-kickoff = Kickoff <strong>{ $date }</strong>
checklist-lead-end = last due <strong>{ $date }</strong> ({ $days } days; critical path: { $count ->
    [one] { $count } task
   *[other] { $count } tasks
})
operations-lead = Operations lead: { $name }
chart-target = target { $target }
draws-on = Draws on:

## The theme's scripts (plain text, not markup). The scripts fill in
## `{ $q }`-style arguments given as "{q}": keep them as they are. A message
## with a `$count` selector is written twice, for one and for other.

js-facet-kind = Kind
js-offline = Opened from disk: titles only; full-text search needs the site served (playbook serve).
js-showing = Showing results for “{ $q }”.
js-all-results = All { $n } results for “{ $q }” →
js-no-titles = No page titles match “{ $q }”.
js-nothing-matches = Nothing matches “{ $q }”.
js-fulltext-failed = Full-text search could not load; showing title matches.
js-results = { $count ->
    [one] { $n } result.
   *[other] { $n } results.
}
js-no-results = 0 results for “{ $q }”.
js-search-instead = Search instead for “{ $q }”
js-kind-framework = framework
js-kind-component = component
js-kind-step = step
js-kind-metric = metric
js-kind-market = market
js-kind-regulation = regulation
js-kind-expert = expert
js-kind-research = research
js-kind-chapter = chapter
js-kind-page = page
js-chapters-read = { $n } of { $total } chapters read
js-untick-all = Untick every task of this checklist?
js-yaml-none = # No ticks in this browser yet: tick the tasks you have done, then press the button again.
js-yaml-paste = # Paste these lines under `done:` in content/progress/{ $market }.yaml
js-yaml-create = # (create the file with a first line `done:` if it does not exist):
js-yaml-cli = # or record them from the playbook's folder:
js-state-done = Done
js-state-launched = Launched
js-state-late = Late
js-state-not-started = Not started
js-state-at-risk = At risk
js-state-on-track = On track
js-n-overdue = { $n } overdue
js-tasks = { $count ->
    [one] { $n } task
   *[other] { $n } tasks
}
js-next-due = { $count ->
    [one] { $date } ({ $n } task)
   *[other] { $date } ({ $n } tasks)
}
js-n-launched = { $n } launched
js-next-kickoff = next kickoff: { $name } on { $date }
js-nothing-overdue = nothing overdue
js-launches-overdue = { $count ->
    [one] { $n } launch with overdue work
   *[other] { $n } launches with overdue work
}
js-on-day = on { $date }
js-tick-to-score = Tick the rubric lines your answers meet to see your score.
js-your-score = Your score: { $score } of 100.
js-clear-all-confirm = Clear all your answers and ticks, on every level's page too?
js-clear-level-confirm = Clear your answers and ticks for this level?
js-copied = Copied.
js-copy-failed = Select the text and copy it.
js-month-ongoing = Ongoing
js-kind-task = task

## Words the site's Rust code shows: the sidebar's sections (nav-<URL>),
## index page titles and breadcrumbs

nav-story = Story
nav-frameworks = Frameworks
nav-metrics = Metrics
nav-markets = Markets
nav-status = Launch status
nav-regulations = Regulations
nav-experts = Experts
nav-research = Research
# A kind's plural name (backlinks; kinds-<the English name, slugified>).
kinds-frameworks = Frameworks
kinds-components = Components
kinds-steps = Steps
kinds-tasks = Tasks
kinds-metrics = Metrics
kinds-markets = Markets
kinds-regulations = Regulations
kinds-experts = Experts
kinds-research = Research
kinds-story-chapters = Story chapters

## Page kinds' labels (page-<the kind's name>): the title of a page that
## has none of its own, in previous/next links and <title>

page-home = Home
page-story-index = The story
page-chapter = Story chapter
page-learning-path = Learning path
page-level-assessment = Self-assessment
page-combined-assessment = Assessment
page-portfolio = Portfolio
page-frameworks-index = Frameworks
page-framework = Framework
page-component = Component
page-step = Step
page-metrics-index = Success metrics
page-metric = Metric
page-markets-index = Markets
page-market = Market
page-market-checklist = Launch checklist
page-company-checklist = Company program checklist
page-status = Launch status
page-regulations-index = Regulations
page-regulation = Regulation
page-experts-index = Experts
page-expert = Expert
page-research-index = Research and toolkit
page-research = Research
page-print = Print
page-search = Search
page-not-found = Page not found
market-launch-checklist = { $market } launch checklist
# The company's checklist when book.toml's [company] has no name.
company-program = Company program
print-title = { $book } — printable edition

## When a phase or a week block happens, counted from a market's kickoff

window-week = Week { $first }
window-weeks = Weeks { $first }–{ $last }
window-month = Month { $first }
window-months = Months { $first }–{ $last }
# Open-ended: month 4 and on.
window-months-on = Month { $first }+
block-weeks-titled = { $window }, weeks { $first }–{ $last }: { $title }
block-titled = { $window }: { $title }
# A learning-path level's chapters by their sections' numbers.
sections-range = Sections { $first }–{ $last }
sections-list = Sections { $list }
level-chapters = { $count ->
    [one] { $count } chapter
   *[other] { $count } chapters
}

## Charts' text alternatives

chart-launch-timeline = Launch timeline for { $market } from kickoff { $date }
chart-framework-timeline = Timeline of { $title }
chart-component-timeline = Phases of { $title } on a week timeline
heat-title = Open tasks due each month, by market
heat-cell = { $market }, { $month }: { $count ->
    [one] { $count } open task due
   *[other] { $count } open tasks due
}

## Markdown: callouts' titles (> [!NOTE]) and the link on each heading

callout-note = Note
callout-tip = Tip
callout-important = Important
callout-warning = Warning
callout-caution = Caution
heading-anchor = Link to this section

## The sidebar: a long list shows the block of entries around the page,
## between links to the section's page listing the rest.
nav-earlier = … { $count } earlier
nav-more = … { $count } more

## A market checklist's link back to its market's page.
market-page = Market page

## A company prerequisite's kind on a market checklist.
prereq-kind-step = step
prereq-kind-phase = phase
