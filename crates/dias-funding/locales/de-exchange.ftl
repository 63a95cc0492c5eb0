# Förderlotse (dias-funding): Import, Export, offene Daten und API.

## API
funding-api-per-page = Bitte fragen Sie je Seite 1 bis { $max } Angebote ab (per_page).

## Offene Daten
funding-exchange-data-title = Offene Daten: Förderangebote
funding-exchange-data-lead = { $count ->
    [one] Der ganze Katalog des Förderlotsen – derzeit 1 Angebot – steht zum Herunterladen und über eine Programmierschnittstelle bereit, in demselben Schema, in dem die Redaktion Angebote importiert und exportiert.
   *[other] Der ganze Katalog des Förderlotsen – derzeit { $count } Angebote – steht zum Herunterladen und über eine Programmierschnittstelle bereit, in demselben Schema, in dem die Redaktion Angebote importiert und exportiert.
}
funding-exchange-data-sets = Dateien und Schnittstelle
funding-exchange-data-json = Alle Angebote als JSON
funding-exchange-data-json-text = Ein Dokument mit dem Schema-Namen und der Liste aller Angebote; Listen sind JSON-Arrays, Fristen und Förderstufen Objekte.
funding-exchange-data-csv = Alle Angebote als CSV
funding-exchange-data-csv-text = Eine Zeile je Angebot mit Kopfzeile (UTF-8, Komma, RFC 4180); lässt sich in jeder Tabellenkalkulation öffnen.
funding-exchange-data-api = Programmierschnittstelle (JSON)
funding-exchange-data-api-text = Angebote seitenweise mit denselben Filtern wie die Suche: Jede Adresse der Suchseite funktioniert auch hier. Beschrieben in der
funding-exchange-data-openapi = OpenAPI-Beschreibung
funding-exchange-data-updates = Die Dateien sind immer auf dem aktuellen Stand. Sie tragen ein ETag: Wer mit „If-None-Match“ erneut fragt, erhält nur dann neue Daten, wenn sich ein Angebot geändert hat.
funding-exchange-data-licence = Lizenz und Namensnennung
funding-exchange-data-licence-text = Die Beschreibungen der Redaktion stehen unter der Lizenz
funding-exchange-data-attribution = Bitte nennen Sie als Quelle:
funding-exchange-data-record-licence = Jeder Datensatz nennt im Feld source_licence die Bedingungen seines Textes und in source_url, woher die Angaben stammen. Weicht die Angabe eines Datensatzes von der Lizenz oben ab, gilt für ihn seine eigene.
funding-exchange-data-fields = Felder
funding-exchange-data-fields-text = Das Schema heißt { $schema }. JSON und CSV enthalten dieselben Felder unter denselben Namen in derselben Reihenfolge. Begriffe (zum Beispiel Förderart oder Status) stehen als Kürzel, Daten als JJJJ-MM-TT, Beträge als ganze Euro ohne Trennzeichen.
funding-exchange-data-fields-caption = Die Felder eines Angebots
funding-exchange-data-csv-rules = In der CSV-Datei stehen Listen in einer Zelle, getrennt durch Semikolon (zuschuss;darlehen). Fristen schreiben sich als Datum|Hinweis, Förderstufen als Größe|Quote|Höchstbetrag|Bezeichnung.
funding-exchange-back-to-search = Zurück zur Suche
funding-exchange-col-field = Feld
funding-exchange-col-meaning = Bedeutung
funding-exchange-col-required = Pflichtfeld
funding-exchange-yes = ja
funding-exchange-no = nein
funding-exchange-offer-data = Dieses Angebot als Datensatz (JSON)
funding-exchange-search-link = Offene Daten und Programmierschnittstelle

## Felder des Austauschschemas
funding-exchange-field-slug = Kürzel: dauerhafter Schlüssel des Angebots in Adressen und Verweisen
funding-exchange-field-origin = Herkunft des Datensatzes (Redaktion, Beispiel, synthetisch)
funding-exchange-field-offer-type = Angebotsart
funding-exchange-field-title = Titel
funding-exchange-field-summary = Kurzbeschreibung (einfacher Text)
funding-exchange-field-body = Volltext (Markdown)
funding-exchange-field-funding-types = Förderart(en)
funding-exchange-field-areas = Förderbereiche und Themen
funding-exchange-field-regions = Fördergebiet (EU, bundesweit, Sachsen, Kreis oder Gemeinde)
funding-exchange-field-eligible-groups = Förderberechtigte
funding-exchange-field-company-sizes = Unternehmensgrößen, auf die das Angebot beschränkt ist
funding-exchange-field-industries = Branchen (WZ 2008), auf die das Angebot beschränkt ist
funding-exchange-field-funder-level = Fördergeber-Ebene
funding-exchange-field-funder = Fördergeber
funding-exchange-field-contact-institution = Ansprechpunkt: Einrichtung
funding-exchange-field-contact-address = Ansprechpunkt: Anschrift
funding-exchange-field-contact-phone = Ansprechpunkt: Telefon
funding-exchange-field-contact-email = Ansprechpunkt: E-Mail
funding-exchange-field-contact-url = Ansprechpunkt: Webseite
funding-exchange-field-legal-basis = Rechtsgrundlage (Richtlinie oder Gesetz)
funding-exchange-field-legal-citation = Fundstelle der Rechtsgrundlage
funding-exchange-field-legal-url = Link zum Rechtstext
funding-exchange-field-legal-date = Datum der Rechtsgrundlage
funding-exchange-field-rate-max-percent = Höchste Förderquote in Prozent (ohne Zuschläge)
funding-exchange-field-amount-basis = Worauf sich die Beträge beziehen
funding-exchange-field-amount-min-eur = Mindestbetrag in Euro
funding-exchange-field-amount-max-eur = Höchstbetrag in Euro
funding-exchange-field-tiers = Förderstufen (Quote und Höchstbetrag je Größe oder Kostenart)
funding-exchange-field-bonus-notes = Zuschläge und Hinweise zu den Zahlen
funding-exchange-field-procedure = Verfahren der Antragstellung
funding-exchange-field-deadlines = Fristen und Stichtage
funding-exchange-field-programme-end = Programmende
funding-exchange-field-status = Antragsstatus
funding-exchange-field-status-note = Hinweis zum Status
funding-exchange-field-combinable-with = Kombinierbar mit (Kürzel anderer Angebote)
funding-exchange-field-keywords = Schlagwörter
funding-exchange-field-source-url = Quelle der Angaben
funding-exchange-field-source-licence = Lizenz oder Bedingungen des Textes
funding-exchange-field-last-checked = Zuletzt geprüft am
funding-exchange-field-reviewer = Geprüft von

## Import
funding-exchange-import-title = Angebote importieren
funding-exchange-import-lead = Laden Sie eine JSON- oder CSV-Datei im Austauschschema hoch. Gültige Angebote werden angelegt oder aktualisiert; fehlerhafte Datensätze werden nicht gespeichert und mit Zeile, Feld und Grund aufgelistet.
funding-exchange-import-form = Datei hochladen
funding-exchange-import-again = Weitere Datei hochladen
funding-exchange-field-file = Datei
funding-exchange-field-file-hint = JSON oder CSV im Schema dias-funding/1, höchstens { $limit } MB.
funding-exchange-field-format = Format
funding-exchange-field-format-hint = Meist erkennt dias das Format am Inhalt.
funding-exchange-format-auto = Am Inhalt erkennen
funding-exchange-field-note = Notiz zur Version
funding-exchange-field-note-hint = Erscheint in der Versionsgeschichte jedes geänderten Angebots. Ohne Angabe steht dort der Dateiname.
funding-exchange-field-dry-run = Nur prüfen, nichts speichern
funding-exchange-field-dry-run-hint = Zeigt, was der Import anlegen und ändern würde, und alle Fehler der Datei.
funding-exchange-submit = Datei einlesen
funding-exchange-default-note = Import aus { $file }
funding-exchange-error-no-file = Bitte wählen Sie eine Datei aus.
funding-exchange-error-empty = Die Datei ist leer.
funding-exchange-error-too-large = Die Datei ist zu groß. Erlaubt sind höchstens { $limit } MB; teilen Sie größere Dateien bitte auf.
funding-exchange-error-encoding = Die Datei ist nicht in UTF-8 gespeichert. Bitte speichern Sie sie als „CSV UTF-8“ oder als UTF-8-Text und laden Sie sie erneut hoch.
funding-exchange-file-json = Die JSON-Datei ist nicht lesbar (Zeile { $line }, Spalte { $column }): { $detail }
funding-exchange-file-schema = Die Datei folgt nicht dem Schema { $schema } (gefunden: „{ $found }“).
funding-exchange-file-csv = Die CSV-Datei ist nicht lesbar: { $detail }
funding-exchange-file-missing-columns = In der Kopfzeile fehlen Pflichtspalten: { $columns }
funding-exchange-file-unknown-columns = Die Kopfzeile nennt unbekannte Spalten: { $columns }. Bitte prüfen Sie die Schreibweise.
funding-exchange-file-duplicate-column = Die Spalte { $column } steht doppelt in der Kopfzeile.
funding-exchange-result-title = Ergebnis des Imports
funding-exchange-result-dry-title = Ergebnis der Prüfung
funding-exchange-result-lead = Die gültigen Angebote sind gespeichert.
funding-exchange-result-dry-lead = Es wurde nichts gespeichert. So würde der Import die Datei übernehmen:
funding-exchange-result-file = Datei
funding-exchange-result-records = Datensätze in der Datei
funding-exchange-result-created = Neu angelegt
funding-exchange-result-updated = Aktualisiert
funding-exchange-result-would-create = Würden neu angelegt
funding-exchange-result-would-update = Würden aktualisiert
funding-exchange-result-unchanged = Unverändert
funding-exchange-result-refused = Abgewiesen (fehlerhaft)
funding-exchange-result-changed = Geänderte Angebote
funding-exchange-problems-title = Fehlerhafte Datensätze
funding-exchange-problems-lead = Diese Datensätze wurden nicht übernommen. Korrigieren Sie die genannten Felder in Ihrer Datei und laden Sie sie erneut hoch; bereits übernommene Angebote bleiben dabei unverändert.
funding-exchange-problems-caption = { $count ->
    [one] 1 Fehler
   *[other] { $count } Fehler
}
funding-exchange-col-line = Zeile
funding-exchange-col-slug = Angebot
funding-exchange-col-reason = Grund
funding-exchange-col-value = Wert
funding-exchange-record-number = Datensatz { $record }
funding-exchange-whole-record = ganzer Datensatz
funding-exchange-export-title = Export
funding-exchange-export-text = Der Export enthält alle gespeicherten Angebote im selben Schema. Eine exportierte Datei lässt sich unverändert wieder importieren.
funding-exchange-export-json = Alle Angebote als JSON herunterladen
funding-exchange-export-csv = Alle Angebote als CSV herunterladen
funding-exchange-export-schema = Felder und Lizenz der Daten

## Import im Hintergrund
funding-exchange-job-title = Import im Hintergrund
funding-exchange-job-queued = Der Import wartet auf seinen Start.
funding-exchange-job-running = { $done } von { $total } Angeboten gespeichert.
funding-exchange-job-wait = Große Dateien werden in Abschnitten gespeichert. Diese Seite zeigt den Stand; das Ergebnis erscheint hier, sobald alle Angebote gespeichert sind.
funding-exchange-job-refresh = Stand aktualisieren
funding-exchange-job-failed = Der Import ist abgebrochen:
funding-exchange-job-saved-before = { $count ->
    [one] 1 Angebot war bis dahin gespeichert; es bleibt erhalten. Laden Sie die Datei erneut hoch, um den Rest zu übernehmen.
   *[other] { $count } Angebote waren bis dahin gespeichert; sie bleiben erhalten. Laden Sie die Datei erneut hoch, um den Rest zu übernehmen.
}
funding-exchange-job-back = Zurück zum Import
funding-exchange-updates-title = Geänderte Felder
funding-exchange-updates-dry-title = Felder, die der Import ändern würde
funding-exchange-updates-lead = Bei diesen Angeboten hat der Import die gespeicherten Werte der genannten Felder durch die Werte aus der Datei ersetzt. Die vorige Fassung steht im Verlauf des Angebots.
funding-exchange-updates-dry-lead = Bei diesen Angeboten würde der Import die gespeicherten Werte der genannten Felder durch die Werte aus der Datei ersetzen. Stammt die Datei aus einem älteren Export, gingen dabei Änderungen verloren, die die Redaktion seitdem gemacht hat (etwa am Status oder am Prüfdatum).
funding-exchange-updates-caption = { $count ->
    [one] 1 aktualisiertes Angebot
   *[other] { $count } aktualisierte Angebote
}
funding-exchange-updates-shown = { $count ->
    [one] (das erste gezeigt)
   *[other] (die ersten { $count } gezeigt)
}
funding-exchange-col-fields = Geänderte Felder
