//! Who may do what in the Anfragen module. Asking, following one's own
//! inquiry through its private link and reading the FAQ and statistics
//! need no rule: the link's token is the sender's key (checked by the
//! store lookup, 404 otherwise). Everything else is the agency's.

use dias_core::policy::{Policy, Principal};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskAction {
    /// Work the queues: see every inquiry with sender data and attachments,
    /// assign, change status, write internal notes and public replies, link
    /// module objects, use and keep answer templates, publish FAQ entries:
    /// agency staff.
    Work,
    /// Set up teams, their members and which team answers a topic with
    /// which target time: administrators.
    Configure,
}

impl Policy for DeskAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            DeskAction::Work => who.role.is_staff_or_above(),
            DeskAction::Configure => who.role == dias_core::policy::Role::Admin,
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
    fn each_action_for_each_role() {
        assert!(!DeskAction::Work.permits(None));
        assert!(!DeskAction::Configure.permits(None));
        for role in Role::ALL {
            let who = principal(role);
            assert_eq!(
                DeskAction::Work.permits(Some(&who)),
                matches!(role, Role::Staff | Role::Admin),
                "{role:?}"
            );
            assert_eq!(
                DeskAction::Configure.permits(Some(&who)),
                role == Role::Admin,
                "{role:?}"
            );
        }
    }
}
