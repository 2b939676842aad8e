package vn.tonghop.warehouse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps warehouse.participation_province_total and participation_by_unit quick to read as loads
 * pile up. Every statement that writes warehouse.participation appends a row per province and
 * reporting unit to the deltas (V11, V34), so a conference reloaded many times would be summed over
 * ever more rows; this folds each unit's rows in a province into one. Loads running meanwhile are
 * safe: their deltas are not committed yet, so the fold neither sees nor removes them; besides
 * removing the committed rows it folds, it only appends rows, as the loads do.
 */
@Component
public class ProvinceTotals {

	private static final String COMPACT = """
			WITH folded AS (
			    DELETE FROM warehouse.participation_province_delta d
			    WHERE (d.conference_code, d.province_code, d.reporting_unit_code) IN (
			        SELECT conference_code, province_code, reporting_unit_code
			        FROM warehouse.participation_province_delta
			        GROUP BY conference_code, province_code, reporting_unit_code HAVING count(*) > 1)
			    RETURNING d.*
			), kept AS (
			    INSERT INTO warehouse.participation_province_delta (conference_code, province_code,
			        reporting_unit_code, points, points_central, points_province, points_district,
			        points_grassroots, points_cell, participants, members_attending, others_attending)
			    SELECT conference_code, province_code, reporting_unit_code, sum(points), sum(points_central),
			           sum(points_province), sum(points_district), sum(points_grassroots), sum(points_cell),
			           sum(participants), sum(members_attending), sum(others_attending)
			    FROM folded GROUP BY conference_code, province_code, reporting_unit_code
			    HAVING sum(points) <> 0
			    RETURNING 1
			)
			SELECT (SELECT count(*) FROM folded) - (SELECT count(*) FROM kept)
			""";

	private final JdbcTemplate jdbc;

	ProvinceTotals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Folds each unit's deltas in a province into one row; one whose points add up to none keeps no
	 * row, as the views show none for it.
	 * @return how many rows fewer the deltas have
	 */
	public long compact() {
		return this.jdbc.queryForObject(COMPACT, Long.class);
	}

}
