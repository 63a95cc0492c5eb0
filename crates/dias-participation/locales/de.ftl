nav-participation = Beteiligung
participation-teaser-title = Beteiligung an der Digitalstrategie
participation-teaser-text = Kommentieren Sie den Entwurf der Digitalstrategie Sachsen, schlagen Sie Änderungen vor und bringen Sie eigene Ideen ein.
participation-title = Beteiligung
participation-lead = Hier arbeiten Bürgerinnen und Bürger, Unternehmen, Kommunen und Verbände an der Digitalpolitik des Freistaats Sachsen mit.
participation-none = Zurzeit gibt es kein veröffentlichtes Beteiligungsverfahren.
search-kind-process = Beteiligungsverfahren
search-kind-paragraph = Strategietext
versions = Fassungen
search-kind-proposal = Vorschlag
current-phase = Aktuelle Phase
no-current-phase = Zurzeit keine aktive Phase
timeline = Ablauf
phase-past = abgeschlossen
phase-current = aktuell
phase-upcoming = demnächst
phase-open-for = In dieser Phase möglich
feature-commenting = Kommentieren
feature-proposals = Vorschläge einreichen
feature-supporting = Unterstützen
feature-suggestions = Änderungsvorschläge
feature-voting = Aussagen bewerten
feature-survey = Umfrage
about-process = Über das Verfahren
organiser = Veranstalter
strategy-text = Strategietext
strategy-text-intro = Lesen Sie den Entwurf Absatz für Absatz, kommentieren Sie ihn und schlagen Sie neue Formulierungen vor.
text-how-to = Zu jedem Absatz können Sie Kommentare lesen und schreiben und Änderungsvorschläge machen. Folgen Sie dazu dem Link unter dem Absatz.
text-none = Der Strategietext ist noch nicht veröffentlicht.
version = Fassung
paragraph = Absatz
paragraph-comments = { $count ->
    [0] Keine Kommentare
    [one] 1 Kommentar
   *[other] { $count } Kommentare
}
paragraph-suggestions = { $count ->
    [0] keine Änderungsvorschläge
    [one] 1 Änderungsvorschlag
   *[other] { $count } Änderungsvorschläge
}
back-to-text = Zurück zum Text
comments-title = Kommentare
comment-category = Art Ihres Kommentars
category-anregung = Anregung
category-frage = Frage
category-kritik = Kritik
category-zustimmung = Zustimmung
comment-body = Ihr Kommentar
comment-submit = Kommentar veröffentlichen
comment-removed = Dieser Beitrag wurde entfernt.
stance = Ihre Haltung
stance-pro = Dafür
stance-contra = Dagegen
stance-neutral = Neutral
login-to-take-part = Melden Sie sich an, um mitzumachen.
suggestions-title = Änderungsvorschläge
suggestion = Änderungsvorschlag
suggestion-diff-label = Änderungen gegenüber dem Text: gestrichene und neue Wörter sind markiert.
diff-removed = gestrichen
diff-added = neu
suggestion-reason = Begründung
suggestion-status-open = offen
suggestion-status-adopted = übernommen
suggestion-status-partly_adopted = teilweise übernommen
suggestion-status-rejected = nicht übernommen
decision = Entscheidung
decision-reason = Begründung der Entscheidung
decision-submit = Entscheidung veröffentlichen
suggest-title = Änderung vorschlagen
suggest-new-text = Neue Formulierung des Absatzes
suggest-new-text-hint = Ändern Sie den vorhandenen Text. Ihre Änderungen werden danach Wort für Wort hervorgehoben.
suggest-submit = Änderungsvorschlag einreichen
support-button = Unterstützen
support-withdraw = Unterstützung zurückziehen
supports = Unterstützungen
supports-count = { $count ->
    [one] 1 Unterstützung
   *[other] { $count } Unterstützungen
}
supports-left = { $count ->
    [0] Sie haben alle Ihre Unterstützungen in diesem Verfahren vergeben.
    [one] Sie können in diesem Verfahren noch einen Vorschlag unterstützen.
   *[other] Sie können in diesem Verfahren noch { $count } Vorschläge unterstützen.
}
qualified = Schwelle erreicht
proposals-title = Vorschläge
proposals-count = { $count ->
    [0] Keine Vorschläge
    [one] 1 Vorschlag
   *[other] { $count } Vorschläge
}
comments-count = { $count ->
    [one] 1 Kommentar
   *[other] { $count } Kommentare
}
proposal-new = Vorschlag einreichen
proposal-title = Titel
proposal-title-hint = Ein kurzer Satz, der Ihre Idee beschreibt (10 bis 150 Zeichen).
proposal-body = Beschreibung
proposal-body-hint = Was soll sich ändern, und warum? Absätze und Listen sind möglich (Markdown).
proposal-submit = Vorschlag einreichen
topic = Handlungsfeld
topic-infrastruktur = Digitale Infrastruktur
topic-verwaltung = Digitale Verwaltung
topic-wirtschaft = Digitale Wirtschaft und Arbeit
topic-bildung = Bildung und digitale Kompetenzen
topic-ki-daten = Künstliche Intelligenz und Daten
topic-sicherheit = Datenschutz und IT-Sicherheit
status = Status
status-submitted = eingereicht
status-in_review = in Prüfung
status-accepted = angenommen
status-partly_accepted = teilweise angenommen
status-rejected = abgelehnt
status-implemented = umgesetzt
place = Ort
place-hint = Betrifft Ihr Vorschlag eine bestimmte Gemeinde? Dann wählen Sie sie aus.
place-none = Ganz Sachsen
place-ags = Gemeindeschlüssel
place-ags-hint = Achtstellig, zum Beispiel 14612000 für Dresden.
please-choose = Bitte wählen
all = Alle
sort = Sortierung
sort-unterstuetzt = Meiste Unterstützungen
sort-neu = Neueste
sort-kommentiert = Meiste Kommentare
sort-zufall = Zufällig
filter-title = Vorschläge filtern
filter-apply = Anwenden
author = Von
answers-title = Stellungnahmen der Digitalagentur
answer-form-title = Stellungnahme veröffentlichen
answer = Stellungnahme
answer-submit = Stellungnahme veröffentlichen
cost = Kosten
cost-eur = Geschätzte Kosten in Euro
cost-hint = Optional, nur ganze Euro.
phase-closed-commenting = In der aktuellen Phase sind keine Kommentare möglich.
phase-closed-proposals = In der aktuellen Phase können keine Vorschläge eingereicht werden.
phase-closed-supporting = In der aktuellen Phase sind keine Unterstützungen möglich.
phase-closed-suggestions = In der aktuellen Phase sind keine Änderungsvorschläge möglich.
phase-closed-voting = In der aktuellen Phase können keine Aussagen bewertet werden.
phase-closed-survey = Die Umfrage ist in der aktuellen Phase nicht geöffnet.
support-limit-reached = Sie haben alle Unterstützungen vergeben, die Ihnen in diesem Verfahren zustehen. Ziehen Sie eine zurück, um diesen Vorschlag zu unterstützen.
proposal-withdrawn = Dieser Vorschlag wurde zurückgezogen.
suggestion-decided = Über diesen Änderungsvorschlag ist bereits entschieden.
error-title-too-short = Der Titel muss mindestens 10 Zeichen lang sein.
error-status-transition = Dieser Statuswechsel ist nicht vorgesehen.
error-number = Bitte geben Sie eine ganze Zahl ein.
error-suggestion-unchanged = Der Vorschlag entspricht dem bisherigen Text. Bitte ändern Sie die Formulierung.
error-text-empty = Der Text enthält keine Absätze.
notice-kommentar-gespeichert = Ihr Kommentar ist veröffentlicht.
notice-aenderung-gespeichert = Ihr Änderungsvorschlag ist eingereicht.
notice-vorschlag-gespeichert = Ihr Vorschlag ist eingereicht.
notice-unterstuetzt = Sie unterstützen diesen Beitrag.
notice-unterstuetzung-zurueckgezogen = Ihre Unterstützung wurde zurückgezogen.
notice-antwort-gespeichert = Die Stellungnahme ist veröffentlicht.
notice-entschieden = Die Entscheidung ist veröffentlicht.
audit-proposal-answered = Stellungnahme zu Vorschlag
audit-suggestion-decided = Entscheidung über Änderungsvorschlag
versions-intro = Welche Fassungen es gibt und was sich zwischen ihnen geändert hat.
version-title = Bezeichnung
version-title-hint = Zum Beispiel „Überarbeitete Fassung“.
version-default-title = Überarbeitete Fassung
version-published = Veröffentlicht
version-new = Neue Fassung veröffentlichen
version-markdown = Text der neuen Fassung (Markdown)
version-markdown-hint = „# “ beginnt ein Kapitel, „## “ einen Abschnitt; Absätze trennt eine Leerzeile. Absätze, die erkennbar gleich bleiben, behalten ihre Kommentare und Links.
version-adopts = Übernommene Änderungsvorschläge
version-adopts-hint = Kreuzen Sie an, welche entschiedenen Vorschläge diese Fassung aufnimmt. Die Beitragenden sehen das bei ihren Beiträgen.
version-publish = Fassung veröffentlichen
compare-versions = Fassungen vergleichen
compare-from = Ältere Fassung
compare-to = Neuere Fassung
compare-button = Vergleichen
changes-heading = Änderungen
changes-count = { $count ->
    [0] Keine geänderten Absätze.
    [one] 1 Absatz geändert, hinzugefügt oder gestrichen.
   *[other] { $count } Absätze geändert, hinzugefügt oder gestrichen.
}
unchanged-count = { $count ->
    [one] 1 Absatz ist unverändert.
   *[other] { $count } Absätze sind unverändert.
}
change-changed = geändert
change-added = neu
change-removed = gestrichen
adopted-heading = In diese Fassung übernommene Änderungsvorschläge
import-problems-intro = Der Text wurde nicht veröffentlicht, weil er Strukturfehler enthält:
line = Zeile
error-import-problems = Der Text hat Strukturfehler; siehe die Liste mit Zeilennummern.
import-paragraph-outside-section = Absatz steht außerhalb eines Abschnitts (es fehlt „## “ davor).
import-section-before-chapter = Abschnitt steht vor dem ersten Kapitel (es fehlt „# “ davor).
import-heading-too-deep = Überschriften tiefer als „## “ sind nicht vorgesehen.
mine-title = Meine Beiträge
mine-lead = Was aus Ihren Vorschlägen und Änderungsvorschlägen geworden ist.
mine-none = Noch keine Beiträge.
trace-no-answer-yet = Noch keine Stellungnahme.
trace-no-decision-yet = Noch nicht entschieden.
trace-adopted-in = Übernommen in { $version }.
notice-fassung-veroeffentlicht = Die neue Fassung ist veröffentlicht.
audit-text-version-published = Fassung veröffentlicht
staff-tools = Für die Redaktion
export-all = Alle Beiträge herunterladen
audit-participation-exported = Beiträge exportiert
notice-wird-geprueft = Danke! Ihr Beitrag wird vor der Veröffentlichung von der Moderation geprüft.
paragraph-outdated = Dieser Absatz gehört zu einer älteren Fassung. Bitte kommentieren Sie die aktuelle Fassung.
comment = Kommentar
comment-deleted = Dieser Kommentar wurde von der Person gelöscht, die ihn geschrieben hat.
comment-edited = bearbeitet
comment-helpful-count = { $count ->
    [0] Noch niemand fand das hilfreich.
    [one] 1 Person fand das hilfreich.
   *[other] { $count } Personen fanden das hilfreich.
}
comment-vote = Hilfreich
comment-unvote = Nicht mehr hilfreich
comment-reply = Antworten
comment-reply-body = Ihre Antwort
comment-reply-submit = Antwort veröffentlichen
comment-edit = Kommentar bearbeiten
comment-edit-hint = Sie können Ihren Kommentar 15 Minuten lang nach dem Schreiben ändern.
comment-delete = Kommentar löschen
comment-delete-confirm = Wollen Sie Ihren Kommentar löschen? An seiner Stelle erscheint ein Hinweis.
comment-vote-own = Eigene Kommentare können Sie nicht als hilfreich markieren.
comment-edit-window-over = Die Zeit zum Bearbeiten ist abgelaufen (15 Minuten nach dem Schreiben).
notice-hilfreich = Sie haben den Kommentar als hilfreich markiert.
notice-hilfreich-zurueck = Ihre Markierung wurde entfernt.
notice-kommentar-geaendert = Ihr Kommentar wurde geändert.
notice-kommentar-geloescht = Ihr Kommentar wurde gelöscht.
