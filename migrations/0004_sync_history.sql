-- Plan ouvert — local store: what sync needs to survive a server restored from a backup, a
-- copied data folder and records given to another institution.

-- The server version at which each record was deleted or left this laptop (0: deleted here, the
-- server has not said yet), so that a late answer never brings it back, and a newer one can.
ALTER TABLE sync_tombstone ADD COLUMN deleted_at INTEGER NOT NULL DEFAULT 0;

-- This laptop's mutations and what became of them, under each of its identities: a server
-- restored from a backup may have lost acknowledged ones, which are then sent again.
CREATE TABLE sync_history (
    client   TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    mutation TEXT NOT NULL CHECK (json_valid(mutation)),
    outcome  TEXT NOT NULL CHECK (json_valid(outcome)),
    PRIMARY KEY (client, seq)
) STRICT;

-- Replaced by sync_history (it kept outcomes by number only, which a new identity reuses).
DROP TABLE sync_outcome;
