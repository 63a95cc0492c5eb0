# Förderlotse (dias-funding): Bezeichnungen, Förder-Check, Prüf- und Importmeldungen.
# Die deutschen Bezeichnungen der Begriffe stimmen mit label_de() im Code überein (ein Test prüft das).

## Angebotsart
funding-offer-type-foerderprogramm = Förderprogramm
funding-offer-type-beratungsangebot = Beratungsangebot
funding-offer-type-netzwerk = Netzwerk/Anlaufstelle
funding-offer-type-qualifizierung = Qualifizierung/Veranstaltung

## Förderart
funding-type-zuschuss = Zuschuss
funding-type-darlehen = Darlehen
funding-type-buergschaft = Bürgschaft
funding-type-garantie = Garantie
funding-type-beteiligung = Beteiligung
funding-type-beratung = Beratung
funding-type-preis = Preis/Wettbewerb
funding-type-sonstige = Sonstige

## Förderbereich (Ebene 1 und 2)
funding-area-digitalisierung = Digitalisierung
funding-area-digitale-prozesse = Digitale Prozesse und Geschäftsmodelle
funding-area-it-sicherheit = IT-Sicherheit
funding-area-kuenstliche-intelligenz = Künstliche Intelligenz
funding-area-daten-cloud = Daten und Cloud
funding-area-e-commerce = Online-Handel und Online-Marketing
funding-area-beratung = Beratung
funding-area-digitalberatung = Digitalisierungsberatung
funding-area-foerdermittelberatung = Fördermittelberatung
funding-area-unternehmensberatung = Unternehmensberatung
funding-area-forschung-innovation = Forschung und Innovation
funding-area-fue-projekte = Forschungs- und Entwicklungsprojekte
funding-area-technologietransfer = Technologietransfer
funding-area-innovationsraeume = Innovations- und Experimentierräume
funding-area-existenzgruendung = Existenzgründung und -festigung
funding-area-gruendung = Gründung
funding-area-wachstum = Wachstum und Festigung
funding-area-nachfolge = Unternehmensnachfolge
funding-area-infrastruktur = Infrastruktur
funding-area-breitband = Breitband und Gigabit
funding-area-mobilfunk = Mobilfunk
funding-area-aus-weiterbildung = Aus- und Weiterbildung
funding-area-digitale-kompetenzen = Digitale Kompetenzen
funding-area-fachkraefte = Fachkräfte und Ausbildung
funding-area-energieeffizienz = Energieeffizienz und erneuerbare Energien
funding-area-energieeinsparung = Energieeinsparung im Betrieb
funding-area-umwelt = Umwelt- und Naturschutz
funding-area-ressourceneffizienz = Ressourceneffizienz
funding-area-unternehmensfinanzierung = Unternehmensfinanzierung
funding-area-investitionen = Investitionen
funding-area-betriebsmittel = Betriebsmittel
funding-area-wagniskapital = Wagniskapital
funding-area-smart-cities = Smart Cities und Regionen
funding-area-digitale-verwaltung = Digitale Verwaltung
funding-area-smart-city = Smart City und Smart Region
funding-area-regionalfoerderung = Regionalförderung
funding-area-laendlicher-raum = Ländlicher Raum
funding-area-aussenwirtschaft = Außenwirtschaft
funding-area-messen = Messen und Markterschließung

## Förderberechtigte
funding-group-unternehmen = Unternehmen
funding-group-existenzgruender = Existenzgründer/in
funding-group-kommune = Kommune
funding-group-oeffentliche-einrichtung = Öffentliche Einrichtung
funding-group-verband = Verband/Verein
funding-group-hochschule = Hochschule
funding-group-forschungseinrichtung = Forschungseinrichtung
funding-group-bildungseinrichtung = Bildungseinrichtung
funding-group-privatperson = Privatperson

## Unternehmensgröße
funding-size-kleinst = Kleinstunternehmen (unter 10 Beschäftigte)
funding-size-klein = Kleines Unternehmen (unter 50 Beschäftigte)
funding-size-mittel = Mittleres Unternehmen (unter 250 Beschäftigte)
funding-size-gross = Großes Unternehmen (ab 250 Beschäftigte)

## Branche (WZ 2008)
funding-industry-land-forstwirtschaft = Land- und Forstwirtschaft, Fischerei
funding-industry-bergbau = Bergbau und Gewinnung von Steinen und Erden
funding-industry-verarbeitendes-gewerbe = Verarbeitendes Gewerbe
funding-industry-energieversorgung = Energieversorgung
funding-industry-wasser-entsorgung = Wasserversorgung, Abwasser- und Abfallentsorgung
funding-industry-baugewerbe = Baugewerbe
funding-industry-handel = Handel, Instandhaltung und Reparatur von Kraftfahrzeugen
funding-industry-verkehr-lagerei = Verkehr und Lagerei
funding-industry-gastgewerbe = Gastgewerbe
funding-industry-information-kommunikation = Information und Kommunikation
funding-industry-finanzdienstleistungen = Finanz- und Versicherungsdienstleistungen
funding-industry-grundstuecke-wohnen = Grundstücks- und Wohnungswesen
funding-industry-freiberufliche-dienstleistungen = Freiberufliche, wissenschaftliche und technische Dienstleistungen
funding-industry-wirtschaftliche-dienstleistungen = Sonstige wirtschaftliche Dienstleistungen
funding-industry-oeffentliche-verwaltung = Öffentliche Verwaltung, Verteidigung, Sozialversicherung
funding-industry-erziehung-unterricht = Erziehung und Unterricht
funding-industry-gesundheit-sozialwesen = Gesundheits- und Sozialwesen
funding-industry-kunst-unterhaltung = Kunst, Unterhaltung und Erholung
funding-industry-sonstige-dienstleistungen = Sonstige Dienstleistungen
funding-industry-private-haushalte = Private Haushalte
funding-industry-exterritoriale-organisationen = Exterritoriale Organisationen

## Fördergeber-Ebene
funding-level-eu = Europäische Union
funding-level-bund = Bund
funding-level-land = Land (Freistaat Sachsen)
funding-level-kommune = Kommune
funding-level-privat = Privat

## Verfahren
funding-procedure-laufend = Laufende Antragstellung
funding-procedure-stichtag = Stichtagsverfahren
funding-procedure-aufruf = Aufruf/Wettbewerb
funding-procedure-hausbank = Antrag über die Hausbank

## Status
funding-status-offen = Offen
funding-status-antragstopp = Antragstopp
funding-status-ausgelaufen = Ausgelaufen
funding-status-angekuendigt = Angekündigt

## Herkunft
funding-origin-redaktion = Redaktion
funding-origin-beispiel = Beispiel (fiktiv)
funding-origin-synthetisch = Synthetisch (Lasttest)

## Bezugsgröße der Beträge
funding-basis-foerderbetrag = Förder- bzw. Kreditbetrag
funding-basis-ausgaben = Förderfähige Ausgaben

## Fördergebiet
funding-region-eu = EU-weit
funding-region-bundesweit = Bundesweit
funding-region-sachsen = Sachsen

## Förder-Check: Fragen
funding-question-wer = Förderberechtigte
funding-question-kreis = Sitz (Kreis)
funding-question-gemeinde = Gemeinde
funding-question-groesse = Unternehmensgröße
funding-question-branche = Branche
funding-question-thema = Vorhaben (Förderbereich)
funding-question-art = Förderart

## Förder-Check: Bedingungen
funding-criterion-group = Förderberechtigte
funding-criterion-region = Fördergebiet
funding-criterion-size = Unternehmensgröße
funding-criterion-industry = Branche
funding-criterion-theme = Förderbereich
funding-criterion-funding-type = Förderart
funding-criterion-status = Antragsstatus

## Förder-Check: Ergebnis
funding-verdict-passt = passt
funding-verdict-unklar = unklar
funding-verdict-passt-nicht = passt nicht
funding-missing-answer = fehlende Angabe: { $questions }

funding-availability-open = Anträge sind möglich.
funding-availability-announced = Angekündigt – Anträge sind noch nicht möglich.
funding-availability-awaiting = Die bekannten Fristen sind vorbei; die nächste ist noch nicht bekannt.
funding-availability-stopped = Antragstopp – derzeit werden keine Anträge angenommen.
funding-availability-ended = Ausgelaufen – das Angebot gibt es nicht mehr.

funding-reason-group-missing = Sagen Sie uns, wer den Antrag stellt, dann können wir die Förderberechtigung prüfen.
funding-reason-group-matched = Sie gehören zu den Förderberechtigten.
funding-reason-group-failed = Das Angebot richtet sich an andere Antragstellende.
funding-reason-region-saxony = Das Angebot gilt in ganz Sachsen.
funding-reason-region-district = Das Angebot gilt in Ihrem Kreis.
funding-reason-region-municipality = Das Angebot gilt in Ihrer Gemeinde.
funding-reason-region-missing = Das Angebot gilt nur in bestimmten Kreisen oder Gemeinden. Geben Sie Ihren Kreis an.
funding-reason-region-municipality-missing = Das Angebot gilt nur in einzelnen Gemeinden Ihres Kreises. Geben Sie Ihre Gemeinde an.
funding-reason-region-failed = Das Angebot gilt nicht an Ihrem Sitz.
funding-reason-size-missing = Das Angebot ist auf bestimmte Unternehmensgrößen beschränkt. Geben Sie Ihre Größe an.
funding-reason-size-matched = Ihre Unternehmensgröße ist förderfähig.
funding-reason-size-failed = Ihre Unternehmensgröße ist nicht förderfähig.
funding-reason-industry-missing = Das Angebot ist auf bestimmte Branchen beschränkt. Geben Sie Ihre Branche an.
funding-reason-industry-matched = Ihre Branche ist förderfähig.
funding-reason-industry-failed = Ihre Branche ist nicht förderfähig.
funding-reason-theme-matched = Das Angebot passt zu Ihrem Vorhaben.
funding-reason-theme-failed = Das Angebot fördert andere Vorhaben.
funding-reason-funding-type-matched = Das Angebot bietet die gewünschte Förderart.
funding-reason-funding-type-failed = Das Angebot bietet eine andere Förderart.
funding-reason-status-open = Anträge sind derzeit möglich.
funding-reason-status-announced = Das Angebot ist angekündigt; Anträge sind noch nicht möglich.
funding-reason-status-awaiting = Die nächste Frist ist noch nicht bekannt.
funding-reason-status-stopped = Derzeit gilt ein Antragstopp.
funding-reason-status-ended = Das Angebot ist ausgelaufen.

## Förder-Check: Eingaben
funding-error-query = Die Angaben in der Adresse sind nicht lesbar. Bitte füllen Sie den Förder-Check neu aus.
funding-error-answer-twice = Bitte wählen Sie hier nur eine Angabe.
funding-error-municipality-district = Die Gemeinde liegt nicht im gewählten Kreis.

## Angebot prüfen
funding-error-whitespace = Bitte entfernen Sie Leerzeichen oder Zeilenumbrüche am Anfang und Ende.
funding-error-url = Bitte geben Sie eine vollständige Webadresse an, die mit https:// beginnt.
funding-error-duplicate = Jeder Wert darf nur einmal vorkommen.
funding-error-list-item = Ein Eintrag der Liste ist leer oder beginnt oder endet mit Leerzeichen.
funding-error-separator = Einträge dürfen kein Semikolon (;), keinen senkrechten Strich (|) und keinen Zeilenumbruch enthalten.
funding-error-slug = Das Kürzel besteht aus 2 bis 80 Kleinbuchstaben (a–z), Ziffern und einzelnen Bindestrichen, zum Beispiel digi-z; „neu“ und „import“ sind vergeben.
funding-error-example-title = Ein Beispielangebot muss im Titel als „Beispiel“ gekennzeichnet sein.
funding-error-synthetic-title = Ein synthetisches Angebot muss im Titel als „synthetisch“ gekennzeichnet sein.
funding-error-choose-one = Bitte wählen Sie mindestens einen Wert.
funding-error-sizes-without-companies = Unternehmensgrößen gelten nur für Angebote an Unternehmen oder Gründende.
funding-error-phone = Die Telefonnummer darf nur Ziffern, Leerzeichen und + - / ( ) enthalten.
funding-error-combinable-self = Ein Angebot ist nicht mit sich selbst kombinierbar.
funding-error-too-many = Bitte geben Sie höchstens 30 Schlagwörter an.
funding-error-date-future = Das Datum darf nicht in der Zukunft liegen.
funding-error-region-unknown = Dieses Fördergebiet gibt es nicht.
funding-error-region-redundant = Ein Gebiet ist doppelt erfasst: Bei „Sachsen“, „Bundesweit“ oder „EU-weit“ entfallen einzelne Kreise, bei einem Kreis seine Gemeinden.
funding-error-rate = Die Förderquote liegt zwischen 1 und 100 Prozent.
funding-error-basis = Bitte geben Sie an, worauf sich die Beträge beziehen.
funding-error-min-above-max = Der Mindestbetrag ist größer als der Höchstbetrag.
funding-error-amount = Ein Betrag muss größer als 0 Euro sein.
funding-error-tier-empty = Eine Förderstufe braucht eine Quote oder einen Höchstbetrag.
funding-error-tier-above-max = Eine Förderstufe liegt über der Höchstquote oder dem Höchstbetrag des Angebots.
funding-error-tier-size = Die Förderstufe nennt eine Unternehmensgröße, die nicht gefördert wird.
funding-error-deadlines-order = Bitte geben Sie die Fristen aufsteigend und ohne Wiederholung an.
funding-error-deadline-after-end = Eine Frist liegt nach dem Ende des Programms.
funding-error-deadline-missing = Ein Stichtagsverfahren braucht mindestens einen Stichtag.
funding-error-status-note = Bitte erläutern Sie den Status (zum Beispiel seit wann und warum).
funding-error-open-but-ended = Das Programmende ist vorbei; das Angebot kann nicht mehr offen sein.

## Import
funding-import-number = Keine ganze Zahl. Beträge bitte ohne Tausenderpunkt und Währungszeichen angeben.
funding-import-tier-parts = Eine Förderstufe hat vier Teile: Größe|Quote|Höchstbetrag|Bezeichnung.
funding-import-missing = Pflichtfeld fehlt.
funding-import-invalid = Ungültiger Wert.
funding-import-not-an-object = Der Datensatz ist kein JSON-Objekt.
funding-import-unknown-field = Unbekanntes Feld.
funding-import-row = Die Zeile ist nicht lesbar.
funding-import-column-count = Die Zeile hat nicht so viele Felder wie die Kopfzeile.
funding-import-duplicate-slug = Das Kürzel kommt in der Datei schon vor.
funding-import-line = Zeile { $line }
