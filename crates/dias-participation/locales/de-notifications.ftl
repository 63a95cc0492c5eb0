# Benachrichtigungen aus der Beteiligung (Überschriften; der Titel steht darunter).
notif-proposal-answered = Neue Stellungnahme zum Vorschlag – Status: { $status }
notif-proposal-comment = Neuer Kommentar zu Ihrem Vorschlag
notif-comment-reply = Neue Antwort auf Ihren Kommentar
notif-suggestion-decided = Entscheidung über den Änderungsvorschlag: { $decision }
notif-version-published = Neue Fassung des Strategietexts veröffentlicht: { $version }
