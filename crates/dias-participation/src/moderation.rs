//! Moderation: reports, automatic hiding, queues and moderator actions.
