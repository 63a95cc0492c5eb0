nav-broadband = Broadband
broadband-teaser-title = Broadband
broadband-teaser-text = Gigabit expansion in Saxony: coverage by district and municipality, market surveys and the municipalities' funding projects.

# Audit log labels (/verwaltung/protokoll)
audit-broadband-membership-added = Member added (broadband)
audit-broadband-membership-removed = Member removed (broadband)
audit-broadband-operator-created = Network operator created
audit-broadband-operator-member-added = Network operator member added
audit-broadband-operator-member-removed = Network operator member removed
