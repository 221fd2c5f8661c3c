//! Action plans: listing, creating and changing them. How a plan is read is in `read.rs`.

use plan_ouvert_domain::{Plan, PlanId, PlanInput, Problem};
use rusqlite::params;

use crate::read::{read_plan, read_plans};
use crate::row::{date_text, instant_text};
use crate::sync::Tracked;
use crate::{now, Result, Store};
use plan_ouvert_sync::protocol::RecordKind;

impl Store {
    /// Every action plan, most recent period first.
    pub fn list_plans(&self) -> Result<Vec<Plan>> {
        read_plans(&self.conn)
    }

    pub fn plan(&self, id: PlanId) -> Result<Plan> {
        read_plan(&self.conn, id)
    }

    /// Creates an action plan with no engagement areas yet.
    pub fn create_plan(&mut self, input: &PlanInput) -> Result<Plan> {
        self.insert_plan(input, false)
    }

    pub(crate) fn insert_plan(&mut self, input: &PlanInput, is_demo: bool) -> Result<Plan> {
        let valid = input.parse()?;
        let id = PlanId::new();
        let at = instant_text(now());
        let tx = self.conn.savepoint()?;
        tx.execute(
            "INSERT INTO plan (id, country, title, period_start, period_end, is_demo, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                id.to_string(),
                valid.country.as_str(),
                valid.title.as_str(),
                date_text(Some(valid.period.start())),
                date_text(Some(valid.period.end())),
                is_demo,
                at
            ],
        )?;
        Tracked::new_record(RecordKind::Plan, id.0).record(&tx)?;
        let plan = read_plan(&tx, id)?;
        tx.commit()?;
        Ok(plan)
    }

    /// Changes a plan's country, title or period. A new period is refused while commitments or
    /// milestones have dates outside it: dates are never moved silently.
    pub fn update_plan(&mut self, id: PlanId, input: &PlanInput) -> Result<Plan> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        read_plan(&tx, id)?;
        let tracked = Tracked::before(&tx, RecordKind::Plan, id.0)?;
        let start = date_text(Some(valid.period.start()));
        let end = date_text(Some(valid.period.end()));
        let outside: u32 = tx.query_row(
            "SELECT (SELECT count(*) FROM commitment
                       WHERE plan_id = ?1 AND (start_date < ?2 OR start_date > ?3 OR end_date < ?2 OR end_date > ?3))
                  + (SELECT count(*) FROM milestone m JOIN commitment c ON c.id = m.commitment_id
                       WHERE c.plan_id = ?1 AND (m.start_date < ?2 OR m.start_date > ?3 OR m.due_date < ?2 OR m.due_date > ?3))",
            params![id.to_string(), start, end],
            |row| row.get(0),
        )?;
        if outside > 0 {
            return Err(Problem::DatesOutsideNewPeriod { count: outside as usize }.on("periodStart").into());
        }
        tx.execute(
            "UPDATE plan SET country = ?2, title = ?3, period_start = ?4, period_end = ?5, updated_at = ?6 WHERE id = ?1",
            params![id.to_string(), valid.country.as_str(), valid.title.as_str(), start, end, instant_text(now())],
        )?;
        tracked.record(&tx)?;
        let plan = read_plan(&tx, id)?;
        tx.commit()?;
        Ok(plan)
    }
}
