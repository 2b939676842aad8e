package vn.tonghop.database;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation that ran a release for months upgrades by starting the new jar: Flyway applies the
 * later migrations to a database full of data. Here the schema of a release before V11 (the
 * per-province summary and everything after it) holds what that release wrote, and migrating to the
 * latest must keep every figure and fill what later migrations derive from the old rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class UpgradeTests {

	private static final String DATABASE = "upgrade_from_v10";

	private static final String BY_PROVINCE = """
			SELECT conference_code, province_code, points, points_district, points_grassroots, participants,
			       members_attending, others_attending, members_total, members_studied, coverage_pct,
			       units_expected, units_reported
			FROM warehouse.participation_by_province ORDER BY conference_code, province_code""";

	private static final String BY_UNIT = """
			SELECT conference_code, province_code, reporting_unit_code, points, participants, members_total,
			       members_studied, coverage_pct
			FROM warehouse.participation_by_unit ORDER BY conference_code, reporting_unit_code""";

	private static final String COMPLETENESS = """
			SELECT conference_code, unit_code, reported, submitted_at, on_time
			FROM warehouse.completeness ORDER BY conference_code, unit_code""";

	private static final String SUMMARY = """
			SELECT conference_code, province_code, points, participants
			FROM warehouse.participation_province_total ORDER BY conference_code, province_code""";

	private static final String FRESH = """
			SELECT conference_code, province_code, count(*) AS points, sum(participants) AS participants
			FROM warehouse.participation GROUP BY conference_code, province_code
			ORDER BY conference_code, province_code""";

	@Autowired
	JdbcTemplate server;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String username;

	@Value("${spring.datasource.password:}")
	String password;

	JdbcTemplate old;

	SimpleDriverDataSource dataSource;

	@BeforeEach
	void freshDatabase() {
		this.server.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
		this.server.execute("CREATE DATABASE " + DATABASE);
		this.dataSource = new SimpleDriverDataSource(new Driver(),
				this.url.replaceFirst("/postgres(\\?|$)", "/" + DATABASE + "$1"), this.username, this.password);
		this.old = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void dropDatabase() {
		this.server.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
	}

	@Test
	void figuresOfAReleaseBeforeV11StayTheSameAndLaterColumnsAreFilledFromItsRows() {
		// given the schema of a release before V11, with what its runs wrote: two runs, a rejected draft,
		// a correction that replaced a first version, coverage figures
		migrate("10");
		whatAReleaseBeforeV11Wrote();
		List<Map<String, Object>> byProvince = this.old.queryForList(BY_PROVINCE);
		List<Map<String, Object>> byUnit = this.old.queryForList(BY_UNIT);
		List<Map<String, Object>> completeness = this.old.queryForList(COMPLETENESS);

		// when the new release starts on it
		migrate("latest");

		// then the analysts' figures are those the old release showed
		assertThat(this.old.queryForList(BY_PROVINCE)).isEqualTo(byProvince);
		assertThat(this.old.queryForList(BY_UNIT)).isEqualTo(byUnit);
		assertThat(this.old.queryForList(COMPLETENESS)).isEqualTo(completeness);
		assertThat(byProvince).extracting((row) -> row.get("participants")).containsExactly(6108L, 0L, 827L);
		// and the per-province summary (V11) holds the old rows, and keeps up with writes after it
		assertThat(this.old.queryForList(SUMMARY)).isEqualTo(this.old.queryForList(FRESH));
		this.old.update("DELETE FROM warehouse.participation WHERE submission_id = 4 AND source_row = 7");
		assertThat(this.old.queryForList(SUMMARY)).isEqualTo(this.old.queryForList(FRESH));
		// and each old file's reports go back to the drop folder of the run that took it (V24)
		assertThat(this.old.queryForList("SELECT DISTINCT drop_folder FROM tonghop.submission", String.class))
			.containsExactly("/srv/tonghop/input");
		// and the standing version's arrival is still its first taking (V18)
		assertThat(this.old.queryForObject("SELECT id FROM tonghop.submission_arrival(4, 'NQDH13', '380')",
				Long.class)).isEqualTo(4);
		// and each old run keeps the files it processed, as status counts them (V29)
		assertThat(this.old.queryForList("""
				SELECT job_execution_id, count(*) AS files, sum(rows_loaded) FILTER (WHERE state <> 'rejected') AS rows
				FROM tonghop.processing GROUP BY job_execution_id ORDER BY job_execution_id"""))
			.extracting((row) -> List.of(row.get("job_execution_id"), row.get("files"), row.get("rows")))
			.containsExactly(List.of(1L, 3L, 3L), List.of(2L, 1L, 2L));
		// and the correction's changed points keep their place in the list, in file order (V32)
		assertThat(this.old.queryForList(
				"SELECT point_name FROM tonghop.submission_change_point WHERE change_id = 1 ORDER BY ordinal", String.class))
			.containsExactly("Hội trường Thành ủy", "Phường Đông Thọ", "Phường Đông Sơn");
	}

	@Test
	void aFolderStoredWithSpacesAroundItIsTheUnitsFolderAfterTheUpgrade() {
		// given files taken before folder names were read without their spaces: one rejected in '004 ',
		// and bytes taken both from '380 ' and from 380/, which trimmed would be the same file
		migrate("32");
		this.old.update("""
				INSERT INTO tonghop.submission (id, content_hash, file_name, source_path, folder_unit_code, size_bytes,
				    archive_path, received_at, state) VALUES
				    (1, 'h1', 'lb.xlsx', '004 /lb.xlsx', '004 ', 10, '/a/h1/lb.xlsx', '2021-04-09 03:00+00', 'rejected'),
				    (2, 'h2', 'th.csv', '380 /th.csv', '380 ', 10, '/a/h2/th.csv', '2021-04-09 03:00+00', 'rejected'),
				    (3, 'h2', 'th.csv', '380/th.csv', '380', 10, '/a/h2/th.csv', '2021-04-09 03:00+00', 'rejected')""");

		// when the new release starts on it
		migrate("latest");

		// then the first is 004's folder's, as the scan reads it now; the pair is left as it was
		assertThat(this.old.queryForList("SELECT folder_unit_code FROM tonghop.submission ORDER BY id", String.class))
			.containsExactly("004", "380 ", "380");
	}

	/** Migrates as the application does (spring.flyway in application.yml), up to the target. */
	private void migrate(String target) {
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas("tonghop", "warehouse", "batch", "quartz")
			.defaultSchema("tonghop")
			.target(target)
			.load()
			.migrate();
	}

	private void whatAReleaseBeforeV11Wrote() {
		this.old.update("""
				INSERT INTO tonghop.unit (code, name, kind, parent_code, valid_to, source) VALUES
				    ('01', 'Thành phố Hà Nội', 'province', NULL, DATE '2025-06-30', 'units.csv'),
				    ('004', 'Quận Long Biên', 'district', '01', DATE '2025-06-30', 'units.csv'),
				    ('38', 'Tỉnh Thanh Hóa', 'province', NULL, DATE '2025-06-30', 'units.csv'),
				    ('380', 'Thành phố Thanh Hóa', 'district', '38', DATE '2025-06-30', 'units.csv'),
				    ('20', 'Tỉnh Lạng Sơn', 'province', NULL, DATE '2025-06-30', 'units.csv')""");
		this.old.update("""
				INSERT INTO tonghop.conference (code, title, start_date, end_date, deadline) VALUES
				    ('NQDH13', 'Nghị quyết Đại hội XIII', DATE '2021-03-27', DATE '2021-03-28', DATE '2021-04-10')""");
		this.old.update("INSERT INTO batch.batch_job_instance VALUES (1, 0, 'ingest', 'a'), (2, 0, 'ingest', 'b')");
		this.old.update("""
				INSERT INTO batch.batch_job_execution (job_execution_id, version, job_instance_id, create_time,
				    start_time, end_time, status, exit_code, last_updated) VALUES
				    (1, 2, 1, '2021-04-09 03:00', '2021-04-09 03:00', '2021-04-09 03:01', 'COMPLETED', 'COMPLETED', '2021-04-09 03:01'),
				    (2, 2, 2, '2021-04-12 03:00', '2021-04-12 03:00', '2021-04-12 03:01', 'COMPLETED', 'COMPLETED', '2021-04-12 03:01')""");
		this.old.update("""
				INSERT INTO batch.batch_job_execution_params VALUES
				    (1, 'input', 'java.lang.String', '/srv/tonghop/input', 'Y'),
				    (1, 'trigger', 'java.lang.String', 'schedule', 'Y'),
				    (2, 'input', 'java.lang.String', '/srv/tonghop/input', 'Y'),
				    (2, 'trigger', 'java.lang.String', 'cli', 'Y')""");
		this.old.update("""
				INSERT INTO tonghop.submission (id, content_hash, file_name, source_path, folder_unit_code, size_bytes,
				    archive_path, received_at, state, job_execution_id, processed_at, unit_code, conference_code,
				    rows_loaded, first_problem, is_current) VALUES
				    (1, 'h1', 'long-bien.xlsx', '004/long-bien.xlsx', '004', 5017, '/srv/tonghop/data/archive/h1/long-bien.xlsx',
				     '2021-04-09 03:00+00', 'accepted', 1, '2021-04-09 03:01+00', '004', 'NQDH13', 2, NULL, true),
				    (2, 'h2', 'thanh-hoa-nhap.csv', '380/thanh-hoa-nhap.csv', '380', 415, '/srv/tonghop/data/archive/h2/thanh-hoa-nhap.csv',
				     '2021-04-09 03:00+00', 'rejected', 1, '2021-04-09 03:01+00', '380', 'NQDH13', 0, 'totals', false),
				    (3, 'h3', 'thanh-hoa.csv', '380/thanh-hoa.csv', '380', 415, '/srv/tonghop/data/archive/h3/thanh-hoa.csv',
				     '2021-04-09 03:00+00', 'accepted', 1, '2021-04-09 03:01+00', '380', 'NQDH13', 1, NULL, false),
				    (4, 'h4', 'thanh-hoa.csv', '380/thanh-hoa.csv', '380', 415, '/srv/tonghop/data/archive/h4/thanh-hoa.csv',
				     '2021-04-12 03:00+00', 'accepted', 2, '2021-04-12 03:01+00', '380', 'NQDH13', 2, NULL, true)""");
		this.old.update("""
				INSERT INTO tonghop.intake_log (job_execution_id, path, content_hash, submission_id, outcome) VALUES
				    (1, '004/long-bien.xlsx', 'h1', 1, 'new'), (1, '380/thanh-hoa-nhap.csv', 'h2', 2, 'new'),
				    (1, '380/thanh-hoa.csv', 'h3', 3, 'new'), (2, '380/thanh-hoa.csv', 'h4', 4, 'new'),
				    (2, '004/long-bien.xlsx', 'h1', 1, 'duplicate')""");
		this.old.update("""
				INSERT INTO warehouse.participation (conference_code, province_code, district_code, reporting_unit_code,
				    host_unit_code, point_name, point_level, format, session_date, members_attending, others_attending,
				    participants, submission_id, source_row) VALUES
				    ('NQDH13', '01', '004', '004', '004', 'Hội trường Quận ủy', 'district', 'in_person', DATE '2021-03-27', 5000, 700, 5700, 1, 6),
				    ('NQDH13', '01', '004', '004', '004', 'Phường Gia Thụy', 'grassroots', 'online', DATE '2021-03-27', 361, 47, 408, 1, 7),
				    ('NQDH13', '38', '380', '380', '380', 'Hội trường Thành ủy', 'district', 'in_person', DATE '2021-03-27', 350, 40, 390, 4, 6),
				    ('NQDH13', '38', '380', '380', '380', 'Phường Đông Thọ', 'grassroots', 'online', DATE '2021-03-27', 402, 35, 437, 4, 7)""");
		this.old.update("""
				INSERT INTO warehouse.unit_coverage (conference_code, province_code, district_code, reporting_unit_code,
				    members_total, members_studied, coverage_pct, submission_id) VALUES
				    ('NQDH13', '01', '004', '004', 7000, 5361, 76.6, 1)""");
		this.old.update("""
				INSERT INTO tonghop.submission_change (id, submission_id, replaced_submission_id, conference_code,
				    reporting_unit_code, points_before, points_after, members_before, members_after, others_before,
				    others_after, participants_before, participants_after, points_added, points_removed, points_changed)
				VALUES (1, 4, 3, 'NQDH13', '380', 2, 2, 700, 752, 75, 75, 775, 827, 1, 1, 1)""");
		this.old.update("""
				INSERT INTO tonghop.submission_change_point (change_id, kind, point_name, host_unit_code, point_level,
				    format_before, format_after, members_before, members_after, source_row_before, source_row_after) VALUES
				    (1, 'removed', 'Phường Đông Sơn', '380', 'grassroots', 'online', NULL, 300, NULL, 7, NULL),
				    (1, 'added', 'Phường Đông Thọ', '380', 'grassroots', NULL, 'online', NULL, 402, NULL, 7),
				    (1, 'changed', 'Hội trường Thành ủy', '380', 'district', 'in_person', 'in_person', 400, 350, 6, 6)""");
	}

}
