# Förderlotse (dias-funding): Fristen, Merkliste mit Erinnerungen, Vergleich.

## Fristen
funding-deadlines-title = Antragsfristen
funding-deadlines-lead = Die nächsten Stichtage und Einreichungsfristen der Förderangebote, nach Monaten geordnet. Grenzen Sie die Liste ein oder abonnieren Sie sie als Kalender.
funding-deadlines-link = Anstehende Fristen ansehen
funding-deadlines-link-filtered = Fristen dieser Auswahl ansehen
funding-deadlines-feed-link = Fristen als Kalender abonnieren (iCal)
funding-deadlines-filter-title = Fristen eingrenzen
funding-deadlines-filter-apply = Anzeigen
funding-deadlines-filter-reset = Alle Fristen
funding-deadlines-count = { $count ->
    [0] Keine anstehende Frist gefunden.
    [one] Eine anstehende Frist.
   *[other] { $count } anstehende Fristen.
}
funding-deadlines-none = Für diese Auswahl sind keine Fristen bekannt. Viele Angebote nehmen laufend Anträge an; sie finden Sie in der Suche.
funding-deadlines-ical = Als Kalender abonnieren (iCal)
funding-deadlines-ical-hint = Die Adresse können Sie in Ihrem Kalenderprogramm abonnieren; sie enthält dieselbe Auswahl.
funding-deadlines-to-search = Diese Auswahl in der Suche
funding-deadlines-days-left = { $days ->
    [0] heute
    [one] morgen
   *[other] in { $days } Tagen
}
funding-deadlines-month = { $month } { $year }
funding-deadlines-month-1 = Januar
funding-deadlines-month-2 = Februar
funding-deadlines-month-3 = März
funding-deadlines-month-4 = April
funding-deadlines-month-5 = Mai
funding-deadlines-month-6 = Juni
funding-deadlines-month-7 = Juli
funding-deadlines-month-8 = August
funding-deadlines-month-9 = September
funding-deadlines-month-10 = Oktober
funding-deadlines-month-11 = November
funding-deadlines-month-12 = Dezember
funding-deadlines-calendar-name = Förderlotse Sachsen: Antragsfristen
funding-deadlines-ical-summary = Frist: { $title }

## Merkliste
funding-watch-title = Meine Merkliste
funding-watch-lead = Angebote, die Sie sich gemerkt haben. Vor der nächsten Frist erinnern wir Sie per E-Mail – so viele Tage vorher, wie Sie hier einstellen.
funding-watch-empty = Ihre Merkliste ist leer. Auf jeder Angebotsseite können Sie ein Angebot mit „Merken“ hinzufügen.
funding-watch-to-search = Zu den Förderangeboten
funding-watch-add = Merken
funding-watch-added-label = Gemerkt
funding-watch-remove = Von der Merkliste entfernen
funding-watch-remove-named = { $title } von der Merkliste entfernen
funding-watch-sign-in = Anmelden, um dieses Angebot zu merken
funding-watch-list-link = Zur Merkliste
funding-watch-days = Erinnerung
funding-watch-days-named = Erinnerung für { $title }
funding-watch-days-option = { $days } Tage vor der Frist
funding-watch-days-hint = Wir erinnern Sie per E-Mail vor der nächsten Frist.
funding-watch-days-save = Speichern
funding-watch-next-deadline = Nächste Frist
funding-watch-no-deadline = keine Frist bekannt
funding-watch-offer = Angebot
funding-watch-status = Stand
funding-watch-actions = Aktionen
funding-watch-compare = Merkliste vergleichen
funding-watch-compare-hint = Vergleicht die ersten vier Angebote Ihrer Merkliste.
funding-watch-unknown-offer = Dieses Angebot gibt es nicht.
funding-watch-full = Ihre Merkliste ist voll: Sie können höchstens { $max } Angebote merken. Entfernen Sie zuerst ein Angebot, das Sie nicht mehr brauchen.
funding-watch-job = Förder-Erinnerungen jetzt senden
notice-funding-watch-added = Das Angebot steht auf Ihrer Merkliste.
notice-funding-watch-removed = Das Angebot wurde von Ihrer Merkliste entfernt.
notice-funding-watch-changed = Die Erinnerung wurde geändert.
funding-watch-mail-subject = { $count ->
    [one] Erinnerung: Eine Frist auf Ihrer Merkliste rückt näher
   *[other] Erinnerung: { $count } Fristen auf Ihrer Merkliste rücken näher
}
funding-watch-mail-body = Guten Tag { $person },

    für diese Angebote auf Ihrer Merkliste im Förderlotsen endet bald eine Frist:

    { $list }

    Ihre Merkliste und die Einstellung der Erinnerungen: { $watchlist }

    Diese Nachricht wurde automatisch versandt. Sie erhalten sie, weil Sie die Angebote auf Ihre Merkliste gesetzt haben.
funding-watch-mail-item = – { $title }
      Frist: { $date }
      { $url }
funding-watch-mail-item-note = – { $title }
      Frist: { $date } ({ $note })
      { $url }

## Vergleich
funding-compare-title = Angebote vergleichen
funding-compare-lead = Bis zu vier Angebote nebeneinander, Bedingung für Bedingung.
funding-compare-select = Vergleichen
funding-compare-select-named = { $title } vergleichen
funding-compare-submit = Ausgewählte vergleichen
funding-compare-submit-hint = Wählen Sie bis zu vier Angebote mit „Vergleichen“ aus.
funding-compare-link = Zum Vergleich
funding-compare-table = Bedingungen im Vergleich
funding-compare-condition = Bedingung
funding-compare-empty = Wählen Sie in der Suche bis zu vier Angebote mit „Vergleichen“ aus, um sie hier nebeneinander zu sehen.
funding-compare-too-many = Es lassen sich höchstens { $max } Angebote vergleichen. Gezeigt werden die ersten { $max }.
funding-compare-unknown = Diese Angebote gibt es nicht: { $slugs }
funding-compare-none = –
funding-compare-all-sizes = ohne Größengrenze
funding-compare-to-search = Weitere Angebote suchen
funding-compare-remove = { $title } aus dem Vergleich nehmen
