package vn.tonghop.warehouse;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.UnitFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rolling a conference up on today's 34 provinces. The fixtures are real units and real lines of
 * the official conversion table: Quảng Ninh's Hải Hòa (partly merged, its whole population to Hải
 * Lạng, its code reused by a new Xã Hải Hòa) and Hải Lạng (partly merged, kept its code); Bắc Giang
 * (old code 24) and Bắc Ninh (27) merged into today's Bắc Ninh, which took code 24.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ParticipationTodayTests {

	private static final String UNITS = """
			code,name,parent_code,kind,valid_from,valid_to,aliases
			22,Tỉnh Quảng Ninh,,province,,2025-06-30,
			195,Thành phố Cẩm Phả,22,district,,2025-06-30,
			199,Huyện Tiên Yên,22,district,,2025-06-30,
			06799,Xã Hải Hòa,195,grassroots,,2025-06-30,
			06886,Xã Hải Lạng,199,grassroots,,2025-06-30,
			06892,Xã Đồng Rui,199,grassroots,,2025-06-30,
			24,Tỉnh Bắc Giang,,province,,2025-06-30,
			213,Thành phố Bắc Giang,24,district,,2025-06-30,
			07201,Phường Thọ Xương,213,grassroots,,2025-06-30,
			07210,Phường Hoàng Văn Thụ,213,grassroots,,2025-06-30,
			07201-TDP1,Chi bộ Tổ dân phố số 1 phường Thọ Xương,07201,cell,,2025-06-30,
			27,Tỉnh Bắc Ninh,,province,,2025-06-30,
			256,Thành phố Bắc Ninh,27,district,,2025-06-30,
			09184,Phường Tiền Ninh Vệ,256,grassroots,,2025-06-30,
			09187,Phường Suối Hoa,256,grassroots,,2025-06-30,
			27-KCQ,Đảng bộ Khối các cơ quan tỉnh Bắc Ninh,27,district,,2025-06-30,
			""";

	private static final String CONVERSION = """
			Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,
			"Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,
			QUẢNG NINH,,,,,,,,
			Tỉnh Quảng Ninh (22),Xã Hải Hòa,06799,Xã Hải Hòa,06799,Nhập một phần diện tích,Thành phố Cẩm Phả (195),Tỉnh Quảng Ninh (22),
			Tỉnh Quảng Ninh (22),Xã Hải Hòa,06799,Xã Hải Lạng,06886,Nhập một phần,Huyện Tiên Yên (199),Tỉnh Quảng Ninh (22),
			Tỉnh Quảng Ninh (22),Xã Hải Lạng,06886,Xã Hải Lạng,06886,Nhập một phần,Huyện Tiên Yên (199),Tỉnh Quảng Ninh (22),
			Tỉnh Quảng Ninh (22),Xã Hải Lạng,06886,Xã Đồng Rui,06892,Nhập toàn bộ,Huyện Tiên Yên (199),Tỉnh Quảng Ninh (22),
			Tỉnh Quảng Ninh (22),Xã Hải Lạng,06886,Xã Hải Hòa,06799,"Nhập một phần diện tích, toàn bộ dân số",Thành phố Cẩm Phả (195),Tỉnh Quảng Ninh (22),
			Tỉnh Quảng Ninh (22),Xã Ba Chẽ,06970,Xã Hải Lạng,06886,Nhập một phần,Huyện Tiên Yên (199),Tỉnh Quảng Ninh (22),
			BẮC NINH,,,,,,,,
			Tỉnh Bắc Ninh (24),Phường Bắc Giang,07210,Phường Thọ Xương,07201,Nhập toàn bộ,Thành phố Bắc Giang (213),Tỉnh Bắc Giang (24),
			Tỉnh Bắc Ninh (24),Phường Bắc Giang,07210,Phường Hoàng Văn Thụ,07210,Nhập toàn bộ,Thành phố Bắc Giang (213),Tỉnh Bắc Giang (24),
			Tỉnh Bắc Ninh (24),Phường Kinh Bắc,09187,Phường Tiền Ninh Vệ,09184,Nhập toàn bộ,Thành phố Bắc Ninh (256),Tỉnh Bắc Ninh (27),
			Tỉnh Bắc Ninh (24),Phường Kinh Bắc,09187,Phường Suối Hoa,09187,Nhập toàn bộ,Thành phố Bắc Ninh (256),Tỉnh Bắc Ninh (27),
			""";

	private static final String BEFORE = "NQDH13";

	private static final String AFTER = "HN-2025";

	private final UnitFiles files;

	private final JdbcTemplate jdbc;

	@TempDir
	Path dir;

	private int submissions;

	@Autowired
	ParticipationTodayTests(UnitFiles files, JdbcTemplate jdbc) {
		this.files = files;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void twoConferencesAcrossTheReform() throws IOException {
		ExampleFiles.clean(this.jdbc);
		this.jdbc.update("DELETE FROM tonghop.unit_conversion");
		this.files.importFile(Files.writeString(this.dir.resolve("units.csv"), UNITS));
		this.files.importFile(Files.writeString(this.dir.resolve("conversion.csv"), CONVERSION));
		this.jdbc.update("""
				INSERT INTO tonghop.conference (code, title, start_date, end_date, deadline) VALUES
				('NQDH13', 'Nghị quyết Đại hội XIII', DATE '2021-03-27', DATE '2021-03-28', DATE '2021-04-10'),
				('HN-2025', 'Hội nghị tháng 9/2025', DATE '2025-09-10', DATE '2025-09-10', DATE '2025-09-30')""");
		// Quảng Ninh before the reform: partly merged communes (one kept its code), a whole one, a district
		point(BEFORE, "22", "195", "195", "06799", "grassroots", 100, 20);
		point(BEFORE, "22", "199", "199", "06886", "grassroots", 50, 0);
		point(BEFORE, "22", "199", "199", "06892", "grassroots", 30, 5);
		point(BEFORE, "22", "199", "199", "199", "district", 10, 0);
		// old Bắc Giang (code 24): the province itself, a district, a ward and a street cell in it
		point(BEFORE, "24", null, "24", "24", "province", 200, 0);
		point(BEFORE, "24", "213", "213", "213", "district", 40, 0);
		point(BEFORE, "24", "213", "213", "07201", "grassroots", 60, 0);
		point(BEFORE, "24", "213", "213", "07201-TDP1", "cell", 15, 0);
		// old Bắc Ninh (code 27): the provincial agencies' Khối, a ward
		point(BEFORE, "27", "27-KCQ", "27-KCQ", "27-KCQ", "district", 25, 5);
		point(BEFORE, "27", "256", "256", "09184", "grassroots", 70, 0);
		coverage(BEFORE, "22", "199", 300, 150);
		coverage(BEFORE, "24", "213", 1000, 900);
		coverage(BEFORE, "27", "27-KCQ", 500, 400);
		// after the reform, code 06799 is the new Xã Hải Hòa and 24 today's Bắc Ninh
		point(AFTER, "22", null, "06799", "06799", "grassroots", 80, 0);
		point(AFTER, "24", null, "07210", "07210", "grassroots", 40, 0);
		for (String unit : List.of("195", "199", "24", "213", "27-KCQ", "256")) {
			reported(BEFORE, unit);
		}
		reported(AFTER, "06799");
		reported(AFTER, "07210");
	}

	@Test
	void aConferenceBeforeTheReformRollsUpOnTodaysProvinces() {
		// when
		List<Map<String, Object>> today = this.jdbc.queryForList("SELECT * FROM warehouse.participation_by_province_today "
				+ "WHERE conference_code = 'NQDH13' ORDER BY province_code");

		// then Bắc Giang and Bắc Ninh add up under today's Bắc Ninh (24); each point counts once
		assertThat(today).hasSize(2);
		assertThat(today.get(0)).containsEntry("province_code", "22")
			.containsEntry("province_name", "Tỉnh Quảng Ninh")
			.containsEntry("points", 4L)
			.containsEntry("points_province", 0L)
			.containsEntry("points_district", 1L)
			.containsEntry("points_grassroots", 3L)
			.containsEntry("points_cell", 0L)
			.containsEntry("participants", 215L)
			.containsEntry("members_attending", 190L)
			.containsEntry("others_attending", 25L)
			.containsEntry("members_total", 300L)
			.containsEntry("members_studied", 150L)
			.containsEntry("coverage_pct", new BigDecimal("50.0"))
			.containsEntry("units_expected", 3L)
			.containsEntry("units_reported", 2L);
		assertThat(today.get(1)).containsEntry("province_code", "24")
			.containsEntry("province_name", "Tỉnh Bắc Ninh")
			.containsEntry("points", 6L)
			.containsEntry("points_central", 0L)
			.containsEntry("points_province", 1L)
			.containsEntry("points_district", 2L)
			.containsEntry("points_grassroots", 2L)
			.containsEntry("points_cell", 1L)
			.containsEntry("participants", 415L)
			.containsEntry("members_attending", 410L)
			.containsEntry("others_attending", 5L)
			.containsEntry("members_total", 1500L)
			.containsEntry("members_studied", 1300L)
			.containsEntry("coverage_pct", new BigDecimal("86.7"))
			.containsEntry("units_expected", 5L)
			.containsEntry("units_reported", 4L);
	}

	@Test
	void theSameConferenceStillRollsUpOnTheStructureOfItsDate() {
		// when
		List<String> then = this.jdbc.queryForList("SELECT province_code || ' ' || province_name || ' ' || points || ' ' "
				+ "|| participants || ' ' || units_expected FROM warehouse.participation_by_province "
				+ "WHERE conference_code = 'NQDH13' ORDER BY province_code", String.class);

		// then code 24 is Bắc Giang on that date
		assertThat(then).containsExactly("22 Tỉnh Quảng Ninh 4 215 3", "24 Tỉnh Bắc Giang 4 315 2",
				"27 Tỉnh Bắc Ninh 2 100 3");
	}

	@Test
	void eachPointSaysWhereItCountsTodayAndWhy() {
		// when
		List<String> points = this.jdbc.queryForList("""
				SELECT conference_code || ' ' || host_unit_code || ' -> ' || today_province_code || ' '
				       || coalesce(today_commune_code, '-') || ' ' || placed_by || ' ' || coalesce(placed_via_code, '-')
				FROM warehouse.participation_today ORDER BY conference_code DESC, source_row""", String.class);

		// then the reused code 06799 is old Hải Hòa in 2021, counted where its people went (Hải Lạng),
		// and the new Xã Hải Hòa in September 2025
		assertThat(points).containsExactly("NQDH13 06799 -> 22 06886 commune 06799",
				"NQDH13 06886 -> 22 06886 commune 06886", "NQDH13 06892 -> 22 06886 commune 06892",
				"NQDH13 199 -> 22 - district 199", "NQDH13 24 -> 24 - province 24", "NQDH13 213 -> 24 - district 213",
				"NQDH13 07201 -> 24 07210 commune 07201", "NQDH13 07201-TDP1 -> 24 07210 commune 07201",
				"NQDH13 27-KCQ -> 24 - province 27", "NQDH13 09184 -> 24 09187 commune 09184",
				"HN-2025 06799 -> 22 06799 in_force -", "HN-2025 07210 -> 24 07210 in_force -");
	}

	@Test
	void aConferenceAfterTheReformIsAlreadyOnTodaysProvinces() {
		// when
		List<String> today = this.jdbc.queryForList("SELECT province_code || ' ' || province_name || ' ' || points || ' ' "
				+ "|| participants || ' ' || units_expected || ' ' || units_reported "
				+ "FROM warehouse.participation_by_province_today WHERE conference_code = 'HN-2025' ORDER BY province_code",
				String.class);
		List<String> then = this.jdbc.queryForList("SELECT province_code || ' ' || province_name || ' ' || points || ' ' "
				+ "|| participants || ' ' || units_expected || ' ' || units_reported "
				+ "FROM warehouse.participation_by_province WHERE conference_code = 'HN-2025' ORDER BY province_code",
				String.class);

		// then
		assertThat(today).containsExactly("22 Tỉnh Quảng Ninh 1 80 4 1", "24 Tỉnh Bắc Ninh 1 40 3 1");
		assertThat(then).isEqualTo(today);
	}

	@Test
	void withoutTheConversionTableOldCodesAreNeverPassedOffAsNewOnes() {
		// given
		this.jdbc.update("DELETE FROM tonghop.unit_conversion");

		// when
		List<Map<String, Object>> today = this.jdbc.queryForList("SELECT province_code, province_name, points, "
				+ "units_expected FROM warehouse.participation_by_province_today WHERE conference_code = 'NQDH13'");

		// then every figure is there, under no province
		assertThat(today).hasSize(1);
		assertThat(today.get(0)).containsEntry("province_code", null)
			.containsEntry("province_name", null)
			.containsEntry("points", 10L)
			.containsEntry("units_expected", 8L);
	}

	@Test
	void theAnalystRoleReadsTheNewViewsAndNothingBehindThem() {
		// when / then
		Long rows = this.jdbc.execute((ConnectionCallback<Long>) connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET ROLE warehouse_analyst");
				try {
					long count = 0;
					for (String view : List.of("participation_by_province_today", "participation_today", "reform_link",
							"reform_successor")) {
						try (var result = statement.executeQuery("SELECT count(*) FROM warehouse." + view)) {
							result.next();
							count += result.getLong(1);
						}
					}
					assertThatExceptionOfType(SQLException.class)
						.isThrownBy(() -> statement.executeQuery("SELECT count(*) FROM tonghop.unit_conversion"))
						.withMessageContaining("permission denied");
					return count;
				}
				finally {
					statement.execute("RESET ROLE");
				}
			}
		});
		// 4 province rows (two conferences), 12 points, 10 links, 7 communes + 4 districts + 3 provinces
		assertThat(rows).isEqualTo(4 + 12 + 10 + 14);
	}

	private void point(String conference, String province, String district, String reporting, String host,
			String level, int members, int others) {
		this.jdbc.update("""
				INSERT INTO warehouse.participation (conference_code, province_code, district_code, reporting_unit_code,
				host_unit_code, point_name, point_level, format, session_date, members_attending, others_attending,
				participants, submission_id, source_row)
				SELECT ?, ?, ?, ?, ?, 'Điểm cầu ' || ?, ?, 'online', c.start_date, ?, ?, ?, 1,
				       (SELECT count(*) + 1 FROM warehouse.participation)
				FROM tonghop.conference c WHERE c.code = ?""", conference, province, district, reporting, host, host,
				level, members, others, members + others, conference);
	}

	private void coverage(String conference, String province, String unit, int total, int studied) {
		this.jdbc.update("""
				INSERT INTO warehouse.unit_coverage (conference_code, province_code, district_code, reporting_unit_code,
				members_total, members_studied, coverage_pct, submission_id)
				VALUES (?, ?, ?, ?, ?, ?, round(100.0 * ? / ?, 1), 1)""", conference, province, unit, unit, total,
				studied, studied, total);
	}

	private void reported(String conference, String unit) {
		this.submissions++;
		this.jdbc.update("""
				INSERT INTO tonghop.submission (content_hash, file_name, source_path, size_bytes, archive_path, state,
				unit_code, conference_code, is_current, received_at)
				VALUES (?, 'report.xlsx', 'input/report.xlsx', 1, 'data/archive/report.xlsx', 'accepted', ?, ?, true,
				TIMESTAMPTZ '2021-04-01 09:00:00+07')""", "hash-" + this.submissions, unit, conference);
	}

}
