//! Spam protection of the public inquiry form without third parties.
//!
//! Three layers, each cheap for people and costly for scripts:
//!
//! - a honeypot field that people never see nor fill (hidden from screen
//!   readers, out of the tab order, named so that autofill leaves it
//!   alone); filled together with a missing proof of work it is a script,
//!   which gets a success page and nothing is stored — but a person can
//!   still end up in it (form navigation, an eager autofill), so with the
//!   work done the form comes back with the field cleared;
//! - a signed challenge in the form ([`challenge`]): it proves the form came
//!   from us, a minimum time between loading and sending ([`MIN_FILL_SECS`])
//!   and a maximum age ([`MAX_AGE_SECS`]);
//! - a proof of work on that challenge (`static/js/desk-pow.js` looks for a
//!   nonce whose SHA-256 starts with [`POW_HEX_ZEROS`] zero hex digits).
//!   It is optional: without JavaScript the form still works, but such
//!   submissions share a stricter rate limit ([`WITHOUT_WORK_PER_HOUR`]).
//!
//! Everything here is pure; the handler passes the secret key and the time.

use dias_core::crypto::{constant_time_eq, random_token, sha256_hex, sign};

/// Seconds a person needs at least between loading the form and sending it.
pub const MIN_FILL_SECS: i64 = 3;
/// A form older than this must be sent again (two hours).
pub const MAX_AGE_SECS: i64 = 2 * 3600;
/// Leading zero hex digits of SHA-256(`challenge:nonce`): 16 bits, about
/// 65,000 hashes — a second in a browser, nothing a person notices.
pub const POW_HEX_ZEROS: usize = 4;

/// Inquiries per client address and hour.
pub const INQUIRIES_PER_HOUR: u32 = 5;
/// Of those, inquiries sent without the proof of work (no JavaScript): a
/// whole office may share one address.
pub const WITHOUT_WORK_PER_HOUR: u32 = 3;
/// Sender replies through status links per client address and hour.
pub const REPLIES_PER_HOUR: u32 = 10;
/// Requests for a forgotten status link per client address and hour.
pub const LINK_REQUESTS_PER_HOUR: u32 = 5;

/// Name of the honeypot field in the form: nothing browsers autofill
/// (not "homepage", "website", "url" …).
pub const HONEYPOT_FIELD: &str = "feld_leer";

fn signature(secret: &[u8], issued: i64, salt: &str) -> String {
    sign(secret, &format!("desk-challenge:{issued}:{salt}"))
}

/// A new challenge for a form rendered at `now`: `issued.salt.signature`.
pub fn challenge(secret: &[u8], now: i64) -> String {
    let salt = &random_token()[..16];
    format!("{now}.{salt}.{}", signature(secret, now, salt))
}

/// What the challenge of a submitted form says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Ours, in time, with a valid proof of work.
    Solved,
    /// Ours and in time, without (or with a wrong) proof of work.
    Unsolved,
    /// Ours, but sent faster than a person fills a form.
    TooFast,
    /// Ours, but older than [`MAX_AGE_SECS`].
    Expired,
    /// Missing, malformed or not signed by us.
    Invalid,
}

/// Checks a submitted challenge and its nonce at `now`.
pub fn check(secret: &[u8], challenge: &str, nonce: &str, now: i64) -> Check {
    let mut parts = challenge.trim().splitn(3, '.');
    let (Some(issued), Some(salt), Some(sig)) = (parts.next(), parts.next(), parts.next()) else {
        return Check::Invalid;
    };
    let Ok(issued) = issued.parse::<i64>() else {
        return Check::Invalid;
    };
    if salt.is_empty() || !constant_time_eq(sig, &signature(secret, issued, salt)) {
        return Check::Invalid;
    }
    let age = now - issued;
    if age > MAX_AGE_SECS {
        Check::Expired
    } else if age < MIN_FILL_SECS {
        Check::TooFast
    } else if solves(challenge.trim(), nonce) {
        Check::Solved
    } else {
        Check::Unsolved
    }
}

/// Whether `nonce` is a proof of work for `challenge`.
pub fn solves(challenge: &str, nonce: &str) -> bool {
    let nonce = nonce.trim();
    !nonce.is_empty()
        && nonce.len() <= 20
        && nonce.bytes().all(|b| b.is_ascii_digit())
        && sha256_hex(&format!("{challenge}:{nonce}"))
            .bytes()
            .take(POW_HEX_ZEROS)
            .all(|b| b == b'0')
}

/// The first nonce that solves `challenge` (what the browser script does;
/// tests and tools use it).
pub fn solve(challenge: &str) -> String {
    (0u64..)
        .map(|n| n.to_string())
        .find(|n| solves(challenge, n))
        .unwrap_or_default()
}

/// What to do with a submitted form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Go on (validate, rate-limit, store); `strict` for submissions without
    /// the proof of work, which share the stricter rate limit.
    Accept { strict: bool },
    /// A script filled the honeypot: pretend success, store nothing.
    FakeSuccess,
    /// The honeypot is filled but the proof of work was done, so a
    /// browser (and likely a person) sent it: show the form again with the
    /// field cleared and a neutral hint.
    ClearHoneypot,
    /// Show the form again with the input and ask to send it again (a
    /// person may have left the page open too long or sent too fast).
    SendAgain,
}

pub fn verdict(honeypot: &str, check: Check) -> Verdict {
    if !honeypot.trim().is_empty() {
        return if check == Check::Solved {
            Verdict::ClearHoneypot
        } else {
            Verdict::FakeSuccess
        };
    }
    match check {
        Check::Solved => Verdict::Accept { strict: false },
        Check::Unsolved => Verdict::Accept { strict: true },
        Check::TooFast | Check::Expired | Check::Invalid => Verdict::SendAgain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a test key of at least thirty-two bytes";
    const NOW: i64 = 1_794_819_600;

    #[test]
    fn a_challenge_of_ours_in_time_with_its_work_is_solved() {
        let c = challenge(KEY, NOW - 60);
        let nonce = solve(&c);
        assert!(solves(&c, &nonce));
        assert!(sha256_hex(&format!("{c}:{nonce}")).starts_with("0000"));
        assert_eq!(check(KEY, &c, &nonce, NOW), Check::Solved);
        assert_eq!(check(KEY, &c, "", NOW), Check::Unsolved);
        assert_eq!(check(KEY, &c, "not-a-number", NOW), Check::Unsolved);
        // A nonce of another challenge does not carry over.
        let other = challenge(KEY, NOW - 60);
        assert_ne!(c, other);
        if !solves(&other, &nonce) {
            assert_eq!(check(KEY, &other, &nonce, NOW), Check::Unsolved);
        }
    }

    /// The browser script (`desk-pow.js`, run in Node with this
    /// challenge) finds the same first nonce.
    #[test]
    fn the_work_is_the_one_the_browser_script_does() {
        assert_eq!(solve("1794819540.abcdefghijklmnop.sig"), "197");
    }

    #[test]
    fn time_limits_of_a_challenge() {
        let c = challenge(KEY, NOW);
        assert_eq!(check(KEY, &c, "", NOW), Check::TooFast);
        assert_eq!(check(KEY, &c, "", NOW + MIN_FILL_SECS - 1), Check::TooFast);
        assert_eq!(check(KEY, &c, "", NOW + MIN_FILL_SECS), Check::Unsolved);
        assert_eq!(check(KEY, &c, "", NOW + MAX_AGE_SECS), Check::Unsolved);
        assert_eq!(check(KEY, &c, "", NOW + MAX_AGE_SECS + 1), Check::Expired);
    }

    #[test]
    fn forged_or_broken_challenges_are_invalid() {
        let c = challenge(KEY, NOW - 60);
        assert_eq!(
            check(b"another key of at least thirty-two b", &c, "", NOW),
            Check::Invalid
        );
        // Moving the issue time invalidates the signature.
        let (_, rest) = c.split_once('.').unwrap();
        let moved = format!("{}.{rest}", NOW - 30);
        assert_eq!(check(KEY, &moved, "", NOW), Check::Invalid);
        for bad in ["", "1.2", "x.salt.sig", "..", &format!("{NOW}..{}", "a")] {
            assert_eq!(check(KEY, bad, "", NOW), Check::Invalid, "{bad:?}");
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(
            verdict("", Check::Solved),
            Verdict::Accept { strict: false }
        );
        assert_eq!(
            verdict(" ", Check::Unsolved),
            Verdict::Accept { strict: true }
        );
        assert_eq!(
            verdict("https://spam.example", Check::Solved),
            Verdict::ClearHoneypot
        );
        for c in [
            Check::Unsolved,
            Check::TooFast,
            Check::Expired,
            Check::Invalid,
        ] {
            assert_eq!(verdict("https://spam.example", c), Verdict::FakeSuccess);
        }
        for c in [Check::TooFast, Check::Expired, Check::Invalid] {
            assert_eq!(verdict("", c), Verdict::SendAgain);
        }
        assert_eq!(verdict("x", Check::Invalid), Verdict::FakeSuccess);
    }
}
