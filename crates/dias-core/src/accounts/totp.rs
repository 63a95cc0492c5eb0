//! Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s), the
//! second factor for staff and admins.

use totp_rs::{Algorithm, Secret, TOTP};

/// A new random secret, base32-encoded for authenticator apps.
pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

fn totp(secret_base32: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_owned()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        30,
        bytes,
        Some("DiAS-Portal".to_owned()),
        account.to_owned(),
    )
    .ok()
}

/// Whether `code` is valid now (one step of clock drift either way).
pub fn check(secret_base32: &str, code: &str) -> bool {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    totp(secret_base32, "x")
        .and_then(|t| t.check_current(&code).ok())
        .unwrap_or(false)
}

/// The `otpauth://` URL an authenticator app imports.
pub fn provisioning_url(secret_base32: &str, account: &str) -> String {
    totp(secret_base32, account)
        .map(|t| t.get_url())
        .unwrap_or_default()
}

/// The current code (for tests and the CLI).
pub fn current_code(secret_base32: &str) -> Option<String> {
    totp(secret_base32, "x").and_then(|t| t.generate_current().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_code_is_accepted_and_others_are_not() {
        let secret = new_secret();
        let code = current_code(&secret).unwrap();
        assert!(check(&secret, &code));
        let wrong = format!(
            "{:06}",
            (code.parse::<u32>().unwrap() + 500_000) % 1_000_000
        );
        assert!(!check(&secret, &wrong));
        assert!(!check(&secret, "12345"));
        assert!(!check(&secret, "abcdef"));
        assert!(provisioning_url(&secret, "a@example.org").starts_with("otpauth://totp/"));
    }
}
