//! The SQL schema (migrations/) holds exactly the fields declared for each record kind
//! (`plan_ouvert_sync::fields`), each in the column named after it: a field added to the
//! declaration without its column, or a column without its field, fails here.

use std::collections::BTreeSet;

use plan_ouvert_store::Store;
use plan_ouvert_sync::fields::fields_of_kind;
use plan_ouvert_sync::protocol::{snake_case, RecordKind};

/// Columns that are the store's own bookkeeping, not a record's field.
/// (`is_demo` and `library` say a plan stays on this laptop.)
const BOOKKEEPING: &[&str] = &["id", "num", "created_at", "updated_at", "is_demo", "library"];

fn columns(conn: &rusqlite::Connection, table: &str) -> BTreeSet<String> {
    let mut statement = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')")).unwrap();
    let names = statement.query_map([], |row| row.get::<_, String>(0)).unwrap();
    names.map(Result::unwrap).filter(|name| !BOOKKEEPING.contains(&name.as_str())).collect()
}

#[test]
fn every_declared_field_has_its_column_and_every_column_its_field() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_in(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join("plan-ouvert.sqlite3")).unwrap();
    for kind in
        [RecordKind::Plan, RecordKind::Area, RecordKind::Institution, RecordKind::Commitment, RecordKind::Milestone]
    {
        let table = kind.code();
        let mut declared: BTreeSet<String> = fields_of_kind(kind).iter().map(|f| snake_case(f)).collect();
        if kind == RecordKind::Commitment {
            // The supporting institutions are rows of their own table, in order.
            assert!(declared.remove("supporting_institution_ids"));
            let supporters = columns(&conn, "commitment_supporter");
            assert!(supporters.contains("commitment_id") && supporters.contains("institution_id"), "{supporters:?}");
        }
        assert_eq!(columns(&conn, table), declared, "the table {table} and the fields declared for {kind:?}");
    }
}
