//! Conflicts and refused changes as the sync screen shows them: values worded for a person
//! (institution names rather than identifiers, "Oui"/"Non"), the record's current title, and the
//! commitment to open to see it in context.

use plan_ouvert_domain::{ConflictView, Locale, RecordSyncState, RejectionView, SyncAction, SyncRecordKind};
use plan_ouvert_sync::fields::Holds;
use plan_ouvert_sync::protocol::{field_kind, Change, FieldKind, RecordKey, RecordKind, Refusal, Value};

use crate::sync::{StoredConflict, StoredRejection};
use crate::{Result, Store};

/// Whether a field holds text a person wrote: the long texts (merged by paragraph) and the
/// short ones (titles, names, contact details).
fn written_text(kind: RecordKind, field: &str) -> bool {
    field_kind(kind, field) == FieldKind::Long
        || matches!(
            field,
            "title" | "name" | "contactName" | "contactTitle" | "contactDepartment" | "contactEmail" | "contactPhone"
        )
}

/// Text fields a person may rewrite when resolving a conflict (the others: pick a side).
fn editable(kind: RecordKind, field: &str) -> bool {
    matches!(kind, RecordKind::Commitment | RecordKind::Milestone) && written_text(kind, field)
}

fn view_kind(kind: RecordKind) -> SyncRecordKind {
    match kind {
        RecordKind::Plan => SyncRecordKind::Plan,
        RecordKind::Area => SyncRecordKind::Area,
        RecordKind::Commitment => SyncRecordKind::Commitment,
        RecordKind::Milestone => SyncRecordKind::Milestone,
        RecordKind::Institution => SyncRecordKind::Institution,
        RecordKind::Report => SyncRecordKind::Report,
        RecordKind::Round => SyncRecordKind::Round,
        RecordKind::Workshop => SyncRecordKind::Workshop,
        RecordKind::Participant | RecordKind::Identity => SyncRecordKind::Participant,
        RecordKind::Contribution => SyncRecordKind::Contribution,
        RecordKind::JurySession | RecordKind::Juror | RecordKind::JuryApplication | RecordKind::ScoreSheet => {
            SyncRecordKind::Jury
        }
    }
}

/// The reason of a refusal, in the interface's language.
pub fn refusal_message(refusal: Refusal, locale: Locale) -> &'static str {
    match (refusal, locale) {
        (_, Locale::Fr) => refusal.message_fr(),
        (Refusal::Forbidden, Locale::En) => "Your institution or your role does not allow you to change this item.",
        (Refusal::UnknownRecord, Locale::En) => "This item does not exist on the server.",
        (Refusal::RecordDeleted, Locale::En) => "Someone else deleted this item in the meantime.",
        (Refusal::AlreadyExists, Locale::En) => "An item with the same identifier already exists.",
        (Refusal::Invalid, Locale::En) => {
            "The server does not accept this value: a required field would be empty, a text would be longer than allowed, or a start date would come after the end date (perhaps changed by someone else in the meantime)."
        }
        (Refusal::MissingReference, Locale::En) => {
            "The item this one belongs to (commitment, area, institution) was deleted in the meantime: your text is kept here, copy it to use it elsewhere."
        }
        (Refusal::ChangedMeanwhile, Locale::En) => {
            "Someone changed this item, or added to it, since you last saw it: it was not deleted. Read it again, then delete it again if need be."
        }
        (Refusal::InUse, Locale::En) => "Other items still refer to this one: it was not deleted.",
        (Refusal::Recorded, Locale::En) => {
            "A progress report is never changed or deleted: to correct it, write a new report that corrects it."
        }
        (Refusal::FileMissing, Locale::En) => {
            "A file attached to this report did not reach the server whole: the report was not published. Its text is kept here; write it again with the file attached."
        }
        (Refusal::HasReports, Locale::En) => {
            "Progress reports are about this item: it is kept with them. If it was given up, report it “Withdrawn” in a new report."
        }
        (Refusal::JuryFull, Locale::En) => {
            "The jury already has 15 jurors (others were added meanwhile on another laptop): this juror was not added. Their name is kept here."
        }
    }
}

impl Store {
    /// Where one commitment's changes (its milestones' included) stand with the server.
    pub fn commitment_sync_state(&self, commitment: plan_ouvert_domain::CommitmentId) -> Result<RecordSyncState> {
        let id = commitment.to_string();
        let count = |table: &str| -> Result<u32> {
            Ok(self.conn.query_row(
                &format!(
                    "SELECT count(*) FROM {table} WHERE (record_kind = 'commitment' AND record_id = ?1)
                       OR (record_kind = 'milestone' AND record_id IN (SELECT id FROM milestone WHERE commitment_id = ?1))"
                ),
                [&id],
                |r| r.get(0),
            )?)
        };
        Ok(RecordSyncState { pending: count("sync_outbox")?, refused: count("sync_rejection")? })
    }

    fn institution_name(&self, id: &str) -> String {
        self.conn
            .query_row("SELECT name FROM institution WHERE id = ?1", [id], |r| r.get::<_, String>(0))
            .unwrap_or_else(|_| id.to_string())
    }

    /// A value as a person reads it.
    fn display(&self, kind: RecordKind, field: &str, value: &Value, locale: Locale) -> String {
        let is_date = matches!(
            plan_ouvert_sync::fields::field(kind, field).map(|f| f.holds),
            Some(Holds::Date | Holds::OptionalDate)
        );
        match value {
            Value::String(s) if is_date => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(date) => locale.date(date),
                Err(_) => s.clone(),
            },
            Value::Null => String::new(),
            Value::Bool(b) => locale.pick(if *b { "Oui" } else { "Non" }, if *b { "Yes" } else { "No" }).to_string(),
            Value::String(s) if field.ends_with("InstitutionId") => self.institution_name(s),
            Value::String(s) if field == "areaId" => self
                .conn
                .query_row("SELECT title FROM area WHERE id = ?1", [s], |r| r.get::<_, String>(0))
                .unwrap_or_else(|_| s.clone()),
            Value::String(s) => s.clone(),
            Value::Array(items) => items
                .iter()
                .map(|item| match item.as_str() {
                    Some(id) if field.ends_with("InstitutionIds") => self.institution_name(id),
                    _ => self.display(kind, field, item, locale),
                })
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        }
    }

    /// The record's title as stored here, else from the change itself, and the commitment that
    /// shows it.
    fn describe(&self, record: RecordKey, change: Option<&Change>, locale: Locale) -> (String, Option<String>) {
        let fields = self.sync_record_fields(record).ok().flatten();
        let created = match change {
            Some(Change::Create { fields, .. }) => Some(fields),
            _ => None,
        };
        if record.kind == RecordKind::Report {
            // A report has no title: it is named by its date, and leads to its commitment.
            let of = |name: &str| {
                fields.as_ref().and_then(|f| f.get(name)).or_else(|| created.and_then(|f| f.get(name))).cloned()
            };
            let date = of("reportedOn").and_then(|d| d.as_str().and_then(plan_ouvert_sync::fields::parse_date));
            let title = match (date, locale) {
                (Some(d), Locale::Fr) => format!("Rapport d'avancement du {}", locale.date(d)),
                (Some(d), Locale::En) => format!("Progress report of {}", locale.date(d)),
                (None, _) => locale.pick("Rapport d'avancement", "Progress report").to_string(),
            };
            return (title, of("commitmentId").and_then(|c| c.as_str().map(str::to_string)));
        }
        let from_change = created.and_then(|fields| fields.get("title").or_else(|| fields.get("name")).cloned());
        let title = fields
            .as_ref()
            .and_then(|f| f.get("title").or_else(|| f.get("name")).cloned())
            .or(from_change)
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| locale.pick("(élément supprimé)", "(deleted item)").to_string());
        let commitment = match record.kind {
            RecordKind::Commitment if fields.is_some() => Some(record.id.to_string()),
            RecordKind::Milestone => {
                fields.as_ref().and_then(|f| f.get("commitmentId")).and_then(|v| v.as_str()).map(str::to_string)
            }
            _ => None,
        };
        (title, commitment)
    }

    pub fn sync_conflict_views(&self, locale: Locale) -> Result<Vec<ConflictView>> {
        self.sync_conflicts()?
            .into_iter()
            .map(|StoredConflict { id, record, field, mine, theirs, proposed, at }| {
                let (record_title, commitment_id) = self.describe(record, None, locale);
                Ok(ConflictView {
                    id,
                    record_kind: view_kind(record.kind),
                    record_id: record.id.to_string(),
                    commitment_id,
                    record_title,
                    editable: editable(record.kind, &field),
                    mine: self.display(record.kind, &field, &mine, locale),
                    theirs: self.display(record.kind, &field, &theirs, locale),
                    proposed: proposed.as_ref().map(|p| self.display(record.kind, &field, p, locale)),
                    field,
                    at,
                })
            })
            .collect()
    }

    /// The raw value of one side of a conflict, for resolving it.
    pub fn sync_conflict(&self, conflict_id: i64) -> Result<StoredConflict> {
        self.sync_conflicts()?
            .into_iter()
            .find(|c| c.id == conflict_id)
            .ok_or(crate::Error::NotFound(crate::Entity::Conflict))
    }

    pub fn sync_rejection_views(&self, locale: Locale) -> Result<Vec<RejectionView>> {
        self.sync_rejections()?
            .into_iter()
            .map(|StoredRejection { id, mutation, refusal, at }| {
                let record = mutation.record;
                let (record_title, commitment_id) = self.describe(record, Some(&mutation.change), locale);
                let (action, field, text) = match &mutation.change {
                    Change::Create { fields, .. } => {
                        // The texts a person wrote, in the form's order, ready to paste back.
                        let text = crate::sync::fields_of_kind(record.kind)
                            .iter()
                            .filter(|f| written_text(record.kind, f))
                            .filter_map(|f| fields.get(*f).and_then(Value::as_str))
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join("\n\n");
                        (SyncAction::Create, None, text)
                    }
                    Change::Set { field, value, .. } => {
                        (SyncAction::Edit, Some(field.clone()), self.display(record.kind, field, value, locale))
                    }
                    Change::Delete { .. } => (SyncAction::Delete, None, String::new()),
                };
                Ok(RejectionView {
                    id,
                    record_kind: view_kind(record.kind),
                    record_id: record.id.to_string(),
                    commitment_id,
                    record_title,
                    action,
                    field,
                    reason: refusal_message(refusal, locale).to_string(),
                    text,
                    at,
                })
            })
            .collect()
    }
}
