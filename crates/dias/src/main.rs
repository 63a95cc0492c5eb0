//! The `dias` binary: serve the portal and run maintenance commands.

mod broadband;
mod demo;
mod opinion;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use dias_core::config::{Config, LogFormat, RawConfig, Secret};
use dias_core::policy::Role;
use dias_web::registry::Scale;

#[derive(Parser)]
#[command(name = "dias", version, about = "Portal der Digitalagentur Sachsen")]
struct Cli {
    /// TOML configuration file (also DIAS_CONFIG).
    #[arg(long, global = true, env = "DIAS_CONFIG")]
    config: Option<PathBuf>,
    /// Directory for the SQLite database, search index and secrets (default ./data).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// sqlite://PATH or postgres://USER@HOST/DB (default: SQLite in the data directory).
    #[arg(long, global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal.
    Serve {
        /// Address to listen on (default 127.0.0.1:8080).
        #[arg(long)]
        listen: Option<String>,
        /// Public origin, e.g. https://dias.example.org (default http://LISTEN).
        #[arg(long)]
        public_url: Option<String>,
        /// Load demo data first (only into an empty database).
        #[arg(long)]
        demo: bool,
        /// Size of the demo data.
        #[arg(long, value_enum, default_value = "small")]
        scale: ScaleArg,
        /// Keep all mail in the database ("Postausgang") instead of sending it.
        #[arg(long)]
        dev_mail: bool,
    },
    /// Create or upgrade the database schema and load reference data.
    Migrate,
    /// Load demo data of every module into an empty database.
    Demo {
        #[arg(long, value_enum, default_value = "small")]
        scale: ScaleArg,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Rebuild this instance's search index from the database.
    Reindex,
    /// Opinion-group analysis (Polis-compatible) of vote files.
    Opinion {
        #[command(subcommand)]
        command: OpinionCommand,
    },
    /// Breitband: market-survey (MEV) evaluation of CSV files.
    Broadband {
        #[command(subcommand)]
        command: broadband::BroadbandCommand,
    },
    /// Write a consistent copy of the database while the portal keeps serving.
    Backup {
        /// Target file (SQLite database, or SQL dump for PostgreSQL).
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum OpinionCommand {
    /// Analyse VOTES.csv (`participant,statement,vote`, agree = 1, disagree = -1, pass = 0)
    /// and write the analysis as JSON.
    Analyze {
        #[arg(long)]
        votes: PathBuf,
        /// STATEMENTS.csv with a `statement` column and optional `moderated` and `meta` columns.
        #[arg(long)]
        statements: Option<PathBuf>,
        /// Comma-separated statement ids to leave out of the analysis.
        #[arg(long)]
        moderated_out: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a verified account.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, env = "DIAS_NEW_USER_PASSWORD")]
        password: String,
        #[arg(long, default_value = "Administration")]
        name: String,
        /// Give the account the admin role.
        #[arg(long, conflicts_with = "role")]
        admin: bool,
        /// Role: participant, representative, operator, municipality, moderator, staff, admin.
        #[arg(long)]
        role: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ScaleArg {
    Small,
    Large,
}

impl From<ScaleArg> for Scale {
    fn from(s: ScaleArg) -> Scale {
        match s {
            ScaleArg::Small => Scale::Small,
            ScaleArg::Large => Scale::Large,
        }
    }
}

/// Feature modules of this build. Adding a module is one line here.
fn modules() -> Vec<dias_web::Module> {
    vec![
        dias_participation::module(),
        dias_network::module(),
        dias_funding::module(),
        dias_broadband::module(),
        dias_desk::module(),
        dias_content::module(),
    ]
}

fn load_config(cli: &Cli, overrides: RawConfig) -> anyhow::Result<Config> {
    let file = match &cli.config {
        Some(path) => RawConfig::from_file(path)?,
        None => RawConfig::default(),
    };
    let env = RawConfig::from_env(std::env::vars())?;
    let flags = RawConfig {
        data_dir: cli.data_dir.clone(),
        database_url: cli.database_url.clone().map(Secret::new),
        ..overrides
    };
    Ok(Config::from_raw(file.merge(env).merge(flags))?)
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DIAS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tantivy=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

async fn open_state(config: Config) -> anyhow::Result<(dias_web::AppState, bool)> {
    let db = dias_core::db::open(&config.database)
        .await
        .with_context(|| "cannot open the database")?;
    let (index, fresh) = dias_search::SearchIndex::open(&config.data_dir.join("index"))?;
    let state =
        dias_web::app::state(config, db, Arc::new(index), modules()).map_err(anyhow::Error::msg)?;
    Ok((state, fresh))
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Command::Serve { .. }) {
        cap_malloc_arenas();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("Fehler: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // The cause chain, without a backtrace: these are messages for operators.
            eprintln!("Fehler: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// glibc's allocator gives threads that allocate at the same time arenas of
/// their own, up to eight per core, and keeps what each arena once held. The
/// server's threads (tokio workers, the blocking pool, one per SQLite
/// connection) held 570–710 MB under the soak test's mixed load this way,
/// against 250–290 MB with two arenas (docs/BENCHMARKS.md, "Soak test").
/// glibc reads `MALLOC_ARENA_MAX` only when a process starts, so `serve`
/// starts itself once more with one arena per core (at least two) unless the
/// operator has set it. The evaluation commands keep glibc's default: their
/// two rayon threads allocate large columns, not many small pieces.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn cap_malloc_arenas() {
    use std::os::unix::process::CommandExt;
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let arenas = std::thread::available_parallelism().map_or(2, |n| n.get().max(2));
    let error = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("MALLOC_ARENA_MAX", arenas.to_string())
        .exec();
    // `exec` returns only when it failed: serve with glibc's defaults.
    eprintln!(
        "Hinweis: MALLOC_ARENA_MAX nicht gesetzt ({error}); der Server braucht mehr Speicher."
    );
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn cap_malloc_arenas() {}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match &cli.command {
        Command::Serve {
            listen,
            public_url,
            demo,
            scale,
            dev_mail,
        } => {
            let overrides = RawConfig {
                listen: listen.clone(),
                public_url: public_url.clone(),
                dev_mail: dev_mail.then_some(true),
                ..RawConfig::default()
            };
            let config = load_config(&cli, overrides)?;
            init_logging(config.log_format);
            serve(config, *demo, (*scale).into()).await
        }
        Command::Migrate => {
            let config = load_config(&cli, RawConfig::default())?;
            init_logging(config.log_format);
            dias_core::db::open(&config.database).await?;
            eprintln!("Datenbank ist auf dem neuesten Stand.");
            Ok(())
        }
        Command::Demo { scale } => {
            let config = load_config(&cli, RawConfig::default())?;
            init_logging(config.log_format);
            let (state, _) = open_state(config).await?;
            demo::load(&state, (*scale).into()).await?;
            rebuild_index(&state).await
        }
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    password,
                    name,
                    admin,
                    role,
                },
        } => {
            let config = load_config(&cli, RawConfig::default())?;
            let db = dias_core::db::open(&config.database).await?;
            let role = if *admin {
                Role::Admin
            } else {
                match role.as_deref() {
                    None => Role::Participant,
                    Some(r) => Role::parse(r).with_context(|| format!("unknown role `{r}`"))?,
                }
            };
            match dias_core::accounts::create_verified(&db, email, name, password, role).await {
                Ok(user) => {
                    eprintln!(
                        "Konto {} angelegt (id {}, Rolle {}).",
                        email,
                        user.id,
                        role.as_str()
                    );
                    Ok(())
                }
                Err(dias_core::CoreError::Invalid(errors)) => {
                    let catalog = dias_core::i18n::Catalog::new(&dias_web::app::MESSAGES)
                        .map_err(anyhow::Error::msg)?;
                    for e in errors.0 {
                        let flag = if e.field == "display_name" {
                            "name".to_owned()
                        } else {
                            e.field.replace('_', "-")
                        };
                        eprintln!("--{flag}: {}", catalog.get("de", &e.message));
                    }
                    bail!("account not created")
                }
                Err(e) => Err(e.into()),
            }
        }
        Command::Reindex => {
            let config = load_config(&cli, RawConfig::default())?;
            init_logging(config.log_format);
            let (state, _) = open_state(config).await?;
            rebuild_index(&state).await
        }
        Command::Opinion {
            command:
                OpinionCommand::Analyze {
                    votes,
                    statements,
                    moderated_out,
                    out,
                },
        } => opinion::analyze(opinion::AnalyzeArgs {
            votes,
            statements: statements.as_ref(),
            moderated_out: moderated_out.as_deref(),
            out,
        }),
        Command::Broadband { command } => broadband::run(command),
        Command::Backup { out } => {
            let config = load_config(&cli, RawConfig::default())?;
            backup(&config, out).await
        }
    }
}

async fn rebuild_index(state: &dias_web::AppState) -> anyhow::Result<()> {
    let bar = indicatif::ProgressBar::new(state.sources.kinds().count() as u64);
    let count =
        dias_search::indexer::rebuild(&state.db, &state.search, &state.sources, |done, _| {
            bar.set_position(done as u64)
        })
        .await?;
    bar.finish_and_clear();
    eprintln!("Suchindex mit {count} Dokumenten aufgebaut.");
    Ok(())
}

async fn backup(config: &Config, out: &std::path::Path) -> anyhow::Result<()> {
    if out.exists() {
        bail!("{} exists already; choose a new file", out.display());
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        bail!("{} is not a directory; create it first", dir.display());
    }
    let written = write_backup(config, out).await;
    if written.is_err() {
        // A failed run leaves no partial file: it would look like a backup and block the next try.
        let _ = std::fs::remove_file(out);
    }
    written?;
    eprintln!("Sicherung geschrieben: {}", out.display());
    Ok(())
}

async fn write_backup(config: &Config, out: &std::path::Path) -> anyhow::Result<()> {
    match &config.database {
        dias_core::config::DatabaseUrl::Sqlite { .. } => {
            use sea_orm::ConnectionTrait;
            let db = dias_core::db::connect(&config.database).await?;
            let target = out.to_string_lossy().replace('\'', "''");
            // VACUUM INTO writes a consistent snapshot while others keep writing.
            db.execute_unprepared(&format!("VACUUM INTO '{target}'"))
                .await?;
            Ok(())
        }
        dias_core::config::DatabaseUrl::Postgres(url) => {
            // The password goes to pg_dump in its environment, not on its command line,
            // where every local user could read it in the process list.
            let (url, password) = split_password(url.expose());
            let mut command = std::process::Command::new("pg_dump");
            if let Some(password) = password {
                command.env("PGPASSWORD", password);
            }
            let status = command
                .arg("--format=custom")
                .arg("--file")
                .arg(out)
                .arg(url)
                .status()
                .context("pg_dump is needed for PostgreSQL backups (package postgresql-client)")?;
            if !status.success() {
                bail!("pg_dump failed with {status}");
            }
            Ok(())
        }
    }
}

/// `postgres://user:secret@host/db` → (`postgres://user@host/db`, the decoded secret).
fn split_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_owned(), None);
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else {
        return (url.to_owned(), None);
    };
    let Some((user, password)) = rest[..at].split_once(':') else {
        return (url.to_owned(), None);
    };
    let bytes = password.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    (
        format!("{scheme}://{user}@{}", &rest[at + 1..]),
        Some(String::from_utf8_lossy(&decoded).into_owned()),
    )
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

async fn serve(config: Config, with_demo: bool, scale: Scale) -> anyhow::Result<()> {
    let listen = config.listen;
    let workers = config.workers;
    let (state, fresh) = open_state(config).await?;
    if with_demo {
        demo::load(&state, scale).await?;
    }
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut handles = Vec::new();
    if fresh || with_demo {
        let (db, index, sources) = (
            state.db.clone(),
            state.search.clone(),
            state.sources.clone(),
        );
        match dias_search::indexer::rebuild(&db, &index, &sources, |_, _| {}).await {
            Ok(count) => tracing::info!(documents = count, "search index built"),
            Err(e) => tracing::error!(error = %e, "search index build failed"),
        }
    }
    if workers {
        handles = dias_web::workers::spawn(&state, stop_rx).map_err(anyhow::Error::msg)?;
    } else {
        // The search index is this instance's own: it follows the outbox even when another
        // instance runs the jobs, or its search would never see a change.
        handles.push(tokio::spawn(dias_search::indexer::run(
            state.db.clone(),
            state.search.clone(),
            state.sources.clone(),
            stop_rx,
        )));
    }
    let app = dias_web::router(state);
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    tracing::info!(address = %listen, "dias is serving");
    eprintln!("dias läuft auf http://{listen}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("shutting down");
    let _ = stop_tx.send(true);
    for handle in handles {
        let _ = tokio::time::timeout(Duration::from_secs(10), handle).await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::split_password;

    #[test]
    fn the_password_leaves_the_url_decoded() {
        assert_eq!(
            split_password("postgres://dias:p%40ss%3Aw@db.internal:5432/dias?sslmode=require"),
            (
                "postgres://dias@db.internal:5432/dias?sslmode=require".to_owned(),
                Some("p@ss:w".to_owned())
            )
        );
        assert_eq!(
            split_password("postgres://dias@127.0.0.1/dias"),
            ("postgres://dias@127.0.0.1/dias".to_owned(), None)
        );
        assert_eq!(
            split_password("postgresql://u:a@b@h/db"),
            ("postgresql://u@h/db".to_owned(), Some("a@b".to_owned()))
        );
    }
}
