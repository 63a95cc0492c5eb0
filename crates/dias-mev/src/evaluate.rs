//! Evaluation per address: best current and planned offer, status, colour
//! class, deciding response and the ignored responses (the protocol).
//!
//! The addresses are split into fixed-size chunks evaluated in parallel
//! with rayon; each chunk writes its slice of the result and returns its
//! protocol rows, which are concatenated in address order so that the
//! result does not depend on the number of threads.

use jiff::civil::Date;
use rayon::prelude::*;

use crate::input::{Addresses, Kind, Responses, Usage};
use crate::rules::RuleSet;

/// Colour classes count networks with at least this much current fixed
/// download (the NGA line of the Breitbandatlas), whatever the rule set.
pub const COLOUR_THRESHOLD_MBPS: f32 = 30.0;

/// Largest accepted horizon; the guidelines use 3 years.
pub const MAX_HORIZON_YEARS: i16 = 10;

/// Addresses per parallel task: large enough that scheduling costs
/// nothing next to the work, small enough to balance two to many cores.
const CHUNK: usize = 16 * 1024;

/// Parameters of a market survey (Markterkundungsverfahren).
#[derive(Debug, Clone, Copy)]
pub struct Survey<'a> {
    pub rule_set: &'a RuleSet,
    pub start: Date,
    /// Plans count when due on or before `start + horizon_years`.
    pub horizon_years: i16,
}

impl Survey<'_> {
    /// Last day on which a planned offer still counts.
    pub fn horizon_end(&self) -> Result<Date, EvaluateError> {
        if !(0..=MAX_HORIZON_YEARS).contains(&self.horizon_years) {
            return Err(EvaluateError::Horizon(self.horizon_years));
        }
        self.start
            .checked_add(jiff::Span::new().years(i64::from(self.horizon_years)))
            .map_err(|_| EvaluateError::Horizon(self.horizon_years))
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum EvaluateError {
    #[error("Zeithorizont {0} Jahre ist nicht zwischen 0 und 10")]
    Horizon(i16),
}

/// Status of an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// versorgt
    Supplied,
    /// eigenwirtschaftlich geplant
    Planned,
    /// förderfähig
    Eligible,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Supplied, Status::Planned, Status::Eligible];

    /// The value in result files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Supplied => "versorgt",
            Status::Planned => "eigenwirtschaftlich_geplant",
            Status::Eligible => "foerderfaehig",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Colour class (Farbe) of an address for maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    /// weiß: no network with ≥ 30 Mbit/s
    White,
    /// grau: exactly one network with ≥ 30 Mbit/s
    Grey,
    /// schwarz: two or more networks with ≥ 30 Mbit/s
    Black,
    /// dunkelgrau: förderfähig under a rule set that funds grey spots
    /// (Gigabit-RL 2.0) although ≥ 30 Mbit/s are available
    DarkGrey,
}

impl Colour {
    /// The value in result files (ASCII, like the statuses).
    pub fn as_str(self) -> &'static str {
        match self {
            Colour::White => "weiss",
            Colour::Grey => "grau",
            Colour::Black => "schwarz",
            Colour::DarkGrey => "dunkelgrau",
        }
    }
}

/// Why a response did not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IgnoreReason {
    /// 5G, LTE or satellite: not fixed supply (shown separately).
    Mobile,
    /// A plan without milestone plan (Meilensteinplan) is not credible.
    NoMilestonePlan,
    /// A plan due after `start + horizon`.
    BeyondHorizon,
    /// Gigabit-RL 1.0: a socio-economic address stays förderfähig unless
    /// currently supplied; its plans do not count.
    SocioEconomic,
}

impl IgnoreReason {
    pub fn as_str(self) -> &'static str {
        match self {
            IgnoreReason::Mobile => "mobil",
            IgnoreReason::NoMilestonePlan => "kein Meilensteinplan",
            IgnoreReason::BeyondHorizon => "außerhalb des Zeithorizonts",
            IgnoreReason::SocioEconomic => {
                "sozioökonomischer Standort (förderfähig, solange nicht versorgt)"
            }
        }
    }
}

/// A response's (down, up) with the response row it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Offer {
    pub down: f32,
    pub up: f32,
    /// Row in [`Responses`].
    pub row: u32,
}

/// The result for one address.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AddressOutcome {
    pub status: Status,
    pub colour: Colour,
    /// Best current fixed offer.
    pub current: Option<Offer>,
    /// Best counted plan (milestone plan, within the horizon, fixed).
    pub planned: Option<Offer>,
    /// Best current mobile/satellite offer, for display only.
    pub mobile: Option<Offer>,
    /// The response that decided the status (see the crate docs).
    pub deciding: Option<u32>,
    /// Distinct operators with a current fixed offer ≥ 30 Mbit/s down.
    pub networks_30: u32,
}

impl AddressOutcome {
    const EMPTY: AddressOutcome = AddressOutcome {
        status: Status::Eligible,
        colour: Colour::White,
        current: None,
        planned: None,
        mobile: None,
        deciding: None,
        networks_30: 0,
    };
}

/// Whether a response decided an address or was ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// maßgeblich
    Deciding,
    /// nicht berücksichtigt
    Ignored(IgnoreReason),
}

/// One line of the protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProtocolRow {
    /// Dense address index.
    pub address: u32,
    /// Row in [`Responses`].
    pub response: u32,
    pub role: Role,
}

/// The evaluation of a whole survey.
#[derive(Debug)]
pub struct Evaluation {
    /// Indexed like [`Addresses`].
    pub outcomes: Vec<AddressOutcome>,
    /// By address, then in the order of that address's responses: the
    /// deciding row first if any.
    pub protocol: Vec<ProtocolRow>,
}

/// Whether `candidate` is a better offer than `best` under `rule`: one that
/// supplies the address beats one that does not; then higher down; then
/// higher up. Ties keep the earlier response (file order), so the result
/// is deterministic.
pub fn is_better(rule: &RuleSet, candidate: (f32, f32), best: Option<Offer>) -> bool {
    let Some(best) = best else { return true };
    let c_ok = rule.is_supplied(candidate.0, candidate.1);
    let b_ok = rule.is_supplied(best.down, best.up);
    if c_ok != b_ok {
        return c_ok;
    }
    if candidate.0 != best.down {
        return candidate.0 > best.down;
    }
    candidate.1 > best.up
}

/// Evaluates every address of the survey.
pub fn evaluate(
    addresses: &Addresses,
    responses: &Responses,
    survey: &Survey<'_>,
) -> Result<Evaluation, EvaluateError> {
    let evaluator = Evaluator::new(addresses, responses, survey)?;
    // Filled in parallel: the first touch of these hundreds of megabytes
    // faults their pages in, which `vec!` would do on one thread.
    let mut outcomes = Vec::with_capacity(addresses.len());
    outcomes.par_extend(rayon::iter::repeat_n(
        AddressOutcome::EMPTY,
        addresses.len(),
    ));
    let protocol_parts: Vec<Vec<ProtocolRow>> = outcomes
        .par_chunks_mut(CHUNK)
        .enumerate()
        .map(|(chunk_index, chunk)| {
            let mut protocol = Vec::new();
            // Reused per address: the operators with ≥ 30 Mbit/s seen so far.
            let mut networks = Vec::new();
            let first = chunk_index * CHUNK;
            for (offset, outcome) in chunk.iter_mut().enumerate() {
                *outcome = evaluator.address(first + offset, &mut networks, &mut protocol);
            }
            protocol
        })
        .collect();
    let protocol = protocol_parts.concat();
    Ok(Evaluation { outcomes, protocol })
}

/// The survey's inputs and parameters, checked: evaluates any address,
/// for [`evaluate`] and for callers that go through the survey slice by
/// slice without holding the whole result (`output::evaluate_and_write`).
pub(crate) struct Evaluator<'a> {
    addresses: &'a Addresses,
    responses: &'a Responses,
    rule: &'a RuleSet,
    horizon_end: Date,
}

impl<'a> Evaluator<'a> {
    pub(crate) fn new(
        addresses: &'a Addresses,
        responses: &'a Responses,
        survey: &Survey<'a>,
    ) -> Result<Self, EvaluateError> {
        Ok(Evaluator {
            addresses,
            responses,
            rule: survey.rule_set,
            horizon_end: survey.horizon_end()?,
        })
    }

    /// Address `a`'s outcome; its protocol rows are appended to
    /// `protocol`. `networks` is scratch space, reused between calls.
    pub(crate) fn address(
        &self,
        a: usize,
        networks: &mut Vec<u32>,
        protocol: &mut Vec<ProtocolRow>,
    ) -> AddressOutcome {
        evaluate_address(
            // Address count fits u32 (checked when reading).
            a as u32,
            self.addresses.usage[a],
            self.responses,
            self.rule,
            self.horizon_end,
            networks,
            protocol,
        )
    }
}

fn evaluate_address(
    a: u32,
    usage: Usage,
    r: &Responses,
    rule: &RuleSet,
    horizon_end: Date,
    networks: &mut Vec<u32>,
    protocol: &mut Vec<ProtocolRow>,
) -> AddressOutcome {
    let rows = r.rows_of(a);
    let mut current: Option<Offer> = None;
    let mut planned: Option<Offer> = None;
    let mut mobile: Option<Offer> = None;
    networks.clear();
    // Protocol rows of this address are appended after the deciding one,
    // so remember where they start.
    let protocol_start = protocol.len();
    for &row in rows {
        let i = row as usize;
        let speed = (r.down[i], r.up[i]);
        let offer = Offer {
            down: speed.0,
            up: speed.1,
            row,
        };
        let ignore = |protocol: &mut Vec<ProtocolRow>, reason| {
            protocol.push(ProtocolRow {
                address: a,
                response: row,
                role: Role::Ignored(reason),
            });
        };
        if !r.technology[i].is_fixed() {
            if r.kind[i] == Kind::Current && is_better(rule, speed, mobile) {
                mobile = Some(offer);
            }
            ignore(protocol, IgnoreReason::Mobile);
            continue;
        }
        match r.kind[i] {
            Kind::Current => {
                if is_better(rule, speed, current) {
                    current = Some(offer);
                }
                if speed.0 >= COLOUR_THRESHOLD_MBPS && !networks.contains(&r.operator[i]) {
                    networks.push(r.operator[i]);
                }
            }
            Kind::Planned => {
                if !r.milestone_plan[i] {
                    ignore(protocol, IgnoreReason::NoMilestonePlan);
                } else if r.planned_date[i].is_none_or(|d| d > horizon_end) {
                    ignore(protocol, IgnoreReason::BeyondHorizon);
                } else if is_better(rule, speed, planned) {
                    planned = Some(offer);
                }
            }
        }
    }
    let supplied_now = current.is_some_and(|o| rule.is_supplied(o.down, o.up));
    let socio_economic_rule =
        rule.socio_economic_eligible_unless_supplied && usage == Usage::SocioEconomic;
    let status = if supplied_now {
        Status::Supplied
    } else if !socio_economic_rule && planned.is_some_and(|o| rule.is_supplied(o.down, o.up)) {
        Status::Planned
    } else {
        Status::Eligible
    };
    if socio_economic_rule && !supplied_now {
        // Every plan that would otherwise have counted is named, so the
        // protocol explains why a planned address is still förderfähig.
        for &row in rows {
            let i = row as usize;
            if r.technology[i].is_fixed()
                && r.kind[i] == Kind::Planned
                && r.milestone_plan[i]
                && r.planned_date[i].is_some_and(|d| d <= horizon_end)
            {
                protocol.push(ProtocolRow {
                    address: a,
                    response: row,
                    role: Role::Ignored(IgnoreReason::SocioEconomic),
                });
            }
        }
    }
    let deciding = match status {
        Status::Supplied => current.map(|o| o.row),
        Status::Planned => planned.map(|o| o.row),
        // The best current offer shows what the address has and why it is
        // not enough; without any there is nothing to name.
        Status::Eligible => current.map(|o| o.row),
    };
    if let Some(row) = deciding {
        protocol.insert(
            protocol_start,
            ProtocolRow {
                address: a,
                response: row,
                role: Role::Deciding,
            },
        );
    }
    let networks_30 = networks.len() as u32;
    let colour = if networks_30 == 0 {
        Colour::White
    } else if rule.dark_grey_colour && status == Status::Eligible {
        Colour::DarkGrey
    } else if networks_30 == 1 {
        Colour::Grey
    } else {
        Colour::Black
    };
    AddressOutcome {
        status,
        colour,
        current,
        planned,
        mobile,
        deciding,
        networks_30,
    }
}

#[cfg(test)]
mod tests;
