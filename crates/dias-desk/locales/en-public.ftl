# Inquiries, public pages: landing page, form, status page, forgotten link.

desk-public-home-title = Ask the digital agency
desk-public-home-lead = Do you have a question about broadband, funding, artificial intelligence or digitalising your administration? Write to us – no account needed. We answer from a single point of contact.
desk-public-home-ask = Send an inquiry
desk-public-home-who-title = Who answers
desk-public-home-who-text = Your inquiry goes to the team of the Digitalagentur Sachsen responsible for its topic. If another team fits better, we pass it on internally – you need not do anything.
desk-public-home-how-title = How it works
desk-public-home-how-ask = You fill in the form. You need no account, just an e-mail address.
desk-public-home-how-link = You get a reference number and a personal link where you can see the progress and reply at any time.
desk-public-home-how-answer = We answer by e-mail and on your status page.
desk-public-home-times-title = How quickly we answer
desk-public-home-times-text = We set ourselves a target time for answers. It counts working days from the day after your inquiry arrives; weekends and Saxon public holidays such as Reformation Day and the Day of Prayer and Repentance do not count.
desk-public-home-times-days = Target time
desk-public-working-days = { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}
desk-public-home-more-title = More about inquiries
desk-public-home-faq = Frequently asked questions
desk-public-home-stats = Statistics: how many inquiries we answer and how fast
desk-public-home-forgot = Forgot the link to your inquiry?
desk-public-home-privacy = How we handle your data

desk-public-form-title = Send an inquiry
desk-public-form-lead = Describe your concern as precisely as you can. You will get a confirmation by e-mail with your reference number and a personal link.
desk-public-send-again-title = Please send the form again
desk-public-send-again-text = The form was open for too long or was sent very quickly. Your input is kept; check it and send it again.
desk-public-file-again = A file you had chosen was not stored. Please choose it again.
desk-public-context = Your inquiry concerns:
desk-public-sender-type = You are writing as
desk-public-topic = Topic
desk-public-topic-hint = It decides which team answers.
desk-public-choose = Please choose
desk-public-gemeinde = Municipality
desk-public-gemeinde-hint = Optional: if your question concerns a municipality in Saxony.
desk-public-gemeinde-none = No particular municipality
desk-public-subject = Subject
desk-public-subject-hint = A short sentence on what it is about (at most 200 characters).
desk-public-message = Your message
desk-public-message-hint = What would you like to know? What have you tried already? (at most 10,000 characters)
desk-public-name = Name
desk-public-name-hint = Optional: how we address you in our answer.
desk-public-email = E-mail address
desk-public-email-hint = We send the confirmation and our answers there.
desk-public-attachment = Attachment
desk-public-attachment-hint = Optional: a PDF file or a picture (PNG, JPEG), at most { $mb } MB.
desk-public-honeypot = Please leave this field empty. It protects against automatically sent messages.
desk-public-consent-hint = We process your details only to answer your inquiry and anonymise them { $months ->
    [one] one month
   *[other] { $months } months
} after it is closed. More:
desk-public-consent = I agree that the Digitalagentur Sachsen processes my details to handle this inquiry.
desk-public-send = Send inquiry

desk-public-error-sender-type = Please choose as whom you are writing.
desk-public-error-topic = Please choose a topic.
desk-public-error-gemeinde = We do not know this municipality. Please choose one from the list.
desk-public-error-consent = Please confirm that we may process your details – otherwise we cannot answer.
desk-public-error-attachment-empty = The chosen file is empty. Please choose another file.
desk-public-error-attachment-size = The file is larger than { $mb } MB. Please make it smaller or send the inquiry without it.
desk-public-error-attachment-type = This file is neither a PDF file nor a PNG or JPEG picture. Please choose a file in one of these formats.
desk-public-error-attachment-mismatch = The file name does not match the file's content (for example a picture ending in .pdf). Please check the file.
desk-public-error-attachment-active = This PDF file contains active content (scripts, embedded files, multimedia or XFA forms), which we do not accept for security reasons. Please save or print it as a plain PDF file (for example “Print to PDF”) and choose it again.
desk-public-error-reply-conflict = Your inquiry was being worked on just now. Please send your reply again.
desk-public-error-reference = A reference number looks like this: DIAS-2026-000123.

desk-public-thanks-title = Thank you
desk-public-thanks-text = We have received your message.
desk-public-back-home = Back to “Inquiries”

desk-public-limited-title = Please wait a little
desk-public-limited-text = Several messages already came from your connection in the last hour. To prevent abuse we accept new ones again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
desk-public-limited-other = Is it urgent? You can find the agency's contact details in the

desk-public-status-title = Inquiry { $reference }
desk-public-received = Your inquiry { $reference } has been received.
desk-public-received-save = Save this link. Only with it can you see the progress and reply:
desk-public-received-mail = We have also sent you the link by e-mail.
desk-public-status-state = Progress
desk-public-reference = Reference number
desk-public-received-at = Received
desk-public-updated-at = Last changed
desk-public-due = Answer planned by
desk-public-your-message = Your message
desk-public-attachments = Attachments:
desk-public-conversation = Conversation
desk-public-conversation-empty = No answers yet. As soon as we answer, it appears here and you get an e-mail.
desk-public-from-agency = Digitalagentur Sachsen
desk-public-from-you = You
desk-public-status-changed = Progress changed: { $status }
desk-public-status-explain-neu = Your inquiry has arrived and waits for the responsible team.
desk-public-status-explain-in_bearbeitung = The team is working on your inquiry.
desk-public-status-explain-rueckfrage = We have asked you a question. Please answer below so that we can continue. Without an answer we close the inquiry after 30 days; you can open it again by replying through this link.
desk-public-status-explain-beantwortet = We have answered your inquiry. If you have further questions, just reply below. Without a further message we close the inquiry after 30 days; a reply through this link opens it again.
desk-public-status-explain-geschlossen = The inquiry is closed. If you reply, we open it again.
desk-public-reply-title = Reply
desk-public-reply-text = Your reply goes to the team handling your inquiry. If the inquiry is answered or closed, your reply opens it again.
desk-public-reply-label = Your reply
desk-public-reply-hint = At most 10,000 characters.
desk-public-reply-send = Send reply
desk-public-size-kb = { $kb } KB
desk-public-size-mb = { $mb } MB
notice-desk-public-replied = Your reply has been received.

desk-public-link-title = Forgot the link to your inquiry?
desk-public-link-lead = Enter your reference number and the e-mail address you sent the inquiry with. If both belong together, we send you the link again.
desk-public-link-reference-hint = It is in our confirmation, for example DIAS-2026-000123.
desk-public-link-email-hint = The address you gave in the form.
desk-public-link-send = Request link
desk-public-link-sent = If the reference number and e-mail address belong together, we have just sent you the link. Please check your spam folder too.

desk-public-mail-confirm-subject = Your inquiry { $reference }: { $subject }
desk-public-mail-confirm-body = Hello,

    Thank you for your inquiry to the Digitalagentur Sachsen. It has been received under the reference number { $reference }.

    Subject: { $subject }

    With this personal link you can see the progress at any time, read our answers and reply yourself. Please do not pass it on:

    { $link }

    What happens next: the responsible team looks at your inquiry. We usually answer within { $days ->
        [one] one working day
       *[other] { $days } working days
    }, that is by { $due }. We also send you every answer by e-mail.

    Please do not reply to this e-mail; use your personal link instead.

    Kind regards,
    Digitalagentur Sachsen
desk-public-mail-link-subject = Your link to inquiry { $reference }
desk-public-mail-link-body = Hello,

    You asked for the link to your inquiry { $reference } (“{ $subject }”):

    { $link }

    If you did not ask for it, you can ignore this e-mail.

    Please do not reply to this e-mail; use your personal link instead.

    Kind regards,
    Digitalagentur Sachsen
desk-public-mail-staff-subject = New reply to inquiry { $reference }
desk-public-mail-staff-body = Hello,

    The sender of inquiry { $reference } (“{ $subject }”) has replied. The inquiry waits for the team again:

    { $link }

    Kind regards,
    the portal of the Digitalagentur Sachsen

desk-public-error-subject = Please enter a subject.
desk-public-error-message = Please write your message.
desk-public-error-email = Please enter your e-mail address.
desk-public-error-reply = Please write your reply.
desk-public-error-reference-missing = Please enter your reference number.
desk-public-home-ask-topic-rest = Send an inquiry about
desk-public-home-ask-topic-end = {""}
desk-public-attachment-too-large = The chosen file is larger than { $mb } MB. Please make it smaller or send the inquiry without an attachment.
desk-public-sending = Sending …
desk-public-honeypot-cleared-title = Please check the form and send it again
desk-public-honeypot-cleared-text = A field that must stay empty was filled in – perhaps by your browser's autofill. We have emptied it; the rest of your input is kept.
desk-public-limited-form-title = Your inquiry has not been sent yet
desk-public-limited-form-text = To prevent abuse we accept only a few inquiries per hour from one connection. Please send it again from { $time }. Your input is kept.
desk-public-limited-reply-text = To prevent abuse we accept only a few replies per hour. Please send it again from { $time }. Your text is kept.
desk-public-limited-impressum = legal notice
desk-public-limited-other-ways = You can find other ways to reach us in the
desk-public-sent-as = Sent as
desk-public-gone-title = We cannot find this inquiry
desk-public-gone-text = The link is incomplete, was copied wrongly or belongs to an inquiry that no longer exists.
desk-public-gone-retention = We anonymise closed inquiries { $months ->
    [one] one month
   *[other] { $months } months
} after they are closed; after that their link leads nowhere.
desk-public-gone-forgot = Request the link to your inquiry again
desk-public-gone-new = Send a new inquiry
desk-public-context-funding = Funding guide
desk-public-context-funding-search = Funding guide – search “{ $detail }”
desk-public-context-funding-check = Funding guide – funding check
desk-public-context-funding-offer = Funding guide – funding offer
desk-public-context-broadband = Broadband
desk-public-context-broadband-municipality = Broadband – municipality { $detail }
desk-public-context-network = AI network
desk-public-context-network-profile = AI network – profile
desk-public-context-accessibility = Accessibility
desk-public-context-path = { $detail }
desk-public-limited-reply-title = Your reply has not been sent yet
