-- Plan ouvert — local store: evidence files attached to progress reports.

-- The files a report gives as evidence, each named by the SHA-256 of its bytes.
ALTER TABLE report ADD COLUMN files TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(files) AND json_type(files) = 'array');

-- The files themselves, stored once however many reports name them: attached here (whole at
-- once) or coming from the server (room made for the whole file, filled chunk by chunk, so a
-- download cut off resumes where it stopped). `complete` only once the bytes hash to the name.
CREATE TABLE evidence_file (
    sha256   TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size     INTEGER NOT NULL CHECK (size > 0),
    received INTEGER NOT NULL DEFAULT 0 CHECK (received BETWEEN 0 AND size),
    complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
    data     BLOB NOT NULL,
    added_at TEXT NOT NULL
) STRICT;
