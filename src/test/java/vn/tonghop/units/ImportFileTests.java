package vn.tonghop.units;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

}
