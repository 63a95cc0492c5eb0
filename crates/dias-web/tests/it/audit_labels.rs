//! Every action written to the audit log has a label in both languages, so
//! that `/verwaltung/protokoll` never shows a raw id. The actions are found in
//! the sources of all crates, like the CSRF table's routes in `security.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// How the audit page turns an action into a message id
/// (`crates/dias-web/src/admin/mod.rs`).
fn label_id(action: &str) -> String {
    format!("audit-{}", action.replace(['.', '_'], "-"))
}

fn workspace_crates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn files_in(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_in(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// The string literals in a piece of source text.
fn literals(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => break,
                c => lit.push(c),
            }
        }
        found.push(lit);
    }
    found
}

/// An audit action id: dotted lower-case segments (`content.page.delete`).
fn is_action(lit: &str) -> bool {
    let segments: Vec<&str> = lit.split('.').collect();
    segments.len() >= 2
        && segments
            .iter()
            .all(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        && !matches!(
            segments.last(),
            Some(&("csv" | "json" | "pdf" | "png" | "xlsx"))
        )
}

/// The third argument (the action) of every `audit::record(` call.
fn action_arguments(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("audit::record(") {
        let call = &rest[start + "audit::record(".len()..];
        let (mut depth, mut arg, mut args) = (0_i32, String::new(), Vec::new());
        let mut in_str = false;
        let mut chars = call.chars();
        while let Some(c) = chars.next() {
            if in_str {
                arg.push(c);
                if c == '\\' {
                    arg.extend(chars.next());
                } else if c == '"' {
                    in_str = false;
                }
                continue;
            }
            match c {
                '"' => {
                    in_str = true;
                    arg.push(c);
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    arg.push(c);
                }
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => {
                    depth -= 1;
                    arg.push(c);
                }
                ',' if depth == 0 => args.push(std::mem::take(&mut arg)),
                c => arg.push(c),
            }
            if args.len() == 3 {
                break;
            }
        }
        if let Some(action) = args.get(2) {
            found.push(action.trim().to_owned());
        }
        rest = call;
    }
    found
}

/// `const NAME: &str = "value";` across all sources.
fn string_consts(text: &str, into: &mut BTreeMap<String, String>) {
    for line in text.lines() {
        let line = line.trim();
        let Some(decl) = line
            .strip_prefix("pub const ")
            .or_else(|| line.strip_prefix("const "))
        else {
            continue;
        };
        let Some((name, value)) = decl.split_once(": &str = ") else {
            continue;
        };
        if let Some(value) = literals(value).into_iter().next() {
            into.insert(name.trim().to_owned(), value);
        }
    }
}

/// Every action id passed to `dias_core::audit::record` in `crates/*/src`,
/// with the file it comes from.
fn recorded_actions() -> BTreeMap<String, String> {
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(workspace_crates()).unwrap() {
        files_in(&entry.unwrap().path().join("src"), "rs", &mut sources);
    }
    assert!(sources.len() > 50, "sources not found: {}", sources.len());
    let texts: Vec<(String, String)> = sources
        .iter()
        .map(|p| {
            let name = p
                .strip_prefix(workspace_crates())
                .unwrap()
                .display()
                .to_string();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let mut consts = BTreeMap::new();
    for (_, text) in &texts {
        string_consts(text, &mut consts);
    }
    let mut actions = BTreeMap::new();
    for (file, text) in &texts {
        for arg in action_arguments(text) {
            let lits = literals(&arg);
            let name = arg.trim_start_matches('&').trim();
            let mut ids: Vec<String> = Vec::new();
            if let Some(lit) = lits.first().filter(|l| l.ends_with("{}")) {
                // `&format!("moderation.{}", action.as_str())`: the moderation actions.
                let prefix = lit.trim_end_matches("{}");
                assert!(
                    arg.contains("action.as_str()"),
                    "{file}: unknown formatted audit action {arg}"
                );
                ids.extend(
                    dias_core::moderation::Action::ALL
                        .iter()
                        .map(|a| format!("{prefix}{}", a.as_str())),
                );
            } else if !lits.is_empty() {
                ids.extend(lits);
            } else if let Some(value) = consts.get(name) {
                ids.push(value.clone());
            } else {
                // A variable (a helper's parameter, a `match` result): the
                // action ids written in the same file.
                ids.extend(literals(text).into_iter().filter(|l| is_action(l)));
                assert!(!ids.is_empty(), "{file}: cannot resolve audit action {arg}");
            }
            for id in ids {
                assert!(is_action(&id), "{file}: not an action id: {id:?}");
                actions.entry(id).or_insert_with(|| file.clone());
            }
        }
    }
    actions
}

/// The message ids of all catalogues of one language (`de.ftl`, `de-*.ftl`).
fn catalogue_ids(lang: &str) -> BTreeSet<String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(workspace_crates()).unwrap() {
        files_in(&entry.unwrap().path().join("locales"), "ftl", &mut files);
    }
    let mut ids = BTreeSet::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if name != format!("{lang}.ftl") && !name.starts_with(&format!("{lang}-")) {
            continue;
        }
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            if let Some((id, value)) = line.split_once(" = ")
                && !id.starts_with([' ', '#'])
                && !value.trim().is_empty()
            {
                ids.insert(id.trim().to_owned());
            }
        }
    }
    ids
}

#[test]
fn every_audit_action_has_a_german_and_an_english_label() {
    let actions = recorded_actions();
    // The scan finds the known kinds: literal, constant, variable, format!.
    for known in [
        "user.role_changed",
        "content.publication.create",
        "content.page.delete",
        "network.actor_verified",
        "moderation.hide",
        "network.board.moderation.block",
    ] {
        assert!(actions.contains_key(known), "scan missed {known}");
    }
    let mut missing = Vec::new();
    for lang in ["de", "en"] {
        let ids = catalogue_ids(lang);
        for (action, file) in &actions {
            if !ids.contains(&label_id(action)) {
                missing.push(format!("{lang}: {} ({file})", label_id(action)));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "audit actions without a label:\n{}",
        missing.join("\n")
    );
}
