-- Every file checks whether the unit tree or the conferences changed since it loaded them. Counting
-- both tables for that took a noticeable share of a small file's time; a number that every write to
-- them bumps (statement triggers, in the writer's transaction) answers from one row.
CREATE TABLE tonghop.reference_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint NOT NULL
);
INSERT INTO tonghop.reference_version (version) VALUES (1);

CREATE FUNCTION tonghop.reference_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tonghop.reference_version SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER unit_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tonghop.unit
    FOR EACH STATEMENT EXECUTE FUNCTION tonghop.reference_version_bump();
CREATE TRIGGER conference_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tonghop.conference
    FOR EACH STATEMENT EXECUTE FUNCTION tonghop.reference_version_bump();
