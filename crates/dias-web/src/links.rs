//! Links between modules. Modules never depend on each other, so one
//! refers to another's page by its portal path; this is the one check that
//! such a path stays on the portal.

/// A path on this portal, or `None` for anything that could lead
/// elsewhere (`//host`, `https://…`, backslashes, control characters) or is
/// too long to store (500 bytes).
pub fn local_path(raw: &str) -> Option<String> {
    let path = raw.trim();
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= 500
        && !path.contains('\\')
        && !path.chars().any(char::is_control);
    ok.then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_this_portal_are_kept() {
        assert_eq!(
            local_path(" /foerderung/angebote/digi-z?x=1 ").as_deref(),
            Some("/foerderung/angebote/digi-z?x=1")
        );
        for bad in [
            "",
            "foerderung",
            "//evil.example/x",
            "https://evil.example",
            "/\\evil.example",
            "/a\nb",
            "javascript:alert(1)",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(500))), None);
    }
}
