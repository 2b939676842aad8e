package vn.tonghop.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.warehouse.UnitLock;

/**
 * Hands out pending submissions one at a time. The claim is a row lock taken inside the chunk's
 * transaction (FOR NO KEY UPDATE SKIP LOCKED): another instance skips the file while it is being
 * loaded, and if this process dies the lock goes with its connection and the file is pending
 * again. No claim can outlive the work it protects. Not FOR UPDATE: that also blocks every row
 * that refers to the file (another instance's scan logging a copy of it) until the load ends.
 */
public class PendingSubmissionReader implements ItemReader<PendingSubmission> {

	private static final PendingSubmission UNIT_BUSY = new PendingSubmission(0, null, null, null, null, null, null, false);

	private final JdbcTemplate jdbc;

	/** Files the run could not finish, which stay pending for the next run, with why. */
	private final Map<Long, RuntimeException> setAside;

	/** The (conference, unit) a file was let go for, which the next claim waits for first; else null. */
	private String[] awaited;

	/** @param setAside shared by the run's workers, so that none tries a file another set aside */
	public PendingSubmissionReader(JdbcTemplate jdbc, Map<Long, RuntimeException> setAside) {
		this.jdbc = jdbc;
		this.setAside = setAside;
	}

	/**
	 * Leaves a file for the next run: what it did was rolled back for a fault outside the file (its
	 * reports folder, its archived copy), and the files after it must not wait for it. Each worker
	 * fails once the others are done, with the cause of each such file in the order they were taken.
	 */
	public void setAside(long submissionId, RuntimeException cause) {
		this.setAside.put(submissionId, cause);
	}

	/**
	 * Lets the next claim wait until the unit's lock is free: a file was let go for it (a rerun moving
	 * it there), and claimed again at once it would be read over and over until the unit's load ends.
	 */
	public void awaitUnit(String conferenceCode, String unitCode) {
		this.awaited = new String[] { conferenceCode, unitCode };
	}

	@Override
	public PendingSubmission read() {
		if (this.awaited != null) {
			this.jdbc.execute("SAVEPOINT tonghop_claim");
			awaitLoad(this.awaited[0], this.awaited[1]);
			this.awaited = null;
		}
		Long[] skipped;
		synchronized (this.setAside) {
			skipped = this.setAside.keySet().toArray(Long[]::new);
		}
		PendingSubmission next;
		do {
			next = claim(skipped);
		}
		while (next == UNIT_BUSY);
		if (next == null && skipped.length > 0) {
			Arrays.sort(skipped);
			List<RuntimeException> causes = Arrays.stream(skipped).map(this.setAside::get).toList();
			throw (causes.size() == 1) ? causes.get(0) : new FilesSetAsideException(causes);
		}
		return next;
	}

	/**
	 * Claims the next pending file. A version standing for its unit (a rerun's) is kept only with its
	 * unit's load lock taken at once: a load holding that lock retires the standing version, so it
	 * waits for this claim, and this claim must not then wait for the lock (a deadlock). Else the claim
	 * is let go, and taken again once that load is done.
	 * @return the file, null when none is pending, or {@link #UNIT_BUSY} to claim again
	 */
	private PendingSubmission claim(Long[] skipped) {
		this.jdbc.execute("SAVEPOINT tonghop_claim");
		List<Claim> next = this.jdbc.query("SELECT " + PendingSubmission.COLUMNS
				+ ", s.conference_code, s.unit_code FROM tonghop.submission s "
				+ "WHERE s.state = 'pending' AND s.id <> ALL (?) ORDER BY s.id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED",
				(rs, i) -> new Claim(PendingSubmission.ROW.mapRow(rs, i), rs.getString(9), rs.getString(10)),
				(Object) skipped);
		if (next.isEmpty() || !next.get(0).pending().standing()
				|| this.jdbc.queryForObject(UnitLock.TRY, Boolean.class,
						next.get(0).conferenceCode(), next.get(0).unitCode())) {
			this.jdbc.execute("RELEASE SAVEPOINT tonghop_claim");
			return next.isEmpty() ? null : next.get(0).pending();
		}
		// Waits for the load without holding the file.
		this.jdbc.execute("ROLLBACK TO SAVEPOINT tonghop_claim");
		awaitLoad(next.get(0).conferenceCode(), next.get(0).unitCode());
		return UNIT_BUSY;
	}

	/** Waits for the unit's lock after the claim's savepoint, and lets it go back with the savepoint. */
	private void awaitLoad(String conferenceCode, String unitCode) {
		this.jdbc.query(UnitLock.AWAIT, rs -> null, conferenceCode, unitCode);
		this.jdbc.execute("ROLLBACK TO SAVEPOINT tonghop_claim; RELEASE SAVEPOINT tonghop_claim");
	}

	private record Claim(PendingSubmission pending, String conferenceCode, String unitCode) {
	}

}
