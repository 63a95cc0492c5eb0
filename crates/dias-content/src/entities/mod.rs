//! Tables of migration m0021.

pub mod contacts;
pub mod media;
pub mod news;
pub mod news_links;
pub mod newsletter_deliveries;
pub mod newsletter_issues;
pub mod newsletter_subscribers;
pub mod page_versions;
pub mod pages;
pub mod publication_files;
pub mod publications;
