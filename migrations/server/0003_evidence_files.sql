-- Plan ouvert — central server: evidence files of progress reports.

-- Each file once, named by the SHA-256 of its bytes; room made for the whole file when its upload
-- begins, filled chunk by chunk (an upload cut off resumes where it stopped); `complete` only
-- once the bytes hash to the name. The same table as on laptops (`plan_ouvert_sync::files`).
CREATE TABLE evidence_file (
    sha256   TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size     INTEGER NOT NULL CHECK (size > 0),
    received INTEGER NOT NULL DEFAULT 0 CHECK (received BETWEEN 0 AND size),
    complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
    data     BLOB NOT NULL,
    added_at TEXT NOT NULL
) STRICT;
