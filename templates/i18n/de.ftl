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
