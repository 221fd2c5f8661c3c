//! The desktop app with a national plan's overview open: its memory against its empty window,
//! measured in the same run (the goal: under 1.5 times), and how long a search takes to be on
//! screen as one types (the goal: 50 ms at p99). A benchmark, not a test: it asserts nothing
//! about the figures, which go to BENCHMARKS.md with the machine.
//!
//! ```sh
//! cargo run --release -p plan-ouvert-client --example rollup_bench -- 1 FOLDER   # a national plan
//! PLAN_OUVERT_BENCH_DATA=FOLDER/laptop xvfb-run -a cargo test --features plan-ouvert/custom-protocol \
//!     --test screen_bench -- --ignored --nocapture
//! ```

// A benchmark says what it needs with expect: a failure there is the set-up missing, with its line.
#![allow(clippy::unwrap_used)]

// Only part of the journeys' driver is used here.
#[allow(dead_code)]
#[path = "e2e/desktop.rs"]
mod desktop;

use std::time::Duration;

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
    for _round in 0..4 {
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
