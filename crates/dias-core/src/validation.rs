//! One way to report invalid input: a list of (field, message key) pairs that
//! forms render as an error summary and inline errors.

use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    /// A message id of the translation catalogue, e.g. `error-email-invalid`.
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: &str) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.to_owned(),
        });
    }

    pub fn single(field: &str, message: &str) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first message for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// `Ok(())` when empty, so validators end with `errors.into_result()?`.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// Trims and checks a required text field with a maximum length in characters.
pub fn required_text(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    max_chars: usize,
) -> String {
    required_text_or(errors, field, value, max_chars, "error-required")
}

/// [`required_text`] with a message of its own for the empty field, so an
/// error summary with several empty fields says which is which.
pub fn required_text_or(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    max_chars: usize,
    empty_message: &str,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, empty_message);
    } else if value.chars().count() > max_chars {
        errors.add(field, "error-too-long");
    }
    value.to_owned()
}

/// Normalises and checks an e-mail address (lower-cased, one `@`, a dot in the
/// domain, no spaces, at most 254 characters).
pub fn email(errors: &mut FieldErrors, field: &str, value: &str) -> String {
    let value = value.trim().to_lowercase();
    let valid = value.len() <= 254
        && !value.chars().any(char::is_whitespace)
        && match value.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }
            None => false,
        };
    if value.is_empty() {
        errors.add(field, "error-required");
    } else if !valid {
        errors.add(field, "error-email-invalid");
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised_and_checked() {
        let mut errors = FieldErrors::new();
        assert_eq!(
            email(&mut errors, "email", " Anna@Example.ORG "),
            "anna@example.org"
        );
        assert!(errors.is_empty());
        for bad in [
            "anna",
            "anna@",
            "@example.org",
            "a b@example.org",
            "anna@example",
            "a@b@c.de",
        ] {
            let mut errors = FieldErrors::new();
            email(&mut errors, "email", bad);
            assert_eq!(errors.get("email"), Some("error-email-invalid"), "{bad}");
        }
        let mut errors = FieldErrors::new();
        email(&mut errors, "email", "  ");
        assert_eq!(errors.get("email"), Some("error-required"));
    }

    #[test]
    fn required_text_counts_characters_not_bytes() {
        let mut errors = FieldErrors::new();
        required_text(&mut errors, "name", "ÄÖÜäöü", 6);
        assert!(errors.is_empty());
        required_text(&mut errors, "name", "ÄÖÜäöüß", 6);
        assert_eq!(errors.get("name"), Some("error-too-long"));
    }
}
