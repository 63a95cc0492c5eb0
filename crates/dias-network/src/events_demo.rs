//! Demo events and posts of the KI-Netzwerk, written for this demo. Real
//! institutions appear with plausible, invented events (the dates are
//! relative to the day the demo is loaded); "(fiktiv)" actors are invented
//! anyway. One upcoming event is fully booked with a waiting list; two
//! representatives' posts wait for review. `Scale::Large` adds 5,000 events
//! and 50,000 posts by bulk insert.

use std::collections::HashMap;

use dias_core::entities::user;
use dias_web::registry::Scale;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::domain;
use crate::entities::{actor, actor_representative, event, event_registration, post};
use crate::events::{self, CONFIRMED, WAITING};
use crate::posts::{PENDING, PUBLISHED, REJECTED};

const DAY: i64 = 86_400;

/// A hand-written event: organiser (actor name, `""` = DiAS), days from
/// today, start and end time (Berlin), title, description, on-site place
/// (venue, street, postcode, city, AGS8) or an online URL, topics, seats.
struct DemoEvent {
    organiser: &'static str,
    day: i64,
    from: &'static str,
    to: &'static str,
    title: &'static str,
    description: &'static str,
    place: Option<(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    )>,
    url: &'static str,
    topics: &'static [&'static str],
    capacity: Option<i32>,
}

const EVENTS: &[DemoEvent] = &[
    DemoEvent {
        organiser: "",
        day: 9,
        from: "10:00",
        to: "12:00",
        title: "KI-Sprechstunde für den Mittelstand",
        description: "Sie überlegen, ob Künstliche Intelligenz Ihrem Betrieb hilft, wissen aber nicht, wo Sie anfangen sollen? In der offenen Sprechstunde der Digitalagentur Sachsen besprechen wir Ihre Fragen – von der ersten Idee bis zu Fördermöglichkeiten.\n\n- kurze Einführung: Was KI heute kann und was nicht\n- Fragen aus dem Publikum\n- Hinweise auf Ansprechpartner im KI-Netzwerk",
        place: None,
        url: "https://meet.example.org/ki-sprechstunde",
        topics: &["maschinelles-lernen", "produktion", "handel"],
        capacity: None,
    },
    DemoEvent {
        organiser: "ScaDS.AI Dresden/Leipzig",
        day: 14,
        from: "09:30",
        to: "16:30",
        title: "Workshop: Große Sprachmodelle verantwortungsvoll einsetzen",
        description: "Ein Tag zu Chancen und Grenzen großer Sprachmodelle in Forschung und Praxis. Am Vormittag geht es um Funktionsweise, Halluzinationen und Datenschutz, am Nachmittag arbeiten die Teilnehmenden in kleinen Gruppen an eigenen Anwendungsfällen.\n\nDie Plätze sind begrenzt; bitte melden Sie sich nur an, wenn Sie den ganzen Tag dabei sein können.",
        place: Some((
            "Andreas-Pfitzmann-Bau",
            "Nöthnitzer Straße 46",
            "01187",
            "Dresden",
            "14612000",
        )),
        url: "",
        topics: &["nlp", "generative-ki", "vertrauenswuerdige-ki"],
        capacity: Some(3),
    },
    DemoEvent {
        organiser: "Silicon Saxony e. V.",
        day: 21,
        from: "17:00",
        to: "20:00",
        title: "KI-Stammtisch Dresden: Edge-KI in der Mikroelektronik",
        description: "Beim Stammtisch treffen sich Entwicklerinnen, Gründer und Forschende aus der sächsischen Halbleiterbranche. Zwei kurze Impulse zeigen, wie neuronale Netze direkt auf Chips und Sensoren laufen; danach ist Zeit für Gespräche.",
        place: Some((
            "Innovationsraum Neustadt (fiktiv)",
            "Königsbrücker Straße 12",
            "01099",
            "Dresden",
            "14612000",
        )),
        url: "",
        topics: &["edge-ki", "mikroelektronik"],
        capacity: Some(60),
    },
    DemoEvent {
        organiser: "Technische Universität Chemnitz",
        day: 28,
        from: "13:00",
        to: "17:00",
        title: "Roboter lernen greifen – Labortag für Unternehmen",
        description: "Forschende zeigen in ihren Laboren, wie Roboter mit Kameradaten und maschinellem Lernen unbekannte Teile greifen. Unternehmen aus Produktion und Logistik können eigene Bauteile mitbringen und ausprobieren lassen.",
        place: Some((
            "Campus Reichenhainer Straße",
            "Reichenhainer Straße 70",
            "09126",
            "Chemnitz",
            "14511000",
        )),
        url: "",
        topics: &["robotik", "bildverarbeitung", "produktion", "logistik"],
        capacity: Some(40),
    },
    DemoEvent {
        organiser: "Universität Leipzig",
        day: 35,
        from: "18:00",
        to: "19:30",
        title: "Öffentliche Vorlesung: Wie Maschinen Sprache verstehen",
        description: "Eine Vorlesung für alle, die wissen möchten, was hinter Übersetzungsprogrammen und Chatbots steckt. Ohne Vorkenntnisse, mit vielen Beispielen aus dem Deutschen und dem Sorbischen.",
        place: Some((
            "Hörsaalgebäude, Hörsaal 9",
            "Universitätsstraße 3",
            "04109",
            "Leipzig",
            "14713000",
        )),
        url: "",
        topics: &["nlp", "bildung"],
        capacity: None,
    },
    DemoEvent {
        organiser: "Lausitzer Datenwerk GmbH",
        day: 42,
        from: "10:00",
        to: "11:30",
        title: "Webinar: Prognosen für Wind- und Solarparks",
        description: "Wie gut lassen sich Einspeisung und Netzlast mit maschinellem Lernen vorhersagen? Wir zeigen an anonymisierten Daten aus der Lausitz, welche Modelle sich bewährt haben und wo die Grenzen liegen. (fiktiv)",
        place: None,
        url: "https://webinar.example.org/lausitz-prognosen",
        topics: &["zeitreihen", "energie"],
        capacity: Some(100),
    },
    DemoEvent {
        organiser: "",
        day: 49,
        from: "09:00",
        to: "17:00",
        title: "Netzwerktreffen KI in Sachsen 2027",
        description: "Das jährliche Treffen des KI-Netzwerks: Akteure aus Unternehmen, Forschung, Netzwerken und Bildung stellen Projekte vor, suchen Partner und diskutieren mit der Landesregierung über die sächsische KI-Strategie.\n\n**Programm**\n\n1. Begrüßung durch die Digitalagentur Sachsen\n2. Kurzvorträge aus den vier Säulen des Netzwerks\n3. Marktplatz der Kooperationsgesuche\n4. Podium: Was braucht KI in Sachsen?",
        place: Some((
            "Kongresszentrum (fiktiver Saal)",
            "Ostra-Ufer 2",
            "01067",
            "Dresden",
            "14612000",
        )),
        url: "",
        topics: &["maschinelles-lernen", "vertrauenswuerdige-ki", "verwaltung"],
        capacity: Some(250),
    },
    DemoEvent {
        organiser: "KI-Werkstatt Görlitz",
        day: 56,
        from: "18:00",
        to: "21:00",
        title: "Abendkurs: Daten sammeln und aufbereiten im Handwerksbetrieb",
        description: "Ein praktischer Abend für Handwerksbetriebe: Welche Daten fallen ohnehin an, wie hält man sie ordentlich fest, und welche einfachen Auswertungen helfen schon heute? (fiktiv)",
        place: Some((
            "KI-Werkstatt (fiktiv)",
            "Berliner Straße 20",
            "02826",
            "Görlitz",
            "14626110",
        )),
        url: "",
        topics: &["daten-engineering", "produktion"],
        capacity: Some(16),
    },
    DemoEvent {
        organiser: "Fraunhofer-Institut für Verkehrs- und Infrastruktursysteme IVI",
        day: 63,
        from: "14:00",
        to: "16:00",
        title: "Autonomes Fahren im ÖPNV – Einblicke in die Testfeldarbeit",
        description: "Ein Vortrag mit anschließender Diskussion darüber, wie automatisierte Busse Umgebungen erkennen und was der Einsatz im Alltag verlangt.",
        place: None,
        url: "https://stream.example.org/oepnv-autonom",
        topics: &["bildverarbeitung", "mobilitaet"],
        capacity: None,
    },
    DemoEvent {
        organiser: "Meißner Sprachlabor e. V.",
        day: 70,
        from: "09:00",
        to: "12:00",
        title: "Leichte Sprache mit KI-Unterstützung – Praxisseminar für Verwaltungen",
        description: "Wie können Behörden Bescheide und Webseiten verständlicher machen? Das Seminar zeigt Werkzeuge, die Texte vereinfachen, und übt den kritischen Blick darauf, was sie falsch machen. (fiktiv)",
        place: Some((
            "Sprachlabor (fiktiv)",
            "Burgstraße 5",
            "01662",
            "Meißen",
            "14627140",
        )),
        url: "",
        topics: &["nlp", "generative-ki", "verwaltung"],
        capacity: Some(20),
    },
    DemoEvent {
        organiser: "",
        day: -12,
        from: "10:00",
        to: "12:00",
        title: "Förderprogramme für KI-Projekte im Überblick",
        description: "Die Digitalagentur Sachsen stellte Förderprogramme von Land, Bund und EU vor, die für KI-Vorhaben kleiner und mittlerer Unternehmen in Frage kommen.",
        place: None,
        url: "https://meet.example.org/foerderung-ki",
        topics: &["finanzen", "produktion"],
        capacity: None,
    },
    DemoEvent {
        organiser: "HTWK Leipzig",
        day: -30,
        from: "16:00",
        to: "18:00",
        title: "Roboterfußball zum Anfassen",
        description: "Studierende zeigten, wie ihre Roboter auf dem Spielfeld Ball, Tor und Mitspieler erkennen und sich absprechen.",
        place: Some((
            "Nieper-Bau",
            "Karl-Liebknecht-Straße 132",
            "04277",
            "Leipzig",
            "14713000",
        )),
        url: "",
        topics: &["robotik", "bildverarbeitung", "bildung"],
        capacity: Some(80),
    },
    DemoEvent {
        organiser: "Hochschule Mittweida",
        day: -45,
        from: "10:00",
        to: "15:00",
        title: "Tag der generativen KI in den Medien",
        description: "Vorträge und Werkstätten zu Bild- und Textgeneratoren im Journalismus und in der Medienproduktion.",
        place: Some((
            "Medienzentrum",
            "Technikumplatz 17",
            "09648",
            "Mittweida",
            "14522360",
        )),
        url: "",
        topics: &["generative-ki", "medien-kultur"],
        capacity: Some(120),
    },
    DemoEvent {
        organiser: "Torgauer Agrardaten eG",
        day: -60,
        from: "09:00",
        to: "13:00",
        title: "Feldtag: Drohnenbilder und Ertragskarten",
        description: "Landwirtinnen und Landwirte sahen auf dem Versuchsfeld, wie Drohnenbilder und Ertragsdaten zu Düngeempfehlungen werden. (fiktiv)",
        place: Some((
            "Versuchsfeld (fiktiv)",
            "Am Wasserturm 1",
            "04860",
            "Torgau",
            "14730310",
        )),
        url: "",
        topics: &["bildverarbeitung", "umwelt-landwirtschaft"],
        capacity: Some(50),
    },
    DemoEvent {
        organiser: "Smart Systems Hub Dresden",
        day: -90,
        from: "13:00",
        to: "18:00",
        title: "Hackathon: KI für vernetzte Sensoren",
        description: "Teams entwickelten in einem Nachmittag Prototypen, die Sensordaten aus Gebäuden und Maschinen auswerten.",
        place: Some((
            "Hub-Räume (fiktiver Ort)",
            "Manfred-von-Ardenne-Ring 20",
            "01099",
            "Dresden",
            "14612000",
        )),
        url: "",
        topics: &["edge-ki", "zeitreihen", "produktion"],
        capacity: Some(45),
    },
];

/// A hand-written post: actor name (`""` = DiAS), days ago, title, teaser,
/// body, topics, status.
type DemoPost = (
    &'static str,
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
);

const POSTS: &[DemoPost] = &[
    (
        "",
        2,
        "KI-Netzwerk Sachsen gestartet",
        "Die Digitalagentur Sachsen öffnet die gemeinsame Plattform der sächsischen KI-Akteure: Verzeichnis, Karte, Veranstaltungen und Beiträge an einem Ort.",
        "Unternehmen, Forschungseinrichtungen, Netzwerke und Bildungsanbieter können sich ab sofort registrieren und ihr Profil anlegen. Nach der Prüfung durch die Redaktion erscheinen sie im Verzeichnis und auf der Karte.\n\n## Was die Plattform bietet\n\n- ein filterbares Verzeichnis nach Kompetenzen, Branchen und Kreisen\n- eine Karte Sachsens mit allen geprüften Akteuren\n- Veranstaltungen mit Anmeldung und Kalenderdateien\n- Beiträge der Akteure und der Digitalagentur\n\nWir freuen uns auf Ihre Rückmeldungen.",
        &["maschinelles-lernen", "verwaltung"],
        PUBLISHED,
    ),
    (
        "",
        5,
        "Zahlen zur KI-Landschaft in Sachsen",
        "Fast 200 KI-Unternehmen, über 160 Forschungseinheiten und 48 Studiengänge: ein Überblick über die Ergebnisse der KI-Studie.",
        "Die KI-Studie Sachsen hat 2024 erstmals systematisch erfasst, wer im Freistaat an und mit Künstlicher Intelligenz arbeitet. Rund 43 Prozent der KI-Unternehmen sitzen in Dresden, stark vertreten sind auch Leipzig und Chemnitz.\n\nDie Studie unterscheidet vier Säulen: **Unternehmen, Forschung, Netzwerke und Bildung**. Diese Gliederung übernimmt auch das KI-Netzwerk.",
        &["daten-engineering"],
        PUBLISHED,
    ),
    (
        "ScaDS.AI Dresden/Leipzig",
        7,
        "Rechenzeit für KI-Projekte: So funktioniert der Zugang",
        "Forschende und Unternehmen können Rechenkapazität für das Training von Modellen beantragen. Wir erklären die Schritte.",
        "Viele Projekte scheitern nicht an Ideen, sondern an Rechenleistung. Über das KI-Zentrum lässt sich Rechenzeit auf Hochleistungsrechnern beantragen.\n\n1. kurze Projektbeschreibung einreichen\n2. Beratungsgespräch zu Daten und Methoden\n3. Zugang und Einführung in die Nutzung\n\nDer Beitrag beschreibt das Verfahren in eigenen Worten für diese Demo.",
        &["deep-learning", "daten-engineering"],
        PUBLISHED,
    ),
    (
        "Silicon Saxony e. V.",
        9,
        "Mikroelektronik und KI: warum Sachsen profitiert",
        "Chips, die neuronale Netze effizient ausführen, sind ein Schlüssel für Edge-KI – und Sachsen ist einer der großen Halbleiterstandorte Europas.",
        "Wenn KI direkt im Gerät läuft, bleiben Daten vor Ort und Antworten kommen schneller. Dafür braucht es spezialisierte Hardware. Die sächsische Halbleiterindustrie und die Forschung an den Hochschulen arbeiten eng zusammen, um solche Chips zu entwickeln.",
        &["edge-ki", "mikroelektronik"],
        PUBLISHED,
    ),
    (
        "",
        11,
        "Checkliste: Ist mein Unternehmen bereit für KI?",
        "Fünf Fragen, die Sie sich vor dem ersten KI-Projekt stellen sollten.",
        "1. **Welches Problem** soll gelöst werden, und wie messen Sie den Erfolg?\n2. **Welche Daten** haben Sie, in welcher Qualität?\n3. **Wer** im Betrieb begleitet das Projekt?\n4. **Welche Regeln** gelten (Datenschutz, KI-Verordnung)?\n5. **Welche Partner** können helfen? Das Verzeichnis des KI-Netzwerks hilft bei der Suche.",
        &["maschinelles-lernen", "produktion", "handel"],
        PUBLISHED,
    ),
    (
        "Technische Universität Dresden",
        14,
        "Energieeffiziente KI: Forschung aus Dresden",
        "Wie lassen sich neuronale Netze mit einem Bruchteil der Energie betreiben? Ein Blick in aktuelle Forschungsfragen.",
        "Das Training großer Modelle verbraucht viel Strom. Forschende arbeiten daran, Netze kleiner zu machen, Berechnungen auf spezialisierte Hardware zu verlagern und nur das zu rechnen, was wirklich nötig ist.\n\nDieser Text ist für die Demo geschrieben und fasst allgemein bekannte Forschungsrichtungen zusammen.",
        &["edge-ki", "deep-learning", "energie"],
        PUBLISHED,
    ),
    (
        "Elbtal Vision GmbH",
        16,
        "Kameras im Obstbau: erste Saison ausgewertet",
        "Unsere Kamerasysteme haben eine Saison lang Obstbäume im Elbtal beobachtet. Was wir gelernt haben. (fiktiv)",
        "Die Systeme erkannten Schäden an Blättern und Früchten früher als die Kontrollgänge – aber nicht bei jedem Licht. Im nächsten Jahr testen wir zusätzliche Infrarotkameras.\n\n*Diese Firma und dieser Bericht sind für die Demo erfunden.*",
        &["bildverarbeitung", "umwelt-landwirtschaft"],
        PUBLISHED,
    ),
    (
        "",
        19,
        "Die europäische KI-Verordnung kurz erklärt",
        "Was die KI-Verordnung für Unternehmen in Sachsen bedeutet – ein erster Überblick ohne Juristendeutsch.",
        "Die Verordnung ordnet KI-Systeme nach ihrem Risiko ein. Für die meisten Anwendungen gelten nur wenige Pflichten, für Hochrisiko-Systeme – etwa in der Personalauswahl oder bei kritischer Infrastruktur – deutlich mehr.\n\nDieser Beitrag ersetzt keine Rechtsberatung.",
        &["vertrauenswuerdige-ki", "verwaltung"],
        PUBLISHED,
    ),
    (
        "Universität Leipzig",
        23,
        "Sprachtechnologie für kleine Sprachen",
        "Warum Modelle für das Sorbische andere Wege brauchen als für das Englische.",
        "Für viele Sprachen gibt es nur wenige digitale Texte. Forschende kombinieren deshalb Wörterbücher, Grammatikwissen und kleinere Modelle, um trotzdem brauchbare Werkzeuge zu bauen.",
        &["nlp", "wissensrepraesentation", "medien-kultur"],
        PUBLISHED,
    ),
    (
        "Zwickauer Fahrzeugdaten GmbH",
        26,
        "Vorausschauende Wartung: Busse melden sich, bevor sie ausfallen",
        "Sensordaten aus dem Fahrzeug zeigen frühe Anzeichen von Verschleiß. (fiktiv)",
        "Aus Vibrationen und Temperaturen lernen unsere Modelle, wann ein Bauteil bald getauscht werden sollte. Verkehrsbetriebe planen Werkstattzeiten so besser.\n\n*Fiktives Unternehmen für die Demo.*",
        &["zeitreihen", "mobilitaet"],
        PUBLISHED,
    ),
    (
        "",
        30,
        "Wie finde ich Partner im KI-Netzwerk?",
        "Filter, Karte und passende Partner: drei Wege zum richtigen Kontakt.",
        "Im Verzeichnis filtern Sie nach Kompetenz, Branche und Kreis. Die Karte zeigt, wer in Ihrer Nähe ist. Und auf jedem Profil schlägt die Plattform passende Partner vor – mit Begründung.",
        &["maschinelles-lernen"],
        PUBLISHED,
    ),
    (
        "Hochschule Mittweida",
        34,
        "Studieren mit KI: neue Module im Medienstudium",
        "Generative Werkzeuge verändern Medienberufe. Das Studium reagiert mit neuen Lehrangeboten.",
        "Studierende lernen, Bild- und Textgeneratoren sinnvoll einzusetzen, ihre Ergebnisse zu prüfen und rechtliche Fragen zu beachten. Der Beitrag ist für die Demo formuliert.",
        &["generative-ki", "bildung", "medien-kultur"],
        PUBLISHED,
    ),
    (
        "MediScan Chemnitz GmbH",
        38,
        "Bildauswertung in der Radiologie: Assistenz statt Ersatz",
        "Unsere Software markiert Auffälligkeiten – die Entscheidung bleibt bei Ärztinnen und Ärzten. (fiktiv)",
        "In einer Pilotphase half die Markierung, Befunde schneller zu sortieren. Wichtig war, dass das System seine Unsicherheit anzeigt.\n\n*Fiktives Unternehmen für die Demo.*",
        &["bildverarbeitung", "gesundheit", "vertrauenswuerdige-ki"],
        PUBLISHED,
    ),
    (
        "",
        45,
        "Rückblick: Förderprogramme für KI-Projekte",
        "Die Folien und die häufigsten Fragen aus unserer Online-Veranstaltung.",
        "Viele Fragen drehten sich um Eigenanteile und um die Frage, ob auch Beratung gefördert wird. Die Antworten haben wir hier zusammengefasst.\n\n- Beratung kann in mehreren Programmen gefördert werden.\n- Der Eigenanteil hängt von der Unternehmensgröße ab.",
        &["finanzen"],
        PUBLISHED,
    ),
    (
        "Fraunhofer-Institut für Werkzeugmaschinen und Umformtechnik IWU",
        52,
        "Lernende Maschinen in der Umformtechnik",
        "Wie Pressen und Werkzeugmaschinen aus ihren eigenen Daten besser werden.",
        "Sensoren in Werkzeugen liefern Daten über jeden Hub. Modelle erkennen daraus Abweichungen und schlagen Korrekturen vor, bevor Ausschuss entsteht. Ein allgemeiner Überblick für die Demo.",
        &["maschinelles-lernen", "optimierung", "produktion"],
        PUBLISHED,
    ),
    (
        "Leipziger Auenmonitor GmbH",
        60,
        "Der Auwald aus der Luft",
        "Drohnenbilder und Pegeldaten zeigen, wie es dem Leipziger Auwald geht. (fiktiv)",
        "Wir kartieren Baumarten und Trockenschäden und verbinden sie mit Grundwasserständen.\n\n*Fiktives Unternehmen für die Demo.*",
        &["bildverarbeitung", "zeitreihen", "umwelt-landwirtschaft"],
        PUBLISHED,
    ),
    (
        "",
        70,
        "Glossar: zehn KI-Begriffe einfach erklärt",
        "Von „Trainingsdaten“ bis „Halluzination“: kurze Erklärungen für den Einstieg.",
        "**Trainingsdaten** sind die Beispiele, aus denen ein Modell lernt. **Halluzination** nennt man es, wenn ein Sprachmodell überzeugend klingende, aber falsche Aussagen macht. Weitere Begriffe folgen in den nächsten Wochen.",
        &["maschinelles-lernen", "bildung"],
        PUBLISHED,
    ),
    (
        "Radebeuler Weinberg-KI UG",
        1,
        "Rebkrankheiten früh erkennen",
        "Unsere Sensoren im Weinberg melden Pilzbefall, bevor man ihn sieht. (fiktiv)",
        "Ein erster Erfahrungsbericht aus den Steillagen an der Elbe.",
        &["bildverarbeitung", "umwelt-landwirtschaft"],
        PENDING,
    ),
    (
        "Dresdner Finanzanalytik GmbH",
        0,
        "Kreditentscheidungen nachvollziehbar machen",
        "Wie erklärbare Modelle Banken und Kunden helfen. (fiktiv)",
        "Wir stellen unseren Ansatz für nachvollziehbare Bewertungen vor.",
        &["vertrauenswuerdige-ki", "finanzen"],
        PENDING,
    ),
    (
        "Pirnaer Logistik-Optimierung GmbH",
        4,
        "Jetzt kaufen: Routenplanung zum Sonderpreis!",
        "Nur diese Woche! (fiktiv)",
        "Reine Werbung ohne fachlichen Inhalt.",
        &["optimierung", "logistik"],
        REJECTED,
    ),
];

fn db_err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Berlin wall-clock time `hh:mm` on the day `day` days from `now`.
fn at(now: i64, day: i64, time: &str) -> i64 {
    let date = dias_core::time::date_input_value(now + day * DAY);
    events::parse_berlin_local(&format!("{date}T{time}")).unwrap_or(now + day * DAY)
}

pub async fn seed(db: &DatabaseConnection, scale: Scale) -> Result<String, String> {
    let mut rng = StdRng::seed_from_u64(10);
    let now = dias_core::time::now();
    let names: HashMap<String, i64> = actor::Entity::find()
        .select_only()
        .column(actor::Column::Name)
        .column(actor::Column::Id)
        .filter(actor::Column::Status.eq(domain::VERIFIED))
        .into_tuple::<(String, i64)>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    let staff = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Role.is_in(["staff", "admin"]))
        .order_by_asc(user::Column::Id)
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(db_err)?;
    // Someone who represents each actor writes its posts.
    let reps: HashMap<i64, i64> = actor_representative::Entity::find()
        .select_only()
        .column(actor_representative::Column::ActorId)
        .column(actor_representative::Column::UserId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    let organiser = |name: &str| -> Option<i64> {
        if name.is_empty() {
            None
        } else {
            names.get(name).copied()
        }
    };

    let mut event_rows = Vec::new();
    for e in EVENTS {
        let actor_id = organiser(e.organiser);
        let (venue, street, postcode, city, ags8) = e.place.unwrap_or(("", "", "", "", ""));
        let ags5 = dias_core::reference::cached()
            .municipality(ags8)
            .map(|m| m.district_ags5.clone())
            .unwrap_or_default();
        event_rows.push(event::ActiveModel {
            actor_id: Set(actor_id),
            title: Set(e.title.into()),
            description_md: Set(e.description.into()),
            starts_at: Set(at(now, e.day, e.from)),
            ends_at: Set(at(now, e.day, e.to)),
            online: Set(e.place.is_none()),
            online_url: Set(e.url.into()),
            venue: Set(venue.into()),
            street: Set(street.into()),
            postcode: Set(postcode.into()),
            city: Set(city.into()),
            ags8: Set(ags8.into()),
            ags5: Set(ags5),
            topics: Set(e.topics.join(",")),
            capacity: Set(e.capacity),
            confirmed_count: Set(0),
            cancelled_at: Set(None),
            cancel_reason: Set(None),
            created_by: Set(match actor_id {
                Some(a) => reps.get(&a).copied().or(staff),
                None => staff,
            }),
            created_at: Set(now - 40 * DAY),
            updated_at: Set(now - 40 * DAY),
            ..Default::default()
        });
    }
    let generated_events = match scale {
        Scale::Small => 0,
        Scale::Large => 5_000,
    };
    let actor_ids: Vec<i64> = {
        let mut ids: Vec<i64> = names.values().copied().collect();
        ids.sort_unstable();
        ids
    };
    let topics: Vec<&str> = events::topic_terms().map(|t| t.slug).collect();
    let municipalities = &dias_core::reference::cached().municipalities;
    for g in 0..generated_events {
        let day = rng.gen_range(-400..400);
        let hour = rng.gen_range(8..18);
        let online = g % 4 == 0;
        let m = &municipalities[rng.gen_range(0..municipalities.len())];
        let topic = topics[rng.gen_range(0..topics.len())];
        let label = events::find_topic(topic).map(|t| t.de).unwrap_or("KI");
        let kind = [
            "Workshop",
            "Stammtisch",
            "Webinar",
            "Fachtag",
            "Sprechstunde",
        ][g % 5];
        let start = at(now, day, &format!("{hour:02}:00"));
        event_rows.push(event::ActiveModel {
            actor_id: Set(if actor_ids.is_empty() || g % 7 == 0 {
                None
            } else {
                Some(actor_ids[rng.gen_range(0..actor_ids.len())])
            }),
            title: Set(format!("{kind}: {label} in der Praxis ({g})")),
            description_md: Set(format!(
                "Generierte Demo-Veranstaltung zum Thema {label} für Last- und Oberflächentests."
            )),
            starts_at: Set(start),
            ends_at: Set(start + rng.gen_range(1..8) * 3600),
            online: Set(online),
            online_url: Set(if online {
                "https://meet.example.org/demo".into()
            } else {
                String::new()
            }),
            venue: Set(if online {
                String::new()
            } else {
                "Tagungsraum (fiktiv)".into()
            }),
            street: Set(String::new()),
            postcode: Set(if online {
                String::new()
            } else {
                m.postcode.clone()
            }),
            city: Set(if online {
                String::new()
            } else {
                m.name_short.clone()
            }),
            ags8: Set(if online {
                String::new()
            } else {
                m.ags8.clone()
            }),
            ags5: Set(if online {
                String::new()
            } else {
                m.district_ags5.clone()
            }),
            topics: Set(topic.into()),
            capacity: Set(if g % 3 == 0 { Some(30) } else { None }),
            confirmed_count: Set(0),
            cancelled_at: Set(None),
            cancel_reason: Set(None),
            created_by: Set(staff),
            created_at: Set(now - 400 * DAY),
            updated_at: Set(now - 400 * DAY),
            ..Default::default()
        });
    }
    let event_count = event_rows.len();
    for chunk in event_rows.chunks(500) {
        event::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }

    // The workshop with three seats is full and has two people waiting;
    // generated participants take the seats (never the documented demo
    // accounts, whose e2e journeys start from a known state).
    let people: Vec<i64> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Email.starts_with("teilnehmende"))
        .order_by_asc(user::Column::Id)
        .limit(8)
        .into_tuple::<i64>()
        .all(db)
        .await
        .map_err(db_err)?;
    let full = event::Entity::find()
        .filter(event::Column::Title.eq(EVENTS[1].title))
        .one(db)
        .await
        .map_err(db_err)?;
    let mut registrations = 0;
    if let Some(full) = full {
        let capacity = full.capacity.unwrap_or(0).max(0) as usize;
        let mut rows = Vec::new();
        for (n, user_id) in people.iter().take(capacity + 2).enumerate() {
            rows.push(event_registration::ActiveModel {
                event_id: Set(full.id),
                user_id: Set(*user_id),
                status: Set(if n < capacity { CONFIRMED } else { WAITING }.into()),
                created_at: Set(now - DAY + n as i64 * 60),
                ..Default::default()
            });
        }
        let confirmed = rows.len().min(capacity);
        registrations = rows.len();
        if !rows.is_empty() {
            event_registration::Entity::insert_many(rows)
                .exec(db)
                .await
                .map_err(db_err)?;
        }
        event::Entity::update_many()
            .col_expr(
                event::Column::ConfirmedCount,
                sea_orm::sea_query::Expr::value(i32::try_from(confirmed).unwrap_or(0)),
            )
            .filter(event::Column::Id.eq(full.id))
            .exec(db)
            .await
            .map_err(db_err)?;
    }

    let mut post_rows = Vec::new();
    for (name, days_ago, title, teaser, body, topics, status) in POSTS {
        let actor_id = organiser(name);
        let created = now - days_ago * DAY - 3_600;
        let published = *status == PUBLISHED;
        post_rows.push(post::ActiveModel {
            actor_id: Set(actor_id),
            author_id: Set(match actor_id {
                Some(a) => reps.get(&a).copied(),
                None => staff,
            }),
            title: Set((*title).into()),
            teaser: Set((*teaser).into()),
            body_md: Set((*body).into()),
            topics: Set(topics.join(",")),
            status: Set((*status).into()),
            reject_reason: Set((*status == REJECTED).then(|| {
                "Werbung für ein einzelnes Angebot veröffentlichen wir nicht als Beitrag. Stellen Sie Ihr Angebot gern im Profil vor.".to_owned()
            })),
            reviewed_by: Set(if *status == PENDING { None } else { staff }),
            reviewed_at: Set((*status != PENDING).then_some(created + 3_600)),
            published_at: Set(published.then_some(created + 3_600)),
            created_at: Set(created),
            updated_at: Set(created + 3_600),
            ..Default::default()
        });
    }
    let generated_posts = match scale {
        Scale::Small => 0,
        Scale::Large => 50_000,
    };
    for g in 0..generated_posts {
        let topic = topics[rng.gen_range(0..topics.len())];
        let label = events::find_topic(topic).map(|t| t.de).unwrap_or("KI");
        let actor_id = if actor_ids.is_empty() || g % 5 == 0 {
            None
        } else {
            Some(actor_ids[rng.gen_range(0..actor_ids.len())])
        };
        let at = now - rng.gen_range(1..2_000) * DAY + rng.gen_range(0..DAY);
        let kind = [
            "Praxisbericht",
            "Kurz erklärt",
            "Neuigkeit",
            "Projektstart",
            "Rückblick",
        ][g % 5];
        post_rows.push(post::ActiveModel {
            actor_id: Set(actor_id),
            author_id: Set(actor_id.and_then(|a| reps.get(&a).copied()).or(staff)),
            title: Set(format!("{kind}: {label} ({g})")),
            teaser: Set(format!(
                "Generierter Demo-Beitrag zum Thema {label} für Last- und Oberflächentests."
            )),
            body_md: Set(format!(
                "Dieser Beitrag ist generiert. Er beschreibt ein erfundenes Vorhaben zum Thema **{label}** in Sachsen."
            )),
            topics: Set(topic.into()),
            status: Set(PUBLISHED.into()),
            reject_reason: Set(None),
            reviewed_by: Set(staff),
            reviewed_at: Set(Some(at)),
            published_at: Set(Some(at)),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        });
    }
    let post_count = post_rows.len();
    for chunk in post_rows.chunks(500) {
        post::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    dias_core::versions::bump(db, crate::posts::POSTS_VERSION)
        .await
        .map_err(db_err)?;
    Ok(format!(
        "{event_count} Veranstaltungen ({registrations} Anmeldungen), {post_count} Beiträge"
    ))
}
