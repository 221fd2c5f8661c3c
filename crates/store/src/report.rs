//! Progress reports: writing an entry of a milestone's (or a commitment's) timeline, signed by the
//! person signed in for the institution that carries it, and reading the timelines with where
//! each record stands and how progress rolls up.
//!
//! A report is written once and never changed (the server refuses any change of it,
//! `Refusal::Recorded`); a correction is a new entry naming the one it corrects. The signature is
//! the account this laptop last connected with, so reporting works offline; the server checks it
//! against the token that sends it.

use std::collections::HashMap;

use plan_ouvert_domain::{
    commitment_share, percent, CommitmentId, CommitmentProgress, Institution, Locale, MilestoneId, MilestoneProgress,
    Problem, ProgressStatus, ReadOnly, Report, ReportId, ReportInput, ReportSignature, ValidReport,
};
use plan_ouvert_sync::protocol::RecordKind;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::read::{
    corrupt, read_commitment, read_institution, read_milestone, read_milestones, read_plan, read_report,
    report_from_row, REPORT_COLUMNS,
};
use crate::row::{date_text, instant_text, optional_uuid, uuid};
use crate::setting::signed_in;
use crate::sync::Tracked;
use crate::{now, Error, Result, Store};

/// Who signs the reports of the demonstration plan on a laptop that never connected.
const DEMO_AUTHOR: &str = "Personne de démonstration";

/// Why the person cannot report on a commitment here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CannotReport {
    /// This laptop has never connected: it does not know whom to sign for.
    NotSignedIn,
    /// The commitment has no lead institution to report for.
    NoLead,
    /// The person's role or institution does not carry it.
    ReadOnly(ReadOnly),
}

impl CannotReport {
    pub fn message(&self, locale: Locale) -> String {
        match self {
            CannotReport::NotSignedIn => locale
                .pick(
                    "Pour signer un rapport d'avancement, l'application doit connaître votre compte : connectez-la une fois au serveur du plan (Synchronisation). Ensuite, vous pourrez rendre compte hors ligne.",
                    "To sign a progress report, the app must know your account: connect it once to the plan's server (Sync). You can then report offline.",
                )
                .into(),
            CannotReport::NoLead => locale
                .pick(
                    "Cet engagement n'a pas encore d'institution porteuse : c'est en son nom qu'on rend compte. Désignez-la d'abord.",
                    "This commitment has no lead institution yet: reports are made in its name. Choose it first.",
                )
                .into(),
            CannotReport::ReadOnly(ReadOnly::OtherInstitution { lead }) => match locale {
                Locale::Fr => format!("Seules les personnes de l'institution porteuse ({lead}) et la coordination du plan rendent compte de cet engagement."),
                Locale::En => format!("Only the people of the lead institution ({lead}) and the plan's coordination report on this commitment."),
            },
            CannotReport::ReadOnly(ReadOnly::Library { .. }) => locale
                .pick(
                    "Ce plan d'un autre pays est gardé comme référence : on n'y rend pas compte.",
                    "This plan of another country is kept as a reference: nobody reports on it here.",
                )
                .into(),
            CannotReport::ReadOnly(_) => locale
                .pick(
                    "Votre rôle permet de lire les rapports d'avancement, pas d'en écrire.",
                    "Your role lets you read progress reports, not write them.",
                )
                .into(),
        }
    }
}

/// How a report written now would be signed: the person's id and name, the carrying
/// institution, and whether it is on its behalf.
pub(crate) struct Signer {
    pub(crate) author_id: Uuid,
    pub(crate) author_name: String,
    pub(crate) institution: Institution,
    pub(crate) on_behalf: bool,
}

pub(crate) fn signer(conn: &Connection, commitment: CommitmentId) -> Result<Result<Signer, CannotReport>> {
    let commitment = read_commitment(conn, commitment)?;
    let plan = read_plan(conn, commitment.plan_id)?;
    let lead = commitment.lead_institution_id.map(|id| read_institution(conn, id)).transpose()?;
    if let Some(reason) = crate::access::read_only_in(conn, &plan, RecordKind::Report, lead.as_ref())? {
        return Ok(Err(CannotReport::ReadOnly(reason)));
    }
    let Some(lead) = lead else { return Ok(Err(CannotReport::NoLead)) };
    Ok(match signed_in(conn)? {
        Some(person) => {
            let own = crate::access::is_own(&person, &lead);
            Ok(Signer { author_id: person.id, author_name: person.name, institution: lead, on_behalf: !own })
        }
        None if plan.is_demo => {
            Ok(Signer { author_id: Uuid::nil(), author_name: DEMO_AUTHOR.into(), institution: lead, on_behalf: false })
        }
        None => Err(CannotReport::NotSignedIn),
    })
}

/// A commitment's reports, its own and its milestones', newest first. Entries are ordered by the
/// date they describe, then by id (made on the writing laptop, time-ordered): every laptop shows
/// the same order, whenever each entry arrived.
fn read_reports(conn: &Connection, commitment: CommitmentId) -> Result<Vec<Report>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {REPORT_COLUMNS} FROM report WHERE commitment_id = ?1 ORDER BY reported_on DESC, id DESC"
    ))?;
    let list = stmt.query_map([commitment.to_string()], report_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

/// The entries of one timeline (a milestone's, or the commitment's own), newest first.
pub(crate) fn read_timeline(
    conn: &Connection,
    commitment: CommitmentId,
    milestone: Option<MilestoneId>,
) -> Result<Vec<Report>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {REPORT_COLUMNS} FROM report WHERE commitment_id = ?1 AND milestone_id IS ?2
         ORDER BY reported_on DESC, id DESC"
    ))?;
    let list = stmt
        .query_map(params![commitment.to_string(), milestone.map(|m| m.to_string())], report_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

/// Whether `report` says exactly what `valid` says: the same date, status, texts, assessment and
/// links (whoever signed it, whatever it corrects).
pub(crate) fn says_the_same(report: &Report, valid: &ValidReport) -> bool {
    report.reported_on == valid.reported_on
        && report.status == valid.status
        && report.done == valid.done.as_str()
        && report.difficulties == valid.difficulties.as_str()
        && report.next_steps == valid.next_steps.as_str()
        && report.results == valid.results.as_str()
        && report.opened_government == valid.opened_government
        && report.links == valid.links
}

/// The status of the latest entry of a timeline (a milestone's, or the commitment's own).
pub(crate) fn latest_status(
    conn: &Connection,
    commitment: CommitmentId,
    milestone: Option<MilestoneId>,
) -> Result<Option<ProgressStatus>> {
    let code: Option<String> = conn
        .query_row(
            "SELECT status FROM report WHERE commitment_id = ?1 AND milestone_id IS ?2
             ORDER BY reported_on DESC, id DESC LIMIT 1",
            params![commitment.to_string(), milestone.map(|m| m.to_string())],
            |r| r.get(0),
        )
        .optional()?;
    Ok(code.as_deref().and_then(ProgressStatus::from_code))
}

/// How many reports were made on a record of `kind` (or on what belongs to it): a person's
/// deletion of it is refused while there are any.
pub(crate) fn reports_on(conn: &Connection, kind: RecordKind, id: Uuid) -> Result<u32> {
    let sql = match kind {
        RecordKind::Milestone => "SELECT count(*) FROM report WHERE milestone_id = ?1",
        RecordKind::Commitment => "SELECT count(*) FROM report WHERE commitment_id = ?1",
        RecordKind::Area => {
            "SELECT count(*) FROM report r JOIN commitment c ON c.id = r.commitment_id WHERE c.area_id = ?1"
        }
        RecordKind::Plan => {
            "SELECT count(*) FROM report r JOIN commitment c ON c.id = r.commitment_id WHERE c.plan_id = ?1"
        }
        RecordKind::Institution => "SELECT count(*) FROM report WHERE institution_id = ?1",
        RecordKind::Report => return Ok(1),
        RecordKind::Round
        | RecordKind::Workshop
        | RecordKind::Participant
        | RecordKind::Identity
        | RecordKind::Contribution
        | RecordKind::JurySession
        | RecordKind::Juror
        | RecordKind::JuryApplication
        | RecordKind::ScoreSheet => return Ok(0),
    };
    Ok(conn.query_row(sql, [id.to_string()], |r| r.get(0))?)
}

/// Refuses a person's deletion of what progress was reported on.
pub(crate) fn refuse_if_reported(conn: &Connection, kind: RecordKind, id: Uuid) -> Result<()> {
    match reports_on(conn, kind, id)? {
        0 => Ok(()),
        count => Err(Error::HasReports { count }),
    }
}

/// The latest status of every milestone and every commitment's own timeline, for the plan's
/// roll-up: `(commitment, milestone) -> status`.
pub(crate) fn latest_statuses(
    conn: &Connection,
    plan: plan_ouvert_domain::PlanId,
) -> Result<HashMap<(CommitmentId, Option<MilestoneId>), ProgressStatus>> {
    // Timeline by timeline, each newest first: the first row of a timeline is its latest entry.
    // The order is that of the index `report_by_timeline`, which holds the status: nothing is
    // sorted and no report's texts are read.
    let mut stmt = conn.prepare_cached(
        "SELECT commitment_id, milestone_id, status FROM report
         WHERE commitment_id IN (SELECT id FROM commitment WHERE plan_id = ?1)
         ORDER BY commitment_id, milestone_id, reported_on DESC, id DESC",
    )?;
    let mut rows = stmt.query([plan.to_string()])?;
    let mut latest = HashMap::new();
    let mut timeline: Option<(String, Option<String>)> = None;
    while let Some(row) = rows.next()? {
        let commitment = row.get_ref("commitment_id")?.as_str().map_err(|e| corrupt("commitment_id", e))?;
        let milestone = row.get_ref("milestone_id")?.as_str_or_null().map_err(|e| corrupt("milestone_id", e))?;
        if timeline.as_ref().is_some_and(|(c, m)| c == commitment && m.as_deref() == milestone) {
            continue; // An older entry of the same timeline.
        }
        timeline = Some((commitment.to_string(), milestone.map(str::to_string)));
        let status: String = row.get("status")?;
        latest.insert(
            (CommitmentId(uuid(row, "commitment_id")?), optional_uuid(row, "milestone_id")?.map(MilestoneId)),
            ProgressStatus::from_code(&status).ok_or_else(|| corrupt("status", &status))?,
        );
    }
    Ok(latest)
}

/// Each commitment's share of the work done ([`commitment_share`]), from its milestones (`(commitment,
/// milestone, weight)`) and the latest status of every timeline ([`latest_statuses`]): the one
/// place the store applies the roll-up, for the overview, the dashboard and the "À faire" list.
pub(crate) fn commitment_shares(
    statuses: &HashMap<(CommitmentId, Option<MilestoneId>), ProgressStatus>,
    commitments: impl IntoIterator<Item = CommitmentId>,
    milestones: impl IntoIterator<Item = (CommitmentId, MilestoneId, u32)>,
) -> HashMap<CommitmentId, Option<f64>> {
    let mut weighed: HashMap<CommitmentId, Vec<(u32, Option<ProgressStatus>)>> = HashMap::new();
    for (commitment, milestone, weight) in milestones {
        weighed.entry(commitment).or_default().push((weight, statuses.get(&(commitment, Some(milestone))).copied()));
    }
    commitments
        .into_iter()
        .map(|c| {
            let own = statuses.get(&(c, None)).copied();
            (c, commitment_share(weighed.get(&c).map_or(&[][..], Vec::as_slice), own))
        })
        .collect()
}

/// Every milestone of a plan as `(commitment, milestone, weight)`: what the roll-up weighs.
pub(crate) fn milestone_weights(
    conn: &Connection,
    plan: plan_ouvert_domain::PlanId,
) -> Result<Vec<(CommitmentId, MilestoneId, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.commitment_id, m.weight FROM milestone m JOIN commitment c ON c.id = m.commitment_id
         WHERE c.plan_id = ?1",
    )?;
    let rows = stmt.query_map([plan.to_string()], |row| {
        Ok((CommitmentId(uuid(row, "commitment_id")?), MilestoneId(uuid(row, "id")?), row.get("weight")?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The `limit` latest reports of a plan, in the order of the timelines (by the date they
/// describe, then by id).
pub(crate) fn recent_reports(conn: &Connection, plan: plan_ouvert_domain::PlanId, limit: usize) -> Result<Vec<Report>> {
    // The latest ids first, sorted from the index `report_by_timeline` alone (sorting whole rows
    // would read every report's texts); then those few reports whole.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {REPORT_COLUMNS} FROM report WHERE id IN (
             SELECT id FROM report WHERE commitment_id IN (SELECT id FROM commitment WHERE plan_id = ?1)
             ORDER BY reported_on DESC, id DESC LIMIT ?2)
         ORDER BY reported_on DESC, id DESC"
    ))?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let list = stmt.query_map(params![plan.to_string(), limit], report_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

/// Writes a report checked by [`ReportInput::parse`], signed by `signer`, and queues its creation
/// for the server: the one place a report is inserted.
pub(crate) fn insert_report(
    conn: &Connection,
    commitment: CommitmentId,
    milestone: Option<MilestoneId>,
    corrects: Option<ReportId>,
    valid: &ValidReport,
    signer: &Signer,
) -> Result<ReportId> {
    // A report names only files this laptop holds whole: it could not send them otherwise.
    if !crate::evidence::check_held(conn, &valid.files)? {
        return Err(Problem::UnknownReference.on("files").into());
    }
    let id = ReportId::new();
    let opened = valid
        .opened_government
        .map(|o| serde_json::to_value(o).map(|v| v.as_str().unwrap_or_default().to_string()))
        .transpose()
        .map_err(|e| Error::Corrupt(e.to_string()))?;
    let at = instant_text(now());
    conn.execute(
        &format!(
            "INSERT INTO report ({REPORT_COLUMNS}, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18)"
        ),
        params![
            id.to_string(),
            commitment.to_string(),
            milestone.map(|m| m.to_string()),
            date_text(Some(valid.reported_on)),
            valid.status.code(),
            valid.done.as_str(),
            valid.difficulties.as_str(),
            valid.next_steps.as_str(),
            valid.results.as_str(),
            opened,
            serde_json::to_string(&valid.links).map_err(|e| Error::Corrupt(e.to_string()))?,
            serde_json::to_string(&valid.files).map_err(|e| Error::Corrupt(e.to_string()))?,
            corrects.map(|c| c.to_string()),
            signer.author_id.to_string(),
            signer.author_name,
            signer.institution.id.to_string(),
            signer.on_behalf,
            at,
        ],
    )?;
    Tracked::new_record(RecordKind::Report, id.0).record(conn)?;
    Ok(id)
}

impl Store {
    /// Each commitment's share of the work done in a plan, as the overview, the dashboard and
    /// the "À faire" list roll it up (`None`: withdrawn, it does not count): the roll-up alone.
    pub fn plan_shares(&mut self, plan: plan_ouvert_domain::PlanId) -> Result<HashMap<CommitmentId, Option<f64>>> {
        // One reading: a sync writing meanwhile cannot show half its changes.
        let tx = self.conn.savepoint()?;
        let statuses = latest_statuses(&tx, plan)?;
        let milestones = milestone_weights(&tx, plan)?;
        let commitments: Vec<CommitmentId> = tx
            .prepare_cached("SELECT id FROM commitment WHERE plan_id = ?1")?
            .query_map([plan.to_string()], |row| Ok(CommitmentId(uuid(row, "id")?)))?
            .collect::<rusqlite::Result<_>>()?;
        let shares = commitment_shares(&statuses, commitments, milestones);
        tx.commit()?;
        Ok(shares)
    }

    /// Writes a progress report, signed by the person this laptop connected with, for the
    /// institution that carries the commitment (on its behalf when the person is of another:
    /// the coordination). Refused, with nothing stored, when a value is wrong (a date after
    /// today, no status, a link that is not one, a step back from "complete" without a word) or
    /// when the person may not report here.
    pub fn report_progress(&mut self, input: &ReportInput) -> Result<Report> {
        self.report_progress_on(input, chrono::Local::now().date_naive())
    }

    /// [`Store::report_progress`] with the laptop's date given (tests).
    pub fn report_progress_on(&mut self, input: &ReportInput, today: chrono::NaiveDate) -> Result<Report> {
        let tx = self.conn.savepoint()?;
        let commitment = read_commitment(&tx, input.commitment_id)?;
        if let Some(milestone) = input.milestone_id {
            if read_milestone(&tx, milestone)?.commitment_id != commitment.id {
                return Err(Problem::UnknownReference.on("milestoneId").into());
            }
        }
        if let Some(corrected) = input.corrects {
            let earlier = read_report(&tx, corrected)?;
            if earlier.commitment_id != commitment.id || earlier.milestone_id != input.milestone_id {
                return Err(Problem::UnknownReference.on("corrects").into());
            }
        }
        let signer = signer(&tx, commitment.id)?.map_err(Error::CannotReport)?;
        let previous = latest_status(&tx, commitment.id, input.milestone_id)?;
        let valid = input.parse(today, previous)?;
        let id = insert_report(&tx, commitment.id, input.milestone_id, input.corrects, &valid, &signer)?;
        let report = read_report(&tx, id)?;
        tx.commit()?;
        Ok(report)
    }

    /// A commitment's follow-up: its own timeline and each milestone's, where each stands, its
    /// share of the work done, and how a report written now would be signed (or why none can be).
    pub fn commitment_progress(&self, commitment: CommitmentId, locale: Locale) -> Result<CommitmentProgress> {
        let current = read_commitment(&self.conn, commitment)?;
        let reports = read_reports(&self.conn, commitment)?;
        let milestones = read_milestones(&self.conn, commitment)?;
        let mut own = Vec::new();
        let mut by_milestone: HashMap<MilestoneId, Vec<Report>> = HashMap::new();
        for report in reports {
            match report.milestone_id {
                Some(m) => by_milestone.entry(m).or_default().push(report),
                None => own.push(report),
            }
        }
        let milestones: Vec<MilestoneProgress> = milestones
            .into_iter()
            .map(|m| {
                let reports = by_milestone.remove(&m.id).unwrap_or_default();
                let status = reports.first().map(|r| r.status);
                MilestoneProgress {
                    milestone_id: m.id,
                    weight: m.weight,
                    status,
                    percent: percent(status.map_or(Some(0.0), ProgressStatus::share)),
                    reports,
                }
            })
            .collect();
        let status = own.first().map(|r| r.status);
        let weighed: Vec<(u32, Option<ProgressStatus>)> = milestones.iter().map(|m| (m.weight, m.status)).collect();
        let signature = match signer(&self.conn, commitment)? {
            Ok(s) => ReportSignature::Signed {
                author_name: s.author_name,
                institution_name: s.institution.name,
                on_behalf: s.on_behalf,
            },
            Err(reason) => ReportSignature::Refused { reason: reason.message(locale) },
        };
        let mut files = std::collections::BTreeMap::new();
        for report in own.iter().chain(milestones.iter().flat_map(|m| m.reports.iter())) {
            for file in &report.files {
                if let Some(availability) = self.evidence_availability(&file.sha256)? {
                    files.insert(file.sha256.clone(), availability);
                }
            }
        }
        Ok(CommitmentProgress {
            files,
            commitment_id: commitment,
            weight: current.weight,
            status,
            percent: percent(commitment_share(&weighed, status)),
            reports: own,
            milestones,
            signature,
        })
    }
}
