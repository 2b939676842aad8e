package vn.tonghop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.units.UnitImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published figures of warehouse.md that the shipped examples do not carry (Thái Bình's
 * province and Thanh Hóa city), consolidated from district submissions written as districts write
 * them: the province's own provincial points, each district's and equivalent's own point and its
 * grassroots points, a city's street-level points under one ward.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class PublishedFiguresTests {

	private static final String HEADER = "STT,Tên điểm cầu,Cấp điểm cầu,Đơn vị chủ trì,Số đảng viên tham dự,"
			+ "Số người khác tham dự\n";

	/** Thái Bình's district-level units and equivalents, with the grassroots points each opened (89 in all). */
	private static final List<Reporter> THAI_BINH = List.of(new Reporter("336", "Thành phố Thái Bình", "district", 8),
			new Reporter("338", "Huyện Quỳnh Phụ", "district", 8), new Reporter("339", "Huyện Hưng Hà", "district", 8),
			new Reporter("340", "Huyện Đông Hưng", "district", 8), new Reporter("341", "Huyện Thái Thụy", "district", 8),
			new Reporter("342", "Huyện Tiền Hải", "district", 8), new Reporter("343", "Huyện Kiến Xương", "district", 8),
			new Reporter("344", "Huyện Vũ Thư", "district", 8),
			new Reporter("34-KCQ", "Đảng bộ Khối các cơ quan tỉnh Thái Bình", "district", 7),
			new Reporter("34-KDN", "Đảng bộ Khối doanh nghiệp tỉnh Thái Bình", "district", 6),
			new Reporter("34-CA", "Đảng bộ Công an tỉnh Thái Bình", "district", 6),
			new Reporter("34-QS", "Đảng bộ Quân sự tỉnh Thái Bình", "district", 6));

	/** The first 34 wards and communes of Thanh Hóa city in the statistics office's list. */
	private static final List<String> THANH_HOA_WARDS = List.of("14755 Phường Hàm Rồng", "14758 Phường Đông Thọ",
			"14761 Phường Nam Ngạn", "14764 Phường Trường Thi", "14767 Phường Điện Biên", "14770 Phường Phú Sơn",
			"14773 Phường Lam Sơn", "14776 Phường Ba Đình", "14779 Phường Ngọc Trạo", "14782 Phường Đông Vệ",
			"14785 Phường Đông Sơn", "14791 Phường Đông Cương", "14794 Phường Đông Hương", "14797 Phường Đông Hải",
			"14800 Phường Quảng Hưng", "14803 Phường Quảng Thắng", "14806 Phường Quảng Thành", "15850 Xã Thiệu Vân",
			"15856 Phường Thiệu Khánh", "15859 Phường Thiệu Dương", "15913 Phường Tào Xuyên", "15922 Phường Long Anh",
			"15925 Phường Hoằng Quang", "15970 Phường Hoằng Đại", "16378 Phường Rừng Thông", "16381 Xã Đông Hoàng",
			"16384 Xã Đông Ninh", "16387 Xã Đông Khê", "16390 Xã Đông Hòa", "16393 Xã Đông Yên", "16396 Phường Đông Lĩnh",
			"16399 Xã Đông Minh", "16402 Xã Đông Thanh", "16405 Xã Đông Tiến");

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@Autowired
	UnitImporter units;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void thaiBinhConsolidatesTo103PointsAnd11938Participants() throws Exception {
		// given Thái Bình's unit tree, the province's file with its 2 provincial points, and one file
		// from each of its 12 district-level units and equivalents: its own point and its grassroots points
		StringBuilder tree = new StringBuilder("34,Tỉnh Thái Bình,,province,,2025-06-30,\n");
		THAI_BINH.forEach(unit -> tree.append(unit.code()).append(',').append(unit.name()).append(",34,").append(unit.kind())
			.append(",,2025-06-30,\n"));
		importUnits(tree.toString());
		int participants = submit("34", "Tỉnh Thái Bình",
				List.of(point("Hội trường Tỉnh ủy Thái Bình", "Tỉnh", "", 430, 50),
						point("Trung tâm Hội nghị tỉnh", "Cấp tỉnh", "", 310, 40)));
		int grassroots = 0;
		for (Reporter unit : THAI_BINH) {
			List<String> points = new ArrayList<>();
			points.add(point("Hội trường " + unit.name(), "Tương đương cấp huyện", "", 140, 10));
			for (int i = 1; i <= unit.grassroots(); i++) {
				// 9,308 participants over 89 points: the first 52 have 105, the others 104
				int members = (grassroots++ < 52) ? 101 : 100;
				points.add(point("Đảng bộ cơ sở " + i + " " + unit.name(), "Cơ sở", "", members, 4));
			}
			participants += submit(unit.code(), unit.name(), points);
		}
		assertThat(participants).isEqualTo(11_938);

		// when
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then warehouse.md: 103 points, 2 provincial, 12 district-level and equivalent, 89 grassroots, 11,938 participants
		assertThat(this.jdbc.queryForList("SELECT DISTINCT state FROM tonghop.submission", String.class))
			.containsExactly("accepted");
		Map<String, Object> thaiBinh = this.jdbc.queryForMap("SELECT * FROM warehouse.participation_by_province "
				+ "WHERE conference_code = 'NQDH13' AND province_code = '34'");
		assertThat(thaiBinh).containsEntry("province_name", "Tỉnh Thái Bình")
			.containsEntry("points", 103L)
			.containsEntry("points_province", 2L)
			.containsEntry("points_district", 12L)
			.containsEntry("points_grassroots", 89L)
			.containsEntry("points_central", 0L)
			.containsEntry("points_cell", 0L)
			.containsEntry("participants", 11_938L)
			.containsEntry("units_expected", 13L)
			.containsEntry("units_reported", 13L);
		// the province's own points belong to no district; the others to the unit that opened them
		assertThat(this.jdbc.queryForList("SELECT DISTINCT coalesce(district_code, '-') FROM warehouse.participation "
				+ "WHERE province_code = '34' ORDER BY 1", String.class)).hasSize(13).contains("-", "336", "34-QS");
	}

	@Test
	void thanhHoaCityConsolidatesTo55Points() throws Exception {
		// given Thanh Hóa city's wards and communes, and its file: 2 city-level points, one point per
		// ward or commune, and 19 street-level points in Đông Thọ ward
		StringBuilder tree = new StringBuilder();
		THANH_HOA_WARDS.forEach(ward -> tree.append(ward.substring(0, 5)).append(',').append(ward.substring(6))
			.append(",380,grassroots,,2025-06-30,\n"));
		importUnits(tree.toString());
		List<String> points = new ArrayList<>();
		points.add(point("Hội trường Thành ủy Thanh Hóa", "Thành phố thuộc tỉnh", "", 350, 40));
		points.add(point("Trung tâm Chính trị thành phố", "Cấp huyện", "", 210, 15));
		for (String ward : THANH_HOA_WARDS) {
			String name = ward.substring(6);
			points.add(point(name, name.startsWith("Xã") ? "Xã" : "Phường", name, 120, 10));
		}
		for (int i = 1; i <= 19; i++) {
			points.add(point("Phố Đông Thọ " + i, "Tổ dân phố", "Phường Đông Thọ", 25, 5));
		}
		submit("380", "Thành ủy Thanh Hóa", points);

		// when
		assertThat(this.runner.run(this.input, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then warehouse.md: 55 points, 2 city-level, 34 ward/commune, 19 street-level in Đông Thọ ward
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission", String.class)).isEqualTo("accepted");
		Map<String, Object> city = this.jdbc.queryForMap("SELECT * FROM warehouse.participation_by_unit "
				+ "WHERE conference_code = 'NQDH13' AND reporting_unit_code = '380'");
		assertThat(city).containsEntry("reporting_unit_name", "Thành phố Thanh Hóa")
			.containsEntry("province_code", "38")
			.containsEntry("points", 55L)
			.containsEntry("points_district", 2L)
			.containsEntry("points_grassroots", 34L)
			.containsEntry("points_cell", 19L);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE point_level = 'cell' "
				+ "AND host_unit_code = '14758'", Integer.class)).isEqualTo(19);
	}

	private void importUnits(String rows) throws IOException {
		Path file = this.input.resolveSibling(this.input.getFileName() + "-units.csv");
		Files.writeString(file, "code,name,parent_code,kind,valid_from,valid_to,aliases\n" + rows);
		this.units.importFile(file);
	}

	/** Writes a unit's file into its folder; returns its participants. */
	private int submit(String folder, String unit, List<String> points) throws IOException {
		StringBuilder csv = new StringBuilder("Đơn vị báo cáo," + unit + "\nHội nghị,NQDH13\n\n" + HEADER);
		int participants = 0;
		for (int i = 0; i < points.size(); i++) {
			csv.append(i + 1).append(',').append(points.get(i)).append('\n');
			String[] cells = points.get(i).split(",");
			participants += Integer.parseInt(cells[3]) + Integer.parseInt(cells[4]);
		}
		Path file = this.input.resolve(folder).resolve(folder + "-nqdh13.csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, csv);
		return participants;
	}

	private static String point(String name, String level, String host, int members, int others) {
		return String.join(",", name, level, host, String.valueOf(members), String.valueOf(others));
	}

	private record Reporter(String code, String name, String kind, int grassroots) {
	}

}
