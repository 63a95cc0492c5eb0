//! Who may do what in Beteiligung. Phase rules (what is open when) are
//! domain rules checked by the store; this is about roles.

use dias_core::policy::{Policy, Principal};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticipationAction {
    /// Comment, propose, support, suggest (verified accounts only; signing
    /// in requires a verified address).
    Contribute,
    /// See drafts and hidden content, answer proposals, decide suggestions,
    /// publish text versions.
    Manage,
}

impl Policy for ParticipationAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            ParticipationAction::Contribute => true,
            ParticipationAction::Manage => who.role.is_staff_or_above(),
        }
    }
}
