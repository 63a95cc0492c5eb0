nav-broadband = Breitband
broadband-teaser-title = Breitband
broadband-teaser-text = Gigabitausbau in Sachsen: Versorgung nach Kreis und Gemeinde, Markterkundungsverfahren und Förderprojekte der Kommunen.

# Audit log labels (/verwaltung/protokoll)
audit-broadband-membership-added = Mitglied hinzugefügt (Breitband)
audit-broadband-membership-removed = Mitglied entfernt (Breitband)
audit-broadband-operator-created = Netzbetreiber angelegt
audit-broadband-operator-member-added = Mitarbeiter des Netzbetreibers hinzugefügt
audit-broadband-operator-member-removed = Mitarbeiter des Netzbetreibers entfernt
