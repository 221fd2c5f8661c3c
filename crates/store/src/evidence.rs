//! Evidence files on this laptop: attached by a person (checked, kept whole at once) or coming
//! from the server chunk by chunk (`plan_ouvert_sync::files::receive`, the same rule the server
//! applies to uploads), stored once in the `evidence_file` table whatever the number of reports
//! naming them. The sync client asks which files to send before the reports that name them, and
//! which to fetch for the reports this laptop holds.

use plan_ouvert_domain::{EvidenceFile, FileAvailability};
use plan_ouvert_sync::files::{self, FileStore, Received, SqliteFiles as Files};
use plan_ouvert_sync::protocol::{Change, Mutation};
use rusqlite::Connection;

use crate::{Error, Result, Store};

/// Whether every file is held here whole: a report names only files this laptop can send.
pub(crate) fn check_held(conn: &Connection, named: &[EvidenceFile]) -> Result<bool> {
    for file in named {
        match Files(conn).state(&file.sha256)? {
            Some(state) if state.complete && state.size == file.size => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// A file to send or fetch: its SHA-256 and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileToMove {
    pub sha256: String,
    pub size: u64,
    /// Bytes already held here (fetching), from the start.
    pub received: u64,
}

impl Store {
    /// Keeps a file a person attaches, after checking it (kind, size, content): refused with
    /// the reason on the `files` field, nothing kept. A file already here is kept once.
    pub fn attach_evidence(&mut self, name: &str, bytes: &[u8]) -> Result<EvidenceFile> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let media_type = EvidenceFile::media_type_of(base, bytes.len() as u64, &bytes[..bytes.len().min(16)])
            .map_err(|problem| problem.on("files"))?;
        let file = EvidenceFile {
            sha256: files::sha256_hex(bytes),
            name: plan_ouvert_domain::ShortText::parse_required(base)
                .map_err(|problem| problem.on("files"))?
                .into_string(),
            size: bytes.len() as u64,
            media_type: media_type.to_string(),
        };
        let tx = self.conn.savepoint()?;
        let state = Files(&tx).state(&file.sha256)?;
        if state.is_some_and(|s| !s.complete) {
            Files(&tx).discard(&file.sha256)?; // A download under way: the whole file is here now.
        }
        if !state.is_some_and(|s| s.complete) {
            Files(&tx).keep(&file.sha256, bytes)?;
        }
        tx.commit()?;
        Ok(file)
    }

    /// A file's bytes, when held here whole.
    pub fn evidence_bytes(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        match Files(&self.conn).state(sha256)? {
            Some(state) if state.complete => Ok(Some(Files(&self.conn).read(sha256, 0, state.size as usize)?)),
            _ => Ok(None),
        }
    }

    /// Where a file stands here: whole, or arriving; `None` when nothing of it is here.
    pub fn evidence_availability(&self, sha256: &str) -> Result<Option<FileAvailability>> {
        Ok(Files(&self.conn).state(sha256)?.map(|state| match state.complete {
            true => FileAvailability::Here,
            false => FileAvailability::Arriving { received: state.received },
        }))
    }

    /// The files named by reports waiting to be sent: they go to the server before the reports.
    pub fn files_to_upload(&self) -> Result<Vec<FileToMove>> {
        let mut stmt =
            self.conn.prepare("SELECT mutation FROM sync_outbox WHERE record_kind = 'report' ORDER BY seq")?;
        let mutations = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out: Vec<FileToMove> = Vec::new();
        for mutation in mutations {
            let mutation: Mutation = serde_json::from_str(&mutation).map_err(|e| Error::Corrupt(e.to_string()))?;
            let Change::Create { fields } = mutation.change else { continue };
            for sha in fields.get("files").map(files::named_files).unwrap_or_default() {
                if out.iter().any(|f| f.sha256 == sha) {
                    continue;
                }
                if let Some(state) = Files(&self.conn).state(&sha)?.filter(|s| s.complete) {
                    out.push(FileToMove { sha256: sha, size: state.size, received: state.size });
                }
            }
        }
        Ok(out)
    }

    /// The files named by the reports held here that are not here whole yet, with what has
    /// arrived of each.
    pub fn files_to_download(&self) -> Result<Vec<FileToMove>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT json_extract(f.value, '$.sha256') AS sha, json_extract(f.value, '$.size') AS size,
                    coalesce(e.received, 0) AS received
             FROM report r, json_each(r.files) f
             LEFT JOIN evidence_file e ON e.sha256 = json_extract(f.value, '$.sha256')
             WHERE coalesce(e.complete, 0) = 0 ORDER BY r.reported_on DESC",
        )?;
        let list = stmt
            .query_map([], |r| Ok(FileToMove { sha256: r.get(0)?, size: r.get(1)?, received: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(list)
    }

    /// Takes a chunk of a file coming from the server, in one transaction: written where the
    /// download stands, and the file counts only once its bytes hash to its name.
    pub fn receive_evidence_chunk(&mut self, sha256: &str, size: u64, offset: u64, bytes: &[u8]) -> Result<Received> {
        let tx = self.conn.savepoint()?;
        let received = files::receive(&mut Files(&tx), sha256, size, offset, bytes)?;
        tx.commit()?;
        Ok(received)
    }

    /// Bytes of a file held here, to send from `offset`.
    pub fn read_evidence_chunk(&self, sha256: &str, offset: u64, length: usize) -> Result<Vec<u8>> {
        Ok(Files(&self.conn).read(sha256, offset, length)?)
    }
}
