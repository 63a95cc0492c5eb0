# KI-Netzwerk: matching partners, partner requests, contact form, figures, open data

## Matching partners
matching-finder-title = Find partners
matching-finder-lead = Describe in a sentence what you are looking for partners for. We compare your need with the competences, industries, offers and descriptions of the verified actors and show why an actor fits.
matching-finder-link = Find partners for a need of your own
matching-need-label = Your need
matching-need-hint = For example: We are looking for partners for computer vision in agriculture.
matching-need-submit = Find matching partners
matching-results-title = Matching actors
matching-results-count = { $count ->
    [0] No matching actor found.
    [one] One matching actor found.
   *[other] { $count } matching actors found.
}
matching-none = Try other terms, such as an AI competence (language processing, robotics …) or an industry (health, manufacturing …).
matching-recognised = Recognised in your need:
matching-recognised-competences = Competences
matching-recognised-industries = Industries
matching-recognised-offers = Offers
matching-how = How the order comes about: shared competences count most, then shared industries, similar descriptions and shared offers; research and companies complement each other, and being in the same district counts a little.
matching-why = Why this actor fits:
matching-reason-competences = Shared competences
matching-reason-industries = Industry
matching-reason-offers = Shared offers
matching-reason-complementary = Complements you
matching-reason-district = In the same district
matching-reason-text = Similar description
matching-profile-title = Matching partners
matching-profile-lead = Actors that could fit this profile, with the reason.

## Partner requests
matching-nav-title = More in the AI network
matching-request-new-for-actor = Publish a partner request for this actor
matching-requests-title = Partner requests
matching-requests-lead = Actors looking for partners for projects. Matching actors are notified on publication if their representatives wish so.
matching-requests-open = Open requests
matching-requests-closed = Recently closed requests
matching-requests-none = There are no open partner requests at the moment.
matching-requests-count = { $count ->
    [0] No open requests.
    [one] One open request.
   *[other] { $count } open requests.
}
matching-request-new = Publish a partner request
matching-request-form-lead = Your request appears publicly under your actor's name. It stays open until the end of its deadline.
matching-request-actor = For which actor?
matching-request-title-label = Title
matching-request-title-hint = Short and concrete, e.g. "Partner wanted for camera systems in fruit growing".
matching-request-body-label = Description
matching-request-body-hint = What are you planning, what do you bring, what are you looking for? Markdown is possible.
matching-request-competences = Competences wanted
matching-request-industries = Application industries
matching-request-deadline = Open until
matching-request-deadline-hint = Last day on which the request is open (at most one year ahead).
matching-request-notify-hint = On publication we notify the representatives of the best matching actors who want partner requests – never your own.
matching-request-publish = Publish request
matching-request-by = A request by
matching-request-open = Open
matching-request-is-closed = This request is closed; its deadline has passed.
matching-request-closed-on = closed on
matching-request-published = Published on
matching-request-notified = Representatives notified
matching-request-answer = Answer this request
matching-request-matches = Actors that could fit
matching-error-deadline = Please enter a date (DD.MM.YYYY).
matching-error-deadline-range = The deadline must end today or later and lie at most one year ahead.
matching-error-actor = Please choose a verified actor you represent.
matching-notif-request = New partner request by { $actor } that fits your actor
matching-search-kind-request = Partner request
notice-matching-gesuch-veroeffentlicht = Your partner request has been published.

## Contact form
matching-contact-heading = Contact
matching-contact-teaser = Write to this actor's representatives. Your message reaches them by e-mail; their addresses stay hidden from you.
matching-contact-link = Write a message
matching-contact-title = Message to { $name }
matching-contact-lead = Your message goes by e-mail to all representatives of the actor. They answer you directly at the address you give here.
matching-contact-subject = Subject
matching-contact-message = Message
matching-contact-message-hint = At most 5,000 characters.
matching-contact-reply-to = Your e-mail address for the answer
matching-contact-reply-to-hint = The representatives see this address and answer to it.
matching-contact-honeypot = Please leave this field empty
matching-contact-privacy = Privacy: we only forward your message by e-mail and do not keep it; it waits in the queue only until it is sent. All we store is that a message went to this actor and to how many people – neither the text nor your address.
matching-contact-send = Send message
matching-error-spam = The message could not be sent. Please wait a moment and submit the form again.
matching-error-one-line = The subject must not contain a line break.
notice-matching-nachricht-gesendet = Your message has been sent to the representatives. They will answer you by e-mail.
matching-contact-mail-subject = [KI-Netzwerk] { $subject }
matching-contact-mail-body =
    Hello,

    { $sender } has written to { $actor } through the contact form of the KI-Netzwerk Sachsen.

    Subject: { $subject }

    { $message }

    If you reply to this e-mail, your answer goes to { $reply }. Your address was not shown to the sender.

    Profile: { $url }

## Figures
matching-stats-title = The AI network in figures
matching-stats-lead = { $count ->
    [one] One verified actor is listed in the AI network.
   *[other] { $count } verified actors are listed in the AI network.
}
matching-stats-count = Actors
matching-stats-by-category = Actors by category
matching-stats-by-category-description = Bar chart: number of verified actors per category.
matching-stats-by-district = Actors by district
matching-stats-by-district-description = Bar chart: number of verified actors per district and district-free city, most first.
matching-stats-by-competence = Actors by AI competence
matching-stats-by-competence-description = Bar chart: number of verified actors per AI competence; an actor can have several competences.
matching-stats-by-year = Actors by founding year
matching-stats-by-year-description = Column chart: number of verified actors per founding year; older foundations are combined in the first column.
matching-stats-before = before { $year }
matching-stats-no-years = No actor has given a founding year yet.
matching-study-title = Comparison with the KI-Studie Sachsen (2024)
matching-study-lead = The KI-Studie Sachsen of the Digitalagentur Sachsen surveyed the state's AI landscape in 2024. The table sets its figures against the actors listed in the AI network.
matching-study-caption = Figures of the KI-Studie Sachsen (2024) and of the platform
matching-study-what = Subject
matching-study-figure = KI-Studie Sachsen (2024)
matching-study-platform = AI network (today)
matching-study-companies = AI companies (platform: companies and start-ups)
matching-study-dresden = Share of AI companies in Dresden
matching-study-research = Research units (platform: research institutions and universities/professorships)
matching-study-professorships = Professorships (platform: university/professorship)
matching-study-institutes = Non-university institutes (platform: research institutions)
matching-study-networks = Networks (platform: network/association)
matching-study-programmes = AI-related study programmes (platform: education offers)
matching-study-note = The study's figures come from its survey; the platform's figures count the actors that registered and were verified. The definitions differ, so the values are only indications.

## Open data
matching-data-title = Open data of the AI network
matching-data-lead = The public details of all verified actors are available as open data: as CSV and GeoJSON downloads and through a JSON interface.
matching-data-license = Licence
matching-data-license-text = All datasets are published under the
matching-data-attribution = Please name as the source:
matching-data-sets = Datasets
matching-data-csv = Actors as CSV
matching-data-csv-text = One row per actor, UTF-8, comma-separated; lists (competences, industries, offers) are separated by semicolons.
matching-data-geojson = Actors as GeoJSON
matching-data-geojson-text = A FeatureCollection with one point per actor (WGS 84) and the public details as properties, with licence information.
matching-data-api = JSON interface
matching-data-api-text = Pages of 100 actors (parameter seite) with the same filters as the directory (kategorie, kompetenz, branche, angebot, kreis, groesse). Description:
matching-data-openapi = OpenAPI document
matching-data-fields = Fields included
matching-data-fields-text = Every record contains exactly these public fields:
matching-data-privacy = Contact addresses and details of representatives are never included, nor are actors whose admission is still being checked.

## Cards on the KI-Netzwerk start page
matching-finder-card = Describe a need in one sentence and see matching actors with the reasons.
matching-requests-card = Projects for which actors are looking for partners right now.
matching-stats-card = Actors by category, district, competence and founding year.
matching-data-card = The public details as CSV, GeoJSON and a JSON interface.

# Audit log labels (/verwaltung/protokoll)
audit-network-partner-request-published = Cooperation request published
