package vn.tonghop.conference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.units.ImportReport;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConferenceImporterTests {

	private static final String HEADER = "code,title,start_date,end_date,deadline,scope";

	private final ConferenceImporter importer;

	private final JdbcTemplate jdbc;

	private final UnitImporter units;

	@TempDir
	Path dir;

	@Autowired
	ConferenceImporterTests(ConferenceImporter importer, JdbcTemplate jdbc, UnitImporter units) {
		this.importer = importer;
		this.jdbc = jdbc;
		this.units = units;
	}

	@BeforeEach
	void noConferencesAndTheProvincesInTheirScopes() throws IOException {
		this.jdbc.update("DELETE FROM tonghop.conference");
		this.units.importFile(write("provinces.csv", "code,name,parent_code,kind,valid_from,valid_to,aliases",
				"01,Thành phố Hà Nội,,province,,2025-06-30,", "20,Tỉnh Lạng Sơn,,province,,2025-06-30,",
				"38,Tỉnh Thanh Hóa,,province,,2025-06-30,"));
	}

	@Test
	void reportsAddedThenUnchangedThenChanged() throws IOException {
		// given
		Path first = write("conferences.csv", HEADER,
				"NQ-XIII,Học tập Nghị quyết Đại hội XIII của Đảng,2021-03-27,2021-03-28,2021-04-10,all",
				"HNTW8-XIII,Học tập Nghị quyết Hội nghị Trung ương 8 khóa XIII,2023-12-04,2023-12-04,2023-12-20,20|38");
		Path second = write("conferences-2.csv", HEADER,
				"NQ-XIII,Học tập Nghị quyết Đại hội XIII của Đảng,2021-03-27,2021-03-28,2021-04-15,all",
				"HNTW8-XIII,Học tập Nghị quyết Hội nghị Trung ương 8 khóa XIII,2023-12-04,2023-12-04,2023-12-20,20|38",
				"HNTW10-XIII,Học tập Nghị quyết Hội nghị Trung ương 10 khóa XIII,2024-10-15,2024-10-15,2024-10-30,01");

		// when
		ImportReport added = this.importer.importFile(first);
		ImportReport again = this.importer.importFile(first);
		ImportReport changed = this.importer.importFile(second);

		// then
		assertThat(added).isEqualTo(new ImportReport(2, 0, 0, List.of()));
		assertThat(again).isEqualTo(new ImportReport(0, 0, 2, List.of()));
		assertThat(changed).isEqualTo(new ImportReport(1, 1, 1, List.of()));
		assertThat(this.jdbc.queryForList("SELECT code || ' ' || deadline || ' ' || coalesce(array_to_string(scope, '|'), 'null') "
				+ "FROM tonghop.conference ORDER BY start_date", String.class))
			.containsExactly("NQ-XIII 2021-04-15 null", "HNTW8-XIII 2023-12-20 20|38", "HNTW10-XIII 2024-10-30 01");
	}

	@Test
	void badLinesAreListedWithTheirNumberAndTheRestImports() throws IOException {
		// given
		this.importer.importFile(write("stored.csv", HEADER, "NQ-XIII,Đại hội XIII,2021-03-27,2021-03-28,2021-04-10,all"));
		Path file = write("conferences.csv", HEADER,
				"A,Hội nghị A,2021-03-27,2021-03-28,2021-04-10,all",
				"B,,2021-03-27,2021-03-28,2021-04-10,all",
				"C,Hội nghị C,3/27/2021,2021-03-28,2021-04-10,all",
				"D,Hội nghị D,2021-03-29,2021-03-28,2021-04-10,all",
				"E,Hội nghị E,2021-03-27,2021-03-28,,all",
				"F,Hội nghị F,2021-03-27,2021-03-28,2021-04-10,",
				"G,Hội nghị G,2021-03-27,2021-03-28,2021-04-10,|",
				"a,Hội nghị A lần nữa,2021-03-27,2021-03-28,2021-04-10,all",
				"nq-xiii,Đại hội XIII,2021-03-27,2021-03-28,2021-04-10,all",
				"H,Hội nghị H,2021-03-27,2021-03-28,2021-04-10");

		// when
		ImportReport report = this.importer.importFile(file);

		// then
		assertThat(report.added()).isEqualTo(1);
		assertThat(report.problems()).containsExactlyInAnyOrder(
				"line 3: title is missing",
				"line 4: start_date '3/27/2021' is not a date (yyyy-MM-dd or dd/MM/yyyy)",
				"line 5: start_date 2021-03-29 is after end_date 2021-03-28",
				"line 6: deadline is missing",
				"line 7: scope is missing",
				"line 8: scope '|' is neither 'all' nor province codes separated by |",
				"line 9: code a is already on line 2",
				"line 10: code nq-xiii differs from the stored NQ-XIII only in case",
				"line 11: 5 fields where the header has 6");
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.conference ORDER BY code", String.class))
			.containsExactly("A", "NQ-XIII");
	}

	@Test
	void aCodeNoWebAddressCanCarryIsABadLine() throws IOException {
		// given codes written as resolutions are numbered: the dashboard and the API name a conference in
		// their paths (/dashboard/57-NQ%2FTW), where the server refuses an encoded slash, backslash, % or ;
		Path file = write("conferences.csv", HEADER,
				"57-NQ/TW,Học tập Nghị quyết 57-NQ/TW,2025-01-13,2025-01-13,2025-01-31,all",
				"NQ\\01,Hội nghị,2025-01-13,2025-01-13,2025-01-31,all",
				"HN 100%,Hội nghị,2025-01-13,2025-01-13,2025-01-31,all",
				"A;B,Hội nghị,2025-01-13,2025-01-13,2025-01-31,all",
				"ĐH XIII & <HN>?,Hội nghị,2021-03-27,2021-03-28,2021-04-10,all");

		// when
		ImportReport report = this.importer.importFile(file);

		// then each is refused saying why; Vietnamese letters, spaces and the like are kept
		assertThat(report.problems()).containsExactly(
				"line 2: code 57-NQ/TW holds '/', which the web addresses of the dashboard and the API cannot carry: "
						+ "write the code without it",
				"line 3: code NQ\\01 holds '\\', which the web addresses of the dashboard and the API cannot carry: "
						+ "write the code without it",
				"line 4: code HN 100% holds '%', which the web addresses of the dashboard and the API cannot carry: "
						+ "write the code without it",
				"line 5: code A;B holds ';', which the web addresses of the dashboard and the API cannot carry: "
						+ "write the code without it");
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.conference", String.class))
			.containsExactly("ĐH XIII & <HN>?");
	}

	@Test
	void datesAsExcelWritesThemOnAComputerSetToVietnameseAreDayFirst() throws IOException {
		// given a CSV saved by Excel on a computer set to Vietnamese, which writes dates dd/MM/yyyy
		Path file = write("conferences.csv", HEADER,
				"NQ-XIII,Học tập Nghị quyết Đại hội XIII của Đảng,27/03/2021,28/03/2021,10/04/2021,all",
				"HNTW8-XIII,Học tập Nghị quyết Hội nghị Trung ương 8 khóa XIII,04/12/2023,04/12/2023,31/11/2023,all");

		// when
		ImportReport report = this.importer.importFile(file);

		// then day first, and a day no month has is no date
		assertThat(report.added()).isEqualTo(1);
		assertThat(report.problems())
			.containsExactly("line 3: deadline '31/11/2023' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
		assertThat(this.jdbc.queryForList("SELECT start_date || ' ' || end_date || ' ' || deadline FROM tonghop.conference",
				String.class))
			.containsExactly("2021-03-27 2021-03-28 2021-04-10");
	}

	@Test
	void aDeadlineBeforeTheConferenceStartsIsABadLine() throws IOException {
		// given a deadline typed a month early: every unit would count as late
		Path file = write("conferences.csv", HEADER,
				"NQ-XIII,Học tập Nghị quyết Đại hội XIII của Đảng,2021-03-27,2021-03-28,2021-03-10,all",
				"HNTW8-XIII,Học tập Nghị quyết Hội nghị Trung ương 8 khóa XIII,2023-12-04,2023-12-04,2023-12-04,all");

		// when
		ImportReport report = this.importer.importFile(file);

		// then a deadline on the first day is allowed, one before it is not
		assertThat(report.added()).isEqualTo(1);
		assertThat(report.problems()).containsExactly("line 2: deadline 2021-03-10 is before start_date 2021-03-27");
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.conference", String.class)).containsExactly("HNTW8-XIII");
	}

	@Test
	void aScopeCodeThatIsNoProvinceOnTheFirstDayIsImportedWithANote() throws IOException {
		// given Lạng Sơn (20) and Thanh Hóa (38) are provinces until 2025-06-30; 99 never was
		Path file = write("conferences.csv", HEADER,
				"A,Hội nghị A,2023-12-04,2023-12-04,2023-12-20,20|99|38",
				"B,Hội nghị B,2025-07-15,2025-07-15,2025-07-30,20|38",
				"C,Hội nghị C,2023-12-04,2023-12-04,2023-12-20,20|38");

		// when
		ImportReport report = this.importer.importFile(file);

		// then
		assertThat(report.added()).isEqualTo(3);
		assertThat(report.problems()).isEmpty();
		assertThat(report.notes()).containsExactly(
				"line 2: imported, but scope 99 is no province on 2023-12-04 in the unit tree: no unit of it is expected until it is imported",
				"line 3: imported, but scope 20|38 are no province on 2025-07-15 in the unit tree: no unit of them is expected until they are imported");
		assertThat(report.lines()).containsExactlyElementsOf(report.notes());
	}

	@Test
	void aCodeRenamedLeavesTheFormerConferenceAndTheSharedTitleIsNoted() throws IOException {
		// given a conference already imported
		this.importer.importFile(write("first.csv", HEADER, "NQDH13,Học tập Nghị quyết Đại hội XIII,2021-03-27,2021-03-28,2021-04-10,all"));

		// when its code is changed in the file and imported again
		ImportReport report = this.importer.importFile(write("renamed.csv", HEADER,
				"NQ-DH13,Học tập Nghị quyết Đại hội XIII,2021-03-27,2021-03-28,2021-04-10,all"));

		// then both stand, and the import says that a file naming either by its title will be rejected
		assertThat(report.added()).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.conference ORDER BY code", String.class))
			.containsExactly("NQ-DH13", "NQDH13");
		assertThat(report.notes()).containsExactly("line 2: imported, but its title is also that of NQDH13: a file "
				+ "naming the conference by this title matches both and is rejected (conference-ambiguous) until one "
				+ "title differs; files write the code");
	}

	@Test
	void aRowLeftEmptyAsExcelSavesItIsPassedOverAsAnEmptyLineIs() throws IOException {
		// given a CSV saved by Excel from a sheet with an empty row between two conferences, and a
		// row whose cells hold only spaces
		Path file = write("conferences.csv", HEADER, "A,Hội nghị A,2021-03-27,2021-03-28,2021-04-10,all", ",,,,,",
				"", " , ,\u00a0, , , ", "B,Hội nghị B,2021-03-27,2021-03-28,2021-04-10,all");

		// when
		ImportReport report = this.importer.importFile(file);

		// then no line is said to be skipped for a missing code
		assertThat(report.problems()).isEmpty();
		assertThat(report.added()).isEqualTo(2);
	}

	@Test
	void aFileWithoutTheConferenceColumnsIsAnError() throws IOException {
		// given
		Path file = write("units.csv", "code,name,parent_code,kind,valid_from,valid_to,aliases", "01,Hà Nội,,province,,,");

		// when / then
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.importer.importFile(file))
			.withMessageContaining("is not a conferences CSV (columns code,title,start_date,end_date,deadline,scope)");
	}

	private Path write(String name, String... lines) throws IOException {
		return Files.writeString(this.dir.resolve(name), String.join("\n", lines) + "\n");
	}

}
