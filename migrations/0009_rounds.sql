-- Plan ouvert — local store: reporting rounds.

-- The coordination asks every institution to report by a date ("Rapport à mi-parcours", due
-- 31 March). Part of the plan's structure: everyone receives it, coordinators change it.
CREATE TABLE round (
    id           TEXT PRIMARY KEY,
    plan_id      TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('midTerm', 'endOfTerm', 'other')),
    title        TEXT NOT NULL CHECK (length(title) > 0),
    opens_on     TEXT NOT NULL CHECK (length(opens_on) = 10),
    due_on       TEXT NOT NULL CHECK (length(due_on) = 10),
    instructions TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (opens_on <= due_on)
) STRICT;
CREATE INDEX round_by_plan ON round (plan_id, due_on);
