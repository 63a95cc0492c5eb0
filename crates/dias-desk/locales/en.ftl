nav-desk = Inquiries
desk-teaser-title = Inquiries
desk-teaser-text = Ask the digital agency – no account needed. You get your answer from a single point of contact and follow the progress through your personal link.

desk-topic-breitband = Broadband
desk-topic-foerderung = Funding
desk-topic-ki = Artificial intelligence
desk-topic-digitalstrategie = Digital strategy
desk-topic-verwaltungsdigitalisierung = Digital administration
desk-topic-sonstiges = Other

desk-sender-buerger = Citizen
desk-sender-unternehmen = Company
desk-sender-kommune = Municipality
desk-sender-verein = Association or initiative
desk-sender-forschung = Research and higher education
desk-sender-verwaltung = State or federal administration

desk-status-neu = New
desk-status-in_bearbeitung = In progress
desk-status-rueckfrage = Awaiting your reply
desk-status-beantwortet = Answered
desk-status-geschlossen = Closed
