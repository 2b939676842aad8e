package vn.tonghop.units;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImportFileTests {

	private static final List<String> OFFICE_COLUMNS = List.of("Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH",
			"Phường Xã", "Mã PX", "Cấp");

	@TempDir
	Path dir;

	// Excel saves "CSV" with the list separator of the computer's region: ';' in Vietnam, where the
	// comma is the decimal separator.
	@Test
	void aFileExcelSavedWithSemicolonsIsReadByItsHeaderRowsSeparator() throws IOException {
		// given the statistics office's list opened in Excel and saved as CSV on a Vietnamese computer
		Path file = Files.writeString(this.dir.resolve("Xa.csv"),
				"\uFEFFTỉnh Thành Phố;Mã TP;Quận Huyện;Mã QH;Phường Xã;Mã PX;Cấp;Tên Tiếng Anh\r\n"
						+ "Thành phố Hà Nội;01;Quận Long Biên;004;Phường Ngọc Thụy;00127;Phường;\r\n"
						+ "\"Thành phố Hà Nội\";01;Quận Long Biên;004;\"Phường Gia Thụy; cũ\";00130;Phường;\r\n");

		// when
		ImportFile read = ImportFile.read(file);

		// then
		assertThat(read.hasColumns(OFFICE_COLUMNS)).isTrue();
		assertThat(read.problems()).isEmpty();
		assertThat(read.lines()).extracting((line) -> line.field(4)).containsExactly("Phường Ngọc Thụy", "Phường Gia Thụy; cũ");
	}

	@Test
	void aCommaFileWithSemicolonsInItsValuesStaysCommaSeparated() throws IOException {
		// given
		Path file = Files.writeString(this.dir.resolve("units.csv"),
				"code,name,parent_code,kind,valid_from,valid_to,aliases\n01,Hà Nội,,province,,,Hà Nội; thủ đô|HN\n");

		// when
		ImportFile read = ImportFile.read(file);

		// then
		assertThat(read.header()).hasSize(7);
		assertThat(read.lines()).singleElement().extracting((line) -> line.field(6)).isEqualTo("Hà Nội; thủ đô|HN");
	}

	@Test
	void aHeaderRowInALegacyEncodingIsSaidNotToBeUtf8() throws IOException {
		// given
		Path file = this.dir.resolve("Xa.csv");
		Files.writeString(file, "Tên;Mô\nHà Nam;35\n", Charset.forName("windows-1258"));

		// when / then
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> ImportFile.read(file))
			.withMessage(file + " is not UTF-8 text");
	}

	// The statistics office's site exports its list as an Excel workbook; saving it as CSV first
	// was the administrator's to guess: the workbook was refused as "not UTF-8 text".
	@Test
	void theStatisticsOfficesWorkbookIsReadAsItsCsvIs() throws IOException {
		for (Workbook workbook : List.of(new HSSFWorkbook(), new XSSFWorkbook())) {
			// given its first sheet, columns in another order, one more column, codes written as text
			Sheet sheet = workbook.createSheet("Danh sách");
			row(sheet, 0, "STT", "Mã TP", "Tỉnh Thành Phố", "Mã QH", "Quận Huyện", "Mã PX", "Phường Xã", "Cấp");
			row(sheet, 1, "1", "01", "Thành phố Hà Nội", "004", "Quận Long Biên", "00127", "Phường Ngọc Thụy", "Phường");
			row(sheet, 2, "2", "31", "Thành phố Hải Phòng", "318", "Huyện Bạch Long Vĩ", "", "", "Huyện");
			sheet.getRow(2).getCell(0).setCellValue(2);
			Path file = this.dir.resolve((workbook instanceof HSSFWorkbook) ? "Xa.xls" : "Xa.xlsx");
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
			workbook.close();

			// when
			ImportFile read = ImportFile.read(file);

			// then every row has the header's columns, blank cells blank, numbered as Excel shows it
			assertThat(read.hasColumns(OFFICE_COLUMNS)).as(file.toString()).isTrue();
			assertThat(read.problems()).isEmpty();
			assertThat(read.lines()).extracting(ImportFile.Line::number).containsExactly(2L, 3L);
			assertThat(read.lines().get(0).fields()).containsExactly("1", "01", "Thành phố Hà Nội", "004",
					"Quận Long Biên", "00127", "Phường Ngọc Thụy", "Phường");
			assertThat(read.lines().get(1).fields()).containsExactly("2", "31", "Thành phố Hải Phòng", "318",
					"Huyện Bạch Long Vĩ", "", "", "Huyện");
		}
	}

	private static void row(Sheet sheet, int number, String... values) {
		Row row = sheet.createRow(number);
		for (int i = 0; i < values.length; i++) {
			if (!values[i].isEmpty()) {
				row.createCell(i).setCellValue(values[i]);
			}
		}
	}

}
