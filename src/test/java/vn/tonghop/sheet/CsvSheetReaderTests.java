package vn.tonghop.sheet;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.tonghop.sheet.Fixtures.Recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

class CsvSheetReaderTests {

	@TempDir
	Path dir;

	@Test
	void semicolonSeparatedUtf8WithoutBom() throws Exception {
		Path file = write("long-bien.csv", "STT;Tên điểm cầu;Số ĐV\r\n1;Phường Bồ Đề;11,938\r\n;;\r\n2;Xã A;12,5\r\n",
				StandardCharsets.UTF_8);

		Recorder recorder = read(file);

		assertThat(recorder.sheets).containsExactly("long-bien");
		assertThat(recorder.rows).extracting(SheetRow::number).containsExactly(1, 2, 4);
		assertThat(recorder.rows.get(1).cells()).extracting(Cell::column, Cell::kind, Cell::text)
			.containsExactly(tuple(0, CellKind.TEXT, "1"), tuple(1, CellKind.TEXT, "Phường Bồ Đề"),
					tuple(2, CellKind.TEXT, "11,938"));
	}

	@Test
	void theFileEndsWhereTheVisitorWantsNoMoreOfItsRows() throws Exception {
		Path file = write("long-bien.csv", "STT;Tên điểm cầu\n1;Phường Bồ Đề\n\n2;Xã A\n3;Xã B\n", StandardCharsets.UTF_8);
		Recorder recorder = new Recorder();
		recorder.wantedUpTo = 4;

		Workbooks.read(file, recorder);

		assertThat(recorder.rows).extracting(SheetRow::number).containsExactly(1, 2, 4);
		assertThat(recorder.ended).containsExactly("long-bien");
	}

	@Test
	void commaSeparatedUtf8WithBom() throws Exception {
		Path file = write("report.csv", "\uFEFFTên điểm cầu,Cấp,Số ĐV\n\"Phường Bồ Đề\",Phường,\"11,938\"\n",
				StandardCharsets.UTF_8);

		Recorder recorder = read(file);

		assertThat(recorder.rows.get(0).cell(0).text()).isEqualTo("Tên điểm cầu");
		assertThat(recorder.rows.get(1).cells()).extracting(Cell::text)
			.containsExactly("Phường Bồ Đề", "Phường", "11,938");
	}

	@Test
	void utf16WithBomAsExcelSavesUnicodeText() throws Exception {
		Path file = write("report.csv", "\uFEFFTên điểm cầu\tCấp\tSố ĐV\r\nXã A\tXã\t40\r\n", StandardCharsets.UTF_16LE);

		Recorder recorder = read(file);

		assertThat(recorder.rows.get(0).cells()).extracting(Cell::text).containsExactly("Tên điểm cầu", "Cấp", "Số ĐV");
		assertThat(recorder.rows.get(1).cells()).extracting(Cell::text).containsExactly("Xã A", "Xã", "40");
	}

	@Test
	void windows1258IsDecodedAndComposed() throws Exception {
		// Windows-1258 writes "điểm" as đ i ê + combining hook, "cầu" as c â + combining grave.
		Path file = write("report.csv", "T\u00EAn \u0111i\u00EA\u0309m c\u00E2\u0300u;C\u00E2\u0301p\r\nXa\u0303 A;Xa\u0303\r\n",
				Charset.forName("windows-1258"));

		Recorder recorder = read(file);

		assertThat(recorder.rows.get(0).cells()).extracting(Cell::text).containsExactly("Tên điểm cầu", "Cấp");
		assertThat(recorder.rows.get(1).cells()).extracting(Cell::text).containsExactly("Xã A", "Xã");
	}

	@Test
	void quotedFieldMayHoldANewline() throws Exception {
		Path file = write("report.csv", "Tên điểm cầu;Ghi chú\n\"Nhà văn hóa\nphường\";\"dòng 1\ndòng 2\"\nXã B;\n",
				StandardCharsets.UTF_8);

		Recorder recorder = read(file);

		assertThat(recorder.rows).extracting(SheetRow::number).containsExactly(1, 2, 3);
		assertThat(recorder.rows.get(1).cells()).extracting(Cell::text)
			.containsExactly("Nhà văn hóa\nphường", "dòng 1\ndòng 2");
	}

	@Test
	void separatorIsTheOneOnMostLines() throws Exception {
		Path file = write("report.csv", "BÁO CÁO, KẾT QUẢ\nTên;Số\nA;1,5\nB;2,5\n", StandardCharsets.UTF_8);

		Recorder recorder = read(file);

		assertThat(recorder.rows.get(0).cells()).extracting(Cell::text).containsExactly("BÁO CÁO, KẾT QUẢ");
		assertThat(recorder.rows.get(2).cells()).extracting(Cell::text).containsExactly("A", "1,5");
	}

	@Test
	void aSepLineSetsTheSeparatorAndIsNoRowAsExcelShowsNone() throws Exception {
		// given the line Excel takes for the separator and does not show, before a header of one column
		Path file = write("report.csv", "sep=,\r\nBÁO CÁO; KẾT QUẢ\r\nTên,Số\r\nA;B,\"1,5\"\r\n", StandardCharsets.UTF_8);

		// when
		Recorder recorder = read(file);

		// then the rows are numbered as Excel shows them, split at the separator it names
		assertThat(recorder.rows).extracting(SheetRow::number).containsExactly(1, 2, 3);
		assertThat(recorder.rows.get(0).cells()).extracting(Cell::text).containsExactly("BÁO CÁO; KẾT QUẢ");
		assertThat(recorder.rows.get(2).cells()).extracting(Cell::text).containsExactly("A;B", "1,5");
	}

	@Test
	void textWithAnotherExtensionIsReadAsCsv() throws Exception {
		Path file = write("report.txt", "Tên,Số\nA,1\n", StandardCharsets.UTF_8);

		Recorder recorder = read(file);

		assertThat(recorder.sheets).containsExactly("report");
		assertThat(recorder.rows).hasSize(2);
	}

	@Test
	void quoteNeverClosedInTheLastColumnRejectsTheFile() throws Exception {
		// given row 6's note opens a quote nothing closes; rows 7-10 and the totals row follow
		Path file = write("long-bien.csv", submission("2;Phường Cự Khối;Phường;110;\"Học bù ngày 28/3"),
				StandardCharsets.UTF_8);

		// when
		Throwable thrown = catchThrowable(() -> read(file));

		// then the file is rejected naming the cell as Excel shows it, not read as rows 1 to 6
		assertThat(thrown).isInstanceOfSatisfying(UnreadableFileException.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo("file-corrupt");
			assertThat(ex.detail()).isEqualTo(quoteNeverClosed("E6"));
			assertThat(ex.getMessage())
				.isEqualTo("long-bien.csv: the CSV file is malformed (a quote opened in E6 is never closed).");
		});
	}

	@Test
	void quoteNeverClosedInAPointNameIsNamedNotTakenForAMissingLevel() throws Exception {
		// given
		Path file = write("long-bien.csv", submission("2;\"Phường Cự Khối;Phường;110;"), StandardCharsets.UTF_8);

		// when
		Throwable thrown = catchThrowable(() -> read(file));

		// then
		assertThat(thrown).isInstanceOfSatisfying(UnreadableFileException.class,
				(ex) -> assertThat(ex.detail()).isEqualTo(quoteNeverClosed("B6")));
	}

	@Test
	void quoteNeverClosedIsNamedByItsRecordNotItsTextLine() throws Exception {
		// given row 2 holds a line break in quotes (text lines 2 and 3), so row 3 starts on text line 4
		Path file = write("report.csv", "Tên;Ghi chú\r\nXã A;\"dòng 1\r\ndòng 2\"\r\nXã B;\"dòng 3\r\nXã C;\r\n",
				StandardCharsets.UTF_8);

		// when
		Throwable thrown = catchThrowable(() -> read(file));

		// then
		assertThat(thrown).isInstanceOfSatisfying(UnreadableFileException.class,
				(ex) -> assertThat(ex.detail()).isEqualTo(quoteNeverClosed("B3")));
	}

	@Test
	void textAfterAClosingQuoteIsNamedByItsCell() throws Exception {
		// given row 6's point name is quoted, then goes on: "Phường" Cự Khối
		Path file = write("long-bien.csv", submission("2;\"Phường\" Cự Khối;Phường;110;"), StandardCharsets.UTF_8);

		// when
		Throwable thrown = catchThrowable(() -> read(file));

		// then
		assertThat(thrown).isInstanceOfSatisfying(UnreadableFileException.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo("file-corrupt");
			assertThat(ex.detail()).isEqualTo(new Phrase(
					"ô B6 có chữ sau dấu nháy đóng: dấu nháy bên trong ô phải viết đôi (\"\"), hoặc đặt cả ô trong dấu nháy",
					"text follows the closing quote in B6: a quote inside a cell is written twice (\"\"), or the whole cell "
							+ "goes in quotes"));
		});
	}

	static Stream<Arguments> encodingsAndSeparators() {
		Stream.Builder<Arguments> cases = Stream.builder();
		for (Named<String> separator : List.of(Named.of("; ", ";"), Named.of(", ", ","), Named.of("tab", "\t"))) {
			for (String encoding : List.of("UTF-8", "UTF-8 BOM", "UTF-16LE BOM", "UTF-16BE BOM", "windows-1258")) {
				cases.add(Arguments.of(encoding, separator));
			}
		}
		return cases.build();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("encodingsAndSeparators")
	void quotesAreReadAndOneNeverClosedIsFound(String encoding, String separator) throws Exception {
		Charset charset = Charset.forName(encoding.replace(" BOM", ""));
		String bom = encoding.endsWith(" BOM") ? "\uFEFF" : "";
		// given Excel's CRLF, tones as Windows-1258 writes them, and every legitimate use of quotes:
		// a line break and a doubled quote inside quotes, quotes inside a field that does not start with one
		String good = bom + String.join(separator, "Tên", "S\u00F4\u0301", "Ghi chu\u0301") + "\r\n"
				+ String.join(separator, "\"Xa\u0303 A\"", "12\"", "\"do\u0300ng 1\r\ndo\u0300ng 2\"") + "\r\n"
				+ String.join(separator, "Nguy\u00EA\u0303n V\u0103n \"A\"", "40", "\"Ho\u0323c \"\"bu\u0300\"\"\"") + "\r\n"
				+ String.join(separator, "Xa\u0303 C", "50", "") + "\r\n";
		String broken = good.replace("\"Ho\u0323c \"\"bu\u0300\"\"\"", "\"Ho\u0323c bu\u0300");

		// when
		Recorder recorder = read(write("good.csv", good, charset));
		Throwable thrown = catchThrowable(() -> read(write("broken.csv", broken, charset)));

		// then
		assertThat(recorder.rows).extracting(SheetRow::number).containsExactly(1, 2, 3, 4);
		assertThat(recorder.rows).flatExtracting(SheetRow::cells)
			.extracting((cell) -> Normalizer.normalize(cell.text(), Normalizer.Form.NFC))
			.containsExactly("Tên", "Số", "Ghi chú", "Xã A", "12\"", "dòng 1\r\ndòng 2", "Nguyễn Văn \"A\"", "40",
					"Học \"bù\"", "Xã C", "50");
		assertThat(thrown).isInstanceOfSatisfying(UnreadableFileException.class,
				(ex) -> assertThat(ex.detail()).isEqualTo(quoteNeverClosed("C3")));
	}

	/** What the reader says, in each language, of a quote opened in this cell and never closed. */
	private static Phrase quoteNeverClosed(String cell) {
		return new Phrase("ô " + cell + " có dấu nháy mở nhưng không có dấu nháy đóng",
				"a quote opened in " + cell + " is never closed");
	}

	/**
	 * A district's file with a notes column E: unit and conference, the header on row 4, six wards
	 * on rows 5 to 10 (row 6 as given) and the totals on row 11.
	 */
	private static String submission(String row6) {
		return String.join("\n", "Đơn vị báo cáo;Quận ủy Long Biên", "Hội nghị;NQDH13", "",
				"STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Ghi chú", "1;Phường Bồ Đề;Phường;100;", row6,
				"3;Phường Gia Thụy;Phường;120;", "4;Phường Ngọc Lâm;Phường;130;", "5;Phường Phúc Lợi;Phường;140;",
				"6;Phường Long Biên;Phường;150;", ";Tổng cộng;;750;", "");
	}

	private Path write(String name, String content, Charset charset) throws Exception {
		return Files.write(this.dir.resolve(name), content.getBytes(charset));
	}

	private static Recorder read(Path file) throws UnreadableFileException {
		Recorder recorder = new Recorder();
		Workbooks.read(file, recorder);
		return recorder;
	}

}
