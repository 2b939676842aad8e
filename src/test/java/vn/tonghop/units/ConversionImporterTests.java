package vn.tonghop.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.tonghop.units.ConversionTableTests.COLUMN_ROW;
import static vn.tonghop.units.ConversionTableTests.GROUP_ROW;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConversionImporterTests {

	private static final Path REFERENCE = Path.of("..", "shared", "reference", "vn-units");

	private static final String BA_DINH = "Thành phố Hà Nội (01),Phường Ba Đình,00004,";

	private static final String IN_BA_DINH = ",Quận Ba Đình (001),Thành phố Hà Nội (01),";

	private final UnitFiles files;

	private final JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@Autowired
	ConversionImporterTests(UnitFiles files, JdbcTemplate jdbc) {
		this.files = files;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void emptyTreeAndTable() {
		this.jdbc.update("DELETE FROM tonghop.unit_conversion");
		this.jdbc.update("DELETE FROM tonghop.unit");
	}

	@Test
	void theOfficialTableImportsWholeAndAgainUnchanged() throws IOException {
		// given the pre-reform list, then the conversion table, as an administrator imports them
		Path communes = REFERENCE.resolve("communes-pre-2025-07.csv");
		Path conversion = REFERENCE.resolve("conversion-2025-07.csv");
		assumeTrue(Files.exists(conversion), () -> "no reference file " + conversion.toAbsolutePath());
		this.files.importFile(communes);

		// when
		ConversionReport first = (ConversionReport) this.files.importFile(conversion);
		ConversionReport second = (ConversionReport) this.files.importFile(conversion);

		// then: 34 provinces and 3,321 communes from 1 July 2025, 10,571 links
		assertThat(first.units()).isEqualTo(new ImportReport(34 + 3_321, 0, 0, List.of()));
		assertThat(first.links()).isEqualTo(new ImportReport(10_571, 0, 0, List.of()));
		assertThat(first.linksRemoved()).isZero();
		assertThat(this.jdbc.queryForMap("""
				SELECT count(*) FILTER (WHERE kind = 'province') AS provinces,
				       count(*) FILTER (WHERE kind = 'grassroots') AS communes,
				       count(*) FILTER (WHERE source <> 'conversion-table') AS other
				FROM tonghop.unit WHERE valid_from = DATE '2025-07-01' AND valid_to IS NULL"""))
			.containsEntry("provinces", 34L)
			.containsEntry("communes", 3_321L)
			.containsEntry("other", 0L);
		assertThat(this.jdbc.queryForMap("""
				SELECT count(*) AS links,
				       count(*) FILTER (WHERE share = 'partial') AS partial,
				       count(*) FILTER (WHERE whole_population) AS whole_population,
				       count(*) FILTER (WHERE old_kind = 'district') AS district_links,
				       count(DISTINCT old_code) FILTER (WHERE old_kind = 'grassroots') AS old_communes,
				       count(DISTINCT (old_valid_to, new_valid_from)) AS reforms
				FROM tonghop.unit_conversion"""))
			.containsEntry("links", 10_571L)
			.containsEntry("partial", 970L)
			.containsEntry("whole_population", 58L)
			.containsEntry("district_links", 6L)
			.containsEntry("old_communes", 10_033L)
			.containsEntry("reforms", 1L);
		assertThat(first.skipped()).hasSize(2 + 34)
			.startsWith("line 1: group header row (new structure from 2025-07-01)", "line 2: column header row",
					"line 3: province section row 'THÀNH PHỐ HÀ NỘI'");
		assertThat(first.notes()).containsExactly(
				"line 426: old commune 00553 is 'Xã Đặng Xá' here but 'Xã Cổ Bi' on line 98; kept as written",
				"line 912: old commune 01615 is 'Xã Mỹ Hưng' here but 'Xã Hồng Quang' on line 909; kept as written",
				"line 1260: old commune 02485 is 'Xã Phú Thịnh' here but 'Xã Công Đa' on line 1253; kept as written",
				"line 3969: no old commune: district 318 Huyện Bạch Long Vĩ itself is linked to 11948",
				"line 4749: 'Khu vực bãi bồi ven biển do huyện Kim Sơn quản lý' has no code: linked as part of district 376 "
						+ "Huyện Kim Sơn",
				"line 6212: no old commune: district 471 Huyện Cồn Cỏ itself is linked to 19742",
				"line 6747: no old commune: district 498 Huyện Hoàng Sa itself is linked to 20333",
				"line 7028: no old commune: district 536 Huyện Lý Sơn itself is linked to 21548",
				"line 9495: no old commune: district 755 Huyện Côn Đảo itself is linked to 26732",
				"line 9532: district 794 is under old province 82 here but 80 on line 9531; kept as written",
				"line 10652: district 900 is under old province 89 here but 91 on line 10519; kept as written");
		assertThat(second.units()).isEqualTo(new ImportReport(0, 0, 34 + 3_321, List.of()));
		assertThat(second.links()).isEqualTo(new ImportReport(0, 0, 10_571, List.of()));
		assertThat(second.summary()).isEqualTo("conversion table of the reform of 2025-07-01: units 0 added, 0 changed, "
				+ "3355 unchanged; links 0 added, 0 changed, 10571 unchanged, 0 removed; 36 lines skipped, 11 notes");
	}

	@Test
	void theOfficialTableRollsEveryOldUnitUpOnOneNewUnit() throws IOException {
		// given
		Path communes = REFERENCE.resolve("communes-pre-2025-07.csv");
		Path conversion = REFERENCE.resolve("conversion-2025-07.csv");
		assumeTrue(Files.exists(conversion), () -> "no reference file " + conversion.toAbsolutePath());
		this.files.importFile(communes);

		// when
		this.files.importFile(conversion);

		// then each old commune counts once; partly merged ones by the documented rule
		assertThat(this.jdbc.queryForList("SELECT rule || ' ' || count(*) FROM warehouse.reform_successor "
				+ "WHERE old_kind = 'grassroots' GROUP BY rule ORDER BY rule", String.class))
			.containsExactly("kept_code 118", "lowest_code 263", "whole 9594", "whole_population 58");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.reform_link WHERE counts", Long.class))
			.isEqualTo(10_033L + 6);
		// the 63 old provinces and 696 districts land in today's 34 provinces, codes with their dates
		assertThat(this.jdbc.queryForMap("""
				SELECT count(*) FILTER (WHERE old_kind = 'province') AS provinces,
				       count(*) FILTER (WHERE old_kind = 'district') AS districts,
				       count(DISTINCT new_province_code) AS today
				FROM warehouse.reform_successor"""))
			.containsEntry("provinces", 63L)
			.containsEntry("districts", 696L)
			.containsEntry("today", 34L);
		assertThat(this.jdbc.queryForList("""
				SELECT old_kind || ' ' || old_code || ' ' || old_name || ' -> ' || new_province_code || ' '
				       || new_province_name || coalesce(' / ' || new_code || ' ' || new_name, '') || ' (' || rule || ')'
				FROM warehouse.reform_successor
				WHERE (old_kind, old_code) IN (('province', '15'), ('province', '10'), ('province', '45'),
				      ('province', '82'), ('district', '318'), ('district', '794'), ('grassroots', '06799'),
				      ('grassroots', '06886'), ('grassroots', '01615'))
				ORDER BY old_kind, old_code""", String.class))
			.containsExactly("district 318 Huyện Bạch Long Vĩ -> 31 Thành phố Hải Phòng (most_units)",
					"district 794 Thành phố Tân An -> 80 Tỉnh Tây Ninh (most_units)",
					"grassroots 01615 Xã Hồng Quang -> 04 Tỉnh Cao Bằng / 01636 Xã Bế Văn Đàn (whole)",
					"grassroots 06799 Xã Hải Hòa -> 22 Tỉnh Quảng Ninh / 06886 Xã Hải Lạng (whole_population)",
					"grassroots 06886 Xã Hải Lạng -> 22 Tỉnh Quảng Ninh / 06886 Xã Hải Lạng (kept_code)",
					"province 10 Tỉnh Lào Cai -> 15 Tỉnh Lào Cai (most_units)",
					"province 15 Tỉnh Yên Bái -> 15 Tỉnh Lào Cai (most_units)",
					"province 45 Tỉnh Quảng Trị -> 44 Tỉnh Quảng Trị (most_units)",
					"province 82 Tỉnh Tiền Giang -> 82 Tỉnh Đồng Tháp (most_units)");
		// only Tiền Giang is split, by the table's one line that puts Tân An under it: most units decide
		assertThat(this.jdbc.queryForList("SELECT old_code || ' ' || units_received || '/' || units_total "
				+ "FROM warehouse.reform_successor WHERE units_received < units_total", String.class))
			.containsExactly("82 164/165");
	}

	@Test
	void theNewUnitsAreThoseOfTheOtherPublishedList() throws IOException {
		// given the wards and provinces of units-post-2025-07.sql, parsed (never executed)
		Path conversion = REFERENCE.resolve("conversion-2025-07.csv");
		Path sql = REFERENCE.resolve("units-post-2025-07.sql");
		assumeTrue(Files.exists(conversion) && Files.exists(sql), () -> "no reference files in " + REFERENCE);
		Set<String> published = new HashSet<>();
		Matcher ward = Pattern.compile("\\('(\\d{5})','(?:[^']|'')*','(?:[^']|'')*','(?:[^']|'')*','(?:[^']|'')*',"
				+ "'(?:[^']|'')*','(\\d{2})',\\d+\\)")
			.matcher(Files.readString(sql));
		while (ward.find()) {
			published.add(ward.group(1) + " " + ward.group(2));
		}

		// when
		this.files.importFile(conversion);

		// then the two lists agree on all but one commune: the table codes Xã Ba Chẽ 06970 (the code
		// of the old town it absorbed), the other list 06978
		Set<String> imported = new HashSet<>(this.jdbc.queryForList("SELECT code || ' ' || parent_code FROM tonghop.unit "
				+ "WHERE kind = 'grassroots' AND valid_from = DATE '2025-07-01'", String.class));
		assertThat(published).hasSize(3_321);
		assertThat(imported).hasSize(3_321);
		Set<String> onlyImported = new HashSet<>(imported);
		onlyImported.removeAll(published);
		Set<String> onlyPublished = new HashSet<>(published);
		onlyPublished.removeAll(imported);
		assertThat(onlyImported).containsExactly("06970 22");
		assertThat(onlyPublished).containsExactly("06978 22");
	}

	@Test
	void aChangedTableReportsAddedChangedUnchangedAndRemovedLinks() throws IOException {
		// given
		Path first = write(GROUP_ROW, COLUMN_ROW, "THÀNH PHỐ HÀ NỘI  ,,,,,,,,",
				BA_DINH + "Phường Trúc Bạch,00004,Nhập toàn bộ" + IN_BA_DINH,
				BA_DINH + "Phường Quán Thánh,00013,Nhập toàn bộ" + IN_BA_DINH,
				BA_DINH + "Phường Ngọc Hà,00016,Nhập một phần" + IN_BA_DINH);
		Path corrected = write(GROUP_ROW, COLUMN_ROW, "THÀNH PHỐ HÀ NỘI  ,,,,,,,,",
				BA_DINH + "Phường Trúc Bạch,00004,Nhập toàn bộ" + IN_BA_DINH,
				BA_DINH + "Phường Ngọc Hà,00016,\"Nhập một phần diện tích, toàn bộ dân số\"" + IN_BA_DINH,
				BA_DINH + "Phường Điện Biên,00019,Nhập một phần" + IN_BA_DINH,
				"Thành phố Hà Nội (01),Phường Ngọc Hà,00008,Phường Ngọc Hà,00016,Nhập một phần" + IN_BA_DINH);
		this.files.importFile(first);

		// when
		ConversionReport report = (ConversionReport) this.files.importFile(corrected);

		// then
		assertThat(report.units()).isEqualTo(new ImportReport(1, 0, 2, List.of()));
		assertThat(report.links()).isEqualTo(new ImportReport(2, 1, 1, List.of()));
		assertThat(report.linksRemoved()).isOne();
		assertThat(report.summary()).isEqualTo("conversion table of the reform of 2025-07-01: units 1 added, 0 changed, "
				+ "2 unchanged; links 2 added, 1 changed, 1 unchanged, 1 removed; 3 lines skipped, 0 notes");
		assertThat(this.jdbc.queryForList("SELECT old_code || '>' || new_code || ' ' || share || ' ' || whole_population "
				+ "|| ' ' || counts FROM warehouse.reform_link ORDER BY old_code, new_code", String.class))
			.containsExactly("00004>00004 whole false true", "00016>00004 partial true true",
					"00016>00008 partial false false", "00019>00004 partial false true");
	}

	@Test
	void newUnitsOverlappingTheTreeAreReportedAndTheirLinksKept() throws IOException {
		// given a units CSV that left Hà Nội open-ended: code 01 then names it on 1 July 2025 as well
		this.files.importFile(write("code,name,parent_code,kind,valid_from,valid_to,aliases",
				"01,Thành phố Hà Nội,,province,,,Hà Nội"));
		Path table = write(GROUP_ROW, COLUMN_ROW, BA_DINH + "Phường Trúc Bạch,00004,Nhập toàn bộ" + IN_BA_DINH);

		// when
		ConversionReport report = (ConversionReport) this.files.importFile(table);

		// then
		assertThat(report.units()).isEqualTo(new ImportReport(1, 0, 0,
				List.of("line 3: 01 (2025-07-01 to open) overlaps Thành phố Hà Nội (open to open)")));
		assertThat(report.links().added()).isOne();
		assertThat(report.lines()).endsWith("line 3: 01 (2025-07-01 to open) overlaps Thành phố Hà Nội (open to open)");
	}

	@Test
	void aFileInNoUnitFormatNamesAllThree() throws IOException {
		// given
		Path file = write("Mã,Tên", "01,Hà Nội");

		// when / then
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.files.importFile(file))
			.withMessageContaining("nor a reform's conversion table (columns Mã Xã mới and Mã Xã cũ");
	}

	private Path write(String... lines) throws IOException {
		Path file = Files.createTempFile(this.dir, "units", ".csv");
		return Files.writeString(file, String.join("\n", lines) + "\n");
	}

}
