use super::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn input() -> ProjectInput {
    ProjectInput {
        name: "Gigabitprojekt Amtsberg".into(),
        area: "14521010".into(),
        federal: "500.000".into(),
        state: "400.000,00".into(),
        municipal: "100000".into(),
        eligible: "1.000.000".into(),
        addresses_planned: "420".into(),
        addresses_connected: "0".into(),
        ..ProjectInput::default()
    }
}

fn exists(area: &str) -> bool {
    matches!(area, "14521010" | "14521")
}

fn codes(errors: &FieldErrors) -> Vec<(&str, &str)> {
    errors
        .0
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect()
}

#[test]
fn stages_are_in_the_order_of_the_procedure_and_have_unique_slugs() {
    assert_eq!(Stage::ALL.len(), 12);
    assert_eq!(Stage::first(), Stage::Consultation);
    for (i, stage) in Stage::ALL.into_iter().enumerate() {
        assert_eq!(stage.index(), i);
        assert_eq!(Stage::from_slug(stage.slug()), Some(stage));
    }
    assert_eq!(Stage::FinalNotice.next(), Some(Stage::StateCofinancing));
    assert_eq!(Stage::ProofOfUse.next(), None);
    // Saxony's co-financing comes after the final federal notice.
    assert!(Stage::StateCofinancing > Stage::FinalNotice);
    assert!(Stage::StateCofinancing > Stage::ProvisionalNotice);
    assert_eq!(Stage::from_slug("gibt-es-nicht"), None);
}

#[test]
fn euros_parse_in_both_locales_and_refuse_the_rest() {
    assert_eq!(parse_euros("1.234.567,89", "de"), Some(123_456_789));
    assert_eq!(parse_euros("1234567,8", "de"), Some(123_456_780));
    assert_eq!(parse_euros("1 234 567", "de"), Some(123_456_700));
    assert_eq!(parse_euros("12 €", "de"), Some(1200));
    assert_eq!(parse_euros("", "de"), Some(0));
    assert_eq!(parse_euros("1,234,567.89", "en"), Some(123_456_789));
    assert_eq!(parse_euros("0.5", "en"), Some(50));
    for bad in [
        "-5", "1,234", "12,345,6", "1.23.4", "abc", "1,2,3", "1,", ".5",
    ] {
        // "1,234" has three decimals in German.
        assert_eq!(parse_euros(bad, "de"), None, "{bad}");
    }
    assert_eq!(
        parse_euros("1.5", "de"),
        None,
        "a dot between digits groups three"
    );
}

#[test]
fn euros_format_for_display_and_for_the_form() {
    assert_eq!(format_euros(123_456_789, "de"), "1.234.567,89\u{a0}€");
    assert_eq!(format_euros(5, "en"), "€0.05");
    assert_eq!(euros_input(123_456_789, "de"), "1234567,89");
    assert_eq!(
        parse_euros(&euros_input(987_654_321, "en"), "en"),
        Some(987_654_321)
    );
}

#[test]
fn a_complete_project_is_valid() {
    let valid = validate(&input(), "de", Stage::Consultation, exists).unwrap();
    assert_eq!(valid.amounts.federal, 50_000_000);
    assert_eq!(valid.amounts.state, 40_000_000);
    assert_eq!(valid.amounts.municipal, 10_000_000);
    assert_eq!(valid.amounts.eligible, 100_000_000);
    assert_eq!(valid.district_ags5, "14521");
    assert_eq!(valid.addresses_planned, 420);
    // Round trip through the form.
    let again = validate(
        &ProjectInput::from_valid(&valid, "de"),
        "de",
        Stage::Consultation,
        exists,
    )
    .unwrap();
    assert_eq!(again, valid);
}

#[test]
fn shares_never_exceed_the_eligible_costs() {
    let mut i = input();
    // Exactly the eligible costs is fine.
    assert!(validate(&i, "de", Stage::Consultation, exists).is_ok());
    i.municipal = "100.000,01".into();
    let errors = validate(&i, "de", Stage::Consultation, exists).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![("eligible", "broadband-projects-error-shares-exceed")]
    );
}

#[test]
fn saxony_co_finances_only_on_top_of_a_federal_grant() {
    let mut i = input();
    i.federal = "0".into();
    let errors = validate(&i, "de", Stage::Consultation, exists).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![("state", "broadband-projects-error-state-without-federal")]
    );
    i.state = "".into();
    assert!(validate(&i, "de", Stage::Consultation, exists).is_ok());
}

#[test]
fn amounts_are_non_negative_numbers() {
    let mut i = input();
    i.federal = "-1".into();
    i.municipal = "viel".into();
    let errors = validate(&i, "de", Stage::Consultation, exists).unwrap_err();
    assert!(codes(&errors).contains(&("federal", "broadband-projects-error-amount")));
    assert!(codes(&errors).contains(&("municipal", "broadband-projects-error-amount")));
    i = input();
    i.eligible = "999.999.999.999.999".into();
    let errors = validate(&i, "de", Stage::Consultation, exists).unwrap_err();
    assert!(codes(&errors).contains(&("eligible", "broadband-projects-error-amount-range")));
}

#[test]
fn connected_addresses_never_exceed_planned_ones() {
    let mut i = input();
    i.addresses_connected = "420".into();
    assert!(validate(&i, "de", Stage::Consultation, exists).is_ok());
    i.addresses_connected = "421".into();
    assert_eq!(
        codes(&validate(&i, "de", Stage::Consultation, exists).unwrap_err()),
        vec![(
            "addresses_connected",
            "broadband-projects-error-connected-exceeds"
        )]
    );
    i.addresses_connected = "-3".into();
    assert_eq!(
        codes(&validate(&i, "de", Stage::Consultation, exists).unwrap_err()),
        vec![(
            "addresses_connected",
            "broadband-projects-error-addresses-range"
        )]
    );
}

#[test]
fn name_area_and_model_are_checked() {
    let mut i = input();
    i.name = " ".into();
    i.area = "14999999".into();
    i.model = "irgendwas".into();
    let errors = validate(&i, "de", Stage::Consultation, exists).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![
            ("name", "error-required"),
            ("area", "broadband-projects-error-area"),
            ("model", "broadband-projects-error-model"),
        ]
    );
    i = input();
    i.area = "14521".into();
    i.model = "betreibermodell".into();
    let valid = validate(&i, "de", Stage::Consultation, exists).unwrap();
    assert!(is_kreis(&valid.area));
    assert_eq!(valid.model, Some(SelectionModel::Operator));
}

#[test]
fn planned_dates_are_real_dates_in_stage_order() {
    let mut i = input();
    i.planned[0] = "2026-01-10".into();
    i.planned[2] = "2026-03-01".into();
    i.planned[3] = "2026-02-28".into();
    i.planned[4] = "31.02.2026".into();
    let errors = validate(&i, "de", Stage::Consultation, exists).unwrap_err();
    assert_eq!(
        codes(&errors),
        vec![
            (
                "planned_foerderantrag",
                "broadband-projects-error-planned-order"
            ),
            (
                "planned_vorlaeufiger_bescheid",
                "broadband-projects-error-date"
            ),
        ]
    );
}

#[test]
fn a_stage_is_overdue_when_its_planned_date_passed_without_being_reached() {
    let mut planned = [None; 12];
    planned[Stage::MarketSurvey.index()] = Some(d("2026-03-01"));
    planned[Stage::Application.index()] = Some(d("2026-06-01"));
    let today = d("2026-04-01");
    assert_eq!(
        overdue(Stage::Consultation, &planned, today),
        vec![Stage::MarketSurvey]
    );
    // Reached: not overdue any more.
    assert!(overdue(Stage::MarketSurvey, &planned, today).is_empty());
    // The planned day itself is not yet overdue.
    assert!(overdue(Stage::Consultation, &planned, d("2026-03-01")).is_empty());
    assert_eq!(
        next_due(Stage::Consultation, &planned),
        Some(d("2026-03-01"))
    );
    assert_eq!(
        next_due(Stage::MarketSurvey, &planned),
        Some(d("2026-06-01"))
    );
    assert_eq!(next_due(Stage::Application, &planned), None);
    assert!(is_overdue(Some("2026-03-01"), today));
    assert!(!is_overdue(Some("2026-04-01"), today));
    assert!(!is_overdue(None, today));
}

fn change(to: &str, date: &str, note: &str) -> StageInput {
    StageInput {
        to: to.into(),
        date: date.into(),
        note: note.into(),
    }
}

#[test]
fn forward_is_one_stage_at_a_time_back_is_anywhere_with_a_note() {
    let today = d("2026-05-01");
    let at = Stage::MarketSurvey;
    assert_eq!(
        allowed_targets(at),
        vec![
            Stage::Consultation,
            Stage::PotentialAnalysis,
            Stage::Application
        ]
    );
    let ok = validate_stage_change(
        at,
        Some(d("2026-02-01")),
        StageFacts::default(),
        &change("foerderantrag", "2026-04-30", ""),
        today,
    )
    .unwrap();
    assert_eq!(ok.to, Stage::Application);
    assert!(!ok.is_back());
    let skip = validate_stage_change(
        at,
        None,
        StageFacts::default(),
        &change("vorlaeufiger-bescheid", "2026-04-30", "x"),
        today,
    )
    .unwrap_err();
    assert_eq!(
        codes(&skip),
        vec![("to", "broadband-projects-error-stage-step")]
    );
    let back_without_note = validate_stage_change(
        at,
        None,
        StageFacts::default(),
        &change("beratung", "2026-04-30", " "),
        today,
    )
    .unwrap_err();
    assert_eq!(
        codes(&back_without_note),
        vec![("note", "broadband-projects-error-note-back")]
    );
    let back = validate_stage_change(
        at,
        None,
        StageFacts::default(),
        &change("beratung", "2026-04-30", "Markterkundung wird wiederholt."),
        today,
    )
    .unwrap();
    assert!(back.is_back());
    let same = validate_stage_change(
        at,
        None,
        StageFacts::default(),
        &change("markterkundung", "2026-04-30", ""),
        today,
    )
    .unwrap_err();
    assert_eq!(
        codes(&same),
        vec![("to", "broadband-projects-error-stage-step")]
    );
}

#[test]
fn stage_dates_are_not_in_the_future_nor_before_the_current_stage() {
    let today = d("2026-05-01");
    let at = Stage::MarketSurvey;
    let future = validate_stage_change(
        at,
        None,
        StageFacts::default(),
        &change("foerderantrag", "2026-05-02", ""),
        today,
    )
    .unwrap_err();
    assert_eq!(
        codes(&future),
        vec![("date", "broadband-projects-error-date-future")]
    );
    let early = validate_stage_change(
        at,
        Some(d("2026-03-01")),
        StageFacts::default(),
        &change("foerderantrag", "2026-02-28", ""),
        today,
    )
    .unwrap_err();
    assert_eq!(
        codes(&early),
        vec![("date", "broadband-projects-error-date-before-current")]
    );
    let missing = validate_stage_change(
        at,
        None,
        StageFacts::default(),
        &change("foerderantrag", "", ""),
        today,
    )
    .unwrap_err();
    assert_eq!(codes(&missing), vec![("date", "error-required")]);
}

#[test]
fn leaving_the_selection_procedure_needs_the_model() {
    let today = d("2026-05-01");
    let refused = validate_stage_change(
        Stage::Selection,
        None,
        StageFacts::default(),
        &change("konkretisierung", "2026-05-01", ""),
        today,
    )
    .unwrap_err();
    assert_eq!(
        codes(&refused),
        vec![("to", "broadband-projects-error-model-first")]
    );
    assert!(
        validate_stage_change(
            Stage::Selection,
            None,
            StageFacts {
                model: Some(SelectionModel::ProfitabilityGap),
                federal: 0,
            },
            &change("konkretisierung", "2026-05-01", ""),
            today,
        )
        .is_ok()
    );
}

#[test]
fn going_back_clears_later_reached_dates_forward_sets_one() {
    let mut reached = [None; 12];
    reached[0] = Some(d("2026-01-01"));
    reached[1] = Some(d("2026-02-01"));
    reached[2] = Some(d("2026-03-01"));
    let back = StageChange {
        from: Stage::MarketSurvey,
        to: Stage::PotentialAnalysis,
        date: d("2026-04-01"),
        note: "x".into(),
    };
    let after = reached_after(&back, &reached);
    assert_eq!(after[1], Some(d("2026-02-01")));
    assert_eq!(after[2], None);
    let forward = StageChange {
        from: Stage::PotentialAnalysis,
        to: Stage::MarketSurvey,
        date: d("2026-04-15"),
        note: String::new(),
    };
    assert_eq!(reached_after(&forward, &after)[2], Some(d("2026-04-15")));
}

#[test]
fn edits_list_old_and_new_values_of_changed_fields_only() {
    let old = validate(&input(), "de", Stage::Consultation, exists).unwrap();
    let mut i = input();
    i.federal = "600.000".into();
    i.state = "300.000".into();
    i.planned[2] = "2026-09-01".into();
    let new = validate(&i, "de", Stage::Consultation, exists).unwrap();
    assert_eq!(
        changes(&old, &new),
        vec![
            Change {
                field: "federal".into(),
                old: "50000000".into(),
                new: "60000000".into()
            },
            Change {
                field: "state".into(),
                old: "40000000".into(),
                new: "30000000".into()
            },
            Change {
                field: "planned:markterkundung".into(),
                old: String::new(),
                new: "2026-09-01".into()
            },
        ]
    );
    assert!(changes(&old, &old).is_empty());
    assert_eq!(
        field_label("planned:markterkundung"),
        (
            "broadband-projects-stage-markterkundung".into(),
            FieldKind::Date
        )
    );
    assert_eq!(
        field_label("addresses_planned"),
        (
            "broadband-projects-field-addresses-planned".into(),
            FieldKind::Count
        )
    );
}

/// A minimal ZIP local header with one entry name and its data.
fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data) in entries {
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&[0u8; 22]);
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
    }
    out
}

#[test]
fn documents_are_recognised_by_their_bytes() {
    assert_eq!(sniff_document(b"%PDF-1.7\n..."), Some(DocumentKind::Pdf));
    let odt = zip_with(&[("mimetype", b"application/vnd.oasis.opendocument.text")]);
    assert_eq!(sniff_document(&odt), Some(DocumentKind::Odt));
    let ods = zip_with(&[(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    )]);
    assert_eq!(sniff_document(&ods), None);
    let docx = zip_with(&[("[Content_Types].xml", b"<x/>"), ("word/document.xml", b"")]);
    assert_eq!(sniff_document(&docx), Some(DocumentKind::Docx));
    let xlsx = zip_with(&[("[Content_Types].xml", b"<x/>"), ("xl/workbook.xml", b"")]);
    assert_eq!(sniff_document(&xlsx), Some(DocumentKind::Xlsx));
    assert_eq!(sniff_document(&zip_with(&[("a.exe", b"MZ")])), None);
    assert_eq!(
        sniff_document("ags8;adressen\n14521010;420\n".as_bytes()),
        Some(DocumentKind::Csv)
    );
    assert_eq!(sniff_document(b"<html><script>alert(1)</script>,"), None);
    assert_eq!(sniff_document(b"MZ\x90\x00\x03\x00,"), None);
    assert_eq!(sniff_document(b"nur ein Satz ohne Trenner"), None);
}

#[test]
fn a_document_whose_name_lies_about_its_type_is_refused() {
    let pdf = b"%PDF-1.4 test";
    let (kind, name) = validate_document("Bescheid 2026.PDF", pdf).unwrap();
    assert_eq!(kind, DocumentKind::Pdf);
    assert_eq!(name, "Bescheid 2026.PDF");
    let forged = validate_document("Bescheid.docx", pdf).unwrap_err();
    assert_eq!(
        codes(&forged),
        vec![("document", "broadband-projects-error-document-extension")]
    );
    let program = validate_document("Bescheid.pdf", b"MZ\x90\x00binary").unwrap_err();
    assert_eq!(
        codes(&program),
        vec![("document", "broadband-projects-error-document-type")]
    );
    assert_eq!(
        codes(&validate_document("leer.pdf", b"").unwrap_err()),
        vec![("document", "broadband-projects-error-document-missing")]
    );
    let mut big = b"%PDF-".to_vec();
    big.resize(MAX_DOCUMENT_BYTES + 1, b' ');
    assert_eq!(
        codes(&validate_document("gross.pdf", &big).unwrap_err()),
        vec![("document", "broadband-projects-error-document-size")]
    );
    assert_eq!(clean_filename("C:\\temp\\..\\\"böse\".pdf"), "böse.pdf");
    assert_eq!(clean_filename("../../etc/passwd"), "passwd");
    // A right-to-left override would show „rechnung\u{202e}fdp.exe“ as
    // „rechnungexe.pdf“; it is dropped. A long name keeps its extension,
    // so it is not refused as a type mismatch.
    assert_eq!(clean_filename("rechnung\u{202e}fdp.exe"), "rechnungfdp.exe");
    let long = clean_filename(&format!("{}.pdf", "x".repeat(5_000)));
    assert!(
        long.ends_with(".pdf") && long.chars().count() <= 120,
        "{long}"
    );
    let (_, stored) = validate_document(&format!("{}.pdf", "x".repeat(5_000)), b"%PDF-1.4\n")
        .expect("a long name is shortened, not refused");
    assert!(stored.ends_with(".pdf"));
}

#[test]
fn a_kreis_project_covers_all_its_gemeinden() {
    let of = |ags5: &str| {
        if ags5 == "14521" {
            vec!["14521010", "14521020"]
        } else {
            vec![]
        }
    };
    assert_eq!(
        area_municipalities("14521", of),
        vec!["14521010", "14521020"]
    );
    assert_eq!(area_municipalities("14521010", of), vec!["14521010"]);
}

#[test]
fn saxon_co_financing_needs_the_federal_grant_first() {
    let today = d("2026-05-01");
    let refused = validate_stage_change(
        Stage::FinalNotice,
        None,
        StageFacts {
            model: Some(SelectionModel::Operator),
            federal: 0,
        },
        &change("landes-kofinanzierung", "2026-05-01", ""),
        today,
    )
    .unwrap_err();
    assert_eq!(
        codes(&refused),
        vec![("to", "broadband-projects-error-cofinancing-first")]
    );
    let ok = validate_stage_change(
        Stage::FinalNotice,
        None,
        StageFacts {
            model: Some(SelectionModel::Operator),
            federal: 1,
        },
        &change("landes-kofinanzierung", "2026-05-01", ""),
        today,
    );
    assert!(ok.is_ok());
}

#[test]
fn an_edit_keeps_what_the_current_stage_was_reached_with() {
    // No model, no federal grant: fine before the selection procedure ends.
    let mut i = input();
    i.federal = String::new();
    i.state = String::new();
    for stage in [Stage::Consultation, Stage::Selection] {
        assert!(validate(&i, "de", stage, exists).is_ok(), "{stage:?}");
    }
    // After the selection procedure the model must stay.
    assert_eq!(
        codes(&validate(&i, "de", Stage::Concretisation, exists).unwrap_err()),
        vec![("model", "broadband-projects-error-model-kept")]
    );
    // From the state co-financing on, the federal grant must stay too.
    assert_eq!(
        codes(&validate(&i, "de", Stage::StateCofinancing, exists).unwrap_err()),
        vec![
            ("model", "broadband-projects-error-model-kept"),
            ("federal", "broadband-projects-error-federal-kept"),
        ]
    );
    i.model = "wirtschaftlichkeitsluecke".into();
    i.federal = "500.000".into();
    assert!(validate(&i, "de", Stage::ProofOfUse, exists).is_ok());
}
