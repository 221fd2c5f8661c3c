-- Plan ouvert — local store: following the plan.

-- How much a milestone counts among its commitment's, and a commitment among its area's and its
-- plan's, in the roll-up of progress: equal (1) unless a person says otherwise.
ALTER TABLE commitment ADD COLUMN weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 100);
ALTER TABLE milestone ADD COLUMN weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 100);

-- Progress reports: entries of a milestone's (or a commitment's) timeline, never changed once
-- written (a correction is a new entry naming the one it corrects). Removed only with their
-- commitment when it leaves this laptop (another account, a commitment given to another
-- institution); a person's deletion of what was reported on is refused before it gets here.
CREATE TABLE report (
    id                TEXT PRIMARY KEY,
    commitment_id     TEXT NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
    milestone_id      TEXT REFERENCES milestone (id) ON DELETE CASCADE,
    reported_on       TEXT NOT NULL CHECK (length(reported_on) = 10),
    status            TEXT NOT NULL CHECK (status IN ('notStarted', 'limited', 'substantial', 'complete', 'withdrawn')),
    done              TEXT NOT NULL DEFAULT '',
    difficulties      TEXT NOT NULL DEFAULT '',
    next_steps        TEXT NOT NULL DEFAULT '',
    results           TEXT NOT NULL DEFAULT '',
    opened_government TEXT,
    links             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links) AND json_type(links) = 'array'),
    -- No reference: the corrected entry may arrive after its correction.
    corrects          TEXT,
    author_id         TEXT NOT NULL,
    author_name       TEXT NOT NULL CHECK (length(author_name) > 0),
    institution_id    TEXT NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
    on_behalf         INTEGER NOT NULL DEFAULT 0 CHECK (on_behalf IN (0, 1)),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX report_by_commitment ON report (commitment_id, reported_on);
CREATE INDEX report_by_milestone ON report (milestone_id, reported_on);
CREATE INDEX report_by_institution ON report (institution_id);
