site-name = DiAS-Portal
skip-to-content = Zum Inhalt springen
switch-language = English
nav-main-label = Hauptnavigation
nav-home = Startseite
nav-districts = Kreise und Gemeinden
nav-search = Suche
nav-account = Mein Konto
nav-admin = Verwaltung
nav-login = Anmelden
nav-logout = Abmelden
nav-register = Registrieren
breadcrumbs-label = Brotkrumen-Navigation
footer-about = Über dieses Portal
footer-legal = Rechtliches
footer-note = Digitalagentur Sachsen – Informationen schnell und aus einer Hand. Dieses Portal setzt keine Tracking-Cookies und lädt nichts von fremden Servern.
page-imprint = Impressum
page-privacy = Datenschutz
page-accessibility = Erklärung zur Barrierefreiheit
page-easy-language = Leichte Sprache
page-sign-language = Gebärdensprache
page-data-sources = Datenquellen
data-sources-intro = Das Portal nutzt amtliche Referenzdaten zu Sachsens Kreisen und Gemeinden. Hier stehen Herkunft, Lizenz und die vorgeschriebene Quellenangabe jeder Datei (im englischen Original).
data-sources-link = Datenquellen und Lizenzen
required = Pflichtfeld
save = Speichern
copy = Kopieren

home-title = Startseite
home-heading = Digitalagentur Sachsen
home-lead = Ihre Anlaufstelle für die digitale Transformation in Sachsen: Informationen schnell und aus einer Hand – für Bürgerinnen und Bürger, Unternehmen, Kommunen und die Zivilgesellschaft.
home-audiences = Was suchen Sie?
home-modules = Angebote des Portals
home-contact = Fragen an die Digitalagentur
home-contact-text = Sie finden nicht, was Sie suchen? Die Digitalagentur Sachsen beantwortet Ihre Fragen zu Digitalisierung, Förderung, Breitband und künstlicher Intelligenz.
audience-citizens = Bürgerinnen und Bürger
audience-citizens-text = Gestalten Sie die Digitalstrategie des Freistaats mit und informieren Sie sich über digitale Angebote.
audience-citizens-link = Zur Beteiligung
audience-companies = Unternehmen
audience-companies-text = Finden Sie Förderprogramme und Beratung für Ihre Digitalisierungsvorhaben.
audience-companies-link = Förderangebote finden
audience-municipalities = Kommunen
audience-municipalities-text = Unterstützung beim Gigabitausbau, Kennzahlen zu Ihrem Kreis und Ihrer Gemeinde.
audience-municipalities-link = Kreise und Gemeinden
audience-ai = KI-Akteure
audience-ai-text = Vernetzen Sie sich mit Unternehmen, Hochschulen und Forschung rund um künstliche Intelligenz in Sachsen.
audience-ai-link = Zum KI-Netzwerk

search-title = Suche
search-title-for = Suche nach „{ $q }“
search-label = Suchbegriff
search-hint = Mehrere Wörter grenzen die Suche ein. Umlaute und Wortformen werden berücksichtigt.
search-button = Suchen
search-filter-kind = Art des Inhalts
search-all-kinds = Alle Inhalte
search-no-results = Keine Treffer. Versuchen Sie andere oder weniger Suchbegriffe.
search-result-count = { $count ->
    [0] Keine Treffer
    [one] Ein Treffer
   *[other] { $count } Treffer
}
search-too-long = Der Suchbegriff ist zu lang (höchstens 200 Zeichen).
search-kind-page = Seite
search-kind-district = Kreis
search-kind-other = Inhalt

districts-title = Kreise und Gemeinden in Sachsen
districts-lead = Sachsen hat 10 Landkreise und 3 kreisfreie Städte mit zusammen { $population } Einwohnerinnen und Einwohnern (Zensus 2022).
districts-map-title = Bevölkerungsdichte der Kreise
districts-map-description = Karte der 13 sächsischen Kreise, eingefärbt nach Einwohnern je Quadratkilometer. Die Werte stehen in der Tabelle unter der Karte.
districts-density-value = { $value } Einwohner je km²
districts-legend-upto = bis { $value } Einwohner je km²
districts-table-title = Alle Kreise
districts-chart-title = Einwohner je Kreis
districts-chart-description = Balkendiagramm der Einwohnerzahl je Kreis, absteigend sortiert.
district-map-title = Lage von { $name } mit seinen Gemeinden
district-map-description = Karte Sachsens; der Kreis ist hervorgehoben, jede Gemeinde ist als Punkt eingezeichnet. Die Gemeinden stehen auch in der Tabelle.
district = Kreis
district-kind = Art
municipality = Gemeinde
municipalities-title = Gemeinden
municipalities-count = Gemeinden
population = Einwohner
area-km2 = Fläche (km²)
ags = Amtlicher Gemeindeschlüssel
postcode = Postleitzahl
chart-table-summary = Daten als Tabelle

pagination-label = Seitennavigation
pagination-prev = Vorherige Seite
pagination-next = Nächste Seite
pagination-page = Seite

error-title-prefix = Fehler:
error-summary-title = Bitte korrigieren Sie die folgenden Angaben
error-required = Bitte füllen Sie dieses Feld aus.
error-too-long = Die Eingabe ist zu lang.
error-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.
error-password-too-short = Das Passwort muss mindestens 12 Zeichen lang sein.
error-password-weak = Dieses Passwort ist zu leicht zu erraten. Wählen Sie eine längere Wortfolge, die nicht Ihren Namen oder Ihre E-Mail-Adresse enthält.
error-password-mismatch = Die beiden Passwörter stimmen nicht überein.
error-password-wrong = Das Passwort ist nicht richtig.
error-accept-privacy = Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.
error-invalid-choice = Bitte wählen Sie eine der angebotenen Möglichkeiten.
error-login-failed = E-Mail-Adresse oder Passwort sind nicht richtig.
error-login-not-verified = Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in unserer E-Mail.
error-login-blocked = Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Digitalagentur.
error-login-delayed = Zu viele Fehlversuche. Bitte warten Sie { $seconds } Sekunden und versuchen Sie es dann erneut.
error-totp-wrong = Der Code ist nicht richtig oder abgelaufen. Geben Sie den aktuellen sechsstelligen Code ein.
error-cannot-demote-self = Sie können sich nicht selbst die Administrationsrechte entziehen.
error-cannot-block-self = Sie können Ihr eigenes Konto nicht sperren.
error-page-number = Diese Seitenzahl gibt es nicht.
error-next-steps = So geht es weiter:
error-status = Status
error-request-id = Fehlerkennung
error-not-found = Die Seite gibt es nicht oder nicht mehr. Prüfen Sie die Adresse oder nutzen Sie die Suche.
error-not-found-title = Seite nicht gefunden
error-forbidden = Sie haben keine Berechtigung für diese Seite.
error-forbidden-title = Kein Zugriff
error-csrf = Das Formular ist abgelaufen oder stammt nicht von dieser Website. Bitte laden Sie die Seite neu und senden Sie es erneut.
error-csrf-title = Sicherheitsprüfung fehlgeschlagen
error-bad-request = Die gesendeten Angaben sind ungültig.
error-bad-request-title = Ungültige Eingabe
error-payload-too-large = Die gesendeten Daten sind zu groß.
error-form-unreadable = Das Formular konnte nicht gelesen werden (ein Feld kam mehrfach oder hatte einen ungültigen Wert). Bitte laden Sie die Seite neu und senden Sie das Formular noch einmal.
error-upload-unreadable = Das Formular mit der Datei konnte nicht gelesen werden. Bitte wählen Sie die Datei erneut und senden Sie das Formular noch einmal.
error-payload-too-large-title = Die gesendeten Daten sind zu groß
error-headers-too-large = Die Anfrage hatte zu viele oder zu lange Kopfzeilen (Header), oft wegen zu vieler oder zu großer Cookies. Bitte löschen Sie die Cookies dieser Website in Ihrem Browser und laden Sie die Seite neu.
error-headers-too-large-title = Zu viele oder zu lange Kopfzeilen
error-too-many-requests = Zu viele Aufrufe in kurzer Zeit. Bitte warten Sie einen Moment.
error-too-many-requests-title = Zu viele Aufrufe
error-conflict = Das ist im Moment nicht möglich.
error-conflict-title = Gerade nicht möglich
error-internal = Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut. Wenn Sie sich deswegen an uns wenden, nennen Sie bitte die Fehlerkennung.
error-internal-title = Interner Fehler

field-email = E-Mail-Adresse
field-email-hint = Wir schicken Ihnen einen Link, um die Adresse zu bestätigen.
field-display-name = Anzeigename
field-display-name-hint = Unter diesem Namen erscheinen Ihre Beiträge. Sie können auch ein Pseudonym wählen.
field-password = Passwort
field-password-hint = Mindestens 12 Zeichen. Eine Folge mehrerer Wörter ist sicher und gut zu merken.
field-password-confirm = Passwort wiederholen
field-new-password = Neues Passwort
field-current-password = Aktuelles Passwort
field-accept-privacy = Ich habe die Datenschutzhinweise gelesen.
field-locale = Sprache
field-role = Rolle
field-code = Sechsstelliger Code
field-code-hint = Den Code zeigt Ihre Authenticator-App an.

register-title = Registrieren
register-intro = Mit einem Konto können Sie sich beteiligen, Angebote merken und Benachrichtigungen erhalten.
register-button = Registrieren
register-have-account = Sie haben schon ein Konto?
register-done-title = Bitte bestätigen Sie Ihre E-Mail-Adresse
register-done-text = Wir haben Ihnen eine E-Mail geschickt. Öffnen Sie den Link darin, um Ihr Konto zu aktivieren. Der Link ist 48 Stunden gültig.
verify-title = E-Mail-Adresse bestätigen
verify-text = Bestätigen Sie mit einem Klick, dass diese E-Mail-Adresse Ihnen gehört.
verify-button = E-Mail-Adresse bestätigen
verify-invalid-title = Link ungültig
verify-invalid-text = Dieser Bestätigungslink ist abgelaufen oder wurde schon benutzt. Melden Sie sich an oder registrieren Sie sich erneut.
login-title = Anmelden
login-button = Anmelden
second-factor-title = Zweiter Faktor
totp-setup-title = Zweiten Faktor einrichten
totp-required = Für Administrationskonten ist ein zweiter Faktor vorgeschrieben.
totp-step-app = Öffnen Sie eine Authenticator-App (zum Beispiel FreeOTP oder Aegis).
totp-step-secret = Fügen Sie ein Konto mit diesem Schlüssel hinzu:
totp-step-code = Geben Sie den sechsstelligen Code ein, den die App anzeigt.
totp-url = Einrichtungsadresse für Apps, die sie übernehmen können:
totp-activate = Aktivieren
totp-active = Zweiter Faktor aktiv
totp-inactive = Kein zweiter Faktor eingerichtet.
forgot-title = Passwort vergessen
forgot-intro = Geben Sie Ihre E-Mail-Adresse ein. Wenn es dazu ein Konto gibt, schicken wir Ihnen einen Link zum Zurücksetzen.
forgot-button = Link anfordern
forgot-sent-title = E-Mail unterwegs
forgot-sent-text = Wenn es zu dieser Adresse ein Konto gibt, erhalten Sie in wenigen Minuten eine E-Mail. Der Link ist eine Stunde gültig.
reset-title = Neues Passwort festlegen
reset-button = Passwort speichern
reset-invalid-title = Link ungültig
reset-invalid-text = Dieser Link ist abgelaufen oder wurde schon benutzt. Fordern Sie einen neuen an.

account-title = Mein Konto
account-nav-label = Kontobereiche
profile-title = Profil
notifications-title = Benachrichtigungen
notifications-legend = Wie oft möchten Sie E-Mails erhalten?
notifications-hint = Gilt für Neuigkeiten zu Inhalten, denen Sie folgen. Im Portal sehen Sie Benachrichtigungen immer.
notify-immediately = Sofort
notify-daily = Täglich als Zusammenfassung
notify-weekly = Wöchentlich als Zusammenfassung
notify-off = Keine E-Mails
security-title = Sicherheit
password-change-title = Passwort ändern
password-change-button = Passwort ändern
sessions-title = Angemeldete Geräte
sessions-count = { $count ->
    [one] Sie sind auf einem Gerät angemeldet.
   *[other] Sie sind auf { $count } Geräten angemeldet.
}
logout-everywhere = Überall abmelden
export-link = Meine Daten herunterladen
delete-title = Konto löschen
delete-intro = Wenn Sie Ihr Konto löschen, entfernen wir Ihre E-Mail-Adresse, Ihren Namen und Ihr Passwort. Ihre Beiträge bleiben unter der Bezeichnung „Gelöschtes Konto“ erhalten. Das lässt sich nicht rückgängig machen.
delete-password-hint = Zur Sicherheit geben Sie bitte Ihr Passwort ein.
delete-button = Konto löschen
delete-confirm = Wollen Sie Ihr Konto wirklich endgültig löschen?

role-participant = Teilnehmende
role-representative = Vertretung eines Akteurs
role-operator = Netzbetreiber
role-municipality = Kommune
role-moderator = Moderation
role-staff = Redaktion
role-admin = Administration

admin-title = Verwaltung
admin-nav-label = Verwaltungsbereiche
admin-overview = Übersicht
admin-users = Benutzerkonten
admin-users-search = Suche nach E-Mail-Adresse oder Namensanfang
admin-users-search-hint = Zum Beispiel anna@beispiel.de oder Anna
admin-all-roles = Alle Rollen
admin-users-count = { $count ->
    [one] Ein Konto
   *[other] { $count } Konten
}
admin-status = Status
admin-created = Angelegt
admin-active = Aktiv
admin-blocked = Gesperrt
admin-unverified = Nicht bestätigt
admin-change-role = Rolle ändern
admin-save-role = Rolle speichern
admin-block = Konto sperren
admin-unblock = Sperre aufheben
admin-block-reason = Grund der Sperre
admin-block-reason-hint = Der Grund wird im Protokoll festgehalten.
admin-audit = Protokoll
admin-mailbox = Postausgang
admin-mailbox-intro = Alle E-Mails, die das Portal verschickt hat oder verschicken will. Im Entwicklungsmodus werden E-Mails nur hier abgelegt und nicht versendet.
admin-jobs = Hintergrundaufgaben
admin-reindex = Suchindex neu aufbauen
admin-search-docs = Dokumente im Suchindex
audit-at = Zeitpunkt
audit-actor = Person
audit-action = Aktion
audit-target = Betroffen
audit-details = Einzelheiten
audit-user-role-changed = Rolle geändert
audit-user-blocked = Konto gesperrt
audit-user-unblocked = Sperre aufgehoben
audit-account-totp-enabled = Zweiter Faktor eingerichtet
audit-job-started = Aufgabe gestartet
mail-to = Empfänger
mail-subject = Betreff
mail-created = Erstellt
job-kind = Art
job-progress = Fortschritt
job-status-queued = Wartet
job-status-running = Läuft
job-status-done = Fertig
job-status-failed = Fehlgeschlagen

notice-email-bestaetigt = Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.
notice-abgemeldet = Sie sind abgemeldet.
notice-ueberall-abgemeldet = Sie sind auf allen Geräten abgemeldet.
notice-passwort-geaendert = Ihr Passwort wurde geändert.
notice-gespeichert = Ihre Änderungen sind gespeichert.
notice-zweiter-faktor-aktiv = Der zweite Faktor ist eingerichtet.
notice-konto-geloescht = Ihr Konto wurde gelöscht.
notice-rolle-gespeichert = Die Rolle wurde geändert.
notice-gesperrt = Das Konto wurde gesperrt.
notice-entsperrt = Die Sperre wurde aufgehoben.
notice-aufgabe-gestartet = Die Aufgabe wurde gestartet.

mail-verify-subject = Bitte bestätigen Sie Ihre E-Mail-Adresse
mail-verify-body = Guten Tag { $name },

    Sie haben sich im Portal der Digitalagentur Sachsen registriert. Bitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link (48 Stunden gültig):

    { $url }

    Wenn Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren.

    Ihre Digitalagentur Sachsen
mail-already-registered-subject = Registrierung mit Ihrer E-Mail-Adresse
mail-already-registered-body = Guten Tag,

    jemand wollte sich mit Ihrer E-Mail-Adresse im Portal der Digitalagentur Sachsen registrieren. Sie haben bereits ein Konto. Falls Sie Ihr Passwort vergessen haben, setzen Sie es hier zurück:

    { $url }

    Ihre Digitalagentur Sachsen
mail-reset-subject = Passwort zurücksetzen
mail-reset-body = Guten Tag { $name },

    über diesen Link legen Sie ein neues Passwort fest (eine Stunde gültig):

    { $url }

    Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.

    Ihre Digitalagentur Sachsen

## Notifications (Benachrichtigungen)
notif-nav = Benachrichtigungen
notif-nav-unread = ungelesen
notif-inbox-title = Ihre Benachrichtigungen
notif-inbox-lead = Hier sehen Sie Neuigkeiten zu Beiträgen, denen Sie folgen, und Antworten auf Ihre eigenen Beiträge.
notif-unread-count = { $count ->
    [0] Keine ungelesenen Benachrichtigungen.
    [one] Eine ungelesene Benachrichtigung.
   *[other] { $count } ungelesene Benachrichtigungen.
}
notif-empty = Sie haben noch keine Benachrichtigungen. Folgen Sie einem Beteiligungsverfahren, einem Vorschlag oder einem Änderungsvorschlag, um über Neuigkeiten informiert zu werden.
notif-unread = Neu
notif-mark-read = Als gelesen markieren
notif-mark-all-read = Alle als gelesen markieren
notif-settings-title = E-Mail-Benachrichtigungen
notif-received = Erhalten am
notice-notif-gelesen = Die Benachrichtigung ist als gelesen markiert.
notice-notif-alle-gelesen = Alle Benachrichtigungen sind als gelesen markiert.
notif-follow = Folgen
notif-unfollow = Nicht mehr folgen
notif-following = Sie folgen diesem Inhalt und werden über Neuigkeiten benachrichtigt.
notif-not-following = Folgen Sie diesem Inhalt, um über Neuigkeiten benachrichtigt zu werden.
notice-notif-gefolgt = Sie folgen jetzt diesem Inhalt.
notice-notif-entfolgt = Sie folgen diesem Inhalt nicht mehr.
notif-mail-subject-one = Digitalagentur Sachsen: { $headline }
notif-mail-subject-many = Digitalagentur Sachsen: { $count } neue Benachrichtigungen
notif-mail-subject-daily = Ihre tägliche Zusammenfassung: { $count ->
    [one] eine Benachrichtigung
   *[other] { $count } Benachrichtigungen
}
notif-mail-subject-weekly = Ihre wöchentliche Zusammenfassung: { $count ->
    [one] eine Benachrichtigung
   *[other] { $count } Benachrichtigungen
}
notif-mail-greeting = Guten Tag { $name },
notif-mail-intro = es gibt Neuigkeiten im Portal der Digitalagentur Sachsen:
notif-mail-intro-daily = hier ist Ihre tägliche Zusammenfassung der Neuigkeiten im Portal der Digitalagentur Sachsen:
notif-mail-intro-weekly = hier ist Ihre wöchentliche Zusammenfassung der Neuigkeiten im Portal der Digitalagentur Sachsen:
notif-mail-more = … und { $count } weitere. Sie finden alle im Portal.
notif-mail-footer =
    Alle Benachrichtigungen: { $list }
    Wie oft Sie E-Mails erhalten, stellen Sie hier ein: { $settings }

    Ihre Digitalagentur Sachsen

## Melden (alle Module, dias_core::moderation)
report-reason-spam = Spam oder Werbung
report-reason-offensive = Beleidigend oder herabwürdigend
report-reason-off_topic = Nicht zum Thema
report-reason-other = Sonstiges
report-own-content = Eigene Beiträge können Sie nicht melden.
report-target-hidden = Dieser Inhalt ist bereits ausgeblendet und wird von der Moderation geprüft.
report-duplicate = Sie haben diesen Inhalt bereits gemeldet. Die Moderation kümmert sich darum.
report-error-note-required = Bitte beschreiben Sie kurz, was an dem Inhalt nicht in Ordnung ist.
