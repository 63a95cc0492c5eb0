# Redaktion: Übersicht und Ansprechpartner (ids content-ed-*, content-contact-*).

## Übersicht /redaktion
content-ed-title = Redaktion
content-ed-lead = Seiten, Aktuelles, Publikationen, Medien, Ansprechpartner und Newsletter der Digitalagentur pflegen.
content-ed-nav-label = Redaktion
content-ed-nav-overview = Übersicht
content-ed-section-pages = Seiten
content-ed-section-news = Aktuelles
content-ed-section-publications = Publikationen
content-ed-section-media = Medien
content-ed-section-contacts = Ansprechpartner
content-ed-section-newsletter = Newsletter
content-ed-count-total = insgesamt
content-ed-count-live = Veröffentlicht
content-ed-count-scheduled = Geplant
content-ed-count-drafts = Entwürfe
content-ed-count-shown = Sichtbar
content-ed-count-hidden = Ausgeblendet
content-ed-count-sent = Versendet
content-ed-count-sending = Im Versand
content-ed-count-issue-drafts = Entwürfe
content-ed-count-subscribers = Bestätigte Abonnements
content-ed-scheduled-title = Geplante Veröffentlichungen
content-ed-scheduled-empty = Zurzeit ist nichts zur späteren Veröffentlichung geplant.
content-ed-drafts-title = Entwürfe
content-ed-drafts-empty = Es gibt keine Entwürfe.
content-ed-col-title = Titel
content-ed-col-kind = Art
content-ed-col-publish-at = Erscheint am
content-ed-col-updated = Zuletzt geändert
content-ed-kind-page = Seite
content-ed-kind-news = Meldung
content-ed-kind-publication = Publikation

## Ansprechpartner, öffentlich /ansprechpartner
content-contact-public-title = Ansprechpartner
content-contact-public-lead = Ihre Ansprechpartner in der Digitalagentur Sachsen – nach Themen geordnet, mit Sprechzeiten.
content-contact-public-topics = Themen
content-contact-public-empty = Zurzeit sind keine Ansprechpartner eingetragen.
content-contact-email = E-Mail
content-contact-phone = Telefon
content-contact-office-hours = Sprechzeiten
content-contact-inquiry = Anfrage zum Thema { $topic } stellen
content-contact-box-title = Ihre Ansprechpartner
content-contact-box-all = Alle Ansprechpartner der Digitalagentur

## Ansprechpartner, Redaktion /redaktion/ansprechpartner
content-contact-staff-title = Ansprechpartner
content-contact-staff-lead = Teams und Ansprechstellen je Thema. Sichtbare Einträge erscheinen auf der Seite „Ansprechpartner“ und auf den Seiten der passenden Bereiche.
content-contact-staff-public = Öffentliche Seite ansehen
content-contact-staff-empty = Es sind noch keine Ansprechpartner eingetragen.
content-contact-count = { $count ->
    [one] Ein Eintrag
   *[other] { $count } Einträge
}
content-contact-new-title = Ansprechpartner anlegen
content-contact-edit-title = Ansprechpartner bearbeiten
content-contact-col-reach = Erreichbarkeit
content-contact-col-status = Status
content-contact-col-actions = Aktionen
content-contact-status-published = Sichtbar
content-contact-status-hidden = Ausgeblendet
content-contact-action-edit = Bearbeiten
content-contact-action-publish = Anzeigen
content-contact-action-withdraw = Ausblenden
content-contact-action-delete = Löschen
content-contact-delete-confirm = Diesen Ansprechpartner wirklich löschen?
content-contact-field-topic = Thema
content-contact-field-topic-hint = Auf den Seiten dieses Bereichs erscheint der Eintrag im Kasten „Ihre Ansprechpartner“.
content-contact-field-topic-choose = Bitte wählen
content-contact-field-name = Name des Teams oder der Ansprechstelle
content-contact-field-name-hint = Zum Beispiel „Breitbandberatung für Kommunen“.
content-contact-field-person = Person
content-contact-field-person-hint = Freiwillig: Name und Funktion, zum Beispiel „Dr. Erika Muster, Referentin Breitband“.
content-contact-field-email = Funktionale E-Mail-Adresse
content-contact-field-email-hint = Eine Team-Adresse statt einer persönlichen. E-Mail-Adresse oder Telefon ist nötig.
content-contact-field-phone = Telefon
content-contact-field-phone-hint = Ziffern mit Leerzeichen, Schrägstrich oder Bindestrich, zum Beispiel „+49 351 123456-0“.
content-contact-field-office-hours = Sprechzeiten
content-contact-field-office-hours-hint = Zum Beispiel „Montag bis Donnerstag 9–15 Uhr“.
content-contact-field-position = Reihenfolge
content-contact-field-position-hint = Kleinere Zahlen stehen innerhalb eines Themas weiter oben (0 bis 9999).
content-contact-field-published = Öffentlich anzeigen
content-contact-field-published-hint = Ausgeblendete Einträge sieht nur die Redaktion.
content-contact-save = Änderungen speichern
content-contact-create = Ansprechpartner anlegen
content-contact-cancel = Abbrechen
content-contact-error-topic = Bitte wählen Sie ein Thema.
content-contact-error-name = Bitte geben Sie den Namen des Teams oder der Ansprechstelle an.
content-contact-error-too-long = Dieser Text ist zu lang.
content-contact-error-email = Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel „breitband@digitalagentur.example“.
content-contact-error-phone = Bitte geben Sie eine Telefonnummer aus Ziffern an (6 bis 20 Ziffern; erlaubt sind auch +, Leerzeichen, /, -, Klammern).
content-contact-error-reachable = Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an.
content-contact-error-position = Bitte geben Sie eine ganze Zahl von 0 bis 9999 an.
notice-content-contact-created = Der Ansprechpartner ist angelegt.
notice-content-contact-saved = Die Änderungen sind gespeichert.
notice-content-contact-published = Der Ansprechpartner wird wieder angezeigt.
notice-content-contact-withdrawn = Der Ansprechpartner ist ausgeblendet.
notice-content-contact-deleted = Der Ansprechpartner ist gelöscht.
content-contact-conflict-title = Der Eintrag wurde inzwischen geändert
content-contact-conflict-text = Jemand hat diesen Ansprechpartner gespeichert, nachdem Sie ihn geöffnet haben. Ihre Eingaben stehen unten. Prüfen Sie die gespeicherte Fassung; wenn Sie jetzt speichern, ersetzen Ihre Eingaben sie.
content-contact-conflict-current = Gespeicherte Fassung ansehen
