# Markterkundungsverfahren (MEV) – Verfahren, Rückmeldungen, Auswertung

broadband-surveys-title = Markterkundungsverfahren
broadband-surveys-lead = Ihre Markterkundungsverfahren: als Kommune die Verfahren Ihres Gebiets, als Netzbetreiber die Verfahren, zu denen Sie eingeladen sind.
broadband-surveys-lead-staff = Alle Markterkundungsverfahren im Portal.
broadband-surveys-new = Neues Verfahren
broadband-surveys-none = Es gibt noch keine Verfahren für Sie.
broadband-surveys-list-caption = Verfahren mit Gebiet, Frist und Stand
broadband-surveys-area = Gebiet
broadband-surveys-deadline = Rückmeldefrist
broadband-surveys-state = Stand
broadband-surveys-role = Ihre Rolle
broadband-surveys-role-manager = Verwaltung
broadband-surveys-role-invited = Eingeladen
broadband-surveys-state-open = Rückmeldungen offen
broadband-surveys-state-deadline-passed = Frist abgelaufen
broadband-surveys-state-evaluating = Auswertung läuft
broadband-surveys-state-evaluated = Ausgewertet
broadband-surveys-synthetic = SYNTHETISCH
broadband-surveys-synthetic-note = Die Adressliste dieses Verfahrens ist erfunden (synthetische Testdaten). Nur die Gemeinden sind echt.

broadband-surveys-new-title = Markterkundungsverfahren eröffnen
broadband-surveys-new-lead = Legen Sie das Gebiet, das Regelwerk, die Fristen und die Adressliste fest und laden Sie die Netzbetreiber ein. Die Netzbetreiber erhalten eine E-Mail.
broadband-surveys-field-title = Titel
broadband-surveys-field-title-hint = Zum Beispiel „Markterkundung Gigabit Amtsberg 2026“.
broadband-surveys-field-area-hint = Eine oder mehrere Gemeinden, für die Sie handeln dürfen.
broadband-surveys-field-area-codes = Weitere Gemeinden (Gemeindeschlüssel)
broadband-surveys-field-area-codes-hint = Achtstellige Gemeindeschlüssel (AGS), durch Komma getrennt, zum Beispiel 14521010.
broadband-surveys-field-rule-set = Regelwerk
broadband-surveys-field-rule-set-hint = Die Schwellen, ab denen eine Adresse als versorgt gilt. Das Regelwerk muss am Beginn der Markterkundung gelten.
broadband-surveys-rule-set-from = { $name }, gilt ab diesem Tag
broadband-surveys-rule-set-until = { $name }, nicht mehr in Kraft
broadband-surveys-field-start = Beginn der Markterkundung
broadband-surveys-field-start-hint = Datum im Format TT.MM.JJJJ.
broadband-surveys-field-deadline-hint = Mindestens acht Wochen nach dem Beginn, also frühestens am { $earliest }.
broadband-surveys-field-horizon = Zeithorizont (Jahre)
broadband-surveys-field-horizon-hint = Eigenwirtschaftliche Planungen zählen, wenn sie innerhalb dieses Zeitraums fertig werden (üblich: 3 Jahre).
broadband-surveys-field-source = Adressliste
broadband-surveys-field-source-hint = Laden Sie die Adressen des Gebiets hoch oder lassen Sie für eine Erprobung synthetische Adressen erzeugen.
broadband-surveys-source-file = Adressdatei hochladen (CSV)
broadband-surveys-source-synthetic = Synthetische Demo-Adressen für das Gebiet erzeugen (SYNTHETISCH)
broadband-surveys-field-address-file = Adressdatei (CSV)
broadband-surveys-field-address-file-hint = Spalten: address_id, ags8, street, house_number, postcode, place, lat, lon, usage, households, businesses. Höchstens { $limit } MB.
broadband-surveys-field-operators = Netzbetreiber einladen
broadband-surveys-field-operators-hint = Die eingeladenen Netzbetreiber melden für jede Adresse ihre Versorgung und Planung zurück.
broadband-surveys-submit-new = Verfahren eröffnen

broadband-surveys-error-title = Bitte geben Sie einen Titel ein.
broadband-surveys-error-title-long = Der Titel darf höchstens 200 Zeichen lang sein.
broadband-surveys-error-area = Bitte wählen Sie mindestens eine Gemeinde.
broadband-surveys-error-area-unknown = Mindestens ein Gemeindeschlüssel ist keine sächsische Gemeinde.
broadband-surveys-error-area-not-member = Sie dürfen nicht für alle gewählten Gemeinden handeln.
broadband-surveys-error-start = Bitte geben Sie den Beginn als Datum an.
broadband-surveys-error-start-past = Der Beginn darf nicht in der Vergangenheit liegen – frühestens heute.
broadband-surveys-error-deadline = Bitte geben Sie die Rückmeldefrist als Datum an.
broadband-surveys-error-deadline-short = Die Rückmeldefrist muss mindestens acht Wochen nach dem Beginn liegen.
broadband-surveys-error-horizon = Der Zeithorizont muss eine ganze Zahl zwischen 1 und 10 Jahren sein.
broadband-surveys-error-rule-set = Bitte wählen Sie ein Regelwerk aus der Liste.
broadband-surveys-error-rule-set-not-in-force = Dieses Regelwerk galt am Beginn der Markterkundung nicht. Wählen Sie ein Regelwerk, das an diesem Tag in Kraft war, oder ändern Sie den Beginn.
broadband-surveys-error-source = Bitte wählen Sie, woher die Adressliste kommt.
broadband-surveys-error-address-file = Bitte wählen Sie eine Adressdatei oder synthetische Adressen.
broadband-surveys-error-too-large = Die Datei ist zu groß (höchstens { $limit } MB).
broadband-surveys-error-unreadable = Die Datei kann nicht gelesen werden: { $detail }
broadband-surveys-error-no-address = Die Datei enthält keine gültige Adresse im Gebiet. Die Tabelle unten nennt jede abgelehnte Zeile.
broadband-surveys-error-responses-file = Bitte wählen Sie eine Datei mit Ihren Rückmeldungen.
broadband-surveys-error-early = Die Frist läuft noch. Bestätigen Sie, dass Sie trotzdem jetzt auswerten möchten.

notice-broadband-surveys-created = Das Verfahren ist eröffnet; die eingeladenen Netzbetreiber wurden per E-Mail benachrichtigt.
notice-broadband-surveys-invited = Die Netzbetreiber sind eingeladen und wurden per E-Mail benachrichtigt.
notice-broadband-surveys-invite-none = Sie haben keinen Netzbetreiber ausgewählt.
notice-broadband-surveys-uploaded = Ihre Rückmeldung ist gespeichert.

broadband-surveys-mail-invite-subject = Einladung zur Markterkundung: { $title }
broadband-surveys-mail-invite-body =
    Guten Tag,

    Sie sind zur Markterkundung „{ $title }“ eingeladen. Bitte melden Sie bis zum { $deadline } für jede Adresse des Gebiets Ihre heutige Versorgung und Ihre eigenwirtschaftlichen Planungen zurück.

    Adressliste und Hochladen: { $link }

    Ihr Team der Digitalagentur Sachsen

broadband-surveys-addresses = Adressen
broadband-surveys-address-download = Adressliste herunterladen (CSV)
broadband-surveys-address-report = Abgelehnte Zeilen der Adressdatei
broadband-surveys-report-caption = Abgelehnte Zeilen mit Zeilennummer und Grund
broadband-surveys-report-line = Zeile
broadband-surveys-report-reason = Grund
broadband-surveys-your-answer = Ihre Rückmeldung
broadband-surveys-your-answer-text = Laden Sie die Rückmeldungen Ihres Unternehmens als CSV-Datei hoch. Eine neue Datei ersetzt die alte nicht, sie wird als neue Version gespeichert.
broadband-surveys-upload-action = Rückmeldung hochladen
broadband-surveys-progress = Wer hat geantwortet?
broadband-surveys-progress-caption = Eingeladene Netzbetreiber mit ihrer letzten Rückmeldung
broadband-surveys-no-invitations = Noch kein Netzbetreiber ist eingeladen.
broadband-surveys-operator = Netzbetreiber
broadband-surveys-answered = Geantwortet
broadband-surveys-not-answered = noch keine Rückmeldung
broadband-surveys-version = Version
broadband-surveys-rows-accepted = Zeilen angenommen
broadband-surveys-rows-rejected = Zeilen abgelehnt
broadband-surveys-rows-total = Zeilen insgesamt
broadband-surveys-late = verspätet
broadband-surveys-invite = Weitere Netzbetreiber einladen
broadband-surveys-invite-submit = Einladen
broadband-surveys-uploads = Alle Rückmeldungen
broadband-surveys-your-uploads = Ihre Rückmeldungen
broadband-surveys-uploads-caption = Hochgeladene Dateien mit Version und Prüfergebnis
broadband-surveys-uploaded-at = Hochgeladen
broadband-surveys-report = Prüfbericht
broadband-surveys-report-link = Bericht zu Version { $version }
broadband-surveys-evaluation = Auswertung
broadband-surveys-job-running-link = Die Auswertung läuft – Fortschritt ansehen
broadband-surveys-early-warning = Die Rückmeldefrist läuft noch bis zum { $deadline }. Eine Auswertung jetzt berücksichtigt nur die bisher eingegangenen Rückmeldungen.
broadband-surveys-early-confirm = Ich möchte vor Ablauf der Frist auswerten.
broadband-surveys-evaluate = Auswertung starten
broadband-surveys-results-caption = Gespeicherte Ergebnisse, neueste zuerst
broadband-surveys-evaluated-on = Ausgewertet am
broadband-surveys-result-version = Version { $version }
broadband-surveys-status-supplied = versorgt
broadband-surveys-status-planned = eigenwirtschaftlich geplant
broadband-surveys-status-eligible = förderfähig

broadband-surveys-upload-title = Rückmeldung hochladen
broadband-surveys-upload-lead = Sie antworten für { $operator }. Jede Zeile der Datei muss dieses Unternehmen in der Spalte operator nennen.
broadband-surveys-upload-deadline = Rückmeldefrist: { $deadline }.
broadband-surveys-upload-late-warning = Die Frist ist abgelaufen. Sie können noch hochladen, die Rückmeldung wird aber als verspätet markiert und in der Auswertung nicht berücksichtigt.
broadband-surveys-field-responses-file = Rückmeldungen (CSV)
broadband-surveys-field-responses-file-hint = Spalten: address_id, operator, technology, down_mbps, up_mbps, kind, planned_date, milestone_plan. Höchstens { $limit } MB.
broadband-surveys-upload-submit = Hochladen und prüfen
broadband-surveys-report-title = Prüfbericht der Rückmeldung, Version { $version }
broadband-surveys-file = Datei
broadband-surveys-file-download = Datei herunterladen
broadband-surveys-late-note = Diese Rückmeldung kam nach der Frist und wird in der Auswertung nicht berücksichtigt.
broadband-surveys-report-clean = Alle Zeilen wurden angenommen.
broadband-surveys-report-kept = Die gültigen Zeilen sind gespeichert. Diese Zeilen wurden abgelehnt; korrigieren Sie sie und laden Sie die Datei erneut hoch.
broadband-surveys-upload-again = Neue Version hochladen
broadband-surveys-back = Zurück zum Verfahren

broadband-surveys-job-title = Auswertung
broadband-surveys-job-done = Die Auswertung ist fertig.
broadband-surveys-job-failed = Die Auswertung ist fehlgeschlagen:
broadband-surveys-job-queued = Die Auswertung wartet auf den Start.
broadband-surveys-job-running = Die Auswertung läuft:
broadband-surveys-job-wait = Diese Seite aktualisiert sich selbst.
broadband-surveys-job-refresh = Jetzt aktualisieren
broadband-surveys-result-open = Ergebnis Version { $version } ansehen

broadband-surveys-result-title = Ergebnis der Markterkundung, Version { $version }
broadband-surveys-result-label = Ergebnis
broadband-surveys-response-rows = Rückmeldezeilen ausgewertet
broadband-surveys-result-early = Diese Auswertung wurde vor Ablauf der Rückmeldefrist gestartet.
broadband-surveys-inputs = Verwendete Rückmeldungen
broadband-surveys-inputs-none = Es lag keine rechtzeitige Rückmeldung vor.
broadband-surveys-input-used = { $operator }
broadband-surveys-input-rows = { $rows } Zeilen
broadband-surveys-input-first-line = ab Zeile { $line } der zusammengeführten Rückmeldedatei
broadband-surveys-inputs-late = Nicht berücksichtigt, weil nach der Frist hochgeladen:
broadband-surveys-inputs-silent = Ohne rechtzeitige Rückmeldung:
broadband-surveys-by-status = Adressen nach Status
broadband-surveys-by-status-caption = Adressen, Haushalte und Unternehmen je Status
broadband-surveys-status = Status
broadband-surveys-households = Haushalte
broadband-surveys-businesses = Unternehmen
broadband-surveys-by-municipality = Je Gemeinde
broadband-surveys-by-municipality-caption = Adressen je Gemeinde und Status mit Anteil förderfähiger Adressen
broadband-surveys-municipality = Gemeinde
broadband-surveys-eligible-share = Anteil förderfähig
broadband-surveys-downloads = Downloads
broadband-surveys-dl-eligible = Förderfähige Adressen
broadband-surveys-dl-municipalities = Tabelle je Gemeinde
broadband-surveys-dl-addresses = Alle Adressen mit Status (CSV)
broadband-surveys-dl-geojson = Adresspunkte (GeoJSON)
broadband-surveys-dl-protocol = Protokoll zum Drucken
broadband-surveys-dl-protocol-csv = Protokoll (CSV)
broadband-surveys-dl-rejected = Abgelehnte Zeilen (CSV)
broadband-surveys-dl-responses = Zusammengeführte Rückmeldungen (CSV)
broadband-surveys-eligible-sheet = Förderfähige Adressen
broadband-surveys-municipalities-sheet = Gemeinden
broadband-surveys-back-result = Zurück zum Ergebnis

broadband-surveys-protocol-title = Protokoll der Markterkundung
broadband-surveys-protocol-note = Je Adresse steht zuerst die maßgebliche Rückmeldung, danach jede nicht berücksichtigte Rückmeldung mit Grund. Die Zeilennummern beziehen sich auf die zusammengeführte Rückmeldedatei.
broadband-surveys-protocol-per-address = Rückmeldungen je Adresse
broadband-surveys-protocol-caption = Maßgebliche und nicht berücksichtigte Rückmeldungen je Adresse
broadband-surveys-protocol-role = Rolle
broadband-surveys-protocol-offer = Angebot
broadband-surveys-protocol-deciding = maßgeblich
broadband-surveys-protocol-ignored = nicht berücksichtigt
broadband-surveys-protocol-empty = Keine Rückmeldung betrifft eine Adresse des Gebiets.
broadband-surveys-protocol-rejected = Abgelehnte Zeilen
broadband-surveys-protocol-rejected-caption = Abgelehnte Zeilen der Adressdatei und der Rückmeldungen

broadband-surveys-area-block-title = Markterkundungsverfahren
broadband-surveys-area-block-none = Für dieses Gebiet gibt es im Portal kein Markterkundungsverfahren.
broadband-surveys-area-block-dates = Beginn { $start },
broadband-surveys-area-block-deadline = Rückmeldefrist { $deadline }

broadband-surveys-step-read = Adressen und Rückmeldungen werden gelesen.
broadband-surveys-step-evaluate = Die Adressen werden ausgewertet.
broadband-surveys-step-store = Das Ergebnis wird gespeichert.
broadband-surveys-step-done = Fertig.
broadband-surveys-job-failed-note = Die letzte Auswertung ist fehlgeschlagen.
broadband-surveys-job-failed-link = Fehlermeldung ansehen
broadband-surveys-mine-title = Meine Verfahren
broadband-surveys-lead-operator = Die Markterkundungsverfahren, zu denen Ihr Unternehmen eingeladen ist. Laden Sie dort Ihre Rückmeldung hoch.
broadband-surveys-report-more = … und { $count } weitere abgelehnte Zeilen.
broadband-surveys-report-full-csv = Vollständige Liste der abgelehnten Zeilen als CSV herunterladen
