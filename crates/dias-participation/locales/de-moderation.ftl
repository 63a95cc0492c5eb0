# Moderation (Beteiligung): Meldungen, Warteschlange, Protokoll.

## Melden
report-open = Melden
report-title = Beitrag melden
report-reason = Warum melden Sie diesen Beitrag?
report-note = Anmerkung (optional)
report-note-hint = Was sollte die Moderation wissen? Höchstens 1.000 Zeichen. Bei „Sonstiges“ bitte ausfüllen.
report-submit = Meldung senden
report-back = Zurück zum Beitrag
notice-gemeldet = Vielen Dank, Ihre Meldung ist bei der Moderation eingegangen.

## Arten von Beiträgen
moderation-kind-comment = Kommentar
moderation-kind-proposal = Vorschlag
moderation-kind-suggestion = Änderungsvorschlag

## Warteschlange
moderation-queue-link = Moderation dieses Verfahrens
moderation-title = Moderation
moderation-global-title = Moderation aller Verfahren
moderation-lead = Gemeldete Beiträge und Beiträge, die auf Freigabe warten. Ausgeblendete Kommentare erscheinen in ihrer Diskussion als Hinweis „Dieser Beitrag wurde entfernt.“
moderation-reported = Gemeldete Beiträge
moderation-reported-none = Zurzeit gibt es keine offenen Meldungen.
moderation-reported-caption = Gemeldete Beiträge, neueste Meldung zuerst
moderation-pending = Warten auf Freigabe
moderation-pending-none = Zurzeit wartet kein Beitrag auf Freigabe.
moderation-pending-more = Es warten weitere Beiträge; sie erscheinen hier, sobald diese bearbeitet sind.
moderation-pending-caption = Beiträge, die vor der Veröffentlichung freigegeben werden müssen, älteste zuerst
moderation-col-content = Beitrag
moderation-col-process = Verfahren
moderation-col-author = Verfasst von
moderation-col-reports = Meldungen
moderation-col-state = Zustand
moderation-col-actions = Aktionen
moderation-col-created = Eingereicht am
moderation-author-blocked = gesperrt
moderation-last-report = Letzte Meldung
moderation-state-hidden = ausgeblendet
moderation-state-visible = sichtbar
moderation-approve = Freigeben
moderation-restore = Wiederherstellen
moderation-hide = Ausblenden
moderation-confirm-hide = Ausblenden bestätigen
moderation-reject = Nicht freigeben
moderation-dismiss = Meldungen verwerfen
moderation-block = Verfasser sperren
moderation-block-reason = Grund der Sperre
moderation-block-reason-hint = Der Grund steht im Protokoll; höchstens 500 Zeichen.
moderation-block-submit = Konto sperren
moderation-not-hidden = Dieser Beitrag ist nicht ausgeblendet.
moderation-no-open-reports = Zu diesem Beitrag gibt es keine offenen Meldungen.
moderation-not-pending = Dieser Beitrag wartet nicht auf Freigabe.
moderation-cannot-block-staff = Konten der Moderation und der Redaktion können hier nicht gesperrt werden.
moderation-already-blocked = Dieses Konto ist bereits gesperrt.
notice-beitrag-verborgen = Der Beitrag ist ausgeblendet.
notice-beitrag-wiederhergestellt = Der Beitrag ist wieder sichtbar.
notice-meldungen-verworfen = Die Meldungen sind verworfen; der Beitrag bleibt sichtbar.
notice-beitrag-freigegeben = Der Beitrag ist freigegeben.
notice-autor-gesperrt = Das Konto ist gesperrt.

## Protokoll
moderation-log-title = Moderationsprotokoll
moderation-back-to-queue = Zurück zur Moderation
moderation-log-none = Bisher gibt es keine Moderationsaktionen.
moderation-log-caption = { $count ->
    [one] 1 Eintrag, neuester zuerst
   *[other] { $count } Einträge, neueste zuerst
}
moderation-log-at = Zeitpunkt
moderation-log-moderator = Durch
moderation-log-action = Aktion
moderation-log-user = Gesperrtes Konto
moderation-log-reason = Begründung
moderation-log-system = System
moderation-log-automatic = Automatisch ausgeblendet nach mehreren Meldungen
moderation-action-hide = ausgeblendet
moderation-action-restore = wiederhergestellt
moderation-action-dismiss = Meldungen verworfen
moderation-action-block = Verfasser gesperrt
moderation-action-approve = freigegeben

## Audit-Protokoll der Verwaltung
audit-moderation-hide = Beitrag ausgeblendet (Moderation)
audit-moderation-restore = Beitrag wiederhergestellt (Moderation)
audit-moderation-dismiss = Meldungen verworfen (Moderation)
audit-moderation-block = Verfasser gesperrt (Moderation)
audit-moderation-approve = Beitrag freigegeben (Moderation)
