# Funding check: municipality and links to other modules

funding-check-q-gemeinde = In which municipality?
funding-check-hint-gemeinde = Only needed for offers limited to single municipalities. Once you have chosen a district, only its municipalities are listed; without JavaScript after “Check offers”.
funding-check-broadband-title = Broadband:
funding-check-broadband-text = There are dedicated funding programmes and advice for fast internet in your municipality.
funding-check-broadband-link = Go to broadband funding
funding-check-dias-title = Advice from the Digitalagentur Sachsen
funding-check-dias-text = The Digitalagentur helps directly too. These of its offers may suit you:
funding-check-ask-text = Nothing suitable, or a question about an offer?
funding-check-ask-link = Ask a question
