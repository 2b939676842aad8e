package vn.tonghop.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the example submissions shipped in input/. They reproduce the published figures of
 * warehouse.md in two layouts, plus one file that is rightly rejected. Regenerate with
 * {@code java -cp <test classpath> vn.tonghop.examples.ExampleInputs input}.
 */
public final class ExampleInputs {

	/** Long Biên, XIII Congress resolution: 3 district-level points and 16 grassroots (14 wards, police, hospital). */
	static final List<Point> LONG_BIEN = List.of(
			new Point("Hội trường Quận ủy Long Biên", "Quận", null, 402, 80),
			new Point("Trung tâm Chính trị quận Long Biên", "Cấp huyện", null, 245, 70),
			new Point("Hội trường UBND quận Long Biên", "Quận", null, 196, 60),
			new Point("Phường Thượng Thanh", "Phường", "Phường Thượng Thanh", 352, 41),
			new Point("Phường Ngọc Thụy", "Phường", "Phường Ngọc Thụy", 318, 36),
			new Point("Phường Giang Biên", "Phường", "Phường Giang Biên", 287, 29),
			new Point("Phường Đức Giang", "Phường", "Phường Đức Giang", 365, 74),
			new Point("Phường Việt Hưng", "Phường", "Phường Việt Hưng", 341, 38),
			new Point("Phường Gia Thụy", "Phường", "Phường Gia Thụy", 298, 33),
			new Point("Phường Ngọc Lâm", "Phường", "Phường Ngọc Lâm", 334, 37),
			new Point("Phường Phúc Lợi", "Phường", "Phường Phúc Lợi", 276, 27),
			new Point("Phường Bồ Đề", "Phường", "Phường Bồ Đề", 389, 70),
			new Point("Phường Sài Đồng", "Phường", "Phường Sài Đồng", 263, 30),
			new Point("Phường Long Biên", "Phường", "Phường Long Biên", 271, 28),
			new Point("Phường Thạch Bàn", "Phường", "Phường Thạch Bàn", 305, 34),
			new Point("Phường Phúc Đồng", "Phường", "Phường Phúc Đồng", 247, 26),
			new Point("Phường Cự Khối", "Phường", "Phường Cự Khối", 198, 22),
			new Point("Đảng bộ Công an quận", "Cơ sở", "Công an quận Long Biên", 156, 0),
			new Point("Đảng bộ Bệnh viện đa khoa Đức Giang", "Cơ sở", "Bệnh viện đa khoa Đức Giang", 118, 12));

	private static final String[] AGENCIES = { "Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy",
			"Ủy ban Kiểm tra Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Báo Lạng Sơn",
			"Trường Chính trị Hoàng Văn Thụ", "Văn phòng UBND tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
			"Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương",
			"Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Xây dựng",
			"Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội",
			"Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế",
			"Sở Ngoại vụ", "Thanh tra tỉnh", "Ban Dân tộc tỉnh", "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
			"Đài Phát thanh và Truyền hình tỉnh", "Ủy ban MTTQ tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn",
			"Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Liên đoàn Lao động tỉnh", "Tòa án nhân dân tỉnh",
			"Viện Kiểm sát nhân dân tỉnh", "Cục Thi hành án dân sự tỉnh", "Cục Thuế tỉnh", "Cục Hải quan tỉnh",
			"Cục Thống kê tỉnh", "Kho bạc Nhà nước tỉnh", "Bảo hiểm xã hội tỉnh", "Ngân hàng Nhà nước Chi nhánh tỉnh",
			"Bệnh viện Đa khoa tỉnh", "Bệnh viện Y học cổ truyền tỉnh", "Bệnh viện Phổi tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh",
			"Trường Cao đẳng Sư phạm", "Trường Cao đẳng Y tế", "Trường Cao đẳng nghề Công nghệ và Nông lâm Đông Bắc",
			"Trường THPT Chuyên Chu Văn An", "Trường THPT Việt Bắc", "Trường Phổ thông DTNT tỉnh",
			"Quỹ Đầu tư phát triển tỉnh", "Liên minh Hợp tác xã tỉnh", "Hội Chữ thập đỏ tỉnh", "Hội Văn học Nghệ thuật tỉnh",
			"Ban Quản lý dự án đầu tư xây dựng tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Chi cục Kiểm lâm",
			"Chi cục Quản lý thị trường" };

	private ExampleInputs() {
	}

	public static void main(String[] args) throws IOException {
		write(Path.of(args.length > 0 ? args[0] : "input"));
	}

	static void write(Path input) throws IOException {
		longBien(input.resolve("004").resolve("long-bien-nqdh13.xlsx"));
		langSon(input.resolve("lang-son-khoi-cqt-hntw8.xls"));
		thanhHoaDraft(input.resolve("380").resolve("thanh-hoa-tp-nqdh13-ban-nhap.csv"));
	}

	/** Canonical layout, title rows, labelled cells, two merged header rows, a formula totals row. */
	static void longBien(Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Báo cáo");
			text(sheet, 0, 0, "QUẬN ỦY LONG BIÊN");
			text(sheet, 1, 0, "BÁO CÁO KẾT QUẢ TỔ CHỨC HỘI NGHỊ TRỰC TUYẾN NGHIÊN CỨU, HỌC TẬP NGHỊ QUYẾT ĐẠI HỘI XIII");
			text(sheet, 3, 0, "Đơn vị báo cáo:");
			text(sheet, 3, 1, "Quận ủy Long Biên");
			text(sheet, 4, 0, "Hội nghị: NQDH13");
			String[] top = { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Đơn vị chủ trì", "Hình thức", "Số người tham dự",
					"", "", "Ghi chú" };
			String[] bottom = { "", "", "", "", "", "Đảng viên", "Quần chúng", "Tổng số", "" };
			for (int c = 0; c < top.length; c++) {
				text(sheet, 6, c, top[c]);
				text(sheet, 7, c, bottom[c]);
				if (c < 5 || c == 8) {
					sheet.addMergedRegion(new CellRangeAddress(6, 7, c, c));
				}
			}
			sheet.addMergedRegion(new CellRangeAddress(6, 6, 5, 7));
			int r = 8;
			for (int i = 0; i < LONG_BIEN.size(); i++, r++) {
				Point p = LONG_BIEN.get(i);
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(i + 1);
				row.createCell(1).setCellValue(p.name());
				row.createCell(2).setCellValue(p.level());
				if (p.host() != null) {
					row.createCell(3).setCellValue(p.host());
				}
				row.createCell(4).setCellValue("Trực tuyến");
				row.createCell(5).setCellValue(p.members());
				row.createCell(6).setCellValue(p.others());
				row.createCell(7).setCellFormula("F" + (r + 1) + "+G" + (r + 1));
			}
			Row totals = sheet.createRow(r);
			totals.createCell(1).setCellValue("Tổng cộng");
			for (int c = 5; c <= 7; c++) {
				String column = String.valueOf((char) ('A' + c));
				totals.createCell(c).setCellFormula("SUM(" + column + "9:" + column + r + ")");
			}
			text(sheet, r + 2, 5, "Long Biên, ngày 29 tháng 3 năm 2021");
			text(sheet, r + 3, 5, "NGƯỜI LẬP BIỂU");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			save(workbook, file);
		}
	}

	/** Another layout: .xls, one header row of aliases in another order, the unit summary below. */
	static void langSon(Path file) throws IOException {
		List<Point> points = new ArrayList<>();
		points.add(new Point("Hội trường Đảng ủy Khối các cơ quan tỉnh", "Khối", null, 132, 18));
		for (int i = 0; i < 63; i++) {
			// 63 grassroots points, 2,963 participants in all.
			int members = 44 + (i % 5);
			int others = i < 2 ? 1 : 0;
			points.add(new Point("Đảng bộ " + AGENCIES[i], "Đảng bộ cơ sở", null, members, others));
		}
		int sum = points.stream().mapToInt(p -> p.members() + p.others()).sum();
		int fix = 3113 - sum;
		Point last = points.remove(points.size() - 1);
		points.add(new Point(last.name(), last.level(), null, last.members() + fix, last.others()));
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Tong hop");
			text(sheet, 0, 0, "ĐẢNG BỘ TỈNH LẠNG SƠN");
			text(sheet, 1, 0, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH");
			text(sheet, 3, 0, "Đơn vị");
			text(sheet, 3, 2, "Đảng ủy Khối các cơ quan tỉnh Lạng Sơn");
			text(sheet, 4, 0, "Mã hội nghị");
			text(sheet, 4, 2, "HNTW8-K13");
			String[] header = { "TT", "Điểm cầu", "Cấp", "Ngày học", "Số ĐV", "Quần chúng", "Tổng số", "Hình thức học tập" };
			for (int c = 0; c < header.length; c++) {
				text(sheet, 6, c, header[c]);
			}
			int r = 7;
			for (int i = 0; i < points.size(); i++, r++) {
				Point p = points.get(i);
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(i + 1);
				row.createCell(1).setCellValue(p.name());
				row.createCell(2).setCellValue(p.level());
				row.createCell(3).setCellValue("04/12/2023");
				row.createCell(4).setCellValue(p.members());
				row.createCell(5).setCellValue(p.others());
				row.createCell(6).setCellValue(p.members() + p.others());
				row.createCell(7).setCellValue("Trực tuyến");
			}
			Row totals = sheet.createRow(r);
			totals.createCell(1).setCellValue("Cộng");
			totals.createCell(4).setCellValue(points.stream().mapToInt(Point::members).sum());
			totals.createCell(5).setCellValue(points.stream().mapToInt(Point::others).sum());
			totals.createCell(6).setCellValue(3113);
			text(sheet, r + 2, 1, "Tổng số đảng viên: 4.336");
			text(sheet, r + 3, 1, "Số đảng viên được học tập: 3.252");
			text(sheet, r + 4, 1, "Tỷ lệ (%): 75%");
			save(workbook, file);
		}
	}

	/** A semicolon CSV whose totals row does not add up: rejected, nothing loaded. */
	static void thanhHoaDraft(Path file) throws IOException {
		String csv = """
				Đơn vị báo cáo;Thành ủy Thanh Hóa
				Hội nghị;NQDH13

				STT;Tên điểm cầu;Cấp điểm cầu;Số đảng viên tham dự;Số người khác tham dự;Tổng số người tham dự
				1;Hội trường Thành ủy Thanh Hóa;Thành phố thuộc tỉnh;350;40;390
				2;Trung tâm Chính trị thành phố;Cấp huyện;210;15;225
				3;Phường Đông Thọ;Phường;180;20;200
				;Tổng cộng;;740;75;825
				""";
		Files.createDirectories(file.getParent());
		Files.writeString(file, csv, StandardCharsets.UTF_8);
	}

	private static void text(Sheet sheet, int row, int column, String value) {
		if (value.isEmpty()) {
			return;
		}
		Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
		r.createCell(column).setCellValue(value);
	}

	private static void save(Workbook workbook, Path file) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
	}

	record Point(String name, String level, String host, int members, int others) {
	}

}
