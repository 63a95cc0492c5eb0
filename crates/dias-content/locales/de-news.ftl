# Aktuelles und Mediathek (ids content-news-*, content-media-*; Hinweise nach
# Weiterleitungen als notice-content-news-*, notice-content-media-*).

## Aktuelles: öffentliche Seiten
content-news-title = Aktuelles
content-news-lead = Neuigkeiten aus der Digitalagentur Sachsen: Breitbandausbau, Förderung, Künstliche Intelligenz und digitale Verwaltung.
content-news-feed-title = Aktuelles der Digitalagentur Sachsen
content-news-feed-link = Aktuelles als Feed abonnieren (Atom)
content-news-feed-author = Digitalagentur Sachsen
content-news-topics = Themen
content-news-topics-all = Alle Themen
content-news-results = Beiträge
content-news-count = { $count ->
    [one] { $count } Beitrag
   *[other] { $count } Beiträge
}
content-news-none = Zu dieser Auswahl gibt es noch keine Beiträge.
content-news-byline = von
content-news-related = Passend dazu im Portal
content-news-back = Zurück zu Aktuelles
content-news-search-kind = Aktuelles
content-news-preview-prefix = Vorschau
content-news-preview-draft = Vorschau: Dieser Beitrag ist ein Entwurf und für Besucherinnen und Besucher nicht sichtbar.
content-news-preview-scheduled = Vorschau: Dieser Beitrag erscheint am { $at }. Bis dahin ist er nicht öffentlich sichtbar.
content-news-preview-edit = Beitrag bearbeiten

## Aktuelles: Redaktion
content-news-staff-title = Aktuelles
content-news-staff-public = Öffentliche Seite ansehen
content-news-staff-empty = Es gibt noch keine Beiträge.
content-news-new = Neuer Beitrag
content-news-edit-title = Beitrag bearbeiten
content-news-edit-crumb = Beitrag
content-news-filter = Status
content-news-filter-all = Alle
content-news-filter-apply = Anzeigen
content-news-filter-scheduled = Geplant
content-news-col-state = Status
content-news-col-updated = Zuletzt geändert
content-news-col-public = Öffentliche Seite
content-news-show = Ansehen
content-news-preview = Vorschau
content-news-state-draft = Entwurf
content-news-state-scheduled = Geplant für { $at }
content-news-state-live = Veröffentlicht
content-news-status-draft = Entwurf (nicht öffentlich)
content-news-status-published = Veröffentlichen (zum angegebenen Zeitpunkt)
content-news-field-title = Titel
content-news-field-slug = Adresse
content-news-field-slug-hint = Der letzte Teil der Adresse /aktuelles/…: Kleinbuchstaben, Ziffern und Bindestriche. Leer lassen, um sie aus dem Titel zu bilden. Nach der Veröffentlichung bleibt sie fest.
content-news-field-slug-fixed = Der Beitrag war schon öffentlich; seine Adresse bleibt, damit Links und Feeds gültig bleiben.
content-news-field-teaser = Anreißer
content-news-field-teaser-hint = Ein bis zwei Sätze für die Übersicht, den Feed und die Suche (höchstens 500 Zeichen).
content-news-field-body = Text
content-news-field-body-hint = Markdown: ## Zwischenüberschrift, **fett**, [Linktext](/adresse), Bilder mit Alternativtext: ![Was das Bild zeigt](/medien/…).
content-news-field-image = Bild
content-news-field-image-hint = Ein Bild aus den Medien; sein Alternativtext wird verwendet. Neue Bilder laden Sie unter „Medien“ hoch.
content-news-field-image-none = Kein Bild
content-news-field-byline = Autorin oder Autor
content-news-field-byline-hint = Wie der Name unter dem Beitrag erscheint; leer lassen für keine Angabe.
content-news-field-status = Status
content-news-field-status-hint = Ein veröffentlichter Beitrag mit einem Zeitpunkt in der Zukunft ist geplant und erscheint erst dann.
content-news-field-date = Veröffentlichungsdatum
content-news-field-date-hint = Leer lassen, um sofort zu veröffentlichen.
content-news-field-time = Uhrzeit
content-news-field-time-hint = Deutsche Zeit (Berlin), z. B. 09:00; leer bedeutet 00:00 Uhr.
content-news-create = Beitrag anlegen
content-news-save = Speichern
content-news-conflict-title = Der Beitrag wurde inzwischen geändert
content-news-conflict-text = Jemand hat den Beitrag gespeichert, nachdem Sie ihn geöffnet haben. Ihre Eingaben stehen unten; prüfen Sie die Änderungen auf der öffentlichen Seite oder in der Vorschau und speichern Sie dann erneut.
content-news-conflict-current = Gespeicherte Fassung ansehen
content-news-links-hint = Verfahren, Förderangebote, Veranstaltungen oder andere Seiten des Portals, die zum Beitrag passen. Sie erscheinen unter dem Text.
content-news-links-empty = Noch keine Verweise.
content-news-link-add-title = Verweis hinzufügen
content-news-field-link-path = Adresse im Portal
content-news-field-link-path-hint = Beginnt mit /, z. B. /beteiligung/verfahren/radwegenetz oder /netzwerk/veranstaltungen/42.
content-news-field-link-label = Bezeichnung
content-news-field-link-label-hint = Wie der Verweis heißt, z. B. „Beteiligung: Radwegenetz Sachsen“.
content-news-link-add = Verweis hinzufügen
content-news-link-remove = Entfernen
content-news-delete-title = Beitrag löschen
content-news-delete = Beitrag löschen
content-news-delete-confirm = Diesen Beitrag endgültig löschen?

content-news-error-title = Bitte geben Sie einen Titel ein.
content-news-error-title-long = Der Titel darf höchstens 200 Zeichen lang sein.
content-news-error-slug = Die Adresse darf nur Kleinbuchstaben, Ziffern und einzelne Bindestriche enthalten (höchstens 160 Zeichen).
content-news-error-slug-taken = Diese Adresse hat schon ein anderer Beitrag. Bitte wählen Sie eine andere.
content-news-error-teaser = Bitte geben Sie einen Anreißer ein.
content-news-error-teaser-long = Der Anreißer darf höchstens 500 Zeichen lang sein.
content-news-error-body = Bitte geben Sie den Text des Beitrags ein.
content-news-error-body-long = Der Text ist zu lang (höchstens 100.000 Zeichen).
content-news-error-byline-long = Die Angabe zur Autorin oder zum Autor darf höchstens 200 Zeichen lang sein.
content-news-error-image_id = Bitte wählen Sie ein Bild aus den Medien.
content-news-error-topics = Bitte wählen Sie nur Themen aus der Liste.
content-news-error-status = Bitte wählen Sie einen Status.
content-news-error-publish_date = Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).
content-news-error-publish_time = Bitte geben Sie eine gültige Uhrzeit ein (z. B. 09:30).
content-news-error-link_path = Bitte geben Sie die Adresse im Portal ein.
content-news-error-link_path-local = Die Adresse muss eine Seite dieses Portals sein und mit / beginnen, z. B. /foerderung/angebote/digitalbonus.
content-news-error-link_label = Bitte geben Sie eine Bezeichnung ein.
content-news-error-link_label-long = Die Bezeichnung darf höchstens 200 Zeichen lang sein.

notice-content-news-created = Der Beitrag wurde angelegt.
notice-content-news-saved = Der Beitrag wurde gespeichert.
notice-content-news-deleted = Der Beitrag wurde gelöscht.
notice-content-news-link-added = Der Verweis wurde hinzugefügt.
notice-content-news-link-removed = Der Verweis wurde entfernt.

## Mediathek
content-media-title = Medien
content-media-lead = Bilder (PNG, JPEG) und Dateien (PDF) für Seiten und Beiträge. Bilder brauchen einen Alternativtext, Dateien eine Beschreibung.
content-media-upload-title = Hochladen
content-media-field-file = Datei
content-media-field-file-hint = PNG, JPEG oder PDF, höchstens { $max } MB. Der Typ wird am Inhalt erkannt, nicht am Namen.
content-media-field-file-again = Bitte wählen Sie die Datei erneut aus; Ihre Texte sind erhalten.
content-media-field-alt = Alternativtext (bei Bildern Pflicht)
content-media-field-alt-hint = Was das Bild für Menschen zeigt, die es nicht sehen, z. B. „Glasfaserkabel werden in einem Graben in Döbeln verlegt“.
content-media-field-description = Beschreibung (bei PDF-Dateien Pflicht)
content-media-field-description-hint = Was die Datei enthält; wird als Linktext vorgeschlagen, z. B. „Flyer Digitalbonus (PDF)“.
content-media-upload = Hochladen
content-media-list-title = Alle Medien
content-media-count = { $count ->
    [one] { $count } Medium
   *[other] { $count } Medien
}
content-media-empty = Es sind noch keine Medien hochgeladen.
content-media-col-preview = Vorschau
content-media-col-name = Dateiname
content-media-col-text = Alternativtext oder Beschreibung
content-media-col-size = Größe
content-media-col-date = Hochgeladen
content-media-col-kind = Art
content-media-kind-image = Bild
content-media-kind-file = PDF-Datei
content-media-address = Öffentliche Adresse
content-media-snippet = Markdown zum Einfügen
content-media-snippet-hint = Kopieren Sie diese Zeile in den Text einer Seite oder eines Beitrags.
content-media-edit-title = Text ändern
content-media-save = Speichern
content-media-usages-title = Verwendung
content-media-unused = Dieses Medium wird in keinem Beitrag und auf keiner Seite verwendet.
content-media-used-hint = Dieses Medium wird hier verwendet und kann erst gelöscht werden, wenn es dort entfernt ist:
content-media-delete = Medium löschen
content-media-delete-confirm = Dieses Medium endgültig löschen?
content-media-delete-refused = Das Medium wird noch verwendet und wurde nicht gelöscht. Entfernen Sie es zuerst hier:
content-media-back = Zurück zu den Medien

content-media-error-file = Bitte wählen Sie eine Datei aus.
content-media-error-size = Die Datei ist größer als 10 MB. Bitte verkleinern Sie sie (z. B. Bild verkleinern, PDF komprimieren).
content-media-error-type = Die Datei ist kein PNG-, JPEG-Bild und keine PDF-Datei. Andere Dateitypen können nicht hochgeladen werden.
content-media-error-mismatch = Der Dateiname passt nicht zum Inhalt der Datei (z. B. ein PDF mit der Endung .png). Bitte prüfen Sie, ob Sie die richtige Datei gewählt haben.
content-media-error-active = Die PDF-Datei enthält aktive Inhalte (Skripte, Startaktionen oder eingebettete Dateien) und kann nicht veröffentlicht werden. Bitte speichern Sie sie ohne diese Inhalte (z. B. „Als PDF drucken“).
content-media-error-alt = Bitte geben Sie einen Alternativtext für das Bild ein.
content-media-error-alt-long = Der Alternativtext darf höchstens 300 Zeichen lang sein.
content-media-error-description = Bitte geben Sie eine Beschreibung der Datei ein.
content-media-error-description-long = Die Beschreibung darf höchstens 500 Zeichen lang sein.

notice-content-media-uploaded = Die Datei wurde hochgeladen.
notice-content-media-saved = Der Text wurde gespeichert.
notice-content-media-deleted = Das Medium wurde gelöscht.
content-news-delete-question = Möchten Sie den Beitrag „{ $title }“ endgültig löschen? Das lässt sich nicht rückgängig machen.
content-media-delete-question = Möchten Sie das Medium „{ $name }“ endgültig löschen? Das lässt sich nicht rückgängig machen.

# Audit log labels (/verwaltung/protokoll)
audit-content-news-create = Meldung angelegt
audit-content-news-update = Meldung geändert
audit-content-news-delete = Meldung gelöscht
audit-content-news-link-add = Verknüpfung der Meldung hinzugefügt
audit-content-news-link-remove = Verknüpfung der Meldung entfernt
