//! Whose copy of the server's data this laptop holds. A pull returns only what its person may
//! see, so the copy belongs to one account: when another person signs in on the same laptop, the
//! copy is received again from the start, as theirs — someone who sees more receives the older
//! records too, someone who sees less no longer holds other institutions' records. Changes not
//! yet sent, or conflicts not yet resolved, are the previous person's: the change of account
//! waits until they are sent or resolved, so nothing is pushed under another name or lost.

use rusqlite::Connection;
use uuid::Uuid;

use crate::setting::{get_setting, put_setting, CURSOR, JOINED, REPLICA_OF};
use crate::{Error, Result, Store};

/// The demonstration plan's records and the reference library stay; everything received from the
/// server goes.
fn forget_received_records(conn: &Connection) -> Result<()> {
    let real_plans = "SELECT id FROM plan WHERE is_demo = 0 AND library = 0";
    let real_commitments = format!("SELECT id FROM commitment WHERE plan_id IN ({real_plans})");
    conn.execute(&format!("DELETE FROM milestone WHERE commitment_id IN ({real_commitments})"), [])?;
    conn.execute(&format!("DELETE FROM commitment_supporter WHERE commitment_id IN ({real_commitments})"), [])?;
    conn.execute(&format!("DELETE FROM commitment WHERE plan_id IN ({real_plans})"), [])?;
    conn.execute(&format!("DELETE FROM area WHERE plan_id IN ({real_plans})"), [])?;
    conn.execute("DELETE FROM plan WHERE is_demo = 0 AND library = 0", [])?;
    // Institutions the demonstration brought stay, and those its records still name.
    conn.execute(
        "DELETE FROM institution
         WHERE id NOT IN (SELECT record_id FROM sync_local WHERE record_kind = 'institution')
           AND id NOT IN (SELECT lead_institution_id FROM commitment WHERE lead_institution_id IS NOT NULL)
           AND id NOT IN (SELECT lead_institution_id FROM milestone WHERE lead_institution_id IS NOT NULL)
           AND id NOT IN (SELECT institution_id FROM commitment_supporter)",
        [],
    )?;
    conn.execute("DELETE FROM sync_shadow", [])?;
    put_setting(conn, CURSOR, None)?;
    put_setting(conn, JOINED, None)?;
    Ok(())
}

impl Store {
    /// Makes this laptop's copy of the server's data that of `person`, before their connection
    /// is kept: nothing to do for the same person (or the first one); for another person, the
    /// records received for the previous one are forgotten and will be received again.
    /// Refused with [`Error::Unsent`] while the previous person's changes wait to be sent or their
    /// conflicts to be resolved. Returns whether records were forgotten (screens then read again).
    pub fn sync_take_account(&mut self, person: Uuid) -> Result<bool> {
        let tx = self.conn.savepoint()?;
        let previous = get_setting(&tx, REPLICA_OF)?;
        let another = previous.as_deref().is_some_and(|p| p != person.to_string());
        if another {
            let (pending, conflicts): (u32, u32) = tx.query_row(
                "SELECT (SELECT count(*) FROM sync_outbox), (SELECT count(*) FROM sync_conflict)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if pending > 0 || conflicts > 0 {
                return Err(Error::Unsent { pending, conflicts });
            }
            forget_received_records(&tx)?;
        }
        put_setting(&tx, REPLICA_OF, Some(&person.to_string()))?;
        tx.commit()?;
        Ok(another)
    }
}
