//! Translations with Fluent. German is the default and the fallback; every
//! module contributes its own `.ftl` sources, so the catalogue is assembled at
//! start from all registered modules.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The languages of the UI, default first.
pub const LOCALES: [&str; 2] = ["de", "en"];
pub const DEFAULT_LOCALE: &str = "de";

/// Picks a supported locale from a requested one (`en-GB` → `en`).
pub fn normalize(requested: &str) -> &'static str {
    let primary = requested
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    LOCALES
        .into_iter()
        .find(|l| *l == primary)
        .unwrap_or(DEFAULT_LOCALE)
}

pub struct Catalog {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").finish_non_exhaustive()
    }
}

/// An `.ftl` source for one locale.
#[derive(Debug, Clone, Copy)]
pub struct Messages {
    pub locale: &'static str,
    pub source: &'static str,
}

impl Catalog {
    /// Builds the catalogue; a syntax error or a duplicate id is an error that
    /// names the locale and message, so broken translations never ship.
    pub fn new(sources: &[Messages]) -> Result<Self, String> {
        let mut bundles = HashMap::new();
        for locale in LOCALES {
            let lang: LanguageIdentifier =
                locale.parse().map_err(|e| format!("{locale}: {e:?}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            // Isolation marks around arguments confuse plain-text mail and tests.
            bundle.set_use_isolating(false);
            for messages in sources.iter().filter(|m| m.locale == locale) {
                let resource = FluentResource::try_new(messages.source.to_owned())
                    .map_err(|(_, errors)| format!("{locale}: {errors:?}"))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| format!("{locale}: {errors:?}"))?;
            }
            bundles.insert(locale, bundle);
        }
        Ok(Catalog { bundles })
    }

    /// The message `id` in `locale`, falling back to German, then to the id.
    pub fn get(&self, locale: &str, id: &str) -> String {
        self.format(locale, id, None)
    }

    pub fn get_with(&self, locale: &str, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (key, value) in args {
            fluent_args.set(*key, value.clone());
        }
        self.format(locale, id, Some(&fluent_args))
    }

    fn format(&self, locale: &str, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for candidate in [normalize(locale), DEFAULT_LOCALE] {
            let Some(bundle) = self.bundles.get(candidate) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }

    /// Message ids present in German but missing in `locale` (for tests).
    pub fn missing_in(&self, locale: &str, ids: &[String]) -> Vec<String> {
        let Some(bundle) = self.bundles.get(normalize(locale)) else {
            return ids.to_vec();
        };
        ids.iter()
            .filter(|id| !bundle.has_message(id))
            .cloned()
            .collect()
    }
}

/// The ids defined in an `.ftl` source (for completeness tests).
pub fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| !l.starts_with([' ', '#', '\t', '.', '-']) && l.contains('='))
        .filter_map(|l| l.split('=').next().map(|id| id.trim().to_owned()))
        .filter(|id| !id.is_empty())
        .collect()
}

pub use fluent_bundle::FluentValue as Value;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_german_then_to_the_id() {
        let catalog = Catalog::new(&[
            Messages {
                locale: "de",
                source: "hallo = Hallo { $name }\nnur-de = Nur deutsch",
            },
            Messages {
                locale: "en",
                source: "hallo = Hello { $name }",
            },
        ])
        .unwrap();
        assert_eq!(
            catalog.get_with("en", "hallo", &[("name", "Anna".into())]),
            "Hello Anna"
        );
        assert_eq!(catalog.get("en", "nur-de"), "Nur deutsch");
        assert_eq!(catalog.get("de", "fehlt"), "fehlt");
    }
}
