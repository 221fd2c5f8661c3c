//! Who may see and change what. Independent bodies are institutions like the others.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::fields::RecordKind;

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
    /// The person (their id in the directory): who signs a progress report.
    pub person: Uuid,
}

/// Plans, engagement areas, institutions and reporting rounds are the plan's shared structure:
/// everyone sees them, coordinators change them. Commitments, milestones and progress reports belong to an
/// institution: its people report on what it carries, the coordination on its behalf.
pub fn is_shared_structure(kind: RecordKind) -> bool {
    matches!(kind, RecordKind::Plan | RecordKind::Area | RecordKind::Institution | RecordKind::Round)
}

impl Actor {
    /// Whether this person may see a record of `kind` owned by `owner`.
    pub fn may_see(&self, kind: RecordKind, owner: Uuid) -> bool {
        is_shared_structure(kind) || self.role == Role::Coordinator || owner == self.institution
    }

    /// Whether this person may change (or create, or delete) a record of `kind` owned by `owner`.
    pub fn may_write(&self, kind: RecordKind, owner: Uuid) -> bool {
        match self.role {
            Role::Coordinator => true,
            Role::Drafter => !is_shared_structure(kind) && owner == self.institution,
            Role::Reader => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_structure_is_seen_by_all_and_changed_by_coordinators() {
        let ministry = Uuid::from_u128(1);
        let authority = Uuid::from_u128(2);
        let person = Uuid::from_u128(3);
        let drafter = Actor { institution: ministry, role: Role::Drafter, person };
        let reader = Actor { institution: ministry, role: Role::Reader, person };
        let coordinator = Actor { institution: authority, role: Role::Coordinator, person };
        for kind in [RecordKind::Plan, RecordKind::Area, RecordKind::Institution, RecordKind::Round] {
            assert!(drafter.may_see(kind, authority) && reader.may_see(kind, authority));
            assert!(!drafter.may_write(kind, ministry), "{kind:?}: drafters do not restructure the plan");
            assert!(coordinator.may_write(kind, ministry));
        }
        for kind in [RecordKind::Commitment, RecordKind::Milestone, RecordKind::Report] {
            assert!(drafter.may_see(kind, ministry) && !drafter.may_see(kind, authority));
            assert!(drafter.may_write(kind, ministry) && !drafter.may_write(kind, authority));
            assert!(!reader.may_write(kind, ministry));
            assert!(coordinator.may_see(kind, ministry) && coordinator.may_write(kind, ministry));
        }
    }
}
