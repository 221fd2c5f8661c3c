-- A search as one types asks, for each of the plan's commitments, whether the full-text index
-- found it or its area. Read from the table, that touches one page of long texts per commitment
-- (on a national plan, thousands per keystroke); this index holds all the search reads, a few
-- hundred small pages for the whole plan.
CREATE INDEX commitment_found ON commitment (plan_id, area_id, id);
