# Debates and surveys (participation).

## Debates
debates-title = Debates
debates-intro = Discuss contested questions of the strategy with arguments for and against.
debates-lead = For each question you can write an argument for or against, or a neutral remark. The Digitalagentur closes every debate with a conclusion.
debates-none = There are no debates in this process yet.
search-kind-debate = Debate
debate-new = Create a debate
debate-edit = Edit debate
debate-open = open
debate-closed = closed
debate-closed-on = closed on { $date }
debate-closed-no-comments = New comments are no longer possible.
debate-conclusion = Conclusion
debate-conclusion-hint = What did the debate show, and what follows from it? The conclusion appears above the comments. Paragraphs and lists are possible (Markdown).
debate-close = Close the debate with this conclusion
debate-question = Question
debate-question-hint = A question that can be answered with yes or no (at most 300 characters).
debate-description = Description
debate-description-hint = What is it about, and which positions are there? Paragraphs and lists are possible (Markdown).
debate-stance = Your position on the question
debate-pro-count = { $count ->
    [one] 1 argument for
   *[other] { $count } arguments for
}
debate-contra-count = { $count ->
    [one] 1 argument against
   *[other] { $count } arguments against
}
debate-neutral-count = { $count ->
    [one] 1 neutral remark
   *[other] { $count } neutral remarks
}
debate-closed-refused = This debate is closed. New comments are no longer possible.
debate-already-closed = This debate is already closed.
notice-debatte-gespeichert = The debate has been saved.
notice-debatte-abgeschlossen = The debate is closed; the conclusion is published.
audit-debate-created = Debate created
audit-debate-closed = Debate closed

## Surveys
surveys-title = Surveys
surveys-intro = Answer short questions on digitalisation in Saxony. The results are published once a survey is closed.
surveys-lead = Everyone can answer a survey once and change the answers while it runs. The results appear here as soon as the survey is closed.
surveys-none = There are no surveys in this process yet.
survey-new = Create a survey
survey-state-open = running
survey-state-not-open = not open yet
survey-state-closed = closed
survey-responses-count = { $count ->
    [0] No answers yet
    [one] 1 person has answered
   *[other] { $count } people have answered
}
survey-answered-count = { $count ->
    [0] answered by nobody
    [one] answered by 1 person
   *[other] answered by { $count } people
}
survey-results = Results
survey-back = Back to the survey
survey-results-later = The results will be published as soon as the survey is closed.
survey-results-staff-only = The survey is still running. Only the editorial team sees these interim results.
survey-answered = You have taken part in this survey. While it runs, you can change your answers here.
survey-required-note = Questions marked "required" must be answered; all others are optional.
survey-submit = Send answers
survey-update = Change answers
survey-closed = This survey is closed. Answers are no longer possible.
survey-already-closed = This survey is already closed.
survey-hint-multiple = Several answers possible.
survey-hint-scale = Choose a value from { $range }.
survey-error-required = Please answer this question.
survey-error-invalid-choice = Please choose one of the answers offered.
survey-error-out-of-range = The value is outside the scale.
survey-error-format = The questions contain errors; see the list with line numbers.
survey-error-no-questions = Please enter at least one question.
survey-kind-single = Single choice
survey-kind-multiple = Multiple choice
survey-kind-text = Free text
survey-kind-scale = Scale
survey-kind-matrix = Matrix
survey-col-answer = Answer
survey-col-count = Number (share)
survey-col-row = Statement
survey-chart-description = Bar chart of the answers; shares refer to the { $count } people who answered the question. The numbers are also in the table.
survey-no-texts = No answers yet.
survey-texts-staff = Only the editorial team sees free-text answers, because they may point to individuals. The newest 200 are shown here, all of them in the CSV file.
survey-texts-private = Free-text answers are not published, because they may point to individuals. The Digitalagentur evaluates them.
survey-download = Download all answers (CSV, pseudonymised)
survey-close = Close the survey
survey-close-confirm = Do you want to close the survey? Afterwards no more answers are possible, and the results are published.
survey-title = Title
survey-description = Description
survey-description-hint = What is it about, how long does it take, who evaluates it? Paragraphs and lists are possible (Markdown).
survey-questions = Questions
survey-questions-hint = Each question starts with a line "kind: question text". Kinds: single, multiple, text, scale 1-5 (any range up to 11 points) and matrix (the German einfach, mehrfach, skala work too). A * after the kind makes the question required. Below it, the choices follow with "- " (for matrix: the columns) and, for matrix, the rows with "> ". Questions cannot be changed afterwards. Example:
survey-questions-example =
    single*: How often do you use online services of the administration?
    - never
    - sometimes
    - often

    scale 1-5: How satisfied are you?

    matrix: How important are these goals to you?
    > Fibre
    > Mobile network
    - important
    - unimportant

    text: What is missing?
survey-create = Create survey
survey-format-problems-intro = The survey was not created because the questions contain errors:
survey-format-option-without-question = A choice or row without a question before it (a line "kind: question text" is missing).
survey-format-option-not-allowed = Free-text and scale questions have no choices.
survey-format-row-not-matrix = Rows with "> " exist only for matrix questions.
survey-format-empty-option = The choice is empty.
survey-format-option-too-long = The choice is too long (at most 300 characters).
survey-format-expected-question = Expected a question "kind: question text", a choice "- …" or a matrix row "> …".
survey-format-unknown-kind = Unknown kind of question. Possible: single, multiple, text, scale 1-5 and matrix.
survey-format-scale-range = Invalid scale range. Write for example "scale 1-5" (at most 11 points, the first value smaller than the second).
survey-format-question-text-missing = The question text is missing.
survey-format-question-too-long = The question text is too long (at most 1,000 characters).
survey-format-too-few-options = This question needs at least two choices ("- …").
survey-format-no-rows = A matrix question needs at least one row ("> …").
survey-format-too-many-options = At most 20 choices and 20 rows per question.
survey-format-too-many-questions = At most 50 questions per survey.
notice-umfrage-gespeichert = Thank you! Your answers have been saved.
notice-umfrage-angelegt = The survey has been created.
notice-umfrage-abgeschlossen = The survey is closed; the results are published.
audit-survey-created = Survey created
audit-survey-closed = Survey closed
audit-survey-exported = Survey answers exported

## Editing surveys
survey-edit = Edit survey
survey-edit-title = Edit “{ $title }”
survey-save = Save changes
survey-edit-answered = This survey already has answers. You can change its title and description but no longer its questions: the answers refer to them. For other questions, close this survey and create a new one.
survey-error-answered = The questions can no longer be changed because answers exist.
survey-changed = The survey has just been changed. Please reload the page and answer again.
notice-umfrage-geaendert = The changes to the survey are saved.
audit-survey-updated = Survey changed
