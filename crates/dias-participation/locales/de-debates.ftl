# Debatten und Umfragen (Beteiligung).

## Debatten
debates-title = Debatten
debates-intro = Diskutieren Sie strittige Fragen der Strategie mit Argumenten dafür und dagegen.
debates-lead = Zu jeder Frage können Sie ein Argument dafür, dagegen oder eine neutrale Anmerkung schreiben. Die Digitalagentur schließt jede Debatte mit einem Fazit ab.
debates-none = Zu diesem Verfahren gibt es noch keine Debatten.
search-kind-debate = Debatte
debate-new = Debatte anlegen
debate-edit = Debatte bearbeiten
debate-open = offen
debate-closed = abgeschlossen
debate-closed-on = abgeschlossen am { $date }
debate-closed-no-comments = Neue Kommentare sind nicht mehr möglich.
debate-conclusion = Fazit
debate-conclusion-hint = Was hat die Debatte ergeben, und was folgt daraus? Das Fazit erscheint über den Kommentaren. Absätze und Listen sind möglich (Markdown).
debate-close = Debatte mit Fazit abschließen
debate-question = Frage
debate-question-hint = Eine Frage, auf die man mit Ja oder Nein antworten kann (höchstens 300 Zeichen).
debate-description = Beschreibung
debate-description-hint = Worum geht es, und welche Positionen gibt es? Absätze und Listen sind möglich (Markdown).
debate-stance = Ihre Haltung zur Frage
debate-pro-count = { $count ->
    [one] 1 Argument dafür
   *[other] { $count } Argumente dafür
}
debate-contra-count = { $count ->
    [one] 1 Argument dagegen
   *[other] { $count } Argumente dagegen
}
debate-neutral-count = { $count ->
    [one] 1 neutraler Beitrag
   *[other] { $count } neutrale Beiträge
}
debate-closed-refused = Diese Debatte ist abgeschlossen. Neue Kommentare sind nicht mehr möglich.
debate-already-closed = Diese Debatte ist bereits abgeschlossen.
notice-debatte-gespeichert = Die Debatte ist gespeichert.
notice-debatte-abgeschlossen = Die Debatte ist abgeschlossen; das Fazit ist veröffentlicht.
audit-debate-created = Debatte angelegt
audit-debate-closed = Debatte abgeschlossen

## Umfragen
surveys-title = Umfragen
surveys-intro = Beantworten Sie kurze Fragen zur Digitalisierung in Sachsen. Die Ergebnisse werden nach Abschluss veröffentlicht.
surveys-lead = Jede Person kann eine Umfrage einmal beantworten und ihre Antworten ändern, solange die Umfrage läuft. Die Ergebnisse erscheinen hier, sobald die Umfrage abgeschlossen ist.
surveys-none = Zu diesem Verfahren gibt es noch keine Umfragen.
survey-new = Umfrage anlegen
survey-state-open = läuft
survey-state-not-open = noch nicht geöffnet
survey-state-closed = abgeschlossen
survey-responses-count = { $count ->
    [0] Noch keine Antworten
    [one] 1 Person hat geantwortet
   *[other] { $count } Personen haben geantwortet
}
survey-answered-count = { $count ->
    [0] von niemandem beantwortet
    [one] von 1 Person beantwortet
   *[other] von { $count } Personen beantwortet
}
survey-results = Ergebnisse
survey-back = Zurück zur Umfrage
survey-results-later = Die Ergebnisse werden veröffentlicht, sobald die Umfrage abgeschlossen ist.
survey-results-staff-only = Die Umfrage läuft noch. Diese Zwischenergebnisse sieht nur die Redaktion.
survey-answered = Sie haben an dieser Umfrage teilgenommen. Solange sie läuft, können Sie Ihre Antworten hier ändern.
survey-required-note = Fragen mit dem Hinweis „Pflichtfeld“ müssen beantwortet werden, alle anderen sind freiwillig.
survey-submit = Antworten absenden
survey-update = Antworten ändern
survey-closed = Diese Umfrage ist abgeschlossen. Antworten sind nicht mehr möglich.
survey-already-closed = Diese Umfrage ist bereits abgeschlossen.
survey-hint-multiple = Mehrere Antworten möglich.
survey-hint-scale = Wählen Sie einen Wert von { $range }.
survey-error-required = Bitte beantworten Sie diese Frage.
survey-error-invalid-choice = Bitte wählen Sie eine der angebotenen Antworten.
survey-error-out-of-range = Der Wert liegt außerhalb der Skala.
survey-error-format = Die Fragen enthalten Fehler; siehe die Liste mit Zeilennummern.
survey-error-no-questions = Bitte geben Sie mindestens eine Frage ein.
survey-kind-single = Einfachauswahl
survey-kind-multiple = Mehrfachauswahl
survey-kind-text = Freitext
survey-kind-scale = Skala
survey-kind-matrix = Matrix
survey-col-answer = Antwort
survey-col-count = Anzahl (Anteil)
survey-col-row = Aussage
survey-chart-description = Balkendiagramm der Antworten; Anteile bezogen auf { $count } Personen, die die Frage beantwortet haben. Die Zahlen stehen auch in der Tabelle.
survey-no-texts = Noch keine Antworten.
survey-texts-staff = Freitextantworten sieht nur die Redaktion, weil sie Hinweise auf Personen enthalten können. Die neuesten 200 stehen hier, alle in der CSV-Datei.
survey-texts-private = Freitextantworten werden nicht veröffentlicht, weil sie Hinweise auf Personen enthalten können. Die Digitalagentur wertet sie aus.
survey-download = Alle Antworten herunterladen (CSV, pseudonymisiert)
survey-close = Umfrage abschließen
survey-close-confirm = Wollen Sie die Umfrage abschließen? Danach sind keine Antworten mehr möglich, und die Ergebnisse werden veröffentlicht.
survey-title = Titel
survey-description = Beschreibung
survey-description-hint = Worum geht es, wie lange dauert das Ausfüllen, wer wertet aus? Absätze und Listen sind möglich (Markdown).
survey-questions = Fragen
survey-questions-hint = Jede Frage beginnt mit einer Zeile „Art: Fragetext“. Arten: einfach, mehrfach, text, skala 1-5 (Bereich frei wählbar, höchstens 11 Stufen) und matrix. Ein * nach der Art macht die Frage zur Pflichtfrage. Darunter stehen die Antwortmöglichkeiten mit „- “ (bei matrix die Spalten) und bei matrix die Zeilen mit „> “. Fragen können danach nicht mehr geändert werden. Beispiel:
survey-questions-example =
    einfach*: Wie oft nutzen Sie Online-Dienste der Verwaltung?
    - nie
    - manchmal
    - oft

    skala 1-5: Wie zufrieden sind Sie?

    matrix: Wie wichtig sind Ihnen diese Ziele?
    > Glasfaser
    > Mobilfunk
    - wichtig
    - unwichtig

    text: Was fehlt Ihnen?
survey-create = Umfrage anlegen
survey-format-problems-intro = Die Umfrage wurde nicht angelegt, weil die Fragen Fehler enthalten:
survey-format-option-without-question = Antwortmöglichkeit oder Zeile ohne Frage davor (es fehlt eine Zeile „Art: Fragetext“).
survey-format-option-not-allowed = Freitext- und Skalenfragen haben keine Antwortmöglichkeiten.
survey-format-row-not-matrix = Zeilen mit „> “ gibt es nur bei Matrixfragen.
survey-format-empty-option = Die Antwortmöglichkeit ist leer.
survey-format-option-too-long = Die Antwortmöglichkeit ist zu lang (höchstens 300 Zeichen).
survey-format-expected-question = Erwartet wird eine Frage „Art: Fragetext“, eine Antwortmöglichkeit „- …“ oder eine Matrixzeile „> …“.
survey-format-unknown-kind = Unbekannte Fragenart. Möglich sind einfach, mehrfach, text, skala 1-5 und matrix.
survey-format-scale-range = Ungültiger Skalenbereich. Schreiben Sie zum Beispiel „skala 1-5“ (höchstens 11 Stufen, der erste Wert kleiner als der zweite).
survey-format-question-text-missing = Der Fragetext fehlt.
survey-format-question-too-long = Der Fragetext ist zu lang (höchstens 1.000 Zeichen).
survey-format-too-few-options = Diese Frage braucht mindestens zwei Antwortmöglichkeiten („- …“).
survey-format-no-rows = Eine Matrixfrage braucht mindestens eine Zeile („> …“).
survey-format-too-many-options = Höchstens 20 Antwortmöglichkeiten und 20 Zeilen pro Frage.
survey-format-too-many-questions = Höchstens 50 Fragen pro Umfrage.
notice-umfrage-gespeichert = Vielen Dank! Ihre Antworten sind gespeichert.
notice-umfrage-angelegt = Die Umfrage ist angelegt.
notice-umfrage-abgeschlossen = Die Umfrage ist abgeschlossen; die Ergebnisse sind veröffentlicht.
audit-survey-created = Umfrage angelegt
audit-survey-closed = Umfrage abgeschlossen
audit-survey-exported = Umfrageantworten exportiert

## Umfragen bearbeiten
survey-edit = Umfrage bearbeiten
survey-edit-title = „{ $title }“ bearbeiten
survey-save = Änderungen speichern
survey-edit-answered = Diese Umfrage hat schon Antworten. Titel und Beschreibung können Sie ändern, die Fragen nicht mehr: Die Antworten beziehen sich auf sie. Für andere Fragen schließen Sie die Umfrage ab und legen eine neue an.
survey-error-answered = Die Fragen lassen sich nicht mehr ändern, weil schon Antworten vorliegen.
survey-changed = Die Umfrage wurde gerade geändert. Bitte laden Sie die Seite neu und antworten Sie noch einmal.
notice-umfrage-geaendert = Die Änderungen an der Umfrage sind gespeichert.
audit-survey-updated = Umfrage geändert
