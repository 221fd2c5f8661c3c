//! What the person signed in on this laptop may change, judged by the server's own rule
//! (`plan_ouvert_sync::access::Actor::may_write`), so that the screens do not offer a change the
//! server would refuse, and say why. Before anyone signs in, everything here is the person's own.

use plan_ouvert_domain::{Institution, Plan, ReadOnly};
use plan_ouvert_sync::access::{Actor, Role};
use plan_ouvert_sync::protocol::{Person, RecordKind};
use rusqlite::Connection;
use uuid::Uuid;

use crate::setting::signed_in;
use crate::Result;

/// Why the person signed in may not change a record of `kind` whose lead institution is `lead`
/// (for commitments and milestones: the commitment's), or `None` when they may.
pub(crate) fn read_only(conn: &Connection, kind: RecordKind, lead: Option<&Institution>) -> Result<Option<ReadOnly>> {
    let Some(person) = signed_in(conn)? else { return Ok(None) };
    Ok(judge(&person, kind, lead))
}

/// [`read_only`] for a record of `plan`: a plan of the reference library is read-only for
/// everyone.
pub(crate) fn read_only_in(
    conn: &Connection,
    plan: &Plan,
    kind: RecordKind,
    lead: Option<&Institution>,
) -> Result<Option<ReadOnly>> {
    if plan.library {
        return Ok(Some(ReadOnly::Library { country: plan.country.clone() }));
    }
    read_only(conn, kind, lead)
}

/// Whether `institution` is the person's own: the server gives a record to the institution of
/// its directory named like its lead, so on this laptop an institution is the person's when it
/// is the directory's (same id) or named like it.
pub(crate) fn is_own(person: &Person, institution: &Institution) -> bool {
    is_own_by(person, institution.id.0, Some(&institution.name))
}

/// [`is_own`] for an institution known by its id, and by its name where one is known (an
/// exchange file's records name institutions this laptop may not hold).
pub(crate) fn is_own_by(person: &Person, id: Uuid, name: Option<&str>) -> bool {
    id == person.institution_id || name.is_some_and(|name| name.eq_ignore_ascii_case(&person.institution_name))
}

/// Whether personal data kept by `institution` (a workshop's participants, a citizen jury) may be
/// held on this laptop: its person is of that institution, or nobody is signed in yet.
pub(crate) fn personal_data_here(conn: &Connection, institution: &Institution) -> Result<bool> {
    Ok(crate::setting::signed_in(conn)?.is_none_or(|person| is_own(&person, institution)))
}

fn judge(person: &Person, kind: RecordKind, lead: Option<&Institution>) -> Option<ReadOnly> {
    // The server gives a record to the institution of its directory named like its lead (or to
    // its creator's while it has none): on this laptop, the person's own institution or not.
    let own = |institution: &Institution| is_own(person, institution);
    let (mine, theirs) = (Uuid::from_u128(1), Uuid::from_u128(2));
    let owner = match lead {
        Some(institution) if !own(institution) => theirs,
        _ => mine,
    };
    let actor = Actor { institution: mine, role: person.role, person: person.id };
    if actor.may_write(kind, owner) {
        return None;
    }
    Some(match (person.role, lead) {
        (Role::Reader, _) => ReadOnly::Reader,
        (_, Some(institution)) if owner == theirs => ReadOnly::OtherInstitution { lead: institution.name.clone() },
        _ => ReadOnly::CoordinationOnly,
    })
}

#[cfg(test)]
mod tests {
    use plan_ouvert_domain::{InstitutionId, InstitutionKind};

    use super::*;

    fn institution(name: &str) -> Institution {
        Institution {
            id: InstitutionId(Uuid::now_v7()),
            name: name.into(),
            acronym: String::new(),
            kind: InstitutionKind::Ministry,
            country: String::new(),
        }
    }

    fn person(role: Role) -> Person {
        Person {
            id: Uuid::now_v7(),
            name: "Dominique".into(),
            institution_id: Uuid::now_v7(),
            institution_name: "Ministère de la Transition écologique".into(),
            role,
        }
    }

    #[test]
    fn the_screens_offer_what_the_server_accepts() {
        let ministry = institution("Ministère de la transition écologique");
        let authority = institution("Haute Autorité pour la transparence de la vie publique");
        let drafter = person(Role::Drafter);
        assert_eq!(judge(&drafter, RecordKind::Commitment, Some(&ministry)), None);
        assert_eq!(judge(&drafter, RecordKind::Commitment, None), None, "no lead yet: the creator's");
        assert_eq!(
            judge(&drafter, RecordKind::Milestone, Some(&authority)),
            Some(ReadOnly::OtherInstitution { lead: authority.name.clone() })
        );
        assert_eq!(judge(&drafter, RecordKind::Area, None), Some(ReadOnly::CoordinationOnly));
        let reader = person(Role::Reader);
        assert_eq!(judge(&reader, RecordKind::Commitment, Some(&ministry)), Some(ReadOnly::Reader));
        let coordinator = person(Role::Coordinator);
        for kind in [RecordKind::Plan, RecordKind::Area, RecordKind::Commitment] {
            assert_eq!(judge(&coordinator, kind, Some(&authority)), None);
        }
    }
}
