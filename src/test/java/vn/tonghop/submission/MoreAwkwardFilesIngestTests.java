package vn.tonghop.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * More awkward layouts districts send, through the real ingest job: what the warehouse holds for
 * each, or the problems that keep it out. See also {@link AwkwardFilesIngestTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class MoreAwkwardFilesIngestTests {

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

	private Path xlsx(String name, List<Object[]> rows, Consumer<Sheet> more) throws IOException {
		return write(name, new XSSFWorkbook(), rows, more);
	}

	private Path write(String name, Workbook workbook, List<Object[]> rows, Consumer<Sheet> more) throws IOException {
		Path file = this.input.resolve(name);
		Files.createDirectories(file.getParent());
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Báo cáo");
			LayoutRows.fill(sheet, rows);
			more.accept(sheet);
			workbook.write(out);
		}
		return file;
	}

	private Path csv(String name, String... lines) throws IOException {
		Path file = this.input.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
	}

	/** The file's state, rows loaded and problems (code and cell), and what the warehouse holds. */
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

	// Host units are looked for in the reporting unit's subtree alone: a point of another province's unit
	// in Long Biên's file would put that unit's figures in Hà Nội's roll-up, or in no district of Long Biên.
	@Test
	void aHostUnitOfAnotherProvinceIsUnknownRatherThanCountedForEitherProvince() throws Exception {
		// given Long Biên's file with a point hosted by Thanh Hóa city, by name and by code
		csv("004/ngoai-tinh.csv", "Đơn vị báo cáo;Quận ủy Long Biên", "Hội nghị;NQDH13", "",
				"STT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;Số đảng viên tham dự",
				"1;Hội trường Quận ủy;Quận;Quận ủy Long Biên;120",
				"2;Hội trường Thành ủy Thanh Hóa;Quận;Thành ủy Thanh Hóa;80",
				"3;Hội trường số 2;Quận;380;40");

		// when
		String outcome = run("ngoai-tinh.csv");

		// then the file is rejected at each such host's cell, nothing counted for Hà Nội or Thanh Hóa
		assertThat(outcome).isEqualTo("rejected 0 [host-unit-unknown D6, host-unit-unknown D7] | -");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE conference_code = 'NQDH13'",
				Long.class)).isZero();
	}

	// Each host unit written its own way is kept, with its rows, until the file is read, then resolved:
	// a 20 MB CSV of 395,000 rows each naming a host of its own filled a 256 MB heap and ended the run.
	@Test
	void moreDifferentHostUnitsThanAProvinceHasAreRejectedAtTheFirstOneTooMany() throws Exception {
		// given 10,001 points each hosted by a unit of its own name
		StringBuilder table = new StringBuilder(
				"Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\nSTT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;Số đảng viên tham dự\n");
		for (int i = 1; i <= 10_001; i++) {
			table.append(i).append(";Điểm ").append(i).append(";Phường;Đảng ủy phường số ").append(i).append(";10\n");
		}
		csv("004/hosts.csv", table.toString());

		// when
		this.runner.run(this.input, "test");

		// then
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission WHERE file_name = 'hosts.csv'",
				String.class)).isEqualTo("rejected");
		assertThat(this.jdbc.queryForList("SELECT sheet || '!' || column_name || row_number || ' ' || message_en "
				+ "FROM tonghop.submission_problem WHERE code = 'file-over-limit'", String.class))
			.containsExactly("hosts!D10005 The file exceeds a safety limit: more than 10,000 different host units");
	}

	// "ĐV" alone may be đảng viên or đơn vị, so it names no column: the message named only the missing
	// column, and the district could not tell which of its headers was meant to be it, or why it went unread.
	@Test
	void aRequiredColumnMissingNamesTheAmbiguousAbbreviationThatMayHaveBeenMeant() throws Exception {
		// given the members headed "ĐV"
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(3, new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "ĐV", "Số người khác tham dự" });
		xlsx("004/dv.xlsx", rows, (sheet) -> {
		});

		// when
		assertThat(run("dv.xlsx")).isEqualTo("rejected 0 [required-column-missing 4] | -");

		// then
		assertThat(this.jdbc.queryForList("SELECT message_vi || ' | ' || message_en FROM tonghop.submission_problem",
				String.class))
			.containsExactly("Thiếu cột bắt buộc: Số đảng viên tham dự (ô D4 \"ĐV\" không được đọc: chữ viết tắt có"
					+ " nhiều nghĩa; hãy viết đầy đủ) | Required column missing: Số đảng viên tham dự (cell D4 \"ĐV\""
					+ " was not read: the abbreviation has more than one meaning; write it out in full)");
	}

	@Test
	void aUnitCodeTypedAsANumberAndShownWithItsZerosByTheFormatNamesThatUnit() throws Exception {
		// given "Mã đơn vị" 004 typed as the number 4 and shown 004 by a "000" format, the file in no unit's folder
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(0, new Object[] { "Mã đơn vị", 4 });
		xlsx("ma-don-vi.xlsx", rows, (sheet) -> {
			CellStyle zeros = sheet.getWorkbook().createCellStyle();
			zeros.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("000"));
			sheet.getRow(0).getCell(1).setCellStyle(zeros);
		});

		// then
		assertThat(run("ma-don-vi.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aTableInBlocksEachUnderItsTwoMergedHeaderRowsLoadsEveryPointOnce() throws Exception {
		// given "Số đảng viên tham dự" merged over "Tổng số" and "Trong đó: nữ", the header repeated over each block
		Object[] top = { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", null, "Số người khác tham dự" };
		Object[] bottom = { null, null, null, "Tổng số", "Trong đó: nữ" };
		List<Object[]> rows = LayoutRows.labels();
		rows.add(top);
		rows.add(bottom);
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 40, 10 });
		rows.add(top);
		rows.add(bottom);
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 110, 50, 10 });
		rows.add(new Object[] { null, "Tổng cộng", null, 210, 90, 20 });
		xlsx("004/khoi.xlsx", rows, (sheet) -> {
			for (int first : new int[] { 3, 6 }) {
				for (int column : new int[] { 0, 1, 2, 5 }) {
					sheet.addMergedRegion(new CellRangeAddress(first, first + 1, column, column));
				}
				sheet.addMergedRegion(new CellRangeAddress(first, first, 3, 4));
			}
		});

		// then
		assertThat(run("khoi.xlsx")).isEqualTo("accepted_with_warnings 2 [unknown-column E5] | "
				+ "Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aCsvInBlocksEachWithItsTwoHeaderRowsAndItsOwnSubtotalLoadsEveryPointOnce() throws Exception {
		// given blocks each under the two header rows and closed by "Cộng", then the grand total
		String top = "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;;Số người khác tham dự";
		String bottom = ";;;Tổng số;Trong đó: nữ;";
		csv("004/khoi.csv", "Đơn vị báo cáo;Quận ủy Long Biên", "Hội nghị;NQDH13", "", top, bottom,
				"1;Phường Bồ Đề;Phường;100;40;10", ";Cộng;;100;40;10", top, bottom, "2;Phường Cự Khối;Phường;110;50;10",
				";Cộng;;110;50;10", ";Tổng cộng;;210;90;20");

		// then
		assertThat(run("khoi.csv")).isEqualTo("accepted_with_warnings 2 [unknown-column E5] | "
				+ "Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aTableInBlocksUnderGroupTitlesEachClosedByItsSubtotalLoadsEveryPointOnce() throws Exception {
		// given group titles merged over the column names, repeated over each block closed by "Cộng"
		Object[] groups = { "Thông tin điểm cầu", null, null, "Số người tham dự" };
		Object[] names = { "STT", "Tên điểm cầu", "Cấp", "Đảng viên", "Quần chúng", "Tổng số" };
		List<Object[]> rows = LayoutRows.labels();
		rows.add(groups);
		rows.add(names);
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 10, 110 });
		rows.add(new Object[] { null, "Cộng", null, 100, 10, 110 });
		rows.add(groups);
		rows.add(names);
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 110, 10, 120 });
		rows.add(new Object[] { null, "Cộng", null, 110, 10, 120 });
		rows.add(new Object[] { null, "Tổng cộng", null, 210, 20, 230 });
		xlsx("004/khoi-nhom.xlsx", rows, (sheet) -> {
			for (int first : new int[] { 3, 7 }) {
				sheet.addMergedRegion(new CellRangeAddress(first, first, 0, 2));
				sheet.addMergedRegion(new CellRangeAddress(first, first, 3, 5));
			}
		});

		// then
		assertThat(run("khoi-nhom.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aPointNamedTongSoUnderACopyOfTheHeadersTopRowIsTheTotalsRowItReadsAs() throws Exception {
		// given the header's top row again, then not its bottom row but a point named "Tổng số"
		String top = "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;;Số người khác tham dự";
		csv("004/tong-so.csv", "Đơn vị báo cáo;Quận ủy Long Biên", "Hội nghị;NQDH13", "", top, ";;;Tổng số;Trong đó: nữ;",
				"1;Phường Bồ Đề;Phường;100;40;10", top, "2;Tổng số;Phường;110;50;10", ";Tổng cộng;;210;90;20");

		// then it is checked as the totals row the format says it is, not skipped with the header
		assertThat(run("tong-so.csv")).isEqualTo("rejected 0 [part-total-mismatch D8, unknown-column E5, "
				+ "totals-row-mismatch D9, totals-row-mismatch F9] | -");
	}

	@Test
	void aNoteWithAFigureUnderANarrativeHeadingBelowTheTotalsRowIsNoPoint() throws Exception {
		// given the report's narrative under the table: a numbered heading, then a note with a figure
		csv("004/ket-qua.csv", "Đơn vị báo cáo;Quận ủy Long Biên", "Hội nghị;NQDH13", "",
				"STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Số người khác tham dự", "1;Phường Bồ Đề;Phường;100;10",
				"2;Phường Cự Khối;Phường;110;10", ";Tổng cộng;;210;20", "II. KẾT QUẢ HỌC TẬP",
				";Trong đó: đảng viên nữ;;95;");

		// then as without the heading: the note is no point
		assertThat(run("ket-qua.csv"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aColumnOfOldFiguresHiddenBesideTheNewOnesIsRejectedNotLoaded() throws Exception {
		// given the members column copied to update it, the old one (left, same header) hidden
		List<Object[]> rows = LayoutRows.labels();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số đảng viên tham dự",
				"Số người khác tham dự" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 90, 100, 10 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 100, 110, 10 });
		xlsx("004/an-cot.xlsx", rows, (sheet) -> sheet.setColumnHidden(3, true));

		// then neither the hidden figures nor the shown ones are taken for sure
		assertThat(run("an-cot.xlsx")).isEqualTo("rejected 0 [column-duplicate E5] | -");
	}

	@Test
	void aSecondMembersColumnHoldingFiguresIsRejectedNotLeftOutWithAWarning() throws Exception {
		// given the updated figures in a column of their own further right
		List<Object[]> rows = LayoutRows.labels();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự",
				"Số đảng viên tham dự (cập nhật)" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 90, 10, 100 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", 100, 10, 110 });
		xlsx("004/cap-nhat.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("cap-nhat.xlsx")).isEqualTo("rejected 0 [column-duplicate F5] | -");
	}

	@Test
	void aSecondOthersColumnInOtherWordsIsNamedAsItIsHeaded() throws Exception {
		// given "Quần chúng ưu tú" and "Đại biểu khác", both words of the format for others attending, with figures
		List<Object[]> rows = LayoutRows.labels();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Quần chúng ưu tú",
				"Đại biểu khác" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 100, 10, 5 });
		xlsx("004/hai-cot.xlsx", rows, (sheet) -> {
		});

		// then the message quotes each column's header as written, not a header neither has
		assertThat(run("hai-cot.xlsx")).isEqualTo("rejected 0 [column-duplicate F5] | -");
		assertThat(this.jdbc.queryForObject("SELECT message_en || ' | ' || message_vi FROM tonghop.submission_problem",
				String.class))
			.isEqualTo("Column F (\"Đại biểu khác\") is also read as Số người khác tham dự, as column E (\"Quần chúng ưu tú\") is,"
					+ " and holds figures: which figure counts is unclear; delete the extra column or rename its header"
					+ " | Cột F (\"Đại biểu khác\") cũng được đọc là Số người khác tham dự như cột E (\"Quần chúng ưu tú\")"
					+ " và có số liệu: không rõ số nào được tính; hãy xoá cột thừa hoặc đổi tiêu đề của nó");
	}

	@Test
	void aSecondMembersColumnLeftEmptyIsAnUnknownColumn() throws Exception {
		// given a template's second members column nobody filled in
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(3, new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự",
				"Đảng viên" });
		xlsx("004/cot-trong.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("cot-trong.xlsx")).isEqualTo("accepted_with_warnings 2 [unknown-column F4] | "
				+ "Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void membersTypedUnderTheSecondColumnOfTheirMergedHeaderAreRejected() throws Exception {
		// given "Số đảng viên tham dự" merged over D:E, the figures typed in E
		List<Object[]> rows = LayoutRows.labels();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", null,
				"Số người khác tham dự" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", null, 100, 10 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "Phường", null, 110, 10 });
		xlsx("004/gop-hai-cot.xlsx", rows, (sheet) -> sheet.addMergedRegion(new CellRangeAddress(3, 3, 3, 4)));

		// then
		assertThat(run("gop-hai-cot.xlsx"))
			.isEqualTo("rejected 0 [number-missing D5, number-missing D6, column-duplicate E5] | -");
	}

	@Test
	void levelsWrittenWithTheFormatsAbbreviationsAreRead() throws Exception {
		// given levels abbreviated as submission-format.md expands prefixes: "Q.", "P.", "ĐB cơ sở"
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(4, new Object[] { 1, "Hội trường Quận ủy", "Q.", 100, 10 });
		rows.set(5, new Object[] { 2, "Phường Cự Khối", "P.", 110, 10 });
		rows.add(new Object[] { 3, "Đảng bộ Công an quận", "ĐB cơ sở", 50, 0 });
		xlsx("004/viet-tat.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("viet-tat.xlsx")).isEqualTo("accepted 3 [] | Hội trường Quận ủy district 100+10; "
				+ "Phường Cự Khối grassroots 110+10; Đảng bộ Công an quận grassroots 50+0");
	}

	@Test
	void levelsAbbreviatedBeyondTheFormatsPrefixesAreRejected() throws Exception {
		// given "TP." (a province's city or a district's) and "TDP" (tổ dân phố), which the format does not expand
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(4, new Object[] { 1, "Hội trường Thành ủy", "TP.", 100, 10 });
		rows.set(5, new Object[] { 2, "Tổ dân phố 5", "TDP", 110, 10 });
		xlsx("004/tp.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("tp.xlsx")).isEqualTo("rejected 0 [level-unknown C5, level-unknown C6] | -");
	}

	@Test
	void aRowOfUnitsUnderTheHeaderIsNoPoint() throws Exception {
		// given "(người)" under each head count's header
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(4, new Object[] { null, null, null, "(người)", "(người)" });
		xlsx("004/don-vi-tinh.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("don-vi-tinh.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aBlankColumnBetweenTheNameAndTheLevelIsIgnored() throws Exception {
		// given a column without a header between name and level, a note typed in it on one row
		List<Object[]> rows = LayoutRows.labels();
		rows.add(new Object[] { "STT", "Tên điểm cầu", null, "Cấp điểm cầu", "Số đảng viên tham dự",
				"Số người khác tham dự" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", null, "Phường", 100, 10 });
		rows.add(new Object[] { 2, "Phường Cự Khối", "ghép với Thạch Bàn", "Phường", 110, 10 });
		xlsx("004/cot-trong.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("cot-trong.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void figuresTypedAsTextWithThousandsDotsSpacesAndNonBreakingSpacesAreReadAsWritten() throws Exception {
		// given text figures "1.250", "1 110" (NBSP), with spaces around them and around a level, and a totals row
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(4, new Object[] { 1, "Hội trường Quận ủy", "Cấp huyện ", "1.250 ", "1.020\u00a0" });
		rows.set(5, new Object[] { 2, "Phường Cự Khối", "\u00a0Phường", "1\u00a0110", " 10 " });
		rows.add(new Object[] { null, "Tổng cộng", null, "2.360", "1.030" });
		xlsx("004/cham.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("cham.xlsx")).isEqualTo(
				"accepted 2 [] | Hội trường Quận ủy district 1250+1020; Phường Cự Khối grassroots 1110+10");
	}

	@Test
	void aHeaderInRow30UnderALongPreambleIsFound() throws Exception {
		// given the official letterhead, a title, twenty lines of text, then the labels and the table
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", null, null, "ĐẢNG CỘNG SẢN VIỆT NAM" });
		rows.add(new Object[] { "QUẬN ỦY LONG BIÊN", null, null, "Long Biên, ngày 29 tháng 3 năm 2021" });
		rows.add(new Object[] { "Số 123-BC/QU" });
		rows.add(new Object[] {});
		rows.add(new Object[] { "BÁO CÁO" });
		rows.add(new Object[] { "Kết quả tổ chức học tập, quán triệt Nghị quyết Đại hội XIII của Đảng" });
		for (int i = 1; i <= 20; i++) {
			rows.add(new Object[] { "Thực hiện Kế hoạch số " + i + "-KH/TU, Quận ủy đã tổ chức cho đảng viên học tập." });
		}
		rows.addAll(LayoutRows.canonical());
		xlsx("dong-30.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("dong-30.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@ParameterizedTest
	@ValueSource(strings = { "| | | TM. BAN THƯỜNG VỤ", "| | | KT. BÍ THƯ", "| | | TL. BAN THƯỜNG VỤ", "| | | TUQ. BÍ THƯ",
			"| Người tổng hợp | | T/M BAN THƯỜNG VỤ", "| Người báo cáo", "| XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ | | BÍ THƯ",
			"| | | BÍ THƯ", "| | | TRƯỞNG BAN" })
	void aSignatureBlockUnderATableWithoutATotalsRowEndsIt(String signature) throws Exception {
		// given no totals row, then the signature block as offices write it: its first line, the title, the names
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] {});
		rows.add(signature.split(" ?\\| ?", -1));
		rows.add(new Object[] { null, null, null, "PHÓ BÍ THƯ" });
		rows.add(new Object[] {});
		rows.add(new Object[] { null, "Trần Thị Bình", null, "Nguyễn Văn An" });
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				row[i] = "".equals(row[i]) ? null : row[i];
			}
		}
		xlsx("004/chu-ky.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("chu-ky.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Long Biên, ngày 29/3/2021", "Long Biên, ngày 29/03/2021", "Long Biên, 29-03-2021" })
	void aPlaceDateLineWithTheDateInFiguresUnderATableWithoutATotalsRowEndsIt(String line) throws Exception {
		// given no totals row, then the place and date in figures on the right, over the signature
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] {});
		rows.add(new Object[] { null, null, null, line });
		rows.add(new Object[] { null, null, null, "BÍ THƯ" });
		xlsx("004/ngay-ky.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("ngay-ky.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aUnitSummaryWrittenAsASmallTableHasItsFiguresUnderItsLabels() throws Exception {
		// given the summary's three labels side by side under the table, their figures in the row below
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] { null, "Tổng cộng", null, 210, 20 });
		rows.add(new Object[] {});
		rows.add(new Object[] { null, "Tổng số đảng viên", "Số đảng viên được học tập", "Tỷ lệ (%)" });
		rows.add(new Object[] { null, 4000, 3000, "75%" });
		xlsx("004/tom-tat.xlsx", rows, (sheet) -> {
		});

		// then the summary is stored, as it is with each figure beside its label
		assertThat(run("tom-tat.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
		assertThat(this.jdbc.queryForObject("SELECT members_total || ' ' || members_studied || ' ' || coverage_pct"
				+ " FROM warehouse.unit_coverage", String.class)).isEqualTo("4000 3000 75.0");
	}

	// 0 studied of 0 members is no coverage: stored as 0.0 %, the unit read as having studied nothing.
	@Test
	void aUnitSummaryOfNoMembersIsStoredWithoutACoverage() throws Exception {
		// given a summary of 0 members, 0 studied, its coverage left blank
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] {});
		rows.add(new Object[] { "Tổng số đảng viên:", 0 });
		rows.add(new Object[] { "Số đảng viên được học tập:", 0 });
		xlsx("004/khong-dang-vien.xlsx", rows, (sheet) -> {
		});

		// then the figures are stored, the coverage is none, in the table and in the unit's view
		assertThat(run("khong-dang-vien.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
		assertThat(this.jdbc.queryForObject("SELECT members_total || ' ' || members_studied || ' '"
				+ " || coalesce(coverage_pct::text, 'null') FROM warehouse.unit_coverage", String.class)).isEqualTo("0 0 null");
		assertThat(this.jdbc.queryForObject("SELECT coalesce(coverage_pct::text, 'null') FROM warehouse.participation_by_unit"
				+ " WHERE reporting_unit_code = '004'", String.class)).isEqualTo("null");
	}

	@Test
	void aTotalsRowFigureInWordsIsNotAWholeNumberRatherThanADifferentSum() throws Exception {
		// given the totals written with words around them, each the rows' sum
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] { null, "Tổng cộng", null, "khoảng 210", "20 người" });
		xlsx("004/tong-chu.xlsx", rows, (sheet) -> {
		});

		// then each is told it is no whole number, not that 20 người differs from 20
		assertThat(run("tong-chu.xlsx")).isEqualTo("rejected 0 [number-text D7, number-text E7] | -");
		assertThat(this.jdbc.queryForList("SELECT message_en FROM tonghop.submission_problem ORDER BY seq", String.class))
			.containsExactly("Not a whole number: \"khoảng 210\"", "Not a whole number: \"20 người\"");
	}

	@Test
	void headersWithLineBreaksInsideTheirCellsAreRecognized() throws Exception {
		// given headers wrapped with Alt+Enter, one with a Windows line break
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(3, new Object[] { "STT", "Tên điểm\ncầu", "Cấp\r\nđiểm cầu", "Số đảng viên\ntham dự",
				"Số người\nkhác\ntham dự" });
		xlsx("004/xuong-dong.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("xuong-dong.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aWorkbookWithASheetPerDistrictLoadsTheFirstSheetsTableOnly() throws Exception {
		// given Long Biên's table on the first sheet and Gia Lâm's on the second
		Path file = this.input.resolve("moi-quan-mot-sheet.xlsx");
		try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			LayoutRows.fill(workbook.createSheet("Long Biên"), LayoutRows.canonical());
			List<Object[]> other = LayoutRows.canonical();
			other.set(0, new Object[] { "Đơn vị báo cáo:", "Huyện ủy Gia Lâm" });
			other.set(4, new Object[] { 1, "Thị trấn Trâu Quỳ", "Thị trấn", 300, 10 });
			LayoutRows.fill(workbook.createSheet("Gia Lâm"), other);
			workbook.write(out);
		}

		// then, as submission-format.md says: the first visible sheet with a table; the others are ignored
		assertThat(run("moi-quan-mot-sheet.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aHiddenRowIsLoadedAndCountedLikeAHiddenColumn() throws Exception {
		// given a point's row hidden, the totals row summing all rows
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] { 3, "Phường Ngọc Lâm", "Phường", 120, 10 });
		rows.add(new Object[] { null, "Tổng cộng", null, 330, 30 });
		xlsx("004/an-dong.xlsx", rows, (sheet) -> sheet.getRow(5).setZeroHeight(true));

		// then
		assertThat(run("an-dong.xlsx")).isEqualTo("accepted 3 [] | Phường Bồ Đề grassroots 100+10; "
				+ "Phường Cự Khối grassroots 110+10; Phường Ngọc Lâm grassroots 120+10");
	}

	@Test
	void aNoteMergedAcrossTheTableBetweenItsRowsIsReportedNotLoaded() throws Exception {
		// given a line of text merged over all the columns between two points
		List<Object[]> rows = LayoutRows.canonical();
		rows.add(new Object[] { "(Các điểm cầu dưới đây học tập trực tiếp)" });
		rows.add(new Object[] { 3, "Phường Ngọc Lâm", "Phường", 120, 10 });
		xlsx("004/ghi-chu-gop.xlsx", rows, (sheet) -> sheet.addMergedRegion(new CellRangeAddress(6, 6, 0, 4)));

		// then it is read as a row of the table, and its "level" and "figures" named
		assertThat(run("ghi-chu-gop.xlsx")).isEqualTo("rejected 0 [level-unknown C7, number-text D7, number-text E7] | -");
	}

	@Test
	void aTotalsRowAboveTheHeaderIsNoPartOfTheTable() throws Exception {
		// given "Tổng cộng" with the unit's figures in the preamble, above the header
		List<Object[]> rows = LayoutRows.labels();
		rows.add(new Object[] { "Tổng cộng", null, null, 210, 20 });
		rows.add(new Object[] {});
		rows.addAll(LayoutRows.canonical().subList(3, 6));
		xlsx("004/tong-tren.xlsx", rows, (sheet) -> {
		});

		// then
		assertThat(run("tong-tren.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@Test
	void aFigureWhoseFormulaFailedIsRejectedNamingItsCell() throws Exception {
		// given a members formula whose cached value is #REF!
		xlsx("004/loi-cong-thuc.xlsx", LayoutRows.canonical(),
				(sheet) -> sheet.getRow(4).getCell(3).setCellErrorValue(FormulaError.REF.getCode()));

		// then
		assertThat(run("loi-cong-thuc.xlsx")).isEqualTo("rejected 0 [number-text D5] | -");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tổng cộng toàn quận", "Cộng cấp phường" })
	void aTotalsRowUnderALevelMergedDownTheWholeColumnIsNotLoadedAsAPoint(String totals) throws Exception {
		// given every point a ward, "Phường" merged down the level column over the totals row too
		List<Object[]> rows = LayoutRows.canonical();
		rows.set(5, new Object[] { 2, "Phường Cự Khối", null, 110, 10 });
		rows.add(new Object[] { null, totals, null, 210, 20 });
		xlsx("004/cap-gop.xlsx", rows, (sheet) -> sheet.addMergedRegion(new CellRangeAddress(4, 6, 2, 2)));

		// then it is checked as the totals row, not loaded as a third point of 210
		assertThat(run("cap-gop.xlsx"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 100+10; Phường Cự Khối grassroots 110+10");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aPointWrittenAgainWithItsToneMarkOnTheOtherVowelIsARepeatedPoint(boolean labelsBelow) throws Exception {
		// given Gia Thụy twice, "Thụy" then "THUỴ"; labels above the table stream the rows straight in,
		// labels below have them staged
		String labels = "Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13";
		String table = "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Số người khác tham dự\n"
				+ "1;Phường Gia Thụy;Phường;100;10\n2;Phường Bồ Đề;Phường;90;10\n3;PHƯỜNG GIA THUỴ;Phường;100;10\n"
				+ "4;Xã Hòa Bình;Xã;80;0\n5;Xã Hoà Binh;Xã;80;0";
		csv("004/gia-thuy.csv", labelsBelow ? table + "\n\n" + labels : labels + "\n\n" + table);

		// then the two are one point twice, named as first written; "Hoà Binh", its second word untoned, is another
		int first = labelsBelow ? 2 : 5;
		assertThat(run("gia-thuy.csv")).startsWith("accepted_with_warnings 5 [point-duplicate B" + first + "] | ")
			.contains("PHƯỜNG GIA THUỴ grassroots", "Xã Hoà Binh grassroots");
		assertThat(this.jdbc.queryForList("SELECT message_en FROM tonghop.submission_problem WHERE code = 'point-duplicate'",
				String.class)).containsExactly("Point \"Phường Gia Thụy\" appears 2 times (rows %d, %d)".formatted(first, first + 2));
	}

	@Test
	void aCsvSavedFromExcelsNumberFormatLoadsItsFiguresWithoutTheirZeroDecimals() throws Exception {
		// given the head counts, the totals row and the summary under Excel's Number format, which a CSV writes as shown
		csv("004/dinh-dang-so.csv", "Đơn vị báo cáo;Quận ủy Long Biên", "Hội nghị;NQDH13", "",
				"STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Số người khác tham dự",
				"1;Phường Bồ Đề;Phường;1.100,00;10,00", "2;Phường Cự Khối;Phường;110,00;10,00", ";Tổng cộng;;1.210,00;20,00", "",
				"Tổng số đảng viên;4.000,00", "Số đảng viên được học tập;3.000,00", "Tỷ lệ (%);75,00");

		// then every figure is the whole number shown, none a fraction
		assertThat(run("dinh-dang-so.csv"))
			.isEqualTo("accepted 2 [] | Phường Bồ Đề grassroots 1100+10; Phường Cự Khối grassroots 110+10");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aTimeOfDayUnderThoiGianIsNoDateAndIsQuotedAsShown(boolean xls) throws Exception {
		// given "Thời gian", the date column's alias, holding the session's start time 08:00 in a time format
		List<Object[]> rows = LayoutRows.labels();
		rows.add(new Object[] { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Thời gian", "Số đảng viên tham dự" });
		rows.add(new Object[] { 1, "Phường Bồ Đề", "Phường", 8.0 / 24, 100 });
		String name = xls ? "gio.xls" : "gio.xlsx";
		write("004/" + name, xls ? new HSSFWorkbook() : new XSSFWorkbook(), rows, (sheet) -> {
			CellStyle time = sheet.getWorkbook().createCellStyle();
			time.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("h:mm"));
			sheet.getRow(4).getCell(3).setCellStyle(time);
		});

		// then it is date-invalid quoting the 08:00 the district sees, not the day before Excel's first
		assertThat(run(name)).isEqualTo("rejected 0 [date-invalid D5] | -");
		assertThat(this.jdbc.queryForObject("SELECT value || ' ' || message_en FROM tonghop.submission_problem",
				String.class)).isEqualTo("08:00 Invalid date: \"08:00\"; write day/month/year with a four-digit year, e.g. 27/03/2021");
	}

}
