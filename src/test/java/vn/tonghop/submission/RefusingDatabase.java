package vn.tonghop.submission;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A warehouse that refuses one point with an error no check of the pipeline foresees, as a
 * trigger or constraint of tomorrow might. Installed outside the ingest's transactions, so always
 * {@link #remove}d after a test.
 */
final class RefusingDatabase {

	private RefusingDatabase() {
	}

	/** Every row named {@code point} is refused by a trigger with the SQLSTATE of the condition name given. */
	static void refuse(JdbcTemplate jdbc, String point, String condition) {
		jdbc.execute("CREATE FUNCTION refuse_point() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "RAISE EXCEPTION 'value out of range: %', NEW.point_name USING ERRCODE = TG_ARGV[0]; END $$");
		jdbc.execute("CREATE TRIGGER refuse_point BEFORE INSERT ON warehouse.participation FOR EACH ROW WHEN (NEW.point_name = '"
				+ point.replace("'", "''") + "') EXECUTE FUNCTION refuse_point('" + condition + "')");
	}

	/** Every row named {@code point} breaks a CHECK constraint (SQLSTATE 23514). */
	static void check(JdbcTemplate jdbc, String point) {
		jdbc.execute("ALTER TABLE warehouse.participation ADD CONSTRAINT refused_point CHECK (point_name <> '"
				+ point.replace("'", "''") + "') NOT VALID");
	}

	static void remove(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE warehouse.participation DROP CONSTRAINT IF EXISTS refused_point");
		jdbc.execute("DROP TRIGGER IF EXISTS refuse_point ON warehouse.participation");
		jdbc.execute("DROP FUNCTION IF EXISTS refuse_point()");
	}

}
