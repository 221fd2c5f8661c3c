-- Plan ouvert — local store: what the OGP commitment database brings.
--
-- Plans and commitments imported from the OGP database keep their identifiers (so importing the
-- same file again updates rather than duplicates), the commitment's text as submitted, its
-- policy-area tags and the IRM's assessment in typed form (JSON of `Assessment`), and every other
-- column of the source verbatim. Commitments drafted here leave these empty.

ALTER TABLE plan ADD COLUMN ogp_plan_id TEXT;
ALTER TABLE plan ADD COLUMN plan_number INTEGER;
CREATE UNIQUE INDEX plan_by_ogp_id ON plan (ogp_plan_id) WHERE ogp_plan_id IS NOT NULL;

ALTER TABLE commitment ADD COLUMN ogp_id TEXT;
ALTER TABLE commitment ADD COLUMN number TEXT NOT NULL DEFAULT '';
ALTER TABLE commitment ADD COLUMN short_title TEXT NOT NULL DEFAULT '';
ALTER TABLE commitment ADD COLUMN full_text TEXT NOT NULL DEFAULT '';
ALTER TABLE commitment ADD COLUMN start_date_source TEXT NOT NULL DEFAULT '';
ALTER TABLE commitment ADD COLUMN end_date_source TEXT NOT NULL DEFAULT '';
ALTER TABLE commitment ADD COLUMN policy_areas TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(policy_areas));
ALTER TABLE commitment ADD COLUMN url TEXT NOT NULL DEFAULT '';
ALTER TABLE commitment ADD COLUMN assessment TEXT CHECK (assessment IS NULL OR json_valid(assessment));
ALTER TABLE commitment ADD COLUMN source_columns TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(source_columns));
CREATE UNIQUE INDEX commitment_by_ogp_id ON commitment (ogp_id) WHERE ogp_id IS NOT NULL;
