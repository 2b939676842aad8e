package vn.tonghop.conference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.conference.ConferenceResolution.Status;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConferenceDirectoryTests {

	private static final String CONFERENCES = """
			code,title,start_date,end_date,deadline,scope
			NQ-XIII,Học tập Nghị quyết Đại hội XIII của Đảng,2021-03-27,2021-03-28,2021-04-10,all
			HNTW8-XIII,Học tập Nghị quyết Hội nghị Trung ương 8 khóa XIII,2023-12-04,2023-12-04,2023-12-20,20|34
			HNTW10-XIII,Học tập Nghị quyết Hội nghị Trung ương 10 khóa XIII,2024-10-15,2024-10-15,2024-10-30,01
			CD-2021,Chuyên đề năm 2021,2021-05-01,2021-05-01,2021-05-15,all
			CD-2021-HN,Chuyên đề năm 2021,2021-05-02,2021-05-02,2021-05-15,01
			""";

	private final ConferenceImporter importer;

	private final JdbcTemplate jdbc;

	private ConferenceDirectory directory;

	@TempDir
	Path dir;

	@Autowired
	ConferenceDirectoryTests(ConferenceImporter importer, JdbcTemplate jdbc) {
		this.importer = importer;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void loadConferences() throws IOException {
		this.jdbc.update("DELETE FROM tonghop.conference");
		assertThat(this.importer.importFile(Files.writeString(this.dir.resolve("c.csv"), CONFERENCES)).problems()).isEmpty();
		this.directory = ConferenceDirectory.load(this.jdbc);
	}

	@Test
	void byCodeIgnoresCaseAndSpacesAndReadsEveryColumn() {
		// when / then
		assertThat(this.directory.byCode(" hntw8-xiii ")).hasValue(new Conference("HNTW8-XIII",
				"Học tập Nghị quyết Hội nghị Trung ương 8 khóa XIII", LocalDate.of(2023, 12, 4), LocalDate.of(2023, 12, 4),
				LocalDate.of(2023, 12, 20), List.of("20", "34")));
		assertThat(this.directory.byCode("NQ-XIII")).map(Conference::scope).hasValue(List.of());
		assertThat(this.directory.byCode("NQ-XII")).isEmpty();
	}

	@Test
	void resolvesACodeOrATitleWrittenWithAnotherToneMarkPlacementOrWithoutDiacritics() {
		// when
		ConferenceResolution byCode = this.directory.resolve("nq-xiii");
		ConferenceResolution byTitle = this.directory.resolve("Học tập Nghị quyết Hội nghị Trung ương 8 khoá XIII");
		ConferenceResolution withoutDiacritics = this.directory.resolve("hoc tap nghi quyet dai hoi XIII cua Dang");

		// then
		assertThat(byCode.conference().code()).isEqualTo("NQ-XIII");
		assertThat(byTitle.conference().code()).isEqualTo("HNTW8-XIII");
		assertThat(withoutDiacritics.status()).isEqualTo(Status.RESOLVED);
		assertThat(withoutDiacritics.conference().code()).isEqualTo("NQ-XIII");
	}

	@Test
	void aTitleSharedByTwoConferencesIsAmbiguous() {
		// when
		ConferenceResolution resolution = this.directory.resolve("Chuyên đề năm 2021");

		// then
		assertThat(resolution.status()).isEqualTo(Status.AMBIGUOUS);
		assertThat(resolution.candidates()).extracting(Conference::code).containsExactly("CD-2021", "CD-2021-HN");
	}

	@Test
	void anUnknownConferenceListsTheThreeClosest() {
		// when
		ConferenceResolution resolution = this.directory.resolve("Học tập Nghị quyết Hội nghị Trung ương 9 khóa XIII");

		// then
		assertThat(resolution.status()).isEqualTo(Status.UNKNOWN);
		assertThat(resolution.conference()).isNull();
		assertThat(resolution.candidates()).hasSize(3)
			.extracting(Conference::code)
			.startsWith("HNTW8-XIII", "HNTW10-XIII");
		assertThat(resolution.message()).startsWith("'Học tập Nghị quyết Hội nghị Trung ương 9 khóa XIII' matches no "
				+ "conference; closest: HNTW8-XIII Học tập Nghị quyết Hội nghị Trung ương 8 khóa XIII; ");
	}

	@Test
	void aResolutionNamedByItsNumberOrAnAbbreviationSuggestsTheConferenceWhoseTitleHasItFirst() throws IOException {
		// given conferences whose codes say nothing of their resolution, as provinces' own codes often do
		this.importer.importFile(Files.writeString(this.dir.resolve("more.csv"), """
				code,title,start_date,end_date,deadline,scope
				HN-2025-01,"Hội nghị toàn quốc quán triệt, triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",2025-01-13,2025-01-13,2025-01-31,all
				HN-2025-02,"Hội nghị toàn quốc quán triệt, triển khai Nghị quyết số 59-NQ/TW của Bộ Chính trị về hội nhập quốc tế trong tình hình mới",2025-03-02,2025-03-02,2025-03-20,all
				HN-2025-03,"Hội nghị toàn quốc quán triệt, triển khai Nghị quyết số 66-NQ/TW và Nghị quyết số 68-NQ/TW của Bộ Chính trị",2025-05-18,2025-05-18,2025-06-05,all
				"""));
		ConferenceDirectory directory = ConferenceDirectory.load(this.jdbc);

		// when
		ConferenceResolution byNumber = directory.resolve("Nghị quyết số 57-NQ/TW");
		ConferenceResolution abbreviated = directory.resolve("NQ 68");
		ConferenceResolution numberOnly = directory.resolve("59-NQ/TW");

		// then
		assertThat(byNumber.status()).isEqualTo(Status.UNKNOWN);
		assertThat(byNumber.candidates()).extracting(Conference::code).first().isEqualTo("HN-2025-01");
		assertThat(abbreviated.candidates()).extracting(Conference::code).first().isEqualTo("HN-2025-03");
		assertThat(numberOnly.candidates()).extracting(Conference::code).first().isEqualTo("HN-2025-02");
	}

}
