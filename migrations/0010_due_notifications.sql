-- Plan ouvert — local store: the "À faire" items this laptop has already notified.

-- An item of the "À faire" list (a milestone late, or due within 30 days) is notified once: its
-- stable key (`<kind>/<milestone>/<due date>`, `DueMilestone::key_of`) is kept here when the
-- notification is sent, and forgotten once the item leaves the list (reported complete, given
-- another due date…), so that it is told again only if it becomes news again. Becoming late
-- after being due soon is news: the key changes with the kind.
CREATE TABLE due_notified (
    key         TEXT PRIMARY KEY CHECK (length(key) > 0),
    notified_at TEXT NOT NULL
) STRICT;
