# KI-Netzwerk: Passende Partner, Kooperationsgesuche, Kontaktformular, Zahlen, offene Daten

## Passende Partner
matching-finder-title = Partner finden
matching-finder-lead = Beschreiben Sie in einem Satz, wofür Sie Partner suchen. Wir vergleichen Ihren Bedarf mit den Kompetenzen, Branchen, Angeboten und Beschreibungen der geprüften Akteure und zeigen, warum ein Akteur passt.
matching-finder-link = Partner für einen eigenen Bedarf finden
matching-need-label = Ihr Bedarf
matching-need-hint = Zum Beispiel: Wir suchen Partner für Bildverarbeitung in der Landwirtschaft.
matching-need-submit = Passende Partner suchen
matching-results-title = Passende Akteure
matching-results-count = { $count ->
    [0] Kein passender Akteur gefunden.
    [one] Ein passender Akteur gefunden.
   *[other] { $count } passende Akteure gefunden.
}
matching-none = Versuchen Sie andere Begriffe, etwa eine KI-Kompetenz (Sprachverarbeitung, Robotik …) oder eine Branche (Gesundheit, Produktion …).
matching-recognised = Aus Ihrem Bedarf erkannt:
matching-recognised-competences = Kompetenzen
matching-recognised-industries = Branchen
matching-recognised-offers = Angebote
matching-how = So entsteht die Reihenfolge: gemeinsame Kompetenzen zählen am meisten, dann gemeinsame Branchen, ähnliche Beschreibungen und gemeinsame Angebote; Forschung und Unternehmen ergänzen sich, und Nähe im selben Kreis zählt ein wenig.
matching-why = Warum dieser Akteur passt:
matching-reason-competences = Gemeinsame Kompetenzen
matching-reason-industries = Branche
matching-reason-offers = Gemeinsame Angebote
matching-reason-complementary = Ergänzt sich mit Ihnen
matching-reason-district = Im selben Kreis
matching-reason-text = Ähnliche Beschreibung
matching-profile-title = Passende Partner
matching-profile-lead = Akteure, die zu diesem Profil passen könnten, mit dem Grund.

## Kooperationsgesuche
matching-nav-title = Mehr im KI-Netzwerk
matching-request-new-for-actor = Ein Kooperationsgesuch für diesen Akteur veröffentlichen
matching-requests-title = Kooperationsgesuche
matching-requests-lead = Akteure suchen Partner für Projekte. Passende Akteure werden bei Veröffentlichung benachrichtigt, wenn ihre Ansprechpersonen das wünschen.
matching-requests-open = Offene Gesuche
matching-requests-closed = Kürzlich beendete Gesuche
matching-requests-none = Zurzeit gibt es keine offenen Kooperationsgesuche.
matching-requests-count = { $count ->
    [0] Keine offenen Gesuche.
    [one] Ein offenes Gesuch.
   *[other] { $count } offene Gesuche.
}
matching-request-new = Kooperationsgesuch veröffentlichen
matching-request-form-lead = Ihr Gesuch erscheint öffentlich unter dem Namen Ihres Akteurs. Es bleibt bis zum Ende der Frist offen.
matching-request-actor = Für welchen Akteur?
matching-request-title-label = Titel
matching-request-title-hint = Kurz und konkret, z. B. „Partner für Kamerasysteme im Obstbau gesucht“.
matching-request-body-label = Beschreibung
matching-request-body-hint = Was haben Sie vor, was bringen Sie mit, was suchen Sie? Markdown ist möglich.
matching-request-competences = Gesuchte Kompetenzen
matching-request-industries = Anwendungsbranchen
matching-request-deadline = Offen bis
matching-request-deadline-hint = Letzter Tag, an dem das Gesuch offen ist (höchstens ein Jahr im Voraus).
matching-request-notify-hint = Bei Veröffentlichung benachrichtigen wir die Ansprechpersonen der am besten passenden Akteure, die Kooperationsgesuche erhalten möchten – nie Ihre eigenen.
matching-request-publish = Gesuch veröffentlichen
matching-request-by = Ein Gesuch von
matching-request-open = Offen
matching-request-is-closed = Dieses Gesuch ist beendet; die Frist ist abgelaufen.
matching-request-closed-on = beendet am
matching-request-published = Veröffentlicht am
matching-request-notified = Benachrichtigte Ansprechpersonen
matching-request-answer = Auf das Gesuch antworten
matching-request-matches = Akteure, die passen könnten
matching-error-deadline = Bitte geben Sie ein Datum an (TT.MM.JJJJ).
matching-error-deadline-range = Die Frist muss heute oder später enden und darf höchstens ein Jahr in der Zukunft liegen.
matching-error-actor = Bitte wählen Sie einen geprüften Akteur, den Sie vertreten.
matching-notif-request = Neues Kooperationsgesuch von { $actor }, das zu Ihrem Akteur passt
matching-search-kind-request = Kooperationsgesuch
notice-matching-gesuch-veroeffentlicht = Ihr Kooperationsgesuch ist veröffentlicht.

## Kontaktformular
matching-contact-heading = Kontakt
matching-contact-teaser = Schreiben Sie den Ansprechpersonen dieses Akteurs. Ihre Nachricht geht per E-Mail an sie; deren Adressen bleiben für Sie unsichtbar.
matching-contact-link = Nachricht schreiben
matching-contact-title = Nachricht an { $name }
matching-contact-lead = Ihre Nachricht geht per E-Mail an alle Ansprechpersonen des Akteurs. Sie antworten Ihnen direkt an die Adresse, die Sie hier angeben.
matching-contact-subject = Betreff
matching-contact-message = Nachricht
matching-contact-message-hint = Höchstens 5.000 Zeichen.
matching-contact-reply-to = Ihre E-Mail-Adresse für die Antwort
matching-contact-reply-to-hint = Die Ansprechpersonen sehen diese Adresse und antworten an sie.
matching-contact-honeypot = Dieses Feld bitte leer lassen
matching-contact-privacy = Datenschutz: Wir leiten Ihre Nachricht nur per E-Mail weiter und bewahren sie nicht auf; sie liegt nur bis zum Versand in der Warteschlange. Gespeichert wird allein, dass eine Nachricht an diesen Akteur ging und an wie viele Personen – weder der Text noch Ihre Adresse.
matching-contact-send = Nachricht senden
matching-error-spam = Die Nachricht konnte nicht gesendet werden. Bitte warten Sie einen Moment und senden Sie das Formular erneut.
matching-error-one-line = Der Betreff darf keinen Zeilenumbruch enthalten.
notice-matching-nachricht-gesendet = Ihre Nachricht wurde an die Ansprechpersonen gesendet. Sie antworten Ihnen per E-Mail.
matching-contact-mail-subject = [KI-Netzwerk] { $subject }
matching-contact-mail-body =
    Guten Tag,

    { $sender } hat Ihnen über das Kontaktformular des KI-Netzwerks Sachsen eine Nachricht an { $actor } geschrieben.

    Betreff: { $subject }

    { $message }

    Wenn Sie auf diese E-Mail antworten, geht Ihre Antwort an { $reply }. Ihre Adresse wurde der Person nicht angezeigt.

    Profil: { $url }

## Zahlen
matching-stats-title = Das KI-Netzwerk in Zahlen
matching-stats-lead = { $count ->
    [one] Ein geprüfter Akteur ist im KI-Netzwerk eingetragen.
   *[other] { $count } geprüfte Akteure sind im KI-Netzwerk eingetragen.
}
matching-stats-count = Akteure
matching-stats-by-category = Akteure nach Kategorie
matching-stats-by-category-description = Balkendiagramm: Anzahl der geprüften Akteure je Kategorie.
matching-stats-by-district = Akteure nach Kreis
matching-stats-by-district-description = Balkendiagramm: Anzahl der geprüften Akteure je Landkreis und kreisfreier Stadt, die meisten zuerst.
matching-stats-by-competence = Akteure nach KI-Kompetenz
matching-stats-by-competence-description = Balkendiagramm: Anzahl der geprüften Akteure je KI-Kompetenz; ein Akteur kann mehrere Kompetenzen haben.
matching-stats-by-year = Akteure nach Gründungsjahr
matching-stats-by-year-description = Säulendiagramm: Anzahl der geprüften Akteure je Gründungsjahr; ältere Gründungen sind in der ersten Säule zusammengefasst.
matching-stats-before = vor { $year }
matching-stats-no-years = Noch kein Akteur hat ein Gründungsjahr angegeben.
matching-study-title = Vergleich mit der KI-Studie Sachsen (2024)
matching-study-lead = Die KI-Studie Sachsen der Digitalagentur Sachsen hat 2024 die KI-Landschaft des Freistaats erhoben. Die Tabelle stellt ihre Zahlen den im KI-Netzwerk eingetragenen Akteuren gegenüber.
matching-study-caption = Zahlen der KI-Studie Sachsen (2024) und der Plattform
matching-study-what = Gegenstand
matching-study-figure = KI-Studie Sachsen (2024)
matching-study-platform = KI-Netzwerk (heute)
matching-study-companies = KI-Unternehmen (Plattform: Unternehmen und Start-ups)
matching-study-dresden = Anteil der KI-Unternehmen in Dresden
matching-study-research = Forschungseinheiten (Plattform: Forschungseinrichtungen und Hochschulen/Professuren)
matching-study-professorships = Professuren (Plattform: Hochschule/Professur)
matching-study-institutes = Außeruniversitäre Institute (Plattform: Forschungseinrichtungen)
matching-study-networks = Netzwerke (Plattform: Netzwerk/Verband)
matching-study-programmes = KI-bezogene Studiengänge (Plattform: Bildungsangebote)
matching-study-note = Die Zahlen der Studie stammen aus deren Erhebung; die Zahlen der Plattform zählen die Akteure, die sich eingetragen haben und geprüft wurden. Die Abgrenzungen unterscheiden sich, die Werte sind daher nur Anhaltspunkte.

## Offene Daten
matching-data-title = Offene Daten des KI-Netzwerks
matching-data-lead = Die öffentlichen Angaben aller geprüften Akteure stehen als offene Daten bereit: zum Herunterladen als CSV und GeoJSON und über eine JSON-Schnittstelle.
matching-data-license = Lizenz
matching-data-license-text = Alle Datensätze stehen unter der
matching-data-attribution = Bitte nennen Sie als Quelle:
matching-data-sets = Datensätze
matching-data-csv = Akteure als CSV
matching-data-csv-text = Eine Zeile je Akteur, UTF-8, Komma als Trennzeichen; Listen (Kompetenzen, Branchen, Angebote) sind mit Semikolon getrennt.
matching-data-geojson = Akteure als GeoJSON
matching-data-geojson-text = Eine FeatureCollection mit einem Punkt je Akteur (WGS 84) und den öffentlichen Angaben als Eigenschaften, mit Lizenzangabe.
matching-data-api = JSON-Schnittstelle
matching-data-api-text = Seitenweise je 100 Akteure (Parameter seite) mit denselben Filtern wie das Verzeichnis (kategorie, kompetenz, branche, angebot, kreis, groesse). Beschreibung:
matching-data-openapi = OpenAPI-Dokument
matching-data-fields = Enthaltene Felder
matching-data-fields-text = Jeder Datensatz enthält genau diese öffentlichen Felder:
matching-data-privacy = Kontaktadressen und Angaben zu Ansprechpersonen sind nie enthalten, ebenso wenig Akteure, deren Aufnahme noch geprüft wird.

## Karten auf der Startseite des KI-Netzwerks
matching-finder-card = Bedarf in einem Satz beschreiben und passende Akteure mit Begründung sehen.
matching-requests-card = Projekte, für die Akteure gerade Partner suchen.
matching-stats-card = Akteure nach Kategorie, Kreis, Kompetenz und Gründungsjahr.
matching-data-card = Die öffentlichen Angaben als CSV, GeoJSON und JSON-Schnittstelle.

# Audit log labels (/verwaltung/protokoll)
audit-network-partner-request-published = Kooperationsgesuch veröffentlicht
