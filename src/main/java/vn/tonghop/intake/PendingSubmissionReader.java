package vn.tonghop.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hands out pending submissions one at a time. The claim is a row lock taken inside the chunk's
 * transaction (FOR NO KEY UPDATE SKIP LOCKED): another instance skips the file while it is being
 * loaded, and if this process dies the lock goes with its connection and the file is pending
 * again. No claim can outlive the work it protects. Not FOR UPDATE: that also blocks every row
 * that refers to the file (another instance's scan logging a copy of it) until the load ends.
 */
public class PendingSubmissionReader implements ItemReader<PendingSubmission> {

	private final JdbcTemplate jdbc;

	/** Files the run could not finish, which stay pending for the next run, with why. */
	private final Map<Long, RuntimeException> setAside;

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

	@Override
	public PendingSubmission read() {
		Long[] skipped;
		synchronized (this.setAside) {
			skipped = this.setAside.keySet().toArray(Long[]::new);
		}
		List<PendingSubmission> next = this.jdbc.query(
				"SELECT " + PendingSubmission.COLUMNS + " FROM tonghop.submission s "
						+ "WHERE s.state = 'pending' AND s.id <> ALL (?) ORDER BY s.id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED",
				PendingSubmission.ROW, (Object) skipped);
		if (next.isEmpty() && skipped.length > 0) {
			Arrays.sort(skipped);
			List<RuntimeException> causes = Arrays.stream(skipped).map(this.setAside::get).toList();
			throw (causes.size() == 1) ? causes.get(0) : new FilesSetAsideException(causes);
		}
		return next.isEmpty() ? null : next.get(0);
	}

}
