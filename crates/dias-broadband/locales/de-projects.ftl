## Förderprojekte (Breitband)

broadband-projects-title = Förderprojekte
broadband-projects-lead = Gigabit-Förderprojekte der sächsischen Gemeinden und Kreise: in welchem Verfahrensschritt sie stehen, welche Fördermittel bewilligt sind und wie viele Adressen angeschlossen werden.
broadband-projects-new = Neues Förderprojekt
broadband-projects-edit = Projekt bearbeiten
broadband-projects-save = Änderungen speichern
broadband-projects-create = Projekt anlegen
broadband-projects-cancel = Abbrechen
broadband-projects-choose = Bitte wählen
broadband-projects-count = { $count ->
    [one] Ein Projekt
   *[other] { $count } Projekte
}
broadband-projects-none = Keine Projekte gefunden.
broadband-projects-summary = Zusammen (alle gefilterten Projekte)
broadband-projects-to-list = Zur Liste der Förderprojekte
broadband-projects-area-in = { $name } ({ $kreis })
broadband-projects-area-kreis = { $name } (ganzer Kreis)

broadband-projects-filter-title = Filter
broadband-projects-filter-kreis = Kreis
broadband-projects-filter-stage = Verfahrensschritt
broadband-projects-filter-all = Alle
broadband-projects-filter-overdue = Nur überfällige Projekte
broadband-projects-filter-apply = Filter anwenden
broadband-projects-filter-reset = Zurücksetzen

broadband-projects-field-name = Projektname
broadband-projects-field-name-hint = Zum Beispiel „Gigabitausbau Amtsberg, Cluster 2“.
broadband-projects-field-area = Gebiet
broadband-projects-field-area-hint = Die Gemeinde oder der ganze Kreis, für den das Projekt gefördert wird.
broadband-projects-field-stage = Verfahrensschritt
broadband-projects-field-model = Modell
broadband-projects-field-model-hint = Ergebnis des Auswahlverfahrens; spätestens vor der Konkretisierung anzugeben.
broadband-projects-field-federal = Bund
broadband-projects-field-state = Land
broadband-projects-field-state-hint = Die Landes-Kofinanzierung setzt eine Bundesförderung voraus.
broadband-projects-field-municipal = Kommune
broadband-projects-field-eligible = Zuwendungsfähige Kosten
broadband-projects-field-eligible-hint = Bund, Land und Kommune zusammen dürfen diesen Betrag nicht übersteigen.
broadband-projects-field-addresses = Adressen (angeschlossen / geplant)
broadband-projects-field-addresses-planned = Geplante Adressen
broadband-projects-field-addresses-connected = Angeschlossene Adressen
broadband-projects-field-addresses-connected-hint = Höchstens so viele wie geplant.
broadband-projects-field-responsible = Zuständige
broadband-projects-field-responsible-hint = Namen und Rollen, eine Person je Zeile, zum Beispiel „Breitbandkoordination: Frau Muster“. Nur, was für die Zusammenarbeit nötig ist.
broadband-projects-field-planned-of = Geplant: { $stage }
broadband-projects-amounts = Beträge
broadband-projects-amounts-hint = In Euro, zum Beispiel 1.250.000,00. Leer bedeutet 0.
broadband-projects-planned-dates = Geplante Termine der Verfahrensschritte
broadband-projects-planned-dates-hint = Ein Schritt, dessen geplanter Termin verstrichen ist, ohne dass er erreicht wurde, gilt als überfällig. Die Termine folgen der Reihenfolge der Schritte.

broadband-projects-model-none = Noch nicht festgelegt
broadband-projects-model-wirtschaftlichkeitsluecke = Wirtschaftlichkeitslückenmodell
broadband-projects-model-betreibermodell = Betreibermodell

broadband-projects-stage-beratung = Beratung
broadband-projects-stage-potenzialanalyse = Potenzialanalyse / Branchendialog
broadband-projects-stage-markterkundung = Markterkundung
broadband-projects-stage-foerderantrag = Förderantrag (Projektträger)
broadband-projects-stage-vorlaeufiger-bescheid = Vorläufiger Zuwendungsbescheid
broadband-projects-stage-auswahlverfahren = Auswahlverfahren
broadband-projects-stage-konkretisierung = Konkretisierung
broadband-projects-stage-endgueltiger-bescheid = Endgültiger Zuwendungsbescheid
broadband-projects-stage-landes-kofinanzierung = Landes-Kofinanzierung
broadband-projects-stage-bau = Bau / Mittelabruf
broadband-projects-stage-inbetriebnahme = Inbetriebnahme
broadband-projects-stage-verwendungsnachweis = Verwendungsnachweis

broadband-projects-timeline = Verfahrensschritte
broadband-projects-planned = Geplant
broadband-projects-reached = Erreicht
broadband-projects-stage-current = aktuell
broadband-projects-stage-done = erledigt
broadband-projects-stage-change = Verfahrensschritt ändern
broadband-projects-stage-current-is = Aktueller Verfahrensschritt: { $stage }
broadband-projects-stage-to = Neuer Verfahrensschritt
broadband-projects-stage-to-hint = Weiter geht es immer nur zum nächsten Schritt. Zurück ist zu jedem früheren Schritt möglich; der Verlauf bleibt erhalten.
broadband-projects-stage-forward = Weiter zu: { $stage }
broadband-projects-stage-back = Zurück zu: { $stage }
broadband-projects-stage-date = Datum
broadband-projects-stage-date-hint = Der Tag, an dem der Schritt erreicht wurde, zum Beispiel das Datum des Bescheids.
broadband-projects-stage-submit = Verfahrensschritt speichern
broadband-projects-stage-none = Kein Wechsel möglich.
broadband-projects-note = Anmerkung
broadband-projects-note-hint = Pflicht, wenn Sie zu einem früheren Schritt zurückgehen: Warum?

broadband-projects-overdue-title = Überfällig
broadband-projects-overdue-lead = Verfahrensschritte, deren geplanter Termin verstrichen ist, ohne dass das Projekt sie erreicht hat.
broadband-projects-overdue-count = { $count ->
    [0] Keine überfälligen Verfahrensschritte.
    [one] Ein überfälliger Verfahrensschritt
   *[other] { $count } überfällige Verfahrensschritte
}
broadband-projects-overdue-badge = Überfällig
broadband-projects-overdue-stage = { $stage } (geplant { $date })
broadband-projects-overdue-stage-header = Überfälliger Schritt
broadband-projects-overdue-days = Tage überfällig

broadband-projects-documents = Dokumente
broadband-projects-documents-none = Noch keine Dokumente.
broadband-projects-document-add = Dokument hinzufügen
broadband-projects-document-file = Datei
broadband-projects-document-hint = PDF, ODT, DOCX, XLSX oder CSV, höchstens 10 MB.
broadband-projects-document-submit = Hochladen
broadband-projects-document-remove = Entfernen
broadband-projects-document-remove-named = Entfernen: { $name }
broadband-projects-document-size = { $kb } KB
broadband-projects-responsible-none = Keine Angaben.

broadband-projects-history = Verlauf
broadband-projects-history-nobody = (ohne Konto)
broadband-projects-history-created = Projekt angelegt im Verfahrensschritt { $stage }
broadband-projects-history-stage = Verfahrensschritt { $from } → { $to } am { $date }
broadband-projects-history-stage-back = Zurück von { $from } zu { $to } am { $date }
broadband-projects-history-edited = Angaben geändert
broadband-projects-history-document-added = Dokument hinzugefügt: { $name }
broadband-projects-history-document-removed = Dokument entfernt: { $name }

broadband-projects-conflict-title = Inzwischen geändert
broadband-projects-conflict-text = Jemand anderes hat das Projekt gespeichert, während Sie es bearbeitet haben. Ihre Eingaben stehen unten; prüfen Sie den aktuellen Stand und speichern Sie erneut, um ihn zu überschreiben.
broadband-projects-conflict-stage = Jemand anderes hat das Projekt geändert, während Sie den Verfahrensschritt gewählt haben. Prüfen Sie den aktuellen Stand und speichern Sie erneut.
broadband-projects-conflict-link = Aktuellen Stand ansehen

broadband-projects-error-area = Wählen Sie eine sächsische Gemeinde oder einen Kreis.
broadband-projects-error-area-not-yours = Für dieses Gebiet können Sie keine Projekte anlegen.
broadband-projects-error-model = Wählen Sie ein Modell aus der Liste.
broadband-projects-error-amount = Geben Sie einen Betrag in Euro ein, zum Beispiel 1.250.000,00 (nicht negativ, höchstens zwei Nachkommastellen).
broadband-projects-error-amount-range = Der Betrag ist zu groß.
broadband-projects-error-shares-exceed = Bund, Land und Kommune zusammen übersteigen die zuwendungsfähigen Kosten.
broadband-projects-error-state-without-federal = Die Landes-Kofinanzierung gibt es nur zusätzlich zu einer Bundesförderung.
broadband-projects-error-number = Geben Sie eine ganze Zahl ein.
broadband-projects-error-addresses-range = Geben Sie eine Zahl zwischen 0 und 5.000.000 ein.
broadband-projects-error-connected-exceeds = Es können nicht mehr Adressen angeschlossen als geplant sein.
broadband-projects-error-date = Geben Sie ein Datum ein (TT.MM.JJJJ).
broadband-projects-error-planned-order = Dieser Termin liegt vor dem eines früheren Schritts.
broadband-projects-error-stage = Wählen Sie einen Verfahrensschritt aus der Liste.
broadband-projects-error-stage-step = Weiter geht es nur zum nächsten Schritt; zurück zu jedem früheren.
broadband-projects-error-model-first = Legen Sie zuerst das Modell des Auswahlverfahrens fest (Projekt bearbeiten).
broadband-projects-error-cofinancing-first = Tragen Sie zuerst die Bundesförderung ein (Projekt bearbeiten): Die Landes-Kofinanzierung folgt in Sachsen immer auf den Bundesbescheid.
broadband-projects-error-date-future = Das Datum darf nicht in der Zukunft liegen.
broadband-projects-error-date-before-current = Das Datum liegt vor dem des aktuellen Schritts.
broadband-projects-error-note-back = Schreiben Sie, warum das Projekt zurückgeht.
broadband-projects-error-document-missing = Wählen Sie eine Datei aus.
broadband-projects-error-document-size = Die Datei ist größer als 10 MB.
broadband-projects-error-document-type = Diese Datei ist kein PDF, ODT, DOCX, XLSX oder CSV.
broadband-projects-error-document-extension = Die Dateiendung passt nicht zum Inhalt der Datei.
broadband-projects-error-filter = Unbekannter Filter.

broadband-projects-lagebild = Lagebild
broadband-projects-lagebild-title = Lagebild: Förderprojekte
broadband-projects-lagebild-lead = { $count ->
    [one] Ein Förderprojekt nach Verfahrensschritt und Fördermittel nach Kreis.
   *[other] { $count } Förderprojekte nach Verfahrensschritt und Fördermittel nach Kreis.
}
broadband-projects-chart-stages = Projekte nach Phase
broadband-projects-chart-stages-description = Balkendiagramm: Anzahl der Förderprojekte je Verfahrensschritt, von der Beratung bis zum Verwendungsnachweis.
broadband-projects-chart-funds = Fördermittel nach Kreis
broadband-projects-chart-funds-description = Gruppiertes Balkendiagramm: je Kreis die Fördermittel von Bund, Land und Kommune in Euro.
broadband-projects-chart-projects = Projekte
broadband-projects-chart-kreis = Kreis
broadband-projects-chart-federal-eur = Bund (EUR)
broadband-projects-chart-state-eur = Land (EUR)
broadband-projects-chart-municipal-eur = Kommune (EUR)
broadband-projects-chart-eligible-eur = Zuwendungsfähige Kosten (EUR)
broadband-projects-download = Herunterladen

broadband-projects-area-block-title = Förderprojekte
broadband-projects-area-block-none = Keine Förderprojekte erfasst.

notice-broadband-projects-created = Das Förderprojekt wurde angelegt.
notice-broadband-projects-saved = Die Änderungen wurden gespeichert.
notice-broadband-projects-stage-changed = Der Verfahrensschritt wurde gespeichert.
notice-broadband-projects-document-added = Das Dokument wurde hochgeladen.
notice-broadband-projects-document-removed = Das Dokument wurde entfernt.
broadband-projects-error-model-kept = Das Projekt hat das Auswahlverfahren abgeschlossen: Das Modell muss angegeben bleiben.
broadband-projects-error-federal-kept = Das Projekt hat die Landes-Kofinanzierung erreicht, die in Sachsen auf die Bundesförderung folgt: Die Bundesförderung muss eingetragen bleiben.
broadband-projects-surveys = Markterkundungen im Projektgebiet
broadband-projects-surveys-none = Für die Gemeinden dieses Projekts gibt es noch kein Markterkundungsverfahren.
broadband-projects-error-area-required = Bitte wählen Sie das Gebiet.
broadband-projects-field-federal-hint = Die Zuwendung des Bundes laut Zuwendungsbescheid.
broadband-projects-field-municipal-hint = Der Eigenanteil der Gemeinde oder des Kreises.
