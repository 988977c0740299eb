# L'interface en français (intégrée ; un playbook remplace une entrée dans
# templates/i18n/fr.ftl).

skip-to-content = Aller au contenu
menu = Menu
search-label = Rechercher dans le playbook
search-placeholder = Rechercher  ( / )
toggle-dark-mode = Activer ou désactiver le mode sombre
home = Accueil
breadcrumbs = Fil d’Ariane
printable-edition = Version imprimable
on-this-page = Sur cette page
previous = Précédent
next = Suivant
languages = Langues
translation-partly = Certaines parties de cette page ne sont pas encore traduites ; elles s’affichent en anglais.
translation-missing = Cette page n’est pas encore traduite ; elle s’affiche en anglais.
translation-stale = La page anglaise a changé après cette traduction ({ $translated }){ $changed ->
    [none] .
   *[other] ; dernière modification le { $changed }.
}
tasks-count = { $count ->
    [one] une tâche
   *[other] { $count } tâches
}
