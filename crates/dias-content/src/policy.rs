//! Who may do what in the content area. Reading published pages, news,
//! publications, contact points and the newsletter archive, and
//! subscribing, need no rule; the subscriber's links carry their own key.

use dias_core::policy::{Policy, Principal};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentAction {
    /// Write, schedule, publish and restore pages, news and publications,
    /// keep the media library and contact points, compose and send
    /// newsletters, see drafts and previews: the agency's Redaktion (staff)
    /// and administrators.
    Edit,
}

impl Policy for ContentAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            ContentAction::Edit => who.role.is_staff_or_above(),
        }
    }
}

#[cfg(test)]
mod tests {
    use dias_core::policy::Role;

    use super::*;

    #[test]
    fn only_staff_and_admins_edit() {
        assert!(!ContentAction::Edit.permits(None));
        for role in Role::ALL {
            let who = Principal {
                user_id: 1,
                role,
                display_name: "Test".into(),
                email: "test@example.org".into(),
                locale: "de".into(),
                totp_enabled: false,
            };
            assert_eq!(
                ContentAction::Edit.permits(Some(&who)),
                matches!(role, Role::Staff | Role::Admin),
                "{role:?}"
            );
        }
    }
}
