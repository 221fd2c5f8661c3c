//! What the interface shows of sync with the central plan API: the connection, the changes still
//! to send, the conflicts a person must resolve and the changes the server refused.
//!
//! The sync protocol itself lives in `plan-ouvert-sync`; these are the read models of the screen,
//! with values already worded for a person (institution names, "Oui"/"Non", dates as text).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether the app can reach the central plan API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SyncConnection {
    /// No server address and token entered yet: the app works alone.
    NotConfigured,
    /// The last exchange with the server succeeded.
    Online,
    /// The server could not be reached; the app retries with a growing delay.
    Offline,
    /// The server refused the token (revoked or wrong): it must be entered again.
    Unauthorized,
}

/// Everything the status bar shows, sent again whenever one part of it changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub connection: SyncConnection,
    /// An exchange with the server is under way.
    pub syncing: bool,
    /// Local changes not yet acknowledged by the server.
    pub pending: u32,
    /// Conflicts waiting for a person's choice.
    pub conflicts: u32,
    /// Changes the server refused, kept until the person discards them.
    pub rejections: u32,
    /// Other computers' changes taken in from exchange files, which this laptop sends to the
    /// server on its next sync.
    pub relay: u32,
    /// When the last exchange with the server fully succeeded.
    pub last_success: Option<DateTime<Utc>>,
    /// Why the last attempt failed, in the interface's language.
    pub last_error: Option<String>,
    pub server_url: Option<String>,
    /// Goes up by one each time changes received from the server were written locally, so that
    /// open screens know to read again.
    pub revision: u32,
    /// A long reception under way (a first sync): how far it stands.
    pub receiving: Option<SyncProgress>,
    /// The person interrupted a long reception: no exchange starts until they ask for one. What
    /// arrived is kept, and the reception resumes from there.
    pub paused: bool,
}

/// How far a long reception stands (a first sync of a national plan comes in pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    /// Records received so far.
    pub received: u32,
    /// How many the reception brings in all, when the server said.
    pub total: Option<u32>,
    /// At the pace so far, about how many seconds are left.
    pub seconds_left: Option<u32>,
}

/// Where one commitment's changes stand with the server (its milestones included): what the
/// editor says beside "saved", so that saved here, sent and refused are never confused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordSyncState {
    /// Changes saved on this computer, not yet taken by the server.
    pub pending: u32,
    /// Changes the server refused, kept until the person discards them.
    pub refused: u32,
}

/// A person's role on the central plan API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SyncRole {
    Drafter,
    Coordinator,
    Reader,
}

/// Who the token belongs to, as the server said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncAccount {
    pub name: String,
    pub institution_name: String,
    pub role: SyncRole,
}

/// Where the token is kept on this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TokenStorage {
    /// The system's keyring (Secret Service).
    Keyring,
    /// A file in the data folder that only this user may read (no keyring on this system).
    File,
}

/// The settings screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncSettings {
    pub server_url: Option<String>,
    pub account: Option<SyncAccount>,
    pub token_storage: Option<TokenStorage>,
}

/// What a person types to connect the app to a server.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncConnectInput {
    pub server_url: String,
    pub token: String,
}

/// The kinds of records that sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SyncRecordKind {
    Plan,
    Area,
    Commitment,
    Milestone,
    Institution,
    Report,
    Round,
    Workshop,
    Participant,
    Contribution,
    /// A citizen jury's session, juror, application or score sheet.
    Jury,
}

/// A conflict waiting on this laptop (its local number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct ConflictId(#[ts(type = "number")] pub i64);

/// A refused change kept on this laptop (its local number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct RejectionId(#[ts(type = "number")] pub i64);

/// Two changes of the same field (or the same paragraph of a text) made apart: the server kept
/// "theirs" until a person chooses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictView {
    #[ts(type = "number")]
    pub id: i64,
    pub record_kind: SyncRecordKind,
    pub record_id: String,
    /// The commitment to open to see the record in context (the record itself, or a milestone's).
    pub commitment_id: Option<String>,
    /// The record's title as it is now, to recognise it.
    pub record_title: String,
    /// The field's name, as in `CommitmentEdit` / `MilestoneEdit` (e.g. `problem`, `dueDate`).
    pub field: String,
    /// Free text: the person may edit the value rather than pick one side.
    pub editable: bool,
    /// This person's value.
    pub mine: String,
    /// The value on the server, from someone else.
    pub theirs: String,
    /// For long texts: both versions of each conflicting paragraph, to edit into one.
    pub proposed: Option<String>,
    pub at: DateTime<Utc>,
}

/// How a person resolves a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "choice", rename_all = "camelCase")]
pub enum ConflictChoice {
    Mine,
    Theirs,
    /// A text written by the person (often the proposal, edited); only for editable fields.
    Text {
        value: String,
    },
}

/// What a refused change tried to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SyncAction {
    Create,
    Edit,
    Delete,
}

/// A change the server refused. Kept until the person discards it, so its text can be copied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RejectionView {
    #[ts(type = "number")]
    pub id: i64,
    pub record_kind: SyncRecordKind,
    pub record_id: String,
    pub commitment_id: Option<String>,
    pub record_title: String,
    pub action: SyncAction,
    /// The field changed, for an edit.
    pub field: Option<String>,
    /// Why the server refused, in the interface's language.
    pub reason: String,
    /// What the change contained, as text the person can copy: the value of an edit; for a
    /// creation, the texts the person wrote, in the form's order, separated by blank lines.
    pub text: String,
    pub at: DateTime<Utc>,
}
