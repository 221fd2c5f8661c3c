-- Plan ouvert — local store: a deletion can be undone for a while.

-- What a deletion removed (the record and what went with it, each with its fields and rank), so
-- that "Annuler" can bring it back: as new records with the same content, since the server keeps
-- a deleted identity deleted.
CREATE TABLE deleted_snapshot (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    records     TEXT NOT NULL CHECK (json_valid(records)),
    restored_at TEXT
) STRICT;
