-- Plan ouvert — central plan API, first schema.
--
-- Who may do what (institutions, people, hashed tokens) and the sync state: every field of every
-- record with the server version that last wrote it, and what became of each laptop's mutations
-- (so a replayed request gets the same answer).

CREATE TABLE institution (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
    acronym TEXT NOT NULL DEFAULT '',
    kind    TEXT NOT NULL CHECK (kind IN ('ministry', 'independentAuthority', 'parliament', 'court', 'other'))
) STRICT;

CREATE TABLE person (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    institution_id TEXT NOT NULL REFERENCES institution (id),
    role           TEXT NOT NULL CHECK (role IN ('drafter', 'coordinator', 'reader'))
) STRICT;

-- Only the SHA-256 of a token is kept: the token itself is shown once, when issued.
CREATE TABLE token (
    hash       TEXT PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES person (id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
) STRICT;

CREATE TABLE sync_head (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;
INSERT INTO sync_head (id, version) VALUES (1, 0);

CREATE TABLE sync_record (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    owner      TEXT NOT NULL,
    deleted_at INTEGER,
    PRIMARY KEY (kind, id)
) STRICT;

CREATE TABLE sync_field (
    kind    TEXT NOT NULL,
    id      TEXT NOT NULL,
    field   TEXT NOT NULL,
    value   TEXT NOT NULL, -- JSON
    version INTEGER NOT NULL,
    client  TEXT NOT NULL, -- the mutation that wrote it
    seq     INTEGER NOT NULL,
    PRIMARY KEY (kind, id, field),
    FOREIGN KEY (kind, id) REFERENCES sync_record (kind, id)
) STRICT;
CREATE INDEX sync_field_by_version ON sync_field (version);

CREATE TABLE sync_client (
    client   TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE sync_outcome (
    client  TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    outcome TEXT NOT NULL, -- JSON
    PRIMARY KEY (client, seq)
) STRICT;
