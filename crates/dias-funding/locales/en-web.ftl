# Förderlotse (dias-funding): pages – search, offer, Förder-Check.

nav-funding = Funding
funding-title = Funding guide
funding-teaser-title = Funding guide
funding-teaser-text = Find funding programmes, advice and networks for your digitalisation in Saxony – with filters, deadlines and the eligibility check.
funding-search-kind-offer = Support offer

## Search
funding-search-title = Support offers
funding-search-lead = Funding programmes, advice, networks and training for digitalisation in Saxony. Narrow the list down with the filters; every selection is a link you can share.
funding-check-link = Which offers fit me? Go to the eligibility check
funding-filter-title = Filters
funding-q = Search term
funding-q-hint = For example “Digitalisierung Zuschuss” or “KI”.
funding-q-submit = Search
funding-open-only = Open offers only
funding-open-only-hint = Without this you also see announced, stopped and ended offers.
funding-facet-angebotsart = Kind of offer
funding-facet-foerderart = Type of funding
funding-facet-bereich = Funding area
funding-facet-berechtigte = Eligible applicants
funding-facet-groesse = Company size
funding-facet-gebiet = Region
funding-facet-ebene = Level of the funder
funding-facet-region-saxony = All of Saxony
funding-facet-matches = matches
funding-sort = Sort by
funding-sort-relevanz = Relevance
funding-sort-frist = Next deadline
funding-sort-aktualisiert = Recently updated
funding-filter-apply = Apply filters
funding-filter-reset = Reset all filters
funding-results = Results
funding-offers-found = { $count ->
    [0] No offers found
    [one] 1 offer found
   *[other] { $count } offers found
}
funding-none-found = No offer fits this selection. Remove a filter or include offers that are not open.
funding-next-deadline = Next deadline

## Figures
funding-eur = EUR { $amount }
funding-percent = { $rate }%
funding-up-to = up to { $amount }

## Offer
funding-example-note = This offer is a made-up example for the demo of the funding guide. It does not exist.
funding-field-status = Status
funding-field-offer-type = Kind of offer
funding-field-industries = Industries
funding-conditions = Conditions
funding-field-rate = Funding rate (maximum)
funding-field-amount-min = Minimum amount
funding-field-amount-max = Maximum amount
funding-field-bonus = Bonuses and notes
funding-field-procedure = Procedure
funding-field-programme-end = End of programme
funding-tiers = Funding tiers
funding-tier-label = Tier
funding-tier-max = Maximum amount
funding-deadlines = Deadlines
funding-deadline-date = Date
funding-deadline-note = For
funding-deadline-passed = passed
funding-about = Description
funding-contact = Contact point
funding-field-contact-institution = Institution
funding-field-contact-address = Address
funding-field-contact-phone = Phone
funding-field-contact-email = E-mail
funding-field-contact-url = Website
funding-legal = Legal basis
funding-field-legal-basis = Guideline or law
funding-field-legal-citation = Citation
funding-field-legal-date = Date
funding-field-legal-url = Legal text
funding-combinable = Can be combined with
funding-source = Source and review
funding-field-source-url = Source
funding-field-licence = Licence of the text
funding-field-last-checked = Last checked
funding-field-updated = Last changed
funding-field-keywords = Keywords

## Eligibility check
funding-check-title = Eligibility check
funding-check-lead = Answer a few short questions. We show you which offers fit, which do not – and why. Your answers are only in the address of this page and are not stored.
funding-check-questions = Your answers
funding-check-optional = Every answer is optional. The more you answer, the more precise the result.
funding-check-no-answer = No answer
funding-check-q-wer = Who applies?
funding-check-hint-wer = Liberal professions choose “Unternehmen” (company).
funding-check-q-kreis = Where is your seat?
funding-check-hint-kreis = The district or district-free city of your seat or branch in Saxony.
funding-check-q-groesse = How large is your company?
funding-check-hint-groesse = Following the EU definition of SMEs; the number of employees matters most.
funding-check-q-branche = Which industry are you in?
funding-check-hint-branche = The section of the German classification of economic activities (WZ 2008) your company belongs to.
funding-check-q-thema = What are you planning?
funding-check-hint-thema = Choose one or more topics.
funding-check-q-art = What kind of support are you looking for?
funding-check-hint-art = Choose one or more types of funding.
funding-check-submit = Check offers
funding-check-reset = Clear all answers
funding-check-results = Result
funding-check-intro = No answers yet. Answer the questions and choose “Check offers”.
funding-check-count-fits = { $count ->
    [one] 1 offer fits
   *[other] { $count } offers fit
}
funding-check-count-unclear = { $count } unclear
funding-check-count-fails = { $count ->
    [one] 1 does not fit
   *[other] { $count } do not fit
}
funding-check-share = Your answers are in the address of this page.
funding-check-share-link = Link to this result
funding-check-your-tier = For your company size
funding-outcome-matched = met
funding-outcome-failed = not met
funding-outcome-missing = answer missing
