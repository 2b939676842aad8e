package vn.tonghop.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.tonghop.sheet.Fixtures.Format;
import vn.tonghop.sheet.Fixtures.Formula;
import vn.tonghop.sheet.Fixtures.Recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.tonghop.sheet.Fixtures.row;

class WorkbooksTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(Format.class)
	void cellsKeepTheirRawKindAndValue(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> Fixtures.fill(workbook.createSheet("Báo cáo"), 1,
				row("Tên điểm cầu", 11938, 12.5, true, new Formula("1/0")),
				row(null, new Formula("B1+1"), new Formula("\"Xã \"&\"A\""), LocalDate.of(2021, 3, 27))));
		Recorder recorder = new Recorder();

		Workbooks.read(file, recorder);

		assertThat(recorder.sheets).containsExactly("Báo cáo");
		assertThat(recorder.rows).extracting(SheetRow::number).containsExactly(1, 2);
		List<Cell> first = recorder.rows.get(0).cells();
		assertThat(first).extracting(Cell::column, Cell::kind, Cell::text, Cell::number)
			.containsExactly(tuple(0, CellKind.TEXT, "Tên điểm cầu", 0.0), tuple(1, CellKind.NUMBER, "11938", 11938.0),
					tuple(2, CellKind.NUMBER, "12.5", 12.5), tuple(3, CellKind.BOOLEAN, "TRUE", 0.0),
					tuple(4, CellKind.ERROR, "#DIV/0!", 0.0));
		List<Cell> second = recorder.rows.get(1).cells();
		assertThat(second).extracting(Cell::column, Cell::kind, Cell::text, Cell::number, Cell::date)
			.containsExactly(tuple(1, CellKind.NUMBER, "11939", 11939.0, null),
					tuple(2, CellKind.TEXT, "Xã A", 0.0, null),
					tuple(3, CellKind.NUMBER, "27/03/2021", 44282.0, LocalDate.of(2021, 3, 27)));
	}

	@Test
	void xlsxDatesHonourThe1904DateSystem() throws Exception {
		XSSFWorkbook workbook = new XSSFWorkbook();
		(workbook.getCTWorkbook().isSetWorkbookPr() ? workbook.getCTWorkbook().getWorkbookPr()
				: workbook.getCTWorkbook().addNewWorkbookPr()).setDate1904(true);
		Fixtures.fill(workbook.createSheet("S"), 1, row(LocalDate.of(2021, 3, 27)));
		Path file = Fixtures.write(this.dir, "1904.xlsx", workbook);
		Recorder recorder = new Recorder();

		Workbooks.read(file, recorder);

		Cell cell = recorder.rows.get(0).cell(0);
		assertThat(cell.number()).isEqualTo(44282.0 - 1462);
		assertThat(cell.date()).isEqualTo(LocalDate.of(2021, 3, 27));
	}

	@Test
	void xlsDatesHonourThe1904DateSystem() throws Exception {
		HSSFWorkbook workbook = new HSSFWorkbook();
		((DateWindow1904Record) workbook.getInternalWorkbook().findFirstRecordBySid(DateWindow1904Record.sid))
			.setWindowing((short) 1);
		Sheet sheet = workbook.createSheet("S");
		Fixtures.fill(sheet, 1, row(DateUtil.getExcelDate(LocalDate.of(2021, 3, 27), true)));
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
		sheet.getRow(0).getCell(0).setCellStyle(style);
		Path file = Fixtures.write(this.dir, "1904.xls", workbook);
		Recorder recorder = new Recorder();

		Workbooks.read(file, recorder);

		assertThat(recorder.rows.get(0).cell(0).date()).isEqualTo(LocalDate.of(2021, 3, 27));
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void aSheetEndsWhereTheVisitorWantsNoMoreOfItsRowsAndTheNextSheetIsReadWhole(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Fixtures.fill(workbook.createSheet("Đầu"), 1, row("a"), row("b"), row("c"), row("d"));
			Fixtures.fill(workbook.createSheet("Sau"), 1, row("e"), row("f"), row("g"));
		});
		Recorder recorder = new Recorder();
		recorder.wantedUpTo = 2;

		Workbooks.read(file, recorder);

		assertThat(recorder.rows).extracting(read -> read.cell(0).text()).containsExactly("a", "b", "e", "f");
		assertThat(recorder.ended).containsExactly("Đầu", "Sau");
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void percentFormatAndFontAreRecorded(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row(0.75, "Tªn ®iÓm cÇu"));
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
			sheet.getRow(0).getCell(0).setCellStyle(percent);
			Font font = workbook.createFont();
			font.setFontName(".VnTime");
			CellStyle legacy = workbook.createCellStyle();
			legacy.setFont(font);
			sheet.getRow(0).getCell(1).setCellStyle(legacy);
		});
		Recorder recorder = new Recorder();

		Workbooks.read(file, recorder);

		Cell rate = recorder.rows.get(0).cell(0);
		assertThat(rate.percent()).isTrue();
		assertThat(rate.number()).isEqualTo(0.75);
		assertThat(rate.date()).isNull();
		assertThat(recorder.rows.get(0).cell(1).font()).isEqualTo(".VnTime");
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void aDateFormatWithVietnameseWordsIsADate(Format format) throws Exception {
		// given 27/03/2021 shown "ngày 27 tháng 03 năm 2021", and a head count shown "120 người"
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row(44282, 44282, 120));
			String[] formats = { "\"ngày \"dd\" tháng \"mm\" năm \"yyyy", "\"Ngày\" d \"tháng\" m \"năm\" yyyy;@", "0\" người\"" };
			for (int column = 0; column < formats.length; column++) {
				CellStyle style = workbook.createCellStyle();
				style.setDataFormat(workbook.createDataFormat().getFormat(formats[column]));
				sheet.getRow(0).getCell(column).setCellStyle(style);
			}
		});
		Recorder recorder = new Recorder();

		// when
		Workbooks.read(file, recorder);

		// then
		assertThat(recorder.rows.get(0).cells()).extracting(Cell::date)
			.containsExactly(LocalDate.of(2021, 3, 27), LocalDate.of(2021, 3, 27), null);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void aCodeKeptWithItsLeadingZerosByAFormatOfZerosReadsAsShown(Format format) throws Exception {
		// given unit codes 004 and 00145 typed as numbers and shown by "000" and "00000", and 1234 under "000"
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row(4, 145, 1234, 12.5));
			String[] formats = { "000", "00000", "000", "000" };
			for (int column = 0; column < formats.length; column++) {
				CellStyle style = workbook.createCellStyle();
				style.setDataFormat(workbook.createDataFormat().getFormat(formats[column]));
				sheet.getRow(0).getCell(column).setCellStyle(style);
			}
		});
		Recorder recorder = new Recorder();

		// when
		Workbooks.read(file, recorder);

		// then the codes read as Excel shows them, a fraction as it is
		assertThat(recorder.rows.get(0).cells()).extracting(Cell::kind, Cell::text, Cell::number)
			.containsExactly(tuple(CellKind.NUMBER, "004", 4.0), tuple(CellKind.NUMBER, "00145", 145.0),
					tuple(CellKind.NUMBER, "1234", 1234.0), tuple(CellKind.NUMBER, "12.5", 12.5));
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void aPercentSignTheFormatWritesAsTextDoesNotMakeAPercentage(Format format) throws Exception {
		// given 75 shown as "75.0%" or "75%" by a "%" quoted or escaped, which Excel does not multiply by 100
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			Fixtures.fill(sheet, 1, row(75, 75, 0.75));
			String[] formats = { "0.0\"%\"", "0\\%", "[Red]0.0%" };
			for (int column = 0; column < formats.length; column++) {
				CellStyle style = workbook.createCellStyle();
				style.setDataFormat(workbook.createDataFormat().getFormat(formats[column]));
				sheet.getRow(0).getCell(column).setCellStyle(style);
			}
		});
		Recorder recorder = new Recorder();

		// when
		Workbooks.read(file, recorder);

		// then only the real percent format is one
		assertThat(recorder.rows.get(0).cells()).extracting(Cell::percent).containsExactly(false, false, true);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void hiddenSheetsAreNeverOffered(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Fixtures.fill(workbook.createSheet("Ẩn"), 1, row("hidden"));
			Fixtures.fill(workbook.createSheet("Rất ẩn"), 1, row("very hidden"));
			Fixtures.fill(workbook.createSheet("Hướng dẫn"), 1, row("instructions"));
			Fixtures.fill(workbook.createSheet("Báo cáo"), 1, row("report"));
			workbook.setActiveSheet(2);
			workbook.setSheetVisibility(0, SheetVisibility.HIDDEN);
			workbook.setSheetVisibility(1, SheetVisibility.VERY_HIDDEN);
		});
		Recorder recorder = new Recorder();

		Workbooks.read(file, recorder);

		assertThat(recorder.sheets).containsExactly("Hướng dẫn", "Báo cáo");
		assertThat(recorder.rows).extracting((row) -> row.cell(0).text()).containsExactly("instructions", "report");
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void visitorSkipsSheetsAndStopsReading(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Fixtures.fill(workbook.createSheet("Bỏ qua"), 1, row("skipped"));
			Fixtures.fill(workbook.createSheet("Đọc"), 1, row("read"));
			Fixtures.fill(workbook.createSheet("Sau"), 1, row("never"));
		});
		Recorder recorder = new Recorder() {

			@Override
			public boolean startSheet(String name) {
				super.startSheet(name);
				return !name.equals("Bỏ qua");
			}

			@Override
			public boolean endSheet() {
				return true;
			}

		};

		Workbooks.read(file, recorder);

		assertThat(recorder.sheets).containsExactly("Bỏ qua", "Đọc");
		assertThat(recorder.rows).extracting((row) -> row.cell(0).text()).containsExactly("read");
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void coveredCellsOfAMergedRegionLoseTheirStaleContents(Format format) throws Exception {
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			Sheet sheet = workbook.createSheet("S");
			// LibreOffice keeps what the covered cells held before the merge.
			Fixtures.fill(sheet, 1, row("Số người tham dự", "stale", 7), row("Đảng viên", "Quần chúng", "Tổng số"));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
		});
		Recorder recorder = new Recorder();

		Workbooks.read(file, recorder);

		assertThat(recorder.rows.get(0).cells()).extracting(Cell::column, Cell::kind, Cell::text)
			.containsExactly(tuple(0, CellKind.TEXT, "Số người tham dự"), tuple(1, CellKind.TEXT, "Số người tham dự"),
					tuple(2, CellKind.TEXT, "Số người tham dự"));
		assertThat(recorder.rows.get(1).cells()).extracting(Cell::text)
			.containsExactly("Đảng viên", "Quần chúng", "Tổng số");
	}

	@Test
	void readerIsChosenByContentNotExtension() throws Exception {
		Path xlsx = Fixtures.workbook(this.dir, Format.XLSX,
				(workbook) -> Fixtures.fill(workbook.createSheet("S"), 1, row("xlsx inside")));
		Path misnamed = Files.move(xlsx, this.dir.resolve("renamed.xls"));
		Recorder recorder = new Recorder();

		Workbooks.read(misnamed, recorder);

		assertThat(recorder.rows.get(0).cell(0).text()).isEqualTo("xlsx inside");
	}

	@Test
	void exceptionsOfTheVisitorPassThroughUnchanged() {
		Path file = Fixtures.workbook(this.dir, Format.XLSX,
				(workbook) -> Fixtures.fill(workbook.createSheet("S"), 1, row("x")));
		IllegalStateException failure = new IllegalStateException("warehouse down");
		Recorder recorder = new Recorder() {

			@Override
			public void row(SheetRow row) {
				throw failure;
			}

		};

		assertThatThrownBy(() -> Workbooks.read(file, recorder)).isSameAs(failure);
	}

	@Test
	void emptyFileIsRejected() throws Exception {
		Path file = Files.write(this.dir.resolve("empty.xlsx"), new byte[0]);

		assertUnreadable(file, "file-empty", "empty.xlsx");
	}

	@Test
	void randomBytesAreNotASpreadsheet() throws Exception {
		byte[] bytes = new byte[4096];
		new Random(7).nextBytes(bytes);
		bytes[0] = 0;
		Path file = Files.write(this.dir.resolve("report.xls"), bytes);

		assertUnreadable(file, "file-format", "not a spreadsheet");
	}

	@Test
	void htmlSavedAsXlsIsRejected() throws Exception {
		Path file = Files.writeString(this.dir.resolve("report.xls"),
				"<html><body><table><tr><td>Tên điểm cầu</td></tr></table></body></html>");

		assertUnreadable(file, "file-format", "HTML");
	}

	@Test
	void spreadsheetMl2003IsRejected() throws Exception {
		Path file = Files.writeString(this.dir.resolve("report.xls"), "<?xml version=\"1.0\"?>\n"
				+ "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>");

		assertUnreadable(file, "file-format", "XML Spreadsheet 2003");
	}

	@Test
	void odsIsRejected() throws Exception {
		Path file = zip("report.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet");

		assertUnreadable(file, "file-format", ".ods");
	}

	@Test
	void xlsbIsRejected() throws Exception {
		Path file = zip("report.xlsb", "xl/workbook.bin", "binary");

		assertUnreadable(file, "file-format", ".xlsb");
	}

	@Test
	void strictOpenXmlIsRejected() throws Exception {
		Path file = zip("strict.xlsx", "xl/workbook.xml",
				"<workbook xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"></workbook>");

		assertUnreadable(file, "file-format", "Strict Open XML");
	}

	@Test
	void zipWithoutWorkbookIsNotASpreadsheet() throws Exception {
		Path file = zip("photos.xlsx", "photo.txt", "not a workbook");

		assertUnreadable(file, "file-format", "zip archive");
	}

	@Test
	void truncatedXlsxIsCorrupt() throws Exception {
		Path xlsx = Fixtures.workbook(this.dir, Format.XLSX,
				(workbook) -> Fixtures.fill(workbook.createSheet("S"), 1, row("x")));
		byte[] bytes = Files.readAllBytes(xlsx);
		Path file = Files.write(this.dir.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

		assertUnreadable(file, "file-corrupt", "damaged");
	}

	@Test
	void truncatedXlsIsCorrupt() throws Exception {
		Path xls = Fixtures.workbook(this.dir, Format.XLS, (workbook) -> Fixtures.fill(workbook.createSheet("S"), 1,
				row("x")));
		byte[] bytes = Files.readAllBytes(xls);
		Path file = Files.write(this.dir.resolve("cut.xls"), Arrays.copyOf(bytes, 600));

		assertUnreadable(file, "file-corrupt", "damaged");
	}

	@Test
	void encryptedOoxmlIsRejected() throws Exception {
		Path file = this.dir.resolve("secret.xlsx");
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
			fs.createDocument(new ByteArrayInputStream(new byte[64]), "EncryptionInfo");
			fs.createDocument(new ByteArrayInputStream(new byte[64]), "EncryptedPackage");
			fs.writeFilesystem(out);
		}

		assertUnreadable(file, "file-encrypted", "password");
	}

	@Test
	void encryptedXlsIsRejected() throws Exception {
		HSSFWorkbook workbook = new HSSFWorkbook();
		Fixtures.fill(workbook.createSheet("S"), 1, row("secret"));
		Path file;
		Biff8EncryptionKey.setCurrentUserPassword("matkhau");
		try {
			file = Fixtures.write(this.dir, "secret.xls", workbook);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}

		assertUnreadable(file, "file-encrypted", "password");
	}

	@Test
	void wordDocumentIsNotAWorkbook() throws Exception {
		Path file = this.dir.resolve("letter.xls");
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
			fs.createDocument(new ByteArrayInputStream(new byte[64]), "WordDocument");
			fs.writeFilesystem(out);
		}

		assertUnreadable(file, "file-format", "not an Excel workbook");
	}

	private void assertUnreadable(Path file, String reason, String messagePart) {
		assertThatThrownBy(() -> Workbooks.read(file, new Recorder())).isInstanceOfSatisfying(
				UnreadableFileException.class, (ex) -> {
					assertThat(ex.reason()).isEqualTo(reason);
					assertThat(ex.getMessage()).startsWith(file.getFileName().toString()).contains(messagePart);
				});
	}

	private Path zip(String name, String entry, String content) throws IOException {
		Path file = this.dir.resolve(name);
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			out.putNextEntry(new ZipEntry(entry));
			out.write(content.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return file;
	}

}
