-- Plan ouvert — local store and central server: evidence files kept in the pieces they arrive in.
-- The server applies this very file too (its migration 4): the table is the same on both sides.

-- A file's bytes, one row per piece (at most one chunk, 1 MiB, each: `plan_ouvert_sync::files`),
-- contiguous from the start up to what is held (`evidence_file.received`). One blob per file made
-- room for the whole file before its first chunk (written twice, zeros first), and SQLite reached
-- a chunk's place in that blob by walking its pages from the start: a file of 25 MiB took some
-- two seconds a side. A piece is written once and read alone.
CREATE TABLE evidence_chunk (
    sha256 TEXT NOT NULL REFERENCES evidence_file (sha256) ON DELETE CASCADE,
    start  INTEGER NOT NULL CHECK (start >= 0),
    data   BLOB NOT NULL CHECK (length(data) > 0),
    PRIMARY KEY (sha256, start)
) STRICT;

-- The files already here, cut into pieces of one chunk.
WITH RECURSIVE piece (sha256, start, received) AS (
    SELECT sha256, 0, received FROM evidence_file WHERE received > 0
    UNION ALL
    SELECT sha256, start + 1048576, received FROM piece WHERE start + 1048576 < received
)
INSERT INTO evidence_chunk (sha256, start, data)
SELECT p.sha256, p.start, substr(f.data, p.start + 1, min(1048576, p.received - p.start))
FROM piece p JOIN evidence_file f ON f.sha256 = p.sha256;

ALTER TABLE evidence_file DROP COLUMN data;
