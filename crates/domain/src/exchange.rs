//! Exchange files (*fichiers d'échange*): what one laptop carries to another without a network,
//! on a USB stick. The format and its checks are the sync crate's (`plan_ouvert_sync::bundle`);
//! these are what the screens show of it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::{JurySessionId, WorkshopId};

/// What an exchange file carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ExchangeScope {
    /// One workshop, with the plan it is about.
    Workshop { workshop_id: WorkshopId },
    /// One citizen jury session: its jurors, applications and every sheet handed in (all of it
    /// personal data, for the laptops of the institution that runs it).
    Jury { session_id: JurySessionId },
    /// Every change of this laptop not yet sent.
    Unsent,
}

/// An exchange file written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExchangeWritten {
    /// The records it carries.
    pub records: u32,
    /// This laptop's changes not yet sent that it carries, for another laptop to relay.
    pub changes: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Whether it holds who workshop participants are (personal data: to keep within the
    /// institution).
    pub personal_data: bool,
}

/// An exchange file taken in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExchangeImported {
    /// The same file was already imported here: nothing changed.
    pub already: bool,
    /// Who wrote it (the person, or "another computer").
    pub writer: String,
    /// When, by the writing laptop's clock (shown as such).
    pub written_at: String,
    /// The workshop it carries, if it carries one.
    pub workshop_title: Option<String>,
    pub workshop_id: Option<WorkshopId>,
    /// The jury session it carries, if it carries one, and its cohort.
    pub jury_title: Option<String>,
    pub jury_session_id: Option<JurySessionId>,
    /// Records this laptop did not have.
    pub records_added: u32,
    /// The other laptop's changes taken in here.
    pub changes_applied: u32,
    /// Its changes this laptop will send to the server on its next sync.
    pub changes_to_relay: u32,
}

/// An exchange file written where the person chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExchangeSaved {
    /// Where it was written.
    pub path: String,
    /// What it holds.
    pub written: ExchangeWritten,
}

/// What a room without internet is opened on: a workshop, or a citizen jury's session scored on
/// several laptops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum RoomSubject {
    Workshop { workshop_id: WorkshopId },
    Jury { session_id: JurySessionId },
}

impl RoomSubject {
    /// The exchange file a room's laptops exchange.
    pub fn scope(self) -> ExchangeScope {
        match self {
            RoomSubject::Workshop { workshop_id } => ExchangeScope::Workshop { workshop_id },
            RoomSubject::Jury { session_id } => ExchangeScope::Jury { session_id },
        }
    }

    /// The subject an exchange file taken in carries, if it carries one.
    pub fn of(imported: &ExchangeImported) -> Option<RoomSubject> {
        match (imported.workshop_id, imported.jury_session_id) {
            (Some(workshop_id), _) => Some(RoomSubject::Workshop { workshop_id }),
            (None, Some(session_id)) => Some(RoomSubject::Jury { session_id }),
            (None, None) => None,
        }
    }
}

/// A room opened on this laptop: what its screen shows in large type for the others to join.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomView {
    /// This laptop's address on the room's network and the room's port (`192.168.1.20:7878`).
    pub address: String,
    /// The six digits the others type.
    pub code: String,
    pub subject: RoomSubject,
    /// How many laptops exchanged with the room in the last `recent_minutes` minutes (each
    /// counted once, however often it exchanged).
    pub recent_laptops: u32,
    pub recent_minutes: u32,
    /// When the room last took an exchange in (RFC 3339), if it did.
    pub last_exchange_at: Option<String>,
}

/// Where this laptop's link with a room stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomLinkView {
    /// The room's address, as typed.
    pub address: String,
    /// The workshop or jury session exchanged.
    pub subject: RoomSubject,
    /// When the last exchange succeeded (RFC 3339), if one did.
    pub last_exchange_at: Option<String>,
    /// Why the last exchange failed, in the interface's language (`null` when it succeeded).
    pub last_error: Option<String>,
}

/// A room joined: its first exchange and the link, exchanging every few seconds from then on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomJoin {
    pub imported: ExchangeImported,
    pub link: RoomLinkView,
}
