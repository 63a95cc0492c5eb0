//! Demo data of the Anfragen module: the agency's teams with the demo
//! staff account and a few colleagues, which team answers which topic in
//! how many working days, about 25 inquiries of the last ten months in
//! every status (with assignments, internal notes, replies, answers of the
//! senders), answer templates and published FAQ entries. `Scale::Large`
//! adds a few thousand generated inquiries, inserted in bulk, for the
//! queues and the statistics.
//!
//! All people and organisations are invented; senders write from
//! `example.org`, the colleagues have addresses of the demo domain and no
//! password, so nobody can sign in with them.

use std::collections::HashMap;

use dias_core::crypto::{random_token, sha256_hex};
use dias_core::entities::user;
use dias_core::policy::Role;
use dias_web::registry::{DemoEnv, Scale};
use sea_orm::sea_query::{CaseStatement, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    QuerySelect, Set,
};
use serde_json::json;

use crate::calendar;
use crate::entities::{
    desk_event, desk_faq, desk_inquiry, desk_team, desk_team_member, desk_template, desk_topic,
};
use crate::store::{self, NewAttachment, NewInquiry};
use crate::vocab::{SenderType, Status, Topic, event};

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// Generated inquiries of `Scale::Large`.
const LARGE_COUNT: usize = 3_000;
/// Rows per bulk insert (well below the bind-parameter limits of SQLite
/// and PostgreSQL).
const BATCH: usize = 500;
/// Placeholder references of bulk rows until their id is known.
const BULK_PREFIX: &str = "tmp-demo-";

/// The agency staff of the demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Staff {
    /// Rita Redaktion, the demo staff account of `dias demo`, which can sign in.
    Rita,
    Bernd,
    Frieda,
    Konrad,
    Vera,
    Stefan,
}

const REDAKTION: &str = "redaktion@demo.dias.example";

/// Colleagues who fill the teams and queues; created without a password.
const COLLEAGUES: [(Staff, &str, &str); 5] = [
    (
        Staff::Bernd,
        "bernd.breitband@demo.dias.example",
        "Bernd Breitband (Demo)",
    ),
    (
        Staff::Frieda,
        "frieda.foerderlotse@demo.dias.example",
        "Frieda Förderlotse (Demo)",
    ),
    (
        Staff::Konrad,
        "konrad.ki@demo.dias.example",
        "Konrad KI-Netzwerk (Demo)",
    ),
    (
        Staff::Vera,
        "vera.verwaltung@demo.dias.example",
        "Vera Verwaltung (Demo)",
    ),
    (
        Staff::Stefan,
        "stefan.strategie@demo.dias.example",
        "Stefan Strategie (Demo)",
    ),
];

/// The teams along the agency's tasks; Rita works in all of them, so the
/// demo account sees every queue.
const TEAMS: [(&str, &[Staff]); 4] = [
    ("Breitband", &[Staff::Rita, Staff::Bernd]),
    ("Förderlotse", &[Staff::Rita, Staff::Frieda, Staff::Stefan]),
    ("KI-Netzwerk", &[Staff::Rita, Staff::Konrad]),
    (
        "Digitalstrategie & Verwaltung",
        &[Staff::Rita, Staff::Vera, Staff::Stefan],
    ),
];

/// Which team (index into [`TEAMS`]) answers a topic, and the target answer
/// time in working days: funding questions often hang on a deadline,
/// strategy questions need a consultation in the house.
const TOPICS: [(Topic, usize, i32); 6] = [
    (Topic::Broadband, 0, 5),
    (Topic::Funding, 1, 3),
    (Topic::Ai, 2, 5),
    (Topic::Strategy, 3, 10),
    (Topic::Administration, 3, 5),
    (Topic::Other, 3, 5),
];

fn team_of(topic: Topic) -> usize {
    TOPICS
        .iter()
        .find(|(t, _, _)| *t == topic)
        .map_or(3, |(_, team, _)| *team)
}

fn target_of(topic: Topic) -> u32 {
    TOPICS
        .iter()
        .find(|(t, _, _)| *t == topic)
        .map_or(5, |(_, _, days)| *days as u32)
}

/// One step in the life of a demo inquiry, `hours` after it arrived.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// The inquiry's staff member takes it and starts working on it.
    Assign(i64),
    /// Internal note, never shown to the sender.
    Note(i64, &'static str),
    /// Public reply that answers the question.
    Reply(i64, &'static str),
    /// Public reply that asks the sender something (Rückfrage).
    Ask(i64, &'static str),
    /// The sender writes through the status link.
    SenderReply(i64, &'static str),
    Close(i64),
}

impl Step {
    fn hours(self) -> i64 {
        match self {
            Step::Assign(h)
            | Step::Note(h, _)
            | Step::Reply(h, _)
            | Step::Ask(h, _)
            | Step::SenderReply(h, _)
            | Step::Close(h) => h,
        }
    }
}

struct DemoInquiry {
    days_ago: i64,
    topic: Topic,
    sender_type: SenderType,
    ags8: Option<&'static str>,
    name: &'static str,
    email: &'static str,
    subject: &'static str,
    message: &'static str,
    context: Option<&'static str>,
    /// A PDF sent along: file name and the line printed in it.
    attachment: Option<(&'static str, &'static str)>,
    /// Who works on it.
    staff: Staff,
    steps: &'static [Step],
}

const INQUIRIES: &[DemoInquiry] = &[
    // 0
    DemoInquiry {
        days_ago: 286,
        topic: Topic::Broadband,
        sender_type: SenderType::Municipality,
        ags8: Some("14521010"),
        name: "Kerstin Vogel (Demo)",
        email: "k.vogel@example.org",
        subject: "Markterkundungsverfahren: Ablauf und Fristen",
        message: "Sehr geehrte Damen und Herren,\n\nunser Gemeinderat möchte den Glasfaserausbau in den Ortsteilen Weißbach und Schlettau angehen. Bevor wir einen Förderantrag stellen können, müssen wir nach unserem Kenntnisstand ein Markterkundungsverfahren durchführen.\n\nWie läuft ein solches Verfahren ab, wie lange dauert es und welche Daten müssen wir dafür bereitstellen?\n\nMit freundlichen Grüßen\nKerstin Vogel\nBauamt",
        context: Some("/breitband/gemeinden/14521010"),
        attachment: None,
        staff: Staff::Bernd,
        steps: &[
            Step::Assign(2),
            Step::Note(
                3,
                "Amtsberg hat 2023 schon einmal erkundet – Ergebnis liegt im Lagebild, bitte in der Antwort darauf hinweisen.",
            ),
            Step::Reply(
                26,
                "Sehr geehrte Frau Vogel,\n\nvielen Dank für Ihre Anfrage. Im Markterkundungsverfahren fragen Sie die Netzbetreiber, welche Adressen sie in den nächsten drei Jahren eigenwirtschaftlich mit gigabitfähigen Anschlüssen versorgen wollen. Das Verfahren läuft mindestens acht Wochen.\n\nSie benötigen die Adresspunkte des Erkundungsgebiets und den heutigen Versorgungsstand. Über das Portal können Sie das Verfahren unter „Breitband“ anlegen; die Netzbetreiber antworten direkt dort, und das Ergebnis wird automatisch ausgewertet.\n\nGern beraten wir Sie auch telefonisch.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
            Step::SenderReply(
                50,
                "Vielen Dank, das hilft uns sehr. Wir melden uns, sobald der Gemeinderat entschieden hat.",
            ),
            Step::Close(52),
        ],
    },
    // 1
    DemoInquiry {
        days_ago: 41,
        topic: Topic::Broadband,
        sender_type: SenderType::Citizen,
        ags8: Some("14626110"),
        name: "Jens Hartmann (Demo)",
        email: "jens.hartmann@example.org",
        subject: "Wann kommt Glasfaser in unsere Straße?",
        message: "Hallo,\n\nin unserer Straße in Görlitz-Weinhübel haben wir nur 16 Mbit/s. Die Nachbarstraße wurde letztes Jahr mit Glasfaser erschlossen. Wissen Sie, wann wir an der Reihe sind?\n\nViele Grüße\nJens Hartmann",
        context: Some("/breitband/gemeinden/14626110"),
        attachment: None,
        staff: Staff::Bernd,
        steps: &[
            Step::Assign(5),
            Step::Reply(
                30,
                "Sehr geehrter Herr Hartmann,\n\ndie Digitalagentur baut selbst keine Netze. Ob und wann Ihre Straße angeschlossen wird, entscheiden der Netzbetreiber beim eigenwirtschaftlichen Ausbau oder die Stadt Görlitz bei einem geförderten Projekt.\n\nIm Portal sehen Sie unter „Breitband“ die Versorgung Ihrer Gemeinde und die laufenden Förderprojekte. Für Ihren Anschluss wenden Sie sich am besten an die Stadtverwaltung, die die Ausbauplanung kennt.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
        ],
    },
    // 2
    DemoInquiry {
        days_ago: 12,
        topic: Topic::Broadband,
        sender_type: SenderType::Company,
        ags8: Some("14730080"),
        name: "Thomas Berger (Demo)",
        email: "t.berger@example.org",
        subject: "Gewerbegebiet ohne gigabitfähigen Anschluss",
        message: "Guten Tag,\n\nwir sind ein Logistikunternehmen mit 60 Beschäftigten im Gewerbegebiet Doberschütz-Nord. Für unsere Lagerverwaltung brauchen wir eine symmetrische Verbindung von mindestens 500 Mbit/s, verfügbar sind aber nur 50 Mbit/s über Kupfer.\n\nGibt es Förderprogramme für die Erschließung von Gewerbegebieten, und wer wäre unser Ansprechpartner? Den Lageplan unseres Grundstücks habe ich angehängt.\n\nMit freundlichen Grüßen\nThomas Berger",
        context: None,
        attachment: Some((
            "Lageplan_Gewerbegebiet.pdf",
            "Lageplan Gewerbegebiet Doberschuetz-Nord (Demo)",
        )),
        staff: Staff::Bernd,
        steps: &[
            Step::Assign(20),
            Step::Note(
                22,
                "Gewerbegebiete sind im Gigabit-Förderaufruf förderfähig – mit der Gemeinde klären, ob sie schon ein Markterkundungsverfahren plant.",
            ),
        ],
    },
    // 3
    DemoInquiry {
        days_ago: 2,
        topic: Topic::Broadband,
        sender_type: SenderType::Municipality,
        ags8: Some("14523090"),
        name: "Sabine Köhler (Demo)",
        email: "s.koehler@example.org",
        subject: "Graue Flecken: Sind wir förderfähig?",
        message: "Sehr geehrte Damen und Herren,\n\nin Ellefeld sind die meisten Haushalte mit VDSL versorgt, einige Ortsteile aber nur mit 30 Mbit/s. Gehören diese Adressen zu den sogenannten grauen Flecken, und können wir für sie eine Förderung beantragen?\n\nMit freundlichen Grüßen\nSabine Köhler\nHauptamt",
        context: Some("/breitband/gemeinden/14523090"),
        attachment: None,
        staff: Staff::Bernd,
        steps: &[],
    },
    // 4
    DemoInquiry {
        days_ago: 21,
        topic: Topic::Broadband,
        sender_type: SenderType::Administration,
        ags8: None,
        name: "Dr. Martin Schulze (Demo)",
        email: "m.schulze@example.org",
        subject: "Datenlieferung für das Lagebild: Format der Adresspunkte",
        message: "Sehr geehrte Kolleginnen und Kollegen,\n\nder Landkreis möchte die Breitbandversorgung seiner Gemeinden für das Lagebild zuliefern. In welchem Format erwarten Sie die Adresspunkte, und gibt es eine Vorlage?\n\nMit freundlichen Grüßen\nMartin Schulze\nBreitbandkoordination des Landkreises",
        context: Some("/breitband/lagebild"),
        attachment: None,
        staff: Staff::Rita,
        steps: &[
            Step::Assign(4),
            Step::Ask(
                28,
                "Sehr geehrter Herr Dr. Schulze,\n\nvielen Dank für Ihr Angebot. Damit wir Ihnen die passende Vorlage schicken können: Liegen Ihnen die Adressen mit Koordinaten (Rechts- und Hochwert) vor oder nur als Anschrift? Und für welchen Stichtag gilt der Versorgungsstand?\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
        ],
    },
    // 5
    DemoInquiry {
        days_ago: 152,
        topic: Topic::Broadband,
        sender_type: SenderType::Association,
        ags8: Some("14628110"),
        name: "Uwe Neumann (Demo)",
        email: "vorstand.sv-beispiel@example.org",
        subject: "Kein Mobilfunkempfang auf unserem Sportgelände",
        message: "Guten Tag,\n\nauf dem Sportplatz unseres Vereins in Freital-Pesterwitz gibt es praktisch keinen Mobilfunkempfang. Bei Verletzungen können wir nicht einmal den Notruf zuverlässig erreichen. An wen können wir uns wenden?\n\nSportliche Grüße\nUwe Neumann, Vorstand",
        context: None,
        attachment: None,
        staff: Staff::Bernd,
        steps: &[
            Step::Assign(3),
            Step::Reply(
                40,
                "Sehr geehrter Herr Neumann,\n\nMobilfunklücken können Sie der Bundesnetzagentur über ihre Funkloch-App melden; die Meldungen fließen in die Versorgungsauflagen der Netzbetreiber ein. Außerdem fördert der Bund über die Mobilfunkinfrastrukturgesellschaft Standorte in unterversorgten Gebieten – sprechen Sie dazu bitte auch die Stadt Freital an, die einen Standort vorschlagen kann.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
            Step::Close(200),
        ],
    },
    // 6
    DemoInquiry {
        days_ago: 212,
        topic: Topic::Funding,
        sender_type: SenderType::Company,
        ags8: Some("14612000"),
        name: "Lena Krüger (Demo)",
        email: "lena.krueger@example.org",
        subject: "Zuschuss für einen Onlineshop unserer Tischlerei",
        message: "Sehr geehrte Damen und Herren,\n\nwir sind eine Tischlerei mit acht Beschäftigten und möchten einen Onlineshop mit Konfigurator für Maßmöbel aufbauen. Welche Förderung kommt dafür in Frage, und können wir schon vor dem Bescheid mit der Agentur beginnen?\n\nMit freundlichen Grüßen\nLena Krüger",
        context: Some("/foerderung/angebote/digi-z"),
        attachment: None,
        staff: Staff::Frieda,
        steps: &[
            Step::Assign(1),
            Step::Reply(
                20,
                "Sehr geehrte Frau Krüger,\n\nfür Ihr Vorhaben kommen Zuschüsse für die Digitalisierung kleiner und mittlerer Unternehmen in Frage; der Förderlotse im Portal zeigt Ihnen die passenden Programme mit ihren Bedingungen.\n\nWichtig: Bei fast allen Zuschussprogrammen dürfen Sie erst nach der Antragstellung mit dem Vorhaben beginnen – ein unterschriebener Vertrag mit der Agentur gilt bereits als Beginn. Warten Sie also mit der Beauftragung, bis der Antrag gestellt ist.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
            Step::SenderReply(45, "Danke! Dann stellen wir zuerst den Antrag."),
            Step::Close(47),
        ],
    },
    // 7
    DemoInquiry {
        days_ago: 63,
        topic: Topic::Funding,
        sender_type: SenderType::Association,
        ags8: Some("14713000"),
        name: "Miriam Schreiber (Demo)",
        email: "info.nachbarschaftstreff@example.org",
        subject: "Laptops für einen Computerkurs im Nachbarschaftstreff",
        message: "Liebes Team der Digitalagentur,\n\nunser Verein bietet in Leipzig-Grünau Computerkurse für ältere Menschen an. Unsere Geräte sind über zehn Jahre alt. Gibt es eine Förderung, mit der wir sechs Laptops und einen Beamer anschaffen können?\n\nHerzliche Grüße\nMiriam Schreiber",
        context: Some("/foerderung?berechtigte=verein"),
        attachment: None,
        staff: Staff::Frieda,
        steps: &[
            Step::Assign(2),
            Step::Reply(
                25,
                "Liebe Frau Schreiber,\n\nfür Vereine, die digitale Teilhabe fördern, gibt es mehrere Programme des Freistaats und von Stiftungen. Im Förderlotsen finden Sie sie, wenn Sie als Berechtigte „Vereine“ und als Bereich „Digitale Teilhabe“ wählen.\n\nAchten Sie darauf, ob Geräte allein gefördert werden oder nur im Rahmen eines Projekts mit Kursangebot – Ihr Kursprogramm ist dafür eine gute Grundlage.\n\nHerzliche Grüße\nIhre Digitalagentur Sachsen",
            ),
        ],
    },
    // 8
    DemoInquiry {
        days_ago: 14,
        topic: Topic::Funding,
        sender_type: SenderType::Municipality,
        ags8: Some("14625020"),
        name: "Andreas Wolf (Demo)",
        email: "a.wolf@example.org",
        subject: "Eigenanteil für ein Smart-City-Projekt",
        message: "Sehr geehrte Damen und Herren,\n\ndie Stadt plant gemeinsam mit zwei Nachbargemeinden eine Plattform für Parkraum- und Umweltdaten. Kann der kommunale Eigenanteil aus einem anderen Förderprogramm kofinanziert werden, und gibt es dafür Beispiele in Sachsen?\n\nMit freundlichen Grüßen\nAndreas Wolf\nStabsstelle Digitalisierung",
        context: None,
        attachment: None,
        staff: Staff::Stefan,
        steps: &[
            Step::Assign(6),
            Step::Note(
                7,
                "Kumulierung: Richtlinien der beiden Programme prüfen, ggf. beim Fördermittelgeber nachfragen.",
            ),
            Step::Note(
                50,
                "Rückruf beim Fördermittelgeber angefragt, Antwort steht noch aus.",
            ),
        ],
    },
    // 9
    DemoInquiry {
        days_ago: 121,
        topic: Topic::Funding,
        sender_type: SenderType::Research,
        ags8: Some("14511000"),
        name: "Prof. Dr. Ulrike Brandt (Demo)",
        email: "u.brandt@example.org",
        subject: "Transferprojekt mit kleinen Unternehmen: passende Programme",
        message: "Sehr geehrte Damen und Herren,\n\nunsere Professur möchte mit drei kleinen Unternehmen aus der Region ein Transferprojekt zur vorausschauenden Wartung durchführen. Welche Programme fördern solche Verbundprojekte zwischen Hochschule und KMU?\n\nMit freundlichen Grüßen\nUlrike Brandt",
        context: None,
        attachment: None,
        staff: Staff::Frieda,
        steps: &[
            Step::Assign(2),
            Step::Reply(
                30,
                "Sehr geehrte Frau Prof. Brandt,\n\nfür Verbundvorhaben von Hochschulen und Unternehmen gibt es Programme der Technologieförderung des Freistaats sowie des Bundes. Im Förderlotsen finden Sie sie unter dem Bereich „Forschung und Innovation“, gefiltert nach „Hochschulen“.\n\nGern vermitteln wir Ihnen auch Unternehmen aus dem KI-Netzwerk, die Partner für vorausschauende Wartung suchen.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
            Step::Close(300),
        ],
    },
    // 10
    DemoInquiry {
        days_ago: 0,
        topic: Topic::Funding,
        sender_type: SenderType::Company,
        ags8: Some("14729400"),
        name: "Robert Fuchs (Demo)",
        email: "r.fuchs@example.org",
        subject: "Förderaufruf verpasst – gibt es eine zweite Runde?",
        message: "Guten Tag,\n\nwir haben die Frist des letzten Förderaufrufs für Digitalisierungsprojekte knapp verpasst. Ist ein weiterer Aufruf geplant, und können wir uns dafür vormerken lassen?\n\nMit freundlichen Grüßen\nRobert Fuchs",
        context: Some("/foerderung/fristen"),
        attachment: None,
        staff: Staff::Frieda,
        steps: &[],
    },
    // 11
    DemoInquiry {
        days_ago: 97,
        topic: Topic::Funding,
        sender_type: SenderType::Citizen,
        ags8: None,
        name: "Petra Lorenz (Demo)",
        email: "petra.lorenz@example.org",
        subject: "Zuschuss für meinen Glasfaser-Hausanschluss?",
        message: "Hallo,\n\nder Netzbetreiber verlangt für den Glasfaseranschluss meines Einfamilienhauses 800 Euro. Gibt es dafür einen Zuschuss für Privatleute?\n\nMit freundlichen Grüßen\nPetra Lorenz",
        context: None,
        attachment: None,
        staff: Staff::Frieda,
        steps: &[
            Step::Assign(1),
            Step::Reply(
                18,
                "Sehr geehrte Frau Lorenz,\n\neinen Zuschuss für private Hausanschlüsse gibt es in Sachsen derzeit nicht. Gefördert wird der Ausbau durch die Kommunen in unterversorgten Gebieten; dort ist der Hausanschluss für Sie in der Regel kostenlos, wenn Sie ihn während des Ausbaus beauftragen.\n\nFragen Sie daher bei Ihrer Gemeinde nach, ob ein gefördertes Projekt geplant ist.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
            Step::Close(190),
        ],
    },
    // 12
    DemoInquiry {
        days_ago: 181,
        topic: Topic::Ai,
        sender_type: SenderType::Company,
        ags8: Some("14522080"),
        name: "Michael Günther (Demo)",
        email: "m.guenther@example.org",
        subject: "KI für die Qualitätsprüfung in unserer Fertigung",
        message: "Sehr geehrte Damen und Herren,\n\nwir stellen Gussteile her und prüfen die Oberflächen bisher von Hand. Wir würden gern eine kamerabasierte KI-Prüfung erproben, haben aber keine eigenen Fachleute. Können Sie uns Forschungseinrichtungen oder Unternehmen in Sachsen nennen, die so etwas umsetzen?\n\nMit freundlichen Grüßen\nMichael Günther\nLeitung Qualität",
        context: Some("/netzwerk/akteure/technische-universitaet-dresden"),
        attachment: None,
        staff: Staff::Konrad,
        steps: &[
            Step::Assign(4),
            Step::Reply(
                30,
                "Sehr geehrter Herr Günther,\n\nim KI-Netzwerk Sachsen sind mehrere Hochschulen und Unternehmen mit Erfahrung in industrieller Bildverarbeitung vertreten. Unter „Partner finden“ beschreiben Sie Ihren Bedarf in eigenen Worten und erhalten passende Akteure vorgeschlagen; über das Kontaktformular erreichen Sie diese direkt.\n\nGern laden wir Sie auch zu unserem nächsten Netzwerktreffen „KI in der Produktion“ ein.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
            Step::SenderReply(
                70,
                "Danke, wir haben zwei Institute angeschrieben und einen Termin vereinbart.",
            ),
            Step::Close(72),
        ],
    },
    // 13
    DemoInquiry {
        days_ago: 31,
        topic: Topic::Ai,
        sender_type: SenderType::Research,
        ags8: Some("14612000"),
        name: "Dr. Katrin Seidel (Demo)",
        email: "k.seidel@example.org",
        subject: "Aufnahme unseres Instituts in das KI-Netzwerk",
        message: "Sehr geehrte Damen und Herren,\n\nunser Forschungsinstitut arbeitet zu erklärbarer KI in der Medizin. Wie können wir Mitglied im KI-Netzwerk Sachsen werden, und entstehen dafür Kosten?\n\nMit freundlichen Grüßen\nKatrin Seidel",
        context: Some("/netzwerk"),
        attachment: None,
        staff: Staff::Konrad,
        steps: &[
            Step::Assign(3),
            Step::Reply(
                22,
                "Sehr geehrte Frau Dr. Seidel,\n\ndie Aufnahme in das KI-Netzwerk ist kostenfrei. Registrieren Sie Ihr Institut im Portal unter „KI-Netzwerk“ → „Organisation eintragen“; wir prüfen den Eintrag in der Regel innerhalb einer Woche und schalten das Profil dann frei.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
        ],
    },
    // 14
    DemoInquiry {
        days_ago: 3,
        topic: Topic::Ai,
        sender_type: SenderType::Association,
        ags8: Some("14713000"),
        name: "Felix Hoffmann (Demo)",
        email: "f.hoffmann@example.org",
        subject: "Workshop zu KI-Grundlagen für Ehrenamtliche",
        message: "Hallo,\n\nwir sind ein Dachverband von Sportvereinen und möchten unseren Ehrenamtlichen die Grundlagen von KI-Werkzeugen näherbringen, etwa für Vereinsnachrichten und Mitgliederverwaltung. Bietet die Digitalagentur dazu Workshops an oder kann jemanden vermitteln?\n\nViele Grüße\nFelix Hoffmann",
        context: None,
        attachment: None,
        staff: Staff::Konrad,
        steps: &[Step::Assign(5)],
    },
    // 15
    DemoInquiry {
        days_ago: 13,
        topic: Topic::Ai,
        sender_type: SenderType::Citizen,
        ags8: None,
        name: "Gerda Zimmermann (Demo)",
        email: "gerda.zimmermann@example.org",
        subject: "Was passiert mit meinen Daten im Chatbot der Behörde?",
        message: "Guten Tag,\n\nmeine Stadtverwaltung bietet jetzt einen Chatbot an. Werden meine Eingaben gespeichert oder zum Trainieren verwendet? Und kann ich stattdessen weiter anrufen?\n\nMit freundlichen Grüßen\nGerda Zimmermann",
        context: None,
        attachment: None,
        staff: Staff::Konrad,
        steps: &[],
    },
    // 16
    DemoInquiry {
        days_ago: 243,
        topic: Topic::Ai,
        sender_type: SenderType::Company,
        ags8: Some("14627010"),
        name: "Sandra Richter (Demo)",
        email: "s.richter@example.org",
        subject: "KI-Verordnung: Was müssen wir als kleiner Anbieter beachten?",
        message: "Sehr geehrte Damen und Herren,\n\nwir entwickeln eine Software, die Bewerbungen vorsortiert. Wir haben gehört, dass solche Systeme unter der europäischen KI-Verordnung als Hochrisiko gelten. Welche Pflichten kommen auf uns zu, und wo finden wir Unterstützung?\n\nMit freundlichen Grüßen\nSandra Richter",
        context: None,
        attachment: None,
        staff: Staff::Konrad,
        steps: &[
            Step::Assign(2),
            Step::Note(
                3,
                "Keine Rechtsberatung – auf Orientierung und Anlaufstellen beschränken.",
            ),
            Step::Reply(
                48,
                "Sehr geehrte Frau Richter,\n\nSysteme, die bei der Auswahl von Bewerberinnen und Bewerbern eingesetzt werden, zählen nach der KI-Verordnung zu den Hochrisiko-Anwendungen. Anbieter müssen unter anderem ein Risikomanagement einrichten, die Datenqualität dokumentieren, menschliche Aufsicht ermöglichen und eine Konformitätsbewertung durchführen. Die Pflichten gelten gestaffelt.\n\nEine Rechtsberatung können wir nicht leisten. Orientierung geben die Informationsangebote der Bundesnetzagentur; im KI-Netzwerk finden Sie außerdem Kanzleien und Beratungen mit Schwerpunkt KI-Recht.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
            Step::Close(260),
        ],
    },
    // 17
    DemoInquiry {
        days_ago: 262,
        topic: Topic::Strategy,
        sender_type: SenderType::Association,
        ags8: Some("14612000"),
        name: "Jonas Weber (Demo)",
        email: "jonas.weber@example.org",
        subject: "Wie können wir uns an der Fortschreibung der Digitalstrategie beteiligen?",
        message: "Hallo,\n\nunser Verein setzt sich für offene Daten in Sachsen ein. Wir würden gern Vorschläge zur Fortschreibung der Digitalstrategie einbringen. Geht das nur schriftlich, oder gibt es auch Veranstaltungen?\n\nViele Grüße\nJonas Weber",
        context: Some("/beteiligung/digitalstrategie-sachsen"),
        attachment: None,
        staff: Staff::Stefan,
        steps: &[
            Step::Assign(6),
            Step::Reply(
                70,
                "Hallo Herr Weber,\n\nwährend der Konsultation können Sie den Entwurf der Digitalstrategie im Portal Absatz für Absatz kommentieren, Änderungen vorschlagen und eigene Vorschläge einreichen, die andere unterstützen können. Zu jedem Vorschlag nimmt die Digitalagentur Stellung.\n\nZusätzlich stellen wir den Entwurf in Veranstaltungen in allen Landkreisen vor; die Termine stehen auf der Seite des Beteiligungsverfahrens.\n\nViele Grüße\nIhre Digitalagentur Sachsen",
            ),
            Step::Close(160),
        ],
    },
    // 18
    DemoInquiry {
        days_ago: 76,
        topic: Topic::Strategy,
        sender_type: SenderType::Research,
        ags8: Some("14713000"),
        name: "Dr. Tobias Lange (Demo)",
        email: "t.lange@example.org",
        subject: "Indikatoren der Digitalstrategie: Datengrundlage",
        message: "Sehr geehrte Damen und Herren,\n\nfür eine Studie zur digitalen Daseinsvorsorge interessieren uns die Indikatoren, mit denen der Fortschritt der Digitalstrategie gemessen wird. Sind die zugrunde liegenden Daten öffentlich verfügbar?\n\nMit freundlichen Grüßen\nTobias Lange",
        context: None,
        attachment: None,
        staff: Staff::Vera,
        steps: &[
            Step::Assign(4),
            Step::Reply(
                100,
                "Sehr geehrter Herr Dr. Lange,\n\ndie Daten zu Breitbandversorgung, Förderprogrammen und KI-Netzwerk stellen wir im Portal als offene Daten unter der Lizenz CC BY 4.0 bereit, jeweils mit Datenquelle und Stand. Weitere Indikatoren veröffentlicht das Statistische Landesamt.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
        ],
    },
    // 19
    DemoInquiry {
        days_ago: 4,
        topic: Topic::Strategy,
        sender_type: SenderType::Citizen,
        ags8: Some("14626110"),
        name: "Heike Braun (Demo)",
        email: "heike.braun@example.org",
        subject: "Was ist aus meinem Vorschlag zur Digitalstrategie geworden?",
        message: "Guten Tag,\n\nich habe im Frühjahr einen Vorschlag zu digitalen Sprechstunden in den Bürgerämtern eingereicht. Wie geht es damit weiter, und bekomme ich eine Rückmeldung?\n\nMit freundlichen Grüßen\nHeike Braun",
        context: Some("/beteiligung/digitalstrategie-sachsen/vorschlaege"),
        attachment: None,
        staff: Staff::Stefan,
        steps: &[Step::Assign(3)],
    },
    // 20
    DemoInquiry {
        days_ago: 198,
        topic: Topic::Administration,
        sender_type: SenderType::Municipality,
        ags8: Some("14523090"),
        name: "Sabine Köhler (Demo)",
        email: "s.koehler@example.org",
        subject: "Onlinezugangsgesetz: Welche Leistungen zuerst digitalisieren?",
        message: "Sehr geehrte Damen und Herren,\n\nunsere Gemeinde hat 2.800 Einwohner und eine kleine Verwaltung. Welche Verwaltungsleistungen sollten wir zuerst online anbieten, und müssen wir die Onlinedienste selbst entwickeln?\n\nMit freundlichen Grüßen\nSabine Köhler",
        context: None,
        attachment: None,
        staff: Staff::Vera,
        steps: &[
            Step::Assign(2),
            Step::Reply(
                36,
                "Sehr geehrte Frau Köhler,\n\nselbst entwickeln müssen Sie nichts: Für viele Leistungen gibt es Onlinedienste nach dem Prinzip „Einer für Alle“, die Kommunen über das Amt24-Portal des Freistaats nachnutzen können. Beginnen Sie mit den Leistungen, die Ihre Bürgerinnen und Bürger am häufigsten nachfragen – etwa Meldebescheinigungen, Gewerbeanzeigen und Anträge auf Parkausweise.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
            Step::Close(120),
        ],
    },
    // 21
    DemoInquiry {
        days_ago: 27,
        topic: Topic::Administration,
        sender_type: SenderType::Administration,
        ags8: None,
        name: "Claudia Meyer (Demo)",
        email: "c.meyer@example.org",
        subject: "Erfahrungsaustausch zur Einführung der E-Akte",
        message: "Sehr geehrte Damen und Herren,\n\nunser Landratsamt führt im kommenden Jahr die E-Akte ein. Gibt es einen Erfahrungsaustausch mit anderen Landkreisen, die schon weiter sind?\n\nMit freundlichen Grüßen\nClaudia Meyer\nOrganisationsamt",
        context: None,
        attachment: None,
        staff: Staff::Vera,
        steps: &[
            Step::Assign(3),
            Step::Ask(
                30,
                "Sehr geehrte Frau Meyer,\n\ngern bringen wir Sie mit anderen Landkreisen zusammen. Damit wir passende Ansprechpartner finden: Welches Dokumentenmanagementsystem setzen Sie ein, und geht es Ihnen eher um die technische Einführung oder um die Organisation der Arbeit?",
            ),
            Step::SenderReply(
                170,
                "Wir setzen das landesweit empfohlene System ein. Uns geht es vor allem um die Organisation: Scannen des Posteingangs und Schulung der Beschäftigten.",
            ),
        ],
    },
    // 22
    DemoInquiry {
        days_ago: 52,
        topic: Topic::Administration,
        sender_type: SenderType::Municipality,
        ags8: Some("14628110"),
        name: "Frank Schubert (Demo)",
        email: "f.schubert@example.org",
        subject: "Digitale Ratsarbeit: Erfahrungen anderer Kommunen",
        message: "Sehr geehrte Damen und Herren,\n\nunser Stadtrat möchte auf Papier-Sitzungsunterlagen verzichten. Welche Kommunen in Sachsen arbeiten schon mit einem digitalen Ratsinformationssystem und Tablets, und was ist bei der Einführung zu beachten?\n\nMit freundlichen Grüßen\nFrank Schubert\nBüro des Oberbürgermeisters",
        context: None,
        attachment: None,
        staff: Staff::Vera,
        steps: &[
            Step::Assign(2),
            Step::Reply(
                60,
                "Sehr geehrter Herr Schubert,\n\nviele sächsische Städte arbeiten bereits papierlos. Bewährt haben sich eine Testphase mit einem Ausschuss, Schulungen für die Ratsmitglieder und klare Regeln für vertrauliche Unterlagen. Gern vermitteln wir Ihnen Ansprechpartner aus zwei Städten vergleichbarer Größe.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
        ],
    },
    // 23
    DemoInquiry {
        days_ago: 104,
        topic: Topic::Other,
        sender_type: SenderType::Citizen,
        ags8: None,
        name: "Anna Beispiel",
        email: "buerger@demo.dias.example",
        subject: "Dokument im Portal mit dem Screenreader nicht lesbar",
        message: "Hallo,\n\ndas PDF mit den Ergebnissen der letzten Konsultation kann ich mit meinem Screenreader nicht lesen, es scheint nur aus Bildern zu bestehen. Gibt es eine barrierefreie Fassung?\n\nViele Grüße\nAnna Beispiel",
        context: Some("/barrierefreiheit"),
        attachment: None,
        staff: Staff::Rita,
        steps: &[
            Step::Assign(1),
            Step::Reply(
                20,
                "Hallo Frau Beispiel,\n\nvielen Dank für den Hinweis und entschuldigen Sie bitte die Barriere. Die Ergebnisse stehen jetzt zusätzlich als Webseite im Beteiligungsverfahren; das PDF ersetzen wir durch eine barrierefreie Fassung.\n\nViele Grüße\nIhre Digitalagentur Sachsen",
            ),
            Step::SenderReply(30, "Super, die Webseite kann ich gut lesen. Danke!"),
            Step::Close(31),
        ],
    },
    // 24
    DemoInquiry {
        days_ago: 301,
        topic: Topic::Other,
        sender_type: SenderType::Company,
        ags8: Some("14612000"),
        name: "Nadine Scholz (Demo)",
        email: "n.scholz@example.org",
        subject: "Vortrag der Digitalagentur auf unserem Unternehmertag",
        message: "Sehr geehrte Damen und Herren,\n\nwir richten im Frühjahr einen Unternehmertag für Handwerksbetriebe aus. Könnte jemand aus der Digitalagentur einen kurzen Vortrag zu Förderung und Beratungsangeboten halten?\n\nMit freundlichen Grüßen\nNadine Scholz",
        context: None,
        attachment: None,
        staff: Staff::Rita,
        steps: &[
            Step::Assign(8),
            Step::Ask(
                30,
                "Sehr geehrte Frau Scholz,\n\nvielen Dank für die Einladung. Nennen Sie uns bitte das Datum, den Ort und die erwartete Zahl der Teilnehmenden, dann prüfen wir, wer aus dem Team den Vortrag übernehmen kann.",
            ),
            Step::SenderReply(
                75,
                "Der Unternehmertag ist am 14. März in Dresden, wir erwarten etwa 80 Gäste.",
            ),
            Step::Reply(
                100,
                "Sehr geehrte Frau Scholz,\n\nwir sagen gern zu: Frieda Förderlotse stellt in 20 Minuten die Förderprogramme für kleine Betriebe und unsere Beratung vor. Die Einzelheiten stimmen wir per E-Mail ab.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen",
            ),
            Step::Close(101),
        ],
    },
];

struct DemoFaq {
    slug: &'static str,
    topic: Topic,
    question: &'static str,
    answer: &'static str,
    /// The demo inquiry (index into [`INQUIRIES`]) it was published from.
    from: Option<usize>,
}

const FAQS: &[DemoFaq] = &[
    DemoFaq {
        slug: "wie-laeuft-ein-markterkundungsverfahren-ab",
        topic: Topic::Broadband,
        question: "Wie läuft ein Markterkundungsverfahren ab?",
        answer: "Im **Markterkundungsverfahren** (MEV) fragt die Gemeinde die Netzbetreiber, welche Adressen sie in den nächsten drei Jahren ohne Förderung mit gigabitfähigen Anschlüssen versorgen wollen. Nur Adressen, für die kein eigenwirtschaftlicher Ausbau geplant ist, können gefördert werden.\n\n1. Die Gemeinde legt das Erkundungsgebiet mit seinen Adresspunkten und dem heutigen Versorgungsstand fest.\n2. Die Netzbetreiber haben mindestens acht Wochen Zeit zu antworten.\n3. Die Antworten werden je Adresse ausgewertet; das Ergebnis ist die Grundlage des Förderantrags.\n\nIm Portal legen Sie das Verfahren unter „Breitband“ an; die Netzbetreiber laden ihre Antworten dort hoch, und die Auswertung geschieht automatisch.",
        from: Some(0),
    },
    DemoFaq {
        slug: "gibt-es-zuschuesse-fuer-private-glasfaser-hausanschluesse",
        topic: Topic::Funding,
        question: "Gibt es Zuschüsse für private Glasfaser-Hausanschlüsse?",
        answer: "Einen Zuschuss für private Hausanschlüsse gibt es in Sachsen derzeit nicht. Gefördert wird der Ausbau durch die **Kommunen** in unterversorgten Gebieten. Dort ist der Hausanschluss in der Regel kostenlos, wenn Sie ihn während des Ausbaus beauftragen.\n\nFragen Sie bei Ihrer Gemeinde nach, ob ein gefördertes Projekt geplant ist. Den Stand der Förderprojekte sehen Sie im Portal unter „Breitband“.",
        from: Some(11),
    },
    DemoFaq {
        slug: "darf-ich-vor-dem-foerderbescheid-mit-dem-vorhaben-beginnen",
        topic: Topic::Funding,
        question: "Darf ich vor dem Förderbescheid mit meinem Vorhaben beginnen?",
        answer: "Bei fast allen Zuschussprogrammen dürfen Sie erst **nach der Antragstellung** beginnen; bei manchen erst nach dem Bescheid. Als Beginn gilt schon ein unterschriebener Liefer- oder Leistungsvertrag – Planungen und das Einholen von Angeboten sind dagegen erlaubt.\n\nWelche Regel für ein Programm gilt, steht im Förderlotsen bei jedem Angebot unter „Bedingungen“.",
        from: Some(6),
    },
    DemoFaq {
        slug: "wie-wird-meine-organisation-mitglied-im-ki-netzwerk",
        topic: Topic::Ai,
        question: "Wie wird meine Organisation Mitglied im KI-Netzwerk Sachsen?",
        answer: "Die Aufnahme ist **kostenfrei**. Registrieren Sie Ihre Organisation im Portal unter „KI-Netzwerk“ → „Organisation eintragen“ und beschreiben Sie Ihre Kompetenzen. Die Digitalagentur prüft den Eintrag, in der Regel innerhalb einer Woche, und schaltet das Profil dann frei.\n\nDanach erscheinen Sie im Verzeichnis und auf der Karte, werden bei „Partner finden“ vorgeschlagen und können Kooperationsgesuche und Veranstaltungen veröffentlichen.",
        from: Some(13),
    },
    DemoFaq {
        slug: "was-bedeutet-die-ki-verordnung-fuer-kleine-anbieter",
        topic: Topic::Ai,
        question: "Was bedeutet die europäische KI-Verordnung für kleine Anbieter?",
        answer: "Die KI-Verordnung teilt KI-Systeme nach ihrem Risiko ein. Für die meisten Anwendungen gelten nur Transparenzpflichten; für **Hochrisiko-Anwendungen** – etwa bei der Auswahl von Bewerbungen – müssen Anbieter unter anderem ein Risikomanagement einrichten, die Datenqualität dokumentieren, menschliche Aufsicht ermöglichen und eine Konformitätsbewertung durchführen.\n\nEine Rechtsberatung kann die Digitalagentur nicht leisten. Im KI-Netzwerk finden Sie Beratungen mit Schwerpunkt KI-Recht.",
        from: Some(16),
    },
    DemoFaq {
        slug: "wie-kann-ich-mich-an-der-digitalstrategie-beteiligen",
        topic: Topic::Strategy,
        question: "Wie kann ich mich an der Fortschreibung der Digitalstrategie beteiligen?",
        answer: "Während der Konsultation können alle Interessierten den Entwurf im Portal unter „Beteiligung“ **Absatz für Absatz kommentieren**, Änderungen vorschlagen und eigene Vorschläge einreichen, die andere unterstützen können. Ein Konto genügt; es ist kostenlos.\n\nDie Digitalagentur nimmt zu jedem Vorschlag Stellung. An jedem Beitrag sehen Sie später, ob und wie er in die überarbeitete Fassung eingeflossen ist.",
        from: Some(17),
    },
    DemoFaq {
        slug: "muessen-kommunen-onlinedienste-selbst-entwickeln",
        topic: Topic::Administration,
        question: "Müssen Kommunen ihre Onlinedienste selbst entwickeln?",
        answer: "Nein. Für viele Verwaltungsleistungen gibt es Onlinedienste nach dem Prinzip **„Einer für Alle“**, die Kommunen über das Amt24-Portal des Freistaats nachnutzen können. Beginnen Sie mit den Leistungen, die am häufigsten nachgefragt werden.\n\nDie Digitalagentur vermittelt gern den Austausch mit Kommunen, die einen Dienst schon eingeführt haben.",
        from: Some(20),
    },
    DemoFaq {
        slug: "baut-die-digitalagentur-selbst-glasfasernetze",
        topic: Topic::Broadband,
        question: "Baut die Digitalagentur selbst Glasfasernetze?",
        answer: "Nein. Netze bauen die **Netzbetreiber** – eigenwirtschaftlich oder im Auftrag der Kommunen, wenn der Ausbau gefördert wird. Die Digitalagentur berät Kommunen bei Markterkundung und Förderung und zeigt im Portal den Stand der Versorgung und der Förderprojekte.",
        from: None,
    },
];

/// Answer templates (Textbausteine); `None` = for every topic.
const TEMPLATES: &[(&str, Option<Topic>, &str)] = &[
    (
        "Eingangsbestätigung mit Bearbeitungszeit",
        None,
        "vielen Dank für Ihre Anfrage. Wir haben sie an das zuständige Team weitergegeben und melden uns innerhalb der angegebenen Bearbeitungszeit bei Ihnen.",
    ),
    (
        "Zuständigkeit: Netzausbau vor Ort",
        Some(Topic::Broadband),
        "die Digitalagentur baut selbst keine Netze. Ob und wann Ihre Adresse angeschlossen wird, entscheiden der Netzbetreiber beim eigenwirtschaftlichen Ausbau oder Ihre Gemeinde bei einem geförderten Projekt. Den Stand Ihrer Gemeinde sehen Sie im Portal unter „Breitband“.",
    ),
    (
        "Hinweis auf den Förderlotsen",
        Some(Topic::Funding),
        "im Förderlotsen des Portals finden Sie die Förderprogramme, die zu Ihrem Vorhaben passen, mit Fristen und Bedingungen. Bitte beachten Sie: Bei den meisten Zuschussprogrammen dürfen Sie erst nach der Antragstellung mit dem Vorhaben beginnen.",
    ),
    (
        "Partner im KI-Netzwerk finden",
        Some(Topic::Ai),
        "im KI-Netzwerk Sachsen finden Sie Hochschulen, Forschungseinrichtungen und Unternehmen mit passenden Kompetenzen. Unter „Partner finden“ beschreiben Sie Ihren Bedarf in eigenen Worten und erhalten Vorschläge; über das Kontaktformular erreichen Sie die Akteure direkt.",
    ),
    (
        "Keine Rechtsberatung",
        None,
        "bitte haben Sie Verständnis, dass wir keine Rechtsberatung leisten dürfen. Gern nennen wir Ihnen Anlaufstellen, die Sie in dieser Frage verbindlich beraten können.",
    ),
    (
        "Hinweis auf die Beteiligung",
        Some(Topic::Strategy),
        "Ihre Anregung passt gut zur Fortschreibung der Digitalstrategie. Während der Konsultation können Sie sie im Portal unter „Beteiligung“ als Vorschlag einreichen; die Digitalagentur nimmt zu jedem Vorschlag Stellung.",
    ),
];

fn db_err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

pub async fn seed(db: &DatabaseConnection, env: DemoEnv) -> Result<String, String> {
    let scale = env.scale;
    let now = dias_core::time::now();
    let staff = staff_accounts(db, now).await.map_err(db_err)?;
    let teams = teams(db, &staff, now).await.map_err(db_err)?;
    let seeded = inquiries(db, &env.secret_key, &staff, now).await?;
    let faqs = faqs(db, &staff, &seeded, now).await.map_err(db_err)?;
    templates(db, &staff, now).await.map_err(db_err)?;
    let generated = if scale == Scale::Large {
        generated(db, &env.secret_key, &teams, now)
            .await
            .map_err(db_err)?
    } else {
        0
    };
    Ok(format!(
        "{} Anfragen, {faqs} FAQ-Einträge, {} Textbausteine, {} Teams",
        seeded.len() + generated,
        TEMPLATES.len(),
        TEAMS.len()
    ))
}

/// The ids of the demo staff: Rita's account exists when `dias demo` runs
/// the seeders (a database without it simply has no Rita), the colleagues
/// are created here without a password.
async fn staff_accounts(db: &DatabaseConnection, now: i64) -> Result<HashMap<Staff, i64>, DbErr> {
    let mut ids = HashMap::new();
    if let Some(rita) = user::Entity::find()
        .filter(user::Column::Email.eq(REDAKTION))
        .one(db)
        .await?
    {
        ids.insert(Staff::Rita, rita.id);
    }
    for (who, email, name) in COLLEAGUES {
        let account = user::ActiveModel {
            email: Set(Some(email.to_owned())),
            display_name: Set(name.to_owned()),
            password_hash: Set(None),
            role: Set(Role::Staff.as_str().to_owned()),
            locale: Set("de".to_owned()),
            notify_frequency: Set("weekly".to_owned()),
            email_verified_at: Set(Some(now)),
            failed_logins: Set(0),
            created_at: Set(now - 400 * DAY),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        ids.insert(who, account.id);
    }
    Ok(ids)
}

/// Member ids of each team (same order as [`TEAMS`]), after storing teams,
/// members and topic settings.
async fn teams(
    db: &DatabaseConnection,
    staff: &HashMap<Staff, i64>,
    now: i64,
) -> Result<Vec<(i64, Vec<i64>)>, DbErr> {
    let mut out = Vec::new();
    for (name, members) in TEAMS {
        let team = desk_team::ActiveModel {
            name: Set(name.to_owned()),
            created_at: Set(now - 400 * DAY),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let ids: Vec<i64> = members
            .iter()
            .filter_map(|m| staff.get(m).copied())
            .collect();
        let rows = ids.iter().map(|user_id| desk_team_member::ActiveModel {
            team_id: Set(team.id),
            user_id: Set(*user_id),
            ..Default::default()
        });
        desk_team_member::Entity::insert_many(rows).exec(db).await?;
        out.push((team.id, ids));
    }
    let rows = TOPICS
        .iter()
        .map(|(topic, team, days)| desk_topic::ActiveModel {
            topic: Set(topic.key().to_owned()),
            team_id: Set(Some(out[*team].0)),
            target_days: Set(*days),
            updated_at: Set(now - 400 * DAY),
            ..Default::default()
        });
    desk_topic::Entity::insert_many(rows).exec(db).await?;
    Ok(out)
}

/// Who works on an inquiry: the named staff member, or when that account
/// is missing another member of the topic's team.
fn resolve(staff: &HashMap<Staff, i64>, who: Staff, topic: Topic) -> Option<i64> {
    staff.get(&who).copied().or_else(|| {
        TEAMS[team_of(topic)]
            .1
            .iter()
            .find_map(|m| staff.get(m).copied())
    })
}

fn event_row(
    inquiry_id: i64,
    kind: &str,
    author_id: Option<i64>,
    public: bool,
    body: &str,
    data: &str,
    at: i64,
) -> desk_event::ActiveModel {
    desk_event::ActiveModel {
        inquiry_id: Set(inquiry_id),
        kind: Set(kind.to_owned()),
        author_id: Set(author_id),
        public: Set(public),
        body: Set(body.to_owned()),
        data: Set(data.to_owned()),
        at: Set(at),
        ..Default::default()
    }
}

/// The history entry of a status change (public: the sender sees where
/// the inquiry stands), in the form `work::apply` writes it.
fn status_event(
    inquiry_id: i64,
    author_id: Option<i64>,
    from: Status,
    to: Status,
    at: i64,
) -> desk_event::ActiveModel {
    let data = json!({ "from": from.key(), "to": to.key() }).to_string();
    event_row(inquiry_id, event::STATUS, author_id, true, "", &data, at)
}

fn assigned_event(inquiry_id: i64, to: i64, at: i64) -> desk_event::ActiveModel {
    let data = json!({ "from": null, "to": to }).to_string();
    event_row(inquiry_id, event::ASSIGNED, Some(to), false, "", &data, at)
}

/// A public reply; it leaves the inquiry in `status` (no separate status entry).
fn reply_event(
    inquiry_id: i64,
    author_id: Option<i64>,
    text: &str,
    status: Status,
    at: i64,
) -> desk_event::ActiveModel {
    let data = json!({ "status": status.key() }).to_string();
    event_row(inquiry_id, event::REPLY, author_id, true, text, &data, at)
}

/// `hour`:`minute` Berlin time on the Berlin day of `unix`.
fn at_berlin(unix: i64, hour: i64, minute: i64) -> i64 {
    let zone = jiff::tz::TimeZone::get("Europe/Berlin").unwrap_or(jiff::tz::TimeZone::UTC);
    calendar::berlin_date(unix)
        .at(hour as i8, minute as i8, 0, 0)
        .to_zoned_datetime(zone)
        .map_or(unix, |z| z.timestamp().as_second())
}

/// The same time of day on the first working day from `unix` on.
fn next_working_day(unix: i64) -> i64 {
    let mut at = unix;
    while !calendar::is_working_day(calendar::berlin_date(at)) {
        at += DAY;
    }
    at
}

/// The hand-written inquiries with their histories; returns the id and
/// the time of the last change of each, in the order of [`INQUIRIES`].
async fn inquiries(
    db: &DatabaseConnection,
    secret_key: &[u8],
    staff: &HashMap<Staff, i64>,
    now: i64,
) -> Result<Vec<(i64, i64)>, String> {
    let anna = user::Entity::find()
        .filter(user::Column::Email.eq("buerger@demo.dias.example"))
        .one(db)
        .await
        .map_err(db_err)?
        .map(|u| u.id);
    let mut seeded = Vec::with_capacity(INQUIRIES.len());
    for (n, demo) in INQUIRIES.iter().enumerate() {
        // Sent some time between morning and evening of that day.
        let hour = 7 + (n as i64 * 5) % 12;
        let received =
            at_berlin(now - demo.days_ago * DAY, hour, (n as i64 * 17) % 60).min(now - 2 * HOUR);
        let new = NewInquiry {
            sender_type: demo.sender_type,
            topic: demo.topic,
            ags8: demo.ags8.map(str::to_owned),
            subject: demo.subject.to_owned(),
            message: demo.message.to_owned(),
            sender_name: demo.name.to_owned(),
            sender_email: demo.email.to_owned(),
            user_id: anna.filter(|_| demo.email == "buerger@demo.dias.example"),
            locale: "de".to_owned(),
            context_path: demo.context.map(str::to_owned),
            attachment: demo.attachment.map(|(filename, line)| NewAttachment {
                filename: filename.to_owned(),
                mime: "application/pdf".to_owned(),
                data: demo_pdf(line),
            }),
        };
        let (inquiry, _) = store::create(db, secret_key, new, received)
            .await
            .map_err(db_err)?;
        let worker = resolve(staff, demo.staff, demo.topic);
        let target = target_of(demo.topic);
        let mut status = Status::New;
        let mut assignee = None;
        let mut first_answer = None;
        let mut closed = None;
        let mut due = inquiry.due_at;
        let mut last = received;
        let mut events = Vec::new();
        let steps = demo.steps.len() as i64;
        for (i, step) in demo.steps.iter().enumerate() {
            // Staff work on working days; nothing happens in the future,
            // and every step comes after the previous one.
            let mut at = received + step.hours() * HOUR;
            if !matches!(step, Step::SenderReply(..)) {
                at = next_working_day(at);
            }
            let at = at.min(now - 60 * (steps - i as i64)).max(last + 60);
            last = at;
            match *step {
                Step::Assign(_) => {
                    assignee = worker;
                    if let Some(worker) = worker {
                        events.push(assigned_event(inquiry.id, worker, at));
                    }
                    if status == Status::New {
                        events.push(status_event(
                            inquiry.id,
                            worker,
                            status,
                            Status::InProgress,
                            at,
                        ));
                        status = Status::InProgress;
                    }
                }
                Step::Note(_, text) => {
                    events.push(event_row(
                        inquiry.id,
                        event::NOTE,
                        worker,
                        false,
                        text,
                        "{}",
                        at,
                    ));
                }
                Step::Reply(_, text) | Step::Ask(_, text) => {
                    status = if matches!(step, Step::Ask(..)) {
                        Status::AwaitingSender
                    } else {
                        Status::Answered
                    };
                    events.push(reply_event(inquiry.id, worker, text, status, at));
                    first_answer.get_or_insert(at);
                }
                Step::SenderReply(_, text) => {
                    events.push(event_row(
                        inquiry.id,
                        event::SENDER_REPLY,
                        None,
                        true,
                        text,
                        "",
                        at,
                    ));
                    // As `sender::reply`: an answer of the sender reopens
                    // the inquiry, and the target time runs again.
                    if !status.awaits_agency() {
                        events.push(status_event(
                            inquiry.id,
                            None,
                            status,
                            Status::InProgress,
                            at,
                        ));
                        status = Status::InProgress;
                        due = calendar::due_at(at, target);
                        closed = None;
                    }
                }
                Step::Close(_) => {
                    events.push(status_event(inquiry.id, worker, status, Status::Closed, at));
                    status = Status::Closed;
                    closed = Some(at);
                }
            }
        }
        if !events.is_empty() {
            desk_event::Entity::insert_many(events)
                .exec(db)
                .await
                .map_err(db_err)?;
        }
        let changes = demo.steps.len() as i32;
        let mut active: desk_inquiry::ActiveModel = inquiry.into();
        active.status = Set(status.key().to_owned());
        active.assignee_id = Set(assignee);
        active.first_answer_at = Set(first_answer);
        active.closed_at = Set(closed);
        active.due_at = Set(due);
        active.updated_at = Set(last);
        active.version = Set(1 + changes);
        let inquiry = active.update(db).await.map_err(db_err)?;
        seeded.push((inquiry.id, last));
    }
    Ok(seeded)
}

/// The published FAQ entries, in the order shown; returns how many.
async fn faqs(
    db: &DatabaseConnection,
    staff: &HashMap<Staff, i64>,
    seeded: &[(i64, i64)],
    now: i64,
) -> Result<usize, DbErr> {
    let rita = staff.get(&Staff::Rita).copied();
    for (position, demo) in FAQS.iter().enumerate() {
        let source = demo.from.and_then(|i| seeded.get(i));
        // Published a day after the inquiry's last step; written ones long ago.
        let published = source.map_or(now - 330 * DAY, |(_, last)| {
            (last + DAY).min(now - HOUR).max(*last)
        });
        let faq = desk_faq::ActiveModel {
            slug: Set(demo.slug.to_owned()),
            topic: Set(demo.topic.key().to_owned()),
            question: Set(demo.question.to_owned()),
            answer: Set(demo.answer.to_owned()),
            inquiry_id: Set(source.map(|(id, _)| *id)),
            published: Set(true),
            position: Set(position as i32 + 1),
            created_by: Set(rita),
            created_at: Set(published),
            updated_at: Set(published),
            published_at: Set(Some(published)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        if let Some((id, _)) = source {
            let data = json!({ "faq_id": faq.id, "slug": faq.slug }).to_string();
            event_row(*id, event::FAQ, rita, false, "", &data, published)
                .insert(db)
                .await?;
        }
    }
    Ok(FAQS.len())
}

async fn templates(
    db: &DatabaseConnection,
    staff: &HashMap<Staff, i64>,
    now: i64,
) -> Result<(), DbErr> {
    let rita = staff.get(&Staff::Rita).copied();
    let rows = TEMPLATES
        .iter()
        .map(|(title, topic, body)| desk_template::ActiveModel {
            title: Set((*title).to_owned()),
            topic: Set(topic.map(|t| t.key().to_owned())),
            body: Set((*body).to_owned()),
            created_by: Set(rita),
            created_at: Set(now - 300 * DAY),
            updated_at: Set(now - 300 * DAY),
            ..Default::default()
        });
    desk_template::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// A small deterministic generator (SplitMix64), so every large demo is
/// the same without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const GENERATED_SUBJECTS: [(Topic, &[&str]); 6] = [
    (
        Topic::Broadband,
        &[
            "Glasfaserausbau in unserem Ortsteil",
            "Frage zum Markterkundungsverfahren",
            "Versorgungsstand unserer Adresse",
            "Förderung für weiße Flecken",
            "Mobilfunkversorgung im Gewerbegebiet",
        ],
    ),
    (
        Topic::Funding,
        &[
            "Passendes Förderprogramm gesucht",
            "Frist eines Förderaufrufs",
            "Kombination zweier Förderprogramme",
            "Zuschuss für Software im Betrieb",
            "Förderung für ein Vereinsprojekt",
        ],
    ),
    (
        Topic::Ai,
        &[
            "Partner für ein KI-Projekt gesucht",
            "Aufnahme in das KI-Netzwerk",
            "Veranstaltung zu KI in der Produktion",
            "Fragen zur KI-Verordnung",
        ],
    ),
    (
        Topic::Strategy,
        &[
            "Vorschlag zur Digitalstrategie",
            "Stand der Umsetzung der Digitalstrategie",
            "Beteiligung unseres Verbands",
        ],
    ),
    (
        Topic::Administration,
        &[
            "Onlinedienste für unsere Gemeinde",
            "Erfahrungen mit der E-Akte",
            "Digitale Sitzungsunterlagen",
        ],
    ),
    (
        Topic::Other,
        &["Vortragsanfrage", "Hinweis zum Portal", "Presseanfrage"],
    ),
];

const GENERATED_REPLY: &str = "vielen Dank für Ihre Anfrage. Die Antwort finden Sie in den Informationen des Portals; für Rückfragen sind wir gern für Sie da.\n\nMit freundlichen Grüßen\nIhre Digitalagentur Sachsen";

const FIRST_NAMES: [&str; 12] = [
    "Anke", "Bernd", "Carola", "Dirk", "Elke", "Frank", "Grit", "Holger", "Ines", "Jörg", "Katja",
    "Lutz",
];
const LAST_NAMES: [&str; 10] = [
    "Arnold", "Böhme", "Colditz", "Dietrich", "Ebert", "Franke", "Gläser", "Haase", "Illgen",
    "Jentzsch",
];

struct Generated {
    row: desk_inquiry::ActiveModel,
    status: Status,
    assignee: Option<i64>,
    reply_at: Option<i64>,
    closed_at: Option<i64>,
}

/// `Scale::Large`: generated inquiries of the last eleven months, inserted
/// in batches with their histories; returns how many.
async fn generated(
    db: &DatabaseConnection,
    secret_key: &[u8],
    teams: &[(i64, Vec<i64>)],
    now: i64,
) -> Result<usize, DbErr> {
    let mut rng = Rng(2026);
    let topic_weights = [
        (Topic::Broadband, 30),
        (Topic::Funding, 30),
        (Topic::Ai, 15),
        (Topic::Strategy, 8),
        (Topic::Administration, 12),
        (Topic::Other, 5),
    ];
    let municipalities = &dias_core::reference::cached().municipalities;
    let mut items = Vec::with_capacity(LARGE_COUNT);
    for n in 0..LARGE_COUNT {
        let mut roll = rng.below(100);
        let topic = topic_weights
            .iter()
            .find(|(_, weight)| {
                let hit = roll < *weight;
                roll = roll.saturating_sub(*weight);
                hit
            })
            .map_or(Topic::Other, |(t, _)| *t);
        let sender = *rng.pick(SenderType::ALL);
        let days_ago = rng.below(330) as i64;
        let received = now - days_ago * DAY - rng.below(8) as i64 * HOUR - 3 * HOUR;
        let target = target_of(topic);
        let (team_id, members) = &teams[team_of(topic)];
        // Older inquiries are mostly done; recent ones spread over every status.
        let status = if days_ago > 30 {
            if rng.below(10) < 9 {
                Status::Closed
            } else {
                Status::Answered
            }
        } else {
            *rng.pick(Status::ALL)
        };
        let assignee = (status != Status::New && !members.is_empty()).then(|| *rng.pick(members));
        let answered = matches!(
            status,
            Status::Answered | Status::Closed | Status::AwaitingSender
        );
        // Most answers within the target, some late.
        let reply_at = answered.then(|| {
            let hours = 2 + rng.below(u64::from(target) * 24 * 2) as i64;
            (received + hours * HOUR).min(now - 2 * 60)
        });
        let closed_at = (status == Status::Closed).then(|| {
            let after = reply_at.unwrap_or(received) + (1 + rng.below(10) as i64) * DAY;
            after.min(now - 60)
        });
        let subjects = GENERATED_SUBJECTS
            .iter()
            .find(|(t, _)| *t == topic)
            .map_or(&[][..], |(_, s)| *s);
        let subject = if subjects.is_empty() {
            "Anfrage".to_owned()
        } else {
            rng.pick(subjects).to_string()
        };
        let ags8 = (matches!(sender, SenderType::Municipality) || rng.below(2) == 0)
            .then(|| rng.pick(municipalities).ags8.clone());
        let first = rng.pick(&FIRST_NAMES);
        let last = rng.pick(&LAST_NAMES);
        let updated = closed_at.or(reply_at).unwrap_or(received);
        let salt = random_token();
        let token = store::token_from_salt(secret_key, &salt);
        let row = desk_inquiry::ActiveModel {
            reference: Set(format!("{BULK_PREFIX}{n}")),
            token_salt: Set(Some(salt)),
            token_hash: Set(Some(sha256_hex(&token))),
            sender_type: Set(sender.key().to_owned()),
            topic: Set(topic.key().to_owned()),
            ags8: Set(ags8),
            subject: Set(subject.clone()),
            message: Set(format!(
                "Guten Tag,\n\nwir haben eine Frage zum Thema „{subject}“. Können Sie uns weiterhelfen?\n\nMit freundlichen Grüßen\n{first} {last}"
            )),
            sender_name: Set(format!("{first} {last} (Demo)")),
            sender_email: Set(format!("anfrage{n}@example.org")),
            user_id: Set(None),
            locale: Set("de".to_owned()),
            status: Set(status.key().to_owned()),
            assignee_id: Set(assignee),
            team_id: Set(Some(*team_id)),
            context_path: Set(None),
            due_at: Set(calendar::due_at(received, target)),
            created_at: Set(received),
            updated_at: Set(updated),
            first_answer_at: Set(reply_at),
            closed_at: Set(closed_at),
            anonymized_at: Set(None),
            version: Set(1),
            ..Default::default()
        };
        items.push(Generated {
            row,
            status,
            assignee,
            reply_at,
            closed_at,
        });
    }

    let txn = dias_core::db::begin_write(db).await?;
    for chunk in items.chunks(BATCH) {
        desk_inquiry::Entity::insert_many(chunk.iter().map(|g| g.row.clone()))
            .exec(&txn)
            .await?;
    }
    // Now that the ids are known: the references, and the histories.
    let inserted: Vec<(i64, String, i64)> = desk_inquiry::Entity::find()
        .select_only()
        .columns([
            desk_inquiry::Column::Id,
            desk_inquiry::Column::Reference,
            desk_inquiry::Column::CreatedAt,
        ])
        .filter(desk_inquiry::Column::Reference.starts_with(BULK_PREFIX))
        .into_tuple()
        .all(&txn)
        .await?;
    for chunk in inserted.chunks(BATCH) {
        let mut case = CaseStatement::new();
        for (id, _, created) in chunk {
            let year = calendar::berlin_date(*created).year();
            case = case.case(
                desk_inquiry::Column::Id.eq(*id),
                Expr::val(store::reference(year, *id)),
            );
        }
        desk_inquiry::Entity::update_many()
            .col_expr(
                desk_inquiry::Column::Reference,
                case.finally(Expr::col(desk_inquiry::Column::Reference))
                    .into(),
            )
            .filter(desk_inquiry::Column::Id.is_in(chunk.iter().map(|(id, _, _)| *id)))
            .exec(&txn)
            .await?;
    }
    let mut events = Vec::new();
    for (id, reference, created) in &inserted {
        let Some(item) = reference
            .strip_prefix(BULK_PREFIX)
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| items.get(n))
        else {
            continue;
        };
        events.push(event_row(*id, event::CREATED, None, true, "", "", *created));
        let mut status = Status::New;
        if let Some(worker) = item.assignee {
            let at = (*created + HOUR).min(item.reply_at.unwrap_or(now - 3 * 60));
            events.push(assigned_event(*id, worker, at));
            events.push(status_event(
                *id,
                Some(worker),
                status,
                Status::InProgress,
                at,
            ));
            status = Status::InProgress;
        }
        if let Some(at) = item.reply_at {
            status = if item.status == Status::AwaitingSender {
                Status::AwaitingSender
            } else {
                Status::Answered
            };
            events.push(reply_event(*id, item.assignee, GENERATED_REPLY, status, at));
        }
        if let Some(at) = item.closed_at {
            events.push(status_event(*id, item.assignee, status, Status::Closed, at));
        }
    }
    for chunk in events.chunks(BATCH) {
        desk_event::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(inserted.len())
}

/// A one-page PDF with one line of text, as a sender would attach.
fn demo_pdf(line: &str) -> Vec<u8> {
    let text: String = line
        .chars()
        .filter(|c| c.is_ascii() && !matches!(c, '(' | ')' | '\\'))
        .collect();
    let content = format!("BT /F1 16 Tf 72 760 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        out.push_str(&format!("{offset:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_pdf_is_a_pdf_with_a_valid_cross_reference() {
        let pdf = demo_pdf("Lageplan (Demo) äöü");
        let text = String::from_utf8(pdf).unwrap_or_default();
        assert!(text.starts_with("%PDF-1.4\n"));
        assert!(text.ends_with("%%EOF\n"));
        assert!(text.contains("(Lageplan Demo ) Tj"));
        let xref: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_default();
        assert!(text[xref..].starts_with("xref\n"));
        // The entry after the free one and the first object's.
        let second = text[xref..].lines().nth(4).unwrap_or_default();
        let offset: usize = second[..10].parse().unwrap_or_default();
        assert!(text[offset..].starts_with("2 0 obj"));
    }

    #[test]
    fn every_topic_has_a_team_and_every_faq_source_exists() {
        for topic in Topic::ALL {
            assert!(TOPICS.iter().any(|(t, _, _)| t == topic), "{topic:?}");
        }
        for faq in FAQS {
            if let Some(i) = faq.from {
                assert!(
                    INQUIRIES[i]
                        .steps
                        .iter()
                        .any(|s| matches!(s, Step::Reply(..)))
                );
            }
        }
        let mut slugs: Vec<_> = FAQS.iter().map(|f| f.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), FAQS.len());
    }
}
