//! Fixed-window rate limits per client address, kept in memory only (IP
//! addresses are never stored). Account-level sign-in delays live in the
//! database (see `dias_core::accounts::authenticate`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// (bucket, address) → (window start, attempts in the window).
type Windows = HashMap<(&'static str, IpAddr), (i64, u32)>;

#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: Mutex<Windows>,
}

impl RateLimiter {
    /// Counts one attempt of `bucket` from `ip`; `Err(seconds)` when more than
    /// `limit` attempts fell into the current window of `window_secs`.
    pub fn check(
        &self,
        bucket: &'static str,
        ip: IpAddr,
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
        let entry = windows.entry((bucket, ip)).or_insert((now, 0));
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
}
