//! Who may do what in the Förderlotse. Searching, the Förder-Check, the
//! deadlines, the comparison, the API and the open data are for everyone
//! (no rule needed); the watch list needs an account; the catalogue is
//! kept by the agency's editors.

use dias_core::policy::{Policy, Principal};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundingAction {
    /// Keep a personal watch list (Merkliste) with reminders: any
    /// signed-in account.
    Watch,
    /// Create and edit offers, change their status, mark them checked,
    /// read versions and the review queue (Redaktion): staff.
    Edit,
    /// Import offers from JSON or CSV files: staff.
    Import,
}

impl Policy for FundingAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            FundingAction::Watch => true,
            FundingAction::Edit | FundingAction::Import => who.role.is_staff_or_above(),
        }
    }
}

#[cfg(test)]
mod tests {
    use dias_core::policy::Role;

    use super::*;

    fn principal(role: Role) -> Principal {
        Principal {
            user_id: 1,
            role,
            display_name: "Test".into(),
            email: "test@example.org".into(),
            locale: "de".into(),
            totp_enabled: false,
        }
    }

    #[test]
    fn visitors_nothing_accounts_watch_staff_edit() {
        for action in [
            FundingAction::Watch,
            FundingAction::Edit,
            FundingAction::Import,
        ] {
            assert!(!action.permits(None), "{action:?}");
        }
        for role in Role::ALL {
            let who = principal(role);
            let staff = matches!(role, Role::Staff | Role::Admin);
            assert!(FundingAction::Watch.permits(Some(&who)), "{role:?}");
            assert_eq!(FundingAction::Edit.permits(Some(&who)), staff, "{role:?}");
            assert_eq!(FundingAction::Import.permits(Some(&who)), staff, "{role:?}");
        }
    }
}
