//! Configuration: defaults, then an optional TOML file, then `DIAS_*`
//! environment variables, then command-line flags (applied by the binary).
//! Everything is validated once at start; secrets never appear in `Debug`.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// A value that must never be printed or logged.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// The file and environment layer: every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<Secret>,
    pub public_url: Option<String>,
    pub secret_key: Option<Secret>,
    pub log_format: Option<LogFormat>,
    pub smtp_url: Option<Secret>,
    pub mail_from: Option<String>,
    pub dev_mail: Option<bool>,
    pub session_idle_minutes: Option<i64>,
    pub session_absolute_hours: Option<i64>,
    pub trust_proxy_headers: Option<bool>,
    pub max_body_bytes: Option<usize>,
    pub workers: Option<bool>,
    pub page_cache_secs: Option<u64>,
    pub sign_in_limit: Option<u32>,
    pub registration_limit: Option<u32>,
    pub upload_limit: Option<u32>,
    pub second_factor_limit: Option<u32>,
    pub funding_review_months: Option<u32>,
    pub desk_retention_months: Option<u32>,
}

impl RawConfig {
    /// Reads a TOML file; unknown keys are an error so typos do not pass silently.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        toml::from_str(&text).map_err(|e| ConfigError::File {
            path: path.to_owned(),
            message: e.to_string(),
        })
    }

    /// Reads `DIAS_*` variables from `vars` (the process environment in production).
    pub fn from_env(vars: impl Iterator<Item = (String, String)>) -> Result<Self, ConfigError> {
        let mut raw = RawConfig::default();
        for (key, value) in vars {
            let Some(name) = key.strip_prefix("DIAS_") else {
                continue;
            };
            let bad = |expected: &str| ConfigError::Invalid {
                key: key.clone(),
                message: format!("expected {expected}"),
            };
            match name {
                "LISTEN" => raw.listen = Some(value),
                "DATA_DIR" => raw.data_dir = Some(value.into()),
                "DATABASE_URL" => raw.database_url = Some(Secret(value)),
                "PUBLIC_URL" => raw.public_url = Some(value),
                "SECRET_KEY" => raw.secret_key = Some(Secret(value)),
                "LOG_FORMAT" => {
                    raw.log_format = Some(match value.as_str() {
                        "text" => LogFormat::Text,
                        "json" => LogFormat::Json,
                        _ => return Err(bad("`text` or `json`")),
                    })
                }
                "SMTP_URL" => raw.smtp_url = Some(Secret(value)),
                "MAIL_FROM" => raw.mail_from = Some(value),
                "DEV_MAIL" => {
                    raw.dev_mail = Some(parse_bool(&value).ok_or_else(|| bad("true or false"))?)
                }
                "SESSION_IDLE_MINUTES" => {
                    raw.session_idle_minutes = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                "SESSION_ABSOLUTE_HOURS" => {
                    raw.session_absolute_hours = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                "TRUST_PROXY_HEADERS" => {
                    raw.trust_proxy_headers =
                        Some(parse_bool(&value).ok_or_else(|| bad("true or false"))?)
                }
                "MAX_BODY_BYTES" => {
                    raw.max_body_bytes = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                "WORKERS" => {
                    raw.workers = Some(parse_bool(&value).ok_or_else(|| bad("true or false"))?)
                }
                "PAGE_CACHE_SECS" => {
                    raw.page_cache_secs = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                "SIGN_IN_LIMIT" => {
                    raw.sign_in_limit = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                "REGISTRATION_LIMIT" => {
                    raw.registration_limit = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                "UPLOAD_LIMIT" => {
                    raw.upload_limit = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                "SECOND_FACTOR_LIMIT" => {
                    raw.second_factor_limit = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                "FUNDING_REVIEW_MONTHS" => {
                    raw.funding_review_months = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                "DESK_RETENTION_MONTHS" => {
                    raw.desk_retention_months = Some(value.parse().map_err(|_| bad("a number"))?)
                }
                // Variables the binary reads itself, or that belong to tests.
                "CONFIG" | "TEST_DATABASE_URL" | "LOG" | "NEW_USER_PASSWORD" => {}
                _ => {
                    return Err(ConfigError::Invalid {
                        key,
                        message: "unknown setting".into(),
                    });
                }
            }
        }
        Ok(raw)
    }

    /// `other` wins where it has a value.
    pub fn merge(self, other: RawConfig) -> RawConfig {
        RawConfig {
            listen: other.listen.or(self.listen),
            data_dir: other.data_dir.or(self.data_dir),
            database_url: other.database_url.or(self.database_url),
            public_url: other.public_url.or(self.public_url),
            secret_key: other.secret_key.or(self.secret_key),
            log_format: other.log_format.or(self.log_format),
            smtp_url: other.smtp_url.or(self.smtp_url),
            mail_from: other.mail_from.or(self.mail_from),
            dev_mail: other.dev_mail.or(self.dev_mail),
            session_idle_minutes: other.session_idle_minutes.or(self.session_idle_minutes),
            session_absolute_hours: other.session_absolute_hours.or(self.session_absolute_hours),
            trust_proxy_headers: other.trust_proxy_headers.or(self.trust_proxy_headers),
            max_body_bytes: other.max_body_bytes.or(self.max_body_bytes),
            workers: other.workers.or(self.workers),
            page_cache_secs: other.page_cache_secs.or(self.page_cache_secs),
            sign_in_limit: other.sign_in_limit.or(self.sign_in_limit),
            registration_limit: other.registration_limit.or(self.registration_limit),
            upload_limit: other.upload_limit.or(self.upload_limit),
            second_factor_limit: other.second_factor_limit.or(self.second_factor_limit),
            funding_review_months: other.funding_review_months.or(self.funding_review_months),
            desk_retention_months: other.desk_retention_months.or(self.desk_retention_months),
        }
    }
}

fn parse_bool(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Where the data lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite { path: PathBuf },
    Postgres(Secret),
}

impl DatabaseUrl {
    /// Parses `sqlite://PATH` or `postgres://…`/`postgresql://…`. A SQLite path
    /// whose directory does not exist is refused, so that a typo never creates
    /// an empty database somewhere unexpected.
    pub fn parse(url: &str) -> Result<Self, ConfigError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(Secret(url.to_owned())));
        }
        let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        else {
            return Err(ConfigError::Invalid {
                key: "database_url".into(),
                message: "must start with sqlite:// or postgres://".into(),
            });
        };
        let path = PathBuf::from(rest.split('?').next().unwrap_or(rest));
        if path.as_os_str().is_empty() {
            return Err(ConfigError::Invalid {
                key: "database_url".into(),
                message: "the sqlite URL names no file".into(),
            });
        }
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Err(ConfigError::MissingDirectory(dir.to_owned()));
        }
        Ok(DatabaseUrl::Sqlite { path })
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self, DatabaseUrl::Sqlite { .. })
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database: DatabaseUrl,
    /// The origin the portal is reached at, e.g. `https://dias.sachsen.de`.
    pub public_url: String,
    /// Key for signed values (CSRF tokens of visitors). Shared by all instances.
    pub secret_key: Secret,
    pub log_format: LogFormat,
    pub smtp_url: Option<Secret>,
    pub mail_from: String,
    /// Store mail in the database for the "Postausgang" instead of sending it.
    pub dev_mail: bool,
    pub session_idle_secs: i64,
    pub session_absolute_secs: i64,
    pub trust_proxy_headers: bool,
    pub max_body_bytes: usize,
    /// Run background workers (jobs, mail, indexer) in this process.
    pub workers: bool,
    /// Seconds visitors' pages are reused (0 = off); see `dias_web::cache`.
    pub page_cache_secs: u64,
    /// Sign-in attempts per client address in 5 minutes (on top of the
    /// per-account delays).
    pub sign_in_limit: u32,
    /// Registrations per client address in an hour.
    pub registration_limit: u32,
    /// Requests per client address in an hour to public upload paths (a
    /// visitor body limit above `max_body_bytes`), counted before the body
    /// is read.
    pub upload_limit: u32,
    /// Second-factor (TOTP) codes per client address in 5 minutes, counted
    /// only while a sign-in waits for its code.
    pub second_factor_limit: u32,
    /// Months after which a Förderlotse offer not checked since is due for
    /// review (Redaktion, „Prüfung fällig“).
    pub funding_review_months: u32,
    /// Months after closing after which an inquiry of the Anfragen module is
    /// anonymized (DSGVO retention; default 12).
    pub desk_retention_months: u32,
}

impl Config {
    /// Validates a merged raw configuration. Creates the default data directory
    /// (and only that) when it is missing.
    pub fn from_raw(raw: RawConfig) -> Result<Self, ConfigError> {
        let listen_text = raw.listen.unwrap_or_else(|| "127.0.0.1:8080".into());
        let listen: SocketAddr = listen_text.parse().map_err(|_| ConfigError::Invalid {
            key: "listen".into(),
            message: format!("`{listen_text}` is not an address like 127.0.0.1:8080"),
        })?;
        let data_dir = raw.data_dir.unwrap_or_else(|| PathBuf::from("data"));
        std::fs::create_dir_all(&data_dir).map_err(|e| ConfigError::Invalid {
            key: "data_dir".into(),
            message: format!("cannot create {}: {e}", data_dir.display()),
        })?;
        let database = match raw.database_url {
            Some(url) => DatabaseUrl::parse(url.expose())?,
            None => DatabaseUrl::Sqlite {
                path: data_dir.join("dias.sqlite"),
            },
        };
        let public_url = raw
            .public_url
            .unwrap_or_else(|| format!("http://{listen}"))
            .trim_end_matches('/')
            .to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::Invalid {
                key: "public_url".into(),
                message: "must start with http:// or https://".into(),
            });
        }
        let secret_key = match raw.secret_key {
            Some(key) if key.expose().len() >= 32 => key,
            Some(_) => {
                return Err(ConfigError::Invalid {
                    key: "secret_key".into(),
                    message: "must be at least 32 characters".into(),
                });
            }
            None if database.is_sqlite() => load_or_create_secret(&data_dir)?,
            None => {
                return Err(ConfigError::Invalid {
                    key: "secret_key".into(),
                    message: "is required with PostgreSQL, so that all instances share it".into(),
                });
            }
        };
        let idle_minutes = raw.session_idle_minutes.unwrap_or(120);
        let absolute_hours = raw.session_absolute_hours.unwrap_or(12);
        if idle_minutes < 1 || absolute_hours < 1 {
            return Err(ConfigError::Invalid {
                key: "session_idle_minutes".into(),
                message: "session timeouts must be positive".into(),
            });
        }
        let upload_limit = at_least_one("upload_limit", raw.upload_limit, DEFAULT_UPLOAD_LIMIT)?;
        let second_factor_limit = at_least_one(
            "second_factor_limit",
            raw.second_factor_limit,
            DEFAULT_SECOND_FACTOR_LIMIT,
        )?;
        Ok(Config {
            listen,
            data_dir,
            database,
            public_url,
            secret_key,
            log_format: raw.log_format.unwrap_or_default(),
            dev_mail: raw.dev_mail.unwrap_or(raw.smtp_url.is_none()),
            smtp_url: raw.smtp_url,
            mail_from: raw
                .mail_from
                .unwrap_or_else(|| "DiAS-Portal <portal@localhost>".into()),
            session_idle_secs: idle_minutes * 60,
            session_absolute_secs: absolute_hours * 3600,
            trust_proxy_headers: raw.trust_proxy_headers.unwrap_or(false),
            max_body_bytes: raw.max_body_bytes.unwrap_or(2 * 1024 * 1024),
            workers: raw.workers.unwrap_or(true),
            page_cache_secs: raw.page_cache_secs.unwrap_or(2).min(300),
            sign_in_limit: at_least_one("sign_in_limit", raw.sign_in_limit, 20)?,
            registration_limit: at_least_one("registration_limit", raw.registration_limit, 10)?,
            upload_limit,
            second_factor_limit,
            funding_review_months: raw.funding_review_months.unwrap_or(6).clamp(1, 120),
            desk_retention_months: raw.desk_retention_months.unwrap_or(12).clamp(1, 120),
        })
    }

    /// Whether cookies get `Secure` and the `__Host-` prefix.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// Default of `upload_limit`: public uploads per client address and hour.
pub const DEFAULT_UPLOAD_LIMIT: u32 = 30;
/// Default of `second_factor_limit`: second-factor codes per client address
/// in 5 minutes.
pub const DEFAULT_SECOND_FACTOR_LIMIT: u32 = 10;

/// A per-address limit: `default` when unset; 0 is refused, because it
/// would refuse every request of its kind.
fn at_least_one(key: &str, value: Option<u32>, default: u32) -> Result<u32, ConfigError> {
    match value {
        None => Ok(default),
        Some(0) => Err(ConfigError::Invalid {
            key: key.into(),
            message: format!(
                "must be at least 1 (0 would refuse every request; the default is {default})"
            ),
        }),
        Some(n) => Ok(n),
    }
}

fn load_or_create_secret(data_dir: &Path) -> Result<Secret, ConfigError> {
    let path = data_dir.join("secret.key");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let existing = existing.trim();
        if existing.len() >= 32 {
            return Ok(Secret(existing.to_owned()));
        }
    }
    let key = crate::crypto::random_token();
    std::fs::write(&path, &key).map_err(|e| ConfigError::Invalid {
        key: "secret_key".into(),
        message: format!("cannot write {}: {e}", path.display()),
    })?;
    Ok(Secret(key))
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration file {path}: {message}")]
    File { path: PathBuf, message: String },
    #[error("setting `{key}`: {message}")]
    Invalid { key: String, message: String },
    #[error(
        "the directory {0} of the SQLite database does not exist; create it first or choose another path"
    )]
    MissingDirectory(PathBuf),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_url_in_missing_directory_is_refused() {
        let err = DatabaseUrl::parse("sqlite:///does/not/exist/dias.sqlite").unwrap_err();
        assert!(err.to_string().contains("/does/not/exist"), "{err}");
    }

    #[test]
    fn postgres_url_is_accepted_and_not_printed() {
        let url = DatabaseUrl::parse("postgres://u:geheim@db/dias").unwrap();
        assert!(!format!("{url:?}").contains("geheim"));
    }

    #[test]
    fn environment_overrides_file_and_rejects_unknown_keys() {
        let file: RawConfig = toml::from_str("listen = \"127.0.0.1:1\"\ndev_mail = false").unwrap();
        let env = RawConfig::from_env(
            [("DIAS_LISTEN".to_string(), "127.0.0.1:2".to_string())].into_iter(),
        )
        .unwrap();
        let merged = file.merge(env);
        assert_eq!(merged.listen.as_deref(), Some("127.0.0.1:2"));
        assert_eq!(merged.dev_mail, Some(false));
        let err = RawConfig::from_env([("DIAS_LISTN".to_string(), "x".to_string())].into_iter())
            .unwrap_err();
        assert!(err.to_string().contains("DIAS_LISTN"));
        assert!(toml::from_str::<RawConfig>("lisen = 1").is_err());
    }

    #[test]
    fn per_address_limits_default_and_can_be_raised() {
        let dir = tempfile::tempdir().unwrap();
        let defaults = Config::from_raw(RawConfig {
            data_dir: Some(dir.path().to_owned()),
            ..RawConfig::default()
        })
        .unwrap();
        assert_eq!(
            (defaults.sign_in_limit, defaults.registration_limit),
            (20, 10)
        );
        let raw = RawConfig::from_env(
            [
                ("DIAS_SIGN_IN_LIMIT".to_string(), "500".to_string()),
                ("DIAS_REGISTRATION_LIMIT".to_string(), "40".to_string()),
            ]
            .into_iter(),
        )
        .unwrap();
        // 0 would lock everyone out: refused at start, naming the setting,
        // like every per-address limit.
        let error = Config::from_raw(RawConfig {
            data_dir: Some(dir.path().to_owned()),
            registration_limit: Some(0),
            ..RawConfig::default()
        })
        .unwrap_err();
        assert!(error.to_string().contains("registration_limit"), "{error}");
        let raised = Config::from_raw(RawConfig {
            data_dir: Some(dir.path().to_owned()),
            ..raw
        })
        .unwrap();
        assert_eq!((raised.sign_in_limit, raised.registration_limit), (500, 40));
        assert!(
            RawConfig::from_env(
                [("DIAS_SIGN_IN_LIMIT".to_string(), "viele".to_string())].into_iter()
            )
            .is_err()
        );
    }

    #[test]
    fn upload_and_second_factor_limits_default_and_are_validated() {
        let dir = tempfile::tempdir().unwrap();
        let config = |raw: RawConfig| {
            Config::from_raw(RawConfig {
                data_dir: Some(dir.path().to_owned()),
                ..raw
            })
        };
        let defaults = config(RawConfig::default()).unwrap();
        assert_eq!(
            (defaults.upload_limit, defaults.second_factor_limit),
            (30, 10)
        );
        let env = RawConfig::from_env(
            [
                ("DIAS_UPLOAD_LIMIT".to_string(), "3".to_string()),
                ("DIAS_SECOND_FACTOR_LIMIT".to_string(), "25".to_string()),
            ]
            .into_iter(),
        )
        .unwrap();
        let file: RawConfig =
            toml::from_str("upload_limit = 100\nsecond_factor_limit = 2").unwrap();
        // The environment wins over the file, per key.
        let set = config(file.merge(env)).unwrap();
        assert_eq!((set.upload_limit, set.second_factor_limit), (3, 25));
        let only_file: RawConfig = toml::from_str("second_factor_limit = 2").unwrap();
        assert_eq!(config(only_file).unwrap().second_factor_limit, 2);
        // 0 and words are refused at start, naming the setting.
        for (key, raw) in [
            (
                "upload_limit",
                RawConfig {
                    upload_limit: Some(0),
                    ..RawConfig::default()
                },
            ),
            (
                "second_factor_limit",
                RawConfig {
                    second_factor_limit: Some(0),
                    ..RawConfig::default()
                },
            ),
        ] {
            let err = config(raw).unwrap_err().to_string();
            assert!(err.contains(key) && err.contains("at least 1"), "{err}");
        }
        let err = RawConfig::from_env(
            [("DIAS_UPLOAD_LIMIT".to_string(), "viele".to_string())].into_iter(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("DIAS_UPLOAD_LIMIT") && err.contains("number"),
            "{err}"
        );
        assert!(toml::from_str::<RawConfig>("second_factor_limit = -1").is_err());
    }

    #[test]
    fn funding_review_months_default_to_six_and_stay_in_range() {
        let dir = tempfile::tempdir().unwrap();
        let config = |months: Option<u32>| {
            Config::from_raw(RawConfig {
                data_dir: Some(dir.path().to_owned()),
                funding_review_months: months,
                ..RawConfig::default()
            })
            .unwrap()
            .funding_review_months
        };
        assert_eq!(config(None), 6);
        assert_eq!(config(Some(12)), 12);
        assert_eq!(config(Some(0)), 1, "0 would put every offer in the queue");
        let raw = RawConfig::from_env(
            [("DIAS_FUNDING_REVIEW_MONTHS".to_string(), "3".to_string())].into_iter(),
        )
        .unwrap();
        assert_eq!(raw.funding_review_months, Some(3));
    }

    #[test]
    fn postgres_requires_a_shared_secret() {
        let dir = tempfile::tempdir().unwrap();
        let raw = RawConfig {
            data_dir: Some(dir.path().to_owned()),
            database_url: Some(Secret::new("postgres://localhost/dias")),
            ..RawConfig::default()
        };
        let err = Config::from_raw(raw).unwrap_err();
        assert!(err.to_string().contains("secret_key"));
    }
}
