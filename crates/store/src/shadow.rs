//! The server's last value of a long text, kept once.
//!
//! `sync_shadow` holds, for each field of each record, the last value and version the server
//! confirmed: what a field shows again when a change made here is refused or discarded. Until a
//! person changes a field, its record holds that same value; for the long texts (the fields that
//! hold [`Holds::LongText`] or [`Holds::Verbatim`]: nearly all the bytes of a plan), the row then
//! keeps only the version, and `value` is NULL: "the one the record holds".
//!
//! That stays true whoever writes the record:
//!
//! - **A writer of this laptop** (an edit, a deletion, one cascading from its parent, an import):
//!   triggers made here from the kinds' declaration copy the value the record held into the row,
//!   before the record changes or goes.
//! - **Sync itself** ([`crate::sync::SqliteReplica`]) writes records from the server's values;
//!   while it does, the triggers stand aside ([`Settling`]) and the replica keeps the rule itself:
//!   a value it receives is written NULL only once the record is settled and holds it.
//!
//! The triggers are made on each connection the store opens (`TEMP`), from the declaration, so a
//! field declared later is covered without a migration.

use std::collections::HashSet;
use std::sync::OnceLock;

use plan_ouvert_sync::fields::{fields, snake_case, Holds};
use plan_ouvert_sync::protocol::{RecordKind, Value};
use rusqlite::Connection;

use crate::Result;

/// Whether the server's value of `field` is kept once when the record holds it.
pub(crate) fn kept_once(kind: RecordKind, field: &str, value: &Value) -> bool {
    static ONCE: OnceLock<HashSet<(RecordKind, &'static str)>> = OnceLock::new();
    let once = ONCE.get_or_init(|| {
        RecordKind::ALL.into_iter().flat_map(|kind| long_texts(kind).map(move |name| (kind, name))).collect()
    });
    value.is_string() && once.contains(&(kind, field))
}

/// The fields of `kind` whose server value is kept once.
fn long_texts(kind: RecordKind) -> impl Iterator<Item = &'static str> {
    fields(kind).iter().filter(|f| matches!(f.holds, Holds::LongText | Holds::Verbatim)).map(|f| f.name)
}

/// Makes this connection's triggers (see the module documentation).
pub(crate) fn install(conn: &Connection) -> Result<()> {
    let mut sql = String::from("CREATE TEMP TABLE IF NOT EXISTS settling (replica INTEGER NOT NULL);\n");
    let aside = "NOT EXISTS (SELECT 1 FROM temp.settling)";
    for kind in RecordKind::ALL {
        let names: Vec<&str> = long_texts(kind).collect();
        if names.is_empty() {
            continue;
        }
        let (code, table) = (kind.code(), kind.table());
        let keep = |field: &str, column: &str| {
            format!(
                "UPDATE sync_shadow SET value = json_quote(OLD.{column})
                 WHERE record_kind = '{code}' AND record_id = OLD.id AND field = '{field}' AND value IS NULL;"
            )
        };
        for name in &names {
            let column = snake_case(name);
            sql.push_str(&format!(
                "CREATE TEMP TRIGGER IF NOT EXISTS shadow_keeps_{table}_{column} BEFORE UPDATE OF {column} ON main.{table}
                 WHEN OLD.{column} IS NOT NEW.{column} AND {aside}
                 BEGIN {} END;\n",
                keep(name, &column)
            ));
        }
        let kept: String = names.iter().map(|name| keep(name, &snake_case(name))).collect();
        sql.push_str(&format!(
            "CREATE TEMP TRIGGER IF NOT EXISTS shadow_keeps_{table} BEFORE DELETE ON main.{table}
             WHEN {aside} BEGIN {kept} END;\n"
        ));
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// While sync writes records from the server's values, the triggers stand aside: sync keeps the
/// rule itself. Begun and ended inside the transaction that takes an answer in, so a failure
/// rolls it back with the rest.
#[derive(Debug)]
pub(crate) struct Settling;

impl Settling {
    pub(crate) fn begin(conn: &Connection) -> Result<Self> {
        conn.execute("INSERT INTO temp.settling (replica) VALUES (1)", [])?;
        Ok(Self)
    }

    pub(crate) fn end(self, conn: &Connection) -> Result<()> {
        conn.execute("DELETE FROM temp.settling", [])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use plan_ouvert_domain::{AreaInput, AreaKind, CommitmentEdit, PlanInput};
    use plan_ouvert_sync::access::{Actor, Role};
    use plan_ouvert_sync::hub;
    use plan_ouvert_sync::ledger::MemoryLedger;
    use plan_ouvert_sync::protocol::{FieldChange, RecordKey};
    use plan_ouvert_sync::replica::{Fields, ReplicaState};
    use uuid::Uuid;

    use super::*;
    use crate::sync::SqliteReplica;
    use crate::Store;

    const PROBLEM: &str = "Les données restent introuvables.\n\nIl faut les publier.";

    /// A commitment written on one laptop and received by another: that one's store and the
    /// commitment.
    fn received() -> (Store, RecordKey) {
        let (answer, record) = answer();
        let mut b = Store::open_in_memory().unwrap();
        b.sync_apply_pull(&answer).unwrap();
        (b, record)
    }

    /// The server's answer to a new laptop, after a commitment was written on another, and the
    /// commitment.
    fn answer() -> (plan_ouvert_sync::protocol::PullResponse, RecordKey) {
        let actor = Actor { institution: Uuid::from_u128(1), role: Role::Coordinator, person: Uuid::from_u128(2) };
        let mut ledger = MemoryLedger::new();
        let mut a = Store::open_in_memory().unwrap();
        let plan = a
            .create_plan(&PlanInput {
                country: "France".into(),
                title: "Plan d'action national 2021-2023".into(),
                period_start: "2021-12-17".into(),
                period_end: "2023-12-31".into(),
            })
            .unwrap();
        let area = a
            .create_area(plan.id, &AreaInput { kind: AreaKind::Thematic, title: "Axe".into(), description: "".into() })
            .unwrap();
        let commitment = a.create_commitment(area.id, "Ouvrir les données").unwrap();
        a.edit_commitment(commitment.id, &CommitmentEdit::Problem(PROBLEM.into())).unwrap();
        while let Some(request) = a.sync_push_request().unwrap() {
            a.sync_apply_push(&hub::push(&mut ledger, &actor, &request).unwrap()).unwrap();
        }
        let request = Store::open_in_memory().unwrap().sync_pull_request().unwrap();
        (
            hub::pull(&mut ledger, &actor, &request).unwrap(),
            RecordKey { kind: RecordKind::Commitment, id: commitment.id.0 },
        )
    }

    fn kept(store: &Store, record: RecordKey, field: &str) -> Option<String> {
        store
            .conn
            .query_row(
                "SELECT value FROM sync_shadow WHERE record_kind = ?1 AND record_id = ?2 AND field = ?3",
                rusqlite::params![record.kind.code(), record.id.to_string(), field],
                |r| r.get(0),
            )
            .unwrap()
    }

    #[test]
    fn a_long_text_received_is_kept_by_its_record_alone_and_read_back_whole() {
        let (store, record) = received();
        assert_eq!(kept(&store, record, "problem"), None, "the record holds it");
        assert_eq!(kept(&store, record, "title").as_deref(), Some("\"Ouvrir les données\""), "a title is short");
        let shadow = SqliteReplica::reading(&store.conn).shadow(record).unwrap();
        assert_eq!(shadow["problem"].0, Value::String(PROBLEM.into()));
    }

    #[test]
    fn a_long_text_the_replica_changes_without_receiving_it_keeps_the_servers_value() {
        let (store, record) = received();
        let tx = store.conn.unchecked_transaction().unwrap();
        let mut replica = SqliteReplica::writing(&tx).unwrap();
        let current: Fields = replica.values(record).unwrap().unwrap();
        let mut changed = current.clone();
        changed.insert("problem".into(), Value::String("Autre chose.".into()));
        replica.rematerialise(record, &current, &changed).unwrap();
        assert_eq!(replica.shadow(record).unwrap()["problem"].0, Value::String(PROBLEM.into()));
        replica.finish().unwrap();
    }

    #[test]
    fn a_long_text_received_for_a_record_never_settled_is_kept_whole() {
        let (store, record) = received();
        let tx = store.conn.unchecked_transaction().unwrap();
        let mut replica = SqliteReplica::writing(&tx).unwrap();
        let text = Value::String("Reçu, mais le jalon n'est pas encore là.".into());
        replica.set_shadows(record, &[("causes", &text, 99)]).unwrap();
        assert_eq!(replica.shadow(record).unwrap()["causes"].0, text, "known before the record is settled");
        replica.finish().unwrap();
        assert_eq!(kept(&store, record, "causes"), Some(text.to_string()));
    }

    #[test]
    fn a_page_carrying_two_changes_of_one_field_keeps_the_newer() {
        let (mut answer, record) = answer();
        let change = answer.changes.iter().find(|c| c.record == record && c.field == "problem").unwrap().clone();
        let newer = Value::String("Réécrit depuis, dans la même page.".into());
        answer.changes.push(FieldChange { value: newer.clone(), version: change.version + 1, ..change });
        let mut store = Store::open_in_memory().unwrap();
        store.sync_apply_pull(&answer).unwrap();
        assert_eq!(store.sync_record_fields(record).unwrap().unwrap()["problem"], newer);
        assert_eq!(SqliteReplica::reading(&store.conn).shadow(record).unwrap()["problem"], (newer, change.version + 1));
    }

    #[test]
    fn the_triggers_stand_aside_only_while_an_answer_is_taken_in() {
        let (mut store, record) = received();
        store
            .edit_commitment(plan_ouvert_domain::CommitmentId(record.id), &CommitmentEdit::Problem("Ici.".into()))
            .unwrap();
        assert_eq!(kept(&store, record, "problem"), Some(Value::String(PROBLEM.into()).to_string()));
        let settling: i64 = store.conn.query_row("SELECT count(*) FROM temp.settling", [], |r| r.get(0)).unwrap();
        assert_eq!(settling, 0, "no answer is being taken in");
    }
}
