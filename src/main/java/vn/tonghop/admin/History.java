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

	private static final String COLUMNS = """
			kind, point_name, host_unit_code, point_level, format_before, format_after, date_before, date_after,
			members_before, members_after, others_before, others_after, source_row_before, source_row_after""";

	private static final String POINTS = "SELECT " + COLUMNS + """
			 FROM tonghop.submission_change_point WHERE change_id = ?
			UNION ALL
			SELECT 'added', p.point_name, p.host_unit_code, p.point_level, NULL, p.format, NULL, p.session_date,
			       NULL, p.members_attending, NULL, p.others_attending, NULL, p.source_row
			FROM tonghop.submission_change c JOIN warehouse.participation p ON p.conference_code = c.conference_code
			    AND p.reporting_unit_code = c.reporting_unit_code AND p.submission_id = c.submission_id
			WHERE c.id = ? AND c.points_before = 0
			""";

	private static final String ORDER = "ORDER BY coalesce(source_row_after, source_row_before), kind";

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
		return this.jdbc.query("SELECT * FROM (" + POINTS + ") points " + ORDER, History::pointChange, changeId, changeId);
	}

	/**
	 * One window of {@link #points(long)} of the change, with how many points it lists in all, read as
	 * such: a file's load can change a million points. Stored points are read by their place in the list,
	 * a range of an index whatever the window's offset, and counted by the last place; a first load's,
	 * its version's own rows, are sorted for each window.
	 */
	public PointWindow points(Change change, long offset, int limit) {
		if (change.pointsBefore() > 0) {
			List<PointChange> points = this.jdbc.query("SELECT " + COLUMNS
					+ " FROM tonghop.submission_change_point WHERE change_id = ? AND ordinal > ? ORDER BY ordinal LIMIT ?",
					History::pointChange, change.id(), offset, limit);
			return new PointWindow(points, this.jdbc.queryForObject(
					"SELECT coalesce(max(ordinal), 0) FROM tonghop.submission_change_point WHERE change_id = ?", Long.class,
					change.id()));
		}
		List<PointChange> points = this.jdbc.query("SELECT * FROM (" + POINTS + ") points " + ORDER + " LIMIT ? OFFSET ?",
				History::pointChange, change.id(), change.id(), limit, offset);
		return new PointWindow(points, this.jdbc.queryForObject("SELECT count(*) FROM (" + POINTS + ") points",
				Long.class, change.id(), change.id()));
	}

	private static PointChange pointChange(ResultSet rs, int i) throws SQLException {
		return new PointChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
				(Integer) rs.getObject(9), (Integer) rs.getObject(10), (Integer) rs.getObject(11),
				(Integer) rs.getObject(12), (Integer) rs.getObject(13), (Integer) rs.getObject(14));
	}

	private static Change change(ResultSet rs, int i) throws SQLException {
		return new Change(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class), rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getLong(10),
				rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getInt(15), rs.getInt(16),
				rs.getInt(17));
	}

}
