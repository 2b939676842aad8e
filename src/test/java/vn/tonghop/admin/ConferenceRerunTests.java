package vn.tonghop.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.conference.ConferenceImporter;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A conference rerun after a unit-tree or rule change leaves the warehouse as if every standing
 * version had been loaded under the tree and rules of now.
 */
// One worker: the rerun processes two versions of one unit, in the order a district sent them.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "tonghop.intake.stable-for=0s", "tonghop.ingest.workers=1" })
class ConferenceRerunTests {

	private static final String UNITS_HEADER = "code,name,parent_code,kind,valid_from,valid_to,aliases\n";

	@Autowired
	IngestRunner runner;

	@Autowired
	Reruns reruns;

	@Autowired
	UnitImporter units;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	ConferenceImporter conferences;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void theStandingVersionIsPlacedOnTheCorrectedTreeThoughALaterOneWasRejected() throws Exception {
		// given a Khối the tree first put under Lạng Sơn, its file accepted there, and a later version
		// rejected for its totals row
		importUnits("38-KDN,Đảng bộ Khối doanh nghiệp tỉnh Thanh Hóa,20,district,,2025-06-30,\n");
		Path file = Files.createDirectories(this.input.resolve("38-KDN")).resolve("kdn.csv");
		Files.writeString(file, khoi(120, 80, 200));
		this.runner.run(this.input, "test");
		Files.writeString(file, khoi(120, 90, 999));
		this.runner.run(this.input, "test");
		assertThat(this.jdbc.queryForList("SELECT state FROM tonghop.submission ORDER BY id", String.class))
			.containsExactly("accepted", "rejected");

		// when the tree is corrected (the Khối is Thanh Hóa's) and the conference rerun
		importUnits("38-KDN,Đảng bộ Khối doanh nghiệp tỉnh Thanh Hóa,38,district,,2025-06-30,\n");
		this.reruns.rerun(new RerunRequest("NQDH13", null, null, false));

		// then its standing figures count for Thanh Hóa, where completeness expects it, and no longer for Lạng Sơn
		assertThat(this.jdbc.queryForList("SELECT DISTINCT province_code || ' ' || district_code "
				+ "FROM warehouse.participation", String.class)).containsExactly("38 38-KDN");
		assertThat(this.jdbc.queryForList("SELECT province_code || ' ' || points || ' ' || units_reported || '/' "
				+ "|| units_expected FROM warehouse.participation_by_province WHERE conference_code = 'NQDH13' "
				+ "ORDER BY province_code", String.class)).containsExactly("01 0 0/2", "20 0 0/2", "38 2 1/3");
	}

	@Test
	void aFileRejectedForAScopeNarrowedByMistakeComesBackWithTheConferenceRerunOnceTheScopeIsWidened()
			throws Exception {
		// given Thanh Hóa's Khối loaded for NQDH13, then the conference's scope narrowed to Hà Nội by
		// mistake and the conference rerun, which takes the Khối's figures out (conference-out-of-scope)
		importUnits("38-KDN,Đảng bộ Khối doanh nghiệp tỉnh Thanh Hóa,38,district,,2025-06-30,\n");
		Path file = Files.createDirectories(this.input.resolve("38-KDN")).resolve("kdn.csv");
		Files.writeString(file, khoi(120, 80, 200));
		this.runner.run(this.input, "test");
		importConferences("NQDH13,Hội nghị NQDH13,2021-03-27,2021-03-28,2021-04-10,01\n");
		this.reruns.rerun(new RerunRequest("NQDH13", null, null, false));
		assertThat(this.jdbc.queryForList("SELECT first_problem FROM tonghop.submission", String.class))
			.singleElement().asString().contains("NQDH13");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Long.class)).isZero();

		// when the scope is put right and the conference rerun, as the rejection's report asks
		importConferences("NQDH13,Hội nghị NQDH13,2021-03-27,2021-03-28,2021-04-10,all\n");
		RerunResult result = this.reruns.rerun(new RerunRequest("NQDH13", null, null, false));

		// then the Khối's file is taken again and its figures are back, its unit reported
		assertThat(result.outcomes()).extracting(RerunOutcome::stateBefore, RerunOutcome::stateAfter)
			.containsExactly(tuple("rejected", "accepted"));
		assertThat(this.jdbc.queryForList("SELECT province_code || ' ' || points || ' ' || units_reported || '/' "
				+ "|| units_expected FROM warehouse.participation_by_province WHERE conference_code = 'NQDH13' "
				+ "AND province_code = '38'", String.class)).containsExactly("38 2 1/3");
	}

	private void importConferences(String rows) throws IOException {
		Path file = this.input.resolveSibling(this.input.getFileName() + "-conferences.csv");
		Files.writeString(file, "code,title,start_date,end_date,deadline,scope\n" + rows);
		this.conferences.importFile(file);
	}

	private String khoi(int first, int second, int total) {
		return "Đơn vị báo cáo,38-KDN\nHội nghị,NQDH13\n\n"
				+ "STT,Tên điểm cầu,Cấp điểm cầu,Số đảng viên tham dự,Số người khác tham dự\n"
				+ "1,Hội trường Khối,Khối," + first + ",0\n2,Công ty A,Cơ sở," + second + ",0\n"
				+ ",Tổng cộng,," + total + ",0\n";
	}

	private void importUnits(String rows) throws IOException {
		Path file = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(file, UNITS_HEADER + rows);
		this.units.importFile(file);
	}

}
