-- Plan ouvert — local store: co-construction workshops.

-- A workshop, run by an institution, about a plan (an engagement area or draft commitments).
-- Everyone who follows the plan receives it; who its participants are stays with the institution.
-- `commitment_ids` is a JSON array of ids, without references: what was discussed may be
-- deleted elsewhere, and the name stays readable in the workshop's report.
CREATE TABLE workshop (
    id             TEXT PRIMARY KEY,
    plan_id        TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    institution_id TEXT NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
    title          TEXT NOT NULL CHECK (length(title) > 0),
    held_on        TEXT NOT NULL CHECK (length(held_on) = 10),
    place          TEXT NOT NULL DEFAULT '',
    area_id        TEXT,
    commitment_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(commitment_ids) AND json_type(commitment_ids) = 'array'),
    facilitator    TEXT NOT NULL CHECK (length(facilitator) > 0),
    consent_text   TEXT NOT NULL DEFAULT '',
    keep_until     TEXT NOT NULL CHECK (length(keep_until) = 10),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (held_on <= keep_until)
) STRICT;
CREATE INDEX workshop_by_plan ON workshop (plan_id, held_on);

-- A participant, anonymous: the kind of organisation they come from, counted in the workshop's
-- report. Everyone who follows the plan receives it.
CREATE TABLE participant (
    id                TEXT PRIMARY KEY,
    workshop_id       TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    organisation_kind TEXT NOT NULL
        CHECK (organisation_kind IN ('citizen', 'association', 'company', 'administration', 'electedOfficial')),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX participant_by_workshop ON participant (workshop_id);

-- Who a participant is: personal data, on the laptops of the institution that ran the workshop
-- only, until the workshop's `keep_until` or until erased. The wording they accepted and the
-- day are kept with them; an address only when they accepted to be contacted, with what for.
-- Its id is the participant's.
CREATE TABLE identity (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (length(name) > 0),
    consent_wording TEXT NOT NULL DEFAULT '',
    consented_on    TEXT NOT NULL CHECK (length(consented_on) = 10),
    contact_email   TEXT NOT NULL DEFAULT '',
    contact_purpose TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX identity_by_participant ON identity (participant_id);

-- A contribution, by an (anonymous) participant of its workshop or by the facilitator. The id
-- lists are JSON arrays (a vote's proposals in order; what the contribution fed).
CREATE TABLE contribution (
    id                  TEXT PRIMARY KEY,
    workshop_id         TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    participant_id      TEXT REFERENCES participant (id),
    kind                TEXT NOT NULL CHECK (kind IN ('proposal', 'comment', 'vote')),
    text                TEXT NOT NULL DEFAULT '',
    about_commitment_id TEXT,
    about_milestone_id  TEXT,
    proposal_ids        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(proposal_ids) AND json_type(proposal_ids) = 'array'),
    outcome             TEXT CHECK (outcome IN ('kept', 'merged', 'notKept')),
    outcome_reason      TEXT NOT NULL DEFAULT '',
    commitment_ids      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(commitment_ids) AND json_type(commitment_ids) = 'array'),
    milestone_ids       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(milestone_ids) AND json_type(milestone_ids) = 'array'),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX contribution_by_workshop ON contribution (workshop_id, created_at);
