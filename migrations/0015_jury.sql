-- Plan ouvert — local store: the citizen jury of the accelerator of citizen initiatives.
-- Everything here is kept by the institution that runs the jury, on its laptops only.

-- A session of the jury: one cohort's selection, with how many projects it selects.
CREATE TABLE jury_session (
    id             TEXT PRIMARY KEY,
    plan_id        TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    institution_id TEXT NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
    title          TEXT NOT NULL CHECK (length(title) > 0),
    held_on        TEXT NOT NULL CHECK (length(held_on) = 10),
    places         INTEGER NOT NULL CHECK (places BETWEEN 1 AND 10),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX jury_session_by_plan ON jury_session (plan_id, held_on);

-- A juror, by the name or pseudonym they chose.
CREATE TABLE juror (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES jury_session (id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(name) > 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX juror_by_session ON juror (session_id, created_at);

-- An application the session examines (typed, or read from the call's CSV file).
CREATE TABLE jury_application (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES jury_session (id) ON DELETE CASCADE,
    title         TEXT NOT NULL CHECK (length(title) > 0),
    applicant     TEXT NOT NULL CHECK (length(applicant) > 0),
    summary       TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    reference     TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX jury_application_by_session ON jury_application (session_id, created_at);

-- A juror's score sheet for one application: `verdict` is the JSON the sync writes (five scores,
-- or an abstention with its reason). One per juror and application: its id is made of both.
CREATE TABLE score_sheet (
    id             TEXT PRIMARY KEY,
    session_id     TEXT NOT NULL REFERENCES jury_session (id) ON DELETE CASCADE,
    juror_id       TEXT NOT NULL REFERENCES juror (id) ON DELETE CASCADE,
    application_id TEXT NOT NULL REFERENCES jury_application (id) ON DELETE CASCADE,
    verdict        TEXT NOT NULL CHECK (json_valid(verdict) AND json_type(verdict) = 'object'),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (juror_id, application_id)
) STRICT;
CREATE INDEX score_sheet_by_session ON score_sheet (session_id);
