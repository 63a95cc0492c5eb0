## Funding projects (broadband)

broadband-projects-title = Funding projects
broadband-projects-lead = Gigabit funding projects of Saxony's municipalities and districts: which stage they are at, which funds are granted and how many addresses get connected.
broadband-projects-new = New funding project
broadband-projects-edit = Edit project
broadband-projects-save = Save changes
broadband-projects-create = Create project
broadband-projects-cancel = Cancel
broadband-projects-choose = Please choose
broadband-projects-count = { $count ->
    [one] One project
   *[other] { $count } projects
}
broadband-projects-none = No projects found.
broadband-projects-summary = Together (all filtered projects)
broadband-projects-to-list = To the list of funding projects
broadband-projects-area-in = { $name } ({ $kreis })
broadband-projects-area-kreis = { $name } (whole district)

broadband-projects-filter-title = Filters
broadband-projects-filter-kreis = District
broadband-projects-filter-stage = Stage
broadband-projects-filter-all = All
broadband-projects-filter-overdue = Overdue projects only
broadband-projects-filter-apply = Apply filters
broadband-projects-filter-reset = Reset

broadband-projects-field-name = Project name
broadband-projects-field-name-hint = For example “Gigabit expansion Amtsberg, cluster 2”.
broadband-projects-field-area = Area
broadband-projects-field-area-hint = The municipality or the whole district the project is funded for.
broadband-projects-field-stage = Stage
broadband-projects-field-model = Model
broadband-projects-field-model-hint = Outcome of the selection procedure; required before the concretisation at the latest.
broadband-projects-field-federal = Federal
broadband-projects-field-state = State
broadband-projects-field-state-hint = Saxony's co-financing requires a federal grant.
broadband-projects-field-municipal = Municipality
broadband-projects-field-eligible = Eligible costs
broadband-projects-field-eligible-hint = Federal, state and municipal shares together must not exceed this amount.
broadband-projects-field-addresses = Addresses (connected / planned)
broadband-projects-field-addresses-planned = Planned addresses
broadband-projects-field-addresses-connected = Connected addresses
broadband-projects-field-addresses-connected-hint = At most as many as planned.
broadband-projects-field-responsible = Responsible people
broadband-projects-field-responsible-hint = Names and roles, one person per line, for example “Broadband coordination: Ms Example”. Only what the cooperation needs.
broadband-projects-field-planned-of = Planned: { $stage }
broadband-projects-amounts = Amounts
broadband-projects-amounts-hint = In euros, for example 1,250,000.00. Empty means 0.
broadband-projects-planned-dates = Planned dates of the stages
broadband-projects-planned-dates-hint = A stage whose planned date has passed without being reached is overdue. The dates follow the order of the stages.

broadband-projects-model-none = Not decided yet
broadband-projects-model-wirtschaftlichkeitsluecke = Profitability gap model
broadband-projects-model-betreibermodell = Operator model

broadband-projects-stage-beratung = Consultation
broadband-projects-stage-potenzialanalyse = Potential analysis / industry dialogue
broadband-projects-stage-markterkundung = Market survey
broadband-projects-stage-foerderantrag = Funding application (project agency)
broadband-projects-stage-vorlaeufiger-bescheid = Provisional grant notice
broadband-projects-stage-auswahlverfahren = Selection procedure
broadband-projects-stage-konkretisierung = Concretisation
broadband-projects-stage-endgueltiger-bescheid = Final grant notice
broadband-projects-stage-landes-kofinanzierung = State co-financing
broadband-projects-stage-bau = Construction / drawdown of funds
broadband-projects-stage-inbetriebnahme = Commissioning
broadband-projects-stage-verwendungsnachweis = Proof of use

broadband-projects-timeline = Stages
broadband-projects-planned = Planned
broadband-projects-reached = Reached
broadband-projects-stage-current = current
broadband-projects-stage-done = done
broadband-projects-stage-change = Change stage
broadband-projects-stage-current-is = Current stage: { $stage }
broadband-projects-stage-to = New stage
broadband-projects-stage-to-hint = Forward always goes to the next stage only. Back is possible to any earlier stage; the history is kept.
broadband-projects-stage-forward = Forward to: { $stage }
broadband-projects-stage-back = Back to: { $stage }
broadband-projects-stage-date = Date
broadband-projects-stage-date-hint = The day the stage was reached, for example the date of the notice.
broadband-projects-stage-submit = Save stage
broadband-projects-stage-none = No change possible.
broadband-projects-note = Note
broadband-projects-note-hint = Required when going back to an earlier stage: why?

broadband-projects-overdue-title = Overdue
broadband-projects-overdue-lead = Stages whose planned date has passed without the project reaching them.
broadband-projects-overdue-count = { $count ->
    [0] No overdue stages.
    [one] One overdue stage
   *[other] { $count } overdue stages
}
broadband-projects-overdue-badge = Overdue
broadband-projects-overdue-stage = { $stage } (planned { $date })
broadband-projects-overdue-stage-header = Overdue stage
broadband-projects-overdue-days = Days overdue

broadband-projects-documents = Documents
broadband-projects-documents-none = No documents yet.
broadband-projects-document-add = Add a document
broadband-projects-document-file = File
broadband-projects-document-hint = PDF, ODT, DOCX, XLSX or CSV, at most 10 MB.
broadband-projects-document-submit = Upload
broadband-projects-document-remove = Remove
broadband-projects-document-remove-named = Remove: { $name }
broadband-projects-document-size = { $kb } KB
broadband-projects-responsible-none = None given.

broadband-projects-history = History
broadband-projects-history-nobody = (no account)
broadband-projects-history-created = Project created at stage { $stage }
broadband-projects-history-stage = Stage { $from } → { $to } on { $date }
broadband-projects-history-stage-back = Back from { $from } to { $to } on { $date }
broadband-projects-history-edited = Details changed
broadband-projects-history-document-added = Document added: { $name }
broadband-projects-history-document-removed = Document removed: { $name }

broadband-projects-conflict-title = Changed in the meantime
broadband-projects-conflict-text = Someone else saved the project while you were editing it. Your input is below; check the current state and save again to overwrite it.
broadband-projects-conflict-stage = Someone else changed the project while you were choosing the stage. Check the current state and save again.
broadband-projects-conflict-link = See the current state

broadband-projects-error-area = Choose a Saxon municipality or district.
broadband-projects-error-area-not-yours = You cannot create projects for this area.
broadband-projects-error-model = Choose a model from the list.
broadband-projects-error-amount = Enter an amount in euros, for example 1,250,000.00 (not negative, at most two decimals).
broadband-projects-error-amount-range = The amount is too large.
broadband-projects-error-shares-exceed = Federal, state and municipal shares together exceed the eligible costs.
broadband-projects-error-state-without-federal = Saxony co-finances only on top of a federal grant.
broadband-projects-error-number = Enter a whole number.
broadband-projects-error-addresses-range = Enter a number between 0 and 5,000,000.
broadband-projects-error-connected-exceeds = There cannot be more connected addresses than planned ones.
broadband-projects-error-date = Enter a date (DD.MM.YYYY).
broadband-projects-error-planned-order = This date is before that of an earlier stage.
broadband-projects-error-stage = Choose a stage from the list.
broadband-projects-error-stage-step = Forward goes to the next stage only; back to any earlier one.
broadband-projects-error-model-first = First set the model of the selection procedure (edit project).
broadband-projects-error-cofinancing-first = First enter the federal grant (edit project): in Saxony the state co-financing always follows the federal notice.
broadband-projects-error-date-future = The date must not be in the future.
broadband-projects-error-date-before-current = The date is before that of the current stage.
broadband-projects-error-note-back = Say why the project goes back.
broadband-projects-error-document-missing = Choose a file.
broadband-projects-error-document-size = The file is larger than 10 MB.
broadband-projects-error-document-type = This file is not a PDF, ODT, DOCX, XLSX or CSV.
broadband-projects-error-document-extension = The file name's extension does not match the file's content.
broadband-projects-error-filter = Unknown filter.

broadband-projects-lagebild = Situation report
broadband-projects-lagebild-title = Situation report: funding projects
broadband-projects-lagebild-lead = { $count ->
    [one] One funding project by stage, and funds by district.
   *[other] { $count } funding projects by stage, and funds by district.
}
broadband-projects-chart-stages = Projects by stage
broadband-projects-chart-stages-description = Bar chart: number of funding projects per stage, from consultation to proof of use.
broadband-projects-chart-funds = Funds by district
broadband-projects-chart-funds-description = Grouped bar chart: per district the federal, state and municipal funds in euros.
broadband-projects-chart-projects = Projects
broadband-projects-chart-kreis = District
broadband-projects-chart-federal-eur = Federal (EUR)
broadband-projects-chart-state-eur = State (EUR)
broadband-projects-chart-municipal-eur = Municipality (EUR)
broadband-projects-chart-eligible-eur = Eligible costs (EUR)
broadband-projects-download = Download

broadband-projects-area-block-title = Funding projects
broadband-projects-area-block-none = No funding projects recorded.

notice-broadband-projects-created = The funding project was created.
notice-broadband-projects-saved = The changes were saved.
notice-broadband-projects-stage-changed = The stage was saved.
notice-broadband-projects-document-added = The document was uploaded.
notice-broadband-projects-document-removed = The document was removed.
broadband-projects-error-model-kept = The project has completed the selection procedure: the model must stay set.
broadband-projects-error-federal-kept = The project has reached the state co-financing, which in Saxony follows the federal grant: the federal grant must stay recorded.
broadband-projects-surveys = Market surveys in the project area
broadband-projects-surveys-none = There is no market survey procedure for this project's municipalities yet.
broadband-projects-error-area-required = Please choose the area.
broadband-projects-field-federal-hint = The federal grant as stated in the funding notice.
broadband-projects-field-municipal-hint = The municipality's or district's own share.
