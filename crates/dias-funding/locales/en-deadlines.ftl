# Förderlotse (dias-funding): deadlines, watch list with reminders, comparison.

## Deadlines
funding-deadlines-title = Application deadlines
funding-deadlines-lead = The next cut-off dates and submission deadlines of the support offers, by month. Narrow the list down or subscribe to it as a calendar.
funding-deadlines-link = See upcoming deadlines
funding-deadlines-link-filtered = See the deadlines of this selection
funding-deadlines-feed-link = Subscribe to the deadlines as a calendar (iCal)
funding-deadlines-filter-title = Narrow down deadlines
funding-deadlines-filter-apply = Show
funding-deadlines-filter-reset = All deadlines
funding-deadlines-count = { $count ->
    [0] No upcoming deadline found.
    [one] One upcoming deadline.
   *[other] { $count } upcoming deadlines.
}
funding-deadlines-none = No deadlines are known for this selection. Many offers accept applications at any time; you find them in the search.
funding-deadlines-ical = Subscribe as a calendar (iCal)
funding-deadlines-ical-hint = You can subscribe to this address in your calendar program; it holds the same selection.
funding-deadlines-to-search = This selection in the search
funding-deadlines-days-left = { $days ->
    [0] today
    [one] tomorrow
   *[other] in { $days } days
}
funding-deadlines-month = { $month } { $year }
funding-deadlines-month-1 = January
funding-deadlines-month-2 = February
funding-deadlines-month-3 = March
funding-deadlines-month-4 = April
funding-deadlines-month-5 = May
funding-deadlines-month-6 = June
funding-deadlines-month-7 = July
funding-deadlines-month-8 = August
funding-deadlines-month-9 = September
funding-deadlines-month-10 = October
funding-deadlines-month-11 = November
funding-deadlines-month-12 = December
funding-deadlines-calendar-name = Förderlotse Saxony: application deadlines
funding-deadlines-ical-summary = Deadline: { $title }

## Watch list
funding-watch-title = My watch list
funding-watch-lead = Offers you have saved. Before the next deadline we remind you by e-mail – as many days ahead as you set here.
funding-watch-empty = Your watch list is empty. On every offer page you can add the offer with “Save”.
funding-watch-to-search = To the support offers
funding-watch-add = Save
funding-watch-added-label = Saved
funding-watch-remove = Remove from the watch list
funding-watch-remove-named = Remove { $title } from the watch list
funding-watch-sign-in = Sign in to save this offer
funding-watch-list-link = To the watch list
funding-watch-days = Reminder
funding-watch-days-named = Reminder for { $title }
funding-watch-days-option = { $days } days before the deadline
funding-watch-days-hint = We remind you by e-mail before the next deadline.
funding-watch-days-save = Save
funding-watch-next-deadline = Next deadline
funding-watch-no-deadline = no deadline known
funding-watch-offer = Offer
funding-watch-status = Status
funding-watch-actions = Actions
funding-watch-compare = Compare the watch list
funding-watch-compare-hint = Compares the first four offers of your watch list.
funding-watch-unknown-offer = This offer does not exist.
funding-watch-full = Your watch list is full: you can save at most { $max } offers. First remove an offer you no longer need.
funding-watch-job = Send funding reminders now
notice-funding-watch-added = The offer is on your watch list.
notice-funding-watch-removed = The offer was removed from your watch list.
notice-funding-watch-changed = The reminder was changed.
funding-watch-mail-subject = { $count ->
    [one] Reminder: a deadline on your watch list is coming up
   *[other] Reminder: { $count } deadlines on your watch list are coming up
}
funding-watch-mail-body = Hello { $person },

    a deadline is coming up for these offers on your watch list in the Förderlotse:

    { $list }

    Your watch list and reminder settings: { $watchlist }

    This message was sent automatically. You receive it because you put these offers on your watch list.
funding-watch-mail-item = – { $title }
      Deadline: { $date }
      { $url }
funding-watch-mail-item-note = – { $title }
      Deadline: { $date } ({ $note })
      { $url }

## Comparison
funding-compare-title = Compare offers
funding-compare-lead = Up to four offers side by side, condition by condition.
funding-compare-select = Compare
funding-compare-select-named = Compare { $title }
funding-compare-submit = Compare selected
funding-compare-submit-hint = Choose up to four offers with “Compare”.
funding-compare-link = Compare
funding-compare-table = Conditions compared
funding-compare-condition = Condition
funding-compare-empty = Choose up to four offers with “Compare” in the search to see them side by side here.
funding-compare-too-many = At most { $max } offers can be compared. The first { $max } are shown.
funding-compare-unknown = These offers do not exist: { $slugs }
funding-compare-none = –
funding-compare-all-sizes = no size limit
funding-compare-to-search = Find more offers
funding-compare-remove = Remove { $title } from the comparison
