# Förder-Check: Gemeinde und Verweise auf andere Module

funding-check-q-gemeinde = In welcher Gemeinde?
funding-check-hint-gemeinde = Nur nötig für Angebote, die auf einzelne Gemeinden beschränkt sind. Haben Sie einen Kreis gewählt, stehen hier nur dessen Gemeinden; ohne JavaScript nach „Angebote prüfen“.
funding-check-broadband-title = Breitbandausbau:
funding-check-broadband-text = Für schnelles Internet in Ihrer Kommune gibt es eigene Förderprogramme und Beratung.
funding-check-broadband-link = Zur Breitbandförderung
funding-check-dias-title = Beratung der Digitalagentur Sachsen
funding-check-dias-text = Die Digitalagentur hilft auch selbst weiter. Diese ihrer Angebote kommen für Sie in Frage:
funding-check-ask-text = Nichts Passendes gefunden oder Fragen zu einem Angebot?
funding-check-ask-link = Frage stellen
