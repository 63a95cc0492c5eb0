# Newsletter: Anmeldung mit Bestätigung, Abmeldung, Archiv, Redaktion.
content-nl-title = Newsletter
content-nl-lead = Der Newsletter der Digitalagentur Sachsen berichtet über Breitbandausbau, Förderprogramme, Künstliche Intelligenz und die Digitalisierung der Verwaltung in Sachsen. Er kommt nur, wenn es Neues gibt – ohne Werbung und ohne Nachverfolgung.
content-nl-archive-link = Bisherige Ausgaben im Archiv lesen
content-nl-email = E-Mail-Adresse
content-nl-email-hint = An diese Adresse schicken wir zuerst eine E-Mail mit einem Bestätigungslink.
content-nl-topics = Themen
content-nl-topics-hint = Wählen Sie Themen aus, die Sie interessieren. Wenn Sie nichts auswählen, erhalten Sie alle Ausgaben. Allgemeine Ausgaben ohne Thema erhalten alle.
content-nl-topics-all = Alle Themen
content-nl-language-hint = Sie erhalten die E-Mails in der Sprache dieser Seite (Deutsch oder Englisch); die Beiträge selbst schreibt die Redaktion auf Deutsch.
content-nl-honeypot = Dieses Feld bitte leer lassen
content-nl-consent = Ich möchte den Newsletter erhalten und bin einverstanden, dass die Digitalagentur Sachsen dafür meine E-Mail-Adresse und meine Themenauswahl speichert.
content-nl-consent-hint = Bestätigen Sie die Anmeldung nicht innerhalb { $days ->
    [one] eines Tages
   *[other] von { $days } Tagen
}, löschen wir Ihre Adresse. Abmelden können Sie sich jederzeit über den Link in jeder E-Mail; Ihre Adresse wird dann sofort gelöscht. Mehr dazu:
content-nl-error-consent = Bitte bestätigen Sie, dass Sie den Newsletter erhalten möchten.
content-nl-submit = Newsletter bestellen
content-nl-done-title = Bitte schauen Sie in Ihr Postfach.
content-nl-done-text = Wenn die Adresse noch nicht angemeldet ist, haben wir eine E-Mail mit einem Bestätigungslink geschickt. Erst wenn Sie den Link öffnen und die Anmeldung bestätigen, erhalten Sie den Newsletter. Der Link gilt { $days ->
    [one] einen Tag
   *[other] { $days } Tage
}.
content-nl-limited-title = Zu viele Anmeldungen von Ihrem Anschluss
content-nl-limited-text = Bitte senden Sie das Formular ab { $time } Uhr noch einmal. Ihre Eingaben sind erhalten geblieben.

content-nl-confirm-title = Newsletter-Anmeldung bestätigen
content-nl-confirm-lead = Bitte bestätigen Sie, dass { $email } den Newsletter der Digitalagentur Sachsen erhalten soll.
content-nl-confirm-topics = Themen: { $topics }
content-nl-confirm-button = Anmeldung bestätigen
content-nl-confirmed = Vielen Dank! { $email } erhält ab jetzt den Newsletter.
content-nl-confirmed-unsubscribe = In jeder Ausgabe steht ein Link, mit dem Sie sich wieder abmelden können.

content-nl-unsubscribe-title = Newsletter abbestellen
content-nl-unsubscribe-lead = Wenn Sie abbestellen, löschen wir { $email } sofort aus dem Verteiler. Sie erhalten dann keine weiteren Ausgaben, und es bleibt nichts gespeichert.
content-nl-unsubscribe-button = Newsletter abbestellen
content-nl-unsubscribed = { $email } ist abgemeldet und gelöscht. Sie erhalten keine weiteren Ausgaben.
content-nl-subscribe-again = Newsletter erneut bestellen
content-nl-change-title = Lieber die Themen ändern?
content-nl-change-lead = Statt abzubestellen können Sie wählen, zu welchen Themen Sie Ausgaben erhalten.
content-nl-change-button = Themen speichern
content-nl-topics-saved = Ihre Themenauswahl ist gespeichert.

content-nl-archive-title = Newsletter-Archiv
content-nl-archive-lead = Alle bisher versendeten Ausgaben, die neueste zuerst.
content-nl-archive-empty = Es ist noch keine Ausgabe erschienen.
content-nl-archive-count = { $count ->
    [one] Eine Ausgabe
   *[other] { $count } Ausgaben
}
content-nl-archive-back = Zurück zum Archiv
content-nl-subscribe-link = Newsletter bestellen
content-nl-sent-on = Versendet am { $date }

content-nl-mail-confirm-subject = Bitte bestätigen Sie Ihre Newsletter-Anmeldung
content-nl-mail-confirm-body = Guten Tag,

    Sie (oder jemand mit Ihrer Adresse) haben den Newsletter der Digitalagentur Sachsen bestellt. Themen: { $topics }.

    Bitte bestätigen Sie die Anmeldung über diesen Link:

    { $link }

    Der Link gilt { $days ->
        [one] einen Tag
       *[other] { $days } Tage
    }. Ohne Bestätigung erhalten Sie keinen Newsletter und wir löschen Ihre Adresse danach.

    Haben Sie nichts bestellt? Dann ignorieren Sie diese E-Mail oder löschen Sie Ihre Adresse sofort:

    { $unsubscribe }

    Bitte antworten Sie nicht auf diese E-Mail.

    Digitalagentur Sachsen
content-nl-mail-already-subject = Ihr Newsletter-Abonnement
content-nl-mail-already-body = Guten Tag,

    für Ihre Adresse wurde der Newsletter der Digitalagentur Sachsen noch einmal bestellt. Sie sind bereits angemeldet (Themen: { $topics }); es hat sich nichts geändert.

    Möchten Sie den Newsletter nicht mehr erhalten, melden Sie sich hier ab:

    { $unsubscribe }

    Bitte antworten Sie nicht auf diese E-Mail.

    Digitalagentur Sachsen
content-nl-mail-issue-footer = Sie erhalten diesen Newsletter der Digitalagentur Sachsen, weil Sie ihn bestellt haben.
    Abbestellen (Ihre Adresse wird sofort gelöscht) oder Themen ändern: { $unsubscribe }

content-nl-send-job = Newsletter versenden
content-nl-retention-job = Unbestätigte Newsletter-Anmeldungen löschen

content-nl-staff-title = Newsletter
content-nl-staff-lead = Abonnements, Ausgaben und Versand. Eine Ausgabe geht mit höchstens { $rate ->
    [one] einer E-Mail
   *[other] { $rate } E-Mails
} pro Minute hinaus.
content-nl-new = Neue Ausgabe
content-nl-counts-title = Abonnements
content-nl-count-active = Bestätigt
content-nl-count-pending = Unbestätigt (werden nach { $days ->
    [one] einem Tag
   *[other] { $days } Tagen
} gelöscht)
content-nl-per-topic = Bestätigte Abonnements nach Thema
content-nl-col-topic = Thema
content-nl-col-subscribers = Abonnements
content-nl-issues-title = Ausgaben
content-nl-issues-empty = Noch keine Ausgabe.
content-nl-col-status = Status
content-nl-status-draft = Entwurf
content-nl-status-sending = wird versendet: { $delivered } von { $recipients }
content-nl-status-sent = versendet am { $date }
content-nl-progress = Versandfortschritt
content-nl-progress-hint = Der Versand läuft im Hintergrund. Laden Sie die Seite neu, um den Stand zu sehen.
content-nl-reload = Stand aktualisieren
content-nl-in-archive = Im Archiv ansehen
content-nl-compose = Ausgabe schreiben
content-nl-edit = Ausgabe bearbeiten
content-nl-field-subject = Betreff
content-nl-field-subject-hint = Erscheint als Betreff der E-Mail und als Titel im Archiv.
content-nl-field-body = Text
content-nl-field-body-hint = Markdown: ## Zwischenüberschrift, **fett**, [Linktext](/adresse), Bilder mit Alternativtext: ![Was das Bild zeigt](/medien/…). Die E-Mail ist reiner Text: Links erscheinen als „Text (Adresse)“, der Abmeldelink wird angehängt.
content-nl-field-topics = Themen
content-nl-field-topics-hint = Ohne Thema geht die Ausgabe an alle. Mit Themen geht sie an alle, die eines davon gewählt haben, und an alle ohne Themenauswahl.
content-nl-issue-topics-none = An alle
content-nl-save = Entwurf speichern
content-nl-saved = Der Entwurf ist gespeichert.
content-nl-preview = Vorschau der E-Mail
content-nl-preview-hint = So erhalten Abonnentinnen und Abonnenten die gespeicherte Fassung; jede E-Mail enthält den persönlichen Abmeldelink.
content-nl-preview-subject = Betreff:
content-nl-actions = Testen und versenden
content-nl-testmail = Test-E-Mail an mich senden
content-nl-testmail-tag = Test
content-nl-testmail-sent = Die Test-E-Mail an { $email } ist unterwegs.
content-nl-send = Versenden …
content-nl-delete = Entwurf löschen
content-nl-delete-confirm = Diesen Entwurf endgültig löschen?
content-nl-back = Zurück zur Übersicht
content-nl-send-title = Ausgabe versenden
content-nl-send-lead = { $count ->
    [0] Diese Ausgabe ginge derzeit an niemanden: Es gibt keine passenden bestätigten Abonnements.
    [one] Diese Ausgabe geht an ein bestätigtes Abonnement.
   *[other] Diese Ausgabe geht an { $count } bestätigte Abonnements.
}
content-nl-send-final = Nach dem Versenden lässt sich die Ausgabe nicht mehr ändern; sie erscheint im Archiv, sobald alle E-Mails übergeben sind.
content-nl-send-button = { $count ->
    [one] Jetzt an 1 Abonnement versenden
   *[other] Jetzt an { $count } Abonnements versenden
}
content-nl-cancel = Abbrechen
content-nl-conflict-title = Nicht gespeichert
content-nl-conflict-sent = Diese Ausgabe wird bereits versendet oder ist versendet und kann nicht mehr geändert werden. Ihr Text steht unten, damit Sie ihn für eine neue Ausgabe kopieren können.
content-nl-conflict-stale = Jemand hat diese Ausgabe inzwischen geändert. Ihr Text steht unten; bitte gleichen Sie ihn mit der gespeicherten Fassung (Vorschau) ab und speichern Sie erneut.
content-nl-conflict-stale-send = Die Ausgabe wurde geändert, nachdem Sie den Versand geöffnet haben. Bitte prüfen Sie die Vorschau und versenden Sie erneut.

content-nl-error-email = Bitte geben Sie Ihre E-Mail-Adresse ein.
content-nl-error-subject = Bitte geben Sie einen Betreff ein.
content-nl-error-body = Bitte geben Sie den Text der Ausgabe ein.
content-nl-confirm-gone = Dieser Bestätigungslink gilt nicht mehr. Er ist abgelaufen oder die Anmeldung wurde gelöscht. Bitte bestellen Sie den Newsletter neu.
content-nl-unsubscribe-gone = Diese Adresse ist nicht (mehr) für den Newsletter angemeldet. Sie erhalten keine Ausgaben.
content-nl-mail-issue-web = Diese Ausgabe im Web lesen: { $url }
content-nl-delete-title = Entwurf löschen
content-nl-delete-lead = Möchten Sie den Entwurf „{ $subject }“ endgültig löschen? Das lässt sich nicht rückgängig machen.

# Audit log labels (/verwaltung/protokoll)
audit-content-newsletter-create = Newsletter angelegt
audit-content-newsletter-update = Newsletter geändert
audit-content-newsletter-delete = Newsletter gelöscht
audit-content-newsletter-send = Newsletter versandt
