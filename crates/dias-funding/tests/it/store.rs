//! The store on the real database: records round-trip, every write moves
//! the change counter, and the pages follow it.

use dias_funding::store;
use dias_funding::vocab::Status;

use crate::helpers::{app, app_with_catalogue, catalogue, number};

#[tokio::test]
async fn offers_round_trip_through_the_table_and_move_the_counter() {
    let app = app().await;
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 0);
    let offers = catalogue();
    let today = dias_funding::today();
    let n = store::insert_many(&app.db, &offers, today, 1_000)
        .await
        .unwrap();
    assert_eq!(n, offers.len());
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 1);
    let all = store::all(&app.db).await.unwrap();
    assert_eq!(all.len(), offers.len());
    assert_eq!(
        all.iter().map(|s| &s.offer).collect::<Vec<_>>(),
        offers.iter().collect::<Vec<_>>(),
        "records come back as they went in, in insertion order"
    );
    let digi_z = store::by_slug(&app.db, "digi-z").await.unwrap().unwrap();
    assert_eq!(digi_z.offer, offers[0]);
    assert_eq!(digi_z.updated_at, 1_000);
    assert!(
        store::by_slug(&app.db, "gibt-es-nicht")
            .await
            .unwrap()
            .is_none()
    );
    let some = store::by_slugs(&app.db, &["digi-z".into(), "digi-d".into(), "nein".into()])
        .await
        .unwrap();
    assert_eq!(some.len(), 2);

    let mut changed = digi_z.offer.clone();
    changed.status = Status::Stopped;
    changed.status_note = "Antragstopp zum Test.".into();
    assert!(
        store::update(&app.db, &changed, today, 2_000)
            .await
            .unwrap()
    );
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 2);
    let again = store::by_slug(&app.db, "digi-z").await.unwrap().unwrap();
    assert_eq!(again.offer.status, Status::Stopped);
    assert_eq!((again.created_at, again.updated_at), (1_000, 2_000));
    let mut unknown = changed.clone();
    unknown.slug = "gibt-es-nicht".into();
    assert!(
        !store::update(&app.db, &unknown, today, 3_000)
            .await
            .unwrap()
    );
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 2);
}

#[tokio::test]
async fn the_search_page_follows_a_change_through_the_counter() {
    let app = app_with_catalogue().await;
    let before = app.get("/foerderung").await;
    let open = number(&before, "#funding-result-count");
    let mut digi_z = store::by_slug(&app.db, "digi-z")
        .await
        .unwrap()
        .unwrap()
        .offer;
    digi_z.status = Status::Stopped;
    digi_z.status_note = "Antragstopp zum Test.".into();
    store::update(
        &app.db,
        &digi_z,
        dias_funding::today(),
        dias_core::time::now(),
    )
    .await
    .unwrap();
    let after = app.get("/foerderung").await;
    assert_eq!(number(&after, "#funding-result-count"), open - 1);
}

#[tokio::test]
async fn the_demo_seeder_stores_the_catalogue() {
    let app = app().await;
    let module = dias_funding::module();
    let seed = module.demo.expect("the module seeds demo data");
    let summary = seed(
        &app.db,
        dias_web::registry::DemoEnv::new(dias_web::registry::Scale::Small, &app.state.config),
    )
    .await
    .unwrap();
    assert_eq!(summary, format!("{} Förderangebote", catalogue().len()));
    assert_eq!(store::all(&app.db).await.unwrap().len(), catalogue().len());
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 1);
}
