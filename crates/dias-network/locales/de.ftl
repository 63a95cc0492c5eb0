nav-network = KI-Netzwerk
network-teaser-title = KI-Netzwerk Sachsen
network-teaser-text = Finden Sie Unternehmen, Forschung, Netzwerke und Bildungsangebote rund um Künstliche Intelligenz in Sachsen – im Verzeichnis und auf der Karte.
network-title = KI-Netzwerk
network-lead = Die Plattform der sächsischen KI-Akteure: Unternehmen, Start-ups, Forschungseinrichtungen, Hochschulen, Netzwerke, öffentliche Einrichtungen und Bildungsangebote stellen sich vor und finden Partner.
network-search-kind-actor = KI-Akteur
network-actors = Akteure
network-actors-count = { $count ->
    [one] 1 Akteur
   *[other] { $count } Akteure
}
network-actors-found = { $count ->
    [0] Keine Akteure gefunden
    [one] 1 Akteur gefunden
   *[other] { $count } Akteure gefunden
}
network-none-found = Zu diesen Filtern gibt es keine Akteure. Entfernen Sie einzelne Filter oder setzen Sie alle zurück.
network-directory-title = Akteursverzeichnis
network-directory-lead = Filtern Sie nach Art, Kompetenz, Branche, Angebot, Kreis und Größe. Die Zahl hinter jedem Wert nennt die Treffer, wenn Sie ihn zusätzlich wählen.
network-directory-card = Alle geprüften KI-Akteure in Sachsen, durchsuchbar und filterbar.
network-map-page-title = Karte der KI-Akteure
network-map-card = Die Akteure auf der Karte Sachsens mit ihren Kreisen.
network-map-lead = Die Karte zeigt die gefilterten Akteure als Punkte; nahe beieinander liegende sind zu Kreisen mit ihrer Anzahl zusammengefasst. Unter der Karte stehen dieselben Akteure als Liste.
network-map-title = KI-Akteure in Sachsen
network-map-description = Karte der sächsischen Kreise, eingefärbt nach der Zahl der Akteure; Punkte zeigen Akteure, Kreise mit Zahl mehrere Akteure am selben Ort.
network-map-table-summary = Akteure je Kreis als Tabelle
network-map-table-caption = Zahl der gefilterten Akteure je Kreis
network-map-list = Die Akteure als Liste
network-legend-upto = bis { $count } Akteure
network-legend-point = Akteur oder Gruppe von Akteuren
network-show-map = Ergebnis auf der Karte zeigen
network-show-directory = Ergebnis als Verzeichnis zeigen
network-skip-to-list = Zur Liste unter der Karte
network-results = Ergebnisse
network-filter-title = Filtern
network-filter-apply = Filter anwenden
network-filter-reset = Alle Filter zurücksetzen
network-facet-matches = Treffer
network-facet-kategorie = Art der Organisation
network-facet-kompetenz = KI-Kompetenz
network-facet-branche = Anwendungsbranche
network-facet-angebot = Angebot
network-facet-kreis = Kreis
network-facet-groesse = Größe
network-q = Suchbegriff
network-q-hint = Sucht in Namen und Beschreibungen, zum Beispiel „Bildverarbeitung Landwirtschaft“.
network-q-submit = Suchen
network-sort = Sortierung
network-sort-name = Name (A–Z)
network-sort-neu = Neueste zuerst
network-sort-relevanz = Beste Treffer zuerst
network-competences = KI-Kompetenzen
network-industries = Anwendungsbranchen
network-offers = Angebote
network-group-unternehmen = Unternehmen
network-group-forschung = Forschung
network-group-netzwerke = Netzwerke
network-group-bildung = Bildung
network-category-unternehmen = Unternehmen
network-category-startup = Start-up
network-category-forschungseinrichtung = Forschungseinrichtung
network-category-hochschule = Hochschule/Professur
network-category-netzwerk = Netzwerk/Verband
network-category-oeffentlich = Öffentliche Einrichtung
network-category-bildung = Bildungsangebot
network-competence-maschinelles-lernen = Maschinelles Lernen
network-competence-deep-learning = Deep Learning
network-competence-nlp = Sprachverarbeitung/NLP
network-competence-bildverarbeitung = Bildverarbeitung/Computer Vision
network-competence-robotik = Robotik
network-competence-wissensrepraesentation = Wissensrepräsentation
network-competence-optimierung = Optimierung/Planung
network-competence-edge-ki = Edge-KI/KI-Hardware
network-competence-daten-engineering = Daten-Engineering
network-competence-vertrauenswuerdige-ki = Vertrauenswürdige KI
network-competence-generative-ki = Generative KI
network-competence-zeitreihen = Zeitreihen und Prognosen
network-industry-produktion = Produktion/Industrie
network-industry-gesundheit = Gesundheit
network-industry-mobilitaet = Mobilität
network-industry-energie = Energie
network-industry-umwelt-landwirtschaft = Umwelt/Landwirtschaft
network-industry-verwaltung = Verwaltung
network-industry-handel = Handel
network-industry-finanzen = Finanzen
network-industry-bildung = Bildung
network-industry-medien-kultur = Medien/Kultur
network-industry-mikroelektronik = Mikroelektronik
network-industry-logistik = Logistik
network-offer-forschung-entwicklung = Forschung & Entwicklung
network-offer-beratung = Beratung
network-offer-produkte = Produkte/Dienste
network-offer-weiterbildung = Weiterbildung
network-offer-kooperation = Kooperation gesucht
network-offer-jobs = Praktika/Jobs
network-size-kleinst = 1–9 Beschäftigte
network-size-klein = 10–49 Beschäftigte
network-size-mittel = 50–249 Beschäftigte
network-size-gross = ab 250 Beschäftigte
network-status = Status
network-status-pending = wartet auf Prüfung
network-status-verified = geprüft und veröffentlicht
network-status-declined = abgelehnt
network-pending-hint = Die Redaktion prüft Ihre Angaben. Bis dahin sehen nur Sie und die Redaktion dieses Profil.
network-decline-reason = Begründung
network-verified-since = Im Netzwerk seit
network-about = Über die Organisation
network-location = Standort
network-address = Anschrift
network-profile-map-title = Standort von { $name }
network-profile-map-description = Karte Sachsens mit dem Standort in { $place }.
network-profile-ask-text = Sie haben eine Frage zum KI-Netzwerk oder zu diesem Eintrag?
network-profile-ask-link = Frage an die Digitalagentur
network-manage-title = Profil verwalten
network-edit = Profil bearbeiten
network-invite = Weitere Ansprechperson einladen
network-representatives = Ansprechpersonen
network-opt-in-legend = Passende Kooperationsgesuche per Benachrichtigung erhalten?
network-opt-in-yes = Ja, mich über passende Kooperationsgesuche informieren
network-opt-in-no = Nein
network-staff-title = Für die Redaktion
network-decide-link = Registrierung prüfen
network-changes-title = Änderungsprotokoll
network-changes-none = Das Profil wurde seit der Registrierung nicht geändert.
network-change-at = Zeitpunkt
network-change-by = Geändert von
network-change-fields = Felder
network-change-old = Vorher
network-change-new = Nachher
network-own-title = Ihre Organisationen
network-criteria-title = Wer aufgenommen wird
network-criteria-text = Aufgenommen werden Organisationen mit Sitz oder Niederlassung in Sachsen und einem erkennbaren Schwerpunkt in Künstlicher Intelligenz. Die Redaktion der Digitalagentur prüft jede Registrierung und begründet eine Ablehnung.
network-register-title = Organisation registrieren
network-register-card = Stellen Sie Ihre Organisation im KI-Netzwerk vor.
network-register-lead = Ihr Konto wird Ansprechperson der Organisation. Nach der Prüfung durch die Redaktion erscheint das Profil im Verzeichnis und auf der Karte.
network-register-submit = Registrierung absenden
network-edit-title = { $name } bearbeiten
network-edit-published-hint = Das Profil ist veröffentlicht: Änderungen erscheinen sofort und werden für die Redaktion protokolliert.
network-save = Änderungen speichern
network-please-choose = Bitte wählen
network-section-organisation = Organisation
network-section-address = Standort
network-section-contact = Kontakt
network-field-name = Name der Organisation
network-field-name-hint = Wie sie öffentlich heißt, höchstens 200 Zeichen.
network-field-category = Art der Organisation
network-field-category-hint = Die Arten sind den vier Bereichen der KI-Studie Sachsen zugeordnet.
network-field-short = Kurzbeschreibung
network-field-short-hint = Ein Satz für Listen und Suchergebnisse, höchstens 300 Zeichen.
network-field-description = Beschreibung
network-field-description-hint = Was Sie mit KI machen, für wen und mit welchen Ergebnissen. Markdown ist möglich.
network-field-competences-hint = Wählen Sie mindestens eine Kompetenz.
network-field-industries-hint = In welchen Branchen Sie KI anwenden (freiwillig).
network-field-offers-hint = Was Sie anderen anbieten oder suchen (freiwillig).
network-field-size = Größe
network-field-founding-year = Gründungsjahr
network-field-founding-year-hint = Vierstellig, zum Beispiel 2019 (freiwillig).
network-field-website = Website
network-field-website-hint = Mit https://, zum Beispiel https://www.beispiel.de (freiwillig).
network-field-street = Straße und Hausnummer
network-field-postcode = Postleitzahl
network-field-city = Ort
network-field-municipality = Gemeinde
network-field-municipality-hint = Die sächsische Gemeinde des Sitzes; sie bestimmt den Kreis.
network-field-lat = Breitengrad
network-field-lon = Längengrad
network-field-coordinates-hint = Freiwillig, zum Beispiel 51,0504 und 13,7373. Leer gelassen steht der Punkt in der Mitte der Gemeinde.
network-field-email = E-Mail-Adresse für Anfragen
network-field-email-hint = Wird nie öffentlich angezeigt. Nachrichten erreichen Sie über ein Kontaktformular.
network-logo-title = Logo
network-field-logo = Logodatei
network-field-logo-hint = PNG, JPEG oder WebP, höchstens 512 KB.
network-field-logo-alt = Alternativtext des Logos
network-field-logo-alt-hint = Was das Logo zeigt, für Menschen, die es nicht sehen, zum Beispiel „Logo der Beispiel GmbH“.
network-logo-upload = Logo hochladen
network-logo-remove = Logo entfernen
network-invite-lead = Laden Sie eine Kollegin oder einen Kollegen ein, das Profil von { $name } mitzuverwalten. Die Einladung gilt 14 Tage.
network-invite-email = E-Mail-Adresse
network-invite-email-hint = Die Person nimmt die Einladung mit einem Konto unter genau dieser Adresse an.
network-invite-submit = Einladung senden
network-invitation-title = Einladung ins KI-Netzwerk
network-invitation-lead = Sie sind eingeladen, das Profil von { $name } als Ansprechperson mitzuverwalten.
network-invitation-accept = Einladung annehmen
network-invitation-other-address = Diese Einladung gilt für eine andere E-Mail-Adresse. Melden Sie sich mit dem eingeladenen Konto an.
network-queue-title = Aufnahme
network-queue-lead = Registrierungen, die auf die Prüfung warten, die älteste zuerst.
network-queue-empty = Es warten keine Registrierungen.
network-queue-link = { $count ->
    [0] Keine Registrierung wartet auf Prüfung
    [one] 1 Registrierung wartet auf Prüfung
   *[other] { $count } Registrierungen warten auf Prüfung
}
network-registered-at = Registriert
network-decision = Entscheidung
network-decision-title = Registrierung prüfen
network-decision-accept = Aufnehmen und veröffentlichen
network-decision-decline = Ablehnen
network-decision-reason = Begründung
network-decision-reason-hint = Bei einer Ablehnung Pflicht; die Ansprechpersonen erhalten sie per E-Mail.
network-decision-submit = Entscheidung speichern
network-open-profile = Profil ansehen
network-error-category = Bitte wählen Sie die Art der Organisation.
network-error-choose-one = Bitte wählen Sie mindestens einen Wert.
network-error-size = Bitte wählen Sie die Größe.
network-error-year = Bitte geben Sie ein Jahr mit vier Ziffern an, das nicht in der Zukunft liegt.
network-error-postcode = Bitte geben Sie eine fünfstellige Postleitzahl an.
network-error-municipality = Bitte wählen Sie eine sächsische Gemeinde.
network-error-coordinate = Bitte geben Sie eine Koordinate in Sachsen an, zum Beispiel 51,0504.
network-error-coordinate-pair = Bitte geben Sie Breiten- und Längengrad zusammen an oder lassen Sie beide leer.
network-error-website = Bitte geben Sie eine Adresse an, die mit https:// oder http:// beginnt.
network-error-logo-missing = Bitte wählen Sie eine Bilddatei.
network-error-logo-size = Die Datei ist größer als 512 KB.
network-error-logo-type = Die Datei ist kein PNG-, JPEG- oder WebP-Bild.
network-error-reason = Bitte begründen Sie die Ablehnung.
network-error-invite-self = Sie sind bereits Ansprechperson.
network-error-already-decided = Über diese Registrierung wurde bereits entschieden.
notice-netzwerk-registriert = Vielen Dank! Ihre Registrierung ist eingegangen und wird von der Redaktion geprüft.
notice-netzwerk-gespeichert = Die Änderungen sind gespeichert.
notice-netzwerk-logo = Das Logo ist gespeichert.
notice-netzwerk-logo-entfernt = Das Logo ist entfernt.
notice-netzwerk-eingeladen = Die Einladung ist verschickt.
notice-netzwerk-beigetreten = Sie sind jetzt Ansprechperson dieser Organisation.
notice-netzwerk-entschieden = Die Entscheidung ist gespeichert; die Ansprechpersonen werden per E-Mail informiert.
network-mail-verified-subject = { $name } ist im KI-Netzwerk Sachsen
network-mail-verified-body = Guten Tag { $person },

    die Redaktion der Digitalagentur Sachsen hat { $name } in das KI-Netzwerk aufgenommen. Das Profil ist jetzt im Verzeichnis und auf der Karte zu finden:
    { $url }

    Mit freundlichen Grüßen
    Ihre Digitalagentur Sachsen
network-mail-declined-subject = Ihre Registrierung von { $name } im KI-Netzwerk
network-mail-declined-body = Guten Tag { $person },

    die Redaktion der Digitalagentur Sachsen konnte { $name } leider nicht in das KI-Netzwerk aufnehmen. Begründung:

    { $reason }

    Sie können das Profil ergänzen und erneut zur Prüfung einreichen:
    { $url }

    Mit freundlichen Grüßen
    Ihre Digitalagentur Sachsen
network-mail-invitation-subject = Einladung: { $name } im KI-Netzwerk Sachsen mitverwalten
network-mail-invitation-body = Guten Tag,

    { $inviter } lädt Sie ein, das Profil von { $name } im KI-Netzwerk Sachsen als Ansprechperson mitzuverwalten. Melden Sie sich mit dieser E-Mail-Adresse an (oder legen Sie ein Konto an) und öffnen Sie diesen Link:
    { $url }

    Die Einladung gilt 14 Tage und kann einmal angenommen werden.

    Ihre Digitalagentur Sachsen

# Audit log labels (/verwaltung/protokoll)
audit-network-actor-registered = Akteur registriert
audit-network-actor-verified = Akteur verifiziert
audit-network-actor-declined = Akteur abgelehnt
audit-network-representative-invited = Vertreter eingeladen
audit-network-representative-joined = Vertreter beigetreten
audit-network-contact-sent = Kontaktanfrage gesendet
audit-network-post-created = Netzwerkbeitrag angelegt
audit-network-post-updated = Netzwerkbeitrag geändert
audit-network-post-approved = Netzwerkbeitrag freigegeben
audit-network-post-rejected = Netzwerkbeitrag abgelehnt
