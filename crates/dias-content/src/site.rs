//! The content module's side of the shell (`dias_web::site`): menus and
//! contact points as a snapshot cached for a few seconds, and pages at
//! their paths.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::response::Response;
use dias_web::site::{ContactPoint, MenuLink, SiteContent, SiteSnapshot};
use dias_web::{AppResult, AppState, Ctx};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use tokio::sync::Mutex;

use crate::entities::{contacts, pages};
use crate::vocab::Menu;

/// How long a snapshot serves before it is read again: another instance's
/// change shows within this time; this instance's own changes at once
/// ([`invalidate`]).
const MAX_AGE: Duration = Duration::from_secs(3);

/// Bumped by every change to menus or contact points in this process.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Makes every cached snapshot of this process stale; call after a change
/// to a page's placement, title or publication, or to a contact point.
pub fn invalidate() {
    GENERATION.fetch_add(1, Ordering::Relaxed);
}

/// Links the module always places in the footer: (path, German, English).
const FIXED_FOOTER: [(&str, &str, &str); 2] = [
    ("/ansprechpartner", "Ansprechpartner", "Contacts"),
    ("/newsletter", "Newsletter", "Newsletter"),
];

#[derive(Default)]
pub struct Site {
    cached: Mutex<Option<(Instant, u64, Arc<SiteSnapshot>)>>,
}

impl Site {
    async fn load(db: &DatabaseConnection) -> Result<SiteSnapshot, sea_orm::DbErr> {
        let now = dias_core::time::now();
        let live = crate::pages::live_ids(db, now).await?;
        let placed = pages::Entity::find()
            .filter(crate::publishing::live(
                pages::Column::Status,
                pages::Column::PublishAt,
                now,
            ))
            .filter(pages::Column::Menu.ne(Menu::None.key()))
            .order_by_asc(pages::Column::Position)
            .order_by_asc(pages::Column::TitleDe)
            .all(db)
            .await?;
        let mut snapshot = SiteSnapshot::default();
        for page in placed.into_iter().filter(|p| live.contains(&p.id)) {
            let link = MenuLink {
                path: page.path,
                title_de: page.title_de,
                title_en: page.title_en,
            };
            match Menu::parse(&page.menu) {
                Some(Menu::Main) => snapshot.main.push(link),
                Some(Menu::Footer) => snapshot.footer.push(link),
                Some(Menu::Audience) => {
                    if let Some(audience) = page.audience {
                        snapshot.audiences.push((audience, link));
                    }
                }
                _ => {}
            }
        }
        snapshot
            .footer
            .extend(FIXED_FOOTER.iter().map(|(path, de, en)| MenuLink {
                path: (*path).to_owned(),
                title_de: (*de).to_owned(),
                title_en: Some((*en).to_owned()),
            }));
        snapshot.contacts = contacts::Entity::find()
            .filter(contacts::Column::Published.eq(true))
            .order_by_asc(contacts::Column::Topic)
            .order_by_asc(contacts::Column::Position)
            .order_by_asc(contacts::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|c| ContactPoint {
                topic: c.topic,
                name: c.name,
                person: c.person,
                email: c.email,
                phone: c.phone,
                office_hours: c.office_hours,
            })
            .collect();
        Ok(snapshot)
    }
}

#[async_trait::async_trait]
impl SiteContent for Site {
    async fn snapshot(&self, db: &DatabaseConnection) -> Arc<SiteSnapshot> {
        let generation = GENERATION.load(Ordering::Relaxed);
        let mut cached = self.cached.lock().await;
        if let Some((at, seen, snapshot)) = cached.as_ref()
            && *seen == generation
            && at.elapsed() < MAX_AGE
        {
            return snapshot.clone();
        }
        match Site::load(db).await {
            Ok(snapshot) => {
                let snapshot = Arc::new(snapshot);
                *cached = Some((Instant::now(), generation, snapshot.clone()));
                snapshot
            }
            Err(e) => {
                // A page without fresh staff menus is better than no page.
                // The last snapshot (or none) serves for another interval,
                // so a database problem does not make every request queue
                // here for its own retry.
                tracing::warn!(error = %e, "content: reading menus failed");
                let stale = cached
                    .as_ref()
                    .map(|(_, _, s)| s.clone())
                    .unwrap_or_default();
                *cached = Some((Instant::now(), generation, stale.clone()));
                stale
            }
        }
    }

    async fn page(&self, ctx: Ctx, state: &AppState, path: &str) -> Option<AppResult<Response>> {
        crate::routes::pages_public::at_path(ctx, state, path).await
    }
}
