package vn.tonghop.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

/** Tables in parts and rows that only look like parts or totals, through the real ingest job. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class TablePartsIngestTests {

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

	private static List<String> head() {
		List<String> lines = new ArrayList<>();
		lines.add("Đơn vị báo cáo;Quận ủy Long Biên");
		lines.add("Hội nghị;NQDH13");
		lines.add("");
		lines.add("STT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;Hình thức;Ngày;Số đảng viên tham dự;Số người khác tham dự;Tổng số người tham dự");
		return lines;
	}

	private static String ward(int n, String name, String host, int members) {
		return n + ";" + name + ";Phường;" + host + ";Trực tuyến;27/03/2021;" + members + ";10;" + (members + 10);
	}

	private String run(String name, List<String> lines) throws Exception {
		Path file = this.input.resolve("004/" + name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		JobExecution execution = this.runner.run(this.input, "test");
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE job_execution_id = ? AND file_name = ?",
				Long.class, execution.getId(), name);
		return this.jdbc.queryForObject("SELECT state || ' ' || coalesce(rows_loaded, -1) || ' ' || coalesce(first_problem, '-') "
				+ "FROM tonghop.submission WHERE id = ?", String.class, id);
	}

	@Test
	void aWrongTotalsRowUnderTheHeaderIsReportedWhenAnotherEndsTheTable() throws Exception {
		// given "Tổng cộng" both under the header (wrong) and at the bottom (right)
		List<String> lines = head();
		lines.add(";Tổng cộng;;;;;999;20;230");
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(ward(2, "Phường Cự Khối", "Phường Cự Khối", 110));
		lines.add(";Tổng cộng;;;;;210;20;230");

		// then
		assertThat(run("hai-dong-tong.csv", lines)).isEqualTo("rejected 0 hai-dong-tong!G5: Totals row, column "
				+ "Số đảng viên tham dự: written 999 but the rows add up to 210");
	}

	@Test
	void aPointWithAMisspeltLevelRightUnderASubtotalIsReportedNotDropped() throws Exception {
		// given a subtotal, then the next part's only point with its level misspelt, then the grand total
		List<String> lines = head();
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(";Cộng;;;;;100;10;110");
		lines.add("2;Phường Cự Khối;Phuờngg;Phường Cự Khối;Trực tuyến;27/03/2021;110;10;120");
		lines.add(";Tổng cộng;;;;;210;20;230");
		lines.add(";Trong đó: đảng viên nữ;;;;;50;;");

		// then
		assertThat(run("go-sai-cap.csv", lines)).isEqualTo("rejected 0 go-sai-cap!C7: Unknown point level: \"Phuờngg\"; write one of the levels Trung ương, Tỉnh, Huyện, Cơ sở, Chi bộ");
	}

	@Test
	void aNoteWithAFigureInTheLevelColumnOfACsvStillEndsTheTable() throws Exception {
		// given under the totals row a note whose figure falls in the level column: in a CSV every field is text
		List<String> lines = head();
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(ward(2, "Phường Cự Khối", "Phường Cự Khối", 110));
		lines.add(";Tổng cộng;;;;;210;20;230");
		lines.add(";Số điểm cầu:;2;;;;;;");

		// then, as the same figure typed as a number in a workbook
		assertThat(run("so-diem-cau.csv", lines)).isEqualTo("accepted 2 -");
	}

	@Test
	void aTrongDoNoteSplitOverTheNameAndLevelColumnsEndsTheTable() throws Exception {
		// given under the totals row "Trong đó:" and its breakdown in the next cell
		List<String> lines = head();
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(ward(2, "Phường Cự Khối", "Phường Cự Khối", 110));
		lines.add(";Tổng cộng;;;;;210;20;230");
		lines.add(";Trong đó:;đảng viên nữ;;;;50;;");

		// then
		assertThat(run("trong-do.csv", lines)).isEqualTo("accepted 2 -");
	}

	@Test
	void signaturesAndAPlaceDateSplitOverTheNameAndLevelColumnsUnderTheTotalsRowEndTheTable() throws Exception {
		// given the lines under the totals row typed into the table's columns
		List<String> lines = head();
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(";Tổng cộng;;;;;100;10;110");
		lines.add(";Long Biên,;ngày 29 tháng 3 năm 2021");
		lines.add(";Người lập;T/M BAN THƯỜNG VỤ");
		lines.add(";Nguyễn Văn A;Trần Văn B");

		// then
		assertThat(run("chu-ky.csv", lines)).isEqualTo("accepted 1 -");
	}

	@Test
	void aPointNamedCongViIsLoaded() throws Exception {
		List<String> lines = head();
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(ward(2, "Cống Vị", "Phường Cự Khối", 110));
		lines.add(ward(3, "Phường Gia Thụy", "Phường Gia Thụy", 120));
		lines.add(";Tổng cộng;;;;;330;30;360");

		assertThat(run("cong-vi.csv", lines)).startsWith("accepted 3");
	}

	@Test
	void narrativeUnderTheTotalsRowIsNotTakenForRows() throws Exception {
		List<String> lines = head();
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(ward(2, "Phường Cự Khối", "Phường Cự Khối", 110));
		lines.add(";Tổng cộng;;;;;210;20;230");
		lines.add("");
		lines.add("I. Đánh giá chung");
		lines.add("Hội nghị được tổ chức nghiêm túc, đúng kế hoạch");

		assertThat(run("narrative.csv", lines)).startsWith("accepted 2");
	}

	@Test
	void mergedNarrativeUnderTheTotalsRowOfAWorkbookIsNotTakenForRows() throws Exception {
		List<String> lines = head();
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(ward(2, "Phường Cự Khối", "Phường Cự Khối", 110));
		lines.add(";Tổng cộng;;;;;210;20;230");
		lines.add("");
		lines.add("I. Đánh giá chung");
		lines.add("Hội nghị được tổ chức nghiêm túc, đúng kế hoạch");
		Path file = this.input.resolve("004/narrative.xlsx");
		Files.createDirectories(file.getParent());
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.OutputStream out = Files.newOutputStream(file)) {
			org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("Báo cáo");
			for (int r = 0; r < lines.size(); r++) {
				String[] cells = lines.get(r).split(";", -1);
				org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
				for (int c = 0; c < cells.length; c++) {
					if (!cells[c].isEmpty()) {
						if (cells[c].matches("\\d+")) {
							row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
						}
						else {
							row.createCell(c).setCellValue(cells[c]);
						}
					}
				}
			}
			sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(9, 9, 0, 8));
			sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(10, 10, 0, 8));
			workbook.write(out);
		}
		JobExecution execution = this.runner.run(this.input, "test");
		assertThat(this.jdbc.queryForObject("SELECT state || ' ' || coalesce(rows_loaded, -1) || ' ' || coalesce(first_problem, '-') "
				+ "FROM tonghop.submission WHERE job_execution_id = ?", String.class, execution.getId())).startsWith("accepted 2");
	}

	@Test
	void aWrongGrandTotalRightUnderTheHeaderOfATableInPartsIsReported() throws Exception {
		List<String> lines = head();
		lines.add(";Tổng cộng;;;;;999;20;1019");
		lines.add("I;Các phường phía Bắc");
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(";Cộng I;;;;;100;10;110");
		lines.add("II;Các phường phía Nam");
		lines.add(ward(2, "Phường Cự Khối", "Phường Cự Khối", 110));
		lines.add(";Cộng II;;;;;110;10;120");

		assertThat(run("parts-total-above.csv", lines)).startsWith("rejected");
	}

	@Test
	void aGrandTotalThatOnlyAddsTheLastPartIsReported() throws Exception {
		// the district's =SUM() covers part II only; with no "Cộng II" the grand total reads as the last part's
		List<String> lines = head();
		lines.add("I;Các phường phía Bắc");
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(";Cộng I;;;;;100;10;110");
		lines.add("II;Các phường phía Nam");
		lines.add(ward(2, "Phường Cự Khối", "Phường Cự Khối", 110));
		lines.add(";Tổng cộng;;;;;110;10;120");

		assertThat(run("grand-total-last-part.csv", lines)).startsWith("rejected");
	}

	@Test
	void aMistakeInTheFirstRowOfAPartIsReportedNotDroppedWithThePart() throws Exception {
		// part II's only point has its level misspelt: it must be checked, not taken for a note
		List<String> lines = head();
		lines.add("I;Các phường phía Bắc");
		lines.add(ward(1, "Phường Bồ Đề", "Phường Bồ Đề", 100));
		lines.add(";Cộng I;;;;;100;10;110");
		lines.add("II;Các phường phía Nam");
		lines.add(ward(2, "Phường Cự Khối", "Phường Cự Khối", 110).replace(";Phường;", ";Phuờngg;"));
		lines.add(";Cộng II;;;;;110;10;120");
		lines.add(";Tổng cộng;;;;;210;20;230");

		assertThat(run("part-typo.csv", lines)).startsWith("rejected").contains("C9: Unknown point level");
	}

}
