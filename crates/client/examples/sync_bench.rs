//! Sync benchmark: a server holding a national plan of 5,000 commitments and 25,000 milestones
//! (generated, with text lengths like real action plans), an empty app store, and the real client.
//!
//! Prints, measured in the same run:
//! - the first full sync into the empty store;
//! - one edit's round trip (saved on laptop A, pushed, acknowledged and pulled back), then the
//!   next pull of laptop B that brings it;
//! - a thousand commitments changed on laptop A, received by laptop B (which holds the whole
//!   plan), against their own floor (the same bytes, parsed, the same rows updated), in five
//!   rounds, and their median;
//! - the floor they compare with: downloading the same number of bytes over loopback, parsing
//!   the same JSON, and inserting the same records into the same SQLite schema in one
//!   transaction;
//! - where the first sync's time went (waiting for answers, the store taking them in; the
//!   server's answers one after the other), and the process's peak heap during it.
//!
//! ```sh
//! cargo run --release -p plan-ouvert-client --example sync_bench [-- COMMITMENTS MILESTONES_PER_COMMITMENT]
//! ```

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use plan_ouvert_client::Server;
use plan_ouvert_domain::{CommitmentEdit, CommitmentId};
use plan_ouvert_store::Store;
use plan_ouvert_sync::protocol::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

mod common;

/// Every allocation of the process (laptop and in-process server alike) is counted, to know the
/// first sync's peak heap; SQLite's own page cache is not (it allocates apart, 2 MiB a connection
/// by default).
#[global_allocator]
static HEAP: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;

use common::plan::{generate, office, serve, Shape};

fn lock(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(|p| p.into_inner())
}

/// How many times a thousand changed commitments are received.
const ROUNDS: usize = 5;

/// One exchange bringing a thousand changed commitments, and its floor.
struct Round {
    pull: Duration,
    floor: Duration,
    waited: Duration,
    stored: Duration,
    changed: usize,
    bytes: usize,
}

impl Round {
    fn ratio(&self) -> f64 {
        self.pull.as_secs_f64() / self.floor.as_secs_f64()
    }
}

fn seconds(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// Serves `size` bytes once per connection over plain HTTP/1.1, as a loopback baseline.
async fn serve_bytes(size: usize) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let body = Arc::new(vec![b'x'; size]);
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else { return };
            let body = body.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                let head = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(&body).await;
            });
        }
    });
    addr
}

/// Inserts the records a pull carried into a fresh store file, in one transaction, with the
/// plainest SQL: the floor of writing them locally.
fn insert_floor(dir: &std::path::Path, pull: &PullResponse) -> Duration {
    let path = dir.join("floor.sqlite3");
    drop(Store::open(&path).expect("schema"));
    let mut conn = rusqlite::Connection::open(&path).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
    conn.pragma_update(None, "synchronous", "FULL").expect("full");
    let mut records: BTreeMap<(u8, RecordKey), BTreeMap<&str, &Value>> = BTreeMap::new();
    for change in &pull.changes {
        // In the order the app writes them, so that references exist first.
        let rank = plan_ouvert_sync::replica::dependency_rank(change.record.kind);
        records.entry((rank, change.record)).or_default().insert(&change.field, &change.value);
    }
    let started = Instant::now();
    let tx = conn.transaction().expect("tx");
    for ((_, record), fields) in &records {
        let table = record.kind.table();
        let columns: Vec<(String, &Value)> = fields
            .iter()
            .filter(|(f, _)| **f != "supportingInstitutionIds")
            .map(|(f, v)| {
                (
                    f.chars()
                        .flat_map(|c| if c.is_ascii_uppercase() { vec!['_', c.to_ascii_lowercase()] } else { vec![c] })
                        .collect(),
                    *v,
                )
            })
            .collect();
        let names: String = columns.iter().map(|(c, _)| format!(", {c}")).collect();
        let marks: String = (0..columns.len()).map(|i| format!(", ?{}", i + 3)).collect();
        let mut values: Vec<rusqlite::types::Value> =
            vec![record.id.to_string().into(), "2025-01-01T00:00:00.000Z".to_string().into()];
        values.extend(columns.iter().map(|(_, v)| match v {
            Value::Bool(b) => rusqlite::types::Value::Integer(i64::from(*b)),
            Value::Number(n) => rusqlite::types::Value::Integer(n.as_i64().unwrap_or(0)),
            Value::String(s) => rusqlite::types::Value::Text(s.clone()),
            _ => rusqlite::types::Value::Null,
        }));
        tx.prepare_cached(&format!(
            "INSERT INTO {table} (id, created_at, updated_at{names}) VALUES (?1, ?2, ?2{marks})"
        ))
        .expect("prepare")
        .execute(rusqlite::params_from_iter(values))
        .expect("insert");
    }
    tx.commit().expect("commit");
    started.elapsed()
}

/// Updates the fields an answer carries in the floor's store (filled by [`insert_floor`]), in one
/// transaction, with the plainest SQL.
fn update_floor(dir: &std::path::Path, pull: &PullResponse) -> Duration {
    let mut conn = rusqlite::Connection::open(dir.join("floor.sqlite3")).expect("open");
    conn.pragma_update(None, "synchronous", "FULL").expect("full");
    let started = Instant::now();
    let tx = conn.transaction().expect("tx");
    for change in &pull.changes {
        let Value::String(text) = &change.value else { continue };
        tx.prepare_cached(&format!(
            "UPDATE {} SET {} = ?1, updated_at = ?2 WHERE id = ?3",
            change.record.kind.table(),
            snake_case(&change.field)
        ))
        .expect("prepare")
        .execute(rusqlite::params![text, "2025-01-02T00:00:00.000Z", change.record.id.to_string()])
        .expect("update");
    }
    tx.commit().expect("commit");
    started.elapsed()
}

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let commitments = args.first().copied().unwrap_or(5_000);
    let per = args.get(1).copied().unwrap_or(5);
    let dir = tempfile::tempdir().expect("temporary folder");

    // The server, with one coordinator and their token.
    let (mut conn, coordinator, token) = office(&dir.path().join("server.sqlite3"));
    let started = Instant::now();
    let count = generate(&mut conn, &coordinator, Shape { commitments, milestones_each: per, reports: 0 }).records;
    eprintln!("generated {count} records on the server in {}", seconds(started.elapsed()));
    let address = serve(conn).await;
    let server = Server::new(&address, &token).expect("client");

    // First full sync into an empty store, its answers compressed as the app asks for them.
    let a = Mutex::new(Store::open_in(&dir.path().join("laptop-a")).expect("store"));
    let heap_before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let started = Instant::now();
    let report = server.sync(&a).await.expect("first sync");
    let first_sync = started.elapsed();
    let peak_heap = HEAP.peak_usage().saturating_sub(heap_before) as f64 / (1024.0 * 1024.0);
    let compressed_bytes = report.pulled_bytes;

    // A second laptop asks for them as they are; then one edit's round trip, and that laptop
    // receiving it.
    let b = Mutex::new(Store::open_in(&dir.path().join("laptop-b")).expect("store"));
    let plain_server = Server::new(&address, &token).expect("client").without_compression();
    let started = Instant::now();
    let pulled_bytes = plain_server.sync(&b).await.expect("second laptop's first sync").pulled_bytes;
    let second_full = started.elapsed();
    let commitment = {
        let store = lock(&a);
        let plan = store.list_plans().expect("plans").remove(0);
        drop(store);
        let mut store = lock(&a);
        let overview = store.plan_overview(plan.id, &Default::default()).expect("overview");
        overview.areas[0].commitments[0].id
    };
    let started = Instant::now();
    lock(&a)
        .edit_commitment(commitment, &CommitmentEdit::Causes("Une cause précisée en atelier.".into()))
        .expect("edit");
    server.sync(&a).await.expect("edit sync");
    let round_trip = started.elapsed();
    let started = Instant::now();
    plain_server.sync(&b).await.expect("receive");
    let receive = started.elapsed();
    assert_eq!(lock(&b).commitment(commitment).expect("commitment").causes, "Une cause précisée en atelier.");

    // The floor: the same bytes over loopback, the same records inserted in one transaction.
    let floor_addr = serve_bytes(pulled_bytes).await;
    let http = reqwest::Client::new();
    let started = Instant::now();
    let body = http.get(format!("http://{floor_addr}/")).send().await.expect("get").bytes().await.expect("bytes");
    let download = started.elapsed();
    assert_eq!(body.len(), pulled_bytes);
    // Every page of a first sync, as the floor's rows.
    let mut pull = PullResponse {
        changes: Vec::new(),
        deleted: Vec::new(),
        head: 0,
        more: true,
        hidden: Vec::new(),
        timeline: None,
        since: None,
        remaining: None,
    };
    let started = Instant::now();
    while pull.more {
        let page = plain_server
            .pull(&PullRequest { protocol: PROTOCOL_VERSION, since: pull.head, limit: None, count: false })
            .await
            .expect("pull")
            .0;
        pull.changes.extend(page.changes);
        pull.head = page.head;
        pull.more = page.more;
    }
    let answers = started.elapsed();
    let json = serde_json::to_vec(&pull).expect("the pages as JSON");
    let started = Instant::now();
    let parsed: PullResponse = serde_json::from_slice(&json).expect("parse");
    let parse = started.elapsed();
    assert_eq!(parsed.changes.len(), pull.changes.len());
    let insert = insert_floor(dir.path(), &pull);
    // A thousand commitments changed on laptop A (one field each) and sent; laptop B, holding the
    // whole plan, receives them in one exchange. Five rounds, each against its own floor: the
    // same bytes over loopback, the same JSON parsed, the same rows updated in one transaction in
    // the floor's full store (filled above). One round is one exchange, so the median says more
    // than any one of them.
    let thousand: Vec<CommitmentId> = {
        let mut store = lock(&a);
        let plan = store.list_plans().expect("plans").remove(0);
        let overview = store.plan_overview(plan.id, &Default::default()).expect("overview");
        overview.areas.iter().flat_map(|area| &area.commitments).take(1_000).map(|c| c.id).collect()
    };
    let mut rounds = Vec::new();
    for round in 1..=ROUNDS {
        {
            let mut store = lock(&a);
            for (n, id) in thousand.iter().enumerate() {
                let causes = format!("Cause revue en comité de suivi n° {round}, numéro {n}.");
                store.edit_commitment(*id, &CommitmentEdit::Causes(causes)).expect("edit");
            }
        }
        server.sync(&a).await.expect("the thousand sent");
        let since = lock(&b).sync_pull_request().expect("request").since;
        let started = Instant::now();
        let report = plain_server.sync(&b).await.expect("the thousand received");
        let pull = started.elapsed();
        let last = thousand.last().copied().expect("a thousand");
        let causes = lock(&b).commitment(last).expect("commitment").causes;
        assert_eq!(causes, format!("Cause revue en comité de suivi n° {round}, numéro 999."));
        let (changed, changed_bytes) = plain_server
            .pull(&PullRequest { protocol: PROTOCOL_VERSION, since, limit: None, count: false })
            .await
            .expect("the same answer");
        let floor_addr = serve_bytes(changed_bytes).await;
        let started = Instant::now();
        http.get(format!("http://{floor_addr}/")).send().await.expect("get").bytes().await.expect("bytes");
        let changed_json = serde_json::to_vec(&changed).expect("the answer as JSON");
        let reparsed: PullResponse = serde_json::from_slice(&changed_json).expect("parse");
        let floor = started.elapsed() + update_floor(dir.path(), &reparsed);
        rounds.push(Round {
            pull,
            floor,
            waited: report.pull_waited,
            stored: report.pull_stored,
            changed: changed.changes.len(),
            bytes: changed_bytes,
        });
    }

    let milestones = commitments * per;
    println!("Plan ouvert sync benchmark: {commitments} commitments, {milestones} milestones, {} field values, {:.1} MB pulled", pull.changes.len(), pulled_bytes as f64 / 1e6);
    println!(
        "first full sync into an empty store : {} ({:.1} MB on the wire, compressed)",
        seconds(first_sync),
        compressed_bytes as f64 / 1e6
    );
    println!(
        "  (second laptop, uncompressed)      : {} ({:.1} MB on the wire)",
        seconds(second_full),
        pulled_bytes as f64 / 1e6
    );
    println!(
        "  of which waiting for answers       : {} (server, transfer and parsing not covered by writing)",
        seconds(report.pull_waited)
    );
    println!("  of which the store taking them in  : {}", seconds(report.pull_stored));
    println!(
        "  the same pages one after the other : {} (server's answer, transfer and parsing, uncompressed)",
        seconds(answers)
    );
    println!("  peak heap of the process           : {peak_heap:.1} MiB (laptop and in-process server)");
    println!("edit round trip (save, push, pull)  : {:.0} ms", round_trip.as_secs_f64() * 1e3);
    println!("edit received by the other laptop   : {:.0} ms", receive.as_secs_f64() * 1e3);
    for (i, r) in rounds.iter().enumerate() {
        println!(
            "1,000 changed commitments received  : {:.0} ms ({} field values, {:.1} kB) — floor {:.0} ms: {:.2}× (round {}: waiting {:.0} ms, store {:.0} ms)",
            r.pull.as_secs_f64() * 1e3,
            r.changed,
            r.bytes as f64 / 1e3,
            r.floor.as_secs_f64() * 1e3,
            r.ratio(),
            i + 1,
            r.waited.as_secs_f64() * 1e3,
            r.stored.as_secs_f64() * 1e3
        );
    }
    let mut ratios: Vec<f64> = rounds.iter().map(Round::ratio).collect();
    ratios.sort_by(f64::total_cmp);
    println!("  median of the {ROUNDS} rounds             : {:.2}× the floor", ratios[ratios.len() / 2]);
    println!("floor: download {:.1} MB over loopback: {}", pulled_bytes as f64 / 1e6, seconds(download));
    println!("floor: parse the same JSON: {}", seconds(parse));
    println!("floor: insert the same records in one transaction: {}", seconds(insert));
    let floor = download + parse + insert;
    println!(
        "floor total: {} — first sync is {:.1}× the floor (uncompressed: {:.1}×)",
        seconds(floor),
        first_sync.as_secs_f64() / floor.as_secs_f64(),
        second_full.as_secs_f64() / floor.as_secs_f64()
    );
}
