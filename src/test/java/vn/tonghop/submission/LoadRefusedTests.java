package vn.tonghop.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows the database refuses with a data error no check foresaw (SQLSTATE class 22, a CHECK
 * constraint) reject their file, which is taken back whole, by either way of loading it; the run
 * goes on. Any other database error still fails the run and leaves the file pending.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class LoadRefusedTests {

	private static final List<String> FIRST_VERSION = List.of("Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy");

	/** The second version: Ngọc Lâm, the point the database refuses, is its second row, row 6 of the sheet. */
	private static final List<String> SECOND_VERSION = List.of("Phường Bồ Đề", "Phường Ngọc Lâm", "Phường Gia Thụy");

	private static final String REFUSED = "Phường Ngọc Lâm";

	/** What the refused second version adds after its error: the first version still stands. */
	private static final String KEPT = "version-kept warning null null The file is rejected, so it does not count: the "
			+ "unit's version that stands is the one received before this one, 004/long-bien.csv";

	private static final String KEPT_VI = "Tệp bị từ chối nên không được tính: phiên bản đang được dùng cho đơn vị này "
			+ "là tệp nhận trước tệp này, 004/long-bien.csv";

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@AfterEach
	void acceptEverythingAgain() {
		RefusingDatabase.remove(this.jdbc);
	}

	@Test
	void aRowRefusedWhileStreamedStraightInRejectsTheFileNamingTheRowAndTheRunGoesOn() throws Exception {
		// given Long Biên's first version loaded, and a database that refuses Ngọc Lâm
		Path file = this.input.resolve("004/long-bien.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, ExampleFiles.longBienCsv(FIRST_VERSION));
		this.runner.run(this.input, "test");
		Standing before = standing();
		RefusingDatabase.refuse(this.jdbc, REFUSED, "numeric_value_out_of_range");

		// when a second version naming its unit and conference above the table arrives with a good file of Thanh Hóa
		Files.writeString(file, ExampleFiles.longBienCsv(SECOND_VERSION));
		writeThanhHoa();
		JobExecution execution = this.runner.run(this.input, "test");

		// then the second version is rejected at Ngọc Lâm's row with the database's reason
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long refused = submission(execution, "long-bien.csv");
		assertThat(this.jdbc.queryForMap("SELECT state, is_current, rows_loaded, unit_code, first_problem "
				+ "FROM tonghop.submission WHERE id = ?", refused))
			.containsEntry("state", "rejected")
			.containsEntry("is_current", false)
			.containsEntry("rows_loaded", 0)
			.containsEntry("unit_code", "004")
			.containsEntry("first_problem", "long-bien!6: " + refusal("22003"));
		assertThat(problems(refused)).containsExactly("load-refused error long-bien 6 null " + refusal("22003"), KEPT);
		// and the district reads in Vietnamese what kind of refusal it is, and the database's own words, quoted as its
		assertThat(vietnamese(refused)).containsExactly("Cơ sở dữ liệu không nhận số liệu của tệp: một số vượt quá "
				+ "giới hạn của kho dữ liệu; nguyên văn lời báo của cơ sở dữ liệu: \"value out of range: " + REFUSED
				+ "\" (mã lỗi 22003); hãy báo cho quản trị hệ thống", KEPT_VI);
		assertThat(this.jdbc.queryForList("SELECT kind FROM tonghop.submission_report WHERE submission_id = ? ORDER BY kind",
				String.class, refused)).containsExactly("json", "workbook");
		// and nothing of it stays: the first version stands as it was
		assertThat(standing()).isEqualTo(before);
		// and the other file of the run is loaded
		assertThatThanhHoaIsLoaded(execution);
	}

	@Test
	void aRowRefusedDeepInAFileLargeEnoughToBeReadAheadRejectsItWholeAndTheRunGoesOn() throws Exception {
		// given a first version of 30,000 points, over a megabyte, whose point 25,000 (row 25,004) the database refuses
		StringBuilder csv = new StringBuilder("Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n"
				+ "STT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;Số đảng viên tham dự;Số người khác tham dự\n");
		for (int i = 1; i <= 30_000; i++) {
			csv.append(i).append(";Chi bộ số ").append(i).append(" tổ dân phố Bồ Đề;Chi bộ;Phường Bồ Đề;100;0\n");
		}
		Path file = this.input.resolve("004/long-bien.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, csv.append(";Tổng cộng;;;3000000;0\n"));
		assertThat(Files.size(file)).isGreaterThan(1 << 20);
		RefusingDatabase.refuse(this.jdbc, "Chi bộ số 25000 tổ dân phố Bồ Đề", "numeric_value_out_of_range");
		writeThanhHoa();

		// when
		JobExecution execution = this.runner.run(this.input, "test");

		// then the file is rejected at that row and nothing of it stays
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long refused = submission(execution, "long-bien.csv");
		assertThat(this.jdbc.queryForMap("SELECT state, rows_loaded FROM tonghop.submission WHERE id = ?", refused))
			.containsEntry("state", "rejected")
			.containsEntry("rows_loaded", 0);
		assertThat(problems(refused)).first().asString().startsWith("load-refused error long-bien 25004 ");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE reporting_unit_code = '004'",
				Long.class)).isZero();
		// and the run went on, with no thread left reading the file
		assertThatThanhHoaIsLoaded(execution);
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch((thread) -> thread.getName().startsWith("read-"));
	}

	@Test
	void rowsRefusedWhenPlacedFromStagingRejectTheFileAndTheRunGoesOn() throws Exception {
		// given Long Biên's first version loaded, and a CHECK constraint that Ngọc Lâm breaks
		Path file = this.input.resolve("004/long-bien.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, ExampleFiles.longBienCsv(FIRST_VERSION));
		this.runner.run(this.input, "test");
		Standing before = standing();
		RefusingDatabase.check(this.jdbc, REFUSED);

		// when a second version that leaves its unit to the drop folder (so it is staged) arrives with a good file
		Files.writeString(file, ExampleFiles.longBienCsv(SECOND_VERSION).replace("Đơn vị báo cáo;Quận ủy Long Biên", ""));
		writeThanhHoa();
		JobExecution execution = this.runner.run(this.input, "test");

		// then the second version is rejected at Ngọc Lâm's name, cell B6: the row the database says failed, the
		// column the constraint is on
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long refused = submission(execution, "long-bien.csv");
		String reason = "new row for relation \"participation\" violates check constraint \"refused_point\"";
		assertThat(this.jdbc.queryForMap("SELECT state, is_current, rows_loaded, unit_code FROM tonghop.submission "
				+ "WHERE id = ?", refused))
			.containsEntry("state", "rejected")
			.containsEntry("is_current", false)
			.containsEntry("rows_loaded", 0)
			.containsEntry("unit_code", "004");
		assertThat(problems(refused)).containsExactly("load-refused error long-bien 6 B "
				+ "The database refused the file's figures: " + reason + " (SQLSTATE 23514); please tell the administrators",
				KEPT);
		assertThat(vietnamese(refused)).containsExactly("Cơ sở dữ liệu không nhận số liệu của tệp: số liệu vi phạm một "
				+ "ràng buộc kiểm tra của kho dữ liệu; nguyên văn lời báo của cơ sở dữ liệu: \"" + reason
				+ "\" (mã lỗi 23514); hãy báo cho quản trị hệ thống", KEPT_VI);
		assertThat(standing()).isEqualTo(before);
		assertThatThanhHoaIsLoaded(execution);
	}

	@Test
	void aConstraintOnOneColumnBrokenWhileStreamedStraightInNamesTheCell() throws Exception {
		// given a CHECK constraint on the point name that Ngọc Lâm breaks
		Path file = this.input.resolve("004/long-bien.csv");
		Files.createDirectories(file.getParent());
		RefusingDatabase.check(this.jdbc, REFUSED);

		// when a file naming its unit and conference above the table, so streamed straight in, arrives
		Files.writeString(file, ExampleFiles.longBienCsv(SECOND_VERSION));
		JobExecution execution = this.runner.run(this.input, "test");

		// then it is rejected at Ngọc Lâm's name, cell B6
		long refused = submission(execution, "long-bien.csv");
		assertThat(problems(refused)).containsExactly("load-refused error long-bien 6 B The database refused the file's "
				+ "figures: new row for relation \"participation\" violates check constraint \"refused_point\" (SQLSTATE "
				+ "23514); please tell the administrators");
	}

	@ParameterizedTest
	@ValueSource(strings = { "unique_violation", "deadlock_detected" })
	void anyOtherDatabaseErrorFailsTheRunAndLeavesTheFilePending(String condition) throws Exception {
		// given Long Biên's first version loaded, and a database that fails on Ngọc Lâm with an error that is no data error
		Path file = this.input.resolve("004/long-bien.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, ExampleFiles.longBienCsv(FIRST_VERSION));
		this.runner.run(this.input, "test");
		Standing before = standing();
		RefusingDatabase.refuse(this.jdbc, REFUSED, condition);

		// when the second version arrives
		Files.writeString(file, ExampleFiles.longBienCsv(SECOND_VERSION));
		JobExecution execution = this.runner.run(this.input, "test");

		// then the run fails, the file is left for the next run and is no rejection
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jdbc.queryForList("SELECT state FROM tonghop.submission WHERE file_name = 'long-bien.csv' "
				+ "ORDER BY id", String.class)).containsExactly("accepted", "pending");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_problem", Integer.class)).isZero();
		assertThat(standing()).isEqualTo(before);
	}

	/** Thanh Hóa's example with its totals row put right: 815, not 825. */
	private void writeThanhHoa() throws IOException {
		Path file = this.input.resolve("380/thanh-hoa.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, Files.readString(Path.of("input/380/thanh-hoa-tp-nqdh13-ban-nhap.csv")).replace(";825", ";815"));
	}

	private void assertThatThanhHoaIsLoaded(JobExecution execution) {
		long thanhHoa = submission(execution, "thanh-hoa.csv");
		assertThat(this.jdbc.queryForList("SELECT state || ' ' || is_current || ' ' || rows_loaded FROM tonghop.submission "
				+ "WHERE id = ?", String.class, thanhHoa)).containsExactly("accepted true 3");
		assertThat(this.jdbc.queryForObject("SELECT sum(participants) FROM warehouse.participation WHERE submission_id = ?",
				Long.class, thanhHoa)).isEqualTo(815L);
	}

	/** What stands for Long Biên: the current version, its rows, the province's totals and the changes recorded. */
	private Standing standing() {
		return new Standing(
				this.jdbc.queryForList("SELECT id FROM tonghop.submission WHERE is_current AND unit_code = '004'", Long.class),
				this.jdbc.queryForList("SELECT * FROM warehouse.participation WHERE reporting_unit_code = '004' "
						+ "ORDER BY source_row"),
				this.jdbc.queryForList("SELECT * FROM warehouse.participation_province_total WHERE province_code = '01'"),
				this.jdbc.queryForList("SELECT * FROM tonghop.submission_change WHERE reporting_unit_code = '004' ORDER BY id"));
	}

	private record Standing(List<Long> current, List<Map<String, Object>> rows, List<Map<String, Object>> provinceTotals,
			List<Map<String, Object>> changes) {
	}

	private long submission(JobExecution execution, String fileName) {
		return this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE job_execution_id = ? AND file_name = ?",
				Long.class, execution.getId(), fileName);
	}

	private List<String> problems(long submission) {
		return this.jdbc.queryForList("SELECT concat_ws(' ', code, severity, sheet, coalesce(row_number::text, 'null'), "
				+ "coalesce(column_name, 'null'), message_en) FROM tonghop.submission_problem WHERE submission_id = ? "
				+ "ORDER BY seq", String.class, submission);
	}

	private List<String> vietnamese(long submission) {
		return this.jdbc.queryForList("SELECT message_vi FROM tonghop.submission_problem WHERE submission_id = ? "
				+ "ORDER BY seq", String.class, submission);
	}

	private static String refusal(String sqlState) {
		return "The database refused the file's figures: value out of range: " + REFUSED + " (SQLSTATE " + sqlState
				+ "); please tell the administrators";
	}

}
