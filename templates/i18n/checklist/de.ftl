# Die Wörter einer Launch-Checkliste in allen Formaten, auf Deutsch.

ck-title = Launch-Checkliste: { $market } ({ $id })
ck-generated-from = erstellt aus { $book }
ck-kickoff = Kickoff: { $kickoff }
ck-task-count = { $count ->
    [one] { $count } Aufgabe
   *[other] { $count } Aufgaben
}
ck-last-due = zuletzt fällig { $end } ({ $days } Tage; kritischer Pfad: { $count ->
    [one] { $count } Aufgabe
   *[other] { $count } Aufgaben
})
ck-in-date-order = nach Fälligkeit sortiert
ck-in-plan-order = in der Reihenfolge des Plans
ck-ongoing = Laufend
ck-due = fällig { $date }
ck-start-due = { $start } → fällig { $date }
ck-from-ongoing = ab { $start } (laufend)
ck-ongoing-from = Laufend ab { $start }
ck-critical-path = kritischer Pfad
ck-waits-for = wartet auf
ck-applies-because = gilt, weil
ck-also = auch
ck-done = erledigt { $date }
ck-done-by = von { $who }
ck-note-for = Hinweis für { $market }
ck-not-applicable = Hier nicht anwendbar
# Die Aktivität einer Aufgabe, die ein Markt selbst hinzugefügt hat (sie gehört zu keiner Aktivität des Schritts).
ck-market-specific = Marktspezifisch
ck-entry-left-out = { $count ->
    [one] { $count } Markteintrittsaufgabe entfällt: { $market } ist der Heimatmarkt.
   *[other] { $count } Markteintrittsaufgaben entfallen: { $market } ist der Heimatmarkt.
}
ck-company-prerequisites = Voraussetzungen im Unternehmen
ck-company-prerequisites-lead = Einmal für das gesamte Unternehmen erledigt ({ $name }, Kickoff { $kickoff }); die Phasen dieses Markts warten darauf.
ck-state = Stand
ck-needed-by = benötigt von
ck-no-owner = keine Zuständigkeit
ck-yes = ja
ck-no = nein
ck-not-applicable-cell = nicht anwendbar
ck-csv-header = Markt,Aufgaben-ID,Framework,Komponente,Phase,Phasenfenster,Schritt,Aktivität,Aufgabe,Verantwortlich,Rolle,Beginn,Fällig,Dauer,Kritischer Pfad,Wartet auf,Hinweis zum Markt,Gilt weil,Auch,Erledigt,Erledigt von,Erledigungsvermerk
cal-launch = Launch { $market }
cal-checklist = Checkliste: { $what }
ck-sheet-title = Launch-Checkliste: { $market }
ck-kickoff-on = Kickoff { $date }
ck-lead = Leitung { $name }
ck-company-work = Arbeit im Unternehmen
ck-state-head = Stand
ck-due-head = Fällig
ck-ongoing-lower = laufend
ck-task-head = Aufgabe
ck-owner-head = Verantwortlich
ck-dates-head = Termine
ck-signed-off-by = Abgenommen von
ck-date-head = Datum
dur-days = { $count ->
    [one] { $count } Arbeitstag
   *[other] { $count } Arbeitstage
}
dur-weeks = { $count ->
    [one] { $count } Woche
   *[other] { $count } Wochen
}
dur-months = { $count ->
    [one] { $count } Monat
   *[other] { $count } Monate
}

## How far the company has got with a prerequisite.
ck-prereq-done = erledigt
ck-prereq-not-started = nicht begonnen
ck-prereq-partly = { $done } von { $total } erledigt
ck-meta-description = { $title }: { $count ->
    [one] { $count } Aufgabe
   *[other] { $count } Aufgaben
} ab dem Kickoff am { $kickoff }
