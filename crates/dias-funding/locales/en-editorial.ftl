# Förderlotse – editorial workflow (the agency's team keeps the offers)

funding-editorial-title = Förderlotse editorial desk
funding-editorial-link = Editorial desk: maintain offers
funding-editorial-lead = { $count ->
    [one] 1 offer in the catalogue, any status.
   *[other] { $count } offers in the catalogue, any status.
}
funding-editorial-new = Create a new offer
funding-editorial-import-link = Import offers
funding-editorial-review-title = Review due
funding-editorial-review-lead = { $months ->
    [one] Offers last checked more than a month ago, oldest first.
   *[other] Offers last checked more than { $months } months ago, oldest first.
}
funding-editorial-review-empty = All offers have been checked.
funding-editorial-review-all = { $count ->
    [one] Show the offer due for review in the list
   *[other] Show all { $count } offers due for review in the list
}
funding-editorial-offers-title = All offers
funding-editorial-filter-label = Filter offers
funding-editorial-filter-q = Title or code contains
funding-editorial-filter-status = Status
funding-editorial-filter-any = all
funding-editorial-filter-due = only offers due for review
funding-editorial-filter-submit = Show
funding-editorial-found = { $count ->
    [0] No offers found
    [one] 1 offer found
   *[other] { $count } offers found
}
funding-editorial-col-title = Title
funding-editorial-col-status = Status
funding-editorial-col-checked = Last checked
funding-editorial-col-reviewer = Checked by
funding-editorial-col-updated = Last changed
funding-editorial-col-actions = More
funding-editorial-col-version = Version
funding-editorial-col-date = Time
funding-editorial-col-author = By
funding-editorial-col-note = Note
funding-editorial-col-change = Change
funding-editorial-due = Review due
funding-editorial-history-link = Versions
funding-editorial-public-link = Public page
funding-editorial-edit = Edit

# Form
funding-editorial-new-title = New offer
funding-editorial-edit-title = Edit: { $title }
funding-editorial-slug-fixed = Code: { $slug } (stays the same when editing)
funding-editorial-form-lead = Required fields are marked. The fields follow the exchange format dias-funding/1; the import applies the same rules.
funding-editorial-conflict = While you were editing, someone else saved this offer (now version { $version }). Your input is kept below and has not been saved.
funding-editorial-conflict-taken = Changed only by someone else and taken into the form: { $fields }.
funding-editorial-conflict-both = { $count ->
    [one] You and someone else changed one field differently. The field holds your value, the other one is shown above it; please decide.
   *[other] You and someone else changed { $count } fields differently. The fields hold your value, the other one is shown above each; please decide.
}
funding-editorial-conflict-resave = Please check the form and save again.
funding-editorial-conflict-diff = See the changes since your version { $version }
funding-editorial-conflict-field = { $field }: changed meanwhile by someone else to: { $theirs }
funding-editorial-conflict-empty = (empty)
funding-editorial-choose = Please choose
funding-editorial-none = not given
funding-editorial-section-basics = Basics
funding-editorial-section-classification = Classification and eligible applicants
funding-editorial-section-regions = Funding region
funding-editorial-section-funder = Funder and contact
funding-editorial-section-figures = Terms
funding-editorial-section-procedure = Procedure, deadlines and status
funding-editorial-section-legal = Legal basis
funding-editorial-section-source = Source and review
funding-editorial-section-save = Save
funding-editorial-save = Save
funding-editorial-preview = Preview
funding-editorial-field-note = Note on the change
funding-editorial-hint-note = Shown in the version history, e.g. “added the 2027 deadline”.

funding-editorial-field-slug = Code
funding-editorial-field-origin = Origin
funding-editorial-field-offer-type = Kind of offer
funding-editorial-field-title = Title
funding-editorial-field-summary = Summary
funding-editorial-field-body = Full text
funding-editorial-field-funding-types = Type of funding
funding-editorial-field-areas = Funding areas and themes
funding-editorial-field-regions = Funding region
funding-editorial-field-regions-municipalities = Individual municipalities
funding-editorial-field-eligible-groups = Eligible applicants
funding-editorial-field-company-sizes = Company sizes
funding-editorial-field-industries = Industries
funding-editorial-field-funder-level = Funder level
funding-editorial-field-funder = Funder
funding-editorial-field-contact-institution = Contact: institution
funding-editorial-field-contact-address = Contact: address
funding-editorial-field-contact-phone = Contact: phone
funding-editorial-field-contact-email = Contact: e-mail
funding-editorial-field-contact-url = Contact: web page
funding-editorial-field-legal-basis = Guideline or law
funding-editorial-field-legal-citation = Citation
funding-editorial-field-legal-url = Link to the legal text
funding-editorial-field-legal-date = Date of the legal basis
funding-editorial-field-rate-max-percent = Highest funding rate in percent
funding-editorial-field-amount-basis = Amounts refer to
funding-editorial-field-amount-min-eur = Minimum amount in euros
funding-editorial-field-amount-max-eur = Maximum amount in euros
funding-editorial-field-tiers = Funding tiers
funding-editorial-field-bonus-notes = Bonuses and notes on the figures
funding-editorial-field-procedure = Procedure
funding-editorial-field-deadlines = Deadlines
funding-editorial-field-programme-end = End of the programme
funding-editorial-field-status = Status
funding-editorial-field-status-note = Note on the status
funding-editorial-field-combinable-with = Can be combined with
funding-editorial-field-keywords = Keywords
funding-editorial-field-source-url = Source of the facts
funding-editorial-field-source-licence = Licence or terms of the text
funding-editorial-field-last-checked = Last checked on
funding-editorial-field-reviewer = Checked by

funding-editorial-hint-slug = Lower-case letters, digits and single hyphens, 2 to 80 characters, e.g. digi-z. Part of the offer's address; it cannot be changed later.
funding-editorial-hint-title = At most 200 characters. Examples carry “Beispiel” in the title.
funding-editorial-hint-summary = One or two sentences without formatting, at most 600 characters.
funding-editorial-hint-body = Markdown: **bold**, lists with “- ”, paragraphs separated by an empty line. At most 20,000 characters.
funding-editorial-hint-keywords = One keyword per line, at most 30, without “;” and “|”.
funding-editorial-hint-areas = One area or one theme below it is enough.
funding-editorial-hint-company-sizes = Only for offers open to companies or founders. No choice means: any size.
funding-editorial-hint-industries = No choice means: all industries.
funding-editorial-hint-regions = EU, Germany or Saxony include the districts and municipalities; then choose no districts.
funding-editorial-hint-regions-municipalities = Only if the offer is limited to municipalities: the eight-digit municipality key (AGS) per line, e.g. 14612000 for Dresden.
funding-editorial-hint-contact-phone = Digits, spaces and + - / ( ).
funding-editorial-hint-contact-email = In lower case.
funding-editorial-hint-rate-max-percent = Whole number from 1 to 100, bonuses excluded.
funding-editorial-hint-amount-basis = Required as soon as an amount is given.
funding-editorial-hint-amount-min-eur = Whole euros without separators or currency sign, e.g. 5000.
funding-editorial-hint-tiers = One tier per line: size | rate | maximum | label, e.g. “klein | 50 | 60000 | Transformationsprojekt”. Size: kleinst, klein, mittel or gross; leave it empty for a tier by kind of cost.
funding-editorial-hint-deadlines = One deadline per line: YYYY-MM-DD | note, e.g. “2027-03-31 | Skizzen Frühjahr”. In ascending order; the note may be left out.
funding-editorial-hint-programme-end = Last day of the programme, if known.
funding-editorial-hint-status-note = Required for a stop of applications, and for “ended” without an end date. Also use it when the status is uncertain.
funding-editorial-hint-combinable-with = The code of another offer per line.
funding-editorial-hint-source-url = Required for offers written by the editors.
funding-editorial-hint-last-checked = The day the facts were last checked at the source; not in the future.

funding-editorial-error-term = Please choose a value from the list.
funding-editorial-error-date = Please give a date as YYYY-MM-DD.
funding-editorial-error-number = Please give a whole number without separators or currency sign.
funding-editorial-error-deadline = Every line needs a date YYYY-MM-DD, optionally followed by “| note”.
funding-editorial-error-tier = Every line needs four parts: size | rate | maximum | label, with a valid size and whole numbers.
funding-editorial-error-ags = Please give one eight-digit key of a Saxon municipality per line.
funding-editorial-error-slug-taken = Another offer already has this code.

# Preview
funding-editorial-preview-title = Preview.
funding-editorial-preview-note = This is how the page would look once saved. Nothing has been saved yet.
funding-editorial-preview-back = Continue editing

# Versions, status, review
funding-editorial-history-title = Versions: { $title }
funding-editorial-versions-title = Versions
funding-editorial-versions-empty = This offer has no versions yet.
funding-editorial-current = current
funding-editorial-diff-link = See changes
funding-editorial-version-n = Version { $version }
funding-editorial-author-deleted = deleted account
funding-editorial-author-none = not attributed (catalogue, system or deleted account)
funding-editorial-status-title = Change the status
funding-editorial-hint-status-change = Shown as the note on the status on the offer page and recorded in the log.
funding-editorial-status-submit = Save status
funding-editorial-status-note = Status set to “{ $status }”
funding-editorial-log-title = Log of status changes
funding-editorial-review-section = Review
funding-editorial-last-checked = Last checked on { $date }
funding-editorial-checked-hint = Sets “last checked” to today and the editorial team as the reviewer (shown publicly); your account appears only in the version history. This makes a new version.
funding-editorial-team = Editorial team, Digitalagentur Sachsen
funding-editorial-stale = Not done: the offer has been changed meanwhile (now version { $version }). Please look at the current version and then repeat the action.
funding-editorial-stale-history = Current version history
funding-editorial-mark-checked = Mark as checked
funding-editorial-checked-note = Marked as checked
funding-editorial-restored-note = Version { $version } restored
funding-editorial-diff-against = Changes compared with version { $version }
funding-editorial-diff-first = First version: all fields
funding-editorial-changed-fields = { $count ->
    [0] No fields changed.
    [one] 1 field changed.
   *[other] { $count } fields changed.
}
funding-editorial-diff-old = before
funding-editorial-diff-new = after
funding-editorial-diff-removed = removed
funding-editorial-diff-added = added
funding-editorial-restore-hint = The fields of this version are saved as a new version; the history stays complete.
funding-editorial-restore = Restore version { $version }
funding-editorial-back-history = Back to the versions

notice-funding-editorial-saved = The offer has been saved.
notice-funding-editorial-status-changed = The status has been changed.
notice-funding-editorial-checked = The offer has been marked as checked.
notice-funding-editorial-restored = The version has been restored.
