-- Plan ouvert — central server: what sync needs for records given to another institution,
-- mutations replayed from a copied data folder, and a database restored from a backup.

-- The version at which a record last changed owner (its lead institution changed): the people
-- who no longer see it are told to remove their copy.
ALTER TABLE sync_record ADD COLUMN owned_since INTEGER NOT NULL DEFAULT 0;

-- What each processed mutation changed (a digest), so that another mutation under the same
-- number (a copied data folder) is not taken for it.
ALTER TABLE sync_outcome ADD COLUMN digest TEXT;

-- This database's history: a new one after it is restored from a backup
-- (`plan-ouvert-server restored`), continuing `parent` up to version `from_version`; and the
-- version it stood at when the server last opened it.
CREATE TABLE sync_timeline (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    timeline     TEXT NOT NULL,
    parent       TEXT,
    from_version INTEGER NOT NULL,
    opened_at    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Which records refer to a record (its children, what uses an institution).
CREATE INDEX sync_field_plan ON sync_field (value) WHERE field = 'planId';
CREATE INDEX sync_field_area ON sync_field (value) WHERE field = 'areaId';
CREATE INDEX sync_field_commitment ON sync_field (value) WHERE field = 'commitmentId';
CREATE INDEX sync_field_lead ON sync_field (value) WHERE field = 'leadInstitutionId';
CREATE INDEX sync_record_by_owner_change ON sync_record (owned_since) WHERE owned_since > 0;
-- A pull reads the deletions after its cursor: without an index, the whole table each time.
CREATE INDEX sync_record_by_deletion ON sync_record (deleted_at) WHERE deleted_at IS NOT NULL;

-- The person each laptop identity belongs to (the first who pushed under it): another person's
-- push under it comes from a copied data folder.
CREATE TABLE sync_client_person (
    client TEXT PRIMARY KEY,
    person TEXT NOT NULL
) STRICT;
