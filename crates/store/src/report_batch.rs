//! Many progress reports at once, as a ministry sends them back in a filled progress workbook:
//! checked together, written together (one transaction) or not at all.
//!
//! Each row is one report on one timeline (a milestone's, or a commitment's own account) of one
//! plan, carried by one institution when the batch names one. Every row is checked as a report
//! typed on the commitment screen is, by the same code: [`ReportInput::parse`] for its values
//! (a date that is a date and not after today, a status, links that are links, no step back from
//! "complete" without a word) and the same signature ([`signer`]: the person this laptop
//! connected with, for the institution that carries the commitment, on its behalf when they are
//! of another — the coordination). Every problem of every row is said, with its row and field.
//!
//! **Importing again writes nothing.** A row is skipped, and counted as unchanged, when its
//! timeline already holds an entry that says exactly what the row says — the same date, status,
//! texts and links ([`says_the_same`]), whoever signed it. So importing the same workbook twice
//! writes nothing the second time, on this laptop or on another coordinator's once the first
//! import has synced; and importing an old workbook again after a report was corrected in the
//! app does not bring the corrected entry back on top. The row is compared *before* the rule on
//! leaving "complete" is applied (against the timeline as it is now), so that a workbook already
//! imported stays importable whatever was reported since. A row that says something new is a
//! new entry: a report is never changed, and a workbook sent again with a row changed adds that
//! row's new report to the timeline, after the earlier one.

use std::collections::HashMap;

use chrono::NaiveDate;
use plan_ouvert_domain::{CommitmentId, InstitutionId, InstitutionRef, Locale, MilestoneId, PlanId, ReportInput};

use crate::read::{read_commitment, read_institution, read_milestone, read_plan};
use crate::report::{insert_report, latest_status, read_timeline, says_the_same, signer};
use crate::row::uuid;
use crate::{Entity, Error, Result, Store};

/// One row of a batch: where it comes from (the row of the workbook) and the report it holds.
#[derive(Debug, Clone)]
pub struct ReportRow {
    /// The row as the person sees it (in a workbook, the spreadsheet's row number).
    pub row: u32,
    pub input: ReportInput,
}

/// Reports on the records of one plan, for one institution (or any).
#[derive(Debug, Clone, Copy)]
pub struct ReportBatch<'a> {
    pub plan: PlanId,
    /// The institution the rows must all be carried by; none: any.
    pub institution: Option<InstitutionId>,
    pub rows: &'a [ReportRow],
}

/// Why a row (or the batch as a whole, `row: None`) cannot be written, and the field at fault:
/// `reportedOn`, `status`, `done`, `difficulties`, `nextSteps`, `links` (the report's fields),
/// `commitmentId` or `milestoneId` (what the row is about), `institution` (who carries it), or
/// none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: Option<u32>,
    pub field: Option<&'static str>,
    /// In the language asked for.
    pub message: String,
}

/// What a batch did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// The plan's title, when the plan is on this laptop.
    pub plan_title: Option<String>,
    /// The institution's name, when the batch names one that is on this laptop.
    pub institution_name: Option<String>,
    /// Reports written (or that would be).
    pub written: u32,
    /// Rows whose report is already an entry of its timeline.
    pub unchanged: u32,
    /// Who signs the reports written, and whether some are on an institution's behalf.
    pub signed_by: Option<String>,
    pub on_behalf: bool,
    /// With any, nothing was written.
    pub problems: Vec<RowProblem>,
}

fn batch_problem(message: String) -> RowProblem {
    RowProblem { row: None, field: None, message }
}

impl Store {
    /// The institutions that carry at least one commitment of `plan` (those a progress workbook
    /// can be made for), by name.
    pub fn lead_institutions(&self, plan: PlanId) -> Result<Vec<InstitutionRef>> {
        read_plan(&self.conn, plan)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, acronym FROM institution
             WHERE id IN (SELECT lead_institution_id FROM commitment WHERE plan_id = ?1)
             ORDER BY name COLLATE NOCASE",
        )?;
        let list = stmt
            .query_map([plan.to_string()], |row| {
                Ok(InstitutionRef {
                    id: InstitutionId(uuid(row, "id")?),
                    name: row.get("name")?,
                    acronym: row.get("acronym")?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(list)
    }

    /// What writing `batch` would do, and every problem of it; writes nothing.
    pub fn preview_report_batch(&mut self, batch: &ReportBatch<'_>, today: NaiveDate) -> Result<BatchOutcome> {
        self.report_batch(batch, today, false)
    }

    /// Writes every report of `batch` in one transaction, or, when any row has a problem,
    /// nothing (the outcome then lists the problems). See the module's documentation for the
    /// rows skipped.
    pub fn write_report_batch(&mut self, batch: &ReportBatch<'_>, today: NaiveDate) -> Result<BatchOutcome> {
        self.report_batch(batch, today, true)
    }

    fn report_batch(&mut self, batch: &ReportBatch<'_>, today: NaiveDate, write: bool) -> Result<BatchOutcome> {
        let locale = self.locale()?;
        let tx = self.conn.savepoint()?;
        let mut outcome = BatchOutcome::default();
        let plan = match read_plan(&tx, batch.plan) {
            Ok(plan) => plan,
            Err(Error::NotFound(_)) => {
                outcome.problems.push(batch_problem(
                    locale
                        .pick(
                            "Le plan d'action de ce classeur n'est pas sur cet ordinateur : synchronisez ou importez d'abord le plan.",
                            "This workbook's action plan is not on this computer: sync or import the plan first.",
                        )
                        .into(),
                ));
                return Ok(outcome);
            }
            Err(other) => return Err(other),
        };
        outcome.plan_title = Some(plan.title.clone());
        let expected = match batch.institution.map(|id| read_institution(&tx, id)).transpose() {
            Ok(institution) => institution,
            Err(Error::NotFound(_)) => {
                outcome.problems.push(batch_problem(
                    locale
                        .pick(
                            "L'institution pour laquelle ce classeur a été fait n'est pas sur cet ordinateur.",
                            "The institution this workbook was made for is not on this computer.",
                        )
                        .into(),
                ));
                return Ok(outcome);
            }
            Err(other) => return Err(other),
        };
        outcome.institution_name = expected.as_ref().map(|i| i.name.clone());

        // Each row's checks, then its report: (row, commitment, its checked report, signer).
        let mut to_write = Vec::new();
        let mut seen: HashMap<(CommitmentId, Option<MilestoneId>), u32> = HashMap::new();
        for row in batch.rows {
            let input = &row.input;
            let problem =
                |field: Option<&'static str>, message: String| RowProblem { row: Some(row.row), field, message };
            // What the row is about: a commitment of this plan, a milestone of that commitment.
            let commitment = match read_commitment(&tx, input.commitment_id) {
                Ok(c) if c.plan_id == plan.id => Some(c),
                Ok(_) | Err(Error::NotFound(Entity::Commitment)) => None,
                Err(other) => return Err(other),
            };
            let milestone_ok = match (input.milestone_id, &commitment) {
                (None, _) => true,
                (Some(m), Some(c)) => match read_milestone(&tx, m) {
                    Ok(m) => m.commitment_id == c.id,
                    Err(Error::NotFound(Entity::Milestone)) => false,
                    Err(other) => return Err(other),
                },
                (Some(_), None) => false,
            };
            let Some(commitment) = commitment.filter(|_| milestone_ok) else {
                let (field, message) = match input.milestone_id {
                    Some(_) => (
                        "milestoneId",
                        locale.pick(
                            "Les identifiants de cette ligne ne désignent aucun jalon de ce plan d'action (ligne d'un autre plan, ou jalon supprimé depuis).",
                            "This row's identifiers match no milestone of this action plan (a row of another plan, or a milestone deleted since).",
                        ),
                    ),
                    None => (
                        "commitmentId",
                        locale.pick(
                            "Les identifiants de cette ligne ne désignent aucun engagement de ce plan d'action (ligne d'un autre plan, ou engagement supprimé depuis).",
                            "This row's identifiers match no commitment of this action plan (a row of another plan, or a commitment deleted since).",
                        ),
                    ),
                };
                outcome.problems.push(problem(Some(field), message.into()));
                continue;
            };
            if let Some(first) = seen.insert((commitment.id, input.milestone_id), row.row) {
                outcome.problems.push(problem(
                    Some(if input.milestone_id.is_some() { "milestoneId" } else { "commitmentId" }),
                    match locale {
                        Locale::Fr => format!("Cette ligne rend compte de la même chose que la ligne {first} : une seule ligne par jalon et par engagement."),
                        Locale::En => format!("This row reports on the same thing as row {first}: one row per milestone and per commitment."),
                    },
                ));
                continue;
            }
            if let Some(expected) = &expected {
                if commitment.lead_institution_id != Some(expected.id) {
                    let lead = match commitment.lead_institution_id.map(|id| read_institution(&tx, id)).transpose() {
                        Ok(lead) => lead.map(|l| l.name),
                        Err(Error::NotFound(_)) => None,
                        Err(other) => return Err(other),
                    };
                    let message = match (locale, lead) {
                        (Locale::Fr, Some(lead)) => format!(
                            "Cet engagement est porté par une autre institution ({lead}) que celle de ce classeur ({}).",
                            expected.name
                        ),
                        (Locale::En, Some(lead)) => format!(
                            "This commitment is carried by another institution ({lead}) than this workbook's ({}).",
                            expected.name
                        ),
                        (Locale::Fr, None) => format!(
                            "Cet engagement n'est plus porté par l'institution de ce classeur ({}).",
                            expected.name
                        ),
                        (Locale::En, None) => {
                            format!("This commitment is no longer carried by this workbook's institution ({}).", expected.name)
                        }
                    };
                    outcome.problems.push(problem(Some("institution"), message));
                    continue;
                }
            }
            let signer = match signer(&tx, commitment.id)? {
                Ok(signer) => signer,
                Err(reason) => {
                    outcome.problems.push(problem(None, reason.message(locale)));
                    continue;
                }
            };
            // The row's values as the report would hold them, checked without the timeline; then,
            // unless the timeline already says it, checked against its latest entry.
            let valid = match input.parse(today, None) {
                Ok(valid) => valid,
                Err(problems) => {
                    outcome
                        .problems
                        .extend(problems.into_iter().map(|p| problem(Some(p.field), p.problem.message(locale))));
                    continue;
                }
            };
            let timeline = read_timeline(&tx, commitment.id, input.milestone_id)?;
            if timeline.iter().any(|entry| says_the_same(entry, &valid)) {
                outcome.unchanged += 1;
                continue;
            }
            let previous = latest_status(&tx, commitment.id, input.milestone_id)?;
            let valid = match input.parse(today, previous) {
                Ok(valid) => valid,
                Err(problems) => {
                    outcome
                        .problems
                        .extend(problems.into_iter().map(|p| problem(Some(p.field), p.problem.message(locale))));
                    continue;
                }
            };
            outcome.signed_by.get_or_insert_with(|| signer.author_name.clone());
            outcome.on_behalf |= signer.on_behalf;
            to_write.push((commitment.id, input.milestone_id, valid, signer));
        }
        outcome.written = u32::try_from(to_write.len()).unwrap_or(u32::MAX);
        if !write || !outcome.problems.is_empty() {
            // The savepoint is dropped: nothing was written anyway.
            return Ok(outcome);
        }
        for (commitment, milestone, valid, signer) in &to_write {
            insert_report(&tx, *commitment, *milestone, None, valid, signer)?;
        }
        tx.commit()?;
        Ok(outcome)
    }
}
