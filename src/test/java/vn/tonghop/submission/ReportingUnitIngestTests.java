package vn.tonghop.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a file reports for, through the real ingest job: the labels, the drop folder and the unit
 * tree together, and what the warehouse holds for each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class ReportingUnitIngestTests {

	private static final String TABLE = "STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Số người khác tham dự\n"
			+ "1;Hội trường;Cấp huyện;100;10\n";

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	UnitImporter units;

	@TempDir
	Path input;

	@BeforeEach
	void clean() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	private void csv(String path, String text) throws IOException {
		Path file = this.input.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private void importUnits(String rows) throws IOException {
		Path file = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(file, "code,name,parent_code,kind,valid_from,valid_to,aliases\n" + rows);
		this.units.importFile(file);
	}

	/** The file's state, its problems' codes and the reporting unit its rows were loaded under. */
	private String run(String name) throws Exception {
		JobExecution execution = this.runner.run(this.input, "test");
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return this.jdbc.queryForObject("SELECT state || ' [' || coalesce((SELECT string_agg(code, ', ' ORDER BY seq) "
				+ "FROM tonghop.submission_problem WHERE submission_id = s.id), '') || '] ' || coalesce((SELECT "
				+ "string_agg(DISTINCT reporting_unit_code, ',') FROM warehouse.participation WHERE submission_id = s.id), '-') "
				+ "FROM tonghop.submission s WHERE file_name = ? AND job_execution_id = ?", String.class, name,
				execution.getId());
	}

	@Test
	void aTemplatesPlaceDateLineLeftBlankIsNoReportDate() throws Exception {
		// given
		csv("004/lb.csv", "Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n" + TABLE
				+ "\n;;;Long Biên, ngày    tháng    năm 2021\n");

		// then
		assertThat(run("lb.csv")).isEqualTo("accepted [] 004");
	}

	@Test
	void aNameSharedByTwoProvincesIsTheOneInTheFilesDropFolder() throws Exception {
		// given an Đảng ủy Khối of that name in Lạng Sơn and in Thanh Hóa
		importUnits("20-KCQ,Đảng bộ Khối các cơ quan tỉnh Lạng Sơn,20,district,,2025-06-30,Đảng ủy Khối các cơ quan tỉnh\n"
				+ "38-KCQ,Đảng bộ Khối các cơ quan tỉnh Thanh Hóa,38,district,,2025-06-30,Đảng ủy Khối các cơ quan tỉnh\n");
		csv("20/kcq.csv", "Đơn vị báo cáo;Đảng ủy Khối các cơ quan tỉnh\nHội nghị;NQDH13\n\n" + TABLE);

		// then
		assertThat(run("kcq.csv")).isEqualTo("accepted [] 20-KCQ");
	}

	@Test
	void aNameSharedByTwoProvincesInTheSharedFolderIsAmbiguous() throws Exception {
		// given
		importUnits("20-KCQ,Đảng bộ Khối các cơ quan tỉnh Lạng Sơn,20,district,,2025-06-30,Đảng ủy Khối các cơ quan tỉnh\n"
				+ "38-KCQ,Đảng bộ Khối các cơ quan tỉnh Thanh Hóa,38,district,,2025-06-30,Đảng ủy Khối các cơ quan tỉnh\n");
		csv("kcq.csv", "Đơn vị báo cáo;Đảng ủy Khối các cơ quan tỉnh\nHội nghị;NQDH13\n\n" + TABLE);

		// then
		assertThat(run("kcq.csv")).isEqualTo("rejected [unit-ambiguous] -");
	}

	@Test
	void aFolderNamedInLowerCaseStillVouchesOnlyForItsUnit() throws Exception {
		// given Long Biên's file in the folder of its police's party committee, the code in lower case
		csv("004-ca/lb.csv", "Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n" + TABLE);

		// then
		assertThat(run("lb.csv")).isEqualTo("rejected [unit-outside-folder] -");
	}

	@Test
	void aFolderNamedAfterAUnitsCodeWithoutItsLeadingZerosNamesThatUnitAndIsNotTakenForIt() throws Exception {
		// given a file that leaves its unit to its folder, dropped in "4", as 004's folder named by hand
		csv("4/lb.csv", "Hội nghị;NQDH13\n\n" + TABLE);

		// then it is rejected, naming Long Biên as the folder's likely unit in both languages, not as a unit missing
		assertThat(run("lb.csv")).isEqualTo("rejected [folder-unit-misnamed] -");
		assertThat(this.jdbc.queryForMap("SELECT sheet, value, message_vi, message_en FROM tonghop.submission_problem"))
			.containsEntry("sheet", null)
			.containsEntry("value", null)
			.containsEntry("message_vi", "Thư mục nộp \"4\" không phải mã của đơn vị nào; có lẽ là thư mục của đơn vị "
					+ "004 Quận Long Biên, mã chỉ khác ở các số 0 đứng đầu: hãy đổi tên thư mục thành đúng mã của đơn vị, "
					+ "các tệp trong đó sẽ được đọc lại")
			.containsEntry("message_en", "The drop folder \"4\" is no unit's code; it is likely the folder of 004 Quận "
					+ "Long Biên, the code differing only in its leading zeros: rename the folder to the unit's exact code, "
					+ "and the files in it are read again");
	}

	@Test
	void aFileNamingItsUnitInAFolderMisnamedSoIsNotSilentlyAccepted() throws Exception {
		// given Long Biên's file naming its unit, in "0004"
		csv("0004/lb.csv", "Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n" + TABLE);

		// then it is not read as if in the shared folder: the folder must be renamed
		assertThat(run("lb.csv")).isEqualTo("rejected [folder-unit-misnamed] -");
		assertThat(this.jdbc.queryForObject("SELECT message_en FROM tonghop.submission_problem", String.class))
			.isEqualTo("The drop folder \"0004\" is no unit's code; it is likely the folder of 004 Quận Long Biên, the "
					+ "code differing only in its leading zeros: rename the folder to the unit's exact code, and the files "
					+ "in it are read again");
	}

	@Test
	void aFolderDifferingFromACodeInCaseAndSpacesAsWellAsLeadingZerosNamesItsUnit() throws Exception {
		// given Long Biên police's file in " 4-ca ", the spaces typed unseen
		csv(" 4-ca /ca.csv", "Đơn vị báo cáo;Công an quận Long Biên\nHội nghị;NQDH13\n\n" + TABLE);

		// then
		assertThat(run("ca.csv")).isEqualTo("rejected [folder-unit-misnamed] -");
		assertThat(this.jdbc.queryForObject("SELECT message_en FROM tonghop.submission_problem", String.class))
			.isEqualTo("The drop folder \"4-ca\" is no unit's code; it is likely the folder of 004-CA Đảng bộ Công an "
					+ "quận Long Biên, the code differing only in its leading zeros: rename the folder to the unit's exact "
					+ "code, and the files in it are read again");
	}

	@Test
	void aFolderThatMayBeSeveralUnitsWithoutTheirLeadingZerosNamesThemAll() throws Exception {
		// given a province 04 beside district 004
		importUnits("04,Tỉnh Cao Bằng,,province,,2025-06-30,\n");
		csv("4/lb.csv", "Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n" + TABLE);

		// then
		assertThat(run("lb.csv")).isEqualTo("rejected [folder-unit-misnamed] -");
		assertThat(this.jdbc.queryForMap("SELECT message_vi, message_en FROM tonghop.submission_problem"))
			.containsEntry("message_vi", "Thư mục nộp \"4\" không phải mã của đơn vị nào; có lẽ là thư mục của một trong "
					+ "các đơn vị 04 Tỉnh Cao Bằng; 004 Quận Long Biên, mã chỉ khác ở các số 0 đứng đầu: hãy đổi tên thư "
					+ "mục thành đúng mã của đơn vị, các tệp trong đó sẽ được đọc lại")
			.containsEntry("message_en", "The drop folder \"4\" is no unit's code; it is likely the folder of one of "
					+ "04 Tỉnh Cao Bằng; 004 Quận Long Biên, the code differing only in its leading zeros: rename the "
					+ "folder to the unit's exact code, and the files in it are read again");
	}

	@Test
	void aFolderThatIsNoUnitsCodeEvenWithLeadingZerosIsJustAFolder() throws Exception {
		// given
		csv("7/lb.csv", "Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n" + TABLE);

		// then
		assertThat(run("lb.csv")).isEqualTo("accepted [] 004");
	}

	@Test
	void aLetterheadsOrganisationAboveTheReportingUnitIsNoSecondUnit() throws Exception {
		// given the province's party organization above the city committee that reports, as letterheads have it
		csv("tp.csv", "Đảng bộ;Tỉnh Thanh Hóa\nĐơn vị báo cáo;Thành ủy Thanh Hóa\nHội nghị;NQDH13\n\n" + TABLE);

		// then the city reports
		assertThat(run("tp.csv")).isEqualTo("accepted [] 380");
	}

	@Test
	void anOrganisationAboveTheReportingUnitNamedBelowTheTableIsNoSecondUnit() throws Exception {
		// given
		csv("tp.csv", "Đơn vị báo cáo: Thành ủy Thanh Hóa\nHội nghị;NQDH13\n\n" + TABLE + "\nĐảng bộ: Tỉnh Thanh Hóa\n");

		// then
		assertThat(run("tp.csv")).isEqualTo("accepted [] 380");
	}

	@Test
	void aFileNamingTwoUnitsIsLoadedForNeither() throws Exception {
		// given an organisation that is not above the unit the reporting unit's label names
		csv("tp.csv", "Đảng bộ;Quận ủy Long Biên\nĐơn vị báo cáo;Thành ủy Thanh Hóa\nHội nghị;NQDH13\n\n" + TABLE);

		// then the city's figures are not loaded as Long Biên's, nor the other way round
		assertThat(run("tp.csv")).isEqualTo("rejected [unit-conflict] -");
	}

	@Test
	void aReportingUnitsLabelNamingTheUnitAboveAnotherIsAConflict() throws Exception {
		// given the province under the reporting unit's own label, the city under a word for any organisation
		csv("tp.csv", "Đơn vị báo cáo;Tỉnh Thanh Hóa\nĐảng bộ;Thành ủy Thanh Hóa\nHội nghị;NQDH13\n\n" + TABLE);

		// then neither is guessed
		assertThat(run("tp.csv")).isEqualTo("rejected [unit-conflict] -");
	}

	@Test
	void aUnitWrittenTwoWaysIsOneUnit() throws Exception {
		// given
		csv("lb.csv", "Mã đơn vị;004\nĐơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n" + TABLE
				+ "\nĐảng bộ;Đảng bộ quận Long Biên\nĐơn vị;người\n");

		// then
		assertThat(run("lb.csv")).isEqualTo("accepted [] 004");
	}

	@Test
	void aFileNamingTwoConferencesIsLoadedForNeither() throws Exception {
		// given
		csv("lb.csv", "Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n" + TABLE + "\nNghị quyết;HNTW8-K13\n");

		// then
		assertThat(run("lb.csv")).isEqualTo("rejected [conference-conflict] -");
	}

	@Test
	void aLabelThatNamesNoConferenceYieldsToOneThatDoes() throws Exception {
		// given a free-text "Nội dung" above the template's conference label
		csv("lb.csv", "Đơn vị báo cáo;Quận ủy Long Biên\nNội dung;Học tập Nghị quyết Đại hội XIII\nHội nghị;NQDH13\n\n"
				+ TABLE);

		// then
		assertThat(run("lb.csv")).isEqualTo("accepted [] 004");
	}

	@Test
	void aLabelThatNamesNoUnitYieldsToOneThatDoes() throws Exception {
		// given the unit of measure above the reporting unit
		csv("lb.csv", "Đơn vị;người\nĐơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n" + TABLE);

		// then
		assertThat(run("lb.csv")).isEqualTo("accepted [] 004");
	}

	@Test
	void aFileWhoseLabelsNameNoUnitIsToldAboutTheFirst() throws Exception {
		// given
		csv("lb.csv", "Đơn vị báo cáo;Quận ủy Long Bình\nĐơn vị;người\nHội nghị;NQDH13\n\n" + TABLE);

		// then
		assertThat(run("lb.csv")).isEqualTo("rejected [unit-unknown] -");
		assertThat(this.jdbc.queryForObject("SELECT value FROM tonghop.submission_problem", String.class))
			.isEqualTo("Quận ủy Long Bình");
	}

	@Test
	void anEquivalentUnitWrittenWithoutItsProvincesNameIsTheOneInTheFolder() throws Exception {
		// given the shipped tree, where the unit is "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn"
		csv("20/kcq.csv", "Đơn vị báo cáo;Đảng ủy Khối các cơ quan tỉnh\nHội nghị;HNTW8-K13\n\n"
				+ TABLE.replace("Cấp huyện", "Khối"));

		// then
		assertThat(run("kcq.csv")).isEqualTo("accepted [] 20-KCQ");
	}

	@Test
	void aHostWrittenAsTheReportingCommitteeIsTheReportingUnit() throws Exception {
		// given the district's own point hosted by "Quận ủy", a ward's by its committee
		csv("004/lb.csv", "Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n"
				+ "STT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;Số đảng viên tham dự\n"
				+ "1;Hội trường Quận ủy;Quận;Quận ủy;100\n2;Hội trường phường Bồ Đề;Phường;Đảng ủy phường Bồ Đề;50\n");

		// then
		assertThat(run("lb.csv")).isEqualTo("accepted [] 004");
		assertThat(this.jdbc.queryForList("SELECT host_unit_code FROM warehouse.participation ORDER BY source_row",
				String.class)).containsExactly("004", "00139");
	}

	@Test
	void labelsNumberedAsAFormsLinesPlaceTheFile() throws Exception {
		// given
		csv("lb.csv", "I. THÔNG TIN CHUNG\n1. Đơn vị báo cáo: Quận ủy Long Biên\n2. Hội nghị: NQDH13\n\n" + TABLE);

		// then
		assertThat(run("lb.csv")).isEqualTo("accepted [] 004");
	}

}
