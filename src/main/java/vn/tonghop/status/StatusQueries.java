package vn.tonghop.status;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.units.UnitDirectory;

/** Read-only questions about runs, files and the consolidated figures. */
@Component
public class StatusQueries {

	private final JdbcTemplate jdbc;

	StatusQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public RunReport run(long jobExecutionId) {
		// What this run did to a file is its processing's; a later run's outcome is the submission's.
		List<RunReport.FileLine> files = this.jdbc.query("""
				SELECT l.path, s.id, l.outcome = 'duplicate',
				       CASE WHEN p.id IS NULL THEN s.state ELSE p.state END,
				       CASE WHEN p.id IS NULL THEN s.unit_code ELSE p.unit_code END,
				       CASE WHEN p.id IS NULL THEN s.conference_code ELSE p.conference_code END,
				       CASE WHEN p.id IS NULL THEN coalesce(s.rows_loaded, 0) ELSE p.rows_loaded END,
				       -- an old version copied back: nothing else tells it does not count
				       coalesce(CASE WHEN l.outcome = 'duplicate' AND NOT s.is_current AND s.state <> 'rejected' THEN
				           (SELECT 'Not loaded again: a version received later stands for the unit, #' || c.id
				                   || ' (' || c.source_path || ')'
				            FROM tonghop.submission c
				            WHERE c.is_current AND c.conference_code = s.conference_code AND c.unit_code = s.unit_code
				              AND c.content_hash <> s.content_hash AND (c.received_at, c.id) > (s.received_at, s.id))
				       END, CASE WHEN p.id IS NULL THEN s.first_problem ELSE p.first_problem END),
				       -- taken here, processed by another run only: another instance's, or a restart
				       CASE WHEN l.outcome = 'new' AND p.id IS NULL AND s.job_execution_id <> ? THEN s.job_execution_id END,
				       l.id AS ord
				FROM tonghop.intake_log l JOIN tonghop.submission s ON s.id = l.submission_id
				LEFT JOIN LATERAL (SELECT * FROM tonghop.processing p
				                   WHERE p.job_execution_id = l.job_execution_id AND p.submission_id = s.id
				                   ORDER BY p.id DESC LIMIT 1) p ON l.outcome = 'new'
				WHERE l.job_execution_id = ?
				UNION ALL
				SELECT s.source_path, s.id, false, p.state, p.unit_code, p.conference_code, p.rows_loaded,
				       -- an earlier version no one chose: why the run processed it
				       CASE WHEN p.in_place_of IS NULL THEN p.first_problem
				            ELSE 'Processed again in place of #' || p.in_place_of || ', which no longer stands'
				                 || coalesce(': ' || p.first_problem, '') END,
				       NULL, 9e18 + p.id
				FROM tonghop.processing p JOIN tonghop.submission s ON s.id = p.submission_id
				WHERE p.job_execution_id = ?
				  AND NOT EXISTS (SELECT 1 FROM tonghop.intake_log l
				                  WHERE l.job_execution_id = ? AND l.submission_id = s.id AND l.outcome = 'new')
				ORDER BY ord
				""", (rs, i) -> new RunReport.FileLine(rs.getString(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getObject(9, Long.class)),
				jobExecutionId, jobExecutionId, jobExecutionId, jobExecutionId);
		return new RunReport(files);
	}

	/** Consolidated figures per reporting unit for the given conferences. */
	public List<Figures> figures(List<String> conferenceCodes) {
		if (conferenceCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("""
				SELECT conference_code, province_name, reporting_unit_code, reporting_unit_name, points,
				       points_central, points_province, points_district, points_grassroots, points_cell,
				       participants, members_total::bigint, members_studied::bigint, coverage_pct
				FROM warehouse.participation_by_unit
				WHERE conference_code = ANY (?)
				ORDER BY conference_code, province_code, reporting_unit_code
				""", StatusQueries::figures, (Object) conferenceCodes.toArray(String[]::new));
	}

	/** The conferences with the most recently loaded data, newest first. */
	public List<String> latestConferences(int limit) {
		return this.jdbc.queryForList("SELECT conference_code FROM tonghop.submission WHERE is_current "
				+ "GROUP BY conference_code ORDER BY max(processed_at) DESC LIMIT ?", String.class, limit);
	}

	/** The conference that starts last, if any: where reporting stands before any file is loaded. */
	public Optional<String> newestConference() {
		return this.jdbc
			.queryForList("SELECT code FROM tonghop.conference ORDER BY start_date DESC, code LIMIT 1", String.class)
			.stream()
			.findFirst();
	}

	/** Per province: units expected to report on the conference, reported, on time, late and missing. */
	public List<ProvinceCompleteness> completeness(String conferenceCode) {
		return this.jdbc.query("""
				SELECT c.province_code, max(p.province_name), count(*), count(*) FILTER (WHERE c.reported),
				       count(*) FILTER (WHERE c.on_time), count(*) FILTER (WHERE NOT c.on_time)
				FROM warehouse.completeness c
				LEFT JOIN warehouse.participation_by_province p
				    ON p.conference_code = c.conference_code AND p.province_code = c.province_code
				WHERE c.conference_code = ?
				GROUP BY c.province_code
				ORDER BY c.province_code
				""", (rs, i) -> new ProvinceCompleteness(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
				rs.getLong(5), rs.getLong(6)), conferenceCode);
	}

	/** The units still expected to report on the conference: who to chase. */
	public List<MissingUnit> missing(String conferenceCode) {
		return this.jdbc.query("""
				SELECT c.province_code, p.province_name, c.unit_code, c.unit_name, c.deadline
				FROM warehouse.completeness c
				LEFT JOIN warehouse.participation_by_province p
				    ON p.conference_code = c.conference_code AND p.province_code = c.province_code
				WHERE c.conference_code = ? AND NOT c.reported
				ORDER BY c.province_code, c.unit_code <> c.province_code, c.unit_code
				""", (rs, i) -> new MissingUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, java.time.LocalDate.class)), conferenceCode);
	}

	public boolean submissionExists(long id) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM tonghop.submission WHERE id = ?)", Boolean.class, id));
	}

	/** The conference's code as stored, whatever the case of its letters, as a file's cell names it. */
	public Optional<String> conferenceCode(String sent) {
		return this.jdbc
			.queryForList("SELECT code FROM tonghop.conference WHERE upper(code) = upper(?)", String.class, sent)
			.stream()
			.findFirst();
	}

	/**
	 * The unit's code as the tree writes it, in any version: codes match whatever the case of their
	 * letters, as the API's and a folder's do. Empty when no unit has it.
	 */
	public Optional<String> unitCode(String sent) {
		return UnitDirectory.storedCode(this.jdbc, sent);
	}

	/**
	 * The latest executions, each named by what started it: a restart is a later execution of the
	 * same job instance (it resumes the one before), a rerun carries the submissions it requeued.
	 */
	public List<RecentRun> recentRuns(int limit) {
		return this.jdbc.query("""
				SELECT e.job_execution_id,
				       coalesce('restart of ' || (SELECT max(b.job_execution_id) FROM batch.batch_job_execution b
				                                  WHERE b.job_instance_id = e.job_instance_id
				                                    AND b.job_execution_id < e.job_execution_id),
				                CASE WHEN EXISTS (SELECT 1 FROM batch.batch_job_execution_params p
				                                  WHERE p.job_execution_id = e.job_execution_id
				                                    AND p.parameter_name = 'rerun') THEN 'rerun' END,
				                i.job_name),
				       e.start_time, e.end_time, e.status, e.exit_message,
				       (SELECT count(DISTINCT p.submission_id) FROM tonghop.processing p
				        WHERE p.job_execution_id = e.job_execution_id),
				       (SELECT coalesce(sum(p.rows_loaded), 0) FROM tonghop.processing p
				        WHERE p.job_execution_id = e.job_execution_id AND p.state <> 'rejected')
				FROM batch.batch_job_execution e JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
				ORDER BY e.job_execution_id DESC LIMIT ?
				""", (rs, i) -> new RecentRun(rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.LocalDateTime.class),
				rs.getObject(4, java.time.LocalDateTime.class), rs.getString(5), rs.getString(6), rs.getLong(7),
				rs.getLong(8)), limit);
	}

	public List<StateCount> filesByState() {
		return this.jdbc.query("SELECT state, count(*), max(coalesce(processed_at, received_at)) FROM tonghop.submission "
				+ "GROUP BY state ORDER BY state",
				(rs, i) -> new StateCount(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)));
	}

	private static Figures figures(ResultSet rs, int row) throws SQLException {
		return new Figures(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
				(Long) rs.getObject(12, Long.class), (Long) rs.getObject(13, Long.class), rs.getObject(14, BigDecimal.class));
	}

	public record RecentRun(long executionId, String job, java.time.LocalDateTime started,
			java.time.LocalDateTime ended, String status, String exitMessage, long files, long rows) {
	}

	public record ProvinceCompleteness(String provinceCode, String provinceName, long expected, long reported,
			long onTime, long late) {

		public long missing() {
			return this.expected - this.reported;
		}

	}

	public record MissingUnit(String provinceCode, String provinceName, String unitCode, String unitName,
			java.time.LocalDate deadline) {
	}

	public record StateCount(String state, long files, OffsetDateTime latest) {
	}

}
