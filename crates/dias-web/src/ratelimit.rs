//! Fixed-window rate limits per client address or per account, kept in
//! memory only (IP addresses are never stored). Account-level sign-in delays
//! live in the database (see `dias_core::accounts::authenticate`).
//!
//! Besides the windows, the limiter holds the instance's permits for large
//! visitor uploads (see [`RateLimiter::large_body_permit`]).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};

/// Whom a window counts: an address (by [`client_key`]) or a signed-in account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Counted {
    Address(IpAddr),
    Account(i64),
}

/// (bucket, who) → (window start, attempts in the window).
type Windows = HashMap<(&'static str, Counted), (i64, u32)>;

/// Contributions (proposals, comments, reports, survey answers, statements,
/// threads, replies, partner requests) one account may post per
/// [`POSTING_WINDOW_SECS`].
pub const POSTS_PER_ACCOUNT: u32 = 30;
/// Contributions from one address per window, all accounts together: a
/// town hall or a university behind one address holds many people, so this
/// only stops one machine from posting through a pile of fresh accounts.
pub const POSTS_PER_ADDRESS: u32 = 300;
pub const POSTING_WINDOW_SECS: i64 = 600;

/// Request bodies larger than `max_body_bytes` that visitors may send at
/// the same time on one instance (an upload is buffered in memory whole).
pub const LARGE_BODIES_AT_ONCE: usize = 4;
/// How long a large upload waits for a permit before it is answered 503.
pub const LARGE_BODY_WAIT: Duration = Duration::from_secs(2);

#[derive(Debug)]
pub struct RateLimiter {
    windows: Mutex<Windows>,
    large_bodies: Semaphore,
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter {
            windows: Mutex::new(HashMap::new()),
            large_bodies: Semaphore::new(LARGE_BODIES_AT_ONCE),
        }
    }
}

/// The address a limit counts against. An IPv6 client usually gets a whole
/// /64 from its provider and can pick any address in it, so the /64 is one
/// client; an IPv4-mapped address is its IPv4 address.
pub fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(Ipv6Addr::from(prefix))
            }
        },
    }
}

impl RateLimiter {
    /// Counts one attempt of `bucket` from `ip` (by [`client_key`]);
    /// `Err(seconds)` when more than `limit` attempts fell into the current
    /// window of `window_secs`.
    pub fn check(
        &self,
        bucket: &'static str,
        ip: IpAddr,
        limit: u32,
        window_secs: i64,
    ) -> Result<(), i64> {
        self.count(bucket, Counted::Address(client_key(ip)), limit, window_secs)
    }

    /// Counts one contribution of `account` from `ip`: refused with
    /// `Err(seconds)` past [`POSTS_PER_ACCOUNT`] for the account or
    /// [`POSTS_PER_ADDRESS`] for the address in the current window.
    pub fn posting(&self, account: i64, ip: IpAddr) -> Result<(), i64> {
        self.count(
            "post",
            Counted::Account(account),
            POSTS_PER_ACCOUNT,
            POSTING_WINDOW_SECS,
        )?;
        self.check("post", ip, POSTS_PER_ADDRESS, POSTING_WINDOW_SECS)
    }

    fn count(
        &self,
        bucket: &'static str,
        who: Counted,
        limit: u32,
        window_secs: i64,
    ) -> Result<(), i64> {
        let now = dias_core::time::now();
        let Ok(mut windows) = self.windows.lock() else {
            return Ok(());
        };
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| *start + 3600 > now);
        }
        let entry = windows.entry((bucket, who)).or_insert((now, 0));
        if entry.0 + window_secs <= now {
            *entry = (now, 0);
        }
        entry.1 += 1;
        if entry.1 > limit {
            Err(entry.0 + window_secs - now)
        } else {
            Ok(())
        }
    }

    /// One of the [`LARGE_BODIES_AT_ONCE`] permits to read a large visitor
    /// body, waiting at most `wait`; `None` when all stayed taken.
    pub async fn large_body_permit(&self, wait: Duration) -> Option<SemaphorePermit<'_>> {
        tokio::time::timeout(wait, self.large_bodies.acquire())
            .await
            .ok()
            .and_then(Result::ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_after_the_limit_per_address() {
        let limiter = RateLimiter::default();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..3 {
            assert!(limiter.check("login", a, 3, 60).is_ok());
        }
        assert!(limiter.check("login", a, 3, 60).is_err());
        assert!(limiter.check("login", b, 3, 60).is_ok());
        assert!(limiter.check("register", a, 3, 60).is_ok());
    }

    #[test]
    fn posting_counts_per_account_and_allows_many_people_behind_one_address() {
        let limiter = RateLimiter::default();
        let town_hall: IpAddr = "192.0.2.10".parse().unwrap();
        for _ in 0..POSTS_PER_ACCOUNT {
            assert!(limiter.posting(1, town_hall).is_ok());
        }
        let wait = limiter.posting(1, town_hall).unwrap_err();
        assert!(wait > 0 && wait <= POSTING_WINDOW_SECS, "{wait}");
        // A colleague at the same address still posts; so does account 1 elsewhere
        // only within its own budget (it stays refused).
        assert!(limiter.posting(2, town_hall).is_ok());
        let home: IpAddr = "198.51.100.1".parse().unwrap();
        assert!(limiter.posting(1, home).is_err());
    }

    #[test]
    fn posting_from_one_address_has_a_ceiling_across_accounts() {
        let limiter = RateLimiter::default();
        let ip: IpAddr = "192.0.2.11".parse().unwrap();
        for n in 0..i64::from(POSTS_PER_ADDRESS) {
            assert!(limiter.posting(n, ip).is_ok());
        }
        assert!(limiter.posting(10_000, ip).is_err());
        let other: IpAddr = "192.0.2.12".parse().unwrap();
        assert!(limiter.posting(10_000, other).is_ok());
    }

    #[test]
    fn ipv6_addresses_of_one_64_share_a_window() {
        let limiter = RateLimiter::default();
        for n in 0..3 {
            let rotated: IpAddr = format!("2001:db8:1:2::{n:x}").parse().unwrap();
            assert!(limiter.check("login", rotated, 3, 60).is_ok());
        }
        let another_in_the_64: IpAddr = "2001:db8:1:2:ffff:ffff:ffff:ffff".parse().unwrap();
        assert!(limiter.check("login", another_in_the_64, 3, 60).is_err());
        let next_64: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(limiter.check("login", next_64, 3, 60).is_ok());
    }

    #[test]
    fn an_ipv4_mapped_address_counts_as_its_ipv4_address() {
        let limiter = RateLimiter::default();
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(client_key(mapped), v4);
        assert!(limiter.check("login", v4, 1, 60).is_ok());
        assert!(limiter.check("login", mapped, 1, 60).is_err());
        // Another IPv4 address maps elsewhere, not into one shared /64.
        let other: IpAddr = "::ffff:192.0.2.8".parse().unwrap();
        assert!(limiter.check("login", other, 1, 60).is_ok());
    }

    #[test]
    fn client_keys() {
        let key = |s: &str| client_key(s.parse().unwrap()).to_string();
        assert_eq!(key("192.0.2.1"), "192.0.2.1");
        assert_eq!(key("2001:db8:aa:bb:1:2:3:4"), "2001:db8:aa:bb::");
        assert_eq!(key("::1"), "::");
    }

    #[tokio::test]
    async fn large_body_permits_run_out_and_come_back() {
        let limiter = RateLimiter::default();
        let wait = Duration::from_millis(20);
        let mut held = Vec::new();
        for _ in 0..LARGE_BODIES_AT_ONCE {
            held.push(limiter.large_body_permit(wait).await.unwrap());
        }
        assert!(limiter.large_body_permit(wait).await.is_none());
        held.pop();
        assert!(limiter.large_body_permit(wait).await.is_some());
    }
}
