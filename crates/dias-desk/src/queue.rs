//! The staff's lists of inquiries (queues) and their counts.
//!
//! A queue is a view of one table: mine (assigned to me), my teams', one
//! team's, unassigned, overdue, all. "Overdue" means the agency owes the
//! next step ([`Status::awaits_agency`]) and `due_at` — the end of the last
//! working day of the target time, kept by the store — has passed, so it is
//! one comparison. Lists are sorted by urgency: inquiries waiting for the
//! agency by due date (overdue ones first), then the others by due date.
//! The counts of every queue come from one grouped query.

use sea_orm::sea_query::{Alias, CaseStatement, Expr, ExprTrait, Order};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::desk_inquiry;
use crate::vocab::{Status, Topic};

/// Inquiries per page.
pub const PER_PAGE: u64 = 50;

/// Which inquiries a queue holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    Mine,
    MyTeams,
    Team(i64),
    Unassigned,
    Overdue,
    All,
}

impl Queue {
    /// The `queue` parameter's value.
    pub fn key(self) -> String {
        match self {
            Queue::Mine => "meine".into(),
            Queue::MyTeams => "teams".into(),
            Queue::Team(id) => format!("team-{id}"),
            Queue::Unassigned => "offen".into(),
            Queue::Overdue => "ueberfaellig".into(),
            Queue::All => "alle".into(),
        }
    }

    pub fn parse(key: &str) -> Option<Queue> {
        Some(match key.trim() {
            "meine" => Queue::Mine,
            "teams" => Queue::MyTeams,
            "offen" => Queue::Unassigned,
            "ueberfaellig" => Queue::Overdue,
            "alle" => Queue::All,
            other => Queue::Team(other.strip_prefix("team-")?.parse().ok()?),
        })
    }
}

/// Which statuses a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// Everything not closed — the default: what may still need work.
    Open,
    Any,
    Only(Status),
}

impl StatusFilter {
    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::Open => "",
            StatusFilter::Any => "alle",
            StatusFilter::Only(status) => status.key(),
        }
    }

    pub fn parse(key: &str) -> Option<StatusFilter> {
        match key.trim() {
            "" => Some(StatusFilter::Open),
            "alle" => Some(StatusFilter::Any),
            other => Status::parse(other).map(StatusFilter::Only),
        }
    }
}

/// A list's filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter {
    pub queue: Queue,
    pub status: StatusFilter,
    pub topic: Option<Topic>,
}

/// Who looks: their account and teams.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: i64,
    pub teams: Vec<i64>,
}

/// One line of a list (no message text, no attachment).
#[derive(Debug, Clone, FromQueryResult)]
pub struct Row {
    pub id: i64,
    pub reference: String,
    pub subject: String,
    pub sender_name: String,
    pub sender_type: String,
    pub topic: String,
    pub status: String,
    pub assignee_id: Option<i64>,
    pub team_id: Option<i64>,
    pub due_at: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Row {
    pub fn overdue(&self, now: i64) -> bool {
        is_overdue(&self.status, self.due_at, now)
    }
}

/// Whether an inquiry in `status` with `due_at` is overdue at `now`.
pub fn is_overdue(status: &str, due_at: i64, now: i64) -> bool {
    Status::parse(status).is_some_and(Status::awaits_agency) && due_at < now
}

fn waiting_keys() -> Vec<&'static str> {
    Status::ALL
        .iter()
        .filter(|s| s.awaits_agency())
        .map(|s| s.key())
        .collect()
}

fn overdue_condition(now: i64) -> Condition {
    Condition::all()
        .add(desk_inquiry::Column::Status.is_in(waiting_keys()))
        .add(desk_inquiry::Column::DueAt.lt(now))
}

fn condition(filter: &Filter, viewer: &Viewer, now: i64) -> Condition {
    let mut cond = Condition::all();
    cond = match filter.queue {
        Queue::Mine => cond.add(desk_inquiry::Column::AssigneeId.eq(viewer.user_id)),
        Queue::MyTeams => cond.add(desk_inquiry::Column::TeamId.is_in(viewer.teams.clone())),
        Queue::Team(id) => cond.add(desk_inquiry::Column::TeamId.eq(id)),
        Queue::Unassigned => cond.add(desk_inquiry::Column::AssigneeId.is_null()),
        Queue::Overdue => cond.add(overdue_condition(now)),
        Queue::All => cond,
    };
    cond = match filter.status {
        StatusFilter::Open => cond.add(desk_inquiry::Column::Status.ne(Status::Closed.key())),
        StatusFilter::Any => cond,
        StatusFilter::Only(status) => cond.add(desk_inquiry::Column::Status.eq(status.key())),
    };
    if let Some(topic) = filter.topic {
        cond = cond.add(desk_inquiry::Column::Topic.eq(topic.key()));
    }
    cond
}

/// One page of a queue (1-based) and the number of inquiries in it.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &Filter,
    viewer: &Viewer,
    now: i64,
    page: u64,
) -> Result<(Vec<Row>, u64), DbErr> {
    let waiting_first = CaseStatement::new()
        .case(
            desk_inquiry::Column::Status.is_in(waiting_keys()),
            Expr::val(0i32),
        )
        .finally(Expr::val(1i32));
    let query = desk_inquiry::Entity::find()
        .select_only()
        .columns([
            desk_inquiry::Column::Id,
            desk_inquiry::Column::Reference,
            desk_inquiry::Column::Subject,
            desk_inquiry::Column::SenderName,
            desk_inquiry::Column::SenderType,
            desk_inquiry::Column::Topic,
            desk_inquiry::Column::Status,
            desk_inquiry::Column::AssigneeId,
            desk_inquiry::Column::TeamId,
            desk_inquiry::Column::DueAt,
            desk_inquiry::Column::CreatedAt,
            desk_inquiry::Column::UpdatedAt,
        ])
        .filter(condition(filter, viewer, now));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by(Expr::expr(waiting_first), Order::Asc)
        .order_by_asc(desk_inquiry::Column::DueAt)
        .order_by_asc(desk_inquiry::Column::Id)
        .limit(PER_PAGE)
        .offset(page.saturating_sub(1) * PER_PAGE)
        .into_model::<Row>()
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Open (not closed) inquiries per team with the parts that make the
/// queue counts.
#[derive(Debug, Clone, FromQueryResult)]
struct TeamCounts {
    team_id: Option<i64>,
    total: i64,
    mine: i64,
    unassigned: i64,
    overdue: i64,
}

/// How many open inquiries each queue holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub mine: i64,
    pub my_teams: i64,
    /// (team id, count) for teams with open inquiries.
    pub teams: Vec<(i64, i64)>,
    pub unassigned: i64,
    pub overdue: i64,
    pub all: i64,
}

impl Counts {
    pub fn of(&self, queue: Queue) -> i64 {
        match queue {
            Queue::Mine => self.mine,
            Queue::MyTeams => self.my_teams,
            Queue::Team(id) => self
                .teams
                .iter()
                .find(|(t, _)| *t == id)
                .map_or(0, |(_, n)| *n),
            Queue::Unassigned => self.unassigned,
            Queue::Overdue => self.overdue,
            Queue::All => self.all,
        }
    }
}

/// The open inquiries of every queue, in one grouped query.
pub async fn counts<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    now: i64,
) -> Result<Counts, DbErr> {
    // COUNT of a CASE without ELSE counts the rows where the condition
    // holds; it is a BIGINT on both databases, unlike SUM.
    let count_if =
        |cond: Condition| Expr::expr(CaseStatement::new().case(cond, Expr::val(1i32))).count();
    let rows = desk_inquiry::Entity::find()
        .select_only()
        .column(desk_inquiry::Column::TeamId)
        .column_as(Expr::col(desk_inquiry::Column::Id).count(), "total")
        .column_as(
            count_if(Condition::all().add(desk_inquiry::Column::AssigneeId.eq(viewer.user_id))),
            "mine",
        )
        .column_as(
            count_if(Condition::all().add(desk_inquiry::Column::AssigneeId.is_null())),
            "unassigned",
        )
        .column_as(count_if(overdue_condition(now)), "overdue")
        .filter(desk_inquiry::Column::Status.ne(Status::Closed.key()))
        .group_by(desk_inquiry::Column::TeamId)
        .order_by(Expr::col(Alias::new("team_id")), Order::Asc)
        .into_model::<TeamCounts>()
        .all(db)
        .await?;
    let mut counts = Counts::default();
    for row in rows {
        counts.all += row.total;
        counts.mine += row.mine;
        counts.unassigned += row.unassigned;
        counts.overdue += row.overdue;
        if let Some(team) = row.team_id {
            counts.teams.push((team, row.total));
            if viewer.teams.contains(&team) {
                counts.my_teams += row.total;
            }
        }
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_and_status_keys_round_trip() {
        for queue in [
            Queue::Mine,
            Queue::MyTeams,
            Queue::Team(7),
            Queue::Unassigned,
            Queue::Overdue,
            Queue::All,
        ] {
            assert_eq!(Queue::parse(&queue.key()), Some(queue));
        }
        assert_eq!(Queue::parse("team-x"), None);
        assert_eq!(Queue::parse("irgendwas"), None);
        for status in [
            StatusFilter::Open,
            StatusFilter::Any,
            StatusFilter::Only(Status::AwaitingSender),
        ] {
            assert_eq!(StatusFilter::parse(status.key()), Some(status));
        }
        assert_eq!(StatusFilter::parse("erledigt"), None);
    }

    #[test]
    fn only_inquiries_waiting_for_the_agency_are_overdue() {
        assert!(is_overdue("neu", 100, 101));
        assert!(is_overdue("in_bearbeitung", 100, 101));
        assert!(!is_overdue("neu", 100, 100));
        assert!(!is_overdue("rueckfrage", 100, 101));
        assert!(!is_overdue("beantwortet", 100, 101));
        assert!(!is_overdue("geschlossen", 100, 101));
    }
}
