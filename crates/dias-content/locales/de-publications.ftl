# Publikationen: Bibliothek, Detailseite, Redaktion, offene Daten.
content-pub-search-kind = Publikation
content-pub-library-title = Publikationen
content-pub-library-lead = Studien, Berichte, Positionspapiere, Leitfäden und Stellungnahmen der Digitalagentur Sachsen – jeweils mit einer Zusammenfassung in einfacher Sprache und als PDF.
content-pub-filter-label = Publikationen filtern
content-pub-filter-all = Alle
content-pub-filter-topic = Thema
content-pub-filter-apply = Filter anwenden
content-pub-filter-reset = Filter zurücksetzen
content-pub-results = { $count ->
    [one] Eine Publikation
   *[other] { $count } Publikationen
}
content-pub-library-empty = Noch keine Publikationen veröffentlicht.
content-pub-library-none-filtered = Keine Publikation passt zu diesen Filtern.
content-pub-download-short = PDF herunterladen ({ $size })
content-pub-download = PDF herunterladen ({ $size })
content-pub-open-data = Metadaten als offene Daten (DCAT-AP.de):
content-pub-published-on = Veröffentlicht am
content-pub-summary-title = Zusammenfassung in einfacher Sprache
content-pub-abstract-title = Kurzfassung
content-pub-cite-title = Zitiervorschlag
content-pub-back = Zurück zu allen Publikationen
content-pub-lang-de = Deutsch
content-pub-lang-en = Englisch

content-pub-staff-title = Publikationen
content-pub-staff-lead = Studien, Berichte und Positionen mit PDF, Zusammenfassung und Lizenz.
content-pub-staff-public = Zur öffentlichen Bibliothek
content-pub-staff-empty = Noch keine Publikationen angelegt.
content-pub-count = { $count ->
    [one] Eine Publikation
   *[other] { $count } Publikationen
}
content-pub-new-title = Neue Publikation
content-pub-edit-title = Publikation bearbeiten
content-pub-col-state = Status
content-pub-col-file = PDF
content-pub-col-updated = Zuletzt geändert
content-pub-col-actions = Aktionen
content-pub-state-draft = Entwurf
content-pub-state-scheduled = Geplant für { $at }
content-pub-state-live = Veröffentlicht
content-pub-file-yes = PDF vorhanden ({ $size })
content-pub-file-no = Kein PDF
content-pub-action-edit = Bearbeiten
content-pub-action-delete = Löschen
content-pub-view-public = öffentliche Seite ansehen
content-pub-choose = Bitte wählen

content-pub-field-title = Titel
content-pub-field-authors = Autorinnen und Autoren
content-pub-field-authors-short = Autorinnen und Autoren
content-pub-field-authors-hint = Eine Person oder Organisation je Zeile (oder durch Semikolon getrennt).
content-pub-field-year = Jahr
content-pub-field-kind = Art
content-pub-field-topics = Themen
content-pub-field-abstract = Kurzfassung (Abstract)
content-pub-field-abstract-hint = Worum geht es? Wird in der Bibliothek, der Suche und den offenen Daten gezeigt.
content-pub-field-summary = Zusammenfassung in einfacher Sprache (barrierefreie Kurzfassung)
content-pub-field-summary-hint = Markdown. Kurze Sätze, Fachwörter erklärt. Pflicht vor dem Veröffentlichen.
content-pub-field-licence = Lizenz
content-pub-field-lang = Sprache
content-pub-field-slug = Adresse (Slug)
content-pub-field-slug-hint = Teil der Adresse /publikationen/… aus Kleinbuchstaben, Ziffern und Bindestrichen. Leer lassen: wird aus dem Titel vorgeschlagen. Nach der ersten Veröffentlichung nicht mehr änderbar.
content-pub-field-slug-fixed = bleibt fest, weil die Publikation schon veröffentlicht war (Download-Adressen bleiben gültig).
content-pub-field-status = Status
content-pub-field-status-hint = „Veröffentlicht“ mit einem Zeitpunkt in der Zukunft plant die Veröffentlichung.
content-pub-field-date = Veröffentlichungsdatum
content-pub-field-date-hint = Leer lassen: sofort. Zeit in Berlin.
content-pub-field-time = Uhrzeit
content-pub-field-time-hint = Zum Beispiel 09:00. Leer lassen: 0:00 Uhr.
content-pub-file-after-save = Das PDF laden Sie nach dem ersten Speichern hoch; veröffentlichen können Sie erst mit PDF.
content-pub-save = Speichern
content-pub-create = Anlegen

content-pub-file-title = PDF-Datei
content-pub-file-current = Aktuelle Datei: { $name }
content-pub-file-meta = PDF, { $size }
content-pub-file-none = Noch keine Datei hochgeladen.
content-pub-file-choose = PDF-Datei auswählen
content-pub-file-replace = PDF-Datei ersetzen (die Download-Adresse bleibt gleich)
content-pub-file-hint = Nur PDF, höchstens { $max } MB. Bitte laden Sie ein barrierefreies PDF hoch (getaggt, mit Überschriften, Lesereihenfolge und Alternativtexten für Bilder).
content-pub-file-upload = Datei hochladen

content-pub-conflict-title = Inzwischen hat jemand anderes diese Publikation gespeichert
content-pub-conflict-text = Ihre Eingaben sind unten erhalten, aber noch nicht gespeichert. Prüfen Sie den aktuellen Stand und speichern Sie dann erneut – dabei überschreiben Sie die andere Änderung.
content-pub-conflict-current = Aktuellen Stand in neuem Tab öffnen

content-pub-delete-title = Publikation löschen
content-pub-delete-question = Soll „{ $title }“ mit ihrer PDF-Datei endgültig gelöscht werden?
content-pub-delete-live = Die Publikation ist veröffentlicht: Ihre Seite und die Download-Adresse sind danach nicht mehr erreichbar.
content-pub-delete-hint = Das lässt sich nicht rückgängig machen. Wenn sie nur nicht mehr sichtbar sein soll, setzen Sie den Status auf „Entwurf“.
content-pub-delete-confirm = Endgültig löschen
content-pub-delete-cancel = Abbrechen

content-pub-error-authors = Geben Sie mindestens eine Autorin, einen Autor oder eine Organisation an.
content-pub-error-year = Geben Sie das Erscheinungsjahr als vierstellige Zahl an (ab 1990).
content-pub-error-kind = Wählen Sie die Art der Publikation.
content-pub-error-topics = Wählen Sie mindestens ein Thema.
content-pub-error-licence = Wählen Sie eine Lizenz.
content-pub-error-lang = Wählen Sie die Sprache.
content-pub-error-status = Wählen Sie einen Status.
content-pub-error-date = Geben Sie ein gültiges Datum (und eine gültige Uhrzeit wie 09:30) an.
content-pub-error-summary-needed = Zum Veröffentlichen fehlt die Zusammenfassung in einfacher Sprache.
content-pub-error-file-needed = Zum Veröffentlichen fehlt die PDF-Datei. Speichern Sie als Entwurf und laden Sie das PDF unten hoch.
content-pub-error-slug = Die Adresse darf nur Kleinbuchstaben (a–z), Ziffern und einzelne Bindestriche enthalten.
content-pub-error-slug-taken = Diese Adresse hat schon eine andere Publikation. Wählen Sie eine andere oder lassen Sie das Feld leer.
content-pub-error-slug-fixed = Die Adresse kann nicht mehr geändert werden, weil die Publikation schon veröffentlicht war.
content-pub-error-file-missing = Wählen Sie eine PDF-Datei aus.
content-pub-error-file-empty = Die Datei ist leer.
content-pub-error-file-size = Die Datei ist größer als 50 MB. Verkleinern Sie das PDF (zum Beispiel Bilder komprimieren) und laden Sie es erneut hoch.
content-pub-error-file-type = Die Datei ist kein PDF. Es werden nur PDF-Dateien angenommen – geprüft wird der Inhalt, nicht der Dateiname. Nichts wurde gespeichert.
content-pub-error-file-active = Die PDF-Datei enthält aktive Inhalte (Skripte, eingebettete Dateien oder Programmaufrufe). Bitte speichern Sie sie ohne diese Inhalte, etwa über „Drucken als PDF“. Nichts wurde gespeichert.

notice-content-pub-created = Die Publikation wurde angelegt. Laden Sie jetzt das PDF hoch.
notice-content-pub-saved = Die Publikation wurde gespeichert.
notice-content-pub-file-saved = Das PDF wurde gespeichert.
notice-content-pub-deleted = Die Publikation wurde gelöscht.
content-pub-accessible-question = Sie benötigen eine barrierefreie Fassung?
content-pub-accessible-link = Schreiben Sie uns.
content-pub-error-title = Geben Sie den Titel der Publikation ein.
content-pub-error-abstract = Geben Sie die Kurzfassung ein.

# Audit log labels (/verwaltung/protokoll)
audit-content-publication-create = Veröffentlichung angelegt
audit-content-publication-update = Veröffentlichung geändert
audit-content-publication-delete = Veröffentlichung gelöscht
audit-content-publication-file = Datei der Veröffentlichung ersetzt
audit-content-publication-withdraw = Veröffentlichung zurückgezogen
