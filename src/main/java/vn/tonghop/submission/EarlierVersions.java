package vn.tonghop.submission;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.intake.PendingSubmission;

/**
 * The versions that may stand for a (unit, conference) when the one standing is rejected by a rerun
 * or moves to another unit: the newest accepted one stands, as for a resubmission, so the earlier
 * ones are processed again, newest first, until one passes the rules of now.
 */
@Component
class EarlierVersions {

	private final JdbcTemplate jdbc;

	EarlierVersions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Where the submission stands in the warehouse, if it does. */
	Optional<UnitConference> standing(long submissionId) {
		return this.jdbc.query("SELECT conference_code, unit_code FROM tonghop.submission WHERE id = ? AND is_current",
				(rs, i) -> new UnitConference(rs.getString(1), rs.getString(2)), submissionId).stream().findFirst();
	}

	/** Whether a version stands for the unit; asked under the unit's lock, which its loads take. */
	boolean stands(UnitConference unit) {
		return this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM tonghop.submission WHERE is_current "
				+ "AND conference_code = ? AND unit_code = ?)", Boolean.class, unit.conferenceCode(), unit.unitCode());
	}

	/**
	 * Claims the newest version by arrival, other than those tried, that was accepted for the unit
	 * when last processed, as a run claims a pending file: one being processed elsewhere (made
	 * pending by a rerun there) is left to that run. Bytes equal to a tried file's would fare as it did.
	 */
	Optional<PendingSubmission> claimNext(UnitConference unit, List<Long> tried) {
		return this.jdbc.query("""
				SELECT %s
				FROM tonghop.submission s
				CROSS JOIN LATERAL tonghop.submission_arrival(s.id, s.conference_code, s.unit_code) arrival
				WHERE s.conference_code = ? AND s.unit_code = ? AND s.state IN ('accepted', 'accepted_with_warnings')
				  AND s.id <> ALL (?)
				  AND s.content_hash NOT IN (SELECT content_hash FROM tonghop.submission WHERE id = ANY (?))
				ORDER BY arrival.received_at DESC, arrival.id DESC, s.id DESC
				LIMIT 1 FOR NO KEY UPDATE OF s SKIP LOCKED
				""".formatted(PendingSubmission.COLUMNS), PendingSubmission.ROW, unit.conferenceCode(), unit.unitCode(),
				tried.toArray(Long[]::new), tried.toArray(Long[]::new))
			.stream()
			.findFirst();
	}

	record UnitConference(String conferenceCode, String unitCode) {
	}

}
