package vn.tonghop.sheet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.sheet.Fixtures.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.sheet.Fixtures.row;

/** Rows that look like parts or totals but are points or notes, and totals rows of tables in parts. */
class TablePartsEdgeTests {

	@TempDir
	Path dir;

	private static final Object[] SPLIT_TOP = row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự", null,
			"Số người khác tham dự");

	private static final Object[] SPLIT_BOTTOM = row(null, null, null, "Tổng số", "Trong đó: nữ");

	private static final Object[] GROUPS = row("Thông tin điểm cầu", null, null, "Số người tham dự");

	private static final Object[] NAMES = row("STT", "Tên điểm cầu", "Cấp", "Đảng viên", "Quần chúng", "Tổng số");

	private final HeardEvents events = new HeardEvents();

	// A point whose name, to the ascii key, reads "cong"/"tong" + a letter or a Roman numeral.
	@ParameterizedTest
	@ValueSource(strings = { "Cống Vị", "Cổng A", "Cống X", "Tổng I" })
	void pointNamedLikeAPartTotalIsAPoint(String name) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(2, name, "Phường", 5),
				row(3, "Xã C", "Xã", 7), row(null, "Tổng cộng", null, 22)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "point 3", "point 4");
		assertThat(table.totalsRow().number()).isEqualTo(5);
	}

	// A level merged down over the whole column reads on the totals row too: read as a point, it would
	// count every point twice. Only a name that may be a place's ("Cống Vị", "Tổng I") is a point then.
	@ParameterizedTest
	@ValueSource(strings = { "Tổng cộng toàn quận", "Tổng số: 2 điểm cầu", "Cộng cả quận", "Tổng cộng phần I", "Cộng I",
			"CỘNG II", "Cộng cấp xã", "Cộng các xã" })
	void aTotalsRowUnderALevelMergedDownOverItIsNoPoint(String totals) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10),
					row(2, "Xã B", null, 5), row(null, totals, null, 15));
			sheet.addMergedRegion(new CellRangeAddress(1, 3, 2, 2));
		});

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "point 3");
		assertThat(table.totalsRow().number()).isEqualTo(4);
	}

	// A signature block's "T/M BAN THƯỜNG VỤ" (or a narrative "I. Đánh giá") in the name column right
	// under the totals row: the table must not go on into the signer's lines.
	@ParameterizedTest
	@ValueSource(strings = { "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "I. Đánh giá chung", "A. Nhận xét" })
	void signatureOrNarrativeUnderTheTotalsRowIsNoPart(String line) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(2, "Xã B", "Xã", 5),
				row(null, "Tổng cộng", null, 15), row(), row(null, line), row(null, "PHÓ BÍ THƯ"), row(),
				row(null, "Nguyễn Văn A")));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "point 3");
		assertThat(table.totalsRow().number()).isEqualTo(4);
		assertThat(table.dataRows()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void mergedNarrativeUnderTheTotalsRowIsNoPart(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10),
					row(null, "Tổng cộng", null, 10), row("I. Đánh giá chung"),
					row("Hội nghị được tổ chức nghiêm túc, đúng kế hoạch"));
			sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, 3));
			sheet.addMergedRegion(new CellRangeAddress(4, 4, 0, 3));
		});

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2");
		assertThat(table.dataRows()).isEqualTo(1);
	}

	@Test
	void csvNarrativeUnderTheTotalsRowIsNoPart() throws Exception {
		Path csv = Files.writeString(this.dir.resolve("c.csv"), String.join("\n", "STT;Tên điểm cầu;Cấp;Số ĐV",
				"1;Xã A;Xã;10", ";Tổng cộng;;10", "I. Đánh giá chung", "Hội nghị được tổ chức nghiêm túc", ""),
				StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(csv, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2");
		assertThat(table.dataRows()).isEqualTo(1);
	}

	@Test
	void aTotalsRowUnderTheHeaderIsKeptBesideTheLastPartsOwn() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(null, "Tổng cộng", null, 999), row("I", "Cấp xã"),
				row(1, "Xã A", "Xã", 10), row(null, "Cộng I", null, 10), row("II", "Cấp thôn"),
				row(2, "Thôn B", "Thôn", 5), row(null, "Cộng II", null, 5)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		// both are checked: the top one against all rows, "Cộng II" against its part or all rows
		assertThat(this.events.heard).containsExactly("part 3", "point 4", "subtotal 5", "part 6", "point 7");
		assertThat(table.totalsRow().number()).isEqualTo(8);
		assertThat(table.totalsAboveRow().number()).isEqualTo(2);
	}

	@Test
	void aTableInPartsWithItsTotalsAboveAndBelowEndsWithTheOneBelow() throws Exception {
		// given "Tổng cộng" right under the header and again at the bottom, which is no part's total
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(null, "Tổng cộng", null, 15), row("I", "Cấp xã"),
				row(1, "Xã A", "Xã", 10), row("II", "Cấp thôn"), row(2, "Thôn B", "Thôn", 5),
				row(null, "Tổng cộng", null, 15)));

		// when
		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		// then the bottom one is not told as the last part's subtotal
		assertThat(this.events.heard).containsExactly("part 3", "point 4", "part 5", "point 6");
		assertThat(table.totalsRow().number()).isEqualTo(7);
	}

	@Test
	void aPartHeadingUnderASubtotalIsStillAPartWhenPointsFollow() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(null, "Cộng", null, 10), row(),
				row("II. CẤP THÔN"), row("A", "Khối thôn"), row(2, "Thôn B", "Thôn", 5), row(null, "Tổng cộng", null, 15),
				row(), row("T/M BAN THƯỜNG VỤ"), row("Nguyễn Văn A")));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "subtotal 3", "part 5", "part 6", "point 7");
		assertThat(table.totalsRow().number()).isEqualTo(8);
		assertThat(table.rowAfterTable()).isNull();
	}

	// Heading-like lines under a totals row wait for a point to say whether they start a part: a few in
	// any table. Past that they are notes; held all, a sheet of a million of them filled a 256 MB heap.
	@Test
	void moreHeadingLikeLinesUnderTheTotalsRowThanAPartHasAreNotes() throws Exception {
		StringBuilder csv = new StringBuilder("STT;Tên điểm cầu;Cấp;Số ĐV\n1;Xã A;Xã;10\n;Tổng cộng;;10\n");
		for (int i = 0; i < 5_001; i++) {
			csv.append("I;Phần ").append(i).append('\n');
		}
		csv.append("2;Thôn B;Thôn;5\n");
		Path file = Files.writeString(this.dir.resolve("c.csv"), csv, StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2");
		assertThat(table.totalsRow().number()).isEqualTo(3);
		assertThat(table.rowAfterTable().row().number()).isEqualTo(5_005);
	}

	// A part's first point with a mistake (a level misspelt, members in words) is no note: the part goes on.
	@Test
	void aPartsFirstPointWithAMistakeStillStartsThePart() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row("I", "Cấp xã"), row(1, "Xã A", "Xã", 10),
				row(null, "Cộng I", null, 10), row("II", "Cấp thôn"), row(2, "Thôn B", "Thônn", 5),
				row(3, "Thôn C", "Thôn", "khoảng 5"), row(null, "Cộng II", null, 10), row(null, "Tổng cộng", null, 20)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("part 2", "point 3", "subtotal 4", "part 5", "point 6", "point 7",
				"subtotal 8");
		assertThat(table.totalsRow().number()).isEqualTo(9);
		assertThat(table.rowAfterTable()).isNull();
	}

	// A heading-like line under the totals row does not make a note under it a point: what is a point
	// row there is the same with or without the line ("Trong đó: …" with a figure only is a note).
	@ParameterizedTest
	@ValueSource(strings = { ";Trong đó: đảng viên nữ;;45", ";Số đảng viên nữ:;;45", ";Số điểm cầu:;2",
			";Long Biên,;ngày 29 tháng 3 năm 2021", ";Người lập biểu;Nguyễn Văn A" })
	void aNoteUnderAHeadingLikeLineUnderTheTotalsRowIsNoPoint(String note) throws Exception {
		Path csv = Files.writeString(this.dir.resolve("c.csv"), String.join("\n", "STT;Tên điểm cầu;Cấp;Số ĐV",
				"1;Xã A;Xã;10", ";Tổng cộng;;10", "II. KẾT QUẢ HỌC TẬP", note, ""), StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(csv, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2");
		assertThat(table.totalsRow().number()).isEqualTo(3);
	}

	// Under a part's heading, the part's first point is checked whatever its mistake: a level misspelt or left out.
	@ParameterizedTest
	@ValueSource(strings = { "2;Thôn B;Thônn;5", "2;Thôn B;;5", "2;Thôn B;Thôn;khoảng 5", "2;Thôn B;;khoảng 5" })
	void aPointWithAMistakeUnderAPartsHeadingUnderTheTotalsRowStartsThePart(String point) throws Exception {
		Path csv = Files.writeString(this.dir.resolve("c.csv"), String.join("\n", "STT;Tên điểm cầu;Cấp;Số ĐV",
				"1;Xã A;Xã;10", ";Cộng I;;10", "II. Cấp thôn", point, ";Cộng II;;5", ""), StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(csv, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "subtotal 3", "part 4", "point 5");
		assertThat(table.totalsRow().number()).isEqualTo(6);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void aHeadingMergedAcrossRightUnderTheHeaderIsAPart(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row("I. CẤP HUYỆN"),
					row(1, "Huyện ủy", "Huyện", 15), row("II. CẤP XÃ"), row(2, "Xã A", "Xã", 7),
					row(null, "Tổng cộng", null, 22));
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 3));
			sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, 3));
		});

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(table.headerRow()).isEqualTo(1);
		assertThat(this.events.heard).containsExactly("part 2", "point 3", "part 4", "point 5");
	}

	// A point added under the totals row with no level: not a point, yet not dropped without a word.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aPointWithoutLevelUnderTheTotalsRowIsNoted(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(null, "Tổng cộng", null, 10),
				row(2, "Xã B", null, 7), row(3, "Xã C", null, 4)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2");
		assertThat(table.rowAfterTable()).isNull();
		assertThat(table.levellessAfterTable().row().number()).isEqualTo(4);
		assertThat(table.levellessAfterTable().tableEnd()).isEqualTo(3);
	}

	// Notes with a figure under the totals row are not points without a level.
	@ParameterizedTest
	@ValueSource(strings = { "Trong đó đảng viên nữ", "Số đảng viên nữ:", "Ghi chú", "Người lập biểu",
			"II. Cấp thôn", "Hà Nội, ngày 27 tháng 3 năm 2021" })
	void aNoteWithAFigureUnderTheTotalsRowIsNoPointWithoutLevel(String note) throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row(null, "Tổng cộng", null, 10),
				row(null, note, null, 7)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2");
		assertThat(table.levellessAfterTable()).isNull();
	}

	// Read as points, headings written with their part's level and sums would count each part twice.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aHeadingWithItsPartsLevelIsAPart(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row("I", "Cấp huyện", "Huyện", 15),
				row(1, "Huyện ủy", "Huyện", 15), row(null, "II. Cấp xã", "Xã", 12), row(2, "Xã A", "Xã", 7),
				row(3, "Xã B", "Xã", 5)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("part 2", "point 3", "part 4", "point 5", "point 6");
		assertThat(table.dataRows()).isEqualTo(3);
	}

	// A heading typed in capitals, or numbered past I, V and X, which letters numbering points may be,
	// is a part whatever its title: its level (typed, or merged down over its part) makes it no point.
	@ParameterizedTest
	@ValueSource(strings = { "I | CẤP QUẬN VÀ TƯƠNG ĐƯƠNG", "| I. CẤP QUẬN VÀ TƯƠNG ĐƯƠNG", "II | Các phường",
			"| III- Các xã, thị trấn", "| IV. Khối cơ quan" })
	void aHeadingWithALevelIsAPartWhenItsMarkerIsRoman(String heading) throws Exception {
		String[] written = heading.split(" ?\\| ?", -1);
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(written[0].isEmpty() ? null : written[0], written[1], "Xã", 12),
				row(1, "Xã A", "Xã", 7), row(2, "Xã B", "Xã", 5)));

		TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("part 2", "point 3", "point 4");
	}

	// A marker and a level are not enough: the name must be a level's too, or a Roman numeral's heading.
	@Test
	void aPointNumberedWithALetterIsStillAPoint() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row("A", "Huyện ủy", "Huyện", 15),
				row("B", "Xã Hòa Bình", "Xã", 7), row(null, "C. Thôn Đông", "Thôn", 3), row("I", "Thôn Bắc", "Thôn", 4),
				row(null, "V. Thôn Nam", "Thôn", 2)));

		TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "point 3", "point 4", "point 5", "point 6");
	}

	// Its level forgotten, a ward written "P. Gia Thụy" is a point missing its level, not a part's heading.
	@Test
	void anAbbreviatedNameWithoutLevelIsAPointNotAPart() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "P. Gia Thụy", null, 10), row(2, "X. Hòa Bình", "Xã", 7)));

		TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "point 3");
	}

	// A table pasted in blocks repeats its header and column numbers: neither is data.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aRepeatedHeaderInsideTheTableIsNoData(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"),
				row("(1)", "(2)", "(3)", "(4)"), row(2, "Xã B", "Xã", 7), row(null, "Tổng cộng", null, 17)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "point 5");
		assertThat(table.totalsRow().number()).isEqualTo(6);
	}

	// A header read beyond the format's words ("S.T.T", "Tên ĐC", "Số ĐV tham dự"), repeated as it is.
	@Test
	void aRepeatedHeaderInClerksWordsIsNoData() throws Exception {
		Object[] header = row("S.T.T", "Tên ĐC", "Cấp ĐC", "Số ĐV tham dự");
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				header, row(1, "Xã A", "Xã", 10), header, row(2, "Xã B", "Xã", 7), row(null, "Tổng cộng", null, 17)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "point 4");
		assertThat(table.totalsRow().number()).isEqualTo(5);
	}

	// A two-row header repeated with its merges: the top row alone reads as the header, the bottom one
	// ("Tổng số", "Trong đó: nữ" under "Số đảng viên tham dự", the others merged down) would be a point.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aRepeatedTwoRowHeaderWithMergedCellsIsNoData(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, SPLIT_TOP, SPLIT_BOTTOM, row(1, "Xã A", "Xã", 10, 4, 2), SPLIT_TOP, SPLIT_BOTTOM,
					row(2, "Xã B", "Xã", 7, 3, 1), row(null, "Tổng cộng", null, 17, 7, 3));
			for (int top : new int[] { 0, 3 }) {
				for (int column : new int[] { 0, 1, 2, 5 }) {
					sheet.addMergedRegion(new CellRangeAddress(top, top + 1, column, column));
				}
				sheet.addMergedRegion(new CellRangeAddress(top, top, 3, 4));
			}
		});

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 3", "point 6");
		assertThat(table.totalsRow().number()).isEqualTo(7);
	}

	// Without merges (a CSV, or a workbook saved without them) the bottom row reads "Tổng số" first: a totals row.
	@Test
	void aRepeatedTwoRowHeaderInACsvIsNoData() throws Exception {
		Path csv = Files.writeString(this.dir.resolve("c.csv"), String.join("\n",
				"STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;;Số người khác tham dự", ";;;Tổng số;Trong đó: nữ;",
				"1;Xã A;Xã;10;4;2", "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;;Số người khác tham dự",
				";;;Tổng số;Trong đó: nữ;", "2;Xã B;Xã;7;3;1", ";Tổng cộng;;17;7;3", ""), StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(csv, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 3", "point 6");
		assertThat(table.totalsRow().number()).isEqualTo(7);
		assertThat(table.dataRows()).isEqualTo(2);
	}

	// Group titles naming no column over the column names: the header is the bottom row, the titles repeat too.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aRepeatedHeaderWithItsGroupTitlesAboveIsNoData(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, GROUPS, NAMES, row(1, "Xã A", "Xã", 10, 2, 12), GROUPS, NAMES,
					row(2, "Xã B", "Xã", 7, 1, 8), row(null, "Tổng cộng", null, 17, 3, 20));
			for (int top : new int[] { 0, 3 }) {
				sheet.addMergedRegion(new CellRangeAddress(top, top, 0, 2));
				sheet.addMergedRegion(new CellRangeAddress(top, top, 3, 5));
			}
		});

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 3", "point 6");
		assertThat(table.totalsRow().number()).isEqualTo(7);
	}

	@Test
	void aRepeatedHeaderWithItsGroupTitlesInACsvIsNoData() throws Exception {
		Path csv = Files.writeString(this.dir.resolve("c.csv"), String.join("\n",
				"Thông tin điểm cầu;;;Số người tham dự;;", "STT;Tên điểm cầu;Cấp;Đảng viên;Quần chúng;Tổng số",
				"1;Xã A;Xã;10;2;12", "Thông tin điểm cầu;;;Số người tham dự;;",
				"STT;Tên điểm cầu;Cấp;Đảng viên;Quần chúng;Tổng số", "2;Xã B;Xã;7;1;8", ";Tổng cộng;;17;3;20", ""),
				StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(csv, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 3", "point 6");
		assertThat(table.totalsRow().number()).isEqualTo(7);
	}

	// Each block's two header rows, then its column numbers.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aRepeatedTwoRowHeaderAndItsColumnNumbersAreNoData(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				SPLIT_TOP, SPLIT_BOTTOM, row(1, 2, 3, 4, 5, 6), row(1, "Xã A", "Xã", 10, 4, 2), SPLIT_TOP, SPLIT_BOTTOM,
				row(1, 2, 3, 4, 5, 6), row(2, "Xã B", "Xã", 7, 3, 1), row(null, "Tổng cộng", null, 17, 7, 3)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 4", "point 8");
		assertThat(table.totalsRow().number()).isEqualTo(9);
	}

	@Test
	void aRepeatedTwoRowHeaderAndItsColumnNumbersInACsvAreNoData() throws Exception {
		String top = "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;;Số người khác tham dự";
		Path csv = Files.writeString(this.dir.resolve("c.csv"), String.join("\n", top, ";;;Tổng số;Trong đó: nữ;",
				"1;2;3;4;5;6", "1;Xã A;Xã;10;4;2", top, ";;;Tổng số;Trong đó: nữ;", "1;2;3;4;5;6", "2;Xã B;Xã;7;3;1",
				";Tổng cộng;;17;7;3", ""), StandardCharsets.UTF_8);

		RecognizedTable table = TableRecognizer.read(csv, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 4", "point 8");
		assertThat(table.totalsRow().number()).isEqualTo(9);
	}

	// Blocks each closed by its "Cộng": the header's rows under a totals row show the table goes on.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aRepeatedHeaderUnderABlocksTotalsRowGoesOnWithTheTable(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, GROUPS, NAMES, row(1, "Xã A", "Xã", 10, 2, 12), row(null, "Cộng", null, 10, 2, 12),
					GROUPS, NAMES, row(2, "Xã B", "Xã", 7, 1, 8), row(null, "Cộng", null, 7, 1, 8),
					row(null, "Tổng cộng", null, 17, 3, 20));
			for (int top : new int[] { 0, 4 }) {
				sheet.addMergedRegion(new CellRangeAddress(top, top, 0, 2));
				sheet.addMergedRegion(new CellRangeAddress(top, top, 3, 5));
			}
		});

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 3", "subtotal 4", "point 7", "subtotal 8");
		assertThat(table.totalsRow().number()).isEqualTo(9);
		assertThat(table.rowAfterTable()).isNull();
	}

	// Only a copy of the header's rows is skipped: a point right under a copy of its top row is still read,
	// and a point named "Tổng số" under the header's top row is the totals row it reads as, checked as such.
	@Test
	void aPointUnderACopyOfTheHeadersTopRowIsStillAPoint() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				GROUPS, NAMES, row(1, "Xã A", "Xã", 10, 2, 12), GROUPS, row(2, "Cấp xã", "Xã", 7, 1, 8), GROUPS,
				row(null, "Tổng số", null, null, null, null), row(3, "Xã C", "Xã", 5, 1, 6)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		// the lone copies of the top row are stray rows, reported as points with mistakes
		assertThat(this.events.heard).containsExactly("point 3", "point 4", "point 5", "point 6", "subtotal 7",
				"point 8");
		assertThat(table.dataRows()).isEqualTo(5);
	}

	// A point left without figures right above a repeated header is no group title of it.
	@ParameterizedTest
	@EnumSource(Format.class)
	void aPointWithoutFiguresAboveARepeatedHeaderIsStillAPoint(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				GROUPS, NAMES, row(1, "Xã A", "Xã", 10, 2, 12), row(null, "Xã B", "Xã"), NAMES,
				row(3, "Xã C", "Xã", 5, 1, 6)));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 3", "point 4", "point 6");
		assertThat(table.dataRows()).isEqualTo(3);
	}

	// Another table's header, with other columns, is not taken for a repeat of this one's.
	@Test
	void aHeaderWithOtherColumnsIsNotARepeat() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Xã A", "Xã", 10), row("STT", "Cấp", "Tên điểm cầu", "Số ĐV")));

		TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "point 3");
	}

	// A note left of the name is no heading, signature or totals word of its row.
	@Test
	void aNoteLeftOfTheNameDoesNotSayWhatTheRowIs() throws Exception {
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("STT", "Ghi chú", "Tên điểm cầu", "Cấp", "Số ĐV"), row(1, "Điểm cầu chính", "Xã A", "Xã", 10),
				row(2, "Ghi chú: mới", "Xã B", "Xã", 7), row(3, "Tổng cộng 2 buổi", "Xã C", "Xã", 7),
				row(null, null, "Tổng cộng", null, 24), row(null, "Người lập biểu")));

		RecognizedTable table = TableRecognizer.read(file, ReadLimits.defaults(), this.events);

		assertThat(this.events.heard).containsExactly("point 2", "point 3", "point 4");
	}

}
