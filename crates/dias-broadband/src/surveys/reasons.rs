//! The engine and the checks give reasons as German text. Pages show
//! them in the reader's language: each known reason is recognised by its
//! fixed wording and becomes a message id `broadband-surveys-reason-*`
//! with the values it names. The engine has no machine-readable kind for
//! its reasons (yet), so this follows its wording; an unknown reason is
//! shown as it is.

use dias_web::Ctx;

/// A reason as a message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonMessage {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

fn msg(id: &'static str, args: Vec<(&'static str, String)>) -> Option<ReasonMessage> {
    Some(ReasonMessage { id, args })
}

/// `<field> <value> <rest>` with a known rest.
fn field_value<'a>(reason: &'a str, rest: &str) -> Option<(&'a str, &'a str)> {
    let head = reason.strip_suffix(rest)?;
    let (field, value) = head.split_once(' ')?;
    Some((field, value))
}

/// Recognises a reason of the engine (`dias_mev` input and evaluation) or
/// of the procedure's own checks.
pub fn classify(reason: &str) -> Option<ReasonMessage> {
    let r = reason.trim();
    match r {
        "mobil" => return msg("broadband-surveys-reason-mobile", vec![]),
        "kein Meilensteinplan" => return msg("broadband-surveys-reason-no-milestone-plan", vec![]),
        "außerhalb des Zeithorizonts" => {
            return msg("broadband-surveys-reason-beyond-horizon", vec![]);
        }
        "verspätet" => return msg("broadband-surveys-reason-late", vec![]),
        "operator fehlt" => return msg("broadband-surveys-reason-operator-missing", vec![]),
        "address_id fehlt" => return msg("broadband-surveys-reason-address-id-missing", vec![]),
        "Spaltenzuordnung fehlerhaft" => return msg("broadband-surveys-reason-columns", vec![]),
        "planned_date fehlt bei kind=planned" => {
            return msg("broadband-surveys-reason-planned-date-missing", vec![]);
        }
        _ => {}
    }
    if r.starts_with("sozioökonomischer Standort") {
        return msg("broadband-surveys-reason-socio-economic", vec![]);
    }
    if let Some(id) = r.strip_prefix("unbekannte address_id ") {
        return msg(
            "broadband-surveys-reason-unknown-address",
            vec![("value", id.to_owned())],
        );
    }
    if let Some(rest) = r.strip_prefix("unbekannte Technologie ") {
        let value = rest.split(" (erlaubt").next().unwrap_or(rest);
        return msg(
            "broadband-surveys-reason-unknown-technology",
            vec![("value", value.to_owned())],
        );
    }
    if let Some(rest) = r.strip_prefix("unbekannte Art ") {
        let value = rest.split(" (erlaubt").next().unwrap_or(rest);
        return msg(
            "broadband-surveys-reason-unknown-kind",
            vec![("value", value.to_owned())],
        );
    }
    if let Some(rest) = r.strip_prefix("unbekannte Nutzung ") {
        let value = rest.split(" (erlaubt").next().unwrap_or(rest);
        return msg(
            "broadband-surveys-reason-unknown-usage",
            vec![("value", value.to_owned())],
        );
    }
    if let Some(rest) = r.strip_prefix("Upload ")
        && let Some((up, rest)) = rest.split_once(" größer als Download ")
        && let Some((down, technology)) = rest.split_once(" bei ")
    {
        return msg(
            "broadband-surveys-reason-up-above-down",
            vec![
                ("up", up.to_owned()),
                ("down", down.to_owned()),
                ("technology", technology.to_owned()),
            ],
        );
    }
    if let Some(rest) = r.strip_prefix("milestone_plan ")
        && let Some(value) = rest.strip_suffix(" ist weder yes noch no")
    {
        return msg(
            "broadband-surveys-reason-milestone-plan",
            vec![("value", value.to_owned())],
        );
    }
    if let Some(rest) = r.strip_prefix("planned_date ") {
        if let Some(value) = rest.strip_suffix(" ist kein Datum JJJJ-MM-TT") {
            return msg(
                "broadband-surveys-reason-planned-date",
                vec![("value", value.to_owned())],
            );
        }
        if let Some((date, start)) = rest.split_once(" liegt vor dem Beginn der Markterkundung (") {
            return msg(
                "broadband-surveys-reason-planned-before-start",
                vec![
                    ("value", date.to_owned()),
                    ("start", start.trim_end_matches(')').to_owned()),
                ],
            );
        }
    }
    if let Some(rest) = r.strip_prefix("doppelte address_id ")
        && let Some((id, line)) = rest.split_once(" (wie Zeile ")
    {
        return msg(
            "broadband-surveys-reason-duplicate-address",
            vec![
                ("value", id.to_owned()),
                ("line", line.trim_end_matches(')').to_owned()),
            ],
        );
    }
    if let Some(line) = r.strip_prefix("doppelte Zeile (wie Zeile ") {
        return msg(
            "broadband-surveys-reason-duplicate-row",
            vec![("line", line.trim_end_matches(')').to_owned())],
        );
    }
    if let Some(ags) = r.strip_prefix("Adresse liegt außerhalb des Gebiets (AGS ") {
        return msg(
            "broadband-surveys-reason-outside-area",
            vec![("value", ags.trim_end_matches(')').to_owned())],
        );
    }
    if let Some(rest) = r.strip_prefix("operator ")
        && let Some((name, own)) = rest.split_once(" ist nicht das Unternehmen dieses Kontos (")
    {
        return msg(
            "broadband-surveys-reason-foreign-operator",
            vec![
                ("value", name.to_owned()),
                ("own", own.trim_end_matches(')').to_owned()),
            ],
        );
    }
    if let Some(rest) = r.strip_prefix("ags8 ")
        && let Some(value) = rest.strip_suffix(" ist kein achtstelliger Gemeindeschlüssel")
    {
        return msg(
            "broadband-surveys-reason-ags8",
            vec![("value", value.to_owned())],
        );
    }
    for (rest, id) in [
        (
            " ist größer als 100000",
            "broadband-surveys-reason-too-large",
        ),
        (" ist negativ", "broadband-surveys-reason-negative"),
        (
            " ist keine nicht-negative ganze Zahl",
            "broadband-surveys-reason-not-a-count",
        ),
        (
            " ist keine gültige Koordinate",
            "broadband-surveys-reason-coordinate",
        ),
        (" ist keine Zahl", "broadband-surveys-reason-not-a-number"),
    ] {
        if let Some((field, value)) = field_value(r, rest) {
            return msg(
                id,
                vec![("field", field.to_owned()), ("value", value.to_owned())],
            );
        }
    }
    None
}

/// Message ids [`classify`] can give (for the catalogue test).
pub const MESSAGE_IDS: [&str; 27] = [
    "broadband-surveys-reason-mobile",
    "broadband-surveys-reason-no-milestone-plan",
    "broadband-surveys-reason-beyond-horizon",
    "broadband-surveys-reason-late",
    "broadband-surveys-reason-operator-missing",
    "broadband-surveys-reason-address-id-missing",
    "broadband-surveys-reason-columns",
    "broadband-surveys-reason-planned-date-missing",
    "broadband-surveys-reason-socio-economic",
    "broadband-surveys-reason-unknown-address",
    "broadband-surveys-reason-unknown-technology",
    "broadband-surveys-reason-unknown-kind",
    "broadband-surveys-reason-unknown-usage",
    "broadband-surveys-reason-up-above-down",
    "broadband-surveys-reason-milestone-plan",
    "broadband-surveys-reason-planned-date",
    "broadband-surveys-reason-planned-before-start",
    "broadband-surveys-reason-duplicate-address",
    "broadband-surveys-reason-duplicate-row",
    "broadband-surveys-reason-outside-area",
    "broadband-surveys-reason-foreign-operator",
    "broadband-surveys-reason-ags8",
    "broadband-surveys-reason-too-large",
    "broadband-surveys-reason-negative",
    "broadband-surveys-reason-not-a-count",
    "broadband-surveys-reason-coordinate",
    "broadband-surveys-reason-not-a-number",
];

/// A reason in the reader's language. The evaluation's rejected rows of
/// uploads carry a prefix naming the upload
/// („Netz AG, Rückmeldung Version 2 (Zeile der hochgeladenen Datei): …“);
/// it is kept, the reason behind it translated.
pub fn show(ctx: &Ctx, reason: &str) -> String {
    const UPLOAD: &str = " (Zeile der hochgeladenen Datei): ";
    if let Some((head, inner)) = reason.split_once(UPLOAD)
        && let Some((operator, version)) = head.rsplit_once(", Rückmeldung Version ")
    {
        let args = [
            (
                "operator",
                dias_core::i18n::Value::from(operator.to_owned()),
            ),
            ("version", dias_core::i18n::Value::from(version.to_owned())),
            ("reason", dias_core::i18n::Value::from(show(ctx, inner))),
        ];
        return ctx
            .catalog
            .get_with(ctx.locale(), "broadband-surveys-reason-from-upload", &args);
    }
    match classify(reason) {
        Some(m) => {
            let args: Vec<(&str, dias_core::i18n::Value)> = m
                .args
                .into_iter()
                .map(|(k, v)| (k, dias_core::i18n::Value::from(v)))
                .collect();
            ctx.catalog.get_with(ctx.locale(), m.id, &args)
        }
        None => reason.to_owned(),
    }
}

/// A stored report with its reasons in the reader's language.
pub fn show_report(ctx: &Ctx, mut report: super::Report) -> super::Report {
    for row in &mut report.rows {
        row.reason = show(ctx, &row.reason);
    }
    report
}

/// `current`/`planned` of a response in the reader's language.
pub fn show_kind(ctx: &Ctx, kind: &str) -> String {
    match kind {
        "current" => ctx.t("broadband-surveys-kind-current"),
        "planned" => ctx.t("broadband-surveys-kind-planned"),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engines_reasons_are_recognised_with_their_values() {
        let cases = [
            ("mobil", "broadband-surveys-reason-mobile", vec![]),
            (
                "Upload 100 größer als Download 50 bei VDSL",
                "broadband-surveys-reason-up-above-down",
                vec!["100", "50", "VDSL"],
            ),
            (
                "unbekannte Technologie \"GLAS\" (erlaubt: FTTH, FTTB, HFC, VDSL, ADSL, 5G, LTE, SAT, OTHER)",
                "broadband-surveys-reason-unknown-technology",
                vec!["\"GLAS\""],
            ),
            (
                "down_mbps 200000 ist größer als 100000",
                "broadband-surveys-reason-too-large",
                vec!["down_mbps", "200000"],
            ),
            (
                "up_mbps \"x\" ist keine Zahl",
                "broadband-surveys-reason-not-a-number",
                vec!["up_mbps", "\"x\""],
            ),
            (
                "doppelte Zeile (wie Zeile 5)",
                "broadband-surveys-reason-duplicate-row",
                vec!["5"],
            ),
            (
                "planned_date 2025-01-01 liegt vor dem Beginn der Markterkundung (2026-01-05)",
                "broadband-surveys-reason-planned-before-start",
                vec!["2025-01-01", "2026-01-05"],
            ),
            (
                "Adresse liegt außerhalb des Gebiets (AGS 14521020)",
                "broadband-surveys-reason-outside-area",
                vec!["14521020"],
            ),
        ];
        for (reason, id, values) in cases {
            let m = classify(reason).unwrap_or_else(|| panic!("{reason}"));
            assert_eq!(m.id, id, "{reason}");
            let got: Vec<&str> = m.args.iter().map(|(_, v)| v.as_str()).collect();
            assert_eq!(got, values, "{reason}");
            assert!(MESSAGE_IDS.contains(&m.id));
        }
        assert_eq!(classify("etwas ganz anderes"), None);
    }

    #[test]
    fn the_engines_own_ignore_reasons_are_all_known() {
        use dias_mev::evaluate::IgnoreReason;
        for r in [
            IgnoreReason::Mobile,
            IgnoreReason::NoMilestonePlan,
            IgnoreReason::BeyondHorizon,
            IgnoreReason::SocioEconomic,
        ] {
            assert!(classify(r.as_str()).is_some(), "{}", r.as_str());
        }
    }
}
