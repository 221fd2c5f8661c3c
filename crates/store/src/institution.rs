//! Institutions: ministries, independent authorities, parliament, courts. Listing, creating,
//! changing and deleting them; how an institution is read (and a reference to one checked) is in
//! `read.rs`.

use plan_ouvert_domain::{Institution, InstitutionId, InstitutionInput, Problem, ValidInstitution};
use rusqlite::params;

use crate::read::{read_institution, read_institutions};
use crate::row::instant_text;
use crate::sync::Tracked;
use crate::{now, Entity, Error, Result, Store};
use plan_ouvert_sync::protocol::RecordKind;

fn check_unique_name(
    conn: &rusqlite::Connection,
    valid: &ValidInstitution,
    except: Option<InstitutionId>,
) -> Result<()> {
    let taken: bool = conn.query_row(
        // Among the institutions offered with this laptop's own plans: those of no country and
        // those of its country (another country's may share a name).
        "SELECT EXISTS (SELECT 1 FROM institution WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2
                          AND country IN ('', ?3 COLLATE NOCASE))",
        params![valid.name.as_str(), except.map(|id| id.to_string()), crate::setting::own_country(conn)?],
        |r| r.get(0),
    )?;
    if taken {
        Err(Problem::Duplicate.on("name").into())
    } else {
        Ok(())
    }
}

impl Store {
    /// Every institution, by name.
    pub fn list_institutions(&self) -> Result<Vec<Institution>> {
        read_institutions(&self.conn)
    }

    /// Adds an institution; names are unique (ignoring case).
    pub fn create_institution(&mut self, input: &InstitutionInput) -> Result<Institution> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        check_unique_name(&tx, &valid, None)?;
        let id = InstitutionId::new();
        let at = instant_text(now());
        tx.execute(
            "INSERT INTO institution (id, name, acronym, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![id.to_string(), valid.name.as_str(), valid.acronym.as_str(), valid.kind.code(), at],
        )?;
        Tracked::new_record(RecordKind::Institution, id.0).record(&tx)?;
        let institution = read_institution(&tx, id)?;
        tx.commit()?;
        Ok(institution)
    }

    pub fn update_institution(&mut self, id: InstitutionId, input: &InstitutionInput) -> Result<Institution> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        read_institution(&tx, id)?;
        check_unique_name(&tx, &valid, Some(id))?;
        let tracked = Tracked::before(&tx, RecordKind::Institution, id.0)?;
        tx.execute(
            "UPDATE institution SET name = ?2, acronym = ?3, kind = ?4, updated_at = ?5 WHERE id = ?1",
            params![
                id.to_string(),
                valid.name.as_str(),
                valid.acronym.as_str(),
                valid.kind.code(),
                instant_text(now())
            ],
        )?;
        tracked.record(&tx)?;
        let institution = read_institution(&tx, id)?;
        tx.commit()?;
        Ok(institution)
    }

    /// Deletes an institution no commitment or milestone refers to; otherwise refuses, saying
    /// how many records use it.
    pub fn delete_institution(&mut self, id: InstitutionId) -> Result<()> {
        let tx = self.conn.savepoint()?;
        read_institution(&tx, id)?;
        let uses: u32 = tx.query_row(
            "SELECT (SELECT count(*) FROM commitment WHERE lead_institution_id = ?1)
                  + (SELECT count(*) FROM commitment_supporter WHERE institution_id = ?1)
                  + (SELECT count(*) FROM milestone WHERE lead_institution_id = ?1)
                  + (SELECT count(*) FROM report WHERE institution_id = ?1)",
            [id.to_string()],
            |r| r.get(0),
        )?;
        if uses > 0 {
            return Err(Error::InUse { entity: Entity::Institution, count: uses });
        }
        let tracked = Tracked::before(&tx, RecordKind::Institution, id.0)?;
        tx.execute("DELETE FROM institution WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        tx.commit()?;
        Ok(())
    }
}
