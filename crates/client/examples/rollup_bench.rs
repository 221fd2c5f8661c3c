//! Following a national plan: the plan's overview, its dashboard, one commitment's follow-up and
//! the roll-up alone, read from an app store on disk holding 5,000 commitments, 25,000 milestones
//! and 100,000 progress reports.
//!
//! The plan is generated on a server (the real routes and ledger, in the same process, on a
//! loopback port) through the sync rules, as coordinators' laptops would have written it: the
//! milestones due over the plan's period, some commitments and milestones weighing more than
//! others, reports dated from the plan's start to the benchmark's fixed "today", saying more is
//! done as time goes on, one in twenty correcting the entry before it. An empty app store then
//! receives it with the real client, as a coordinator's laptop does on its first sync.
//!
//! Each read runs RUNS times (after one run not counted), in turn with the others, and the
//! benchmark prints its median (p50) and p95, against the floor measured in the same turns: the
//! rows the roll-up needs read with plain SELECTs on the same file (each timeline's latest
//! status, and each milestone's weight), with no decoding nor computing.
//!
//! ```sh
//! cargo run --release -p plan-ouvert-client --example rollup_bench [-- RUNS [FOLDER]]
//! ```
//!
//! With FOLDER, the server's database and the laptop's store are kept there and, when already
//! there, read again instead of generated (the schema is brought up to date as the app does).

use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use plan_ouvert_client::Server;
use plan_ouvert_domain::{CommitmentId, Locale, OverviewFilter, PlanId};
use plan_ouvert_store::Store;

mod common;

use common::plan::{generate, office, serve, sign_in, Shape, TODAY};

const SHAPE: Shape = Shape { commitments: 5_000, milestones_each: 5, reports: 100_000 };

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// The value at quantile `q` (nearest rank) of `times`.
fn quantile(times: &[Duration], q: f64) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Generates the plan on a server in `folder` and syncs it into a laptop's store there.
async fn build(folder: &Path) {
    let (mut conn, coordinator, token) = office(&folder.join("server.sqlite3"));
    let started = Instant::now();
    let generated = generate(&mut conn, &coordinator, SHAPE);
    eprintln!(
        "generated {} records ({} corrections) on the server in {:.1} s",
        generated.records,
        generated.corrections,
        started.elapsed().as_secs_f64()
    );
    let address = serve(conn).await;
    let server = Server::new(&address, &token).expect("client");
    let laptop = Mutex::new(Store::open_in(&folder.join("laptop")).expect("store"));
    sign_in(&server, &laptop).await;
    let started = Instant::now();
    let report = server.sync(&laptop).await.expect("first sync");
    eprintln!(
        "first sync of the laptop: {:.1} MB in {:.1} s",
        report.pulled_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
}

/// The floor: the rows the roll-up needs, read with plain SELECTs (each timeline's latest
/// status, by SQLite's `max()` with the status beside it; each milestone's weight), kept as read.
fn floor(conn: &rusqlite::Connection) -> usize {
    let mut latest = conn
        .prepare_cached(
            "SELECT commitment_id, milestone_id, status, max(reported_on || id) FROM report
             GROUP BY commitment_id, milestone_id",
        )
        .expect("floor query");
    let statuses: Vec<(String, Option<String>, String)> = latest
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("floor rows")
        .collect::<rusqlite::Result<_>>()
        .expect("floor rows");
    let mut weights = conn.prepare_cached("SELECT id, commitment_id, weight FROM milestone").expect("floor query");
    let weights: Vec<(String, String, u32)> = weights
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("floor rows")
        .collect::<rusqlite::Result<_>>()
        .expect("floor rows");
    statuses.len() + weights.len()
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(20);
    let temporary = tempfile::tempdir().expect("temporary folder");
    let folder = args.get(1).map_or(temporary.path().to_path_buf(), std::path::PathBuf::from);
    let laptop = folder.join("laptop");
    if !laptop.join(plan_ouvert_store::DATABASE_FILE).exists() {
        std::fs::create_dir_all(&folder).expect("folder");
        build(&folder).await;
    }

    let mut store = Store::open_in(&laptop).expect("store");
    let plan: PlanId = store.list_plans().expect("plans").into_iter().find(|p| !p.is_demo).expect("the plan").id;
    let raw = rusqlite::Connection::open(laptop.join(plan_ouvert_store::DATABASE_FILE)).expect("open");
    // The commitment with the most reports: the heaviest follow-up screen.
    let (commitment, its_reports): (String, u32) = raw
        .query_row(
            "SELECT commitment_id, count(*) AS n FROM report GROUP BY commitment_id ORDER BY n DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("commitment");
    let commitment = CommitmentId(commitment.parse().expect("id"));
    let counts: (u32, u32, u32, u32) = raw
        .query_row(
            "SELECT (SELECT count(*) FROM commitment), (SELECT count(*) FROM milestone),
                    (SELECT count(*) FROM report), (SELECT count(*) FROM report WHERE corrects IS NOT NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("counts");
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("today");
    let file_size = std::fs::metadata(laptop.join(plan_ouvert_store::DATABASE_FILE)).map_or(0, |m| m.len());

    // What each read gives, once, to print and to check that it read the whole plan.
    let overview = store.plan_overview(plan, &OverviewFilter::default()).expect("overview");
    let dashboard = store.plan_dashboard_on(plan, today).expect("dashboard");
    let progress = store.commitment_progress(commitment, Locale::Fr).expect("progress");
    let shares = store.plan_shares(plan).expect("shares");
    assert_eq!(overview.commitment_count, counts.0);
    assert_eq!(dashboard.milestone_count, counts.1);
    assert_eq!(shares.len() as u32, counts.0);
    let floor_rows = floor(&raw);

    let names = [
        "floor: plain SELECTs",
        "roll-up alone (plan_shares)",
        "plan_overview (no filter)",
        "plan_dashboard_on",
        "commitment_progress",
        "plan_search (as one types)",
        "plan_overview with that search",
    ];
    // What a person types, keystroke after keystroke: the prefixes of a word of the first
    // commitment's title, then of two words.
    let title = overview.areas.iter().flat_map(|a| &a.commitments).next().expect("a commitment").title.clone();
    let words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4).collect();
    let typed_text = words.iter().take(2).copied().collect::<Vec<_>>().join(" ");
    let keystrokes: Vec<String> =
        typed_text.char_indices().map(|(i, c)| typed_text[..i + c.len_utf8()].to_string()).collect();
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); names.len()];
    for run in 0..=runs {
        let mut time = |i: usize, f: &mut dyn FnMut()| {
            let started = Instant::now();
            f();
            if run > 0 {
                times[i].push(started.elapsed());
            }
        };
        time(0, &mut || assert_eq!(floor(&raw), floor_rows));
        time(1, &mut || assert_eq!(store.plan_shares(plan).expect("shares").len(), shares.len()));
        time(2, &mut || {
            store.plan_overview(plan, &OverviewFilter::default()).expect("overview");
        });
        time(3, &mut || {
            store.plan_dashboard_on(plan, today).expect("dashboard");
        });
        time(4, &mut || {
            store.commitment_progress(commitment, Locale::Fr).expect("progress");
        });
        let typed = &keystrokes[run % keystrokes.len()];
        time(5, &mut || {
            store.plan_search(plan, typed).expect("search");
        });
        time(6, &mut || {
            store
                .plan_overview(plan, &OverviewFilter { query: typed.clone(), institution_id: None })
                .expect("overview");
        });
    }

    println!(
        "Plan ouvert roll-up benchmark: {} commitments, {} milestones, {} reports ({} corrections), store {:.1} MB, {runs} runs each",
        counts.0,
        counts.1,
        counts.2,
        counts.3,
        file_size as f64 / 1e6
    );
    println!(
        "plan at {:?} %, dashboard on {today}: {} late, {} due soon; commitment_progress of the commitment with most reports ({its_reports}, {} milestones)",
        overview.progress,
        dashboard.overdue.len(),
        dashboard.due_soon.len(),
        progress.milestones.len()
    );
    println!("searches typed: the prefixes of « {typed_text} »");
    let floor_p50 = quantile(&times[0], 0.5);
    for (name, list) in names.iter().zip(&times) {
        let p50 = quantile(list, 0.5);
        println!(
            "{name:<30} p50 {:>9}  p95 {:>9}  p99 {:>9}  ({:.2}× the floor's p50)",
            ms(p50),
            ms(quantile(list, 0.95)),
            ms(quantile(list, 0.99)),
            p50.as_secs_f64() / floor_p50.as_secs_f64()
        );
    }
}
