//! Who may see and change what. Independent bodies are institutions like the others.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// Writes the records of its own institution.
    Drafter,
    /// Reads everything and may edit any record.
    Coordinator,
    /// Reads what is shared with it (its institution's records); writes nothing.
    Reader,
}

/// The person behind a request, as the server authenticated them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub institution: Uuid,
    pub role: Role,
}

impl Actor {
    /// Whether this person may see a record owned by `owner`.
    pub fn may_see(&self, owner: Uuid) -> bool {
        self.role == Role::Coordinator || owner == self.institution
    }

    /// Whether this person may change (or create, or delete) a record owned by `owner`.
    pub fn may_write(&self, owner: Uuid) -> bool {
        match self.role {
            Role::Coordinator => true,
            Role::Drafter => owner == self.institution,
            Role::Reader => false,
        }
    }
}
