//! `/breitband/verwaltung`: staff decide who acts for whom — the areas
//! (Gemeinde AGS-8 or Kreis AGS-5) of municipality accounts, the list of
//! network operators and the accounts that answer for each
//! (`BroadbandAction::ManageMembers`).
//!
//! Every form is a plain POST (Post/Redirect/Get) that works without
//! JavaScript; a refused one re-renders the page with 422, an error
//! summary and the input kept, and stores nothing. Each change and its
//! audit entry are written in one transaction; entries about an account
//! name it as their target, so they show up in that person's export.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::entities::user;
use dias_core::i18n::Value;
use dias_core::policy::Role;
use dias_core::validation::FieldErrors;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use serde_json::json;

use super::home::AreaLink;
use crate::members;
use crate::policy::BroadbandAction;

/// Longest operator name (the column's length).
const MAX_OPERATOR_NAME: usize = 200;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/breitband/verwaltung", get(show))
        .route("/breitband/verwaltung/gebiete", post(add_area))
        .route("/breitband/verwaltung/gebiete/entfernen", post(remove_area))
        .route("/breitband/verwaltung/netzbetreiber", post(create_operator))
        .route(
            "/breitband/verwaltung/netzbetreiber/konten",
            post(add_account),
        )
        .route(
            "/breitband/verwaltung/netzbetreiber/konten/entfernen",
            post(remove_account),
        )
}

/// An account as listed: name and address.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub email: String,
}

impl Account {
    fn of(u: &user::Model) -> Account {
        Account {
            id: u.id,
            name: u.display_name.clone(),
            email: u.email.clone().unwrap_or_default(),
        }
    }
}

/// A municipality account (or one that still has areas after its role
/// changed) with its areas.
#[derive(Debug, Clone)]
pub struct MemberAccount {
    pub account: Account,
    /// The role's label when it is not `municipality`: the areas then have
    /// no effect, and staff should see why.
    pub other_role: Option<String>,
    pub areas: Vec<AreaLink>,
}

#[derive(Debug, Clone)]
pub struct OperatorView {
    pub id: i64,
    pub name: String,
    pub accounts: Vec<Account>,
}

/// The fields of the three adding forms (each fills its own).
#[derive(Deserialize, Default, Clone, Debug)]
pub struct AdminInput {
    /// The account of a new area, by e-mail address.
    #[serde(default)]
    konto: String,
    #[serde(default)]
    gebiet: String,
    /// A new operator's name.
    #[serde(default)]
    name: String,
    /// The operator (id) and account (e-mail) of a new operator account.
    #[serde(default)]
    betreiber: String,
    #[serde(default)]
    betreiber_konto: String,
}

#[derive(Template)]
#[template(path = "broadband/admin.html")]
struct AdminPage {
    ctx: Ctx,
    errors: ShownErrors,
    input: AdminInput,
    members: Vec<MemberAccount>,
    operators: Vec<OperatorView>,
}

impl AdminPage {
    /// A message with two arguments (the remove buttons' labels).
    fn two(&self, id: &str, a: &str, a_value: &str, b: &str, b_value: &str) -> String {
        self.ctx.catalog.get_with(
            self.ctx.locale(),
            id,
            &[
                (a, Value::from(a_value.to_owned())),
                (b, Value::from(b_value.to_owned())),
            ],
        )
    }
}

fn role_label(ctx: &Ctx, role: &str) -> String {
    ctx.t(&format!("role-{role}"))
}

/// The page with everything listed: four queries, however many accounts.
async fn admin_page(
    state: &AppState,
    ctx: Ctx,
    errors: ShownErrors,
    input: AdminInput,
) -> AppResult<AdminPage> {
    let municipal = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Municipality.as_str()))
        .filter(user::Column::DeletedAt.is_null())
        .order_by_asc(user::Column::DisplayName)
        .order_by_asc(user::Column::Id)
        .all(&state.db)
        .await?;
    let memberships = members::all_memberships(&state.db).await?;
    let mut members: Vec<MemberAccount> = municipal
        .iter()
        .map(|u| MemberAccount {
            account: Account::of(u),
            other_role: None,
            areas: Vec::new(),
        })
        .collect();
    for (m, u) in &memberships {
        let index = match members.iter().position(|a| a.account.id == u.id) {
            Some(i) => i,
            None => {
                members.push(MemberAccount {
                    account: Account::of(u),
                    other_role: (u.role != Role::Municipality.as_str())
                        .then(|| role_label(&ctx, &u.role)),
                    areas: Vec::new(),
                });
                members.len() - 1
            }
        };
        members[index].areas.push(AreaLink::of(&m.area));
    }
    let operator_members = members::all_operator_members(&state.db).await?;
    let operators = members::operators(&state.db)
        .await?
        .into_iter()
        .map(|o| OperatorView {
            accounts: operator_members
                .iter()
                .filter(|(m, _)| m.operator_id == o.id)
                .map(|(_, u)| Account::of(u))
                .collect(),
            id: o.id,
            name: o.name,
        })
        .collect();
    Ok(AdminPage {
        ctx,
        errors,
        input,
        members,
        operators,
    })
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&BroadbandAction::ManageMembers)?;
    let page_data = admin_page(&state, ctx, ShownErrors::none(), AdminInput::default()).await?;
    page(&page_data)
}

/// The form again with its errors (422), nothing stored.
async fn refused(
    state: &AppState,
    ctx: Ctx,
    errors: &FieldErrors,
    input: AdminInput,
) -> AppResult<Response> {
    let shown = ShownErrors::new(&ctx, errors);
    let page_data = admin_page(state, ctx, shown, input).await?;
    page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page_data)
}

/// Which account an e-mail address names, and whether it has `role`:
/// the field's error otherwise. Pure, given the looked-up account.
pub fn check_account(
    errors: &mut FieldErrors,
    field: &str,
    typed: &str,
    found: Option<&user::Model>,
    role: Role,
) -> Option<i64> {
    if typed.trim().is_empty() {
        errors.add(field, "broadband-admin-error-account-missing");
        return None;
    }
    let Some(found) = found.filter(|u| u.deleted_at.is_none()) else {
        errors.add(field, "broadband-admin-error-account-unknown");
        return None;
    };
    if found.role != role.as_str() {
        errors.add(
            field,
            match role {
                Role::Operator => "broadband-admin-error-not-operator",
                _ => "broadband-admin-error-not-municipality",
            },
        );
        return None;
    }
    Some(found.id)
}

/// A new operator's name, trimmed, or the field's error.
pub fn check_operator_name(errors: &mut FieldErrors, typed: &str) -> Option<String> {
    let name = typed.trim();
    if name.is_empty() {
        errors.add("name", "broadband-admin-error-name-missing");
        None
    } else if name.chars().count() > MAX_OPERATOR_NAME {
        errors.add("name", "broadband-admin-error-name-long");
        None
    } else {
        Some(name.to_owned())
    }
}

async fn account_by_email(state: &AppState, typed: &str) -> AppResult<Option<user::Model>> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    Ok(dias_core::accounts::find_by_email(&state.db, typed).await?)
}

async fn add_area(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<AdminInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&BroadbandAction::ManageMembers)?
        .user()?
        .clone();
    let found = account_by_email(&state, &input.konto).await?;
    let mut errors = FieldErrors::new();
    let account = check_account(
        &mut errors,
        "konto",
        &input.konto,
        found.as_ref(),
        Role::Municipality,
    );
    let area = members::known_area(&input.gebiet);
    if area.is_none() {
        errors.add("gebiet", "broadband-admin-error-area");
    }
    let (Some(account), Some(area)) = (account, area) else {
        return refused(&state, ctx, &errors, input).await;
    };
    let txn = dias_core::db::begin_write(&state.db).await?;
    members::add_membership(&txn, account, &area).await?;
    dias_core::audit::record(
        &txn,
        Some(me.user_id),
        "broadband.membership.added",
        "user",
        Some(&account.to_string()),
        json!({ "area": area }),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(
        "/breitband/verwaltung?hinweis=broadband-admin-area-added",
    ))
}

#[derive(Deserialize)]
struct RemoveAreaInput {
    #[serde(default)]
    konto: String,
    #[serde(default)]
    gebiet: String,
}

async fn remove_area(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<RemoveAreaInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&BroadbandAction::ManageMembers)?
        .user()?
        .clone();
    let account: i64 = input
        .konto
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest(ctx.t("error-invalid-choice")))?;
    // An area that is no longer in the reference data must stay removable.
    let area = input.gebiet.trim();
    if !(area.len() == 5 || area.len() == 8) || !area.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::BadRequest(ctx.t("error-invalid-choice")));
    }
    let txn = dias_core::db::begin_write(&state.db).await?;
    // A second press of the button (or a stale page) removes nothing and
    // is not logged as a change.
    if members::areas_of(&txn, account)
        .await?
        .iter()
        .any(|a| a == area)
    {
        members::remove_membership(&txn, account, area).await?;
        dias_core::audit::record(
            &txn,
            Some(me.user_id),
            "broadband.membership.removed",
            "user",
            Some(&account.to_string()),
            json!({ "area": area }),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(see_other(
        "/breitband/verwaltung?hinweis=broadband-admin-area-removed",
    ))
}

async fn create_operator(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<AdminInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&BroadbandAction::ManageMembers)?
        .user()?
        .clone();
    let mut errors = FieldErrors::new();
    let Some(name) = check_operator_name(&mut errors, &input.name) else {
        return refused(&state, ctx, &errors, input).await;
    };
    let txn = dias_core::db::begin_write(&state.db).await?;
    let Some(created) = members::create_operator(&txn, &name).await? else {
        txn.rollback().await?;
        errors.add("name", "broadband-admin-error-name-taken");
        return refused(&state, ctx, &errors, input).await;
    };
    dias_core::audit::record(
        &txn,
        Some(me.user_id),
        "broadband.operator.created",
        "broadband_operator",
        Some(&created.id.to_string()),
        json!({ "name": created.name }),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(
        "/breitband/verwaltung?hinweis=broadband-admin-operator-created",
    ))
}

async fn add_account(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<AdminInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&BroadbandAction::ManageMembers)?
        .user()?
        .clone();
    let mut errors = FieldErrors::new();
    let operator = match input.betreiber.trim().parse::<i64>() {
        Ok(id) => {
            crate::entities::broadband_operator::Entity::find_by_id(id)
                .one(&state.db)
                .await?
        }
        Err(_) => None,
    };
    if operator.is_none() {
        errors.add("betreiber", "broadband-admin-error-operator");
    }
    let found = account_by_email(&state, &input.betreiber_konto).await?;
    let account = check_account(
        &mut errors,
        "betreiber_konto",
        &input.betreiber_konto,
        found.as_ref(),
        Role::Operator,
    );
    let (Some(operator), Some(account)) = (operator, account) else {
        return refused(&state, ctx, &errors, input).await;
    };
    let txn = dias_core::db::begin_write(&state.db).await?;
    members::add_operator_member(&txn, operator.id, account).await?;
    dias_core::audit::record(
        &txn,
        Some(me.user_id),
        "broadband.operator_member.added",
        "user",
        Some(&account.to_string()),
        json!({ "operator_id": operator.id, "operator": operator.name }),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(
        "/breitband/verwaltung?hinweis=broadband-admin-account-added",
    ))
}

#[derive(Deserialize)]
struct RemoveAccountInput {
    #[serde(default)]
    betreiber: String,
    #[serde(default)]
    konto: String,
}

async fn remove_account(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<RemoveAccountInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&BroadbandAction::ManageMembers)?
        .user()?
        .clone();
    let bad = || AppError::BadRequest(ctx.t("error-invalid-choice"));
    let operator: i64 = input.betreiber.trim().parse().map_err(|_| bad())?;
    let account: i64 = input.konto.trim().parse().map_err(|_| bad())?;
    let txn = dias_core::db::begin_write(&state.db).await?;
    if let Some(found) = members::operators_of(&txn, account)
        .await?
        .into_iter()
        .find(|o| o.id == operator)
    {
        members::remove_operator_member(&txn, operator, account).await?;
        dias_core::audit::record(
            &txn,
            Some(me.user_id),
            "broadband.operator_member.removed",
            "user",
            Some(&account.to_string()),
            json!({ "operator_id": operator, "operator": found.name }),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(see_other(
        "/breitband/verwaltung?hinweis=broadband-admin-account-removed",
    ))
}
