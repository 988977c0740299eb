# Die Oberfläche auf Deutsch (eingebaut; ein Playbook überschreibt einzelne
# Einträge in templates/i18n/de.ftl).

skip-to-content = Zum Inhalt springen
menu = Menü
search-label = Im Playbook suchen
search-placeholder = Suchen  ( / )
toggle-dark-mode = Dunkelmodus umschalten
home = Startseite
breadcrumbs = Navigationspfad
printable-edition = Druckfassung
on-this-page = Auf dieser Seite
previous = Zurück
next = Weiter
languages = Sprachen
translation-partly = Teile dieser Seite sind noch nicht übersetzt und werden auf Englisch angezeigt.
translation-missing = Diese Seite ist noch nicht übersetzt und wird auf Englisch angezeigt.
translation-stale = Die englische Seite wurde nach dieser Übersetzung ({ $translated }) geändert{ $changed ->
    [none] .
   *[other] , zuletzt am { $changed }.
}
tasks-count = { $count ->
    [one] eine Aufgabe
   *[other] { $count } Aufgaben
}

## Gemeinsame Wörter

search-button = Suchen
section-frameworks = Frameworks
section-markets = Märkte
section-story = Die Geschichte
section-learning-path = Der Lernpfad
section-success-metrics = Erfolgskennzahlen
launch-status = Stand der Markteinführungen
site-search = Website
sidebar = Playbook
search-results = Suchergebnisse
prev-next = Vorherige und nächste Seite
edit-page = Diese Seite bearbeiten
last-changed = Zuletzt geändert
footer-version = Version { $version }
footer-built-with = erstellt mit Playbook
footer-built-on = am
show-or-hide-pages = { $section }: Seiten ein- oder ausblenden
kickoff-on = Kickoff { $date }
ongoing = laufend
met = ✓ erreicht
missed = ✗ verfehlt
unconfirmed = unbestätigt
not-confirmed = Nicht anhand einer amtlichen Quelle bestätigt
source-colon = Quelle:
more = Weitere
points = { $count ->
    [one] { $count } Punkt
   *[other] { $count } Punkte
}
of-total = { $part } von { $total }

## Die 404-Seite

nf-lead = Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie bei einer Umgliederung des Playbooks verschoben.
nf-search-label = Suchen Sie die gewünschte Seite
nf-or-browse = Oder beginnen Sie hier
launched-on = eingeführt am { $date }
act = Akt { $number }
act-titled = Akt { $number }: { $title }
continue-reading = Weiterlesen:
count-steps = { $count ->
    [one] { $count } Schritt
   *[other] { $count } Schritte
}
count-tasks = { $count ->
    [one] { $count } Aufgabe
   *[other] { $count } Aufgaben
}
count-metrics = { $count ->
    [one] { $count } Kennzahl
   *[other] { $count } Kennzahlen
}
count-markets = { $count ->
    [one] { $count } Markt
   *[other] { $count } Märkte
}
count-regulations = { $count ->
    [one] { $count } Rechtsvorschrift
   *[other] { $count } Rechtsvorschriften
}
count-chapters = { $count ->
    [one] { $count } Kapitel der Geschichte
   *[other] { $count } Kapitel der Geschichte
}
count-components = { $count ->
    [one] { $count } Komponente
   *[other] { $count } Komponenten
}
count-phases = { $count ->
    [one] { $count } Phase
   *[other] { $count } Phasen
}
count-questions = { $count ->
    [one] { $count } Frage
   *[other] { $count } Fragen
}
count-levels = { $count ->
    [one] { $count } Stufe
   *[other] { $count } Stufen
}

## Die Startseite

home-launches = Wo die Markteinführungen stehen
home-launched-planned = { $launched } eingeführt, { $planned } geplant
home-start = Hier beginnen
home-card-story = Die Geschichte lesen
home-card-story-text = Maya Patel skaliert den KI-Betrieb von 100 Kunden auf weltweit – Schritt für Schritt entlang des Frameworks.
home-card-frameworks = Die Frameworks nutzen
home-card-frameworks-text = Phasen, Schritte und Aufgaben mit Verantwortlichen, Zielwerten und den Märkten, für die sie gelten.
home-card-markets = Einen Markt einführen
home-card-markets-text = Die Checkliste jedes Markts: nur seine Aufgaben, mit Fälligkeiten ab seinem Kickoff.
n-task-checklist = Checkliste mit { $count } Aufgaben

## Die Geschichte und ihre Kapitel

story-lead = Maya Patels Weg von der überlasteten Betriebsleiterin zur Führungskraft für exzellenten Betrieb. Jedes Kapitel setzt einen Teil des Playbooks ein; folgen Sie den Links zu den Schritten und Kennzahlen, die sie nutzt.
able-to-do = Was Sie danach können
skills-it-builds = Welche Fähigkeiten Sie aufbauen
moved-here-from = (hierher verschoben aus { $level })
level-self-assessment = Selbsteinschätzung { $level }
story-assessment-link = { $title }: die Fragen aller Stufen, ein Ergebnis →
story-portfolio-link = { $title }: Vorlagen zum Übernehmen →
story-learning-link = Der ganze Lernpfad: Stufen, Lernziele und Fähigkeiten, Selbsteinschätzungen →
section-number = Abschnitt { $number }
min-read = { $count } Min. Lesezeit
read-mark = Gelesen
take-self-assessment = Zur Selbsteinschätzung { $level }
in-this-chapter = In diesem Kapitel
framework-in-chapter = Framework in diesem Kapitel
rail-framework = Frameworks
rail-component = Komponenten
rail-step = Schritte
rail-metric = Kennzahlen
rail-market = Märkte
rail-regulation = Rechtsvorschriften
rail-expert = Fachleute
rail-research = Studien
put-to-work = In die Praxis umsetzen: { $title } →

## Frameworks, Komponenten, Schritte

framework = Framework
phases = Phasen
framework-timeline-caption = Phasen und Wochenblöcke nach Monaten ab dem Kickoff.
phase-titled = Phase { $number }: { $title }
risks-and-mitigations = Umsetzungsrisiken und Gegenmaßnahmen
mitigation-titled = Gegenmaßnahme: { $title }
threatens = Gefährdet:
component-number = Komponente { $number }
timeline = Zeitplan
component-timeline-caption = Phasen nach Wochen ab dem Kickoff eines Markts.
step-number = Schritt { $number }
owner = Verantwortlich
all-markets = Alle Märkte
applies-where = Gilt bei { $rule }:
no-market-yet = noch kein Markt
market-specific-tasks = Marktspezifische Aufgaben
expert-advice = Rat von Fachleuten
risks-to-watch = Zu beobachtende Risiken
mitigation-lower = Gegenmaßnahme: { $title }.
referenced-by = Verweise von
in-the-story = In der Geschichte
ongoing-block = Laufend:

## Tabellenköpfe

col-metric = Kennzahl
col-target = Zielwert
col-market = Markt
col-region = Region
col-kickoff = Kickoff
col-regulations = Rechtsvorschriften
col-tags = Schlagwörter
col-checklist = Checkliste

## Märkte

markets-lead = Die Checkliste jedes Markts enthält nur die Aufgaben, die für ihn gelten, mit Fälligkeiten ab seinem Kickoff.
markets-status-text = <a href="{ $url }">Stand der Markteinführungen</a>: wo jede Markteinführung heute steht, mit überfälligen und den nächsten fälligen Aufgaben.
markets-company = Arbeit, die einmal für das ganze Unternehmen erledigt wird (Plattformen, Pipelines, Verfahren, die danach jeder Markt nutzt), steht in der <a href="{ $url }">Checkliste { $name }</a>, datiert ab deren Kickoff am { $date }; die Checkliste jedes Markts beginnt mit der Unternehmensarbeit, auf die er wartet.
named-checklist = Checkliste { $name }
open-launch-checklist = Checkliste zur Markteinführung öffnen ({ $count ->
    [one] { $count } Aufgabe
   *[other] { $count } Aufgaben
})
where-every-launch-stands = Wo jede Markteinführung steht
profile = Profil
launch = Markteinführung
launched-on-cap = Eingeführt am { $date }
home-market = Heimatmarkt
planned = Geplant
last-task-due = : letzte Aufgabe fällig am { $date }
market-languages = Sprachen
currency = Währung
team = Team
col-role = Rolle
col-person = Person
local-partners = Lokale Partner
launch-timeline = Zeitplan der Markteinführung
market-timeline-caption = Der Zeitplan ab dem Kickoff am { $date }: jede Phase und jeder Schritt vom ersten Beginn bis zur letzten Fälligkeit.
market-critical-caption = Der <span class="crit-key">kritische Pfad</span> ({ $count ->
    [one] { $count } Aufgabe
   *[other] { $count } Aufgaben
}) bestimmt die letzte Fälligkeit, den { $date }: Ein Tag Verzug dort ist ein Tag Verzug am Ende.
col-phase = Phase
col-starts = Beginn
col-due = Fällig
col-tasks-here = Aufgaben hier
col-critical-path = Kritischer Pfad
yes = ja
scorecard = Scorecard
targets-met = { $met } von { $count } gemessenen Zielwerten erreicht.
col-actual = Istwert
col-result = Ergebnis
col-note = Anmerkung
no-actuals-yet = Noch keine Istwerte gemeldet.
why-checklist-differs = Warum sich diese Checkliste unterscheidet
tasks-apply-because = { $count ->
    [one] { $count } Aufgabe gilt
   *[other] { $count } Aufgaben gelten
} wegen { $reason }
own-tasks = Aufgaben nur dieses Markts
in-step = in <a href="{ $url }">{ $title }</a>

## Kennzahlen

metrics-lead = Jede Kennzahl hat einen typisierten Zielwert, sodass der Istwert jedes Markts als erreicht oder verfehlt bewertet wird.
col-markets-meeting = Märkte, die ihn erreichen
not-measured-yet = noch nicht gemessen
per-period = pro { $period }
measures = Misst:
by-market = Nach Markt
metric-chart-caption = Istwerte nach Markt; die Linie markiert den Zielwert.
col-as-of = Stand
no-market-reports = Noch kein Markt meldet diese Kennzahl.

## Rechtsvorschriften

col-regulation = Rechtsvorschrift
col-markets = Märkte
col-jurisdiction = Rechtsraum
in-force = In Kraft
checked = geprüft
last-reviewed = Zuletzt überprüft
official-text = Amtlicher Text
none-of-our-markets = keiner unserer Märkte
key-dates = Wichtige Termine
col-date = Datum
col-what = Was
col-source = Quelle
obligations = Was sie vom Betrieb verlangt
watch = Beobachten
watch-lead = Anstehende Änderungen zum Zeitpunkt der letzten Überprüfung.
source-lower = Quelle:
tasks-it-triggers = Aufgaben, die sie auslöst
in-named-step = in { $step }
sources = Quellen
regulations-lead = Die Gesetze, unter denen unsere Märkte arbeiten, und was jedes davon vom Betrieb verlangt.
none = keine

## Fachleute und Studien

expert = Fachperson
composite-title = Eine zusammengesetzte Figur, keine reale Person
composite-text = { $name } ist eine fiktive Figur, die die Ansichten mehrerer Fachleute aus der Praxis zusammenführt. Name und Zitate dienen der Veranschaulichung und sind keine Aussagen einer realen Person oder eines Unternehmens.
strategic-perspectives = Strategische Perspektiven
actionable-advice = Umsetzbare Ratschläge
put-to-work-in = Umsetzen in:
experts-lead = Diese Fachleute sind <strong>zusammengesetzte Figuren</strong>: Jede vereint die Ansichten mehrerer Fachleute aus der Praxis. Es sind keine realen Personen, und ihre Worte sind keine Aussagen eines Unternehmens.
research = Studie
results = Ergebnisse
supports = Stützt:

## Suche

search-page = Suchseite
search-page-label = Suchen Sie nach Schritten, Aufgaben, Kennzahlen, Märkten, Rechtsvorschriften, Personen und Kapiteln der Geschichte
show-more-results = Weitere Ergebnisse anzeigen
search-needs-js = Die Suche benötigt JavaScript. Sehen Sie sich stattdessen die <a href="{ $root }frameworks/">Frameworks</a>, die <a href="{ $root }markets/">Märkte</a> oder die <a href="{ $root }story/">Geschichte</a> an.

## Stand der Markteinführungen

status-lead = Wo die Markteinführung jedes Markts <span class="status-day">laut seiner Checkliste</span> steht: in <code>content/progress/</code> als erledigt erfasste Aufgaben, überfällige und die nächsten fälligen Aufgaben.
status-rules = Eingeführt: Der Markt ist live (beim Unternehmensprogramm: seine Arbeit ist umgesetzt); bis zu diesem Tag fällige, nicht erfasste Arbeit gilt als abgeschlossen, spätere Arbeit wird aufgeführt, ohne die Markteinführung zu verzögern. Verzug: Eine Aufgabe ist über ihre Fälligkeit hinaus und nicht als erledigt erfasst. Gefährdet: Nichts ist im Verzug, aber innerhalb von { $days } Tagen fällige Aufgaben sind noch nicht erledigt. Nicht begonnen: vor dem Kickoff. Häkchen, die nur in einem Browser gespeichert sind, zählen nicht: Erfassen Sie sie mit <code>playbook progress</code>.
col-done = Erledigt
col-open-due = Offene Aufgaben fällig
col-overdue = Überfällig
col-next-due = Nächste Fälligkeit
col-state = Status
status-needs-js = Überfällige Aufgaben und der Status jeder Markteinführung hängen vom heutigen Datum ab: Dafür benötigt diese Seite JavaScript, oder führen Sie <code>playbook status</code> im Ordner des Playbooks aus.
open-tasks-by-month = Offene Aufgaben nach Monat
heat-caption = Offene Aufgaben, die in jedem Monat fällig sind, nach Markt: je dunkler, desto mehr. Monate vor dem aktuellen sind markiert; die Tabelle oben nennt dieselben Fakten in Worten.

## Druckfassung und Lernpfad

contents = Inhalt
score-sheet = Bewertungsbogen: Tragen Sie die angekreuzten Punkte ein
col-part = Teil
col-weight = Gewichtung
col-points-ticked = Angekreuzte Punkte
col-score = Ergebnis
col-questions = Fragen
col-points = Punkte
total = Gesamt
percent-of-score = { $weight } % des Ergebnisses
it-validates = Er prüft: { $list }.
it-tests = Sie prüft: { $list }.
level-question = { $level }, Frage { $number }
question-number = Frage { $number }
print-market-line = Kickoff { $date }, { $count ->
    [one] { $count } Aufgabe in der Checkliste
   *[other] { $count } Aufgaben in der Checkliste
}
taught-in = behandelt in
list-and = und
moved-here-from-long = Hierher verschoben aus <a href="{ $url }">{ $level }</a>, wo die Quellliste es führt.
moved-away-lead = <strong>In eine andere Stufe verschoben.</strong> Die Quellliste führt diese Punkte auch unter dieser Stufe; der Pfad folgt den Kapiteln, die sie behandeln:
skill = Fähigkeit
objective = Lernziel
from-chapter = aus <a href="{ $url }">{ $title }</a>
your-answer = Ihre Antwort
to-question = auf Frage { $number }
to-level-question = auf { $level }, Frage { $number }
rubric-for-question = Bewertungsraster für Frage { $number }: Kreuzen Sie jede Zeile an, die Ihre Antwort erfüllt
rubric-for-level-question = Bewertungsraster für { $level }, Frage { $number }: Kreuzen Sie jede Zeile an, die Ihre Antwort erfüllt
worked-answer = Musterantwort
back-to-question = Zurück zu Frage { $number }
out-of = von { $total }
story = Geschichte
learning-path = Lernpfad
its-parts = { $title }: die Teile
take-the = Zur { $title }
portfolio-lead = Vorlagen zum Übernehmen in Ihre eigenen Dokumente, mit den Zahlen der Geschichte als Beispiel:
questions-on = { $count ->
    [one] { $count } Frage zu
   *[other] { $count } Fragen zu
}
assessment-lead-end = . Schreiben Sie zu jeder Frage Ihre Antwort und kreuzen Sie dann die Zeilen des Bewertungsrasters an, die sie erfüllt; die Musterantworten stehen am Ende der Seite.
assessment-relation = Diese Selbsteinschätzung prüft eine Stufe für sich. Die <a href="{ $url }">{ $title }</a> vereint die Fragen aller Stufen und bewertet sie gemeinsam; Ihre Antworten und Häkchen hier zählen auch dort.
how-scored = So wird bewertet
score-by-part = Ihr Ergebnis nach Teil
score-by-part-level = Ihr Ergebnis nach Teil und Stufe
clear-level = Meine Antworten und Häkchen für diese Stufe löschen
kept-in-browser = Ihre Antworten und Häkchen werden nur in diesem Browser gespeichert.
worked-answers = Musterantworten
combined-relation-start = Die Fragen sind die der Selbsteinschätzungen der Stufen
combined-relation-end = , und Antworten und Häkchen werden mit ihnen geteilt: Ein Häkchen auf der Seite einer Stufe zählt hier, und eines hier zählt dort. Eine Selbsteinschätzung gewichtet ihre Teile innerhalb einer Stufe; hier werden die Punkte jedes Teils über alle Stufen addiert, bevor er gewichtet wird, sodass eine Stufe mit mehr Punkten in einem Teil stärker zählt.
each-level-score = Ergebnis der Selbsteinschätzung jeder Stufe
what-total-means = Was Ihr Gesamtergebnis bedeutet
clear-all = Alle meine Antworten und Häkchen löschen
kept-in-browser-all = Ihre Antworten und Häkchen werden nur in diesem Browser gespeichert; wenn Sie sie hier löschen, werden auch die Selbsteinschätzungen aller Stufen gelöscht.
combined-worked-start = Die Musterantwort jeder Frage steht auf der Seite ihrer Stufe, nach den Fragen:
combined-worked-end = . Schreiben Sie Ihre Antworten zuerst hier; die Links unter jeder Frage öffnen ihre Musterantwort. Die <a href="{ $url }">Druckfassung</a> enthält jede Frage mit Bewertungsraster und Musterantwort.
template = Vorlage
copy-template = Vorlage kopieren
template-titled = Vorlage: { $title }

## Checklisten

checklist-intro = In zeitlicher Reihenfolge: jede Aufgabe von ihrem Beginn bis zu ihrer Fälligkeit, geplant ab dem Kickoff, nach ihrer Phase, ihrer Dauer und dem, worauf sie wartet. Zeilen mit der Markierung <span class=crit-mark>kritischer Pfad</span> bestimmen die letzte Fälligkeit.
download-csv = CSV herunterladen
download-markdown = Markdown herunterladen
add-to-calendar = Zum Kalender hinzufügen (.ics)
record-ticks = Ihre Häkchen im Playbook erfassen
record-ticks-text = Häkchen bleiben in diesem Browser. Um sie mit dem Team zu teilen, tragen Sie sie in <code>content/progress/{ $market }.yaml</code> ein: Die Website zeigt sie dann allen.
your-name = Ihr Name
show-ticks-yaml = Meine Häkchen als YAML anzeigen
ticks-yaml-label = Ihre Häkchen als YAML für die Fortschrittsdatei
tasks-done = Erledigte Aufgaben
n-of-m-done = { $done } von { $total } erledigt
reset-ticks = Häkchen zurücksetzen
checklist-needs-js = Diese Checkliste hat { $count } Aufgaben. So lange Checklisten stellt Ihr Browser zusammen, und dafür ist JavaScript nötig. Im Ordner des Playbooks druckt <code>playbook checklist { $market } --format pdf</code> sie aus.
company-prerequisites = Voraussetzungen im Unternehmen
prerequisites-lead = Einmal für das Unternehmen erledigt; die Phasen dieses Markts warten darauf.
col-company-work = Unternehmensarbeit
needed-by = benötigt für { $list }
lead-name = Leitung { $name }
col-task = Aufgabe
col-dates = Termine
signed-off = Abgenommen von ______________________ Datum __________
from-date = ab { $date }
also = auch
note-colon = Hinweis:
waits-for = Wartet auf:
done-on = erledigt am { $date }
done-by = von { $name }
critical-path = kritischer Pfad
not-applicable = Hier nicht zutreffend
not-applicable-lead = Aufgaben des Playbooks, die diese Checkliste auslässt, und warum.
entry-left-out = { $count ->
    [one] { $count } Aufgabe zum Markteintritt
   *[other] { $count } Aufgaben zum Markteintritt
}: { $name } ist der Heimatmarkt.
checklist-lead-kickoff = Kickoff <strong>{ $date }</strong>
checklist-lead-end = zuletzt fällig <strong>{ $date }</strong> ({ $days } Tage; kritischer Pfad: { $count ->
    [one] { $count } Aufgabe
   *[other] { $count } Aufgaben
})
operations-lead = Betriebsleitung: { $name }
chart-target = Zielwert { $target }
draws-on = Stützt sich auf:

## Die Skripte des Themes (reiner Text, kein Markup; "{q}" usw. bleiben stehen)

js-facet-kind = Art
js-offline = Von der Festplatte geöffnet: nur Titel; die Volltextsuche braucht die ausgelieferte Website (playbook serve).
js-showing = Ergebnisse für „{ $q }“.
js-all-results = Alle { $n } Ergebnisse für „{ $q }“ →
js-no-titles = Kein Seitentitel passt zu „{ $q }“.
js-nothing-matches = Nichts passt zu „{ $q }“.
js-fulltext-failed = Die Volltextsuche konnte nicht geladen werden; angezeigt werden passende Titel.
js-results = { $count ->
    [one] { $n } Ergebnis.
   *[other] { $n } Ergebnisse.
}
js-no-results = 0 Ergebnisse für „{ $q }“.
js-search-instead = Stattdessen nach „{ $q }“ suchen
js-kind-framework = Framework
js-kind-component = Komponente
js-kind-step = Schritt
js-kind-metric = Kennzahl
js-kind-market = Markt
js-kind-regulation = Rechtsvorschrift
js-kind-expert = Fachperson
js-kind-research = Studie
js-kind-chapter = Kapitel
js-kind-page = Seite
js-kind-task = Aufgabe
js-chapters-read = { $n } von { $total } Kapiteln gelesen
js-untick-all = Alle Häkchen dieser Checkliste entfernen?
js-yaml-none = # In diesem Browser gibt es noch keine Häkchen: Haken Sie die erledigten Aufgaben ab und klicken Sie dann erneut auf die Schaltfläche.
js-yaml-paste = # Fügen Sie diese Zeilen unter `done:` in content/progress/{ $market }.yaml ein
js-yaml-create = # (legen Sie die Datei mit der ersten Zeile `done:` an, falls es sie noch nicht gibt):
js-yaml-cli = # oder erfassen Sie sie im Ordner des Playbooks:
js-state-done = Erledigt
js-state-launched = Eingeführt
js-state-late = Im Verzug
js-state-not-started = Nicht begonnen
js-state-at-risk = Gefährdet
js-state-on-track = Im Plan
js-n-overdue = { $n } überfällig
js-tasks = { $count ->
    [one] { $n } Aufgabe
   *[other] { $n } Aufgaben
}
js-next-due = { $count ->
    [one] { $date } ({ $n } Aufgabe)
   *[other] { $date } ({ $n } Aufgaben)
}
js-n-launched = { $n } eingeführt
js-next-kickoff = nächster Kickoff: { $name } am { $date }
js-nothing-overdue = nichts überfällig
js-launches-overdue = { $count ->
    [one] { $n } Markteinführung mit überfälliger Arbeit
   *[other] { $n } Markteinführungen mit überfälliger Arbeit
}
js-on-day = am { $date }
js-tick-to-score = Kreuzen Sie die Zeilen des Bewertungsrasters an, die Ihre Antworten erfüllen, um Ihr Ergebnis zu sehen.
js-your-score = Ihr Ergebnis: { $score } von 100.
js-clear-all-confirm = Alle Ihre Antworten und Häkchen löschen, auch auf den Seiten aller Stufen?
js-clear-level-confirm = Ihre Antworten und Häkchen für diese Stufe löschen?
js-copied = Kopiert.
js-copy-failed = Markieren Sie den Text und kopieren Sie ihn.
js-month-ongoing = Laufend

## Wörter aus dem Rust-Code der Website: Abschnitte der Seitenleiste, Titel der Übersichtsseiten, Navigationspfad

nav-story = Geschichte
nav-frameworks = Frameworks
nav-metrics = Kennzahlen
nav-markets = Märkte
nav-status = Stand der Markteinführungen
nav-regulations = Rechtsvorschriften
nav-experts = Fachleute
nav-research = Studien
kinds-frameworks = Frameworks
kinds-components = Komponenten
kinds-steps = Schritte
kinds-tasks = Aufgaben
kinds-metrics = Kennzahlen
kinds-markets = Märkte
kinds-regulations = Rechtsvorschriften
kinds-experts = Fachleute
kinds-research = Studien
kinds-story-chapters = Kapitel der Geschichte

## Bezeichnungen der Seitenarten (page-<Name der Art>): der Titel einer
## Seite ohne eigenen Titel, in Zurück-/Weiter-Links und im <title>

page-home = Startseite
page-story-index = Die Geschichte
page-chapter = Kapitel der Geschichte
page-learning-path = Lernpfad
page-level-assessment = Selbsteinschätzung
page-combined-assessment = Einschätzung
page-portfolio = Portfolio
page-frameworks-index = Frameworks
page-framework = Framework
page-component = Komponente
page-step = Schritt
page-metrics-index = Erfolgskennzahlen
page-metric = Kennzahl
page-markets-index = Märkte
page-market = Markt
page-market-checklist = Launch-Checkliste
page-company-checklist = Checkliste des Unternehmensprogramms
page-status = Stand der Markteinführungen
page-regulations-index = Rechtsvorschriften
page-regulation = Rechtsvorschrift
page-experts-index = Fachleute
page-expert = Fachperson
page-research-index = Studien und Werkzeuge
page-research = Studie
page-print = Druckfassung
page-search = Suche
page-not-found = Seite nicht gefunden
market-launch-checklist = Launch-Checkliste { $market }
# Die Checkliste des Unternehmens, wenn [company] in book.toml keinen Namen hat.
company-program = Unternehmensprogramm
print-title = { $book } — Druckfassung

## Wann eine Phase oder ein Wochenblock stattfindet, gezählt ab dem Kickoff

window-week = Woche { $first }
window-weeks = Wochen { $first }–{ $last }
window-month = Monat { $first }
window-months = Monate { $first }–{ $last }
# Ohne Ende: ab Monat 4.
window-months-on = ab Monat { $first }
block-weeks-titled = { $window }, Wochen { $first }–{ $last }: { $title }
block-titled = { $window }: { $title }
# Die Kapitel einer Stufe des Lernpfads nach den Nummern ihrer Abschnitte.
sections-range = Abschnitte { $first }–{ $last }
sections-list = Abschnitte { $list }
level-chapters = { $count ->
    [one] ein Kapitel
   *[other] { $count } Kapitel
}

## Textalternativen der Diagramme

chart-launch-timeline = Zeitplan der Markteinführung: { $market }, ab Kickoff { $date }
chart-framework-timeline = Zeitplan: { $title }
chart-component-timeline = Phasen: { $title }, auf einer Zeitachse in Wochen
heat-title = Offene Aufgaben, die in jedem Monat fällig sind, nach Markt
heat-cell = { $market }, { $month }: { $count ->
    [one] eine offene Aufgabe fällig
   *[other] { $count } offene Aufgaben fällig
}

## Markdown: Titel der Hinweiskästen (> [!NOTE]) und der Link an jeder Überschrift

callout-note = Hinweis
callout-tip = Tipp
callout-important = Wichtig
callout-warning = Warnung
callout-caution = Vorsicht
heading-anchor = Link zu diesem Abschnitt

## The sidebar: a long list shows the block of entries around the page,
## between links to the section's page listing the rest.
nav-earlier = … { $count } davor
nav-more = … { $count } weitere

## A market checklist's link back to its market's page.
market-page = Marktseite

## A company prerequisite's kind on a market checklist.
prereq-kind-step = Schritt
prereq-kind-phase = Phase
