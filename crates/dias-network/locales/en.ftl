nav-network = AI network
network-teaser-title = AI network Saxony
network-teaser-text = Find companies, research, networks and education in artificial intelligence across Saxony – in the directory and on the map.
network-title = AI network
network-lead = The platform of Saxony's AI actors: companies, start-ups, research institutes, universities, networks, public bodies and education providers present themselves and find partners.
network-search-kind-actor = AI actor
network-actors = Actors
network-actors-count = { $count ->
    [one] 1 actor
   *[other] { $count } actors
}
network-actors-found = { $count ->
    [0] No actors found
    [one] 1 actor found
   *[other] { $count } actors found
}
network-none-found = No actors match these filters. Remove some filters or reset them all.
network-directory-title = Directory of actors
network-directory-lead = Filter by type, competence, industry, offer, district and size. The number after each value is the result count if you choose it as well.
network-directory-card = All verified AI actors in Saxony, searchable and filterable.
network-map-page-title = Map of AI actors
network-map-card = The actors on the map of Saxony with its districts.
network-map-lead = The map shows the filtered actors as points; actors close together are merged into circles with their number. Below the map, the same actors are listed.
network-map-title = AI actors in Saxony
network-map-description = Map of the Saxon districts, shaded by the number of actors; points show actors, circles with a number several actors in one place.
network-map-table-summary = Actors per district as a table
network-map-table-caption = Number of filtered actors per district
network-map-list = The actors as a list
network-legend-upto = up to { $count } actors
network-legend-point = Actor or group of actors
network-show-map = Show the result on the map
network-show-directory = Show the result as a directory
network-skip-to-list = Skip to the list below the map
network-results = Results
network-filter-title = Filter
network-filter-apply = Apply filters
network-filter-reset = Reset all filters
network-facet-matches = results
network-facet-kategorie = Type of organisation
network-facet-kompetenz = AI competence
network-facet-branche = Industry
network-facet-angebot = Offer
network-facet-kreis = District
network-facet-groesse = Size
network-q = Search term
network-q-hint = Searches names and descriptions, for example “image recognition agriculture”.
network-q-submit = Search
network-sort = Sort by
network-sort-name = Name (A–Z)
network-sort-neu = Newest first
network-sort-relevanz = Best matches first
network-competences = AI competences
network-industries = Industries
network-offers = Offers
network-group-unternehmen = Companies
network-group-forschung = Research
network-group-netzwerke = Networks
network-group-bildung = Education
network-category-unternehmen = Company
network-category-startup = Start-up
network-category-forschungseinrichtung = Research institute
network-category-hochschule = University/professorship
network-category-netzwerk = Network/association
network-category-oeffentlich = Public body
network-category-bildung = Education provider
network-competence-maschinelles-lernen = Machine learning
network-competence-deep-learning = Deep learning
network-competence-nlp = Natural language processing
network-competence-bildverarbeitung = Image processing/computer vision
network-competence-robotik = Robotics
network-competence-wissensrepraesentation = Knowledge representation
network-competence-optimierung = Optimisation/planning
network-competence-edge-ki = Edge AI/AI hardware
network-competence-daten-engineering = Data engineering
network-competence-vertrauenswuerdige-ki = Trustworthy AI
network-competence-generative-ki = Generative AI
network-competence-zeitreihen = Time series and forecasting
network-industry-produktion = Manufacturing/industry
network-industry-gesundheit = Health
network-industry-mobilitaet = Mobility
network-industry-energie = Energy
network-industry-umwelt-landwirtschaft = Environment/agriculture
network-industry-verwaltung = Public administration
network-industry-handel = Retail
network-industry-finanzen = Finance
network-industry-bildung = Education
network-industry-medien-kultur = Media/culture
network-industry-mikroelektronik = Microelectronics
network-industry-logistik = Logistics
network-offer-forschung-entwicklung = Research & development
network-offer-beratung = Consulting
network-offer-produkte = Products/services
network-offer-weiterbildung = Training
network-offer-kooperation = Looking for cooperation
network-offer-jobs = Internships/jobs
network-size-kleinst = 1–9 employees
network-size-klein = 10–49 employees
network-size-mittel = 50–249 employees
network-size-gross = 250 employees or more
network-status = Status
network-status-pending = awaiting review
network-status-verified = verified and published
network-status-declined = declined
network-pending-hint = The editorial team is reviewing your details. Until then only you and the team see this profile.
network-decline-reason = Reason
network-verified-since = In the network since
network-about = About the organisation
network-location = Location
network-address = Address
network-profile-map-title = Location of { $name }
network-profile-map-description = Map of Saxony with the location in { $place }.
network-profile-ask-text = Do you have a question about the AI network or this entry?
network-profile-ask-link = Ask the Digitalagentur
network-manage-title = Manage profile
network-edit = Edit profile
network-invite = Invite another contact person
network-representatives = Contact persons
network-opt-in-legend = Be notified of matching partner requests?
network-opt-in-yes = Yes, tell me about matching partner requests
network-opt-in-no = No
network-staff-title = For the editorial team
network-decide-link = Review registration
network-changes-title = Change log
network-changes-none = The profile has not been changed since it was registered.
network-change-at = Time
network-change-by = Changed by
network-change-fields = Fields
network-change-old = Before
network-change-new = After
network-own-title = Your organisations
network-criteria-title = Who is admitted
network-criteria-text = We admit organisations with a seat or branch in Saxony and a recognisable focus on artificial intelligence. The agency's editorial team reviews every registration and gives reasons for a refusal.
network-register-title = Register an organisation
network-register-card = Present your organisation in the AI network.
network-register-lead = Your account becomes the organisation's contact person. Once the editorial team has reviewed it, the profile appears in the directory and on the map.
network-register-submit = Submit registration
network-edit-title = Edit { $name }
network-edit-published-hint = The profile is published: changes appear at once and are logged for the editorial team.
network-save = Save changes
network-please-choose = Please choose
network-section-organisation = Organisation
network-section-address = Location
network-section-contact = Contact
network-field-name = Name of the organisation
network-field-name-hint = Its public name, at most 200 characters.
network-field-category = Type of organisation
network-field-category-hint = The types belong to the four areas of the KI-Studie Sachsen.
network-field-short = Short description
network-field-short-hint = One sentence for lists and search results, at most 300 characters.
network-field-description = Description
network-field-description-hint = What you do with AI, for whom and with which results. Markdown is allowed.
network-field-competences-hint = Choose at least one competence.
network-field-industries-hint = Industries in which you apply AI (optional).
network-field-offers-hint = What you offer or look for (optional).
network-field-size = Size
network-field-founding-year = Year founded
network-field-founding-year-hint = Four digits, for example 2019 (optional).
network-field-website = Website
network-field-website-hint = With https://, for example https://www.example.org (optional).
network-field-street = Street and number
network-field-postcode = Postcode
network-field-city = Town
network-field-municipality = Municipality
network-field-municipality-hint = The Saxon municipality of the seat; it determines the district.
network-field-lat = Latitude
network-field-lon = Longitude
network-field-coordinates-hint = Optional, for example 51.0504 and 13.7373. If left empty, the point is placed at the centre of the municipality.
network-field-email = E-mail address for enquiries
network-field-email-hint = Never shown publicly. Messages reach you through a contact form.
network-logo-title = Logo
network-field-logo = Logo file
network-field-logo-hint = PNG, JPEG or WebP, at most 512 KB.
network-field-logo-alt = Alternative text of the logo
network-field-logo-alt-hint = What the logo shows, for people who cannot see it, for example “Logo of Example Ltd”.
network-logo-upload = Upload logo
network-logo-remove = Remove logo
network-invite-lead = Invite a colleague to help manage the profile of { $name }. The invitation is valid for 14 days.
network-invite-email = E-mail address
network-invite-email-hint = The person accepts the invitation with an account under exactly this address.
network-invite-submit = Send invitation
network-invitation-title = Invitation to the AI network
network-invitation-lead = You are invited to help manage the profile of { $name } as a contact person.
network-invitation-accept = Accept invitation
network-invitation-other-address = This invitation is for another e-mail address. Please sign in with the invited account.
network-queue-title = Admission
network-queue-lead = Registrations awaiting review, oldest first.
network-queue-empty = No registrations are waiting.
network-queue-link = { $count ->
    [0] No registration is awaiting review
    [one] 1 registration is awaiting review
   *[other] { $count } registrations are awaiting review
}
network-registered-at = Registered
network-decision = Decision
network-decision-title = Review registration
network-decision-accept = Admit and publish
network-decision-decline = Decline
network-decision-reason = Reason
network-decision-reason-hint = Required when declining; the contact persons receive it by e-mail.
network-decision-submit = Save decision
network-open-profile = View profile
network-error-category = Please choose the type of organisation.
network-error-choose-one = Please choose at least one value.
network-error-size = Please choose the size.
network-error-year = Please enter a four-digit year that is not in the future.
network-error-postcode = Please enter a five-digit postcode.
network-error-municipality = Please choose a Saxon municipality.
network-error-coordinate = Please enter a coordinate within Saxony, for example 51.0504.
network-error-coordinate-pair = Please enter latitude and longitude together or leave both empty.
network-error-website = Please enter an address starting with https:// or http://.
network-error-logo-missing = Please choose an image file.
network-error-logo-size = The file is larger than 512 KB.
network-error-logo-type = The file is not a PNG, JPEG or WebP image.
network-error-reason = Please give a reason for declining.
network-error-invite-self = You already are a contact person.
network-error-already-decided = This registration has already been decided.
notice-netzwerk-registriert = Thank you! Your registration has been received and will be reviewed by the editorial team.
notice-netzwerk-gespeichert = The changes have been saved.
notice-netzwerk-logo = The logo has been saved.
notice-netzwerk-logo-entfernt = The logo has been removed.
notice-netzwerk-eingeladen = The invitation has been sent.
notice-netzwerk-beigetreten = You are now a contact person of this organisation.
notice-netzwerk-entschieden = The decision has been saved; the contact persons are informed by e-mail.
network-mail-verified-subject = { $name } is now in the AI network Saxony
network-mail-verified-body = Hello { $person },

    the editorial team of the Digitalagentur Sachsen has admitted { $name } to the AI network. The profile can now be found in the directory and on the map:
    { $url }

    Kind regards
    Digitalagentur Sachsen
network-mail-declined-subject = Your registration of { $name } in the AI network
network-mail-declined-body = Hello { $person },

    unfortunately the editorial team of the Digitalagentur Sachsen could not admit { $name } to the AI network. Reason:

    { $reason }

    You can complete the profile and submit it for review again:
    { $url }

    Kind regards
    Digitalagentur Sachsen
network-mail-invitation-subject = Invitation: help manage { $name } in the AI network Saxony
network-mail-invitation-body = Hello,

    { $inviter } invites you to help manage the profile of { $name } in the AI network Saxony as a contact person. Sign in with this e-mail address (or create an account) and open this link:
    { $url }

    The invitation is valid for 14 days and can be accepted once.

    Digitalagentur Sachsen

# Audit log labels (/verwaltung/protokoll)
audit-network-actor-registered = Actor registered
audit-network-actor-verified = Actor verified
audit-network-actor-declined = Actor declined
audit-network-representative-invited = Representative invited
audit-network-representative-joined = Representative joined
audit-network-contact-sent = Contact request sent
audit-network-post-created = Network post created
audit-network-post-updated = Network post changed
audit-network-post-approved = Network post approved
audit-network-post-rejected = Network post rejected
