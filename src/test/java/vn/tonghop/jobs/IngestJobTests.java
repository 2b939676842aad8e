package vn.tonghop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.status.StatusQueries;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// One worker: one test here is about the order files are loaded in, which two workers do not keep.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "tonghop.intake.stable-for=0s", "tonghop.ingest.workers=1" })
class IngestJobTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	InputScanner scanner;

	@Autowired
	IntakeProperties intake;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	StatusQueries status;

	final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void aDropFolderThatDoesNotExistIsNoRun() {
		assertThatThrownBy(() -> this.runner.run(this.input.resolve("mistyped"), "test"))
			.isInstanceOf(IngestRunner.IngestNotStartedException.class)
			.hasMessageContaining("mistyped does not exist");
	}

	@Test
	void aFolderAroundTheArchiveIsNoRun() throws Exception {
		// given the folder holding the archive (and, by default, the embedded database), named by
		// mistake as the one to scan
		Path archive = Files.createDirectories(this.intake.archive()).toAbsolutePath();
		long runs = this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution", Long.class);

		// then no run takes the archived copies for new submissions, nor writes reports among them
		assertThatThrownBy(() -> this.runner.run(archive.getParent(), "test"))
			.isInstanceOf(IngestRunner.IngestNotStartedException.class)
			.hasMessageContaining("The archive " + this.intake.archive() + " (tonghop.intake.archive) is inside the drop folder "
					+ archive.getParent());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM batch.batch_job_execution", Long.class)).isEqualTo(runs);
	}

	@Test
	void aCompletedExecutionIsNotRestartedAndSaysSo() throws Exception {
		// given
		JobExecution done = this.runner.run(this.input, "test");

		// then
		assertThat(done.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThatThrownBy(() -> this.runner.restart(done.getId()))
			.isInstanceOf(IngestRunner.IngestNotStartedException.class)
			.hasMessageContaining("execution " + done.getId() + " is COMPLETED: nothing to restart");
	}

	@Test
	void examplesReproduceThePublishedFigures() throws Exception {
		// given the example submissions shipped in input/
		ExampleFiles.copyExamples(this.input);

		// when
		JobExecution execution = this.runner.run(this.input, "test");

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, Object> longBien = unitFigures("NQDH13", "004");
		assertThat(longBien).containsEntry("points", 19L)
			.containsEntry("points_district", 3L)
			.containsEntry("points_grassroots", 16L)
			.containsEntry("province_code", "01")
			.containsEntry("reporting_unit_name", "Quận Long Biên");
		assertThat(((Number) longBien.get("participants")).longValue()).isGreaterThan(6000);
		Map<String, Object> langSon = unitFigures("HNTW8-K13", "20-KCQ");
		assertThat(langSon).containsEntry("points", 64L)
			.containsEntry("points_district", 1L)
			.containsEntry("points_grassroots", 63L)
			.containsEntry("participants", 3113L)
			.containsEntry("members_total", 4336)
			.containsEntry("members_studied", 3252);
		assertThat(langSon.get("coverage_pct")).hasToString("75.0");
		assertThat(states()).containsEntry("long-bien-nqdh13.xlsx", "accepted")
			.containsEntry("lang-son-khoi-cqt-hntw8.xls", "accepted")
			.containsEntry("thanh-hoa-tp-nqdh13-ban-nhap.csv", "rejected");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE reporting_unit_code = '380'",
				Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT code FROM tonghop.submission_problem p JOIN tonghop.submission s "
				+ "ON s.id = p.submission_id WHERE s.file_name = 'thanh-hoa-tp-nqdh13-ban-nhap.csv'", String.class))
			.isEqualTo("totals-row-mismatch");
	}

	@Test
	void provinceViewAddsUpTheUnitsAndCountsExpectedReporters() throws Exception {
		// given
		ExampleFiles.copyExamples(this.input);

		// when
		this.runner.run(this.input, "test");

		// then: Hà Nội expects itself and Long Biên; only Long Biên reported
		Map<String, Object> haNoi = this.jdbc.queryForMap("SELECT * FROM warehouse.participation_by_province "
				+ "WHERE conference_code = 'NQDH13' AND province_code = '01'");
		assertThat(haNoi).containsEntry("points", 19L)
			.containsEntry("units_expected", 2L)
			.containsEntry("units_reported", 1L)
			.containsEntry("province_name", "Thành phố Hà Nội");
		assertThat(this.jdbc.queryForList("SELECT unit_code FROM warehouse.completeness WHERE conference_code = 'NQDH13' "
				+ "AND province_code = '01' AND NOT reported", String.class)).containsExactly("01");
		assertThat(this.jdbc.queryForObject("SELECT on_time FROM warehouse.completeness WHERE conference_code = 'NQDH13' "
				+ "AND unit_code = '004'", Boolean.class)).isFalse();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_roles WHERE rolname = 'warehouse_analyst'",
				Integer.class)).isOne();
	}

	@Test
	void aResubmissionReplacesTheEarlierOneAsAWhole() throws Exception {
		// given Long Biên loaded once
		Path file = this.input.resolve("004").resolve("long-bien.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy")));
		this.runner.run(this.input, "test");
		long first = currentSubmission("004");

		// when the district sends it again without Cự Khối
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy")));
		this.runner.run(this.input, "test");

		// then
		assertThat(this.jdbc.queryForList("SELECT point_name FROM warehouse.participation WHERE reporting_unit_code = '004' "
				+ "ORDER BY source_row", String.class)).containsExactly("Phường Bồ Đề", "Phường Gia Thụy");
		long second = currentSubmission("004");
		assertThat(second).isNotEqualTo(first);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT submission_id FROM warehouse.participation", Long.class))
			.containsExactly(second);
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission WHERE id = ?", String.class, first))
			.isEqualTo("accepted");
	}

	@Test
	void theLaterArrivalStandsWhicheverIsLoadedLast() throws Exception {
		// given two versions from Long Biên taken by one scan, the second in path order arriving first
		Files.createDirectories(this.input.resolve("004"));
		Files.writeString(this.input.resolve("004/a.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		Files.writeString(this.input.resolve("004/b.csv"), ExampleFiles.longBienCsv(List.of("Phường Cự Khối")));
		this.scanner.scan(this.input, null, 0);
		this.jdbc.update("UPDATE tonghop.submission SET received_at = received_at - interval '1 hour' WHERE file_name = 'b.csv'");

		// when both are loaded in id order: the later arrival a.csv first, then the earlier b.csv
		this.runner.run(Files.createDirectories(this.input.resolve("nothing-new")), "test");

		// then the later arrival stands; the earlier one passed its checks but loads nothing
		assertThat(this.jdbc.queryForList("SELECT point_name FROM warehouse.participation", String.class))
			.containsExactly("Phường Bồ Đề");
		assertThat(this.jdbc.queryForList("SELECT file_name || ' ' || state || ' ' || is_current || ' ' || rows_loaded "
				+ "FROM tonghop.submission ORDER BY file_name", String.class))
			.containsExactly("a.csv accepted true 1", "b.csv accepted_with_warnings false 0");
	}

	@Test
	void theSameBytesDroppedTwiceLoadOnce() throws Exception {
		// given two copies of one file under different names
		String csv = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối"));
		Files.writeString(this.input.resolve("a.csv"), csv);
		Files.writeString(this.input.resolve("b.csv"), csv);

		// when scanned twice
		this.runner.run(this.input, "test");
		this.runner.run(this.input, "test");

		// then
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission", Integer.class)).isOne();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.intake_log WHERE outcome = 'duplicate'",
				Integer.class)).isOne();
	}

	@Test
	void aFileCopiedFromAnotherUnitsFolderIntoItsOwnIsTakenAndAnsweredThere() throws Exception {
		// given Long Biên's file dropped in Thanh Hóa city's folder, and rejected there
		String csv = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối"));
		Path wrong = write("380/long-bien.csv", csv);
		this.runner.run(this.input, "test");
		JsonNode rejected = report("380/reports/long-bien.csv.report.json");
		assertThat(rejected.get("outcome").asString()).isEqualTo("rejected");
		assertThat(rejected.get("problems").get(0).get("code").asString()).isEqualTo("unit-outside-folder");

		// when the district copies the same bytes into its own folder
		Files.createDirectories(this.input.resolve("004"));
		Files.copy(wrong, this.input.resolve("004/long-bien.csv"));
		JobExecution second = this.runner.run(this.input, "test");

		// then they are a new submission of that folder, accepted, with its report beside it
		assertThat(this.status.run(second.getId()).files()).singleElement().satisfies((line) -> {
			assertThat(line.path()).isEqualTo("004/long-bien.csv");
			assertThat(line.duplicate()).isFalse();
			assertThat(line.state()).isEqualTo("accepted");
		});
		JsonNode accepted = report("004/reports/long-bien.csv.report.json");
		assertThat(accepted.get("outcome").asString()).isEqualTo("accepted");
		assertThat(accepted.get("file").get("path").asString()).isEqualTo("004/long-bien.csv");
		assertThat(accepted.get("submissionId").asLong()).isEqualTo(currentSubmission("004"));
		assertThat(this.jdbc.queryForList("SELECT folder_unit_code || ' ' || state FROM tonghop.submission ORDER BY id",
				String.class)).containsExactly("380 rejected", "004 accepted");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isEqualTo(2);
		// and Thanh Hóa city's folder still holds the report on its own copy
		assertThat(report("380/reports/long-bien.csv.report.json").get("outcome").asString()).isEqualTo("rejected");
	}

	@Test
	void theSameBytesTwiceInOneUnitsFolderAreOneSubmissionAndTheSecondIsAlreadyTaken() throws Exception {
		// given two copies of one file under different names in Long Biên's folder
		String csv = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối"));
		write("004/a.csv", csv);
		write("004/b.csv", csv);

		// when
		JobExecution execution = this.runner.run(this.input, "test");

		// then a is loaded, b is already taken as a, and only a has a report
		long a = currentSubmission("004");
		assertThat(this.status.run(execution.getId()).files())
			.extracting((line) -> line.path() + " " + line.submissionId() + " " + line.duplicate() + " " + line.state())
			.containsExactly("004/a.csv " + a + " false accepted", "004/b.csv " + a + " true accepted");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission", Integer.class)).isOne();
		assertThat(this.input.resolve("004/reports/a.csv.report.json")).exists();
		assertThat(this.input.resolve("004/reports/b.csv.report.json")).doesNotExist();
	}

	@Test
	void theSameBytesInTwoUnitsFoldersInOneScanAreTwoSubmissionsSharingOneArchivedCopy() throws Exception {
		// given Long Biên's file in its own folder and in Hà Nội's, which vouches for Long Biên too
		String csv = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối"));
		write("004/long-bien.csv", csv);
		write("01/long-bien.csv", csv);

		// when
		JobExecution execution = this.runner.run(this.input, "test");

		// then each folder's copy is a submission of its own, processed and answered in its folder
		assertThat(this.status.run(execution.getId()).files())
			.extracting((line) -> line.path() + " " + line.duplicate() + " " + line.state())
			.containsExactly("004/long-bien.csv false accepted", "01/long-bien.csv false accepted");
		assertThat(report("004/reports/long-bien.csv.report.json").get("outcome").asString()).isEqualTo("accepted");
		assertThat(report("01/reports/long-bien.csv.report.json").get("outcome").asString()).isEqualTo("accepted");
		assertThat(this.jdbc.queryForObject("SELECT count(DISTINCT archive_path) FROM tonghop.submission", Integer.class))
			.isOne();
		// one of them stands for Long Biên: the same rows are not loaded twice
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isEqualTo(2);
	}

	@Test
	void aWrongTotalsRowIsRejectedAndTheWarehouseIsUnchanged() throws Exception {
		// given a loaded submission
		Path file = this.input.resolve("long-bien.csv");
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối")));
		this.runner.run(this.input, "test");
		List<Map<String, Object>> before = this.jdbc.queryForList("SELECT * FROM warehouse.participation ORDER BY source_row");
		List<Map<String, Object>> totals = this.jdbc.queryForList("SELECT * FROM warehouse.participation_province_delta");

		// when a resubmission's totals row does not add up
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")).replace(";Tổng cộng;;;100;", ";Tổng cộng;;;999;"));
		JobExecution execution = this.runner.run(this.input, "test");

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT * FROM warehouse.participation ORDER BY source_row")).isEqualTo(before);
		// its rows went in while it was read, and went out again without a trace
		assertThat(this.jdbc.queryForList("SELECT * FROM warehouse.participation_province_delta")).isEqualTo(totals);
		Map<String, Object> rejected = this.jdbc.queryForMap("SELECT state, first_problem FROM tonghop.submission "
				+ "WHERE job_execution_id = ?", execution.getId());
		assertThat(rejected.get("state")).isEqualTo("rejected");
		assertThat((String) rejected.get("first_problem")).contains("Totals row").contains("999").contains("100");
	}

	@Test
	void aRejectedCorrectionLeavesTheEarlierVersionStandingAndTellsTheDistrictSo() throws Exception {
		// given Long Biên's file loaded from its folder
		write("004/bao-cao.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối")));
		this.runner.run(this.input, "test");
		long earlier = currentSubmission("004");
		Map<String, Object> before = unitFigures("NQDH13", "004");

		// when a correction under another name has a totals row that does not add up
		write("004/bao-cao-sua.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy"))
			.replace(";Tổng cộng;;;300;", ";Tổng cộng;;;999;"));
		this.runner.run(this.input, "test");

		// then the earlier version still stands, exactly as it was
		assertThat(currentSubmission("004")).isEqualTo(earlier);
		assertThat(unitFigures("NQDH13", "004")).isEqualTo(before);
		// and the correction's report says which file still counts, after the error that rejected it
		JsonNode rejected = report("004/reports/bao-cao-sua.csv.report.json");
		assertThat(rejected.get("outcome").asString()).isEqualTo("rejected");
		assertThat(rejected.get("problems")).extracting((problem) -> problem.get("code").asString())
			.containsExactly("totals-row-mismatch", "version-kept");
		assertThat(rejected.get("problems").get(1).get("message").get("en").asString())
			.isEqualTo("The file is rejected, so it does not count: the unit's version that stands is the one "
					+ "received before this one, 004/bao-cao.csv");
	}

	@Test
	void anOldVersionCopiedBackIsAlreadyTakenAndTheSummarySaysTheLaterOneStillStands() throws Exception {
		// given Long Biên's file, then a correction saved over it
		String first = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối"));
		write("004/bao-cao.csv", first);
		this.runner.run(this.input, "test");
		long old = currentSubmission("004");
		write("004/bao-cao.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy")));
		this.runner.run(this.input, "test");
		long correction = currentSubmission("004");
		Map<String, Object> figures = unitFigures("NQDH13", "004");

		// when the district copies the first file back
		write("004/bao-cao.csv", first);
		JobExecution execution = this.runner.run(this.input, "test");

		// then the correction still stands, and the run's line says so rather than looking like a file that counts
		assertThat(currentSubmission("004")).isEqualTo(correction);
		assertThat(unitFigures("NQDH13", "004")).isEqualTo(figures);
		assertThat(this.status.run(execution.getId()).files()).singleElement().satisfies((line) -> {
			assertThat(line.duplicate()).isTrue();
			assertThat(line.submissionId()).isEqualTo(old);
			assertThat(line.reason()).isEqualTo("Not loaded again: a version received later stands for the unit, #"
					+ correction + " (004/bao-cao.csv)");
		});
	}

	@Test
	void aQuoteNeverClosedRejectsTheCsvAndNamesItsCell() throws Exception {
		// given Long Biên with a notes column whose row 6 opens a quote that nothing closes
		String csv = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy"))
			.replace("Số người khác tham dự\n", "Số người khác tham dự;Ghi chú\n")
			.replace("Phường Cự Khối;100;0\n", "Phường Cự Khối;100;0;\"Học bù ngày 28/3\n");
		Files.writeString(this.input.resolve("long-bien.csv"), csv);

		// when
		JobExecution execution = this.runner.run(this.input, "test");

		// then the whole file is rejected, nothing of rows 5 to 8 is loaded, and the problem names G6
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, Object> rejected = this.jdbc.queryForMap("SELECT id, state, rows_loaded FROM tonghop.submission "
				+ "WHERE job_execution_id = ?", execution.getId());
		assertThat(rejected).containsEntry("state", "rejected").containsEntry("rows_loaded", 0);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isZero();
		assertThat(this.jdbc.queryForList("SELECT code || ': ' || message_en FROM tonghop.submission_problem "
				+ "WHERE submission_id = ?", String.class, rejected.get("id")))
			.containsExactly("file-corrupt: The file is damaged and cannot be opened (a quote opened in G6 is never closed)");
		assertThat(this.jdbc.queryForList("SELECT sheet || '!' || column_name || row_number FROM tonghop.submission_problem "
				+ "WHERE submission_id = ?", String.class, rejected.get("id")))
			.containsExactly("long-bien!G6");
	}

	@Test
	void anOldVersionDroppedAgainInAnotherFolderDoesNotReplaceTheNewerOne() throws Exception {
		// given Long Biên's first and second versions, loaded from its folder one after the other
		String first = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối"));
		write("004/long-bien.csv", first);
		this.runner.run(this.input, "test");
		write("004/long-bien.csv", ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy")));
		this.runner.run(this.input, "test");
		long second = currentSubmission("004");

		// when the first version's bytes are dropped again, in Hà Nội's folder
		write("01/long-bien-cu.csv", first);
		this.runner.run(this.input, "test");

		// then they are a submission of that folder, but no newer than they were: the second version stands
		assertThat(currentSubmission("004")).isEqualTo(second);
		assertThat(this.jdbc.queryForList("SELECT folder_unit_code || ' ' || state || ' ' || is_current || ' ' || rows_loaded "
				+ "FROM tonghop.submission ORDER BY id", String.class))
			.containsExactly("004 accepted false 2", "004 accepted true 3", "01 accepted_with_warnings false 0");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isEqualTo(3);
	}

	private Path write(String path, String content) throws IOException {
		Path file = this.input.resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	private JsonNode report(String path) throws IOException {
		Path file = this.input.resolve(path);
		assertThat(file).exists();
		return this.json.readTree(Files.readAllBytes(file));
	}

	private Map<String, Object> unitFigures(String conference, String unit) {
		return this.jdbc.queryForMap("SELECT * FROM warehouse.participation_by_unit WHERE conference_code = ? "
				+ "AND reporting_unit_code = ?", conference, unit);
	}

	private Map<String, String> states() {
		Map<String, String> states = new java.util.HashMap<>();
		this.jdbc.query("SELECT file_name, state FROM tonghop.submission",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> states.put(rs.getString(1), rs.getString(2)));
		return states;
	}

	private long currentSubmission(String unit) {
		return this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE is_current AND unit_code = ?", Long.class,
				unit);
	}

}
