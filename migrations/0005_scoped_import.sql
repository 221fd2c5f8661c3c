-- Plan ouvert — local store: imports that are chosen, scoped to a country and reversible.

-- The country whose plans an institution carries ('' for any country's: institutions made here
-- by hand, and those made before institutions had a country).
ALTER TABLE institution ADD COLUMN country TEXT NOT NULL DEFAULT '';
DROP INDEX institution_name;
CREATE UNIQUE INDEX institution_name ON institution (country COLLATE NOCASE, name COLLATE NOCASE);

-- A plan of another country imported as a reference: read-only, and kept on this laptop (its
-- records are not queued for the server) until someone shares it.
ALTER TABLE plan ADD COLUMN library INTEGER NOT NULL DEFAULT 0 CHECK (library IN (0, 1));

-- Each import, so that it can be undone as a whole.
CREATE TABLE import_batch (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    file_name TEXT NOT NULL,
    -- The plans written, as JSON: [{"id", "title", "country", "library"}].
    plans     TEXT NOT NULL CHECK (json_valid(plans)),
    undone_at TEXT
) STRICT;

-- What an import wrote: each record's fields before (NULL: it did not exist) and after, so an
-- undo restores the first and refuses when a person changed the second since.
CREATE TABLE import_batch_record (
    batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL,
    before   TEXT CHECK (before IS NULL OR json_valid(before)),
    after    TEXT NOT NULL CHECK (json_valid(after)),
    tracked  INTEGER NOT NULL CHECK (tracked IN (0, 1)),
    PRIMARY KEY (batch_id, seq)
) STRICT;
