package vn.tonghop.sheet;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.sheet.Fixtures.Format;
import vn.tonghop.sheet.Fixtures.Recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static vn.tonghop.sheet.Fixtures.row;

class MergedCellsTests {

	@TempDir
	Path dir;

	private final List<PointRow> points = new ArrayList<>();

	@ParameterizedTest
	@EnumSource(Format.class)
	void textAndDatesMergedDownReadOnEveryRowTheyCover(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("Tên điểm cầu", "Cấp điểm cầu", "Đơn vị chủ trì", "Ngày", "Số ĐV"),
					row("Phường Bồ Đề", "Phường", "Quận ủy Long Biên", LocalDate.of(2021, 3, 27), 10),
					row("Phường Gia Thụy", null, null, null, 20),
					row("Phường Ngọc Lâm", null, null, null, 30));
			sheet.addMergedRegion(new CellRangeAddress(1, 3, 1, 1));
			sheet.addMergedRegion(new CellRangeAddress(1, 3, 2, 2));
			sheet.addMergedRegion(new CellRangeAddress(1, 3, 3, 3));
		});

		TableRecognizer.read(file, this.points::add);

		assertThat(this.points).extracting((point) -> point.cell(Field.LEVEL).text(),
				(point) -> point.cell(Field.HOST_UNIT).text(), (point) -> point.cell(Field.DATE).date(),
				(point) -> point.cell(Field.MEMBERS).number())
			.containsExactly(tuple("Phường", "Quận ủy Long Biên", LocalDate.of(2021, 3, 27), 10.0),
					tuple("Phường", "Quận ủy Long Biên", LocalDate.of(2021, 3, 27), 20.0),
					tuple("Phường", "Quận ủy Long Biên", LocalDate.of(2021, 3, 27), 30.0));
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void aHeadCountMergedOverRowsCountsOnceAtItsTopRow(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("Tên điểm cầu", "Cấp", "Số ĐV", "Quần chúng"),
					row("Hội trường A", "Phường", 120, "1.500"),
					row("Hội trường B", "Phường"));
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 3, 3));
		});

		TableRecognizer.read(file, this.points::add);

		assertThat(this.points).hasSize(2);
		assertThat(this.points.get(0).cell(Field.MEMBERS).number()).isEqualTo(120.0);
		assertThat(this.points.get(0).cell(Field.OTHERS).text()).isEqualTo("1.500");
		assertThat(this.points.get(1).cells()).containsOnlyKeys(Field.POINT_NAME, Field.LEVEL);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void copiesNeverMakeARowAppear(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("Tên điểm cầu", "Cấp", "Số ĐV", "Ghi chú"), row("Xã A", "Xã", 10, "Ghép điểm"),
					row("Xã B", "Xã", 5), row(), row(null, null, null, null));
			sheet.addMergedRegion(new CellRangeAddress(1, 4, 3, 3));
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.dataRows()).isEqualTo(2);
		assertThat(this.points).extracting((point) -> point.cell(Field.NOTES).text())
			.containsExactly("Ghép điểm", "Ghép điểm");
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void headersMergedDownOverTwoRowsAndAcrossColumnsGiveOneColumnEach(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("BÁO CÁO KẾT QUẢ"),
					row("Đơn vị báo cáo:", null, "Quận ủy Long Biên"),
					row("STT", "Tên điểm cầu", null, "Đơn vị", "Cấp điểm cầu", "Số người tham dự", null, null, "Địa chỉ"),
					row(null, null, null, null, null, "Đảng viên", "Quần chúng", "Tổng số"),
					row(1, "Hội trường Quận ủy", null, "Quận ủy", "Quận", 100, 20, 120, "Số 1"));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 1));
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 2, 8));
			for (int column : new int[] { 0, 3, 4, 8 }) {
				sheet.addMergedRegion(new CellRangeAddress(2, 3, column, column));
			}
			sheet.addMergedRegion(new CellRangeAddress(2, 3, 1, 2));
			sheet.addMergedRegion(new CellRangeAddress(4, 4, 1, 2));
			sheet.addMergedRegion(new CellRangeAddress(2, 2, 5, 7));
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.headerRow()).isEqualTo(4);
		assertThat(table.columns()).containsExactly(entry(Field.ROW_NUMBER, 0), entry(Field.POINT_NAME, 1),
				entry(Field.LEVEL, 4), entry(Field.HOST_UNIT, 3), entry(Field.MEMBERS, 5), entry(Field.OTHERS, 6),
				entry(Field.TOTAL, 7));
		// merged down over rows 3 and 4, it shows in I3, where a report on it points
		assertThat(table.unknownColumns()).containsExactly(new HeaderCell(3, 8, "Địa chỉ"));
		assertThat(table.labels()).containsOnlyKeys(Label.REPORTING_UNIT);
		assertThat(table.labels().get(Label.REPORTING_UNIT).value().text()).isEqualTo("Quận ủy Long Biên");
		assertThat(table.labels().get(Label.REPORTING_UNIT).value().column()).isEqualTo(2);
		assertThat(this.points).singleElement().satisfies((point) -> {
			assertThat(point.cell(Field.POINT_NAME).text()).isEqualTo("Hội trường Quận ủy");
			assertThat(point.cell(Field.TOTAL).number()).isEqualTo(120.0);
		});
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void aColumnNumberingRowMergedLikeItsHeaderIsNotData(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", null, "Cấp", "Số ĐV"), row("(1)", "(2)", null, "(3)", "(4)"),
					row(1, "Xã A", null, "Xã", 10));
			for (int r = 0; r < 3; r++) {
				sheet.addMergedRegion(new CellRangeAddress(r, r, 1, 2));
			}
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.unknownColumns()).isEmpty();
		assertThat(this.points).extracting(PointRow::number).containsExactly(3);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void aMergedTotalsLabelStillEndsTheTable(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10),
					row("Tổng cộng", null, null, 10));
			sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 2));
		});

		RecognizedTable table = TableRecognizer.read(file, this.points::add);

		assertThat(table.dataRows()).isEqualTo(1);
		assertThat(table.totalsRow().number()).isEqualTo(3);
		assertThat(table.totalsRow().cell(Field.MEMBERS).number()).isEqualTo(10.0);
	}

	@Test
	void regionsApplyInRowOrderWhateverOrderTheFileListsThem() {
		MergedCells merges = new MergedCells(List.of(new MergedCells.Region(5, 6, 0, 0),
				new MergedCells.Region(2, 3, 1, 2)));

		List<Cell> second = merges.apply(2, List.of(Cell.text(1, "Phường"), Cell.text(0, "a")));
		List<Cell> third = merges.apply(3, List.of(Cell.text(0, "b"), Cell.text(2, "stale")));
		List<Cell> fifth = merges.apply(5, List.of(Cells.number(0, 4)));
		List<Cell> sixth = merges.apply(6, List.of(Cell.text(1, "c")));

		assertThat(second).extracting(Cell::column, Cell::text)
			.containsExactly(tuple(0, "a"), tuple(1, "Phường"), tuple(2, "Phường"));
		assertThat(third).extracting(Cell::column, Cell::text)
			.containsExactly(tuple(0, "b"), tuple(1, "Phường"), tuple(2, "Phường"));
		assertThat(fifth).extracting(Cell::column, Cell::number).containsExactly(tuple(0, 4.0));
		assertThat(sixth).extracting(Cell::column, Cell::text).containsExactly(tuple(1, "c"));
	}

	@Test
	void aRegionReachingTheLastColumnsIsFilledAsFarAsAnXlsSheetGoes() {
		MergedCells merges = new MergedCells(List.of(new MergedCells.Region(1, 1, 0, 16_383)));

		List<Cell> cells = merges.apply(1, List.of(Cell.text(0, "Tiêu đề")));

		assertThat(cells).hasSize(MergedCells.LAST_FILLED_COLUMN + 1);
	}

	@Test
	void xlsxMergesAreReadBeforeTheRows() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("a", "x"), row(null, "y"), row(null, "z"));
			sheet.addMergedRegion(new CellRangeAddress(0, 2, 0, 0));
		});
		Recorder recorder = new Recorder();

		Workbooks.read(file, recorder);

		assertThat(recorder.rows).extracting((row) -> row.cell(0).text()).containsExactly("a", "a", "a");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<mergeCells count=\"1\"><mergeCell ref=\"B1:B3\"/></mergeCells>",
			"<mergeCells><mergeCell ref=\"B1:B&#51;\"/></mergeCells>",
			"<x:mergeCells xmlns:x=\"" + HostileFiles.MAIN + "\"><x:mergeCell ref=\"B1:B3\"></x:mergeCell></x:mergeCells>",
			"<mergeCells>\n<mergeCell  ref = 'B1:B3' />\n</mergeCells>",
			"<mergeCells><mergeCell ref=\"B1:B3\"/><!-- <mergeCell ref=\"C1:C3\"/> --></mergeCells>" })
	void xlsxMergesAreAppliedHoweverTheirTagsAreWritten(String mergeCells) throws Exception {
		// XmlSafety notes the plain tags while it scans; the others are read by a parser first
		Path file = HostileFiles.write(this.dir, "merged.xlsx", HostileFiles.xlsxWith(Map.of(HostileFiles.SHEET,
				HostileFiles.utf8(sheet("<row r=\"1\">" + inline("A1", "a") + inline("B1", "Phường") + inline("C1", "x")
						+ "</row><row r=\"2\">" + inline("A2", "b") + "</row><row r=\"3\">" + inline("A3", "c") + "</row>",
						mergeCells)))));
		Recorder recorder = new Recorder();

		Workbooks.read(file, recorder);

		assertThat(recorder.rows).extracting(SheetRow::number,
				(row) -> row.cells().stream().map(Cell::text).collect(Collectors.joining("|")))
			.containsExactly(tuple(1, "a|Phường|x"), tuple(2, "b|Phường"), tuple(3, "c|Phường"));
	}

	@Test
	void mergeListsNotedPlainlyAreKeptAndOthersLeftToTheParser() {
		SheetMerges merges = new SheetMerges();
		merges.part("xl/worksheets/sheet1.xml").mergeCell(" ref=\"A1:B2\"/>");
		merges.part("xl/worksheets/sheet2.xml").mergeCell(" ref=\"A1:B&#50;\"/>");
		merges.part("xl/worksheets/sheet3.xml").mergeCell(" ref=\"A1:B2\"/>");
		merges.part("xl/worksheets/sheet3.xml").mergeCell(" ref=\"A1:B2\"/>");
		merges.part("xl/worksheets/sheet4.xml").mergeCell(" x:ref=\"A1:B2\" ref=\"C3:C4\">");

		assertThat(merges.of("/XL/worksheets/sheet1.xml")).containsExactly(new MergedCells.Region(1, 2, 0, 1));
		assertThat(merges.of("/xl/worksheets/sheet2.xml")).isNull();
		assertThat(merges.of("/xl/worksheets/sheet3.xml")).isNull();
		assertThat(merges.of("/xl/worksheets/sheet4.xml")).containsExactly(new MergedCells.Region(3, 4, 2, 2));
		assertThat(merges.of("/xl/worksheets/sheet5.xml")).isNull();
	}

	@Test
	void noMoreRegionsAreHeldThanOneSheetMayHave() {
		SheetMerges merges = new SheetMerges();
		SheetMerges.Part first = merges.part("xl/worksheets/sheet1.xml");
		for (int r = 1; r <= MergedCells.MAX_REGIONS; r++) {
			first.mergeCell(" ref=\"A" + r + ":B" + r + "\"/>");
		}
		merges.part("xl/worksheets/sheet2.xml").mergeCell(" ref=\"A1:B1\"/>");

		assertThat(merges.of("/xl/worksheets/sheet1.xml")).hasSize(MergedCells.MAX_REGIONS);
		assertThat(merges.of("/xl/worksheets/sheet2.xml")).isNull();
	}

	private static String sheet(String rows, String mergeCells) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + HostileFiles.MAIN + "\"><sheetData>" + rows
				+ "</sheetData>" + mergeCells + "</worksheet>";
	}

	private static String inline(String reference, String text) {
		return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
	}

}
