# Anfragen, öffentliche Seiten: Startseite, Formular, Statusseite, Link vergessen.

desk-public-home-title = Anfragen an die Digitalagentur
desk-public-home-lead = Sie haben eine Frage zu Breitband, Förderung, künstlicher Intelligenz oder zur Digitalisierung Ihrer Verwaltung? Schreiben Sie uns – ohne Konto. Wir antworten aus einer Hand.
desk-public-home-ask = Anfrage stellen
desk-public-home-who-title = Wer antwortet
desk-public-home-who-text = Ihre Anfrage geht an das Fachteam der Digitalagentur Sachsen, das für das Thema zuständig ist. Passt die Frage besser zu einem anderen Team, geben wir sie intern weiter – Sie müssen nichts weiter tun.
desk-public-home-how-title = So geht es
desk-public-home-how-ask = Sie füllen das Formular aus. Ein Konto brauchen Sie nicht, nur eine E-Mail-Adresse.
desk-public-home-how-link = Sie erhalten eine Vorgangsnummer und einen persönlichen Link, über den Sie den Stand jederzeit sehen und antworten können.
desk-public-home-how-answer = Wir antworten per E-Mail und auf Ihrer Statusseite.
desk-public-home-times-title = Wie schnell wir antworten
desk-public-home-times-text = Wir geben uns eine Zielzeit für die Antwort. Gezählt werden Arbeitstage ab dem Tag nach dem Eingang; Wochenenden und sächsische Feiertage wie der Reformationstag und der Buß- und Bettag zählen nicht mit.
desk-public-home-times-days = Zielzeit
desk-public-working-days = { $days ->
    [one] { $days } Arbeitstag
   *[other] { $days } Arbeitstage
}
desk-public-home-more-title = Mehr zu Anfragen
desk-public-home-faq = Häufige Fragen und Antworten
desk-public-home-stats = Statistik: wie viele Anfragen wir wie schnell beantworten
desk-public-home-forgot = Link zu Ihrer Anfrage vergessen?
desk-public-home-privacy = Wie wir mit Ihren Daten umgehen

desk-public-form-title = Anfrage stellen
desk-public-form-lead = Beschreiben Sie Ihr Anliegen möglichst genau. Sie erhalten eine Bestätigung per E-Mail mit Ihrer Vorgangsnummer und einem persönlichen Link.
desk-public-send-again-title = Bitte senden Sie das Formular noch einmal
desk-public-send-again-text = Das Formular war zu lange geöffnet oder wurde sehr schnell abgeschickt. Ihre Eingaben sind erhalten; prüfen Sie sie und senden Sie erneut.
desk-public-file-again = Eine Datei, die Sie ausgewählt hatten, wurde nicht gespeichert. Bitte wählen Sie sie erneut aus.
desk-public-context = Ihre Anfrage bezieht sich auf:
desk-public-sender-type = Sie schreiben als
desk-public-topic = Thema
desk-public-topic-hint = Danach richtet sich, welches Team antwortet.
desk-public-choose = Bitte wählen
desk-public-gemeinde = Gemeinde
desk-public-gemeinde-hint = Freiwillig: wenn sich Ihre Frage auf eine Gemeinde in Sachsen bezieht.
desk-public-gemeinde-none = Keine bestimmte Gemeinde
desk-public-subject = Betreff
desk-public-subject-hint = Ein kurzer Satz, worum es geht (höchstens 200 Zeichen).
desk-public-message = Ihre Nachricht
desk-public-message-hint = Was möchten Sie wissen? Was haben Sie schon versucht? (höchstens 10.000 Zeichen)
desk-public-name = Name
desk-public-name-hint = Freiwillig: so sprechen wir Sie in der Antwort an.
desk-public-email = E-Mail-Adresse
desk-public-email-hint = Dorthin schicken wir die Bestätigung und unsere Antworten.
desk-public-attachment = Anhang
desk-public-attachment-hint = Freiwillig: eine PDF-Datei oder ein Bild (PNG, JPEG), höchstens { $mb } MB.
desk-public-honeypot = Bitte lassen Sie dieses Feld leer. Es dient dem Schutz vor automatisch versandten Nachrichten.
desk-public-consent-hint = Wir verarbeiten Ihre Angaben nur, um Ihre Anfrage zu beantworten, und anonymisieren sie { $months ->
    [one] einen Monat
   *[other] { $months } Monate
} nach dem Abschluss. Mehr dazu:
desk-public-consent = Ich bin einverstanden, dass die Digitalagentur Sachsen meine Angaben zur Bearbeitung dieser Anfrage verarbeitet.
desk-public-send = Anfrage senden

desk-public-error-sender-type = Bitte wählen Sie aus, als wer Sie schreiben.
desk-public-error-topic = Bitte wählen Sie ein Thema.
desk-public-error-gemeinde = Diese Gemeinde kennen wir nicht. Bitte wählen Sie eine aus der Liste.
desk-public-error-consent = Bitte bestätigen Sie, dass wir Ihre Angaben verarbeiten dürfen – sonst können wir nicht antworten.
desk-public-error-attachment-empty = Die gewählte Datei ist leer. Bitte wählen Sie eine andere Datei.
desk-public-error-attachment-size = Die Datei ist größer als { $mb } MB. Bitte verkleinern Sie sie oder senden Sie sie ohne Anhang.
desk-public-error-attachment-type = Diese Datei ist keine PDF-Datei und kein PNG- oder JPEG-Bild. Bitte wählen Sie eine Datei in einem dieser Formate.
desk-public-error-attachment-mismatch = Der Dateiname passt nicht zum Inhalt der Datei (zum Beispiel ein Bild mit der Endung .pdf). Bitte prüfen Sie die Datei.
desk-public-error-attachment-active = Diese PDF-Datei enthält aktive Inhalte (Skripte, eingebettete Dateien, Multimedia oder XFA-Formulare), die wir aus Sicherheitsgründen nicht annehmen. Bitte speichern oder drucken Sie sie als einfache PDF-Datei (zum Beispiel „Als PDF drucken“) und wählen Sie sie erneut.
desk-public-error-reply-conflict = Ihre Anfrage wurde gerade bearbeitet. Bitte senden Sie Ihre Antwort noch einmal.
desk-public-error-reference = Die Vorgangsnummer sieht so aus: DIAS-2026-000123.

desk-public-thanks-title = Vielen Dank
desk-public-thanks-text = Ihre Nachricht ist bei uns eingegangen.
desk-public-back-home = Zur Übersicht „Anfragen“

desk-public-limited-title = Bitte warten Sie etwas
desk-public-limited-text = Von Ihrem Anschluss kamen in der letzten Stunde schon mehrere Nachrichten. Zum Schutz vor Missbrauch nehmen wir erst wieder in { $minutes ->
    [one] einer Minute
   *[other] { $minutes } Minuten
} etwas an.
desk-public-limited-other = Ist es dringend? Die Kontaktdaten der Digitalagentur finden Sie im

desk-public-status-title = Anfrage { $reference }
desk-public-received = Ihre Anfrage { $reference } ist eingegangen.
desk-public-received-save = Speichern Sie diesen Link. Nur über ihn sehen Sie den Stand und können antworten:
desk-public-received-mail = Wir haben Ihnen den Link auch per E-Mail geschickt.
desk-public-status-state = Stand
desk-public-reference = Vorgangsnummer
desk-public-received-at = Eingegangen
desk-public-updated-at = Zuletzt geändert
desk-public-due = Antwort geplant bis
desk-public-your-message = Ihre Nachricht
desk-public-attachments = Anhänge:
desk-public-conversation = Verlauf
desk-public-conversation-empty = Noch keine Antworten. Sobald wir antworten, steht es hier und Sie erhalten eine E-Mail.
desk-public-from-agency = Digitalagentur Sachsen
desk-public-from-you = Sie
desk-public-status-changed = Stand geändert: { $status }
desk-public-status-explain-neu = Ihre Anfrage ist eingegangen und wartet auf das zuständige Team.
desk-public-status-explain-in_bearbeitung = Das Team arbeitet an Ihrer Anfrage.
desk-public-status-explain-rueckfrage = Wir haben Ihnen eine Rückfrage gestellt. Bitte antworten Sie unten, damit wir weitermachen können. Ohne Antwort schließen wir die Anfrage nach 30 Tagen; Sie können sie dann mit einer Antwort über diesen Link wieder öffnen.
desk-public-status-explain-beantwortet = Wir haben Ihre Anfrage beantwortet. Haben Sie noch Fragen, antworten Sie einfach unten. Ohne weitere Nachricht schließen wir die Anfrage nach 30 Tagen; eine Antwort über diesen Link öffnet sie wieder.
desk-public-status-explain-geschlossen = Die Anfrage ist abgeschlossen. Wenn Sie antworten, öffnen wir sie wieder.
desk-public-reply-title = Antworten
desk-public-reply-text = Ihre Antwort geht an das Team, das Ihre Anfrage bearbeitet. Ist die Anfrage beantwortet oder abgeschlossen, öffnen wir sie damit wieder.
desk-public-reply-label = Ihre Antwort
desk-public-reply-hint = Höchstens 10.000 Zeichen.
desk-public-reply-send = Antwort senden
desk-public-size-kb = { $kb } KB
desk-public-size-mb = { $mb } MB
notice-desk-public-replied = Ihre Antwort ist eingegangen.

desk-public-link-title = Link zu Ihrer Anfrage vergessen?
desk-public-link-lead = Geben Sie Ihre Vorgangsnummer und die E-Mail-Adresse an, mit der Sie die Anfrage gestellt haben. Passen beide zusammen, schicken wir Ihnen den Link noch einmal.
desk-public-link-reference-hint = Sie steht in unserer Bestätigung, zum Beispiel DIAS-2026-000123.
desk-public-link-email-hint = Die Adresse, die Sie im Formular angegeben haben.
desk-public-link-send = Link anfordern
desk-public-link-sent = Wenn Vorgangsnummer und E-Mail-Adresse zusammenpassen, haben wir Ihnen den Link soeben geschickt. Bitte sehen Sie auch im Spam-Ordner nach.

desk-public-mail-confirm-subject = Ihre Anfrage { $reference }: { $subject }
desk-public-mail-confirm-body = Guten Tag,

    vielen Dank für Ihre Anfrage an die Digitalagentur Sachsen. Sie ist unter der Vorgangsnummer { $reference } eingegangen.

    Betreff: { $subject }

    Über diesen persönlichen Link sehen Sie jederzeit den Stand, lesen unsere Antworten und können selbst antworten. Bitte geben Sie ihn nicht weiter:

    { $link }

    Wie es weitergeht: Das zuständige Team sieht sich Ihre Anfrage an. Wir antworten in der Regel innerhalb { $days ->
        [one] eines Arbeitstages
       *[other] von { $days } Arbeitstagen
    }, also bis zum { $due }. Jede Antwort schicken wir Ihnen auch per E-Mail.

    Bitte antworten Sie nicht auf diese E-Mail, sondern über Ihren persönlichen Link.

    Ihre Digitalagentur Sachsen
desk-public-mail-link-subject = Ihr Link zur Anfrage { $reference }
desk-public-mail-link-body = Guten Tag,

    Sie haben den Link zu Ihrer Anfrage { $reference } („{ $subject }“) angefordert:

    { $link }

    Wenn Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren.

    Bitte antworten Sie nicht auf diese E-Mail, sondern über Ihren persönlichen Link.

    Ihre Digitalagentur Sachsen
desk-public-mail-staff-subject = Neue Antwort zur Anfrage { $reference }
desk-public-mail-staff-body = Guten Tag,

    zur Anfrage { $reference } („{ $subject }“) hat die anfragende Person geantwortet. Die Anfrage wartet wieder auf das Team:

    { $link }

    Ihr Portal der Digitalagentur Sachsen

desk-public-error-subject = Bitte geben Sie einen Betreff ein.
desk-public-error-message = Bitte schreiben Sie Ihre Nachricht.
desk-public-error-email = Bitte geben Sie Ihre E-Mail-Adresse an.
desk-public-error-reply = Bitte schreiben Sie Ihre Antwort.
desk-public-error-reference-missing = Bitte geben Sie Ihre Vorgangsnummer an.
desk-public-home-ask-topic-rest = Anfrage zu
desk-public-home-ask-topic-end = stellen
desk-public-attachment-too-large = Die gewählte Datei ist größer als { $mb } MB. Bitte verkleinern Sie sie oder senden Sie die Anfrage ohne Anhang.
desk-public-sending = Wird gesendet …
desk-public-honeypot-cleared-title = Bitte prüfen Sie das Formular und senden Sie es noch einmal
desk-public-honeypot-cleared-text = Ein Feld, das leer bleiben muss, war ausgefüllt – vielleicht durch die automatische Vervollständigung Ihres Browsers. Wir haben es geleert; Ihre übrigen Eingaben sind erhalten.
desk-public-limited-form-title = Ihre Anfrage wurde noch nicht gesendet
desk-public-limited-form-text = Zum Schutz vor Missbrauch nehmen wir von einem Anschluss nur wenige Anfragen je Stunde an. Bitte senden Sie sie ab { $time } Uhr erneut. Ihre Eingaben sind erhalten.
desk-public-limited-reply-text = Zum Schutz vor Missbrauch nehmen wir nur wenige Antworten je Stunde an. Bitte senden Sie sie ab { $time } Uhr erneut. Ihr Text ist erhalten.
desk-public-limited-impressum = Impressum
desk-public-limited-other-ways = Andere Wege, uns zu erreichen, finden Sie im
desk-public-sent-as = Gesendet als
desk-public-gone-title = Diese Anfrage finden wir nicht
desk-public-gone-text = Der Link ist unvollständig, falsch kopiert oder gehört zu einer Anfrage, die es nicht mehr gibt.
desk-public-gone-retention = Abgeschlossene Anfragen anonymisieren wir { $months ->
    [one] einen Monat
   *[other] { $months } Monate
} nach dem Abschluss; danach führt ihr Link nirgendwohin mehr.
desk-public-gone-forgot = Link zu Ihrer Anfrage neu anfordern
desk-public-gone-new = Neue Anfrage stellen
desk-public-context-funding = Förderlotse
desk-public-context-funding-search = Förderlotse – Suche „{ $detail }“
desk-public-context-funding-check = Förderlotse – Förder-Check
desk-public-context-funding-offer = Förderlotse – Förderangebot
desk-public-context-broadband = Breitband
desk-public-context-broadband-municipality = Breitband – Gemeinde { $detail }
desk-public-context-network = KI-Netzwerk
desk-public-context-network-profile = KI-Netzwerk – Profil
desk-public-context-accessibility = Barrierefreiheit
desk-public-context-path = { $detail }
desk-public-limited-reply-title = Ihre Antwort wurde noch nicht gesendet
