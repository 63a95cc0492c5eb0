# Editorial office: overview and contacts (ids content-ed-*, content-contact-*).

## Overview /redaktion
content-ed-title = Editorial office
content-ed-lead = Keep the agency's pages, news, publications, media, contacts and newsletter up to date.
content-ed-nav-label = Editorial office
content-ed-nav-overview = Overview
content-ed-section-pages = Pages
content-ed-section-news = News
content-ed-section-publications = Publications
content-ed-section-media = Media
content-ed-section-contacts = Contacts
content-ed-section-newsletter = Newsletter
content-ed-count-total = in total
content-ed-count-live = Published
content-ed-count-scheduled = Scheduled
content-ed-count-drafts = Drafts
content-ed-count-shown = Shown
content-ed-count-hidden = Hidden
content-ed-count-sent = Sent
content-ed-count-sending = Sending
content-ed-count-issue-drafts = Drafts
content-ed-count-subscribers = Confirmed subscriptions
content-ed-scheduled-title = Scheduled publications
content-ed-scheduled-empty = Nothing is scheduled for later publication at the moment.
content-ed-drafts-title = Drafts
content-ed-drafts-empty = There are no drafts.
content-ed-col-title = Title
content-ed-col-kind = Kind
content-ed-col-publish-at = Goes live on
content-ed-col-updated = Last changed
content-ed-kind-page = Page
content-ed-kind-news = News article
content-ed-kind-publication = Publication

## Contacts, public /ansprechpartner
content-contact-public-title = Contacts
content-contact-public-lead = Your contacts at the Digitalagentur Sachsen – by topic, with office hours.
content-contact-public-topics = Topics
content-contact-public-empty = No contacts have been entered yet.
content-contact-email = Email
content-contact-phone = Phone
content-contact-office-hours = Office hours
content-contact-inquiry = Send an inquiry about { $topic }
content-contact-box-title = Your contacts
content-contact-box-all = All contacts of the agency

## Contacts, editorial /redaktion/ansprechpartner
content-contact-staff-title = Contacts
content-contact-staff-lead = Teams and contact points per topic. Shown entries appear on the page “Contacts” and on the pages of the matching areas.
content-contact-staff-public = View the public page
content-contact-staff-empty = No contacts have been entered yet.
content-contact-count = { $count ->
    [one] One entry
   *[other] { $count } entries
}
content-contact-new-title = Add a contact
content-contact-edit-title = Edit contact
content-contact-col-reach = How to reach
content-contact-col-status = Status
content-contact-col-actions = Actions
content-contact-status-published = Shown
content-contact-status-hidden = Hidden
content-contact-action-edit = Edit
content-contact-action-publish = Show
content-contact-action-withdraw = Hide
content-contact-action-delete = Delete
content-contact-delete-confirm = Really delete this contact?
content-contact-field-topic = Topic
content-contact-field-topic-hint = The entry appears in the box “Your contacts” on the pages of this area.
content-contact-field-topic-choose = Please choose
content-contact-field-name = Name of the team or contact point
content-contact-field-name-hint = For example “Broadband advice for municipalities”.
content-contact-field-person = Person
content-contact-field-person-hint = Optional: name and role, for example “Dr Erika Muster, broadband officer”.
content-contact-field-email = Functional email address
content-contact-field-email-hint = A team address rather than a personal one. An email address or a phone number is needed.
content-contact-field-phone = Phone
content-contact-field-phone-hint = Digits with spaces, slashes or hyphens, for example “+49 351 123456-0”.
content-contact-field-office-hours = Office hours
content-contact-field-office-hours-hint = For example “Monday to Thursday 9 am – 3 pm”.
content-contact-field-position = Order
content-contact-field-position-hint = Lower numbers come first within a topic (0 to 9999).
content-contact-field-published = Show publicly
content-contact-field-published-hint = Only the editorial office sees hidden entries.
content-contact-save = Save changes
content-contact-create = Add contact
content-contact-cancel = Cancel
content-contact-error-topic = Please choose a topic.
content-contact-error-name = Please enter the name of the team or contact point.
content-contact-error-too-long = This text is too long.
content-contact-error-email = Please enter a valid email address, for example “broadband@digitalagentur.example”.
content-contact-error-phone = Please enter a phone number made of digits (6 to 20 digits; +, spaces, /, - and brackets are allowed).
content-contact-error-reachable = Please enter an email address or a phone number.
content-contact-error-position = Please enter a whole number from 0 to 9999.
notice-content-contact-created = The contact has been added.
notice-content-contact-saved = Your changes have been saved.
notice-content-contact-published = The contact is shown again.
notice-content-contact-withdrawn = The contact is hidden.
notice-content-contact-deleted = The contact has been deleted.
content-contact-conflict-title = The entry has been changed in the meantime
content-contact-conflict-text = Someone saved this contact point after you opened it. Your input is below. Check the saved version; if you save now, your input replaces it.
content-contact-conflict-current = View the saved version
