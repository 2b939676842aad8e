package vn.tonghop.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Submissions and their problems, filtered and paged. */
@Component
class SubmissionQueries {

	/*
	 * A submission's unit and province are named as the unit tree stood on its conference's start
	 * date (the day it was received when the conference is unknown); the province is the nearest
	 * ancestor of kind province, found by walking up the tree. A drop folder names its unit whatever
	 * the case of its letters, as it does when files are placed.
	 */
	private static final String SUBMISSIONS = """
			WITH RECURSIVE scope (code, depth) AS (
			    SELECT CAST(:within AS text), 0 WHERE CAST(:within AS text) IS NOT NULL
			    UNION
			    SELECT u.code, scope.depth + 1 FROM scope JOIN tonghop.unit u ON u.parent_code = scope.code
			    WHERE scope.depth < 8
			), taken AS (
			    SELECT s.*, coalesce(c.start_date, (s.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS as_of
			    FROM tonghop.submission s
			    LEFT JOIN tonghop.conference c ON c.code = s.conference_code
			    WHERE (CAST(:id AS bigint) IS NULL OR s.id = :id)
			      AND (CAST(:within AS text) IS NULL OR s.unit_code IN (SELECT code FROM scope)
			           OR upper(s.folder_unit_code) IN (SELECT upper(code) FROM scope))
			      AND (CAST(:conference AS text) IS NULL OR s.conference_code = :conference)
			      AND (CAST(:unit AS text) IS NULL OR s.unit_code = :unit)
			      AND (CAST(:path AS text) IS NULL OR s.source_path = :path)
			      AND (CAST(:state AS text) IS NULL OR s.state = :state)
			      AND (CAST(:current AS boolean) IS NULL OR s.is_current = :current)
			      AND (CAST(:from AS date) IS NULL
			           OR s.received_at >= CAST(:from AS date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
			      AND (CAST(:to AS date) IS NULL
			           OR s.received_at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
			), placed AS (
			    SELECT t.*,
			           (SELECT u.name FROM tonghop.unit u
			            WHERE u.code = t.unit_code
			              AND (u.valid_from IS NULL OR u.valid_from <= t.as_of)
			              AND (u.valid_to IS NULL OR u.valid_to >= t.as_of)
			            ORDER BY u.valid_from DESC NULLS LAST LIMIT 1) AS unit_name,
			           (WITH RECURSIVE up (code, parent_code, kind, depth) AS (
			                SELECT u.code, u.parent_code, u.kind, 0 FROM tonghop.unit u
			                WHERE u.code = t.unit_code
			                  AND (u.valid_from IS NULL OR u.valid_from <= t.as_of)
			                  AND (u.valid_to IS NULL OR u.valid_to >= t.as_of)
			                UNION ALL
			                SELECT p.code, p.parent_code, p.kind, up.depth + 1
			                FROM up JOIN tonghop.unit p ON p.code = up.parent_code
			                  AND (p.valid_from IS NULL OR p.valid_from <= t.as_of)
			                  AND (p.valid_to IS NULL OR p.valid_to >= t.as_of)
			                WHERE up.kind <> 'province' AND up.depth < 8)
			            SELECT code FROM up WHERE kind = 'province' ORDER BY depth LIMIT 1) AS province_code
			    FROM taken t
			)
			SELECT p.id, p.file_name, p.source_path, p.state, p.is_current, p.unit_code, p.unit_name, p.province_code,
			       p.conference_code, p.report_date, p.rows_loaded, p.received_at, p.processed_at, p.first_problem,
			       (SELECT count(*) FROM tonghop.submission_problem q
			        WHERE q.submission_id = p.id AND q.severity = 'error') AS errors,
			       (SELECT count(*) FROM tonghop.submission_problem q
			        WHERE q.submission_id = p.id AND q.severity = 'warning') AS warnings,
			       EXISTS (SELECT 1 FROM tonghop.submission_report r WHERE r.submission_id = p.id) AS reported
			FROM placed p
			WHERE (CAST(:province AS text) IS NULL OR p.province_code = :province)
			""";

	private static final String PROBLEMS = """
			SELECT seq, code, severity, sheet, row_number, column_name, value, message_vi, message_en
			FROM tonghop.submission_problem
			WHERE submission_id = :id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final SubmissionLinks links;

	private final WarehouseQueries warehouse;

	SubmissionQueries(NamedParameterJdbcTemplate jdbc, SubmissionLinks links, WarehouseQueries warehouse) {
		this.jdbc = jdbc;
		this.links = links;
		this.warehouse = warehouse;
	}

	/**
	 * Matching submissions, the most recently received first.
	 * @param within only those of this unit's subtree (reported for, or dropped in its folders); null: all
	 */
	Page<SubmissionRow> submissions(SubmissionFilter filter, String within, PageRequest paging) {
		return PagedSql.page(this.jdbc, SUBMISSIONS, "received_at DESC, id DESC", parameters(null, filter, within),
				(rs, i) -> submission(rs), paging);
	}

	Optional<SubmissionDetails> submission(long id, String within) {
		return this.jdbc
			.query(SUBMISSIONS, parameters(id, SubmissionFilter.none(), within),
					(rs, i) -> submission(rs))
			.stream()
			.findFirst()
			.map(row -> new SubmissionDetails(row, this.jdbc.query(PROBLEMS + " ORDER BY seq",
					new MapSqlParameterSource("id", id), (rs, i) -> problem(rs))));
	}

	/** A submission's stored problems in the order they were found; empty when there is no such submission. */
	Page<ProblemRow> problems(long id, PageRequest paging) {
		return PagedSql.page(this.jdbc, PROBLEMS, "seq", new MapSqlParameterSource("id", id), (rs, i) -> problem(rs),
				paging);
	}

	/** What the district got back for the submission: its JSON report or its workbook. */
	Optional<DistrictReport> districtReport(long id, String kind) {
		return this.jdbc.query("SELECT file_name, media_type, content FROM tonghop.submission_report "
				+ "WHERE submission_id = :id AND kind = :kind", new MapSqlParameterSource("id", id).addValue("kind", kind),
				(rs, i) -> new DistrictReport(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.stream()
			.findFirst();
	}

	/** Whether the submission exists and lies within the unit's subtree (null: anywhere). */
	boolean visible(long id, String within) {
		return within == null ? exists(id)
				: !this.jdbc.query(SUBMISSIONS, parameters(id, SubmissionFilter.none(), within), (rs, i) -> rs.getLong("id"))
					.isEmpty();
	}

	boolean exists(long id) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM tonghop.submission WHERE id = :id)",
				new MapSqlParameterSource("id", id), Boolean.class));
	}

	private MapSqlParameterSource parameters(Long id, SubmissionFilter filter, String within) {
		return new MapSqlParameterSource("id", id).addValue("within", within)
			.addValue("conference", this.warehouse.conferenceFilter(filter.conference()))
			.addValue("province", filter.province())
			.addValue("unit", this.warehouse.unitFilter(filter.unit()))
			.addValue("state", filter.state())
			.addValue("current", filter.current())
			.addValue("from", filter.from())
			.addValue("to", filter.to())
			.addValue("path", filter.path());
	}

	private SubmissionRow submission(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		return new SubmissionRow(id, rs.getString("file_name"), rs.getString("source_path"), rs.getString("state"),
				rs.getBoolean("is_current"), rs.getString("unit_code"), rs.getString("unit_name"),
				rs.getString("province_code"), rs.getString("conference_code"), rs.getObject("report_date", LocalDate.class),
				rs.getObject("rows_loaded", Integer.class), PagedSql.vietnamTime(rs, "received_at"),
				PagedSql.vietnamTime(rs, "processed_at"), rs.getLong("errors"), rs.getLong("warnings"),
				rs.getString("first_problem"), this.links.of(id, rs.getBoolean("reported")));
	}

	private static ProblemRow problem(ResultSet rs) throws SQLException {
		return new ProblemRow(rs.getInt("seq"), rs.getString("code"), rs.getString("severity"), rs.getString("sheet"),
				rs.getObject("row_number", Integer.class), rs.getString("column_name"), rs.getString("value"),
				rs.getString("message_vi"), rs.getString("message_en"));
	}

	/** A stored report file: name, media type and bytes. */
	record DistrictReport(String fileName, String mediaType, byte[] content) {
	}

}
