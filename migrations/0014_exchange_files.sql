-- Plan ouvert — local store: exchange files between laptops without a network.

-- Other laptops' mutations, carried here in exchange files, under their own identity (client
-- and number): taken in here once each, and relayed to the server on the next sync (`relayed`
-- once it took them, or its author sent them first). Kept afterwards, so that an older file
-- imported later changes nothing.
CREATE TABLE relay_mutation (
    client   TEXT NOT NULL,
    seq      INTEGER NOT NULL CHECK (seq > 0),
    mutation TEXT NOT NULL CHECK (json_valid(mutation)),
    relayed  INTEGER NOT NULL DEFAULT 0 CHECK (relayed IN (0, 1)),
    PRIMARY KEY (client, seq)
) STRICT;
CREATE INDEX relay_mutation_pending ON relay_mutation (client, seq) WHERE relayed = 0;

-- The exchange files imported here, by their fingerprint: the same file imported again changes
-- nothing.
CREATE TABLE exchange_import (
    sha256      TEXT PRIMARY KEY,
    imported_at TEXT NOT NULL,
    writer      TEXT NOT NULL,
    written_at  TEXT NOT NULL
) STRICT;
