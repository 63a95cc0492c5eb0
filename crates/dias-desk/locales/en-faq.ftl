desk-faq-title = Frequently asked questions
desk-faq-lead = The digital agency's answers to questions we are often asked. Your question is not here? Write to us.
desk-faq-filter-label = Filter frequently asked questions by topic
desk-faq-filter-topic = Topic
desk-faq-filter-all = All topics
desk-faq-filter-apply = Show
desk-faq-count = { $count ->
    [one] One question
   *[other] { $count } questions
}
desk-faq-empty = There are no published questions on this topic yet.
desk-faq-ask = Ask a question
desk-faq-answer = Answer
desk-faq-updated = Last updated:
desk-faq-back = All frequently asked questions
desk-faq-search-kind = Frequently asked question

desk-faq-new-title = Publish as a frequently asked question
desk-faq-edit-title = Edit frequently asked question
desk-faq-from-inquiry = From inquiry { $reference }.
desk-faq-to-inquiry = To the inquiry
desk-faq-review-hint = Names, e-mail addresses, phone numbers and personal links have been replaced by “[…]” in advance. Check the whole text: phrase the question in general terms and remove everything that points to the person who asked or to their case.
desk-faq-field-topic = Topic
desk-faq-field-topic-choose = Please choose
desk-faq-field-question = Question
desk-faq-field-question-hint = The first line is the question's heading; further paragraphs explain it. At most 300 characters.
desk-faq-field-answer = Answer
desk-faq-field-answer-hint = Markdown is possible, such as **bold**, lists and links.
desk-faq-field-position = Order
desk-faq-field-position-hint = Smaller numbers come first within the topic (0 to 9999).
desk-faq-field-published = Show publicly
desk-faq-field-confirmed = I have removed personal data
desk-faq-create = Save question
desk-faq-save = Save changes

desk-faq-error-topic = Please choose a topic.
desk-faq-error-question = Please enter the question.
desk-faq-error-question-long = The question may be at most 300 characters long.
desk-faq-error-answer = Please enter the answer.
desk-faq-error-answer-long = The answer may be at most 20,000 characters long.
desk-faq-error-position = Please enter a whole number from 0 to 9999 for the order.
desk-faq-error-confirmed = Please confirm that you have removed personal data.

desk-faq-staff-title = Manage frequently asked questions
desk-faq-staff-lead = All entries, including unpublished ones. New entries are made from answered inquiries.
desk-faq-staff-public = View the public page
desk-faq-staff-empty = No entries yet. Publish an answered inquiry as a frequently asked question.
desk-faq-col-question = Question
desk-faq-col-status = Status
desk-faq-col-actions = Actions
desk-faq-status-published = Published
desk-faq-status-draft = Not published
desk-faq-action-edit = Edit
desk-faq-action-publish = Publish
desk-faq-action-withdraw = Withdraw
desk-faq-action-delete = Delete
desk-faq-delete-confirm = Really delete this frequently asked question?

notice-desk-faq-created = The question has been saved.
notice-desk-faq-saved = Your changes have been saved.
notice-desk-faq-published = The question is now published.
notice-desk-faq-withdrawn = The question is no longer public.
notice-desk-faq-deleted = The question has been deleted.

# Audit log labels (/verwaltung/protokoll)
audit-desk-faq-create = FAQ entry created
audit-desk-faq-update = FAQ entry changed
audit-desk-faq-delete = FAQ entry deleted
audit-desk-faq-publish = FAQ entry published
audit-desk-faq-withdraw = FAQ entry withdrawn
