# Notifications from participation (headlines; the title follows below).
notif-proposal-answered = New official answer to the proposal – status: { $status }
notif-proposal-comment = New comment on your proposal
notif-comment-reply = New reply to your comment
notif-suggestion-decided = Decision on the change suggestion: { $decision }
notif-version-published = New version of the strategy text published: { $version }
