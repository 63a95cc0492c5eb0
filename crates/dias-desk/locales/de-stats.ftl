desk-stats-title = Statistik der Anfragen
desk-stats-lead = { $count ->
    [one] Eine Anfrage ist bisher eingegangen.
   *[other] { $count } Anfragen sind bisher eingegangen.
} Die Zahlen enthalten keine personenbezogenen Angaben; anonymisierte Anfragen zählen mit.
desk-stats-median-days = Typische Zeit bis zur ersten Antwort (Median, Arbeitstage)
desk-stats-median-hours = Typische Zeit bis zur ersten Antwort (Median, Stunden)
desk-stats-share = Innerhalb der Zielzeit beantwortet
desk-stats-download = Tabelle herunterladen
desk-stats-all-topics = Alle Themen
desk-stats-unit-days = Arbeitstage
desk-stats-chart-topics = Anfragen nach Thema
desk-stats-chart-topics-description = Balkendiagramm: Zahl der Anfragen je Thema.
desk-stats-chart-senders = Anfragen nach Art der anfragenden Person
desk-stats-chart-senders-description = Balkendiagramm: Zahl der Anfragen je Art der anfragenden Person.
desk-stats-chart-months = Anfragen je Monat
desk-stats-chart-months-description = Säulendiagramm: Zahl der eingegangenen Anfragen in jedem der letzten zwölf Monate.
desk-stats-chart-answer-time = Zeit bis zur ersten Antwort
desk-stats-chart-answer-time-description = Balkendiagramm: Median der Arbeitstage vom Eingang bis zur ersten Antwort, je Thema und insgesamt.
desk-stats-chart-target = Innerhalb der Zielzeit beantwortet
desk-stats-chart-target-description = Balkendiagramm: Anteil der Anfragen in Prozent, die innerhalb der Zielzeit ihres Themas die erste Antwort erhielten, je Thema und insgesamt.
desk-stats-answer-time-explained = Gezählt werden Arbeitstage in Sachsen – ohne Wochenenden und sächsische Feiertage wie den Reformationstag und den Buß- und Bettag. 0 heißt: am Tag des Eingangs beantwortet.
desk-stats-target-explained = Die Zielzeit gilt ab Eingang, in Arbeitstagen je Thema. Noch offene Anfragen zählen erst, wenn ihre Zielzeit verstrichen ist.
desk-stats-col-topic = Thema
desk-stats-col-sender = Anfragende Person
desk-stats-col-month = Monat
desk-stats-col-count = Anfragen
desk-stats-col-answered = Beantwortet
desk-stats-col-median-days = Median (Arbeitstage)
desk-stats-col-median-hours = Median (Stunden)
desk-stats-col-decided = Gewertet
desk-stats-col-within = In der Zielzeit
desk-stats-col-share = Anteil (%)
desk-stats-privacy = Abgeschlossene Anfragen werden { $months } Monate nach ihrem Abschluss anonymisiert.
desk-stats-privacy-link = Mehr zum Datenschutz
desk-stats-retention-job = Abgeschlossene Anfragen anonymisieren
desk-stats-table-details = alle Werte
