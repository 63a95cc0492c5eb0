nav-broadband = Breitband
broadband-teaser-title = Breitband
broadband-teaser-text = Gigabitausbau in Sachsen: Versorgung nach Kreis und Gemeinde, Markterkundungsverfahren und Förderprojekte der Kommunen.
