# Newsletter: subscription with confirmation, unsubscribing, archive, editorial.
content-nl-title = Newsletter
content-nl-lead = The newsletter of Digitalagentur Sachsen reports on broadband roll-out, funding programmes, artificial intelligence and the digitalisation of public administration in Saxony. It only arrives when there is news – no advertising, no tracking.
content-nl-archive-link = Read past issues in the archive
content-nl-email = E-mail address
content-nl-email-hint = We first send an e-mail with a confirmation link to this address.
content-nl-topics = Topics
content-nl-topics-hint = Choose the topics you are interested in. If you choose none, you receive every issue. General issues without a topic go to everyone.
content-nl-topics-all = All topics
content-nl-language-hint = You receive the e-mails in the language of this page (German or English); the articles themselves are written in German.
content-nl-honeypot = Please leave this field empty
content-nl-consent = I want to receive the newsletter and agree that Digitalagentur Sachsen stores my e-mail address and my choice of topics for it.
content-nl-consent-hint = If you do not confirm within { $days ->
    [one] one day
   *[other] { $days } days
}, we delete your address. You can unsubscribe at any time through the link in every e-mail; your address is then deleted at once. More:
content-nl-error-consent = Please confirm that you want to receive the newsletter.
content-nl-submit = Subscribe
content-nl-done-title = Please check your inbox.
content-nl-done-text = If the address is not subscribed yet, we have sent an e-mail with a confirmation link. You only receive the newsletter once you open the link and confirm. The link is valid for { $days ->
    [one] one day
   *[other] { $days } days
}.
content-nl-limited-title = Too many subscriptions from your connection
content-nl-limited-text = Please send the form again from { $time } (Berlin time). What you entered has been kept.

content-nl-confirm-title = Confirm your newsletter subscription
content-nl-confirm-lead = Please confirm that { $email } should receive the newsletter of Digitalagentur Sachsen.
content-nl-confirm-topics = Topics: { $topics }
content-nl-confirm-button = Confirm subscription
content-nl-confirmed = Thank you! { $email } now receives the newsletter.
content-nl-confirmed-unsubscribe = Every issue contains a link to unsubscribe.

content-nl-unsubscribe-title = Unsubscribe from the newsletter
content-nl-unsubscribe-lead = If you unsubscribe, we delete { $email } from the list at once and you receive no further issues. Nothing is kept.
content-nl-unsubscribe-button = Unsubscribe
content-nl-unsubscribed = { $email } is unsubscribed and deleted. You will receive no further issues.
content-nl-subscribe-again = Subscribe again
content-nl-change-title = Change your topics instead?
content-nl-change-lead = Instead of unsubscribing, you can choose the topics you receive issues about.
content-nl-change-button = Save topics
content-nl-topics-saved = Your choice of topics has been saved.

content-nl-archive-title = Newsletter archive
content-nl-archive-lead = All issues sent so far, newest first.
content-nl-archive-empty = No issue has been published yet.
content-nl-archive-count = { $count ->
    [one] One issue
   *[other] { $count } issues
}
content-nl-archive-back = Back to the archive
content-nl-subscribe-link = Subscribe to the newsletter
content-nl-sent-on = Sent on { $date }

content-nl-mail-confirm-subject = Please confirm your newsletter subscription
content-nl-mail-confirm-body = Hello,

    you (or someone using your address) subscribed to the newsletter of Digitalagentur Sachsen. Topics: { $topics }.

    Please confirm the subscription through this link:

    { $link }

    The link is valid for { $days ->
        [one] one day
       *[other] { $days } days
    }. Without confirmation you receive no newsletter, and we delete your address afterwards.

    Did not subscribe? Then ignore this e-mail or delete your address right away:

    { $unsubscribe }

    Please do not reply to this e-mail.

    Digitalagentur Sachsen
content-nl-mail-already-subject = Your newsletter subscription
content-nl-mail-already-body = Hello,

    the newsletter of Digitalagentur Sachsen was requested again for your address. You are subscribed already (topics: { $topics }); nothing has changed.

    If you no longer want to receive the newsletter, unsubscribe here:

    { $unsubscribe }

    Please do not reply to this e-mail.

    Digitalagentur Sachsen
content-nl-mail-issue-footer = You receive this newsletter of Digitalagentur Sachsen because you subscribed to it.
    Unsubscribe (your address is deleted at once) or change your topics: { $unsubscribe }

content-nl-send-job = Send newsletter
content-nl-retention-job = Delete unconfirmed newsletter subscriptions

content-nl-staff-title = Newsletter
content-nl-staff-lead = Subscriptions, issues and sending. An issue goes out at no more than { $rate ->
    [one] one e-mail
   *[other] { $rate } e-mails
} per minute.
content-nl-new = New issue
content-nl-counts-title = Subscriptions
content-nl-count-active = Confirmed
content-nl-count-pending = Unconfirmed (deleted after { $days ->
    [one] one day
   *[other] { $days } days
})
content-nl-per-topic = Confirmed subscriptions by topic
content-nl-col-topic = Topic
content-nl-col-subscribers = Subscriptions
content-nl-issues-title = Issues
content-nl-issues-empty = No issue yet.
content-nl-col-status = Status
content-nl-status-draft = Draft
content-nl-status-sending = sending: { $delivered } of { $recipients }
content-nl-status-sent = sent on { $date }
content-nl-progress = Sending progress
content-nl-progress-hint = Sending runs in the background. Reload the page to see the progress.
content-nl-reload = Refresh progress
content-nl-in-archive = View in the archive
content-nl-compose = Write an issue
content-nl-edit = Edit issue
content-nl-field-subject = Subject
content-nl-field-subject-hint = The subject of the e-mail and the title in the archive.
content-nl-field-body = Text
content-nl-field-body-hint = Markdown: ## subheading, **bold**, [link text](/address), images with alternative text: ![what the image shows](/medien/…). The e-mail is plain text: links appear as “text (address)”, the unsubscribe link is added.
content-nl-field-topics = Topics
content-nl-field-topics-hint = Without a topic the issue goes to everyone. With topics it goes to everyone who chose one of them and to everyone without a choice.
content-nl-issue-topics-none = To everyone
content-nl-save = Save draft
content-nl-saved = The draft has been saved.
content-nl-preview = E-mail preview
content-nl-preview-hint = This is how subscribers receive the saved version; every e-mail carries their personal unsubscribe link.
content-nl-preview-subject = Subject:
content-nl-actions = Test and send
content-nl-testmail = Send a test e-mail to me
content-nl-testmail-tag = Test
content-nl-testmail-sent = The test e-mail to { $email } is on its way.
content-nl-send = Send …
content-nl-delete = Delete draft
content-nl-delete-confirm = Delete this draft for good?
content-nl-back = Back to the overview
content-nl-send-title = Send issue
content-nl-send-lead = { $count ->
    [0] This issue would currently go to nobody: there are no matching confirmed subscriptions.
    [one] This issue goes to one confirmed subscription.
   *[other] This issue goes to { $count } confirmed subscriptions.
}
content-nl-send-final = Once sent, the issue can no longer be changed; it appears in the archive as soon as all e-mails have been handed over.
content-nl-send-button = { $count ->
    [one] Send now to 1 subscription
   *[other] Send now to { $count } subscriptions
}
content-nl-cancel = Cancel
content-nl-conflict-title = Not saved
content-nl-conflict-sent = This issue is being sent or has been sent and can no longer be changed. Your text is below so that you can copy it into a new issue.
content-nl-conflict-stale = Someone changed this issue in the meantime. Your text is below; please compare it with the saved version (preview) and save again.
content-nl-conflict-stale-send = The issue was changed after you opened sending. Please check the preview and send again.

content-nl-error-email = Please enter your e-mail address.
content-nl-error-subject = Please enter a subject.
content-nl-error-body = Please enter the text of the issue.
content-nl-confirm-gone = This confirmation link is no longer valid. It has expired or the subscription was deleted. Please subscribe again.
content-nl-unsubscribe-gone = This address is not (or no longer) subscribed. You will not receive any issues.
content-nl-mail-issue-web = Read this issue on the web: { $url }
content-nl-delete-title = Delete draft
content-nl-delete-lead = Do you want to delete the draft “{ $subject }” for good? This cannot be undone.

# Audit log labels (/verwaltung/protokoll)
audit-content-newsletter-create = Newsletter created
audit-content-newsletter-update = Newsletter changed
audit-content-newsletter-delete = Newsletter deleted
audit-content-newsletter-send = Newsletter sent
