# Moderation (participation): reports, queue, log.

## Reporting
report-open = Report
report-title = Report a contribution
report-reason = Why are you reporting this contribution?
report-note = Note (optional)
report-note-hint = What should the moderators know? At most 1,000 characters. Please fill in for “Other”.
report-submit = Send report
report-back = Back to the contribution
notice-gemeldet = Thank you, the moderators have received your report.

## Kinds of contributions
moderation-kind-comment = Comment
moderation-kind-proposal = Proposal
moderation-kind-suggestion = Change suggestion

## Queue
moderation-queue-link = Moderation of this process
moderation-title = Moderation
moderation-global-title = Moderation of all processes
moderation-lead = Reported contributions and contributions awaiting approval. Hidden comments remain in their discussion as the note “This contribution has been removed.”
moderation-reported = Reported contributions
moderation-reported-none = There are no open reports at the moment.
moderation-reported-caption = Reported contributions, newest report first
moderation-pending = Awaiting approval
moderation-pending-none = No contribution is awaiting approval at the moment.
moderation-pending-more = More contributions are waiting; they appear here once these are dealt with.
moderation-pending-caption = Contributions that need approval before publication, oldest first
moderation-col-content = Contribution
moderation-col-process = Process
moderation-col-author = Written by
moderation-col-reports = Reports
moderation-col-state = State
moderation-col-actions = Actions
moderation-col-created = Submitted on
moderation-author-blocked = blocked
moderation-last-report = Latest report
moderation-state-hidden = hidden
moderation-state-visible = visible
moderation-approve = Approve
moderation-restore = Restore
moderation-hide = Hide
moderation-confirm-hide = Confirm hiding
moderation-reject = Do not approve
moderation-dismiss = Dismiss reports
moderation-block = Block author
moderation-block-reason = Reason for blocking
moderation-block-reason-hint = The reason is kept in the log; at most 500 characters.
moderation-block-submit = Block account
moderation-not-hidden = This contribution is not hidden.
moderation-no-open-reports = There are no open reports on this contribution.
moderation-not-pending = This contribution is not awaiting approval.
moderation-cannot-block-staff = Accounts of moderators and editorial staff cannot be blocked here.
moderation-already-blocked = This account is already blocked.
notice-beitrag-verborgen = The contribution is hidden.
notice-beitrag-wiederhergestellt = The contribution is visible again.
notice-meldungen-verworfen = The reports are dismissed; the contribution stays visible.
notice-beitrag-freigegeben = The contribution is approved.
notice-autor-gesperrt = The account is blocked.

## Log
moderation-log-title = Moderation log
moderation-back-to-queue = Back to moderation
moderation-log-none = There have been no moderation actions yet.
moderation-log-caption = { $count ->
    [one] 1 entry, newest first
   *[other] { $count } entries, newest first
}
moderation-log-at = Time
moderation-log-moderator = By
moderation-log-action = Action
moderation-log-user = Blocked account
moderation-log-reason = Reason
moderation-log-system = System
moderation-log-automatic = Hidden automatically after several reports
moderation-action-hide = hidden
moderation-action-restore = restored
moderation-action-dismiss = reports dismissed
moderation-action-block = author blocked
moderation-action-approve = approved

## Admin audit log
audit-moderation-hide = Contribution hidden (moderation)
audit-moderation-restore = Contribution restored (moderation)
audit-moderation-dismiss = Reports dismissed (moderation)
audit-moderation-block = Author blocked (moderation)
audit-moderation-approve = Contribution approved (moderation)
