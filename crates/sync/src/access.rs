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

/// Workshops and their contributions are the plan's consultation, open to all who follow the plan
/// (a commitment shows the contributions it came from): everyone sees them; the institution that
/// runs the workshop writes them, and the coordination on its behalf.
/// A participant is anonymous (the kind of organisation they come from), so that anyone can
/// count who took part.
pub fn is_seen_by_all(kind: RecordKind) -> bool {
    is_shared_structure(kind)
        || matches!(kind, RecordKind::Workshop | RecordKind::Participant | RecordKind::Contribution)
}

/// Personal data stays with the institution that collected it: only its people see it, and only
/// its drafters and coordinators change it — not the coordination of another institution. That
/// is a participant's identity and agreement, and everything of a citizen jury: who the jurors
/// are, the applicants and how to reach them, and each juror's scores (the jury deliberates
/// behind closed doors; its ranking is published by the institution that ran it). Deleting such
/// a record erases it: the server keeps none of its values.
pub fn is_personal_data(kind: RecordKind) -> bool {
    matches!(
        kind,
        RecordKind::Identity
            | RecordKind::JurySession
            | RecordKind::Juror
            | RecordKind::JuryApplication
            | RecordKind::ScoreSheet
    )
}

impl Actor {
    /// Whether this person may see a record of `kind` owned by `owner`.
    pub fn may_see(&self, kind: RecordKind, owner: Uuid) -> bool {
        if is_personal_data(kind) {
            return owner == self.institution;
        }
        is_seen_by_all(kind) || self.role == Role::Coordinator || owner == self.institution
    }

    /// Whether this person may change (or create, or delete) a record of `kind` owned by `owner`.
    pub fn may_write(&self, kind: RecordKind, owner: Uuid) -> bool {
        match self.role {
            Role::Coordinator if is_personal_data(kind) => owner == self.institution,
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

    #[test]
    fn a_workshop_is_seen_by_all_and_who_its_participants_are_only_by_the_institution_that_ran_it() {
        let ministry = Uuid::from_u128(1);
        let authority = Uuid::from_u128(2);
        let person = Uuid::from_u128(3);
        let drafter = Actor { institution: ministry, role: Role::Drafter, person };
        let other = Actor { institution: authority, role: Role::Drafter, person };
        let reader = Actor { institution: ministry, role: Role::Reader, person };
        let coordinator = Actor { institution: authority, role: Role::Coordinator, person };
        for kind in [RecordKind::Workshop, RecordKind::Participant, RecordKind::Contribution] {
            assert!(other.may_see(kind, ministry) && !other.may_write(kind, ministry), "{kind:?}");
            assert!(drafter.may_write(kind, ministry) && coordinator.may_write(kind, ministry), "{kind:?}");
        }
        let identity = RecordKind::Identity;
        assert!(drafter.may_see(identity, ministry) && drafter.may_write(identity, ministry));
        assert!(reader.may_see(identity, ministry) && !reader.may_write(identity, ministry));
        assert!(!other.may_see(identity, ministry) && !other.may_write(identity, ministry));
        assert!(!coordinator.may_see(identity, ministry), "not even the coordination of another institution");
        assert!(!coordinator.may_write(identity, ministry));
        assert!(coordinator.may_see(identity, authority) && coordinator.may_write(identity, authority));
    }

    #[test]
    fn a_jury_is_seen_and_written_only_by_the_institution_that_runs_it() {
        let ditp = Uuid::from_u128(1);
        let ministry = Uuid::from_u128(2);
        let person = Uuid::from_u128(3);
        let drafter = Actor { institution: ditp, role: Role::Drafter, person };
        let reader = Actor { institution: ditp, role: Role::Reader, person };
        let other = Actor { institution: ministry, role: Role::Drafter, person };
        let coordinator = Actor { institution: ministry, role: Role::Coordinator, person };
        for kind in [RecordKind::JurySession, RecordKind::Juror, RecordKind::JuryApplication, RecordKind::ScoreSheet] {
            assert!(is_personal_data(kind) && !is_seen_by_all(kind), "{kind:?}");
            assert!(drafter.may_see(kind, ditp) && drafter.may_write(kind, ditp), "{kind:?}");
            assert!(reader.may_see(kind, ditp) && !reader.may_write(kind, ditp), "{kind:?}");
            assert!(!other.may_see(kind, ditp) && !other.may_write(kind, ditp), "{kind:?}");
            assert!(!coordinator.may_see(kind, ditp) && !coordinator.may_write(kind, ditp), "{kind:?}");
        }
    }
}
