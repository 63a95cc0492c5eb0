# Agency content: shared texts (navigation, vocabularies).
nav-content-news = News
nav-content-publications = Publications
nav-content-editorial = Editorial
content-teaser-title = News and publications
content-teaser-text = News, studies and positions of the Digitalagentur Sachsen – and whom to contact.
content-announce-job = Release due publications

content-topic-breitband = Broadband
content-topic-foerderung = Funding
content-topic-ki = Artificial intelligence
content-topic-digitalstrategie = Digital strategy
content-topic-verwaltung = Digital administration
content-topic-agentur = Digital agency

content-status-draft = Draft
content-status-published = Published

content-menu-none = Only under the parent page
content-menu-main = Main navigation
content-menu-footer = Footer
content-menu-audience = Entry point for an audience (home page)

content-audience-buerger = Citizens
content-audience-unternehmen = Companies
content-audience-kommunen = Municipalities
content-audience-ki = AI actors

content-kind-studie = Study
content-kind-bericht = Report
content-kind-positionspapier = Position paper
content-kind-leitfaden = Guide
content-kind-stellungnahme = Statement

content-licence-cc-by = Creative Commons Attribution 4.0 (CC BY 4.0)
content-licence-cc-by-sa = Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)
content-licence-cc0 = Public domain (CC0 1.0)
content-licence-dl-by = Data licence Germany – attribution 2.0
content-licence-dl-zero = Data licence Germany – zero 2.0
content-licence-proprietary = All rights reserved
content-delete-cancel = Cancel

# Audit log labels (/verwaltung/protokoll)
audit-content-contact-create = Contact created
audit-content-contact-update = Contact changed
audit-content-contact-delete = Contact deleted
audit-content-contact-publish = Contact published
audit-content-contact-withdraw = Contact withdrawn
audit-content-media-upload = File uploaded
audit-content-media-update = File changed
audit-content-media-delete = File deleted
