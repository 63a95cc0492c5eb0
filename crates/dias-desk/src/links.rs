//! Links between inquiries and the rest of the portal. Modules never
//! depend on each other, so an inquiry refers to a funding offer, a
//! Gemeinde or an actor by its portal path; other modules open an inquiry
//! with `/anfragen/neu?thema=<topic>&gemeinde=<AGS-8>&kontext=<path>`.

/// A path on this portal, or `None` for anything that could lead
/// elsewhere (shared with the other modules: `dias_web::links`).
pub use dias_web::links::local_path;

/// The portal path of a Gemeinde's page in the Breitband module.
pub fn municipality_path(ags8: &str) -> String {
    format!("/breitband/gemeinden/{ags8}")
}

/// How the form names the page an inquiry was started from: a message id
/// of `desk-public.ftl` and the `$detail` it takes (a search, a Gemeinde,
/// or the decoded path when the section is not known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextLabel {
    pub key: &'static str,
    pub detail: String,
}

/// Names the portal page behind a context path for people: known sections
/// by their name, a Gemeinde by `municipality_name` (AGS-8 → name), a
/// funding search by its words; anything else as its path with the
/// percent-encoding undone.
pub fn context_label(
    path: &str,
    municipality_name: impl Fn(&str) -> Option<String>,
) -> ContextLabel {
    let (route, query) = path.split_once('?').unwrap_or((path, ""));
    let route = route.trim_end_matches('/');
    let segments: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
    let label = |key: &'static str, detail: String| ContextLabel { key, detail };
    let search: Option<String> = serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "q"))
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty());
    match segments.as_slice() {
        ["foerderung"] => match search {
            Some(words) => label("desk-public-context-funding-search", words),
            None => label("desk-public-context-funding", String::new()),
        },
        ["foerderung", "check", ..] => label("desk-public-context-funding-check", String::new()),
        ["foerderung", "angebote", _] => label("desk-public-context-funding-offer", String::new()),
        ["foerderung", ..] => label("desk-public-context-funding", String::new()),
        ["breitband", "gemeinden", ags8] => match municipality_name(ags8) {
            Some(name) => label("desk-public-context-broadband-municipality", name),
            None => label("desk-public-context-broadband", String::new()),
        },
        ["breitband", ..] => label("desk-public-context-broadband", String::new()),
        ["netzwerk", "akteure", _] => label("desk-public-context-network-profile", String::new()),
        ["netzwerk", ..] => label("desk-public-context-network", String::new()),
        ["barrierefreiheit", ..] => label("desk-public-context-accessibility", String::new()),
        _ => label("desk-public-context-path", decode_path(path)),
    }
}

/// [`context_label`] with the Gemeinden of the portal's reference data.
pub fn context_label_here(path: &str) -> ContextLabel {
    context_label(path, |ags8| {
        dias_core::reference::cached()
            .municipality(ags8)
            .map(|m| m.name.clone())
    })
}

/// A path with `%XX` escapes (and `+` in the query) decoded for display;
/// bytes that are not UTF-8 are shown as replacement characters.
fn decode_path(path: &str) -> String {
    let hex = |b: u8| char::from(b).to_digit(16);
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut in_query = false;
    let mut i = 0;
    while i < bytes.len() {
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
            (b'?', _, _) => in_query = true,
            (b'+', _, _) if in_query => {
                out.push(b' ');
                i += 1;
                continue;
            }
            _ => {}
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amtsberg(ags8: &str) -> Option<String> {
        (ags8 == "14521010").then(|| "Amtsberg".to_owned())
    }

    #[test]
    fn context_paths_get_a_readable_label() {
        let cases = [
            (
                "/foerderung?q=F%C3%B6rderung+KI",
                "desk-public-context-funding-search",
                "Förderung KI",
            ),
            ("/foerderung", "desk-public-context-funding", ""),
            ("/foerderung?q=", "desk-public-context-funding", ""),
            (
                "/foerderung/check?wer=kommune&kreis=14626",
                "desk-public-context-funding-check",
                "",
            ),
            (
                "/foerderung/angebote/digital-lotsen-sachsen",
                "desk-public-context-funding-offer",
                "",
            ),
            (
                "/breitband/gemeinden/14521010",
                "desk-public-context-broadband-municipality",
                "Amtsberg",
            ),
            (
                "/breitband/gemeinden/99999999",
                "desk-public-context-broadband",
                "",
            ),
            ("/breitband/beratung", "desk-public-context-broadband", ""),
            (
                "/netzwerk/akteure/tu-dresden",
                "desk-public-context-network-profile",
                "",
            ),
            ("/netzwerk", "desk-public-context-network", ""),
            ("/barrierefreiheit", "desk-public-context-accessibility", ""),
            (
                "/beteiligung/stra%C3%9Fe?x=a+b%20c",
                "desk-public-context-path",
                "/beteiligung/straße?x=a b c",
            ),
            (
                "/a+b/%zz%C3",
                "desk-public-context-path",
                "/a+b/%zz\u{fffd}",
            ),
        ];
        for (path, key, detail) in cases {
            assert_eq!(
                context_label(path, amtsberg),
                ContextLabel {
                    key,
                    detail: detail.to_owned()
                },
                "{path}"
            );
        }
    }

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
