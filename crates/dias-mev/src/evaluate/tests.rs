use std::cmp::Ordering;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::*;
use crate::input::{Rejected, Technology, read_addresses, read_responses};
use crate::rules::RuleSets;

const START: Date = jiff::civil::date(2026, 1, 1);
const ADDR_HEADER: &str =
    "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n";
const RESP_HEADER: &str =
    "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n";

struct Case {
    addresses: Addresses,
    responses: Responses,
    rejected: Vec<Rejected>,
}

fn case(addresses: &str, responses: &str) -> Case {
    let (addresses, mut rejected) =
        read_addresses(format!("{ADDR_HEADER}{addresses}").as_bytes()).unwrap();
    let (responses, more) = read_responses(
        format!("{RESP_HEADER}{responses}").as_bytes(),
        &addresses,
        START,
    )
    .unwrap();
    rejected.extend(more);
    Case {
        addresses,
        responses,
        rejected,
    }
}

fn run(c: &Case, rule_set: &str) -> Evaluation {
    let sets = RuleSets::built_in().unwrap();
    let survey = Survey {
        rule_set: sets.get(rule_set).unwrap(),
        start: START,
        horizon_years: 3,
    };
    evaluate(&c.addresses, &c.responses, &survey).unwrap()
}

/// Status of the single address "A" with the given response rows.
fn status_of(rule_set: &str, usage: &str, responses: &str) -> (Status, AddressOutcome) {
    let c = case(
        &format!("A,14612000,S,1,01067,Dresden,,,{usage},1,0\n"),
        responses,
    );
    assert!(c.rejected.is_empty(), "{:?}", c.rejected);
    let e = run(&c, rule_set);
    (e.outcomes[0].status, e.outcomes[0])
}

fn status(rule_set: &str, responses: &str) -> Status {
    status_of(rule_set, "privat", responses).0
}

#[test]
fn gigabit_2_counts_500_down_as_supplied() {
    assert_eq!(
        status("gigabit-2.0", "A,T,HFC,500,50,current,,\n"),
        Status::Supplied
    );
}

#[test]
fn gigabit_2_counts_499_down_with_200_up_as_supplied_by_the_second_condition() {
    assert_eq!(
        status("gigabit-2.0", "A,T,FTTH,499,200,current,,\n"),
        Status::Supplied
    );
    assert_eq!(
        status("gigabit-2.0", "A,T,FTTH,200,200,current,,\n"),
        Status::Supplied
    );
}

#[test]
fn gigabit_2_does_not_count_200_down_with_199_up() {
    assert_eq!(
        status("gigabit-2.0", "A,T,HFC,200,199,current,,\n"),
        Status::Eligible
    );
    assert_eq!(
        status("gigabit-2.0", "A,T,HFC,499,199,current,,\n"),
        Status::Eligible
    );
}

#[test]
fn gigabit_1_supplies_from_exactly_100_down() {
    assert_eq!(
        status("gigabit-1.0", "A,T,VDSL,100,40,current,,\n"),
        Status::Supplied
    );
    assert_eq!(
        status("gigabit-1.0", "A,T,VDSL,99,40,current,,\n"),
        Status::Eligible
    );
}

#[test]
fn nga_supplies_from_exactly_30_down() {
    assert_eq!(
        status("nga-30", "A,T,ADSL,30,2,current,,\n"),
        Status::Supplied
    );
    assert_eq!(
        status("nga-30", "A,T,ADSL,29.9,2,current,,\n"),
        Status::Eligible
    );
}

#[test]
fn eu_2023_needs_1000_down_and_150_up() {
    assert_eq!(
        status("eu-2023", "A,T,FTTH,1000,150,current,,\n"),
        Status::Supplied
    );
    assert_eq!(
        status("eu-2023", "A,T,HFC,1000,149,current,,\n"),
        Status::Eligible
    );
    assert_eq!(
        status("eu-2023", "A,T,FTTH,999,1000,current,,\n"),
        Status::Eligible
    );
}

#[test]
fn best_offer_is_the_one_that_satisfies_the_rule_before_the_fastest_download() {
    // 300/10 has more download, but only 200/200 supplies under 2.0.
    let (s, o) = status_of(
        "gigabit-2.0",
        "privat",
        "A,Kabel,HFC,300,10,current,,\nA,Glas,FTTH,200,200,current,,\nA,Glas2,FTTH,200,200,current,,\n",
    );
    assert_eq!(s, Status::Supplied);
    // Ties keep the first response.
    assert_eq!(o.current.map(|c| c.row), Some(1));
    assert_eq!(o.deciding, Some(1));
    // Without a satisfying offer the higher download wins, then the upload.
    let (_, o) = status_of(
        "gigabit-2.0",
        "privat",
        "A,T,VDSL,100,40,current,,\nA,T,VDSL,100,50,current,,\nA,K,HFC,250,20,current,,\n",
    );
    assert_eq!(o.current.map(|c| (c.down, c.up)), Some((250.0, 20.0)));
    let (_, o) = status_of(
        "gigabit-2.0",
        "privat",
        "A,T,VDSL,100,40,current,,\nA,T,VDSL,100,50,current,,\n",
    );
    assert_eq!(o.current.map(|c| c.row), Some(1));
}

#[test]
fn counts_plans_with_milestone_plan_up_to_the_horizon_end_inclusive() {
    let (s, o) = status_of(
        "gigabit-2.0",
        "privat",
        "A,T,VDSL,100,40,current,,\nA,T,FTTH,1000,1000,planned,2029-01-01,yes\n",
    );
    assert_eq!(s, Status::Planned);
    assert_eq!(o.deciding, Some(1));
    assert_eq!(o.planned.map(|p| p.down), Some(1000.0));
}

#[test]
fn ignores_plans_beyond_the_horizon() {
    let c = case(
        "A,14612000,S,1,01067,Dresden,,,privat,1,0\n",
        "A,T,FTTH,1000,1000,planned,2029-01-02,yes\n",
    );
    let e = run(&c, "gigabit-2.0");
    assert_eq!(e.outcomes[0].status, Status::Eligible);
    assert_eq!(e.outcomes[0].planned, None);
    assert_eq!(
        e.protocol,
        [ProtocolRow {
            address: 0,
            response: 0,
            role: Role::Ignored(IgnoreReason::BeyondHorizon)
        }]
    );
    assert_eq!(
        IgnoreReason::BeyondHorizon.as_str(),
        "außerhalb des Zeithorizonts"
    );
}

#[test]
fn ignores_plans_without_milestone_plan() {
    let c = case(
        "A,14612000,S,1,01067,Dresden,,,privat,1,0\n",
        "A,T,FTTH,1000,1000,planned,2027-01-01,no\nA,U,FTTH,1000,1000,planned,2027-01-01,\n",
    );
    let e = run(&c, "gigabit-2.0");
    assert_eq!(e.outcomes[0].status, Status::Eligible);
    let reasons: Vec<Role> = e.protocol.iter().map(|p| p.role).collect();
    assert_eq!(reasons, [Role::Ignored(IgnoreReason::NoMilestonePlan); 2]);
    assert_eq!(
        IgnoreReason::NoMilestonePlan.as_str(),
        "kein Meilensteinplan"
    );
}

#[test]
fn mobile_only_addresses_are_eligible_and_show_the_mobile_offer() {
    let c = case(
        "A,14612000,S,1,01067,Dresden,,,privat,1,0\n",
        "A,T,5G,1000,200,current,,\nA,T,LTE,100,50,current,,\nA,S,SAT,250,20,current,,\nA,T,5G,2000,300,planned,2027-01-01,yes\n",
    );
    let e = run(&c, "gigabit-2.0");
    let o = e.outcomes[0];
    assert_eq!(o.status, Status::Eligible);
    assert_eq!(o.colour, Colour::White);
    assert_eq!(o.current, None);
    assert_eq!(o.deciding, None);
    assert_eq!(o.mobile.map(|m| (m.down, m.row)), Some((1000.0, 0)));
    assert_eq!(e.protocol.len(), 4);
    assert!(
        e.protocol
            .iter()
            .all(|p| p.role == Role::Ignored(IgnoreReason::Mobile))
    );
    assert_eq!(IgnoreReason::Mobile.as_str(), "mobil");
}

#[test]
fn socio_economic_addresses_stay_eligible_under_gigabit_1_despite_plans() {
    let plan = "A,T,VDSL,50,10,current,,\nA,T,FTTH,1000,1000,planned,2027-01-01,yes\n";
    let (s, o) = status_of("gigabit-1.0", "sozioökonomisch", plan);
    assert_eq!(s, Status::Eligible);
    assert_eq!(o.deciding, Some(0));
    let c = case("A,14612000,S,1,01067,Dresden,,,sozioökonomisch,0,0\n", plan);
    let e = run(&c, "gigabit-1.0");
    assert_eq!(
        e.protocol
            .iter()
            .map(|p| (p.response, p.role))
            .collect::<Vec<_>>(),
        [
            (0, Role::Deciding),
            (1, Role::Ignored(IgnoreReason::SocioEconomic))
        ]
    );
    // The same plan makes a private address planned, and a socio-economic
    // address planned under 2.0, which has no such rule.
    assert_eq!(status_of("gigabit-1.0", "privat", plan).0, Status::Planned);
    assert_eq!(
        status_of("gigabit-2.0", "sozioökonomisch", plan).0,
        Status::Planned
    );
    // Current supply still counts for socio-economic addresses.
    assert_eq!(
        status_of(
            "gigabit-1.0",
            "sozioökonomisch",
            "A,T,HFC,100,10,current,,\n"
        )
        .0,
        Status::Supplied
    );
}

#[test]
fn colour_classes_count_distinct_networks_with_30_mbps() {
    let colour = |rule: &str, rows: &str| status_of(rule, "privat", rows).1.colour;
    assert_eq!(colour("gigabit-1.0", ""), Colour::White);
    assert_eq!(
        colour("gigabit-1.0", "A,T,ADSL,29,2,current,,\n"),
        Colour::White
    );
    // Two offers of one operator are one network.
    assert_eq!(
        colour(
            "gigabit-1.0",
            "A,T,VDSL,50,10,current,,\nA,T,ADSL,30,2,current,,\n"
        ),
        Colour::Grey
    );
    assert_eq!(
        colour(
            "gigabit-1.0",
            "A,T,VDSL,50,10,current,,\nA,K,HFC,30,2,current,,\n"
        ),
        Colour::Black
    );
    // Mobile and planned offers are no network for the colour.
    assert_eq!(
        colour(
            "gigabit-1.0",
            "A,T,VDSL,50,10,current,,\nA,M,5G,300,50,current,,\nA,K,HFC,1000,50,planned,2027-01-01,yes\n"
        ),
        Colour::Grey
    );
    // Under 2.0 an eligible address with ≥ 30 is dunkelgrau …
    assert_eq!(
        colour(
            "gigabit-2.0",
            "A,T,VDSL,250,40,current,,\nA,K,HFC,300,20,current,,\n"
        ),
        Colour::DarkGrey
    );
    // … but a supplied one keeps grau/schwarz, and a weißer Fleck stays weiß.
    assert_eq!(
        colour(
            "gigabit-2.0",
            "A,T,VDSL,250,40,current,,\nA,K,HFC,1000,50,current,,\n"
        ),
        Colour::Black
    );
    assert_eq!(
        colour("gigabit-2.0", "A,T,ADSL,16,1,current,,\n"),
        Colour::White
    );
}

#[test]
fn refuses_an_impossible_horizon() {
    let sets = RuleSets::built_in().unwrap();
    let c = case("", "");
    let survey = Survey {
        rule_set: sets.get("gigabit-2.0").unwrap(),
        start: START,
        horizon_years: 11,
    };
    assert_eq!(
        evaluate(&c.addresses, &c.responses, &survey).unwrap_err(),
        EvaluateError::Horizon(11)
    );
}

/// The obviously-correct reference: rows of an address found by scanning
/// the whole file, "best" by sorting, no chunking, no CSR.
fn reference(
    c: &Case,
    rule: &RuleSet,
    horizon_end: Date,
) -> (Vec<AddressOutcome>, Vec<ProtocolRow>) {
    let r = &c.responses;
    let rejected_lines: std::collections::HashSet<u64> = c
        .rejected
        .iter()
        .filter(|x| x.file == crate::input::InputFile::Responses)
        .map(|x| x.line)
        .collect();
    let mut by_address: Vec<Vec<u32>> = vec![Vec::new(); c.addresses.len()];
    for i in 0..r.len() {
        if !rejected_lines.contains(&u64::from(r.line[i])) {
            by_address[r.address[i] as usize].push(i as u32);
        }
    }
    let mut outcomes = Vec::new();
    let mut protocol = Vec::new();
    for a in 0..c.addresses.len() as u32 {
        let rows = by_address[a as usize].clone();
        let offer = |i: u32| Offer {
            down: r.down[i as usize],
            up: r.up[i as usize],
            row: i,
        };
        let rank = |o: &Offer| (rule.is_supplied(o.down, o.up), o.down, o.up);
        let best = |candidates: Vec<Offer>| {
            candidates.into_iter().max_by(|x, y| {
                rank(x)
                    .partial_cmp(&rank(y))
                    .unwrap()
                    // Earlier row wins ties: it must compare as greater.
                    .then(y.row.cmp(&x.row))
            })
        };
        let fixed = |i: &u32| r.technology[*i as usize].is_fixed();
        let current_rows: Vec<u32> = rows
            .iter()
            .copied()
            .filter(|i| fixed(i) && r.kind[*i as usize] == Kind::Current)
            .collect();
        let counted_plan = |i: &u32| {
            let i = *i as usize;
            r.technology[i].is_fixed()
                && r.kind[i] == Kind::Planned
                && r.milestone_plan[i]
                && r.planned_date[i].unwrap() <= horizon_end
        };
        let current = best(current_rows.iter().map(|&i| offer(i)).collect());
        let planned = best(
            rows.iter()
                .copied()
                .filter(counted_plan)
                .map(offer)
                .collect(),
        );
        let mobile = best(
            rows.iter()
                .copied()
                .filter(|i| !fixed(i) && r.kind[*i as usize] == Kind::Current)
                .map(offer)
                .collect(),
        );
        let supplied = |o: Option<Offer>| o.is_some_and(|o| rule.is_supplied(o.down, o.up));
        let socio = rule.socio_economic_eligible_unless_supplied
            && c.addresses.usage[a as usize] == Usage::SocioEconomic;
        let status = if supplied(current) {
            Status::Supplied
        } else if !socio && supplied(planned) {
            Status::Planned
        } else {
            Status::Eligible
        };
        let mut operators: Vec<u32> = current_rows
            .iter()
            .filter(|&&i| r.down[i as usize] >= 30.0)
            .map(|&i| r.operator[i as usize])
            .collect();
        operators.sort_unstable();
        operators.dedup();
        let colour = match (
            operators.len(),
            rule.dark_grey_colour && status == Status::Eligible,
        ) {
            (0, _) => Colour::White,
            (_, true) => Colour::DarkGrey,
            (1, false) => Colour::Grey,
            _ => Colour::Black,
        };
        let deciding = if status == Status::Planned {
            planned.map(|o| o.row)
        } else {
            current.map(|o| o.row)
        };
        if let Some(row) = deciding {
            protocol.push(ProtocolRow {
                address: a,
                response: row,
                role: Role::Deciding,
            });
        }
        for &i in &rows {
            let reason = if !fixed(&i) {
                Some(IgnoreReason::Mobile)
            } else if r.kind[i as usize] == Kind::Current {
                None
            } else if !r.milestone_plan[i as usize] {
                Some(IgnoreReason::NoMilestonePlan)
            } else if r.planned_date[i as usize].unwrap() > horizon_end {
                Some(IgnoreReason::BeyondHorizon)
            } else {
                None
            };
            if let Some(reason) = reason {
                protocol.push(ProtocolRow {
                    address: a,
                    response: i,
                    role: Role::Ignored(reason),
                });
            }
        }
        if socio && !supplied(current) {
            for &i in rows.iter().filter(|i| counted_plan(i)) {
                protocol.push(ProtocolRow {
                    address: a,
                    response: i,
                    role: Role::Ignored(IgnoreReason::SocioEconomic),
                });
            }
        }
        outcomes.push(AddressOutcome {
            status,
            colour,
            current,
            planned,
            mobile,
            deciding,
            networks_30: operators.len() as u32,
        });
    }
    (outcomes, protocol)
}

/// Random survey files with speeds at and around every threshold, all
/// technologies, plans inside and outside the horizon, and some duplicates.
fn random_case(rng: &mut StdRng, addresses: usize) -> Case {
    const SPEEDS: [f32; 16] = [
        0.0, 16.0, 29.0, 30.0, 50.0, 99.0, 100.0, 149.0, 150.0, 199.0, 200.0, 250.0, 499.0, 500.0,
        999.0, 1000.0,
    ];
    const USAGES: [&str; 3] = ["privat", "gewerblich", "sozioökonomisch"];
    const OPERATORS: [&str; 4] = ["Telekom", "Vodafone", "enviaTEL", "Stadtwerke"];
    let mut a_text = String::new();
    let mut r_text = String::new();
    let mut last_row = String::new();
    for a in 0..addresses {
        let ags = 14_612_000 + 1000 * rng.gen_range(0..3);
        let usage = USAGES[rng.gen_range(0..3)];
        a_text.push_str(&format!(
            "A{a},{ags},S,1,01067,X,,,{usage},{},0\n",
            rng.gen_range(0..4)
        ));
        for _ in 0..rng.gen_range(0..5) {
            if !last_row.is_empty() && rng.gen_ratio(1, 20) {
                r_text.push_str(&last_row.clone());
                continue;
            }
            let tech = Technology::ALL[rng.gen_range(0..Technology::ALL.len())];
            let down = SPEEDS[rng.gen_range(0..SPEEDS.len())];
            let mut up = SPEEDS[rng.gen_range(0..SPEEDS.len())];
            if matches!(tech, Technology::Vdsl | Technology::Adsl) && up > down {
                up = down;
            }
            let operator = OPERATORS[rng.gen_range(0..OPERATORS.len())];
            let row = if rng.gen_bool(0.6) {
                format!("A{a},{operator},{},{down},{up},current,,\n", tech.as_str())
            } else {
                let date = START
                    .checked_add(jiff::Span::new().days(rng.gen_range(0..5 * 365)))
                    .unwrap();
                let milestone = if rng.gen_bool(0.7) { "yes" } else { "no" };
                format!(
                    "A{a},{operator},{},{down},{up},planned,{date},{milestone}\n",
                    tech.as_str()
                )
            };
            r_text.push_str(&row);
            last_row = row;
        }
    }
    case(&a_text, &r_text)
}

fn protocol_order(p: &ProtocolRow) -> (u32, bool, u32, String) {
    (
        p.address,
        p.role != Role::Deciding,
        p.response,
        format!("{:?}", p.role),
    )
}

#[test]
fn columnar_parallel_evaluation_matches_the_reference() {
    let sets = RuleSets::built_in().unwrap();
    let mut rng = StdRng::seed_from_u64(7);
    // The large case spans several chunks.
    for (round, size) in [(0, 1), (1, 30), (2, 300), (3, 2 * CHUNK + 17)] {
        let c = random_case(&mut rng, size);
        assert!(
            c.rejected
                .iter()
                .all(|r| r.reason.starts_with("doppelte Zeile")),
            "{:?}",
            c.rejected
        );
        for rule in sets.iter() {
            let survey = Survey {
                rule_set: rule,
                start: START,
                horizon_years: 3,
            };
            let got = evaluate(&c.addresses, &c.responses, &survey).unwrap();
            let (want, mut want_protocol) = reference(&c, rule, survey.horizon_end().unwrap());
            for (a, (g, w)) in got.outcomes.iter().zip(&want).enumerate() {
                assert_eq!(g, w, "round {round}, {}, address A{a}", rule.id);
            }
            assert_eq!(got.outcomes.len(), want.len());
            let mut got_protocol = got.protocol.clone();
            got_protocol.sort_by_key(protocol_order);
            want_protocol.sort_by_key(protocol_order);
            assert_eq!(got_protocol, want_protocol, "round {round}, {}", rule.id);
            // The engine's own order: per address, deciding row first.
            assert!(
                got.protocol
                    .windows(2)
                    .all(|w| w[0].address <= w[1].address)
            );
        }
    }
}

#[test]
fn offer_ordering_is_a_total_order_on_the_test_speeds() {
    // is_better must agree with the lexicographic rank for the reference to
    // be a fair comparison.
    let sets = RuleSets::built_in().unwrap();
    let rule = sets.get("gigabit-2.0").unwrap();
    let speeds = [
        (500.0, 1.0),
        (499.0, 200.0),
        (300.0, 10.0),
        (200.0, 200.0),
        (200.0, 199.0),
    ];
    for &x in &speeds {
        for &y in &speeds {
            let rank = |s: (f32, f32)| (rule.is_supplied(s.0, s.1), s.0, s.1);
            let expected = rank(x).partial_cmp(&rank(y)) == Some(Ordering::Greater);
            let best = Some(Offer {
                down: y.0,
                up: y.1,
                row: 0,
            });
            assert_eq!(is_better(rule, x, best), expected, "{x:?} vs {y:?}");
        }
    }
}
