# Inhalte der Digitalagentur: gemeinsame Texte (Navigation, Vokabular).
nav-content-news = Aktuelles
nav-content-publications = Publikationen
nav-content-editorial = Redaktion
content-teaser-title = Aktuelles und Publikationen
content-teaser-text = Neuigkeiten, Studien und Positionen der Digitalagentur Sachsen – und Ihre Ansprechpartner.
content-announce-job = Fällige Veröffentlichungen freischalten

content-topic-breitband = Breitband
content-topic-foerderung = Förderung
content-topic-ki = Künstliche Intelligenz
content-topic-digitalstrategie = Digitalstrategie
content-topic-verwaltung = Digitale Verwaltung
content-topic-agentur = Digitalagentur

content-status-draft = Entwurf
content-status-published = Veröffentlicht

content-menu-none = Nur unter der übergeordneten Seite
content-menu-main = Hauptnavigation
content-menu-footer = Fußzeile
content-menu-audience = Einstieg für eine Zielgruppe (Startseite)

content-audience-buerger = Bürgerinnen und Bürger
content-audience-unternehmen = Unternehmen
content-audience-kommunen = Kommunen
content-audience-ki = KI-Akteure

content-kind-studie = Studie
content-kind-bericht = Bericht
content-kind-positionspapier = Positionspapier
content-kind-leitfaden = Leitfaden
content-kind-stellungnahme = Stellungnahme

content-licence-cc-by = Creative Commons Namensnennung 4.0 (CC BY 4.0)
content-licence-cc-by-sa = Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0 (CC BY-SA 4.0)
content-licence-cc0 = Gemeinfrei (CC0 1.0)
content-licence-dl-by = Datenlizenz Deutschland – Namensnennung 2.0
content-licence-dl-zero = Datenlizenz Deutschland – Zero 2.0
content-licence-proprietary = Alle Rechte vorbehalten
content-delete-cancel = Abbrechen

# Audit log labels (/verwaltung/protokoll)
audit-content-contact-create = Kontakt angelegt
audit-content-contact-update = Kontakt geändert
audit-content-contact-delete = Kontakt gelöscht
audit-content-contact-publish = Kontakt veröffentlicht
audit-content-contact-withdraw = Kontakt zurückgezogen
audit-content-media-upload = Datei hochgeladen
audit-content-media-update = Datei geändert
audit-content-media-delete = Datei gelöscht
