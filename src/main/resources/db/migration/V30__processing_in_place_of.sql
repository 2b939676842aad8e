-- Why a file was processed when no one chose it: the version standing for its unit was rejected by
-- a rerun (or moved to another unit), and this earlier version was processed again to stand instead.
ALTER TABLE tonghop.processing ADD COLUMN in_place_of bigint REFERENCES tonghop.submission (id);
