-- Plan ouvert — local store: sync with the central plan API.
--
-- Every local change appends its mutation to `sync_outbox` in the same transaction as the change
-- itself, so a change is never saved without being queued for the server, nor queued without
-- being saved. Sync settings (client id, last sequence number, cursor, server address, account,
-- last success) live in `setting` under keys starting with `sync.`.

-- Mutations not yet acknowledged by the server, oldest first (`plan_ouvert_sync::Mutation` as JSON).
CREATE TABLE sync_outbox (
    seq         INTEGER PRIMARY KEY,
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    mutation    TEXT NOT NULL CHECK (json_valid(mutation)),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX sync_outbox_by_record ON sync_outbox (record_kind, record_id);

-- The last value and version the server confirmed, per field: what a field shows again once
-- nothing of this laptop is pending on it.
CREATE TABLE sync_shadow (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL CHECK (json_valid(value)),
    version     INTEGER NOT NULL,
    PRIMARY KEY (record_kind, record_id, field)
) STRICT, WITHOUT ROWID;

-- Records deleted here or on the server: never shown again, whatever arrives late.
CREATE TABLE sync_tombstone (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id)
) STRICT, WITHOUT ROWID;

-- Records that never leave this laptop (the demonstration plan's institutions).
CREATE TABLE sync_local (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id)
) STRICT, WITHOUT ROWID;

-- Changes of this laptop that met someone else's, until a person chooses.
CREATE TABLE sync_conflict (
    id          INTEGER PRIMARY KEY,
    seq         INTEGER NOT NULL,
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    mine        TEXT NOT NULL CHECK (json_valid(mine)),
    theirs      TEXT NOT NULL CHECK (json_valid(theirs)),
    proposed    TEXT CHECK (proposed IS NULL OR json_valid(proposed)),
    created_at  TEXT NOT NULL
) STRICT;

-- Changes the server refused, with the whole mutation so its text can still be copied.
CREATE TABLE sync_rejection (
    id          INTEGER PRIMARY KEY,
    seq         INTEGER NOT NULL,
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    mutation    TEXT NOT NULL CHECK (json_valid(mutation)),
    refusal     TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- What became of each of this laptop's mutations (`plan_ouvert_sync::Outcome` as JSON).
CREATE TABLE sync_outcome (
    seq     INTEGER PRIMARY KEY,
    outcome TEXT NOT NULL CHECK (json_valid(outcome))
) STRICT;
