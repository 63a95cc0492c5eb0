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
    /// Work the moderation queue: hide, restore, dismiss reports, approve
    /// pre-moderated content and block authors (Moderation).
    Moderate,
}

impl Policy for ParticipationAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            ParticipationAction::Contribute => true,
            ParticipationAction::Manage => who.role.is_staff_or_above(),
            ParticipationAction::Moderate => who.role.is_moderator_or_above(),
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
    fn moderators_staff_and_admins_moderate_participants_report() {
        let moderate = ParticipationAction::Moderate;
        assert!(!moderate.permits(None));
        for role in Role::ALL {
            assert_eq!(
                moderate.permits(Some(&principal(role))),
                matches!(role, Role::Moderator | Role::Staff | Role::Admin),
                "{role:?}"
            );
            assert!(ParticipationAction::Contribute.permits(Some(&principal(role))));
        }
        assert!(!ParticipationAction::Manage.permits(Some(&principal(Role::Moderator))));
    }
}
