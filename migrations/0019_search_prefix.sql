-- A search answers as one types, from the first letter: a one-letter prefix ("e*") made the
-- full-text index merge the lists of every word starting with it (on a national plan, twice the
-- time of a longer prefix). Both indexes now keep their words' first letters as well
-- (`prefix = '1'`, which costs next to nothing to keep up), and are filled again from their tables.
DROP TABLE commitment_search;
CREATE VIRTUAL TABLE commitment_search USING fts5 (
    title, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1'
);
INSERT INTO commitment_search (rowid, title, body) SELECT num, title, body FROM commitment_search_source;
DROP TABLE area_search;
CREATE VIRTUAL TABLE area_search USING fts5 (
    title, description,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1'
);
INSERT INTO area_search (rowid, title, description) SELECT num, title, description FROM area_search_source;
