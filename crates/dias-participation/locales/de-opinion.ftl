# Meinungsbild (Beteiligung): Aussagen bewerten, Ergebnis, Moderation, Exporte.

opinion-title = Meinungsbild
opinion-card-text = Bewerten Sie kurze Aussagen und sehen Sie, welche Meinungsgruppen es gibt und wo sich alle einig sind.
opinion-default-question = Was denken Sie über die Vorhaben dieses Verfahrens?
opinion-intro = Sie sehen jeweils eine Aussage. Stimmen Sie zu, lehnen Sie ab oder überspringen Sie sie. Aus allen Bewertungen berechnet das Portal Gruppen von Menschen, die ähnlich denken.
opinion-computed-at = Zuletzt berechnet: { $time }
opinion-computed-never = Noch nicht berechnet.
opinion-progress = Sie haben { $voted } von { $total } Aussagen bewertet.
opinion-card-heading = Aussage
opinion-no-statements = Es gibt noch keine Aussagen.
opinion-all-done = Sie haben alle Aussagen bewertet. Vielen Dank!
opinion-results-link = Ergebnis ansehen
opinion-vote-label = Ihre Bewertung dieser Aussage
opinion-vote-agree = Zustimmen
opinion-vote-disagree = Ablehnen
opinion-vote-pass = Überspringen
opinion-sign-in-to-vote = Zum Bewerten melden Sie sich bitte an.
opinion-queue-link = Aussagen moderieren
opinion-pending-count = { $count ->
    [0] keine wartet
    [one] 1 wartet auf Freigabe
   *[other] { $count } warten auf Freigabe
}
opinion-new-heading = Eigene Aussage einbringen
opinion-new-label = Ihre Aussage
opinion-new-hint = Ein kurzer, eigenständiger Satz, dem andere zustimmen oder den sie ablehnen können. Höchstens { $max } Zeichen.
opinion-new-premoderated = Neue Aussagen erscheinen erst nach Prüfung durch die Moderation.
opinion-new-submit = Aussage einreichen
opinion-new-closed = In der aktuellen Phase können keine Aussagen eingereicht werden.
opinion-new-sign-in = Um eigene Aussagen einzubringen, melden Sie sich bitte an.
opinion-error-vote = Diese Bewertung ist nicht gültig.
opinion-error-decision = Diese Entscheidung ist nicht gültig.
notice-opinion-statement-added = Ihre Aussage ist veröffentlicht und wird anderen zur Bewertung angezeigt.
notice-opinion-statement-pending = Ihre Aussage ist eingegangen und erscheint nach Prüfung durch die Moderation.
notice-opinion-decided = Die Entscheidung ist gespeichert.

## Moderation
opinion-queue-title = Aussagen moderieren
opinion-queue-lead = Neue Aussagen warten hier auf Freigabe, wenn das Verfahren vorab moderiert wird. Abgelehnte Aussagen werden niemandem mehr gezeigt und zählen im Meinungsbild nicht mehr.
opinion-back = Zurück zum Meinungsbild
opinion-queue-pending = Warten auf Freigabe
opinion-queue-accepted = Veröffentlicht
opinion-queue-rejected = Abgelehnt
opinion-queue-none = Keine Aussagen.
opinion-col-number = Nr.
opinion-statement = Aussage
opinion-col-created = Eingereicht
opinion-col-actions = Entscheidung
opinion-accept = Freigeben
opinion-reject = Ablehnen

## Ergebnis
opinion-results-title = Meinungsbild: Ergebnis
opinion-no-analysis = Es liegt noch keine Auswertung vor. Sobald genug Bewertungen da sind, wird das Meinungsbild im Hintergrund berechnet.
opinion-basis = Grundlage: { $votes }
opinion-votes = { $count ->
    [one] 1 Bewertung
   *[other] { $count } Bewertungen
}
opinion-people = { $count ->
    [one] 1 Person
   *[other] { $count } Personen
}
opinion-my-group-heading = Ihre Meinungsgruppe
opinion-my-group = Ihre Gruppe: { $group }
opinion-my-group-summary-agree = Ihre Gruppe: { $group } — stimmt zu bei „{ $statement }“
opinion-my-group-summary-disagree = Ihre Gruppe: { $group } — lehnt ab: „{ $statement }“
opinion-my-group-agrees = Ihre Gruppe stimmt deutlich häufiger als die anderen zu bei:
opinion-my-group-disagrees = Ihre Gruppe lehnt deutlich häufiger als die anderen ab:
opinion-my-group-none = Sie sind noch keiner Gruppe zugeordnet. Dafür braucht es einige Bewertungen mehr, und die Berechnung läuft nur alle paar Sekunden.
opinion-my-group-not-voted = Sie haben noch keine Aussage bewertet.
opinion-vote-now = Jetzt Aussagen bewerten
opinion-map-heading = Karte der Meinungsgruppen
opinion-map-caption = Jeder Punkt steht für eine Person. Wer ähnlich bewertet hat, liegt nah beieinander; die Achsen selbst haben keine Bedeutung.
opinion-thinned = Gezeigt wird jede n-te Person ({ $drawn }).
opinion-svg-desc = Streudiagramm der Teilnehmenden nach ihren Bewertungen.
opinion-svg-desc-group = Gruppe { $group }.
opinion-svg-desc-me = Ihr eigener Punkt ist groß, schwarz umrandet und mit „Sie“ beschriftet.
opinion-you = Sie
opinion-legend = Legende
opinion-legend-me = Großer, schwarz umrandeter Punkt mit der Beschriftung „Sie“: Ihre Position
opinion-group = Gruppe { $group }
opinion-your-group = Ihre Gruppe
opinion-ungrouped = Noch keiner Gruppe zugeordnet
opinion-shape-circle = Kreise
opinion-shape-square = Quadrate
opinion-shape-triangle = Dreiecke
opinion-shape-diamond = Rauten
opinion-shape-cross = Kreuze
opinion-shape-ring = leere Kreise
opinion-groups-heading = Wofür die Gruppen stehen
opinion-groups-lead = Je Gruppe die Aussagen, bei denen sie sich am deutlichsten von den anderen unterscheidet, mit den Anteilen innerhalb der Gruppe.
opinion-col-stands = Haltung der Gruppe
opinion-col-agree = Zustimmung
opinion-col-disagree = Ablehnung
opinion-col-pass = Übersprungen
opinion-stands-agree = stimmt zu
opinion-stands-disagree = lehnt ab
opinion-groups-note = Die Gruppen werden mit dem Verfahren von Polis berechnet (Hauptkomponenten und k-Means). Sie beschreiben Muster im Abstimmungsverhalten, keine Personen.
opinion-consensus-heading = Worin sich alle einig sind
opinion-consensus-none = Bisher gibt es keine Aussage, bei der sich fast alle einig sind.
opinion-consensus-caption = Aussagen mit breiter Übereinstimmung über alle Gruppen hinweg
opinion-col-consensus = Übereinstimmung
opinion-consensus-agree = breite Zustimmung
opinion-consensus-disagree = breite Ablehnung
opinion-exports-heading = Daten für die Auswertung
opinion-export-votes = Bewertungen (CSV)
opinion-export-statements = Aussagen (CSV)
opinion-export-matrix = Matrix Teilnehmende × Aussagen (CSV)
opinion-export-analysis = Auswertung (JSON)

# Audit log labels (/verwaltung/protokoll)
audit-opinion-statement-decided = Entscheidung über Aussage
audit-opinion-exported = Meinungsbild exportiert
