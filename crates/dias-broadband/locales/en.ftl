nav-broadband = Broadband
broadband-teaser-title = Broadband
broadband-teaser-text = Gigabit expansion in Saxony: coverage by district and municipality, market surveys and the municipalities' funding projects.
