//! Demo procedures for the demo municipality (Amtsberg): one evaluated
//! with answers from both demo operators, one still open that invites
//! both. Addresses and offers are synthetic (SYNTHETISCH) — the engine's
//! generator at Amtsberg's natural size (about a thousand addresses), its
//! invented operators' offers handed to the two demo operators — so
//! `dias demo` stays fast at any scale.

use dias_core::entities::user;
use dias_mev::Date;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use super::evaluation::{JobPayload, evaluate_survey};
use super::{NewSurvey, store};
use crate::demo::{DEMO_AGS8, DEMO_OPERATORS};
use crate::entities::broadband_survey;
use crate::members;

const EVALUATED_TITLE: &str = "Markterkundung Gigabit Amtsberg 2026";
const OPEN_TITLE: &str = "Nachmarkterkundung Amtsberg Ortsteile Weißbach und Dittersdorf";

/// Which demo operator answers for an invented operator of the generator
/// (index into `DEMO_OPERATORS`): copper, fibre, radio and satellite for
/// the first, cable, city utility and mobile for the second.
fn demo_operator_of(synthetic: &str) -> usize {
    match synthetic {
        "Syn-Kabel" | "Syn-Stadtwerke" | "Syn-Mobilfunk" => 1,
        _ => 0,
    }
}

fn days(date: Date, n: i64) -> Date {
    date.checked_add(jiff::Span::new().days(n)).unwrap_or(date)
}

/// The generator's responses, split into one file per demo operator with
/// the operator column replaced.
fn split_responses(responses: &[u8]) -> [Vec<u8>; 2] {
    let mut out = [Vec::new(), Vec::new()];
    for file in &mut out {
        file.extend_from_slice(dias_mev::synthetic::RESPONSES_HEADER.as_bytes());
        file.push(b'\n');
    }
    let text = String::from_utf8_lossy(responses);
    for line in text.lines().skip(1) {
        let mut fields: Vec<&str> = line.split(',').collect();
        if fields.len() < 2 {
            continue;
        }
        let target = demo_operator_of(fields[1]);
        fields[1] = DEMO_OPERATORS[target].0;
        out[target].extend_from_slice(fields.join(",").as_bytes());
        out[target].push(b'\n');
    }
    out
}

async fn user_id(db: &DatabaseConnection, email: &str) -> Result<Option<i64>, String> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await
        .map_err(|e| e.to_string())?
        .map(|u| u.id))
}

/// Seeds the two procedures (once).
pub async fn seed(db: &DatabaseConnection) -> Result<String, String> {
    let db_err = |e: sea_orm::DbErr| e.to_string();
    let exists = broadband_survey::Entity::find()
        .filter(broadband_survey::Column::Title.eq(EVALUATED_TITLE))
        .count(db)
        .await
        .map_err(db_err)?
        > 0;
    let Some(kommune) = user_id(db, "kommune@demo.dias.example").await? else {
        return Ok(String::new());
    };
    if exists {
        return Ok(String::new());
    }
    let mut operators = Vec::new();
    for (name, email) in DEMO_OPERATORS {
        let operator = members::operator_named(db, name).await.map_err(db_err)?;
        operators.push((operator.id, user_id(db, email).await?));
    }
    let operator_ids: Vec<i64> = operators.iter().map(|(id, _)| *id).collect();
    let area = vec![DEMO_AGS8.to_owned()];
    let today = crate::today();

    // Evaluated: started four months ago, deadline ten weeks later.
    let start = days(today, -120);
    let survey = NewSurvey {
        title: EVALUATED_TITLE.to_owned(),
        areas: area.clone(),
        rule_set: super::DEFAULT_RULE_SET.to_owned(),
        start,
        deadline: days(start, 70),
        horizon_years: super::DEFAULT_HORIZON_YEARS,
        synthetic: true,
    };
    let (addresses, responses) = generate(&area, start)?;
    let check = super::check_addresses(&addresses, &area)?;
    let id = store::create(
        db,
        &survey,
        kommune,
        check.kept.clone(),
        check.count,
        &check.rejected,
        &operator_ids,
    )
    .await
    .map_err(db_err)?;
    let (parsed, _) = dias_mev::read_addresses(check.kept.as_slice()).map_err(|e| e.to_string())?;
    for (i, file) in split_responses(&responses).into_iter().enumerate() {
        let (operator_id, account) = operators[i];
        let checked = super::check_responses(&file, &parsed, start, DEMO_OPERATORS[i].0)
            .map_err(|e| e.to_string())?;
        let upload = store::add_upload(
            db,
            store::NewUpload {
                survey_id: id,
                operator_id,
                user_id: account.unwrap_or(kommune),
                file_name: &format!("rueckmeldung-amtsberg-{}.csv", i + 1),
                original: file,
                accepted: checked.accepted,
                rows_total: checked.total,
                rows_accepted: checked.accepted_rows,
                rejected: &checked.rejected,
                lines: &checked.lines,
                late: false,
            },
        )
        .await
        .map_err(db_err)?;
        // The demo's answers came in weeks before the deadline, not on
        // the day the demo was seeded.
        let answered = days(start, 20 + 7 * i64::try_from(i).unwrap_or(0));
        let at = answered
            .at(10, 0, 0, 0)
            .in_tz("Europe/Berlin")
            .map(|z| z.timestamp().as_second())
            .map_err(|e| e.to_string())?;
        crate::entities::broadband_survey_upload::Entity::update_many()
            .col_expr(
                crate::entities::broadband_survey_upload::Column::CreatedAt,
                sea_orm::sea_query::Expr::value(at),
            )
            .filter(crate::entities::broadband_survey_upload::Column::Id.eq(upload.id))
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    evaluate_survey(
        db,
        &JobPayload {
            survey: id,
            user: kommune,
            early: false,
        },
        None,
    )
    .await?;

    // Open: started today, eight weeks to answer.
    let survey = NewSurvey {
        title: OPEN_TITLE.to_owned(),
        areas: area.clone(),
        rule_set: super::DEFAULT_RULE_SET.to_owned(),
        start: today,
        deadline: super::earliest_deadline(today),
        horizon_years: super::DEFAULT_HORIZON_YEARS,
        synthetic: true,
    };
    store::create(
        db,
        &survey,
        kommune,
        check.kept,
        check.count,
        &check.rejected,
        &operator_ids,
    )
    .await
    .map_err(db_err)?;
    Ok(format!(
        "Breitband: zwei Markterkundungsverfahren für Amtsberg ({} synthetische Adressen, eines ausgewertet)",
        check.count
    ))
}

/// Synthetic addresses and responses of the area.
fn generate(area: &[String], start: Date) -> Result<(Vec<u8>, Vec<u8>), String> {
    let all = dias_mev::synthetic::read_municipalities(
        dias_core::reference::MUNICIPALITIES_CSV.as_bytes(),
    )
    .map_err(|e| e.to_string())?;
    let chosen: Vec<_> = all.into_iter().filter(|m| area.contains(&m.ags8)).collect();
    let config = dias_mev::synthetic::SyntheticConfig {
        addresses: dias_mev::synthetic::natural_address_count(&chosen).max(1),
        seed: 2026,
        survey_start: start,
        horizon_years: super::DEFAULT_HORIZON_YEARS,
    };
    let (mut addresses, mut responses) = (Vec::new(), Vec::new());
    dias_mev::synthetic::generate(&chosen, &config, &mut addresses, &mut responses)
        .map_err(|e| e.to_string())?;
    Ok((addresses, responses))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_response_goes_to_one_demo_operator() {
        let area = vec![DEMO_AGS8.to_owned()];
        let (_, responses) =
            generate(&area, jiff::civil::date(2026, 1, 5)).unwrap_or_else(|e| panic!("{e}"));
        let [a, b] = split_responses(&responses);
        let rows = |f: &[u8]| String::from_utf8_lossy(f).lines().count() - 1;
        assert_eq!(
            rows(&a) + rows(&b),
            String::from_utf8_lossy(&responses).lines().count() - 1
        );
        assert!(rows(&a) > 0 && rows(&b) > 0);
        let text = String::from_utf8_lossy(&b).into_owned();
        assert!(
            text.lines()
                .skip(1)
                .all(|l| l.contains(DEMO_OPERATORS[1].0))
        );
    }
}
