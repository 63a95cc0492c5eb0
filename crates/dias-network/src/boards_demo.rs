//! Demo data of the exchange: four boards with German threads and replies
//! written for the demo, by generated demo participants (never the
//! documented demo accounts, whose e2e journeys start from a known state).
//! `Scale::Large` adds 3,000 generated threads with replies by bulk insert.

use std::collections::HashMap;

use dias_core::entities::{follow, user};
use dias_web::registry::Scale;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::boards::FOLLOW_THREAD;
use crate::entities::{board, board_reply, board_thread};

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

struct DemoBoard {
    slug: &'static str,
    title: &'static str,
    description: &'static str,
}

const BOARDS: [DemoBoard; 4] = [
    DemoBoard {
        slug: "ki-in-der-produktion",
        title: "KI in der Produktion",
        description: "Qualitätsprüfung, vorausschauende Wartung, Planung: Erfahrungen aus sächsischen Werkhallen.",
    },
    DemoBoard {
        slug: "forschungstransfer",
        title: "Forschungstransfer",
        description: "Wie Ergebnisse aus Hochschulen und Instituten in Unternehmen ankommen – und umgekehrt.",
    },
    DemoBoard {
        slug: "foerderung-und-finanzierung",
        title: "Förderung und Finanzierung",
        description: "Förderprogramme, Anträge, Eigenanteile: Fragen und Hinweise rund um die Finanzierung von KI-Vorhaben.",
    },
    DemoBoard {
        slug: "recht-und-ethik",
        title: "Recht und Ethik",
        description: "KI-Verordnung, Datenschutz, Haftung und der verantwortungsvolle Einsatz von KI.",
    },
];

/// (board index, title, text, replies)
type DemoThread = (usize, &'static str, &'static str, &'static [&'static str]);

const THREADS: [DemoThread; 12] = [
    (
        0,
        "Bildverarbeitung für die Endkontrolle – wer hat Erfahrung mit kleinen Losgrößen?",
        "Wir fertigen Frästeile in Losgrößen ab 20 Stück. Eine Kamera-Endkontrolle lohnt sich bei uns nur, wenn das Anlernen schnell geht. Hat jemand Erfahrungen mit Verfahren, die mit **wenigen Gutteilen** auskommen?",
        &[
            "Wir haben gute Erfahrungen mit Anomalieerkennung gemacht: Das Modell lernt nur Gutteile und meldet Abweichungen. Für 20 Teile reicht das oft, wenn die Beleuchtung stabil ist.",
            "Wichtig war bei uns die feste Einspannung. Sobald die Teile verschieden lagen, stiegen die Fehlalarme stark an.",
            "Danke, das hilft! Die Beleuchtung ist bei uns tatsächlich der Schwachpunkt. Wir testen zuerst eine Kuppelbeleuchtung.",
        ],
    ),
    (
        0,
        "Vorausschauende Wartung an älteren Maschinen nachrüsten",
        "Unsere Spritzgießmaschinen sind teils über 20 Jahre alt und haben keine Schnittstellen. Lohnt sich das Nachrüsten mit Schwingungssensoren, oder sind die Daten zu dünn für sinnvolle Vorhersagen?",
        &[
            "Wir haben Sensoren an Pumpen nachgerüstet. Nach etwa drei Monaten Daten konnten wir Lagerschäden zwei Wochen vorher erkennen. Ohne Fehlerfälle in der Historie ging es aber nur mit Schwellwerten.",
            "Schauen Sie sich auch die Stromaufnahme an – die ist oft schon vorhanden und billiger auszulesen als Schwingung.",
        ],
    ),
    (
        0,
        "Schichtplanung mit Optimierungsverfahren",
        "Hat jemand die Schichtplanung mit einem Optimierungsverfahren automatisiert? Uns interessiert vor allem, wie die Mitarbeitenden das aufgenommen haben.",
        &[
            "Bei uns war entscheidend, dass die Planerin den Vorschlag noch ändern kann. Vollautomatische Pläne wurden nicht akzeptiert.",
        ],
    ),
    (
        1,
        "Abschlussarbeiten mit Unternehmensdaten – wie regeln Sie die Datenweitergabe?",
        "Wir möchten Studierenden echte Produktionsdaten für ihre Masterarbeit geben. Welche Vereinbarungen haben sich bewährt, damit Hochschule und Unternehmen zufrieden sind?",
        &[
            "Eine kurze Vereinbarung zur Vertraulichkeit und Nutzung reicht meistens. Regeln Sie vorher, ob die Arbeit veröffentlicht werden darf – notfalls mit Sperrvermerk.",
            "Wir anonymisieren die Daten vorab und geben nur Ausschnitte heraus. Das verkürzt die Abstimmung mit der Rechtsabteilung deutlich.",
            "Unsere Erfahrung aus der Hochschule: Je früher die Betreuenden eingebunden sind, desto weniger Überraschungen gibt es bei der Veröffentlichung.",
        ],
    ),
    (
        1,
        "Suche Forschungspartner für Sprachverarbeitung in Wartungsberichten",
        "Wir haben rund 50.000 Freitext-Wartungsberichte und möchten wiederkehrende Fehlerbilder automatisch erkennen. Gibt es Arbeitsgruppen in Sachsen, die so etwas gemeinsam mit einem Unternehmen erforschen würden?",
        &[
            "Fragen Sie beim KI-Netzwerk unter „Passende Partner“ nach Sprachverarbeitung – dort finden Sie mehrere Lehrstühle und Institute mit passenden Schwerpunkten.",
            "Wir haben ein ähnliches Projekt mit einer Hochschule über ein Transferprojekt gestartet. Melden Sie sich gern über unser Profil.",
        ],
    ),
    (
        1,
        "Wie messen Sie den Erfolg von Transferprojekten?",
        "Veröffentlichungen zählen für die Hochschule, Umsatz für das Unternehmen. Welche Kennzahlen nutzen Sie, um zu zeigen, dass ein gemeinsames KI-Projekt etwas gebracht hat?",
        &[
            "Wir vereinbaren zu Projektbeginn eine konkrete Messgröße im Betrieb, etwa die Ausschussquote. Das macht die Abschlussbesprechung viel einfacher.",
        ],
    ),
    (
        2,
        "Eigenanteil bei Förderprojekten für kleine Unternehmen",
        "Für unser erstes KI-Projekt kommt ein Zuschuss infrage, aber der Eigenanteil ist für uns als Betrieb mit zwölf Beschäftigten eine Hürde. Wie haben andere kleine Unternehmen das gelöst?",
        &[
            "Wir haben Personalkosten als Eigenanteil eingebracht. Dafür brauchten wir eine saubere Stundenerfassung für das Projekt.",
            "Lassen Sie sich früh beraten – die Digitalagentur und die Kammern kennen die Programme und deren Bedingungen.",
        ],
    ),
    (
        2,
        "Erfahrungen mit Innovationsgutscheinen für eine erste KI-Machbarkeitsstudie?",
        "Wir möchten zunächst nur prüfen lassen, ob unsere Daten für ein Prognosemodell taugen. Eignen sich Gutscheinprogramme dafür, und wie lange dauert die Bewilligung?",
        &[
            "Bei uns hat es etwa sechs Wochen gedauert. Wichtig: Der Auftrag an den Dienstleister darf erst nach der Bewilligung erteilt werden.",
            "Eine Machbarkeitsstudie ist genau der richtige Einstieg. Achten Sie darauf, dass am Ende eine klare Empfehlung steht, ob sich ein größeres Projekt lohnt.",
        ],
    ),
    (
        2,
        "Rechenkapazität für das Training – Cloud oder Rechenzentrum der Hochschule?",
        "Wir brauchen für einige Wochen GPU-Rechenzeit. Können Unternehmen die Rechenzentren sächsischer Hochschulen mitnutzen, und wie wird das abgerechnet?",
        &[
            "Im Rahmen gemeinsamer Forschungsprojekte ist das oft möglich. Für rein kommerzielle Nutzung gelten andere Regeln – fragen Sie direkt beim Rechenzentrum nach.",
        ],
    ),
    (
        3,
        "KI-Verordnung: Ist unsere Bewerbervorauswahl ein Hochrisiko-System?",
        "Wir überlegen, eingehende Bewerbungen mit einem Sprachmodell vorsortieren zu lassen. Nach unserem Verständnis fällt das unter die Hochrisiko-Anwendungen. Was bedeutet das praktisch für einen Mittelständler?",
        &[
            "Ja, Systeme für die Auswahl von Bewerbenden gelten als hochriskant. Praktisch heißt das unter anderem: Risikomanagement, Dokumentation, menschliche Aufsicht und Protokollierung.",
            "Prüfen Sie auch, ob der Betriebsrat beteiligt werden muss. Bei uns war das der längere Weg als die technischen Anforderungen.",
            "Danke für die Hinweise. Wir beginnen mit einer Unterstützung, die nur Vorschläge macht und jede Entscheidung einem Menschen überlässt.",
        ],
    ),
    (
        3,
        "Personenbezogene Daten im Training – Anonymisierung oder Einwilligung?",
        "Unsere Kundendaten enthalten Namen und Adressen. Reicht es, diese vor dem Training zu entfernen, oder brauchen wir eine Einwilligung?",
        &[
            "Echte Anonymisierung ist schwieriger als gedacht – Kombinationen aus Postleitzahl, Alter und Kaufverhalten können Personen wieder erkennbar machen. Lassen Sie das Vorgehen von Ihrer Datenschutzbeauftragten prüfen.",
        ],
    ),
    (
        3,
        "Transparenz gegenüber Kundinnen und Kunden: Wie kennzeichnen Sie KI-Antworten?",
        "Unser Kundenservice soll künftig von einem Chatbot unterstützt werden. Wie kennzeichnen Sie, dass eine Antwort von einer KI stammt, ohne das Vertrauen zu verspielen?",
        &[
            "Wir schreiben es klar an den Anfang des Chats und bieten jederzeit den Wechsel zu einem Menschen an. Die Rückmeldungen waren durchweg positiv.",
            "Offenheit zahlt sich aus. Versteckte Kennzeichnungen führen eher zu Beschwerden, wenn es später herauskommt.",
        ],
    ),
];

fn db_err(e: impl std::fmt::Display) -> String {
    format!("Austausch: {e}")
}

pub async fn seed(db: &DatabaseConnection, scale: Scale) -> Result<String, String> {
    let now = dias_core::time::now();
    // Generated participants from the end of the list: those at the start
    // represent actors.
    let people: Vec<i64> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Email.starts_with("teilnehmende"))
        .order_by_desc(user::Column::Id)
        .limit(30)
        .into_tuple::<i64>()
        .all(db)
        .await
        .map_err(db_err)?;
    if people.is_empty() {
        return Ok("keine Foren (keine Demo-Teilnehmenden)".to_owned());
    }
    let staff = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Role.is_in(["staff", "admin"]))
        .order_by_asc(user::Column::Id)
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(db_err)?;

    let board_rows: Vec<board::ActiveModel> = BOARDS
        .iter()
        .enumerate()
        .map(|(i, b)| board::ActiveModel {
            slug: Set(b.slug.into()),
            title: Set(b.title.into()),
            description: Set(b.description.into()),
            position: Set(i as i32 * 10),
            threads_count: Set(0),
            replies_count: Set(0),
            last_activity_at: Set(None),
            created_by: Set(staff),
            created_at: Set(now - 90 * DAY),
            ..Default::default()
        })
        .collect();
    board::Entity::insert_many(board_rows)
        .exec(db)
        .await
        .map_err(db_err)?;
    let board_ids: HashMap<String, i64> = board::Entity::find()
        .select_only()
        .column(board::Column::Slug)
        .column(board::Column::Id)
        .into_tuple::<(String, i64)>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    let board_id = |i: usize| board_ids.get(BOARDS[i].slug).copied().unwrap_or(0);

    // Threads: written ones first, then generated ones; each thread's
    // replies follow an hour apart.
    let generated = match scale {
        Scale::Small => 0,
        Scale::Large => 3_000,
    };
    struct Plan {
        board: usize,
        title: String,
        body: String,
        replies: Vec<String>,
        at: i64,
        author: i64,
    }
    let mut plans: Vec<Plan> = THREADS
        .iter()
        .enumerate()
        .map(|(n, (b, title, body, replies))| Plan {
            board: *b,
            title: (*title).to_owned(),
            body: (*body).to_owned(),
            replies: replies.iter().map(|r| (*r).to_owned()).collect(),
            at: now - (40 - n as i64 * 3) * DAY,
            author: people[n % people.len()],
        })
        .collect();
    const TOPICS: [&str; 6] = [
        "Datenqualität",
        "Modellbetrieb",
        "Weiterbildung",
        "Partnersuche",
        "Kosten",
        "Erfahrungsbericht",
    ];
    for g in 0..generated {
        let topic = TOPICS[g % TOPICS.len()];
        plans.push(Plan {
            board: g % BOARDS.len(),
            title: format!("{topic}: Frage {g} (generiert)"),
            body: format!("Generiertes Demo-Thema zu **{topic}** für Last- und Oberflächentests."),
            replies: (0..(g % 4))
                .map(|r| format!("Generierte Antwort {r} zum Thema {topic}."))
                .collect(),
            at: now - 400 * DAY + (g as i64 * 7 * HOUR) % (390 * DAY),
            author: people[g % people.len()],
        });
    }
    let mut thread_rows = Vec::with_capacity(plans.len());
    for p in &plans {
        thread_rows.push(board_thread::ActiveModel {
            board_id: Set(board_id(p.board)),
            author_id: Set(Some(p.author)),
            title: Set(p.title.clone()),
            body_md: Set(p.body.clone()),
            replies_count: Set(p.replies.len() as i64),
            last_activity_at: Set(p.at + p.replies.len() as i64 * HOUR),
            edited_at: Set(None),
            hidden_at: Set(None),
            deleted_at: Set(None),
            created_at: Set(p.at),
            ..Default::default()
        });
    }
    for chunk in thread_rows.chunks(500) {
        board_thread::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    // Inserted in plan order, so the ids ascend with it.
    let thread_ids: Vec<i64> = board_thread::Entity::find()
        .select_only()
        .column(board_thread::Column::Id)
        .order_by_asc(board_thread::Column::Id)
        .into_tuple::<i64>()
        .all(db)
        .await
        .map_err(db_err)?;
    let mut reply_rows = Vec::new();
    let mut follows = Vec::new();
    let mut per_board: HashMap<usize, (i64, i64, i64)> = HashMap::new();
    for (p, &tid) in plans.iter().zip(thread_ids.iter()) {
        for (r, text) in p.replies.iter().enumerate() {
            reply_rows.push(board_reply::ActiveModel {
                thread_id: Set(tid),
                author_id: Set(Some(people[(p.author as usize + r + 1) % people.len()])),
                quoted_id: Set(None),
                body_md: Set(text.clone()),
                edited_at: Set(None),
                hidden_at: Set(None),
                deleted_at: Set(None),
                created_at: Set(p.at + (r as i64 + 1) * HOUR),
                ..Default::default()
            });
        }
        follows.push(follow::ActiveModel {
            user_id: Set(p.author),
            target_kind: Set(FOLLOW_THREAD.to_owned()),
            target_id: Set(tid),
            created_at: Set(p.at),
            ..Default::default()
        });
        let entry = per_board.entry(p.board).or_insert((0, 0, 0));
        entry.0 += 1;
        entry.1 += p.replies.len() as i64;
        entry.2 = entry.2.max(p.at + p.replies.len() as i64 * HOUR);
    }
    let reply_count = reply_rows.len();
    for chunk in reply_rows.chunks(500) {
        board_reply::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    for chunk in follows.chunks(500) {
        follow::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    for (i, (threads, replies, last)) in per_board {
        board::Entity::update_many()
            .col_expr(board::Column::ThreadsCount, Expr::value(threads))
            .col_expr(board::Column::RepliesCount, Expr::value(replies))
            .col_expr(board::Column::LastActivityAt, Expr::value(Some(last)))
            .filter(board::Column::Id.eq(board_id(i)))
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    Ok(format!(
        "{} Foren, {} Themen, {reply_count} Antworten",
        BOARDS.len(),
        plans.len()
    ))
}
