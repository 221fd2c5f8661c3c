//! `plan-ouvert-server import ogp-csv` and `export`: the real OGP sample in, a plan out, and what
//! the apps then pull.

use std::path::PathBuf;

use serde_json::Value;

use crate::helpers::{admin, fresh_db, Server};

fn sample() -> PathBuf {
    let path =
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ogp/ogp-commitments-sample.csv"));
    assert!(path.exists(), "the OGP sample is expected at {} (shared/ beside the repository)", path.display());
    path
}

fn records(db: &std::path::Path) -> i64 {
    rusqlite::Connection::open(db).unwrap().query_row("SELECT count(*) FROM sync_record", [], |r| r.get(0)).unwrap()
}

#[test]
fn the_sample_is_imported_once_and_a_second_import_changes_nothing() {
    let (_dir, db) = fresh_db();
    let sample = sample();
    let first = admin(&db, &["import", "ogp-csv", sample.to_str().unwrap()]).expect("first import");
    assert!(first.contains("plans d'action : 150 créés, 0 mis à jour, 0 inchangé"), "{first}");
    assert!(first.contains("engagements : 405 créés, 0 mis à jour, 0 inchangé"), "{first}");
    let count = records(&db);
    let second = admin(&db, &["import", "ogp-csv", sample.to_str().unwrap()]).expect("second import");
    assert!(second.contains("engagements : 0 créé, 0 mis à jour, 405 inchangés"), "{second}");
    assert_eq!(records(&db), count, "no duplicate");
    let head: i64 =
        rusqlite::Connection::open(&db).unwrap().query_row("SELECT version FROM sync_head", [], |r| r.get(0)).unwrap();
    let third = admin(&db, &["import", "ogp-csv", sample.to_str().unwrap()]).expect("third import");
    assert!(third.contains("405 inchangés"));
    let head_after: i64 =
        rusqlite::Connection::open(&db).unwrap().query_row("SELECT version FROM sync_head", [], |r| r.get(0)).unwrap();
    assert_eq!(head, head_after, "nothing new for the apps to pull");
}

#[test]
fn a_broken_file_is_refused_with_its_reason_and_nothing_is_written() {
    let (dir, db) = fresh_db();
    let broken = dir.path().join("broken.csv");
    std::fs::write(&broken, "Commitment Unique Identifier,Country/Locality\nFR0001,\"France\n").unwrap();
    let error = admin(&db, &["import", "ogp-csv", broken.to_str().unwrap()]).expect_err("refused");
    assert!(error.contains("rien n'a été écrit"), "{error}");
    assert_eq!(records(&db), 0);
}

#[test]
fn a_plan_is_exported_as_json_csv_and_html_and_its_commitments_reach_the_apps() {
    let (dir, db) = fresh_db();
    admin(&db, &["import", "ogp-csv", sample().to_str().unwrap()]).expect("import");

    let several = admin(&db, &["export", "json"]).expect_err("several plans: which one?");
    assert!(several.contains("AP_FRA01"), "{several}");

    let json_path = dir.path().join("plan.json");
    admin(&db, &["export", "json", "--plan", "AP_FRA01", "--out", json_path.to_str().unwrap()]).expect("json");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    let text = json.to_string();
    assert!(text.contains("FR0001") && text.contains("Open Regional and Local Authorities' Data"), "{}", &text[..400]);

    let csv_dir = dir.path().join("csv");
    admin(&db, &["export", "csv", "--plan", "AP_FRA01", "--out", csv_dir.to_str().unwrap()]).expect("csv");
    let commitments = std::fs::read_to_string(csv_dir.join("commitments.csv")).unwrap();
    assert!(commitments.lines().count() > 1 && commitments.contains("FR0001"));
    assert!(csv_dir.join("milestones.csv").exists());

    let xlsx_path = dir.path().join("plan.xlsx");
    let said =
        admin(&db, &["export", "xlsx", "--plan", "AP_FRA01", "--out", xlsx_path.to_str().unwrap()]).expect("xlsx");
    assert!(said.contains("plan.xlsx"), "the file written is named: {said}");
    let workbook = std::fs::read(&xlsx_path).unwrap();
    assert!(workbook.starts_with(b"PK") && workbook.windows(15).any(|w| w == b"xl/workbook.xml"));

    let html = admin(&db, &["export", "html", "--plan", "AP_FRA01"]).expect("html");
    assert!(
        html.contains("<html") && html.contains("Open Regional and Local Authorities"),
        "{}",
        &html[..300.min(html.len())]
    );

    // Into a folder, the printable plan is named as the app proposes: the plan's title and the day.
    let folder = dir.path().join("printed");
    std::fs::create_dir(&folder).unwrap();
    let said = admin(&db, &["export", "html", "--plan", "AP_FRA01", "--out", folder.to_str().unwrap()]).expect("html");
    let written: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(written.len(), 1);
    let name = written[0].to_str().unwrap().to_string();
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d").to_string();
    assert!(name.ends_with(&format!(" — {today}.html")), "{name}");
    assert!(!name.starts_with("plan —"), "the plan's title, not a generic name: {name}");
    assert!(said.contains(&name), "the file written is named: {said}");
    assert!(std::fs::read_to_string(folder.join(&name)).unwrap().contains("font-family: Marianne"));

    // A coordinator's app pulls the imported plans.
    admin(&db, &["institution", "add", "Ministry of the Interior", "--acronym", "MI"]).unwrap();
    admin(&db, &["user", "add", "coord", "--institution", "MI", "--role", "coordinator"]).unwrap();
    let token = admin(&db, &["token", "issue", "coord"]).unwrap();
    let server = Server::start(&db);
    let (status, pulled) = server.pull(&token, 0);
    assert_eq!(status, 200);
    let fr0001 = pulled["changes"].as_array().unwrap().iter().any(|c| c["field"] == "ogpId" && c["value"] == "FR0001");
    assert!(fr0001, "the imported commitment is pulled");
}

#[test]
fn the_self_assessment_report_is_exported_as_of_a_day_and_named_as_the_app_proposes() {
    let (dir, db) = fresh_db();
    admin(&db, &["import", "ogp-csv", sample().to_str().unwrap()]).expect("import");

    // To standard output, mid-term and today by default.
    let html = admin(&db, &["export", "self-assessment", "--plan", "AP_FRA01"]).expect("self-assessment");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<h1>Rapport d'autoévaluation à mi-parcours</h1>"));
    let today = chrono::Local::now().date_naive();
    assert!(html.contains(&format!("Situation au <strong>{}</strong>", today.format("%d/%m/%Y"))));
    assert!(html.contains("Open Regional and Local Authorities"), "the plan's commitments");
    assert!(html.contains("À compléter"), "co-creation is left to the coordination");

    // Into a folder: named after the report, the plan's title and the day it describes.
    let folder = dir.path().join("rapports");
    std::fs::create_dir(&folder).unwrap();
    let args = ["export", "self-assessment", "--plan", "AP_FRA01", "--term", "end-of-term", "--as-of", "2020-06-30"];
    let said = admin(&db, &[&args[..], &["--lang", "en", "--out", folder.to_str().unwrap()]].concat()).expect("report");
    let written: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(written.len(), 1);
    let name = written[0].to_str().unwrap().to_string();
    assert!(name.starts_with("End-of-term self-assessment — ") && name.ends_with(" — 2020-06-30.html"), "{name}");
    assert!(said.contains(&name), "the file written is named: {said}");
    let html = std::fs::read_to_string(folder.join(&name)).unwrap();
    assert!(html.contains("<h1>End-of-term self-assessment report</h1>") && html.contains("30 Jun 2020"));

    // A day to come, or --term with another format, is refused.
    let tomorrow = today.succ_opt().unwrap().format("%Y-%m-%d").to_string();
    let error = admin(&db, &["export", "self-assessment", "--plan", "AP_FRA01", "--as-of", &tomorrow]).unwrap_err();
    assert!(error.contains("--as-of") && error.contains("postérieure à aujourd'hui"), "{error}");
    let error = admin(&db, &["export", "json", "--plan", "AP_FRA01", "--term", "mid-term"]).unwrap_err();
    assert!(error.contains("ne valent que pour le rapport d'autoévaluation"), "{error}");
}
