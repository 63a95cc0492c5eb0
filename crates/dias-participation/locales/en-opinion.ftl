# Opinion map (participation): voting on statements, results, moderation, exports.

opinion-title = Opinion map
opinion-card-text = Rate short statements and see which opinion groups there are and where everyone agrees.
opinion-default-question = What do you think about the plans of this process?
opinion-intro = You see one statement at a time. Agree, disagree or skip it. From all ratings the portal computes groups of people who think alike.
opinion-computed-at = Last computed: { $time }
opinion-computed-never = Not computed yet.
opinion-progress = You have rated { $voted } of { $total } statements.
opinion-card-heading = Statement
opinion-no-statements = There are no statements yet.
opinion-all-done = You have rated all statements. Thank you!
opinion-results-link = See the results
opinion-vote-label = Your rating of this statement
opinion-vote-agree = Agree
opinion-vote-disagree = Disagree
opinion-vote-pass = Skip
opinion-sign-in-to-vote = Please sign in to rate statements.
opinion-queue-link = Moderate statements
opinion-pending-count = { $count ->
    [0] none waiting
    [one] 1 awaiting approval
   *[other] { $count } awaiting approval
}
opinion-new-heading = Add your own statement
opinion-new-label = Your statement
opinion-new-hint = One short, self-contained sentence others can agree or disagree with. At most { $max } characters.
opinion-new-premoderated = New statements appear after the moderators have checked them.
opinion-new-submit = Submit statement
opinion-new-closed = Statements cannot be submitted in the current phase.
opinion-new-sign-in = Please sign in to add your own statements.
opinion-error-vote = This rating is not valid.
opinion-error-decision = This decision is not valid.
notice-opinion-statement-added = Your statement is published and shown to others for rating.
notice-opinion-statement-pending = Your statement was received and appears once the moderators have checked it.
notice-opinion-decided = The decision is saved.

## Moderation
opinion-queue-title = Moderate statements
opinion-queue-lead = New statements wait here for approval when the process is pre-moderated. Rejected statements are no longer shown to anyone and no longer count in the opinion map.
opinion-back = Back to the opinion map
opinion-queue-pending = Awaiting approval
opinion-queue-accepted = Published
opinion-queue-rejected = Rejected
opinion-queue-none = No statements.
opinion-col-number = No.
opinion-statement = Statement
opinion-col-created = Submitted
opinion-col-actions = Decision
opinion-accept = Approve
opinion-reject = Reject

## Results
opinion-results-title = Opinion map: results
opinion-no-analysis = There is no analysis yet. Once there are enough ratings, the opinion map is computed in the background.
opinion-basis = Based on { $votes }
opinion-votes = { $count ->
    [one] 1 rating
   *[other] { $count } ratings
}
opinion-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
opinion-my-group-heading = Your opinion group
opinion-my-group = Your group: { $group }
opinion-my-group-summary-agree = Your group: { $group } — agrees with “{ $statement }”
opinion-my-group-summary-disagree = Your group: { $group } — disagrees with “{ $statement }”
opinion-my-group-agrees = Your group agrees markedly more often than the others with:
opinion-my-group-disagrees = Your group disagrees markedly more often than the others with:
opinion-my-group-none = You are not in a group yet. That takes a few more ratings, and the computation runs only every few seconds.
opinion-my-group-not-voted = You have not rated any statement yet.
opinion-vote-now = Rate statements now
opinion-map-heading = Map of the opinion groups
opinion-map-caption = Each point is one person. People who rated alike are close together; the axes themselves have no meaning.
opinion-thinned = Every n-th person is shown ({ $drawn }).
opinion-svg-desc = Scatter plot of the participants by their ratings.
opinion-svg-desc-group = Group { $group }.
opinion-svg-desc-me = Your own point is large, outlined in black and labelled “You”.
opinion-you = You
opinion-legend = Legend
opinion-legend-me = Large point outlined in black, labelled “You”: your position
opinion-group = Group { $group }
opinion-your-group = your group
opinion-ungrouped = Not in a group yet
opinion-shape-circle = circles
opinion-shape-square = squares
opinion-shape-triangle = triangles
opinion-shape-diamond = diamonds
opinion-shape-cross = crosses
opinion-shape-ring = empty circles
opinion-groups-heading = What the groups stand for
opinion-groups-lead = For each group the statements on which it differs most from the others, with the shares within the group.
opinion-col-stands = Group's position
opinion-col-agree = Agree
opinion-col-disagree = Disagree
opinion-col-pass = Skipped
opinion-stands-agree = agrees
opinion-stands-disagree = disagrees
opinion-groups-note = The groups are computed with the method of Polis (principal components and k-means). They describe patterns in the ratings, not people.
opinion-consensus-heading = Where everyone agrees
opinion-consensus-none = So far there is no statement on which nearly everyone agrees.
opinion-consensus-caption = Statements with broad agreement across all groups
opinion-col-consensus = Agreement
opinion-consensus-agree = broad agreement
opinion-consensus-disagree = broad disagreement
opinion-exports-heading = Data for evaluation
opinion-export-votes = Ratings (CSV)
opinion-export-statements = Statements (CSV)
opinion-export-matrix = Matrix participants × statements (CSV)
opinion-export-analysis = Analysis (JSON)

# Audit log labels (/verwaltung/protokoll)
audit-opinion-statement-decided = Decision on statement
audit-opinion-exported = Opinion poll exported
