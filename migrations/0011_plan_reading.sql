-- Plan ouvert — local store: reading a national plan (5,000 commitments, 100,000 reports and more).

-- Each timeline's entries in the order the roll-up reads them (the latest first), with their
-- status: the latest status of every timeline of a plan is read from this index alone, in
-- order, without sorting the reports nor reading their texts. Its first column serves what
-- `report_by_commitment` served (a commitment's reports), which it replaces.
CREATE INDEX report_by_timeline ON report (commitment_id, milestone_id, reported_on DESC, id DESC, status);
DROP INDEX report_by_commitment;

-- A plan's commitments in the order the plan shows them (by position, then title): read in that
-- order without sorting whole rows (ten long texts each) in a temporary tree. Its first column
-- serves what `commitment_by_plan` served, which it replaces.
CREATE INDEX commitment_in_plan_order ON commitment (plan_id, position, title);
DROP INDEX commitment_by_plan;
