//! Opening the database and bringing its schema up to date.
//!
//! SQLite runs in WAL mode with a busy timeout and foreign keys on; with
//! `synchronous = NORMAL` in WAL mode a committed transaction survives a crash
//! of the process (not necessarily a power loss of the machine, see
//! docs/OPERATIONS.md).

use std::time::Duration;

use dias_migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DbBackend, DbErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};

use crate::config::DatabaseUrl;

pub use sea_orm::DatabaseConnection as Db;

/// Connects and migrates.
pub async fn open(url: &DatabaseUrl) -> Result<DatabaseConnection, DbErr> {
    let db = connect(url).await?;
    Migrator::up(&db, None).await?;
    crate::reference::load_if_empty(&db).await?;
    Ok(db)
}

/// Connects without migrating.
pub async fn connect(url: &DatabaseUrl) -> Result<DatabaseConnection, DbErr> {
    let mut options = match url {
        DatabaseUrl::Sqlite { path } => {
            let mut options = ConnectOptions::new(format!("sqlite://{}?mode=rwc", path.display()));
            options
                .max_connections(8)
                .min_connections(1)
                .map_sqlx_sqlite_opts(|o| {
                    o.journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal)
                        .busy_timeout(Duration::from_secs(15))
                        .foreign_keys(true)
                        .create_if_missing(true)
                });
            options
        }
        DatabaseUrl::Postgres(url) => {
            let mut options = ConnectOptions::new(url.expose().to_owned());
            options.max_connections(16).min_connections(1);
            options
        }
    };
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(15));
    Database::connect(options).await
}

/// Starts a transaction that writes. On SQLite it begins `IMMEDIATE`: it
/// takes the write lock up front (waiting up to the busy timeout) instead of
/// upgrading a read snapshot at its first write, which fails at once with
/// `SQLITE_BUSY_SNAPSHOT` when another connection committed in between.
/// PostgreSQL ignores the mode. Every write transaction starts here.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

/// The backend, for the few hot paths that need hand-written SQL per database.
pub fn backend(db: &DatabaseConnection) -> DbBackend {
    db.get_database_backend()
}
