//! The desktop app with a national plan's overview open: its memory against its empty window,
//! measured in the same run (the goal: under 1.5 times), and how long a search takes to be on
//! screen as one types (the goal: 50 ms at p99). A benchmark, not a test: it asserts nothing
//! about the figures, which go to BENCHMARKS.md with the machine.
//!
//! A second benchmark receives the same plan from a real server into a new data folder, as a new
//! colleague's first day does, and says how long the desktop app takes; its screenshots show the
//! status bar's progress while it receives, paused and resumed.
//!
//! ```sh
//! cargo run --release -p plan-ouvert-client --example rollup_bench -- 1 FOLDER   # a national plan
//! PLAN_OUVERT_BENCH_DATA=FOLDER/laptop xvfb-run -a cargo test --release --features plan-ouvert/custom-protocol \
//!     --test screen_bench -- --ignored --nocapture --test-threads=1
//! ```

// A benchmark says what it needs with expect: a failure there is the set-up missing, with its line.
#![allow(clippy::unwrap_used)]

// Only part of the journeys' driver and of their server helpers is used here.
#[allow(dead_code)]
#[path = "e2e/desktop.rs"]
mod desktop;
#[allow(dead_code)]
#[path = "e2e/server.rs"]
mod server;

use std::time::{Duration, Instant};

use desktop::Desktop;

/// How long the app is left alone before its memory is read: the web view settles.
const SETTLE: Duration = Duration::from_secs(4);

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

#[tokio::test]
#[ignore = "a benchmark: needs a display, tauri-driver and a national plan's data folder (see the file's head)"]
async fn the_apps_memory_with_a_national_plans_overview_open_against_its_empty_window() {
    let source = std::env::var_os("PLAN_OUVERT_BENCH_DATA").expect("PLAN_OUVERT_BENCH_DATA: a data folder");
    let source = std::path::PathBuf::from(source);

    // The empty window: a new data folder, the first screen.
    let empty = tempfile::tempdir().unwrap();
    let app = Desktop::launch(empty.path()).await;
    app.wait_for_text("Plan ouvert").await;
    tokio::time::sleep(SETTLE).await;
    let empty_kib = app.memory_kib();
    app.quit().await;

    // The national plan, copied so the run leaves it as it was, with its overview open.
    let national = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&source).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), national.path().join(entry.file_name())).unwrap();
        }
    }
    let app = Desktop::launch(national.path()).await;
    let link = "a[href^='#/plans/']";
    app.wait_for(link).await;
    let href = app.script(&format!("return document.querySelector(\"{link}\").getAttribute('href')"), vec![]).await;
    app.go(href.as_str().unwrap()).await;
    app.wait_for("li.po-commitment").await;
    let counts = app.text("[data-testid=overview-counts]").await;
    tokio::time::sleep(SETTLE).await;
    let open_kib = app.memory_kib();
    let rows = app.count("li.po-commitment").await;
    app.screenshot("memory-national-overview").await;

    // A search as one types, in the page: from the keystroke (the field's value changed, as a
    // key press changes it) to the frame after the overview shows what that text finds. Beside
    // it, the search's own answer through the app (the same command, asked from the page), so
    // that what the page adds is seen.
    let typed = "Engagement Ouverture transparence";
    let plan_id = href.as_str().unwrap().rsplit('/').next().unwrap().to_string();
    let (mut times, mut answers) = (Vec::new(), Vec::new());
    for _round in 0..ROUNDS {
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let ms = app.script(SEARCH_ON_SCREEN, vec![serde_json::json!(&typed[..end])]).await;
            times.push(ms.as_f64().expect("a duration in milliseconds"));
            let ms = app.script(SEARCH_ALONE, vec![serde_json::json!(plan_id), serde_json::json!(&typed[..end])]).await;
            answers.push(ms.as_f64().expect("a duration in milliseconds"));
        }
        app.script(SEARCH_ON_SCREEN, vec![serde_json::json!("")]).await;
    }
    app.screenshot("memory-national-search").await;
    app.quit().await;
    let (times, answers) = (Percentiles::of(times), Percentiles::of(answers));

    println!("Plan ouvert memory benchmark (proportional set size of the app and its web view)");
    println!("empty window (a new data folder, first screen) : {:.0} MiB", mib(empty_kib));
    println!("the national plan's overview open ({counts}, {rows} rows built) : {:.0} MiB", mib(open_kib));
    println!("ratio: {:.2}×", open_kib as f64 / empty_kib.max(1) as f64);
    println!("a search on screen as one types « {typed} » ({} keystrokes): {times}", times.len());
    println!("of which the search's own answer through the app (the same texts): {answers}");
}

#[tokio::test]
#[ignore = "a benchmark: needs a display, tauri-driver and a national plan's data folder (see the file's head)"]
async fn a_national_plans_first_sync_in_the_desktop_app_shows_its_progress() {
    let source = std::env::var_os("PLAN_OUVERT_BENCH_DATA").expect("PLAN_OUVERT_BENCH_DATA: a data folder");
    // The server's database lies beside the laptop's folder (as `rollup_bench` leaves them).
    let source = std::path::PathBuf::from(source).with_file_name("server.sqlite3");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    std::fs::copy(&source, &db).expect("the national plan's server database");
    let token = server::admin(&db, &["token", "issue", "Camille"]);
    let port = 18_931;
    let plan_server = server::ServerProcess::start(&db, port);

    let url = format!("http://127.0.0.1:{port}");

    // A new laptop receives the whole plan: from the account shown (the first exchange starts)
    // to the status bar's progress gone.
    let first = dir.path().join("first");
    let app = Desktop::launch_with(&first, &[("PLAN_OUVERT_TOKEN_STORE", "file")]).await;
    app.wait_for_text("Plan ouvert").await;
    server::connect(&app, &url, &token, "Camille").await;
    let started = Instant::now();
    let mut shown_after = None;
    loop {
        let receiving = app.script(RECEIVING, vec![]).await;
        if receiving.as_bool() == Some(true) && shown_after.is_none() {
            shown_after = Some(started.elapsed());
            // The connection's notice takes the focus (and the page's scroll) as it appears.
            tokio::time::sleep(Duration::from_millis(500)).await;
            app.script(TOP, vec![]).await;
            app.screenshot("first-sync-receiving").await;
        }
        if receiving.as_bool() == Some(false) && shown_after.is_some() {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(600), "the first sync did not end");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let whole = started.elapsed();
    app.go("#/").await;
    app.wait_for("a[href^='#/plans/']").await;
    app.screenshot("first-sync-done").await;
    app.quit().await;

    // Another new laptop pauses half-way and resumes: what arrived stays, and the reception goes
    // on from there.
    let second = dir.path().join("second");
    let app = Desktop::launch_with(&second, &[("PLAN_OUVERT_TOKEN_STORE", "file")]).await;
    app.wait_for_text("Plan ouvert").await;
    server::connect(&app, &url, &token, "Camille").await;
    app.wait_until("a third of the plan received", || async {
        let text = app.text_now_or_empty("#sync-receiving").await;
        received(&text).is_some_and(|(received, total)| 3 * received >= total)
    })
    .await;
    app.click("#sync-pause").await;
    app.wait_for("#sync-paused").await;
    app.script(TOP, vec![]).await;
    app.screenshot("first-sync-paused").await;
    app.click("#sync-now").await;
    app.wait_for("#sync-receiving progress").await;
    app.script(TOP, vec![]).await;
    app.screenshot("first-sync-resumed").await;
    app.wait_until("the whole plan received", || async { app.count("#sync-receiving").await == 0 }).await;
    app.quit().await;
    plan_server.stop();

    println!("Plan ouvert in the desktop app: a national plan's first sync from a real server on loopback");
    println!("progress on screen after : {:.1} s", shown_after.unwrap_or_default().as_secs_f64());
    println!("the whole plan received  : {:.1} s", whole.as_secs_f64());
    println!("screenshots: target/e2e-screenshots/first-sync-{{receiving,paused,resumed,done}}.png");
}

/// Brings the top of the page, with the status bar, into view (the connection form scrolled it away).
const TOP: &str = "document.querySelector('.fr-header').scrollIntoView(); return null;";

/// Whether the status bar shows a reception under way.
const RECEIVING: &str = "return document.getElementById('sync-receiving') !== null;";

/// `(received, total)` from the status bar's « Réception du plan : N sur M éléments ».
fn received(text: &str) -> Option<(u64, u64)> {
    let numbers: Vec<u64> = text
        .split(|c: char| !c.is_ascii_digit() && !c.is_whitespace()) // thousands are grouped by spaces
        .map(|part| part.chars().filter(char::is_ascii_digit).collect::<String>())
        .filter(|digits| !digits.is_empty())
        .filter_map(|digits| digits.parse().ok())
        .collect();
    match numbers[..] {
        [received, total, ..] => Some((received, total)),
        _ => None,
    }
}

/// How many times the search is typed: the p99 of fewer keystrokes is one slow frame.
const ROUNDS: usize = 8;

/// Times, sorted, read at their 50th, 95th and 99th percentiles.
struct Percentiles(Vec<f64>);

impl Percentiles {
    fn of(mut times: Vec<f64>) -> Self {
        times.sort_by(f64::total_cmp);
        Self(times)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn at(&self, q: f64) -> f64 {
        self.0[((q * self.0.len() as f64).ceil() as usize).clamp(1, self.0.len()) - 1]
    }
}

impl std::fmt::Display for Percentiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms", self.at(0.5), self.at(0.95), self.at(0.99))
    }
}

/// Asks the app for what `arguments[1]` finds in plan `arguments[0]`, as the overview does, and
/// resolves with the time of the answer, in milliseconds.
const SEARCH_ALONE: &str = r#"
const started = performance.now();
return window.__TAURI_INTERNALS__
    .invoke("search_plan", { planId: arguments[0], query: arguments[1] })
    .then(() => performance.now() - started);
"#;

/// Types `arguments[0]` into the overview's search field and resolves, in milliseconds, when the
/// overview shows what it finds and the next frame has been drawn.
const SEARCH_ON_SCREEN: &str = r#"
const typed = arguments[0];
const input = document.getElementById("overview-search");
const status = document.querySelector("[data-found-for]");
const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
return new Promise(resolve => {
    const started = performance.now();
    setValue.call(input, typed);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const shown = () => (typed.trim() === "" ? status.dataset.foundFor === "" : status.dataset.foundFor === typed);
    const check = () => (shown() ? requestAnimationFrame(() => resolve(performance.now() - started)) : requestAnimationFrame(check));
    requestAnimationFrame(check);
});
"#;
