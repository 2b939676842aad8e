-- The unit directory a file is placed with now reads the reform's links too (a unit that ended is
-- named with the units that took its place), so a change of the links alone must make it reload.
CREATE TRIGGER unit_conversion_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tonghop.unit_conversion
    FOR EACH STATEMENT EXECUTE FUNCTION tonghop.reference_version_bump();
