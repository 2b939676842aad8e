package vn.tonghop.units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UnitImporterTests {

	private static final String HEADER = "code,name,parent_code,kind,valid_from,valid_to,aliases";

	private static final String OFFICE_HEADER = "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh";

	private final UnitImporter importer;

	private final JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@Autowired
	UnitImporterTests(UnitImporter importer, JdbcTemplate jdbc) {
		this.importer = importer;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void emptyTree() {
		this.jdbc.update("DELETE FROM tonghop.unit");
	}

	@Test
	void anImportWaitsForAnotherInstancesImportAndThenSeesItsUnits() throws Exception {
		// given another instance in the middle of importing the same file: lock held, unit written
		Path file = write("units.csv", HEADER, "01,Thành phố Hà Nội,,province,,,");
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(this.jdbc.getDataSource());
		TransactionStatus other = transactions.getTransaction(TransactionDefinition.withDefaults());
		ReferenceLock.hold(this.jdbc);
		this.jdbc.update("INSERT INTO tonghop.unit (code, name, kind, source) VALUES ('01', 'Thành phố Hà Nội', 'province', 'csv')");

		// when this one imports meanwhile
		CompletableFuture<ImportReport> ours = CompletableFuture.supplyAsync(() -> {
			try {
				return this.importer.importFile(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});

		// then it waits, and once the other commits it finds the unit there instead of adding it twice
		assertThat(ours).failsWithin(Duration.ofMillis(500)).withThrowableOfType(TimeoutException.class);
		transactions.commit(other);
		assertThat(ours.get(30, TimeUnit.SECONDS).summary()).contains("0 added");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.unit", Integer.class)).isOne();
	}

	@Test
	void unitsCsvReportsAddedThenUnchangedThenChanged() throws IOException {
		// given
		Path first = write("units.csv", HEADER,
				"01,Thành phố Hà Nội,,province,,,",
				"004,Quận Long Biên,01,district,,,Q. Long Biên|Long Biên",
				"LB-CA,Đảng ủy Công an quận Long Biên,004,grassroots,2020-01-01,,");
		Path changed = write("units-2.csv", HEADER,
				"01,Thành phố Hà Nội,,province,,,",
				"004,Quận Long Biên,01,district,,2025-06-30,Q. Long Biên|Long Biên",
				"LB-CA,Đảng ủy Công an quận Long Biên,004,grassroots,2020-01-01,,",
				"LB-BV,Đảng ủy Bệnh viện đa khoa Đức Giang,004,grassroots,2020-01-01,,");

		// when
		ImportReport added = this.importer.importFile(first);
		ImportReport again = this.importer.importFile(first);
		ImportReport third = this.importer.importFile(changed);

		// then
		assertThat(added).isEqualTo(new ImportReport(3, 0, 0, List.of()));
		assertThat(again).isEqualTo(new ImportReport(0, 0, 3, List.of()));
		assertThat(third).isEqualTo(new ImportReport(1, 1, 2, List.of()));
		assertThat(added.summary()).isEqualTo("3 added, 0 changed, 0 unchanged");
		Map<String, Object> district = this.jdbc.queryForMap(
				"SELECT name, kind, parent_code, valid_from, valid_to, array_to_string(aliases, '|') AS aliases, source "
						+ "FROM tonghop.unit WHERE code = '004'");
		assertThat(district).containsEntry("name", "Quận Long Biên")
			.containsEntry("kind", "district")
			.containsEntry("parent_code", "01")
			.containsEntry("valid_from", null)
			.containsEntry("valid_to", java.sql.Date.valueOf("2025-06-30"))
			.containsEntry("aliases", "Q. Long Biên|Long Biên")
			.containsEntry("source", "units-csv");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.unit", Integer.class)).isEqualTo(4);
	}

	@Test
	void aCodeReusedAfterADateIsASecondUnit() throws IOException {
		// given
		Path file = write("units.csv", HEADER,
				"15,Tỉnh Yên Bái,,province,,2025-06-30,",
				"15,Tỉnh Lào Cai,,province,2025-07-01,,");

		// when
		ImportReport report = this.importer.importFile(file);

		// then
		assertThat(report).isEqualTo(new ImportReport(2, 0, 0, List.of()));
		assertThat(this.jdbc.queryForList("SELECT name FROM tonghop.unit WHERE code = '15' ORDER BY valid_from NULLS FIRST",
				String.class))
			.containsExactly("Tỉnh Yên Bái", "Tỉnh Lào Cai");
	}

	@Test
	void aQuoteNeverClosedRefusesTheFileRatherThanSwallowingTheUnitsAfterIt() throws IOException {
		// given
		Path file = write("units.csv", HEADER, "01,Thành phố Hà Nội,,province,,,", "004,\"Quận Long Biên,01,district,,,",
				"005,Quận Cầu Giấy,01,district,,,");

		// then
		assertThatThrownBy(() -> this.importer.importFile(file)).isInstanceOf(IOException.class)
			.hasMessageContaining("is not a readable CSV file");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.unit", Integer.class)).isZero();
	}

	@Test
	void aFileWithBomAndCrlfAndAParentAfterItsChildImports() throws IOException {
		// given a file saved by Excel on Windows: BOM, CRLF, a unit listed before its parent
		Path file = Files.writeString(this.dir.resolve("units.csv"), "\uFEFF" + String.join("\r\n", HEADER,
				"LB-CA,Đảng ủy Công an quận Long Biên,004,grassroots,,,",
				"004,Quận Long Biên,01,district,,,",
				"01,Thành phố Hà Nội,,province,,,") + "\r\n");

		// when
		ImportReport report = this.importer.importFile(file);

		// then
		assertThat(report).isEqualTo(new ImportReport(3, 0, 0, List.of()));
		assertThat(this.jdbc.queryForList("SELECT code || '|' || name || '|' || coalesce(parent_code, '') FROM tonghop.unit "
				+ "ORDER BY code", String.class))
			.containsExactly("004|Quận Long Biên|01", "01|Thành phố Hà Nội|", "LB-CA|Đảng ủy Công an quận Long Biên|004");
	}

	@Test
	void aCodeWrittenInAnotherCaseIsTheSameUnitNotASecondOne() throws IOException {
		// given a parent code and a repeated code typed in lower case, as codes match everywhere else
		Path file = write("units.csv", HEADER,
				"01,Thành phố Hà Nội,,province,,,",
				"004,Quận Long Biên,01,district,,,",
				"LB-CA,Đảng ủy Công an quận Long Biên,004,grassroots,,,",
				"LB-CA-1,Chi bộ 1,lb-ca,cell,,,",
				"lb-ca,Đảng ủy Công an quận Long Biên (again),004,grassroots,,,");

		// when
		ImportReport report = this.importer.importFile(file);

		// then one LB-CA, the parent found whatever its case and stored as the tree writes it
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.unit WHERE upper(code) = 'LB-CA'", String.class))
			.containsExactly("LB-CA");
		assertThat(this.jdbc.queryForObject("SELECT parent_code FROM tonghop.unit WHERE code = 'LB-CA-1'", String.class))
			.isEqualTo("LB-CA");
		assertThat(report.problems()).hasSize(1).allMatch(problem -> problem.startsWith("line 6: "));
	}

	@Test
	void badLinesAreListedWithTheirNumberAndTheRestImports() throws IOException {
		// given
		Path file = write("units.csv", HEADER,
				"01,Thành phố Hà Nội,,province,,,",
				"004,Quận Long Biên,01,ward,,,",
				"005,Quận Cầu Giấy,01,district,2021-13-01,,",
				",Quận Tây Hồ,01,district,,,",
				"007,,01,district,,,",
				"008,Quận Hoàng Mai,01,district,,,,extra",
				"009,Quận Thanh Xuân,99,district,,,",
				"010,Huyện Sóc Sơn,,district,,,",
				"011,Huyện Đông Anh,01,district,2025-01-01,2024-01-01,",
				"01,Thành phố Hà Nội (again),,province,,,",
				"012,Huyện Gia Lâm,01,district,,,",
				"012,Huyện Gia Lâm mới,01,district,2020-01-01,,",
				"013,Huyện Thanh Trì,01,district,,,");

		// when
		ImportReport report = this.importer.importFile(file);

		// then
		assertThat(report.added()).isEqualTo(3);
		// in the file's order, though the tree's checks come after each line's own
		assertThat(report.problems()).containsExactly(
				"line 3: kind 'ward' is not one of province, district, grassroots, cell",
				"line 4: valid_from '2021-13-01' is not a date (yyyy-MM-dd or dd/MM/yyyy)",
				"line 5: code is missing",
				"line 6: name is missing",
				"line 7: 8 fields where the header has 7",
				"line 8: parent_code 99 is not a known unit",
				"line 9: parent_code is missing",
				"line 10: valid_from 2025-01-01 is after valid_to 2024-01-01",
				"line 11: 01 valid from the start is already on line 2",
				"line 13: 012 (2020-01-01 to open) overlaps Huyện Gia Lâm (open to open)");
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.unit ORDER BY code", String.class))
			.containsExactly("01", "012", "013");
	}

	@Test
	void unitsWhoseParentsLeadBackToThemAreListedAndNotImported() throws IOException {
		// given two districts each under the other, a commune under itself, and a sound district
		Path file = write("units.csv", HEADER,
				"01,Thành phố Hà Nội,,province,,,",
				"Z8,Quận Tám,Z9,district,,,",
				"Z9,Quận Chín,Z8,district,,,",
				"Z7,Phường Bảy,Z7,grassroots,,,",
				"004,Quận Long Biên,01,district,,,");

		// when
		ImportReport report = this.importer.importFile(file);

		// then none of them would have belonged to a province
		assertThat(report.problems()).containsExactlyInAnyOrder(
				"line 3: parent_code Z9 leads back to Z8 (Z8 → Z9 → Z8): the unit would be in no province",
				"line 4: parent_code Z8 leads back to Z9 (Z9 → Z8 → Z9): the unit would be in no province",
				"line 5: parent_code Z7 leads back to Z7 (Z7 → Z7): the unit would be in no province");
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.unit ORDER BY code", String.class))
			.containsExactly("004", "01");
	}

	@Test
	void aParentMovedUnderItsChildByALaterPeriodIsACycleOnlyThen() throws IOException {
		// given a district that a later version puts under its own commune
		Path file = write("units.csv", HEADER,
				"01,Thành phố Hà Nội,,province,,,",
				"004,Quận Long Biên,01,district,,2024-12-31,",
				"00001,Phường Một,004,grassroots,,,",
				"004,Quận Long Biên,00001,district,2025-01-01,,");

		// when
		ImportReport report = this.importer.importFile(file);

		// then
		assertThat(report.problems()).containsExactly(
				"line 5: parent_code 00001 leads back to 004 (004 → 00001 → 004): the unit would be in no province");
		assertThat(this.jdbc.queryForList("SELECT code || ' ' || parent_code FROM tonghop.unit WHERE parent_code IS NOT NULL "
				+ "ORDER BY code", String.class)).containsExactly("00001 004", "004 01");
	}

	@Test
	void statisticsOfficeExportMakesProvincesDistrictsAndCommunesValidUntilTheReform() throws IOException {
		// given: a BOM, provinces and districts repeated per commune, an island district without
		// communes, a decomposed name
		Path file = write("Xa.csv", "\uFEFF" + OFFICE_HEADER,
				"Thành phố Hải Phòng,31,Quận Hồng Bàng,303,Phường Quán Toan,11299,Phường,",
				"Thành phố Hải Phòng,31,Quận Hồng Bàng,303,Phường Hùng Vương,11302,Phường,",
				"Thành phố Hải Phòng,31,Huyện Bạch Long Vĩ,318,,,Huyện,",
				"Tỉnh Thanh Hóa,38,Thành phố Thanh Hóa,380," + Normalizer.normalize("Phường Đông Thọ", Normalizer.Form.NFD)
						+ ",14758,Phường,",
				"Tỉnh Thanh Hóa,38,Huyện Bá Thước,386,Thị trấn Cành Nàng,14995,Thị trấn,",
				"Tỉnh Thanh Hóa,38,Huyện Bá Thước,386,Xã Điền Thượng,14998,Xã,Dien Thuong Commune");

		// when
		ImportReport report = this.importer.importFile(file);

		// then
		assertThat(report).isEqualTo(new ImportReport(11, 0, 0, List.of()));
		assertThat(this.jdbc.queryForList("SELECT code || ' ' || kind || ' ' || coalesce(parent_code, '-') || ' ' || name "
				+ "FROM tonghop.unit ORDER BY code", String.class))
			.containsExactly("11299 grassroots 303 Phường Quán Toan", "11302 grassroots 303 Phường Hùng Vương",
					"14758 grassroots 380 Phường Đông Thọ", "14995 grassroots 386 Thị trấn Cành Nàng",
					"14998 grassroots 386 Xã Điền Thượng", "303 district 31 Quận Hồng Bàng",
					"31 province - Thành phố Hải Phòng", "318 district 31 Huyện Bạch Long Vĩ",
					"38 province - Tỉnh Thanh Hóa", "380 district 38 Thành phố Thanh Hóa",
					"386 district 38 Huyện Bá Thước");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT coalesce(valid_from::text, '-') || ' ' || valid_to || ' ' || source "
				+ "FROM tonghop.unit", String.class))
			.containsExactly("- 2025-06-30 statistics-office");
		assertThat(this.importer.importFile(file)).isEqualTo(new ImportReport(0, 0, 11, List.of()));
	}

	// Opened in Excel and saved again, the list's codes are numbers: 01 becomes 1, 004 becomes 4.
	@Test
	void officeCodesThatLostTheirLeadingZerosInExcelGetThemBack() throws IOException {
		// given the list saved from Excel on a Vietnamese computer
		Path file = write("Xa.csv", OFFICE_HEADER.replace(',', ';'),
				"Thành phố Hà Nội;1;Quận Long Biên;4;Phường Ngọc Thụy;127;Phường;",
				"Tỉnh Thanh Hóa;38;Thành phố Thanh Hóa;380;Phường Đông Thọ;14758;Phường;");

		// when
		ImportReport report = this.importer.importFile(file);

		// then the codes are the office's, two digits for a province, three for a district, five for a commune
		assertThat(report.problems()).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT code || ' ' || coalesce(parent_code, '-') FROM tonghop.unit ORDER BY code",
				String.class))
			.containsExactly("00127 004", "004 01", "01 -", "14758 380", "38 -", "380 38");
	}

	// Edited in Excel and saved again, the units CSV's codes are numbers too: 004 becomes 4, 01 becomes 1.
	@Test
	void unitsCsvCodesThatLostTheirLeadingZerosAreSkippedNamingTheUnitTheyStandFor() throws IOException {
		// given 01 and 004 in the tree
		this.importer.importFile(write("units.csv", HEADER, "01,Thành phố Hà Nội,,province,,,",
				"004,Quận Long Biên,01,district,,2025-06-30,"));

		// when the file comes back from Excel with an alias added to 004 and a commune under it
		ImportReport report = this.importer.importFile(write("units-excel.csv", HEADER,
				"1,Thành phố Hà Nội,,province,,,",
				"4,Quận Long Biên,1,district,,2025-06-30,Quận ủy LB",
				"115,Phường Thượng Thanh,4,grassroots,,2025-06-30,"));

		// then no unit 1, 4 or 115 beside 01 and 004, each line naming the code it stands for
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.unit ORDER BY code", String.class))
			.containsExactly("004", "01");
		assertThat(report.problems()).containsExactly(
				"line 2: code 1 is not a unit's code, but 01 is: a spreadsheet drops the leading zeros of a code typed "
						+ "as a number; write 01 (the column formatted as text)",
				"line 3: code 4 is not a unit's code, but 004 is: a spreadsheet drops the leading zeros of a code typed "
						+ "as a number; write 004 (the column formatted as text)",
				"line 4: parent_code 4 is not a unit's code, but 004 is: a spreadsheet drops the leading zeros of a code "
						+ "typed as a number; write 004 (the column formatted as text)");
	}

	@Test
	void statisticsOfficeImportKeepsAliasesGivenInTheUnitsCsv() throws IOException {
		// given
		Path office = write("Xa.csv", OFFICE_HEADER,
				"Thành phố Hà Nội,01,Quận Long Biên,004,Phường Ngọc Thụy,00127,Phường,");
		this.importer.importFile(office);
		this.importer.importFile(write("aliases.csv", HEADER,
				"004,Quận Long Biên,01,district,,2025-06-30,Long Biên district"));

		// when
		ImportReport report = this.importer.importFile(office);

		// then
		assertThat(report).isEqualTo(new ImportReport(0, 0, 3, List.of()));
		assertThat(this.jdbc.queryForObject("SELECT aliases[1] FROM tonghop.unit WHERE code = '004'", String.class))
			.isEqualTo("Long Biên district");
	}

	@Test
	void aNewerOfficeListRenamingAUnitKeepsTheFormerNameForTheFilesThatUseIt() throws IOException {
		// given the list of one year, and a later one where the town has become a city
		this.importer.importFile(write("Xa-2021.csv", OFFICE_HEADER,
				"Tỉnh Thanh Hóa,38,Thị xã Bỉm Sơn,381,Phường Ba Đình,14845,Phường,"));
		Path newer = write("Xa-2025.csv", OFFICE_HEADER,
				"Tỉnh Thanh Hóa,38,Thành phố Bỉm Sơn,381,Phường Ba Đình,14845,Phường,");

		// when
		ImportReport report = this.importer.importFile(newer);

		// then the unit has its new name, and a file of before naming it the old way still finds it
		assertThat(report).isEqualTo(new ImportReport(0, 1, 2, List.of()));
		UnitDirectory directory = UnitDirectory.load(this.jdbc);
		LocalDate conference = LocalDate.of(2021, 3, 27);
		assertThat(directory.byCode("381", conference)).map(Unit::name).hasValue("Thành phố Bỉm Sơn");
		assertThat(directory.resolve("Thị ủy Bỉm Sơn", conference, null).unit()).extracting(Unit::code).isEqualTo("381");
		assertThat(directory.resolve("Thành ủy Bỉm Sơn", conference, null).unit()).extracting(Unit::code).isEqualTo("381");
		assertThat(this.importer.importFile(newer)).isEqualTo(new ImportReport(0, 0, 3, List.of()));
	}

	@Test
	void aNewerOfficeListWithoutAUnitKeepsItAndSaysSo() throws IOException {
		// given the list of one year
		this.importer.importFile(write("Xa-2021.csv", OFFICE_HEADER,
				"Thành phố Hà Nội,01,Quận Long Biên,004,Phường Sài Đồng,00142,Phường,",
				"Thành phố Hà Nội,01,Quận Long Biên,004,Phường Phúc Đồng,00151,Phường,",
				"Tỉnh Thanh Hóa,38,Thị xã Bỉm Sơn,381,Phường Ba Đình,14845,Phường,"));

		// when a later list of Hà Nội no longer has Sài Đồng, merged meanwhile
		ImportReport report = this.importer.importFile(write("Xa-2025-ha-noi.csv", OFFICE_HEADER,
				"Thành phố Hà Nội,01,Quận Long Biên,004,Phường Phúc Đồng,00151,Phường,"));

		// then the ward stays for the files of before, and the import says so; Thanh Hóa, not in the file, is not named
		assertThat(report).isEqualTo(new ImportReport(0, 0, 3, List.of(), List.of(
				"grassroots 00142 Phường Sài Đồng (under 004) of an earlier statistics office list is not in this one: "
						+ "kept as it was, valid to 2025-06-30; if it has ended, give its last day as valid_to in a units CSV")));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.unit", Integer.class)).isEqualTo(7);
	}

	@Test
	void officeLinesThatContradictEarlierLinesAreProblems() throws IOException {
		// given
		Path file = write("Xa.csv", OFFICE_HEADER,
				"Thành phố Hà Nội,01,Quận Long Biên,004,Phường Ngọc Thụy,00127,Phường,",
				"Thành phố Hà Nội,01,Quận Long Biên,004,Phường Gia Thụy,,Phường,",
				"Thành phố Hà Nội,01,Quận Gia Lâm,004,Phường Thạch Bàn,00133,Phường,");

		// when
		ImportReport report = this.importer.importFile(file);

		// then
		assertThat(report.added()).isEqualTo(3);
		assertThat(report.problems()).containsExactly("line 3: Mã PX is missing",
				"line 4: district 004 is 'Quận Gia Lâm' under 01 here but 'Quận Long Biên' under 01 on line 2");
	}

	@Test
	void aFileInNeitherFormatIsAnError() throws IOException {
		// given
		Path file = write("other.csv", "Mã,Tên", "01,Hà Nội");

		// when / then
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.importer.importFile(file))
			.withMessageContaining("is neither the statistics office's commune list")
			.withMessageContaining("code,name,parent_code,kind,valid_from,valid_to,aliases");
	}

	@Test
	void aFileInALegacyEncodingIsAnError() throws IOException {
		// given
		Path file = this.dir.resolve("units.csv");
		Files.writeString(file, HEADER + "\n01,Hà Nam,,province,,,\n", Charset.forName("windows-1258"));

		// when / then
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.importer.importFile(file))
			.withMessageContaining("is not UTF-8 text");
	}

	@Test
	void theStatisticsOfficeListImportsWholeAndAgainUnchanged() throws IOException {
		// given
		Path file = Path.of("..", "shared", "reference", "vn-units", "communes-pre-2025-07.csv");
		assumeTrue(Files.exists(file), () -> "no reference file " + file.toAbsolutePath());

		// when
		ImportReport first = this.importer.importFile(file);
		ImportReport second = this.importer.importFile(file);

		// then
		assertThat(first.problems()).isEmpty();
		assertThat(this.jdbc.queryForMap("SELECT count(*) FILTER (WHERE kind = 'province') AS provinces, "
				+ "count(*) FILTER (WHERE kind = 'district') AS districts, "
				+ "count(*) FILTER (WHERE kind = 'grassroots') AS communes FROM tonghop.unit"))
			.containsEntry("provinces", 63L)
			.containsEntry("districts", 696L)
			.containsEntry("communes", 10_051L);
		assertThat(first.added()).isEqualTo(63 + 696 + 10_051);
		assertThat(second).isEqualTo(new ImportReport(0, 0, 63 + 696 + 10_051, List.of()));
		UnitDirectory directory = UnitDirectory.load(this.jdbc);
		Unit island = directory.byCode("318", LocalDate.of(2021, 3, 27)).orElseThrow();
		assertThat(island.name()).isEqualTo("Huyện Bạch Long Vĩ");
		assertThat(directory.province(island, LocalDate.of(2021, 3, 27))).map(Unit::name).hasValue("Thành phố Hải Phòng");
	}

	private Path write(String name, String... lines) throws IOException {
		return Files.writeString(this.dir.resolve(name), String.join("\n", lines) + "\n");
	}

}
