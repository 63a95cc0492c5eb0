//! Who may do what in the Breitband module. The municipality register, the
//! Lagebild, the explanation of the procedure and the public summary of a
//! funding project are for everyone (no rule needed). Everything else
//! depends on facts the handler looks up first (is this account a member
//! for the area, is its operator invited) and passes in, so that this one
//! function decides.

use dias_core::policy::{Policy, Principal, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BroadbandAction {
    /// Open a market survey (MEV) or a funding project for an area, manage
    /// it (invite operators, run the evaluation, move stages, upload
    /// documents) and see its results and internal documents: staff, or a
    /// municipality account that is a member for the area
    /// ([`crate::members::covers`]).
    ManageArea { member: bool },
    /// Answer a market survey with an upload: an operator account whose
    /// operator is invited to it.
    Respond { invited: bool },
    /// Assign municipality accounts to areas and operator accounts to
    /// operators, and keep the list of operators: staff.
    ManageMembers,
}

impl Policy for BroadbandAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match *self {
            BroadbandAction::ManageArea { member } => {
                who.role.is_staff_or_above() || (who.role == Role::Municipality && member)
            }
            BroadbandAction::Respond { invited } => who.role == Role::Operator && invited,
            BroadbandAction::ManageMembers => who.role.is_staff_or_above(),
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
            display_name: "Test".into(),
            email: "test@example.org".into(),
            locale: "de".into(),
            totp_enabled: false,
        }
    }

    #[test]
    fn each_action_for_each_role() {
        let actions = [
            BroadbandAction::ManageArea { member: false },
            BroadbandAction::ManageArea { member: true },
            BroadbandAction::Respond { invited: false },
            BroadbandAction::Respond { invited: true },
            BroadbandAction::ManageMembers,
        ];
        for action in actions {
            assert!(!action.permits(None), "visitor: {action:?}");
        }
        for role in Role::ALL {
            let who = Some(principal(role));
            let staff = matches!(role, Role::Staff | Role::Admin);
            let allowed = |a: BroadbandAction| a.permits(who.as_ref());
            assert_eq!(
                allowed(BroadbandAction::ManageArea { member: false }),
                staff,
                "{role:?}"
            );
            assert_eq!(
                allowed(BroadbandAction::ManageArea { member: true }),
                staff || role == Role::Municipality,
                "{role:?}"
            );
            assert!(
                !allowed(BroadbandAction::Respond { invited: false }),
                "{role:?}"
            );
            assert_eq!(
                allowed(BroadbandAction::Respond { invited: true }),
                role == Role::Operator,
                "{role:?}"
            );
            assert_eq!(allowed(BroadbandAction::ManageMembers), staff, "{role:?}");
        }
    }
}
