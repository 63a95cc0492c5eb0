# KI-Netzwerk: Veranstaltungen und Beiträge
network-all = Alle
network-search-kind-event = Veranstaltung im KI-Netzwerk
network-search-kind-post = Beitrag im KI-Netzwerk

network-events-title = Veranstaltungen
network-events-lead = Workshops, Konferenzen, Stammtische und Webinare der sächsischen KI-Akteure und der Digitalagentur. Melden Sie sich direkt hier an; ist eine Veranstaltung ausgebucht, kommen Sie auf die Warteliste.
network-events-archive-title = Vergangene Veranstaltungen
network-events-archive-lead = Das Archiv aller Veranstaltungen des KI-Netzwerks, die neuesten zuerst.
network-events-archive-link = Vergangene Veranstaltungen ansehen
network-events-upcoming-link = Zu den kommenden Veranstaltungen
network-events-feed-link = Diese Auswahl als Kalender abonnieren (iCal)
network-events-calendar-name = KI-Netzwerk Sachsen – Veranstaltungen
network-events-filter = Auswahl eingrenzen
network-events-filter-apply = Anzeigen
network-events-results = Gefundene Veranstaltungen
network-events-count = { $count ->
    [one] Eine Veranstaltung
   *[other] { $count } Veranstaltungen
}
network-events-none = Zu dieser Auswahl gibt es keine Veranstaltungen.

network-event-new = Veranstaltung anlegen
network-event-edit = Veranstaltung bearbeiten
network-event-topic = Thema
network-event-topics = Themen
network-event-kreis = Kreis
network-event-format = Format
network-event-on-site = Vor Ort
network-event-online = Online
network-event-when = Wann
network-event-where = Wo
network-event-organiser = Veranstalter
network-event-organiser-dias = Digitalagentur Sachsen (DiAS)
network-event-organiser-hint = In wessen Namen Sie die Veranstaltung anbieten.
network-event-seats = Plätze
network-event-seats-left = { $count ->
    [0] ausgebucht – Anmeldung auf die Warteliste
    [one] noch ein Platz frei
   *[other] noch { $count } Plätze frei
}
network-event-seats-open = ohne Teilnahmebegrenzung
network-event-cancelled = Abgesagt
network-event-full = Ausgebucht
network-event-ical = In den Kalender übernehmen (iCal-Datei)
network-event-registration = Anmeldung
network-event-register = Verbindlich anmelden
network-event-join-waiting-list = Auf die Warteliste setzen
network-event-unregister = Anmeldung zurückziehen
network-event-you-are-registered = Sie sind angemeldet. Wir freuen uns auf Sie!
network-event-you-are-waiting = Sie stehen auf Platz { $position } der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine Nachricht.
network-event-registration-cancelled = Die Veranstaltung wurde abgesagt; Anmeldungen sind nicht mehr möglich.
network-event-registration-closed = Die Veranstaltung hat begonnen oder ist vorbei; Anmeldungen sind nicht mehr möglich.
network-event-sign-in-to-register = Melden Sie sich an, um an der Veranstaltung teilzunehmen.
network-event-manage = Für Veranstalter
network-event-participants = Teilnehmende
network-event-participants-none = Noch hat sich niemand angemeldet.
network-event-participants-csv = Teilnehmendenliste herunterladen (CSV)
network-event-csv-name = Name
network-event-csv-state = Status
network-event-csv-registered = Angemeldet am
network-event-state-confirmed = angemeldet
network-event-state-waiting = Warteliste
network-event-cancel = Veranstaltung absagen
network-event-cancel-reason = Grund der Absage
network-event-cancel-reason-hint = Alle Angemeldeten und Wartenden erhalten diese Nachricht.

network-event-field-title = Titel
network-event-field-description = Beschreibung
network-event-field-description-hint = Programm, Zielgruppe, Ablauf. Markdown ist möglich (z. B. **fett**, Listen, Links).
network-event-field-starts = Beginn
network-event-field-ends = Ende
network-event-field-time-hint = Datum und Uhrzeit in deutscher Zeit, z. B. 2026-12-01T14:00.
network-event-section-place = Ort
network-event-section-place-hint = Für Veranstaltungen vor Ort: Name des Veranstaltungsorts, Adresse und Gemeinde.
network-event-field-venue = Veranstaltungsort
network-event-section-online = Online-Teilnahme
network-event-field-url = Link zur Online-Veranstaltung
network-event-field-url-hint = Nur für Online-Veranstaltungen; angemeldete Personen sehen den Link.
network-event-section-more = Themen und Plätze
network-event-field-topics-hint = Kompetenzen und Branchen, um die es geht; danach lässt sich filtern.
network-event-field-capacity = Zahl der Plätze
network-event-field-capacity-hint = Leer lassen, wenn die Teilnahme nicht begrenzt ist.

network-event-error-organiser = Wählen Sie einen Veranstalter, für den Sie sprechen dürfen.
network-event-error-time = Geben Sie Datum und Uhrzeit an.
network-event-error-end-before-start = Das Ende muss nach dem Beginn liegen.
network-event-error-too-long = Eine Veranstaltung dauert höchstens 14 Tage.
network-event-error-start-past = Der Beginn muss in der Zukunft liegen.
network-event-error-format = Wählen Sie „Vor Ort“ oder „Online“.
network-event-error-url = Geben Sie eine Adresse an, die mit https:// oder http:// beginnt.
network-event-error-postcode = Die Postleitzahl hat fünf Ziffern.
network-event-error-municipality = Wählen Sie die Gemeinde des Veranstaltungsorts.
network-event-error-topic = Wählen Sie Themen aus der Liste.
network-event-error-capacity = Geben Sie eine Zahl von 1 bis 100.000 an oder lassen Sie das Feld leer.
network-event-error-cancelled = Diese Veranstaltung wurde abgesagt.
network-event-error-past = Diese Veranstaltung hat bereits begonnen.

notice-veranstaltung-angemeldet = Sie sind angemeldet.
notice-veranstaltung-warteliste = Die Veranstaltung ist ausgebucht – Sie stehen auf der Warteliste.
notice-veranstaltung-abgemeldet = Ihre Anmeldung ist zurückgezogen.
notice-veranstaltung-gespeichert = Die Veranstaltung ist gespeichert.
notice-veranstaltung-abgesagt = Die Veranstaltung ist abgesagt; die Angemeldeten werden benachrichtigt.

notif-network-event-moved-up = Ein Platz ist frei geworden: Sie sind jetzt angemeldet
notif-network-event-cancelled = Eine Veranstaltung, zu der Sie angemeldet waren, wurde abgesagt

network-posts-title = Beiträge
network-posts-lead = Neuigkeiten und Wissen aus dem KI-Netzwerk Sachsen – von der Digitalagentur und von den Akteuren selbst.
network-posts-feed-link = Beiträge als Feed abonnieren (Atom)
network-posts-feed-title = KI-Netzwerk Sachsen – Beiträge
network-posts-results = Gefundene Beiträge
network-posts-count = { $count ->
    [one] Ein Beitrag
   *[other] { $count } Beiträge
}
network-posts-none = Zu diesem Thema gibt es noch keine Beiträge.
network-posts-mine = Ihre Beiträge in Prüfung
network-posts-queue-title = Beiträge prüfen
network-posts-queue-lead = Beiträge von Akteuren erscheinen erst nach der Freigabe durch die Redaktion. Lehnen Sie einen Beitrag ab, erfährt die Verfasserin oder der Verfasser den Grund.
network-posts-queue-count = { $count ->
    [0] Keine Beiträge warten auf Prüfung.
    [one] Ein Beitrag wartet auf Prüfung.
   *[other] { $count } Beiträge warten auf Prüfung.
}
network-post-new = Beitrag schreiben
network-post-review-note = Ihr Beitrag erscheint, sobald die Redaktion ihn freigegeben hat. Sie erhalten dazu eine Nachricht.
network-post-field-actor = Veröffentlichen für
network-post-field-actor-hint = Der Beitrag erscheint im Namen dieses Akteurs.
network-post-field-title = Titel
network-post-field-teaser = Kurzfassung
network-post-field-teaser-hint = Zwei, drei Sätze für Listen und den Feed.
network-post-field-body = Text
network-post-field-body-hint = Markdown ist möglich (Überschriften, Listen, Links).
network-post-publish = Veröffentlichen
network-post-submit = Zur Prüfung einreichen
network-post-state-pending = In Prüfung
network-post-state-rejected = Abgelehnt
network-post-pending-note = Dieser Beitrag ist noch nicht öffentlich.
network-post-approve = Freigeben
network-post-reject = Ablehnen
network-post-reject-reason = Grund der Ablehnung
network-post-reject-reason-hint = Wird der Verfasserin oder dem Verfasser mitgeteilt.
network-post-error-actor = Wählen Sie, für wen Sie schreiben.
network-post-error-decided = Über diesen Beitrag wurde bereits entschieden.

notice-netzwerk-beitrag-veroeffentlicht = Der Beitrag ist veröffentlicht.
notice-netzwerk-beitrag-in-pruefung = Danke! Der Beitrag wird von der Redaktion geprüft.
notice-netzwerk-beitrag-freigegeben = Der Beitrag ist freigegeben und veröffentlicht.
notice-netzwerk-beitrag-abgelehnt = Der Beitrag ist abgelehnt; der Grund wurde mitgeteilt.

notif-network-post-approved = Ihr Beitrag wurde freigegeben und ist veröffentlicht
notif-network-post-rejected = Ihr Beitrag wurde nicht freigegeben

network-profile-events = Kommende Veranstaltungen
network-profile-posts = Neueste Beiträge
network-events-card = Workshops, Stammtische und Konferenzen der Akteure – mit Anmeldung und Kalenderdatei.
network-posts-card = Neuigkeiten und Wissen aus dem Netzwerk, auch als Feed.

network-mail-moved-up-subject = Sie sind angemeldet: { $title }
network-mail-moved-up-body = Guten Tag { $person },

    für „{ $title }“ ({ $when }) ist ein Platz frei geworden. Sie sind von der Warteliste nachgerückt und jetzt verbindlich angemeldet:
    { $url }

    Falls Sie nicht mehr teilnehmen können, ziehen Sie Ihre Anmeldung dort bitte zurück, damit der Platz weitergegeben wird.

    Mit freundlichen Grüßen
    Ihre Digitalagentur Sachsen
network-mail-cancelled-subject = Abgesagt: { $title }
network-mail-cancelled-body = Guten Tag { $person },

    die Veranstaltung „{ $title }“ ({ $when }), zu der Sie angemeldet waren oder auf der Warteliste standen, wurde abgesagt. Der Veranstalter schreibt dazu:

    { $reason }

    { $url }

    Mit freundlichen Grüßen
    Ihre Digitalagentur Sachsen
network-post-edit = Beitrag bearbeiten
notice-netzwerk-beitrag-gespeichert = Der Beitrag ist gespeichert.

# Audit log labels (/verwaltung/protokoll)
audit-network-event-created = Veranstaltung angelegt
audit-network-event-updated = Veranstaltung geändert
audit-network-event-cancelled = Veranstaltung abgesagt
