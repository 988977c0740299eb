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
