## Inquiries: the staff side (queues, case, answer templates, teams).

desk-staff-title = Work on inquiries
desk-staff-entry = Work on inquiries (staff)
desk-staff-nav-label = Sections of inquiry work
desk-staff-nav-queues = Inquiries
desk-staff-nav-templates = Answer templates
desk-staff-nav-teams = Teams and topics
desk-staff-nav-faq = Frequently asked questions

desk-staff-queues = Views
desk-staff-queue-count = inquiries not closed
desk-staff-queue-mine = My inquiries
desk-staff-queue-my-teams = My teams
desk-staff-queue-unassigned = Unassigned
desk-staff-queue-overdue = Overdue
desk-staff-queue-all = All
desk-staff-queue-team-gone = Team no longer exists
desk-staff-filter = Narrow the list
desk-staff-filter-status = Status
desk-staff-filter-status-open = Open (not closed)
desk-staff-filter-status-any = Any status
desk-staff-filter-topic = Topic
desk-staff-filter-topic-any = All topics
desk-staff-filter-apply = Show
desk-staff-filter-reset = Reset filters
desk-staff-total = { $count ->
    [one] 1 inquiry
   *[other] { $count } inquiries
}
desk-staff-empty = There are no inquiries in this view.
desk-staff-col-inquiry = Inquiry
desk-staff-col-sender = Person asking
desk-staff-col-topic = Topic
desk-staff-col-status = Status
desk-staff-col-assignee = Assigned to
desk-staff-col-due = Due
desk-staff-received = received { $date }
desk-staff-unassigned = Unassigned
desk-staff-overdue-since = overdue since { $date } ({ $days ->
    [0] today
    [one] 1 working day
   *[other] { $days } working days
})
desk-staff-due-on = due on { $date }
desk-staff-no-due = no due date
desk-staff-overdue-explained = An inquiry is overdue when the target time of its topic has passed and the answer is still up to us. Working days are counted, without weekends and Saxon public holidays; while we wait for the person asking, the time does not run.

desk-staff-team = Team
desk-staff-no-team = No team
desk-staff-received-label = Received
desk-staff-first-answer = First answer
desk-staff-closed-at = Closed on
desk-staff-publish-faq = Publish as a frequently asked question
desk-staff-sender-heading = Person asking and request
desk-staff-sender-name = Name
desk-staff-sender-email = E-mail address
desk-staff-sender-type = Asking as
desk-staff-municipality = Municipality
desk-staff-message = Message
desk-staff-attachments = Attachments
desk-staff-size-kb = { $count } KB
desk-staff-size-mb = { $size } MB
desk-staff-links = Links
desk-staff-links-none = This inquiry is not linked to any page of the portal.
desk-staff-link-remove = Remove
desk-staff-link-remove-named = Remove link { $path }
desk-staff-link-remove-confirm = Really remove this link?
desk-staff-link-add-title = Add a link
desk-staff-link-path = Path on the portal
desk-staff-link-path-hint = For example /foerderung/angebote/digi-z or /breitband/gemeinden/14521010 – only pages of this portal.
desk-staff-link-label = Label
desk-staff-link-label-hint = Optional, at most 200 characters.
desk-staff-link-add = Add link

desk-staff-work = Handling
desk-staff-assign-title = Assign
desk-staff-assign-team = Team of this inquiry
desk-staff-assign-others = Other staff
desk-staff-assign = Save assignment
desk-staff-assign-me = Assign to me
desk-staff-status-title = Change status
desk-staff-status-new = New status
desk-staff-choose = Please choose
desk-staff-status-hint = Currently: { $status }. Closed inquiries can only be taken back into progress.
desk-staff-status-change = Change status
desk-staff-topic-title = Change topic
desk-staff-topic-hint = The inquiry goes to the new topic's team; the due date is recalculated from its target time.
desk-staff-topic-change = Change topic

desk-staff-reply-title = Reply
desk-staff-reply-lead = The reply is e-mailed to the person asking and shown on their status page.
desk-staff-template-insert-title = Insert an answer template
desk-staff-template-choose = Answer template
desk-staff-template-choose-hint = The text is put into the reply field, where you can adapt it. Text already written there is replaced.
desk-staff-template-insert = Insert
desk-staff-template-general = { $title } (all topics)
desk-staff-reply-text = Reply
desk-staff-reply-hint = Visible to the person asking. You can format paragraphs, lists and links with Markdown (for example “- ” for a bullet list).
desk-staff-reply-kind = Kind of reply
desk-staff-reply-kind-answer = Answer – status “Answered”
desk-staff-reply-kind-question = Question to the person asking – status “Waiting for the person asking”
desk-staff-reply-send = Send reply
desk-staff-note-title = Internal note
desk-staff-note-text = Note
desk-staff-note-hint = Visible to staff only; never sent to the person asking.
desk-staff-internal-badge = internal – not visible to the person asking
desk-staff-jump-label = On this page
desk-staff-note-add = Save note

desk-staff-history = History
desk-staff-internal = internal
desk-staff-sender = Person asking
desk-staff-status-label-rueckfrage = Waiting for the person asking
desk-staff-system = System
desk-staff-someone = Former account
desk-staff-event-created = Inquiry received
desk-staff-event-status = Status: { $from } → { $to }
desk-staff-event-assigned = Assigned to { $name }
desk-staff-event-unassigned = Assignment removed
desk-staff-event-topic = Topic: { $from } → { $to }
desk-staff-event-note = Internal note
desk-staff-event-reply = Reply to the person asking
desk-staff-event-question = Question to the person asking
desk-staff-event-sender-reply = Message from the person asking
desk-staff-event-link = Link added: { $path }
desk-staff-event-unlink = Link removed: { $path }
desk-staff-event-faq = Published as a frequently asked question
desk-staff-event-anonymized = Personal data anonymised

desk-staff-error-text-missing = Please enter a text.
desk-staff-error-reply-missing = Please enter the text of the reply.
desk-staff-error-note-missing = Please enter the text of the internal note.
desk-staff-error-text-long = The text is too long (at most 20,000 characters).
desk-staff-error-link-path = Please enter a path on this portal starting with “/”.
desk-staff-error-link-label = The label is too long (at most 200 characters).
desk-staff-error-link-gone = This link no longer exists.
desk-staff-error-assignee = Please choose a staff or administrator account.
desk-staff-error-same-assignee = The inquiry is already assigned this way.
desk-staff-error-status = This status is not possible from here.
desk-staff-error-status-missing = Please choose the new status.
desk-staff-error-topic = Please choose a topic.
desk-staff-error-same-topic = The inquiry already has this topic.
desk-staff-error-anonymized = The inquiry is anonymised and can no longer be changed.

desk-staff-conflict-title = Changed in the meantime — please check the current state and send again
desk-staff-conflict-text = Someone else changed the inquiry after you opened the page. Your change has not been saved yet. Below you see the current state and history; your text is still in the form.

desk-staff-mail-greeting = Hello,
desk-staff-mail-greeting-named = Hello { $name },
desk-staff-mail-reply-subject = Reply to your inquiry { $reference }: { $subject }
desk-staff-mail-reply-body = { $greeting }

    The Digitalagentur Sachsen (Saxony's digital agency) has replied to your inquiry { $reference } (“{ $subject }”):

    { $reply }

    Please do not reply to this e-mail; answer through your personal link instead. It also shows the history:

    { $link }

    Kind regards
    Digitalagentur Sachsen (Saxony's digital agency)
desk-staff-mail-question-subject = Question about your inquiry { $reference }: { $subject }
desk-staff-mail-question-body = { $greeting }

    We have a question about your inquiry { $reference } (“{ $subject }”):

    { $reply }

    Please do not reply to this e-mail; answer through your personal link instead:

    { $link }

    Kind regards
    Digitalagentur Sachsen (Saxony's digital agency)

desk-staff-templates-lead = Prepared answers for recurring questions. When replying to an inquiry, the templates of its topic and those for all topics are offered.
desk-staff-template-new = New answer template
desk-staff-templates-none = There are no answer templates yet.
desk-staff-template-title = Title
desk-staff-template-title-hint = How you recognise the template in the list, at most 200 characters.
desk-staff-template-topic-hint = For which topic the template is offered.
desk-staff-template-all-topics = All topics
desk-staff-template-text = Text
desk-staff-template-text-hint = The text put into the reply.
desk-staff-template-save = Save
desk-staff-template-new-title = New answer template
desk-staff-template-edit-title = Edit answer template
desk-staff-template-delete = Delete
desk-staff-template-delete-named = Delete answer template “{ $title }”
desk-staff-template-delete-confirm = Really delete this answer template?
desk-staff-template-error-title-missing = Please enter the title of the answer template.
desk-staff-template-error-title-long = The title is too long (at most 200 characters).
desk-staff-template-error-topic = Please choose a topic from the list.
desk-staff-template-error-body-missing = Please enter the text of the answer template.
desk-staff-template-error-body-long = The text is too long (at most 20,000 characters).
desk-staff-actions = Actions
desk-staff-cancel = Cancel
desk-staff-remove = Remove

desk-staff-teams-lead = Each topic is answered by one team. The target time in working days (without weekends and Saxon public holidays) decides when an inquiry is overdue.
desk-staff-teams-readonly = Teams and topics are set by the administrators.
desk-staff-topics-title = Topics
desk-staff-topics-table = Topics with team and target time
desk-staff-topic-days = Target time in working days
desk-staff-topic-days-hint = Between 1 and 60 working days.
desk-staff-topics-save = Save topics
desk-staff-topic-error-team = Please choose an existing team.
desk-staff-topic-error-days = Please enter a whole number between 1 and 60.
desk-staff-teams-title = Teams
desk-staff-teams-none = There are no teams yet.
desk-staff-team-no-members = This team has no members yet.
desk-staff-team-member-remove-named = Remove { $name } from team { $team }
desk-staff-team-member-add-label = Member for { $team }
desk-staff-team-member-add = Add member
desk-staff-team-rename-label = New name for { $team }
desk-staff-team-rename = Rename
desk-staff-team-delete = Delete team
desk-staff-team-delete-named = Delete team { $team }
desk-staff-team-delete-confirm = Really delete this team? Its topics will then have no team.
desk-staff-team-create-title = New team
desk-staff-team-name = Team name
desk-staff-team-name-hint = At most 120 characters.
desk-staff-team-create = Create team
desk-staff-team-error-name-missing = Please enter the name of the team.
desk-staff-team-error-name-long = The name is too long (at most 120 characters).
desk-staff-team-error-name-taken = A team with this name already exists.
desk-staff-team-error-account = Please choose a staff or administrator account.

notice-desk-staff-assigned = The assignment is saved.
notice-desk-staff-status-changed = The status is changed.
notice-desk-staff-topic-changed = The topic is changed; the inquiry is now with the responsible team.
notice-desk-staff-note-added = The internal note is saved.
notice-desk-staff-reply-sent = The reply is sent.
notice-desk-staff-question-sent = Your question has been sent to the person asking.
notice-desk-staff-link-added = The link is added.
notice-desk-staff-link-removed = The link is removed.
notice-desk-staff-template-created = The answer template is created.
notice-desk-staff-template-saved = The answer template is saved.
notice-desk-staff-template-deleted = The answer template is deleted.
notice-desk-staff-team-created = The team is created.
notice-desk-staff-team-renamed = The team is renamed.
notice-desk-staff-team-deleted = The team is deleted.
notice-desk-staff-team-member-added = The member is added.
notice-desk-staff-team-member-removed = The member is removed.
notice-desk-staff-topics-saved = The topics are saved.

# Audit log labels (/verwaltung/protokoll)
audit-desk-inquiry-assigned = Inquiry assigned
audit-desk-inquiry-replied = Inquiry answered
audit-desk-inquiry-status = Inquiry status changed
audit-desk-inquiry-topic = Inquiry topic changed
audit-desk-team-created = Team created
audit-desk-team-renamed = Team renamed
audit-desk-team-deleted = Team deleted
audit-desk-team-member-added = Team member added
audit-desk-team-member-removed = Team member removed
audit-desk-topic-configured = Topic configured
