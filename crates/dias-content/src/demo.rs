//! Demo content of the agency's website, in German, about what the
//! Digitalagentur Sachsen (DiAS) does: the one-stop contact for digital
//! transformation in Saxony and think tank, gigabit advice for
//! municipalities, the Förderlotse, the KI-Netzwerk and the KI-Studie
//! Sachsen, participation in the Digitalstrategie and digital
//! administration.
//!
//! - pages: "Über uns" (main navigation) with "Aufgaben", "Team" and
//!   "Karriere" below it, "Presse" (footer), entry pages for Kommunen and
//!   Unternehmen (home page), each with its first version;
//! - news over the last months with topics and one related item of another
//!   module each, one scheduled for next week;
//! - publications with authors, abstract, accessible summary, licence and
//!   a small generated one-page PDF ([`pdf`]);
//! - contact points for Breitband, Förderung, KI, Digitalstrategie and the
//!   agency in general (team names, functional addresses of the
//!   `example` domain, the telephone numbers the Bundesnetzagentur keeps
//!   for film and television; the colleagues are the invented demo staff
//!   of the Anfragen demo, marked "(Demo)");
//! - two sent newsletter issues in the archive.
//!
//! Items live at seeding time are `announced` and go to the search index
//! through the outbox; the scheduled article is announced by the job when
//! its time comes. `Scale::Large` adds generated news articles (bulk
//! insert) for the list's pagination; `dias demo` rebuilds the search
//! index afterwards, which picks them up. Nothing is loaded when the
//! content area already has news or contact points.

use dias_core::entities::user;
use dias_web::registry::{DemoEnv, Scale};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set, TransactionTrait,
};
use sha2::{Digest, Sha256};

use crate::entities::{
    contacts, media, news, news_links, newsletter_issues, page_versions, pages, publication_files,
    publications,
};
use crate::vocab::{Audience, Licence, Menu, PublicationKind, Status, Topic, topics_to_csv};

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// The demo staff account of `dias demo` (authors of the demo content).
const REDAKTION: &str = "redaktion@demo.dias.example";

/// Generated news articles of `Scale::Large`.
pub const LARGE_NEWS: usize = 2_000;
/// Rows per bulk insert.
const BATCH: usize = 250;

fn db_err(e: DbErr) -> String {
    e.to_string()
}

/// Loads the demo content; returns a one-line summary.
pub async fn seed(db: &DatabaseConnection, env: DemoEnv) -> Result<String, String> {
    let existing = news::Entity::find().count(db).await.map_err(db_err)?
        + contacts::Entity::find().count(db).await.map_err(db_err)?;
    if existing > 0 {
        return Ok("Inhalte schon vorhanden, nichts geladen".to_owned());
    }
    let now = dias_core::time::now();
    let author = user::Entity::find()
        .filter(user::Column::Email.eq(REDAKTION))
        .one(db)
        .await
        .map_err(db_err)?
        .map(|u| u.id);
    let txn = db.begin().await.map_err(db_err)?;
    let page_count = seed_pages(&txn, author, now).await.map_err(db_err)?;
    let images = seed_images(&txn, author, now).await.map_err(db_err)?;
    let news_count = seed_news(&txn, author, &images, now)
        .await
        .map_err(db_err)?;
    let publication_count = seed_publications(&txn, author, now).await.map_err(db_err)?;
    let contact_count = seed_contacts(&txn, now).await.map_err(db_err)?;
    let issue_count = seed_newsletter(&txn, author, now).await.map_err(db_err)?;
    txn.commit().await.map_err(db_err)?;
    let generated = if env.scale == Scale::Large {
        generated_news(db, author, now).await.map_err(db_err)?
    } else {
        0
    };
    crate::site::invalidate();
    Ok(format!(
        "{page_count} Seiten, {} Meldungen, {publication_count} Publikationen, {} Bilder, \
         {contact_count} Ansprechpartner, {issue_count} Newsletter-Ausgaben",
        news_count + generated,
        images.len()
    ))
}

// ------------------------------------------------------------------ pages

struct DemoPage {
    /// Index of the parent in [`PAGES`].
    parent: Option<usize>,
    slug: &'static str,
    title_de: &'static str,
    title_en: Option<&'static str>,
    summary: &'static str,
    menu: Menu,
    audience: Option<Audience>,
    body_de: &'static str,
    body_en: Option<&'static str>,
}

const PAGES: [DemoPage; 7] = [
    DemoPage {
        parent: None,
        slug: "ueber-uns",
        title_de: "Über uns",
        title_en: Some("About us"),
        summary: "Die Digitalagentur Sachsen: zentrale Anlaufstelle für die digitale Transformation im Freistaat.",
        menu: Menu::Main,
        audience: None,
        body_de: "Die **Digitalagentur Sachsen (DiAS)** ist die zentrale Anlaufstelle für die digitale Transformation im Freistaat Sachsen. Wir beraten Kommunen, Unternehmen und Verwaltung, bringen Akteure zusammen und denken als Think Tank voraus, was Digitalisierung für Sachsen bedeutet.\n\n## Was wir tun\n\n- Wir beraten Städte und Gemeinden beim **Gigabitausbau** – von der Markterkundung bis zum fertigen Netz.\n- Der **Förderlotse** führt durch Förderprogramme von Land, Bund und EU.\n- Im **KI-Netzwerk Sachsen** vernetzen wir Forschung, Wirtschaft und Verwaltung rund um Künstliche Intelligenz.\n- Wir begleiten die **Digitalstrategie Sachsen** und laden alle ein, sich zu beteiligen.\n- Wir unterstützen die **digitale Verwaltung** mit Wissen, Beispielen und Austausch.\n\nMehr dazu lesen Sie unter [Aufgaben](/ueber-uns/aufgaben). Wer wir sind, steht unter [Team](/ueber-uns/team).\n\n*Hinweis: Dies ist ein Demo-Inhalt des Portals.*",
        body_en: Some(
            "The **Digitalagentur Sachsen (DiAS)** is the central point of contact for digital transformation in the Free State of Saxony. We advise municipalities, companies and public administration, connect people and think ahead as a think tank.\n\nRead more under [Tasks](/ueber-uns/aufgaben).\n\n*Note: this is demo content.*",
        ),
    },
    DemoPage {
        parent: Some(0),
        slug: "aufgaben",
        title_de: "Aufgaben",
        title_en: None,
        summary: "Beratung, Vernetzung, Förderlotse, KI-Netzwerk, Beteiligung und Wissen für die digitale Verwaltung.",
        menu: Menu::None,
        audience: None,
        body_de: "## Anlaufstelle für die digitale Transformation\n\nOb Gemeinde, mittelständisches Unternehmen, Verein oder Behörde: Bei uns finden Sie eine erste Antwort und den richtigen Kontakt. Fragen stellen Sie am einfachsten über [Anfragen](/anfragen).\n\n## Gigabitausbau\n\nWir beraten Kommunen und Landkreise zu Markterkundungsverfahren, Förderaufrufen und Ausbauprojekten und stellen das [Lagebild Breitband](/breitband/lagebild) bereit.\n\n## Förderlotse\n\nDer [Förderlotse](/foerderung) bündelt Förderprogramme für Digitalisierungsvorhaben – mit Fristen, Vergleich und Merkliste.\n\n## KI-Netzwerk und KI-Studie Sachsen\n\nIm [KI-Netzwerk](/netzwerk) finden Akteure aus Forschung, Wirtschaft und Verwaltung zueinander. Die KI-Studie Sachsen beschreibt, wo der Freistaat beim Einsatz Künstlicher Intelligenz steht.\n\n## Digitalstrategie\n\nDie Digitalstrategie Sachsen entsteht im Dialog: Auf der [Beteiligungsplattform](/beteiligung) können alle mitdiskutieren.\n\n## Think Tank\n\nWir werten Entwicklungen aus, veröffentlichen Studien und Positionen und bringen sie in die Debatte ein.",
        body_en: None,
    },
    DemoPage {
        parent: Some(0),
        slug: "team",
        title_de: "Team",
        title_en: None,
        summary: "Unsere Teams und wie Sie sie erreichen.",
        menu: Menu::None,
        audience: None,
        body_de: "Die Digitalagentur arbeitet in Teams entlang ihrer Aufgaben:\n\n- **Breitband und Gigabitberatung**\n- **Förderlotse**\n- **KI-Netzwerk**\n- **Digitalstrategie und digitale Verwaltung**\n- **Kommunikation und Redaktion**\n\nDie funktionalen Adressen und Sprechzeiten der Teams finden Sie unter [Ansprechpartner](/ansprechpartner).\n\n*Alle Namen in diesem Demo-Portal sind erfunden.*",
        body_en: None,
    },
    DemoPage {
        parent: Some(0),
        slug: "karriere",
        title_de: "Karriere",
        title_en: None,
        summary: "Arbeiten für ein digitales Sachsen.",
        menu: Menu::None,
        audience: None,
        body_de: "Sie möchten die Digitalisierung in Sachsen mitgestalten? Wir suchen regelmäßig Menschen aus Technik, Verwaltung, Kommunikation und Wissenschaft.\n\n## Was wir bieten\n\n- sinnstiftende Aufgaben mit Wirkung für Kommunen und Unternehmen\n- flexible Arbeitszeiten und mobiles Arbeiten\n- Weiterbildung und ein offenes, interdisziplinäres Team\n\n## Offene Stellen\n\nDerzeit sind in diesem Demo-Portal keine Stellen ausgeschrieben. Initiativbewerbungen richten Sie bitte über [Anfragen](/anfragen) an uns.",
        body_en: None,
    },
    DemoPage {
        parent: None,
        slug: "presse",
        title_de: "Presse",
        title_en: Some("Press"),
        summary: "Pressemitteilungen, Bildmaterial und Kontakt für Medien.",
        menu: Menu::Footer,
        audience: None,
        body_de: "Aktuelle Meldungen finden Sie unter [Aktuelles](/aktuelles), Studien und Positionspapiere unter [Publikationen](/publikationen).\n\n## Kontakt für Medien\n\nDie Pressestelle erreichen Sie über die Adresse unter [Ansprechpartner](/ansprechpartner#thema-agentur).\n\nAlle Publikationen der Digitalagentur stehen unter offenen Lizenzen; bitte beachten Sie die Lizenzangabe der jeweiligen Publikation.",
        body_en: Some(
            "News are under [Aktuelles](/aktuelles), studies and position papers under [Publikationen](/publikationen). The press office is listed under [Contacts](/ansprechpartner#thema-agentur).",
        ),
    },
    DemoPage {
        parent: None,
        slug: "kommunen",
        title_de: "Angebote für Kommunen",
        title_en: None,
        summary: "Gigabitberatung, Förderung und Beteiligung für Städte, Gemeinden und Landkreise.",
        menu: Menu::Audience,
        audience: Some(Audience::Kommunen),
        body_de: "Für Städte, Gemeinden und Landkreise ist die Digitalagentur der erste Ansprechpartner in Fragen der Digitalisierung.\n\n- **Gigabitausbau:** Beratung zu Markterkundung, Förderung und Ausbau – starten Sie mit der [Breitbandberatung](/breitband/beratung).\n- **Förderung:** Passende Programme finden Sie im [Förderlotsen](/foerderung).\n- **Beteiligung:** Bringen Sie die Sicht Ihrer Kommune in die [Digitalstrategie](/beteiligung) ein.\n- **Digitale Verwaltung:** Beispiele und Austausch mit anderen Kommunen.\n\nIhre Fragen beantworten wir über [Anfragen](/anfragen).",
        body_en: None,
    },
    DemoPage {
        parent: None,
        slug: "unternehmen",
        title_de: "Angebote für Unternehmen",
        title_en: None,
        summary: "Förderung, KI-Netzwerk und Kontakte für Unternehmen in Sachsen.",
        menu: Menu::Audience,
        audience: Some(Audience::Unternehmen),
        body_de: "Kleine und mittlere Unternehmen unterstützen wir auf dem Weg in die Digitalisierung.\n\n- **Förderprogramme** für Digitalisierungsvorhaben finden und vergleichen: [Förderlotse](/foerderung).\n- **Künstliche Intelligenz:** Partner aus Forschung und Wirtschaft finden Sie im [KI-Netzwerk](/netzwerk).\n- **Veranstaltungen** des Netzwerks: [Termine](/netzwerk/veranstaltungen).\n\nSie haben eine konkrete Frage? Schreiben Sie uns über [Anfragen](/anfragen).",
        body_en: None,
    },
];

async fn seed_pages<C: sea_orm::ConnectionTrait>(
    db: &C,
    author: Option<i64>,
    now: i64,
) -> Result<usize, DbErr> {
    let mut ids: Vec<(i64, String)> = Vec::new();
    for (i, p) in PAGES.iter().enumerate() {
        let created = now - (200 - 10 * i as i64) * DAY;
        let (parent_id, path) = match p.parent {
            Some(parent) => (Some(ids[parent].0), format!("{}/{}", ids[parent].1, p.slug)),
            None => (None, format!("/{}", p.slug)),
        };
        let page = pages::ActiveModel {
            parent_id: Set(parent_id),
            slug: Set(p.slug.to_owned()),
            path: Set(path.clone()),
            title_de: Set(p.title_de.to_owned()),
            title_en: Set(p.title_en.map(str::to_owned)),
            body_de: Set(p.body_de.to_owned()),
            body_en: Set(p.body_en.map(str::to_owned)),
            summary: Set(Some(p.summary.to_owned())),
            menu: Set(p.menu.key().to_owned()),
            audience: Set(p.audience.map(|a| a.key().to_owned())),
            position: Set(i as i32),
            status: Set(Status::Published.key().to_owned()),
            publish_at: Set(Some(created)),
            first_published_at: Set(Some(created)),
            system: Set(false),
            announced: Set(crate::publishing::announced_on_save(
                Status::Published.key(),
                Some(created),
                now,
            )),
            revision: Set(1),
            created_by: Set(author),
            updated_by: Set(author),
            created_at: Set(created),
            updated_at: Set(created),
            ..Default::default()
        }
        .insert(db)
        .await?;
        page_versions::ActiveModel {
            page_id: Set(page.id),
            number: Set(1),
            parent_id: Set(parent_id),
            slug: Set(page.slug.clone()),
            title_de: Set(page.title_de.clone()),
            title_en: Set(page.title_en.clone()),
            body_de: Set(page.body_de.clone()),
            body_en: Set(page.body_en.clone()),
            summary: Set(page.summary.clone()),
            author_id: Set(author),
            note: Set(Some("Erste Fassung".to_owned())),
            created_at: Set(created),
            ..Default::default()
        }
        .insert(db)
        .await?;
        dias_core::outbox::search_changed(db, crate::KIND_PAGE, &page.id.to_string()).await?;
        ids.push((page.id, path));
    }
    Ok(PAGES.len())
}

// ------------------------------------------------------------------- news

struct DemoNews {
    /// Days before now (negative: in the future).
    days_ago: i64,
    slug: &'static str,
    title: &'static str,
    teaser: &'static str,
    body: &'static str,
    topics: &'static [Topic],
    /// The related item of another module: (path, label).
    link: (&'static str, &'static str),
    /// Index into [`IMAGES`] of the article's image.
    image: Option<usize>,
}

const NEWS: [DemoNews; 9] = [
    DemoNews {
        days_ago: -7,
        slug: "ki-netzwerk-jahrestreffen",
        title: "Jahrestreffen des KI-Netzwerks Sachsen",
        teaser: "Das KI-Netzwerk lädt zum Jahrestreffen ein: Praxisbeispiele aus Mittelstand, Forschung und Verwaltung und viel Zeit für Austausch.",
        body: "Einmal im Jahr kommen die Mitglieder des KI-Netzwerks Sachsen zusammen. In diesem Jahr stehen Praxisbeispiele im Mittelpunkt: Wie setzen kleine und mittlere Unternehmen KI ein, was lernen Verwaltungen aus ersten Pilotprojekten, und welche Forschung ist reif für die Anwendung?\n\nDie Anmeldung ist über die Veranstaltungsseite des Netzwerks möglich.",
        topics: &[Topic::Ki],
        link: (
            "/netzwerk/veranstaltungen",
            "Veranstaltungen des KI-Netzwerks",
        ),
        image: None,
    },
    DemoNews {
        days_ago: 6,
        slug: "neue-foerderaufrufe-digitalisierung-kmu",
        title: "Neue Förderaufrufe für die Digitalisierung im Mittelstand",
        teaser: "Der Förderlotse zeigt die neuen Aufrufe mit Fristen – und vergleicht sie mit bestehenden Programmen.",
        body: "Mehrere Förderaufrufe für Digitalisierungsvorhaben kleiner und mittlerer Unternehmen sind neu erschienen. Der Förderlotse führt sie mit Antragsfristen, Förderquoten und Ansprechstellen.\n\n**Tipp:** Mit der Merkliste behalten Sie Fristen im Blick; der Fristenkalender lässt sich in Ihren Kalender übernehmen.",
        topics: &[Topic::Foerderung],
        link: ("/foerderung/fristen", "Fristen im Förderlotsen"),
        image: None,
    },
    DemoNews {
        days_ago: 18,
        slug: "ki-studie-sachsen-veroeffentlicht",
        title: "KI-Studie Sachsen veröffentlicht",
        teaser: "Wo steht Sachsen beim Einsatz Künstlicher Intelligenz? Die KI-Studie gibt einen Überblick und leitet Empfehlungen ab.",
        body: "Die Digitalagentur hat die KI-Studie Sachsen veröffentlicht. Sie beschreibt, wie Unternehmen, Forschung und Verwaltung im Freistaat Künstliche Intelligenz nutzen, wo Hürden liegen und was helfen würde.\n\nDie Studie steht unter einer offenen Lizenz als PDF zum Download bereit – mit einer Zusammenfassung in einfacher Sprache.",
        topics: &[Topic::Ki, Topic::Agentur],
        link: ("/netzwerk", "KI-Netzwerk Sachsen"),
        image: Some(1),
    },
    DemoNews {
        days_ago: 33,
        slug: "beteiligung-digitalstrategie-gestartet",
        title: "Beteiligung zur Digitalstrategie Sachsen gestartet",
        teaser: "Bürgerinnen und Bürger, Kommunen, Unternehmen und Verbände können den Entwurf der Digitalstrategie kommentieren.",
        body: "Die Digitalstrategie Sachsen soll im Dialog entstehen. Auf der Beteiligungsplattform ist der Entwurf jetzt absatzweise kommentierbar; Vorschläge können eingebracht und unterstützt werden.\n\nDie Ergebnisse der Beteiligung werden ausgewertet und veröffentlicht.",
        topics: &[Topic::Digitalstrategie],
        link: (
            "/beteiligung/digitalstrategie-sachsen",
            "Beteiligung zur Digitalstrategie",
        ),
        image: None,
    },
    DemoNews {
        days_ago: 52,
        slug: "lagebild-breitband-aktualisiert",
        title: "Lagebild Breitband aktualisiert",
        teaser: "Das Lagebild zeigt den Stand des Gigabitausbaus in den Landkreisen und Gemeinden – jetzt mit neuen Zahlen.",
        body: "Das Lagebild Breitband wurde aktualisiert. Es zeigt für Landkreise und Gemeinden, wie viele Haushalte gigabitfähig versorgt sind und wo Ausbauprojekte laufen.\n\nKommunen, die Fragen zum eigenen Ausbaustand haben, wenden sich an die Breitbandberatung.",
        topics: &[Topic::Breitband],
        link: ("/breitband/lagebild", "Lagebild Breitband"),
        image: Some(0),
    },
    DemoNews {
        days_ago: 75,
        slug: "sprechstunde-gigabitausbau-kommunen",
        title: "Neue Sprechstunde zum Gigabitausbau für Kommunen",
        teaser: "Jeden Dienstag beantwortet die Breitbandberatung Fragen von Städten, Gemeinden und Landkreisen.",
        body: "Markterkundung, Förderaufruf, Ausschreibung: Der Weg zum geförderten Gigabitnetz hat viele Schritte. In der neuen Sprechstunde beantwortet die Breitbandberatung Fragen von Kommunen – telefonisch oder per Video.\n\nTermine und Kontakt finden Sie bei den Ansprechpartnern.",
        topics: &[Topic::Breitband],
        link: ("/breitband/beratung", "Breitbandberatung für Kommunen"),
        image: Some(0),
    },
    DemoNews {
        days_ago: 98,
        slug: "leitfaden-digitale-verwaltung",
        title: "Leitfaden: Digitale Verwaltung in kleinen Kommunen",
        teaser: "Ein praktischer Leitfaden zeigt, wie kleine Kommunen Verwaltungsleistungen Schritt für Schritt digital anbieten.",
        body: "Viele kleine Kommunen fragen: Wo fangen wir an? Der neue Leitfaden der Digitalagentur ordnet die ersten Schritte – von der Bestandsaufnahme über die Auswahl von Online-Diensten bis zur Schulung der Beschäftigten.\n\nFragen zum Leitfaden beantwortet das Team Digitalstrategie und Verwaltung.",
        topics: &[Topic::Verwaltung],
        link: ("/anfragen", "Fragen an die Digitalagentur"),
        image: None,
    },
    DemoNews {
        days_ago: 130,
        slug: "ki-netzwerk-waechst",
        title: "KI-Netzwerk wächst weiter",
        teaser: "Neue Mitglieder aus Forschung und Mittelstand: Das KI-Netzwerk Sachsen verbindet immer mehr Akteure.",
        body: "Das KI-Netzwerk Sachsen hat neue Mitglieder aufgenommen – Hochschulinstitute, Start-ups und mittelständische Unternehmen. Im Verzeichnis finden Sie Akteure nach Branche, Region und Kompetenz.\n\nWer mitmachen möchte, kann sich über die Netzwerkseite registrieren.",
        topics: &[Topic::Ki],
        link: ("/netzwerk/akteure", "Akteure im KI-Netzwerk"),
        image: Some(1),
    },
    DemoNews {
        days_ago: 160,
        slug: "digitalagentur-im-dialog",
        title: "Digitalagentur im Dialog: Rückblick auf die Regionalkonferenzen",
        teaser: "In allen Landkreisen hat die Digitalagentur mit Kommunen und Unternehmen über Digitalisierung vor Ort gesprochen.",
        body: "Zuhören, wo der Schuh drückt: Auf Regionalkonferenzen hat die Digitalagentur mit Vertreterinnen und Vertretern von Kommunen, Unternehmen und Vereinen gesprochen. Die wichtigsten Themen: schnelles Internet, Förderung und Fachkräfte.\n\nDie Ergebnisse fließen in die Digitalstrategie ein.",
        topics: &[Topic::Agentur, Topic::Digitalstrategie],
        link: ("/beteiligung", "Beteiligung"),
        image: None,
    },
];

async fn seed_news<C: sea_orm::ConnectionTrait>(
    db: &C,
    author: Option<i64>,
    images: &[i64],
    now: i64,
) -> Result<usize, DbErr> {
    for (i, n) in NEWS.iter().enumerate() {
        // Mornings, Berlin time roughly; the scheduled one next week at 9.
        let publish_at = now - n.days_ago * DAY - (now % DAY) + 8 * HOUR + (i as i64 % 3) * HOUR;
        let publish_at = if n.days_ago < 0 {
            publish_at.max(now + DAY)
        } else {
            publish_at.min(now - HOUR)
        };
        let created = publish_at.min(now) - 2 * DAY;
        let status = Status::Published.key();
        let article = news::ActiveModel {
            slug: Set(n.slug.to_owned()),
            title: Set(n.title.to_owned()),
            teaser: Set(n.teaser.to_owned()),
            body: Set(n.body.to_owned()),
            lang: Set("de".to_owned()),
            image_id: Set(n.image.and_then(|i| images.get(i).copied())),
            topics: Set(topics_to_csv(n.topics)),
            author_id: Set(author),
            byline: Set(Some("Redaktion der Digitalagentur".to_owned())),
            status: Set(status.to_owned()),
            publish_at: Set(Some(publish_at)),
            first_published_at: Set((publish_at <= now).then_some(publish_at)),
            announced: Set(crate::publishing::announced_on_save(
                status,
                Some(publish_at),
                now,
            )),
            revision: Set(1),
            created_at: Set(created),
            updated_at: Set(created),
            ..Default::default()
        }
        .insert(db)
        .await?;
        news_links::ActiveModel {
            news_id: Set(article.id),
            path: Set(n.link.0.to_owned()),
            label: Set(n.link.1.to_owned()),
            position: Set(0),
            added_by: Set(author),
            created_at: Set(created),
            ..Default::default()
        }
        .insert(db)
        .await?;
        if article.announced {
            dias_core::outbox::search_changed(db, crate::KIND_NEWS, &article.id.to_string())
                .await?;
        }
    }
    // A draft, for the Redaktion's list of drafts.
    news::ActiveModel {
        slug: Set("entwurf-rueckblick-jahrestreffen".to_owned()),
        title: Set("Rückblick: Jahrestreffen des KI-Netzwerks (Entwurf)".to_owned()),
        teaser: Set("Entwurf der Redaktion, noch nicht veröffentlicht.".to_owned()),
        body: Set("Text folgt nach der Veranstaltung.".to_owned()),
        lang: Set("de".to_owned()),
        image_id: Set(None),
        topics: Set(topics_to_csv(&[Topic::Ki])),
        author_id: Set(author),
        byline: Set(Some("Redaktion der Digitalagentur".to_owned())),
        status: Set(Status::Draft.key().to_owned()),
        publish_at: Set(None),
        announced: Set(false),
        revision: Set(1),
        created_at: Set(now - DAY),
        updated_at: Set(now - DAY),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(NEWS.len() + 1)
}

/// `Scale::Large`: short generated articles over the last years.
async fn generated_news(
    db: &DatabaseConnection,
    author: Option<i64>,
    now: i64,
) -> Result<usize, DbErr> {
    const SUBJECTS: [(&str, Topic, &str); 5] = [
        ("Gigabitausbau", Topic::Breitband, "/breitband"),
        ("Förderprogramme", Topic::Foerderung, "/foerderung"),
        ("Künstliche Intelligenz", Topic::Ki, "/netzwerk"),
        ("Digitalstrategie", Topic::Digitalstrategie, "/beteiligung"),
        ("Digitale Verwaltung", Topic::Verwaltung, "/anfragen"),
    ];
    let rows: Vec<news::ActiveModel> = (0..LARGE_NEWS)
        .map(|i| {
            let (subject, topic, _) = SUBJECTS[i % SUBJECTS.len()];
            let at = now - 200 * DAY - (i as i64) * 9 * HOUR;
            news::ActiveModel {
                slug: Set(format!("meldung-{:04}", i + 1)),
                title: Set(format!("{subject}: Meldung {} aus dem Archiv", i + 1)),
                teaser: Set(format!(
                    "Eine ältere Meldung zum Thema {subject} (erzeugte Demodaten)."
                )),
                body: Set(format!(
                    "Diese Meldung ist erzeugt, um Listen und Seitenblättern zu zeigen. Thema: {subject}."
                )),
                lang: Set("de".to_owned()),
                image_id: Set(None),
                topics: Set(topic.key().to_owned()),
                author_id: Set(author),
                byline: Set(Some("Redaktion der Digitalagentur".to_owned())),
                status: Set(Status::Published.key().to_owned()),
                publish_at: Set(Some(at)),
                first_published_at: Set(Some(at)),
                announced: Set(true),
                revision: Set(1),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            }
        })
        .collect();
    for chunk in rows.chunks(BATCH) {
        news::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    Ok(LARGE_NEWS)
}

// ----------------------------------------------------------- publications

struct DemoPublication {
    slug: &'static str,
    title: &'static str,
    authors: &'static str,
    days_ago: i64,
    kind: PublicationKind,
    topics: &'static [Topic],
    abstract_text: &'static str,
    summary: &'static str,
    licence: Licence,
}

const PUBLICATIONS: [DemoPublication; 5] = [
    DemoPublication {
        slug: "ki-studie-sachsen",
        title: "KI-Studie Sachsen: Künstliche Intelligenz in Wirtschaft, Forschung und Verwaltung",
        authors: "Digitalagentur Sachsen; Team KI-Netzwerk",
        days_ago: 18,
        kind: PublicationKind::Studie,
        topics: &[Topic::Ki],
        abstract_text: "Die Studie untersucht, wie Unternehmen, Forschungseinrichtungen und Verwaltungen in Sachsen Künstliche Intelligenz einsetzen, welche Hürden sie sehen und welche Unterstützung sie sich wünschen. Sie verbindet eine Befragung mit Fallbeispielen und leitet Handlungsempfehlungen für Land, Kommunen und Netzwerke ab.",
        summary: "Viele Betriebe in Sachsen interessieren sich für Künstliche Intelligenz. Oft fehlen Zeit, Wissen und Fachleute. Die Studie schlägt vor: mehr Beratung, mehr Austausch im KI-Netzwerk und Beispiele, die zeigen, was funktioniert.",
        licence: Licence::CcBy40,
    },
    DemoPublication {
        slug: "lagebericht-breitband",
        title: "Lagebericht Breitband: Stand des Gigabitausbaus in Sachsen",
        authors: "Digitalagentur Sachsen; Team Breitband",
        days_ago: 52,
        kind: PublicationKind::Bericht,
        topics: &[Topic::Breitband],
        abstract_text: "Der Lagebericht fasst den Stand der Gigabitversorgung in den sächsischen Landkreisen und Gemeinden zusammen, beschreibt laufende Förderprojekte und benennt Regionen mit besonderem Handlungsbedarf.",
        summary: "Der Bericht zeigt, wo in Sachsen schon schnelles Internet über Glasfaser verfügbar ist und wo noch gebaut wird. Er erklärt, wie Kommunen Förderung für den Ausbau bekommen.",
        licence: Licence::DlDeBy20,
    },
    DemoPublication {
        slug: "positionspapier-digitale-verwaltung",
        title: "Positionspapier: Digitale Verwaltung gemeinsam gestalten",
        authors: "Digitalagentur Sachsen",
        days_ago: 90,
        kind: PublicationKind::Positionspapier,
        topics: &[Topic::Verwaltung, Topic::Digitalstrategie],
        abstract_text: "Das Positionspapier beschreibt Grundsätze für eine nutzerfreundliche digitale Verwaltung in Sachsen: gemeinsame Basisdienste, offene Standards, Barrierefreiheit und die Zusammenarbeit von Land und Kommunen.",
        summary: "Verwaltung soll einfacher werden. Anträge sollen online gehen, für alle verständlich und barrierefrei. Land und Kommunen sollen dafür zusammenarbeiten und Lösungen teilen.",
        licence: Licence::CcBy40,
    },
    DemoPublication {
        slug: "leitfaden-gigabitfoerderung-kommunen",
        title: "Leitfaden Gigabitförderung für Kommunen",
        authors: "Digitalagentur Sachsen; Team Breitband; Förderlotse",
        days_ago: 210,
        kind: PublicationKind::Leitfaden,
        topics: &[Topic::Breitband, Topic::Foerderung],
        abstract_text: "Der Leitfaden führt Städte, Gemeinden und Landkreise Schritt für Schritt durch die Gigabitförderung: Markterkundungsverfahren, Antrag, Ausschreibung, Bau und Abrechnung – mit Checklisten und Hinweisen auf typische Stolpersteine.",
        summary: "Eine Anleitung für Kommunen, die schnelles Internet ausbauen wollen. Sie erklärt jeden Schritt vom ersten Prüfen bis zur Abrechnung der Förderung.",
        licence: Licence::DlDeBy20,
    },
    DemoPublication {
        slug: "stellungnahme-digitalstrategie-entwurf",
        title: "Stellungnahme zum Entwurf der Digitalstrategie Sachsen",
        authors: "Digitalagentur Sachsen",
        days_ago: 30,
        kind: PublicationKind::Stellungnahme,
        topics: &[Topic::Digitalstrategie],
        abstract_text: "Die Stellungnahme ordnet den Entwurf der Digitalstrategie aus Sicht der Digitalagentur ein und schlägt Ergänzungen zu Gigabitinfrastruktur, KI-Transfer und digitaler Verwaltung vor.",
        summary: "Die Digitalagentur sagt, was ihr am Entwurf der Digitalstrategie gefällt und was fehlt. Sie wünscht sich mehr zu Internetausbau, Künstlicher Intelligenz und Verwaltung.",
        licence: Licence::CcBy40,
    },
];

/// The Berlin calendar year of a moment.
fn year_of(unix: i64) -> i32 {
    dias_core::time::date_input_value(unix)
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(2026)
}

async fn seed_publications<C: sea_orm::ConnectionTrait>(
    db: &C,
    author: Option<i64>,
    now: i64,
) -> Result<usize, DbErr> {
    for p in &PUBLICATIONS {
        let publish_at = now - p.days_ago * DAY;
        let status = Status::Published.key();
        let year = year_of(publish_at);
        let publication = publications::ActiveModel {
            slug: Set(p.slug.to_owned()),
            title: Set(p.title.to_owned()),
            authors: Set(p.authors.to_owned()),
            year: Set(year),
            kind: Set(p.kind.key().to_owned()),
            topics: Set(topics_to_csv(p.topics)),
            abstract_text: Set(p.abstract_text.to_owned()),
            summary: Set(p.summary.to_owned()),
            licence: Set(p.licence.key().to_owned()),
            lang: Set("de".to_owned()),
            status: Set(status.to_owned()),
            publish_at: Set(Some(publish_at)),
            first_published_at: Set(Some(publish_at)),
            announced: Set(crate::publishing::announced_on_save(
                status,
                Some(publish_at),
                now,
            )),
            revision: Set(1),
            created_by: Set(author),
            created_at: Set(publish_at - 3 * DAY),
            updated_at: Set(publish_at - 3 * DAY),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let bytes = pdf(
            p.title,
            &[
                &format!("{} · {year}", p.authors),
                "",
                p.abstract_text,
                "",
                "Zusammenfassung in einfacher Sprache:",
                p.summary,
                "",
                "Demo-Publikation des Portals der Digitalagentur Sachsen.",
            ],
        );
        publication_files::ActiveModel {
            publication_id: Set(publication.id),
            filename: Set(format!("{}.pdf", p.slug)),
            mime: Set("application/pdf".to_owned()),
            size: Set(bytes.len() as i64),
            sha256: Set(hex(&Sha256::digest(&bytes))),
            data: Set(bytes),
            uploaded_by: Set(author),
            created_at: Set(publish_at - 3 * DAY),
            ..Default::default()
        }
        .insert(db)
        .await?;
        dias_core::outbox::search_changed(db, crate::KIND_PUBLICATION, &publication.id.to_string())
            .await?;
    }
    Ok(PUBLICATIONS.len())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

// --------------------------------------------------------------- contacts

/// A demo contact point: (topic, team, person, e-mail local part, phone,
/// office hours).
type DemoContact = (
    Topic,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
);

const CONTACTS: [DemoContact; 6] = [
    (
        Topic::Breitband,
        "Breitbandberatung für Kommunen",
        Some("Bernd Breitband (Demo), Referent Gigabitausbau"),
        "breitband",
        "+49 30 23125 401",
        "Dienstag 9–12 Uhr und Donnerstag 13–16 Uhr (Sprechstunde für Kommunen)",
    ),
    (
        Topic::Foerderung,
        "Förderlotse",
        Some("Frieda Förderlotse (Demo), Förderberatung"),
        "foerderlotse",
        "+49 30 23125 402",
        "Montag bis Donnerstag 9–15 Uhr, Freitag 9–12 Uhr",
    ),
    (
        Topic::Ki,
        "KI-Netzwerk Sachsen",
        Some("Konrad KI-Netzwerk (Demo), Netzwerkmanagement"),
        "ki-netzwerk",
        "+49 30 23125 403",
        "Mittwoch 10–12 Uhr offene Sprechstunde, sonst nach Vereinbarung",
    ),
    (
        Topic::Digitalstrategie,
        "Digitalstrategie und Beteiligung",
        Some("Stefan Strategie (Demo), Referent Digitalstrategie"),
        "digitalstrategie",
        "+49 30 23125 404",
        "Montag bis Freitag 9–12 Uhr",
    ),
    (
        Topic::Agentur,
        "Zentrale Anlaufstelle der Digitalagentur",
        None,
        "kontakt",
        "+49 30 23125 400",
        "Montag bis Freitag 8–16 Uhr",
    ),
    (
        Topic::Agentur,
        "Pressestelle",
        None,
        "presse",
        "+49 30 23125 409",
        "Montag bis Freitag 9–16 Uhr",
    ),
];

/// The demo's mail domain for functional addresses.
const MAIL_DOMAIN: &str = "digitalagentur-sachsen.example";

async fn seed_contacts<C: sea_orm::ConnectionTrait>(db: &C, now: i64) -> Result<usize, DbErr> {
    for (i, (topic, name, person, local, phone, hours)) in CONTACTS.iter().enumerate() {
        contacts::ActiveModel {
            topic: Set(topic.key().to_owned()),
            name: Set((*name).to_owned()),
            person: Set(person.map(str::to_owned)),
            email: Set(Some(format!("{local}@{MAIL_DOMAIN}"))),
            phone: Set(Some((*phone).to_owned())),
            office_hours: Set(Some((*hours).to_owned())),
            position: Set(i as i32),
            published: Set(true),
            created_at: Set(now - 100 * DAY),
            updated_at: Set(now - 100 * DAY),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(CONTACTS.len())
}

// ------------------------------------------------------------- newsletter

const ISSUES: [(i64, &str, &str, &[Topic]); 2] = [
    (
        40,
        "Newsletter der Digitalagentur: Beteiligung zur Digitalstrategie startet",
        "## Liebe Leserinnen und Leser,\n\ndie Beteiligung zur **Digitalstrategie Sachsen** hat begonnen: Bis zum Ende der Phase können Sie den Entwurf kommentieren und eigene Vorschläge einbringen – [zur Beteiligung](/beteiligung).\n\n## Außerdem\n\n- Der **Lagebericht Breitband** ist erschienen ([Publikationen](/publikationen)).\n- Die **Sprechstunde Gigabitausbau** für Kommunen findet jeden Dienstag statt.\n\nIhre Redaktion der Digitalagentur Sachsen",
        &[Topic::Digitalstrategie, Topic::Breitband],
    ),
    (
        12,
        "Newsletter der Digitalagentur: KI-Studie Sachsen und neue Förderaufrufe",
        "## Liebe Leserinnen und Leser,\n\ndie **KI-Studie Sachsen** ist veröffentlicht. Sie zeigt, wie Unternehmen, Forschung und Verwaltung Künstliche Intelligenz nutzen – [zur Studie](/publikationen).\n\n## Förderung\n\nNeue Förderaufrufe für die Digitalisierung im Mittelstand finden Sie im [Förderlotsen](/foerderung).\n\n## Termine\n\nDas Jahrestreffen des **KI-Netzwerks** steht bevor – [zu den Veranstaltungen](/netzwerk/veranstaltungen).\n\nIhre Redaktion der Digitalagentur Sachsen",
        &[Topic::Ki, Topic::Foerderung],
    ),
];

async fn seed_newsletter<C: sea_orm::ConnectionTrait>(
    db: &C,
    author: Option<i64>,
    now: i64,
) -> Result<usize, DbErr> {
    for (days_ago, subject, body, topics) in ISSUES {
        let sent_at = now - days_ago * DAY;
        newsletter_issues::ActiveModel {
            subject: Set(subject.to_owned()),
            body: Set(body.to_owned()),
            topics: Set(topics_to_csv(topics)),
            status: Set("sent".to_owned()),
            created_by: Set(author),
            created_at: Set(sent_at - 2 * DAY),
            updated_at: Set(sent_at),
            sent_at: Set(Some(sent_at)),
            recipients: Set(0),
            delivered: Set(0),
            revision: Set(1),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(ISSUES.len())
}

// ----------------------------------------------------------------- images

/// The demo's images: (file name, alt text, palette, picture).
const IMAGES: [(&str, &str, Picture); 2] = [
    (
        "glasfaser-sachsen.png",
        "Grafik: geschwungene Glasfaserleitungen in Grün und Gelb vor blauem Hintergrund",
        Picture::Fibre,
    ),
    (
        "ki-netzwerk.png",
        "Grafik: ein Netz aus hellen Knoten und Verbindungen vor violettem Hintergrund",
        Picture::Network,
    ),
];

#[derive(Debug, Clone, Copy)]
enum Picture {
    Fibre,
    Network,
}

const IMAGE_WIDTH: u32 = 480;
const IMAGE_HEIGHT: u32 = 270;

impl Picture {
    fn palette(self) -> [[u8; 3]; 12] {
        let (from, to, marks): ([u8; 3], [u8; 3], [[u8; 3]; 4]) = match self {
            Picture::Fibre => (
                [0, 48, 110],
                [0, 92, 160],
                [
                    [120, 200, 80],
                    [240, 200, 40],
                    [230, 240, 250],
                    [90, 170, 60],
                ],
            ),
            Picture::Network => (
                [40, 16, 80],
                [90, 40, 140],
                [
                    [250, 240, 255],
                    [200, 170, 250],
                    [255, 210, 90],
                    [160, 120, 220],
                ],
            ),
        };
        let mut palette = [[0u8; 3]; 12];
        for (i, colour) in palette.iter_mut().take(8).enumerate() {
            for c in 0..3 {
                let (a, b) = (i32::from(from[c]), i32::from(to[c]));
                colour[c] = (a + (b - a) * i as i32 / 7) as u8;
            }
        }
        palette[8..].copy_from_slice(&marks);
        palette
    }

    /// The palette index of a pixel.
    fn pixel(self, x: u32, y: u32) -> u8 {
        let background = (y * 8 / IMAGE_HEIGHT) as u8;
        match self {
            Picture::Fibre => {
                for k in 0..5u32 {
                    let base = 45.0 + k as f32 * 45.0;
                    let wave = ((x as f32) / (35.0 + k as f32 * 7.0) + k as f32).sin() * 14.0;
                    if ((y as f32) - (base + wave)).abs() < 2.5 {
                        return 8 + (k % 4) as u8;
                    }
                }
                background
            }
            Picture::Network => {
                let (cx, cy) = (x % 60, y % 54);
                let (dx, dy) = (cx as i32 - 30, cy as i32 - 27);
                if dx * dx + dy * dy <= 36 {
                    return 8 + ((x / 60 + y / 54) % 3) as u8;
                }
                let row = (y / 54).is_multiple_of(2);
                if (row && dy.abs() <= 1) || (!row && dx.abs() <= 1 && (x / 60).is_multiple_of(2)) {
                    return 11;
                }
                background
            }
        }
    }
}

async fn seed_images<C: sea_orm::ConnectionTrait>(
    db: &C,
    author: Option<i64>,
    now: i64,
) -> Result<Vec<i64>, DbErr> {
    let mut ids = Vec::with_capacity(IMAGES.len());
    for (filename, alt, picture) in IMAGES {
        let bytes = png(IMAGE_WIDTH, IMAGE_HEIGHT, &picture.palette(), |x, y| {
            picture.pixel(x, y)
        });
        let item = media::ActiveModel {
            kind: Set(crate::media::IMAGE.to_owned()),
            filename: Set(filename.to_owned()),
            mime: Set("image/png".to_owned()),
            size: Set(bytes.len() as i64),
            sha256: Set(hex(&Sha256::digest(&bytes))),
            data: Set(bytes),
            alt_text: Set(Some(alt.to_owned())),
            description: Set(None),
            uploaded_by: Set(author),
            created_at: Set(now - 180 * DAY),
            ..Default::default()
        }
        .insert(db)
        .await?;
        ids.push(item.id);
    }
    Ok(ids)
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                0xedb8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for byte in bytes {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

/// A zlib stream of stored (uncompressed) deflate blocks.
fn zlib_stored(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = bytes.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&adler32(bytes).to_be_bytes());
    out
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A real PNG (8-bit palette) of `width` × `height` pixels.
pub fn png(
    width: u32,
    height: u32,
    palette: &[[u8; 3]],
    pixel: impl Fn(u32, u32) -> u8,
) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 3, 0, 0, 0]);
    png_chunk(&mut out, b"IHDR", &header);
    png_chunk(&mut out, b"PLTE", &palette.concat());
    let mut raw = Vec::with_capacity(((width + 1) * height) as usize);
    for y in 0..height {
        raw.push(0);
        raw.extend((0..width).map(|x| pixel(x, y)));
    }
    png_chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    png_chunk(&mut out, b"IEND", &[]);
    out
}

// -------------------------------------------------------------------- PDF

/// Characters per line of the body text (Helvetica 11 pt on A4).
const PDF_LINE: usize = 88;
/// Lines per page; the demo's PDFs have one page, longer text is cut.
const PDF_LINES: usize = 52;

/// A character in the PDF's WinAnsiEncoding, escaped for a literal string.
fn pdf_char(c: char, out: &mut Vec<u8>) {
    let code: u8 = match c {
        '(' | ')' | '\\' => {
            out.push(b'\\');
            c as u8
        }
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        '–' => 0x96,
        '—' => 0x97,
        '„' => 0x84,
        '“' => 0x93,
        '”' => 0x94,
        '‚' => 0x82,
        '‘' => 0x91,
        '’' => 0x92,
        '…' => 0x85,
        '€' => 0x80,
        _ => b'?',
    };
    if code >= 0x80 {
        out.extend_from_slice(format!("\\{code:03o}").as_bytes());
    } else {
        out.push(code);
    }
}

fn pdf_text(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 2);
    out.push(b'(');
    for c in text.chars() {
        pdf_char(c, &mut out);
    }
    out.push(b')');
    out
}

/// Breaks text into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A UTF-16BE hex string with byte-order mark (document information).
fn pdf_unicode(text: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in text.encode_utf16() {
        out.push_str(&format!("{unit:04X}"));
    }
    out.push('>');
    out
}

/// A real one-page PDF (1.4, A4, Helvetica) with `title` as heading and
/// `paragraphs` below it (an empty one is a blank line), the title in the
/// document information and German as the document language.
pub fn pdf(title: &str, paragraphs: &[&str]) -> Vec<u8> {
    let mut content: Vec<u8> = Vec::new();
    content.extend_from_slice(b"BT\n/F1 16 Tf\n20 TL\n56 780 Td\n");
    for line in wrap(title, 60) {
        content.extend(pdf_text(&line));
        content.extend_from_slice(b" Tj T*\n");
    }
    content.extend_from_slice(b"/F1 11 Tf\n14 TL\nT*\n");
    let mut count = 0;
    'outer: for paragraph in paragraphs {
        for line in wrap(paragraph, PDF_LINE) {
            if count == PDF_LINES {
                break 'outer;
            }
            content.extend(pdf_text(&line));
            content.extend_from_slice(b" Tj T*\n");
            count += 1;
        }
    }
    content.extend_from_slice(b"ET\n");

    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R /Lang (de-DE) /ViewerPreferences << /DisplayDocTitle true >> >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        {
            let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
            stream.extend_from_slice(&content);
            stream.extend_from_slice(b"endstream");
            stream
        },
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        format!(
            "<< /Title {} /Author {} /Producer (dias demo) >>",
            pdf_unicode(title),
            pdf_unicode("Digitalagentur Sachsen")
        )
        .into_bytes(),
    ];
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n", objects.len() + 1).as_bytes());
    out.extend_from_slice(b"0000000000 65535 f \n");
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_is_a_pdf_with_a_valid_cross_reference_table() {
        let bytes = pdf(
            "Leitfaden (Kommunen) – Glasfaser für alle",
            &["Text äöüß „Zitat“."],
        );
        assert_eq!(
            dias_core::files::sniff(&bytes),
            Some(dias_core::files::FileKind::Pdf)
        );
        // Every offset in the table points at its object (bytes: the
        // binary comment line is not UTF-8).
        let find = |needle: &[u8]| {
            bytes
                .windows(needle.len())
                .rposition(|w| w == needle)
                .unwrap()
        };
        let tail = &bytes[find(b"startxref\n") + 10..];
        let xref_at: usize = std::str::from_utf8(tail)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(bytes[xref_at..].starts_with(b"xref\n0 7\n"));
        let table = std::str::from_utf8(&bytes[xref_at..]).unwrap();
        for (i, line) in table.lines().skip(3).take(6).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            let head = format!("{} 0 obj", i + 1);
            assert!(bytes[offset..].starts_with(head.as_bytes()), "{head}");
        }
        let text = String::from_utf8_lossy(&bytes);
        // Parentheses escaped, umlauts as WinAnsi octal codes.
        assert!(text.contains("Leitfaden \\(Kommunen\\) \\226 Glasfaser f\\374r alle"));
        assert!(text.contains("\\344\\366\\374\\337 \\204Zitat\\223."));
        assert!(text.ends_with("%%EOF\n"));
    }

    #[test]
    fn the_png_is_a_png_with_valid_checksums() {
        let bytes = png(3, 2, &[[0, 0, 0], [255, 255, 255]], |x, y| {
            ((x + y) % 2) as u8
        });
        assert_eq!(
            dias_core::files::sniff(&bytes),
            Some(dias_core::files::FileKind::Png)
        );
        // Known values: CRC-32 of "IEND", Adler-32 of "Wikipedia".
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11e6_0398);
        assert!(bytes.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]));
        // IHDR: 3 × 2, 8 bit, palette.
        assert_eq!(&bytes[16..29], &[0, 0, 0, 3, 0, 0, 0, 2, 8, 3, 0, 0, 0]);
        let demo = png(
            IMAGE_WIDTH,
            IMAGE_HEIGHT,
            &Picture::Fibre.palette(),
            |x, y| Picture::Fibre.pixel(x, y),
        );
        assert!(demo.len() > (IMAGE_WIDTH * IMAGE_HEIGHT) as usize);
    }

    #[test]
    fn lines_wrap_at_spaces() {
        assert_eq!(wrap("eins zwei drei", 9), vec!["eins zwei", "drei"]);
        assert_eq!(wrap("", 9), vec![""]);
    }
}
