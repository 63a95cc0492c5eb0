//! Surveys on the real router: staff create them from the plain-text
//! format, participants answer once (and may change) while the survey phase
//! is open, invalid answers come back with field errors, results appear for
//! everyone after closing, and the answers download as pseudonymous CSV.

use crate::support::TestApp;
use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::{survey, survey_answer, survey_response};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const QUESTIONS: &str = "einfach*: Wie oft nutzen Sie Online-Dienste?
- nie
- manchmal
- oft

mehrfach: Was hält Sie ab?
- Datenschutz
- Technik
- nichts

skala* 1-5: Wie zufrieden sind Sie?

matrix: Wie wichtig sind diese Ziele?
> Glasfaser
> Mobilfunk
- wichtig
- unwichtig

text: Was fehlt Ihnen?
";

use crate::flows::{Open, app, bare_process};

/// A published process whose current phase has the survey switch on or off.
async fn process_with(app: &TestApp, slug: &str, survey_open: bool) -> i64 {
    let open = Open {
        survey: survey_open,
        ..Open::default()
    };
    bare_process(app, slug, open, 10, false).await
}

/// Staff create the survey of [`QUESTIONS`]; returns its id and question ids.
async fn new_survey(app: &TestApp, slug: &str) -> (i64, Vec<i64>) {
    let r = app
        .post(
            &format!("/beteiligung/{slug}/umfragen/neu"),
            &[
                ("title", "Umfrage zur digitalen Verwaltung"),
                ("description", "Fünf kurze Fragen."),
                ("questions", QUESTIONS),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id: i64 = r
        .location()
        .trim_start_matches(&format!("/beteiligung/{slug}/umfragen/"))
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let s = dias_participation::surveys::get(&app.db, survey_process(app, id).await, id)
        .await
        .unwrap();
    (id, s.questions.iter().map(|q| q.id).collect())
}

async fn survey_process(app: &TestApp, id: i64) -> i64 {
    survey::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .process_id
}

async fn responses(app: &TestApp, id: i64) -> u64 {
    survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(id))
        .count(&app.db)
        .await
        .unwrap()
}

/// A complete answer set: q1 = `single`, q3 = `scale`, and the rest.
fn answers(q: &[i64], single: &'static str, scale: &'static str) -> Vec<(String, String)> {
    vec![
        (format!("q{}", q[0]), single.into()),
        (format!("q{}", q[1]), "0".into()),
        (format!("q{}", q[1]), "2".into()),
        (format!("q{}", q[2]), scale.into()),
        (format!("q{}-r0", q[3]), "0".into()),
        (format!("q{}-r1", q[3]), "1".into()),
        (format!("q{}", q[4]), "Ein Portal für alles".into()),
    ]
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[tokio::test]
async fn staff_create_surveys_and_format_errors_name_their_lines() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let bad = app
        .post(
            "/beteiligung/verfahren/umfragen/neu",
            &[
                ("title", "Kaputt"),
                (
                    "questions",
                    "einfach: Nur eine Antwort?\n- ja\nquiz: Was?\n- a",
                ),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("error-summary"));
    assert!(
        bad.body
            .contains("Zeile 1: Diese Frage braucht mindestens zwei"),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("Zeile 3: Unbekannte Fragenart"));
    assert!(bad.body.contains("quiz: Was?"), "the input is kept");
    assert_eq!(survey::Entity::find().count(&app.db).await.unwrap(), 0);

    let (id, questions) = new_survey(&app, "verfahren").await;
    assert_eq!(questions.len(), 5);
    app.forget_cookies();
    let page = app
        .get(&format!("/beteiligung/verfahren/umfragen/{id}"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Fünf kurze Fragen."));
    assert!(
        page.body.contains("/konto/anmelden"),
        "visitors are asked to sign in"
    );
    let list = app.get("/beteiligung/verfahren/umfragen").await;
    assert!(list.body.contains("Umfrage zur digitalen Verwaltung"));
}

#[tokio::test]
async fn answers_outside_the_survey_phase_are_refused_and_nothing_is_stored() {
    let app = app().await;
    process_with(&app, "verfahren", false).await;
    app.sign_in_as(Role::Staff).await;
    let (id, q) = new_survey(&app, "verfahren").await;
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let r = app
        .post(
            &format!("/beteiligung/verfahren/umfragen/{id}"),
            &pairs(&answers(&q, "1", "4")),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(responses(&app, id).await, 0);
    assert_eq!(
        survey_answer::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    let page = app
        .get(&format!("/beteiligung/verfahren/umfragen/{id}"))
        .await;
    assert_eq!(page.count("form.survey-form"), 0);
    assert!(page.body.contains("nicht geöffnet"));
}

#[tokio::test]
async fn invalid_answers_come_back_with_field_errors_and_the_input_kept() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let (id, q) = new_survey(&app, "verfahren").await;
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let text_field = format!("q{}", q[4]);
    let single_field = format!("q{}", q[0]);
    let scale_field = format!("q{}", q[2]);
    let multiple_field = format!("q{}", q[1]);
    // Required single choice missing, scale out of range, an option not in the list.
    let r = app
        .post(
            &format!("/beteiligung/verfahren/umfragen/{id}"),
            &[
                (scale_field.as_str(), "9"),
                (multiple_field.as_str(), "7"),
                (text_field.as_str(), "Bleibt stehen"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let summary = r.texts(".error-summary li a");
    assert_eq!(summary.len(), 3, "{summary:?}");
    for field in [&single_field, &multiple_field, &scale_field] {
        assert!(
            r.attr(&format!(r##".error-summary a[href="#{field}"]"##), "href")
                .is_some(),
            "summary links to {field}"
        );
        assert_eq!(
            r.count(&format!("#{field}")),
            1,
            "the link target {field} exists"
        );
    }
    assert!(r.body.contains("Bitte beantworten Sie diese Frage."));
    assert!(r.body.contains("Der Wert liegt außerhalb der Skala."));
    assert!(
        r.body
            .contains("Bitte wählen Sie eine der angebotenen Antworten.")
    );
    assert!(r.body.contains(">Bleibt stehen</textarea>"), "input kept");
    assert_eq!(responses(&app, id).await, 0, "nothing stored");

    // A value that is not a number, and two values for a single choice.
    let r = app
        .post(
            &format!("/beteiligung/verfahren/umfragen/{id}"),
            &[
                (single_field.as_str(), "0"),
                (single_field.as_str(), "1"),
                (scale_field.as_str(), "drei"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(responses(&app, id).await, 0);
}

#[tokio::test]
async fn one_answer_set_per_participant_and_a_second_submit_replaces_it() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let (id, q) = new_survey(&app, "verfahren").await;
    app.forget_cookies();
    let me = app.sign_in_as(Role::Participant).await;
    let first = app
        .post(
            &format!("/beteiligung/verfahren/umfragen/{id}"),
            &pairs(&answers(&q, "0", "2")),
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    assert!(first.location().contains("hinweis=umfrage-gespeichert"));
    let confirmed = app.get(first.location()).await;
    assert!(confirmed.body.contains("Ihre Antworten sind gespeichert"));
    assert!(
        confirmed.body.contains(r#"value="2" checked"#),
        "the stored answers are shown again"
    );
    let second = app
        .post(
            &format!("/beteiligung/verfahren/umfragen/{id}"),
            &pairs(&answers(&q, "2", "5")),
        )
        .await;
    assert_eq!(second.status, StatusCode::SEE_OTHER);
    assert_eq!(responses(&app, id).await, 1);
    let response = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(response.user_id, me);
    let stored = survey_answer::Entity::find()
        .filter(survey_answer::Column::ResponseId.eq(response.id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        stored.len(),
        7,
        "the earlier answers are replaced, not added"
    );
    let single = stored.iter().find(|a| a.question_id == q[0]).unwrap();
    assert_eq!(single.choice, Some(2));
    let scale = stored.iter().find(|a| a.question_id == q[2]).unwrap();
    assert_eq!(scale.choice, Some(5));
}

#[tokio::test]
async fn results_are_hidden_from_visitors_until_the_survey_is_closed() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    let staff_email = "redaktion@example.org";
    app.create_user(staff_email, Role::Staff).await;
    app.login(staff_email, None).await;
    let (id, q) = new_survey(&app, "verfahren").await;
    for (single, scale) in [("0", "5"), ("0", "4"), ("2", "5"), ("1", "5")] {
        app.forget_cookies();
        app.sign_in_as(Role::Participant).await;
        let r = app
            .post(
                &format!("/beteiligung/verfahren/umfragen/{id}"),
                &pairs(&answers(&q, single, scale)),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let results = format!("/beteiligung/verfahren/umfragen/{id}/ergebnisse");
    // A participant and a visitor see no numbers while it runs.
    let hidden = app.get(&results).await;
    assert_eq!(hidden.status, StatusCode::OK);
    assert_eq!(hidden.count(".survey-result"), 0);
    assert!(hidden.body.contains("sobald die Umfrage abgeschlossen ist"));
    app.forget_cookies();
    let hidden = app.get(&results).await;
    assert_eq!(hidden.count(".survey-result"), 0);
    assert!(!hidden.body.contains("Ein Portal für alles"));

    // Staff see interim results, then close the survey.
    app.login(staff_email, None).await;
    let interim = app.get(&results).await;
    assert_eq!(interim.count(".survey-result"), 5);
    assert!(
        interim.body.contains("Ein Portal für alles"),
        "staff read free texts"
    );
    let closed = app
        .post(
            &format!("/beteiligung/verfahren/umfragen/{id}/abschliessen"),
            &[],
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);

    app.forget_cookies();
    let public = app.get(&results).await;
    assert_eq!(public.count(".survey-result"), 5);
    assert!(public.body.contains("4 Personen haben geantwortet"));
    // Single choice: "nie" 2 of 4, "manchmal" 1, "oft" 1; shown in the chart and its table.
    assert!(public.body.contains("2 (50 %)"), "{}", public.body);
    assert!(public.body.contains("1 (25 %)"));
    // Scale: 5 three times of 4.
    assert!(public.body.contains("3 (75 %)"));
    // Multiple choice: options 0 and 2 by everyone.
    assert!(public.body.contains("4 (100 %)"));
    assert!(public.count("svg.chart__svg") >= 4);
    assert!(
        public.count("table.table") >= 4,
        "data tables beside the charts"
    );
    assert!(
        !public.body.contains("Ein Portal für alles"),
        "free texts stay internal"
    );

    // Closed: no more answers.
    app.sign_in_as(Role::Participant).await;
    let late = app
        .post(
            &format!("/beteiligung/verfahren/umfragen/{id}"),
            &pairs(&answers(&q, "1", "1")),
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(responses(&app, id).await, 4);
}

#[tokio::test]
async fn staff_download_pseudonymous_answers_and_participants_may_not() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    let staff_email = "redaktion@example.org";
    app.create_user(staff_email, Role::Staff).await;
    app.login(staff_email, None).await;
    let (id, q) = new_survey(&app, "verfahren").await;
    for _ in 0..2 {
        app.forget_cookies();
        app.sign_in_as(Role::Participant).await;
        app.post(
            &format!("/beteiligung/verfahren/umfragen/{id}"),
            &pairs(&answers(&q, "1", "3")),
        )
        .await;
    }
    let csv_path = format!("/beteiligung/verfahren/umfragen/{id}/antworten.csv");
    assert_eq!(app.get(&csv_path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/beteiligung/verfahren/umfragen/neu").await.status,
        StatusCode::FORBIDDEN
    );
    for (path, fields) in [
        (
            "/beteiligung/verfahren/umfragen/neu".to_owned(),
            vec![("title", "Gekapert"), ("questions", "text: Was?")],
        ),
        (
            format!("/beteiligung/verfahren/umfragen/{id}/abschliessen"),
            vec![],
        ),
    ] {
        assert_eq!(
            app.post(&path, &fields).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert_eq!(survey::Entity::find().count(&app.db).await.unwrap(), 1);
    assert!(
        survey::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .closed_at
            .is_none()
    );

    app.forget_cookies();
    app.login(staff_email, None).await;
    let csv = app.get(&csv_path).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header = reader.headers().unwrap().clone();
    // respondent, time, 4 questions + 2 matrix rows.
    assert_eq!(header.len(), 2 + 4 + 2);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "one row per answer set");
    assert!(rows.iter().all(|r| r[0].starts_with("R-")));
    assert_ne!(&rows[0][0], &rows[1][0]);
    assert_eq!(&rows[0][2], "manchmal");
    assert_eq!(&rows[0][3], "Datenschutz; nichts");
    assert_eq!(&rows[0][4], "3");
    assert_eq!(&rows[0][7], "Ein Portal für alles");
    assert!(!csv.body.contains("@example.org"));
}

#[tokio::test]
async fn survey_forms_refuse_requests_without_token() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let (id, q) = new_survey(&app, "verfahren").await;
    let source = include_str!("../../src/routes/surveys.rs");
    let routes = [
        "/beteiligung/verfahren/umfragen/neu".to_owned(),
        format!("/beteiligung/verfahren/umfragen/{id}"),
        format!("/beteiligung/verfahren/umfragen/{id}/abschliessen"),
        format!("/beteiligung/verfahren/umfragen/{id}/bearbeiten"),
    ];
    assert_eq!(source.matches("post(").count(), routes.len());
    let fields = answers(&q, "0", "3");
    let mut fields = pairs(&fields);
    fields.extend([("title", "Ohne Token"), ("questions", "text: Was?")]);
    for path in &routes {
        assert_eq!(
            app.post_raw(path, &fields).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert_eq!(survey::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(responses(&app, id).await, 0);
}

#[tokio::test]
async fn the_demo_survey_is_open_with_answer_sets() {
    let app = app().await;
    for i in 0..6 {
        app.create_user(&format!("teilnehmer{i}@example.org"), Role::Participant)
            .await;
    }
    app.create_user("redaktion@example.org", Role::Staff).await;
    let seeder = dias_participation::module().demo.unwrap();
    seeder(
        &app.db,
        dias_web::registry::DemoEnv::new(dias_web::registry::Scale::Small, &app.state.config),
    )
    .await
    .unwrap();
    let s = survey::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(responses(&app, s.id).await, 6);
    app.login("teilnehmer0@example.org", None).await;
    let page = app
        .get(&format!(
            "/beteiligung/digitalstrategie-sachsen/umfragen/{}",
            s.id
        ))
        .await;
    assert_eq!(page.count("form.survey-form"), 1, "the demo survey is open");
    assert!(
        page.body
            .contains("Sie haben an dieser Umfrage teilgenommen")
    );
}

#[tokio::test]
async fn staff_edit_questions_until_the_first_answer_then_only_title_and_description() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    let staff = app.sign_in_as(Role::Staff).await;
    let (id, _) = new_survey(&app, "verfahren").await;
    let edit = format!("/beteiligung/verfahren/umfragen/{id}/bearbeiten");
    // The form shows the stored questions in the plain-text format.
    let form = app.get(&edit).await;
    assert_eq!(form.status, StatusCode::OK);
    let shown = form.text("#questions");
    let (parsed, problems) = dias_participation::surveys::parse_questions(&shown);
    assert!(problems.is_empty());
    assert_eq!(parsed.len(), 5);

    // Without answers the questions may change.
    let before = survey::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .updated_at;
    let r = app
        .post(
            &edit,
            &[
                ("title", "Umfrage, korrigiert"),
                ("description", "Zwei Fragen."),
                (
                    "questions",
                    "einfach*: Nutzen Sie Online-Dienste?\n- ja\n- nein\n\ntext: Was fehlt?",
                ),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let s = dias_participation::surveys::get(&app.db, survey_process(&app, id).await, id)
        .await
        .unwrap();
    assert_eq!(s.survey.title, "Umfrage, korrigiert");
    assert_eq!(s.questions.len(), 2);
    let q: Vec<i64> = s.questions.iter().map(|q| q.id).collect();

    // A participant whose form was made before the edit is told to reload;
    // nothing is stored (the old fields name questions that are gone).
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let stale = before.to_string();
    let r = app
        .post(
            &format!("/beteiligung/verfahren/umfragen/{id}"),
            &[("fassung", stale.as_str()), ("q1", "0")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("gerade geändert"), "{}", r.body);
    assert_eq!(responses(&app, id).await, 0);
    // A participant answers.
    let r = app
        .post(
            &format!("/beteiligung/verfahren/umfragen/{id}"),
            &[
                (format!("q{}", q[0]).as_str(), "0"),
                (format!("q{}", q[1]).as_str(), "Nichts"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(responses(&app, id).await, 1);

    // Now the questions are fixed: refused with the input kept, nothing stored.
    app.forget_cookies();
    let email = dias_core::entities::user::Entity::find_by_id(staff)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .email
        .unwrap();
    app.login(&email, None).await;
    assert!(
        app.get(&edit)
            .await
            .body
            .contains("survey-questions-locked")
    );
    let changed =
        "einfach*: Nutzen Sie Online-Dienste?\n- ja\n- nein\n- manchmal\n\ntext: Was fehlt?";
    let r = app
        .post(
            &edit,
            &[
                ("title", "Neuer Titel"),
                ("description", ""),
                ("questions", changed),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    assert_eq!(r.text("#questions"), changed);
    let s = dias_participation::surveys::get(&app.db, survey_process(&app, id).await, id)
        .await
        .unwrap();
    assert_eq!(s.survey.title, "Umfrage, korrigiert", "nothing stored");
    assert_eq!(s.questions.iter().map(|q| q.id).collect::<Vec<_>>(), q);

    // The same questions with a new title are fine.
    let same = dias_participation::surveys::questions_text(&s.questions);
    let r = app
        .post(
            &edit,
            &[
                ("title", "Neuer Titel"),
                ("description", "Kurz."),
                ("questions", same.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let s = dias_participation::surveys::get(&app.db, survey_process(&app, id).await, id)
        .await
        .unwrap();
    assert_eq!(s.survey.title, "Neuer Titel");
    assert_eq!(s.questions.iter().map(|q| q.id).collect::<Vec<_>>(), q);
    assert_eq!(
        survey_answer::Entity::find()
            .filter(survey_answer::Column::SurveyId.eq(id))
            .count(&app.db)
            .await
            .unwrap(),
        2
    );

    // Participants may not edit.
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    assert_eq!(app.get(&edit).await.status, StatusCode::FORBIDDEN);
}
