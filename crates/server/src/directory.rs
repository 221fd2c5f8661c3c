//! Who may use the central plan API: institutions, people (with a role in one institution) and
//! their access tokens. A token is shown once when issued; only its SHA-256 is stored.

use plan_ouvert_sync::access::Role;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A refusal of an administration command, worded for the administrator.
#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    #[error("aucune institution ne correspond à « {0} » (nom, sigle ou identifiant)")]
    UnknownInstitution(String),
    #[error("aucune personne ne s'appelle « {0} »")]
    UnknownPerson(String),
    #[error("« {0} » existe déjà")]
    Duplicate(String),
    #[error("type d'institution inconnu « {0} » : ministry, independentAuthority, parliament, court ou other")]
    UnknownKind(String),
    #[error("rôle inconnu « {0} » : drafter, coordinator ou reader")]
    UnknownRole(String),
    #[error("le nom ne peut pas être vide")]
    EmptyName,
    #[error("base de données : {0}")]
    Database(#[from] rusqlite::Error),
}

pub use plan_ouvert_sync::protocol::Person;

fn role_code(role: Role) -> &'static str {
    match role {
        Role::Drafter => "drafter",
        Role::Coordinator => "coordinator",
        Role::Reader => "reader",
    }
}

pub fn parse_role(text: &str) -> Result<Role, DirectoryError> {
    match text {
        "drafter" => Ok(Role::Drafter),
        "coordinator" => Ok(Role::Coordinator),
        "reader" => Ok(Role::Reader),
        other => Err(DirectoryError::UnknownRole(other.to_string())),
    }
}

const KINDS: [&str; 5] = ["ministry", "independentAuthority", "parliament", "court", "other"];

fn is_duplicate(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::ConstraintViolation)
}

/// Adds an institution; returns its id.
pub fn add_institution(conn: &Connection, name: &str, acronym: &str, kind: &str) -> Result<Uuid, DirectoryError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DirectoryError::EmptyName);
    }
    if !KINDS.contains(&kind) {
        return Err(DirectoryError::UnknownKind(kind.to_string()));
    }
    let id = Uuid::now_v7();
    conn.execute(
        "INSERT INTO institution (id, name, acronym, kind) VALUES (?1, ?2, ?3, ?4)",
        params![id.to_string(), name, acronym.trim(), kind],
    )
    .map_err(|e| if is_duplicate(&e) { DirectoryError::Duplicate(name.to_string()) } else { e.into() })?;
    Ok(id)
}

/// Finds an institution by id, acronym or name (ignoring case).
pub fn find_institution(conn: &Connection, key: &str) -> Result<Uuid, DirectoryError> {
    let id: Option<String> = conn
        .query_row(
            "SELECT id FROM institution WHERE id = ?1 OR (acronym <> '' AND acronym = ?1 COLLATE NOCASE)
               OR name = ?1 COLLATE NOCASE LIMIT 1",
            [key.trim()],
            |r| r.get(0),
        )
        .optional()?;
    id.and_then(|id| Uuid::parse_str(&id).ok()).ok_or_else(|| DirectoryError::UnknownInstitution(key.to_string()))
}

/// Adds a person with a role in an institution; returns their id.
pub fn add_person(conn: &Connection, name: &str, institution: &str, role: Role) -> Result<Uuid, DirectoryError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DirectoryError::EmptyName);
    }
    let institution = find_institution(conn, institution)?;
    let id = Uuid::now_v7();
    conn.execute(
        "INSERT INTO person (id, name, institution_id, role) VALUES (?1, ?2, ?3, ?4)",
        params![id.to_string(), name, institution.to_string(), role_code(role)],
    )
    .map_err(|e| if is_duplicate(&e) { DirectoryError::Duplicate(name.to_string()) } else { e.into() })?;
    Ok(id)
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Issues a new token for a person and returns it: the only time it is ever seen.
pub fn issue_token(conn: &Connection, person: &str) -> Result<String, DirectoryError> {
    let person_id: String = conn
        .query_row("SELECT id FROM person WHERE name = ?1", [person.trim()], |r| r.get(0))
        .optional()?
        .ok_or_else(|| DirectoryError::UnknownPerson(person.to_string()))?;
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(std::io::Error::other(e.to_string()))))?;
    let token = format!("po_{}", hex::encode(secret));
    conn.execute(
        "INSERT INTO token (hash, person_id, created_at) VALUES (?1, ?2, ?3)",
        params![hash(&token), person_id, chrono::Utc::now().to_rfc3339()],
    )?;
    Ok(token)
}

/// Revokes every token of a person (when `target` is a name) or the given token; returns how
/// many were revoked.
pub fn revoke(conn: &Connection, target: &str) -> Result<usize, DirectoryError> {
    let now = chrono::Utc::now().to_rfc3339();
    let by_token = conn.execute(
        "UPDATE token SET revoked_at = ?2 WHERE hash = ?1 AND revoked_at IS NULL",
        params![hash(target.trim()), now],
    )?;
    if by_token > 0 {
        return Ok(by_token);
    }
    let person: Option<String> =
        conn.query_row("SELECT id FROM person WHERE name = ?1", [target.trim()], |r| r.get(0)).optional()?;
    let Some(person) = person else { return Err(DirectoryError::UnknownPerson(target.to_string())) };
    Ok(conn.execute(
        "UPDATE token SET revoked_at = ?2 WHERE person_id = ?1 AND revoked_at IS NULL",
        params![person, now],
    )?)
}

/// The person a token belongs to, if it is valid and not revoked.
pub fn authenticate(conn: &Connection, token: &str) -> Result<Option<Person>, DirectoryError> {
    let row = conn
        .query_row(
            "SELECT p.id, p.name, p.role, i.id, i.name FROM token t
             JOIN person p ON p.id = t.person_id JOIN institution i ON i.id = p.institution_id
             WHERE t.hash = ?1 AND t.revoked_at IS NULL",
            [hash(token)],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            },
        )
        .optional()?;
    Ok(row.and_then(|(id, name, role, institution_id, institution_name)| {
        Some(Person {
            id: Uuid::parse_str(&id).ok()?,
            name,
            institution_id: Uuid::parse_str(&institution_id).ok()?,
            institution_name,
            role: parse_role(&role).ok()?,
        })
    }))
}
