package vn.tonghop.bench;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Q: warehouse.participation_by_province for one conference over a warehouse of generated rows,
 * spread over ten conferences and every unit of the plan.
 */
final class AnalystQuery {

	static final String CONFERENCE = "BENCH-Q3";

	private static final String QUERY = "SELECT * FROM warehouse.participation_by_province WHERE conference_code = ?";

	private AnalystQuery() {
	}

	/** Inserts the rows with one INSERT … SELECT generate_series, then vacuums and analyzes the table. */
	static void generate(JdbcTemplate jdbc, BenchPlan plan) {
		for (int q = 0; q < 10; q++) {
			jdbc.update("INSERT INTO tonghop.conference (code, title, start_date, end_date, deadline) "
					+ "VALUES (?, ?, DATE '2026-03-01', DATE '2026-03-01', DATE '2026-03-15')", "BENCH-Q" + q,
					"Hội nghị bench Q" + q);
		}
		jdbc.update("INSERT INTO warehouse.participation (conference_code, province_code, reporting_unit_code, "
				+ "host_unit_code, point_name, point_level, format, session_date, members_attending, others_attending, "
				+ "participants, submission_id, source_row) "
				+ "SELECT 'BENCH-Q' || (g % 10), lpad((1 + (c - 1) % ?)::text, 2, '0'), lpad(c::text, 5, '0'), "
				+ "lpad(c::text, 5, '0'), 'Chi bộ số ' || g, 'cell', 'online', DATE '2026-03-01', 10 + g % 90, g % 7, "
				+ "10 + g % 90 + g % 7, 0, g "
				+ "FROM (SELECT g, 1 + (g / 10) % ? AS c FROM generate_series(1, ?) g) s", plan.provinces(),
				plan.communes(), plan.warehouseRows());
		// Vacuumed as autovacuum would: index-only scans need the visibility map.
		jdbc.execute("VACUUM ANALYZE warehouse.participation");
	}

	/** The rows of the chosen conference: g % 10 = 3 for g in 1..n. */
	static long expectedPoints(BenchPlan plan) {
		return plan.warehouseRows() < 3 ? 0 : (plan.warehouseRows() - 3) / 10 + 1;
	}

	/** @return the points the view reports for the conference, after a warm-up */
	static long points(JdbcTemplate jdbc) {
		return jdbc.queryForList(QUERY, CONFERENCE).stream().mapToLong(row -> ((Number) row.get("points")).longValue()).sum();
	}

	/** The best wall time of some runs. */
	static Duration best(JdbcTemplate jdbc, int runs) {
		Duration best = null;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			jdbc.queryForList(QUERY, CONFERENCE);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			best = best == null || took.compareTo(best) < 0 ? took : best;
		}
		return best;
	}

	static List<String> explain(JdbcTemplate jdbc) {
		return jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + QUERY, String.class, CONFERENCE);
	}

}
