# publications
