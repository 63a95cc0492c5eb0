//! „Frage an die Digitalagentur“ on an actor's profile: a link to a new AI
//! inquiry that carries the profile, only when the Anfragen module is
//! registered.

use axum::http::StatusCode;
use dias_web::registry::Module;

use crate::helpers::insert_actor;
use crate::support::TestApp;

#[tokio::test]
async fn the_profile_offers_an_inquiry_only_with_the_anfragen_module() {
    let app = TestApp::with_modules(vec![dias_network::module()]).await;
    let actor = insert_actor(
        &app,
        "Elbtal Vision",
        "startup",
        &["bildverarbeitung"],
        &[],
        "14612000",
        "kleinst",
        "verified",
    )
    .await;
    let path = format!("/netzwerk/akteure/{}", actor.slug);
    let r = app.get(&path).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count("#network-profile-ask"), 0);
    assert_eq!(r.count("a[href^='/anfragen']"), 0);

    let app = TestApp::with_modules(vec![dias_network::module(), Module::new("anfragen")]).await;
    let actor = insert_actor(
        &app,
        "Elbtal Vision",
        "startup",
        &["bildverarbeitung"],
        &[],
        "14612000",
        "kleinst",
        "verified",
    )
    .await;
    let path = format!("/netzwerk/akteure/{}", actor.slug);
    let r = app.get(&path).await;
    assert_eq!(r.status, StatusCode::OK);
    let href = r.attr("#network-profile-ask a", "href").unwrap();
    assert_eq!(
        href,
        format!(
            "/anfragen/neu?thema=ki&kontext=%2Fnetzwerk%2Fakteure%2F{}",
            actor.slug
        )
    );
    assert_eq!(
        r.text("#network-profile-ask a"),
        "Frage an die Digitalagentur"
    );
    // Decoded, the context is the profile's own path.
    let query = href.split_once('?').map(|(_, q)| q).unwrap();
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap();
    assert_eq!(
        pairs,
        [
            ("thema".to_owned(), "ki".to_owned()),
            ("kontext".to_owned(), path.clone())
        ]
    );
}
