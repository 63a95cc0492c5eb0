//! What the modules hold about a person, for the account's data export
//! (DSGVO Art. 15 and 20) and its deletion (Art. 17).
//!
//! Each module registers one [`PersonalData`]: its section of the export and
//! what it removes when the account is deleted. Removal runs inside the
//! deletion's transaction, so an account is never half deleted. Public
//! contributions stay with the pseudonymous row ("Gelöschtes Konto"), as the
//! privacy notice says; what only served the person (registrations, opt-ins,
//! memberships) goes.

use async_trait::async_trait;
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr};

use super::MailEnv;

#[async_trait]
pub trait PersonalData: Send + Sync {
    /// The key of this module's section in the export (`"network"`).
    fn section(&self) -> &'static str;

    /// Everything the module stores about the person, as JSON.
    async fn export(
        &self,
        db: &DatabaseConnection,
        user_id: i64,
    ) -> Result<serde_json::Value, DbErr>;

    /// Removes what must not outlive the account; `env` serves mails the
    /// removal causes (someone moving up from a waiting list).
    async fn erase(
        &self,
        txn: &DatabaseTransaction,
        env: &MailEnv<'_>,
        user_id: i64,
    ) -> Result<(), DbErr>;
}
