package vn.tonghop.units;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Serialises imports of reference data across instances until the importing transaction ends.
 * Two instances started together both import jobs/reference; without this both read the stored
 * units before either had written, and the second failed on a unit the first had just added.
 */
public final class ReferenceLock {

	private ReferenceLock() {
	}

	/** Waits for any other import to commit; what is stored is read after this. */
	public static void hold(JdbcTemplate jdbc) {
		jdbc.query("SELECT pg_advisory_xact_lock(hashtext('tonghop.reference'))", rs -> null);
	}

}
