//! Demo data: the shell's demo accounts plus every module's seeder.

use anyhow::bail;
use dias_core::entities::user;
use dias_core::policy::Role;
use dias_web::AppState;
use dias_web::registry::Scale;
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait, Set};

/// Password of every demo account (documented in the README; demo only).
pub const DEMO_PASSWORD: &str = "Demo-Passwort-2026";

const DEMO_ACCOUNTS: [(&str, &str, Role); 7] = [
    (
        "buerger@demo.dias.example",
        "Anna Beispiel",
        Role::Participant,
    ),
    (
        "moderation@demo.dias.example",
        "Moritz Moderation",
        Role::Moderator,
    ),
    ("redaktion@demo.dias.example", "Rita Redaktion", Role::Staff),
    (
        "kommune@demo.dias.example",
        "Gemeinde Musterstadt",
        Role::Municipality,
    ),
    // Represents one fictional KI-Netzwerk actor (dias-network's demo links it).
    (
        "akteur@demo.dias.example",
        "Arne Akteur",
        Role::Representative,
    ),
    // Answer market surveys for two fictional operators (dias-broadband's
    // demo links them).
    (
        "netzbetreiber@demo.dias.example",
        "Nora Netzbetrieb",
        Role::Operator,
    ),
    (
        "netzbetreiber2@demo.dias.example",
        "Kai Kabel",
        Role::Operator,
    ),
];

const FIRST_NAMES: [&str; 16] = [
    "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Karla",
    "Lukas", "Mia", "Noah", "Paula", "Tom",
];
const LAST_NAMES: [&str; 12] = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Richter",
    "Krause",
    "Lehmann",
    "Schubert",
];

/// Loads demo data into an empty portal; does nothing if accounts exist.
pub async fn load(state: &AppState, scale: Scale) -> anyhow::Result<()> {
    if user::Entity::find().count(&state.db).await? > 0 {
        eprintln!("Die Datenbank enthält schon Konten; Demodaten werden nicht geladen.");
        return Ok(());
    }
    for (email, name, role) in DEMO_ACCOUNTS {
        dias_core::accounts::create_verified(&state.db, email, name, DEMO_PASSWORD, role).await?;
    }
    let extra = match scale {
        Scale::Small => 40,
        Scale::Large => 5_000,
    };
    // One hash for all generated participants: they exist to fill lists and
    // statistics, and hashing thousands of passwords would take minutes.
    let hash = dias_core::accounts::password::hash(DEMO_PASSWORD).map_err(anyhow::Error::msg)?;
    let now = dias_core::time::now();
    let rows: Vec<user::ActiveModel> = (0..extra)
        .map(|i| {
            let first = FIRST_NAMES[i % FIRST_NAMES.len()];
            let last = LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()];
            user::ActiveModel {
                email: Set(Some(format!("teilnehmende{i}@demo.dias.example"))),
                display_name: Set(format!("{first} {last}")),
                password_hash: Set(Some(hash.clone())),
                role: Set(Role::Participant.as_str().to_owned()),
                locale: Set("de".to_owned()),
                notify_frequency: Set("weekly".to_owned()),
                email_verified_at: Set(Some(now)),
                failed_logins: Set(0),
                created_at: Set(now - (i as i64) * 3600),
                updated_at: Set(now),
                ..Default::default()
            }
        })
        .collect();
    for chunk in rows.chunks(500) {
        user::Entity::insert_many(chunk.to_vec())
            .exec(&state.db)
            .await?;
    }
    let mut summaries = vec![format!("{} Konten", DEMO_ACCOUNTS.len() + extra)];
    for module in &state.registry.modules {
        if let Some(seeder) = &module.demo {
            let env = dias_web::registry::DemoEnv::new(scale, &state.config);
            match seeder(&state.db, env).await {
                Ok(summary) => summaries.push(format!("{}: {summary}", module.name)),
                Err(e) => bail!("demo data of {} failed: {e}", module.name),
            }
        }
    }
    // Bulk loads leave the planner without statistics, and PostgreSQL without
    // the visibility map that index-only counts need: refresh both once.
    let refresh = match dias_core::db::backend(&state.db) {
        sea_orm::DbBackend::Postgres => "VACUUM ANALYZE",
        _ => "ANALYZE",
    };
    state.db.execute_unprepared(refresh).await?;
    eprintln!(
        "Demodaten geladen ({}). Demo-Passwort aller Konten: {DEMO_PASSWORD}",
        summaries.join("; ")
    );
    Ok(())
}
