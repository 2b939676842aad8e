package vn.tonghop.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * Awkward files districts send, through the real ingest job: each must be loaded exactly as written
 * or rejected naming the cell, never loaded with a figure other than the one the district sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class AwkwardFilesIngestTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@BeforeEach
	void clean() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	private Path workbook(String name, List<Object[]> rows, Consumer<Sheet> more) throws IOException {
		Path file = this.input.resolve(name);
		Files.createDirectories(file.getParent());
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Báo cáo");
			LayoutRows.fill(sheet, rows);
			more.accept(sheet);
			workbook.write(out);
		}
		return file;
	}

	/** Runs the job; the file's state, rows loaded and first problem, and the members loaded in the warehouse. */
	private String run(String name) throws Exception {
		JobExecution execution = this.runner.run(this.input, "test");
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return this.jdbc.queryForObject("SELECT state || ' ' || coalesce(rows_loaded, -1) || ' ' || coalesce(first_problem, '-') "
				+ "|| ' | members ' || (SELECT coalesce(sum(members_attending), 0) FROM warehouse.participation) "
				+ "FROM tonghop.submission WHERE job_execution_id = ? AND file_name = ?", String.class, execution.getId(),
				name);
	}

	@Test
	void aHeadCountShownAsADateIsRejectedNotLoadedAsItsSerialNumber() throws Exception {
		// given a members cell formatted as a date: Excel shows 03/05/2021, its value is 44319
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] { 3, "Phường Ngọc Lâm", "Phường", LocalDate.of(2021, 5, 3), 10 });
		workbook("ngay-thang.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("ngay-thang.xlsx"))
			.isEqualTo("rejected 0 Báo cáo!D7: Not a whole number: \"03/05/2021\" | members 0");
	}

	@Test
	void aUnitLabelLeftBlankInTheUnitsFolderDoesNotHideTheConferenceBesideIt() throws Exception {
		// given the template's unit left blank in Long Biên's folder, the conference labelled in the same row
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(0, new Object[] { "Đơn vị báo cáo:", null, "Hội nghị:", "NQDH13" });
		rows.set(1, new Object[] {});
		workbook("004/de-trong.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("de-trong.xlsx")).isEqualTo("accepted 2 - | members 210");
	}

	@Test
	void membersSplitIntoTotalAndWomenUnderTwoMergedHeaderRowsLoadTheTotal() throws Exception {
		// given "Số đảng viên tham dự" merged over "Tổng số" and "Trong đó: nữ", the other headers merged down
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(3, new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", null,
				"Số người khác tham dự" });
		rows.add(4, new Object[] { null, null, null, "Tổng số", "Trong đó: nữ" });
		rows.set(5, new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 40, 10 });
		rows.set(6, new Object[] { 2, "Phường Cự Khối", "Phường", 110, 50, 10 });
		workbook("dang-vien-nu.xlsx", rows, (sheet) -> {
			for (int column : new int[] { 0, 1, 2, 5 }) {
				sheet.addMergedRegion(new CellRangeAddress(3, 4, column, column));
			}
			sheet.addMergedRegion(new CellRangeAddress(3, 3, 3, 4));
		});

		// then
		assertThat(run("dang-vien-nu.xlsx")).isEqualTo("accepted_with_warnings 2 Báo cáo!E5: Unknown column ignored: "
				+ "Số đảng viên tham dự Trong đó: nữ | members 210");
	}

	@Test
	void aTotalsRowNamingWhatItSumsIsTheTotalsRow() throws Exception {
		// given "TỔNG CỘNG TOÀN QUẬN" under the rows, with the count of points where the level goes
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] { null, "TỔNG CỘNG TOÀN QUẬN", "2 điểm cầu", 210, 20 });
		workbook("toan-quan.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("toan-quan.xlsx")).isEqualTo("accepted 2 - | members 210");
	}

	@Test
	void aWrongTotalsRowNamingWhatItSumsIsReported() throws Exception {
		// given "Tổng cộng: 2 điểm cầu" whose members figure is not the rows' sum
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] { null, "Tổng cộng: 2 điểm cầu", null, 200, 20 });
		workbook("sai-tong.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("sai-tong.xlsx")).isEqualTo("rejected 0 Báo cáo!D7: Totals row, column Số đảng viên tham dự: "
				+ "written 200 but the rows add up to 210 | members 0");
	}

}
