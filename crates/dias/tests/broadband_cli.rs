//! `dias broadband evaluate` as a consultant runs it: two CSV files in,
//! four CSV files out, clear messages for wrong arguments and files.
#![expect(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::Path;
use std::process::{Command, Output};

const ADDRESSES: &str = "\
address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses
A1,01001000,Hauptstr.,1,01067,\"Dresden, Altstadt\",51.05,13.74,privat,2,0
A2,14612000,Hauptstr.,2,01067,Dresden,,,gewerblich,0,3
A3,14612000,Hauptstr.,3,01067,Dresden,,,sozioökonomisch,1,1
A1,14612000,Hauptstr.,1,01067,Dresden,,,privat,9,9
A4,14612000,Hauptstr.,4,01067,Dresden,,,kirche,1,0
A5,14713000,Markt,1,04109,Leipzig,,,privat,4,0
";

const RESPONSES: &str = "\
address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan
A1,Telekom,FTTH,1000,500,current,,
A1,Vodafone,HFC,1000,50,current,,
A1,Telekom,LTE,\"50,5\",10,current,,
A2,Telekom,VDSL,100,40,current,,
A2,\"Netz \"\"Ost\"\"\",FTTH,1000,1000,planned,2027-06-30,yes
A2,Vodafone,HFC,1000,50,planned,2027-06-30,no
A3,Telekom,FTTB,200,200,current,,
A5,Telekom,VDSL,250,40,current,,
A5,Telekom,FTTH,1000,1000,planned,2030-01-01,yes
A5,Telekom,VDSL,250,40,current,,
A9,Telekom,FTTH,1000,1000,current,,
A5,Telekom,Glasfaser,1000,1000,current,,
";

fn dias(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dias"))
        .args(["broadband", "evaluate"])
        .args(args)
        .env_remove("DIAS_CONFIG")
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap()
}

fn fixture(dir: &Path) -> (String, String) {
    let addresses = dir.join("addresses-in.csv");
    let responses = dir.join("responses-in.csv");
    std::fs::write(&addresses, ADDRESSES).unwrap();
    std::fs::write(&responses, RESPONSES).unwrap();
    (
        addresses.to_str().unwrap().to_owned(),
        responses.to_str().unwrap().to_owned(),
    )
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn evaluate_writes_the_four_result_files() {
    let dir = tempfile::tempdir().unwrap();
    let (addresses, responses) = fixture(dir.path());
    let out = dir.path().join("out");
    let output = dias(&[
        "--addresses",
        &addresses,
        "--responses",
        &responses,
        "--rule-set",
        "gigabit-2.0",
        "--survey-start",
        "2026-01-15",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        read(&out, "addresses.csv"),
        "address_id,ags8,status,colour,current_down,current_up,planned_down,planned_up,deciding_operator\n\
         A1,01001000,versorgt,schwarz,1000,500,,,Telekom\n\
         A2,14612000,eigenwirtschaftlich_geplant,grau,100,40,1000,1000,\"Netz \"\"Ost\"\"\"\n\
         A3,14612000,versorgt,grau,200,200,,,Telekom\n\
         A5,14713000,foerderfaehig,dunkelgrau,250,40,,,Telekom\n"
    );
    assert_eq!(
        read(&out, "municipalities.csv"),
        "ags8,status,addresses,households,businesses\n\
         01001000,versorgt,1,2,0\n\
         01001000,eigenwirtschaftlich_geplant,0,0,0\n\
         01001000,foerderfaehig,0,0,0\n\
         14612000,versorgt,1,1,1\n\
         14612000,eigenwirtschaftlich_geplant,1,0,3\n\
         14612000,foerderfaehig,0,0,0\n\
         14713000,versorgt,0,0,0\n\
         14713000,eigenwirtschaftlich_geplant,0,0,0\n\
         14713000,foerderfaehig,1,4,0\n"
    );
    assert_eq!(
        read(&out, "protocol.csv"),
        "address_id,role,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan,reason,line\n\
         A1,massgeblich,Telekom,FTTH,1000,500,current,,no,,2\n\
         A1,nicht_beruecksichtigt,Telekom,LTE,50.5,10,current,,no,mobil,4\n\
         A2,massgeblich,\"Netz \"\"Ost\"\"\",FTTH,1000,1000,planned,2027-06-30,yes,,6\n\
         A2,nicht_beruecksichtigt,Vodafone,HFC,1000,50,planned,2027-06-30,no,kein Meilensteinplan,7\n\
         A3,massgeblich,Telekom,FTTB,200,200,current,,no,,8\n\
         A5,massgeblich,Telekom,VDSL,250,40,current,,no,,9\n\
         A5,nicht_beruecksichtigt,Telekom,FTTH,1000,1000,planned,2030-01-01,yes,außerhalb des Zeithorizonts,10\n"
    );
    assert_eq!(
        read(&out, "rejected_rows.csv"),
        "file,line,reason\n\
         addresses,5,\"doppelte address_id \"\"A1\"\" (wie Zeile 2)\"\n\
         addresses,6,\"unbekannte Nutzung \"\"kirche\"\" (erlaubt: privat, gewerblich, sozioökonomisch)\"\n\
         responses,11,doppelte Zeile (wie Zeile 9)\n\
         responses,12,\"unbekannte address_id \"\"A9\"\"\"\n\
         responses,13,\"unbekannte Technologie \"\"Glasfaser\"\" (erlaubt: FTTH, FTTB, HFC, VDSL, ADSL, 5G, LTE, SAT, OTHER)\"\n"
    );
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains(
            "4 Adressen: 2 versorgt, 1 eigenwirtschaftlich geplant, 1 förderfähig (25.0 %); \
             abgelehnte Zeilen: 2 Adressen, 3 Rückmeldungen"
        ),
        "{summary}"
    );
    let progress = stderr(&output);
    assert!(
        progress.contains("Adressen gelesen: 4 gültig, 2 abgelehnt")
            && progress.contains("Rückmeldungen gelesen: 9 gültig, 3 abgelehnt"),
        "{progress}"
    );
}

#[test]
fn gigabit_1_keeps_socio_economic_addresses_eligible_and_a_rule_file_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let (addresses, responses) = fixture(dir.path());
    let out = dir.path().join("g1");
    let run = |rule: &[&str], out: &Path| {
        let mut args = vec![
            "--addresses",
            &addresses,
            "--responses",
            &responses,
            "--survey-start",
            "2026-01-15",
            "--horizon-years",
            "5",
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(rule);
        let output = dias(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        read(out, "addresses.csv")
    };
    let g1 = run(&["--rule-set", "gigabit-1.0"], &out);
    // A3 (sozioökonomisch, 200/200 now) is supplied at ≥ 100; A5 has 250 now.
    assert!(g1.contains("A3,14612000,versorgt,"), "{g1}");
    assert!(g1.contains("A5,14713000,versorgt,"), "{g1}");

    // An own file with the id gigabit-2.0 replaces the built-in thresholds.
    let own = dir.path().join("own.json");
    std::fs::write(
        &own,
        r#"{"id": "gigabit-2.0", "name": "Strenger", "in_force_from": "2023-03-31",
            "supplied_when": [{"down_min": 1000, "up_min": 500}], "dark_grey_colour": true}"#,
    )
    .unwrap();
    let strict = run(
        &[
            "--rule-set",
            "gigabit-2.0",
            "--rule-file",
            own.to_str().unwrap(),
        ],
        &dir.path().join("own"),
    );
    assert!(
        strict.contains("A3,14612000,foerderfaehig,dunkelgrau,"),
        "{strict}"
    );
    // With --horizon-years 5 the 2030 plan counts: A5 is planned.
    assert!(
        strict.contains("A5,14713000,eigenwirtschaftlich_geplant,"),
        "{strict}"
    );
    // Without --rule-set the file's own id is used.
    let implicit = run(
        &["--rule-file", own.to_str().unwrap()],
        &dir.path().join("implicit"),
    );
    assert_eq!(implicit, strict);
}

#[test]
fn bad_arguments_name_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let (addresses, responses) = fixture(dir.path());
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    let base = |extra: &[&str]| {
        let mut args = vec![
            "--addresses",
            &addresses,
            "--responses",
            &responses,
            "--out",
            out,
        ];
        args.extend_from_slice(extra);
        dias(&args)
    };
    let cases: [(&[&str], &str); 6] = [
        (
            &["--rule-set", "gigabit-2.0", "--survey-start", "15.01.2026"],
            "--survey-start <YYYY-MM-DD>",
        ),
        (
            &["--rule-set", "gigabit-2.0", "--survey-start", "2026-02-30"],
            "2026-02-30 is not a valid date",
        ),
        (
            &["--rule-set", "gigabit-3.0", "--survey-start", "2026-01-15"],
            "--rule-set \"gigabit-3.0\": unbekanntes Regelwerk (bekannt: nga-30, gigabit-1.0, gigabit-2.0, eu-2023)",
        ),
        (
            &[
                "--rule-set",
                "gigabit-2.0",
                "--survey-start",
                "2026-01-15",
                "--horizon-years",
                "11",
            ],
            "--horizon-years <YEARS>",
        ),
        (&["--survey-start", "2026-01-15"], "--rule-set <ID>"),
        (
            &[
                "--rule-set",
                "gigabit-2.0",
                "--survey-start",
                "2026-01-15",
                "--rule-file",
                "/no/such/rules.json",
            ],
            "--rule-file /no/such/rules.json",
        ),
    ];
    for (extra, want) in cases {
        let output = base(extra);
        assert!(!output.status.success(), "{extra:?}");
        let message = stderr(&output);
        assert!(message.contains(want), "{extra:?}: {message}");
    }
    assert!(
        !Path::new(out).exists(),
        "nothing is written on bad arguments"
    );
}

#[test]
fn missing_files_and_broken_headers_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (addresses, responses) = fixture(dir.path());
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    let common = [
        "--rule-set",
        "nga-30",
        "--survey-start",
        "2026-01-15",
        "--out",
        out,
    ];
    let run = |addresses: &str, responses: &str| {
        let mut args = vec!["--addresses", addresses, "--responses", responses];
        args.extend_from_slice(&common);
        dias(&args)
    };

    let missing = run("/no/such/addresses.csv", &responses);
    assert_eq!(missing.status.code(), Some(1));
    let message = stderr(&missing);
    assert!(
        message.contains("--addresses /no/such/addresses.csv: nicht lesbar"),
        "{message}"
    );

    let broken = dir.path().join("broken.csv");
    std::fs::write(&broken, "address_id,operator,technology\nA1,T,FTTH\n").unwrap();
    let output = run(&addresses, broken.to_str().unwrap());
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains(&format!(
            "{}:1: responses: Pflichtspalten fehlen in der Kopfzeile: down_mbps, up_mbps, kind, planned_date, milestone_plan",
            broken.display()
        )),
        "{message}"
    );
}
