package vn.tonghop.feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.feedback.FeedbackFixtures.Format;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.sheet.FileChecks;
import vn.tonghop.sheet.ReadLimits;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.validate.Problem;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.validate.ProblemList;
import vn.tonghop.validate.Rule;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class SubmissionFeedbackTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	InputScanner scanner;

	@Autowired
	SubmissionFeedback feedback;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobs;

	@Autowired
	IntakeProperties intake;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@TempDir
	Path elsewhere;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void cleanDatabaseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void theJsonReportSaysWhatBecameOfEachFile() throws Exception {
		// given an accepted file, one with a warning (an unknown column) and a rejected one (text for a head
		// count), three versions from Long Biên, each processed once the one before stands: processed side by
		// side, an earlier one finished after a later one would be told it does not count
		Path folder = this.input.resolve("004");
		FeedbackFixtures.longBien(folder.resolve("accepted.xlsx"), Format.XLSX, sheet -> {
		});
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);
		FeedbackFixtures.longBien(folder.resolve("warning.xlsx"), Format.XLSX,
				sheet -> FeedbackFixtures.text(sheet, 3, 8, "Điện thoại"));
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// when
		FeedbackFixtures.longBien(folder.resolve("rejected.xlsx"), Format.XLSX,
				sheet -> sheet.getRow(5).getCell(5).setCellValue("khoảng 1.700"));
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then
		JsonNode accepted = report(folder.resolve("reports/accepted.xlsx.report.json"));
		assertFile(accepted, "accepted.xlsx");
		assertThat(accepted.get("outcome").asString()).isEqualTo("accepted");
		assertThat(accepted.get("valid").asBoolean()).isTrue();
		assertThat(accepted.get("unit").asString()).isEqualTo("004");
		assertThat(accepted.get("conference").asString()).isEqualTo("NQDH13");
		assertThat(accepted.get("sheet").asString()).isEqualTo("Báo cáo");
		assertCounts(accepted, 3, 0, 0);
		assertThat(accepted.get("problems")).isEmpty();

		JsonNode warning = report(folder.resolve("reports/warning.xlsx.report.json"));
		assertThat(warning.get("outcome").asString()).isEqualTo("accepted_with_warnings");
		assertThat(warning.get("valid").asBoolean()).isTrue();
		assertCounts(warning, 3, 0, 1);
		assertThat(warning.get("problems")).hasSize(1);
		assertProblem(warning.get("problems").get(0), "warning", "unknown-column", 4, "I", "Điện thoại");

		JsonNode rejected = report(folder.resolve("reports/rejected.xlsx.report.json"));
		assertThat(rejected.get("outcome").asString()).isEqualTo("rejected");
		assertThat(rejected.get("valid").asBoolean()).isFalse();
		assertThat(rejected.get("unit").asString()).isEqualTo("004");
		assertCounts(rejected, 0, 1, 1);
		assertThat(rejected.get("problems")).hasSize(2);
		assertProblem(rejected.get("problems").get(0), "error", "number-text", 6, "F", "khoảng 1.700");
		// and which version still counts
		assertThat(rejected.get("problems").get(1).get("code").asString()).isEqualTo("version-kept");
		assertThat(rejected.get("problems").get(1).get("message").get("en").asString()).endsWith("004/warning.xlsx");
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls", "csv" })
	void aMessageLongerThanACellHoldsIsCutInTheWorkbookAndTheFileRejectedAsAnyOther(String extension) throws Exception {
		// given a reporting unit of 32,705 characters: Excel holds it, but not a message quoting it
		String unit = "Quận " + "y".repeat(32_700);
		Path file = this.input.resolve("004/long." + extension);
		if (extension.equals("csv")) {
			FeedbackFixtures.longBienCsv(file, "101");
			Files.writeString(file, Files.readString(file).replace("Quận ủy Long Biên", unit));
		}
		else {
			FeedbackFixtures.longBien(file, Format.valueOf(extension.toUpperCase(Locale.ROOT)),
					sheet -> sheet.getRow(0).getCell(1).setCellValue(unit));
		}

		// when
		BatchStatus status = this.runner.run(this.input, "test").getStatus();

		// then the file is rejected for its unit, the JSON report quoting it whole
		assertThat(status).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission", String.class)).isEqualTo("rejected");
		JsonNode report = report(this.input.resolve("004/reports/long." + extension + ".report.json"));
		assertThat(report.get("problems")).hasSize(1);
		JsonNode problem = report.get("problems").get(0);
		assertThat(problem.get("code").asString()).isEqualTo("unit-unknown");
		String message = problem.get("message").get("en").asString();
		assertThat(message).hasSizeGreaterThan(ReportText.CELL).startsWith("Unknown unit \"" + unit + "\"");

		// and the workbook lists it cut to what a cell holds, and comments its cell with less
		String workbookName = "long." + extension + (extension.equals("xls") ? ".annotated.xls" : ".annotated.xlsx");
		assertThat(names(this.input.resolve("004/reports"))).containsExactly(workbookName,
				"long." + extension + ".report.json");
		try (Workbook workbook = WorkbookFactory.create(this.input.resolve("004/reports/" + workbookName).toFile(), null,
				true)) {
			Row listed = workbook.getSheet(SummarySheet.NAME).getRow(SummarySheet.HEADER_ROW + 1);
			assertThat(listed.getCell(6).getStringCellValue()).isEqualTo("unit-unknown");
			assertThat(listed.getCell(4).getStringCellValue()).isEqualTo(unit);
			assertThat(listed.getCell(8).getStringCellValue()).hasSize(ReportText.CELL)
				.isEqualTo(message.substring(0, ReportText.CELL - 1) + "…");
			Sheet sheet = workbook.getSheet(extension.equals("csv") ? "long" : FeedbackFixtures.SHEET);
			String comment = sheet.getRow(0).getCell(1).getCellComment().getString().getString();
			assertThat(comment).startsWith("[Lỗi / error] unit-unknown\n")
				.contains("\n" + message.substring(0, ReportText.COMMENT_MESSAGE - 1) + "…")
				.hasSizeLessThan(3 * ReportText.COMMENT_MESSAGE);
		}
	}

	@Test
	void reportsAppearBesideTheDropFolderAndInTheDatabaseAndAreNeverTakenAsSubmissions() throws Exception {
		// given a rejected workbook in Long Biên's folder and a rejected CSV at the top
		FeedbackFixtures.longBien(this.input.resolve("004/long-bien.xlsx"), Format.XLSX,
				sheet -> sheet.getRow(5).getCell(5).setCellValue("khoảng 1.700"));
		FeedbackFixtures.longBienCsv(this.input.resolve("long-bien.csv"), "khoảng 1.700");

		// when
		this.runner.run(this.input, "test");

		// then
		assertThat(names(this.input.resolve("004/reports"))).containsExactly("long-bien.xlsx.annotated.xlsx",
				"long-bien.xlsx.report.json");
		assertThat(names(this.input.resolve("reports"))).containsExactly("long-bien.csv.annotated.xlsx",
				"long-bien.csv.report.json");
		List<Map<String, Object>> stored = this.jdbc.queryForList("SELECT s.source_path, r.kind, r.file_name, r.media_type "
				+ "FROM tonghop.submission_report r JOIN tonghop.submission s ON s.id = r.submission_id "
				+ "ORDER BY s.source_path, r.kind");
		assertThat(stored).extracting(row -> row.get("source_path") + " " + row.get("kind") + " " + row.get("file_name")
				+ " " + row.get("media_type"))
			.containsExactly("004/long-bien.xlsx json long-bien.xlsx.report.json application/json",
					"004/long-bien.xlsx workbook long-bien.xlsx.annotated.xlsx " + ReportWorkbook.XLSX,
					"long-bien.csv json long-bien.csv.report.json application/json",
					"long-bien.csv workbook long-bien.csv.annotated.xlsx " + ReportWorkbook.XLSX);
		assertThat(stored("004/long-bien.xlsx", "workbook"))
			.isEqualTo(Files.readAllBytes(this.input.resolve("004/reports/long-bien.xlsx.annotated.xlsx")));
		assertThat(stored("long-bien.csv", "json"))
			.isEqualTo(Files.readAllBytes(this.input.resolve("reports/long-bien.csv.report.json")));

		// and when the folder is scanned again, the reports are not submissions
		JobExecution again = this.runner.run(this.input, "test");
		assertThat(this.scanner.scan(this.input, null, again.getId())).isEqualTo(new InputScanner.ScanResult(0, 0, 0, List.of(), List.of()));
		assertThat(this.jdbc.queryForList("SELECT path FROM tonghop.intake_log ORDER BY path", String.class))
			.containsExactly("004/long-bien.xlsx", "long-bien.csv");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.seen_file WHERE path LIKE '%reports%'",
				Integer.class)).isZero();
	}

	@Test
	void twoFilesOfOneNameButTheirExtensionInOneFolderEachKeepTheirOwnReports() throws Exception {
		// given in Long Biên's folder a workbook and a CSV named alike, each wrong in its own way
		Path folder = this.input.resolve("004");
		FeedbackFixtures.longBien(folder.resolve("bao-cao.xlsx"), Format.XLSX,
				sheet -> sheet.getRow(5).getCell(5).setCellValue("khoảng 1.700"));
		FeedbackFixtures.longBienCsv(folder.resolve("bao-cao.csv"), "110,5");

		// when
		this.runner.run(this.input, "test");

		// then neither file's reports replace the other's: each is named after the whole file name
		assertThat(names(folder.resolve("reports"))).containsExactly("bao-cao.csv.annotated.xlsx",
				"bao-cao.csv.report.json", "bao-cao.xlsx.annotated.xlsx", "bao-cao.xlsx.report.json");
		JsonNode workbook = report(folder.resolve("reports/bao-cao.xlsx.report.json"));
		assertThat(workbook.get("file").get("name").asString()).isEqualTo("bao-cao.xlsx");
		assertThat(workbook.get("problems").get(0).get("code").asString()).isEqualTo("number-text");
		JsonNode csv = report(folder.resolve("reports/bao-cao.csv.report.json"));
		assertThat(csv.get("file").get("name").asString()).isEqualTo("bao-cao.csv");
		assertThat(csv.get("problems").get(0).get("code").asString()).isEqualTo("number-fraction");
		assertThat(Files.readAllBytes(folder.resolve("reports/bao-cao.csv.annotated.xlsx")))
			.isEqualTo(stored("004/bao-cao.csv", "workbook"));
	}

	@Test
	void anOlderVersionProcessedAfterANewerOneUnderItsNameLeavesTheNewerOnesReports() throws Exception {
		// given Long Biên's file, then a new version under the same name
		Path file = this.input.resolve("004/long-bien.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		this.runner.run(this.input, "test");
		long older = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);
		Files.writeString(file, ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy")));
		this.runner.run(this.input, "test");
		long newer = this.jdbc.queryForObject("SELECT max(id) FROM tonghop.submission", Long.class);

		// when the older version is processed again (a rerun by id; or two instances, the older one slower)
		this.runner.rerun(List.of(older), this.input, "test");

		// then the plain names still describe the newest version; the older's reports are in the database
		JsonNode report = new JsonMapper().readTree(Files.readString(this.input.resolve("004/reports/long-bien.csv.report.json")));
		assertThat(report.get("submissionId").asLong()).isEqualTo(newer);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_report WHERE submission_id = ?",
				Long.class, older)).isPositive();
	}

	@Test
	void filesNamedAsLongAsLinuxAllowsAreProcessedAndGetTheirReports() throws Exception {
		// given in Long Biên's folder an accepted workbook named in 240 bytes of Vietnamese, and two
		// rejected ones named in 255, the most Linux allows, which differ only at the end
		Path folder = this.input.resolve("004");
		String accepted = ExampleFiles.longName(240, ".xlsx");
		String first = ExampleFiles.longName(255, "-lần-1.xlsx");
		String second = ExampleFiles.longName(255, "-lần-2.xlsx");
		FeedbackFixtures.longBien(folder.resolve(accepted), Format.XLSX, sheet -> {
		});
		FeedbackFixtures.longBien(folder.resolve(first), Format.XLSX,
				sheet -> sheet.getRow(5).getCell(5).setCellValue("khoảng 1.700"));
		FeedbackFixtures.longBien(folder.resolve(second), Format.XLSX,
				sheet -> sheet.getRow(5).getCell(5).setCellValue("khoảng 1.800"));

		// when
		JobExecution run = this.runner.run(this.input, "test");

		// then the run completes and each file is taken, archived under its name and processed as any other
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("SELECT file_name || ' ' || state FROM tonghop.submission", String.class))
			.containsExactlyInAnyOrder(accepted + " accepted", first + " rejected", second + " rejected");
		assertThat(this.jdbc.queryForList("SELECT archive_path FROM tonghop.submission", String.class))
			.allSatisfy(archived -> assertThat(Path.of(archived)).exists())
			.extracting(archived -> Path.of(archived).getFileName().toString())
			.containsExactlyInAnyOrder(accepted, first, second);

		// and its reports are written: under the plain names where they fit, else under a shortened
		// stem of their own, and the reports say which file they are about
		List<String> written = names(folder.resolve("reports"));
		assertThat(written).hasSize(6)
			.contains(ReportFolders.jsonName(accepted), ReportFolders.workbookName(accepted, "xlsx"))
			.contains(ReportFolders.jsonName(first), ReportFolders.workbookName(first, "xlsx"))
			.contains(ReportFolders.jsonName(second), ReportFolders.workbookName(second, "xlsx"))
			.allSatisfy(name -> assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255));
		assertThat(ReportFolders.jsonName(first)).isNotEqualTo(ReportFolders.jsonName(second));
		assertThat(report(folder.resolve("reports").resolve(ReportFolders.jsonName(accepted))).get("outcome").asString())
			.isEqualTo("accepted");
		JsonNode rejected = report(folder.resolve("reports").resolve(ReportFolders.jsonName(first)));
		assertFile(rejected, first);
		assertThat(rejected.get("outcome").asString()).isEqualTo("rejected");
		assertThat(report(folder.resolve("reports").resolve(ReportFolders.jsonName(second))).get("file").get("name")
			.asString()).isEqualTo(second);
		assertThat(this.jdbc.queryForList("SELECT file_name FROM tonghop.submission_report", String.class))
			.containsExactlyInAnyOrderElementsOf(written);
	}

	@Test
	void aRolledBackFileLeavesNoReportWhereACommittedOneDoes() throws Exception {
		// given a run that knows the drop folder, and a submission in it
		long run = this.runner.run(this.input, "test").getId();
		PendingSubmission pending = submission("004/long-bien.xlsx");

		// when its outcome is rolled back
		this.transactions.executeWithoutResult(status -> {
			this.feedback.report(processed(pending, run), problems(), new FileChecks());
			status.setRollbackOnly();
		});

		// then the folder holds nothing: the files written before the commit are gone with it
		assertThat(this.input.resolve("004/reports")).isEmptyDirectory();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_report", Integer.class)).isZero();

		// and when it commits
		this.transactions.executeWithoutResult(status -> this.feedback.report(processed(pending, run), problems(), new FileChecks()));

		// then
		assertThat(names(this.input.resolve("004/reports"))).containsExactly("long-bien.xlsx.annotated.xlsx",
				"long-bien.xlsx.report.json");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_report", Integer.class)).isEqualTo(2);
	}

	@Test
	void reportsCanGoToOneDirectoryOrOnlyToTheDatabase() throws Exception {
		// given
		long run = this.runner.run(this.input, "test").getId();
		PendingSubmission pending = submission("004/long-bien.xlsx");
		SubmissionFeedback oneDirectory = new SubmissionFeedback(this.jdbc, this.jobs, this.intake,
				new FeedbackProperties(true, this.elsewhere, DataSize.ofMegabytes(5)), ReadLimits.defaults());
		SubmissionFeedback databaseOnly = new SubmissionFeedback(this.jdbc, this.jobs, this.intake,
				new FeedbackProperties(false, null, DataSize.ofMegabytes(5)), ReadLimits.defaults());

		// when
		oneDirectory.report(processed(pending, run), problems(), new FileChecks());

		// then
		assertThat(names(this.elsewhere.resolve("004"))).containsExactly("long-bien.xlsx.annotated.xlsx",
				"long-bien.xlsx.report.json");
		assertThat(this.input.resolve("004/reports")).doesNotExist();

		// when
		Files.delete(this.elsewhere.resolve("004/long-bien.xlsx.report.json"));
		databaseOnly.report(processed(pending, run), problems(), new FileChecks());

		// then
		assertThat(names(this.elsewhere.resolve("004"))).containsExactly("long-bien.xlsx.annotated.xlsx");
		assertThat(this.input.resolve("004/reports")).doesNotExist();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_report", Integer.class)).isEqualTo(2);
	}

	private PendingSubmission submission(String sourcePath) throws IOException {
		Path file = FeedbackFixtures.longBien(this.input.resolve(sourcePath), Format.XLSX,
				sheet -> sheet.getRow(5).getCell(5).setCellValue("khoảng 1.700"));
		// Not in the drop folder while the run scans it: the test registers it by hand.
		Path archived = Files.move(file, this.elsewhere.resolve("archived-" + file.getFileName()));
		long id = this.jdbc.queryForObject("INSERT INTO tonghop.submission (content_hash, file_name, source_path, "
				+ "folder_unit_code, size_bytes, archive_path) VALUES ('cafe', ?, ?, '004', ?, ?) RETURNING id", Long.class,
				file.getFileName().toString(), sourcePath, Files.size(archived), archived.toString());
		return new PendingSubmission(id, file.getFileName().toString(), sourcePath, "004", archived, "cafe", null, false);
	}

	private static SubmissionFeedback.Processed processed(PendingSubmission pending, long run) {
		return new SubmissionFeedback.Processed(pending, run, "rejected", "Báo cáo", "004", "NQDH13", 0);
	}

	private static ProblemList problems() {
		ProblemList problems = new ProblemList(10);
		problems.add(Problem.of(Rule.NUMBER_TEXT, new Location("Báo cáo", 6, "F"), "khoảng 1.700", "khoảng 1.700"));
		return problems;
	}

	private JsonNode report(Path file) throws IOException {
		assertThat(file).exists();
		return this.json.readTree(Files.readAllBytes(file));
	}

	private void assertFile(JsonNode report, String name) {
		assertThat(report.get("format").asString()).isEqualTo("tonghop-submission-report");
		assertThat(report.get("version").asInt()).isEqualTo(1);
		Map<String, Object> submission = this.jdbc.queryForMap(
				"SELECT id, content_hash, size_bytes FROM tonghop.submission WHERE file_name = ?", name);
		assertThat(report.get("submissionId").asLong()).isEqualTo(submission.get("id"));
		JsonNode file = report.get("file");
		assertThat(file.get("name").asString()).isEqualTo(name);
		assertThat(file.get("path").asString()).isEqualTo("004/" + name);
		assertThat(file.get("sha256").asString()).isEqualTo(submission.get("content_hash")).hasSize(64);
		assertThat(file.get("sizeBytes").asLong()).isEqualTo(submission.get("size_bytes"));
		assertThat(report.get("processedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
	}

	private static void assertCounts(JsonNode report, int rowsLoaded, int errors, int warnings) {
		JsonNode counts = report.get("counts");
		assertThat(counts.get("rowsLoaded").asInt()).isEqualTo(rowsLoaded);
		assertThat(counts.get("errors").asInt()).isEqualTo(errors);
		assertThat(counts.get("warnings").asInt()).isEqualTo(warnings);
		assertThat(counts.get("problemsCounted").asInt()).isEqualTo(errors + warnings);
		assertThat(counts.get("problemsKept").asInt()).isEqualTo(errors + warnings);
	}

	private static void assertProblem(JsonNode problem, String severity, String code, int row, String column,
			String value) {
		assertThat(problem.get("severity").asString()).isEqualTo(severity);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("sheet").asString()).isEqualTo("Báo cáo");
		assertThat(problem.get("row").asInt()).isEqualTo(row);
		assertThat(problem.get("column").asString()).isEqualTo(column);
		assertThat(problem.get("cell").asString()).isEqualTo(column + row);
		assertThat(problem.get("value").asString()).isEqualTo(value);
		assertThat(problem.get("message").get("vi").asString()).contains(value);
		assertThat(problem.get("message").get("en").asString()).contains(value);
	}

	private byte[] stored(String sourcePath, String kind) {
		return this.jdbc.queryForObject("SELECT r.content FROM tonghop.submission_report r JOIN tonghop.submission s "
				+ "ON s.id = r.submission_id WHERE s.source_path = ? AND r.kind = ?", byte[].class, sourcePath, kind);
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

}
