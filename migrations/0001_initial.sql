-- Plan ouvert — local store, first schema.
--
-- Identifiers are UUIDs written as text. Instants are UTC, RFC 3339 text; calendar dates are
-- `YYYY-MM-DD` text. Tables are STRICT so a wrong type can never be stored.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE institution (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(name) > 0),
    acronym    TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL CHECK (kind IN ('ministry', 'independentAuthority', 'parliament', 'court', 'other')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX institution_name ON institution (name COLLATE NOCASE);

CREATE TABLE plan (
    id           TEXT PRIMARY KEY,
    country      TEXT NOT NULL CHECK (length(country) > 0),
    title        TEXT NOT NULL CHECK (length(title) > 0),
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    is_demo      INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (period_start <= period_end)
) STRICT;

CREATE TABLE area (
    -- An explicit integer key keeps the full-text index's row ids stable across VACUUM.
    num         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    plan_id     TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('transversal', 'thematic')),
    title       TEXT NOT NULL CHECK (length(title) > 0),
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX area_by_plan ON area (plan_id, position);

CREATE TABLE commitment (
    num                   INTEGER PRIMARY KEY,
    id                    TEXT NOT NULL UNIQUE,
    plan_id               TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    area_id               TEXT NOT NULL REFERENCES area (id) ON DELETE RESTRICT,
    position              INTEGER NOT NULL,
    title                 TEXT NOT NULL CHECK (length(title) > 0),
    brief_description     TEXT NOT NULL DEFAULT '',
    problem               TEXT NOT NULL DEFAULT '',
    causes                TEXT NOT NULL DEFAULT '',
    done_so_far           TEXT NOT NULL DEFAULT '',
    solution              TEXT NOT NULL DEFAULT '',
    expected_results      TEXT NOT NULL DEFAULT '',
    transparency          TEXT NOT NULL DEFAULT '',
    accountability        TEXT NOT NULL DEFAULT '',
    participation         TEXT NOT NULL DEFAULT '',
    lead_institution_id   TEXT REFERENCES institution (id) ON DELETE RESTRICT,
    other_supporters      TEXT NOT NULL DEFAULT '',
    start_date            TEXT,
    end_date              TEXT,
    access_to_information INTEGER NOT NULL DEFAULT 0 CHECK (access_to_information IN (0, 1)),
    civic_participation   INTEGER NOT NULL DEFAULT 0 CHECK (civic_participation IN (0, 1)),
    public_accountability INTEGER NOT NULL DEFAULT 0 CHECK (public_accountability IN (0, 1)),
    technology_innovation INTEGER NOT NULL DEFAULT 0 CHECK (technology_innovation IN (0, 1)),
    contact_name          TEXT NOT NULL DEFAULT '',
    contact_title         TEXT NOT NULL DEFAULT '',
    contact_department    TEXT NOT NULL DEFAULT '',
    contact_email         TEXT NOT NULL DEFAULT '',
    contact_phone         TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
) STRICT;
CREATE INDEX commitment_by_area ON commitment (area_id, position);
CREATE INDEX commitment_by_plan ON commitment (plan_id);
CREATE INDEX commitment_by_lead ON commitment (lead_institution_id);

-- Supporting state actors of a commitment, in the order they were chosen.
CREATE TABLE commitment_supporter (
    commitment_id  TEXT NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
    institution_id TEXT NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
    position       INTEGER NOT NULL,
    PRIMARY KEY (commitment_id, institution_id)
) STRICT;
CREATE INDEX commitment_supporter_by_institution ON commitment_supporter (institution_id);

CREATE TABLE milestone (
    id                  TEXT PRIMARY KEY,
    commitment_id       TEXT NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    title               TEXT NOT NULL CHECK (length(title) > 0),
    expected_outputs    TEXT NOT NULL DEFAULT '',
    start_date          TEXT,
    due_date            TEXT,
    lead_institution_id TEXT REFERENCES institution (id) ON DELETE RESTRICT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CHECK (start_date IS NULL OR due_date IS NULL OR start_date <= due_date)
) STRICT;
CREATE INDEX milestone_by_commitment ON milestone (commitment_id, position);
CREATE INDEX milestone_by_lead ON milestone (lead_institution_id);

-- Full-text search, case- and accent-insensitive ("ecologique" finds "écologique"), kept in step
-- with the tables by triggers so no code path can forget it.
CREATE VIRTUAL TABLE commitment_search USING fts5 (
    title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE area_search USING fts5 (
    title, description,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER commitment_search_insert AFTER INSERT ON commitment BEGIN
    INSERT INTO commitment_search (rowid, title, body) VALUES (
        new.num, new.title,
        concat_ws(char(10), new.brief_description, new.problem, new.causes, new.done_so_far,
                  new.solution, new.expected_results, new.transparency, new.accountability,
                  new.participation, new.other_supporters));
END;
CREATE TRIGGER commitment_search_update AFTER UPDATE ON commitment BEGIN
    DELETE FROM commitment_search WHERE rowid = old.num;
    INSERT INTO commitment_search (rowid, title, body) VALUES (
        new.num, new.title,
        concat_ws(char(10), new.brief_description, new.problem, new.causes, new.done_so_far,
                  new.solution, new.expected_results, new.transparency, new.accountability,
                  new.participation, new.other_supporters));
END;
CREATE TRIGGER commitment_search_delete AFTER DELETE ON commitment BEGIN
    DELETE FROM commitment_search WHERE rowid = old.num;
END;

CREATE TRIGGER area_search_insert AFTER INSERT ON area BEGIN
    INSERT INTO area_search (rowid, title, description) VALUES (new.num, new.title, new.description);
END;
CREATE TRIGGER area_search_update AFTER UPDATE ON area BEGIN
    DELETE FROM area_search WHERE rowid = old.num;
    INSERT INTO area_search (rowid, title, description) VALUES (new.num, new.title, new.description);
END;
CREATE TRIGGER area_search_delete AFTER DELETE ON area BEGIN
    DELETE FROM area_search WHERE rowid = old.num;
END;
