//! Queries and writes of the KI-Netzwerk. Every write that changes what the
//! public sees bumps `actors.updated_at` (the snapshot's version) and tells
//! the search index in the same transaction.

use std::collections::HashMap;

use dias_core::accounts::MailEnv;
use dias_core::entities::user;
use dias_core::i18n::Value;
use dias_core::policy::{Principal, Role};
use dias_core::{CoreError, CoreResult, audit, outbox};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::domain::{self, Decision, ValidActor};
use crate::entities::{actor, actor_change, actor_invitation, actor_logo, actor_representative};
use crate::snapshot::{Row, Version};

/// Search document kind of actors.
pub const KIND_ACTOR: &str = "actor";

/// The change counter of `actors` (`dias_core::versions`). Every write to
/// the table is in this file and bumps it in its transaction; actors are
/// never deleted (removal is a status change), so nothing else moves it.
pub const ACTORS_VERSION: &str = "actors";

/// Tells whether the directory snapshot and the matching index are still
/// current: one primary-key lookup.
pub async fn actors_version<C: ConnectionTrait>(db: &C) -> Result<Version, DbErr> {
    Ok(Version(dias_core::versions::get(db, ACTORS_VERSION).await?))
}

/// The facet fields of every verified actor, for the snapshot.
pub async fn facet_rows<C: ConnectionTrait>(db: &C) -> Result<Vec<Row>, DbErr> {
    #[derive(Debug, FromQueryResult)]
    struct R {
        id: i64,
        slug: String,
        name: String,
        category: String,
        competences: String,
        industries: String,
        offers: String,
        ags5: String,
        size_class: String,
        lat: f64,
        lon: f64,
        created_at: i64,
        founding_year: Option<i32>,
    }
    let rows = actor::Entity::find()
        .select_only()
        .columns([
            actor::Column::Id,
            actor::Column::Slug,
            actor::Column::Name,
            actor::Column::Category,
            actor::Column::Competences,
            actor::Column::Industries,
            actor::Column::Offers,
            actor::Column::Ags5,
            actor::Column::SizeClass,
            actor::Column::Lat,
            actor::Column::Lon,
            actor::Column::CreatedAt,
            actor::Column::FoundingYear,
        ])
        .filter(actor::Column::Status.eq(domain::VERIFIED))
        .into_model::<R>()
        .all(db)
        .await?;
    let list = |s: &str| domain::split_list(s).map(str::to_owned).collect();
    Ok(rows
        .into_iter()
        .map(|r| Row {
            competences: list(&r.competences),
            industries: list(&r.industries),
            offers: list(&r.offers),
            id: r.id,
            slug: r.slug,
            name: r.name,
            category: r.category,
            ags5: r.ags5,
            size_class: r.size_class,
            lat: r.lat,
            lon: r.lon,
            created_at: r.created_at,
            founding_year: r.founding_year,
        })
        .collect())
}

/// Actors by id in the order of `ids` (one query).
pub async fn actors_by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<actor::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut by_id: HashMap<i64, actor::Model> = actor::Entity::find()
        .filter(actor::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

pub async fn actor_by_slug<C: ConnectionTrait>(
    db: &C,
    slug: &str,
) -> Result<Option<actor::Model>, DbErr> {
    actor::Entity::find()
        .filter(actor::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn is_representative<C: ConnectionTrait>(
    db: &C,
    actor_id: i64,
    user_id: i64,
) -> Result<bool, DbErr> {
    Ok(actor_representative::Entity::find()
        .filter(actor_representative::Column::ActorId.eq(actor_id))
        .filter(actor_representative::Column::UserId.eq(user_id))
        .count(db)
        .await?
        > 0)
}

/// The actors an account represents, by name.
pub async fn actors_of_user<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> Result<Vec<actor::Model>, DbErr> {
    let ids: Vec<i64> = actor_representative::Entity::find()
        .filter(actor_representative::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.actor_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    actor::Entity::find()
        .filter(actor::Column::Id.is_in(ids))
        .order_by_asc(actor::Column::Name)
        .all(db)
        .await
}

/// Registrations waiting for staff, oldest first.
pub async fn pending<C: ConnectionTrait>(db: &C) -> Result<Vec<actor::Model>, DbErr> {
    actor::Entity::find()
        .filter(actor::Column::Status.eq(domain::PENDING))
        .order_by_asc(actor::Column::CreatedAt)
        .order_by_asc(actor::Column::Id)
        .all(db)
        .await
}

pub async fn pending_count<C: ConnectionTrait>(db: &C) -> Result<usize, DbErr> {
    Ok(actor::Entity::find()
        .filter(actor::Column::Status.eq(domain::PENDING))
        .count(db)
        .await? as usize)
}

/// A representative with the account's display name (never its address).
#[derive(Debug, Clone)]
pub struct RepresentativeView {
    pub user_id: i64,
    pub display_name: String,
    pub opt_in: bool,
}

pub async fn representatives<C: ConnectionTrait>(
    db: &C,
    actor_id: i64,
) -> Result<Vec<RepresentativeView>, DbErr> {
    let reps = actor_representative::Entity::find()
        .filter(actor_representative::Column::ActorId.eq(actor_id))
        .order_by_asc(actor_representative::Column::Id)
        .all(db)
        .await?;
    let users = users_by_id(db, reps.iter().map(|r| r.user_id).collect()).await?;
    Ok(reps
        .into_iter()
        .map(|r| RepresentativeView {
            display_name: users
                .get(&r.user_id)
                .map(|u| u.display_name.clone())
                .unwrap_or_default(),
            user_id: r.user_id,
            opt_in: r.partner_requests_opt_in,
        })
        .collect())
}

async fn users_by_id<C: ConnectionTrait>(
    db: &C,
    ids: Vec<i64>,
) -> Result<HashMap<i64, user::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

/// A logged change with the editor's name.
#[derive(Debug, Clone)]
pub struct ChangeView {
    pub at: i64,
    pub editor: String,
    pub fields: Vec<String>,
    pub old_values: serde_json::Value,
    pub new_values: serde_json::Value,
}

/// The newest logged changes of an actor.
pub async fn changes<C: ConnectionTrait>(
    db: &C,
    actor_id: i64,
    limit: u64,
) -> Result<Vec<ChangeView>, DbErr> {
    let rows = actor_change::Entity::find()
        .filter(actor_change::Column::ActorId.eq(actor_id))
        .order_by_desc(actor_change::Column::At)
        .order_by_desc(actor_change::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let users = users_by_id(db, rows.iter().filter_map(|r| r.user_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|r| ChangeView {
            at: r.at,
            editor: r
                .user_id
                .and_then(|id| users.get(&id))
                .map(|u| u.display_name.clone())
                .unwrap_or_else(|| dias_core::accounts::DELETED_NAME.to_owned()),
            fields: domain::split_list(&r.fields).map(str::to_owned).collect(),
            old_values: serde_json::from_str(&r.old_values).unwrap_or_default(),
            new_values: serde_json::from_str(&r.new_values).unwrap_or_default(),
        })
        .collect())
}

/// The stored profile as the domain sees it.
pub fn valid_of(a: &actor::Model) -> ValidActor {
    let list = |s: &str| domain::split_list(s).map(str::to_owned).collect();
    ValidActor {
        name: a.name.clone(),
        category: a.category.clone(),
        short_description: a.short_description.clone(),
        description_md: a.description_md.clone(),
        competences: list(&a.competences),
        industries: list(&a.industries),
        offers: list(&a.offers),
        size_class: a.size_class.clone(),
        founding_year: a.founding_year,
        street: a.street.clone(),
        postcode: a.postcode.clone(),
        city: a.city.clone(),
        ags8: a.ags8.clone(),
        ags5: a.ags5.clone(),
        lat: a.lat,
        lon: a.lon,
        website: a.website.clone(),
        contact_email: a.contact_email.clone(),
    }
}

async fn free_slug<C: ConnectionTrait>(db: &C, name: &str) -> Result<String, DbErr> {
    let base = domain::slugify(name);
    for n in 1..1_000 {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let taken = actor::Entity::find()
            .filter(actor::Column::Slug.eq(candidate.as_str()))
            .count(db)
            .await?
            > 0;
        if !taken {
            return Ok(candidate);
        }
    }
    Ok(format!("{base}-{}", dias_core::time::now()))
}

/// Participants who take on an actor become representatives; higher roles
/// keep theirs.
async fn raise_to_representative<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(
            user::Column::Role,
            Expr::value(Role::Representative.as_str()),
        )
        .col_expr(user::Column::UpdatedAt, Expr::value(dias_core::time::now()))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::Role.eq(Role::Participant.as_str()))
        .exec(db)
        .await?;
    Ok(())
}

fn set_fields(model: &mut actor::ActiveModel, v: &ValidActor) {
    model.name = Set(v.name.clone());
    model.category = Set(v.category.clone());
    model.short_description = Set(v.short_description.clone());
    model.description_md = Set(v.description_md.clone());
    model.competences = Set(v.competences.join(","));
    model.industries = Set(v.industries.join(","));
    model.offers = Set(v.offers.join(","));
    model.size_class = Set(v.size_class.clone());
    model.founding_year = Set(v.founding_year);
    model.street = Set(v.street.clone());
    model.postcode = Set(v.postcode.clone());
    model.city = Set(v.city.clone());
    model.ags8 = Set(v.ags8.clone());
    model.ags5 = Set(v.ags5.clone());
    model.lat = Set(v.lat);
    model.lon = Set(v.lon);
    model.website = Set(v.website.clone());
    model.contact_email = Set(v.contact_email.clone());
}

/// Registers an organisation; the account becomes its representative.
pub async fn register(
    db: &DatabaseConnection,
    who: &Principal,
    v: &ValidActor,
) -> CoreResult<actor::Model> {
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let mut model = actor::ActiveModel {
        slug: Set(free_slug(&txn, &v.name).await?),
        status: Set(domain::PENDING.to_owned()),
        decline_reason: Set(None),
        verified_at: Set(None),
        verified_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_fields(&mut model, v);
    let created = model.insert(&txn).await?;
    dias_core::versions::bump(&txn, ACTORS_VERSION).await?;
    actor_representative::ActiveModel {
        actor_id: Set(created.id),
        user_id: Set(who.user_id),
        partner_requests_opt_in: Set(false),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    raise_to_representative(&txn, who.user_id).await?;
    audit::record(
        &txn,
        Some(who.user_id),
        "network.actor_registered",
        "actor",
        Some(&created.id.to_string()),
        serde_json::json!({ "name": created.name }),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Saves an edited profile. Verified profiles stay published (the change
/// shows at once and is logged); a declined one goes back to the queue.
pub async fn update(
    db: &DatabaseConnection,
    who: &Principal,
    current: &actor::Model,
    v: &ValidActor,
) -> CoreResult<()> {
    let Some(diff) = domain::diff(&valid_of(current), v) else {
        return Ok(());
    };
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let mut model = actor::ActiveModel {
        id: Set(current.id),
        updated_at: Set(now),
        ..Default::default()
    };
    set_fields(&mut model, v);
    if current.status == domain::DECLINED {
        model.status = Set(domain::PENDING.to_owned());
    }
    model.update(&txn).await?;
    dias_core::versions::bump(&txn, ACTORS_VERSION).await?;
    if diff.fields.contains(&"name") {
        // Partner requests are found by their actor's name too.
        let requests: Vec<i64> = crate::entities::partner_request::Entity::find()
            .select_only()
            .column(crate::entities::partner_request::Column::Id)
            .filter(crate::entities::partner_request::Column::ActorId.eq(current.id))
            .into_tuple()
            .all(&txn)
            .await?;
        for id in requests {
            outbox::search_changed(&txn, crate::requests::KIND_REQUEST, &id.to_string()).await?;
        }
    }
    actor_change::ActiveModel {
        actor_id: Set(current.id),
        user_id: Set(Some(who.user_id)),
        at: Set(now),
        fields: Set(diff.fields.join(",")),
        old_values: Set(serde_json::Value::Object(diff.old).to_string()),
        new_values: Set(serde_json::Value::Object(diff.new).to_string()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    outbox::search_changed(&txn, KIND_ACTOR, &current.id.to_string()).await?;
    txn.commit().await?;
    Ok(())
}

/// Mails every representative of an actor in their own language.
async fn mail_representatives<C: ConnectionTrait>(
    db: &C,
    env: &MailEnv<'_>,
    actor: &actor::Model,
    subject_id: &str,
    body_id: &str,
    reason: &str,
) -> Result<(), DbErr> {
    let reps = actor_representative::Entity::find()
        .filter(actor_representative::Column::ActorId.eq(actor.id))
        .all(db)
        .await?;
    let users = users_by_id(db, reps.iter().map(|r| r.user_id).collect()).await?;
    let url = format!("{}/netzwerk/akteure/{}", env.public_url, actor.slug);
    for u in users.values() {
        let Some(to) = u.email.as_deref() else {
            continue;
        };
        if u.deleted_at.is_some() {
            continue;
        }
        let args = [
            ("name", Value::from(actor.name.clone())),
            ("reason", Value::from(reason.to_owned())),
            ("url", Value::from(url.clone())),
            ("person", Value::from(u.display_name.clone())),
        ];
        let subject = env.catalog.get_with(&u.locale, subject_id, &args);
        let body = env.catalog.get_with(&u.locale, body_id, &args);
        dias_core::mail::queue(db, to, &subject, &body).await?;
    }
    Ok(())
}

/// Staff accept or decline a pending registration: status, audit entry and
/// mail to the representatives in one transaction.
pub async fn decide(
    db: &DatabaseConnection,
    env: &MailEnv<'_>,
    staff: &Principal,
    actor_id: i64,
    decision: Decision,
    reason: &str,
) -> CoreResult<actor::Model> {
    let txn = dias_core::db::begin_write(db).await?;
    let a = actor::Entity::find_by_id(actor_id)
        .one(&txn)
        .await?
        .ok_or(CoreError::NotFound)?;
    if a.status != domain::PENDING {
        return Err(CoreError::Conflict("network-error-already-decided".into()));
    }
    let now = dias_core::time::now();
    let (status, action, subject, body) = match decision {
        Decision::Accept => (
            domain::VERIFIED,
            "network.actor_verified",
            "network-mail-verified-subject",
            "network-mail-verified-body",
        ),
        Decision::Decline => (
            domain::DECLINED,
            "network.actor_declined",
            "network-mail-declined-subject",
            "network-mail-declined-body",
        ),
    };
    // Conditional on the status, so that two staff deciding at once do not
    // both succeed.
    let updated = actor::Entity::update_many()
        .col_expr(actor::Column::Status, Expr::value(status))
        .col_expr(
            actor::Column::DeclineReason,
            Expr::value((decision == Decision::Decline).then(|| reason.to_owned())),
        )
        .col_expr(
            actor::Column::VerifiedAt,
            Expr::value((decision == Decision::Accept).then_some(now)),
        )
        .col_expr(
            actor::Column::VerifiedBy,
            Expr::value((decision == Decision::Accept).then_some(staff.user_id)),
        )
        .col_expr(actor::Column::UpdatedAt, Expr::value(now))
        .filter(actor::Column::Id.eq(actor_id))
        .filter(actor::Column::Status.eq(domain::PENDING))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(CoreError::Conflict("network-error-already-decided".into()));
    }
    dias_core::versions::bump(&txn, ACTORS_VERSION).await?;
    audit::record(
        &txn,
        Some(staff.user_id),
        action,
        "actor",
        Some(&actor_id.to_string()),
        serde_json::json!({ "name": a.name, "reason": reason }),
    )
    .await?;
    mail_representatives(&txn, env, &a, subject, body, reason).await?;
    outbox::search_changed(&txn, KIND_ACTOR, &actor_id.to_string()).await?;
    txn.commit().await?;
    Ok(a)
}

/// Stores (or replaces) the logo; bytes and text are checked by the caller.
pub async fn set_logo(
    db: &DatabaseConnection,
    who: &Principal,
    actor_id: i64,
    mime: &str,
    alt: &str,
    bytes: Vec<u8>,
) -> CoreResult<()> {
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    actor_logo::Entity::delete_many()
        .filter(actor_logo::Column::ActorId.eq(actor_id))
        .exec(&txn)
        .await?;
    let size = i32::try_from(bytes.len()).unwrap_or(i32::MAX);
    actor_logo::ActiveModel {
        actor_id: Set(actor_id),
        mime: Set(mime.to_owned()),
        alt: Set(alt.to_owned()),
        data: Set(bytes),
        size: Set(size),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    log_event(&txn, who, actor_id, now, "logo", mime).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn remove_logo(
    db: &DatabaseConnection,
    who: &Principal,
    actor_id: i64,
) -> CoreResult<()> {
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let removed = actor_logo::Entity::delete_many()
        .filter(actor_logo::Column::ActorId.eq(actor_id))
        .exec(&txn)
        .await?;
    if removed.rows_affected > 0 {
        log_event(&txn, who, actor_id, now, "logo", "").await?;
    }
    txn.commit().await?;
    Ok(())
}

/// A change log entry for one field that is not part of the form.
async fn log_event<C: ConnectionTrait>(
    db: &C,
    who: &Principal,
    actor_id: i64,
    now: i64,
    field: &str,
    value: &str,
) -> Result<(), DbErr> {
    actor_change::ActiveModel {
        actor_id: Set(actor_id),
        user_id: Set(Some(who.user_id)),
        at: Set(now),
        fields: Set(field.to_owned()),
        old_values: Set("{}".to_owned()),
        new_values: Set(serde_json::json!({ field: value }).to_string()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn logo<C: ConnectionTrait>(
    db: &C,
    actor_id: i64,
) -> Result<Option<actor_logo::Model>, DbErr> {
    actor_logo::Entity::find_by_id(actor_id).one(db).await
}

/// The logo's alternative text, without loading the image.
pub async fn logo_alt<C: ConnectionTrait>(db: &C, actor_id: i64) -> Result<Option<String>, DbErr> {
    actor_logo::Entity::find()
        .select_only()
        .column(actor_logo::Column::Alt)
        .filter(actor_logo::Column::ActorId.eq(actor_id))
        .into_tuple::<String>()
        .one(db)
        .await
}

/// Whether a representative wants partner requests announced.
pub async fn set_opt_in(
    db: &DatabaseConnection,
    actor_id: i64,
    user_id: i64,
    opt_in: bool,
) -> Result<(), DbErr> {
    actor_representative::Entity::update_many()
        .col_expr(
            actor_representative::Column::PartnerRequestsOptIn,
            Expr::value(opt_in),
        )
        .filter(actor_representative::Column::ActorId.eq(actor_id))
        .filter(actor_representative::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Invites someone to represent an actor; the link goes by mail and only
/// its hash is stored.
pub async fn invite(
    db: &DatabaseConnection,
    env: &MailEnv<'_>,
    who: &Principal,
    actor: &actor::Model,
    email: &str,
    locale: &str,
) -> CoreResult<()> {
    let token = dias_core::crypto::random_token();
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    actor_invitation::ActiveModel {
        actor_id: Set(actor.id),
        email: Set(email.to_owned()),
        token_hash: Set(dias_core::crypto::sha256_hex(&token)),
        invited_by: Set(Some(who.user_id)),
        expires_at: Set(now + domain::INVITATION_SECS),
        accepted_at: Set(None),
        accepted_by: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let args = [
        ("name", Value::from(actor.name.clone())),
        ("inviter", Value::from(who.display_name.clone())),
        (
            "url",
            Value::from(format!("{}/netzwerk/einladung/{token}", env.public_url)),
        ),
    ];
    dias_core::mail::queue(
        &txn,
        email,
        &env.catalog
            .get_with(locale, "network-mail-invitation-subject", &args),
        &env.catalog
            .get_with(locale, "network-mail-invitation-body", &args),
    )
    .await?;
    audit::record(
        &txn,
        Some(who.user_id),
        "network.representative_invited",
        "actor",
        Some(&actor.id.to_string()),
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// An open invitation (not used, not expired) and its actor.
pub async fn open_invitation<C: ConnectionTrait>(
    db: &C,
    token: &str,
) -> Result<Option<(actor_invitation::Model, actor::Model)>, DbErr> {
    let Some(inv) = actor_invitation::Entity::find()
        .filter(actor_invitation::Column::TokenHash.eq(dias_core::crypto::sha256_hex(token)))
        .filter(actor_invitation::Column::AcceptedAt.is_null())
        .filter(actor_invitation::Column::ExpiresAt.gt(dias_core::time::now()))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let actor = actor::Entity::find_by_id(inv.actor_id).one(db).await?;
    Ok(actor.map(|a| (inv, a)))
}

/// Accepts an invitation for the signed-in account, whose address must be
/// the invited one. The token works once.
pub async fn accept_invitation(
    db: &DatabaseConnection,
    who: &Principal,
    token: &str,
) -> CoreResult<actor::Model> {
    let txn = dias_core::db::begin_write(db).await?;
    let (inv, actor) = open_invitation(&txn, token)
        .await?
        .ok_or(CoreError::NotFound)?;
    if !inv.email.eq_ignore_ascii_case(&who.email) {
        return Err(CoreError::Forbidden);
    }
    let now = dias_core::time::now();
    let claimed = actor_invitation::Entity::update_many()
        .col_expr(actor_invitation::Column::AcceptedAt, Expr::value(now))
        .col_expr(
            actor_invitation::Column::AcceptedBy,
            Expr::value(who.user_id),
        )
        .filter(actor_invitation::Column::Id.eq(inv.id))
        .filter(actor_invitation::Column::AcceptedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(CoreError::NotFound);
    }
    if !is_representative(&txn, actor.id, who.user_id).await? {
        actor_representative::ActiveModel {
            actor_id: Set(actor.id),
            user_id: Set(who.user_id),
            partner_requests_opt_in: Set(false),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    raise_to_representative(&txn, who.user_id).await?;
    audit::record(
        &txn,
        Some(who.user_id),
        "network.representative_joined",
        "actor",
        Some(&actor.id.to_string()),
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(actor)
}
