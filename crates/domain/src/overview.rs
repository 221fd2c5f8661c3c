//! Read models: what the screens show, assembled by the store in one call.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::area::Area;
use crate::commitment::Commitment;
use crate::id::{AreaId, CommitmentId, InstitutionId, MilestoneId};
use crate::institution::Institution;
use crate::milestone::Milestone;
use crate::plan::Plan;

/// Filters of the plan overview.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OverviewFilter {
    /// Words to look for, case- and accent-insensitive ("ecologique" finds "écologique"); the
    /// last word may be a prefix. Empty: no text filter.
    pub query: String,
    /// Only commitments this institution leads or supports.
    pub institution_id: Option<InstitutionId>,
}

/// What a search of the plan finds, for the overview to show of what it read once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanSearch {
    /// The commitments found: those whose texts hold every word, and every commitment of an area
    /// whose title or description holds them. `None` when what was typed holds no word (no text
    /// filter).
    pub found: Option<Found>,
}

/// The commitments a search finds, said in the shorter way: an answer never lists more than
/// half the plan (a national plan's first letter typed finds nearly all of its thousands).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "ids")]
pub enum Found {
    /// These commitments, and no other.
    Only(Vec<CommitmentId>),
    /// Every commitment of the plan but these.
    AllBut(Vec<CommitmentId>),
}

/// How an institution is named in lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstitutionRef {
    pub id: InstitutionId,
    pub name: String,
    pub acronym: String,
}

impl From<Institution> for InstitutionRef {
    fn from(institution: Institution) -> Self {
        InstitutionRef { id: institution.id, name: institution.name, acronym: institution.acronym }
    }
}

/// A commitment as listed in the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommitmentSummary {
    pub id: CommitmentId,
    pub area_id: AreaId,
    /// Its number in the plan (`2.3`, see [`crate::numbering`]), whatever the filters.
    pub number: String,
    pub title: String,
    pub lead_institution: Option<InstitutionRef>,
    pub milestone_count: u32,
    /// Template fields filled…
    pub filled_fields: u32,
    /// …out of this many.
    pub total_fields: u32,
    /// Its share of the work done, as reported ([`crate::progress::commitment_share`]), as a
    /// whole percentage; none when withdrawn.
    pub progress: Option<u32>,
    pub weight: u32,
}

/// An engagement area with the commitments shown under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AreaOverview {
    pub area: Area,
    /// Its number in the plan (`2`, see [`crate::numbering`]).
    pub number: String,
    pub commitments: Vec<CommitmentSummary>,
    /// Commitments in the area, whatever the filters.
    pub total_commitments: u32,
    /// The weighted mean of its commitments' progress, whatever the filters; none when none
    /// counts.
    pub progress: Option<u32>,
}

/// The plan at a glance: its areas, their commitments, and counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanOverview {
    pub plan: Plan,
    /// Every area, in order. With filters on, an area whose title matches the query keeps all its
    /// commitments; other areas keep only the matching ones and may be empty.
    pub areas: Vec<AreaOverview>,
    pub commitment_count: u32,
    pub milestone_count: u32,
    /// Commitments shown with the current filters.
    pub matching_count: u32,
    /// Whether any filter is on.
    pub filtered: bool,
    /// The weighted mean of all its commitments' progress; none when none counts.
    pub progress: Option<u32>,
    /// Why the person signed in may not change the plan and its engagement areas, if so.
    pub structure_read_only: Option<ReadOnly>,
    /// Why the person signed in may not add commitments, if so.
    pub commitments_read_only: Option<ReadOnly>,
}

/// A deletion that can be undone for a while (its local number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct DeletionId(#[ts(type = "number")] pub i64);

/// Why the person signed in may read something here but not change it: the server would refuse
/// the change, so the screen does not offer it and says why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ReadOnly {
    /// The person's role is reader.
    Reader,
    /// A drafter, on a commitment another institution leads (`lead`: its name).
    OtherInstitution { lead: String },
    /// A drafter, on the plan's structure (the plan, its engagement areas, the institutions),
    /// which only the coordination changes.
    CoordinationOnly,
    /// A plan of another country (`country`) kept on this laptop as a reference library.
    Library { country: String },
}

/// Everything the commitment screen needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommitmentDetail {
    pub plan: Plan,
    pub area: Area,
    pub commitment: Commitment,
    /// The commitment's number in the plan (`2.3`, see [`crate::numbering`]).
    pub number: String,
    pub milestones: Vec<Milestone>,
    /// Each milestone's number (`2.3.1`), by id.
    pub milestone_numbers: std::collections::BTreeMap<MilestoneId, String>,
    /// Every area of the plan, to move the commitment.
    pub areas: Vec<Area>,
    /// The institutions to choose lead and supporting ones from: those of the plan's country or
    /// of none, and those the commitment and its milestones already name.
    pub institutions: Vec<Institution>,
    /// Where the commitment comes from, when imported from the OGP commitment database.
    pub origin: Option<crate::CommitmentOrigin>,
    /// Why the person signed in may not change this commitment and its milestones, if so.
    pub read_only: Option<ReadOnly>,
}
