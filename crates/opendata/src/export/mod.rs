//! Exports of a published plan: JSON, CSV, a printable HTML document, a workbook, and the
//! self-assessment report of its follow-up.
//!
//! Every export is made from a [`Dataset`] (what the app's store or the server's ledger holds)
//! and one plan's id. It carries *the plan's records*: the plan, the reporting rounds the
//! coordination opened on it, its co-construction workshops with their participants and
//! contributions, its engagement areas, their commitments, the commitments' milestones, the
//! progress reports on these commitments and milestones, and the institutions these name as lead
//! or supporting institutions, as the institution a report is made for or as the institution that
//! ran a workshop ([`plan_dataset`] returns exactly these). Records of other plans and
//! institutions the plan does not name are left out. The JSON and CSV exports carry everything;
//! the printable document and the workbook are the plan as adopted, without weights, reports,
//! rounds nor workshops (see [`plan_html`], [`plan_xlsx`]); the self-assessment report is its
//! follow-up on a day, from the reports ([`self_assessment_html`]); a workshop has its own report
//! and data ([`workshop_report_html`], [`workshop_dataset`]).
//!
//! **No export carries personal data.** A workshop's participants are published as what they are
//! in the records, anonymous: an id and the kind of organisation they come from. Who they are —
//! name or pseudonym, e-mail address, the information text they accepted and when — is an
//! `identity` record (`plan_ouvert_sync::access::is_personal_data`), kept by the institution that
//! ran the workshop; no export reads one, whatever the dataset holds. What a workshop publishes of
//! itself is what everyone who follows the plan sees: its day, place, facilitator, institution,
//! the information text it gave its participants and the day their data is kept until.
//!
//! Reporting rounds (*campagnes de suivi*, [`plan_ouvert_domain::Round`]) are part of the plan's
//! shared structure, which everyone sees: what the coordination asked (`kind`, `title`,
//! `instructions`) and when (`opensOn`, `dueOn`). A round is never due before it opens: an
//! export of a round that is refuses the round (`dueOn`, [`Problem::DueBeforeOpening`]), and
//! both readers refuse it where it is.
//!
//! Progress reports are published because the OGP asks for a public repository of each
//! commitment's progress and its evidence. A report is never changed: a correction is a new
//! report naming the one it corrects (`corrects`), and both are exported, so that the record of
//! what was said stays public.
//!
//! **Evidence files are named, not embedded.** A report's `files` names each file it gives as
//! evidence by the SHA-256 of its bytes, with its name, size and media type
//! ([`plan_ouvert_domain::EvidenceFile`]); no export carries a file's bytes. The central server
//! keeps the files and serves one, under its SHA-256, to the readers it authenticates; the name
//! lets whoever gets a file check that it is the one the report gave.
//!
//! Before anything is written, every value is checked against what its field holds
//! ([`FieldType`], [`field_type`]) and put in canonical form (ids hyphenated in lower case, the
//! assessment as the domain writes it): an export is valid against its published schema, or it
//! is refused with the record and field at fault ([`ExportError`]). A field a record lacks (a
//! record written before the field existed) is exported with its type's empty value: `""`,
//! `null`, `[]`, `{}` or `false`; ids, titles, ranks, kinds and the plan's period have none and a
//! record lacking one is refused. Fields not of the record's kind
//! ([`fields_of_kind`](plan_ouvert_sync::protocol::fields_of_kind)) are not exported.
//!
//! A workshop's contributions are checked as the app writes them: an author is a participant of
//! the same workshop, a vote names proposals of the same workshop. What a workshop discussed
//! (`areaId`, `commitmentIds`), what a comment is about and what a contribution fed
//! (`commitmentIds`, `milestoneIds`) are ids kept as they are, even of a commitment or milestone
//! deleted since: the record of what the workshop said and what came of it stays whole, and a
//! reader finds no record of that id in the plan.
//!
//! Everything is in order: rounds by due date (`dueOn`, ties broken by id); workshops by the day
//! they were held (`heldOn`, ties broken by id), each one's participants and contributions by id
//! (the order they were made: the app's ids, UUID v7, grow with time); areas by position,
//! commitments by position within their area,
//! milestones by position within their commitment (ties broken by id), institutions by name;
//! a commitment's reports timeline by timeline (its own, then each milestone's in the
//! milestones' order), each timeline oldest first (`reportedOn`, ties broken by id).
//!
//! # JSON ([`plan_json`], [`plan_json_text`], [`read_plan_json`])
//!
//! One document (as a value, or as the text of the published file with its members in reading
//! order), described by the JSON Schema (draft 2020-12) `schema/plan.schema.json`
//! ([`PLAN_SCHEMA`], descriptions in French and English), whose `$id` the document names in its
//! `schema` member ([`SCHEMA_ID`]):
//!
//! ```text
//! { "schema": "urn:plan-ouvert:plan:v3",
//!   "plan": { "id", country, title, periodStart, periodEnd, ogpPlanId, planNumber,
//!             "rounds": [ { "id", kind, title, opensOn, dueOn, instructions } ],
//!             "workshops": [ { "id", institutionId, title, heldOn, place, areaId, commitmentIds,
//!                              facilitator, consentText, keepUntil,
//!                              "participants": [ { "id", organisationKind } ],
//!                              "contributions": [ { "id", participantId, kind, text,
//!                                                   aboutCommitmentId, aboutMilestoneId, proposalIds,
//!                                                   outcome, outcomeReason,
//!                                                   commitmentIds, milestoneIds } ] } ] },
//!   "areas": [ { "id", planId, kind, title, description, position,
//!                "commitments": [ { "id", …every commitment field… (weight included),
//!                                   "milestones": [ { "id", …every milestone field…,
//!                                                     "reports": [ { "id", …every report field… } ] } ],
//!                                   "reports": [ { "id", …every report field… } ] } ] } ],
//!   "institutions": [ { "id", name, acronym, kind, country } ] }
//! ```
//!
//! Each timeline of progress reports sits in the record it is about: a milestone's reports in
//! that milestone's `reports` (`milestoneId` its id), the commitment's own reports (its results,
//! whether it opened government; `milestoneId` null) in the commitment's `reports`. A reader
//! finds where a milestone stands in the milestone itself. A report's `links` is a list of
//! `{ "title", "url" }` objects, its `files` a list of `{ "sha256", "name", "size",
//! "mediaType" }` objects (at most 20, each SHA-256 once; see the schema's `evidenceFile`).
//!
//! The plan's reporting rounds sit in the plan, in its `rounds`, each with every field of a
//! round but `planId`, which is the plan it sits in (reading gives it back). Its workshops sit in
//! its `workshops` the same way, each workshop's participants in its `participants` and its
//! contributions in its `contributions`, without their `workshopId`, which is the workshop they
//! sit in. A participant is `{ "id", "organisationKind" }` and nothing else. Both lists are always
//! written, `[]` when the plan has none.
//!
//! **Versions.** Workshops came with `urn:plan-ouvert:plan:v3` ([`SCHEMA_ID`]), which requires
//! `rounds` and `workshops`. Documents of the version before, `urn:plan-ouvert:plan:v2`
//! ([`SCHEMA_ID_V2`]), stay readable: they hold no workshop (a `workshops` member in one is
//! refused) and may lack `rounds` (see [`read_plan_json`] for why).
//!
//! Field names and values are those of sync ([`Dataset`]). Reading checks the shape (no field
//! missing, none unknown, every value of its type) and the nesting (an area's `planId` is the
//! plan's id, a commitment's `areaId` its area's, a milestone's `commitmentId` its
//! commitment's, a report's `commitmentId` and `milestoneId` those of the records it is in;
//! every institution named is in `institutions`; a report corrects one of the same timeline in
//! the document; a round is not due before it opens; a workshop keeps its participants' data
//! until its day or later; a contribution's author is a participant of its workshop and a vote
//! names proposals of its workshop; no id twice), and says where a problem is
//! (`$.areas[1].commitments[0].startDate`, `$.plan.rounds[1].dueOn`,
//! `$.plan.workshops[0].contributions[2].proposalIds`). **Round trip**: reading an export gives
//! back [`plan_dataset`] of the exported dataset, field by field.
//!
//! # CSV ([`read_csv`], and one function per file)
//!
//! Seven files ([`commitments_csv`], [`milestones_csv`], [`reports_csv`], [`rounds_csv`],
//! [`workshops_csv`], [`participants_csv`], [`contributions_csv`]; their names in [`CSV_FILES`]), UTF-8 without byte-order mark, comma-separated, quoted as RFC
//! 4180 says (a field holding a comma, a quote or a line break is quoted, quotes doubled), lines
//! ended by CRLF, a header row, one row per commitment, milestone, progress report, reporting
//! round, workshop, participant or contribution in the order above. Each is described by a Table
//! Schema (Frictionless, as schema.data.gouv.fr uses it): `schema/commitments.tableschema.json`,
//! `schema/milestones.tableschema.json`, `schema/reports.tableschema.json`,
//! `schema/rounds.tableschema.json`, `schema/workshops.tableschema.json`,
//! `schema/participants.tableschema.json` and `schema/contributions.tableschema.json`
//! ([`COMMITMENTS_TABLE_SCHEMA`], [`MILESTONES_TABLE_SCHEMA`], [`REPORTS_TABLE_SCHEMA`],
//! [`ROUNDS_TABLE_SCHEMA`], [`WORKSHOPS_TABLE_SCHEMA`], [`PARTICIPANTS_TABLE_SCHEMA`],
//! [`CONTRIBUTIONS_TABLE_SCHEMA`]), which give every column's title and description in French,
//! type, format and constraints (required, enum, pattern, minimum, maximum, unique), the primary
//! key `id` and the foreign keys (a milestone's and a report's `commitment_id` → the `id` of the
//! resource `commitments`, a report's `milestone_id` → `milestones`, its `corrects` → its own
//! file; a participant's and a contribution's `workshop_id` → `workshops`, a contribution's
//! `participant_id` → `participants`; a round's and a workshop's `plan_id` is the plan's id, as
//! in the other files, with no file of plans to refer to); an empty cell is a missing value.
//!
//! Columns of `commitments.csv` ([`COMMITMENT_COLUMNS`]): `id`, `plan_id`, `plan_title`,
//! `area_id`, `area_title`, `position`, `title`, the template's texts (`brief_description`,
//! `problem`, `causes`, `done_so_far`, `solution`, `expected_results`, `transparency`,
//! `accountability`, `participation`), `lead_institution_id`, `lead_institution_name`,
//! `supporting_institution_ids`, `supporting_institution_names`, `other_supporters`,
//! `start_date`, `end_date`, the OGP values (`access_to_information`, `civic_participation`,
//! `public_accountability`, `technology_innovation`: `true`/`false`), the contact
//! (`contact_name`, `contact_title`, `contact_department`, `contact_email`, `contact_phone`),
//! what an import from the OGP database brings (`ogp_id`, `number`, `short_title`, `full_text`,
//! `start_date_source`, `end_date_source`, `policy_areas`, `url`), the IRM assessment one column
//! per entry (`assessment_specificity` … `assessment_starred`, see [`ASSESSMENT_ENTRIES`]: the
//! value's code — `high`, `notStarted`, `true`… — or the status `notAssessed` (ND), `notRelevant`
//! (NR), `notApplicable` (NA), `missing`; every one empty when the commitment has no
//! assessment), `source_columns` (the source row's other columns, one JSON object) and `weight`
//! (how much it counts in the roll-up of progress, 1 to 100).
//!
//! Columns of `milestones.csv` ([`MILESTONE_COLUMNS`]): `id`, `plan_id`, `commitment_id`,
//! `commitment_title`, `position`, `title`, `expected_outputs`, `start_date`, `due_date`,
//! `lead_institution_id`, `lead_institution_name`, `weight`.
//!
//! Columns of `reports.csv` ([`REPORT_COLUMNS`]): `id`, `plan_id`, `commitment_id`,
//! `commitment_title`, `milestone_id` (empty for a report on the commitment as a whole),
//! `milestone_title`, `reported_on`, `status` (`notStarted`, `limited`, `substantial`,
//! `complete`, `withdrawn`), `done`, `difficulties`, `next_steps`, `results`,
//! `opened_government` (a code of the IRM's scale, or empty), `links`, `files`, `corrects` (the
//! report it corrects, or empty), `author_id`, `author_name`, `institution_id`,
//! `institution_name`, `on_behalf` (`true`/`false`).
//!
//! Columns of `rounds.csv` ([`ROUND_COLUMNS`]): `id`, then every field of a round in
//! snake_case: `plan_id`, `kind` (`midTerm`, `endOfTerm`, `other`), `title`, `opens_on`,
//! `due_on` (never before `opens_on`), `instructions`.
//!
//! Columns of `workshops.csv` ([`WORKSHOP_COLUMNS`]): `id`, then every field of a workshop in
//! snake_case — `plan_id`, `institution_id`, `title`, `held_on`, `place`, `area_id`,
//! `commitment_ids`, `facilitator`, `consent_text`, `keep_until` (never before `held_on`) — with
//! `institution_name` and `area_title` beside the ids they name.
//!
//! Columns of `participants.csv` ([`PARTICIPANT_COLUMNS`]): `id`, `plan_id`, `workshop_id`,
//! `organisation_kind` (`citizen`, `association`, `company`, `administration`,
//! `electedOfficial`): a participant is nothing more.
//!
//! Columns of `contributions.csv` ([`CONTRIBUTION_COLUMNS`]): `id`, `plan_id`, then every field
//! of a contribution in snake_case — `workshop_id`, `participant_id` (empty for the
//! facilitator's), `kind` (`proposal`, `comment`, `vote`), `text`, `about_commitment_id`,
//! `about_milestone_id`, `proposal_ids` (a vote's, in its order), `outcome` (`kept`, `merged`,
//! `notKept`, empty while to be examined), `outcome_reason`, `commitment_ids`, `milestone_ids`
//! (what it fed) — with `participant_kind` (the author's kind of organisation) beside
//! `participant_id`.
//!
//! Lists of ids and texts (`supporting_institution_ids`, `supporting_institution_names`,
//! `policy_areas`, a workshop's and a contribution's `commitment_ids`, `milestone_ids`,
//! `proposal_ids`) are joined with `;`. A report's `links` is one JSON array of
//! `{"title","url"}` objects and its `files` one JSON array of
//! `{"sha256","name","size","mediaType"}` objects (`[]` when it has none), like
//! `source_columns`: titles and file names may hold commas, quotes and semicolons, and JSON gives
//! them back exactly. Dates are `YYYY-MM-DD`. The
//! `*_title`, `*_name` and `participant_kind` columns (and `plan_id` in milestones, reports,
//! participants and contributions) are there for people reading the file; reading ignores them,
//! the ids are what counts.
//!
//! **Round trip.** The CSV files carry the commitments, milestones, reports, rounds, workshops,
//! participants and contributions entirely, and of the plan, areas and institutions only ids,
//! titles and names. [`read_csv`] therefore takes a *frame*: a dataset holding the plan, its
//! areas and the institutions named (the plan JSON read with [`read_plan_json`], or the store's
//! records); it returns the same records as [`plan_dataset`]: the plan and its areas from the
//! frame, everything else from the CSV, the institutions they name from the frame. Exporting then reading
//! back with the exported dataset as frame gives back [`plan_dataset`] field by field, except for
//! values the CSV cannot tell apart: an `ogpId` that is `""` reads back as `null`; a list item
//! that is empty or contains `;` does not survive the join (ids never do; the OGP import's policy
//! areas are column names of the OGP file, none of which holds one).
//!
//! Reading accepts what a spreadsheet program may make of the files: a byte-order mark, LF line
//! ends, every cell quoted, columns in another order. It refuses a missing, unknown or doubled
//! column, and says which file, line and column a problem is on.
//!
//! A cell whose text begins (past any apostrophes) with `=`, `+`, `-`, `@`, a tab or a carriage
//! return is written with one apostrophe before it, so that a spreadsheet program shows it as text
//! instead of running it as a formula; reading takes that one apostrophe off, so every text reads
//! back as it was. The Table Schemas say so.
//!
//! # HTML ([`plan_html`])
//!
//! The document a coordinator attaches to the official plan, in French or English: one
//! self-contained page (inline CSS only, with the DSFR's typography and its typeface Marianne
//! embedded, no script, nothing loaded from elsewhere; print rules with a page break before each
//! area), every text escaped and its paragraphs kept, numbered as the app numbers the plan
//! ([`plan_ouvert_domain::numbering`]) and with the app's labels ([`plan_ouvert_domain::Labels`]).
//! See [`plan_html`] for what it holds.
//!
//! # Self-assessment report ([`self_assessment_html`])
//!
//! The OGP's mid-term or end-of-term self-assessment of the plan as of a day, in the same look
//! (the two documents share their page, styles, fonts and parts: `document.rs`): overall progress
//! and its rule, progress by area, then per commitment the template's fields — completion level
//! (declared, or derived from the milestones' roll-up, said which), results, whether it opened
//! government, what was done, difficulties, next steps, each milestone, the evidence (files
//! named, with their size, never embedded) and who signed what. Only the reports dated on or
//! before the day count; how the plan was co-created is said from the workshops held by that day
//! (participants counted by kind, never named), and what the app has no data for (other
//! consultations) is marked « À compléter », never invented.
//!
//! # A workshop ([`workshop_report_html`], [`workshop_dataset`], [`render_workshop`])
//!
//! A workshop's report, for its participants and for anyone following the plan: one printable
//! page in the same look — its title, day, place, institution and facilitator, the area and
//! commitments discussed; its participants counted by kind of organisation, never named; its
//! contributions by kind (proposals by the votes they received, comments, priority votes), each
//! with what became of it (kept, merged, not kept, to be examined), the reason, and the
//! commitments and milestones it fed, numbered as the app numbers them.
//!
//! Its open data is **the plan's formats, filtered to the workshop** ([`workshop_dataset`]): the
//! plan as adopted (plan, areas, commitments, milestones) and that one workshop with its
//! participants and contributions, with the institutions these name — no progress report, no
//! round, no other workshop. As JSON it is a plan document ([`workshop_json`]); as CSV the seven
//! files, reports, rounds and the other workshops' rows left out. The same schemas describe them
//! and the same readers read them back; what a contribution fed is found in the same document
//! (or in `commitments.csv` and `milestones.csv`) by its id, with its title and position.
//!
//! # File names ([`file_name`])
//!
//! The app proposes, and the server's command line writes into a folder, an export under the
//! plan's title and the day: `France — Plan d'action 2025-2027 — 2026-11-30.html`; a
//! self-assessment report under its kind, the plan's title and the day it describes
//! ([`self_assessment_file_name`]: `Autoévaluation mi-parcours — France — Plan d'action
//! 2025-2027 — 2026-06-30.html`).

mod csv;
mod document;
mod fields;
mod files;
mod html;
mod json;
mod jury;
mod self_assessment;
pub(crate) mod tree;
mod workshop;
mod xlsx;

use plan_ouvert_domain::Locale;
use plan_ouvert_sync::protocol::RecordKind;
use uuid::Uuid;

use crate::dataset::Dataset;

pub use self::csv::{
    commitments_csv, contributions_csv, csv_text, milestones_csv, participants_csv, read_csv, reports_csv, rounds_csv,
    workshops_csv, CsvFile, CsvTexts, COMMITMENT_COLUMNS, CONTRIBUTION_COLUMNS, MILESTONE_COLUMNS, PARTICIPANT_COLUMNS,
    REPORT_COLUMNS, ROUND_COLUMNS, WORKSHOP_COLUMNS,
};
pub use fields::{
    field_type, AssessmentEntry, FieldCheck, FieldType, Scale, AREA_KINDS, ASSESSMENT_ENTRIES, INSTITUTION_KINDS,
    STATUSES,
};
pub use files::{
    extension, file_name, file_stem, name_part, plan_file_name, render_plan, render_workshop,
    self_assessment_file_name, workshop_file_name, write_plan, write_rendered, write_self_assessment, write_workshop,
    Rendered, WriteError, CSV_FILES,
};
pub use html::plan_html;
pub use json::{plan_json, plan_json_text, read_plan_json};
pub use jury::{jury_ranking_csv, jury_ranking_html, JURY_RANKING_COLUMNS};
pub use self_assessment::self_assessment_html;
pub use workshop::{workshop_dataset, workshop_json, workshop_json_text, workshop_report_html};
pub use xlsx::plan_xlsx;

/// The identifier of the JSON format, written in the `schema` member of every JSON export and
/// the `$id` of [`PLAN_SCHEMA`].
pub const SCHEMA_ID: &str = "urn:plan-ouvert:plan:v3";

/// The identifier of the JSON format before workshops were published: documents that name it are
/// still read ([`read_plan_json`]), as plans without workshops.
pub const SCHEMA_ID_V2: &str = "urn:plan-ouvert:plan:v2";

/// The JSON Schema (draft 2020-12) of [`plan_json`]'s document: `schema/plan.schema.json`.
pub const PLAN_SCHEMA: &str = include_str!("../../schema/plan.schema.json");

/// The Table Schema of [`commitments_csv`]: `schema/commitments.tableschema.json`.
pub const COMMITMENTS_TABLE_SCHEMA: &str = include_str!("../../schema/commitments.tableschema.json");

/// The Table Schema of [`milestones_csv`]: `schema/milestones.tableschema.json`.
pub const MILESTONES_TABLE_SCHEMA: &str = include_str!("../../schema/milestones.tableschema.json");

/// The Table Schema of [`reports_csv`]: `schema/reports.tableschema.json`.
pub const REPORTS_TABLE_SCHEMA: &str = include_str!("../../schema/reports.tableschema.json");

/// The Table Schema of [`rounds_csv`]: `schema/rounds.tableschema.json`.
pub const ROUNDS_TABLE_SCHEMA: &str = include_str!("../../schema/rounds.tableschema.json");

/// The Table Schema of [`workshops_csv`]: `schema/workshops.tableschema.json`.
pub const WORKSHOPS_TABLE_SCHEMA: &str = include_str!("../../schema/workshops.tableschema.json");

/// The Table Schema of [`participants_csv`]: `schema/participants.tableschema.json`.
pub const PARTICIPANTS_TABLE_SCHEMA: &str = include_str!("../../schema/participants.tableschema.json");

/// The Table Schema of [`contributions_csv`]: `schema/contributions.tableschema.json`.
pub const CONTRIBUTIONS_TABLE_SCHEMA: &str = include_str!("../../schema/contributions.tableschema.json");

/// The Table Schema of [`jury_ranking_csv`]: `schema/jury-ranking.tableschema.json`.
pub const JURY_RANKING_TABLE_SCHEMA: &str = include_str!("../../schema/jury-ranking.tableschema.json");

/// The records an export of `plan` carries, checked and in canonical form: the plan, its
/// reporting rounds, its workshops with their participants and contributions (never a
/// participant's identity), its areas, their commitments, these commitments' milestones and
/// progress reports, and the institutions they name.
pub fn plan_dataset(dataset: &Dataset, plan: Uuid) -> Result<Dataset, ExportError> {
    Ok(tree::PlanTree::build(dataset, plan)?.to_dataset())
}

/// Why an export could not be made, or a file could not be read back.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportError {
    /// No such plan in the data.
    #[error("{}", self.message(Locale::En))]
    UnknownPlan { plan: Uuid },
    /// A record of the data holds a value its field cannot hold.
    #[error("{}", self.message(Locale::En))]
    InvalidRecord { kind: RecordKind, id: Uuid, field: String, problem: Problem },
    /// A record names another that is not in the data.
    #[error("{}", self.message(Locale::En))]
    MissingRecord { kind: RecordKind, id: Uuid, from: RecordKind, from_id: Uuid, field: &'static str },
    /// A JSON document read back is not a plan export; `path` says where (`areas[0].title`).
    #[error("{}", self.message(Locale::En))]
    InvalidJson { path: String, problem: Problem },
    /// A CSV file read back holds a value its column cannot hold (line 1 is the header).
    #[error("{}", self.message(Locale::En))]
    InvalidCsv { file: CsvFile, line: u64, column: String, problem: Problem },
    /// A CSV file read back is not CSV (unbalanced quotes, rows of different lengths, not UTF-8).
    #[error("{}", self.message(Locale::En))]
    UnreadableCsv { file: CsvFile, detail: String },
    /// The CSV files have no row and the frame holds more (or fewer) than one plan.
    #[error("{}", self.message(Locale::En))]
    NoPlan,
    /// The workbook could not be assembled (the reason, as the writer gives it).
    #[error("{}", self.message(Locale::En))]
    Workbook(String),
    /// A progress workbook was asked for an institution that is not in the data.
    #[error("{}", self.message(Locale::En))]
    UnknownInstitution { institution: Uuid },
    /// A workshop's report or data was asked for a workshop that is not in the data.
    #[error("{}", self.message(Locale::En))]
    UnknownWorkshop { workshop: Uuid },
    /// A workshop was asked for as a workbook: its formats are its report (HTML), JSON and CSV.
    #[error("{}", self.message(Locale::En))]
    NoWorkshopWorkbook,
}

fn kind_name(kind: RecordKind, locale: Locale) -> &'static str {
    match kind {
        RecordKind::Plan => locale.pick("le plan", "plan"),
        RecordKind::Area => locale.pick("l'axe", "area"),
        RecordKind::Commitment => locale.pick("l'engagement", "commitment"),
        RecordKind::Milestone => locale.pick("le jalon", "milestone"),
        RecordKind::Institution => locale.pick("l'institution", "institution"),
        RecordKind::Report => locale.pick("le rapport d'avancement", "progress report"),
        RecordKind::Round => locale.pick("la campagne de suivi", "reporting round"),
        RecordKind::Workshop => locale.pick("l'atelier", "workshop"),
        RecordKind::Participant => locale.pick("le participant", "participant"),
        RecordKind::Identity => locale.pick("l'identité d'un participant", "participant's identity"),
        RecordKind::Contribution => locale.pick("la contribution", "contribution"),
        RecordKind::JurySession => locale.pick("la session du jury", "jury session"),
        RecordKind::Juror => locale.pick("le juré", "juror"),
        RecordKind::JuryApplication => locale.pick("la candidature", "application"),
        RecordKind::ScoreSheet => locale.pick("la fiche de notation", "score sheet"),
    }
}

impl ExportError {
    /// The error for the person who asked for the export or the import, in French or English.
    pub fn message(&self, locale: Locale) -> String {
        match (self, locale) {
            (ExportError::Workbook(detail), Locale::Fr) => format!("Le classeur n'a pas pu être composé : {detail}."),
            (ExportError::Workbook(detail), Locale::En) => format!("The workbook could not be put together: {detail}."),
            (ExportError::UnknownPlan { plan }, Locale::Fr) => {
                format!("Le plan {plan} n'existe pas dans les données : il n'y a rien à exporter.")
            }
            (ExportError::UnknownPlan { plan }, Locale::En) => {
                format!("Plan {plan} is not in the data: there is nothing to export.")
            }
            (ExportError::UnknownInstitution { institution }, Locale::Fr) => {
                format!("L'institution {institution} n'existe pas dans les données : aucun classeur de suivi ne peut être fait pour elle.")
            }
            (ExportError::UnknownInstitution { institution }, Locale::En) => {
                format!("Institution {institution} is not in the data: no progress workbook can be made for it.")
            }
            (ExportError::UnknownWorkshop { workshop }, Locale::Fr) => {
                format!("L'atelier {workshop} n'existe pas dans les données : il n'y a rien à exporter.")
            }
            (ExportError::UnknownWorkshop { workshop }, Locale::En) => {
                format!("Workshop {workshop} is not in the data: there is nothing to export.")
            }
            (ExportError::NoWorkshopWorkbook, Locale::Fr) => "Un atelier ne s'exporte pas en classeur : \
                 choisissez son compte rendu (HTML), ses données en JSON ou en CSV."
                .to_string(),
            (ExportError::NoWorkshopWorkbook, Locale::En) => "A workshop is not exported as a workbook: \
                 choose its report (HTML), or its data as JSON or CSV."
                .to_string(),
            (ExportError::InvalidRecord { kind, id, field, problem }, Locale::Fr) => format!(
                "Données invalides : {} {id}, champ « {field} » : {}.",
                kind_name(*kind, locale),
                problem.message(locale)
            ),
            (ExportError::InvalidRecord { kind, id, field, problem }, Locale::En) => format!(
                "Invalid data: {} {id}, field '{field}': {}.",
                kind_name(*kind, locale),
                problem.message(locale)
            ),
            (ExportError::MissingRecord { kind, id, from, from_id, field }, Locale::Fr) => format!(
                "Données incomplètes : le champ « {field} » de {} {from_id} désigne {} {id}, absent des données.",
                kind_name(*from, locale),
                kind_name(*kind, locale)
            ),
            (ExportError::MissingRecord { kind, id, from, from_id, field }, Locale::En) => format!(
                "Incomplete data: field '{field}' of {} {from_id} refers to {} {id}, which is not in the data.",
                kind_name(*from, locale),
                kind_name(*kind, locale)
            ),
            (ExportError::InvalidJson { path, problem }, Locale::Fr) => {
                format!("Ce document n'est pas un export de plan valide : à « {path} », {}.", problem.message(locale))
            }
            (ExportError::InvalidJson { path, problem }, Locale::En) => {
                format!("This document is not a valid plan export: at '{path}', {}.", problem.message(locale))
            }
            (ExportError::InvalidCsv { file, line, column, problem }, Locale::Fr) => {
                format!("{}, ligne {line}, colonne « {column} » : {}.", file.name(locale), problem.message(locale))
            }
            (ExportError::InvalidCsv { file, line, column, problem }, Locale::En) => {
                format!("{}, line {line}, column '{column}': {}.", file.name(locale), problem.message(locale))
            }
            (ExportError::UnreadableCsv { file, detail }, Locale::Fr) => {
                format!("{} n'est pas un fichier CSV lisible ({detail}).", file.name(locale))
            }
            (ExportError::UnreadableCsv { file, detail }, Locale::En) => {
                format!("{} is not a readable CSV file ({detail}).", file.name(locale))
            }
            (ExportError::NoPlan, Locale::Fr) => {
                "Les fichiers CSV n'ont aucune ligne et les données fournies avec eux \
                 ne désignent pas un plan unique : impossible de savoir de quel plan il s'agit."
                    .to_string()
            }
            (ExportError::NoPlan, Locale::En) => "The CSV files have no row and the data given with them do not name \
                 a single plan: there is no telling which plan they are about."
                .to_string(),
        }
    }
}

/// What is wrong with one value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// A field or member that must be there is not.
    #[error("{}", self.message(Locale::En))]
    Missing,
    /// A field or member this format does not have.
    #[error("{}", self.message(Locale::En))]
    Unexpected,
    /// A field of the records that this version of the exports does not know how to write.
    #[error("{}", self.message(Locale::En))]
    Unsupported,
    /// Not a value of the field's type.
    #[error("{}", self.message(Locale::En))]
    Expected(FieldType),
    /// Not an IRM assessment (the reason, as the JSON reader gives it).
    #[error("{}", self.message(Locale::En))]
    Assessment(String),
    /// A text the app refuses (too long, control characters, not an e-mail address…).
    #[error("{}", self.message(Locale::En))]
    Text(plan_ouvert_domain::Problem),
    /// The same id twice in a list.
    #[error("{}", self.message(Locale::En))]
    Repeated,
    /// Not one of these codes.
    #[error("{}", self.message(Locale::En))]
    NotOneOf(Vec<String>),
    #[error("{}", self.message(Locale::En))]
    ExpectedObject,
    #[error("{}", self.message(Locale::En))]
    ExpectedArray,
    /// The document names another format than [`SCHEMA_ID`].
    #[error("{}", self.message(Locale::En))]
    WrongSchema { found: String },
    /// A nested record's reference to its parent is not its parent's id.
    #[error("{}", self.message(Locale::En))]
    WrongParent { expected: Uuid },
    /// The id of a record that is not in the document or file.
    #[error("{}", self.message(Locale::En))]
    UnknownReference { id: Uuid },
    /// The same record twice.
    #[error("{}", self.message(Locale::En))]
    Duplicate { id: Uuid },
    /// Some assessment columns filled and some empty.
    #[error("{}", self.message(Locale::En))]
    IncompleteAssessment,
    /// A commitment or a reporting round of another plan than the files' (that of the first
    /// commitment, or else of the first round).
    #[error("{}", self.message(Locale::En))]
    OtherPlan { expected: Uuid },
    /// A column of the format absent from the header.
    #[error("{}", self.message(Locale::En))]
    MissingColumn,
    /// A column in the header that the format does not have.
    #[error("{}", self.message(Locale::En))]
    UnknownColumn,
    /// A column twice in the header.
    #[error("{}", self.message(Locale::En))]
    DuplicateColumn,
    /// A report's milestone is one of another commitment than the report's (`expected`).
    #[error("{}", self.message(Locale::En))]
    OtherCommitment { expected: Uuid },
    /// A report corrects an entry of another timeline (another commitment or milestone): a
    /// correction is an entry of the timeline it corrects.
    #[error("{}", self.message(Locale::En))]
    OtherTimeline,
    /// A report on a milestone among the commitment's own reports, in the JSON document: it goes
    /// in that milestone's `reports`.
    #[error("{}", self.message(Locale::En))]
    InMilestone { milestone: Uuid },
    /// A reporting round due before the day it opens (`opens_on`).
    #[error("{}", self.message(Locale::En))]
    DueBeforeOpening { opens_on: chrono::NaiveDate },
    /// A workshop whose participants' data would be kept until a day before it was held
    /// (`held_on`).
    #[error("{}", self.message(Locale::En))]
    KeptBeforeHeld { held_on: chrono::NaiveDate },
    /// A contribution's author, or a proposal a vote names, of another workshop than the
    /// contribution's (`expected`).
    #[error("{}", self.message(Locale::En))]
    OtherWorkshop { expected: Uuid },
    /// A vote names a contribution that is not a proposal.
    #[error("{}", self.message(Locale::En))]
    NotAProposal { id: Uuid },
}

impl Problem {
    pub fn message(&self, locale: Locale) -> String {
        match (self, locale) {
            (Problem::Missing, Locale::Fr) => "valeur manquante".into(),
            (Problem::Missing, Locale::En) => "missing value".into(),
            (Problem::Unexpected, Locale::Fr) => "champ que ce format n'a pas".into(),
            (Problem::Unexpected, Locale::En) => "a field this format does not have".into(),
            (Problem::Unsupported, Locale::Fr) => "champ que cette version des exports ne sait pas écrire".into(),
            (Problem::Unsupported, Locale::En) => "a field this version of the exports cannot write".into(),
            (Problem::Expected(ty), Locale::Fr) => format!("il faut {}", ty.describe(locale)),
            (Problem::Expected(ty), Locale::En) => format!("expected {}", ty.describe(locale)),
            (Problem::Assessment(detail), Locale::Fr) => format!("évaluation de l'IRM invalide ({detail})"),
            (Problem::Assessment(detail), Locale::En) => format!("invalid IRM assessment ({detail})"),
            (Problem::Text(problem), _) => problem.message(locale),
            (Problem::Repeated, Locale::Fr) => "le même identifiant apparaît deux fois dans la liste".into(),
            (Problem::Repeated, Locale::En) => "the same id appears twice in the list".into(),
            (Problem::NotOneOf(codes), Locale::Fr) => format!("il faut l'une des valeurs {}", codes.join(", ")),
            (Problem::NotOneOf(codes), Locale::En) => format!("expected one of {}", codes.join(", ")),
            (Problem::ExpectedObject, Locale::Fr) => "il faut un objet JSON".into(),
            (Problem::ExpectedObject, Locale::En) => "expected a JSON object".into(),
            (Problem::ExpectedArray, Locale::Fr) => "il faut une liste JSON".into(),
            (Problem::ExpectedArray, Locale::En) => "expected a JSON array".into(),
            (Problem::WrongSchema { found }, Locale::Fr) => format!(
                "le document suit le format « {found} », seuls « {SCHEMA_ID} » et le précédent, « {SCHEMA_ID_V2} », peuvent être lus"
            ),
            (Problem::WrongSchema { found }, Locale::En) => format!(
                "the document follows format '{found}', only '{SCHEMA_ID}' and the one before it, '{SCHEMA_ID_V2}', can be read"
            ),
            (Problem::WrongParent { expected }, Locale::Fr) => {
                format!("il faut {expected}, l'identifiant de l'élément qui le contient")
            }
            (Problem::WrongParent { expected }, Locale::En) => {
                format!("expected {expected}, the id of the record it is in")
            }
            (Problem::UnknownReference { id }, Locale::Fr) => format!("{id} ne désigne aucun élément présent"),
            (Problem::UnknownReference { id }, Locale::En) => format!("{id} refers to no record present"),
            (Problem::Duplicate { id }, Locale::Fr) => format!("l'identifiant {id} apparaît deux fois"),
            (Problem::Duplicate { id }, Locale::En) => format!("id {id} appears twice"),
            (Problem::IncompleteAssessment, Locale::Fr) => {
                "les colonnes de l'évaluation de l'IRM sont soit toutes remplies, soit toutes vides".into()
            }
            (Problem::IncompleteAssessment, Locale::En) => {
                "the IRM assessment columns are either all filled or all empty".into()
            }
            (Problem::OtherPlan { expected }, Locale::Fr) => format!(
                "tous les engagements, toutes les campagnes de suivi et tous les ateliers doivent être du même plan ({expected})"
            ),
            (Problem::OtherPlan { expected }, Locale::En) => {
                format!("every commitment, reporting round and workshop must be of the same plan ({expected})")
            }
            (Problem::MissingColumn, Locale::Fr) => "colonne absente de l'en-tête".into(),
            (Problem::MissingColumn, Locale::En) => "column missing from the header".into(),
            (Problem::UnknownColumn, Locale::Fr) => "colonne que ce format n'a pas".into(),
            (Problem::UnknownColumn, Locale::En) => "a column this format does not have".into(),
            (Problem::DuplicateColumn, Locale::Fr) => "colonne en double".into(),
            (Problem::DuplicateColumn, Locale::En) => "column given twice".into(),
            (Problem::OtherCommitment { expected }, Locale::Fr) => {
                format!("ce jalon est celui d'un autre engagement que celui du rapport ({expected})")
            }
            (Problem::OtherCommitment { expected }, Locale::En) => {
                format!("this milestone is of another commitment than the report's ({expected})")
            }
            (Problem::OtherTimeline, Locale::Fr) => {
                "le rapport corrigé doit porter sur le même engagement et le même jalon que sa correction".into()
            }
            (Problem::OtherTimeline, Locale::En) => {
                "the report corrected must be on the same commitment and milestone as its correction".into()
            }
            (Problem::InMilestone { milestone }, Locale::Fr) => {
                format!("ce rapport porte sur le jalon {milestone} : il se range dans les rapports de ce jalon")
            }
            (Problem::InMilestone { milestone }, Locale::En) => {
                format!("this report is on milestone {milestone}: it belongs in that milestone's reports")
            }
            (Problem::DueBeforeOpening { opens_on }, Locale::Fr) => {
                format!("l'échéance tombe avant l'ouverture de la campagne ({opens_on}) : elle doit tomber ce jour-là ou après")
            }
            (Problem::DueBeforeOpening { opens_on }, Locale::En) => {
                format!("the due date is before the round opens ({opens_on}): it must be that day or later")
            }
            (Problem::KeptBeforeHeld { held_on }, Locale::Fr) => format!(
                "les données des participants seraient effacées avant l'atelier ({held_on}) : ce jour doit être celui de l'atelier ou un jour après"
            ),
            (Problem::KeptBeforeHeld { held_on }, Locale::En) => format!(
                "the participants' data would be erased before the workshop ({held_on}): this day must be the workshop's or a later one"
            ),
            (Problem::OtherWorkshop { expected }, Locale::Fr) => {
                format!("cet élément est celui d'un autre atelier que celui de la contribution ({expected})")
            }
            (Problem::OtherWorkshop { expected }, Locale::En) => {
                format!("this record is of another workshop than the contribution's ({expected})")
            }
            (Problem::NotAProposal { id }, Locale::Fr) => {
                format!("un vote de priorité ne désigne que des propositions, et {id} n'en est pas une")
            }
            (Problem::NotAProposal { id }, Locale::En) => {
                format!("a priority vote names proposals only, and {id} is not one")
            }
        }
    }
}
