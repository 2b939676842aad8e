package vn.tonghop.sheet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.sheet.Fixtures.Format;
import vn.tonghop.sheet.Fixtures.Formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static vn.tonghop.sheet.Fixtures.row;

class TableRecognizerTests {

	private static final Object[] CANONICAL_HEADER = row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Đơn vị chủ trì",
			"Hình thức", "Ngày", "Số đảng viên tham dự", "Số người khác tham dự", "Tổng số người tham dự", "Ghi chú");

	@TempDir
	Path dir;

	private final List<PointRow> points = new ArrayList<>();

	private final HeardEvents events = new HeardEvents();

	@ParameterizedTest
	@EnumSource(Format.class)
	void canonicalHeaderOnTheFirstRow(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> Fixtures.fill(workbook.createSheet("Báo cáo"), 1,
				CANONICAL_HEADER,
				row(1, "Hội trường Quận ủy", "Cấp huyện", "Quận ủy Long Biên", "Trực tuyến", LocalDate.of(2021, 3, 27), 120,
						30, 150),
				row(2, "Phường Bồ Đề", "Phường", null, null, null, 45, null, 45, "Ghép điểm")));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.sheet()).isEqualTo("Báo cáo");
		assertThat(table.headerRow()).isEqualTo(1);
		assertThat(table.columns()).containsExactly(entry(Field.ROW_NUMBER, 0), entry(Field.POINT_NAME, 1),
				entry(Field.LEVEL, 2), entry(Field.HOST_UNIT, 3), entry(Field.FORMAT, 4), entry(Field.DATE, 5),
				entry(Field.MEMBERS, 6), entry(Field.OTHERS, 7), entry(Field.TOTAL, 8), entry(Field.NOTES, 9));
		assertThat(table.unknownColumns()).isEmpty();
		assertThat(table.labels()).isEmpty();
		assertThat(table.totalsRow()).isNull();
		assertThat(table.dataRows()).isEqualTo(2);
		assertThat(this.points).extracting(PointRow::sheet, PointRow::number)
			.containsExactly(tuple("Báo cáo", 2),
					tuple("Báo cáo", 3));
		PointRow first = this.points.get(0);
		assertThat(first.cells()).containsOnlyKeys(Field.ROW_NUMBER, Field.POINT_NAME, Field.LEVEL, Field.HOST_UNIT,
				Field.FORMAT, Field.DATE, Field.MEMBERS, Field.OTHERS, Field.TOTAL);
		assertThat(first.cell(Field.DATE).date()).isEqualTo(LocalDate.of(2021, 3, 27));
		PointRow second = this.points.get(1);
		assertThat(second.cells()).containsOnlyKeys(Field.ROW_NUMBER, Field.POINT_NAME, Field.LEVEL, Field.MEMBERS,
				Field.TOTAL, Field.NOTES);
		assertThat(second.cell(Field.MEMBERS).number()).isEqualTo(45.0);
		assertThat(second.cell(Field.NOTES).text()).isEqualTo("Ghép điểm");
	}

	@Test
	void headerBelowTitleRowsWithLabelsAboveAndBelow() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("Báo cáo");
			Fixtures.fill(sheet, 1, row("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", null, null, null, "ĐẢNG CỘNG SẢN VIỆT NAM"),
					row("QUẬN ỦY LONG BIÊN"),
					row("BÁO CÁO KẾT QUẢ HỘI NGHỊ HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT"),
					row("Đơn vị báo cáo: Quận ủy Long Biên"),
					row("Nghị quyết", null, "Nghị quyết Đại hội XIII"),
					row("Tổng số đảng viên", 1200),
					row("STT", "Tên điểm cầu", "Cấp", "Đơn vị", "Số ĐV", "Quần chúng", "Tổng số"),
					row(1, "Hội trường Quận ủy", "Quận", "Quận ủy", 100, 20, 120),
					row(),
					row(2, "Phường Bồ Đề", "Phường", "Đảng ủy phường Bồ Đề", 50, 10, 60),
					row(null, "Tổng cộng", null, null, 150, 30, 180),
					row("Số đảng viên được học tập:", 1150),
					row("Tỷ lệ (%)", 0.9583),
					row("Đảng bộ: Đảng bộ quận Long Biên", null, null, null, "Long Biên, ngày 29 tháng 3 năm 2021"),
					row(null, "NGƯỜI LẬP BIỂU"));
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
			sheet.getRow(12).getCell(1).setCellStyle(percent);
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(7);
		assertThat(table.columns()).containsExactly(entry(Field.ROW_NUMBER, 0), entry(Field.POINT_NAME, 1),
				entry(Field.LEVEL, 2), entry(Field.HOST_UNIT, 3), entry(Field.MEMBERS, 4), entry(Field.OTHERS, 5),
				entry(Field.TOTAL, 6));
		assertThat(this.points).extracting(PointRow::number).containsExactly(8, 10);
		assertThat(table.dataRows()).isEqualTo(2);
		assertThat(table.totalsRow().number()).isEqualTo(11);
		assertThat(table.totalsRow().cell(Field.POINT_NAME).text()).isEqualTo("Tổng cộng");
		assertThat(table.totalsRow().cell(Field.MEMBERS).number()).isEqualTo(150.0);
		Map<Label, LabelledCell> labels = table.labels();
		assertThat(labels).containsOnlyKeys(Label.REPORTING_UNIT, Label.CONFERENCE, Label.MEMBERS_TOTAL,
				Label.MEMBERS_STUDIED, Label.COVERAGE, Label.REPORT_DATE);
		assertLabel(labels.get(Label.REPORTING_UNIT), 4, 0, "Quận ủy Long Biên");
		assertLabel(labels.get(Label.CONFERENCE), 5, 2, "Nghị quyết Đại hội XIII");
		assertLabel(labels.get(Label.MEMBERS_TOTAL), 6, 1, "1200");
		assertLabel(labels.get(Label.MEMBERS_STUDIED), 12, 1, "1150");
		assertLabel(labels.get(Label.COVERAGE), 13, 1, "0.9583");
		assertThat(labels.get(Label.COVERAGE).value().percent()).isTrue();
		assertLabel(labels.get(Label.REPORT_DATE), 14, 4, "Long Biên, ngày 29 tháng 3 năm 2021");
		assertThat(labels.get(Label.REPORTING_UNIT).sheet()).isEqualTo("Báo cáo");
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void twoRowHeaderWithMergedCells(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("Báo cáo");
			Fixtures.fill(sheet, 1, row("BÁO CÁO SỐ LIỆU"),
					row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Số người tham dự", null, null, "Ghi chú"),
					row(null, null, null, "Đảng viên", "Quần chúng", "Tổng số"),
					row(1, "Xã A", "Xã", 40, 10, new Formula("D4+E4")),
					row(2, "Xã B", "Xã", 35, 5, new Formula("D5+E5")),
					row(null, "Tổng cộng", null, new Formula("SUM(D4:D5)"), new Formula("SUM(E4:E5)"),
							new Formula("SUM(F4:F5)")));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
			for (int column : new int[] { 0, 1, 2, 6 }) {
				sheet.addMergedRegion(new CellRangeAddress(1, 2, column, column));
			}
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 3, 5));
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(3);
		assertThat(table.columns()).containsExactly(entry(Field.ROW_NUMBER, 0), entry(Field.POINT_NAME, 1),
				entry(Field.LEVEL, 2), entry(Field.MEMBERS, 3), entry(Field.OTHERS, 4), entry(Field.TOTAL, 5),
				entry(Field.NOTES, 6));
		assertThat(table.unknownColumns()).isEmpty();
		assertThat(this.points).extracting((point) -> point.cell(Field.TOTAL).number()).containsExactly(50.0, 40.0);
		assertThat(table.totalsRow().cells()).extractingFromEntries((e) -> e.getKey(), (e) -> e.getValue().number())
			.containsExactly(tuple(Field.POINT_NAME, 0.0),
					tuple(Field.MEMBERS, 75.0),
					tuple(Field.OTHERS, 15.0),
					tuple(Field.TOTAL, 90.0));
	}

	@Test
	void groupRowAboveACompleteHeaderAddsItsVerticallyMergedColumns() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Điểm cầu", null, "Số người tham dự", null, "Ghi chú"),
				row(null, "Tên điểm cầu", "Cấp điểm cầu", "Đảng viên", "Quần chúng"),
				row(1, "Xã A", "Xã", 40, 10, "ghép")));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(2);
		assertThat(table.columns()).containsExactly(entry(Field.ROW_NUMBER, 0), entry(Field.POINT_NAME, 1),
				entry(Field.LEVEL, 2), entry(Field.MEMBERS, 3), entry(Field.OTHERS, 4), entry(Field.NOTES, 5));
		assertThat(this.points).singleElement().extracting(PointRow::number).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void aRequiredColumnSplitUnderItsGroupReadsItsTotalSubColumn(Format format) throws Exception {
		// given "Số đảng viên tham dự" merged over "Tổng số" and "Trong đó: nữ", the other headers merged down
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("Báo cáo");
			Fixtures.fill(sheet, 1,
					row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", null, "Số người khác tham dự",
							"Tổng số người tham dự"),
					row(null, null, null, "Tổng số", "Trong đó: nữ"),
					row(1, "Xã A", "Xã", 40, 15, 10, 50),
					row(2, "Xã B", "Xã", 35, 20, 5, 40));
			for (int column : new int[] { 0, 1, 2, 5, 6 }) {
				sheet.addMergedRegion(new CellRangeAddress(0, 1, column, column));
			}
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 3, 4));
		});

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(table.headerRow()).isEqualTo(2);
		assertThat(table.columns()).containsExactly(entry(Field.ROW_NUMBER, 0), entry(Field.POINT_NAME, 1),
				entry(Field.LEVEL, 2), entry(Field.MEMBERS, 3), entry(Field.OTHERS, 5), entry(Field.TOTAL, 6));
		assertThat(table.unknownColumns()).containsExactly(new HeaderCell(2, 4, "Số đảng viên tham dự Trong đó: nữ"));
		assertThat(this.points).extracting(PointRow::number).containsExactly(3, 4);
		assertThat(this.points).extracting((point) -> point.cell(Field.MEMBERS).number()).containsExactly(40.0, 35.0);
	}

	@Test
	void aTwoRowHeadersColumnIsQuotedAsItsTextsAreWrittenAndReadCleaned() throws Exception {
		// given the group written with a space doubled, the sub-column decomposed (NFD)
		String group = "Số đảng viên  tham dự";
		String sub = Normalizer.normalize("Trong đó: nữ", Normalizer.Form.NFD);
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("Báo cáo");
			Fixtures.fill(sheet, 1,
					row("STT", "Tên điểm cầu", "Cấp điểm cầu", group, null, "Số người khác tham dự",
							"Tổng số người tham dự"),
					row(null, null, null, "Tổng số", sub),
					row(1, "Xã A", "Xã", 40, 15, 10, 50));
			for (int column : new int[] { 0, 1, 2, 5, 6 }) {
				sheet.addMergedRegion(new CellRangeAddress(0, 1, column, column));
			}
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 3, 4));
		});

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then the columns are read as if written plainly, and the one left over is quoted as written
		assertThat(table.columns()).containsExactly(entry(Field.ROW_NUMBER, 0), entry(Field.POINT_NAME, 1),
				entry(Field.LEVEL, 2), entry(Field.MEMBERS, 3), entry(Field.OTHERS, 5), entry(Field.TOTAL, 6));
		assertThat(table.unknownColumns()).containsExactly(new HeaderCell(2, 4, group + " " + sub));
	}

	@Test
	void anOptionalColumnSplitUnderItsGroupWithoutMergesReadsItsTotalSubColumn() throws Exception {
		// given "Số người khác tham dự" over "Tổng số" and "Quần chúng ưu tú", nothing merged
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự"),
				row(null, null, null, null, "Tổng số", "Quần chúng ưu tú"),
				row(1, "Xã A", "Xã", 40, 10, 4)));

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(table.headerRow()).isEqualTo(2);
		assertThat(table.columns()).containsExactly(entry(Field.ROW_NUMBER, 0), entry(Field.POINT_NAME, 1),
				entry(Field.LEVEL, 2), entry(Field.MEMBERS, 3), entry(Field.OTHERS, 4));
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).containsExactly(5);
		assertThat(this.points).singleElement().extracting((point) -> point.cell(Field.OTHERS).number()).isEqualTo(10.0);
	}

	@Test
	void aGroupDoesNotSpanOverAnEmptyColumnToATextOfTheSecondRow() throws Exception {
		// given "Số đảng viên tham dự" over its own "Tổng số", then an empty column, then "Tổng số" alone in the second row
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự"),
				row(null, null, null, "Tổng số", null, "Tổng số"),
				row(1, "Xã A", "Xã", 40, null, 40)));

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then the last "Tổng số" is the total attending, not a second members column under the group
		assertThat(table.columns()).containsEntry(Field.MEMBERS, 3).containsEntry(Field.TOTAL, 5);
	}

	@Test
	void aTotalUnderAGroupThatIsNotAnAttendanceIsNotTheGroupsColumn() throws Exception {
		// given "Đảng viên" over "Tổng số" (the cell's members) and "Tham dự": the members attending are under "Tham dự"
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Đảng viên"),
				row(null, null, null, "Tổng số", "Tham dự"),
				row(1, "Xã A", "Xã", 60, 40)));

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(table.columns()).containsEntry(Field.MEMBERS, 4).doesNotContainEntry(Field.MEMBERS, 3);
	}

	// "Tổng" under another column's group or under a count of points totals those, not those attending: read as
	// the total attending, a count of points was checked against the head counts, a misleading total-mismatch.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Đơn vị chủ trì | Điểm cầu     | Tên      | Tổng     | POINT_NAME
			Đơn vị chủ trì | Điểm cầu     | Tên      | Số lượng | POINT_NAME
			Tên điểm cầu   | Thời gian    | Ngày     | Tổng số  | DATE
			Tên điểm cầu   | Số điểm cầu  | Cấp xã   | Tổng     |
			Tên điểm cầu   | Số điểm cầu  | Tổng số  | Cấp xã   |
			Tên điểm cầu   | Số buổi      | Tổng     | Trong đó |
			""")
	void aTotalUnderAGroupOfAnotherColumnOrCountingOtherThingsIsNoColumn(String left, String group, String first,
			String second, Field field) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", left, "Cấp điểm cầu", group, null, "Số đảng viên tham dự"),
					row(null, null, null, first, second, null), row(1, "Xã A", "Xã", "27/03/2021", 3, 40));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 3, 4));
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).doesNotContainKey(Field.TOTAL).containsEntry(Field.MEMBERS, 5);
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).contains(4);
		if (field != null) {
			assertThat(table.columns()).containsEntry(field, 3);
		}
	}

	// An optional head count split into parts none of which is its whole ("Số người khác tham dự" over "Nam" and
	// "Nữ") has no column, as the members' so split has none; the header still has every required column, and
	// was taken for a level's split into ticks, no table, so the file was rejected as table-not-found.
	@Test
	void anOptionalHeadCountSplitIntoPartsLeavesTheTableWithoutThatColumn() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Số người khác tham dự", null),
				row(null, null, null, "Nam", "Nữ"), row("Xã A", "Xã", 40, 6, 4)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(2);
		assertThat(table.columns()).containsEntry(Field.MEMBERS, 2).doesNotContainKey(Field.OTHERS);
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).containsExactly(3, 4);
		assertThat(this.points).singleElement().extracting(PointRow::number).isEqualTo(3);
	}

	// "Tổng số" under "Đảng viên" or "Quần chúng" beside "Nữ" is that head count's, attending or not: read as the
	// total attending, "Nữ" took the members, or the total attending further right made a column-duplicate.
	@Test
	void aTotalUnderAHeadCountsGroupNotSayingAttendanceIsNotTheTotalAttending() throws Exception {
		Path members = Files.move(Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(
				workbook.createSheet("S"), 1, row("Tên điểm cầu", "Cấp điểm cầu", "Đảng viên", null, "Số người khác tham dự"),
				row(null, null, "Tổng số", "Nữ", null), row("Xã A", "Xã", 40, 15, 10))), this.dir.resolve("members.xlsx"));
		Path others = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", "Quần chúng", null, "Tổng số người tham dự"),
				row(null, null, null, "Tổng số", "Nữ", null), row("Xã A", "Xã", 40, 10, 5, 50)));

		assertThatThrownBy(() -> TableRecognizer.read(members, this.points::add)).isInstanceOfSatisfying(
				NoTableException.class, (ex) -> assertThat(ex.missing()).containsExactly(Field.MEMBERS));
		RecognizedTable table = TableRecognizer.read(others, this.points::add);
		assertThat(table.columns()).containsEntry(Field.MEMBERS, 2).containsEntry(Field.TOTAL, 5);
		assertThat(table.duplicateColumn()).isNull();
	}

	// "Số đảng viên" names no column, the unit's members or those attending: "Tổng số" under it beside "Tham dự"
	// counts the unit's members, and read as the total attending was checked against those attending.
	@ParameterizedTest
	@ValueSource(strings = { "Số đảng viên", "Tổng số đảng viên", "Số quần chúng" })
	void aTotalUnderAHeadCountNamingNoColumnIsNotTheTotalAttending(String group) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", group, null),
				row(null, null, null, "Tổng số", "Tham dự"), row("Xã A", "Xã", 40, 60, 40)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).doesNotContainKey(Field.TOTAL);
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).contains(3);
	}

	@Test
	void aTotalUnderAGroupSayingAttendanceInOtherWordsIsTheGroupsColumn() throws Exception {
		// given "Đảng viên dự" over "Tổng số" and "Trong đó: nữ", then "Quần chúng tham dự"
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Đảng viên dự", null, "Quần chúng tham dự"),
				row(null, null, null, "Tổng số", "Trong đó: nữ"),
				row(1, "Xã A", "Xã", 40, 15, 10)));

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(table.columns()).containsEntry(Field.MEMBERS, 3).containsEntry(Field.OTHERS, 5)
			.doesNotContainKey(Field.TOTAL);
		assertThat(this.points).singleElement().extracting((point) -> point.cell(Field.OTHERS).number()).isEqualTo(10.0);
	}

	@Test
	void headCountsOfWhichTheTotalIsMadeAreReadInOneRowOrUnderTheirGroup() throws Exception {
		// given "Trong đó: Đảng viên" beside the total attending, and "Trong đó" over "Đảng viên" and "Quần chúng"
		Path oneRow = Files.move(Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(
				workbook.createSheet("S"), 1, row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Tổng số người tham dự",
						"Trong đó: Đảng viên", "Trong đó: Quần chúng ưu tú"),
				row(1, "Xã A", "Xã", 50, 40, 10))), this.dir.resolve("one-row.xlsx"));
		Path twoRows = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Tổng số người tham dự", "Trong đó"),
				row(null, null, null, null, "Đảng viên", "Quần chúng"), row(1, "Xã A", "Xã", 50, 40, 10)));

		// when
		List<RecognizedTable> tables = List.of(TableRecognizer.read(oneRow, this.points::add),
				TableRecognizer.read(twoRows, this.points::add));

		// then
		assertThat(tables).allSatisfy((table) -> assertThat(table.columns()).containsEntry(Field.TOTAL, 3)
			.containsEntry(Field.MEMBERS, 4)
			.containsEntry(Field.OTHERS, 5));
	}

	// "Nam" and "Nữ" under "Số đảng viên tham dự", no total beside them: the first was read as the
	// members attending, so the men alone loaded as all the members, with a warning on "Nữ" only.
	@Test
	void aGroupSplitIntoSubColumnsNoneOfWhichIsItsTotalHasNoColumn() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", null),
					row(null, null, null, "Nam", "Nữ"), row(1, "Xã A", "Xã", 25, 15));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 3, 4));
			for (int column : new int[] { 0, 1, 2 }) {
				sheet.addMergedRegion(new CellRangeAddress(0, 1, column, column));
			}
		});

		assertThatThrownBy(() -> TableRecognizer.read(file, this.points::add)).isInstanceOfSatisfying(
				NoTableException.class, (ex) -> assertThat(ex.missing()).containsExactly(Field.MEMBERS));
	}

	// A sub-column without a name of its own left of one naming its group's column ("Giờ" before "Ngày"
	// under "Thời gian", "Dự kiến" before "Tham dự" under "Đảng viên") took the group's column: the
	// hours were read as the date, the plan as the members attending.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Thời gian  | Giờ      | Ngày    | Số đảng viên tham dự | DATE
			Đảng viên  | Dự kiến  | Tham dự | Ngày                 | MEMBERS
			Đảng viên  | Vắng     | Tham dự | Ngày                 | MEMBERS
			""")
	void aGroupsColumnIsTheSubColumnNamingItNotAnUnnamedOneBeforeIt(String group, String unnamed, String naming,
			String other, Field field) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("Tên điểm cầu", "Cấp điểm cầu", group, null, other),
					row(null, null, unnamed, naming, null), row("Xã A", "Xã", "8", "27/03/2021", "40"));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 3));
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsEntry(field, 3).doesNotContainValue(2);
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).contains(2);
	}

	// Head counts under a plan's or a rate's group ("Kế hoạch", "Tỷ lệ (%)") left of those attending were
	// read as the head counts: a plan loaded as attendance where the figures attending were still blank.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Kế hoạch    | Thực hiện
			Dự kiến     | Thực tế
			Tỷ lệ (%)   | Số lượng
			""")
	void headCountsUnderAPlansOrARatesGroupAreNoColumns(String other, String attending) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("Tên điểm cầu", "Cấp điểm cầu", other, null, attending, null),
					row(null, null, "Đảng viên", "Quần chúng", "Đảng viên", "Quần chúng"), row("Xã A", "Xã", 45, 10, 40, 8));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 3));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 4, 5));
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsEntry(Field.MEMBERS, 4).containsEntry(Field.OTHERS, 5);
		assertThat(table.duplicateColumn()).isNull();
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).containsExactly(2, 3);
	}

	@Test
	void aGroupsCountBesideItsShareIsItsColumn() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", null),
				row(null, null, null, "Số lượng", "Tỷ lệ (%)"), row(1, "Xã A", "Xã", 40, 80)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsEntry(Field.MEMBERS, 3);
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).containsExactly(4);
	}

	// Old figures left (or hidden) beside the new ones under the same header: which count is unclear.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aHeadCountsHeaderRepeatedOverAColumnWithFiguresIsReported(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp", "Số đảng viên tham dự", "Số đảng viên tham dự"),
					row(1, "Xã A", "Xã", 40, null), row(2, "Xã B", "Xã", 35, 36));
			sheet.setColumnHidden(3, true);
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsEntry(Field.MEMBERS, 3);
		assertThat(table.duplicateColumn().row()).isEqualTo(3);
		assertThat(table.duplicateColumn().cell().columnName()).isEqualTo("E");
		assertThat(table.duplicateColumn().field()).isEqualTo(Field.MEMBERS);
		assertThat(table.duplicateColumn().fieldColumn()).isEqualTo(3);
	}

	@Test
	void aHeadCountNamedAgainFurtherRightOverFiguresIsReported() throws Exception {
		Path file = this.dir.resolve("d.csv");
		Files.writeString(file, "STT;Tên điểm cầu;Cấp;Quần chúng;Số ĐV;Số người khác tham dự (cập nhật)\n1;Xã A;Xã;4;40;5\n",
				StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.duplicateColumn().cell().columnName()).isEqualTo("F");
		assertThat(table.duplicateColumn().field()).isEqualTo(Field.OTHERS);
		assertThat(table.duplicateColumn().fieldColumn()).isEqualTo(3);
	}

	// A header merged over a column left empty, a sub-column its group names ("Trong đó: nữ"), notes
	// under a head count's header merged over them, a second name column: no two figures for one field.
	@ParameterizedTest
	@EnumSource(Format.class)
	void columnsThatOnlyLookRepeatedAreNoDuplicates(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1,
					row("STT", "Tên điểm cầu", "Cấp", "Số đảng viên tham dự", null, "Số người khác tham dự", null,
							"Quần chúng", null, "Địa điểm"),
					row(null, null, null, "Tổng số", "Trong đó: nữ"),
					row(1, "Xã A", "Xã", 40, 15, 10, "ghép", null, null, "Nhà văn hóa"));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 3, 4));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 5, 6));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 7, 8));
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsEntry(Field.MEMBERS, 3).containsEntry(Field.OTHERS, 5);
		assertThat(table.duplicateColumn()).isNull();
	}

	// A row of units under the header ("(người)") is the header's: read as a point it rejects the file.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aRowOfUnitsUnderTheHeaderIsTheHeaders(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số đảng viên tham dự", "Số người khác tham dự"),
				row(null, null, null, "(người)", "(người)"), row(1, "Xã A", "Xã", 40, 10)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(2);
		assertThat(table.columns()).containsEntry(Field.MEMBERS, 3).containsEntry(Field.OTHERS, 4);
		assertThat(this.points).extracting(PointRow::number).containsExactly(3);
	}

	// Group titles, column names, then units, the header's other cells merged down over all three.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aRowOfUnitsUnderATwoRowHeaderIsTheHeaders(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp", "Số người tham dự", null, "Ghi chú"),
					row(null, null, null, "Đảng viên", "Quần chúng"), row(null, null, null, "(người)", "(người)"),
					row("A", "B", "C", 1, 2, 3), row(null, "Tổng cộng", null, 40, 10), row(1, "Xã A", "Xã", 40, 10));
			for (int column : new int[] { 0, 1, 2, 5 }) {
				sheet.addMergedRegion(new CellRangeAddress(0, 2, column, column));
			}
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 3, 4));
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsEntry(Field.MEMBERS, 3).containsEntry(Field.OTHERS, 4);
		assertThat(this.points).extracting(PointRow::number).containsExactly(6);
		assertThat(table.totalsRow().number()).isEqualTo(5);
	}

	// "Cấp điểm cầu" over "Huyện" and "Xã", a point's level ticked with an "x" (which reads as "X.", a
	// commune) in one of them: the first sub-column taken for the level loaded every point ticked there
	// as a commune's. There is no level column to read: the file must say so.
	@Test
	void aLevelTickedUnderSubColumnsNamedByLevelIsNoLevelColumn() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("Báo cáo");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp điểm cầu", null, "Số đảng viên tham dự"),
					row(null, null, "Huyện", "Xã"), row(1, "Hội trường Huyện ủy", "x", null, 40),
					row(2, "Xã A", null, "x", 10));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 3));
			for (int column : new int[] { 0, 1, 4 }) {
				sheet.addMergedRegion(new CellRangeAddress(0, 1, column, column));
			}
		});

		assertThatThrownBy(() -> TableRecognizer.read(file, this.points::add))
			.isInstanceOfSatisfying(NoTableException.class, (ex) -> {
				assertThat(ex.closestRow()).isEqualTo(2);
				assertThat(ex.missing()).containsExactly(Field.LEVEL);
			});
	}

	// Sub-columns named by several levels, or by a level and its equivalents: the one taken for the level
	// loaded an "x" ticked there as a commune's, a district-level point's too.
	@Test
	void aLevelTickedUnderSubColumnsNamedByLevelsInOtherWordsIsNoLevelColumn() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("Báo cáo");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp điểm cầu", null, "Số đảng viên tham dự"),
					row(null, null, "Cấp huyện và tương đương", "Xã, phường, thị trấn"),
					row(1, "Hội trường Huyện ủy", "x", null, 40), row(2, "Xã A", null, "x", 10));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 3));
			for (int column : new int[] { 0, 1, 4 }) {
				sheet.addMergedRegion(new CellRangeAddress(0, 1, column, column));
			}
		});

		assertThatThrownBy(() -> TableRecognizer.read(file, this.points::add))
			.isInstanceOfSatisfying(NoTableException.class, (ex) -> assertThat(ex.missing()).containsExactly(Field.LEVEL));
	}

	// A single cell under "Cấp điểm cầu" listing the levels to write there is what the column holds, not a
	// column to tick: taken for a tick column, it left the file without a level column and rejected it.
	@Test
	void theLevelsListedUnderTheLevelHeaderAloneAreAHintNotATickColumn() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("Báo cáo");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Số người tham dự", null),
					row(null, null, "Tỉnh/Huyện/Xã", "Đảng viên", "Quần chúng"),
					row(1, "Hội trường Huyện ủy", "Huyện", 40, 5), row(2, "Xã A", "Xã", 10, 2));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 3, 4));
			for (int column : new int[] { 0, 1 }) {
				sheet.addMergedRegion(new CellRangeAddress(0, 1, column, column));
			}
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsEntry(Field.LEVEL, 2);
		assertThat(this.points).extracting((point) -> point.cells().get(Field.LEVEL).text())
			.containsExactly("Huyện", "Xã");
	}

	// "Điểm cầu" over "Tên" and "Địa chỉ": the point's name is its first sub-column, as before head counts'
	// groups split into parts had no column; taken for a split group, the file was rejected as nameless.
	@Test
	void aPointGroupOverItsNameAndAddressReadsTheNameFromItsFirstSubColumn() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("Báo cáo");
			Fixtures.fill(sheet, 1, row("STT", "Điểm cầu", null, "Cấp điểm cầu", "Số đảng viên tham dự"),
					row(null, "Tên", "Địa chỉ", null, null), row(1, "Hội trường Huyện ủy", "Số 1 Lê Lợi", "Huyện", 40),
					row(2, "Xã A", "Thôn 2", "Xã", 10));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
			for (int column : new int[] { 0, 3, 4 }) {
				sheet.addMergedRegion(new CellRangeAddress(0, 1, column, column));
			}
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsEntry(Field.POINT_NAME, 1).containsEntry(Field.LEVEL, 3);
		assertThat(table.unknownColumns()).extracting(HeaderCell::column).containsExactly(2);
		assertThat(this.points).extracting((point) -> point.cells().get(Field.POINT_NAME).text())
			.containsExactly("Hội trường Huyện ủy", "Xã A");
	}

	@Test
	void aCsvRowOfUnitsUnderTheHeaderIsTheHeaders() throws Exception {
		Path file = this.dir.resolve("u.csv");
		Files.writeString(file, "STT;Tên điểm cầu;Cấp;Số ĐV;Quần chúng\n;;;(người);(người)\n1;Xã A;Xã;40;10\n",
				StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(2);
		assertThat(this.points).extracting(PointRow::number).containsExactly(3);
	}

	@Test
	void aFirstDataRowOfTextOnlyUnderAOneRowHeaderIsStillData() throws Exception {
		// given a CSV, where every cell is text, and a first row with a name under a header cell spanning two columns
		Path file = this.dir.resolve("s.csv");
		Files.writeString(file, "STT;Tên điểm cầu;;Cấp điểm cầu;Số ĐV\n1;Xã A;thôn 1;Xã;40\n2;Xã B;;Xã;35\n",
				StandardCharsets.UTF_8);

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(table.headerRow()).isEqualTo(1);
		assertThat(this.points).extracting(PointRow::number).containsExactly(2, 3);
	}

	@Test
	void aliasesWithoutDiacriticsInAnotherOrderAndAnUnknownColumn() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("So DV", "Ten diem cau", "Cap", "Địa chỉ", "Don vi", "TONG SO", "tt", "Số ĐV (người)"),
				row(12, "Xã A", "Xã", "Thôn 1", "Đảng ủy xã A", 12, 1)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsExactly(entry(Field.ROW_NUMBER, 6), entry(Field.POINT_NAME, 1),
				entry(Field.LEVEL, 2), entry(Field.HOST_UNIT, 4), entry(Field.MEMBERS, 0), entry(Field.TOTAL, 5));
		assertThat(table.unknownColumns()).containsExactly(new HeaderCell(1, 3, "Địa chỉ"),
				new HeaderCell(1, 7, "Số ĐV (người)"));
		assertThat(table.labels()).isEmpty();
		assertThat(this.points).singleElement().satisfies((point) -> {
			assertThat(point.cell(Field.MEMBERS).number()).isEqualTo(12.0);
			assertThat(point.cells()).doesNotContainKey(Field.NOTES);
		});
	}

	@Test
	void aLabelRowJustAboveTheHeaderStaysALabel() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("Đơn vị", "Quận ủy Long Biên"),
				row(null, "Tên điểm cầu", "Cấp", "Số ĐV"),
				row(null, "Xã A", "Xã", 10)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(2);
		assertThat(table.columns()).containsOnlyKeys(Field.POINT_NAME, Field.LEVEL, Field.MEMBERS);
		assertLabel(table.labels().get(Label.REPORTING_UNIT), 1, 1, "Quận ủy Long Biên");
	}

	@Test
	void aColonInACellOfItsOwnIsNoLabelsValue() throws Exception {
		// given a template with the colons in a narrow column between the labels and their values
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("Đơn vị báo cáo", ":", "Quận ủy Long Biên"),
				row("Hội nghị", " : ", "NQDH13"),
				row("Tên điểm cầu", "Cấp", "Số ĐV"),
				row("Xã A", "Xã", 10)));

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertLabel(table.labels().get(Label.REPORTING_UNIT), 1, 2, "Quận ủy Long Biên");
		assertLabel(table.labels().get(Label.CONFERENCE), 2, 2, "NQDH13");
	}

	@Test
	void aLabelLeftWithoutItsValueDoesNotTakeTheNextLabelForIt() throws Exception {
		// given the unit left blank in a template, the conference labelled further along the row
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("Đơn vị báo cáo:", null, "Hội nghị:", "NQDH13"),
				row("Tổng số đảng viên:", null, "Số đảng viên được học tập: 400"),
				row("Tên điểm cầu", "Cấp", "Số ĐV"),
				row("Xã A", "Xã", 10)));

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(table.labels()).containsOnlyKeys(Label.CONFERENCE, Label.MEMBERS_STUDIED);
		assertLabel(table.labels().get(Label.CONFERENCE), 1, 3, "NQDH13");
		assertLabel(table.labels().get(Label.MEMBERS_STUDIED), 2, 2, "400");
	}

	@Test
	void columnNumberingRowUnderTheHeaderIsNotData() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV", "Quần chúng", "Tổng số"),
				row("A", "B", "(1)", "(2)", "(3)", "(4)=(2)+(3)"),
				row(1, "Xã A", "Xã", 10, 2, 12)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(1);
		assertThat(this.points).extracting(PointRow::number).containsExactly(3);
	}

	@Test
	void aRowUnderTheHeaderHoldingOnlyItsNumberAndMembersIsAPointNotTheColumnNumbering() throws Exception {
		// given a first row whose name and level were left blank: two numbers, increasing
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, null, null, 10), row(2, "Xã A", "Xã", 10)));

		// when
		TableRecognizer.read(file, this.points::add);

		// then it reaches the checks, which report what it lacks, rather than being skipped unseen
		assertThat(this.points).extracting(PointRow::number).containsExactly(2, 3);
	}

	@Test
	void aRowUnderTheHeaderWhoseTotalRepeatsItsMembersIsAPointNotTheColumnNumbering() throws Exception {
		// given a first row with no name nor level, and 10 members and 10 in all two columns apart
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV", "Quần chúng", "Tổng số"), row(1, null, null, 10, null, 10),
				row(2, "Xã A", "Xã", 10, 2, 12)));

		// when
		TableRecognizer.read(file, this.points::add);

		// then a number repeated apart from its own column is no numbering: the row is a point
		assertThat(this.points).extracting(PointRow::number).containsExactly(2, 3);
	}

	@Test
	void hiddenSheetsAndSheetsWithoutATableAreSkipped() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Fixtures.fill(workbook.createSheet("Mẫu cũ"), 1, row("Tên điểm cầu", "Cấp", "Số ĐV"), row("Cũ", "Xã", 1));
			Fixtures.fill(workbook.createSheet("Hướng dẫn"), 1, row("Điền số liệu vào sheet Báo cáo"),
					row("Đơn vị báo cáo: ví dụ"), row("Tên điểm cầu", "Cấp"));
			Fixtures.fill(workbook.createSheet("Báo cáo"), 1, row("Tên điểm cầu", "Cấp", "Số ĐV"), row("Xã A", "Xã", 10));
			Fixtures.fill(workbook.createSheet("Báo cáo (2)"), 1, row("Tên điểm cầu", "Cấp", "Số ĐV"),
					row("Xã Z", "Xã", 99));
			workbook.setActiveSheet(2);
			workbook.setSheetVisibility(0, SheetVisibility.HIDDEN);
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.sheet()).isEqualTo("Báo cáo");
		assertThat(table.labels()).isEmpty();
		assertThat(this.points).extracting((point) -> point.cell(Field.POINT_NAME).text()).containsExactly("Xã A");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tổng cộng", "TỔNG CỘNG:", "Tổng số", "Cộng", "Tổng", "tong cong", "Cộng I", "Tổng cộng phần II" })
	void totalsRowEndsTheTable(String totals) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(2, "Xã B", "Xã", 5),
				row(null, totals, null, 15), row(), row(null, "NGƯỜI LẬP BIỂU"), row(null, "Nguyễn Văn A")));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(this.points).extracting(PointRow::number).containsExactly(2, 3);
		assertThat(table.totalsRow().number()).isEqualTo(4);
		assertThat(table.totalsRow().cell(Field.MEMBERS).number()).isEqualTo(15.0);
		assertThat(table.rowAfterTable()).isNull();
	}

	@Test
	void aPointRowUnderATotalsRowMakesItASubtotalAndTheTableGoesOn() throws Exception {
		// given
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(2, "Xã B", "Xã", 5),
				row(null, "Cộng", null, 15), row(), row(3, "Xã C", "Xã", 7), row(null, "Tổng cộng", null, 22)));

		// when
		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		// then
		assertThat(this.events.heard).containsExactly("point 2", "point 3", "subtotal 4", "point 6");
		assertThat(table.totalsRow().number()).isEqualTo(7);
		assertThat(table.dataRows()).isEqualTo(3);
		assertThat(table.rowAfterTable()).isNull();
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void partHeadingsAreToldInRowOrderAndAreNoData(Format format) throws Exception {
		// given part I numbered in the STT column, part II merged across, part B's marker and name in the
		// STT column, and "Cộng B" right above the grand total
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row("I", "Cấp huyện", null, 15), row(1, "Huyện ủy", "Huyện", 15), row("II. CẤP XÃ"),
					row(2, "Xã A", "Xã", 7), row(null, "Cộng II", null, 7), row("B- Khối doanh nghiệp"),
					row(3, "Chi bộ Công ty X", "Chi bộ", 0), row(null, "Cộng B", null, 0), row(null, "Tổng cộng", null, 22),
					row(null, "NGƯỜI LẬP BIỂU"));
			sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, 3));
		});

		// when
		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		// then
		assertThat(this.events.heard).containsExactly("part 2", "point 3", "part 4", "point 5", "subtotal 6", "part 7",
				"point 8", "subtotal 9");
		assertThat(table.totalsRow().number()).isEqualTo(10);
		assertThat(table.dataRows()).isEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "I. Cấp huyện", "A. KHỐI CƠ QUAN" })
	void aHeadingWithoutFiguresRightUnderTheHeaderIsAPartNotAHeaderRow(String heading) throws Exception {
		// given
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(null, heading), row(1, "Huyện ủy", "Huyện", 15)));

		// when
		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		// then
		assertThat(table.headerRow()).isEqualTo(1);
		assertThat(this.events.heard).containsExactly("part 2", "point 3");
	}

	@Test
	void aPointRowUnderNotesBelowATotalsRowIsStillAfterTheTable() throws Exception {
		// given
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(null, "Tổng cộng", null, 10),
				row(null, "Ghi chú: số liệu tạm tính"), row(2, "Xã B", "Xã", 5)));

		// when
		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		// then
		assertThat(this.events.heard).containsExactly("point 2");
		assertThat(table.totalsRow().number()).isEqualTo(3);
		assertThat(table.rowAfterTable().row().number()).isEqualTo(5);
		assertThat(table.rowAfterTable().tableEnd()).isEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A Lưới", "Xã A-Lưới", "Tổ A", "I" })
	void namesThatStartLikeAPartMarkerAreStillPoints(String name) throws Exception {
		// given
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, name, null, 10)));

		// when
		TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		// then
		assertThat(this.events.heard).containsExactly("point 2");
	}

	@Test
	void totalsRowRightUnderTheHeaderSumsTheRowsBelowIt() throws Exception {
		// given
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(null, "TỔNG SỐ", null, 15), row(1, "Xã A", "Xã", 10),
				row(2, "Xã B", "Xã", 5)));

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(this.points).extracting(PointRow::number).containsExactly(3, 4);
		assertThat(table.totalsRow().number()).isEqualTo(2);
		assertThat(table.rowAfterTable()).isNull();
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void mergedSummaryNotesAndSignatureLinesBelowTheTableAreNoPointRows(Format format) throws Exception {
		// given lines merged across the table's columns, so their text is in each column they cover
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10),
					row(null, "Tổng cộng", null, 10), row(null, "Tổng số đảng viên", null, 4336), row("Ghi chú:"),
					row("- Xã B học bù ngày 28/3"), row(null, "NGƯỜI LẬP BIỂU", null, "T/M BAN THƯỜNG VỤ"),
					row(null, "Nguyễn Văn A", null, 12));
			sheet.addMergedRegion(new CellRangeAddress(3, 3, 1, 2));
			sheet.addMergedRegion(new CellRangeAddress(5, 5, 0, 3));
			sheet.addMergedRegion(new CellRangeAddress(6, 6, 1, 2));
			sheet.addMergedRegion(new CellRangeAddress(6, 6, 3, 4));
			sheet.addMergedRegion(new CellRangeAddress(7, 7, 1, 2));
		});

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(this.points).extracting(PointRow::number).containsExactly(2);
		assertThat(table.rowAfterTable()).isNull();
		assertThat(table.labels().get(Label.MEMBERS_TOTAL).value().number()).isEqualTo(4336.0);
	}

	@Test
	void totalsRowUnderTheColumnNumbersIsStillRightUnderTheHeader() throws Exception {
		// given
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row("(1)", "(2)", "(3)", "(4)"), row(null, "Tổng cộng", null, 15),
				row(1, "Xã A", "Xã", 10), row(2, "Xã B", "Xã", 5)));

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(this.points).extracting(PointRow::number).containsExactly(4, 5);
		assertThat(table.totalsRow().number()).isEqualTo(3);
		assertThat(table.rowAfterTable()).isNull();
	}

	@Test
	void labelsUnderATableWithoutTotalsRowEndIt() throws Exception {
		// given
		Path file = Files.writeString(this.dir.resolve("l07.csv"), "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự\n"
				+ "1;Hội trường;Cấp huyện;5\n\nĐơn vị báo cáo;Quận ủy Long Biên\nHội nghị: NQDH13\n", StandardCharsets.UTF_8);

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(this.points).extracting(PointRow::number).containsExactly(2);
		assertLabel(table.labels().get(Label.REPORTING_UNIT), 4, 1, "Quận ủy Long Biên");
		assertLabel(table.labels().get(Label.CONFERENCE), 5, 0, "NQDH13");
		assertThat(table.rowAfterTable()).isNull();
	}

	@Test
	void unitSummaryBesideTheRowsIsReadButNotTheUnitOrConference() throws Exception {
		// given
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10, null, "Tổng số đảng viên", 4336),
				row(2, "Xã B", "Xã", 5, null, "Số đảng viên được học tập: 3252"),
				row(3, "Xã C", "Xã", 7, null, "Hội nghị", "NQDH13"), row(null, "Tổng cộng", null, 22, null, "Tỷ lệ (%)", "75%")));

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(this.points).extracting(PointRow::number).containsExactly(2, 3, 4);
		assertThat(table.labels().get(Label.MEMBERS_TOTAL).value().number()).isEqualTo(4336.0);
		assertLabel(table.labels().get(Label.MEMBERS_STUDIED), 3, 5, "3252");
		assertLabel(table.labels().get(Label.COVERAGE), 5, 6, "75%");
		assertThat(table.labels()).doesNotContainKey(Label.CONFERENCE);
	}

	@Test
	void csvValueRightOfTheHeaderIsReported() throws Exception {
		// given "1,234" written without quotes in a comma-separated file
		Path file = Files.writeString(this.dir.resolve("b.csv"), "STT,Tên điểm cầu,Cấp,Số ĐV,Quần chúng\n1,Xã A,Xã,10,2\n"
				+ "2,Phường Thượng Thanh,Phường,1,234,41\n", StandardCharsets.UTF_8);

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(table.extraValue().row()).isEqualTo(3);
		assertThat(table.extraValue().cell().column()).isEqualTo(5);
		assertThat(table.extraValue().cell().text()).isEqualTo("41");
		assertThat(table.extraValue().headerColumns()).isEqualTo(5);
	}

	@Test
	void csvNumberSplitInsideTheHeaderIsReported() throws Exception {
		// given "1,100" written without quotes, the others pushed into the notes column
		Path file = Files.writeString(this.dir.resolve("s.csv"), "STT,Tên điểm cầu,Cấp,Số ĐV,Quần chúng,Ghi chú\n"
				+ "1,Xã A,Xã,10,2,\n2,Phường Bồ Đề,Phường,1,100,10,\n", StandardCharsets.UTF_8);

		// when
		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		// then
		assertThat(table.splitNumber().row()).isEqualTo(3);
		assertThat(table.splitNumber().first().text()).isEqualTo("1");
		assertThat(table.splitNumber().rest().text()).isEqualTo("100");
		assertThat(table.splitNumber().pushed().columnName()).isEqualTo("F");
		assertThat(table.extraValue()).isNull();
	}

	// Where ';' separates the fields, "1,100" stays one; a number in the notes is a note.
	@ParameterizedTest
	@ValueSource(strings = { "2;Phường Bồ Đề;Phường;1;100;10", "2;Phường Bồ Đề;Phường;1;10;100" })
	void aNumberInTheNotesIsNoSplitNumberWhereTheFiguresCannotBeOne(String line) throws Exception {
		Path file = Files.writeString(this.dir.resolve("n.csv"),
				"STT;Tên điểm cầu;Cấp;Số ĐV;Quần chúng;Ghi chú\n" + line + "\n", StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.splitNumber()).isNull();
	}

	@Test
	void csvSummaryRightOfTheHeaderAndWorkbookValuesThereAreNoExtraValues() throws Exception {
		// given a summary and a note right of a CSV's header
		Path csv = Files.writeString(this.dir.resolve("c.csv"),
				"STT;Tên điểm cầu;Cấp;Số ĐV\n1;Xã A;Xã;10;;Tổng số đảng viên;4336\n2;Xã B;Xã;5;;học bù 28/3\n",
				StandardCharsets.UTF_8);
		Path xlsx = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10, null, "học bù")));

		// when
		RecognizedTable fromCsv = TableRecognizer.read(csv, this.points::add);
		RecognizedTable fromXlsx = TableRecognizer.read(xlsx, this.points::add);

		// then
		assertThat(fromCsv.extraValue()).isNull();
		assertLabel(fromCsv.labels().get(Label.MEMBERS_TOTAL), 2, 6, "4336");
		assertThat(fromXlsx.extraValue()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "NGƯỜI LẬP BIỂU", "Người lập biểu", "(Ký, ghi rõ họ tên)", "Ghi chú: số liệu tạm tính",
			"Ghi chú", "Nơi nhận:", "Long Biên, ngày 29 tháng 3 năm 2021", "Hà Nội, ngày    tháng    năm 2021",
			"Người lập", "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "BÍ THƯ", "PHÓ BÍ THƯ", "TRƯỞNG BAN", "Phó Trưởng ban",
			"CHÁNH VĂN PHÒNG", "THỦ TRƯỞNG ĐƠN VỊ" })
	void signatureAndNotesRowsEndTheTable(String end) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(null, end),
				row(3, "Xã C", "Xã", 7)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(this.points).extracting(PointRow::number).containsExactly(2);
		assertThat(table.totalsRow()).isNull();
		assertThat(table.rowAfterTable().row().number()).isEqualTo(4);
		assertThat(table.rowAfterTable().tableEnd()).isEqualTo(3);
	}

	@Test
	void blankRowsAndRowsWithOnlyTheirNumberAreSkipped() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(2), row(null, "  "), row(),
				row(3, "Xã C", "Xã", 7), row(4), row(5)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(this.points).extracting(PointRow::number).containsExactly(2, 6);
		assertThat(table.dataRows()).isEqualTo(2);
	}

	@Test
	void dateColumnHoldingDatesInWordsDoesNotEndTheTable() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("Ngày", "Tên điểm cầu", "Cấp", "Số ĐV"), row("ngày 27 tháng 3 năm 2021", "Xã A", "Xã", 10),
				row("ngày 28 tháng 3 năm 2021", "Xã B", "Xã", 5)));

		TableRecognizer.read(file, this.points::add);

		assertThat(this.points).extracting(PointRow::number).containsExactly(2, 3);
	}

	@Test
	void csvTable() throws Exception {
		Path file = Files.writeString(this.dir.resolve("long-bien.csv"),
				"Đơn vị báo cáo;Quận ủy Long Biên\n\nSTT;Tên điểm cầu;Cấp;Số ĐV;Quần chúng\n1;Xã A;Xã;11.938;\n"
						+ "2;\"Nhà văn hóa\nthôn 2\";Thôn;40;5\nTổng cộng;;;11.978;5\n",
				StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.sheet()).isEqualTo("long-bien");
		assertThat(table.headerRow()).isEqualTo(3);
		assertLabel(table.labels().get(Label.REPORTING_UNIT), 1, 1, "Quận ủy Long Biên");
		assertThat(this.points).extracting((point) -> point.cell(Field.POINT_NAME).text())
			.containsExactly("Xã A", "Nhà văn hóa\nthôn 2");
		assertThat(this.points.get(0).cell(Field.MEMBERS).kind()).isEqualTo(CellKind.TEXT);
		assertThat(this.points.get(0).cells()).doesNotContainKey(Field.OTHERS);
		assertThat(table.totalsRow().cell(Field.ROW_NUMBER).text()).isEqualTo("Tổng cộng");
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void textTypedInTcvn3IsConvertedBeforeMatching(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("Báo cáo");
			Fixtures.fill(sheet, 1, row("§¬n vÞ b¸o c¸o: QuËn ñy Long Biªn"),
					row("STT", "Tªn ®iÓm cÇu", "CÊp ®iÓm cÇu", "Sè ®¶ng viªn tham dù"),
					row(1, "Ph\u00ADêng Bå §Ò", "Ph\u00ADêng", 120),
					row(null, "Tæng céng", null, 120));
			Fixtures.font(sheet, ".VnTime");
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.columns()).containsOnlyKeys(Field.ROW_NUMBER, Field.POINT_NAME, Field.LEVEL, Field.MEMBERS);
		assertThat(table.labels().get(Label.REPORTING_UNIT).value().text()).isEqualTo("Quận ủy Long Biên");
		assertThat(this.points).singleElement().satisfies((point) -> {
			assertThat(point.cell(Field.POINT_NAME).text()).isEqualTo("Phường Bồ Đề");
			assertThat(point.cell(Field.LEVEL).text()).isEqualTo("Phường");
		});
		assertThat(table.totalsRow().number()).isEqualTo(4);
		// Converted: the label, three headers (STT is ASCII), two data texts, the totals label.
		assertThat(table.legacyText()).isEqualTo(new LegacyText(".VnTime", 7, "Báo cáo", 1, 0));
		assertThat(table.legacyText().firstCell()).isEqualTo("Báo cáo!A1");
	}

	@Test
	void textTypedInVniAndInTcvn3CapitalsIsConverted() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet title = workbook.createSheet("S");
			Fixtures.fill(title, 1, row("QUËN ñY LONG BIªN"));
			Fixtures.font(title, ".VnTimeH");
			Fixtures.fill(title, 2, row("Teân ñieåm caàu", "Caáp", "Soá ÑV"), row("Phöôøng Boà Ñeà", "Phöôøng", 40));
			for (int r = 1; r <= 2; r++) {
				for (int c = 0; c < 3; c++) {
					org.apache.poi.ss.usermodel.Font font = workbook.createFont();
					font.setFontName("VNI-Times");
					CellStyle style = workbook.createCellStyle();
					style.setFont(font);
					title.getRow(r).getCell(c).setCellStyle(style);
				}
			}
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(2);
		assertThat(this.points).singleElement()
			.satisfies((point) -> assertThat(point.cell(Field.POINT_NAME).text()).isEqualTo("Phường Bồ Đề"));
		assertThat(table.legacyText()).isEqualTo(new LegacyText(".VnTimeH", 6, "S", 1, 0));
	}

	@Test
	void unicodeTextInAUnicodeWorkbookHasNoLegacyText() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("Tên điểm cầu", "Cấp", "Số ĐV"), row("Xã A", "Xã", 10)));

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.legacyText()).isNull();
	}

	@Test
	void noHeaderNamesTheClosestRowAndWhatItLacks() {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Fixtures.fill(workbook.createSheet("Hướng dẫn"), 1, row("Điền số liệu"));
			Fixtures.fill(workbook.createSheet("Báo cáo"), 1, row("BÁO CÁO"), row("Điểm cầu"), row("Tên điểm cầu", "Cấp"),
					row("Xã A", "Xã", 10));
		});

		assertThatThrownBy(() -> TableRecognizer.read(file, this.points::add))
			.isInstanceOfSatisfying(NoTableException.class, (ex) -> {
				assertThat(ex.closestSheet()).isEqualTo("Báo cáo");
				assertThat(ex.closestRow()).isEqualTo(3);
				assertThat(ex.missing()).containsExactly(Field.MEMBERS);
				assertThat(ex.getMessage()).contains("Số đảng viên tham dự");
			});
		assertThat(this.points).isEmpty();
	}

	// "ĐV" alone, or under its group, may be đảng viên or đơn vị: the cell a district may have meant for the members.
	@Test
	void noHeaderTellsTheAbbreviationOfSeveralMeaningsThatMayBeTheColumnItLacks() {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("Tên điểm cầu", "Cấp điểm cầu", "Số người tham dự", null, "Tổng số ĐV"),
				row(null, null, "ĐV", "Quần chúng", null), row("Xã A", "Xã", 40, 10, 60)));

		assertThatThrownBy(() -> TableRecognizer.read(file, this.points::add))
			.isInstanceOfSatisfying(NoTableException.class, (ex) -> {
				assertThat(ex.missing()).containsExactly(Field.MEMBERS);
				assertThat(ex.ambiguous()).containsEntry(Field.MEMBERS, new HeaderCell(2, 2, "Số người tham dự ĐV"));
			});
	}

	@Test
	void noHeaderAtAllHasNoClosestRow() {
		Path file = Fixtures.workbook(this.dir, Format.XLS,
				(workbook) -> Fixtures.fill(workbook.createSheet("S"), 1, row("Xin chào"), row(1, 2, 3)));

		assertThatThrownBy(() -> TableRecognizer.read(file, this.points::add))
			.isInstanceOfSatisfying(NoTableException.class, (ex) -> {
				assertThat(ex.closestSheet()).isNull();
				assertThat(ex.closestRow()).isZero();
				assertThat(ex.missing()).isEmpty();
			});
	}

	@Test
	void unreadableFilesAreReportedAsSuch() throws Exception {
		Path file = Files.writeString(this.dir.resolve("report.xls"), "<!DOCTYPE html><html></html>");

		assertThatThrownBy(() -> TableRecognizer.read(file, this.points::add)).isInstanceOfSatisfying(
				UnreadableFileException.class, (ex) -> assertThat(ex.reason()).isEqualTo("file-format"));
	}

	private static void assertLabel(LabelledCell label, int row, int column, String text) {
		assertThat(label).isNotNull();
		assertThat(label.row()).isEqualTo(row);
		assertThat(label.value().column()).isEqualTo(column);
		assertThat(label.value().text()).isEqualTo(text);
	}

}
