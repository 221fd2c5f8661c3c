//! The desktop app's memory with a national plan's overview open, against its empty window,
//! measured in the same run (the goal: under 1.5 times). A benchmark, not a test: it asserts
//! nothing about the figures, which go to BENCHMARKS.md with the machine.
//!
//! ```sh
//! cargo run --release -p plan-ouvert-client --example rollup_bench -- 1 FOLDER   # a national plan
//! PLAN_OUVERT_BENCH_DATA=FOLDER/laptop xvfb-run -a cargo test --features plan-ouvert/custom-protocol \
//!     --test memory_bench -- --ignored --nocapture
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
    app.quit().await;

    println!("Plan ouvert memory benchmark (proportional set size of the app and its web view)");
    println!("empty window (a new data folder, first screen) : {:.0} MiB", mib(empty_kib));
    println!("the national plan's overview open ({counts}, {rows} rows built) : {:.0} MiB", mib(open_kib));
    println!("ratio: {:.2}×", open_kib as f64 / empty_kib.max(1) as f64);
}
