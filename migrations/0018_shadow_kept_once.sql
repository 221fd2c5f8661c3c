-- The server's last value of a long text is kept once: until a person changes the field, its
-- record holds that same value, and the shadow's row keeps only the version (`value` NULL: "the
-- one the record holds"). A first sync no longer writes every long text twice. The rule that keeps
-- this true whoever writes the record is in the store (`shadow.rs`).
CREATE TABLE sync_shadow_kept_once (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT CHECK (value IS NULL OR json_valid(value)),
    version     INTEGER NOT NULL,
    PRIMARY KEY (record_kind, record_id, field)
) STRICT, WITHOUT ROWID;
INSERT INTO sync_shadow_kept_once (record_kind, record_id, field, value, version)
SELECT record_kind, record_id, field, value, version FROM sync_shadow;
DROP TABLE sync_shadow;
ALTER TABLE sync_shadow_kept_once RENAME TO sync_shadow;
-- A later migration that changes a long text of a record in place must first copy the value into
-- the field's NULL row, as the store's triggers do.
