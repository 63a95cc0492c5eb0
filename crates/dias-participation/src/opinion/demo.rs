//! Demo opinion map for the demo process: a conversation with statements on
//! the Saxon digital strategy and generated votes of pseudonymous
//! participants in three camps — "schneller digital", "Datenschutz und
//! Wahlfreiheit zuerst" and "erst das Land anschließen" — plus statements
//! nearly everyone shares, so that groups, what they stand for and
//! consensus are all visible. The current phase gets statement voting.

use dias_web::registry::Scale;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{ACCEPTED, PENDING};
use crate::entities::{opinion_participant, opinion_statement, opinion_vote, phase};

const QUESTION: &str = "Wie soll Sachsen die Digitalisierung in den nächsten Jahren gestalten?";

/// Statement and the leaning of each camp: 1 agree, −1 disagree, 0 split.
const STATEMENTS: [(&str, [i8; 3]); 40] = [
    (
        "Alle Verwaltungsleistungen sollen bis 2028 vollständig online beantragt werden können.",
        [1, 0, 0],
    ),
    (
        "Wer nicht online gehen will, muss jede Behördenleistung weiterhin persönlich im Amt erledigen können.",
        [-1, 1, 1],
    ),
    (
        "Sachsen soll künstliche Intelligenz in der Verwaltung einsetzen, etwa um Anträge vorzuprüfen.",
        [1, -1, 0],
    ),
    (
        "Entscheidungen über Anträge dürfen nie allein von einer Software getroffen werden.",
        [0, 1, 1],
    ),
    (
        "Der Glasfaserausbau in Dörfern ist wichtiger als neue Apps der Landesverwaltung.",
        [-1, 0, 1],
    ),
    (
        "Jeder Haushalt in Sachsen soll bis 2030 einen Gigabitanschluss haben, auch in Streulagen.",
        [1, 0, 1],
    ),
    (
        "Funklöcher an Landstraßen und Bahnstrecken müssen vor allem anderen geschlossen werden.",
        [0, 0, 1],
    ),
    (
        "Gesundheitsdaten sollen für die Forschung in Sachsen leichter nutzbar werden.",
        [1, -1, 0],
    ),
    (
        "Daten der Bürgerinnen und Bürger sollen nur auf Servern in Deutschland gespeichert werden.",
        [0, 1, 1],
    ),
    (
        "Die Landesverwaltung soll konsequent auf Open-Source-Software umsteigen.",
        [0, 1, -1],
    ),
    (
        "Software, die mit Steuergeld entwickelt wird, soll als Open Source veröffentlicht werden.",
        [1, 1, 0],
    ),
    (
        "Die Kommunen sollen gemeinsame digitale Plattformen des Landes nutzen, statt eigene Lösungen zu kaufen.",
        [1, 0, -1],
    ),
    (
        "Kleine Gemeinden brauchen eigenes Personal für die Digitalisierung, bezahlt vom Land.",
        [0, 0, 1],
    ),
    (
        "Videoüberwachung mit Gesichtserkennung an Bahnhöfen würde die Sicherheit verbessern.",
        [1, -1, 0],
    ),
    (
        "Der Staat soll möglichst wenige Daten über seine Bürgerinnen und Bürger sammeln.",
        [-1, 1, 0],
    ),
    (
        "Schulen brauchen zuerst verlässliches WLAN und IT-Betreuung, dann neue Tablets.",
        [0, 1, 1],
    ),
    (
        "Informatik soll ab Klasse 5 an allen sächsischen Schulen Pflichtfach sein.",
        [1, 0, 0],
    ),
    (
        "Lehrkräfte sollen jedes Jahr verpflichtend an Fortbildungen zu digitalen Medien teilnehmen.",
        [1, 0, -1],
    ),
    (
        "Handys sollten im Unterricht an Grundschulen grundsätzlich verboten sein.",
        [-1, 1, 0],
    ),
    (
        "Sachsen soll ein eigenes Rechenzentrum für KI-Anwendungen von Forschung und Mittelstand aufbauen.",
        [1, -1, -1],
    ),
    (
        "Förderprogramme für die Digitalisierung sind zu kompliziert; kleine Betriebe scheitern an den Anträgen.",
        [1, 1, 1],
    ),
    (
        "Das Land soll Handwerksbetrieben die Digitalisierung mit Zuschüssen bezahlen.",
        [0, 0, 1],
    ),
    (
        "Start-ups aus Leipzig und Dresden brauchen mehr Risikokapital vom Freistaat.",
        [1, -1, -1],
    ),
    (
        "Telemedizin kann den Ärztemangel auf dem Land spürbar lindern.",
        [1, 0, 1],
    ),
    (
        "Digitale Angebote ersetzen keine Arztpraxis und keine Sparkassenfiliale im Ort.",
        [-1, 1, 1],
    ),
    (
        "Alle Behörden sollen Bescheide nur noch digital verschicken, Papier nur auf Antrag.",
        [1, -1, -1],
    ),
    (
        "Die elektronische Patientenakte soll für alle gelten, wer nicht will, muss widersprechen.",
        [1, -1, 0],
    ),
    (
        "Offene Verwaltungsdaten (Open Data) sollen kostenlos und maschinenlesbar veröffentlicht werden.",
        [1, 1, 0],
    ),
    (
        "Cyberangriffe auf Kommunen sind eine unterschätzte Gefahr; das Land muss sie besser schützen.",
        [1, 1, 1],
    ),
    (
        "Jede Kommune soll eine Ansprechperson für IT-Sicherheit haben.",
        [1, 1, 1],
    ),
    (
        "Digitale Teilhabe älterer Menschen braucht Kurse vor Ort, nicht nur Erklärvideos.",
        [0, 1, 1],
    ),
    (
        "Barrierefreiheit muss bei jedem digitalen Angebot des Landes von Anfang an eingeplant werden.",
        [1, 1, 1],
    ),
    (
        "Der Ausbau digitaler Verwaltung darf nicht zum Abbau von Stellen in den Bürgerbüros führen.",
        [-1, 1, 1],
    ),
    (
        "Sachsen soll Vorreiter beim autonomen Fahren im ländlichen Nahverkehr werden.",
        [1, -1, 1],
    ),
    (
        "Algorithmen der Verwaltung sollen offengelegt und von unabhängigen Stellen geprüft werden.",
        [0, 1, 0],
    ),
    (
        "Der Datenschutz bremst die Digitalisierung in Deutschland zu sehr.",
        [1, -1, 0],
    ),
    (
        "Bürgerbeteiligung wie diese soll künftig bei allen großen Vorhaben des Landes online möglich sein.",
        [1, 1, 0],
    ),
    (
        "Mobilfunkmasten sollen auch auf landeseigenen Flächen und Gebäuden stehen dürfen.",
        [1, -1, 1],
    ),
    (
        "Die Digitalstrategie soll jedes Jahr mit messbaren Zielen überprüft und veröffentlicht werden.",
        [1, 1, 1],
    ),
    (
        "Ein digitaler Ausweis auf dem Smartphone soll den Personalausweis im Alltag ersetzen können.",
        [1, -1, 0],
    ),
];

/// Statements waiting for a moderator (the demo's queue).
const PENDING_STATEMENTS: [&str; 2] = [
    "Jede Bibliothek in Sachsen soll einen Raum mit Computern und Hilfe für alle anbieten.",
    "Das Land soll kostenloses WLAN auf allen Marktplätzen der Kreisstädte einrichten.",
];

/// Rows per bulk insert; below the parameter limits of SQLite and PostgreSQL.
const CHUNK: usize = 2_000;

fn db_err(e: impl std::fmt::Display) -> String {
    format!("opinion demo: {e}")
}

/// Seeds the opinion map of the demo process; returns a summary line.
pub async fn seed(
    db: &DatabaseConnection,
    process_id: i64,
    scale: Scale,
) -> Result<String, String> {
    let now = dias_core::time::now();
    let mut rng = StdRng::seed_from_u64(4_711);
    // Statement voting is open in the phase that is running now.
    phase::Entity::update_many()
        .col_expr(phase::Column::StatementVoting, Expr::value(true))
        .filter(phase::Column::ProcessId.eq(process_id))
        .filter(phase::Column::StartsAt.lte(now))
        .filter(phase::Column::EndsAt.gt(now))
        .exec(db)
        .await
        .map_err(db_err)?;
    let conversation = super::store::create_conversation(db, process_id, QUESTION, true)
        .await
        .map_err(db_err)?;

    let n_participants: usize = match scale {
        Scale::Small => 300,
        Scale::Large => 6_000,
    };
    let participants: Vec<opinion_participant::ActiveModel> = (0..n_participants)
        .map(|i| opinion_participant::ActiveModel {
            conversation_id: Set(conversation.id),
            user_id: Set(None),
            anon_key: Set(Some(dias_core::crypto::sha256_hex(&format!(
                "demo-teilnehmende-{i}"
            )))),
            created_at: Set(now - 10 * 86_400),
            ..Default::default()
        })
        .collect();
    for chunk in participants.chunks(CHUNK) {
        opinion_participant::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await
            .map_err(db_err)?;
    }
    let participant_ids: Vec<i64> = opinion_participant::Entity::find()
        .select_only()
        .column(opinion_participant::Column::Id)
        .filter(opinion_participant::Column::ConversationId.eq(conversation.id))
        .order_by_asc(opinion_participant::Column::Id)
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;

    let statements: Vec<opinion_statement::ActiveModel> = STATEMENTS
        .iter()
        .enumerate()
        .map(|(i, (text, _))| opinion_statement::ActiveModel {
            conversation_id: Set(conversation.id),
            author_id: Set(None),
            body: Set((*text).to_owned()),
            status: Set(ACCEPTED.to_owned()),
            priority: Set(None),
            created_at: Set(now - 12 * 86_400 + i as i64 * 3_600),
            decided_by: Set(None),
            decided_at: Set(None),
            ..Default::default()
        })
        .chain(PENDING_STATEMENTS.iter().enumerate().map(|(i, text)| {
            opinion_statement::ActiveModel {
                conversation_id: Set(conversation.id),
                author_id: Set(participant_ids.get(i).copied()),
                body: Set((*text).to_owned()),
                status: Set(PENDING.to_owned()),
                priority: Set(None),
                created_at: Set(now - 86_400),
                decided_by: Set(None),
                decided_at: Set(None),
                ..Default::default()
            }
        }))
        .collect();
    opinion_statement::Entity::insert_many(statements)
        .exec_without_returning(db)
        .await
        .map_err(db_err)?;
    let statement_ids: Vec<i64> = opinion_statement::Entity::find()
        .select_only()
        .column(opinion_statement::Column::Id)
        .filter(opinion_statement::Column::ConversationId.eq(conversation.id))
        .filter(opinion_statement::Column::Status.eq(ACCEPTED))
        .order_by_asc(opinion_statement::Column::Id)
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;

    // Camps of unequal size; each person sees about two thirds of the
    // statements, follows their camp mostly, passes sometimes.
    let mut votes: Vec<opinion_vote::ActiveModel> = Vec::new();
    let mut total = 0usize;
    for (i, &participant) in participant_ids.iter().enumerate() {
        let camp = match i % 10 {
            0..=3 => 0,
            4..=6 => 1,
            _ => 2,
        };
        let seen = rng.gen_range(0.45..0.9);
        for (s, &statement) in statement_ids.iter().enumerate() {
            if rng.gen_bool(1.0 - seen) {
                continue;
            }
            let lean = STATEMENTS[s].1[camp];
            let r: f64 = rng.r#gen();
            let value: i16 = if lean == 0 {
                if r < 0.45 {
                    1
                } else if r < 0.85 {
                    -1
                } else {
                    0
                }
            } else if r < 0.82 {
                i16::from(lean)
            } else if r < 0.92 {
                0
            } else {
                -i16::from(lean)
            };
            let at = now - rng.gen_range(3_600..9 * 86_400);
            votes.push(opinion_vote::ActiveModel {
                conversation_id: Set(conversation.id),
                statement_id: Set(statement),
                participant_id: Set(participant),
                value: Set(value),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            });
            if votes.len() == CHUNK {
                total += votes.len();
                opinion_vote::Entity::insert_many(std::mem::take(&mut votes))
                    .exec_without_returning(db)
                    .await
                    .map_err(db_err)?;
            }
        }
    }
    if !votes.is_empty() {
        total += votes.len();
        opinion_vote::Entity::insert_many(votes)
            .exec_without_returning(db)
            .await
            .map_err(db_err)?;
    }
    super::store::touch(db, conversation.id)
        .await
        .map_err(db_err)?;
    // The demo starts with a computed map; later votes recompute in the background.
    let outcome = super::worker::recompute(db, conversation.id, "demo")
        .await
        .map_err(db_err)?;
    let groups = match outcome {
        super::worker::Outcome::Computed { groups, .. } => groups,
        _ => 0,
    };
    Ok(format!(
        "Meinungsbild: {} Aussagen, {} Teilnehmende, {total} Stimmen, {groups} Meinungsgruppen",
        statement_ids.len(),
        participant_ids.len()
    ))
}
