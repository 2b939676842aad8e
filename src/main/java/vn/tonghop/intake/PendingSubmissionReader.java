package vn.tonghop.intake;

import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hands out pending submissions one at a time. The claim is a row lock taken inside the chunk's
 * transaction (FOR UPDATE SKIP LOCKED): another instance skips the file while it is being
 * loaded, and if this process dies the lock goes with its connection and the file is pending
 * again. No claim can outlive the work it protects.
 */
public class PendingSubmissionReader implements ItemReader<PendingSubmission> {

	private final JdbcTemplate jdbc;

	public PendingSubmissionReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public PendingSubmission read() {
		List<PendingSubmission> next = this.jdbc.query(
				"SELECT id, file_name, source_path, folder_unit_code, archive_path FROM tonghop.submission "
						+ "WHERE state = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
				(rs, i) -> new PendingSubmission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						Path.of(rs.getString(5))));
		return next.isEmpty() ? null : next.get(0);
	}

}
