//! Contact points (Ansprechpartner): the agency's teams and contact points
//! per topic, with a functional address, phone and office hours. Staff keep
//! them at `/redaktion/ansprechpartner`; visitors see the published ones at
//! `/ansprechpartner`, grouped by topic, and in the box "Ihre
//! Ansprechpartner" on the matching modules' pages (through the shell's
//! snapshot, [`crate::site`]).
//!
//! Every write runs in the caller's transaction, which also holds the
//! audit entry; the caller calls [`crate::site::invalidate`] after the
//! commit so the shell shows the change at once.

use dias_core::validation::FieldErrors;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entities::contacts;
use crate::vocab::Topic;

pub use crate::entities::contacts::Model as Contact;

/// Longest name of a team or contact point, and of the person line.
pub const MAX_NAME: usize = 200;
/// Longest e-mail address (RFC 5321 path limit).
pub const MAX_EMAIL: usize = 254;
/// Longest phone number as written.
pub const MAX_PHONE: usize = 40;
/// Longest office hours text.
pub const MAX_OFFICE_HOURS: usize = 300;
/// Largest position (order within a topic).
pub const MAX_POSITION: i32 = 9_999;

/// The form's fields as typed (kept on a 422).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactInput {
    pub topic: String,
    pub name: String,
    pub person: String,
    pub email: String,
    pub phone: String,
    pub office_hours: String,
    pub position: String,
    pub published: bool,
    /// The revision the form was opened at (empty for a new one).
    pub revision: String,
}

impl ContactInput {
    /// A new contact point starts published, at position 0.
    pub fn new_default() -> Self {
        ContactInput {
            position: "0".to_owned(),
            published: true,
            ..Default::default()
        }
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        ContactInput {
            topic: get("topic"),
            name: get("name"),
            person: get("person"),
            email: get("email"),
            phone: get("phone"),
            office_hours: get("office_hours"),
            position: get("position"),
            published: pairs.iter().any(|(k, v)| k == "published" && v == "1"),
            revision: get("revision"),
        }
    }

    pub fn from_contact(c: &Contact) -> Self {
        ContactInput {
            topic: c.topic.clone(),
            name: c.name.clone(),
            person: c.person.clone().unwrap_or_default(),
            email: c.email.clone().unwrap_or_default(),
            phone: c.phone.clone().unwrap_or_default(),
            office_hours: c.office_hours.clone().unwrap_or_default(),
            position: c.position.to_string(),
            published: c.published,
            revision: c.revision.to_string(),
        }
    }
}

/// A checked contact point, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    pub topic: Topic,
    pub name: String,
    pub person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub office_hours: Option<String>,
    pub position: i32,
    pub published: bool,
}

/// Collapses runs of whitespace (line breaks included) to one space.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn optional(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> Option<String> {
    let value = one_line(value);
    if value.chars().count() > max {
        errors.add(field, "content-contact-error-too-long");
    }
    (!value.is_empty()).then_some(value)
}

/// Whether a typed phone number is plausible: digits with the usual
/// separators (space, `/`, `-`, `(`, `)`, `.`), an optional leading `+`,
/// 6 to 20 digits.
pub fn phone_is_valid(phone: &str) -> bool {
    let rest = phone.strip_prefix('+').unwrap_or(phone);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    rest.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '/' | '-' | '(' | ')' | '.'))
        && (6..=20).contains(&digits)
}

/// The `tel:` URI of a phone number as written: `+` and digits only; a
/// German number written with a leading 0 stays national (the browser's
/// dialer handles it).
pub fn tel_uri(phone: &str) -> String {
    let plus = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("tel:{}{digits}", if plus { "+" } else { "" })
}

/// Checks the form. Error ids are message ids of the editorial catalogue.
pub fn validate(input: &ContactInput) -> Result<ValidContact, FieldErrors> {
    let mut errors = FieldErrors::new();
    let topic = Topic::parse(input.topic.trim());
    if topic.is_none() {
        errors.add("topic", "content-contact-error-topic");
    }
    let name = one_line(&input.name);
    if name.is_empty() {
        errors.add("name", "content-contact-error-name");
    } else if name.chars().count() > MAX_NAME {
        errors.add("name", "content-contact-error-too-long");
    }
    let person = optional(&mut errors, "person", &input.person, MAX_NAME);
    let email = {
        let value = input.email.trim();
        if value.is_empty() {
            None
        } else {
            let mut email_errors = FieldErrors::new();
            let normalised = dias_core::validation::email(&mut email_errors, "email", value);
            if !email_errors.is_empty() || normalised.len() > MAX_EMAIL {
                errors.add("email", "content-contact-error-email");
            }
            Some(normalised)
        }
    };
    let phone = {
        let value = one_line(&input.phone);
        if value.is_empty() {
            None
        } else {
            if value.chars().count() > MAX_PHONE || !phone_is_valid(&value) {
                errors.add("phone", "content-contact-error-phone");
            }
            Some(value)
        }
    };
    if email.is_none() && phone.is_none() && !errors.0.iter().any(|e| e.field == "email") {
        errors.add("email", "content-contact-error-reachable");
    }
    let office_hours = optional(
        &mut errors,
        "office_hours",
        &input.office_hours,
        MAX_OFFICE_HOURS,
    );
    let position = match input.position.trim() {
        "" => 0,
        typed => match typed.parse::<i32>() {
            Ok(n) if (0..=MAX_POSITION).contains(&n) => n,
            _ => {
                errors.add("position", "content-contact-error-position");
                0
            }
        },
    };
    errors.into_result()?;
    Ok(ValidContact {
        topic: topic.unwrap_or(Topic::Agentur),
        name,
        person,
        email,
        phone,
        office_hours,
        position,
        published: input.published,
    })
}

/// Every contact point, by topic order of [`Topic::ALL`], then position.
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<Contact>, DbErr> {
    let mut rows = contacts::Entity::find()
        .order_by_asc(contacts::Column::Position)
        .order_by_asc(contacts::Column::Name)
        .order_by_asc(contacts::Column::Id)
        .all(db)
        .await?;
    rows.sort_by_key(|c| topic_rank(&c.topic));
    Ok(rows)
}

/// The published contact points grouped by topic, topics in the order of
/// [`Topic::ALL`], empty topics left out.
pub async fn published_by_topic<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<(Topic, Vec<Contact>)>, DbErr> {
    let rows = contacts::Entity::find()
        .filter(contacts::Column::Published.eq(true))
        .order_by_asc(contacts::Column::Position)
        .order_by_asc(contacts::Column::Name)
        .order_by_asc(contacts::Column::Id)
        .all(db)
        .await?;
    Ok(group(rows))
}

/// Groups contact points by known topic (stable within a topic).
pub fn group(rows: Vec<Contact>) -> Vec<(Topic, Vec<Contact>)> {
    let mut groups: Vec<(Topic, Vec<Contact>)> =
        Topic::ALL.iter().map(|t| (*t, Vec::new())).collect();
    for row in rows {
        if let Some(topic) = Topic::parse(&row.topic)
            && let Some((_, list)) = groups.iter_mut().find(|(t, _)| *t == topic)
        {
            list.push(row);
        }
    }
    groups.retain(|(_, list)| !list.is_empty());
    groups
}

fn topic_rank(key: &str) -> usize {
    Topic::ALL
        .iter()
        .position(|t| t.key() == key)
        .unwrap_or(Topic::ALL.len())
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Contact>, DbErr> {
    contacts::Entity::find_by_id(id).one(db).await
}

pub async fn create<C: ConnectionTrait>(
    db: &C,
    valid: &ValidContact,
    now: i64,
) -> Result<Contact, DbErr> {
    contacts::ActiveModel {
        topic: Set(valid.topic.key().to_owned()),
        name: Set(valid.name.clone()),
        person: Set(valid.person.clone()),
        email: Set(valid.email.clone()),
        phone: Set(valid.phone.clone()),
        office_hours: Set(valid.office_hours.clone()),
        position: Set(valid.position),
        published: Set(valid.published),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// What became of a save over an existing contact point.
#[derive(Debug)]
pub enum Updated {
    Saved(Contact),
    /// Someone saved since the form was opened: nothing was written; the
    /// stored contact point as it is now.
    Stale(Contact),
    Gone,
}

/// Stores the form over the contact point `id` if it is still at
/// `revision` (one conditional UPDATE, so two editors never overwrite each
/// other unnoticed).
pub async fn update<C: ConnectionTrait>(
    db: &C,
    id: i64,
    revision: i32,
    valid: &ValidContact,
    now: i64,
) -> Result<Updated, DbErr> {
    use sea_orm::sea_query::Expr;
    let result = contacts::Entity::update_many()
        .col_expr(contacts::Column::Topic, Expr::value(valid.topic.key()))
        .col_expr(contacts::Column::Name, Expr::value(valid.name.clone()))
        .col_expr(contacts::Column::Person, Expr::value(valid.person.clone()))
        .col_expr(contacts::Column::Email, Expr::value(valid.email.clone()))
        .col_expr(contacts::Column::Phone, Expr::value(valid.phone.clone()))
        .col_expr(
            contacts::Column::OfficeHours,
            Expr::value(valid.office_hours.clone()),
        )
        .col_expr(contacts::Column::Position, Expr::value(valid.position))
        .col_expr(contacts::Column::Published, Expr::value(valid.published))
        .col_expr(contacts::Column::Revision, Expr::value(revision + 1))
        .col_expr(contacts::Column::UpdatedAt, Expr::value(now))
        .filter(contacts::Column::Id.eq(id))
        .filter(contacts::Column::Revision.eq(revision))
        .exec(db)
        .await?;
    Ok(match (result.rows_affected, by_id(db, id).await?) {
        (1, Some(saved)) => Updated::Saved(saved),
        (_, Some(current)) => Updated::Stale(current),
        (_, None) => Updated::Gone,
    })
}

/// Shows or hides a contact point; false when it is gone.
pub async fn set_published<C: ConnectionTrait>(
    db: &C,
    id: i64,
    published: bool,
    now: i64,
) -> Result<bool, DbErr> {
    let result = contacts::Entity::update_many()
        .col_expr(
            contacts::Column::Published,
            sea_orm::sea_query::Expr::value(published),
        )
        .col_expr(
            contacts::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(contacts::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Deletes a contact point; false when it was already gone.
pub async fn delete<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, DbErr> {
    let result = contacts::Entity::delete_by_id(id).exec(db).await?;
    Ok(result.rows_affected == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ContactInput {
        ContactInput {
            topic: "breitband".into(),
            name: "  Team   Breitband ".into(),
            person: String::new(),
            email: " Breitband@Digitalagentur.Sachsen.Example ".into(),
            phone: "+49 351 123456-0".into(),
            office_hours: "Mo–Do\n9–15 Uhr".into(),
            position: "2".into(),
            published: true,
            revision: String::new(),
        }
    }

    #[test]
    fn valid_input_is_normalised() {
        let valid = validate(&input()).unwrap();
        assert_eq!(valid.topic, Topic::Breitband);
        assert_eq!(valid.name, "Team Breitband");
        assert_eq!(valid.person, None);
        assert_eq!(
            valid.email.as_deref(),
            Some("breitband@digitalagentur.sachsen.example")
        );
        assert_eq!(valid.office_hours.as_deref(), Some("Mo–Do 9–15 Uhr"));
        assert_eq!(valid.position, 2);
    }

    #[test]
    fn every_field_is_checked() {
        let bad = ContactInput {
            topic: "wetter".into(),
            name: " ".into(),
            person: "x".repeat(MAX_NAME + 1),
            email: "kein-at".into(),
            phone: "0351 / abc".into(),
            office_hours: "y".repeat(MAX_OFFICE_HOURS + 1),
            position: "-1".into(),
            published: false,
            revision: String::new(),
        };
        let errors = validate(&bad).unwrap_err();
        for (field, id) in [
            ("topic", "content-contact-error-topic"),
            ("name", "content-contact-error-name"),
            ("person", "content-contact-error-too-long"),
            ("email", "content-contact-error-email"),
            ("phone", "content-contact-error-phone"),
            ("office_hours", "content-contact-error-too-long"),
            ("position", "content-contact-error-position"),
        ] {
            assert_eq!(errors.get(field), Some(id), "{field}");
        }
    }

    #[test]
    fn a_contact_point_needs_an_address_or_a_phone() {
        let mut typed = input();
        typed.email.clear();
        typed.phone.clear();
        assert_eq!(
            validate(&typed).unwrap_err().get("email"),
            Some("content-contact-error-reachable")
        );
        typed.phone = "0351 123456".into();
        assert!(validate(&typed).is_ok());
    }

    #[test]
    fn phone_numbers() {
        for good in [
            "+49 351 123456-0",
            "0351/1234567",
            "(0351) 12 34 56",
            "+493511234567",
        ] {
            assert!(phone_is_valid(good), "{good}");
        }
        for bad in [
            "12345",
            "0351 abc",
            "++49 351 1234",
            "+49 351 1234 5678 9012 3456 7",
            "0351; 123456",
        ] {
            assert!(!phone_is_valid(bad), "{bad}");
        }
        assert_eq!(tel_uri("+49 351 123456-0"), "tel:+493511234560");
        assert_eq!(tel_uri("(0351) 12 34 56"), "tel:0351123456");
    }

    #[test]
    fn groups_follow_the_topic_order() {
        let row = |id: i64, topic: &str| Contact {
            id,
            topic: topic.into(),
            name: format!("K{id}"),
            person: None,
            email: None,
            phone: None,
            office_hours: None,
            position: 0,
            published: true,
            revision: 1,
            created_at: 0,
            updated_at: 0,
        };
        let groups = group(vec![
            row(1, "ki"),
            row(2, "breitband"),
            row(3, "ki"),
            row(4, "alt"),
        ]);
        let shape: Vec<_> = groups
            .iter()
            .map(|(t, l)| (*t, l.iter().map(|c| c.id).collect::<Vec<_>>()))
            .collect();
        assert_eq!(
            shape,
            vec![(Topic::Breitband, vec![2]), (Topic::Ki, vec![1, 3])]
        );
    }
}
