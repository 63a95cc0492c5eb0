desk-faq-title = Häufige Fragen
desk-faq-lead = Antworten der Digitalagentur auf Fragen, die uns oft erreichen. Ihre Frage ist nicht dabei? Schreiben Sie uns.
desk-faq-filter-label = Häufige Fragen nach Thema filtern
desk-faq-filter-topic = Thema
desk-faq-filter-all = Alle Themen
desk-faq-filter-apply = Anzeigen
desk-faq-count = { $count ->
    [one] Eine Frage
   *[other] { $count } Fragen
}
desk-faq-empty = Zu diesem Thema gibt es noch keine veröffentlichten Fragen.
desk-faq-ask = Eine Frage stellen
desk-faq-answer = Antwort
desk-faq-updated = Stand:
desk-faq-back = Alle häufigen Fragen
desk-faq-search-kind = Häufige Frage

desk-faq-new-title = Als häufige Frage veröffentlichen
desk-faq-edit-title = Häufige Frage bearbeiten
desk-faq-from-inquiry = Aus der Anfrage { $reference }.
desk-faq-to-inquiry = Zur Anfrage
desk-faq-review-hint = Namen, E-Mail-Adressen, Telefonnummern und persönliche Links sind vorab durch „[…]“ ersetzt. Prüfen Sie den ganzen Text: Formulieren Sie die Frage allgemein und entfernen Sie alles, was auf die anfragende Person oder ihren Fall schließen lässt.
desk-faq-field-topic = Thema
desk-faq-field-topic-choose = Bitte wählen
desk-faq-field-question = Frage
desk-faq-field-question-hint = Die erste Zeile ist die Überschrift der Frage; weitere Absätze erläutern sie. Höchstens 300 Zeichen.
desk-faq-field-answer = Antwort
desk-faq-field-answer-hint = Markdown ist möglich, etwa **fett**, Listen und Links.
desk-faq-field-position = Reihenfolge
desk-faq-field-position-hint = Kleinere Zahlen stehen innerhalb des Themas weiter oben (0 bis 9999).
desk-faq-field-published = Öffentlich zeigen
desk-faq-field-confirmed = Ich habe personenbezogene Angaben entfernt
desk-faq-create = Häufige Frage speichern
desk-faq-save = Änderungen speichern

desk-faq-error-topic = Bitte wählen Sie ein Thema.
desk-faq-error-question = Bitte geben Sie die Frage ein.
desk-faq-error-question-long = Die Frage darf höchstens 300 Zeichen lang sein.
desk-faq-error-answer = Bitte geben Sie die Antwort ein.
desk-faq-error-answer-long = Die Antwort darf höchstens 20.000 Zeichen lang sein.
desk-faq-error-position = Bitte geben Sie für die Reihenfolge eine ganze Zahl von 0 bis 9999 ein.
desk-faq-error-confirmed = Bitte bestätigen Sie, dass Sie personenbezogene Angaben entfernt haben.

desk-faq-staff-title = Häufige Fragen verwalten
desk-faq-staff-lead = Alle Einträge, auch die nicht veröffentlichten. Neue Einträge entstehen aus beantworteten Anfragen.
desk-faq-staff-public = Öffentliche Seite ansehen
desk-faq-staff-empty = Noch keine Einträge. Veröffentlichen Sie eine beantwortete Anfrage als häufige Frage.
desk-faq-col-question = Frage
desk-faq-col-status = Status
desk-faq-col-actions = Aktionen
desk-faq-status-published = Veröffentlicht
desk-faq-status-draft = Nicht veröffentlicht
desk-faq-action-edit = Bearbeiten
desk-faq-action-publish = Veröffentlichen
desk-faq-action-withdraw = Zurückziehen
desk-faq-action-delete = Löschen
desk-faq-delete-confirm = Diese häufige Frage wirklich löschen?

notice-desk-faq-created = Die häufige Frage ist gespeichert.
notice-desk-faq-saved = Die Änderungen sind gespeichert.
notice-desk-faq-published = Die häufige Frage ist veröffentlicht.
notice-desk-faq-withdrawn = Die häufige Frage ist nicht mehr öffentlich.
notice-desk-faq-deleted = Die häufige Frage ist gelöscht.

# Audit log labels (/verwaltung/protokoll)
audit-desk-faq-create = Frage (FAQ) angelegt
audit-desk-faq-update = Frage (FAQ) geändert
audit-desk-faq-delete = Frage (FAQ) gelöscht
audit-desk-faq-publish = Frage (FAQ) veröffentlicht
audit-desk-faq-withdraw = Frage (FAQ) zurückgezogen
