//! Demo data: real Saxon AI institutions by name with public facts only
//! (descriptions written for this demo, coordinates of their town), plus
//! clearly fictional organisations marked "(fiktiv)". Representatives are
//! generated demo participants; of the documented demo accounts only
//! `akteur@demo.dias.example` represents an actor (see [`DEMO_REPRESENTATIVE`]).
//! `Scale::Large` adds 20,000 generated actors by bulk insert.

use dias_core::entities::user;
use dias_core::policy::Role;
use dias_web::registry::Scale;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::domain::{self, COMPETENCES, INDUSTRIES, OFFERS};
use crate::entities::{actor, actor_representative};

const DAY: i64 = 86_400;

/// One hand-written actor: name, category, AGS8, postcode, website,
/// founding year, size, competences, industries, offers, short and long
/// description.
struct Known {
    name: &'static str,
    category: &'static str,
    ags8: &'static str,
    postcode: &'static str,
    website: &'static str,
    founded: Option<i32>,
    size: &'static str,
    competences: &'static [&'static str],
    industries: &'static [&'static str],
    offers: &'static [&'static str],
    short: &'static str,
    description: &'static str,
}

const KNOWN: &[Known] = &[
    Known {
        name: "ScaDS.AI Dresden/Leipzig",
        category: "forschungseinrichtung",
        ags8: "14612000",
        postcode: "01062",
        website: "https://scads.ai",
        founded: Some(2014),
        size: "mittel",
        competences: &[
            "maschinelles-lernen",
            "deep-learning",
            "daten-engineering",
            "vertrauenswuerdige-ki",
            "nlp",
        ],
        industries: &[
            "gesundheit",
            "umwelt-landwirtschaft",
            "produktion",
            "medien-kultur",
        ],
        offers: &["forschung-entwicklung", "weiterbildung", "kooperation"],
        short: "KI-Zentrum der TU Dresden und der Universität Leipzig für Data Science und Künstliche Intelligenz.",
        description: "Das Zentrum für skalierbare Datenanalyse und Künstliche Intelligenz wird von der TU Dresden und der Universität Leipzig gemeinsam getragen und gehört zu den vom Bund und den Ländern geförderten KI-Kompetenzzentren.\n\nEs verbindet Methodenforschung zu maschinellem Lernen und großen Datenmengen mit Anwendungen aus vielen Fachgebieten und bietet Beratung, Schulungen und Rechenkapazität für Forschende und Unternehmen.",
    },
    Known {
        name: "Technische Universität Dresden",
        category: "hochschule",
        ags8: "14612000",
        postcode: "01062",
        website: "https://tu-dresden.de",
        founded: Some(1828),
        size: "gross",
        competences: &[
            "maschinelles-lernen",
            "robotik",
            "edge-ki",
            "vertrauenswuerdige-ki",
            "wissensrepraesentation",
        ],
        industries: &["mikroelektronik", "produktion", "gesundheit", "mobilitaet"],
        offers: &[
            "forschung-entwicklung",
            "weiterbildung",
            "jobs",
            "kooperation",
        ],
        short: "Exzellenzuniversität mit KI-Forschung von der Hardware über die Methoden bis zur Anwendung.",
        description: "Die TU Dresden ist eine der großen technischen Universitäten Deutschlands. An zahlreichen Professuren der Informatik, der Elektrotechnik und der Ingenieurwissenschaften wird zu Künstlicher Intelligenz geforscht und gelehrt.\n\nSchwerpunkte liegen unter anderem bei KI-Hardware und energieeffizienter Elektronik, Robotik und taktilem Internet sowie bei Anwendungen in Medizin und Mobilität.",
    },
    Known {
        name: "Universität Leipzig",
        category: "hochschule",
        ags8: "14713000",
        postcode: "04109",
        website: "https://www.uni-leipzig.de",
        founded: Some(1409),
        size: "gross",
        competences: &[
            "nlp",
            "maschinelles-lernen",
            "wissensrepraesentation",
            "daten-engineering",
        ],
        industries: &["gesundheit", "medien-kultur", "bildung", "verwaltung"],
        offers: &["forschung-entwicklung", "weiterbildung", "jobs"],
        short: "Volluniversität mit starker Informatik, Sprachtechnologie und Digital Humanities.",
        description: "Die Universität Leipzig gehört zu den ältesten Universitäten Deutschlands. Ihr Institut für Informatik forscht unter anderem zu Sprachverarbeitung, semantischen Technologien und Datenbanken.\n\nGemeinsam mit der TU Dresden trägt sie das KI-Zentrum ScaDS.AI. Anwendungen reichen von der Medizininformatik bis zu den digitalen Geisteswissenschaften.",
    },
    Known {
        name: "Technische Universität Chemnitz",
        category: "hochschule",
        ags8: "14511000",
        postcode: "09111",
        website: "https://www.tu-chemnitz.de",
        founded: Some(1836),
        size: "gross",
        competences: &[
            "robotik",
            "bildverarbeitung",
            "maschinelles-lernen",
            "optimierung",
        ],
        industries: &["produktion", "mobilitaet", "mikroelektronik"],
        offers: &["forschung-entwicklung", "weiterbildung", "jobs"],
        short: "Technische Universität mit KI-Forschung für Produktion, Mobilität und Mensch-Technik-Interaktion.",
        description: "Die TU Chemnitz verbindet Informatik, Elektrotechnik und Maschinenbau. KI-Methoden werden hier besonders für Produktionstechnik, autonome Systeme und die Zusammenarbeit von Mensch und Maschine erforscht.\n\nStudiengänge und Weiterbildungen bereiten auf die Arbeit mit Daten und lernenden Systemen vor.",
    },
    Known {
        name: "HTWK Leipzig",
        category: "hochschule",
        ags8: "14713000",
        postcode: "04277",
        website: "https://www.htwk-leipzig.de",
        founded: Some(1992),
        size: "gross",
        competences: &["robotik", "maschinelles-lernen", "bildverarbeitung"],
        industries: &["produktion", "gesundheit", "medien-kultur"],
        offers: &["forschung-entwicklung", "weiterbildung", "kooperation"],
        short: "Hochschule für Technik, Wirtschaft und Kultur mit anwendungsnaher KI-Forschung.",
        description: "Die Hochschule für Technik, Wirtschaft und Kultur Leipzig lehrt und forscht praxisnah. KI kommt in Projekten zu Robotik, Bildverarbeitung und digitaler Medizin zum Einsatz; bekannt ist unter anderem das Roboterfußballteam der Hochschule.\n\nUnternehmen finden hier Partner für gemeinsame Forschungsprojekte und Abschlussarbeiten.",
    },
    Known {
        name: "Hochschule Mittweida",
        category: "hochschule",
        ags8: "14522360",
        postcode: "09648",
        website: "https://www.hs-mittweida.de",
        founded: Some(1867),
        size: "mittel",
        competences: &["maschinelles-lernen", "daten-engineering", "generative-ki"],
        industries: &["medien-kultur", "produktion", "bildung"],
        offers: &["weiterbildung", "forschung-entwicklung"],
        short: "Hochschule für Angewandte Wissenschaften mit Studienangeboten zu Data Science und Medien.",
        description: "Die Hochschule Mittweida in Mittelsachsen bietet Studiengänge an der Schnittstelle von Informatik, Medien und Wirtschaft an, darunter Angebote zu Data Science und angewandter KI.\n\nSie arbeitet eng mit Unternehmen der Region zusammen.",
    },
    Known {
        name: "Fraunhofer-Institut für Verkehrs- und Infrastruktursysteme IVI",
        category: "forschungseinrichtung",
        ags8: "14612000",
        postcode: "01069",
        website: "https://www.ivi.fraunhofer.de",
        founded: None,
        size: "mittel",
        competences: &[
            "optimierung",
            "bildverarbeitung",
            "maschinelles-lernen",
            "zeitreihen",
        ],
        industries: &["mobilitaet", "logistik", "energie"],
        offers: &["forschung-entwicklung", "beratung", "kooperation"],
        short: "Angewandte Forschung für Verkehr, Logistik und sichere Infrastrukturen in Dresden.",
        description: "Das Fraunhofer IVI entwickelt Lösungen für Mobilität, Logistik und Infrastruktur, etwa zur Planung von Fahrzeugflotten, für automatisiertes Fahren und für die Sicherheit in Krisenlagen.\n\nKI-Verfahren dienen dort unter anderem der Optimierung, der Prognose und der Auswertung von Sensordaten.",
    },
    Known {
        name: "Fraunhofer-Institut für Werkzeugmaschinen und Umformtechnik IWU",
        category: "forschungseinrichtung",
        ags8: "14511000",
        postcode: "09126",
        website: "https://www.iwu.fraunhofer.de",
        founded: None,
        size: "gross",
        competences: &[
            "robotik",
            "maschinelles-lernen",
            "bildverarbeitung",
            "edge-ki",
        ],
        industries: &["produktion", "mobilitaet"],
        offers: &["forschung-entwicklung", "beratung", "kooperation"],
        short: "Produktionsforschung in Chemnitz: Werkzeugmaschinen, Umformtechnik und die Fabrik der Zukunft.",
        description: "Das Fraunhofer IWU mit Hauptsitz in Chemnitz forscht zu Werkzeugmaschinen, Umformtechnik und vernetzter Produktion.\n\nKI hilft hier, Prozesse zu überwachen, Qualität vorherzusagen und Roboter flexibel einzusetzen.",
    },
    Known {
        name: "Institut für Angewandte Informatik (InfAI) e. V.",
        category: "forschungseinrichtung",
        ags8: "14713000",
        postcode: "04109",
        website: "https://infai.org",
        founded: None,
        size: "mittel",
        competences: &[
            "wissensrepraesentation",
            "nlp",
            "daten-engineering",
            "maschinelles-lernen",
        ],
        industries: &["verwaltung", "gesundheit", "energie"],
        offers: &["forschung-entwicklung", "beratung", "kooperation"],
        short: "An-Institut der Universität Leipzig für Transfer von Informatikforschung in die Praxis.",
        description: "Das InfAI bringt Forschung aus der Informatik in Anwendungen für Unternehmen und Verwaltung. Bekannt ist es unter anderem für Arbeiten zu semantischen Technologien und Wissensgraphen.\n\nDie Arbeitsgruppen bearbeiten Projekte zu Datenplattformen, Sprachverarbeitung und Energieinformatik.",
    },
    Known {
        name: "Silicon Saxony e. V.",
        category: "netzwerk",
        ags8: "14612000",
        postcode: "01099",
        website: "https://www.silicon-saxony.de",
        founded: Some(2000),
        size: "klein",
        competences: &["edge-ki", "daten-engineering"],
        industries: &["mikroelektronik", "produktion", "energie"],
        offers: &["kooperation", "beratung"],
        short: "Branchenverband der Halbleiter-, Elektronik-, Software- und Smart-Systems-Industrie in Sachsen.",
        description: "Silicon Saxony vernetzt Unternehmen, Hochschulen und Forschungseinrichtungen der Mikroelektronik und Informationstechnik in Sachsen und darüber hinaus.\n\nIn Arbeitskreisen tauschen sich die Mitglieder auch zu KI auf Chips und in der Fertigung aus.",
    },
    Known {
        name: "Smart Systems Hub Dresden",
        category: "netzwerk",
        ags8: "14612000",
        postcode: "01069",
        website: "https://www.smart-systems-hub.de",
        founded: None,
        size: "klein",
        competences: &["edge-ki", "daten-engineering", "maschinelles-lernen"],
        industries: &["produktion", "mikroelektronik", "logistik"],
        offers: &["kooperation", "beratung", "weiterbildung"],
        short: "Digital Hub für Internet der Dinge und intelligente Systeme in Dresden.",
        description: "Der Smart Systems Hub bringt Start-ups, Mittelstand, Konzerne und Forschung zusammen, um Ideen für das Internet der Dinge schnell zu erproben.\n\nFormate wie Workshops und Pilotprojekte helfen Unternehmen beim Einstieg in vernetzte und lernende Systeme.",
    },
    Known {
        name: "Hochschule für Technik und Wirtschaft Dresden",
        category: "hochschule",
        ags8: "14612000",
        postcode: "01069",
        website: "https://www.htw-dresden.de",
        founded: Some(1992),
        size: "gross",
        competences: &[
            "maschinelles-lernen",
            "bildverarbeitung",
            "daten-engineering",
        ],
        industries: &["produktion", "umwelt-landwirtschaft", "verwaltung"],
        offers: &["forschung-entwicklung", "weiterbildung", "jobs"],
        short: "Hochschule für Angewandte Wissenschaften mit KI in Informatik, Landbau und Geoinformation.",
        description: "Die HTW Dresden lehrt praxisnah in Technik, Wirtschaft und Gestaltung. KI wird in der Informatik ebenso genutzt wie in Landbau, Umwelt und Geoinformation.\n\nStudierende arbeiten in Projekten mit Unternehmen aus der Region.",
    },
    Known {
        name: "Hochschule Zittau/Görlitz",
        category: "hochschule",
        ags8: "14626610",
        postcode: "02763",
        website: "https://www.hszg.de",
        founded: Some(1992),
        size: "mittel",
        competences: &["maschinelles-lernen", "zeitreihen", "optimierung"],
        industries: &["energie", "umwelt-landwirtschaft", "produktion"],
        offers: &["forschung-entwicklung", "weiterbildung"],
        short: "Hochschule im Dreiländereck mit Forschung zu Energie, Umwelt und Strukturwandel.",
        description: "Die Hochschule Zittau/Görlitz hat Standorte in Zittau und Görlitz. Sie forscht unter anderem zu Energiesystemen und Prozessautomatisierung, wo Prognose- und Lernverfahren eine wachsende Rolle spielen.\n\nIm Strukturwandel der Lausitz ist sie ein wichtiger Partner für Unternehmen.",
    },
    Known {
        name: "Westsächsische Hochschule Zwickau",
        category: "hochschule",
        ags8: "14524330",
        postcode: "08056",
        website: "https://www.fh-zwickau.de",
        founded: None,
        size: "mittel",
        competences: &["maschinelles-lernen", "bildverarbeitung", "robotik"],
        industries: &["mobilitaet", "produktion", "gesundheit"],
        offers: &["forschung-entwicklung", "weiterbildung", "jobs"],
        short: "Hochschule für Angewandte Wissenschaften mit Schwerpunkten in Automobil- und Produktionstechnik.",
        description: "Die Westsächsische Hochschule Zwickau ist eng mit der Automobilindustrie der Region verbunden. Lernende Systeme kommen in Fahrzeugtechnik, Produktion und Gesundheitstechnik zum Einsatz.",
    },
    Known {
        name: "Helmholtz-Zentrum Dresden-Rossendorf",
        category: "forschungseinrichtung",
        ags8: "14612000",
        postcode: "01328",
        website: "https://www.hzdr.de",
        founded: None,
        size: "gross",
        competences: &["maschinelles-lernen", "deep-learning", "daten-engineering"],
        industries: &["gesundheit", "energie", "umwelt-landwirtschaft"],
        offers: &["forschung-entwicklung", "kooperation", "jobs"],
        short: "Forschungszentrum der Helmholtz-Gemeinschaft für Energie, Gesundheit und Materie.",
        description: "Das HZDR betreibt Großgeräte und forscht zu Energie, Gesundheit und Materie. Die anfallenden Datenmengen werden zunehmend mit Verfahren des maschinellen Lernens ausgewertet.\n\nDas Zentrum beteiligt sich an der KI-Plattform der Helmholtz-Gemeinschaft.",
    },
    Known {
        name: "Max-Planck-Institut für molekulare Zellbiologie und Genetik",
        category: "forschungseinrichtung",
        ags8: "14612000",
        postcode: "01307",
        website: "https://www.mpi-cbg.de",
        founded: None,
        size: "gross",
        competences: &["bildverarbeitung", "deep-learning", "maschinelles-lernen"],
        industries: &["gesundheit"],
        offers: &["forschung-entwicklung", "jobs"],
        short: "Grundlagenforschung zur Organisation von Zellen und Geweben, mit starker Bildanalyse.",
        description: "Das MPI-CBG in Dresden erforscht, wie Zellen Gewebe bilden. Mikroskopiebilder werden dort mit lernenden Verfahren ausgewertet; frei verfügbare Werkzeuge zur Bildanalyse sind auch außerhalb des Instituts verbreitet.",
    },
    Known {
        name: "SpinLab – The HHL Accelerator",
        category: "netzwerk",
        ags8: "14713000",
        postcode: "04179",
        website: "https://www.spinlab.co",
        founded: None,
        size: "kleinst",
        competences: &["generative-ki", "daten-engineering"],
        industries: &["handel", "finanzen", "energie"],
        offers: &["beratung", "kooperation"],
        short: "Start-up-Accelerator der HHL Leipzig Graduate School of Management auf der Baumwollspinnerei.",
        description: "Der SpinLab unterstützt junge Unternehmen mit Programmen, Räumen und Kontakten zu Partnern aus der Wirtschaft. Viele der geförderten Teams entwickeln datengetriebene und KI-basierte Produkte.",
    },
    Known {
        name: "futureSAX – Die Innovationsplattform des Freistaates Sachsen",
        category: "oeffentlich",
        ags8: "14612000",
        postcode: "01067",
        website: "https://www.futuresax.de",
        founded: None,
        size: "klein",
        competences: &["generative-ki"],
        industries: &["produktion", "handel", "verwaltung"],
        offers: &["beratung", "kooperation", "weiterbildung"],
        short: "Innovationsplattform des Freistaates für Gründerinnen, Gründer, Mittelstand und Forschung.",
        description: "futureSAX vernetzt Gründende, etablierte Unternehmen und Forschung in Sachsen, richtet Wettbewerbe und Transferformate aus und macht Innovationen sichtbar – auch solche aus der Künstlichen Intelligenz.",
    },
    Known {
        name: "DLR-Institut für Softwaremethoden zur Produkt-Virtualisierung",
        category: "forschungseinrichtung",
        ags8: "14612000",
        postcode: "01187",
        website: "https://www.dlr.de",
        founded: None,
        size: "mittel",
        competences: &[
            "maschinelles-lernen",
            "optimierung",
            "vertrauenswuerdige-ki",
        ],
        industries: &["mobilitaet", "produktion"],
        offers: &["forschung-entwicklung", "kooperation"],
        short: "Institut des Deutschen Zentrums für Luft- und Raumfahrt in Dresden für Simulation und Software.",
        description: "Das Dresdner DLR-Institut entwickelt Softwaremethoden, mit denen Luftfahrzeuge virtuell entworfen und erprobt werden. Maschinelles Lernen ergänzt dort physikalische Simulationen.",
    },
];

/// Fictional organisations: (name, category, AGS8, postcode, size,
/// competences, industries, offers, short description, status).
type Fictional = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    &'static str,
);

const FICTIONAL: &[Fictional] = &[
    (
        "Elbtal Vision GmbH",
        "startup",
        "14612000",
        "01097",
        "kleinst",
        &["bildverarbeitung", "deep-learning"],
        &["umwelt-landwirtschaft"],
        &["produkte", "kooperation"],
        "Kamerasysteme, die Schäden an Obstbäumen früh erkennen.",
        domain::VERIFIED,
    ),
    (
        "Lausitzer Datenwerk GmbH",
        "unternehmen",
        "14625240",
        "02977",
        "klein",
        &["daten-engineering", "zeitreihen"],
        &["energie"],
        &["produkte", "beratung"],
        "Prognosen für Wind- und Solarparks im Lausitzer Revier.",
        domain::VERIFIED,
    ),
    (
        "Erzgebirgische Robotik AG",
        "unternehmen",
        "14521020",
        "09456",
        "mittel",
        &["robotik", "bildverarbeitung"],
        &["produktion"],
        &["produkte", "jobs"],
        "Greifroboter, die Holzspielzeug sortieren und verpacken.",
        domain::VERIFIED,
    ),
    (
        "Vogtland Textil-KI UG",
        "startup",
        "14523320",
        "08523",
        "kleinst",
        &["bildverarbeitung", "maschinelles-lernen"],
        &["produktion"],
        &["produkte"],
        "Fehlererkennung in Spitzen und Stickereien.",
        domain::VERIFIED,
    ),
    (
        "Zwickauer Fahrzeugdaten GmbH",
        "unternehmen",
        "14524330",
        "08056",
        "klein",
        &["zeitreihen", "edge-ki"],
        &["mobilitaet"],
        &["produkte", "kooperation"],
        "Vorausschauende Wartung für Busse und Bahnen.",
        domain::VERIFIED,
    ),
    (
        "Meißner Sprachlabor e. V.",
        "bildung",
        "14627140",
        "01662",
        "kleinst",
        &["nlp", "generative-ki"],
        &["bildung", "verwaltung"],
        &["weiterbildung"],
        "Kurse in Leichter Sprache mit KI-Unterstützung für Verwaltungen.",
        domain::VERIFIED,
    ),
    (
        "KI-Werkstatt Görlitz",
        "bildung",
        "14626110",
        "02826",
        "kleinst",
        &["maschinelles-lernen"],
        &["bildung"],
        &["weiterbildung", "kooperation"],
        "Abendkurse für Handwerk und Mittelstand in der Oberlausitz.",
        domain::VERIFIED,
    ),
    (
        "Leipziger Auenmonitor GmbH",
        "startup",
        "14713000",
        "04229",
        "kleinst",
        &["bildverarbeitung", "zeitreihen"],
        &["umwelt-landwirtschaft"],
        &["produkte", "kooperation"],
        "Drohnenbilder und Pegeldaten für den Schutz des Auwalds.",
        domain::VERIFIED,
    ),
    (
        "MediScan Chemnitz GmbH",
        "unternehmen",
        "14511000",
        "09111",
        "klein",
        &["deep-learning", "bildverarbeitung", "vertrauenswuerdige-ki"],
        &["gesundheit"],
        &["produkte", "jobs"],
        "Assistenzsoftware für die Auswertung von Röntgenbildern.",
        domain::VERIFIED,
    ),
    (
        "Sächsischer Verbund Kommunale KI",
        "netzwerk",
        "14522180",
        "09599",
        "kleinst",
        &["nlp", "wissensrepraesentation"],
        &["verwaltung"],
        &["kooperation", "beratung"],
        "Kommunen, die gemeinsam KI-Dienste für Bürgeranfragen erproben.",
        domain::VERIFIED,
    ),
    (
        "Pirnaer Logistik-Optimierung GmbH",
        "unternehmen",
        "14628270",
        "01796",
        "klein",
        &["optimierung"],
        &["logistik", "handel"],
        &["produkte", "beratung"],
        "Tourenplanung für regionale Lieferdienste.",
        domain::VERIFIED,
    ),
    (
        "Torgauer Agrardaten eG",
        "unternehmen",
        "14730310",
        "04860",
        "kleinst",
        &["daten-engineering", "maschinelles-lernen"],
        &["umwelt-landwirtschaft"],
        &["produkte"],
        "Ertragskarten und Bewässerungsempfehlungen für Genossenschaften.",
        domain::VERIFIED,
    ),
    (
        "Radebeuler Weinberg-KI UG",
        "startup",
        "14627210",
        "01445",
        "kleinst",
        &["bildverarbeitung", "edge-ki"],
        &["umwelt-landwirtschaft"],
        &["produkte", "kooperation"],
        "Sensorstationen, die Reblauskrankheiten erkennen.",
        domain::VERIFIED,
    ),
    (
        "Freitaler Qualitätsprüfung GmbH",
        "unternehmen",
        "14628110",
        "01705",
        "mittel",
        &["bildverarbeitung", "edge-ki"],
        &["produktion", "mikroelektronik"],
        &["produkte", "jobs"],
        "Optische Prüfung von Leiterplatten direkt an der Linie.",
        domain::VERIFIED,
    ),
    (
        "Bautzener Sorbisch-Sprachtechnologie e. V.",
        "netzwerk",
        "14625020",
        "02625",
        "kleinst",
        &["nlp"],
        &["medien-kultur", "bildung"],
        &["kooperation", "forschung-entwicklung"],
        "Sprachmodelle und Korpora für die sorbischen Sprachen.",
        domain::VERIFIED,
    ),
    (
        "Dresdner Finanzanalytik GmbH",
        "unternehmen",
        "14612000",
        "01067",
        "klein",
        &["zeitreihen", "vertrauenswuerdige-ki"],
        &["finanzen"],
        &["produkte", "beratung"],
        "Nachvollziehbare Risikomodelle für Sparkassen und Genossenschaftsbanken.",
        domain::VERIFIED,
    ),
    (
        "Grimmaer Holzbau Digital GmbH",
        "unternehmen",
        "14729160",
        "04668",
        "klein",
        &["optimierung"],
        &["produktion"],
        &["produkte"],
        "Zuschnittoptimierung für Holzbaubetriebe.",
        domain::PENDING,
    ),
    (
        "Delitzscher KI-Lernort",
        "bildung",
        "14730070",
        "04509",
        "kleinst",
        &["generative-ki"],
        &["bildung"],
        &["weiterbildung"],
        "Medienkompetenzkurse für Schulen im Landkreis.",
        domain::PENDING,
    ),
    (
        "Markkleeberger Seen-Sensorik UG",
        "startup",
        "14729260",
        "04416",
        "kleinst",
        &["zeitreihen", "edge-ki"],
        &["umwelt-landwirtschaft"],
        &["produkte"],
        "Wasserqualität der Tagebauseen in Echtzeit.",
        domain::PENDING,
    ),
];

const NAME_STARTS: [&str; 16] = [
    "Elb",
    "Erz",
    "Mulde",
    "Spree",
    "Neiße",
    "Saale",
    "Lausitz",
    "Vogtland",
    "Pleiße",
    "Zschopau",
    "Heide",
    "Auen",
    "Silber",
    "Bergland",
    "Röder",
    "Weißeritz",
];
const NAME_CORES: [&str; 12] = [
    "Analytics",
    "Vision",
    "Robotics",
    "Datenwerk",
    "Lernsysteme",
    "Sensorik",
    "KI-Labor",
    "Intelligence",
    "Systems",
    "Prognostik",
    "Sprachtechnik",
    "Automation",
];
const NAME_FORMS: [&str; 5] = ["GmbH", "UG", "e. V.", "AG", "GmbH & Co. KG"];
const TASKS: [&str; 8] = [
    "entwickelt lernende Software für",
    "berät kleine und mittlere Unternehmen zu KI in",
    "forscht an erklärbaren Modellen für",
    "baut Datenplattformen für",
    "schult Fachkräfte im Einsatz von KI in",
    "erprobt Sensorik mit eingebetteter KI für",
    "automatisiert Prüfprozesse in",
    "verbindet Forschung und Praxis in",
];

fn db_err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn list(items: &[&str]) -> String {
    items.join(",")
}

fn place(ags8: &str) -> Result<(String, String, f64, f64), String> {
    let m = dias_core::reference::cached()
        .municipality(ags8)
        .ok_or_else(|| format!("demo: unknown AGS {ags8}"))?;
    Ok((m.name_short.clone(), m.district_ags5.clone(), m.lat, m.lon))
}

#[expect(
    clippy::too_many_arguments,
    reason = "one flat row builder keeps the three demo sources readable"
)]
fn row(
    i: usize,
    slug: String,
    name: &str,
    category: &str,
    short: &str,
    description: String,
    competences: String,
    industries: String,
    offers: String,
    size: &str,
    founded: Option<i32>,
    postcode: &str,
    ags8: &str,
    website: &str,
    status: &str,
    at: i64,
    jitter: (f64, f64),
) -> Result<actor::ActiveModel, String> {
    let (city, ags5, lat, lon) = place(ags8)?;
    let verified = status == domain::VERIFIED;
    Ok(actor::ActiveModel {
        slug: Set(slug.chars().take(120).collect()),
        name: Set(name.to_owned()),
        category: Set(category.to_owned()),
        short_description: Set(short.to_owned()),
        description_md: Set(description),
        competences: Set(competences),
        industries: Set(industries),
        offers: Set(offers),
        size_class: Set(size.to_owned()),
        founding_year: Set(founded),
        street: Set(String::new()),
        postcode: Set(postcode.to_owned()),
        city: Set(city),
        ags8: Set(ags8.to_owned()),
        ags5: Set(ags5),
        lat: Set(lat + jitter.0),
        lon: Set(lon + jitter.1),
        website: Set(website.to_owned()),
        contact_email: Set(format!("netzwerk-{i}@demo.dias.example")),
        status: Set(status.to_owned()),
        decline_reason: Set(None),
        verified_at: Set(verified.then_some(at + DAY)),
        verified_by: Set(None),
        created_at: Set(at),
        updated_at: Set(at + DAY),
        ..Default::default()
    })
}

fn pick<'a>(rng: &mut StdRng, terms: &'a [domain::Term], max: usize) -> Vec<&'a str> {
    let n = rng.gen_range(1..=max);
    let mut out: Vec<&str> = Vec::new();
    for _ in 0..n {
        let t = terms[rng.gen_range(0..terms.len())].slug;
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out.sort_by_key(|s| terms.iter().position(|t| t.slug == *s));
    out
}

/// A municipality drawn with probability proportional to its population,
/// so generated actors cluster in the cities as real ones do.
fn weighted_municipality(rng: &mut StdRng, cumulative: &[(i64, String)]) -> String {
    let total = cumulative.last().map(|c| c.0).unwrap_or(1).max(1);
    let x = rng.gen_range(0..total);
    let i = cumulative.partition_point(|c| c.0 <= x);
    cumulative
        .get(i.min(cumulative.len().saturating_sub(1)))
        .map(|c| c.1.clone())
        .unwrap_or_else(|| "14612000".to_owned())
}

/// The documented demo account that represents a fictional actor, and that
/// actor: a network of municipalities, so that a municipality registering
/// with a similar profile shows up among its "Passende Partner".
pub const DEMO_REPRESENTATIVE: (&str, &str) = (
    "akteur@demo.dias.example",
    "Sächsischer Verbund Kommunale KI",
);

/// Makes the documented demo representative a representative of its actor
/// (opted in to partner requests), if both exist.
async fn link_demo_representative(db: &DatabaseConnection, now: i64) -> Result<(), String> {
    let (email, name) = DEMO_REPRESENTATIVE;
    let user_id = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Email.eq(email))
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(db_err)?;
    let actor_id = actor::Entity::find()
        .select_only()
        .column(actor::Column::Id)
        .filter(actor::Column::Slug.eq(domain::slugify(name)))
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(db_err)?;
    let (Some(user_id), Some(actor_id)) = (user_id, actor_id) else {
        return Ok(());
    };
    actor_representative::Entity::insert(actor_representative::ActiveModel {
        actor_id: Set(actor_id),
        user_id: Set(user_id),
        partner_requests_opt_in: Set(true),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await
    .map_err(db_err)?;
    Ok(())
}

pub async fn seed(db: &DatabaseConnection, scale: Scale) -> Result<String, String> {
    let mut rng = StdRng::seed_from_u64(5);
    let now = dias_core::time::now();
    let mut rows = Vec::new();
    for (i, k) in KNOWN.iter().enumerate() {
        rows.push(row(
            i,
            domain::slugify(k.name),
            k.name,
            k.category,
            k.short,
            k.description.to_owned(),
            list(k.competences),
            list(k.industries),
            list(k.offers),
            k.size,
            k.founded,
            k.postcode,
            k.ags8,
            k.website,
            domain::VERIFIED,
            now - (400 - i as i64 * 7) * DAY,
            (0.0, 0.0),
        )?);
    }
    for (j, f) in FICTIONAL.iter().enumerate() {
        let i = KNOWN.len() + j;
        let description = format!(
            "{} (fiktiv)\n\nDiese Organisation ist für die Demo erfunden. {} {} arbeitet mit Partnern aus Forschung und Praxis in Sachsen zusammen.",
            f.8,
            f.0,
            TASKS[j % TASKS.len()]
        );
        rows.push(row(
            i,
            domain::slugify(f.0),
            f.0,
            f.1,
            f.8,
            description,
            list(f.5),
            list(f.6),
            list(f.7),
            f.4,
            Some(2015 + (j as i32 % 10)),
            f.3,
            f.2,
            "",
            f.9,
            now - (200 - j as i64 * 9) * DAY,
            (0.0, 0.0),
        )?);
    }
    let generated = match scale {
        Scale::Small => 0,
        Scale::Large => 20_000,
    };
    let mut cumulative: Vec<(i64, String)> = Vec::new();
    let mut sum = 0;
    for m in &dias_core::reference::cached().municipalities {
        sum += m.population.max(1);
        cumulative.push((sum, m.ags8.clone()));
    }
    let base = rows.len();
    for g in 0..generated {
        let i = base + g;
        let name = format!(
            "{} {} {}",
            NAME_STARTS[rng.gen_range(0..NAME_STARTS.len())],
            NAME_CORES[rng.gen_range(0..NAME_CORES.len())],
            NAME_FORMS[rng.gen_range(0..NAME_FORMS.len())]
        );
        let category = domain::CATEGORIES[rng.gen_range(0..domain::CATEGORIES.len())].slug;
        let competences = pick(&mut rng, &COMPETENCES, 3);
        let industries = pick(&mut rng, &INDUSTRIES, 2);
        let offers = pick(&mut rng, &OFFERS, 2);
        let industry = domain::find(&INDUSTRIES, industries[0])
            .map(|t| t.de)
            .unwrap_or_default();
        let short = format!(
            "{} {} {}.",
            name,
            TASKS[rng.gen_range(0..TASKS.len())],
            industry
        );
        let description =
            format!("{short} (fiktiv)\n\nGeneriertes Demo-Profil für Last- und Oberflächentests.");
        let ags8 = weighted_municipality(&mut rng, &cumulative);
        let jitter = (rng.gen_range(-0.02..0.02), rng.gen_range(-0.03..0.03));
        let size = domain::SIZES[rng.gen_range(0..domain::SIZES.len())].slug;
        let postcode = dias_core::reference::cached()
            .municipality(&ags8)
            .map(|m| m.postcode.clone())
            .unwrap_or_else(|| "01067".to_owned());
        let status = if g % 50 == 0 {
            domain::PENDING
        } else {
            domain::VERIFIED
        };
        rows.push(row(
            i,
            format!("{}-{i}", domain::slugify(&name)),
            &name,
            category,
            &short,
            description,
            list(&competences),
            list(&industries),
            list(&offers),
            size,
            Some(rng.gen_range(1990..=2025)),
            &postcode,
            &ags8,
            "",
            status,
            now - rng.gen_range(2..1_500) * DAY,
            jitter,
        )?);
    }
    let count = rows.len();
    for chunk in rows.chunks(500) {
        actor::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    dias_core::versions::bump(db, crate::store::ACTORS_VERSION)
        .await
        .map_err(db_err)?;
    crate::requests::seed_demo(db).await?;
    // Representatives: generated participants (the documented demo accounts
    // stay as they are, so every e2e journey starts from a known state).
    let participants: Vec<i64> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Role.eq(Role::Participant.as_str()))
        .filter(user::Column::Email.starts_with("teilnehmende"))
        .order_by_asc(user::Column::Id)
        .into_tuple::<i64>()
        .all(db)
        .await
        .map_err(db_err)?;
    if participants.is_empty() {
        return Ok(format!("{count} Akteure"));
    }
    let ids: Vec<i64> = actor::Entity::find()
        .select_only()
        .column(actor::Column::Id)
        .order_by_asc(actor::Column::Id)
        .into_tuple::<i64>()
        .all(db)
        .await
        .map_err(db_err)?;
    // Spread over at most a quarter of the participants, so that most of
    // them stay plain participants.
    let pool = &participants[..(participants.len() / 4).max(1)];
    let reps: Vec<actor_representative::ActiveModel> = ids
        .iter()
        .enumerate()
        .map(|(n, &actor_id)| actor_representative::ActiveModel {
            actor_id: Set(actor_id),
            user_id: Set(pool[n % pool.len()]),
            partner_requests_opt_in: Set(n % 3 == 0),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in reps.chunks(1_000) {
        actor_representative::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    for chunk in pool.chunks(500) {
        user::Entity::update_many()
            .col_expr(
                user::Column::Role,
                Expr::value(Role::Representative.as_str()),
            )
            .filter(user::Column::Id.is_in(chunk.to_vec()))
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    link_demo_representative(db, now).await?;
    // Events and posts (events_demo.rs) need the actors and representatives.
    crate::events_demo::seed(db, scale).await?;
    crate::boards_demo::seed(db, scale).await?;
    Ok(format!("{count} Akteure"))
}
