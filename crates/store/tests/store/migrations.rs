//! Every migration is applied from an empty database and from each earlier version holding
//! data: `tests/fixtures/schema-NNNN.sql` holds the rows an app at schema version NNNN adds, so a
//! database at version N is built by migrating to each version in turn and adding its rows.

use plan_ouvert_domain::{Locale, OverviewFilter};
use plan_ouvert_store::{migrations, Store};
use rusqlite::Connection;

fn fixture(version: usize) -> String {
    let path = format!("{}/tests/fixtures/schema-{version:04}.sql", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {path}: every schema version needs a fixture with data in it"))
}

fn check_integrity(conn: &Connection) {
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let dangling: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(dangling, 0, "dangling references after migration");
}

#[test]
fn an_empty_database_is_brought_to_the_latest_schema() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.schema_version().unwrap() as usize, migrations::latest());
}

#[test]
fn every_earlier_version_with_data_in_it_upgrades_without_loss() {
    for version in 1..=migrations::latest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "foreign_keys", true).unwrap();
            for step in 1..=version {
                migrations::apply_up_to(&mut conn, step).unwrap();
                conn.execute_batch(&fixture(step)).unwrap_or_else(|e| panic!("fixture of version {step}: {e}"));
            }
        }
        let mut store = Store::open(&path).unwrap_or_else(|e| panic!("upgrade from version {version}: {e}"));
        assert_eq!(store.schema_version().unwrap() as usize, migrations::latest());
        let plans = store.list_plans().unwrap();
        assert_eq!(plans.len(), 1, "plan of version {version} lost");
        let overview = store
            .plan_overview(plans[0].id, &OverviewFilter { query: "ecologique".into(), institution_id: None })
            .unwrap();
        assert_eq!(overview.commitment_count, 2, "commitments of version {version} lost");
        assert_eq!(overview.milestone_count, 2, "milestones of version {version} lost");
        assert_eq!(overview.matching_count, 1, "search index of version {version} not carried over");
        assert_eq!(store.list_institutions().unwrap().len(), 2);
        // Progress (version 7): a report written then counts in the roll-up, weighed as it was.
        let progress = store.commitment_progress(overview.areas[0].commitments[0].id, Locale::Fr).unwrap();
        let reported = progress.milestones.iter().filter(|m| !m.reports.is_empty()).count();
        assert_eq!(reported, usize::from(version >= 7), "reports of version {version}");
        let expected = if version >= 7 { 67 } else { 0 }; // complete, weighed 2, beside one not started
        assert_eq!(progress.percent, Some(expected), "roll-up after upgrading from version {version}");
        // Evidence (version 8): the file a report names is still here, whole.
        let named: Vec<_> = progress.milestones.iter().flat_map(|m| &m.reports).flat_map(|r| &r.files).collect();
        assert_eq!(named.len(), usize::from(version >= 8), "files named after upgrading from version {version}");
        for file in named {
            assert_eq!(store.evidence_bytes(&file.sha256).unwrap().map(|b| b.len() as u64), Some(file.size));
        }
        // Notifications (version 10): what was told is not told again. Both milestones are late
        // on 2023-07-01, the first one complete from version 7 on.
        let today = chrono::NaiveDate::from_ymd_opt(2023, 7, 1).unwrap();
        let news = store.take_due_news_on(today).unwrap();
        let expected = match version {
            ..=6 => 2,
            7..=9 => 1,
            _ => 0,
        };
        assert_eq!(news.len(), expected, "news after upgrading from version {version}: {news:?}");
        // Workshops (version 13): the workshop, its participant (who she is too) and her
        // proposal, traced to the second commitment.
        let workshops = store.workshops(plans[0].id).unwrap();
        assert_eq!(workshops.len(), usize::from(version >= 13), "workshops of version {version}");
        if let Some(summary) = workshops.first() {
            let detail = store.workshop(summary.workshop.id).unwrap();
            assert_eq!(detail.participants[0].identity.as_ref().map(|i| i.name.as_str()), Some("Awa"));
            assert_eq!(detail.contributions[0].fed.len(), 1);
            let traced = detail.contributions[0].fed[0].commitment_id;
            assert_eq!(store.contributions_to_commitment(traced).unwrap().len(), 1);
        }
        // The jury (version 15): its session, jurors, application and sheets, ranked again.
        let sessions = store.jury_sessions(plans[0].id).unwrap();
        assert_eq!(sessions.len(), usize::from(version >= 15), "jury sessions of version {version}");
        if let Some(summary) = sessions.first() {
            let detail = store.jury_session(summary.session.id).unwrap();
            assert_eq!((detail.jurors.len(), detail.applications.len(), detail.sheets.len()), (2, 1, 2));
            assert_eq!(detail.ranking.ranked[0].scored, 1);
            assert_eq!(detail.ranking.ranked[0].abstained, 1);
        }
        drop(store);
        check_integrity(&Connection::open(&path).unwrap());
    }
}

#[test]
fn reopening_an_up_to_date_database_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let plan = store.load_demo_plan().unwrap();
    drop(store);
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.list_plans().unwrap(), vec![plan]);
}
