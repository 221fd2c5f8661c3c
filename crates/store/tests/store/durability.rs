//! A laptop's app killed at any moment keeps every committed record and a sound database.
//!
//! The test starts this same test binary as a child process that writes as fast as it can and
//! reports each commit on its standard output, kills it with SIGKILL in the middle, and checks
//! what a restarted app finds.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use plan_ouvert_domain::*;
use plan_ouvert_store::Store;

const CHILD_ENV: &str = "PLAN_OUVERT_TEST_WRITER_DIR";

/// The writer run in the child process (ignored when run directly).
#[test]
#[ignore = "run by killing_the_app_mid_write_loses_no_committed_record"]
fn writer_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let mut store = Store::open_in(std::path::Path::new(&dir)).unwrap();
    let plan = store.load_demo_plan().unwrap();
    let area = store.areas(plan.id).unwrap()[0].clone();
    let commitment = store.create_commitment(area.id, "Engagement écrit en boucle").unwrap();
    println!("commitment {}", commitment.id);
    for n in 1.. {
        store
            .create_milestone(commitment.id, &MilestoneInput { title: format!("Jalon {n}"), ..Default::default() })
            .unwrap();
        store.edit_commitment(commitment.id, &CommitmentEdit::Problem(format!("Texte tapé, version {n}"))).unwrap();
        println!("committed {n}");
    }
}

#[test]
#[cfg(unix)]
fn killing_the_app_mid_write_loses_no_committed_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["durability::writer_child", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut commitment = None;
    let mut acknowledged = 0;
    for line in lines.by_ref() {
        let line = line.unwrap();
        // The test harness may print its own words before ours on the same line.
        if let Some((_, id)) = line.rsplit_once("commitment ") {
            commitment = CommitmentId::parse(id.trim());
        } else if let Some((_, n)) = line.rsplit_once("committed ") {
            acknowledged = n.trim().parse().unwrap();
            if acknowledged >= 60 {
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL: no destructor, no flush, no checkpoint.
    child.wait().unwrap();
    assert!(acknowledged >= 60, "the writer stopped early");

    let store = Store::open_in(dir.path()).unwrap();
    let commitment = store.commitment(commitment.expect("the writer reported its commitment")).unwrap();
    let milestones = store.milestones(commitment.id).unwrap();
    assert!(milestones.len() >= acknowledged, "{} milestones kept, {acknowledged} acknowledged", milestones.len());
    let version: usize = commitment.problem.trim_start_matches("Texte tapé, version ").parse().unwrap();
    assert!(version >= acknowledged);
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join(plan_ouvert_store::DATABASE_FILE)).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
}
