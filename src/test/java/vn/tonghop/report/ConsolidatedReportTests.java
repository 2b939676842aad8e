package vn.tonghop.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

	private XSSFWorkbook write(String conference, String province) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.report.write(conference, province, bytes);
		return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
	}

}
