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

}
