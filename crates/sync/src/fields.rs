//! The kinds of records that sync, and every kind's fields, declared once: the name a field has in sync (and in the exports,
//! the store's column being its snake_case form), and what it holds.
//!
//! From this table come the sync protocol's field lists ([`fields_of_kind`]), how concurrent
//! changes of a field are reconciled ([`field_kind`]), the store's columns, and the type each
//! export checks before writing a value (`plan_ouvert_opendata::export::field_type`). Tests check
//! the SQL schema, the OGP template mapping and the CSV columns against it.

use plan_ouvert_domain::{
    Assessment, ContributionKind, ContributionOutcome, Email, EvidenceFile, EvidenceLink, InstitutionInput,
    JuryApplicationInput, JuryVerdict, LongText, OrganisationKind, Phone, Problem, ProgressStatus, ReportInput,
    RoundKind, ScoreSheetInput, ShortText, Title, Verbatim, OPENED_GOVERNMENT_CODES,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// The kinds of records that sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub enum RecordKind {
    Plan,
    Area,
    Commitment,
    Milestone,
    Institution,
    /// A progress report: an entry of a milestone's or a commitment's timeline, never changed.
    Report,
    /// A reporting round: the coordination asks every institution to report by a date.
    Round,
    /// A co-construction workshop, run by an institution.
    Workshop,
    /// A participant of a workshop, anonymous: the kind of organisation they come from.
    Participant,
    /// A participant's identity and agreement (name, address, the text accepted): personal
    /// data, seen only by the institution that ran the workshop; erasing it leaves the
    /// participant anonymous.
    Identity,
    /// A proposal, comment or priority vote made in a workshop, and what became of it.
    Contribution,
    /// A session of the citizen jury: one cohort's selection, run by an institution. Like
    /// everything of a jury, seen only by that institution ([`crate::access::is_personal_data`]).
    JurySession,
    /// A juror of a session, known by the name or pseudonym they chose.
    Juror,
    /// An application a session examines.
    JuryApplication,
    /// One juror's score sheet for one application: five scores, or an abstention. Its id is
    /// derived from the juror's and the application's ([`score_sheet_id`]): a juror has one sheet
    /// per application, whichever laptop it is typed on.
    ScoreSheet,
}

impl RecordKind {
    pub const ALL: [RecordKind; 15] = [
        RecordKind::Plan,
        RecordKind::Area,
        RecordKind::Commitment,
        RecordKind::Milestone,
        RecordKind::Institution,
        RecordKind::Report,
        RecordKind::Round,
        RecordKind::Workshop,
        RecordKind::Participant,
        RecordKind::Identity,
        RecordKind::Contribution,
        RecordKind::JurySession,
        RecordKind::Juror,
        RecordKind::JuryApplication,
        RecordKind::ScoreSheet,
    ];

    /// The kind's name as sent and stored (`plan`, `commitment`…; also the app's table names).
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Plan => "plan",
            RecordKind::Area => "area",
            RecordKind::Commitment => "commitment",
            RecordKind::Milestone => "milestone",
            RecordKind::Institution => "institution",
            RecordKind::Report => "report",
            RecordKind::Round => "round",
            RecordKind::Workshop => "workshop",
            RecordKind::Participant => "participant",
            RecordKind::Identity => "identity",
            RecordKind::Contribution => "contribution",
            RecordKind::JurySession => "jurySession",
            RecordKind::Juror => "juror",
            RecordKind::JuryApplication => "juryApplication",
            RecordKind::ScoreSheet => "scoreSheet",
        }
    }

    /// The app's table of the kind: its code in snake case (`jurySession` → `jury_session`).
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::JurySession => "jury_session",
            RecordKind::JuryApplication => "jury_application",
            RecordKind::ScoreSheet => "score_sheet",
            other => other.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// Which record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct RecordKey {
    pub kind: RecordKind,
    pub id: Uuid,
}

/// `briefDescription` → `brief_description`: a sync field's name as a column, in the app's
/// tables and in CSV exports.
pub fn snake_case(field: &str) -> String {
    let mut out = String::with_capacity(field.len() + 4);
    for c in field.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The kinds of area, as written in the `kind` field of an area.
pub const AREA_KINDS: &[&str] = &["transversal", "thematic"];
/// The kinds of institution, as written in the `kind` field of an institution.
pub const INSTITUTION_KINDS: &[&str] = &["ministry", "independentAuthority", "parliament", "court", "other"];

/// What a field holds: its type, its bounds, and the record kind it refers to. The server accepts
/// a value only in the canonical form [`canonical`] gives it, which is the form the app stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// A one-line string, possibly empty, of at most this many characters, changed as a whole
    /// (a conflict when two people change it apart).
    Line(usize),
    /// An e-mail address, or an empty string.
    Email,
    /// A phone number, or an empty string.
    Phone,
    /// A string kept as its source wrote it (an imported commitment's full text).
    Verbatim,
    /// A string, possibly empty, merged paragraph by paragraph.
    LongText,
    /// A non-empty one-line string of at most [`Title::MAX`] characters.
    Title,
    /// A non-empty one-line string of at most [`ShortText::MAX`] characters (an institution's
    /// name, the plan's country).
    Name,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A calendar date or `null`.
    OptionalDate,
    /// The id of a record of this kind, which must exist and not be deleted.
    Ref(RecordKind),
    /// The id of a record of this kind, or `null`.
    OptionalRef(RecordKind),
    /// A list of distinct ids of records of this kind.
    RefList(RecordKind),
    /// A list of one-line strings.
    TextList,
    /// A rank from 0.
    Position,
    /// An integer or `null`.
    OptionalInteger,
    Boolean,
    /// One of a fixed list of codes.
    OneOf(&'static [&'static str]),
    /// A one-line string or `null` (an OGP identifier).
    OptionalText,
    /// `null` or the IRM assessment.
    Assessment,
    /// An object whose values are strings (the source columns of an imported commitment).
    TextMap,
    /// One of a fixed list of codes, or `null`.
    OptionalOneOf(&'static [&'static str]),
    /// How much a record counts among its siblings in the roll-up of progress: an integer from 1
    /// to [`plan_ouvert_domain::WEIGHT_MAX`], 1 unless a person says otherwise.
    Weight,
    /// The id of a person of the central plan API's directory (who signed a report).
    PersonId,
    /// A list of links given as evidence, each `{ "title", "url" }` as
    /// [`EvidenceLink::parse`] stores it.
    LinkList,
    /// A list of distinct files given as evidence, each `{ "sha256", "name", "size",
    /// "mediaType" }` as [`EvidenceFile`] names it.
    FileList,
    /// How many projects a jury session selects: an integer from 1 to
    /// [`plan_ouvert_domain::SELECTION_MAX`].
    Places,
    /// A juror's verdict on an application, as [`JuryVerdict`] writes it: five scores from 0 to
    /// [`plan_ouvert_domain::SCORE_MAX`], or an abstention with its reason.
    Verdict,
}

/// Short one-line texts (contact names, acronyms, numbers).
const LINE: usize = ShortText::MAX;

/// One field of a record kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Its name in sync and in the exports (camelCase).
    pub name: &'static str,
    pub holds: Holds,
}

macro_rules! declare {
    ($($kind:ident { $($name:literal: $holds:expr),* $(,)? })*) => {
        /// The fields of `kind`, in the order the exports write them.
        pub fn fields(kind: RecordKind) -> &'static [Field] {
            use Holds::*;
            match kind {
                $(RecordKind::$kind => &[$(Field { name: $name, holds: $holds }),*],)*
            }
        }

        /// The names of the fields of `kind` (everything a record of that kind carries besides
        /// its id), in the order of [`fields`].
        pub fn fields_of_kind(kind: RecordKind) -> &'static [&'static str] {
            match kind {
                $(RecordKind::$kind => &[$($name),*],)*
            }
        }
    };
}

declare! {
    Plan {
        "country": Name,
        "title": Title,
        "periodStart": Date,
        "periodEnd": Date,
        "ogpPlanId": OptionalText,
        "planNumber": OptionalInteger,
    }
    Area {
        "planId": Ref(RecordKind::Plan),
        "kind": OneOf(AREA_KINDS),
        "title": Title,
        "description": LongText,
        "position": Position,
    }
    Institution {
        "name": Name,
        "acronym": Line(InstitutionInput::ACRONYM_MAX),
        "kind": OneOf(INSTITUTION_KINDS),
        "country": Line(ShortText::MAX),
    }
    Commitment {
        "planId": Ref(RecordKind::Plan),
        "areaId": Ref(RecordKind::Area),
        "position": Position,
        "title": Title,
        "briefDescription": LongText,
        "problem": LongText,
        "causes": LongText,
        "doneSoFar": LongText,
        "solution": LongText,
        "expectedResults": LongText,
        "transparency": LongText,
        "accountability": LongText,
        "participation": LongText,
        "leadInstitutionId": OptionalRef(RecordKind::Institution),
        "supportingInstitutionIds": RefList(RecordKind::Institution),
        "otherSupporters": LongText,
        "startDate": OptionalDate,
        "endDate": OptionalDate,
        "accessToInformation": Boolean,
        "civicParticipation": Boolean,
        "publicAccountability": Boolean,
        "technologyInnovation": Boolean,
        "contactName": Line(LINE),
        "contactTitle": Line(LINE),
        "contactDepartment": Line(LINE),
        "contactEmail": Email,
        "contactPhone": Phone,
        "ogpId": OptionalText,
        "number": Line(LINE),
        "shortTitle": Verbatim,
        "fullText": Verbatim,
        "startDateSource": Verbatim,
        "endDateSource": Verbatim,
        "policyAreas": TextList,
        "url": Verbatim,
        "assessment": Assessment,
        "sourceColumns": TextMap,
        "weight": Weight,
    }
    Milestone {
        "commitmentId": Ref(RecordKind::Commitment),
        "position": Position,
        "title": Title,
        "expectedOutputs": LongText,
        "startDate": OptionalDate,
        "dueDate": OptionalDate,
        "leadInstitutionId": OptionalRef(RecordKind::Institution),
        "weight": Weight,
    }
    Report {
        "commitmentId": Ref(RecordKind::Commitment),
        "milestoneId": OptionalRef(RecordKind::Milestone),
        "reportedOn": Date,
        "status": OneOf(ProgressStatus::CODES),
        "done": LongText,
        "difficulties": LongText,
        "nextSteps": LongText,
        "results": LongText,
        "openedGovernment": OptionalOneOf(OPENED_GOVERNMENT_CODES),
        "links": LinkList,
        "files": FileList,
        "corrects": OptionalRef(RecordKind::Report),
        "authorId": PersonId,
        "authorName": Name,
        "institutionId": Ref(RecordKind::Institution),
        "onBehalf": Boolean,
    }
    Round {
        "planId": Ref(RecordKind::Plan),
        "kind": OneOf(RoundKind::CODES),
        "title": Title,
        "opensOn": Date,
        "dueOn": Date,
        "instructions": LongText,
    }
    Workshop {
        "planId": Ref(RecordKind::Plan),
        "institutionId": Ref(RecordKind::Institution),
        "title": Title,
        "heldOn": Date,
        "place": Line(LINE),
        "areaId": OptionalRef(RecordKind::Area),
        "commitmentIds": RefList(RecordKind::Commitment),
        "facilitator": Name,
        "consentText": LongText,
        "keepUntil": Date,
    }
    Participant {
        "workshopId": Ref(RecordKind::Workshop),
        "organisationKind": OneOf(OrganisationKind::CODES),
    }
    Identity {
        "participantId": Ref(RecordKind::Participant),
        "name": Name,
        "consentWording": LongText,
        "consentedOn": Date,
        "contactEmail": Email,
        "contactPurpose": Line(LINE),
    }
    Contribution {
        "workshopId": Ref(RecordKind::Workshop),
        "participantId": OptionalRef(RecordKind::Participant),
        "kind": OneOf(ContributionKind::CODES),
        "text": LongText,
        "aboutCommitmentId": OptionalRef(RecordKind::Commitment),
        "aboutMilestoneId": OptionalRef(RecordKind::Milestone),
        "proposalIds": RefList(RecordKind::Contribution),
        "outcome": OptionalOneOf(ContributionOutcome::CODES),
        "outcomeReason": LongText,
        "commitmentIds": RefList(RecordKind::Commitment),
        "milestoneIds": RefList(RecordKind::Milestone),
    }
    JurySession {
        "planId": Ref(RecordKind::Plan),
        "institutionId": Ref(RecordKind::Institution),
        "title": Title,
        "heldOn": Date,
        "places": Places,
    }
    Juror {
        "sessionId": Ref(RecordKind::JurySession),
        "name": Name,
    }
    JuryApplication {
        "sessionId": Ref(RecordKind::JurySession),
        "title": Title,
        "applicant": Name,
        "summary": LongText,
        "contactEmail": Email,
        "reference": Line(JuryApplicationInput::REFERENCE_MAX),
    }
    ScoreSheet {
        "sessionId": Ref(RecordKind::JurySession),
        "jurorId": Ref(RecordKind::Juror),
        "applicationId": Ref(RecordKind::JuryApplication),
        "verdict": Verdict,
    }
}

/// The id of juror `juror`'s score sheet for application `application`: the same on every
/// laptop, so that two laptops typing the same sheet make one record (the second creation is
/// refused as already there, or is the same), never two sheets of one juror for one application.
pub fn score_sheet_id(juror: Uuid, application: Uuid) -> Uuid {
    const NAMESPACE: Uuid = Uuid::from_u128(0x6a75_7279_2d73_6865_6574_2d70_6c61_6e6f);
    let mut name = [0u8; 32];
    name[..16].copy_from_slice(juror.as_bytes());
    name[16..].copy_from_slice(application.as_bytes());
    Uuid::new_v5(&NAMESPACE, &name)
}

/// The declaration of one field, if `kind` has it.
pub fn field(kind: RecordKind, name: &str) -> Option<&'static Field> {
    fields(kind).iter().find(|f| f.name == name)
}

/// How concurrent changes of a field are reconciled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Two different changes are a conflict for a person to resolve.
    Short,
    /// Merged paragraph by paragraph; a conflict only when the same paragraph changed.
    Long,
}

/// Long texts are merged by paragraph; every other field is short.
pub fn field_kind(kind: RecordKind, name: &str) -> FieldKind {
    match field(kind, name) {
        Some(Field { holds: Holds::LongText, .. }) => FieldKind::Long,
        _ => FieldKind::Short,
    }
}

/// Why a value is not one the app can store in a field.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueProblem {
    /// Not a value of the field's type (a number for a text, a date that is not one…).
    Expected(Holds),
    /// A text the app would refuse (too long, control characters, not an e-mail address…).
    Text(Problem),
    /// Not an IRM assessment (the reason, as the JSON reader gives it).
    Assessment(String),
    /// The same id twice in a list.
    Repeated,
}

/// Why a value cannot be stored as it is in a field of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Unstorable {
    /// The kind has no such field.
    UnknownField,
    /// Not a value the field can hold.
    Invalid(ValueProblem),
    /// The value is acceptable but not in the form the app stores (untrimmed, ids in upper
    /// case…): the server takes only what a laptop would have sent.
    NotCanonical,
}

/// A date written `YYYY-MM-DD` exactly (four-digit year, two-digit month and day), and a real one.
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !shape {
        return None;
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A UUID in its hyphenated form (either case).
pub fn parse_id(text: &str) -> Option<Uuid> {
    if text.len() != 36 {
        return None;
    }
    Uuid::parse_str(text).ok()
}

fn text(value: &Value, parse: impl Fn(&str) -> Result<String, Problem>) -> Result<Value, ValueProblem> {
    let Value::String(raw) = value else { return Err(ValueProblem::Expected(Holds::Title)) };
    parse(raw).map(Value::String).map_err(ValueProblem::Text)
}

fn id(value: &Value, holds: Holds) -> Result<Value, ValueProblem> {
    value.as_str().and_then(parse_id).map(|id| Value::String(id.to_string())).ok_or(ValueProblem::Expected(holds))
}

/// The one parser of every field's values: checks `value` against what the field holds and
/// returns it in the form the app stores (texts trimmed as the editor trims them, ids in lower
/// case, the assessment as the domain writes it). The app's imports, its reading of what it
/// receives, the exports and the server all go through it, so that the server holds nothing a
/// laptop cannot read.
pub fn canonical(holds: Holds, value: &Value) -> Result<Value, ValueProblem> {
    let wrong = || ValueProblem::Expected(holds);
    let with_type = |problem: ValueProblem| match problem {
        ValueProblem::Expected(_) => wrong(),
        other => other,
    };
    match (holds, value) {
        (Holds::Line(max), _) => text(value, |s| ShortText::parse_max(s, max).map(ShortText::into_string)),
        (Holds::Email, _) => text(value, |s| Email::parse(s).map(Email::into_string)),
        (Holds::Phone, _) => text(value, |s| Phone::parse(s).map(Phone::into_string)),
        (Holds::Verbatim, _) => text(value, |s| Verbatim::parse(s).map(Verbatim::into_string)),
        (Holds::LongText, _) => text(value, |s| LongText::parse(s).map(LongText::into_string)),
        (Holds::Title, _) => text(value, |s| Title::parse(s).map(Title::into_string)),
        (Holds::Name, _) => text(value, |s| ShortText::parse_required(s).map(ShortText::into_string)),
        (Holds::OptionalText, Value::Null) => Ok(Value::Null),
        (Holds::OptionalText, _) => text(value, |s| ShortText::parse_max(s, LINE).map(ShortText::into_string)),
        (Holds::Date | Holds::OptionalDate, Value::String(s)) => parse_date(s).map(|_| value.clone()).ok_or_else(wrong),
        (Holds::OptionalDate | Holds::OptionalRef(_) | Holds::OptionalInteger | Holds::Assessment, Value::Null) => {
            Ok(Value::Null)
        }
        (Holds::Ref(_) | Holds::OptionalRef(_), _) => id(value, holds),
        (Holds::RefList(_), Value::Array(items)) => {
            let ids = items.iter().map(|item| id(item, holds)).collect::<Result<Vec<_>, _>>()?;
            let mut distinct = ids.clone();
            distinct.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
            distinct.dedup();
            if distinct.len() == ids.len() {
                Ok(Value::Array(ids))
            } else {
                Err(ValueProblem::Repeated)
            }
        }
        (Holds::TextList, Value::Array(items)) => items
            .iter()
            .map(|item| text(item, |s| ShortText::parse_max(s, LINE).map(ShortText::into_string)))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array)
            .map_err(with_type),
        (Holds::Position, Value::Number(n)) => {
            n.as_u64().filter(|p| *p <= u64::from(u32::MAX)).map(Value::from).ok_or_else(wrong)
        }
        (Holds::OptionalInteger, Value::Number(n)) => n.as_i64().map(Value::from).ok_or_else(wrong),
        (Holds::Boolean, Value::Bool(_)) => Ok(value.clone()),
        (Holds::OneOf(codes) | Holds::OptionalOneOf(codes), Value::String(s)) if codes.contains(&s.as_str()) => {
            Ok(value.clone())
        }
        (Holds::OptionalOneOf(_), Value::Null) => Ok(Value::Null),
        (Holds::Weight, Value::Number(n)) => n
            .as_u64()
            .and_then(|w| u32::try_from(w).ok())
            .ok_or_else(wrong)
            .and_then(|w| plan_ouvert_domain::parse_weight(w).map_err(ValueProblem::Text))
            .map(Value::from),
        (Holds::PersonId, _) => id(value, holds),
        (Holds::LinkList, Value::Array(items)) if items.len() <= ReportInput::LINKS_MAX => items
            .iter()
            .map(|item| {
                let (Some(title), Some(url), 2) = (
                    item.get("title").and_then(Value::as_str),
                    item.get("url").and_then(Value::as_str),
                    item.as_object().map_or(0, |o| o.len()),
                ) else {
                    return Err(wrong());
                };
                let link = EvidenceLink::parse(title, url).map_err(|(_, problem)| ValueProblem::Text(problem))?;
                serde_json::to_value(link).map_err(|_| wrong())
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        (Holds::FileList, Value::Array(items)) if items.len() <= EvidenceFile::MAX_PER_REPORT => {
            let files = items.iter().map(|item| file(item).ok_or_else(wrong)).collect::<Result<Vec<_>, _>>()?;
            let mut shas: Vec<&str> = files.iter().map(|f| f.sha256.as_str()).collect();
            shas.sort_unstable();
            shas.dedup();
            if shas.len() != files.len() {
                return Err(ValueProblem::Repeated);
            }
            serde_json::to_value(files).map_err(|_| wrong())
        }
        (Holds::Assessment, Value::Object(_)) => {
            let assessment: Assessment =
                serde_json::from_value(value.clone()).map_err(|e| ValueProblem::Assessment(e.to_string()))?;
            serde_json::to_value(assessment).map_err(|e| ValueProblem::Assessment(e.to_string()))
        }
        (Holds::TextMap, Value::Object(map)) => {
            let mut out = serde_json::Map::new();
            for (key, item) in map {
                ShortText::parse_max(key, LINE).map_err(ValueProblem::Text)?;
                out.insert(
                    key.clone(),
                    text(item, |s| Verbatim::parse(s).map(Verbatim::into_string)).map_err(with_type)?,
                );
            }
            Ok(Value::Object(out))
        }
        (Holds::Places, Value::Number(n)) => n
            .as_u64()
            .filter(|p| (1..=u64::from(plan_ouvert_domain::SELECTION_MAX)).contains(p))
            .map(Value::from)
            .ok_or_else(wrong),
        (Holds::Verdict, Value::Object(_)) => {
            let verdict: JuryVerdict = serde_json::from_value(value.clone()).map_err(|_| wrong())?;
            if let JuryVerdict::Abstained { reason } = &verdict {
                let parsed = ShortText::parse_max(reason, ScoreSheetInput::REASON_MAX).map_err(ValueProblem::Text)?;
                if parsed.as_str().is_empty() {
                    return Err(ValueProblem::Text(Problem::Required));
                }
                if parsed.as_str() != reason {
                    return Err(wrong());
                }
            }
            serde_json::to_value(verdict).map_err(|_| wrong())
        }
        _ => Err(wrong()),
    }
    .map_err(with_type)
}

/// One evidence file as a report names it: exactly its four members, a SHA-256, a name, a size
/// within the limit and a media type accepted.
fn file(item: &Value) -> Option<EvidenceFile> {
    if item.as_object().map(serde_json::Map::len) != Some(4) {
        return None;
    }
    let file: EvidenceFile = serde_json::from_value(item.clone()).ok()?;
    let name = ShortText::parse_required(&file.name).ok()?.into_string();
    let fits = (1..=EvidenceFile::MAX_SIZE).contains(&file.size);
    let known = EvidenceFile::media_types().contains(&file.media_type.as_str());
    (EvidenceFile::is_sha256(&file.sha256) && name == file.name && fits && known).then_some(file)
}

/// Checks that `value` is one the app stores in `field` of a `kind` record, exactly: valid and
/// already in canonical form.
pub fn check_value(kind: RecordKind, field: &str, value: &Value) -> Result<(), Unstorable> {
    let declared = self::field(kind, field).ok_or(Unstorable::UnknownField)?;
    if canonical(declared.holds, value).map_err(Unstorable::Invalid)? == *value {
        Ok(())
    } else {
        Err(Unstorable::NotCanonical)
    }
}

impl Holds {
    /// The value a record created without this field has, or `None` when a record cannot be
    /// without it (titles, ids, ranks, codes, the plan's dates): a creation must carry those.
    pub fn empty(self) -> Option<Value> {
        match self {
            Holds::Line(_) | Holds::Email | Holds::Phone | Holds::Verbatim | Holds::LongText => {
                Some(Value::String(String::new()))
            }
            Holds::OptionalDate
            | Holds::OptionalRef(_)
            | Holds::OptionalInteger
            | Holds::OptionalText
            | Holds::OptionalOneOf(_)
            | Holds::Assessment => Some(Value::Null),
            Holds::Weight => Some(Value::from(1)),
            Holds::LinkList | Holds::FileList => Some(Value::Array(Vec::new())),
            Holds::RefList(_) | Holds::TextList => Some(Value::Array(Vec::new())),
            Holds::Boolean => Some(Value::Bool(false)),
            Holds::TextMap => Some(Value::Object(serde_json::Map::new())),
            Holds::Title
            | Holds::Name
            | Holds::Date
            | Holds::Ref(_)
            | Holds::Position
            | Holds::OneOf(_)
            | Holds::PersonId
            | Holds::Places
            | Holds::Verdict => None,
        }
    }

    /// The kind of record the field refers to, if it holds references.
    pub fn refers_to(self) -> Option<RecordKind> {
        match self {
            Holds::Ref(kind) | Holds::OptionalRef(kind) | Holds::RefList(kind) => Some(kind),
            _ => None,
        }
    }
}

/// The record a record of `kind` belongs to: deleting that one deletes this one, and it has that
/// one's owner. Engagement areas belong to their plan, commitments to their area, milestones and
/// progress reports to their commitment (a record with reports is never deleted, though: see
/// [`is_permanent`]).
pub fn parent_field(kind: RecordKind) -> Option<(&'static str, RecordKind)> {
    match kind {
        RecordKind::Area | RecordKind::Round | RecordKind::Workshop => Some(("planId", RecordKind::Plan)),
        RecordKind::Participant | RecordKind::Contribution => Some(("workshopId", RecordKind::Workshop)),
        RecordKind::Identity => Some(("participantId", RecordKind::Participant)),
        RecordKind::JurySession => Some(("planId", RecordKind::Plan)),
        RecordKind::Juror | RecordKind::JuryApplication | RecordKind::ScoreSheet => {
            Some(("sessionId", RecordKind::JurySession))
        }
        RecordKind::Commitment => Some(("areaId", RecordKind::Area)),
        RecordKind::Milestone | RecordKind::Report => Some(("commitmentId", RecordKind::Commitment)),
        RecordKind::Plan | RecordKind::Institution => None,
    }
}

/// Records that are never changed nor deleted once made: a progress report is an entry of a
/// timeline (a correction is a new entry), and what it reports on stays while it does.
pub fn is_permanent(kind: RecordKind) -> bool {
    kind == RecordKind::Report
}

/// Fields set once, when the record is made: the institution that runs a workshop or a jury
/// session, the workshop a participant or a contribution belongs to, the participant an identity
/// is of, the session a juror, an application or a score sheet belongs to, and whose sheet on
/// what a score sheet is (its id is made of them). They decide who holds personal data, which
/// never moves to another institution.
///
/// An identity is a participant's signed agreement: written once in the room, never rewritten
/// (the one change is [`clears_only`]'s). So no answer of the server ever carries an identity's
/// value back (no merge, no conflict), and erasing it leaves nothing anywhere.
pub fn is_fixed(kind: RecordKind, field: &str) -> bool {
    match (kind, field) {
        (RecordKind::Workshop, "institutionId")
        | (RecordKind::Participant | RecordKind::Contribution, "workshopId")
        | (RecordKind::JurySession, "institutionId")
        | (RecordKind::Juror | RecordKind::JuryApplication, "sessionId")
        | (RecordKind::ScoreSheet, "sessionId" | "jurorId" | "applicationId") => true,
        (RecordKind::Identity, field) => !clears_only(kind, field),
        _ => false,
    }
}

/// Fields that may only be emptied: a participant withdrawing their agreement to be contacted.
pub fn clears_only(kind: RecordKind, field: &str) -> bool {
    kind == RecordKind::Identity && matches!(field, "contactEmail" | "contactPurpose")
}

/// The ids a field's value refers to (none for a field that holds no reference).
pub fn references(kind: RecordKind, field: &str, value: &Value) -> Vec<RecordKey> {
    let Some(target) = self::field(kind, field).and_then(|f| f.holds.refers_to()) else { return Vec::new() };
    let one = |v: &Value| v.as_str().and_then(parse_id).map(|id| RecordKey { kind: target, id });
    match value {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [RecordKind; 15] = RecordKind::ALL;

    #[test]
    fn names_and_declarations_agree_and_no_field_is_declared_twice() {
        for kind in KINDS {
            let names: Vec<&str> = fields(kind).iter().map(|f| f.name).collect();
            assert_eq!(names, fields_of_kind(kind), "{kind:?}");
            let mut unique = names.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), names.len(), "{kind:?} declares a field twice");
        }
    }

    #[test]
    fn a_kind_s_table_is_its_code_in_snake_case() {
        for kind in KINDS {
            assert_eq!(kind.table(), snake_case(kind.code()), "{kind:?}");
        }
    }

    #[test]
    fn long_texts_are_merged_by_paragraph_and_the_rest_is_short() {
        assert_eq!(field_kind(RecordKind::Commitment, "problem"), FieldKind::Long);
        assert_eq!(field_kind(RecordKind::Milestone, "expectedOutputs"), FieldKind::Long);
        assert_eq!(field_kind(RecordKind::Area, "description"), FieldKind::Long);
        assert_eq!(field_kind(RecordKind::Commitment, "title"), FieldKind::Short);
        assert_eq!(field_kind(RecordKind::Commitment, "contactEmail"), FieldKind::Short);
        assert_eq!(field_kind(RecordKind::Commitment, "noSuchField"), FieldKind::Short);
    }
}
