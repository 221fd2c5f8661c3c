//! What client and server say to each other. Shared by both sides so they cannot drift apart.
//!
//! A laptop pushes its mutations in order and pulls what changed since its cursor. Every
//! mutation has an id unique per laptop (client id + sequence number) so that a request replayed
//! after a lost answer changes nothing. Only the server assigns versions: laptop clocks are never
//! used to decide what is newer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::access::{Actor, Role};

/// Version of this protocol. A request with another version is refused with
/// [`ProtocolError::UnsupportedVersion`], telling an older app to update rather than risk data.
///
/// 2: progress reports (`report` records), weights, and the refusals that go with them.
/// 3: workshops, their participants (anonymous), participants' identities (personal data, kept
/// by the institution that ran the workshop) and contributions.
/// 4: citizen juries (sessions, jurors, applications, score sheets: kept by the institution that
/// runs the jury) and the refusal of a juror past the fifteenth.
pub const PROTOCOL_VERSION: u32 = 4;

/// One installation of the app (a laptop), chosen by it at first start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientId(pub Uuid);

/// A mutation's identity: its laptop and its rank among that laptop's mutations (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MutationId {
    pub client: ClientId,
    pub seq: u64,
}

pub use crate::fields::{snake_case, RecordKey, RecordKind};

/// A field's value, as JSON (text, boolean, date as text, ids…).
pub type Value = serde_json::Value;

pub use crate::fields::{field_kind, fields_of_kind, FieldKind};

/// A change made on a laptop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Mutation {
    pub id: MutationId,
    pub record: RecordKey,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "op", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Change {
    /// A new record, with all its fields. The server decides who owns it: commitments belong to
    /// their lead institution (the creator's until one is named), milestones to their
    /// commitment's owner, the plan's structure to nobody in particular.
    Create { fields: BTreeMap<String, Value> },
    /// One field set to `value` by a person who saw `base` in it: the base of the three-way
    /// merge when someone else changed the field meanwhile.
    Set { field: String, value: Value, base: Value },
    /// The record deleted, with what belongs to it (an engagement area's commitments, a
    /// commitment's milestones), by a person who had seen the server's changes up to version
    /// `seen`: a change by someone else after that, to the record or to what belongs to it, makes
    /// the deletion refused rather than erase what the person never saw. (`None` from laptops
    /// that did not say.)
    Delete {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seen: Option<u64>,
    },
}

/// What became of one mutation. Every mutation gets exactly one, kept by the server so that a
/// replay gets the same answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Outcome {
    /// Stored as sent, at this version.
    Applied { version: u64 },
    /// Someone else changed other paragraphs meanwhile: both kept, `value` stored at `version`.
    Merged { version: u64, value: Value },
    /// Someone else changed the same thing meanwhile: their value stays until a person
    /// resolves; `proposed` is a merge keeping both versions of each conflicting paragraph.
    Conflict { theirs: Value, theirs_version: u64, proposed: Option<Value> },
    /// Refused, with the reason; nothing was written.
    Rejected { refusal: Refusal },
}

/// Why a mutation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub enum Refusal {
    /// The person's role or institution does not allow this change.
    Forbidden,
    /// No such record on the server.
    UnknownRecord,
    /// Someone deleted the record.
    RecordDeleted,
    /// A record with this id already exists.
    AlreadyExists,
    /// The value would leave the record unusable (a title emptied, a start after its end,
    /// perhaps because someone else changed the other date meanwhile, a text longer than the
    /// app accepts).
    Invalid,
    /// A record this one refers to (its commitment, its engagement area, an institution) was
    /// deleted meanwhile, or never existed on the server.
    MissingReference,
    /// Someone else changed the record, or added to it, after the person last saw it: it was
    /// not deleted, so that nobody's work is erased unseen.
    ChangedMeanwhile,
    /// Other records still refer to this one (an institution leading commitments).
    InUse,
    /// A progress report is never changed nor deleted: a correction is a new report.
    Recorded,
    /// Progress was reported on this record (or on what belongs to it): it stays, with its
    /// reports. A commitment or milestone given up is reported "withdrawn".
    HasReports,
    /// A file the report names has not reached the server whole: the laptop sends the file
    /// first.
    FileMissing,
    /// The jury session has its [`plan_ouvert_domain::JURORS_MAX`] jurors already (another
    /// laptop added jurors meanwhile).
    JuryFull,
}

impl Refusal {
    /// The reason in French, for the person whose change was refused.
    pub fn message_fr(self) -> &'static str {
        match self {
            Refusal::Forbidden => "Votre institution ou votre rôle ne vous permet pas de modifier cet élément.",
            Refusal::UnknownRecord => "Cet élément n'existe pas sur le serveur.",
            Refusal::RecordDeleted => "Cet élément a été supprimé par quelqu'un d'autre entre-temps.",
            Refusal::AlreadyExists => "Un élément avec le même identifiant existe déjà.",
            Refusal::Invalid => "Le serveur n'accepte pas cette valeur : un champ obligatoire serait vide, un texte dépasserait la longueur permise, ou une date de début viendrait après la date de fin (peut-être changée entre-temps par quelqu'un d'autre).",
            Refusal::MissingReference => "L'élément auquel celui-ci est rattaché (engagement, axe, institution) a été supprimé entre-temps : votre texte est conservé ici, copiez-le pour le reprendre ailleurs.",
            Refusal::ChangedMeanwhile => "Quelqu'un a modifié cet élément, ou y a ajouté quelque chose, depuis que vous l'avez vu : il n'a pas été supprimé. Relisez-le, puis supprimez-le à nouveau si besoin.",
            Refusal::InUse => "D'autres éléments font encore référence à celui-ci : il n'a pas été supprimé.",
            Refusal::Recorded => "Un rapport d'avancement n'est jamais modifié ni supprimé : pour le corriger, rédigez un nouveau rapport qui le corrige.",
            Refusal::FileMissing => "Un fichier joint à ce rapport n'est pas parvenu entier au serveur : le rapport n'a pas été publié. Son texte est conservé ici ; rédigez-le à nouveau en joignant le fichier.",
            Refusal::HasReports => "Des rapports d'avancement portent sur cet élément : il est conservé avec eux. S'il est abandonné, déclarez-le « Retiré » dans un nouveau rapport.",
            Refusal::JuryFull => "Le jury compte déjà 15 jurés (d'autres ont été ajoutés entre-temps sur un autre ordinateur) : ce juré n'a pas été ajouté. Son nom est conservé ici.",
        }
    }
}

/// A laptop's mutations, oldest first, starting anywhere after those already acknowledged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PushRequest {
    pub protocol: u32,
    pub client: ClientId,
    pub mutations: Vec<Mutation>,
    /// The highest number the server has acknowledged to this laptop: if the server knows less,
    /// it lost some (restored from a backup) and says so with [`PushResponse::lost_from`].
    #[serde(default)]
    pub acknowledged: u64,
    /// Another laptop's mutations, carried here in a bundle ([`crate::bundle`]) and relayed by
    /// the person sending the request: each is applied once, under its own identity, only if
    /// that person may make it; a mutation they may not make, or one the server holds another
    /// of under that number, ends the relay without an outcome being kept — the laptop it comes
    /// from sends it itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relay: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PushResponse {
    /// What became of each mutation processed, in order (replays included).
    pub results: Vec<MutationResult>,
    /// The next sequence number the server expects from this laptop. Mutations after a gap
    /// (an earlier one lost on the way) are not processed: the laptop sends them again.
    pub next_expected: u64,
    /// This laptop's mutation of that number is not the one the server processed under the same
    /// number: another laptop uses the same identity (a copied data folder, a laptop restored
    /// from a backup). Nothing was processed from it on; the laptop takes a new identity and
    /// sends its pending mutations again under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_reused_at: Option<u64>,
    /// The server has no trace of this laptop's mutations from this number on, although it had
    /// acknowledged them (it was restored from a backup). Nothing was processed; the laptop sends
    /// them again, with its pending ones, under a new identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_from: Option<u64>,
    /// The laptop this answers, so that an answer to a former identity is never taken for one
    /// to the current one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<ClientId>,
}

/// The outcome of the laptop's mutation number `seq`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MutationResult {
    pub seq: u64,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PullRequest {
    pub protocol: u32,
    /// The server version up to which the laptop is up to date.
    pub since: u64,
    /// At most this many field changes in the answer (the server also caps it at
    /// [`PULL_PAGE`]); the laptop asks again while the answer says `more`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Asks how many records the answer leaves waiting after it (its `remaining`): the first
    /// request of a long sync, so the laptop can show how far it is. Counted once, not per page.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub count: bool,
}

/// The most field changes one pull answer carries: a first sync of a large plan comes in pages,
/// each taken in by the laptop in its own transaction.
pub const PULL_PAGE: usize = 20_000;

/// A field's value at a server version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub record: RecordKey,
    pub field: String,
    pub value: Value,
    pub version: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PullResponse {
    /// Latest value of each field changed after `since`, among records the person may see.
    pub changes: Vec<FieldChange>,
    /// Records deleted after `since`, with the version of the deletion.
    pub deleted: Vec<(RecordKey, u64)>,
    /// The version this answer brings the laptop up to: its next `since`.
    pub head: u64,
    /// More changes wait after `head`: ask again.
    #[serde(default)]
    pub more: bool,
    /// Records the person could see and no longer may (their lead institution changed), with the
    /// version of the change: the laptop removes its copy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<(RecordKey, u64)>,
    /// The server's history: a new one after the server was restored from a backup, when
    /// versions known to a laptop may name other writes. The laptop then receives everything
    /// again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
    /// The `since` of the request this answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<u64>,
    /// When the request asked (`count`): how many records the person may see have changes
    /// after this answer's `head`, still to come.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<u64>,
}

/// The server's history. A server restored from a backup starts a new one, from the version the
/// backup had reached: what laptops know beyond it may be lost, and their versions may name other
/// writes in the new history.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub id: Uuid,
    /// The history this one continues after a restore, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Uuid>,
    /// The version up to which this history and its parent are the same.
    #[serde(default)]
    pub from: u64,
}

/// A request that cannot be processed at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ProtocolError {
    /// The app speaks another protocol version: it must be updated.
    UnsupportedVersion { supported: u32 },
}

/// The person a valid token belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    pub institution_id: Uuid,
    pub institution_name: String,
    pub role: Role,
}

impl Person {
    pub fn actor(&self) -> Actor {
        Actor { institution: self.institution_id, role: self.role, person: self.id }
    }
}

/// Who the token belongs to: what the app checks when a person enters server and token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub person: Person,
    /// The protocol version the server speaks.
    pub protocol: u32,
}
