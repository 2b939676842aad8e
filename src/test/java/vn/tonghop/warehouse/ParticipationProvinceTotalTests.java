package vn.tonghop.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.admin.RerunRequest;
import vn.tonghop.admin.RerunResult;
import vn.tonghop.admin.Reruns;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * warehouse.participation_province_total and participation_by_unit's points and sums, summed from the
 * deltas triggers on warehouse.participation append, must equal a fresh aggregate of the table after
 * whatever wrote it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class ParticipationProvinceTotalTests {

	private static final String SUMMARY = "SELECT * FROM warehouse.participation_province_total "
			+ "ORDER BY conference_code, province_code";

	private static final String FRESH = """
			SELECT conference_code, province_code, count(*) AS points,
			       count(*) FILTER (WHERE point_level = 'central') AS points_central,
			       count(*) FILTER (WHERE point_level = 'province') AS points_province,
			       count(*) FILTER (WHERE point_level = 'district') AS points_district,
			       count(*) FILTER (WHERE point_level = 'grassroots') AS points_grassroots,
			       count(*) FILTER (WHERE point_level = 'cell') AS points_cell,
			       sum(participants) AS participants, sum(members_attending) AS members_attending,
			       sum(others_attending) AS others_attending
			FROM warehouse.participation
			GROUP BY conference_code, province_code
			ORDER BY conference_code, province_code
			""";

	private static final String UNITS = """
			SELECT conference_code, province_code, reporting_unit_code, points, points_central, points_province,
			       points_district, points_grassroots, points_cell, participants, members_attending, others_attending
			FROM warehouse.participation_by_unit WHERE points > 0
			ORDER BY conference_code, reporting_unit_code
			""";

	/** As participation_by_unit summed the points up to V34: a unit's province is the least of its rows'. */
	private static final String FRESH_UNITS = """
			SELECT conference_code, min(province_code) AS province_code, reporting_unit_code, count(*) AS points,
			       count(*) FILTER (WHERE point_level = 'central') AS points_central,
			       count(*) FILTER (WHERE point_level = 'province') AS points_province,
			       count(*) FILTER (WHERE point_level = 'district') AS points_district,
			       count(*) FILTER (WHERE point_level = 'grassroots') AS points_grassroots,
			       count(*) FILTER (WHERE point_level = 'cell') AS points_cell,
			       sum(participants) AS participants, sum(members_attending) AS members_attending,
			       sum(others_attending) AS others_attending
			FROM warehouse.participation
			GROUP BY conference_code, reporting_unit_code
			ORDER BY conference_code, reporting_unit_code
			""";

	private static final String HA_NOI = "SELECT points || ' ' || points_grassroots || ' ' || participants "
			+ "FROM warehouse.participation_province_total WHERE conference_code = 'NQDH13' AND province_code = '01'";

	@Autowired
	IngestRunner runner;

	@Autowired
	Reruns reruns;

	@Autowired
	UnitImporter units;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	ProvinceTotals provinceTotals;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void theExamplesGiveTheSummaryOfTheirRows() throws Exception {
		// given the example submissions shipped in input/
		ExampleFiles.copyExamples(this.input);

		// when
		this.runner.run(this.input, "test");

		// then Long Biên under Hà Nội, Lạng Sơn's Khối under Lạng Sơn; the rejected Thanh Hóa nowhere
		assertThat(this.jdbc.queryForList("SELECT conference_code || ' ' || province_code || ' ' || points || ' ' "
				+ "|| points_district || ' ' || points_grassroots || ' ' || participants "
				+ "FROM warehouse.participation_province_total WHERE points_district > 0 ORDER BY 1", String.class))
			.hasSize(2)
			.anySatisfy(row -> assertThat(row).startsWith("NQDH13 01 19 3 16 "))
			.contains("HNTW8-K13 20 64 1 63 3113");
		assertTheSummariesAreFreshAggregates();
	}

	@Test
	void aNewerVersionReplacesItsUnitsFigures() throws Exception {
		// given Long Biên loaded with three wards
		Path file = longBien("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy");
		this.runner.run(this.input, "test");
		assertThat(this.jdbc.queryForObject(HA_NOI, String.class)).isEqualTo("3 3 300");

		// when the district sends it again without Cự Khối
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy")));
		this.runner.run(this.input, "test");

		// then
		assertThat(this.jdbc.queryForObject(HA_NOI, String.class)).isEqualTo("2 2 200");
		assertTheSummariesAreFreshAggregates();
	}

	@Test
	void aRejectedVersionLeavesTheSummaryAsItWas() throws Exception {
		// given Long Biên loaded with two wards
		Path file = longBien("Phường Bồ Đề", "Phường Cự Khối");
		this.runner.run(this.input, "test");
		List<Map<String, Object>> before = this.jdbc.queryForList(SUMMARY);

		// when a resubmission's totals row does not add up
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")).replace(";Tổng cộng;;;100;", ";Tổng cộng;;;999;"));
		this.runner.run(this.input, "test");

		// then
		assertThat(this.jdbc.queryForList(SUMMARY)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject(HA_NOI, String.class)).isEqualTo("2 2 200");
		assertTheSummariesAreFreshAggregates();
	}

	@Test
	void aRerunAcceptingAFileAddsItsFigures() throws Exception {
		// given a file naming its unit in a way the tree does not know, rejected
		Files.writeString(this.input.resolve("lb.csv"),
				ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy")).replace("Quận ủy Long Biên", "Quận ủy LB"));
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation_province_total", Integer.class))
			.isZero();

		// when the name becomes an alias of Long Biên and the file is rerun
		this.units.importFile(Files.writeString(this.input.resolveSibling(this.input.getFileName() + "-units.csv"),
				"code,name,parent_code,kind,valid_from,valid_to,aliases\n004,Quận Long Biên,01,district,,2025-06-30,Quận LB\n"));
		RerunResult rerun = this.reruns.rerun(new RerunRequest(null, null, id, false));

		// then
		assertThat(rerun.outcomes()).singleElement().satisfies(outcome -> assertThat(outcome.stateAfter()).isEqualTo("accepted"));
		assertThat(this.jdbc.queryForObject(HA_NOI, String.class)).isEqualTo("2 2 200");
		assertTheSummariesAreFreshAggregates();
	}

	@Test
	void aWithdrawnVersionTakesItsProvinceOut() throws Exception {
		// given Long Biên accepted with a point hosted by Phường Gia Thụy
		longBien("Phường Bồ Đề", "Phường Gia Thụy");
		this.runner.run(this.input, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);
		assertThat(this.jdbc.queryForObject(HA_NOI, String.class)).isEqualTo("2 2 200");

		// when the unit tree learns the ward was gone before the conference, and the file is rerun
		this.units.importFile(Files.writeString(this.input.resolveSibling(this.input.getFileName() + "-units.csv"),
				"code,name,parent_code,kind,valid_from,valid_to,aliases\n00130,Phường Gia Thụy,004,grassroots,,2020-12-31,\n"));
		RerunResult rerun = this.reruns.rerun(new RerunRequest(null, null, id, false));

		// then the rejected file's rows leave, and Hà Nội with them: no points left, no row
		assertThat(rerun.outcomes()).singleElement().satisfies(outcome -> assertThat(outcome.stateAfter()).isEqualTo("rejected"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation_province_total", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT points FROM warehouse.participation_by_province "
				+ "WHERE conference_code = 'NQDH13' AND province_code = '01'", Long.class)).isZero();
	}

	@Test
	void aRolledBackLoadLeavesTheSummaryUntouched() throws Exception {
		// given Long Biên loaded with two wards
		longBien("Phường Bồ Đề", "Phường Cự Khối");
		this.runner.run(this.input, "test");
		List<Map<String, Object>> before = this.jdbc.queryForList(SUMMARY);

		// when a transaction replaces its rows, sees the summary follow, and rolls back
		String inside = this.transactions.execute(status -> {
			this.jdbc.update("DELETE FROM warehouse.participation WHERE reporting_unit_code = '004'");
			insertPoints("NQDH13", "01", 5);
			String seen = this.jdbc.queryForObject(HA_NOI, String.class);
			status.setRollbackOnly();
			return seen;
		});

		// then
		assertThat(inside).isEqualTo("5 0 50");
		assertThat(this.jdbc.queryForList(SUMMARY)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject(HA_NOI, String.class)).isEqualTo("2 2 200");
	}

	@Test
	void manualFixesAndBulkWritesKeepTheSummaryExact() throws Exception {
		// given Long Biên loaded and generated rows in two conferences and two provinces
		longBien("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy");
		this.runner.run(this.input, "test");
		insertPoints("NQDH13", "01", 40);
		insertPoints("HNTW8-K13", "20", 25);

		// when an administrator moves a point to another province and level, changes figures, deletes rows
		this.jdbc.update("UPDATE warehouse.participation SET province_code = '20', conference_code = 'HNTW8-K13', "
				+ "point_level = 'district' WHERE point_name = 'Phường Bồ Đề'");
		this.jdbc.update("UPDATE warehouse.participation SET members_attending = members_attending + 1, "
				+ "participants = participants + 1 WHERE point_name LIKE 'Chi bộ %' AND source_row % 3 = 0");
		this.jdbc.update("DELETE FROM warehouse.participation WHERE point_name LIKE 'Chi bộ %' AND source_row % 4 = 0");

		// then
		assertThat(this.jdbc.queryForObject(HA_NOI, String.class)).isEqualTo("32 2 510");
		assertTheSummariesAreFreshAggregates();

		// and a TRUNCATE empties it
		this.jdbc.execute("TRUNCATE warehouse.participation");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation_province_total", Integer.class))
			.isZero();
	}

	@Test
	void twoConcurrentLoadsIntoOneProvinceNeitherWaitsAndBothCount() throws Exception {
		// given a transaction that inserted points into Hà Nội and Lạng Sơn and has not committed
		try (Connection first = this.dataSource.getConnection(); Connection second = this.dataSource.getConnection()) {
			first.setAutoCommit(false);
			second.setAutoCommit(false);
			insertPoints(first, "'01'", 3);
			insertPoints(first, "'20'", 4);

			// when another inserts into both in one statement, without waiting for the first, and both commit
			ExecutorService executor = Executors.newSingleThreadExecutor();
			try {
				Future<Integer> inserted = executor.submit(() -> insertPoints(second, "CASE WHEN g % 2 = 0 THEN '01' ELSE '20' END", 10));
				assertThat(inserted.get(10, TimeUnit.SECONDS)).isEqualTo(10);
				second.commit();
				first.commit();
			}
			finally {
				executor.shutdown();
			}
		}

		// then neither lost the other's points
		assertThat(this.jdbc.queryForList("SELECT province_code || ' ' || points FROM warehouse.participation_province_total "
				+ "ORDER BY province_code", String.class)).containsExactly("01 8", "20 9");
		assertTheSummariesAreFreshAggregates();
	}

	/** Writes a Long Biên file (one grassroots point of 100 members per ward) under the unit's folder. */
	@Test
	void eachRunFoldsAProvincesDeltasIntoOneRow() throws Exception {
		// given Long Biên loaded, then replaced twice: each replacement appends a row taking the old figures out and one adding the new
		Path file = longBien("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy");
		this.runner.run(this.input, "test");
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		this.runner.run(this.input, "test");
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy")));

		// when
		this.runner.run(this.input, "test");

		// then the ingest job's last step left one row for Hà Nội, with the same figures
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation_province_delta "
				+ "WHERE conference_code = 'NQDH13' AND province_code = '01'", Integer.class)).isOne();
		assertThat(this.jdbc.queryForObject(HA_NOI, String.class)).isEqualTo("2 2 200");
		assertTheSummariesAreFreshAggregates();
	}

	@Test
	void foldingBesideAnUncommittedLoadLeavesThatLoadsFigures() throws Exception {
		// given Hà Nội's deltas in several rows, and a load into Hà Nội not committed yet
		insertPoints("NQDH13", "01", 2);
		insertPoints("NQDH13", "01", 3);
		try (Connection load = this.dataSource.getConnection()) {
			load.setAutoCommit(false);
			insertPoints(load, "'01'", 4);

			// when the deltas are folded meanwhile, and the load then commits
			long fewer = this.provinceTotals.compact();
			load.commit();

			// then the fold took the two committed rows into one, and the load's row stands beside it
			assertThat(fewer).isOne();
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation_province_delta "
				+ "WHERE conference_code = 'NQDH13' AND province_code = '01'", Integer.class)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject(HA_NOI, String.class)).isEqualTo("9 0 90");
		assertTheSummariesAreFreshAggregates();
	}

	@Test
	void aProvinceWhosePointsAllLeftKeepsNoRowOnceFolded() {
		// given Hà Nội's points added, then all taken out again
		insertPoints("NQDH13", "01", 3);
		this.jdbc.update("DELETE FROM warehouse.participation WHERE province_code = '01'");

		// when
		long fewer = this.provinceTotals.compact();

		// then
		assertThat(fewer).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation_province_delta", Integer.class))
			.isZero();
	}

	private Path longBien(String... wards) throws IOException {
		Path file = this.input.resolve("004").resolve("long-bien.csv");
		Files.createDirectories(file.getParent());
		return Files.writeString(file, ExampleFiles.longBienCsv(List.of(wards)));
	}

	/** Inserts cell points of 10 members each, as the bench does, with one INSERT … generate_series. */
	private void insertPoints(String conference, String province, int count) {
		this.jdbc.update("INSERT INTO warehouse.participation (conference_code, province_code, reporting_unit_code, "
				+ "host_unit_code, point_name, point_level, format, session_date, members_attending, others_attending, "
				+ "participants, submission_id, source_row) SELECT ?, ?, 'bulk', 'bulk', 'Chi bộ ' || g, 'cell', 'online', "
				+ "DATE '2021-03-27', 10, 0, 10, 0, g FROM generate_series(1, ?) g", conference, province, count);
	}

	/** Inserts NQDH13 cell points of 10 members each on a connection of its own, in the province the expression names. */
	private static int insertPoints(Connection connection, String province, int count) throws SQLException {
		try (Statement insert = connection.createStatement()) {
			return insert.executeUpdate("INSERT INTO warehouse.participation (conference_code, province_code, "
					+ "reporting_unit_code, host_unit_code, point_name, point_level, format, session_date, members_attending, "
					+ "others_attending, participants, submission_id, source_row) SELECT 'NQDH13', " + province + ", 'bulk', "
					+ "'bulk', 'Chi bộ ' || g, 'cell', 'online', DATE '2021-03-27', 10, 0, 10, 0, g FROM generate_series(1, "
					+ count + ") g");
		}
	}

	private void assertTheSummariesAreFreshAggregates() {
		List<Map<String, Object>> summary = this.jdbc.queryForList(SUMMARY);
		assertThat(summary).isNotEmpty().isEqualTo(this.jdbc.queryForList(FRESH));
		List<Map<String, Object>> units = this.jdbc.queryForList(UNITS);
		assertThat(units).isNotEmpty().isEqualTo(this.jdbc.queryForList(FRESH_UNITS));
	}

}
