//! Evidence files between laptops and the server: named by the SHA-256 of their bytes, so each is
//! stored and sent once however many reports refer to it; sent in chunks, each written where the
//! receiver is, so a transfer cut off (a lost answer, a closed laptop, a VPN dropping) resumes
//! where it stopped; checked whole against its name before anyone may use it.
//!
//! [`receive`] is the one rule of both directions: the server takes a laptop's upload with it,
//! a laptop takes a download with it, each over its own [`FileStore`].

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use plan_ouvert_domain::EvidenceFile;

/// The most bytes one request carries.
pub const CHUNK: usize = 1024 * 1024;

/// How much of a file a side holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileState {
    pub size: u64,
    /// Bytes held, from the start.
    pub received: u64,
    /// Whole, and its bytes hash to its name.
    pub complete: bool,
}

/// What became of a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Received {
    /// Written; the file is now at `state`.
    Written { state: FileState },
    /// Not where the receiver is (a chunk sent twice, or after one lost): nothing written; the
    /// sender goes on from `state.received`.
    Elsewhere { state: FileState },
    /// The whole file does not hash to its name (bytes damaged on the way, or a hand-made
    /// upload): it is discarded, and the sender starts again from the beginning.
    Corrupt,
    /// Not a file that may be stored: a name that is not a SHA-256, a size of zero or over the
    /// limit, or another size than the one begun with.
    Refused,
}

/// Where one side keeps files.
pub trait FileStore {
    type Error;

    fn state(&mut self, sha256: &str) -> Result<Option<FileState>, Self::Error>;
    /// Makes room for a file of `size` bytes, nothing received yet.
    fn begin(&mut self, sha256: &str, size: u64) -> Result<(), Self::Error>;
    /// Writes `bytes` at `offset` and records how much is held and whether it is complete.
    fn write(&mut self, sha256: &str, offset: u64, bytes: &[u8], state: FileState) -> Result<(), Self::Error>;
    /// The bytes held of a file, from `offset`, at most `length`.
    fn read(&mut self, sha256: &str, offset: u64, length: usize) -> Result<Vec<u8>, Self::Error>;
    /// Forgets a file (its bytes did not hash to its name).
    fn discard(&mut self, sha256: &str) -> Result<(), Self::Error>;
}

/// The SHA-256 of `bytes`, as files are named.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Takes a chunk of the file `sha256` of `size` bytes, sent from `offset`.
pub fn receive<S: FileStore>(
    store: &mut S,
    sha256: &str,
    size: u64,
    offset: u64,
    bytes: &[u8],
) -> Result<Received, S::Error> {
    if !EvidenceFile::is_sha256(sha256) || size == 0 || size > EvidenceFile::MAX_SIZE || bytes.len() > CHUNK {
        return Ok(Received::Refused);
    }
    let state = match store.state(sha256)? {
        Some(state) if state.size != size => return Ok(Received::Refused),
        Some(state) => state,
        None => {
            store.begin(sha256, size)?;
            FileState { size, received: 0, complete: false }
        }
    };
    let end = offset.saturating_add(bytes.len() as u64);
    if state.complete || offset != state.received || bytes.is_empty() || end > size {
        return Ok(Received::Elsewhere { state });
    }
    let mut next = FileState { size, received: end, complete: false };
    if end < size {
        store.write(sha256, offset, bytes, next)?;
        return Ok(Received::Written { state: next });
    }
    // The last chunk: the whole file must hash to its name before it counts. The bytes held are
    // read back as stored and hashed a chunk at a time (never the whole file in memory).
    let mut hasher = Sha256::new();
    let mut held = 0;
    while held < offset {
        let piece = store.read(sha256, held, CHUNK.min((offset - held) as usize))?;
        if piece.is_empty() {
            break;
        }
        held += piece.len() as u64;
        hasher.update(&piece);
    }
    hasher.update(bytes);
    if held != offset || hex(&hasher.finalize()) != sha256 {
        store.discard(sha256)?;
        return Ok(Received::Corrupt);
    }
    next.complete = true;
    store.write(sha256, offset, bytes, next)?;
    Ok(Received::Written { state: next })
}

/// The files in memory (the simulation; tests).
#[derive(Debug, Default, Clone)]
pub struct MemoryFiles {
    files: std::collections::BTreeMap<String, (FileState, Vec<u8>)>,
}

impl MemoryFiles {
    /// Every file held, complete or not.
    pub fn all(&self) -> impl Iterator<Item = (&String, &FileState, &Vec<u8>)> {
        self.files.iter().map(|(sha, (state, bytes))| (sha, state, bytes))
    }

    /// A complete file's bytes.
    pub fn complete(&self, sha256: &str) -> Option<&[u8]> {
        self.files.get(sha256).filter(|(state, _)| state.complete).map(|(_, bytes)| bytes.as_slice())
    }

    /// Keeps a file made here (attached on this laptop), whole.
    pub fn keep(&mut self, bytes: Vec<u8>) -> String {
        let sha = sha256_hex(&bytes);
        let size = bytes.len() as u64;
        self.files.insert(sha.clone(), (FileState { size, received: size, complete: true }, bytes));
        sha
    }
}

impl FileStore for MemoryFiles {
    type Error = std::convert::Infallible;

    fn state(&mut self, sha256: &str) -> Result<Option<FileState>, Self::Error> {
        Ok(self.files.get(sha256).map(|(state, _)| *state))
    }

    fn begin(&mut self, sha256: &str, size: u64) -> Result<(), Self::Error> {
        self.files.insert(sha256.to_string(), (FileState { size, received: 0, complete: false }, Vec::new()));
        Ok(())
    }

    fn write(&mut self, sha256: &str, offset: u64, bytes: &[u8], state: FileState) -> Result<(), Self::Error> {
        if let Some((held, data)) = self.files.get_mut(sha256) {
            data.truncate(offset as usize);
            data.extend_from_slice(bytes);
            *held = state;
        }
        Ok(())
    }

    fn read(&mut self, sha256: &str, offset: u64, length: usize) -> Result<Vec<u8>, Self::Error> {
        Ok(self
            .files
            .get(sha256)
            .map(|(_, data)| data.iter().skip(offset as usize).take(length).copied().collect())
            .unwrap_or_default())
    }

    fn discard(&mut self, sha256: &str) -> Result<(), Self::Error> {
        self.files.remove(sha256);
        Ok(())
    }
}

/// The `evidence_file` table (the same on a laptop and on the server: `sha256` primary key,
/// `size`, `received`, `complete`, `added_at`) and the file's bytes in `evidence_chunk`, one row
/// per chunk received (`sha256`, `start`, `data`), contiguous from the start: a chunk is written
/// once and read alone, whatever the file's size.
#[cfg(feature = "sqlite")]
#[derive(Debug)]
pub struct SqliteFiles<'a>(pub &'a rusqlite::Connection);

#[cfg(feature = "sqlite")]
impl SqliteFiles<'_> {
    /// Keeps a whole file made here (attached on this laptop), complete, in chunks.
    pub fn keep(&mut self, sha256: &str, bytes: &[u8]) -> Result<(), rusqlite::Error> {
        let size = bytes.len() as u64;
        self.begin(sha256, size)?;
        let mut offset = 0;
        for piece in bytes.chunks(CHUNK) {
            let received = offset + piece.len() as u64;
            self.write(sha256, offset, piece, FileState { size, received, complete: received == size })?;
            offset = received;
        }
        Ok(())
    }
}

#[cfg(feature = "sqlite")]
impl FileStore for SqliteFiles<'_> {
    type Error = rusqlite::Error;

    fn state(&mut self, sha256: &str) -> Result<Option<FileState>, rusqlite::Error> {
        use rusqlite::OptionalExtension;
        self.0
            .prepare_cached("SELECT size, received, complete FROM evidence_file WHERE sha256 = ?1")?
            .query_row([sha256], |r| Ok(FileState { size: r.get(0)?, received: r.get(1)?, complete: r.get(2)? }))
            .optional()
    }

    fn begin(&mut self, sha256: &str, size: u64) -> Result<(), rusqlite::Error> {
        self.0.execute(
            "INSERT INTO evidence_file (sha256, size, added_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![sha256, size, chrono::Utc::now().to_rfc3339()],
        )?;
        Ok(())
    }

    fn write(&mut self, sha256: &str, offset: u64, bytes: &[u8], state: FileState) -> Result<(), rusqlite::Error> {
        // Anything held from `offset` on is replaced (`receive` writes only where the file stands).
        self.0
            .prepare_cached("DELETE FROM evidence_chunk WHERE sha256 = ?1 AND start >= ?2")?
            .execute(rusqlite::params![sha256, offset])?;
        self.0
            .prepare_cached("INSERT INTO evidence_chunk (sha256, start, data) VALUES (?1, ?2, ?3)")?
            .execute(rusqlite::params![sha256, offset, bytes])?;
        self.0
            .prepare_cached("UPDATE evidence_file SET received = ?2, complete = ?3 WHERE sha256 = ?1")?
            .execute(rusqlite::params![sha256, state.received, state.complete])?;
        Ok(())
    }

    fn read(&mut self, sha256: &str, offset: u64, length: usize) -> Result<Vec<u8>, rusqlite::Error> {
        let end = offset.saturating_add(length as u64);
        // The chunks that hold bytes of [offset, end): from the last one starting at or before
        // `offset`.
        let mut stmt = self.0.prepare_cached(
            "SELECT start, data FROM evidence_chunk
             WHERE sha256 = ?1 AND start < ?3
               AND start >= coalesce((SELECT max(start) FROM evidence_chunk WHERE sha256 = ?1 AND start <= ?2), 0)
             ORDER BY start",
        )?;
        let mut rows = stmt.query(rusqlite::params![sha256, offset, end])?;
        let mut bytes = Vec::new();
        while let Some(row) = rows.next()? {
            let start: u64 = row.get(0)?;
            let data = row.get_ref(1)?.as_blob()?;
            if start > offset + bytes.len() as u64 {
                break; // A gap: only what is held from `offset` on, contiguous.
            }
            let from = (offset + bytes.len() as u64 - start) as usize;
            let to = data.len().min((end - start) as usize);
            if from < to {
                bytes.extend_from_slice(&data[from..to]);
            }
        }
        Ok(bytes)
    }

    fn discard(&mut self, sha256: &str) -> Result<(), rusqlite::Error> {
        self.0.execute("DELETE FROM evidence_chunk WHERE sha256 = ?1", [sha256])?;
        self.0.execute("DELETE FROM evidence_file WHERE sha256 = ?1", [sha256])?;
        Ok(())
    }
}

/// The SHA-256s of the files a report's `files` value names.
pub fn named_files(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(|f| f.get("sha256")?.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn send(store: &mut MemoryFiles, bytes: &[u8], chunk: usize) -> Received {
        let sha = sha256_hex(bytes);
        let mut offset = 0;
        loop {
            let end = (offset + chunk).min(bytes.len());
            match receive(store, &sha, bytes.len() as u64, offset as u64, &bytes[offset..end]).unwrap() {
                Received::Written { state } if state.complete => return Received::Written { state },
                Received::Written { state } | Received::Elsewhere { state } => offset = state.received as usize,
                other => return other,
            }
        }
    }

    #[test]
    fn a_file_cut_off_resumes_where_it_stopped_and_is_checked_whole() {
        let bytes: Vec<u8> = (0..10_000u32).flat_map(|i| i.to_le_bytes()).collect();
        let sha = sha256_hex(&bytes);
        let mut server = MemoryFiles::default();
        // The first chunk arrives, the second is lost, the third is sent from where the sender was.
        let first = receive(&mut server, &sha, bytes.len() as u64, 0, &bytes[..1000]).unwrap();
        assert!(matches!(first, Received::Written { state } if state.received == 1000));
        let skipped = receive(&mut server, &sha, bytes.len() as u64, 2000, &bytes[2000..3000]).unwrap();
        assert!(matches!(skipped, Received::Elsewhere { state } if state.received == 1000), "resume from 1000");
        assert!(matches!(send(&mut server, &bytes, 4096), Received::Written { state } if state.complete));
        assert_eq!(server.complete(&sha), Some(&bytes[..]));
        // Sending it again writes nothing: stored once.
        assert!(matches!(
            receive(&mut server, &sha, bytes.len() as u64, 0, &bytes[..10]).unwrap(),
            Received::Elsewhere { state } if state.complete
        ));
    }

    #[test]
    fn damaged_or_hand_made_bytes_are_never_taken_for_the_file() {
        let bytes = b"%PDF-1.7 rapport".to_vec();
        let sha = sha256_hex(&bytes);
        let mut server = MemoryFiles::default();
        let mut damaged = bytes.clone();
        damaged[3] ^= 1;
        assert_eq!(receive(&mut server, &sha, bytes.len() as u64, 0, &damaged).unwrap(), Received::Corrupt);
        assert_eq!(server.state(&sha).unwrap(), None, "discarded: the next upload starts again");
        assert!(matches!(send(&mut server, &bytes, 5), Received::Written { state } if state.complete));
        for (name, size) in [("nope", 3), (sha.as_str(), 0), (sha.as_str(), EvidenceFile::MAX_SIZE + 1)] {
            assert_eq!(receive(&mut server, name, size, 0, b"abc").unwrap(), Received::Refused, "{name} {size}");
        }
        assert_eq!(receive(&mut server, &sha, 99, 0, b"abc").unwrap(), Received::Refused, "another size");
    }
}
