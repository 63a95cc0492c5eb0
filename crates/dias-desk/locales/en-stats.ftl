desk-stats-title = Inquiry statistics
desk-stats-lead = { $count ->
    [one] One inquiry has been received so far.
   *[other] { $count } inquiries have been received so far.
} The figures contain no personal data; anonymised inquiries are included.
desk-stats-median-days = Typical time to the first answer (median, working days)
desk-stats-median-hours = Typical time to the first answer (median, hours)
desk-stats-share = Answered within the target time
desk-stats-download = Download table
desk-stats-all-topics = All topics
desk-stats-unit-days = working days
desk-stats-chart-topics = Inquiries by topic
desk-stats-chart-topics-description = Bar chart: number of inquiries per topic.
desk-stats-chart-senders = Inquiries by sender
desk-stats-chart-senders-description = Bar chart: number of inquiries per type of sender.
desk-stats-chart-months = Inquiries per month
desk-stats-chart-months-description = Column chart: number of inquiries received in each of the last twelve months.
desk-stats-chart-answer-time = Time to the first answer
desk-stats-chart-answer-time-description = Bar chart: median working days from receipt to the first answer, per topic and overall.
desk-stats-chart-target = Answered within the target time
desk-stats-chart-target-description = Bar chart: share of inquiries in percent that received their first answer within their topic's target time, per topic and overall.
desk-stats-answer-time-explained = Working days in Saxony are counted – without weekends and Saxon public holidays such as Reformation Day and the Day of Repentance and Prayer. 0 means: answered on the day of receipt.
desk-stats-target-explained = The target time runs from receipt, in working days per topic. Inquiries still open count only once their target time has passed.
desk-stats-col-topic = Topic
desk-stats-col-sender = Sender
desk-stats-col-month = Month
desk-stats-col-count = Inquiries
desk-stats-col-answered = Answered
desk-stats-col-median-days = Median (working days)
desk-stats-col-median-hours = Median (hours)
desk-stats-col-decided = Counted
desk-stats-col-within = Within target
desk-stats-col-share = Share (%)
desk-stats-privacy = Closed inquiries are anonymised { $months } months after they were closed.
desk-stats-privacy-link = More on data protection
desk-stats-retention-job = Anonymize closed inquiries
desk-stats-table-details = all values
