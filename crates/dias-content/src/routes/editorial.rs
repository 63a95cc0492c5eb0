//! The Redaktion's start page `/redaktion` (`ContentAction::Edit`): one
//! section per area with its counts and link, the scheduled publications
//! with their time, and the latest drafts. Read straight from the tables,
//! one query per kind (counts grouped by status), never per row.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use dias_web::forms::page;
use dias_web::{AppResult, AppState, Ctx};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Order, Query};
use sea_orm::{ConnectionTrait, DbErr};

use crate::policy::ContentAction;
use crate::vocab::Status;

pub fn routes() -> Router<AppState> {
    Router::new().route("/redaktion", get(dashboard))
}

/// How many scheduled items and drafts the page lists.
const LIST_LIMIT: u64 = 10;

/// A kind of item with a publishing state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Page,
    News,
    Publication,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Page, Kind::News, Kind::Publication];

    fn table(self) -> &'static str {
        match self {
            Kind::Page => "content_pages",
            Kind::News => "content_news",
            Kind::Publication => "content_publications",
        }
    }

    fn title_column(self) -> &'static str {
        match self {
            Kind::Page => "title_de",
            Kind::News | Kind::Publication => "title",
        }
    }

    fn label_key(self) -> &'static str {
        match self {
            Kind::Page => "content-ed-kind-page",
            Kind::News => "content-ed-kind-news",
            Kind::Publication => "content-ed-kind-publication",
        }
    }

    /// The staff page of one item.
    fn edit_href(self, id: i64) -> String {
        match self {
            Kind::Page => format!("/redaktion/seiten/{id}/bearbeiten"),
            Kind::News => format!("/redaktion/aktuelles/{id}"),
            Kind::Publication => format!("/redaktion/publikationen/{id}"),
        }
    }
}

/// Counts of one area.
pub(crate) struct Section {
    pub id: &'static str,
    pub href: &'static str,
    pub title: String,
    pub total: i64,
    /// (label, count) details, e.g. drafts and scheduled.
    pub details: Vec<(String, i64)>,
}

/// A scheduled item or a draft.
pub(crate) struct Item {
    pub kind: String,
    pub title: String,
    pub href: String,
    /// `publish_at` of scheduled items, `updated_at` of drafts.
    pub at: i64,
}

#[derive(Template)]
#[template(path = "content/editorial/dashboard.html")]
struct Dashboard {
    ctx: Ctx,
    /// The start page of the Redaktion has no crumbs below itself.
    crumbs: Vec<(String, String)>,
    sections: Vec<Section>,
    scheduled: Vec<Item>,
    drafts: Vec<Item>,
}

/// Rows per (status, due) of a table with a publishing state: (drafts,
/// live, scheduled) in one grouped query.
async fn state_counts<C: ConnectionTrait>(
    db: &C,
    table: &str,
    now: i64,
) -> Result<(i64, i64, i64), DbErr> {
    let due = Expr::col(Alias::new("publish_at")).lte(now);
    let select = Query::select()
        .column(Alias::new("status"))
        .expr_as(
            Expr::case(due, Expr::val(1)).finally(Expr::val(0)),
            Alias::new("due"),
        )
        .expr_as(Func::count(Expr::val(1)), Alias::new("n"))
        .from(Alias::new(table))
        .add_group_by([
            Expr::col(Alias::new("status")),
            Expr::col(Alias::new("due")),
        ])
        .to_owned();
    let (mut drafts, mut live, mut scheduled) = (0, 0, 0);
    for row in db.query_all(&select).await? {
        let status: String = row.try_get("", "status")?;
        let due: i32 = row.try_get("", "due")?;
        let n: i64 = row.try_get("", "n")?;
        if status == Status::Published.key() {
            if due == 1 {
                live += n;
            } else {
                scheduled += n;
            }
        } else {
            drafts += n;
        }
    }
    Ok((drafts, live, scheduled))
}

/// Counts per value of `column` in one grouped query.
async fn grouped_counts<C: ConnectionTrait>(
    db: &C,
    table: &str,
    column: &str,
) -> Result<Vec<(String, i64)>, DbErr> {
    let select = Query::select()
        .column(Alias::new(column))
        .expr_as(Func::count(Expr::val(1)), Alias::new("n"))
        .from(Alias::new(table))
        .group_by_col(Alias::new(column))
        .to_owned();
    let mut out = Vec::new();
    for row in db.query_all(&select).await? {
        // Booleans come back as integers on SQLite.
        let value = match row.try_get::<String>("", column) {
            Ok(v) => v,
            Err(_) => match row.try_get::<bool>("", column) {
                Ok(b) => b.to_string(),
                Err(_) => row
                    .try_get::<i32>("", column)
                    .map(|i| (i != 0).to_string())?,
            },
        };
        out.push((value, row.try_get("", "n")?));
    }
    Ok(out)
}

async fn count<C: ConnectionTrait>(db: &C, table: &str) -> Result<i64, DbErr> {
    let select = Query::select()
        .expr_as(Func::count(Expr::val(1)), Alias::new("n"))
        .from(Alias::new(table))
        .to_owned();
    match db.query_one(&select).await? {
        Some(row) => row.try_get("", "n"),
        None => Ok(0),
    }
}

/// Scheduled items (soonest first) or drafts (latest change first) of one
/// kind: (id, title, time).
async fn items<C: ConnectionTrait>(
    db: &C,
    kind: Kind,
    scheduled: bool,
    now: i64,
) -> Result<Vec<(i64, String, i64)>, DbErr> {
    let time = if scheduled {
        "publish_at"
    } else {
        "updated_at"
    };
    let mut select = Query::select();
    select
        .column(Alias::new("id"))
        .expr_as(
            Expr::col(Alias::new(kind.title_column())),
            Alias::new("title"),
        )
        .expr_as(Expr::col(Alias::new(time)), Alias::new("at"))
        .from(Alias::new(kind.table()))
        .limit(LIST_LIMIT);
    if scheduled {
        select
            .and_where(Expr::col(Alias::new("status")).eq(Status::Published.key()))
            .and_where(Expr::col(Alias::new("publish_at")).gt(now))
            .order_by(Alias::new("publish_at"), Order::Asc);
    } else {
        select
            .and_where(Expr::col(Alias::new("status")).eq(Status::Draft.key()))
            .order_by(Alias::new("updated_at"), Order::Desc);
    }
    select.order_by(Alias::new("id"), Order::Asc);
    let mut out = Vec::new();
    for row in db.query_all(&select).await? {
        out.push((
            row.try_get("", "id")?,
            row.try_get("", "title")?,
            row.try_get("", "at")?,
        ));
    }
    Ok(out)
}

async fn dashboard(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let db = &state.db;
    let now = dias_core::time::now();
    let mut sections = Vec::new();
    let areas = [
        (
            Kind::Page,
            "content-ed-pages",
            "/redaktion/seiten",
            "content-ed-section-pages",
        ),
        (
            Kind::News,
            "content-ed-news",
            "/redaktion/aktuelles",
            "content-ed-section-news",
        ),
        (
            Kind::Publication,
            "content-ed-publications",
            "/redaktion/publikationen",
            "content-ed-section-publications",
        ),
    ];
    for (kind, id, href, title) in areas {
        let (drafts, live, scheduled) = state_counts(db, kind.table(), now).await?;
        sections.push(Section {
            id,
            href,
            title: ctx.t(title),
            total: drafts + live + scheduled,
            details: vec![
                (ctx.t("content-ed-count-live"), live),
                (ctx.t("content-ed-count-scheduled"), scheduled),
                (ctx.t("content-ed-count-drafts"), drafts),
            ],
        });
    }
    sections.push(Section {
        id: "content-ed-media",
        href: "/redaktion/medien",
        title: ctx.t("content-ed-section-media"),
        total: count(db, "content_media").await?,
        details: Vec::new(),
    });
    let contacts = grouped_counts(db, "content_contacts", "published").await?;
    let shown: i64 = contacts
        .iter()
        .filter(|(v, _)| v == "true")
        .map(|(_, n)| n)
        .sum();
    let total: i64 = contacts.iter().map(|(_, n)| n).sum();
    sections.push(Section {
        id: "content-ed-contacts",
        href: "/redaktion/ansprechpartner",
        title: ctx.t("content-ed-section-contacts"),
        total,
        details: vec![
            (ctx.t("content-ed-count-shown"), shown),
            (ctx.t("content-ed-count-hidden"), total - shown),
        ],
    });
    let issues = grouped_counts(db, "content_newsletter_issues", "status").await?;
    let of = |status: &str| {
        issues
            .iter()
            .filter(|(v, _)| v == status)
            .map(|(_, n)| *n)
            .sum::<i64>()
    };
    let subscribers = grouped_counts(db, "content_newsletter_subscribers", "status").await?;
    let confirmed: i64 = subscribers
        .iter()
        .filter(|(v, _)| v != "pending")
        .map(|(_, n)| n)
        .sum();
    sections.push(Section {
        id: "content-ed-newsletter",
        href: "/redaktion/newsletter",
        title: ctx.t("content-ed-section-newsletter"),
        total: issues.iter().map(|(_, n)| n).sum(),
        details: vec![
            (ctx.t("content-ed-count-sent"), of("sent")),
            (ctx.t("content-ed-count-sending"), of("sending")),
            (ctx.t("content-ed-count-issue-drafts"), of("draft")),
            (ctx.t("content-ed-count-subscribers"), confirmed),
        ],
    });
    let mut scheduled = Vec::new();
    let mut drafts = Vec::new();
    for kind in Kind::ALL {
        for (list, is_scheduled) in [(&mut scheduled, true), (&mut drafts, false)] {
            list.extend(items(db, kind, is_scheduled, now).await?.into_iter().map(
                |(id, title, at)| Item {
                    kind: ctx.t(kind.label_key()),
                    title,
                    href: kind.edit_href(id),
                    at,
                },
            ));
        }
    }
    scheduled.sort_by_key(|i| i.at);
    scheduled.truncate(LIST_LIMIT as usize);
    drafts.sort_by_key(|i| std::cmp::Reverse(i.at));
    drafts.truncate(LIST_LIMIT as usize);
    page(&Dashboard {
        ctx,
        crumbs: Vec::new(),
        sections,
        scheduled,
        drafts,
    })
}
