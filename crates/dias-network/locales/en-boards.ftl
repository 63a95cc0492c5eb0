# KI-Netzwerk: exchange (boards, threads, replies)
network-boards-title = Exchange
network-boards-card = Boards on AI in production, research, funding and law: ask questions, share experience.
network-boards-lead = In the boards of the KI-Netzwerk, companies, research, administration and anyone interested exchange views. Everyone can read; sign in to write.
network-boards-none = There are no boards yet.
network-search-kind-thread = Thread in the KI-Netzwerk exchange

network-board-new = Create a board
network-board-create = Create board
network-board-threads-count = { $count ->
    [one] 1 thread
   *[other] { $count } threads
}
network-board-replies-count = { $count ->
    [one] 1 reply
   *[other] { $count } replies
}
network-board-last-activity = Latest activity
network-board-threads = Threads
network-board-threads-none = This board has no threads yet. Start the first one!
network-board-threads-caption = Threads of this board, most recently active first
network-board-col-thread = Thread
network-board-col-replies = Replies
network-board-sign-in = Sign in to take part.
network-board-follow-board = Follow board
network-board-unfollow-board = Unfollow board
network-board-follow-thread = Follow thread
network-board-unfollow-thread = Unfollow thread

network-board-field-title = Board title
network-board-field-description = Description
network-board-field-description-hint = One or two sentences: what is discussed here?
network-board-field-slug = Address (short name)
network-board-field-slug-hint = Lower-case letters, digits and hyphens. Leave empty to derive it from the title.
network-board-field-position = Order
network-board-field-position-hint = Boards with a smaller number come first (0 to 10000).
network-board-error-slug = The address may only contain lower-case letters, digits and hyphens and must not be a reserved address.
network-board-error-slug-taken = Another board already has this address.
network-board-error-position = Enter a whole number from 0 to 10000.

network-board-thread-new = Start a thread
network-board-thread-new-lead = Your thread appears in the board “{ $board }”. Its followers are notified; you follow your thread automatically.
network-board-field-thread-title = Title
network-board-field-thread-title-hint = A short question or headline, at most 200 characters.
network-board-field-body = Text
network-board-field-body-hint = You can use Markdown, e.g. **bold**, *italic*, lists and links.
network-board-thread-submit = Start thread
network-board-thread-removed = Thread hidden
network-board-removed-note = This thread was hidden by moderation.
network-board-hidden = Hidden
network-board-hidden-note = Only moderators see this content.

network-board-reply-title = Reply
network-board-reply-submit = Send reply
network-board-reply-closed = Replies to this thread are no longer possible.
network-board-replies-none = No replies yet.
network-board-field-reply = Your reply
network-board-answer = Reply to this
network-board-answering = You are replying to { $author }:
network-board-answering-cancel = Reply without reference
network-board-in-reply-to = Reply to #{ $id }
network-board-edited = edited
network-board-reply-edit = Edit reply
network-board-edit-hint = You can change your reply for 15 minutes after writing it.
network-board-delete = Delete reply
network-board-delete-confirm = Really delete this reply?
network-board-reply-deleted = This reply was deleted by its author.
network-board-reply-removed = This reply was hidden by moderation.
network-board-back-to-thread = Back to the thread
network-board-error-thread-hidden = This thread is hidden; replies are not possible.
network-board-error-edit-window = A reply can only be changed within its first 15 minutes.

network-board-kind-thread = Thread
network-board-kind-reply = Reply
network-board-report = Report
network-board-report-title = Report content
network-board-report-reason = Reason for the report
network-board-report-note = Note
network-board-report-note-hint = Optional; for “Other” please explain briefly (at most 1000 characters).
network-board-report-submit = Send report

network-board-moderation-title = Exchange moderation
network-board-moderation-lead = Reported threads and replies, newest report first. With three open reports, content is hidden automatically until you decide.
network-board-reported = Reported content
network-board-reported-none = No open reports.
network-board-reported-caption = Content with open reports
network-board-col-content = Content
network-board-col-author = Written by
network-board-col-reports = Reports
network-board-col-state = State
network-board-col-actions = Actions
network-board-col-when = When
network-board-col-moderator = By
network-board-col-action = Action
network-board-col-reason = Reason
network-board-last-report = Latest report
network-board-visible = Visible
network-board-hide = Hide
network-board-confirm-hide = Keep hidden
network-board-restore = Restore
network-board-dismiss = Dismiss reports
network-board-log-title = Log
network-board-log-none = No moderation actions yet.
network-board-log-caption = The latest moderation actions, newest first
network-board-log-system = System (automatic)
network-board-action-hide = hidden
network-board-action-restore = restored
network-board-action-dismiss = reports dismissed
network-board-error-not-hidden = This content is not hidden.
network-board-error-no-reports = There are no open reports for this content.

notif-network-board-thread = New thread in the board “{ $board }”
notif-network-board-reply = New reply in the thread

notice-austausch-forum-angelegt = The board has been created.
notice-austausch-thema-eroeffnet = Your thread has been started.
notice-austausch-antwort-gespeichert = Your reply is published.
notice-austausch-antwort-geaendert = Your reply has been changed.
notice-austausch-antwort-geloescht = Your reply has been deleted.
notice-austausch-gefolgt = You are following now and will be notified of news.
notice-austausch-entfolgt = You are no longer following.
notice-austausch-gemeldet = Thank you for your report. The moderators will look at it.
notice-austausch-verborgen = The content is hidden.
notice-austausch-wiederhergestellt = The content is visible again.
notice-austausch-verworfen = The reports have been dismissed.

# Audit log labels (/verwaltung/protokoll)
audit-network-board-created = Board created
audit-network-board-moderation-hide = Board post hidden (moderation)
audit-network-board-moderation-restore = Board post restored (moderation)
audit-network-board-moderation-dismiss = Reports dismissed (board)
audit-network-board-moderation-approve = Board post approved (moderation)
audit-network-board-moderation-block = Author blocked (board)
