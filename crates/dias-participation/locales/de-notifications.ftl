# Benachrichtigungen aus der Beteiligung (Überschriften; der Titel steht darunter).
notif-proposal-answered = Neue Stellungnahme zum Vorschlag – Status: { $status }
notif-proposal-comment = { $name } hat Ihren Vorschlag kommentiert
notif-comment-reply = { $name } hat auf Ihren Kommentar geantwortet
notif-suggestion-decided = Entscheidung über den Änderungsvorschlag: { $decision }
notif-version-published = Neue Fassung des Strategietexts veröffentlicht: { $version }
