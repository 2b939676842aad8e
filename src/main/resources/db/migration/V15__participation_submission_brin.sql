-- Rows are looked up by submission only to trace them (participation_source, a version's history);
-- loads find a unit's rows by (conference_code, reporting_unit_code). A B-tree on submission_id
-- cost a quarter of the database's time on a large COPY. A file's rows are written together, so
-- a block-range index finds them as well and costs next to nothing to keep.
DROP INDEX warehouse.participation_submission;
CREATE INDEX participation_submission ON warehouse.participation USING brin (submission_id);
