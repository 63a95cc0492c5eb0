//! Mail delivery by SMTP (against a small fake server on localhost): sent
//! mail is kept without the secrets of private links; old mail goes.

use std::sync::{Arc, Mutex};

use dias_core::config::Secret;
use dias_core::entities::mail;
use dias_core::mail::{Transport, deliver_pending, purge_old};
use dias_web::registry::Module;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::support::TestApp;

/// What the fake server received: one message (headers and body) per mail.
type Inbox = Arc<Mutex<Vec<String>>>;

/// A minimal SMTP server on a free local port that accepts every mail
/// (`accept`) or refuses every sender with a permanent error.
async fn fake_smtp(accept: bool) -> (u16, Inbox) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox: Inbox = Arc::default();
    let received = inbox.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let received = received.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 fake.test ESMTP\r\n").await.unwrap();
                while let Ok(Some(line)) = lines.next_line().await {
                    let command = line.to_ascii_uppercase();
                    let answer: &[u8] =
                        if command.starts_with("EHLO") || command.starts_with("HELO") {
                            b"250 fake.test\r\n"
                        } else if command.starts_with("MAIL FROM") && !accept {
                            b"550 5.7.1 refused\r\n"
                        } else if command.starts_with("DATA") {
                            write.write_all(b"354 go ahead\r\n").await.unwrap();
                            let mut message = String::new();
                            while let Ok(Some(data)) = lines.next_line().await {
                                if data == "." {
                                    break;
                                }
                                message.push_str(&data);
                                message.push('\n');
                            }
                            received.lock().unwrap().push(message);
                            b"250 2.0.0 queued\r\n"
                        } else if command.starts_with("QUIT") {
                            write.write_all(b"221 bye\r\n").await.unwrap();
                            return;
                        } else {
                            b"250 OK\r\n"
                        };
                    write.write_all(answer).await.unwrap();
                }
            });
        }
    });
    (port, inbox)
}

fn smtp_transport(app: &TestApp, port: u16) -> Transport {
    let mut config = (*app.state.config).clone();
    config.smtp_url = Some(Secret::new(format!("smtp://127.0.0.1:{port}")));
    config.dev_mail = false;
    Transport::from_config(&config).unwrap()
}

/// The app with a module whose private links live under `/anfragen/status/`
/// (as the inquiry module's), besides the shell's account links.
async fn app_with_private_links() -> TestApp {
    let mut module = Module::new("private-links");
    module.secret_paths = vec!["/anfragen/status/"];
    TestApp::with_modules(vec![module]).await
}

const STATUS_TOKEN: &str = "Qk3x_9-ZtStatusToken";
const CONFIRM_TOKEN: &str = "confirmTOKEN-77";

fn body_with_links(app: &TestApp) -> String {
    let url = &app.state.config.public_url;
    format!(
        "Guten Tag,\n\nIhr Vorgang: {url}/anfragen/status/{STATUS_TOKEN}\n\
         Konto: {url}/konto/bestaetigen/{CONFIRM_TOKEN}\n\nViele Gruesse\n"
    )
}

async fn stored(app: &TestApp, id: i64) -> mail::Model {
    mail::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn a_mail_sent_by_smtp_is_kept_without_its_link_tokens() {
    let app = app_with_private_links().await;
    let (port, inbox) = fake_smtp(true).await;
    let body = body_with_links(&app);
    let id = dias_core::mail::queue(&app.db, "person@example.org", "Ihr Vorgang", &body)
        .await
        .unwrap();
    let secret_paths = app.state.registry.secret_paths();
    let handled = deliver_pending(&app.db, &smtp_transport(&app, port), &secret_paths)
        .await
        .unwrap();
    assert_eq!(handled, 1);
    // The recipient got the working links …
    let inbox = inbox.lock().unwrap().clone();
    assert_eq!(inbox.len(), 1);
    assert!(inbox[0].contains(STATUS_TOKEN), "{}", inbox[0]);
    assert!(inbox[0].contains(CONFIRM_TOKEN), "{}", inbox[0]);
    // … the table keeps the mail without them.
    let kept = stored(&app, id).await;
    assert_eq!(kept.status, dias_core::mail::SENT);
    assert!(kept.sent_at.is_some());
    assert!(!kept.body_text.contains(STATUS_TOKEN), "{}", kept.body_text);
    assert!(
        !kept.body_text.contains(CONFIRM_TOKEN),
        "{}",
        kept.body_text
    );
    let url = &app.state.config.public_url;
    assert!(
        kept.body_text
            .contains(&format!("{url}/anfragen/status/…\n"))
    );
    assert!(
        kept.body_text
            .contains(&format!("{url}/konto/bestaetigen/…\n"))
    );
    assert!(kept.body_text.starts_with("Guten Tag,"));
}

#[tokio::test]
async fn a_mail_not_sent_keeps_its_links_for_the_next_attempt() {
    let app = app_with_private_links().await;
    let (port, inbox) = fake_smtp(false).await;
    let body = body_with_links(&app);
    let id = dias_core::mail::queue(&app.db, "person@example.org", "Ihr Vorgang", &body)
        .await
        .unwrap();
    let secret_paths = app.state.registry.secret_paths();
    deliver_pending(&app.db, &smtp_transport(&app, port), &secret_paths)
        .await
        .unwrap();
    assert!(inbox.lock().unwrap().is_empty());
    let kept = stored(&app, id).await;
    assert_eq!(kept.status, dias_core::mail::PENDING);
    assert!(kept.error.is_some());
    assert_eq!(kept.body_text, body);
}

#[tokio::test]
async fn the_development_mailbox_keeps_mails_whole() {
    let app = app_with_private_links().await;
    let body = body_with_links(&app);
    let id = dias_core::mail::queue(&app.db, "person@example.org", "Ihr Vorgang", &body)
        .await
        .unwrap();
    let secret_paths = app.state.registry.secret_paths();
    deliver_pending(&app.db, &Transport::Store, &secret_paths)
        .await
        .unwrap();
    let kept = stored(&app, id).await;
    assert_eq!(kept.status, dias_core::mail::STORED);
    assert_eq!(kept.body_text, body);
}

#[tokio::test]
async fn the_registry_names_every_modules_secret_paths() {
    let app = app_with_private_links().await;
    let paths = app.state.registry.secret_paths();
    for expected in [
        "/konto/bestaetigen/",
        "/konto/passwort-neu/",
        "/anfragen/status/",
    ] {
        assert!(paths.contains(&expected), "{paths:?}");
    }
}

#[tokio::test]
async fn sent_mail_older_than_90_days_is_deleted() {
    let app = TestApp::new().await;
    let now = dias_core::time::now();
    let day = 24 * 3600;
    let mut ids = Vec::new();
    // (status, created, sent, kept?)
    let cases = [
        (
            dias_core::mail::SENT,
            now - 100 * day,
            Some(now - 91 * day),
            false,
        ),
        (
            dias_core::mail::SENT,
            now - 100 * day,
            Some(now - 89 * day),
            true,
        ),
        (dias_core::mail::SENT, now - day, Some(now - day), true),
        (dias_core::mail::FAILED, now - 91 * day, None, false),
        (dias_core::mail::FAILED, now - 89 * day, None, true),
        (dias_core::mail::PENDING, now - 91 * day, None, true),
        (dias_core::mail::STORED, now - 91 * day, None, true),
    ];
    for (n, (status, created, sent, _)) in cases.iter().enumerate() {
        let id = dias_core::mail::queue(&app.db, "alt@example.org", &format!("Mail {n}"), "Text")
            .await
            .unwrap();
        mail::Entity::update_many()
            .col_expr(mail::Column::Status, Expr::value(*status))
            .col_expr(mail::Column::CreatedAt, Expr::value(*created))
            .col_expr(mail::Column::SentAt, Expr::value(*sent))
            .filter(mail::Column::Id.eq(id))
            .exec(&app.db)
            .await
            .unwrap();
        ids.push(id);
    }
    let deleted = purge_old(&app.db, now).await.unwrap();
    assert_eq!(deleted, 2);
    for (id, (status, _, _, kept)) in ids.iter().zip(cases.iter()) {
        let found = mail::Entity::find_by_id(*id).one(&app.db).await.unwrap();
        assert_eq!(found.is_some(), *kept, "mail {id} ({status})");
    }
}
