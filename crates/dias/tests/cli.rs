//! The binary's commands as an operator uses them.

use std::process::Command;

fn dias() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dias"));
    command
        .env_remove("DIAS_DATABASE_URL")
        .env("RUST_BACKTRACE", "0");
    command
}

#[test]
fn sqlite_url_in_a_missing_directory_is_refused_with_a_clear_message() {
    let output = dias()
        .args([
            "--database-url",
            "sqlite:///no/such/dir/dias.sqlite",
            "migrate",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("/no/such/dir") && stderr.contains("does not exist"),
        "{stderr}"
    );
    assert!(!std::path::Path::new("/no/such/dir").exists());
}

#[test]
fn user_create_explains_a_weak_password_per_flag_and_creates_a_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let weak = dias()
        .args([
            "--data-dir",
            data,
            "user",
            "create",
            "--admin",
            "--email",
            "chef@example.org",
            "--password",
            "kurz",
        ])
        .output()
        .unwrap();
    assert!(!weak.status.success());
    let stderr = String::from_utf8_lossy(&weak.stderr);
    assert!(
        stderr.contains("--password: Das Passwort muss mindestens 12 Zeichen lang sein."),
        "{stderr}"
    );
    let ok = dias()
        .args([
            "--data-dir",
            data,
            "user",
            "create",
            "--admin",
            "--email",
            "chef@example.org",
            "--password",
            "Festung-Koenigstein-2026",
        ])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(dir.path().join("dias.sqlite").exists());
    let again = dias()
        .args([
            "--data-dir",
            data,
            "user",
            "create",
            "--email",
            "chef@example.org",
            "--password",
            "Festung-Koenigstein-2026",
        ])
        .output()
        .unwrap();
    assert!(!again.status.success(), "duplicate address refused");
}

#[test]
fn opinion_analyze_writes_the_documented_json_and_reports_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let votes = dir.path().join("votes.csv");
    // Two camps of ten that vote opposite on six statements, plus one bad row.
    let mut csv = String::from("participant,statement,vote\n");
    for p in 0..20 {
        for s in 0..6 {
            let camp = if p < 10 { 1 } else { -1 };
            let vote = if s % 2 == 0 { camp } else { -camp };
            csv.push_str(&format!("p{p},s{s},{vote}\n"));
        }
        csv.push_str(&format!("p{p},s6,1\n"));
    }
    csv.push_str("p1,s1,vielleicht\n");
    std::fs::write(&votes, csv).unwrap();
    let out = dir.path().join("analysis.json");
    let output = dias()
        .args([
            "opinion",
            "analyze",
            "--votes",
            votes.to_str().unwrap(),
            "--moderated-out",
            "s5",
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("votes.csv:142:"),
        "bad row reported with its line: {stderr}"
    );
    let analysis: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(analysis["k"], 2);
    assert_eq!(analysis["participants"].as_object().unwrap().len(), 20);
    let groups = analysis["groups"].as_array().unwrap();
    let mut sizes: Vec<usize> = groups
        .iter()
        .map(|g| g["members"].as_array().unwrap().len())
        .collect();
    sizes.sort();
    assert_eq!(sizes, vec![10, 10]);
    // Everyone agrees with s6: consensus; s5 is moderated out and never representative.
    assert!(
        analysis["consensus"]["agree"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "s6")
    );
    for g in groups {
        for r in g["repness"].as_array().unwrap() {
            assert_ne!(r["statement"], "s5");
            for key in ["pa", "pd", "pat", "pdt", "ra", "rd", "rat", "rdt"] {
                assert!(r[key].is_number(), "{key}");
            }
        }
    }
    assert!(analysis["gic"].is_object());
    assert!(analysis["timings_ms"].is_object());
}

#[test]
fn backup_writes_a_sqlite_copy_and_refuses_an_existing_file_or_a_missing_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let status = dias()
        .arg("--data-dir")
        .arg(&data)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");

    let existing = dir.path().join("existing.sqlite");
    std::fs::write(&existing, "keep").unwrap();
    let output = dias()
        .arg("--data-dir")
        .arg(&data)
        .args(["backup", "--out"])
        .arg(&existing)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("exists already"));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep");

    let missing = dir.path().join("no").join("such").join("backup.sqlite");
    let output = dias()
        .arg("--data-dir")
        .arg(&data)
        .args(["backup", "--out"])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no/such") && stderr.contains("is not a directory"),
        "{stderr}"
    );

    let out = dir.path().join("backup.sqlite");
    let output = dias()
        .arg("--data-dir")
        .arg(&data)
        .args(["backup", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"));
}

#[test]
fn a_failed_postgres_backup_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dias.dump");
    // Nothing listens on port 9: pg_dump fails (or is missing); either way no file remains,
    // so that a second try is not refused as "exists already".
    let output = dias()
        .env("DIAS_SECRET_KEY", "a-secret-key-of-at-least-32-characters")
        .args([
            "--database-url",
            "postgres://dias@127.0.0.1:9/nothing",
            "backup",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("pg_dump"),
        "{output:?}"
    );
    assert!(!out.exists(), "a partial backup file was left behind");
}

/// With `DIAS_TEST_DATABASE_URL` (PostgreSQL): `dias backup` runs pg_dump with the password
/// taken out of the URL (into `PGPASSWORD`) and writes a custom-format dump.
#[test]
fn postgres_backup_writes_a_custom_dump_from_a_url_with_a_password() {
    let Ok(url) = std::env::var("DIAS_TEST_DATABASE_URL") else {
        return; // SQLite run: covered by the test above
    };
    if !url.starts_with("postgres") {
        return;
    }
    // The test server trusts local connections: any password is accepted, but it must not
    // end up in the connection string pg_dump gets.
    let with_password = url.replacen("://dias@", "://dias:not%40used@", 1);
    assert_ne!(with_password, url, "expected a URL of user dias: {url}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dias.dump");
    let output = dias()
        .env("DIAS_SECRET_KEY", "a-secret-key-of-at-least-32-characters")
        .args(["--database-url", &with_password, "backup", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"PGDMP"));
}

/// `serve` restarts itself with `MALLOC_ARENA_MAX` (see `cap_malloc_arenas`
/// in main.rs): glibc reads it only at a process's start.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn serve_runs_with_capped_malloc_arenas_unless_the_operator_set_them() {
    /// The `MALLOC_ARENA_MAX` entries of a running `serve`'s environment.
    fn environ_of(arenas: Option<&str>) -> Vec<String> {
        // A data directory of its own: a server killed while it migrates
        // must not leave anything behind for the next one.
        let dir = tempfile::tempdir().unwrap();
        let mut command = dias();
        command
            .args(["--data-dir", dir.path().to_str().unwrap()])
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env_remove("MALLOC_ARENA_MAX")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped());
        if let Some(n) = arenas {
            command.env("MALLOC_ARENA_MAX", n);
        }
        let mut child = command.spawn().unwrap();
        let path = format!("/proc/{}/environ", child.id());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let mut found = Vec::new();
        while found.is_empty() && std::time::Instant::now() < deadline {
            if let Ok(Some(status)) = child.try_wait() {
                let mut stderr = String::new();
                std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr)
                    .unwrap();
                panic!("serve ended early ({status}): {stderr}");
            }
            found = std::fs::read(&path)
                .unwrap_or_default()
                .split(|&b| b == 0)
                .map(|v| String::from_utf8_lossy(v).into_owned())
                .filter(|v| v.starts_with("MALLOC_ARENA_MAX="))
                .collect();
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
        found
    }
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get().max(2));
    assert_eq!(environ_of(None), [format!("MALLOC_ARENA_MAX={cores}")]);
    assert_eq!(environ_of(Some("5")), ["MALLOC_ARENA_MAX=5"]);
}
