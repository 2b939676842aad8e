package vn.tonghop.sheet;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.sheet.Fixtures.Recorder;

import static org.assertj.core.api.Assertions.assertThat;
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
	void textWithAnotherExtensionIsReadAsCsv() throws Exception {
		Path file = write("report.txt", "Tên,Số\nA,1\n", StandardCharsets.UTF_8);

		Recorder recorder = read(file);

		assertThat(recorder.sheets).containsExactly("report");
		assertThat(recorder.rows).hasSize(2);
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
