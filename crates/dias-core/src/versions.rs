//! Change counters (`data_versions`, migration m0013) for data that
//! instances cache in memory: [`bump`] in the writing transaction, [`get`]
//! before serving from the cache. A missing row reads as 0.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr};

fn table() -> Alias {
    Alias::new("data_versions")
}

/// Increments the counter of `name`; call it inside the transaction that
/// changes the data, so that the new value becomes visible with the change.
pub async fn bump<C: ConnectionTrait>(db: &C, name: &str) -> Result<(), DbErr> {
    let mut stmt = Query::insert();
    stmt.into_table(table())
        .columns([Alias::new("name"), Alias::new("version")])
        .values([name.into(), 1i64.into()])
        .map_err(|e| DbErr::Custom(e.to_string()))?
        .on_conflict(
            OnConflict::column(Alias::new("name"))
                .value(
                    Alias::new("version"),
                    Expr::col((table(), Alias::new("version"))).add(1),
                )
                .to_owned(),
        );
    db.execute(&stmt).await?;
    Ok(())
}

/// The current counter of `name`.
pub async fn get<C: ConnectionTrait>(db: &C, name: &str) -> Result<i64, DbErr> {
    let stmt = Query::select()
        .column(Alias::new("version"))
        .from(table())
        .and_where(Expr::col(Alias::new("name")).eq(name))
        .to_owned();
    Ok(match db.query_one(&stmt).await? {
        Some(row) => row.try_get::<i64>("", "version")?,
        None => 0,
    })
}
