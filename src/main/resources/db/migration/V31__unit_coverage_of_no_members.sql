-- A unit summary of 0 members studied of 0 has no coverage: 0 of 0 is undefined, not 0 %, which read as
-- a unit whose members studied nothing. Such a summary keeps its figures and has a null coverage, as the
-- provinces' views already give none for a members total of 0.
ALTER TABLE warehouse.unit_coverage ALTER COLUMN coverage_pct DROP NOT NULL;

UPDATE warehouse.unit_coverage SET coverage_pct = NULL WHERE members_total = 0;

ALTER TABLE warehouse.unit_coverage
    ADD CONSTRAINT unit_coverage_pct_of_members CHECK ((coverage_pct IS NULL) = (members_total = 0));
