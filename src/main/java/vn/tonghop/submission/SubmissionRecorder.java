package vn.tonghop.submission;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.validate.Problem;
import vn.tonghop.validate.ProblemList;

/** Writes a file's outcome and problems, in the same transaction as its load. */
@Component
class SubmissionRecorder {

	private final JdbcTemplate jdbc;

	SubmissionRecorder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(Outcome outcome, ProblemList problems) {
		if (outcome.current()) {
			// The unique index allows one current version per (unit, conference): retire first.
			this.jdbc.update("UPDATE tonghop.submission SET is_current = false WHERE unit_code = ? AND conference_code = ? "
					+ "AND is_current AND id <> ?", outcome.unitCode(), outcome.conferenceCode(), outcome.submissionId());
		}
		Problem first = problems.first();
		String firstProblem = (first != null) ? first.describe() : null;
		this.jdbc.update("""
				UPDATE tonghop.submission SET state = ?, job_execution_id = ?, processed_at = now(), sheet_name = ?,
				       unit_code = ?, conference_code = ?, report_date = ?, rows_loaded = ?, first_problem = ?,
				       is_current = ?
				WHERE id = ?
				""", outcome.state(), outcome.jobExecutionId(), outcome.sheet(), outcome.unitCode(),
				outcome.conferenceCode(), outcome.reportDate(), outcome.rows(),
				firstProblem, outcome.current(), outcome.submissionId());
		// The submission keeps only its latest processing; a run's own outcome is kept here.
		this.jdbc.update("""
				INSERT INTO tonghop.processing (job_execution_id, submission_id, state, unit_code, conference_code,
				                                rows_loaded, first_problem, in_place_of)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""", outcome.jobExecutionId(), outcome.submissionId(), outcome.state(), outcome.unitCode(),
				outcome.conferenceCode(), outcome.rows(), firstProblem, outcome.inPlaceOf());
		this.jdbc.update("DELETE FROM tonghop.submission_problem WHERE submission_id = ?", outcome.submissionId());
		List<Problem> kept = problems.kept();
		this.jdbc.batchUpdate("INSERT INTO tonghop.submission_problem (submission_id, seq, code, severity, sheet, "
				+ "row_number, column_name, value, message_vi, message_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						Problem problem = kept.get(i);
						ps.setLong(1, outcome.submissionId());
						ps.setInt(2, i + 1);
						ps.setString(3, problem.rule().code());
						ps.setString(4, problem.severity().code());
						ps.setString(5, problem.sheet());
						ps.setObject(6, problem.row() > 0 ? problem.row() : null);
						ps.setString(7, problem.column());
						ps.setString(8, problem.value());
						ps.setString(9, problem.messageVi());
						ps.setString(10, problem.messageEn());
					}

					@Override
					public int getBatchSize() {
						return kept.size();
					}

				});
	}

	/**
	 * @param state accepted, accepted_with_warnings or rejected
	 * @param current true when this version now stands in the warehouse
	 * @param inPlaceOf the rejected version this earlier one was processed again to stand instead of, or null
	 */
	record Outcome(long submissionId, long jobExecutionId, String state, String sheet, String unitCode,
			String conferenceCode, LocalDate reportDate, int rows, boolean current, Long inPlaceOf) {
	}

}
