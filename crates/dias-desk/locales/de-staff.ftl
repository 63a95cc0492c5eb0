## Anfragen: the staff side (queues, Vorgang, Textbausteine, teams).

desk-staff-title = Anfragen bearbeiten
desk-staff-entry = Anfragen bearbeiten (Redaktion)
desk-staff-nav-label = Bereiche der Anfragen-Bearbeitung
desk-staff-nav-queues = Anfragen
desk-staff-nav-templates = Textbausteine
desk-staff-nav-teams = Teams und Themen
desk-staff-nav-faq = Häufige Fragen

desk-staff-queues = Ansichten
desk-staff-queue-count = nicht geschlossene Anfragen
desk-staff-queue-mine = Meine Anfragen
desk-staff-queue-my-teams = Meine Teams
desk-staff-queue-unassigned = Nicht zugewiesen
desk-staff-queue-overdue = Überfällig
desk-staff-queue-all = Alle
desk-staff-queue-team-gone = Team nicht mehr vorhanden
desk-staff-filter = Liste eingrenzen
desk-staff-filter-status = Status
desk-staff-filter-status-open = Offen (nicht geschlossen)
desk-staff-filter-status-any = Alle Status
desk-staff-filter-topic = Thema
desk-staff-filter-topic-any = Alle Themen
desk-staff-filter-apply = Anzeigen
desk-staff-filter-reset = Filter zurücksetzen
desk-staff-total = { $count ->
    [one] 1 Anfrage
   *[other] { $count } Anfragen
}
desk-staff-empty = In dieser Ansicht gibt es keine Anfragen.
desk-staff-col-inquiry = Anfrage
desk-staff-col-sender = Anfragende Person
desk-staff-col-topic = Thema
desk-staff-col-status = Status
desk-staff-col-assignee = Zuständig
desk-staff-col-due = Frist
desk-staff-received = eingegangen { $date }
desk-staff-unassigned = Nicht zugewiesen
desk-staff-overdue-since = überfällig seit { $date } ({ $days ->
    [0] heute
    [one] 1 Arbeitstag
   *[other] { $days } Arbeitstage
})
desk-staff-due-on = fällig am { $date }
desk-staff-no-due = keine Frist
desk-staff-overdue-explained = Überfällig ist eine Anfrage, wenn die Zielzeit ihres Themas verstrichen ist und wir noch antworten müssen. Gezählt werden Arbeitstage ohne Wochenenden und sächsische Feiertage; während einer Rückfrage ruht die Frist.

desk-staff-team = Team
desk-staff-no-team = Kein Team
desk-staff-received-label = Eingegangen
desk-staff-first-answer = Erste Antwort
desk-staff-closed-at = Geschlossen am
desk-staff-publish-faq = Als häufige Frage veröffentlichen
desk-staff-sender-heading = Anfragende Person und Anliegen
desk-staff-sender-name = Name
desk-staff-sender-email = E-Mail-Adresse
desk-staff-sender-type = Fragt als
desk-staff-municipality = Gemeinde
desk-staff-message = Nachricht
desk-staff-attachments = Anhänge
desk-staff-size-kb = { $count } KB
desk-staff-size-mb = { $size } MB
desk-staff-links = Verknüpfungen
desk-staff-links-none = Diese Anfrage ist mit keiner Seite des Portals verknüpft.
desk-staff-link-remove = Entfernen
desk-staff-link-remove-named = Verknüpfung { $path } entfernen
desk-staff-link-remove-confirm = Diese Verknüpfung wirklich entfernen?
desk-staff-link-add-title = Verknüpfung hinzufügen
desk-staff-link-path = Pfad im Portal
desk-staff-link-path-hint = Zum Beispiel /foerderung/angebote/digi-z oder /breitband/gemeinden/14521010 – nur Seiten dieses Portals.
desk-staff-link-label = Bezeichnung
desk-staff-link-label-hint = Freiwillig, höchstens 200 Zeichen.
desk-staff-link-add = Verknüpfung hinzufügen

desk-staff-work = Bearbeitung
desk-staff-assign-title = Zuweisen
desk-staff-assign-team = Team dieser Anfrage
desk-staff-assign-others = Weitere Mitarbeitende
desk-staff-assign = Zuweisung speichern
desk-staff-assign-me = Mir zuweisen
desk-staff-status-title = Status ändern
desk-staff-status-new = Neuer Status
desk-staff-choose = Bitte wählen
desk-staff-status-hint = Derzeit: { $status }. Geschlossene Anfragen können nur wieder in Bearbeitung genommen werden.
desk-staff-status-change = Status ändern
desk-staff-topic-title = Thema ändern
desk-staff-topic-hint = Die Anfrage geht an das Team des neuen Themas; die Frist wird nach dessen Zielzeit neu berechnet.
desk-staff-topic-change = Thema ändern

desk-staff-reply-title = Antworten
desk-staff-reply-lead = Die Antwort geht per E-Mail an die anfragende Person und erscheint auf ihrer Statusseite.
desk-staff-template-insert-title = Textbaustein einfügen
desk-staff-template-choose = Textbaustein
desk-staff-template-choose-hint = Der Text wird in das Antwortfeld übernommen; Sie können ihn dort anpassen. Ein schon geschriebener Text wird dabei ersetzt.
desk-staff-template-insert = Einfügen
desk-staff-template-general = { $title } (alle Themen)
desk-staff-reply-text = Antwort
desk-staff-reply-hint = Sichtbar für die anfragende Person. Absätze, Listen und Links können Sie mit Markdown formatieren (zum Beispiel „- “ für eine Aufzählung).
desk-staff-reply-kind = Art der Antwort
desk-staff-reply-kind-answer = Antwort – Status „Beantwortet“
desk-staff-reply-kind-question = Rückfrage an die anfragende Person – Status „Rückfrage“
desk-staff-reply-send = Antwort senden
desk-staff-note-title = Interne Notiz
desk-staff-note-text = Notiz
desk-staff-note-hint = Nur für Mitarbeitende sichtbar; wird nie an die anfragende Person geschickt.
desk-staff-internal-badge = intern – für die anfragende Person nicht sichtbar
desk-staff-jump-label = Auf dieser Seite
desk-staff-note-add = Notiz speichern

desk-staff-history = Verlauf
desk-staff-internal = intern
desk-staff-sender = Anfragende Person
desk-staff-status-label-rueckfrage = Rückfrage
desk-staff-system = System
desk-staff-someone = Ehemaliges Konto
desk-staff-event-created = Anfrage eingegangen
desk-staff-event-status = Status: { $from } → { $to }
desk-staff-event-assigned = Zugewiesen an { $name }
desk-staff-event-unassigned = Zuweisung aufgehoben
desk-staff-event-topic = Thema: { $from } → { $to }
desk-staff-event-note = Interne Notiz
desk-staff-event-reply = Antwort an die anfragende Person
desk-staff-event-question = Rückfrage an die anfragende Person
desk-staff-event-sender-reply = Nachricht der anfragenden Person
desk-staff-event-link = Verknüpfung hinzugefügt: { $path }
desk-staff-event-unlink = Verknüpfung entfernt: { $path }
desk-staff-event-faq = Als häufige Frage veröffentlicht
desk-staff-event-anonymized = Personenbezogene Daten anonymisiert

desk-staff-error-text-missing = Bitte geben Sie einen Text ein.
desk-staff-error-reply-missing = Bitte geben Sie den Text der Antwort ein.
desk-staff-error-note-missing = Bitte geben Sie den Text der internen Notiz ein.
desk-staff-error-text-long = Der Text ist zu lang (höchstens 20.000 Zeichen).
desk-staff-error-link-path = Bitte geben Sie einen Pfad dieses Portals an, der mit „/“ beginnt.
desk-staff-error-link-label = Die Bezeichnung ist zu lang (höchstens 200 Zeichen).
desk-staff-error-link-gone = Diese Verknüpfung gibt es nicht mehr.
desk-staff-error-assignee = Bitte wählen Sie ein Konto der Redaktion oder Verwaltung.
desk-staff-error-same-assignee = Die Anfrage ist bereits so zugewiesen.
desk-staff-error-status = Dieser Status ist von hier aus nicht möglich.
desk-staff-error-status-missing = Bitte wählen Sie den neuen Status.
desk-staff-error-topic = Bitte wählen Sie ein Thema.
desk-staff-error-same-topic = Die Anfrage hat dieses Thema bereits.
desk-staff-error-anonymized = Die Anfrage ist anonymisiert und kann nicht mehr bearbeitet werden.

desk-staff-conflict-title = Inzwischen geändert — bitte prüfen Sie den Stand und senden Sie erneut
desk-staff-conflict-text = Jemand anderes hat die Anfrage geändert, nachdem Sie die Seite geöffnet haben. Ihre Änderung wurde noch nicht gespeichert. Unten sehen Sie den aktuellen Stand und den Verlauf; Ihr Text steht noch im Formular.

desk-staff-mail-greeting = Guten Tag,
desk-staff-mail-greeting-named = Guten Tag { $name },
desk-staff-mail-reply-subject = Antwort auf Ihre Anfrage { $reference }: { $subject }
desk-staff-mail-reply-body = { $greeting }

    die Digitalagentur Sachsen hat auf Ihre Anfrage { $reference } („{ $subject }“) geantwortet:

    { $reply }

    Bitte antworten Sie nicht auf diese E-Mail, sondern über Ihren persönlichen Link. Dort sehen Sie auch den Verlauf:

    { $link }

    Mit freundlichen Grüßen
    Ihre Digitalagentur Sachsen
desk-staff-mail-question-subject = Rückfrage zu Ihrer Anfrage { $reference }: { $subject }
desk-staff-mail-question-body = { $greeting }

    zu Ihrer Anfrage { $reference } („{ $subject }“) haben wir eine Rückfrage:

    { $reply }

    Bitte antworten Sie nicht auf diese E-Mail, sondern über Ihren persönlichen Link:

    { $link }

    Mit freundlichen Grüßen
    Ihre Digitalagentur Sachsen

desk-staff-templates-lead = Vorformulierte Antworten für wiederkehrende Fragen. Beim Antworten auf eine Anfrage stehen die Textbausteine ihres Themas und die für alle Themen zur Auswahl.
desk-staff-template-new = Neuer Textbaustein
desk-staff-templates-none = Es gibt noch keine Textbausteine.
desk-staff-template-title = Titel
desk-staff-template-title-hint = Woran Sie den Baustein in der Auswahl erkennen, höchstens 200 Zeichen.
desk-staff-template-topic-hint = Bei welchem Thema der Baustein angeboten wird.
desk-staff-template-all-topics = Alle Themen
desk-staff-template-text = Text
desk-staff-template-text-hint = Der Text, der in die Antwort übernommen wird.
desk-staff-template-save = Speichern
desk-staff-template-new-title = Neuer Textbaustein
desk-staff-template-edit-title = Textbaustein bearbeiten
desk-staff-template-delete = Löschen
desk-staff-template-delete-named = Textbaustein „{ $title }“ löschen
desk-staff-template-delete-confirm = Diesen Textbaustein wirklich löschen?
desk-staff-template-error-title-missing = Bitte geben Sie den Titel des Textbausteins ein.
desk-staff-template-error-title-long = Der Titel ist zu lang (höchstens 200 Zeichen).
desk-staff-template-error-topic = Bitte wählen Sie ein Thema aus der Liste.
desk-staff-template-error-body-missing = Bitte geben Sie den Text des Textbausteins ein.
desk-staff-template-error-body-long = Der Text ist zu lang (höchstens 20.000 Zeichen).
desk-staff-actions = Aktionen
desk-staff-cancel = Abbrechen
desk-staff-remove = Entfernen

desk-staff-teams-lead = Jedes Thema wird von einem Team beantwortet. Die Zielzeit in Arbeitstagen (ohne Wochenenden und sächsische Feiertage) bestimmt, wann eine Anfrage überfällig ist.
desk-staff-teams-readonly = Teams und Themen legt die Administration fest.
desk-staff-topics-title = Themen
desk-staff-topics-table = Themen mit Team und Zielzeit
desk-staff-topic-days = Zielzeit in Arbeitstagen
desk-staff-topic-days-hint = Zwischen 1 und 60 Arbeitstagen.
desk-staff-topics-save = Themen speichern
desk-staff-topic-error-team = Bitte wählen Sie ein vorhandenes Team.
desk-staff-topic-error-days = Bitte geben Sie eine ganze Zahl zwischen 1 und 60 an.
desk-staff-teams-title = Teams
desk-staff-teams-none = Es gibt noch keine Teams.
desk-staff-team-no-members = Dieses Team hat noch keine Mitglieder.
desk-staff-team-member-remove-named = { $name } aus dem Team { $team } entfernen
desk-staff-team-member-add-label = Mitglied für { $team }
desk-staff-team-member-add = Mitglied hinzufügen
desk-staff-team-rename-label = Neuer Name für { $team }
desk-staff-team-rename = Umbenennen
desk-staff-team-delete = Team löschen
desk-staff-team-delete-named = Team { $team } löschen
desk-staff-team-delete-confirm = Dieses Team wirklich löschen? Seine Themen haben danach kein Team.
desk-staff-team-create-title = Neues Team
desk-staff-team-name = Name des Teams
desk-staff-team-name-hint = Höchstens 120 Zeichen.
desk-staff-team-create = Team anlegen
desk-staff-team-error-name-missing = Bitte geben Sie den Namen des Teams ein.
desk-staff-team-error-name-long = Der Name ist zu lang (höchstens 120 Zeichen).
desk-staff-team-error-name-taken = Ein Team mit diesem Namen gibt es schon.
desk-staff-team-error-account = Bitte wählen Sie ein Konto der Redaktion oder Verwaltung.

notice-desk-staff-assigned = Die Zuweisung ist gespeichert.
notice-desk-staff-status-changed = Der Status ist geändert.
notice-desk-staff-topic-changed = Das Thema ist geändert; die Anfrage liegt jetzt beim zuständigen Team.
notice-desk-staff-note-added = Die interne Notiz ist gespeichert.
notice-desk-staff-reply-sent = Die Antwort ist gesendet.
notice-desk-staff-question-sent = Die Rückfrage ist gesendet.
notice-desk-staff-link-added = Die Verknüpfung ist hinzugefügt.
notice-desk-staff-link-removed = Die Verknüpfung ist entfernt.
notice-desk-staff-template-created = Der Textbaustein ist angelegt.
notice-desk-staff-template-saved = Der Textbaustein ist gespeichert.
notice-desk-staff-template-deleted = Der Textbaustein ist gelöscht.
notice-desk-staff-team-created = Das Team ist angelegt.
notice-desk-staff-team-renamed = Das Team ist umbenannt.
notice-desk-staff-team-deleted = Das Team ist gelöscht.
notice-desk-staff-team-member-added = Das Mitglied ist hinzugefügt.
notice-desk-staff-team-member-removed = Das Mitglied ist entfernt.
notice-desk-staff-topics-saved = Die Themen sind gespeichert.

# Audit log labels (/verwaltung/protokoll)
audit-desk-inquiry-assigned = Anfrage zugewiesen
audit-desk-inquiry-replied = Anfrage beantwortet
audit-desk-inquiry-status = Status der Anfrage geändert
audit-desk-inquiry-topic = Thema der Anfrage geändert
audit-desk-team-created = Team angelegt
audit-desk-team-renamed = Team umbenannt
audit-desk-team-deleted = Team gelöscht
audit-desk-team-member-added = Teammitglied hinzugefügt
audit-desk-team-member-removed = Teammitglied entfernt
audit-desk-topic-configured = Thema eingerichtet
