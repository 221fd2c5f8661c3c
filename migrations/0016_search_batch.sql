-- Taking in thousands of records at once (a page of a first sync) with the full-text index kept
-- by the triggers row by row is about three times as slow as filling it once for them all: each
-- statement that touches the index makes it write what it holds to disk. While a row of
-- `search_batch` exists (only ever inside one transaction, see `store/src/search_batch.rs`),
-- the triggers note which commitments and areas changed in `search_pending` instead, and the
-- index is brought up to date for all of them at the end of that transaction. Outside a batch,
-- the triggers keep the index in step as before, so no code path can forget it.

-- What the index holds of each row, written once: the triggers and the batch both read it.
CREATE VIEW commitment_search_source (num, title, body) AS
    SELECT num, title,
           concat_ws(char(10), brief_description, problem, causes, done_so_far, solution, expected_results,
                     transparency, accountability, participation, other_supporters)
    FROM commitment;
CREATE VIEW area_search_source (num, title, description) AS
    SELECT num, title, description FROM area;

CREATE TABLE search_batch (
    id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;

CREATE TABLE search_pending (
    tbl TEXT NOT NULL CHECK (tbl IN ('commitment', 'area')),
    num INTEGER NOT NULL,
    PRIMARY KEY (tbl, num)
) STRICT, WITHOUT ROWID;

DROP TRIGGER commitment_search_insert;
DROP TRIGGER commitment_search_update;
DROP TRIGGER commitment_search_delete;
DROP TRIGGER area_search_insert;
DROP TRIGGER area_search_update;
DROP TRIGGER area_search_delete;

CREATE TRIGGER commitment_search_insert AFTER INSERT ON commitment
WHEN NOT EXISTS (SELECT 1 FROM search_batch) BEGIN
    INSERT INTO commitment_search (rowid, title, body)
        SELECT num, title, body FROM commitment_search_source WHERE num = new.num;
END;
CREATE TRIGGER commitment_search_update AFTER UPDATE ON commitment
WHEN NOT EXISTS (SELECT 1 FROM search_batch) BEGIN
    DELETE FROM commitment_search WHERE rowid = old.num;
    INSERT INTO commitment_search (rowid, title, body)
        SELECT num, title, body FROM commitment_search_source WHERE num = new.num;
END;
CREATE TRIGGER commitment_search_delete AFTER DELETE ON commitment
WHEN NOT EXISTS (SELECT 1 FROM search_batch) BEGIN
    DELETE FROM commitment_search WHERE rowid = old.num;
END;

CREATE TRIGGER area_search_insert AFTER INSERT ON area
WHEN NOT EXISTS (SELECT 1 FROM search_batch) BEGIN
    INSERT INTO area_search (rowid, title, description)
        SELECT num, title, description FROM area_search_source WHERE num = new.num;
END;
CREATE TRIGGER area_search_update AFTER UPDATE ON area
WHEN NOT EXISTS (SELECT 1 FROM search_batch) BEGIN
    DELETE FROM area_search WHERE rowid = old.num;
    INSERT INTO area_search (rowid, title, description)
        SELECT num, title, description FROM area_search_source WHERE num = new.num;
END;
CREATE TRIGGER area_search_delete AFTER DELETE ON area
WHEN NOT EXISTS (SELECT 1 FROM search_batch) BEGIN
    DELETE FROM area_search WHERE rowid = old.num;
END;

-- In a batch: which rows the index must be brought up to date for (their number, which an
-- update never changes).
CREATE TRIGGER commitment_search_later_insert AFTER INSERT ON commitment
WHEN EXISTS (SELECT 1 FROM search_batch) BEGIN
    INSERT OR IGNORE INTO search_pending (tbl, num) VALUES ('commitment', new.num);
END;
CREATE TRIGGER commitment_search_later_update AFTER UPDATE ON commitment
WHEN EXISTS (SELECT 1 FROM search_batch) BEGIN
    INSERT OR IGNORE INTO search_pending (tbl, num) VALUES ('commitment', old.num);
END;
CREATE TRIGGER commitment_search_later_delete AFTER DELETE ON commitment
WHEN EXISTS (SELECT 1 FROM search_batch) BEGIN
    INSERT OR IGNORE INTO search_pending (tbl, num) VALUES ('commitment', old.num);
END;
CREATE TRIGGER area_search_later_insert AFTER INSERT ON area
WHEN EXISTS (SELECT 1 FROM search_batch) BEGIN
    INSERT OR IGNORE INTO search_pending (tbl, num) VALUES ('area', new.num);
END;
CREATE TRIGGER area_search_later_update AFTER UPDATE ON area
WHEN EXISTS (SELECT 1 FROM search_batch) BEGIN
    INSERT OR IGNORE INTO search_pending (tbl, num) VALUES ('area', old.num);
END;
CREATE TRIGGER area_search_later_delete AFTER DELETE ON area
WHEN EXISTS (SELECT 1 FROM search_batch) BEGIN
    INSERT OR IGNORE INTO search_pending (tbl, num) VALUES ('area', old.num);
END;
