//! The editorial workflow (Redaktion): versions and status log in the
//! store, and the staff pages.

use dias_funding::store::{self, Change};
use dias_funding::vocab::Status;

use crate::helpers::{app, catalogue};

#[tokio::test]
async fn save_creates_updates_and_leaves_unchanged_records_alone() {
    let app = app().await;
    let today = dias_funding::today();
    let offers = catalogue();
    let digi_z = offers[0].clone();

    let created = store::save(&app.db, &digi_z, None, "neu", today, 100)
        .await
        .unwrap();
    assert_eq!((created.change, created.version), (Change::Created, 1));
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 1);

    let again = store::save(&app.db, &digi_z, None, "nochmal", today, 200)
        .await
        .unwrap();
    assert_eq!(
        (again.id, again.change, again.version),
        (created.id, Change::Unchanged, 1)
    );
    assert_eq!(
        store::offers_version(&app.db).await.unwrap(),
        1,
        "nothing written"
    );

    let mut stopped = digi_z.clone();
    stopped.status = Status::Stopped;
    stopped.status_note = "Mittel ausgeschöpft.".into();
    let updated = store::save(&app.db, &stopped, Some(7), "Antragstopp", today, 300)
        .await
        .unwrap();
    assert_eq!(
        (updated.id, updated.change, updated.version),
        (created.id, Change::Updated, 2)
    );
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 2);
    let stored = store::by_slug(&app.db, "digi-z").await.unwrap().unwrap();
    assert_eq!(stored.offer, stopped);
    assert_eq!((stored.created_at, stored.updated_at), (100, 300));

    let history = store::versions(&app.db, created.id).await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|v| (v.version, v.author_id, v.note.as_str()))
            .collect::<Vec<_>>(),
        vec![(2, Some(7), "Antragstopp"), (1, None, "neu")],
        "newest first"
    );
    let v1 = store::version(&app.db, created.id, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(v1.offer, digi_z);
    let log = store::status_log(&app.db, created.id).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].from, log[0].to, log[0].note.as_str(), log[0].user_id),
        (Status::Open, Status::Stopped, "Antragstopp", Some(7))
    );

    let conflict = store::save_checked(&app.db, &digi_z, None, "alt", Some(1), today, 400)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!((conflict.expected, conflict.current), (1, 2));
    let ok = store::save_checked(&app.db, &digi_z, None, "zurück", Some(2), today, 400)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ok.version, 3);
}

#[tokio::test]
async fn save_many_handles_a_mixed_batch_in_few_queries() {
    let app = app().await;
    let today = dias_funding::today();
    let offers = catalogue();
    let (first, rest) = offers.split_at(10);
    store::insert_many(&app.db, first, today, 10).await.unwrap();
    let ids = store::all(&app.db).await.unwrap();
    assert!(
        store::versions(&app.db, ids[0].id).await.unwrap().len() == 1,
        "the demo insert writes version 1"
    );

    let mut batch: Vec<_> = offers.clone();
    batch[1].summary.push_str(" Ergänzt.");
    let saved = store::save_many(&app.db, &batch, Some(1), "Import", today, 20)
        .await
        .unwrap();
    assert_eq!(saved.len(), batch.len());
    assert_eq!(saved[0].change, Change::Unchanged);
    assert_eq!((saved[1].change, saved[1].version), (Change::Updated, 2));
    assert!(saved[10..].iter().all(|s| s.change == Change::Created));
    assert!(rest.len() + 10 == saved.len());
    assert_eq!(store::all(&app.db).await.unwrap().len(), offers.len());
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 2);

    let none = store::save_many(&app.db, &batch, None, "Import", today, 30)
        .await
        .unwrap();
    assert!(none.iter().all(|s| s.change == Change::Unchanged));
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 2);
}
