# Förderlotse (dias-funding): Seiten – Suche, Angebot, Förder-Check.

nav-funding = Förderung
funding-title = Förderlotse
funding-teaser-title = Förderlotse
funding-teaser-text = Finden Sie Förderprogramme, Beratung und Netzwerke für Ihre Digitalisierung in Sachsen – mit Filtern, Fristen und dem Förder-Check.
funding-search-kind-offer = Förderangebot

## Suche
funding-search-title = Förderangebote
funding-search-lead = Förderprogramme, Beratungsangebote, Netzwerke und Qualifizierungen für die Digitalisierung in Sachsen. Grenzen Sie die Liste mit den Filtern ein; jede Auswahl ist ein Link, den Sie teilen können.
funding-check-link = Welche Angebote passen zu mir? Zum Förder-Check
funding-filter-title = Filter
funding-q = Suchbegriff
funding-q-hint = Zum Beispiel „Digitalisierung Zuschuss“ oder „KI“.
funding-q-submit = Suchen
funding-open-only = Nur offene Angebote
funding-open-only-hint = Ohne diese Auswahl sehen Sie auch angekündigte, gestoppte und ausgelaufene Angebote.
funding-facet-angebotsart = Angebotsart
funding-facet-foerderart = Förderart
funding-facet-bereich = Förderbereich
funding-facet-berechtigte = Förderberechtigte
funding-facet-groesse = Unternehmensgröße
funding-facet-gebiet = Fördergebiet
funding-facet-ebene = Fördergeber-Ebene
funding-facet-region-saxony = Ganz Sachsen
funding-facet-matches = Treffer
funding-sort = Sortierung
funding-sort-relevanz = Relevanz
funding-sort-frist = Nächste Frist
funding-sort-aktualisiert = Zuletzt aktualisiert
funding-filter-apply = Filter anwenden
funding-filter-reset = Alle Filter zurücksetzen
funding-results = Ergebnisse
funding-offers-found = { $count ->
    [0] Keine Angebote gefunden
    [one] 1 Angebot gefunden
   *[other] { $count } Angebote gefunden
}
funding-none-found = Kein Angebot passt zu dieser Auswahl. Entfernen Sie einen Filter oder nehmen Sie auch nicht offene Angebote hinzu.
funding-next-deadline = Nächste Frist

## Zahlen
funding-eur = { $amount } Euro
funding-percent = { $rate } %
funding-up-to = bis { $amount }

## Angebot
funding-example-note = Dieses Angebot ist ein erfundenes Beispiel für die Demo des Förderlotsen. Es gibt es so nicht.
funding-field-status = Status
funding-field-offer-type = Angebotsart
funding-field-industries = Branchen
funding-conditions = Konditionen
funding-field-rate = Förderquote (höchstens)
funding-field-amount-min = Mindestbetrag
funding-field-amount-max = Höchstbetrag
funding-field-bonus = Zuschläge und Hinweise
funding-field-procedure = Verfahren
funding-field-programme-end = Programmende
funding-tiers = Förderstufen
funding-tier-label = Stufe
funding-tier-max = Höchstbetrag
funding-deadlines = Fristen und Stichtage
funding-deadline-date = Datum
funding-deadline-note = Wofür
funding-deadline-passed = abgelaufen
funding-about = Beschreibung
funding-contact = Ansprechpunkt
funding-field-contact-institution = Einrichtung
funding-field-contact-address = Anschrift
funding-field-contact-phone = Telefon
funding-field-contact-email = E-Mail
funding-field-contact-url = Webseite
funding-legal = Rechtsgrundlage
funding-field-legal-basis = Richtlinie oder Gesetz
funding-field-legal-citation = Fundstelle
funding-field-legal-date = Datum
funding-field-legal-url = Rechtstext
funding-combinable = Kombinierbar mit
funding-source = Quelle und Prüfung
funding-field-source-url = Quelle
funding-field-licence = Lizenz des Textes
funding-field-last-checked = Zuletzt geprüft
funding-field-updated = Zuletzt geändert
funding-field-keywords = Schlagwörter

## Förder-Check
funding-check-title = Förder-Check
funding-check-lead = Beantworten Sie ein paar kurze Fragen. Wir zeigen Ihnen, welche Angebote passen, welche nicht – und warum. Ihre Angaben stehen nur in der Adresse dieser Seite und werden nicht gespeichert.
funding-check-questions = Ihre Angaben
funding-check-optional = Alle Angaben sind freiwillig. Je mehr Sie angeben, desto genauer ist das Ergebnis.
funding-check-no-answer = Keine Angabe
funding-check-q-wer = Wer stellt den Antrag?
funding-check-hint-wer = Freie Berufe wählen „Unternehmen“.
funding-check-q-kreis = Wo ist Ihr Sitz?
funding-check-hint-kreis = Der Landkreis oder die kreisfreie Stadt Ihres Sitzes oder Ihrer Niederlassung in Sachsen.
funding-check-q-groesse = Wie groß ist Ihr Unternehmen?
funding-check-hint-groesse = Nach der KMU-Definition der EU; maßgeblich ist vor allem die Zahl der Beschäftigten.
funding-check-q-branche = In welcher Branche sind Sie tätig?
funding-check-hint-branche = Der Abschnitt der Wirtschaftszweige (WZ 2008), zu dem Ihr Unternehmen gehört.
funding-check-q-thema = Was haben Sie vor?
funding-check-hint-thema = Wählen Sie ein oder mehrere Themen.
funding-check-q-art = Welche Unterstützung suchen Sie?
funding-check-hint-art = Wählen Sie eine oder mehrere Förderarten.
funding-check-submit = Angebote prüfen
funding-check-reset = Alle Angaben löschen
funding-check-results = Ergebnis
funding-check-intro = Noch keine Angaben. Füllen Sie die Fragen aus und wählen Sie „Angebote prüfen“.
funding-check-count-fits = { $count ->
    [one] 1 Angebot passt
   *[other] { $count } Angebote passen
}
funding-check-count-unclear = { $count } unklar
funding-check-count-fails = { $count ->
    [one] 1 passt nicht
   *[other] { $count } passen nicht
}
funding-check-share = Ihre Angaben stehen in der Adresse dieser Seite.
funding-check-share-link = Link zu diesem Ergebnis
funding-check-your-tier = Für Ihre Unternehmensgröße
funding-outcome-matched = erfüllt
funding-outcome-failed = nicht erfüllt
funding-outcome-missing = fehlende Angabe
