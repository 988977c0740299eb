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

## Mots communs

search-button = Rechercher
section-frameworks = Cadres
section-markets = Marchés
section-story = Le récit
section-learning-path = Le parcours d’apprentissage
section-success-metrics = Indicateurs de réussite
launch-status = État des lancements
site-search = Site
sidebar = Playbook
search-results = Résultats de recherche
prev-next = Page précédente et suivante
edit-page = Modifier cette page
last-changed = Dernière modification
footer-version = version { $version }
footer-built-with = généré avec Playbook
footer-built-on = le
show-or-hide-pages = { $section } : afficher ou masquer les pages
kickoff-on = lancement { $date }
ongoing = en continu
met = ✓ atteint
missed = ✗ manqué
unconfirmed = non confirmé
not-confirmed = Non confirmé par une source officielle
source-colon = Source :
more = Autres
points = { $count ->
    [one] { $count } point
   *[other] { $count } points
}
of-total = { $part } sur { $total }

## La page 404

nf-lead = Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée lors d’une réorganisation du playbook.
nf-search-label = Recherchez la page que vous cherchiez
nf-or-browse = Ou commencez par
launched-on = lancé le { $date }
act = Acte { $number }
act-titled = Acte { $number } : { $title }
continue-reading = Reprendre la lecture :
count-steps = { $count ->
    [one] { $count } étape
   *[other] { $count } étapes
}
count-tasks = { $count ->
    [one] { $count } tâche
   *[other] { $count } tâches
}
count-metrics = { $count ->
    [one] { $count } indicateur
   *[other] { $count } indicateurs
}
count-markets = { $count ->
    [one] { $count } marché
   *[other] { $count } marchés
}
count-regulations = { $count ->
    [one] { $count } réglementation
   *[other] { $count } réglementations
}
count-chapters = { $count ->
    [one] { $count } chapitre du récit
   *[other] { $count } chapitres du récit
}
count-components = { $count ->
    [one] { $count } composant
   *[other] { $count } composants
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
    [one] { $count } niveau
   *[other] { $count } niveaux
}

## La page d’accueil

home-launches = Où en sont les lancements
home-launched-planned = { $launched } lancés, { $planned } prévus
home-start = Pour commencer
home-card-story = Lire le récit
home-card-story-text = Maya Patel fait passer les opérations IA de 100 clients à l’échelle mondiale, une étape du cadre à la fois.
home-card-frameworks = Utiliser les cadres
home-card-frameworks-text = Phases, étapes et tâches avec leurs responsables, leurs objectifs et les marchés auxquels elles s’appliquent.
home-card-markets = Lancer un marché
home-card-markets-text = La checklist de chaque marché : uniquement ses tâches, avec des échéances calculées depuis son lancement.
n-task-checklist = checklist de { $count } tâches

## Le récit et ses chapitres

story-lead = Le parcours de Maya Patel, de responsable des opérations débordée à leader de l’excellence opérationnelle. Chaque chapitre met en œuvre une partie du playbook ; suivez les liens vers les étapes et les indicateurs qu’elle utilise.
able-to-do = Ce que vous saurez faire
skills-it-builds = Compétences développées
moved-here-from = (déplacé ici depuis { $level })
level-self-assessment = Auto-évaluation { $level }
story-assessment-link = { $title } : les questions de tous les niveaux, un seul score →
story-portfolio-link = { $title } : des modèles à copier →
story-learning-link = Tout le parcours d’apprentissage : niveaux, objectifs et compétences, évaluations →
section-number = Section { $number }
min-read = { $count } min de lecture
read-mark = Lu
take-self-assessment = Faire l’auto-évaluation { $level }
in-this-chapter = Dans ce chapitre
framework-in-chapter = Le cadre dans ce chapitre
rail-framework = Cadres
rail-component = Composants
rail-step = Étapes
rail-metric = Indicateurs
rail-market = Marchés
rail-regulation = Réglementations
rail-expert = Experts
rail-research = Études
put-to-work = Mettre en pratique : { $title } →

## Cadres, composants, étapes

framework = Cadre
phases = Phases
framework-timeline-caption = Phases et blocs de semaines par mois après le lancement.
phase-titled = Phase { $number } : { $title }
risks-and-mitigations = Risques de mise en œuvre et mesures d’atténuation
mitigation-titled = Atténuation : { $title }
threatens = Menace :
component-number = Composant { $number }
timeline = Calendrier
component-timeline-caption = Phases par semaine après le lancement d’un marché.
step-number = Étape { $number }
owner = Responsable
all-markets = Tous les marchés
applies-where = S’applique si { $rule } :
no-market-yet = aucun marché pour l’instant
market-specific-tasks = Tâches propres à un marché
expert-advice = Conseils d’experts
risks-to-watch = Risques à surveiller
mitigation-lower = atténuation : { $title }.
referenced-by = Cité par
in-the-story = Dans le récit
ongoing-block = En continu :

## En-têtes de tableau

col-metric = Indicateur
col-target = Objectif
col-market = Marché
col-region = Région
col-kickoff = Lancement
col-regulations = Réglementations
col-tags = Étiquettes
col-checklist = Checklist

## Marchés

markets-lead = La checklist de chaque marché ne contient que les tâches qui le concernent, avec des échéances calculées depuis son lancement.
markets-status-text = <a href="{ $url }">État des lancements</a> : où en est chaque lancement aujourd’hui, avec les tâches en retard et les prochaines échéances.
markets-company = Le travail fait une seule fois pour l’entreprise (plateformes, pipelines, pratiques que chaque marché utilise ensuite) figure dans la <a href="{ $url }">checklist { $name }</a>, datée depuis son lancement le { $date } ; la checklist de chaque marché commence par le travail de l’entreprise qu’il attend.
named-checklist = Checklist { $name }
open-launch-checklist = Ouvrir la checklist de lancement ({ $count ->
    [one] { $count } tâche
   *[other] { $count } tâches
})
where-every-launch-stands = Où en est chaque lancement
profile = Profil
launch = Lancement
launched-on-cap = Lancé le { $date }
home-market = Marché d’origine
planned = Prévu
last-task-due = : dernière tâche due le { $date }
market-languages = Langues
currency = Devise
team = Équipe
col-role = Rôle
col-person = Personne
local-partners = Partenaires locaux
launch-timeline = Calendrier du lancement
market-timeline-caption = Le calendrier depuis le lancement le { $date } : chaque phase et chaque étape, de son premier début à sa dernière échéance.
market-critical-caption = Le <span class="crit-key">chemin critique</span> ({ $count ->
    [one] { $count } tâche
   *[other] { $count } tâches
}) détermine la dernière échéance, le { $date } : un jour de retard sur ce chemin est un jour de retard à la fin.
col-phase = Phase
col-starts = Début
col-due = Échéance
col-tasks-here = Tâches ici
col-critical-path = Chemin critique
yes = oui
scorecard = Tableau de bord
targets-met = { $met } objectifs mesurés atteints sur { $count }.
col-actual = Valeur réelle
col-result = Résultat
col-note = Remarque
no-actuals-yet = Aucune valeur réelle communiquée pour l’instant.
why-checklist-differs = Pourquoi cette checklist est différente
tasks-apply-because = { $count ->
    [one] { $count } tâche s’applique
   *[other] { $count } tâches s’appliquent
} en raison de { $reason }
own-tasks = Tâches propres à ce marché
in-step = dans <a href="{ $url }">{ $title }</a>

## Indicateurs

metrics-lead = Chaque indicateur a un objectif typé : la valeur réelle de chaque marché est jugée atteinte ou manquée.
col-markets-meeting = Marchés qui l’atteignent
not-measured-yet = pas encore mesuré
per-period = par { $period }
measures = Mesure :
by-market = Par marché
metric-chart-caption = Valeurs réelles par marché ; la ligne indique l’objectif.
col-as-of = Au
no-market-reports = Aucun marché ne communique encore cet indicateur.

## Réglementations

col-regulation = Réglementation
col-markets = Marchés
col-jurisdiction = Juridiction
in-force = En vigueur
checked = vérifié le
last-reviewed = Dernière revue
official-text = Texte officiel
none-of-our-markets = aucun de nos marchés
key-dates = Dates clés
col-date = Date
col-what = Quoi
col-source = Source
obligations = Ce qu’elle exige des opérations
watch = À surveiller
watch-lead = Changements en attente à la date de la dernière revue.
source-lower = source :
tasks-it-triggers = Tâches qu’elle déclenche
in-named-step = dans { $step }
sources = Sources
regulations-lead = Les lois qui encadrent nos marchés, et ce que chacune exige des opérations.
none = aucune

## Experts et études

expert = Expert
composite-title = Un personnage composite, pas une personne réelle
composite-text = { $name } est un personnage fictif qui réunit les points de vue de plusieurs praticiens. Le nom et les citations sont illustratifs et ne sont pas des déclarations d’une personne ou d’une entreprise réelle.
strategic-perspectives = Perspectives stratégiques
actionable-advice = Conseils pratiques
put-to-work-in = À mettre en pratique dans :
experts-lead = Ces experts sont des <strong>personnages composites</strong> : chacun réunit les points de vue de plusieurs praticiens. Ce ne sont pas des personnes réelles, et leurs propos ne sont pas des déclarations d’une entreprise.
research = Étude
results = Résultats
supports = Étaye :

## Recherche

search-page = Page de recherche
search-page-label = Recherchez des étapes, des tâches, des indicateurs, des marchés, des réglementations, des personnes et des chapitres du récit
show-more-results = Afficher plus de résultats
search-needs-js = La recherche nécessite JavaScript. Parcourez plutôt les <a href="{ $root }frameworks/">cadres</a>, les <a href="{ $root }markets/">marchés</a> ou le <a href="{ $root }story/">récit</a>.

## État des lancements

status-lead = Où en est le lancement de chaque marché <span class="status-day">selon sa checklist</span> : les tâches enregistrées comme faites dans <code>content/progress/</code>, les tâches en retard et les prochaines échéances.
status-rules = Lancé : le marché est en production (pour le programme de l’entreprise, son travail est en place) ; le travail dû avant ce jour et non enregistré est considéré comme clos, et le travail ultérieur est listé sans mettre le lancement en retard. En retard : une tâche a dépassé son échéance sans être enregistrée comme faite. À risque : rien n’est en retard, mais des tâches dues dans les { $days } jours ne sont pas encore faites. Pas commencé : avant le lancement. Les coches conservées uniquement dans un navigateur ne comptent pas : enregistrez-les avec <code>playbook progress</code>.
col-done = Fait
col-open-due = Échéances des tâches ouvertes
col-overdue = En retard
col-next-due = Prochaine échéance
col-state = État
status-needs-js = Les tâches en retard et l’état de chaque lancement dépendent de la date du jour : il faut JavaScript ici, ou lancez <code>playbook status</code> dans le dossier du playbook.
open-tasks-by-month = Tâches ouvertes par mois
heat-caption = Tâches ouvertes dues chaque mois, par marché : plus c’est foncé, plus il y en a. Les mois antérieurs au mois en cours sont marqués ; le tableau ci-dessus donne les mêmes faits en mots.

## L’édition imprimable et le parcours d’apprentissage

contents = Sommaire
score-sheet = Grille de score : reportez les points cochés
col-part = Partie
col-weight = Pondération
col-points-ticked = Points cochés
col-score = Score
col-questions = Questions
col-points = Points
total = Total
percent-of-score = { $weight } % du score
it-validates = Elle valide : { $list }.
it-tests = Elle évalue : { $list }.
level-question = { $level }, question { $number }
question-number = Question { $number }
print-market-line = lancement { $date }, { $count ->
    [one] { $count } tâche dans la checklist
   *[other] { $count } tâches dans la checklist
}
taught-in = traité dans
list-and = et
moved-here-from-long = Déplacé ici depuis <a href="{ $url }">{ $level }</a>, où la liste source le place.
moved-away-lead = <strong>Déplacé vers un autre niveau.</strong> La liste source les place aussi sous ce niveau ; le parcours suit les chapitres qui les traitent :
skill = compétence
objective = objectif
from-chapter = tiré de <a href="{ $url }">{ $title }</a>
your-answer = Votre réponse
to-question = à la question { $number }
to-level-question = à { $level }, question { $number }
rubric-for-question = Grille de la question { $number } : cochez chaque ligne à laquelle votre réponse satisfait
rubric-for-level-question = Grille de { $level }, question { $number } : cochez chaque ligne à laquelle votre réponse satisfait
worked-answer = Réponse commentée
back-to-question = Retour à la question { $number }
out-of = sur { $total }
story = Récit
learning-path = Parcours d’apprentissage
its-parts = { $title } : ses parties
take-the = Passer { $title }
portfolio-lead = Des modèles à copier dans vos propres documents, avec les chiffres du récit comme exemples :
questions-on = { $count ->
    [one] { $count } question sur
   *[other] { $count } questions sur
}
assessment-lead-end = . Rédigez votre réponse à chacune, puis cochez les lignes de la grille qu’elle remplit ; les réponses commentées sont en fin de page.
assessment-relation = Cette auto-évaluation porte sur un seul niveau. L’<a href="{ $url }">{ $title }</a> réunit les questions de tous les niveaux et les note ensemble ; vos réponses et vos coches ici y comptent aussi.
how-scored = Comment le score est calculé
score-by-part = Votre score par partie
score-by-part-level = Votre score par partie et par niveau
clear-level = Effacer mes réponses et mes coches pour ce niveau
kept-in-browser = Vos réponses et vos coches sont conservées uniquement dans ce navigateur.
worked-answers = Réponses commentées
combined-relation-start = Les questions sont celles des auto-évaluations des niveaux
combined-relation-end = , et les réponses et les coches sont partagées avec elles : une coche sur la page d’un niveau compte ici, et une coche ici compte là-bas. Une auto-évaluation pondère ses parties au sein d’un niveau ; ici, les points de chaque partie sont additionnés sur tous les niveaux avant d’être pondérés, de sorte qu’un niveau qui a plus de points dans une partie y pèse davantage.
each-level-score = Score de l’auto-évaluation de chaque niveau
what-total-means = Ce que signifie votre total
clear-all = Effacer toutes mes réponses et mes coches
kept-in-browser-all = Vos réponses et vos coches sont conservées uniquement dans ce navigateur ; les effacer ici efface aussi l’auto-évaluation de chaque niveau.
combined-worked-start = La réponse commentée de chaque question se trouve sur la page de son niveau, après les questions :
combined-worked-end = . Rédigez d’abord vos réponses ici ; les liens sous chaque question ouvrent sa réponse commentée. L’<a href="{ $url }">édition imprimable</a> contient chaque question avec sa grille et sa réponse commentée.
template = Modèle
copy-template = Copier le modèle
template-titled = Modèle : { $title }

## Checklists

checklist-intro = Par ordre chronologique : chaque tâche de son début à son échéance, planifiée depuis le lancement, selon sa phase, sa durée et ce qu’elle attend. Les lignes marquées <span class=crit-mark>chemin critique</span> déterminent la dernière échéance.
download-csv = Télécharger le CSV
download-markdown = Télécharger le Markdown
add-to-calendar = Ajouter au calendrier (.ics)
record-ticks = Enregistrer vos coches dans le playbook
record-ticks-text = Les coches restent dans ce navigateur. Pour les partager avec l’équipe, ajoutez-les à <code>content/progress/{ $market }.yaml</code> : le site les montre alors à tous.
your-name = Votre nom
show-ticks-yaml = Afficher mes coches en YAML
ticks-yaml-label = Vos coches en YAML pour le fichier de progression
tasks-done = Tâches faites
n-of-m-done = { $done } sur { $total } faites
reset-ticks = Réinitialiser les coches
checklist-needs-js = Cette checklist compte { $count } tâches. Les checklists aussi longues sont assemblées par votre navigateur, ce qui nécessite JavaScript. Depuis le dossier du playbook, <code>playbook checklist { $market } --format pdf</code> l’imprime.
company-prerequisites = Prérequis de l’entreprise
prerequisites-lead = Faits une seule fois pour l’entreprise ; les phases de ce marché les attendent.
col-company-work = Travail de l’entreprise
needed-by = requis par { $list }
lead-name = responsable { $name }
col-task = Tâche
col-dates = Dates
signed-off = Validé par ______________________ Date __________
from-date = à partir du { $date }
also = aussi
note-colon = Remarque :
waits-for = Attend :
done-on = fait le { $date }
done-by = par { $name }
critical-path = chemin critique
not-applicable = Non applicable ici
not-applicable-lead = Les tâches du playbook que cette checklist écarte, et pourquoi.
entry-left-out = { $count ->
    [one] { $count } tâche d’entrée sur le marché
   *[other] { $count } tâches d’entrée sur le marché
} : { $name } est le marché d’origine.
checklist-lead-kickoff = Lancement <strong>{ $date }</strong>
checklist-lead-end = dernière échéance <strong>{ $date }</strong> ({ $days } jours ; chemin critique : { $count ->
    [one] { $count } tâche
   *[other] { $count } tâches
})
operations-lead = Responsable des opérations : { $name }
chart-target = objectif { $target }
draws-on = S’appuie sur :

## Les scripts du thème (texte brut, pas de balisage ; « {q} » etc. restent tels quels)

js-facet-kind = Type
js-offline = Ouvert depuis le disque : titres uniquement ; la recherche plein texte nécessite que le site soit servi (playbook serve).
js-showing = Résultats pour « { $q } ».
js-all-results = Les { $n } résultats pour « { $q } » →
js-no-titles = Aucun titre de page ne correspond à « { $q } ».
js-nothing-matches = Rien ne correspond à « { $q } ».
js-fulltext-failed = La recherche plein texte n’a pas pu se charger ; affichage des titres correspondants.
js-results = { $count ->
    [one] { $n } résultat.
   *[other] { $n } résultats.
}
js-no-results = 0 résultat pour « { $q } ».
js-search-instead = Rechercher plutôt « { $q } »
js-kind-framework = cadre
js-kind-component = composant
js-kind-step = étape
js-kind-metric = indicateur
js-kind-market = marché
js-kind-regulation = réglementation
js-kind-expert = expert
js-kind-research = étude
js-kind-chapter = chapitre
js-kind-page = page
js-kind-task = tâche
js-chapters-read = { $n } chapitres lus sur { $total }
js-untick-all = Décocher toutes les tâches de cette checklist ?
js-yaml-none = # Aucune coche dans ce navigateur pour l’instant : cochez les tâches faites, puis appuyez de nouveau sur le bouton.
js-yaml-paste = # Collez ces lignes sous `done:` dans content/progress/{ $market }.yaml
js-yaml-create = # (créez le fichier avec une première ligne `done:` s’il n’existe pas) :
js-yaml-cli = # ou enregistrez-les depuis le dossier du playbook :
js-state-done = Fait
js-state-launched = Lancé
js-state-late = En retard
js-state-not-started = Pas commencé
js-state-at-risk = À risque
js-state-on-track = Dans les temps
js-n-overdue = { $n } en retard
js-tasks = { $count ->
    [one] { $n } tâche
   *[other] { $n } tâches
}
js-next-due = { $count ->
    [one] { $date } ({ $n } tâche)
   *[other] { $date } ({ $n } tâches)
}
js-n-launched = { $n } lancés
js-next-kickoff = prochain lancement : { $name } le { $date }
js-nothing-overdue = rien en retard
js-launches-overdue = { $count ->
    [one] { $n } lancement avec du travail en retard
   *[other] { $n } lancements avec du travail en retard
}
js-on-day = au { $date }
js-tick-to-score = Cochez les lignes de la grille que vos réponses remplissent pour voir votre score.
js-your-score = Votre score : { $score } sur 100.
js-clear-all-confirm = Effacer toutes vos réponses et vos coches, y compris sur la page de chaque niveau ?
js-clear-level-confirm = Effacer vos réponses et vos coches pour ce niveau ?
js-copied = Copié.
js-copy-failed = Sélectionnez le texte et copiez-le.
js-month-ongoing = En continu

## Mots écrits par le code Rust du site : sections de la barre latérale, titres des pages d’index, fil d’Ariane

nav-story = Récit
nav-frameworks = Cadres
nav-metrics = Indicateurs
nav-markets = Marchés
nav-status = État des lancements
nav-regulations = Réglementations
nav-experts = Experts
nav-research = Études
kinds-frameworks = Cadres
kinds-components = Composants
kinds-steps = Étapes
kinds-tasks = Tâches
kinds-metrics = Indicateurs
kinds-markets = Marchés
kinds-regulations = Réglementations
kinds-experts = Experts
kinds-research = Études
kinds-story-chapters = Chapitres du récit

## Libellés des types de page (page-<nom du type>) : le titre d’une page
## sans titre propre, dans les liens précédent/suivant et le <title>

page-home = Accueil
page-story-index = Le récit
page-chapter = Chapitre du récit
page-learning-path = Parcours d’apprentissage
page-level-assessment = Auto-évaluation
page-combined-assessment = Évaluation
page-portfolio = Portfolio
page-frameworks-index = Cadres
page-framework = Cadre
page-component = Composant
page-step = Étape
page-metrics-index = Indicateurs de réussite
page-metric = Indicateur
page-markets-index = Marchés
page-market = Marché
page-market-checklist = Checklist de lancement
page-company-checklist = Checklist du programme d’entreprise
page-status = État des lancements
page-regulations-index = Réglementations
page-regulation = Réglementation
page-experts-index = Experts
page-expert = Expert
page-research-index = Études et boîte à outils
page-research = Étude
page-print = Version imprimable
page-search = Recherche
page-not-found = Page introuvable
market-launch-checklist = Checklist de lancement : { $market }
# La checklist de l’entreprise quand [company] de book.toml n’a pas de nom.
company-program = Programme d’entreprise
print-title = { $book } — version imprimable

## Quand une phase ou un bloc de semaines a lieu, compté depuis le lancement

window-week = Semaine { $first }
window-weeks = Semaines { $first }–{ $last }
window-month = Mois { $first }
window-months = Mois { $first }–{ $last }
# Sans fin : à partir du mois 4.
window-months-on = À partir du mois { $first }
block-weeks-titled = { $window }, semaines { $first }–{ $last } : { $title }
block-titled = { $window } : { $title }
# Les chapitres d’un niveau du parcours, par les numéros de leurs sections.
sections-range = Sections { $first }–{ $last }
sections-list = Sections { $list }
level-chapters = { $count ->
    [one] { $count } chapitre
   *[other] { $count } chapitres
}

## Textes de remplacement des graphiques

chart-launch-timeline = Calendrier de lancement : { $market }, à partir du lancement le { $date }
chart-framework-timeline = Calendrier : { $title }
chart-component-timeline = Phases : { $title }, sur une échelle en semaines
heat-title = Tâches ouvertes dues chaque mois, par marché
heat-cell = { $market }, { $month } : { $count ->
    [one] { $count } tâche ouverte due
   *[other] { $count } tâches ouvertes dues
}

## Markdown : titres des encadrés (> [!NOTE]) et lien de chaque titre

callout-note = Remarque
callout-tip = Astuce
callout-important = Important
callout-warning = Avertissement
callout-caution = Attention
heading-anchor = Lien vers cette section

## The sidebar: a long list shows the block of entries around the page,
## between links to the section's page listing the rest.
nav-earlier = … { $count } { $count ->
    [one] précédent
   *[other] précédents
}
nav-more = … { $count } { $count ->
    [one] autre
   *[other] autres
}

## A market checklist's link back to its market's page.
market-page = Page du marché

## A company prerequisite's kind on a market checklist.
prereq-kind-step = étape
prereq-kind-phase = phase
