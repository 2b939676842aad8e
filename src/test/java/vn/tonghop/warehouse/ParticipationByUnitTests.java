package vn.tonghop.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * warehouse.participation_by_unit names each reporting unit's own place: its district-level unit on
 * the conference date, whatever units host its points.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class ParticipationByUnitTests {

	private static final String HEADER = "STT,Tên điểm cầu,Cấp điểm cầu,Đơn vị chủ trì,Số đảng viên tham dự,"
			+ "Số người khác tham dự\n";

	@Autowired
	IngestRunner runner;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UnitImporter units;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void aProvincesOwnFileBelongsToNoDistrictEvenWithPointsHostedByOne() throws Exception {
		// given Hà Nội's own file: its provincial point, and a district-level point Long Biên hosts;
		// and Long Biên's file, every point hosted by one of its wards
		submit("01", "Thành phố Hà Nội", List.of("Hội trường Thành ủy,Cấp tỉnh,,300,20",
				"Trung tâm Chính trị quận Long Biên,Cấp huyện,Quận Long Biên,150,10"));
		submit("004", "Quận ủy Long Biên", List.of("Phường Bồ Đề,Phường,Phường Bồ Đề,100,0",
				"Phường Gia Thụy,Phường,Phường Gia Thụy,50,0"));

		// when
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then the points keep the district they belong to, and each unit's line names its own
		assertThat(this.jdbc.queryForList("SELECT DISTINCT state FROM tonghop.submission", String.class))
			.containsExactly("accepted");
		assertThat(this.jdbc.queryForList("SELECT coalesce(district_code, '-') FROM warehouse.participation "
				+ "WHERE reporting_unit_code = '01' ORDER BY source_row", String.class)).containsExactly("-", "004");
		Map<String, Object> haNoi = unit("01");
		assertThat(haNoi).containsEntry("district_code", null)
			.containsEntry("points", 2L)
			.containsEntry("points_province", 1L)
			.containsEntry("points_district", 1L);
		assertThat(unit("004")).containsEntry("district_code", "004").containsEntry("points", 2L);
	}

	@Test
	void aDistrictsProvincialAndCentralPointsBelongToNoDistrict() throws Exception {
		// given Long Biên's file (labels above the table: read straight in) and Thanh Hóa city's (its unit
		// named by its folder only: staged), each listing a provincial and a central point beside its own
		submit("004", "Quận ủy Long Biên", List.of("Hội trường Thành ủy Hà Nội,Cấp tỉnh,,40,0",
				"Điểm cầu Trung ương,Trung ương,,5,0", "Phường Bồ Đề,Phường,Phường Bồ Đề,100,0"));
		Path thanhHoa = this.input.resolve("380").resolve("380-nqdh13.csv");
		Files.createDirectories(thanhHoa.getParent());
		Files.writeString(thanhHoa, "Hội nghị,NQDH13\n\n" + HEADER + "1,Hội trường Tỉnh ủy Thanh Hóa,Cấp tỉnh,,30,0\n"
				+ "2,Điểm cầu Trung ương,Trung ương,,4,0\n3,Hội trường Thành ủy,Cấp huyện,,200,10\n");

		// when
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then warehouse.md: district_code is null for provincial points (and central ones, above them)
		assertThat(this.jdbc.queryForList("SELECT DISTINCT state FROM tonghop.submission", String.class))
			.containsExactly("accepted");
		assertThat(this.jdbc.queryForList("SELECT reporting_unit_code || ' ' || point_level || ' ' "
				+ "|| coalesce(district_code, '-') FROM warehouse.participation ORDER BY reporting_unit_code, source_row",
				String.class))
			.containsExactly("004 province -", "004 central -", "004 grassroots 004", "380 province -", "380 central -",
					"380 district 380");
		assertThat(unit("380")).containsEntry("district_code", "380").containsEntry("points", 3L);
	}

	@Test
	void fromTheTwoLevelStructureNoUnitHasADistrict() throws Exception {
		// given a province of the two-level structure with a district-kind committee under it, and a
		// conference after 1 July 2025
		Path tree = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(tree, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "T1,Tỉnh Thử,,province,2025-07-01,,\nT1-K,Đảng ủy Khối Thử,T1,district,2025-07-01,,\n");
		this.units.importFile(tree);
		this.jdbc.update("INSERT INTO tonghop.conference (code, title, start_date, end_date, deadline) "
				+ "VALUES ('SAU', 'Hội nghị sau sắp xếp', DATE '2025-08-01', DATE '2025-08-01', DATE '2025-08-15')");
		submit("T1-K", "T1-K", "SAU", List.of("Hội trường Khối,Khối,,90,5"));

		// when
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then
		assertThat(this.jdbc.queryForMap("SELECT * FROM warehouse.participation_by_unit WHERE conference_code = 'SAU'"))
			.containsEntry("reporting_unit_code", "T1-K")
			.containsEntry("province_code", "T1")
			.containsEntry("district_code", null)
			.containsEntry("points", 1L);
	}

	@Test
	void fromTheTwoLevelStructureACommitteeUnderTheProvinceIsExpectedBesideItsCommunes() throws Exception {
		// given a province of the two-level structure with a commune and a district-kind committee
		// (the province's agencies' party committee) under it, and an agency's organization under that
		Path tree = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(tree, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "T1,Tỉnh Thử,,province,2025-07-01,,\nT1-X,Xã Thử,T1,grassroots,2025-07-01,,\n"
				+ "T1-K,Đảng bộ các cơ quan Đảng tỉnh Thử,T1,district,2025-07-01,,\n"
				+ "T1-K-1,Đảng bộ Văn phòng Tỉnh ủy Thử,T1-K,grassroots,2025-07-01,,\n");
		this.units.importFile(tree);
		this.jdbc.update("INSERT INTO tonghop.conference (code, title, start_date, end_date, deadline, scope) "
				+ "VALUES ('SAU', 'Hội nghị sau sắp xếp', DATE '2025-08-01', DATE '2025-08-01', DATE '2025-08-15', '{T1}')");
		submit("T1-K", "T1-K", "SAU", List.of("Hội trường Khối,Khối,,90,5"));

		// when
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then the committee reports to the province as its communes do, and is counted so; the
		// organizations under it report through it
		assertThat(this.jdbc.queryForList("SELECT unit_code || ' ' || reported FROM warehouse.completeness "
				+ "WHERE conference_code = 'SAU' ORDER BY unit_code", String.class))
			.containsExactly("T1 false", "T1-K true", "T1-X false");
		assertThat(this.jdbc.queryForMap("SELECT units_expected, units_reported FROM warehouse.participation_by_unit "
				+ "WHERE conference_code = 'SAU' AND reporting_unit_code = 'T1-K'"))
			.containsEntry("units_expected", 1L)
			.containsEntry("units_reported", 1L);
	}

	@Test
	void eachUnitSaysWhetherItIsExpectedAndReportedAsCompletenessDoes() throws Exception {
		// given Hà Nội and Long Biên, both expected for the 2021 conference, and a committee under Long
		// Biên that sends its own file though only the province and its districts are expected then
		Path tree = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(tree, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "004-QS,Đảng bộ Quân sự quận Long Biên,004,grassroots,,,\n");
		this.units.importFile(tree);
		submit("01", "Thành phố Hà Nội", List.of("Hội trường Thành ủy,Cấp tỉnh,,300,20"));
		submit("004", "Quận ủy Long Biên", List.of("Phường Bồ Đề,Phường,Phường Bồ Đề,100,0"));
		submit("004-QS", "004-QS", "NQDH13", List.of("Hội trường Ban CHQS,Cơ sở,,90,5"));

		// when
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then warehouse.md's "same measures" per unit: 1 and 1 for an expected unit that reported, 0 and 0
		// for one nobody expects, so a province's units sum to no more than participation_by_province says
		assertThat(this.jdbc.queryForList("SELECT DISTINCT state FROM tonghop.submission", String.class))
			.containsExactly("accepted");
		assertThat(unit("01")).containsEntry("units_expected", 1L).containsEntry("units_reported", 1L);
		assertThat(unit("004")).containsEntry("units_expected", 1L).containsEntry("units_reported", 1L);
		assertThat(unit("004-QS")).containsEntry("units_expected", 0L).containsEntry("units_reported", 0L);
		assertThat(this.jdbc.queryForObject("SELECT units_reported FROM warehouse.participation_by_province "
				+ "WHERE conference_code = 'NQDH13' AND province_code = '01'", Long.class))
			.isEqualTo(this.jdbc.queryForObject("SELECT sum(units_reported) FROM warehouse.participation_by_unit "
					+ "WHERE conference_code = 'NQDH13' AND province_code = '01'", Long.class));
	}

	@Test
	void aUnitOutlivingItsParentLoadsNothingUnderAProvinceOfItsOwnCode() throws Exception {
		// given a committee whose tree line has no end under Long Biên, which ended with the reform, and
		// its file for a conference after the reform
		Path tree = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(tree, "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "004-QS,Đảng bộ Quân sự quận Long Biên,004,grassroots,,,\n");
		this.units.importFile(tree);
		this.jdbc.update("INSERT INTO tonghop.conference (code, title, start_date, end_date, deadline) "
				+ "VALUES ('SAU', 'Hội nghị sau sắp xếp', DATE '2025-08-01', DATE '2025-08-01', DATE '2025-08-15')");
		submit("004-QS", "004-QS", "SAU", List.of("Hội trường Ban CHQS,Cơ sở,,90,5"));

		// when
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then it belongs to no province that day: rejected, saying why, instead of counted as province 004-QS
		assertThat(this.jdbc.queryForList("SELECT state || ' ' || first_problem FROM tonghop.submission", String.class))
			.singleElement()
			.asString()
			.startsWith("rejected")
			.contains("004-QS Đảng bộ Quân sự quận Long Biên", "belongs to no province on 01/08/2025", "its parent 004");
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.submission_problem", String.class))
			.containsExactly("unit-no-province");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Long.class)).isZero();
		assertThat(this.jdbc.queryForList("SELECT province_code FROM warehouse.participation_by_province "
				+ "WHERE conference_code = 'SAU'", String.class)).doesNotContain("004-QS");
	}

	@Test
	void aConferenceOrUnitAskedForIsReadThroughTheIndexNotByAggregatingTheWholeWarehouse() {
		// given Long Biên's points for NQDH13, Thanh Hóa city's unit summary without points, and
		// Lạng Sơn's points for another conference
		this.jdbc.update("""
				INSERT INTO warehouse.participation (conference_code, province_code, district_code, reporting_unit_code,
				    host_unit_code, point_name, point_level, format, session_date, members_attending, others_attending,
				    participants, submission_id, source_row)
				VALUES ('NQDH13', '01', '004', '004', '004', 'Hội trường', 'district', 'online', DATE '2021-03-27', 40, 2, 42, 1, 5),
				       ('NQDH13', '01', '004', '004', '00139', 'Phường Bồ Đề', 'grassroots', 'online', DATE '2021-03-27', 30, 0, 30, 1, 6),
				       ('HNTW8-K13', '20', NULL, '20-KCQ', '20-KCQ', 'Hội trường', 'district', 'online', DATE '2023-12-04', 9, 1, 10, 2, 5)
				""");
		this.jdbc.update("INSERT INTO warehouse.unit_coverage VALUES ('NQDH13', '38', '380', '380', 200, 150, 75.0, 3)");

		// when the view is asked for one conference, and for one unit of it
		List<String> units = this.jdbc.queryForList("SELECT reporting_unit_code || ' ' || points || ' ' || participants "
				+ "|| ' ' || coalesce(members_total::text, '-') FROM warehouse.participation_by_unit "
				+ "WHERE conference_code = 'NQDH13' ORDER BY reporting_unit_code", String.class);
		String plan = this.jdbc.execute((ConnectionCallback<String>) connection -> {
			try (Statement statement = connection.createStatement()) {
				// so small a table is read whole whatever the query; without a full scan the plan shows what the filter reaches
				statement.execute("SET enable_seqscan = off");
				StringBuilder lines = new StringBuilder();
				try (ResultSet rs = statement.executeQuery("EXPLAIN SELECT * FROM warehouse.participation_by_unit "
						+ "WHERE conference_code = 'NQDH13' AND reporting_unit_code = '004'")) {
					while (rs.next()) {
						lines.append(rs.getString(1)).append('\n');
					}
				}
				statement.execute("RESET enable_seqscan");
				return lines.toString();
			}
		});

		// then every unit with points or a summary has its line, and participation is searched by that
		// conference and unit rather than every row of every conference aggregated
		assertThat(units).containsExactly("004 2 72 -", "380 0 0 200");
		assertThat(unit("004")).containsEntry("points", 2L).containsEntry("participants", 72L);
		assertThat(plan).containsPattern("Index Cond: \\(\\(conference_code = 'NQDH13'::text\\) AND "
				+ "\\(reporting_unit_code = '004'::text\\)\\)");
	}

	private Map<String, Object> unit(String code) {
		return this.jdbc.queryForMap("SELECT * FROM warehouse.participation_by_unit WHERE conference_code = 'NQDH13' "
				+ "AND reporting_unit_code = ?", code);
	}

	private void submit(String folder, String unit, List<String> points) throws IOException {
		submit(folder, unit, "NQDH13", points);
	}

	private void submit(String folder, String unit, String conference, List<String> points) throws IOException {
		StringBuilder csv = new StringBuilder("Đơn vị báo cáo," + unit + "\nHội nghị," + conference + "\n\n" + HEADER);
		for (int i = 0; i < points.size(); i++) {
			csv.append(i + 1).append(',').append(points.get(i)).append('\n');
		}
		Path file = this.input.resolve(folder).resolve(folder + "-nqdh13.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, csv);
	}

}
