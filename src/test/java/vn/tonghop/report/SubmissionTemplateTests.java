package vn.tonghop.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
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
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class SubmissionTemplateTests {

	private static final int FIRST = SubmissionTemplate.HEADER_ROW + 1;

	@Autowired
	SubmissionTemplate template;

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@BeforeEach
	void loadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void templateListsTheUnitAndItsSubUnitsOnTheConferenceDate() throws IOException {
		// when
		try (XSSFWorkbook workbook = template("004", "NQDH13")) {
			XSSFSheet sheet = workbook.getSheetAt(0);

			// then the labels name the unit and conference, and the rows are the unit then its 16 sub-units
			assertThat(sheet.getSheetName()).isEqualTo("Báo cáo");
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("004");
			assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("NQDH13");
			assertThat(sheet.getRow(FIRST).getCell(1).getStringCellValue()).isEqualTo("Quận Long Biên");
			assertThat(sheet.getRow(FIRST).getCell(2).getStringCellValue()).isEqualTo("Cấp huyện");
			assertThat(sheet.getRow(FIRST + 1).getCell(1).getStringCellValue()).isEqualTo("Phường Thượng Thanh");
			assertThat(sheet.getRow(FIRST + 1).getCell(2).getStringCellValue()).isEqualTo("Cơ sở");
			assertThat(sheet.getRow(FIRST + 1).getCell(3).getStringCellValue()).isEqualTo("00115");
			// Sài Đồng still existed in 2021
			assertThat(names(sheet)).hasSize(17).contains("Phường Sài Đồng", "Đảng bộ Công an quận Long Biên");
		}
	}

	@Test
	void labelsAreLockedAndOnlyInputCellsAreOpen() throws IOException {
		// when
		try (XSSFWorkbook workbook = template("004", "NQDH13")) {
			XSSFSheet sheet = workbook.getSheetAt(0);

			// then
			assertThat(sheet.getProtect()).isTrue();
			assertThat(sheet.isInsertRowsLocked()).isFalse();
			assertThat(sheet.getRow(2).getCell(0).getCellStyle().getLocked()).isTrue();
			assertThat(sheet.getRow(SubmissionTemplate.HEADER_ROW).getCell(6).getCellStyle().getLocked()).isTrue();
			assertThat(sheet.getRow(FIRST).getCell(6).getCellStyle().getLocked()).isFalse();
			assertThat(sheet.getRow(FIRST).getCell(8).getCellStyle().getLocked()).isTrue();
			List<? extends DataValidation> validations = sheet.getDataValidations();
			assertThat(validations).anySatisfy(v -> {
				assertThat(v.getValidationConstraint().getExplicitListValues())
					.containsExactly(SubmissionTemplate.LEVELS);
				assertThat(v.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo("C11:C47");
			});
			assertThat(validations).anySatisfy(v -> {
				assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.INTEGER);
				assertThat(v.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo("G11:H47");
			});
		}
	}

	@Test
	void filledInTemplateIsAcceptedWithoutWarnings() throws Exception {
		// given the template filled in as a district would, and recalculated as Excel does on save
		Path file = Files.createDirectories(this.input.resolve("004")).resolve("long-bien.xlsx");
		try (XSSFWorkbook workbook = template("004", "NQDH13")) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			sheet.getRow(5).getCell(2).setCellValue(6500);
			sheet.getRow(6).getCell(2).setCellValue(6100);
			for (int r = FIRST; r < FIRST + 17; r++) {
				sheet.getRow(r).getCell(6).setCellValue(300 + r);
				sheet.getRow(r).getCell(7).setCellValue(10);
			}
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}

		// when
		this.runner.run(this.input, "test");

		// then
		Map<String, Object> submission = this.jdbc.queryForMap(
				"SELECT state, unit_code, conference_code, rows_loaded FROM tonghop.submission");
		assertThat(submission).containsEntry("state", "accepted")
			.containsEntry("unit_code", "004")
			.containsEntry("conference_code", "NQDH13")
			.containsEntry("rows_loaded", 17);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission_problem", Integer.class)).isZero();
		int members = 0;
		for (int r = FIRST; r < FIRST + 17; r++) {
			members += 300 + r;
		}
		assertThat(this.jdbc.queryForMap("SELECT points, points_district, points_grassroots, members_attending, "
				+ "others_attending, members_total, members_studied, coverage_pct::text AS coverage "
				+ "FROM warehouse.participation_by_unit WHERE reporting_unit_code = '004'"))
			.containsEntry("points", 17L)
			.containsEntry("points_district", 1L)
			.containsEntry("points_grassroots", 16L)
			.containsEntry("members_attending", (long) members)
			.containsEntry("others_attending", 170L)
			.containsEntry("members_total", 6500)
			.containsEntry("members_studied", 6100)
			.containsEntry("coverage", "93.8");
	}

	@Test
	void aUnitCodeTypedInLowerCaseIsTheUnit() throws IOException {
		// when the code is typed as a folder name may carry it
		try (XSSFWorkbook workbook = template("20-kcq", "HNTW8-K13")) {
			XSSFSheet sheet = workbook.getSheetAt(0);

			// then it is 20-KCQ, written as the tree writes it
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("20-KCQ");
			assertThat(sheet.getRow(FIRST).getCell(3).getStringCellValue()).isEqualTo("20-KCQ");
		}
	}

	@Test
	void aConferenceCodeInLowerCaseIsTheConferenceAsAFileNamesIt() throws IOException {
		// when
		try (XSSFWorkbook workbook = template("004", "nqdh13")) {
			// then the template names it as the conference list writes it, which a file's cell then names
			assertThat(workbook.getSheetAt(0).getRow(3).getCell(2).getStringCellValue()).isEqualTo("NQDH13");
		}
	}

	@Test
	void unknownUnitOrConferenceIsRefused() {
		assertThatThrownBy(() -> this.template.write("004", "NOPE", OutputStream.nullOutputStream()))
			.isInstanceOf(UnknownReportSubjectException.class);
		assertThatThrownBy(() -> this.template.write("999", "NQDH13", OutputStream.nullOutputStream()))
			.isInstanceOf(UnknownReportSubjectException.class)
			.hasMessageContaining("999");
	}

	private XSSFWorkbook template(String unit, String conference) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.template.write(unit, conference, bytes);
		return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
	}

	private static List<String> names(XSSFSheet sheet) {
		return java.util.stream.IntStream.range(FIRST, FIRST + 40)
			.mapToObj(sheet::getRow)
			.filter(row -> row != null && row.getCell(1) != null && !row.getCell(1).getStringCellValue().isEmpty())
			.map((Row row) -> row.getCell(1).getStringCellValue())
			.filter(name -> !name.equals("Tổng cộng"))
			.toList();
	}

}
