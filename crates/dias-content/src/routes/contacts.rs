//! Contact points: the public list `/ansprechpartner` (grouped by topic,
//! each topic with a link to Anfragen when that module runs) and the staff
//! pages under `/redaktion/ansprechpartner` (list, new, edit, show/hide,
//! delete; `ContentAction::Edit`). Every change is audited and refreshes
//! the shell's snapshot, so the modules' contact boxes show it at once.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::contacts::{self, Contact, ContactInput};
use crate::policy::ContentAction;
use crate::vocab::Topic;

pub const PUBLIC_PATH: &str = "/ansprechpartner";
pub const STAFF_PATH: &str = "/redaktion/ansprechpartner";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PUBLIC_PATH, get(public))
        .route(STAFF_PATH, get(list))
        .route("/redaktion/ansprechpartner/neu", get(new_form).post(create))
        .route(
            "/redaktion/ansprechpartner/{id}/bearbeiten",
            get(edit_form).post(edit),
        )
        .route(
            "/redaktion/ansprechpartner/{id}/sichtbarkeit",
            post(visibility),
        )
        .route("/redaktion/ansprechpartner/{id}/loeschen", post(remove))
}

/// The Anfragen module's name (`dias_desk::MODULE_NAME`; the content
/// module does not depend on the desk).
const DESK_MODULE: &str = "anfragen";

/// A contact point as shown.
pub(crate) struct Shown {
    pub id: i64,
    pub name: String,
    pub person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub tel: Option<String>,
    pub office_hours: Option<String>,
    pub position: i32,
    pub published: bool,
    pub topic_label: String,
}

impl Shown {
    fn new(ctx: &Ctx, c: Contact) -> Self {
        Shown {
            id: c.id,
            topic_label: Topic::parse(&c.topic)
                .map(|t| ctx.t(t.label_key()))
                .unwrap_or_else(|| c.topic.clone()),
            tel: c.phone.as_deref().map(contacts::tel_uri),
            name: c.name,
            person: c.person,
            email: c.email,
            phone: c.phone,
            office_hours: c.office_hours,
            position: c.position,
            published: c.published,
        }
    }
}

pub(crate) struct Group {
    pub key: &'static str,
    pub label: String,
    /// `/anfragen/neu?thema=…` when the Anfragen module runs.
    pub inquiry: Option<String>,
    pub contacts: Vec<Shown>,
}

#[derive(Template)]
#[template(path = "content/contacts/public.html")]
struct PublicPage {
    ctx: Ctx,
    groups: Vec<Group>,
}

async fn public(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let desk = state.registry.has(DESK_MODULE);
    let groups = contacts::published_by_topic(&state.db)
        .await?
        .into_iter()
        .map(|(topic, list)| Group {
            key: topic.key(),
            label: ctx.t(topic.label_key()),
            inquiry: desk.then(|| format!("/anfragen/neu?thema={}", topic.desk_topic())),
            contacts: list.into_iter().map(|c| Shown::new(&ctx, c)).collect(),
        })
        .collect();
    page(&PublicPage { ctx, groups })
}

#[derive(Template)]
#[template(path = "content/contacts/list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<Shown>,
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let rows = contacts::all(&state.db)
        .await?
        .into_iter()
        .map(|c| Shown::new(&ctx, c))
        .collect();
    page(&ListPage { ctx, rows })
}

pub(crate) struct Choice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "content/contacts/form.html")]
struct FormPage {
    ctx: Ctx,
    errors: ShownErrors,
    input: ContactInput,
    topics: Vec<Choice>,
    /// Editing this contact point (else a new one).
    contact: Option<Contact>,
    /// Someone else saved since the form was opened (409).
    conflict: bool,
}

impl FormPage {
    fn action(&self) -> String {
        match &self.contact {
            Some(c) => format!("/redaktion/ansprechpartner/{}/bearbeiten", c.id),
            None => "/redaktion/ansprechpartner/neu".to_owned(),
        }
    }
}

fn form(ctx: Ctx, input: ContactInput, errors: ShownErrors, contact: Option<Contact>) -> FormPage {
    let topics = Topic::ALL
        .iter()
        .map(|t| Choice {
            value: t.key(),
            label: ctx.t(t.label_key()),
            selected: input.topic.trim() == t.key(),
        })
        .collect();
    FormPage {
        ctx,
        errors,
        input,
        topics,
        contact,
        conflict: false,
    }
}

fn parse_id(raw: &str) -> AppResult<i64> {
    raw.parse().map_err(|_| AppError::NotFound)
}

async fn contact(state: &AppState, id: &str) -> AppResult<Contact> {
    contacts::by_id(&state.db, parse_id(id)?)
        .await?
        .ok_or(AppError::NotFound)
}

fn audit_details(c: &Contact) -> serde_json::Value {
    serde_json::json!({ "topic": c.topic, "name": c.name, "published": c.published })
}

async fn new_form(ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let mut input = ContactInput::new_default();
    // `?thema=ki` from a topic's "add" link.
    if let Ok(pairs) = serde_urlencoded::from_str::<Vec<(String, String)>>(&ctx.query)
        && let Some((_, topic)) = pairs.into_iter().find(|(k, _)| k == "thema")
        && Topic::parse(&topic).is_some()
    {
        input.topic = topic;
    }
    page(&form(ctx, input, ShownErrors::none(), None))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let input = ContactInput::from_pairs(&pairs);
    match contacts::validate(&input) {
        Ok(valid) => {
            let txn = dias_core::db::begin_write(&state.db).await?;
            let saved = contacts::create(&txn, &valid, dias_core::time::now()).await?;
            dias_core::audit::record(
                &txn,
                Some(me),
                "content.contact.create",
                "content_contact",
                Some(&saved.id.to_string()),
                audit_details(&saved),
            )
            .await?;
            txn.commit().await?;
            crate::site::invalidate();
            Ok(see_other(
                "/redaktion/ansprechpartner?hinweis=content-contact-created",
            ))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form(ctx, input, shown, None),
            )
        }
    }
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let current = contact(&state, &id).await?;
    let input = ContactInput::from_contact(&current);
    page(&form(ctx, input, ShownErrors::none(), Some(current)))
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let current = contact(&state, &id).await?;
    let input = ContactInput::from_pairs(&pairs);
    match contacts::validate(&input) {
        Ok(valid) => {
            let revision = input.revision.trim().parse::<i32>().unwrap_or(0);
            let txn = dias_core::db::begin_write(&state.db).await?;
            let saved =
                match contacts::update(&txn, current.id, revision, &valid, dias_core::time::now())
                    .await?
                {
                    contacts::Updated::Saved(saved) => saved,
                    contacts::Updated::Gone => return Err(AppError::NotFound),
                    contacts::Updated::Stale(now_stored) => {
                        txn.rollback().await?;
                        // The typed text stays; the form now carries the
                        // stored revision, so saving again overwrites on purpose.
                        let mut input = input;
                        input.revision = now_stored.revision.to_string();
                        let mut page = form(ctx, input, ShownErrors::none(), Some(now_stored));
                        page.conflict = true;
                        return page_with_status(StatusCode::CONFLICT, &page);
                    }
                };
            dias_core::audit::record(
                &txn,
                Some(me),
                "content.contact.update",
                "content_contact",
                Some(&saved.id.to_string()),
                audit_details(&saved),
            )
            .await?;
            txn.commit().await?;
            crate::site::invalidate();
            Ok(see_other(
                "/redaktion/ansprechpartner?hinweis=content-contact-saved",
            ))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form(ctx, input, shown, Some(current)),
            )
        }
    }
}

async fn visibility(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let id = parse_id(&id)?;
    let published = match pairs.iter().find(|(k, _)| k == "veroeffentlicht") {
        Some((_, v)) if v == "1" => true,
        Some((_, v)) if v == "0" => false,
        _ => return Err(AppError::BadRequest("veroeffentlicht".into())),
    };
    let txn = dias_core::db::begin_write(&state.db).await?;
    if !contacts::set_published(&txn, id, published, dias_core::time::now()).await? {
        return Err(AppError::NotFound);
    }
    dias_core::audit::record(
        &txn,
        Some(me),
        if published {
            "content.contact.publish"
        } else {
            "content.contact.withdraw"
        },
        "content_contact",
        Some(&id.to_string()),
        serde_json::Value::Null,
    )
    .await?;
    txn.commit().await?;
    crate::site::invalidate();
    Ok(see_other(if published {
        "/redaktion/ansprechpartner?hinweis=content-contact-published"
    } else {
        "/redaktion/ansprechpartner?hinweis=content-contact-withdrawn"
    }))
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let id = parse_id(&id)?;
    let txn = dias_core::db::begin_write(&state.db).await?;
    let Some(gone) = contacts::by_id(&txn, id).await? else {
        return Err(AppError::NotFound);
    };
    if !contacts::delete(&txn, id).await? {
        return Err(AppError::NotFound);
    }
    dias_core::audit::record(
        &txn,
        Some(me),
        "content.contact.delete",
        "content_contact",
        Some(&id.to_string()),
        audit_details(&gone),
    )
    .await?;
    txn.commit().await?;
    crate::site::invalidate();
    Ok(see_other(
        "/redaktion/ansprechpartner?hinweis=content-contact-deleted",
    ))
}
