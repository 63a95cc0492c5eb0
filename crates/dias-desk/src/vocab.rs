//! The fixed vocabularies of the desk: topics, sender types and statuses.
//! Each value has a stable key (stored, used in URLs such as
//! `/anfragen/neu?thema=breitband`) and a message id for its label.

use dias_core::vocabulary;

vocabulary! {
    /// What an inquiry is about; each topic is answered by one team queue.
    Topic {
        Broadband = "breitband", "desk-topic-breitband";
        Funding = "foerderung", "desk-topic-foerderung";
        Ai = "ki", "desk-topic-ki";
        Strategy = "digitalstrategie", "desk-topic-digitalstrategie";
        Administration = "verwaltungsdigitalisierung", "desk-topic-verwaltungsdigitalisierung";
        Other = "sonstiges", "desk-topic-sonstiges";
    }
}

vocabulary! {
    /// Who is asking.
    SenderType {
        Citizen = "buerger", "desk-sender-buerger";
        Company = "unternehmen", "desk-sender-unternehmen";
        Municipality = "kommune", "desk-sender-kommune";
        Association = "verein", "desk-sender-verein";
        Research = "forschung", "desk-sender-forschung";
        Administration = "verwaltung", "desk-sender-verwaltung";
    }
}

vocabulary! {
    /// Where an inquiry stands.
    Status {
        /// Received, nobody has worked on it yet.
        New = "neu", "desk-status-neu";
        InProgress = "in_bearbeitung", "desk-status-in_bearbeitung";
        /// Staff asked the sender something and wait for the answer; the
        /// target time does not run.
        AwaitingSender = "rueckfrage", "desk-status-rueckfrage";
        Answered = "beantwortet", "desk-status-beantwortet";
        Closed = "geschlossen", "desk-status-geschlossen";
    }
}

impl Status {
    /// Whether the agency owes the next step, so the target time runs and
    /// the inquiry can be overdue.
    pub fn awaits_agency(self) -> bool {
        matches!(self, Status::New | Status::InProgress)
    }

    /// Message id of the name staff see: the sender's own label
    /// ("Awaiting your reply") reads wrong in the staff queue and history.
    pub fn staff_label_key(self) -> &'static str {
        match self {
            Status::AwaitingSender => "desk-staff-status-label-rueckfrage",
            other => other.label_key(),
        }
    }
}

/// Default target answer time of a topic without a setting, in working days.
pub const DEFAULT_TARGET_DAYS: i32 = 5;

/// Kinds of history entries (`desk_events.kind`).
pub mod event {
    /// The inquiry arrived (public: the sender's own message).
    pub const CREATED: &str = "created";
    pub const STATUS: &str = "status";
    pub const ASSIGNED: &str = "assigned";
    pub const TEAM: &str = "team";
    /// Internal note, never shown to the sender.
    pub const NOTE: &str = "note";
    /// Public reply by staff, mailed to the sender.
    pub const REPLY: &str = "reply";
    /// The sender wrote through the status link.
    pub const SENDER_REPLY: &str = "sender_reply";
    pub const LINK: &str = "link";
    pub const UNLINK: &str = "unlink";
    pub const TOPIC: &str = "topic";
    pub const FAQ: &str = "faq";
    pub const ANONYMIZED: &str = "anonymized";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_unique() {
        for t in Topic::ALL {
            assert_eq!(Topic::parse(t.key()), Some(*t));
        }
        for s in SenderType::ALL {
            assert_eq!(SenderType::parse(s.key()), Some(*s));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.key()), Some(*s));
        }
        assert_eq!(Topic::parse("Breitband"), None);
        assert_eq!(Topic::ALL.len(), 6);
        assert_eq!(SenderType::ALL.len(), 6);
    }

    #[test]
    fn only_new_and_in_progress_wait_for_the_agency() {
        let waiting: Vec<_> = Status::ALL.iter().filter(|s| s.awaits_agency()).collect();
        assert_eq!(waiting, [&Status::New, &Status::InProgress]);
    }
}
