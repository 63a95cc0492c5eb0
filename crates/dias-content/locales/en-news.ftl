# News and media library (ids content-news-*, content-media-*; notices after
# redirects as notice-content-news-*, notice-content-media-*).

## News: public pages
content-news-title = News
content-news-lead = News from the Digitalagentur Sachsen: broadband rollout, funding, artificial intelligence and digital administration.
content-news-feed-title = News from the Digitalagentur Sachsen
content-news-feed-link = Subscribe to the news feed (Atom)
content-news-feed-author = Digitalagentur Sachsen
content-news-topics = Topics
content-news-topics-all = All topics
content-news-results = Articles
content-news-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
content-news-none = There are no articles for this selection yet.
content-news-byline = by
content-news-related = Related on the portal
content-news-back = Back to News
content-news-search-kind = News
content-news-preview-prefix = Preview
content-news-preview-draft = Preview: this article is a draft and not visible to visitors.
content-news-preview-scheduled = Preview: this article will appear on { $at }. Until then it is not public.
content-news-preview-edit = Edit article

## News: editorial
content-news-staff-title = News
content-news-staff-public = View the public page
content-news-staff-empty = There are no articles yet.
content-news-new = New article
content-news-edit-title = Edit article
content-news-edit-crumb = Article
content-news-filter = Status
content-news-filter-all = All
content-news-filter-apply = Show
content-news-filter-scheduled = Scheduled
content-news-col-state = Status
content-news-col-updated = Last changed
content-news-col-public = Public page
content-news-show = View
content-news-preview = Preview
content-news-state-draft = Draft
content-news-state-scheduled = Scheduled for { $at }
content-news-state-live = Published
content-news-status-draft = Draft (not public)
content-news-status-published = Publish (at the given time)
content-news-field-title = Title
content-news-field-slug = Address
content-news-field-slug-hint = The last part of the address /aktuelles/…: lower-case letters, digits and hyphens. Leave empty to derive it from the title. It is fixed once published.
content-news-field-slug-fixed = The article has been public; its address stays so that links and feeds keep working.
content-news-field-teaser = Teaser
content-news-field-teaser-hint = One or two sentences for the list, the feed and search (at most 500 characters).
content-news-field-body = Text
content-news-field-body-hint = Markdown: ## subheading, **bold**, [link text](/address), images with alternative text: ![what the image shows](/medien/…).
content-news-field-image = Image
content-news-field-image-hint = An image from the media; its alternative text is used. Upload new images under “Media”.
content-news-field-image-none = No image
content-news-field-byline = Author
content-news-field-byline-hint = How the name appears under the article; leave empty for none.
content-news-field-status = Status
content-news-field-status-hint = A published article with a time in the future is scheduled and appears only then.
content-news-field-date = Publication date
content-news-field-date-hint = Leave empty to publish now.
content-news-field-time = Time
content-news-field-time-hint = German time (Berlin), e.g. 09:00; empty means midnight.
content-news-create = Create article
content-news-save = Save
content-news-conflict-title = The article has been changed in the meantime
content-news-conflict-text = Someone saved the article after you opened it. Your input is kept below; check the changes on the public page or in the preview, then save again.
content-news-conflict-current = Show the saved version
content-news-links-hint = Processes, funding offers, events or other portal pages related to the article. They appear below the text.
content-news-links-empty = No related items yet.
content-news-link-add-title = Add a related item
content-news-field-link-path = Address on the portal
content-news-field-link-path-hint = Starts with /, e.g. /beteiligung/verfahren/radwegenetz or /netzwerk/veranstaltungen/42.
content-news-field-link-label = Label
content-news-field-link-label-hint = What the link is called, e.g. “Participation: Saxony cycle network”.
content-news-link-add = Add related item
content-news-link-remove = Remove
content-news-delete-title = Delete article
content-news-delete = Delete article
content-news-delete-confirm = Delete this article for good?

content-news-error-title = Please enter a title.
content-news-error-title-long = The title may be at most 200 characters long.
content-news-error-slug = The address may only contain lower-case letters, digits and single hyphens (at most 160 characters).
content-news-error-slug-taken = Another article already has this address. Please choose another one.
content-news-error-teaser = Please enter a teaser.
content-news-error-teaser-long = The teaser may be at most 500 characters long.
content-news-error-body = Please enter the text of the article.
content-news-error-body-long = The text is too long (at most 100,000 characters).
content-news-error-byline-long = The author may be at most 200 characters long.
content-news-error-image_id = Please choose an image from the media.
content-news-error-topics = Please choose topics from the list only.
content-news-error-status = Please choose a status.
content-news-error-publish_date = Please enter a valid date (DD.MM.YYYY).
content-news-error-publish_time = Please enter a valid time (e.g. 09:30).
content-news-error-link_path = Please enter the address on the portal.
content-news-error-link_path-local = The address must be a page of this portal and start with /, e.g. /foerderung/angebote/digitalbonus.
content-news-error-link_label = Please enter a label.
content-news-error-link_label-long = The label may be at most 200 characters long.

notice-content-news-created = The article has been created.
notice-content-news-saved = The article has been saved.
notice-content-news-deleted = The article has been deleted.
notice-content-news-link-added = The related item has been added.
notice-content-news-link-removed = The related item has been removed.

## Media library
content-media-title = Media
content-media-lead = Images (PNG, JPEG) and files (PDF) for pages and articles. Images need an alternative text, files a description.
content-media-upload-title = Upload
content-media-field-file = File
content-media-field-file-hint = PNG, JPEG or PDF, at most { $max } MB. The type is recognised from the content, not the name.
content-media-field-file-again = Please choose the file again; your texts are kept.
content-media-field-alt = Alternative text (required for images)
content-media-field-alt-hint = What the image shows for people who cannot see it, e.g. “Fibre cables being laid in a trench in Döbeln”.
content-media-field-description = Description (required for PDF files)
content-media-field-description-hint = What the file contains; proposed as link text, e.g. “Digitalbonus leaflet (PDF)”.
content-media-upload = Upload
content-media-list-title = All media
content-media-count = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
content-media-empty = No media have been uploaded yet.
content-media-col-preview = Preview
content-media-col-name = File name
content-media-col-text = Alternative text or description
content-media-col-size = Size
content-media-col-date = Uploaded
content-media-col-kind = Kind
content-media-kind-image = Image
content-media-kind-file = PDF file
content-media-address = Public address
content-media-snippet = Markdown to paste
content-media-snippet-hint = Copy this line into the text of a page or an article.
content-media-edit-title = Change text
content-media-save = Save
content-media-usages-title = Where it is used
content-media-unused = This item is not used in any article or on any page.
content-media-used-hint = This item is used here and can only be deleted once it has been removed there:
content-media-delete = Delete item
content-media-delete-confirm = Delete this item for good?
content-media-delete-refused = The item is still in use and was not deleted. Remove it here first:
content-media-back = Back to the media

content-media-error-file = Please choose a file.
content-media-error-size = The file is larger than 10 MB. Please make it smaller (e.g. scale the image down, compress the PDF).
content-media-error-type = The file is not a PNG or JPEG image or a PDF file. Other file types cannot be uploaded.
content-media-error-mismatch = The file name does not match the file's content (e.g. a PDF named .png). Please check that you chose the right file.
content-media-error-active = The PDF contains active content (scripts, launch actions or embedded files) and cannot be published. Please save it without them (e.g. “Print to PDF”).
content-media-error-alt = Please enter an alternative text for the image.
content-media-error-alt-long = The alternative text may be at most 300 characters long.
content-media-error-description = Please enter a description of the file.
content-media-error-description-long = The description may be at most 500 characters long.

notice-content-media-uploaded = The file has been uploaded.
notice-content-media-saved = The text has been saved.
notice-content-media-deleted = The item has been deleted.
content-news-delete-question = Do you want to delete the article “{ $title }” for good? This cannot be undone.
content-media-delete-question = Do you want to delete the medium “{ $name }” for good? This cannot be undone.

# Audit log labels (/verwaltung/protokoll)
audit-content-news-create = News item created
audit-content-news-update = News item changed
audit-content-news-delete = News item deleted
audit-content-news-link-add = News item link added
audit-content-news-link-remove = News item link removed
