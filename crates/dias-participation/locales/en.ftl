nav-participation = Participation
participation-teaser-title = Help shape the digital strategy
participation-teaser-text = Comment on the draft of Saxony's digital strategy, suggest changes and contribute your own ideas.
participation-title = Participation
participation-lead = Citizens, companies, municipalities and associations work on the digital policy of the Free State of Saxony here.
participation-none = There is no published participation process at the moment.
search-kind-process = Participation process
search-kind-paragraph = Strategy text
versions = Versions
search-kind-proposal = Proposal
current-phase = Current phase
no-current-phase = No active phase at the moment
timeline = Timeline
phase-past = finished
phase-current = current
phase-upcoming = upcoming
phase-open-for = Open in this phase
feature-commenting = Commenting
feature-proposals = Submitting proposals
feature-supporting = Supporting
feature-suggestions = Change suggestions
feature-voting = Voting on statements
feature-survey = Survey
about-process = About the process
organiser = Organiser
strategy-text = Strategy text
strategy-text-intro = Read the draft paragraph by paragraph, comment on it and suggest new wording.
text-how-to = For each paragraph you can read and write comments and suggest changes. Follow the link below the paragraph.
text-none = The strategy text has not been published yet.
version = Version
paragraph = Paragraph
paragraph-comments = { $count ->
    [0] No comments
    [one] 1 comment
   *[other] { $count } comments
}
paragraph-suggestions = { $count ->
    [0] no change suggestions
    [one] 1 change suggestion
   *[other] { $count } change suggestions
}
back-to-text = Back to the text
comments-title = Comments
comment-category = Kind of comment
category-anregung = Idea
category-frage = Question
category-kritik = Criticism
category-zustimmung = Agreement
comment-body = Your comment
comment-submit = Publish comment
comment-removed = This contribution was removed.
stance = Your position
stance-pro = For
stance-contra = Against
stance-neutral = Neutral
login-to-take-part = Sign in to take part.
suggestions-title = Change suggestions
suggestion = Change suggestion
suggestion-diff-label = Changes to the text: removed and new words are marked.
diff-removed = removed
diff-added = new
suggestion-reason = Reason
suggestion-status-open = open
suggestion-status-adopted = adopted
suggestion-status-partly_adopted = partly adopted
suggestion-status-rejected = not adopted
decision = Decision
decision-reason = Reason for the decision
decision-submit = Publish decision
suggest-title = Suggest a change
suggest-new-text = New wording of the paragraph
suggest-new-text-hint = Edit the existing text. Your changes will then be highlighted word by word.
suggest-submit = Submit change suggestion
support-button = Support
support-withdraw = Withdraw support
supports = Supports
supports-count = { $count ->
    [one] 1 support
   *[other] { $count } supports
}
supports-left = { $count ->
    [0] You have given all your supports in this process.
    [one] You can support one more proposal in this process.
   *[other] You can support { $count } more proposals in this process.
}
qualified = Threshold reached
proposals-title = Proposals
proposals-count = { $count ->
    [0] No proposals
    [one] 1 proposal
   *[other] { $count } proposals
}
comments-count = { $count ->
    [one] 1 comment
   *[other] { $count } comments
}
proposal-new = Submit a proposal
proposal-title = Title
proposal-title-hint = A short sentence describing your idea (10 to 150 characters).
proposal-body = Description
proposal-body-hint = What should change, and why? Paragraphs and lists are possible (Markdown).
proposal-submit = Submit proposal
topic = Field of action
topic-infrastruktur = Digital infrastructure
topic-verwaltung = Digital administration
topic-wirtschaft = Digital economy and work
topic-bildung = Education and digital skills
topic-ki-daten = Artificial intelligence and data
topic-sicherheit = Data protection and IT security
status = Status
status-submitted = submitted
status-in_review = under review
status-accepted = accepted
status-partly_accepted = partly accepted
status-rejected = rejected
status-implemented = implemented
place = Place
place-hint = Does your proposal concern a particular municipality? Then choose it.
place-none = All of Saxony
place-ags = Municipality key
place-ags-hint = Eight digits, for example 14612000 for Dresden.
please-choose = Please choose
all = All
sort = Sort by
sort-unterstuetzt = Most supported
sort-neu = Newest
sort-kommentiert = Most commented
sort-zufall = Random
filter-title = Filter proposals
filter-apply = Apply
author = By
answers-title = Statements of the agency
answer-form-title = Publish a statement
answer = Statement
answer-submit = Publish statement
cost = Cost
cost-eur = Estimated cost in euros
cost-hint = Optional, whole euros only.
phase-closed-commenting = Comments are not possible in the current phase.
phase-closed-proposals = Proposals cannot be submitted in the current phase.
phase-closed-supporting = Supporting is not possible in the current phase.
phase-closed-suggestions = Change suggestions are not possible in the current phase.
phase-closed-voting = Statements cannot be voted on in the current phase.
phase-closed-survey = The survey is not open in the current phase.
support-limit-reached = You have given all the supports you have in this process. Withdraw one to support this proposal.
proposal-withdrawn = This proposal has been withdrawn.
suggestion-decided = This change suggestion has already been decided.
error-title-too-short = The title must be at least 10 characters long.
error-status-transition = This status change is not intended.
error-number = Please enter a whole number.
error-suggestion-unchanged = The suggestion equals the current text. Please change the wording.
error-text-empty = The text contains no paragraphs.
notice-kommentar-gespeichert = Your comment is published.
notice-aenderung-gespeichert = Your change suggestion has been submitted.
notice-vorschlag-gespeichert = Your proposal has been submitted.
notice-unterstuetzt = You support this contribution.
notice-unterstuetzung-zurueckgezogen = Your support has been withdrawn.
notice-antwort-gespeichert = The statement is published.
notice-entschieden = The decision is published.
audit-proposal-answered = Statement on proposal
audit-suggestion-decided = Decision on change suggestion
versions-intro = Which versions exist and what changed between them.
version-title = Name
version-title-hint = For example “Revised version”.
version-default-title = Revised version
version-published = Published
version-new = Publish a new version
version-markdown = Text of the new version (Markdown)
version-markdown-hint = “# ” starts a chapter, “## ” a section; a blank line separates paragraphs. Paragraphs that stay recognisably the same keep their comments and links.
version-adopts = Adopted change suggestions
version-adopts-hint = Tick the decided suggestions this version takes in. Contributors see this with their contributions.
version-publish = Publish version
compare-versions = Compare versions
compare-from = Older version
compare-to = Newer version
compare-button = Compare
changes-heading = Changes
changes-count = { $count ->
    [0] No changed paragraphs.
    [one] 1 paragraph changed, added or removed.
   *[other] { $count } paragraphs changed, added or removed.
}
unchanged-count = { $count ->
    [one] 1 paragraph is unchanged.
   *[other] { $count } paragraphs are unchanged.
}
change-changed = changed
change-added = new
change-removed = removed
adopted-heading = Change suggestions taken into this version
import-problems-intro = The text was not published because it has structure errors:
line = Line
error-import-problems = The text has structure errors; see the list with line numbers.
import-paragraph-outside-section = Paragraph outside a section (a “## ” heading is missing before it).
import-section-before-chapter = Section before the first chapter (a “# ” heading is missing before it).
import-heading-too-deep = Headings deeper than “## ” are not supported.
mine-title = My contributions
mine-lead = What became of your proposals and change suggestions.
mine-none = No contributions yet.
trace-no-answer-yet = No statement yet.
trace-no-decision-yet = Not decided yet.
trace-adopted-in = Adopted in { $version }.
notice-fassung-veroeffentlicht = The new version is published.
audit-text-version-published = Version published
staff-tools = For editorial staff
export-all = Download all contributions
audit-participation-exported = Contributions exported
notice-wird-geprueft = Thank you! Your contribution will be checked by the moderators before it is published.
paragraph-outdated = This paragraph belongs to an older version. Please comment on the current version.
comment = Comment
comment-deleted = This comment was deleted by the person who wrote it.
comment-edited = edited
comment-helpful-count = { $count ->
    [0] Nobody found this helpful yet.
    [one] 1 person found this helpful.
   *[other] { $count } people found this helpful.
}
comment-vote = Helpful
comment-unvote = No longer helpful
comment-reply = Reply
comment-reply-body = Your reply
comment-reply-submit = Publish reply
comment-edit = Edit comment
comment-edit-hint = You can change your comment for 15 minutes after writing it.
comment-delete = Delete comment
comment-delete-confirm = Do you want to delete your comment? A note will take its place.
comment-vote-own = You cannot mark your own comments as helpful.
comment-edit-window-over = The time for editing is over (15 minutes after writing).
notice-hilfreich = You marked the comment as helpful.
notice-hilfreich-zurueck = Your mark was removed.
notice-kommentar-geaendert = Your comment was changed.
notice-kommentar-geloescht = Your comment was deleted.
