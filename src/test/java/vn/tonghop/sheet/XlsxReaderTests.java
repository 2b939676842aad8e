package vn.tonghop.sheet;

import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.sheet.Fixtures.Recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class XlsxReaderTests {

	@TempDir
	Path dir;

	@Test
	void numberCellsParseAsDoubleWouldWithoutIt() {
		for (String raw : new String[] { "0", "17", "17.0", "17.00", "17.5", "17.", ".0", "0.0", "007", "999999999999999", "9999999999999999", "1.5", "-3", "1E3",
				" 12 ", "2.0000000000000004", "1e-7" }) {
			// when / then
			assertThat(XlsxReader.parseNumber(raw)).as(raw).isEqualTo(Double.parseDouble(raw.trim()));
		}
	}

	@Test
	void dateSerialsReadAsPoiReadsThem() {
		// given serials of both date systems: whole days from before 1 March 1900 to 9999, and times of day
		for (boolean date1904 : new boolean[] { false, true }) {
			for (double serial = 0; serial < 2_958_466; serial += (serial < 100) ? 1 : 997) {
				for (double fraction : new double[] { 0, 0.25, 0.999_999 }) {
					// when / then
					assertThat(XlsxReader.dateTime(serial + fraction, date1904)).as("%s %s", serial + fraction, date1904)
						.isEqualTo(DateUtil.getLocalDateTime(serial + fraction, date1904));
				}
			}
		}
	}

	@Test
	void dateSerialsPastExcelsLastDayReadAsPoiReadsThem() {
		for (double serial : new double[] { 2_958_465, 2_958_466, 3e6, 2.2e9, 1e12, 1e15 }) {
			for (boolean date1904 : new boolean[] { false, true }) {
				// when / then: the same date, or the same failure
				Object poi;
				try {
					poi = DateUtil.getLocalDateTime(serial, date1904);
				}
				catch (RuntimeException ex) {
					poi = ex.getClass();
				}
				Object ours;
				try {
					ours = XlsxReader.dateTime(serial, date1904);
				}
				catch (RuntimeException ex) {
					ours = ex.getClass();
				}
				assertThat(ours).as("%s %s", serial, date1904).isEqualTo(poi);
			}
		}
	}

	@Test
	void aCellThatIsNoNumberIsRefused() {
		assertThatThrownBy(() -> XlsxReader.parseNumber("12a")).isInstanceOf(NumberFormatException.class);
		assertThatThrownBy(() -> XlsxReader.parseNumber("")).isInstanceOf(NumberFormatException.class);
	}

	@Test
	void aFormulaSavedWithoutItsResultIsBlank() throws Exception {
		// given formulas of every result type saved as openpyxl saves them: <v></v> or <v/>
		String sheet = HostileFiles.worksheet("", "<row r=\"5\"><c r=\"F5\"><v>100</v></c><c r=\"G5\"><v>10</v></c>"
				+ "<c r=\"H5\"><f>F5+G5</f><v></v></c><c r=\"I5\"><f>F5+G5</f><v/></c></row>"
				+ "<row r=\"6\"><c r=\"A6\" t=\"str\"><f>\"x\"</f><v/></c><c r=\"B6\" t=\"b\"><f>TRUE()</f><v/></c>"
				+ "<c r=\"C6\" t=\"e\"><f>1/0</f><v></v></c><c r=\"D6\" t=\"s\"><f>A1</f><v/></c>"
				+ "<c r=\"E6\" t=\"d\"><f>TODAY()</f><v> </v></c></row>");
		Path file = HostileFiles.write(this.dir, "openpyxl.xlsx",
				HostileFiles.xlsxWith(Map.of(HostileFiles.SHEET, HostileFiles.utf8(sheet))));
		Recorder recorder = new Recorder();

		// when
		Workbooks.read(file, recorder);

		// then row 5 has its two numbers, row 6 nothing to offer
		assertThat(recorder.rows).hasSize(1);
		assertThat(recorder.rows.get(0).number()).isEqualTo(5);
		assertThat(recorder.rows.get(0).cells()).extracting(Cell::columnName, Cell::text)
			.containsExactly(tuple("F", "100"), tuple("G", "10"));
	}

	@Test
	void controlCharactersExcelEscapesInTextAreReadAsTheCharacters() throws Exception {
		// given text pasted with Windows line breaks and a tab, as Excel saves it (_x000D_, _x0009_), and a
		// "_x000D_" typed as such, which Excel escapes by its underscore (_x005F_)
		String strings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + HostileFiles.MAIN
				+ "\" count=\"2\" uniqueCount=\"2\"><si><t>Số đảng viên_x000D_\ntham dự</t></si>"
				+ "<si><r><t>Nhà văn hóa_x000d_</t></r><r><t>\ntổ_x0009_5</t></r></si></sst>";
		String sheet = HostileFiles.worksheet("", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
				+ "<c r=\"C1\" t=\"inlineStr\"><is><t>Ghi_x000D_\nchú</t></is></c>"
				+ "<c r=\"D1\" t=\"inlineStr\"><is><t>mã _x005F_x000D_ và _x</t></is></c></row>");
		Path file = HostileFiles.write(this.dir, "crlf.xlsx", HostileFiles.xlsxWith(
				Map.of(HostileFiles.SHEET, HostileFiles.utf8(sheet), HostileFiles.SHARED_STRINGS, HostileFiles.utf8(strings))));
		Recorder recorder = new Recorder();

		// when
		Workbooks.read(file, recorder);

		// then
		assertThat(recorder.rows.get(0).cells()).extracting(Cell::text)
			.containsExactly("Số đảng viên\r\ntham dự", "Nhà văn hóa\r\ntổ\t5", "Ghi\r\nchú", "mã _x000D_ và _x");
	}

}
