//! Who may do what in the KI-Netzwerk. Whether someone represents a given
//! actor is a fact from the database; the handler looks it up and passes it
//! in, and this decides.

use dias_core::policy::{Policy, Principal};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkAction {
    /// Register an organisation (any signed-in, hence verified, account).
    Register,
    /// Accept an invitation to represent an actor.
    AcceptInvitation,
    /// Edit a profile, upload its logo, invite representatives: the
    /// actor's representatives and staff.
    EditActor { representative: bool },
    /// See a profile that is not (yet) public: its representatives, staff.
    SeeUnpublished { representative: bool },
    /// Work the admission queue: accept or decline registrations, read the
    /// change log (Redaktion).
    Admit,
}

impl Policy for NetworkAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            NetworkAction::Register | NetworkAction::AcceptInvitation => true,
            NetworkAction::EditActor { representative }
            | NetworkAction::SeeUnpublished { representative } => {
                *representative || who.role.is_staff_or_above()
            }
            NetworkAction::Admit => who.role.is_staff_or_above(),
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
    fn only_staff_admit_and_only_representatives_or_staff_edit() {
        assert!(!NetworkAction::Register.permits(None));
        assert!(!NetworkAction::Admit.permits(None));
        for role in Role::ALL {
            let who = principal(role);
            let staff = matches!(role, Role::Staff | Role::Admin);
            assert_eq!(NetworkAction::Admit.permits(Some(&who)), staff, "{role:?}");
            assert!(NetworkAction::Register.permits(Some(&who)));
            assert!(
                NetworkAction::EditActor {
                    representative: true
                }
                .permits(Some(&who))
            );
            assert_eq!(
                NetworkAction::EditActor {
                    representative: false
                }
                .permits(Some(&who)),
                staff,
                "{role:?}"
            );
        }
    }
}
