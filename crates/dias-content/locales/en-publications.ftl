# Publications: library, detail page, editorial office, open data.
content-pub-search-kind = Publication
content-pub-library-title = Publications
content-pub-library-lead = Studies, reports, position papers, guides and statements of the Digitalagentur Sachsen – each with a plain-language summary and as a PDF.
content-pub-filter-label = Filter publications
content-pub-filter-all = All
content-pub-filter-topic = Topic
content-pub-filter-apply = Apply filters
content-pub-filter-reset = Reset filters
content-pub-results = { $count ->
    [one] One publication
   *[other] { $count } publications
}
content-pub-library-empty = No publications yet.
content-pub-library-none-filtered = No publication matches these filters.
content-pub-download-short = Download PDF ({ $size })
content-pub-download = Download PDF ({ $size })
content-pub-open-data = Metadata as open data (DCAT-AP.de):
content-pub-published-on = Published on
content-pub-summary-title = Summary in plain language
content-pub-abstract-title = Abstract
content-pub-cite-title = How to cite
content-pub-back = Back to all publications
content-pub-lang-de = German
content-pub-lang-en = English

content-pub-staff-title = Publications
content-pub-staff-lead = Studies, reports and positions with PDF, summary and licence.
content-pub-staff-public = To the public library
content-pub-staff-empty = No publications yet.
content-pub-count = { $count ->
    [one] One publication
   *[other] { $count } publications
}
content-pub-new-title = New publication
content-pub-edit-title = Edit publication
content-pub-col-state = Status
content-pub-col-file = PDF
content-pub-col-updated = Last changed
content-pub-col-actions = Actions
content-pub-state-draft = Draft
content-pub-state-scheduled = Scheduled for { $at }
content-pub-state-live = Published
content-pub-file-yes = PDF uploaded ({ $size })
content-pub-file-no = No PDF
content-pub-action-edit = Edit
content-pub-action-delete = Delete
content-pub-view-public = view public page
content-pub-choose = Please choose

content-pub-field-title = Title
content-pub-field-authors = Authors
content-pub-field-authors-short = Authors
content-pub-field-authors-hint = One person or organisation per line (or separated by semicolons).
content-pub-field-year = Year
content-pub-field-kind = Type
content-pub-field-topics = Topics
content-pub-field-abstract = Abstract
content-pub-field-abstract-hint = What is it about? Shown in the library, search and the open data.
content-pub-field-summary = Summary in plain language (accessible summary)
content-pub-field-summary-hint = Markdown. Short sentences, technical terms explained. Required before publishing.
content-pub-field-licence = Licence
content-pub-field-lang = Language
content-pub-field-slug = Address (slug)
content-pub-field-slug-hint = Part of the address /publikationen/… in lower-case letters, digits and hyphens. Leave empty to have it proposed from the title. Cannot change once published.
content-pub-field-slug-fixed = stays fixed because the publication has been published (download addresses stay valid).
content-pub-field-status = Status
content-pub-field-status-hint = "Published" with a time in the future schedules the publication.
content-pub-field-date = Publication date
content-pub-field-date-hint = Leave empty: now. Berlin time.
content-pub-field-time = Time
content-pub-field-time-hint = For example 09:00. Leave empty: midnight.
content-pub-file-after-save = Upload the PDF after saving for the first time; publishing needs the PDF.
content-pub-save = Save
content-pub-create = Create

content-pub-file-title = PDF file
content-pub-file-current = Current file: { $name }
content-pub-file-meta = PDF, { $size }
content-pub-file-none = No file uploaded yet.
content-pub-file-choose = Choose a PDF file
content-pub-file-replace = Replace the PDF file (the download address stays the same)
content-pub-file-hint = PDF only, at most { $max } MB. Please upload an accessible PDF (tagged, with headings, reading order and alternative texts for images).
content-pub-file-upload = Upload file

content-pub-conflict-title = Someone else has saved this publication in the meantime
content-pub-conflict-text = Your input is kept below but not saved yet. Check the current state, then save again – this overwrites the other change.
content-pub-conflict-current = Open the current state in a new tab

content-pub-delete-title = Delete publication
content-pub-delete-question = Delete "{ $title }" and its PDF file for good?
content-pub-delete-live = The publication is published: its page and download address will no longer be available.
content-pub-delete-hint = This cannot be undone. To only hide it, set the status to "Draft".
content-pub-delete-confirm = Delete for good
content-pub-delete-cancel = Cancel

content-pub-error-authors = Enter at least one author or organisation.
content-pub-error-year = Enter the year of publication as a four-digit number (1990 or later).
content-pub-error-kind = Choose the type of publication.
content-pub-error-topics = Choose at least one topic.
content-pub-error-licence = Choose a licence.
content-pub-error-lang = Choose the language.
content-pub-error-status = Choose a status.
content-pub-error-date = Enter a valid date (and a valid time such as 09:30).
content-pub-error-summary-needed = To publish, add the summary in plain language.
content-pub-error-file-needed = To publish, upload the PDF file. Save as a draft and upload the PDF below.
content-pub-error-slug = The address may only contain lower-case letters (a–z), digits and single hyphens.
content-pub-error-slug-taken = Another publication already has this address. Choose another or leave the field empty.
content-pub-error-slug-fixed = The address can no longer change because the publication has been published.
content-pub-error-file-missing = Choose a PDF file.
content-pub-error-file-empty = The file is empty.
content-pub-error-file-size = The file is larger than 50 MB. Make the PDF smaller (for example by compressing images) and upload it again.
content-pub-error-file-type = The file is not a PDF. Only PDF files are accepted – the content is checked, not the file name. Nothing was saved.
content-pub-error-file-active = The PDF contains active content (scripts, embedded files or program launches). Please save it without them, e.g. via "print to PDF". Nothing was saved.

notice-content-pub-created = The publication has been created. Now upload the PDF.
notice-content-pub-saved = The publication has been saved.
notice-content-pub-file-saved = The PDF has been saved.
notice-content-pub-deleted = The publication has been deleted.
content-pub-accessible-question = Do you need an accessible version?
content-pub-accessible-link = Write to us.
content-pub-error-title = Enter the title of the publication.
content-pub-error-abstract = Enter the abstract.

# Audit log labels (/verwaltung/protokoll)
audit-content-publication-create = Publication created
audit-content-publication-update = Publication changed
audit-content-publication-delete = Publication deleted
audit-content-publication-file = Publication file replaced
audit-content-publication-withdraw = Publication withdrawn
