# Market surveys (MEV) – procedures, responses, evaluation

broadband-surveys-title = Market surveys
broadband-surveys-lead = Your market surveys: as a municipality the procedures of your area, as a network operator the procedures you are invited to.
broadband-surveys-lead-staff = All market surveys in the portal.
broadband-surveys-new = New procedure
broadband-surveys-none = There are no procedures for you yet.
broadband-surveys-list-caption = Procedures with area, deadline and state
broadband-surveys-area = Area
broadband-surveys-deadline = Response deadline
broadband-surveys-state = State
broadband-surveys-role = Your role
broadband-surveys-role-manager = Managing
broadband-surveys-role-invited = Invited
broadband-surveys-state-open = Open for responses
broadband-surveys-state-deadline-passed = Deadline passed
broadband-surveys-state-evaluating = Evaluation running
broadband-surveys-state-evaluated = Evaluated
broadband-surveys-synthetic = SYNTHETIC
broadband-surveys-synthetic-note = The address list of this procedure is invented (synthetic test data). Only the municipalities are real.

broadband-surveys-new-title = Open a market survey
broadband-surveys-new-lead = Set the area, the rule set, the dates and the address list and invite the network operators. The operators receive an e-mail.
broadband-surveys-field-title = Title
broadband-surveys-field-title-hint = For example “Gigabit market survey Amtsberg 2026”.
broadband-surveys-field-area-hint = One or more municipalities you may act for.
broadband-surveys-field-area-codes = Further municipalities (municipality codes)
broadband-surveys-field-area-codes-hint = Eight-digit municipality codes (AGS), separated by commas, for example 14521010.
broadband-surveys-field-rule-set = Rule set
broadband-surveys-field-rule-set-hint = The thresholds from which an address counts as supplied. The rule set must be in force on the start date.
broadband-surveys-rule-set-from = { $name }, in force from that day
broadband-surveys-rule-set-until = { $name }, no longer in force
broadband-surveys-field-start = Start of the market survey
broadband-surveys-field-start-hint = A date.
broadband-surveys-field-deadline-hint = At least eight weeks after the start, so { $earliest } at the earliest.
broadband-surveys-field-horizon = Horizon (years)
broadband-surveys-field-horizon-hint = Self-financed plans count when they are finished within this period (usually 3 years).
broadband-surveys-field-source = Address list
broadband-surveys-field-source-hint = Upload the addresses of the area or, for a trial, let synthetic addresses be generated.
broadband-surveys-source-file = Upload an address file (CSV)
broadband-surveys-source-synthetic = Generate synthetic demo addresses for the area (SYNTHETIC)
broadband-surveys-field-address-file = Address file (CSV)
broadband-surveys-field-address-file-hint = Columns: address_id, ags8, street, house_number, postcode, place, lat, lon, usage, households, businesses. At most { $limit } MB.
broadband-surveys-field-operators = Invite network operators
broadband-surveys-field-operators-hint = Invited operators report for every address what they supply and plan.
broadband-surveys-submit-new = Open procedure

broadband-surveys-error-title = Please enter a title.
broadband-surveys-error-title-long = The title may have at most 200 characters.
broadband-surveys-error-area = Please choose at least one municipality.
broadband-surveys-error-area-unknown = At least one code is not a Saxon municipality.
broadband-surveys-error-area-not-member = You may not act for all chosen municipalities.
broadband-surveys-error-start = Please enter the start as a date.
broadband-surveys-error-start-past = The start cannot lie in the past – today at the earliest.
broadband-surveys-error-deadline = Please enter the response deadline as a date.
broadband-surveys-error-deadline-short = The response deadline must be at least eight weeks after the start.
broadband-surveys-error-horizon = The horizon must be a whole number between 1 and 10 years.
broadband-surveys-error-rule-set = Please choose a rule set from the list.
broadband-surveys-error-rule-set-not-in-force = This rule set was not in force on the start date. Choose a rule set in force on that day or change the start.
broadband-surveys-error-source = Please choose where the address list comes from.
broadband-surveys-error-address-file = Please choose an address file or synthetic addresses.
broadband-surveys-error-too-large = The file is too large (at most { $limit } MB).
broadband-surveys-error-unreadable = The file cannot be read: { $detail }
broadband-surveys-error-no-address = The file has no valid address in the area. The table below names every rejected line.
broadband-surveys-error-responses-file = Please choose a file with your responses.
broadband-surveys-error-early = The deadline has not passed. Confirm that you want to evaluate now anyway.

notice-broadband-surveys-created = The procedure is open; the invited operators were notified by e-mail.
notice-broadband-surveys-invited = The operators are invited and were notified by e-mail.
notice-broadband-surveys-invite-none = You did not choose an operator.
notice-broadband-surveys-uploaded = Your response is stored.

broadband-surveys-mail-invite-subject = Invitation to a market survey: { $title }
broadband-surveys-mail-invite-body =
    Hello,

    you are invited to the market survey “{ $title }”. Please report by { $deadline } for every address of the area what you supply today and what you plan to build yourselves.

    Address list and upload: { $link }

    Your team at Digitalagentur Sachsen

broadband-surveys-addresses = Addresses
broadband-surveys-address-download = Download the address list (CSV)
broadband-surveys-address-report = Rejected lines of the address file
broadband-surveys-report-caption = Rejected lines with line number and reason
broadband-surveys-report-line = Line
broadband-surveys-report-reason = Reason
broadband-surveys-your-answer = Your response
broadband-surveys-your-answer-text = Upload your company's responses as a CSV file. A new file does not replace the old one; it is stored as a new version.
broadband-surveys-upload-action = Upload response
broadband-surveys-progress = Who has answered?
broadband-surveys-progress-caption = Invited operators with their latest response
broadband-surveys-no-invitations = No operator is invited yet.
broadband-surveys-operator = Operator
broadband-surveys-answered = Answered
broadband-surveys-not-answered = no response yet
broadband-surveys-version = Version
broadband-surveys-rows-accepted = Lines accepted
broadband-surveys-rows-rejected = Lines rejected
broadband-surveys-rows-total = Lines in total
broadband-surveys-late = late
broadband-surveys-invite = Invite further operators
broadband-surveys-invite-submit = Invite
broadband-surveys-uploads = All responses
broadband-surveys-your-uploads = Your responses
broadband-surveys-uploads-caption = Uploaded files with version and check result
broadband-surveys-uploaded-at = Uploaded
broadband-surveys-report = Check report
broadband-surveys-report-link = Report of version { $version }
broadband-surveys-evaluation = Evaluation
broadband-surveys-job-running-link = The evaluation is running – see its progress
broadband-surveys-early-warning = The response deadline runs until { $deadline }. Evaluating now takes only the responses received so far into account.
broadband-surveys-early-confirm = I want to evaluate before the deadline.
broadband-surveys-evaluate = Start evaluation
broadband-surveys-results-caption = Stored results, newest first
broadband-surveys-evaluated-on = Evaluated on
broadband-surveys-result-version = Version { $version }
broadband-surveys-status-supplied = supplied
broadband-surveys-status-planned = planned by the market
broadband-surveys-status-eligible = eligible for funding

broadband-surveys-upload-title = Upload response
broadband-surveys-upload-lead = You answer for { $operator }. Every line of the file must name this company in the operator column.
broadband-surveys-upload-deadline = Response deadline: { $deadline }.
broadband-surveys-upload-late-warning = The deadline has passed. You can still upload, but the response is marked late and left out of the evaluation.
broadband-surveys-field-responses-file = Responses (CSV)
broadband-surveys-field-responses-file-hint = Columns: address_id, operator, technology, down_mbps, up_mbps, kind, planned_date, milestone_plan. At most { $limit } MB.
broadband-surveys-upload-submit = Upload and check
broadband-surveys-report-title = Check report of the response, version { $version }
broadband-surveys-file = File
broadband-surveys-file-download = Download the file
broadband-surveys-late-note = This response came after the deadline and is left out of the evaluation.
broadband-surveys-report-clean = All lines were accepted.
broadband-surveys-report-kept = The valid lines are stored. These lines were rejected; correct them and upload the file again.
broadband-surveys-upload-again = Upload a new version
broadband-surveys-back = Back to the procedure

broadband-surveys-job-title = Evaluation
broadband-surveys-job-done = The evaluation is finished.
broadband-surveys-job-failed = The evaluation failed:
broadband-surveys-job-queued = The evaluation is waiting to start.
broadband-surveys-job-running = The evaluation is running:
broadband-surveys-job-wait = This page refreshes itself.
broadband-surveys-job-refresh = Refresh now
broadband-surveys-result-open = See result version { $version }

broadband-surveys-result-title = Result of the market survey, version { $version }
broadband-surveys-result-label = Result
broadband-surveys-response-rows = Response lines evaluated
broadband-surveys-result-early = This evaluation was started before the response deadline.
broadband-surveys-inputs = Responses used
broadband-surveys-inputs-none = There was no timely response.
broadband-surveys-input-used = { $operator }
broadband-surveys-input-rows = { $rows } lines
broadband-surveys-input-first-line = from line { $line } of the combined responses file
broadband-surveys-inputs-late = Left out because uploaded after the deadline:
broadband-surveys-inputs-silent = Without a timely response:
broadband-surveys-by-status = Addresses by status
broadband-surveys-by-status-caption = Addresses, households and businesses per status
broadband-surveys-status = Status
broadband-surveys-households = Households
broadband-surveys-businesses = Businesses
broadband-surveys-by-municipality = Per municipality
broadband-surveys-by-municipality-caption = Addresses per municipality and status with the share eligible for funding
broadband-surveys-municipality = Municipality
broadband-surveys-eligible-share = Share eligible
broadband-surveys-downloads = Downloads
broadband-surveys-dl-eligible = Addresses eligible for funding
broadband-surveys-dl-municipalities = Table per municipality
broadband-surveys-dl-addresses = All addresses with status (CSV)
broadband-surveys-dl-geojson = Address points (GeoJSON)
broadband-surveys-dl-protocol = Printable protocol
broadband-surveys-dl-protocol-csv = Protocol (CSV)
broadband-surveys-dl-rejected = Rejected lines (CSV)
broadband-surveys-dl-responses = Combined responses (CSV)
broadband-surveys-eligible-sheet = Eligible addresses
broadband-surveys-municipalities-sheet = Municipalities
broadband-surveys-back-result = Back to the result

broadband-surveys-protocol-title = Protocol of the market survey
broadband-surveys-protocol-note = For each address the deciding response comes first, then every response not taken into account with its reason. Line numbers refer to the combined responses file.
broadband-surveys-protocol-per-address = Responses per address
broadband-surveys-protocol-caption = Deciding and ignored responses per address
broadband-surveys-protocol-role = Role
broadband-surveys-protocol-offer = Offer
broadband-surveys-protocol-deciding = deciding
broadband-surveys-protocol-ignored = not taken into account
broadband-surveys-protocol-empty = No response concerns an address of the area.
broadband-surveys-protocol-rejected = Rejected lines
broadband-surveys-protocol-rejected-caption = Rejected lines of the address file and of the responses

broadband-surveys-area-block-title = Market surveys
broadband-surveys-area-block-none = There is no market survey for this area in the portal.
broadband-surveys-area-block-dates = start { $start },
broadband-surveys-area-block-deadline = response deadline { $deadline }

broadband-surveys-step-read = Reading addresses and responses.
broadband-surveys-step-evaluate = Evaluating the addresses.
broadband-surveys-step-store = Storing the result.
broadband-surveys-step-done = Done.
broadband-surveys-job-failed-note = The last evaluation failed.
broadband-surveys-job-failed-link = See the error
broadband-surveys-mine-title = My procedures
broadband-surveys-lead-operator = The market surveys your company is invited to. Upload your response there.
broadband-surveys-report-more = … and { $count } more rejected lines.
broadband-surveys-report-full-csv = Download the complete list of rejected lines as CSV
