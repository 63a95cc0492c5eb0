//! SeaORM entities of the desk tables (migration `m0020_desk`).

pub mod desk_attachment;
pub mod desk_event;
pub mod desk_faq;
pub mod desk_inquiry;
pub mod desk_link;
pub mod desk_team;
pub mod desk_team_member;
pub mod desk_template;
pub mod desk_topic;
