# Förderlotse – Redaktion (Pflege der Angebote durch das Team der Digitalagentur)

funding-editorial-title = Redaktion Förderlotse
funding-editorial-link = Redaktion: Angebote pflegen
funding-editorial-lead = { $count ->
    [one] 1 Angebot im Katalog, jeder Status.
   *[other] { $count } Angebote im Katalog, jeder Status.
}
funding-editorial-new = Neues Angebot anlegen
funding-editorial-import-link = Angebote importieren
funding-editorial-review-title = Prüfung fällig
funding-editorial-review-lead = { $months ->
    [one] Angebote, deren letzte Prüfung länger als einen Monat zurückliegt, die ältesten zuerst.
   *[other] Angebote, deren letzte Prüfung länger als { $months } Monate zurückliegt, die ältesten zuerst.
}
funding-editorial-review-empty = Alle Angebote sind geprüft.
funding-editorial-review-all = { $count ->
    [one] Das fällige Angebot in der Liste zeigen
   *[other] Alle { $count } fälligen Angebote in der Liste zeigen
}
funding-editorial-offers-title = Alle Angebote
funding-editorial-filter-label = Angebote filtern
funding-editorial-filter-q = Titel oder Kürzel enthält
funding-editorial-filter-status = Status
funding-editorial-filter-any = alle
funding-editorial-filter-due = nur Angebote mit fälliger Prüfung
funding-editorial-filter-submit = Anzeigen
funding-editorial-found = { $count ->
    [0] Keine Angebote gefunden
    [one] 1 Angebot gefunden
   *[other] { $count } Angebote gefunden
}
funding-editorial-col-title = Titel
funding-editorial-col-status = Status
funding-editorial-col-checked = Zuletzt geprüft
funding-editorial-col-reviewer = Geprüft von
funding-editorial-col-updated = Zuletzt geändert
funding-editorial-col-actions = Weiteres
funding-editorial-col-version = Version
funding-editorial-col-date = Zeitpunkt
funding-editorial-col-author = Von
funding-editorial-col-note = Notiz
funding-editorial-col-change = Änderung
funding-editorial-due = Prüfung fällig
funding-editorial-history-link = Versionen
funding-editorial-public-link = Öffentliche Seite
funding-editorial-edit = Bearbeiten

# Formular
funding-editorial-new-title = Neues Angebot
funding-editorial-edit-title = Bearbeiten: { $title }
funding-editorial-slug-fixed = Kürzel: { $slug } (bleibt beim Bearbeiten gleich)
funding-editorial-form-lead = Pflichtfelder sind markiert. Die Angaben folgen dem Austauschformat dias-funding/1; dieselben Regeln gelten beim Import.
funding-editorial-conflict = Während Sie bearbeitet haben, wurde das Angebot von anderer Seite gespeichert (jetzt Version { $version }). Ihre Eingaben sind unten erhalten und noch nicht gespeichert.
funding-editorial-conflict-taken = Nur von anderer Seite geändert und in das Formular übernommen: { $fields }.
funding-editorial-conflict-both = { $count ->
    [one] Ein Feld haben Sie und jemand anderes verschieden geändert. Im Feld steht Ihr Wert, der andere steht darüber; bitte entscheiden Sie.
   *[other] { $count } Felder haben Sie und jemand anderes verschieden geändert. In den Feldern steht Ihr Wert, der andere jeweils darüber; bitte entscheiden Sie.
}
funding-editorial-conflict-resave = Bitte prüfen Sie das Formular und speichern Sie erneut.
funding-editorial-conflict-diff = Änderungen seit Ihrer Version { $version } ansehen
funding-editorial-conflict-field = { $field }: inzwischen von anderer Seite geändert in: { $theirs }
funding-editorial-conflict-empty = (leer)
funding-editorial-choose = Bitte wählen
funding-editorial-none = keine Angabe
funding-editorial-section-basics = Grunddaten
funding-editorial-section-classification = Einordnung und Förderberechtigte
funding-editorial-section-regions = Fördergebiet
funding-editorial-section-funder = Fördergeber und Ansprechpunkt
funding-editorial-section-figures = Konditionen
funding-editorial-section-procedure = Verfahren, Fristen und Status
funding-editorial-section-legal = Rechtsgrundlage
funding-editorial-section-source = Quelle und Prüfung
funding-editorial-section-save = Speichern
funding-editorial-save = Speichern
funding-editorial-preview = Vorschau
funding-editorial-field-note = Notiz zur Änderung
funding-editorial-hint-note = Erscheint in der Versionsgeschichte, z. B. „Frist 2027 ergänzt“.

funding-editorial-field-slug = Kürzel
funding-editorial-field-origin = Herkunft
funding-editorial-field-offer-type = Angebotsart
funding-editorial-field-title = Titel
funding-editorial-field-summary = Kurzbeschreibung
funding-editorial-field-body = Volltext
funding-editorial-field-funding-types = Förderart
funding-editorial-field-areas = Förderbereiche und Themen
funding-editorial-field-regions = Fördergebiet
funding-editorial-field-regions-municipalities = Einzelne Gemeinden
funding-editorial-field-eligible-groups = Förderberechtigte
funding-editorial-field-company-sizes = Unternehmensgrößen
funding-editorial-field-industries = Branchen
funding-editorial-field-funder-level = Fördergeber-Ebene
funding-editorial-field-funder = Fördergeber
funding-editorial-field-contact-institution = Ansprechpunkt: Einrichtung
funding-editorial-field-contact-address = Ansprechpunkt: Anschrift
funding-editorial-field-contact-phone = Ansprechpunkt: Telefon
funding-editorial-field-contact-email = Ansprechpunkt: E-Mail
funding-editorial-field-contact-url = Ansprechpunkt: Webseite
funding-editorial-field-legal-basis = Richtlinie oder Gesetz
funding-editorial-field-legal-citation = Fundstelle
funding-editorial-field-legal-url = Link zum Rechtstext
funding-editorial-field-legal-date = Datum der Rechtsgrundlage
funding-editorial-field-rate-max-percent = Höchste Förderquote in Prozent
funding-editorial-field-amount-basis = Beträge beziehen sich auf
funding-editorial-field-amount-min-eur = Mindestbetrag in Euro
funding-editorial-field-amount-max-eur = Höchstbetrag in Euro
funding-editorial-field-tiers = Förderstufen
funding-editorial-field-bonus-notes = Zuschläge und Hinweise zu den Zahlen
funding-editorial-field-procedure = Verfahren
funding-editorial-field-deadlines = Fristen und Stichtage
funding-editorial-field-programme-end = Programmende
funding-editorial-field-status = Status
funding-editorial-field-status-note = Hinweis zum Status
funding-editorial-field-combinable-with = Kombinierbar mit
funding-editorial-field-keywords = Schlagwörter
funding-editorial-field-source-url = Quelle der Angaben
funding-editorial-field-source-licence = Lizenz oder Bedingungen des Textes
funding-editorial-field-last-checked = Zuletzt geprüft am
funding-editorial-field-reviewer = Geprüft von

funding-editorial-hint-slug = Kleinbuchstaben, Ziffern und einzelne Bindestriche, 2 bis 80 Zeichen, z. B. digi-z. Steht in der Adresse des Angebots und lässt sich später nicht ändern.
funding-editorial-hint-title = Höchstens 200 Zeichen. Beispiele tragen „Beispiel“ im Titel.
funding-editorial-hint-summary = Ein bis zwei Sätze ohne Formatierung, höchstens 600 Zeichen.
funding-editorial-hint-body = Markdown: **fett**, Listen mit „- “, Absätze durch eine Leerzeile. Höchstens 20.000 Zeichen.
funding-editorial-hint-keywords = Ein Schlagwort je Zeile, höchstens 30, ohne „;“ und „|“.
funding-editorial-hint-areas = Ein Bereich oder ein Thema darunter genügt.
funding-editorial-hint-company-sizes = Nur bei Angeboten für Unternehmen oder Gründende. Keine Auswahl heißt: jede Größe.
funding-editorial-hint-industries = Keine Auswahl heißt: alle Branchen.
funding-editorial-hint-regions = EU, bundesweit oder Sachsen schließen Kreise und Gemeinden ein; dann keine Kreise wählen.
funding-editorial-hint-regions-municipalities = Nur wenn das Angebot auf Gemeinden beschränkt ist: der achtstellige Gemeindeschlüssel (AGS) je Zeile, z. B. 14612000 für Dresden.
funding-editorial-hint-contact-phone = Ziffern, Leerzeichen und + - / ( ).
funding-editorial-hint-contact-email = In Kleinbuchstaben.
funding-editorial-hint-rate-max-percent = Ganze Zahl von 1 bis 100, ohne Zuschläge.
funding-editorial-hint-amount-basis = Pflicht, sobald ein Betrag angegeben ist.
funding-editorial-hint-amount-min-eur = Ganze Euro ohne Punkt und Währungszeichen, z. B. 5000.
funding-editorial-hint-tiers = Eine Stufe je Zeile: Größe | Quote | Höchstbetrag | Bezeichnung, z. B. „klein | 50 | 60000 | Transformationsprojekt“. Größe: kleinst, klein, mittel oder gross; leer lassen für eine Stufe nach Kostenart.
funding-editorial-hint-deadlines = Eine Frist je Zeile: JJJJ-MM-TT | Hinweis, z. B. „2027-03-31 | Skizzen Frühjahr“. Aufsteigend sortiert; der Hinweis darf fehlen.
funding-editorial-hint-programme-end = Letzter Tag des Programms, falls bekannt.
funding-editorial-hint-status-note = Bei Antragstopp Pflicht, ebenso bei „ausgelaufen“ ohne Programmende. Auch wenn der Status unsicher ist.
funding-editorial-hint-combinable-with = Kürzel eines anderen Angebots je Zeile.
funding-editorial-hint-source-url = Pflicht für Angebote der Redaktion.
funding-editorial-hint-last-checked = Tag, an dem die Angaben zuletzt an der Quelle geprüft wurden; nicht in der Zukunft.

funding-editorial-error-term = Bitte einen Wert aus der Liste wählen.
funding-editorial-error-date = Bitte ein Datum in der Form JJJJ-MM-TT angeben.
funding-editorial-error-number = Bitte eine ganze Zahl ohne Punkte, Komma oder Währungszeichen angeben.
funding-editorial-error-deadline = Jede Zeile braucht ein Datum JJJJ-MM-TT, danach optional „| Hinweis“.
funding-editorial-error-tier = Jede Zeile braucht vier Teile: Größe | Quote | Höchstbetrag | Bezeichnung, mit gültiger Größe und ganzen Zahlen.
funding-editorial-error-ags = Bitte je Zeile einen achtstelligen Schlüssel einer sächsischen Gemeinde angeben.
funding-editorial-error-slug-taken = Dieses Kürzel hat schon ein anderes Angebot.

# Vorschau
funding-editorial-preview-title = Vorschau.
funding-editorial-preview-note = So würde die Seite nach dem Speichern aussehen. Noch ist nichts gespeichert.
funding-editorial-preview-back = Weiter bearbeiten

# Versionen, Status, Prüfung
funding-editorial-history-title = Versionen: { $title }
funding-editorial-versions-title = Versionen
funding-editorial-versions-empty = Zu diesem Angebot gibt es noch keine Versionen.
funding-editorial-current = aktuell
funding-editorial-diff-link = Änderungen ansehen
funding-editorial-version-n = Version { $version }
funding-editorial-author-deleted = gelöschtes Konto
funding-editorial-author-none = ohne Zuordnung (Katalog, System oder gelöschtes Konto)
funding-editorial-status-title = Status ändern
funding-editorial-hint-status-change = Wird als Hinweis zum Status auf der Angebotsseite gezeigt und im Protokoll vermerkt.
funding-editorial-status-submit = Status speichern
funding-editorial-status-note = Status auf „{ $status }“ gesetzt
funding-editorial-log-title = Protokoll der Statusänderungen
funding-editorial-review-section = Prüfung
funding-editorial-last-checked = Zuletzt geprüft am { $date }
funding-editorial-checked-hint = Setzt „Zuletzt geprüft“ auf heute und als Prüfende das Team der Redaktion (öffentlich sichtbar); Ihr Konto steht nur in der Versionsgeschichte. Das ergibt eine neue Version.
funding-editorial-team = Redaktion Digitalagentur Sachsen
funding-editorial-stale = Nicht ausgeführt: Das Angebot wurde inzwischen geändert (jetzt Version { $version }). Bitte sehen Sie sich die aktuelle Fassung an und wiederholen Sie die Aktion dann.
funding-editorial-stale-history = Aktuelle Versionsgeschichte
funding-editorial-mark-checked = Als geprüft markieren
funding-editorial-checked-note = Als geprüft markiert
funding-editorial-restored-note = Version { $version } wiederhergestellt
funding-editorial-diff-against = Änderungen gegenüber Version { $version }
funding-editorial-diff-first = Erste Version: alle Angaben
funding-editorial-changed-fields = { $count ->
    [0] Keine Felder geändert.
    [one] 1 Feld geändert.
   *[other] { $count } Felder geändert.
}
funding-editorial-diff-old = bisher
funding-editorial-diff-new = neu
funding-editorial-diff-removed = entfernt
funding-editorial-diff-added = hinzugefügt
funding-editorial-restore-hint = Die Angaben dieser Version werden als neue Version gespeichert; die Geschichte bleibt vollständig.
funding-editorial-restore = Version { $version } wiederherstellen
funding-editorial-back-history = Zurück zu den Versionen

notice-funding-editorial-saved = Das Angebot ist gespeichert.
notice-funding-editorial-status-changed = Der Status ist geändert.
notice-funding-editorial-checked = Das Angebot ist als geprüft markiert.
notice-funding-editorial-restored = Die Version ist wiederhergestellt.
