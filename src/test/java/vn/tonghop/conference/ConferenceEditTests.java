package vn.tonghop.conference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ImportReport;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** What an administrator is told when a conference is edited after files for it were loaded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class ConferenceEditTests {

	private static final String HEADER = "code,title,start_date,end_date,deadline,scope\n";

	private static final String NQDH13_TITLE = "\"Hội nghị toàn quốc nghiên cứu, học tập, quán triệt Nghị quyết Đại hội "
			+ "đại biểu toàn quốc lần thứ XIII của Đảng\"";

	@Autowired
	IngestRunner runner;

	@Autowired
	ConferenceImporter importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path dir;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void movingTheDatesOfAConferenceWithLoadedFilesSaysTheyWereCheckedAgainstTheFormerDates() throws Exception {
		// given Long Biên's file for NQDH13, its sessions undated, so dated the conference's first day
		Path input = Files.createDirectories(this.dir.resolve("input"));
		Files.writeString(input.resolve("lb.csv"), longBien());
		this.runner.run(input, "test");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT session_date::text FROM warehouse.participation "
				+ "WHERE conference_code = 'NQDH13'", String.class)).containsExactly("2021-03-27");

		// when the conference is moved a week later, and its deadline alone changed in another import
		ImportReport moved = this.importer.importFile(Files.writeString(this.dir.resolve("moved.csv"),
				HEADER + "NQDH13," + NQDH13_TITLE + ",2021-04-03,2021-04-04,2021-04-17,all\n"));
		ImportReport deadline = this.importer.importFile(Files.writeString(this.dir.resolve("deadline.csv"),
				HEADER + "NQDH13," + NQDH13_TITLE + ",2021-04-03,2021-04-04,2021-04-30,all\n"));

		// then the warehouse still holds the rows as loaded, and the import says so and what to run
		assertThat(this.jdbc.queryForList("SELECT DISTINCT session_date::text FROM warehouse.participation "
				+ "WHERE conference_code = 'NQDH13'", String.class)).containsExactly("2021-03-27");
		assertThat(moved.changed()).isEqualTo(1);
		assertThat(moved.notes()).containsExactly("line 2: imported, but NQDH13's dates moved from 2021-03-27 – "
				+ "2021-03-28 to 2021-04-03 – 2021-04-04 after 1 file was taken for it: its units, session dates "
				+ "and checks are those of the former dates until rerun --conference NQDH13");
		// a deadline is compared when completeness is queried: nothing loaded depends on it
		assertThat(deadline.changed()).isEqualTo(1);
		assertThat(deadline.notes()).isEmpty();
	}

	@Test
	void narrowingTheScopeOfAConferenceWithLoadedFiguresSaysWhoseStayUntilARerun() throws Exception {
		// given Long Biên's (Hà Nội's) file for NQDH13, held for every province
		Path input = Files.createDirectories(this.dir.resolve("input"));
		Files.writeString(input.resolve("lb.csv"), longBien());
		this.runner.run(input, "test");

		// when its scope is narrowed to Lạng Sơn and Thanh Hóa
		ImportReport narrowed = this.importer.importFile(Files.writeString(this.dir.resolve("narrowed.csv"),
				HEADER + "NQDH13," + NQDH13_TITLE + ",2021-03-27,2021-03-28,2021-04-10,20|38\n"));

		// then Hà Nội's figures stay, and the import says so and what to run
		assertThat(this.jdbc.queryForList("SELECT DISTINCT province_code FROM warehouse.participation "
				+ "WHERE conference_code = 'NQDH13'", String.class)).containsExactly("01");
		assertThat(narrowed.notes()).containsExactly("line 2: imported, but the warehouse holds NQDH13's figures of "
				+ "01, outside its new scope: they stay until rerun --conference NQDH13 rejects their files "
				+ "(conference-out-of-scope)");
	}

	@Test
	void aFileOfAUnitOutsideTheConferencesScopeIsRejectedSayingSo() throws Exception {
		// given a conference for Hà Nội only, held the day the national NQDH13 starts
		this.importer.importFile(Files.writeString(this.dir.resolve("hn.csv"),
				HEADER + "CD-HN,Chuyên đề của Thành phố Hà Nội,2021-03-27,2021-03-27,2021-04-10,01\n"));
		Path input = Files.createDirectories(this.dir.resolve("input"));
		Files.writeString(input.resolve("tp-thanh-hoa.csv"), "Đơn vị báo cáo,380\nHội nghị,CD-HN\n\n"
				+ "STT,Tên điểm cầu,Cấp điểm cầu,Số đảng viên tham dự,Số người khác tham dự\n"
				+ "1,Hội trường Thành ủy,Huyện,120,0\n,Tổng cộng,,120,0\n");

		// when Thanh Hóa city's file names it
		this.runner.run(input, "test");

		// then nothing reaches the warehouse, where completeness of CD-HN does not expect it, and the
		// city is told why, at the cell naming the conference
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isZero();
		assertThat(this.jdbc.queryForList("SELECT s.state || ' ' || p.code || ' ' || p.message_en FROM tonghop.submission s "
				+ "JOIN tonghop.submission_problem p ON p.submission_id = s.id", String.class))
			.containsExactly("rejected conference-out-of-scope Conference CD-HN is for 01 Thành phố Hà Nội only; unit 380 Thành phố "
					+ "Thanh Hóa is in 38 Tỉnh Thanh Hóa, outside it: check the conference's code");
		assertThat(this.jdbc.queryForList("SELECT p.row_number || ' ' || p.column_name || ' ' || p.value "
				+ "FROM tonghop.submission_problem p", String.class)).containsExactly("2 B CD-HN");
	}

	@Test
	void aFileNamingByTitleAConferenceOfTwoWithThatTitleIsToldItMatchesBoth() throws Exception {
		// given NQDH13's code renamed in an import, so that NQ-DH13 stands beside it with its title
		this.importer.importFile(Files.writeString(this.dir.resolve("renamed.csv"),
				HEADER + "NQ-DH13," + NQDH13_TITLE + ",2021-03-27,2021-03-28,2021-04-10,all\n"));
		Path input = Files.createDirectories(this.dir.resolve("input"));
		Files.writeString(input.resolve("lb.csv"), longBien().replace("Hội nghị,NQDH13", "Hội nghị," + NQDH13_TITLE));

		// when Long Biên's file names the conference by its title
		this.runner.run(input, "test");

		// then it is rejected as matching both, not as matching none
		assertThat(this.jdbc.queryForList("SELECT p.code || ' ' || p.message_vi FROM tonghop.submission_problem p",
				String.class)).singleElement().asString()
			.startsWith("conference-ambiguous Tên hội nghị \"Hội nghị toàn quốc nghiên cứu")
			.contains("trùng với nhiều hội nghị: NQ-DH13 Hội nghị toàn quốc", "; NQDH13 Hội nghị toàn quốc");
	}

	private static String longBien() {
		return "Đơn vị báo cáo,004\nHội nghị,NQDH13\n\n"
				+ "STT,Tên điểm cầu,Cấp điểm cầu,Số đảng viên tham dự,Số người khác tham dự\n"
				+ "1,Hội trường Quận ủy,Quận,120,0\n2,Phường Ngọc Thụy,Phường,80,10\n"
				+ ",Tổng cộng,,200,10\n";
	}

}
