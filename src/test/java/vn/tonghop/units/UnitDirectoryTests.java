package vn.tonghop.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.units.Resolution.Candidate;
import vn.tonghop.units.Resolution.Status;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UnitDirectoryTests {

	private static final LocalDate BEFORE_REFORM = LocalDate.of(2021, 3, 27);

	private static final LocalDate AFTER_REFORM = LocalDate.of(2025, 8, 1);

	/** A few real units of both structures, with made-up codes where the real ones do not matter. */
	private static final String TREE = """
			code,name,parent_code,kind,valid_from,valid_to,aliases
			01,Thành phố Hà Nội,,province,,,
			004,Quận Long Biên,01,district,,2025-06-30,
			00124,Phường Phúc Đồng,004,grassroots,,2025-06-30,
			00127,Phường Ngọc Thụy,004,grassroots,,2025-06-30,
			LB-CA,Đảng ủy Công an quận Long Biên,004,grassroots,,2025-06-30,
			38,Tỉnh Thanh Hóa,,province,,,
			380,Thành phố Thanh Hoá,38,district,,2025-06-30,
			14758,Phường Đông Thọ,380,grassroots,,2025-06-30,
			14800,Xã Hoằng Quang,380,grassroots,,2025-06-30,
			381,Thị xã Bỉm Sơn,38,district,,2025-06-30,
			386,Huyện Bá Thước,38,district,,2025-06-30,
			14995,Thị trấn Cành Nàng,386,grassroots,,2025-06-30,
			38-KCQ,Đảng ủy Khối các cơ quan tỉnh Thanh Hóa,38,district,,2025-06-30,Khối cơ quan tỉnh Thanh Hóa
			79,Thành phố Hồ Chí Minh,,province,,,
			770,Quận 3,79,district,,2025-06-30,
			27139,Phường 1,770,grassroots,,2025-06-30,
			774,Quận 5,79,district,,2025-06-30,
			27259,Phường 1,774,grassroots,,2025-06-30,
			26755,Đặc khu Côn Đảo,79,grassroots,2025-07-01,,
			15,Tỉnh Yên Bái,,province,,2025-06-30,
			15,Tỉnh Lào Cai,,province,2025-07-01,,
			""";

	private final UnitImporter importer;

	private final JdbcTemplate jdbc;

	private UnitDirectory directory;

	@TempDir
	Path dir;

	@Autowired
	UnitDirectoryTests(UnitImporter importer, JdbcTemplate jdbc) {
		this.importer = importer;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void loadTree() throws IOException {
		this.jdbc.update("DELETE FROM tonghop.unit");
		ImportReport report = this.importer.importFile(Files.writeString(this.dir.resolve("tree.csv"), TREE));
		assertThat(report.problems()).isEmpty();
		this.directory = UnitDirectory.load(this.jdbc);
	}

	@Test
	void aReusedCodeMeansTheUnitValidOnTheDate() {
		// when / then
		assertThat(this.directory.byCode("15", BEFORE_REFORM)).map(Unit::name).hasValue("Tỉnh Yên Bái");
		assertThat(this.directory.byCode(" 15 ", AFTER_REFORM)).map(Unit::name).hasValue("Tỉnh Lào Cai");
		assertThat(this.directory.byCode("004", AFTER_REFORM)).isEmpty();
		assertThat(name(this.directory.resolve("15", BEFORE_REFORM, null))).isEqualTo("Tỉnh Yên Bái");
		assertThat(name(this.directory.resolve("15", AFTER_REFORM, null))).isEqualTo("Tỉnh Lào Cai");
	}

	@Test
	void aCodeWithLettersIsFoundInEitherCase() {
		// when / then
		assertThat(this.directory.byCode("lb-ca", BEFORE_REFORM)).map(Unit::code).hasValue("LB-CA");
		assertThat(this.directory.latestByCode("Lb-Ca")).map(Unit::code).hasValue("LB-CA");
		assertThat(this.directory.resolve("lb-ca", BEFORE_REFORM, "004").unit().code()).isEqualTo("LB-CA");
	}

	@Test
	void anEquivalentUnitIsKnownWithoutItsProvincesNameWithinItsProvince() {
		// when / then
		assertThat(this.directory.resolve("Đảng ủy Khối các cơ quan tỉnh", BEFORE_REFORM, "38").unit().code())
			.isEqualTo("38-KCQ");
		assertThat(this.directory.resolve("Dang uy Khoi cac co quan tinh", BEFORE_REFORM, null).unit().code())
			.isEqualTo("38-KCQ");
		assertThat(this.directory.resolve("Đảng ủy Khối các cơ quan tỉnh", BEFORE_REFORM, "01").status())
			.isEqualTo(Status.UNKNOWN);
		assertThat(this.directory.resolve("Khối các cơ quan", BEFORE_REFORM, null).status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void withinAUnitItsCommitteeWrittenAloneIsThatUnit() {
		// when / then
		assertThat(this.directory.resolve("Quận ủy", BEFORE_REFORM, "004").unit().code()).isEqualTo("004");
		assertThat(this.directory.resolve("Ban Thường vụ Quận uỷ", BEFORE_REFORM, "004").unit().code()).isEqualTo("004");
		assertThat(this.directory.resolve("Thành ủy", BEFORE_REFORM, "380").unit().code()).isEqualTo("380");
		assertThat(this.directory.resolve("Thành ủy", BEFORE_REFORM, "01").unit().code()).isEqualTo("01");
		assertThat(this.directory.resolve("Đảng ủy", BEFORE_REFORM, "38-KCQ").unit().code()).isEqualTo("38-KCQ");
		assertThat(this.directory.resolve("Huyện ủy", BEFORE_REFORM, "004").status()).isEqualTo(Status.UNKNOWN);
		assertThat(this.directory.resolve("Đảng ủy", BEFORE_REFORM, "004").status()).isEqualTo(Status.UNKNOWN);
		assertThat(this.directory.resolve("Quận ủy", BEFORE_REFORM, null).status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void namesResolveOnlyToUnitsValidOnTheDate() {
		// when
		Resolution newCommuneBefore = this.directory.resolve("Đặc khu Côn Đảo", BEFORE_REFORM, null);
		Resolution newCommuneAfter = this.directory.resolve("Đặc khu Côn Đảo", AFTER_REFORM, null);
		Resolution oldProvinceAfter = this.directory.resolve("Tỉnh Yên Bái", AFTER_REFORM, null);

		// then
		assertThat(newCommuneBefore.status()).isEqualTo(Status.UNKNOWN);
		assertThat(newCommuneAfter.unit().code()).isEqualTo("26755");
		assertThat(oldProvinceAfter.status()).isEqualTo(Status.ENDED);
		assertThat(oldProvinceAfter.unit()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', textBlock = """
			004;                                  004
			Quận Long Biên;                       004
			Long Biên;                            004
			quận long biên;                       004
			Q. Long Biên;                         004
			Q.Long Biên;                          004
			Quận ủy Long Biên;                    004
			Quận uỷ Long Biên;                    004
			Ban Thường vụ Quận ủy Long Biên;      004
			Đảng bộ quận Long Biên;               004
			Đảng ủy quận Long Biên;               004
			Đảng bộ Long Biên;                    004
			ĐB Long Biên;                         004
			ĐB quận Long Biên;                    004
			Quan uy Long Bien;                    004
			Thành ủy Hà Nội;                      01
			Thành phố Hà Nội;                     01
			TP. Hà Nội;                           01
			Thành ủy Thanh Hóa;                   380
			TP. Thanh Hóa;                        380
			TP Thanh Hóa;                         380
			TP.Thanh Hoá;                         380
			Thành phố Thanh Hóa;                  380
			Tỉnh ủy Thanh Hóa;                    38
			Tỉnh Thanh Hoá;                       38
			Thị ủy Bỉm Sơn;                       381
			TX. Bỉm Sơn;                          381
			Thị xã Bỉm Sơn;                       381
			Huyện ủy Bá Thước;                    386
			H. Bá Thước;                          386
			TT. Cành Nàng;                        14995
			TT Cành Nàng;                         14995
			Đảng bộ thị trấn Cành Nàng;           14995
			P. Đông Thọ;                          14758
			P.Đông Thọ;                           14758
			Đảng ủy phường Đông Thọ;              14758
			X. Hoằng Quang;                       14800
			Đảng ủy xã Hoằng Quang;               14800
			Phường Ngọc Thuỵ;                     00127
			Ngọc Thụy;                            00127
			Đảng ủy Khối các cơ quan tỉnh Thanh Hóa; 38-KCQ
			Đảng bộ Khối các cơ quan tỉnh Thanh Hóa; 38-KCQ
			Khối cơ quan tỉnh Thanh Hoá;          38-KCQ
			Đảng ủy Công an quận Long Biên;       LB-CA
			Công an quận Long Biên;               LB-CA
			Thành ủy Thành phố Hồ Chí Minh;       79
			Thành ủy TP. Hồ Chí Minh;             79
			Thành ủy thành phố Thanh Hóa;         380
			Thị ủy thị xã Bỉm Sơn;                381
			Huyện ủy huyện Bá Thước;              386
			Quận ủy quận Long Biên;               004
			Tỉnh ủy tỉnh Thanh Hóa;               38
			""")
	void everyUsualNameFormResolves(String input, String code) {
		// when
		Resolution resolution = this.directory.resolve(input, BEFORE_REFORM, null);

		// then
		assertThat(resolution.status()).as("%s", resolution).isEqualTo(Status.RESOLVED);
		assertThat(resolution.unit().code()).isEqualTo(code);
	}

	@Test
	void decomposedInputResolves() {
		// given
		String input = Normalizer.normalize("Thành phố Thanh Hóa", Normalizer.Form.NFD);

		// when / then
		assertThat(this.directory.resolve(input, BEFORE_REFORM, null).unit().code()).isEqualTo("380");
	}

	@Test
	void aCityCommitteeIsACentrallyRunCityOrAProvincialCity() {
		// when
		Resolution hanoi = this.directory.resolve("Thành ủy Hà Nội", BEFORE_REFORM, null);
		Resolution thanhHoa = this.directory.resolve("Thành ủy Thanh Hóa", BEFORE_REFORM, null);

		// then
		assertThat(hanoi.unit().kind()).isEqualTo("province");
		assertThat(thanhHoa.unit().kind()).isEqualTo("district");
		assertThat(this.directory.province(thanhHoa.unit(), BEFORE_REFORM)).map(Unit::name).hasValue("Tỉnh Thanh Hóa");
	}

	@Test
	void aBareNameSharedByTwoUnitsIsAmbiguousUntilATypeWordSaysWhich() {
		// when
		Resolution bare = this.directory.resolve("Thanh Hóa", BEFORE_REFORM, null);

		// then
		assertThat(bare.status()).isEqualTo(Status.AMBIGUOUS);
		assertThat(bare.candidates()).extracting(Candidate::code).containsExactly("38", "380");
		assertThat(this.directory.resolve("Tỉnh Thanh Hóa", BEFORE_REFORM, null).unit().code()).isEqualTo("38");
	}

	@Test
	void twoWardsOfTheSameNameAreAmbiguousUnlessRestrictedToADistrict() {
		// when
		Resolution anywhere = this.directory.resolve("Phường 1", BEFORE_REFORM, null);
		Resolution inDistrict3 = this.directory.resolve("Phường 1", BEFORE_REFORM, "770");
		Resolution inDistrict5 = this.directory.resolve("P.1", BEFORE_REFORM, "774");

		// then
		assertThat(anywhere.status()).isEqualTo(Status.AMBIGUOUS);
		assertThat(anywhere.unit()).isNull();
		assertThat(anywhere.candidates()).containsExactly(new Candidate("27139", "Phường 1", "Quận 3"),
				new Candidate("27259", "Phường 1", "Quận 5"));
		assertThat(anywhere.candidates()).extracting(Candidate::toString)
			.containsExactly("27139 Phường 1 (Quận 3)", "27259 Phường 1 (Quận 5)");
		assertThat(inDistrict3.unit().code()).isEqualTo("27139");
		assertThat(inDistrict5.unit().code()).isEqualTo("27259");
	}

	@Test
	void aNumberInANameMatchesWrittenWithLeadingZeros() {
		// when / then "Phường 01" and "Quận 03" are how many lists write Phường 1 and Quận 3
		assertThat(this.directory.resolve("Phường 01", BEFORE_REFORM, "770").unit().code()).isEqualTo("27139");
		assertThat(this.directory.resolve("P.01", BEFORE_REFORM, "774").unit().code()).isEqualTo("27259");
		assertThat(this.directory.resolve("Quận 03", BEFORE_REFORM, null).unit().code()).isEqualTo("770");
		assertThat(this.directory.resolve("Q.03", BEFORE_REFORM, null).unit().code()).isEqualTo("770");
		assertThat(this.directory.resolve("Quận ủy Quận 05", BEFORE_REFORM, null).unit().code()).isEqualTo("774");
		// a number alone is a code, never a name without its zeros: 05 is not Quận 5
		assertThat(this.directory.resolve("05", BEFORE_REFORM, null).status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void aUnitThatEndedBeforeTheDateIsNamedWithTheUnitsThatTookItsPlace() throws IOException {
		// given two of the wards Long Biên's went into, a ward of Yên Bái that went to Lào Cai, and the reform's links
		this.importer.importFile(Files.writeString(this.dir.resolve("reform.csv"), """
				code,name,parent_code,kind,valid_from,valid_to,aliases
				132,Thành phố Yên Bái,15,district,,2025-06-30,
				04249,Phường Yên Ninh,132,grassroots,,2025-06-30,
				00118,Phường Bồ Đề,01,grassroots,2025-07-01,,
				00145,Phường Long Biên,01,grassroots,2025-07-01,,
				04252,Phường Yên Bái,15,grassroots,2025-07-01,,
				"""));
		this.jdbc.update("DELETE FROM tonghop.unit_conversion");
		link("00124", "004", "01", "00145");
		link("00127", "004", "01", "00118");
		link("00127", "004", "01", "00145");
		link("04249", "132", "15", "04252");
		this.directory = UnitDirectory.load(this.jdbc);

		try {
			// when a district, a ward and a province of before the reform are named after it
			Resolution district = this.directory.resolve("004", AFTER_REFORM, null);
			Resolution committee = this.directory.resolve("Quận ủy Long Biên", AFTER_REFORM, null);
			Resolution ward = this.directory.resolve("Phường Phúc Đồng", AFTER_REFORM, null);
			Resolution wardWithin = this.directory.resolve("Phường Ngọc Thuỵ", AFTER_REFORM, "00118");
			Resolution province = this.directory.resolve("Tỉnh ủy Yên Bái", AFTER_REFORM, null);

			// then each is that unit, ended, with what took its place on the date, never a guess
			assertThat(district.status()).isEqualTo(Status.ENDED);
			assertThat(district.unit()).isNull();
			assertThat(district.ended().code()).isEqualTo("004");
			assertThat(district.candidates()).extracting(Candidate::code).containsExactly("00118", "00145");
			assertThat(district.candidates()).extracting(Candidate::toString).containsExactly(
					"00118 Phường Bồ Đề (Thành phố Hà Nội)", "00145 Phường Long Biên (Thành phố Hà Nội)");
			assertThat(committee.ended().code()).isEqualTo("004");
			assertThat(ward.ended().code()).isEqualTo("00124");
			assertThat(ward.candidates()).extracting(Candidate::code).containsExactly("00145");
			assertThat(wardWithin.ended().code()).isEqualTo("00127");
			assertThat(wardWithin.candidates()).extracting(Candidate::code).containsExactly("00118");
			assertThat(province.ended().code()).isEqualTo("15");
			assertThat(province.candidates()).containsExactly(new Candidate("15", "Tỉnh Lào Cai", null));
			// and a unit of the date is still found as before
			assertThat(this.directory.resolve("Phường Bồ Đề", AFTER_REFORM, null).unit().code()).isEqualTo("00118");
		}
		finally {
			this.jdbc.update("DELETE FROM tonghop.unit_conversion");
		}
	}

	@Test
	void aUnitRenamedAtTheReformUnderItsCodeIsNamedAsWhatTookThePlaceOfItsFormerName() throws IOException {
		// given the province's agencies' committee renamed from 1 July 2025, its code kept in a period of its own
		this.importer.importFile(Files.writeString(this.dir.resolve("renamed.csv"), """
				code,name,parent_code,kind,valid_from,valid_to,aliases
				38-KCQ,Đảng ủy các cơ quan Đảng tỉnh Thanh Hóa,38,district,2025-07-01,,
				"""));
		this.directory = UnitDirectory.load(this.jdbc);

		// when a file after the reform names it as it was before
		Resolution former = this.directory.resolve("Đảng ủy Khối các cơ quan tỉnh Thanh Hóa", AFTER_REFORM, null);

		// then it ended, and the unit its code names on the date took its place
		assertThat(former.status()).isEqualTo(Status.ENDED);
		assertThat(former.candidates()).extracting(Candidate::toString)
			.containsExactly("38-KCQ Đảng ủy các cơ quan Đảng tỉnh Thanh Hóa (Tỉnh Thanh Hóa)");
	}

	private void link(String oldCode, String oldDistrict, String oldProvince, String newCode) {
		this.jdbc.update("""
				INSERT INTO tonghop.unit_conversion (old_code, old_valid_to, new_code, new_valid_from, old_kind, old_name,
				    old_district_code, old_province_code, new_province_code, share, whole_population, note)
				VALUES (?, DATE '2025-06-30', ?, DATE '2025-07-01', 'grassroots', ?, ?, ?, ?, 'partial', false, '')""",
				oldCode, newCode, oldCode, oldDistrict, oldProvince, newCode.startsWith("04") ? "15" : "01");
	}

	@Test
	void anUnknownNameListsTheThreeClosestUnits() {
		// when
		Resolution resolution = this.directory.resolve("Phường Sài Đồng", BEFORE_REFORM, "004");

		// then
		assertThat(resolution.status()).isEqualTo(Status.UNKNOWN);
		assertThat(resolution.candidates()).hasSize(3);
		assertThat(resolution.candidates().get(0)).isEqualTo(new Candidate("00124", "Phường Phúc Đồng", "Quận Long Biên"));
	}

	@Test
	void aCodeWrittenWithoutItsLeadingZerosIsUnknownButSuggestsThePaddedCodes() {
		// when a cell holds the number 4, as a spreadsheet keeps 004 typed without a text format
		Resolution resolution = this.directory.resolve("4", BEFORE_REFORM, null);

		// then no guess, but the code it may have been is suggested first
		assertThat(resolution.status()).isEqualTo(Status.UNKNOWN);
		assertThat(resolution.candidates()).first().isEqualTo(new Candidate("004", "Quận Long Biên", "Thành phố Hà Nội"));
		assertThat(this.directory.resolve("124", BEFORE_REFORM, "004").candidates()).extracting(Candidate::code)
			.startsWith("00124");
		// and only units of that date: Long Biên was gone after the reform
		assertThat(this.directory.resolve("4", AFTER_REFORM, null).candidates()).extracting(Candidate::code)
			.doesNotContain("004");
	}

	@Test
	void aBlankInputIsUnknownWithoutSuggestions() {
		// when
		Resolution resolution = this.directory.resolve(" \u00A0", BEFORE_REFORM, null);

		// then
		assertThat(resolution.status()).isEqualTo(Status.UNKNOWN);
		assertThat(resolution.candidates()).isEmpty();
	}

	@Test
	void aTypeWordRestrictsTheCandidates() {
		// when
		Resolution resolution = this.directory.resolve("Huyện Long Biên", BEFORE_REFORM, null);

		// then
		assertThat(resolution.status()).isEqualTo(Status.UNKNOWN);
		assertThat(resolution.candidates()).extracting(Candidate::code).contains("004");
	}

	@Test
	void withinACodeOnlyThatUnitAndItsSubtreeResolve() {
		// when / then
		assertThat(this.directory.resolve("Phường Đông Thọ", BEFORE_REFORM, "38").unit().code()).isEqualTo("14758");
		assertThat(this.directory.resolve("Tỉnh Thanh Hóa", BEFORE_REFORM, "38").unit().code()).isEqualTo("38");
		assertThat(this.directory.resolve("Quận Long Biên", BEFORE_REFORM, "38").status()).isEqualTo(Status.UNKNOWN);
		assertThat(this.directory.resolve("004", BEFORE_REFORM, "38").status()).isEqualTo(Status.UNKNOWN);
		assertThat(this.directory.resolve("Quận Long Biên", BEFORE_REFORM, "38").candidates())
			.allSatisfy(candidate -> assertThat(this.directory.isWithin(
					this.directory.byCode(candidate.code(), BEFORE_REFORM).orElseThrow(), "38", BEFORE_REFORM))
				.isTrue());
	}

	@Test
	void provinceAndDistrictAreFoundUpTheTreeAsOfTheDate() {
		// given
		Unit ward = this.directory.byCode("14758", BEFORE_REFORM).orElseThrow();
		Unit city = this.directory.byCode("380", BEFORE_REFORM).orElseThrow();
		Unit province = this.directory.byCode("38", BEFORE_REFORM).orElseThrow();
		Unit bloc = this.directory.byCode("38-KCQ", BEFORE_REFORM).orElseThrow();
		Unit specialZone = this.directory.byCode("26755", AFTER_REFORM).orElseThrow();

		// when / then
		assertThat(this.directory.province(ward, BEFORE_REFORM)).hasValue(province);
		assertThat(this.directory.province(province, BEFORE_REFORM)).hasValue(province);
		assertThat(this.directory.district(ward, BEFORE_REFORM)).hasValue(city);
		assertThat(this.directory.district(city, BEFORE_REFORM)).hasValue(city);
		assertThat(this.directory.district(bloc, BEFORE_REFORM)).hasValue(bloc);
		assertThat(this.directory.district(province, BEFORE_REFORM)).isEmpty();
		assertThat(this.directory.province(specialZone, AFTER_REFORM)).map(Unit::code).hasValue("79");
		assertThat(this.directory.district(specialZone, AFTER_REFORM)).isEmpty();
		assertThat(this.directory.isWithin(ward, "38", BEFORE_REFORM)).isTrue();
		assertThat(this.directory.isWithin(ward, "14758", BEFORE_REFORM)).isTrue();
		assertThat(this.directory.isWithin(ward, "01", BEFORE_REFORM)).isFalse();
	}

	private static String name(Resolution resolution) {
		assertThat(resolution.status()).as("%s", resolution).isEqualTo(Status.RESOLVED);
		return resolution.unit().name();
	}

}
