# Les mots d'une checklist de lancement dans tous les formats, en français.

ck-title = Checklist de lancement : { $market } ({ $id })
ck-generated-from = produite à partir de { $book }
ck-kickoff = Lancement du projet : { $kickoff }
ck-task-count = { $count ->
    [one] { $count } tâche
   *[other] { $count } tâches
}
ck-last-due = dernière échéance { $end } ({ $days } jours ; chemin critique : { $count ->
    [one] { $count } tâche
   *[other] { $count } tâches
})
ck-in-date-order = par échéance
ck-in-plan-order = dans l’ordre du plan
ck-ongoing = En continu
ck-due = échéance { $date }
ck-start-due = { $start } → échéance { $date }
ck-from-ongoing = à partir du { $start } (en continu)
ck-ongoing-from = En continu à partir du { $start }
ck-critical-path = chemin critique
ck-waits-for = attend
ck-applies-because = s’applique car
ck-also = aussi
ck-done = fait le { $date }
ck-done-by = par { $who }
ck-note-for = Note pour { $market }
ck-not-applicable = Non applicable ici
# L'activité d'une tâche qu'un marché a ajoutée lui-même (elle n'appartient à aucune activité de l'étape).
ck-market-specific = Propre au marché
ck-entry-left-out = { $count ->
    [one] { $count } tâche d’entrée sur le marché omise : { $market } est le marché d’origine.
   *[other] { $count } tâches d’entrée sur le marché omises : { $market } est le marché d’origine.
}
ck-company-prerequisites = Prérequis de l’entreprise
ck-company-prerequisites-lead = Réalisés une fois pour toute l’entreprise ({ $name }, lancement { $kickoff }) ; les phases de ce marché les attendent.
ck-state = état
ck-needed-by = requis par
ck-no-owner = sans responsable
ck-yes = oui
ck-no = non
ck-not-applicable-cell = non applicable
ck-csv-header = Marché,ID de tâche,Cadre,Composante,Phase,Fenêtre de phase,Étape,Activité,Tâche,Responsable,Rôle,Début,Échéance,Durée,Chemin critique,Attend,Note du marché,S’applique car,Aussi,Fait le,Fait par,Note d’exécution
cal-launch = Lancement { $market }
cal-checklist = Checklist : { $what }
ck-sheet-title = Checklist de lancement : { $market }
ck-kickoff-on = lancement { $date }
ck-lead = responsable { $name }
ck-company-work = Travaux de l’entreprise
ck-state-head = État
ck-due-head = Échéance
ck-ongoing-lower = en continu
ck-task-head = Tâche
ck-owner-head = Responsable
ck-dates-head = Dates
ck-signed-off-by = Validé par
ck-date-head = Date
dur-days = { $count ->
    [one] { $count } jour ouvré
   *[other] { $count } jours ouvrés
}
dur-weeks = { $count ->
    [one] { $count } semaine
   *[other] { $count } semaines
}
dur-months = { $count } mois

## How far the company has got with a prerequisite.
ck-prereq-done = terminé
ck-prereq-not-started = pas commencé
ck-prereq-partly = { $done } sur { $total } terminées
ck-meta-description = { $title } : { $count ->
    [one] { $count } tâche
   *[other] { $count } tâches
} à partir du lancement du projet le { $kickoff }
