nav-desk = Anfragen
desk-teaser-title = Anfragen
desk-teaser-text = Fragen Sie die Digitalagentur – ohne Konto. Wir antworten aus einer Hand, und Sie verfolgen den Stand über Ihren persönlichen Link.

desk-topic-breitband = Breitband
desk-topic-foerderung = Förderung
desk-topic-ki = Künstliche Intelligenz
desk-topic-digitalstrategie = Digitalstrategie
desk-topic-verwaltungsdigitalisierung = Verwaltungsdigitalisierung
desk-topic-sonstiges = Sonstiges

desk-sender-buerger = Bürgerin oder Bürger
desk-sender-unternehmen = Unternehmen
desk-sender-kommune = Kommune
desk-sender-verein = Verein oder Initiative
desk-sender-forschung = Forschung und Hochschule
desk-sender-verwaltung = Landes- oder Bundesverwaltung

desk-status-neu = Neu
desk-status-in_bearbeitung = In Bearbeitung
desk-status-rueckfrage = Rückfrage
desk-status-beantwortet = Beantwortet
desk-status-geschlossen = Geschlossen
