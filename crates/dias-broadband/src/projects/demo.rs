//! Demo funding projects: fictional projects („… (Demo)“) in Gemeinden of
//! every Kreis and a few Kreis-wide ones, at every stage, some overdue.
//! The Amtsberg project of the demo municipality account is at the market
//! survey, so that it can be moved on by hand and in the browser test.

use jiff::ToSpan;
use jiff::civil::Date;
use sea_orm::{DatabaseConnection, DbErr};

use super::store::{self, Seed};
use super::{Amounts, SelectionModel, Stage, ValidProject};
use crate::demo::DEMO_AGS8;

/// A small deterministic generator: the same demo every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

/// Months between two stages in the demo's plans.
fn step_months(stage: Stage) -> i64 {
    match stage {
        Stage::Consultation | Stage::PotentialAnalysis => 3,
        Stage::MarketSurvey | Stage::Application => 4,
        Stage::Construction => 12,
        _ => 5,
    }
}

fn months(date: Date, n: i64) -> Date {
    date.checked_add(n.months()).unwrap_or(date)
}

/// Amounts of a project with this many planned addresses. Costs per
/// address of 6,000–12,000 € are in the range reported for rural fibre
/// gap funding. The split Bund 50 % / Land 40 % / Kommune 10 % is the usual
/// one of the federal gigabit programme with Saxony's co-financing (used
/// here as an illustration; real projects differ).
fn amounts(addresses: i64, per_address_euros: i64, stage: Stage) -> Amounts {
    if stage < Stage::Application {
        // Before the application there are estimates, no grant amounts.
        return Amounts::default();
    }
    let eligible = addresses * per_address_euros * 100;
    let federal = eligible / 2;
    let state = eligible * 2 / 5;
    Amounts {
        federal,
        state,
        municipal: eligible - federal - state,
        eligible,
    }
}

fn seed_for(
    rng: &mut Lcg,
    name: String,
    area: &str,
    stage: Stage,
    overdue: bool,
    today: Date,
) -> Seed {
    let addresses = 150 + rng.next(23) as i64 * 100;
    let per_address = 6_000 + rng.next(13) as i64 * 500;
    // Reached dates backwards from a recent day, planned dates forward.
    let mut reached = [None; 12];
    let mut planned = [None; 12];
    let mut day = months(today, -(rng.next(3) as i64) - 1);
    for s in Stage::ALL.into_iter().filter(|s| *s <= stage).rev() {
        reached[s.index()] = Some(day);
        planned[s.index()] = Some(months(day, -(rng.next(2) as i64)));
        day = months(day, -step_months(s));
    }
    let mut next = reached[stage.index()].unwrap_or(today);
    for s in Stage::ALL.into_iter().filter(|s| *s > stage) {
        next = months(next, step_months(s));
        planned[s.index()] = Some(next);
    }
    if overdue && let Some(following) = stage.next() {
        // The next step was due a few weeks ago.
        let due = today
            .checked_sub((20 + rng.next(60) as i64).days())
            .unwrap_or(today);
        let floor = reached[stage.index()].unwrap_or(due);
        planned[following.index()] = Some(due.max(floor));
    }
    let connected = match stage {
        Stage::Construction => addresses * (30 + rng.next(40) as i64) / 100,
        Stage::Commissioning => addresses * 9 / 10,
        Stage::ProofOfUse => addresses,
        _ => 0,
    };
    let model = (stage > Stage::Selection).then(|| {
        if rng.next(3) == 0 {
            SelectionModel::Operator
        } else {
            SelectionModel::ProfitabilityGap
        }
    });
    Seed {
        valid: ValidProject {
            name,
            area: area.to_owned(),
            district_ags5: area.chars().take(5).collect(),
            model,
            amounts: amounts(addresses, per_address, stage),
            addresses_planned: addresses,
            addresses_connected: connected,
            responsible: "Breitbandkoordination der Verwaltung (Demo)\nPlanungsbüro (Demo)"
                .to_owned(),
            planned,
        },
        stage,
        reached,
    }
}

/// The demo projects for `today`.
pub fn seeds(today: Date) -> Vec<Seed> {
    let reference = dias_core::reference::cached();
    let mut rng = Lcg(20_261_128);
    let mut out = Vec::new();
    out.push(seed_for(
        &mut rng,
        "Gigabitprojekt Amtsberg (Demo)".to_owned(),
        DEMO_AGS8,
        Stage::MarketSurvey,
        false,
        today,
    ));
    let mut n = 0usize;
    for district in &reference.districts {
        let gemeinden: Vec<_> = reference
            .municipalities_of(&district.ags5)
            .filter(|m| m.ags8 != DEMO_AGS8)
            .collect();
        // Three Gemeinden per Landkreis, one project for a kreisfreie Stadt.
        let picks = if gemeinden.len() > 3 { 3 } else { 1 };
        for k in 0..picks {
            let Some(m) = gemeinden.get((k * 7 + n) % gemeinden.len().max(1)) else {
                continue;
            };
            let stage = Stage::ALL[(n * 5 + k * 3) % Stage::ALL.len()];
            let overdue = n % 5 == 2 && stage != Stage::ProofOfUse;
            out.push(seed_for(
                &mut rng,
                format!("Gigabitprojekt {} (Demo)", m.name_short),
                &m.ags8,
                stage,
                overdue,
                today,
            ));
            n += 1;
        }
        if gemeinden.len() > 3 && n.is_multiple_of(3) {
            let stage = Stage::ALL[(n * 7) % Stage::ALL.len()];
            out.push(seed_for(
                &mut rng,
                format!("Weiße-Flecken-Programm {} (Demo)", district.name_short),
                &district.ags5,
                stage,
                n.is_multiple_of(2) && stage != Stage::ProofOfUse,
                today,
            ));
            n += 1;
        }
    }
    out
}

/// Seeds the demo projects once.
pub async fn seed(db: &DatabaseConnection) -> Result<String, String> {
    seed_once(db).await.map_err(|e| e.to_string())
}

async fn seed_once(db: &DatabaseConnection) -> Result<String, DbErr> {
    if store::any(db).await? {
        return Ok("Breitband: Förderprojekte schon vorhanden".to_owned());
    }
    let seeds = seeds(crate::today());
    let count = store::insert_many(db, &seeds, dias_core::time::now()).await?;
    Ok(format!("Breitband: {count} Demo-Förderprojekte"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_projects_are_valid_varied_and_include_amtsberg() {
        let today: Date = "2026-11-28".parse().unwrap();
        let seeds = seeds(today);
        assert!((30..=60).contains(&seeds.len()), "{}", seeds.len());
        let amtsberg = &seeds[0];
        assert_eq!(amtsberg.valid.area, DEMO_AGS8);
        assert_eq!(amtsberg.stage, Stage::MarketSurvey);
        assert!(super::super::overdue(amtsberg.stage, &amtsberg.valid.planned, today).is_empty());
        let districts: std::collections::BTreeSet<&str> = seeds
            .iter()
            .map(|s| s.valid.district_ags5.as_str())
            .collect();
        assert_eq!(districts.len(), 13, "every Kreis has a project");
        let stages: std::collections::BTreeSet<Stage> = seeds.iter().map(|s| s.stage).collect();
        assert!(stages.len() >= 10, "{stages:?}");
        let overdue = seeds
            .iter()
            .filter(|s| !super::super::overdue(s.stage, &s.valid.planned, today).is_empty())
            .count();
        assert!(overdue >= 3, "{overdue}");
        for s in &seeds {
            let v = &s.valid;
            assert!(v.amounts.shares() <= v.amounts.eligible, "{}", v.name);
            assert!(v.addresses_connected <= v.addresses_planned);
            assert!(v.name.ends_with("(Demo)"));
            assert!(s.reached[s.stage.index()].is_some_and(|d| d <= today));
            // The planned dates pass the form's own check.
            let input = super::super::ProjectInput::from_valid(v, "de");
            let again = super::super::validate(&input, "de", s.stage, |_| true).unwrap();
            assert_eq!(&again, v, "{}", v.name);
        }
    }
}
