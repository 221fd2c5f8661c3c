//! Journey (f): a coordinator imports the OGP commitment database through the app's own file
//! dialog, sees the progress and the summary, finds a commitment with its IRM assessment, imports
//! the file again without duplicating anything, and exports the plan as JSON through the save
//! dialog. The native GTK dialogs are answered with xdotool, as a person would type a path.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::desktop::Desktop;

fn sample() -> std::path::PathBuf {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/ogp/ogp-commitments-sample.csv"));
    std::fs::canonicalize(path).unwrap_or_else(|_| panic!("the OGP sample is expected at {}", path.display()))
}

fn xdotool(args: &[&str]) -> String {
    let output = Command::new("xdotool").args(args).output().expect("xdotool (scripts/install.sh --test installs it)");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// Waits for the native dialog whose title contains `title` (a regular expression for xdotool), types `path` (in the location bar of
/// an open dialog, in the name field of a save dialog) and confirms.
pub(crate) async fn answer_dialog(title: &str, path: &Path, save: bool) {
    let mut window = String::new();
    for _ in 0..100 {
        // Visible windows only: an earlier dialog of the same title may still exist, hidden.
        window = xdotool(&["search", "--onlyvisible", "--name", title]).lines().last().unwrap_or_default().to_string();
        if !window.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if window.is_empty() {
        let _ = Command::new("import").args(["-window", "root", "target/e2e-screenshots/dialog-missing.png"]).status();
        let names: Vec<String> = xdotool(&["search", "--name", "."])
            .lines()
            .map(|id| xdotool(&["getwindowname", id]))
            .filter(|n| !n.is_empty())
            .collect();
        panic!("no dialog titled {title:?} opened; windows: {names:?}");
    }
    // A busy machine may swallow the first keys: the path is typed again while the dialog stays.
    for attempt in 0..3 {
        xdotool(&["windowfocus", "--sync", &window]);
        xdotool(&["key", "--window", &window, if save { "ctrl+a" } else { "ctrl+l" }]);
        if !save && attempt > 0 {
            xdotool(&["key", "--window", &window, "ctrl+a"]);
        }
        tokio::time::sleep(Duration::from_millis(400 * (attempt + 1))).await;
        xdotool(&["type", "--delay", "5", path.to_str().expect("a UTF-8 path")]);
        tokio::time::sleep(Duration::from_millis(800)).await;
        xdotool(&["key", "--window", &window, "Return"]);
        for _ in 0..30 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if xdotool(&["search", "--onlyvisible", "--name", title]).is_empty() {
                return;
            }
        }
    }
}

#[tokio::test]
#[ignore = "needs a display and tauri-driver: scripts/test.sh runs it under Xvfb"]
async fn a_coordinator_imports_the_ogp_database_and_exports_a_plan() {
    let data = tempfile::tempdir().unwrap();
    let app = Desktop::launch(data.path()).await;

    app.click("#import-ogp").await;
    app.click("#import-start").await;
    answer_dialog("Importer la base", &sample(), false).await;
    // What the file holds, France's plan chosen; every plan ticked, what will be sent is said.
    app.wait_for("#import-choice").await;
    app.click("#import-choose-shown").await;
    app.wait_for_text_in("#import-will-keep", "resteront sur ce poste").await;
    app.wait_for_text_in("#import-will-send", "envoyées au serveur").await;
    app.screenshot("import-00-choice").await;
    app.click("#import-confirm").await;
    app.wait_for("#import-summary").await;
    app.wait_for_text_in("#import-rows", "405").await;
    let counts = app.text("#import-counts").await;
    assert!(counts.contains("150") && counts.contains("405"), "{counts}");
    assert!(app.count("#import-warnings-date").await > 0, "ambiguous dates are reported, grouped");
    app.screenshot("import-01-summary").await;

    // The same file again: nothing created, nothing duplicated.
    app.click("#import-start").await;
    answer_dialog("Importer la base", &sample(), false).await;
    app.wait_for("#import-choice").await;
    app.click("#import-choose-shown").await;
    app.wait_for_text_in("#import-will-send", "Aucune modification").await;
    app.click("#import-confirm").await;
    app.wait_until("the second summary", || async {
        app.text_now_or_empty("#import-counts").await.contains("405") && app.body_text().await.contains("Inchangés")
    })
    .await;
    app.go("#/").await;
    // 150 plans, 20 to a page: France's first plan is found by searching.
    app.type_into("#plans-search", "france 2015").await;
    app.wait_for_text("France — Plan d'action 1 (2015-2017)").await;

    // France's first plan, its first commitment and the IRM's assessment.
    let plan = app
        .script(
            "return [...document.querySelectorAll('a')].find(a => a.textContent.includes(\"France — Plan d'action 1 (2015-2017)\")).getAttribute('href')",
            vec![],
        )
        .await;
    app.go(plan.as_str().unwrap()).await;
    app.click("a[href^='#/commitments/']").await;
    app.wait_for("#commitment-origin").await;
    assert_eq!(app.text("#origin-ogp-id").await, "FR0001");
    assert_eq!(app.text("[data-assessment='specificity']").await, "Élevée");
    app.screenshot("import-02-assessment").await;

    // The plan as JSON, where the person chooses.
    app.go(plan.as_str().unwrap()).await;
    let target = data.path().join("plan-fr.json");
    app.click("#export-json").await;
    answer_dialog("Exporter le plan", &target, true).await;
    app.wait_for_text_in("#export-result", "plan-fr.json").await;
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert!(json.to_string().contains("FR0001"));
    app.quit().await;
}
