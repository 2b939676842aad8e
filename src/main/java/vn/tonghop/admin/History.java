package vn.tonghop.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every version of a unit's submission for a conference, and what each load changed. */
@Component
public class History {

	private static final String CHANGE = "SELECT id, submission_id, replaced_submission_id, conference_code, "
			+ "reporting_unit_code, changed_at, points_before, points_after, members_before, members_after, others_before, "
			+ "others_after, participants_before, participants_after, points_added, points_removed, points_changed "
			+ "FROM tonghop.submission_change ";

	private static final String POINTS = """
			SELECT kind, point_name, host_unit_code, point_level, format_before, format_after, date_before, date_after,
			       members_before, members_after, others_before, others_after, source_row_before, source_row_after
			FROM tonghop.submission_change_point WHERE change_id = ?
			UNION ALL
			SELECT 'added', p.point_name, p.host_unit_code, p.point_level, NULL, p.format, NULL, p.session_date,
			       NULL, p.members_attending, NULL, p.others_attending, NULL, p.source_row
			FROM tonghop.submission_change c JOIN warehouse.participation p ON p.conference_code = c.conference_code
			    AND p.reporting_unit_code = c.reporting_unit_code AND p.submission_id = c.submission_id
			WHERE c.id = ? AND c.points_before = 0
			""";

	private final JdbcTemplate jdbc;

	History(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The versions, oldest first; each with the change of its latest load, if it was ever loaded. */
	public List<Version> versions(String unitCode, String conferenceCode) {
		return this.jdbc.query("""
				SELECT s.id, v.version, s.file_name, s.sheet_name, s.received_at, s.state, s.is_current, s.rows_loaded,
				       s.first_problem
				FROM tonghop.submission s JOIN tonghop.submission_version v ON v.submission_id = s.id
				WHERE s.unit_code = ? AND s.conference_code = ?
				ORDER BY v.version
				""", (rs, i) -> new Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getBoolean(7),
				(Integer) rs.getObject(8), rs.getString(9), latestChange(rs.getLong(1)).orElse(null)), unitCode,
				conferenceCode);
	}

	/** The loads of one submission, oldest first: more than one when it was rerun. */
	public List<Change> changes(long submissionId) {
		return this.jdbc.query(CHANGE + "WHERE submission_id = ? ORDER BY id", History::change, submissionId);
	}

	public Optional<Change> latestChange(long submissionId) {
		return this.jdbc.query(CHANGE + "WHERE submission_id = ? ORDER BY id DESC LIMIT 1", History::change, submissionId)
			.stream()
			.findFirst();
	}

	/** Changes recorded after {@code afterId}, oldest first. */
	List<Change> changesAfter(long afterId) {
		return this.jdbc.query(CHANGE + "WHERE id > ? ORDER BY id", History::change, afterId);
	}

	long lastChangeId() {
		return this.jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM tonghop.submission_change", Long.class);
	}

	/**
	 * The points a load added, removed or changed, in the order of the file. A load that replaced
	 * nothing added every point and stores none of them: they are listed from its version's rows
	 * while that version stands.
	 */
	public List<PointChange> points(long changeId) {
		return points(changeId, 0, null);
	}

	/** One window of {@link #points(long)}, read as such: a file's load can change a million points. */
	public List<PointChange> points(long changeId, long offset, int limit) {
		return points(changeId, offset, (Integer) limit);
	}

	/** How many points {@link #points(long)} lists. */
	public long pointCount(long changeId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM (" + POINTS + ") points", Long.class, changeId, changeId);
	}

	private List<PointChange> points(long changeId, long offset, Integer limit) {
		return this.jdbc.query("SELECT * FROM (" + POINTS + """
				) points
				ORDER BY coalesce(source_row_after, source_row_before), kind
				LIMIT ? OFFSET ?
				""", (rs, i) -> new PointChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
				rs.getObject(8, LocalDate.class), (Integer) rs.getObject(9), (Integer) rs.getObject(10),
				(Integer) rs.getObject(11), (Integer) rs.getObject(12), (Integer) rs.getObject(13),
				(Integer) rs.getObject(14)), changeId, changeId, limit, offset);
	}

	private static Change change(ResultSet rs, int i) throws SQLException {
		return new Change(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class), rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getLong(10),
				rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getInt(15), rs.getInt(16),
				rs.getInt(17));
	}

}
