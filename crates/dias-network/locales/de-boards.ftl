# KI-Netzwerk: Austausch (Foren, Themen, Antworten)
network-boards-title = Austausch
network-boards-card = Foren zu KI in Produktion, Forschung, Förderung und Recht: Fragen stellen, Erfahrungen teilen.
network-boards-lead = In den Foren des KI-Netzwerks tauschen sich Unternehmen, Forschung, Verwaltung und Interessierte aus. Lesen kann jede und jeder; zum Schreiben melden Sie sich an.
network-boards-none = Es gibt noch keine Foren.
network-search-kind-thread = Thema im Austausch des KI-Netzwerks

network-board-new = Forum anlegen
network-board-create = Forum anlegen
network-board-threads-count = { $count ->
    [one] 1 Thema
   *[other] { $count } Themen
}
network-board-replies-count = { $count ->
    [one] 1 Antwort
   *[other] { $count } Antworten
}
network-board-last-activity = Letzte Aktivität
network-board-threads = Themen
network-board-threads-none = In diesem Forum gibt es noch keine Themen. Eröffnen Sie das erste!
network-board-threads-caption = Themen dieses Forums, zuletzt aktive zuerst
network-board-col-thread = Thema
network-board-col-replies = Antworten
network-board-sign-in = Melden Sie sich an, um mitzuschreiben.
network-board-follow-board = Forum folgen
network-board-unfollow-board = Forum nicht mehr folgen
network-board-follow-thread = Thema folgen
network-board-unfollow-thread = Thema nicht mehr folgen

network-board-field-title = Titel des Forums
network-board-field-description = Beschreibung
network-board-field-description-hint = Ein bis zwei Sätze: Worüber wird hier gesprochen?
network-board-field-slug = Adresse (Kurzname)
network-board-field-slug-hint = Kleinbuchstaben, Ziffern und Bindestriche. Leer lassen, um sie aus dem Titel zu bilden.
network-board-field-position = Reihenfolge
network-board-field-position-hint = Foren mit kleinerer Zahl stehen weiter oben (0 bis 10000).
network-board-error-slug = Die Adresse darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten und keine reservierte Adresse sein.
network-board-error-slug-taken = Diese Adresse hat schon ein anderes Forum.
network-board-error-position = Geben Sie eine ganze Zahl von 0 bis 10000 ein.

network-board-thread-new = Thema eröffnen
network-board-thread-new-lead = Ihr Thema erscheint im Forum „{ $board }“. Wer dem Forum folgt, wird benachrichtigt; Sie folgen Ihrem Thema automatisch.
network-board-field-thread-title = Titel
network-board-field-thread-title-hint = Eine kurze Frage oder Überschrift, höchstens 200 Zeichen.
network-board-field-body = Text
network-board-field-body-hint = Sie können Markdown verwenden, z. B. **fett**, *kursiv*, Listen und Links.
network-board-thread-submit = Thema eröffnen
network-board-thread-removed = Thema ausgeblendet
network-board-removed-note = Dieses Thema wurde von der Moderation ausgeblendet.
network-board-hidden = Ausgeblendet
network-board-hidden-note = Nur die Moderation sieht diesen Inhalt.

network-board-reply-title = Antworten
network-board-reply-submit = Antwort senden
network-board-reply-closed = Auf dieses Thema kann nicht mehr geantwortet werden.
network-board-replies-none = Noch keine Antworten.
network-board-field-reply = Ihre Antwort
network-board-answer = Darauf antworten
network-board-answering = Sie antworten { $author }:
network-board-answering-cancel = Ohne Bezug antworten
network-board-in-reply-to = Antwort auf #{ $id }
network-board-edited = bearbeitet
network-board-reply-edit = Antwort bearbeiten
network-board-edit-hint = Sie können Ihre Antwort 15 Minuten lang nach dem Schreiben ändern.
network-board-delete = Antwort löschen
network-board-delete-confirm = Diese Antwort wirklich löschen?
network-board-reply-deleted = Diese Antwort wurde von der Autorin oder dem Autor gelöscht.
network-board-reply-removed = Diese Antwort wurde von der Moderation ausgeblendet.
network-board-back-to-thread = Zurück zum Thema
network-board-error-thread-hidden = Dieses Thema ist ausgeblendet; Antworten sind nicht möglich.
network-board-error-edit-window = Die Antwort kann nur in den ersten 15 Minuten geändert werden.

network-board-kind-thread = Thema
network-board-kind-reply = Antwort
network-board-report = Melden
network-board-report-title = Inhalt melden
network-board-report-reason = Grund der Meldung
network-board-report-note = Anmerkung
network-board-report-note-hint = Freiwillig; bei „Sonstiges“ bitte kurz erklären (höchstens 1000 Zeichen).
network-board-report-submit = Meldung senden

network-board-moderation-title = Moderation des Austauschs
network-board-moderation-lead = Gemeldete Themen und Antworten, die neueste Meldung zuerst. Ab drei offenen Meldungen wird ein Inhalt automatisch ausgeblendet, bis Sie entscheiden.
network-board-reported = Gemeldete Inhalte
network-board-reported-none = Keine offenen Meldungen.
network-board-reported-caption = Inhalte mit offenen Meldungen
network-board-col-content = Inhalt
network-board-col-author = Verfasst von
network-board-col-reports = Meldungen
network-board-col-state = Zustand
network-board-col-actions = Aktionen
network-board-col-when = Zeitpunkt
network-board-col-moderator = Durch
network-board-col-action = Aktion
network-board-col-reason = Begründung
network-board-last-report = Letzte Meldung
network-board-visible = Sichtbar
network-board-hide = Ausblenden
network-board-confirm-hide = Ausgeblendet lassen
network-board-restore = Wiederherstellen
network-board-dismiss = Meldungen verwerfen
network-board-log-title = Protokoll
network-board-log-none = Noch keine Moderationsaktionen.
network-board-log-caption = Die letzten Moderationsaktionen, neueste zuerst
network-board-log-system = System (automatisch)
network-board-action-hide = ausgeblendet
network-board-action-restore = wiederhergestellt
network-board-action-dismiss = Meldungen verworfen
network-board-error-not-hidden = Dieser Inhalt ist nicht ausgeblendet.
network-board-error-no-reports = Zu diesem Inhalt gibt es keine offenen Meldungen.

notif-network-board-thread = Neues Thema im Forum „{ $board }“
notif-network-board-reply = Neue Antwort im Thema

notice-austausch-forum-angelegt = Das Forum ist angelegt.
notice-austausch-thema-eroeffnet = Ihr Thema ist eröffnet.
notice-austausch-antwort-gespeichert = Ihre Antwort ist veröffentlicht.
notice-austausch-antwort-geaendert = Ihre Antwort ist geändert.
notice-austausch-antwort-geloescht = Ihre Antwort ist gelöscht.
notice-austausch-gefolgt = Sie folgen jetzt und werden über Neues benachrichtigt.
notice-austausch-entfolgt = Sie folgen nicht mehr.
notice-austausch-gemeldet = Danke für Ihre Meldung. Die Moderation sieht sie sich an.
notice-austausch-verborgen = Der Inhalt ist ausgeblendet.
notice-austausch-wiederhergestellt = Der Inhalt ist wieder sichtbar.
notice-austausch-verworfen = Die Meldungen sind verworfen.

# Audit log labels (/verwaltung/protokoll)
audit-network-board-created = Forum angelegt
audit-network-board-moderation-hide = Forenbeitrag ausgeblendet (Moderation)
audit-network-board-moderation-restore = Forenbeitrag wiederhergestellt (Moderation)
audit-network-board-moderation-dismiss = Meldungen verworfen (Forum)
audit-network-board-moderation-approve = Forenbeitrag freigegeben (Moderation)
audit-network-board-moderation-block = Verfasser gesperrt (Forum)
