//! Evidence files through sync: about 1 GB of PDFs (40 files of 25 MiB, the largest a report
//! takes) attached to reports on one laptop, sent up to the server, then down to a second, empty
//! laptop, with the real client, the real server (its routes and SQLite database, in the same
//! process, on a loopback port) and app stores on disk (WAL, `synchronous=FULL`).
//!
//! Prints each direction's throughput against the floor measured in the same run: the same bytes
//! copied over a plain loopback TCP connection, plus written once into SQLite as blobs (one
//! transaction a file, WAL, `synchronous=FULL`), which is what each side must at least do. Also
//! the memory each direction took at its peak beyond what was in use before it: heap bytes
//! (counted by a global allocator around the system one) and resident memory (Linux's `VmHWM`,
//! reset before each); the server and both laptops live in this one process.
//!
//! ```sh
//! cargo run --release -p plan-ouvert-client --example files_bench [-- FILES [MIB_EACH]]
//! ```

use std::io::{Read, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use peak_alloc::PeakAlloc;
use plan_ouvert_client::{Server, SyncReport};
use plan_ouvert_domain::{CommitmentId, EvidenceFile, ProgressStatus, ReportInput};
use plan_ouvert_store::Store;
use plan_ouvert_sync::files::sha256_hex;

mod common;

use common::plan::{generate, office, serve, sign_in, Shape};
use common::Rng;

/// Counts the heap bytes in use and their peak, around the system allocator.
#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

fn lock(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(|p| p.into_inner())
}

/// A PDF of `size` bytes: the PDF header, then bytes that do not compress, from `seed`.
fn pdf(size: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (seed + 1).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let mut bytes = Vec::with_capacity(size + 8);
    bytes.extend_from_slice(b"%PDF-1.7\n");
    while bytes.len() < size {
        bytes.extend_from_slice(&rng.next().to_le_bytes());
    }
    bytes.truncate(size);
    bytes
}

/// The process's resident memory now and at its peak since the last reset, in MiB (Linux).
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// One sync of `store`, timed, with the memory it took: the heap's peak beyond what was in use
/// before, and the resident memory's peak and what it was before, in MiB.
async fn measured_sync(server: &Server, store: &Mutex<Store>) -> (SyncReport, Duration, String) {
    let (resident_before, _) = memory();
    // Peaks counted from now on (resident memory, Linux: `clear_refs` 5).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    HEAP.reset_peak_usage();
    let heap_before = HEAP.current_usage();
    let started = Instant::now();
    let report = server.sync(store).await.expect("sync");
    let time = started.elapsed();
    let (_, resident_peak) = memory();
    let heap = HEAP.peak_usage().saturating_sub(heap_before) as f64 / (1024.0 * 1024.0);
    (report, time, format!("peak heap +{heap:.1} MiB, peak RSS {resident_peak:.0} MiB (from {resident_before:.0} MiB)"))
}

fn mb_per_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// The floor of the network: `files` buffers of `buffer.len()` bytes copied over a plain
/// loopback TCP connection, read into a buffer of one chunk.
fn tcp_copy(buffer: &[u8], files: usize) -> Duration {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("addr");
    let total = buffer.len() * files;
    let reader = std::thread::spawn(move || {
        let (mut socket, _) = listener.accept().expect("accept");
        let mut chunk = vec![0; plan_ouvert_sync::files::CHUNK];
        let mut read = 0;
        while read < total {
            read += socket.read(&mut chunk).expect("read");
        }
        read
    });
    let started = Instant::now();
    let mut socket = std::net::TcpStream::connect(address).expect("connect");
    for _ in 0..files {
        socket.write_all(buffer).expect("write");
    }
    assert_eq!(reader.join().expect("reader"), total);
    started.elapsed()
}

/// The floor of storing: `files` blobs of `size` bytes inserted into a fresh SQLite file (WAL,
/// `synchronous=FULL`), one transaction each.
fn sqlite_insert(dir: &std::path::Path, size: usize, files: usize) -> Duration {
    let conn = rusqlite::Connection::open(dir.join("floor.sqlite3")).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
    conn.pragma_update(None, "synchronous", "FULL").expect("full");
    conn.execute_batch("CREATE TABLE file (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL) STRICT").expect("table");
    let mut total = Duration::ZERO;
    for i in 0..files {
        let bytes = pdf(size, i as u64);
        let sha = sha256_hex(&bytes);
        let started = Instant::now();
        conn.execute("INSERT INTO file (sha256, data) VALUES (?1, ?2)", rusqlite::params![sha, bytes]).expect("insert");
        total += started.elapsed();
    }
    total
}

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let files = args.first().copied().unwrap_or(40);
    let size = args.get(1).copied().unwrap_or(25) * 1024 * 1024;
    assert!(size as u64 <= EvidenceFile::MAX_SIZE, "at most 25 MiB a file");
    let total = (files * size) as u64;
    let dir = tempfile::tempdir().expect("temporary folder");

    // The server, with a coordinator and a plan of one commitment per file.
    let (mut conn, coordinator, token) = office(&dir.path().join("server.sqlite3"));
    let generated = generate(&mut conn, &coordinator, Shape { commitments: files, milestones_each: 0, reports: 0 });
    let server = Server::new(&serve(conn).await, &token).expect("client");

    // Laptop A receives the plan, attaches a file to a report on each commitment.
    let a = Mutex::new(Store::open_in(&dir.path().join("laptop-a")).expect("store"));
    sign_in(&server, &a).await;
    server.sync(&a).await.expect("first sync");
    let started = Instant::now();
    for (i, commitment) in generated.commitments.iter().enumerate() {
        let file = lock(&a).attach_evidence(&format!("Bilan {}.pdf", i + 1), &pdf(size, i as u64)).expect("attach");
        let input = ReportInput {
            commitment_id: CommitmentId(*commitment),
            milestone_id: None,
            reported_on: "2026-06-30".into(),
            status: Some(ProgressStatus::Substantial),
            done: "Le bilan d'étape est publié.".into(),
            difficulties: String::new(),
            next_steps: String::new(),
            results: String::new(),
            opened_government: None,
            links: Vec::new(),
            files: vec![file],
            corrects: None,
        };
        lock(&a).report_progress(&input).expect("report");
    }
    let attach = started.elapsed();

    // Up: the files, then the reports naming them.
    let (up, up_time, up_memory) = measured_sync(&server, &a).await;
    assert_eq!(up.file_bytes_sent, total, "every file sent once");

    // Down: an empty laptop B receives the plan, the reports, then the files.
    let b = Mutex::new(Store::open_in(&dir.path().join("laptop-b")).expect("store"));
    sign_in(&server, &b).await;
    let (down, down_time, down_memory) = measured_sync(&server, &b).await;
    assert_eq!(down.file_bytes_received, total, "every file received once");
    assert!(lock(&b).files_to_download().expect("to download").is_empty());
    for i in [0, files - 1] {
        let sha = sha256_hex(&pdf(size, i as u64));
        let held = lock(&b).evidence_bytes(&sha).expect("bytes").expect("held whole");
        assert_eq!(sha256_hex(&held), sha, "file {i} whole on laptop B");
    }

    // The floors, in the same run.
    let tcp = tcp_copy(&pdf(size, 0), files);
    let insert = sqlite_insert(dir.path(), size, files);
    let floor = tcp + insert;

    let mb = total as f64 / 1e6;
    println!(
        "Plan ouvert evidence files benchmark: {files} files of {} MiB, {mb:.1} MB, chunks of {} MiB",
        size / (1024 * 1024),
        plan_ouvert_sync::files::CHUNK / (1024 * 1024)
    );
    println!("attached on laptop A ({files} reports written): {:.2} s", attach.as_secs_f64());
    println!(
        "up   (laptop A -> server): {:.2} s, {:.0} MB/s, {up_memory}",
        up_time.as_secs_f64(),
        mb_per_s(total, up_time)
    );
    println!(
        "down (server -> laptop B): {:.2} s, {:.0} MB/s, {down_memory}",
        down_time.as_secs_f64(),
        mb_per_s(total, down_time)
    );
    println!("floor: loopback TCP copy: {:.2} s, {:.0} MB/s", tcp.as_secs_f64(), mb_per_s(total, tcp));
    println!("floor: SQLite blob inserts: {:.2} s, {:.0} MB/s", insert.as_secs_f64(), mb_per_s(total, insert));
    println!(
        "floor total: {:.2} s, {:.0} MB/s — up is {:.1}× the floor, down {:.1}×",
        floor.as_secs_f64(),
        mb_per_s(total, floor),
        up_time.as_secs_f64() / floor.as_secs_f64(),
        down_time.as_secs_f64() / floor.as_secs_f64()
    );
}
