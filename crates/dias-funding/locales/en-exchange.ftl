# Förderlotse (dias-funding): import, export, open data and API.

## API
funding-api-per-page = Please ask for 1 to { $max } offers per page (per_page).

## Open data
funding-exchange-data-title = Open data: support offers
funding-exchange-data-lead = { $count ->
    [one] The whole catalogue of the Förderlotse – currently 1 offer – is available for download and through an API, in the same schema the editors use to import and export offers.
   *[other] The whole catalogue of the Förderlotse – currently { $count } offers – is available for download and through an API, in the same schema the editors use to import and export offers.
}
funding-exchange-data-sets = Files and API
funding-exchange-data-json = All offers as JSON
funding-exchange-data-json-text = One document with the schema name and the list of all offers; lists are JSON arrays, deadlines and tiers are objects.
funding-exchange-data-csv = All offers as CSV
funding-exchange-data-csv-text = One row per offer with a header row (UTF-8, comma, RFC 4180); opens in any spreadsheet.
funding-exchange-data-api = API (JSON)
funding-exchange-data-api-text = Offers page by page with the same filters as the search: every address of the search page works here too. Described in the
funding-exchange-data-openapi = OpenAPI description
funding-exchange-data-updates = The files are always up to date. They carry an ETag: if you ask again with “If-None-Match”, you only receive new data when an offer has changed.
funding-exchange-data-licence = Licence and attribution
funding-exchange-data-licence-text = The editors' descriptions are licensed under
funding-exchange-data-attribution = Please credit the source as:
funding-exchange-data-record-licence = Every record states the terms of its text in the field source_licence and where its facts come from in source_url. Where a record's statement differs from the licence above, its own applies to it.
funding-exchange-data-fields = Fields
funding-exchange-data-fields-text = The schema is called { $schema }. JSON and CSV hold the same fields under the same names in the same order. Terms (such as the type of funding or the status) are written as codes, dates as YYYY-MM-DD, amounts as whole euros without separators.
funding-exchange-data-fields-caption = The fields of an offer
funding-exchange-data-csv-rules = In the CSV file, lists are in one cell, separated by semicolons (zuschuss;darlehen). Deadlines are written as date|note, tiers as size|rate|ceiling|label.
funding-exchange-back-to-search = Back to the search
funding-exchange-col-field = Field
funding-exchange-col-meaning = Meaning
funding-exchange-col-required = Required
funding-exchange-yes = yes
funding-exchange-no = no
funding-exchange-offer-data = This offer as a record (JSON)
funding-exchange-search-link = Open data and API

## Fields of the exchange schema
funding-exchange-field-slug = Code: the offer's permanent key in addresses and references
funding-exchange-field-origin = Origin of the record (editors, example, synthetic)
funding-exchange-field-offer-type = Type of offer
funding-exchange-field-title = Title
funding-exchange-field-summary = Short description (plain text)
funding-exchange-field-body = Full text (Markdown)
funding-exchange-field-funding-types = Type(s) of funding
funding-exchange-field-areas = Funding areas and themes
funding-exchange-field-regions = Funding region (EU, Germany, Saxony, district or municipality)
funding-exchange-field-eligible-groups = Who may apply
funding-exchange-field-company-sizes = Company sizes the offer is limited to
funding-exchange-field-industries = Industries (WZ 2008) the offer is limited to
funding-exchange-field-funder-level = Level of the funder
funding-exchange-field-funder = Funder
funding-exchange-field-contact-institution = Contact: institution
funding-exchange-field-contact-address = Contact: address
funding-exchange-field-contact-phone = Contact: phone
funding-exchange-field-contact-email = Contact: e-mail
funding-exchange-field-contact-url = Contact: website
funding-exchange-field-legal-basis = Legal basis (guideline or law)
funding-exchange-field-legal-citation = Citation of the legal basis
funding-exchange-field-legal-url = Link to the legal text
funding-exchange-field-legal-date = Date of the legal basis
funding-exchange-field-rate-max-percent = Highest funding rate in percent (without bonuses)
funding-exchange-field-amount-basis = What the amounts refer to
funding-exchange-field-amount-min-eur = Minimum amount in euros
funding-exchange-field-amount-max-eur = Maximum amount in euros
funding-exchange-field-tiers = Tiers (rate and ceiling per size or cost type)
funding-exchange-field-bonus-notes = Bonuses and notes on the figures
funding-exchange-field-procedure = Application procedure
funding-exchange-field-deadlines = Deadlines and cut-off dates
funding-exchange-field-programme-end = End of the programme
funding-exchange-field-status = Application status
funding-exchange-field-status-note = Note on the status
funding-exchange-field-combinable-with = Combinable with (codes of other offers)
funding-exchange-field-keywords = Keywords
funding-exchange-field-source-url = Source of the facts
funding-exchange-field-source-licence = Licence or terms of the text
funding-exchange-field-last-checked = Last checked on
funding-exchange-field-reviewer = Checked by

## Import
funding-exchange-import-title = Import offers
funding-exchange-import-lead = Upload a JSON or CSV file in the exchange schema. Valid offers are created or updated; faulty records are not stored and are listed with line, field and reason.
funding-exchange-import-form = Upload a file
funding-exchange-import-again = Upload another file
funding-exchange-field-file = File
funding-exchange-field-file-hint = JSON or CSV in the schema dias-funding/1, at most { $limit } MB.
funding-exchange-field-format = Format
funding-exchange-field-format-hint = dias usually recognises the format by the content.
funding-exchange-format-auto = Recognise by the content
funding-exchange-field-note = Note for the version
funding-exchange-field-note-hint = Shown in the version history of every changed offer. Without a note, the file name is shown.
funding-exchange-field-dry-run = Only check, store nothing
funding-exchange-field-dry-run-hint = Shows what the import would create and change, and every error in the file.
funding-exchange-submit = Read the file
funding-exchange-default-note = Import from { $file }
funding-exchange-error-no-file = Please choose a file.
funding-exchange-error-empty = The file is empty.
funding-exchange-error-too-large = The file is too large. At most { $limit } MB are allowed; please split larger files.
funding-exchange-error-encoding = The file is not saved in UTF-8. Please save it as “CSV UTF-8” or as UTF-8 text and upload it again.
funding-exchange-file-json = The JSON file cannot be read (line { $line }, column { $column }): { $detail }
funding-exchange-file-schema = The file does not follow the schema { $schema } (found: “{ $found }”).
funding-exchange-file-csv = The CSV file cannot be read: { $detail }
funding-exchange-file-missing-columns = The header lacks required columns: { $columns }
funding-exchange-file-unknown-columns = The header names unknown columns: { $columns }. Please check the spelling.
funding-exchange-file-duplicate-column = The column { $column } appears twice in the header.
funding-exchange-result-title = Result of the import
funding-exchange-result-dry-title = Result of the check
funding-exchange-result-lead = The valid offers have been stored.
funding-exchange-result-dry-lead = Nothing has been stored. This is what the import would do with the file:
funding-exchange-result-file = File
funding-exchange-result-records = Records in the file
funding-exchange-result-created = Created
funding-exchange-result-updated = Updated
funding-exchange-result-would-create = Would be created
funding-exchange-result-would-update = Would be updated
funding-exchange-result-unchanged = Unchanged
funding-exchange-result-refused = Refused (faulty)
funding-exchange-result-changed = Changed offers
funding-exchange-problems-title = Faulty records
funding-exchange-problems-lead = These records were not taken over. Correct the named fields in your file and upload it again; offers already taken over stay as they are.
funding-exchange-problems-caption = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
funding-exchange-col-line = Line
funding-exchange-col-slug = Offer
funding-exchange-col-reason = Reason
funding-exchange-col-value = Value
funding-exchange-record-number = Record { $record }
funding-exchange-whole-record = whole record
funding-exchange-export-title = Export
funding-exchange-export-text = The export holds every stored offer in the same schema. An exported file can be imported again unchanged.
funding-exchange-export-json = Download all offers as JSON
funding-exchange-export-csv = Download all offers as CSV
funding-exchange-export-schema = Fields and licence of the data

## Import in the background
funding-exchange-job-title = Import in the background
funding-exchange-job-queued = The import is waiting to start.
funding-exchange-job-running = { $done } of { $total } offers stored.
funding-exchange-job-wait = Large files are stored in parts. This page shows how far it got; the result appears here as soon as every offer is stored.
funding-exchange-job-refresh = Refresh
funding-exchange-job-failed = The import stopped:
funding-exchange-job-saved-before = { $count ->
    [one] 1 offer had been stored by then; it stays. Upload the file again to take over the rest.
   *[other] { $count } offers had been stored by then; they stay. Upload the file again to take over the rest.
}
funding-exchange-job-back = Back to the import
funding-exchange-updates-title = Changed fields
funding-exchange-updates-dry-title = Fields the import would change
funding-exchange-updates-lead = For these offers the import replaced the stored values of the named fields with the values from the file. The previous version is in the offer's history.
funding-exchange-updates-dry-lead = For these offers the import would replace the stored values of the named fields with the values from the file. If the file comes from an older export, changes the editors made since then would be lost (for example to the status or the date of the last check).
funding-exchange-updates-caption = { $count ->
    [one] 1 updated offer
   *[other] { $count } updated offers
}
funding-exchange-updates-shown = { $count ->
    [one] (the first one shown)
   *[other] (the first { $count } shown)
}
funding-exchange-col-fields = Changed fields
