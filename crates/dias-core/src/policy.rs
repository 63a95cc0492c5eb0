//! Roles and the one place where permissions are decided.
//!
//! Each module declares its actions as an enum implementing [`Policy`]; web
//! handlers call [`authorize`] and nothing else decides access. A matrix test
//! in `dias-web` proves every route against every role.

use serde::Serialize;

/// The roles of ARCHITECTURE.md. Visitors have no account and so no role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Participant,
    /// Manages an organisation profile in the KI-Netzwerk.
    Representative,
    /// Netzbetreiber / TK-Unternehmen; uploads coverage data.
    Operator,
    /// Staff of a municipality; sees its broadband data and projects.
    Municipality,
    Moderator,
    /// Redaktion of the agency.
    Staff,
    Admin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Participant,
        Role::Representative,
        Role::Operator,
        Role::Municipality,
        Role::Moderator,
        Role::Staff,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::Representative => "representative",
            Role::Operator => "operator",
            Role::Municipality => "municipality",
            Role::Moderator => "moderator",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// Message id of the role's display name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Participant => "role-participant",
            Role::Representative => "role-representative",
            Role::Operator => "role-operator",
            Role::Municipality => "role-municipality",
            Role::Moderator => "role-moderator",
            Role::Staff => "role-staff",
            Role::Admin => "role-admin",
        }
    }

    /// Moderators, staff and admins act for the agency.
    pub fn is_moderator_or_above(self) -> bool {
        matches!(self, Role::Moderator | Role::Staff | Role::Admin)
    }

    pub fn is_staff_or_above(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }
}

/// The signed-in person a request acts for.
#[derive(Debug, Clone, Serialize)]
pub struct Principal {
    pub user_id: i64,
    pub role: Role,
    pub display_name: String,
    pub email: String,
    pub locale: String,
    pub totp_enabled: bool,
}

/// A set of actions whose permission depends on who asks.
pub trait Policy: std::fmt::Debug {
    /// Whether `who` (None = visitor) may do this.
    fn permits(&self, who: Option<&Principal>) -> bool;
}

/// Why an action was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// A visitor: signing in may help.
    NotSignedIn,
    /// Signed in, but the role does not allow it.
    Forbidden,
}

/// The one authorization check.
pub fn authorize(who: Option<&Principal>, action: &dyn Policy) -> Result<(), Denied> {
    if action.permits(who) {
        Ok(())
    } else if who.is_none() {
        Err(Denied::NotSignedIn)
    } else {
        Err(Denied::Forbidden)
    }
}

/// Actions of the core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoreAction {
    /// Own profile, settings, export, deletion.
    ManageOwnAccount,
    /// The admin area's start page.
    EnterAdminArea,
    /// Find users, change roles, block and unblock.
    ManageUsers,
    ViewAuditLog,
    /// Read the development mailbox ("Postausgang").
    ViewMailbox,
    /// See background jobs and their progress.
    ViewJobs,
    /// Start maintenance jobs such as rebuilding the search index.
    StartJobs,
    /// Start a module's periodic job now (e.g. the funding reminders); it
    /// would run within its interval anyway, so staff may.
    RunScheduledJobs,
}

impl Policy for CoreAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            CoreAction::ManageOwnAccount => true,
            CoreAction::EnterAdminArea | CoreAction::ViewJobs | CoreAction::RunScheduledJobs => {
                who.role.is_staff_or_above()
            }
            CoreAction::ManageUsers
            | CoreAction::ViewAuditLog
            | CoreAction::ViewMailbox
            | CoreAction::StartJobs => who.role == Role::Admin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal(role: Role) -> Principal {
        Principal {
            user_id: 1,
            role,
            display_name: "X".into(),
            email: "x@example.org".into(),
            locale: "de".into(),
            totp_enabled: true,
        }
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn only_admins_manage_users_and_visitors_are_asked_to_sign_in() {
        assert_eq!(
            authorize(None, &CoreAction::ManageUsers),
            Err(Denied::NotSignedIn)
        );
        for role in Role::ALL {
            let expected = if role == Role::Admin {
                Ok(())
            } else {
                Err(Denied::Forbidden)
            };
            assert_eq!(
                authorize(Some(&principal(role)), &CoreAction::ManageUsers),
                expected,
                "{role:?}"
            );
        }
        assert!(CoreAction::ViewJobs.permits(Some(&principal(Role::Staff))));
        assert!(!CoreAction::ViewJobs.permits(Some(&principal(Role::Moderator))));
        assert!(CoreAction::RunScheduledJobs.permits(Some(&principal(Role::Staff))));
        assert!(!CoreAction::RunScheduledJobs.permits(Some(&principal(Role::Moderator))));
        assert!(!CoreAction::StartJobs.permits(Some(&principal(Role::Staff))));
    }
}
