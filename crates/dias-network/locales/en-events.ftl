# KI-Netzwerk: events and posts
network-all = All
network-search-kind-event = AI network event
network-search-kind-post = AI network post

network-events-title = Events
network-events-lead = Workshops, conferences, meet-ups and webinars of Saxony's AI actors and the Digitalagentur. Register right here; when an event is fully booked you join the waiting list.
network-events-archive-title = Past events
network-events-archive-lead = The archive of all events of the AI network, newest first.
network-events-archive-link = See past events
network-events-upcoming-link = Go to upcoming events
network-events-feed-link = Subscribe to this selection as a calendar (iCal)
network-events-calendar-name = KI-Netzwerk Sachsen – events
network-events-filter = Narrow down
network-events-filter-apply = Show
network-events-results = Events found
network-events-count = { $count ->
    [one] One event
   *[other] { $count } events
}
network-events-none = There are no events for this selection.

network-event-new = Create an event
network-event-edit = Edit event
network-event-topic = Topic
network-event-topics = Topics
network-event-kreis = District
network-event-format = Format
network-event-on-site = On site
network-event-online = Online
network-event-when = When
network-event-where = Where
network-event-organiser = Organiser
network-event-organiser-dias = Digitalagentur Sachsen (DiAS)
network-event-organiser-hint = On whose behalf you offer the event.
network-event-seats = Seats
network-event-seats-left = { $count ->
    [0] fully booked – registrations join the waiting list
    [one] one seat left
   *[other] { $count } seats left
}
network-event-seats-open = no limit on participants
network-event-cancelled = Cancelled
network-event-full = Fully booked
network-event-ical = Add to your calendar (iCal file)
network-event-registration = Registration
network-event-register = Register
network-event-join-waiting-list = Join the waiting list
network-event-unregister = Withdraw registration
network-event-you-are-registered = You are registered. We look forward to seeing you!
network-event-you-are-waiting = You are number { $position } on the waiting list. When a seat becomes free you move up automatically and get a message.
network-event-registration-cancelled = The event has been cancelled; registration is closed.
network-event-registration-closed = The event has begun or is over; registration is closed.
network-event-sign-in-to-register = Sign in to take part in the event.
network-event-manage = For organisers
network-event-participants = Participants
network-event-participants-none = Nobody has registered yet.
network-event-participants-csv = Download the participant list (CSV)
network-event-csv-name = Name
network-event-csv-state = Status
network-event-csv-registered = Registered on
network-event-state-confirmed = registered
network-event-state-waiting = waiting list
network-event-cancel = Cancel the event
network-event-cancel-reason = Reason for cancelling
network-event-cancel-reason-hint = Everyone registered or waiting receives this message.

network-event-field-title = Title
network-event-field-description = Description
network-event-field-description-hint = Programme, audience, schedule. Markdown works (e.g. **bold**, lists, links).
network-event-field-starts = Start
network-event-field-ends = End
network-event-field-time-hint = Date and time in German time, e.g. 2026-12-01T14:00.
network-event-section-place = Place
network-event-section-place-hint = For events on site: name of the venue, address and municipality.
network-event-field-venue = Venue
network-event-section-online = Taking part online
network-event-field-url = Link to the online event
network-event-field-url-hint = Only for online events; registered people see the link.
network-event-section-more = Topics and seats
network-event-field-topics-hint = Competences and industries the event is about; lists can be filtered by them.
network-event-field-capacity = Number of seats
network-event-field-capacity-hint = Leave empty when participation is not limited.

network-event-error-organiser = Choose an organiser you may speak for.
network-event-error-time = Enter a date and time.
network-event-error-end-before-start = The end must be after the start.
network-event-error-too-long = An event lasts 14 days at most.
network-event-error-start-past = The start must be in the future.
network-event-error-format = Choose "On site" or "Online".
network-event-error-url = Enter an address starting with https:// or http://.
network-event-error-postcode = The postcode has five digits.
network-event-error-municipality = Choose the municipality of the venue.
network-event-error-topic = Choose topics from the list.
network-event-error-capacity = Enter a number from 1 to 100,000 or leave the field empty.
network-event-error-cancelled = This event has been cancelled.
network-event-error-past = This event has already begun.

notice-veranstaltung-angemeldet = You are registered.
notice-veranstaltung-warteliste = The event is fully booked – you are on the waiting list.
notice-veranstaltung-abgemeldet = Your registration has been withdrawn.
notice-veranstaltung-gespeichert = The event has been saved.
notice-veranstaltung-abgesagt = The event is cancelled; registered people are being notified.

notif-network-event-moved-up = A seat became free: you are now registered
notif-network-event-cancelled = An event you registered for has been cancelled

network-posts-title = Posts
network-posts-lead = News and knowledge from Saxony's AI network – by the Digitalagentur and by the actors themselves.
network-posts-feed-link = Subscribe to posts as a feed (Atom)
network-posts-feed-title = KI-Netzwerk Sachsen – posts
network-posts-results = Posts found
network-posts-count = { $count ->
    [one] One post
   *[other] { $count } posts
}
network-posts-none = There are no posts on this topic yet.
network-posts-mine = Your posts under review
network-posts-queue-title = Review posts
network-posts-queue-lead = Posts by actors appear only after the editorial team has approved them. When you reject a post, its author learns the reason.
network-posts-queue-count = { $count ->
    [0] No posts are waiting for review.
    [one] One post is waiting for review.
   *[other] { $count } posts are waiting for review.
}
network-post-new = Write a post
network-post-review-note = Your post appears once the editorial team has approved it. You will get a message.
network-post-field-actor = Publish for
network-post-field-actor-hint = The post appears in the name of this actor.
network-post-field-title = Title
network-post-field-teaser = Summary
network-post-field-teaser-hint = Two or three sentences for lists and the feed.
network-post-field-body = Text
network-post-field-body-hint = Markdown works (headings, lists, links).
network-post-publish = Publish
network-post-submit = Submit for review
network-post-state-pending = Under review
network-post-state-rejected = Rejected
network-post-pending-note = This post is not public yet.
network-post-approve = Approve
network-post-reject = Reject
network-post-reject-reason = Reason for rejecting
network-post-reject-reason-hint = The author will be told.
network-post-error-actor = Choose whom you are writing for.
network-post-error-decided = This post has already been decided.

notice-netzwerk-beitrag-veroeffentlicht = The post is published.
notice-netzwerk-beitrag-in-pruefung = Thank you! The editorial team will review the post.
notice-netzwerk-beitrag-freigegeben = The post is approved and published.
notice-netzwerk-beitrag-abgelehnt = The post is rejected; the reason has been sent.

notif-network-post-approved = Your post has been approved and published
notif-network-post-rejected = Your post was not approved

network-profile-events = Upcoming events
network-profile-posts = Latest posts
network-events-card = Workshops, meet-ups and conferences of the actors – with registration and calendar files.
network-posts-card = News and knowledge from the network, also as a feed.

network-mail-moved-up-subject = You are registered: { $title }
network-mail-moved-up-body = Hello { $person },

    a seat has become free for "{ $title }" ({ $when }). You have moved up from the waiting list and are now registered:
    { $url }

    If you can no longer attend, please withdraw your registration there so that the seat can go to someone else.

    Kind regards
    Digitalagentur Sachsen
network-mail-cancelled-subject = Cancelled: { $title }
network-mail-cancelled-body = Hello { $person },

    the event "{ $title }" ({ $when }), for which you were registered or on the waiting list, has been cancelled. The organiser writes:

    { $reason }

    { $url }

    Kind regards
    Digitalagentur Sachsen
network-post-edit = Edit post
notice-netzwerk-beitrag-gespeichert = The post has been saved.

# Audit log labels (/verwaltung/protokoll)
audit-network-event-created = Event created
audit-network-event-updated = Event changed
audit-network-event-cancelled = Event cancelled
