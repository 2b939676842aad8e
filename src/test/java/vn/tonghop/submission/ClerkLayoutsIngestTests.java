package vn.tonghop.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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
 * Reports as district offices make them: the party's title block, headers in two or three rows with
 * units and sums in brackets, parts with their headings and subtotals, signatures, several sheets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class ClerkLayoutsIngestTests {

	private static final String WARDS = "Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10";

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

	private Path xlsx(String name, String sheetName, List<Object[]> rows, Consumer<Sheet> more) throws IOException {
		Path file = this.input.resolve(name);
		Files.createDirectories(file.getParent());
		try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet(sheetName);
			LayoutRows.fill(sheet, rows);
			more.accept(sheet);
			workbook.write(out);
		}
		return file;
	}

	private String run(String name) throws Exception {
		JobExecution execution = this.runner.run(this.input, "test");
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE job_execution_id = ? AND file_name = ?",
				Long.class, execution.getId(), name);
		return this.jdbc.queryForObject("SELECT state || ' ' || coalesce(rows_loaded, -1) || ' ['"
				+ " || coalesce((SELECT string_agg(code || ' ' || coalesce(column_name, '') || coalesce(row_number::text, ''), ', '"
				+ " ORDER BY seq) FROM tonghop.submission_problem WHERE submission_id = s.id), '') || '] | '"
				+ " || coalesce((SELECT string_agg(point_name || ' ' || point_level || ' ' || members_attending || '+' || others_attending, '; '"
				+ " ORDER BY source_row) FROM warehouse.participation WHERE submission_id = s.id), '-')"
				+ " FROM tonghop.submission s WHERE id = ?", String.class, id);
	}

	static List<Object[]> titleBlock() {
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", null, null, null, "ĐẢNG CỘNG SẢN VIỆT NAM" });
		rows.add(new Object[] { "QUẬN ỦY LONG BIÊN" });
		rows.add(new Object[] { "*", null, null, null, "Long Biên, ngày 29 tháng 3 năm 2021" });
		rows.add(new Object[] { "Số 45-BC/QU" });
		rows.add(new Object[] {});
		rows.add(new Object[] { "BÁO CÁO KẾT QUẢ HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT ĐẠI HỘI XIII CỦA ĐẢNG" });
		rows.add(new Object[] { "Hội nghị: NQDH13" });
		rows.add(new Object[] {});
		return rows;
	}

	static void signatures(List<Object[]> rows) {
		rows.add(new Object[] {});
		rows.add(new Object[] { "Nơi nhận:", null, null, null, "T/M BAN THƯỜNG VỤ" });
		rows.add(new Object[] { "- Ban Tuyên giáo Thành ủy;", null, null, null, "PHÓ BÍ THƯ" });
		rows.add(new Object[] { "- Lưu VP." });
		rows.add(new Object[] {});
		rows.add(new Object[] { null, null, null, null, "Nguyễn Văn An" });
	}

	@Test
	void aDistrictOfficesReportWithItsTitleBlockGroupedHeaderPartsAndSignaturesLoadsEachPointOnce() throws Exception {
		// given the title block, "Số người tham dự" over its columns, column numbers, the total on top, two
		// parts, "Nơi nhận" and signatures
		List<Object[]> rows = titleBlock();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số người tham dự", null, null, "Ghi chú" });
		rows.add(new Object[] { null, null, null, "Đảng viên", "Quần chúng", "Tổng số" });
		rows.add(new Object[] { "(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(4)+(5)", "(7)" });
		rows.add(new Object[] { null, "Tổng cộng", null, 360, 50, 410 });
		rows.add(new Object[] { "I", "CẤP QUẬN", null, 150, 30, 180 });
		rows.add(new Object[] { 1, "Hội trường Quận ủy", "Quận", 150, 30, 180 });
		rows.add(new Object[] { "II", "CẤP CƠ SỞ", null, 210, 20, 230 });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 10, 110 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 110, 10, 120 });
		signatures(rows);
		xlsx("004/bao-cao.xlsx", "Biểu 01", rows, (sheet) -> {
			for (int column : new int[] { 0, 1, 2, 6 }) {
				sheet.addMergedRegion(new CellRangeAddress(8, 9, column, column));
			}
			sheet.addMergedRegion(new CellRangeAddress(8, 8, 3, 5));
			sheet.addMergedRegion(new CellRangeAddress(5, 5, 0, 6));
			sheet.createFreezePane(0, 11);
			sheet.getWorkbook().setPrintArea(0, 0, 6, 0, 25);
		});

		// then
		assertThat(run("bao-cao.xlsx")).isEqualTo("accepted 3 [] | Hội trường Quận ủy district 150+30; "
				+ WARDS);
	}

	@Test
	void headersWithLineBreaksAUnitAndTheColumnsSumInBracketsAreRecognisedAndTheTotalChecked() throws Exception {
		// given headers with line breaks and notes in brackets, figures typed as text with a thousands dot or a space after
		List<Object[]> rows = titleBlock();
		rows.add(new Object[] { "TT", "Tên điểm\ncầu", "Cấp\nđiểm cầu", "Số đảng viên\ntham dự\n(người)", "Số người khác tham dự (người)",
				"Tổng số người tham dự (người) (6=4+5)", "Ghi chú" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", "1.100", "10 ", "1.110" });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", "110\u00a0", 10, 120 });
		rows.add(new Object[] { null, "Tổng cộng", null, "1.210", 20, "1.230" });
		signatures(rows);
		xlsx("004/don-vi.xlsx", "Sheet1", rows, (sheet) -> { });

		// then
		assertThat(run("don-vi.xlsx")).isEqualTo(
				"accepted 2 [] | Phường Bồ Đề grassroots 1100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aHeaderOfGroupTitlesColumnNamesAndUnitsIsNoData() throws Exception {
		// given a header in three rows, the last of units, then column letters and numbers
		List<Object[]> rows = titleBlock();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số người tham dự", null, null, "Ghi chú" });
		rows.add(new Object[] { null, null, null, "Đảng viên", "Quần chúng", "Tổng số" });
		rows.add(new Object[] { null, null, null, "(người)", "(người)", "(người)" });
		rows.add(new Object[] { "A", "B", "C", 1, 2, 3, 4 });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 10, 110 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 110, 10, 120 });
		rows.add(new Object[] { null, "Tổng cộng", null, 210, 20, 230 });
		signatures(rows);
		xlsx("004/ba-dong.xlsx", "Biểu 01", rows, (sheet) -> {
			for (int column : new int[] { 0, 1, 2, 6 }) {
				sheet.addMergedRegion(new CellRangeAddress(8, 10, column, column));
			}
			sheet.addMergedRegion(new CellRangeAddress(8, 8, 3, 5));
		});

		// then
		assertThat(run("ba-dong.xlsx")).isEqualTo("accepted 2 [] | " + WARDS);
	}

	@Test
	void aTotalsRowWrittenTongSoDiemCauIsTheTotalsRow() throws Exception {
		// given "Tổng số điểm cầu" under the rows, the number of points in the level column
		List<Object[]> rows = titleBlock();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 10 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 110, 10 });
		rows.add(new Object[] { null, "Tổng số điểm cầu", 2, 210, 20 });
		signatures(rows);
		xlsx("004/tong-so-diem-cau.xlsx", "Sheet1", rows, (sheet) -> { });

		// then
		assertThat(run("tong-so-diem-cau.xlsx")).isEqualTo("accepted 2 [] | " + WARDS);
	}


	@Test
	void partHeadingsWithALevelAreNotCountedAsPointsWhenNoTotalsRowWouldTell() throws Exception {
		// given Roman-numbered headings with their part's level and sums, and no totals row
		List<Object[]> rows = titleBlock();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự" });
		rows.add(new Object[] { "I", "CẤP QUẬN VÀ TƯƠNG ĐƯƠNG", "Quận", 150, 30 });
		rows.add(new Object[] { 1, "Hội trường Quận ủy", "Quận", 150, 30 });
		rows.add(new Object[] { "II", "CÁC PHƯỜNG", "Phường", 210, 20 });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 10 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 110, 10 });
		signatures(rows);
		xlsx("004/phan.xlsx", "Sheet1", rows, (sheet) -> { });

		// then
		assertThat(run("phan.xlsx")).isEqualTo("accepted 3 [] | Hội trường Quận ủy district 150+30; "
				+ WARDS);
	}

	@Test
	void aPartHeadingWithTheLevelMergedDownOverItsPartIsNotCountedAsAPoint() throws Exception {
		// given "II. CÁC PHƯỜNG" with its sums, the level merged down from it over its points
		List<Object[]> rows = titleBlock();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự" });
		rows.add(new Object[] { null, "II. CÁC PHƯỜNG", "Phường", 210, 20 });
		rows.add(new Object[] { 1, "Phường Bồ Đề", null, 100, 10 });
		rows.add(new Object[] { 2, "Phường Cự Khối", null, 110, 10 });
		signatures(rows);
		xlsx("004/phan2.xlsx", "Sheet1", rows, (sheet) -> sheet.addMergedRegion(new CellRangeAddress(9, 11, 2, 2)));

		// then
		assertThat(run("phan2.xlsx")).isEqualTo("accepted 2 [] | " + WARDS);
	}

	@Test
	void theTableIsReadFromTheSecondSheetWhenTheFirstHoldsASummaryByLevel() throws Exception {
		// given "Sheet1" counting points by level, "Biểu 01" listing them
		Path file = this.input.resolve("004/hai-sheet.xlsx");
		Files.createDirectories(file.getParent());
		try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			List<Object[]> first = titleBlock();
			first.add(new Object[] { "STT", "Đơn vị", "Số điểm cầu", null, null, "Số người tham dự" });
			first.add(new Object[] { null, null, "Cấp tỉnh", "Cấp huyện", "Cấp cơ sở", "Đảng viên", "Quần chúng" });
			first.add(new Object[] { 1, "Quận ủy Long Biên", 0, 0, 2, 210, 20 });
			LayoutRows.fill(workbook.createSheet("Sheet1"), first);
			List<Object[]> second = titleBlock();
			second.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự" });
			second.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 10 });
			second.add(new Object[] { 2, "Phường Cự Khối", "Phường", 110, 10 });
			second.add(new Object[] { null, "Tổng cộng", null, 210, 20 });
			LayoutRows.fill(workbook.createSheet("Biểu 01"), second);
			workbook.write(out);
		}

		// then
		assertThat(run("hai-sheet.xlsx")).isEqualTo("accepted 2 [] | " + WARDS);
	}

	@Test
	void aTopTotalPartsWithTheirSubtotalsAndFiguresTypedAsTextLoadEachPointOnce() throws Exception {
		// given the total on top, each part closed by its "Cộng", blank rows between, figures typed "1.150 "
		List<Object[]> rows = titleBlock();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự", "Tổng số" });
		rows.add(new Object[] { "A", "B", "C", 1, 2, "3=1+2" });
		rows.add(new Object[] { null, "TỔNG CỘNG", null, "1.360", 50, "1.410" });
		rows.add(new Object[] {});
		rows.add(new Object[] { "I.", "CẤP QUẬN" });
		rows.add(new Object[] { 1, "Hội trường Quận ủy", "Quận", "1.150 ", 30, "1.180 " });
		rows.add(new Object[] { null, "Cộng I", null, "1.150", 30, "1.180" });
		rows.add(new Object[] {});
		rows.add(new Object[] { "II.", "CẤP CƠ SỞ" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 10, 110 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 110, 10, 120 });
		rows.add(new Object[] { null, "Cộng II", null, 210, 20, 230 });
		signatures(rows);
		xlsx("004/cong-phan.xlsx", "Biểu 01", rows, (sheet) -> { });

		// then
		assertThat(run("cong-phan.xlsx")).isEqualTo("accepted 3 [] | Hội trường Quận ủy district 1150+30; "
				+ WARDS);
	}

	@Test
	void aHiddenColumnIsReadAndACopyOnTheNextSheetIgnored() throws Exception {
		// given a hidden column of codes, and a copy with other figures on the next sheet
		Path file = this.input.resolve("004/an-cot.xlsx");
		Files.createDirectories(file.getParent());
		try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			List<Object[]> rows = titleBlock();
			rows.add(new Object[] { "STT", "Tên điểm cầu", "Mã", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự" });
			rows.add(new Object[] { 1, "Phường Bồ Đề", "BD", "Phường", 100, 10 });
			rows.add(new Object[] { 2, "Phường Cự Khối", "CK", "Phường", 110, 10 });
			rows.add(new Object[] { null, "Tổng cộng", null, null, 210, 20 });
			Sheet sheet = workbook.createSheet("Biểu 01");
			LayoutRows.fill(sheet, rows);
			sheet.setColumnHidden(2, true);
			List<Object[]> copy = titleBlock();
			copy.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự" });
			copy.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 999, 10 });
			LayoutRows.fill(workbook.createSheet("Biểu 01 (2)"), copy);
			workbook.write(out);
		}

		// then
		assertThat(run("an-cot.xlsx")).isEqualTo("accepted_with_warnings 2 [unknown-column C9] | " + WARDS);
	}

	@Test
	void aTotalsRowWrittenToanQuanIsNotCountedAsAPoint() throws Exception {
		// given "Toàn quận" over the rows, the level "Phường" merged down the whole column
		List<Object[]> rows = titleBlock();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự" });
		rows.add(new Object[] { null, "Toàn quận", "Phường", 210, 20 });
		rows.add(new Object[] { 1, "Phường Bồ Đề", null, 100, 10 });
		rows.add(new Object[] { 2, "Phường Cự Khối", null, 110, 10 });
		signatures(rows);
		xlsx("004/toan-quan.xlsx", "Sheet1", rows, (sheet) -> sheet.addMergedRegion(new CellRangeAddress(9, 11, 2, 2)));

		// then
		assertThat(run("toan-quan.xlsx")).isEqualTo("accepted 2 [] | " + WARDS);
	}
}
