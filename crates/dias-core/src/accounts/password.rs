//! Password hashing (argon2id) and the strength rules of quality.md: at least
//! 12 characters, not a common password, not the e-mail or display name.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::validation::FieldErrors;

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 256;

/// A small list of the passwords most often seen in leaks, German and English;
/// anything at least 12 characters long that is on it or built from one
/// character or a keyboard run is refused.
const COMMON: &str = include_str!("common-passwords.txt");

fn argon2() -> Argon2<'static> {
    // OWASP's recommended argon2id setting: 19 MiB, 2 iterations, 1 lane.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the time of one verification, so that unknown e-mail addresses
/// cannot be told apart by the response time.
pub fn verify_dummy(password: &str) {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Vd0yT0WRZ0oq4H7BrK8z0h2uLKvnn2wAF2wkD1Gm5A";
    let _ = verify(password, DUMMY);
}

/// Checks a new password; errors go to `field`.
pub fn check_strength(
    errors: &mut FieldErrors,
    field: &str,
    password: &str,
    email: &str,
    display_name: &str,
) {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        errors.add(field, "error-password-too-short");
        return;
    }
    if length > MAX_LENGTH {
        errors.add(field, "error-too-long");
        return;
    }
    let lower = password.to_lowercase();
    let distinct: std::collections::HashSet<char> = lower.chars().collect();
    let local_part = email.split('@').next().unwrap_or("").to_lowercase();
    let name = display_name.trim().to_lowercase();
    let is_common = COMMON
        .lines()
        .any(|c| !c.is_empty() && lower.contains(c) && c.len() * 2 >= lower.len());
    if is_common
        || distinct.len() < 4
        || (local_part.len() >= 4 && lower.contains(&local_part))
        || (name.chars().count() >= 4 && lower.contains(&name))
    {
        errors.add(field, "error-password-weak");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_verifies_only_the_same_password() {
        let stored = hash("korrekt pferd batterie").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("korrekt pferd batterie", &stored));
        assert!(!verify("korrekt pferd batteriE", &stored));
        assert!(!verify("x", "not a hash"));
    }

    #[test]
    fn weak_passwords_are_refused() {
        let check = |p: &str| {
            let mut errors = FieldErrors::new();
            check_strength(
                &mut errors,
                "password",
                p,
                "anna.schmidt@example.org",
                "Anna Schmidt",
            );
            errors.get("password").map(str::to_owned)
        };
        assert_eq!(check("kurz").as_deref(), Some("error-password-too-short"));
        assert_eq!(
            check("passwort12345").as_deref(),
            Some("error-password-weak")
        );
        assert_eq!(
            check("aaaaaaaaaaaaaa").as_deref(),
            Some("error-password-weak")
        );
        assert_eq!(
            check("anna.schmidt-2026").as_deref(),
            Some("error-password-weak")
        );
        assert_eq!(check("Elbsandstein-Wanderweg-7"), None);
    }
}
