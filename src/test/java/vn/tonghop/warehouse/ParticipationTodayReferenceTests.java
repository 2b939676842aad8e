package vn.tonghop.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.UnitFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The roll-up on today's provinces over the whole official unit lists: a national conference before
 * the reform, every province and district expected, points at real communes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ParticipationTodayReferenceTests {

	private static final Path REFERENCE = Path.of("..", "shared", "reference", "vn-units");

	private static final String SELECT = "SELECT * FROM warehouse.participation_by_province_today "
			+ "WHERE conference_code = 'NQ-2024'";

	private final UnitFiles files;

	private final JdbcTemplate jdbc;

	@Autowired
	ParticipationTodayReferenceTests(UnitFiles files, JdbcTemplate jdbc) {
		this.files = files;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void theOfficialListsAndANationalConferenceBeforeTheReform() throws IOException {
		Path communes = REFERENCE.resolve("communes-pre-2025-07.csv");
		Path conversion = REFERENCE.resolve("conversion-2025-07.csv");
		assumeTrue(Files.exists(communes) && Files.exists(conversion), () -> "no reference files in " + REFERENCE);
		ExampleFiles.clean(this.jdbc);
		this.files.importFile(communes);
		this.files.importFile(conversion);
		this.jdbc.update("""
				INSERT INTO tonghop.conference (code, title, start_date, end_date, deadline)
				VALUES ('NQ-2024', 'Hội nghị toàn quốc 2024', DATE '2024-05-10', DATE '2024-05-10', DATE '2024-05-31')""");
		// early in the conference: a point at one commune in 500 of the tree on the conference date, in its district and province
		this.jdbc.update("""
				INSERT INTO warehouse.participation (conference_code, province_code, district_code, reporting_unit_code,
				host_unit_code, point_name, point_level, format, session_date, members_attending, others_attending,
				participants, submission_id, source_row)
				SELECT 'NQ-2024', d.parent_code, d.code, d.code, u.code, u.name, 'grassroots', 'online', DATE '2024-05-10',
				       10 + n % 7, n % 5, 10 + n % 7 + n % 5, 1, n::int
				FROM (SELECT u.*, row_number() OVER (ORDER BY u.code) AS n FROM tonghop.unit u
				      WHERE u.kind = 'grassroots' AND u.valid_to = DATE '2025-06-30') u
				JOIN tonghop.unit d ON d.code = u.parent_code AND d.kind = 'district' AND d.valid_to = DATE '2025-06-30'
				WHERE u.n % 500 = 0""");
		// statistics as autovacuum keeps them on a warehouse in use
		this.jdbc.execute("ANALYZE");
	}

	@Test
	void oneConferenceOnTodaysProvincesGathersThePlacementsOnceAndLosesNothing() {
		// when
		List<Map<String, Object>> today = read();
		long processed = rowsProcessed(JsonMapper.builder().build().readTree(this.jdbc.queryForObject(
				"EXPLAIN (ANALYZE, FORMAT JSON) " + SELECT, String.class)));

		// then the placements are gathered once for the query, not once per expected unit (760 of them):
		// 26 rows per unit here, 1,216 when V7 scanned them for each
		long units = this.jdbc.queryForObject("SELECT count(*) FROM tonghop.unit", Long.class);
		assertThat(processed).as("rows processed by the plan, over %d units", units).isLessThan(100 * units);
		Map<String, Object> inForce = this.jdbc.queryForMap("""
				SELECT sum(points) AS points, sum(participants) AS participants, sum(units_expected) AS expected
				FROM warehouse.participation_by_province WHERE conference_code = 'NQ-2024'""");
		assertThat(today).hasSize(34).allSatisfy(row -> assertThat(row.get("province_code")).isNotNull());
		assertThat(today.stream().mapToLong(row -> ((Number) row.get("points")).longValue()).sum())
			.isEqualTo(((Number) inForce.get("points")).longValue());
		assertThat(today.stream().mapToLong(row -> ((Number) row.get("participants")).longValue()).sum())
			.isEqualTo(((Number) inForce.get("participants")).longValue());
		assertThat(today.stream().mapToLong(row -> ((Number) row.get("units_expected")).longValue()).sum())
			.isEqualTo(((Number) inForce.get("expected")).longValue());
	}

	/** The work a plan did, by the rows each of its nodes gave times the times it ran: no clock involved. */
	private static long rowsProcessed(JsonNode node) {
		long rows = 0;
		if (node.isArray()) {
			for (JsonNode element : node) {
				rows += rowsProcessed(element);
			}
			return rows;
		}
		JsonNode plan = node.has("Plan") ? node.get("Plan") : node;
		rows += plan.path("Actual Rows").asLong() * plan.path("Actual Loops").asLong();
		for (JsonNode child : plan.path("Plans")) {
			rows += rowsProcessed(child);
		}
		return rows;
	}

	private List<Map<String, Object>> read() {
		return this.jdbc.queryForList(SELECT);
	}

}
