package vn.tonghop.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.examples.LibreOffice;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class ConsolidatedReportTests {

	@Autowired
	ConsolidatedReport report;

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path work;

	@BeforeEach
	void ingestExamples() throws Exception {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
		Path input = Files.createDirectories(this.work.resolve("input"));
		ExampleFiles.copyExamples(input);
		this.runner.run(input, "test");
	}

	@Test
	void provinceSheetHasOneRowPerUnitAndCachedTotals() throws IOException {
		// when
		try (XSSFWorkbook workbook = write("HNTW8-K13", "20")) {
			// then one province sheet and the completeness sheet
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Tỉnh Lạng Sơn");
			Row province = sheet.getRow(5);
			Row khoi = sheet.getRow(6);
			Row totals = sheet.getRow(7);
			assertThat(province.getCell(1).getStringCellValue()).isEqualTo("20");
			assertThat(province.getCell(2).getStringCellValue()).endsWith("(chưa báo cáo)");
			assertThat(khoi.getCell(2).getStringCellValue()).isEqualTo("Đảng bộ Khối các cơ quan tỉnh Lạng Sơn");
			assertThat(khoi.getCell(5).getNumericCellValue()).isEqualTo(1);
			assertThat(khoi.getCell(6).getNumericCellValue()).isEqualTo(63);
			assertThat(khoi.getCell(8).getNumericCellValue()).isEqualTo(64);
			assertThat(khoi.getCell(11).getNumericCellValue()).isEqualTo(3113);
			assertThat(khoi.getCell(14).getNumericCellValue()).isEqualTo(0.75);
			assertThat(totals.getCell(2).getStringCellValue()).isEqualTo("Tổng cộng");
			assertThat(totals.getCell(11).getCellType()).isEqualTo(CellType.FORMULA);
			assertThat(totals.getCell(11).getCellFormula()).isEqualTo("SUM(L6:L7)");
			assertThat(totals.getCell(11).getNumericCellValue()).isEqualTo(3113);
			assertThat(totals.getCell(12).getNumericCellValue()).isEqualTo(4336);
			assertThat(totals.getCell(14).getNumericCellValue()).isEqualTo(3252.0 / 4336);
		}
	}

	@Test
	void aConferenceCodeInLowerCaseIsTheConferenceAsAFileNamesIt() throws IOException {
		// when
		try (XSSFWorkbook workbook = write("hntw8-k13", "20")) {
			// then the same report as for HNTW8-K13: Lạng Sơn's Khối and its figures
			assertThat(workbook.getSheetAt(0).getRow(6).getCell(2).getStringCellValue())
				.isEqualTo("Đảng bộ Khối các cơ quan tỉnh Lạng Sơn");
		}
	}

	@Test
	void sheetsPrintOnA4LandscapeWithAFrozenHeaderAndAChart() throws IOException {
		// when
		try (XSSFWorkbook workbook = write("NQDH13", null)) {
			// then a sheet per province in scope, then the completeness sheet
			assertThat(workbook.getSheetName(0)).isEqualTo("Thành phố Hà Nội");
			assertThat(workbook.getSheetName(3)).isEqualTo("Tình hình báo cáo");
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
			assertThat(sheet.getDrawingPatriarch().getCharts()).singleElement()
				.satisfies(chart -> assertThat(chart.getTitleText().getString()).isEqualTo("Số người tham dự theo đơn vị"));
			assertThat(sheet.getRow(6).getCell(2).getStringCellValue()).isEqualTo("Quận Long Biên");
			assertThat(sheet.getRow(6).getCell(8).getNumericCellValue()).isEqualTo(19);
		}
	}

	@Test
	void completenessSheetListsEveryExpectedUnit() throws IOException {
		// when
		try (XSSFWorkbook workbook = write("NQDH13", null)) {
			XSSFSheet sheet = workbook.getSheet("Tình hình báo cáo");

			// then 6 expected units, Long Biên reported (late: the example arrived years after the deadline)
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("Đã báo cáo 1/6 đơn vị");
			Row longBien = sheet.getRow(6);
			assertThat(longBien.getCell(2).getStringCellValue()).isEqualTo("004");
			assertThat(longBien.getCell(4).getStringCellValue()).isEqualTo("Có");
			assertThat(longBien.getCell(6).getStringCellValue()).isEqualTo("Trễ hạn");
			assertThat(sheet.getRow(10).getCell(2).getStringCellValue()).isEqualTo("380");
			assertThat(sheet.getRow(10).getCell(4).getStringCellValue()).isEqualTo("Chưa");
		}
	}

	@Test
	void everyProvincesTotalsRowIsWhatTheWarehouseSumsForIt() throws IOException {
		// given NQDH13 with figures in all three provinces: Long Biên's file, and rows of Thanh Hóa's
		// committee, its city (with a unit summary) and Lạng Sơn's Khối
		point("38", "38", "province", 300, 20);
		point("38", "380", "district", 200, 15);
		point("38", "380", "grassroots", 180, 20);
		point("38", "380", "cell", 12, 0);
		point("20", "20-KCQ", "district", 90, 9);
		point("20", "20-KCQ", "central", 40, 0);
		this.jdbc.update("INSERT INTO warehouse.unit_coverage (conference_code, province_code, district_code, "
				+ "reporting_unit_code, members_total, members_studied, coverage_pct, submission_id) "
				+ "VALUES ('NQDH13', '38', '380', '380', 1200, 1001, 83.4, -1)");

		// when
		try (XSSFWorkbook workbook = write("NQDH13", null)) {
			// then each province's sheet adds up, column by column, to participation_by_province
			List<Map<String, Object>> provinces = this.jdbc.queryForList(
					"SELECT * FROM warehouse.participation_by_province WHERE conference_code = 'NQDH13' ORDER BY province_code");
			assertThat(provinces).extracting(row -> row.get("province_code")).containsExactly("01", "20", "38");
			for (int p = 0; p < provinces.size(); p++) {
				Map<String, Object> expected = provinces.get(p);
				XSSFSheet sheet = workbook.getSheetAt(p);
				assertThat(sheet.getSheetName()).isEqualTo(expected.get("province_name"));
				assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(
						"Đơn vị đã báo cáo: " + expected.get("units_reported") + "/" + expected.get("units_expected"));
				Row totals = totalsRow(sheet);
				String[] columns = { "points_central", "points_province", "points_district", "points_grassroots",
						"points_cell", "points", "members_attending", "others_attending", "participants" };
				for (int c = 0; c < columns.length; c++) {
					assertThat(totals.getCell(3 + c).getNumericCellValue()).as("%s %s", expected.get("province_code"), columns[c])
						.isEqualTo(((Number) expected.get(columns[c])).doubleValue());
				}
				if (expected.get("members_total") == null) {
					assertThat(totals.getCell(12).getStringCellValue()).isEmpty();
					assertThat(totals.getCell(14).getStringCellValue()).isEmpty();
				}
				else {
					assertThat(totals.getCell(12).getNumericCellValue()).isEqualTo(((Number) expected.get("members_total")).doubleValue());
					assertThat(totals.getCell(13).getNumericCellValue()).isEqualTo(((Number) expected.get("members_studied")).doubleValue());
					assertThat(Math.round(totals.getCell(14).getNumericCellValue() * 1000) / 10.0)
						.isEqualTo(((Number) expected.get("coverage_pct")).doubleValue());
				}
			}
			assertThat(totalsRow(workbook.getSheet("Tỉnh Thanh Hóa")).getCell(11).getNumericCellValue()).isEqualTo(747);
		}
	}

	@Test
	void aConferenceWithoutFiguresHasZerosAndEveryUnitStillToReport() throws IOException {
		// given a conference of Lạng Sơn that nobody has reported on
		this.jdbc.update("INSERT INTO tonghop.conference (code, title, start_date, end_date, deadline, scope) "
				+ "VALUES ('TRONG', 'Hội nghị chưa có số liệu', DATE '2024-05-02', DATE '2024-05-02', DATE '2024-05-20', "
				+ "ARRAY['20'])");

		// when
		try (XSSFWorkbook workbook = write("TRONG", null)) {
			// then the province's units are listed as not reported, with zeros that add up to zero
			XSSFSheet sheet = workbook.getSheet("Tỉnh Lạng Sơn");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Đơn vị đã báo cáo: 0/2");
			assertThat(sheet.getRow(5).getCell(2).getStringCellValue()).isEqualTo("Tỉnh Lạng Sơn (chưa báo cáo)");
			assertThat(sheet.getRow(6).getCell(2).getStringCellValue())
				.isEqualTo("Đảng bộ Khối các cơ quan tỉnh Lạng Sơn (chưa báo cáo)");
			Row totals = totalsRow(sheet);
			assertThat(totals.getCell(8).getNumericCellValue()).isZero();
			assertThat(totals.getCell(11).getNumericCellValue()).isZero();
			assertThat(totals.getCell(14).getStringCellValue()).isEmpty();
			assertThat(workbook.getSheet("Tình hình báo cáo").getRow(2).getCell(0).getStringCellValue())
				.startsWith("Đã báo cáo 0/2 đơn vị; hạn báo cáo 20/05/2024");
		}
	}

	@Test
	void provincesNamedAlikeButForTheCaseOfTheirLettersGetSheetsOfTheirOwn() throws IOException {
		// given two provinces whose names Excel takes for one sheet name, and a long one cut to 31 letters
		this.jdbc.update("INSERT INTO tonghop.unit (code, name, parent_code, kind, source) VALUES "
				+ "('P1', 'Tỉnh Thử', NULL, 'province', 'test'), ('P2', 'TỈNH THỬ', NULL, 'province', 'test'), "
				+ "('P3', 'Tình hình báo cáo', NULL, 'province', 'test')");
		this.jdbc.update("INSERT INTO tonghop.conference (code, title, start_date, end_date, deadline, scope) "
				+ "VALUES ('THU', 'Hội nghị thử', DATE '2024-05-02', DATE '2024-05-02', DATE '2024-05-20', "
				+ "ARRAY['P1', 'P2', 'P3'])");

		// when
		try (XSSFWorkbook workbook = write("THU", null)) {
			// then each has a sheet, named after it as far as Excel allows, and the completeness sheet follows
			assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
			assertThat(workbook.getSheetName(0)).isEqualTo("Tỉnh Thử");
			assertThat(workbook.getSheetName(1)).contains("P2").containsIgnoringCase("Tỉnh Thử");
			assertThat(workbook.getSheetName(2)).contains("P3");
			assertThat(workbook.getSheetName(3)).isEqualTo("Tình hình báo cáo");
			assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).endsWith("TỈNH THỬ");
		}
	}

	@Test
	void textThatLooksLikeAFormulaStaysText() throws IOException {
		// given a unit whose name was typed as a formula
		this.jdbc.update("INSERT INTO tonghop.unit (code, name, parent_code, kind, source) "
				+ "VALUES ('20-X', '=HYPERLINK(\"http://example.invalid\",\"x\")', '20', 'district', 'test')");

		// when
		try (XSSFWorkbook workbook = write("HNTW8-K13", "20")) {
			Row row = workbook.getSheetAt(0).getRow(7);

			// then it is a string cell marked to stay text when edited
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("20-X");
			assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(2).getStringCellValue()).startsWith("=HYPERLINK");
			assertThat(row.getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	@Test
	void unknownConferenceOrProvinceIsRefused() {
		assertThatThrownBy(() -> this.report.write("NOPE", null, OutputStream.nullOutputStream()))
			.isInstanceOf(UnknownReportSubjectException.class)
			.hasMessageContaining("NOPE");
		assertThatThrownBy(() -> this.report.write("NQDH13", "99", OutputStream.nullOutputStream()))
			.isInstanceOf(UnknownReportSubjectException.class)
			.hasMessageContaining("99");
	}

	@Test
	void libreOfficeRendersTheReportWithItsTotals() throws Exception {
		LibreOffice.assumeInstalled();
		// given
		Path file = this.work.resolve("bao-cao.xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			this.report.write("HNTW8-K13", "20", out);
		}

		// when
		String text = LibreOffice.text(LibreOffice.toPdf(this.work, List.of(file)).get(0));

		// then the rendered totals row carries the consolidated figures
		assertThat(text).contains("Tổng cộng", "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn");
		String totals = text.lines().filter(line -> line.contains("Tổng cộng")).findFirst().orElseThrow();
		assertThat(totals.replaceAll("[.,]", "")).contains("3113", "4336", "3252", "750%");
	}

	/** One point of NQDH13 straight into the warehouse, as a manual fix would put it. */
	private void point(String province, String unit, String level, int members, int others) {
		this.jdbc.update("INSERT INTO warehouse.participation (conference_code, province_code, district_code, "
				+ "reporting_unit_code, host_unit_code, point_name, point_level, format, session_date, members_attending, "
				+ "others_attending, participants, submission_id, source_row) VALUES ('NQDH13', ?, ?, ?, ?, ?, ?, 'online', "
				+ "DATE '2021-03-27', ?, ?, ?, -1, 1)", province, unit.equals(province) ? null : unit, unit, unit,
				"Điểm cầu " + level, level, members, others, members + others);
	}

	private static Row totalsRow(XSSFSheet sheet) {
		for (Row row : sheet) {
			if (row.getCell(2) != null && "Tổng cộng".equals(row.getCell(2).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("No totals row on " + sheet.getSheetName());
	}

	private XSSFWorkbook write(String conference, String province) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.report.write(conference, province, bytes);
		return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
	}

}
