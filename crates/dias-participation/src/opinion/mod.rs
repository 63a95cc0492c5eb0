//! Opinion map (Meinungsbild): people vote agree / disagree / pass on short
//! statements, one at a time, and the portal shows the opinion groups that
//! form, what each group stands for and where everyone agrees. The math is
//! `dias_opinion` (Polis-compatible); this module is the product around it.
//!
//! - One conversation per process ([`store::conversation_of`]), with
//!   statements (≤ 280 characters; pending / accepted / rejected — a process
//!   with pre-moderation stores new statements as pending until a
//!   moderator accepts them; rejected statements are *moderated out* for the
//!   analysis), participants (an account, or a pseudonymous visitor known
//!   only by a signed cookie when the conversation allows anonymous voting)
//!   and their latest vote per statement.
//! - Voting is open while the current phase has `statement_voting`; the
//!   next statement is chosen by the routing priority of the last analysis
//!   ([`dias_opinion::pick_by_priority`]) and is never one already voted.
//! - The analysis never runs in a request: a vote raises the conversation's
//!   `votes_version` and queues one debounced job ([`worker`]); the job
//!   claims the conversation with a conditional UPDATE (so several
//!   instances compute it once), analyses with the state carried from the
//!   last run and stores the result, the state and the routing priorities.
//! - The results page draws the stored analysis as an SVG scatter
//!   ([`svg`]) with an equivalent table; staff export votes, statements,
//!   the vote matrix and the analysis JSON ([`export`]).
//!
//! Glossary: statement — Aussage, vote — Stimme (zustimmen / ablehnen /
//! überspringen), opinion group — Meinungsgruppe.

pub mod demo;
pub mod export;
pub mod store;
pub mod svg;
pub mod worker;

use dias_core::validation::{FieldErrors, required_text};

/// Longest statement, in characters (as Polis).
pub const STATEMENT_MAX: usize = 280;

/// Statement states.
pub const PENDING: &str = "pending";
pub const ACCEPTED: &str = "accepted";
pub const REJECTED: &str = "rejected";

/// Name of the pseudonymous participant cookie of visitors.
pub const COOKIE: &str = "dias_meinungsbild";
/// Lifetime of that cookie: a year, so that a visitor keeps their place.
pub const COOKIE_MAX_AGE: i64 = 365 * 86_400;

/// A vote as the form sends it.
pub fn parse_vote(value: &str) -> Option<i16> {
    match value {
        "agree" => Some(1),
        "disagree" => Some(-1),
        "pass" => Some(0),
        _ => None,
    }
}

/// The form value of a stored vote.
pub fn vote_name(value: i16) -> &'static str {
    match value {
        1 => "agree",
        -1 => "disagree",
        _ => "pass",
    }
}

/// Checks a new statement: required, at most [`STATEMENT_MAX`] characters,
/// inner whitespace collapsed (statements are read one at a time on a card).
pub fn validate_statement(body: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::new();
    let collapsed = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let body = required_text(&mut errors, "body", &collapsed, STATEMENT_MAX);
    errors.into_result()?;
    Ok(body)
}

/// The state a new statement starts in.
pub fn initial_status(premoderation: bool) -> &'static str {
    if premoderation { PENDING } else { ACCEPTED }
}

/// A uniform number in `[0, 1)` for the routing draw. Derived from who is
/// asking and how far they are, so that reloading the page shows the same
/// statement (a random draw per request would change the card under the
/// reader's eyes) and the next vote moves on.
pub fn routing_draw(participant: i64, voted: u64) -> f64 {
    let seed = (participant as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(voted);
    dias_opinion::SplitMix64::new(seed).next_f64()
}

/// The cookie value for a new pseudonymous participant: a random token and
/// its signature under the portal key.
pub fn new_cookie_value(key: &[u8]) -> String {
    let token = dias_core::crypto::random_token();
    let sig = dias_core::crypto::sign(key, &format!("opinion-participant:{token}"));
    format!("{token}.{sig}")
}

/// The token of a cookie value whose signature is valid.
pub fn verified_token<'a>(key: &[u8], value: &'a str) -> Option<&'a str> {
    let (token, sig) = value.split_once('.')?;
    if token.is_empty() || token.len() > 64 {
        return None;
    }
    let expected = dias_core::crypto::sign(key, &format!("opinion-participant:{token}"));
    dias_core::crypto::constant_time_eq(sig, &expected).then_some(token)
}

/// What is stored for a cookie token: a hash per conversation, so the
/// table neither grants the identity nor links a visitor across processes.
pub fn anon_key(token: &str, conversation_id: i64) -> String {
    dias_core::crypto::sha256_hex(&format!("{conversation_id}:{token}"))
}

/// The letter shown for the i-th group (A, B, …).
pub fn group_label(index: usize) -> String {
    char::from(b'A' + (index % 26) as u8).to_string()
}

/// Share in whole percent, 0 for an empty base.
pub fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        ((f64::from(part) * 100.0) / f64::from(whole)).round() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_trimmed_collapsed_and_limited() {
        assert_eq!(
            validate_statement("  Mehr   Glasfaser\n auf dem Land ").unwrap(),
            "Mehr Glasfaser auf dem Land"
        );
        assert!(validate_statement("   ").is_err());
        assert!(validate_statement(&"ä".repeat(280)).is_ok());
        assert!(validate_statement(&"ä".repeat(281)).is_err());
    }

    #[test]
    fn cookies_verify_only_with_their_signature() {
        let key = b"test-secret-key-with-at-least-32-characters";
        let value = new_cookie_value(key);
        let token = verified_token(key, &value).unwrap();
        assert!(value.starts_with(token));
        assert!(verified_token(b"another-key-another-key-another-key", &value).is_none());
        assert!(verified_token(key, &format!("{token}.forged")).is_none());
        assert_ne!(anon_key(token, 1), anon_key(token, 2));
    }

    #[test]
    fn votes_parse_and_draws_are_stable() {
        assert_eq!(parse_vote("agree"), Some(1));
        assert_eq!(parse_vote("pass"), Some(0));
        assert_eq!(parse_vote("1"), None);
        assert_eq!(vote_name(-1), "disagree");
        assert_eq!(routing_draw(5, 3), routing_draw(5, 3));
        assert_ne!(routing_draw(5, 3), routing_draw(5, 4));
        assert!((0.0..1.0).contains(&routing_draw(9, 0)));
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(group_label(1), "B");
    }
}
