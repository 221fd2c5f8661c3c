//! Ranks within a parent (milestones in their commitment, commitments in their area, areas in
//! their plan) are always 0, 1, 2…: after a record leaves, those after it move up. Each record
//! whose rank changes is one tracked change of its `position`, sent like any edit.

use plan_ouvert_sync::protocol::RecordKind;
use rusqlite::{params, Connection};
use uuid::Uuid;

use crate::row::instant_text;
use crate::sync::Tracked;
use crate::{now, Result};

/// The table's parent column and the order its records are shown in.
fn layout(kind: RecordKind) -> (&'static str, &'static str) {
    match kind {
        RecordKind::Milestone => ("commitment_id", "position, created_at"),
        RecordKind::Commitment => ("area_id", "position, title"),
        RecordKind::Area => ("plan_id", "position, title"),
        RecordKind::Plan
        | RecordKind::Institution
        | RecordKind::Report
        | RecordKind::Round
        | RecordKind::Workshop
        | RecordKind::Participant
        | RecordKind::Identity
        | RecordKind::Contribution
        | RecordKind::JurySession
        | RecordKind::Juror
        | RecordKind::JuryApplication
        | RecordKind::ScoreSheet => {
            unreachable!("only areas, commitments and milestones have a rank")
        }
    }
}

/// Gives the records of `kind` under `parent` the ranks `order` says (ids in their new order).
pub(crate) fn set_ranks(conn: &Connection, kind: RecordKind, order: &[Uuid]) -> Result<()> {
    let tracked: Vec<Tracked> = order.iter().map(|id| Tracked::before(conn, kind, *id)).collect::<Result<_>>()?;
    let at = instant_text(now());
    let sql = format!(
        "UPDATE {} SET position = ?2, updated_at = CASE WHEN position = ?2 THEN updated_at ELSE ?3 END WHERE id = ?1",
        kind.code()
    );
    for (rank, id) in order.iter().enumerate() {
        conn.execute(&sql, params![id.to_string(), rank as u32, at])?;
    }
    for record in tracked {
        record.record(conn)?;
    }
    Ok(())
}

/// The ids of the records of `kind` under `parent`, in the order shown.
pub(crate) fn in_order(conn: &Connection, kind: RecordKind, parent: Uuid) -> Result<Vec<Uuid>> {
    let (parent_column, order_by) = layout(kind);
    let mut statement =
        conn.prepare(&format!("SELECT id FROM {} WHERE {parent_column} = ?1 ORDER BY {order_by}", kind.code()))?;
    let ids = statement
        .query_map([parent.to_string()], |row| row.get::<_, String>(0))?
        .map(|id| -> Result<Uuid> { Uuid::parse_str(&id?).map_err(|e| crate::Error::Corrupt(e.to_string())) })
        .collect::<Result<Vec<Uuid>>>()?;
    Ok(ids)
}

/// Closes the gaps in the ranks under `parent`, keeping the order shown.
pub(crate) fn close_gaps(conn: &Connection, kind: RecordKind, parent: Uuid) -> Result<()> {
    let ids = in_order(conn, kind, parent)?;
    set_ranks(conn, kind, &ids)
}
