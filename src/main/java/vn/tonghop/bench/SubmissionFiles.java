package vn.tonghop.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Generates the bench's reference data and submissions: a unit tree after the 2025 reform
 * (provinces and their communes), its conferences, and submissions in the layout districts send.
 * Everything is derived from the plan and a fixed seed, so every run loads the same rows.
 */
final class SubmissionFiles {

	static final String CONFERENCE = "BENCH-2026";

	static final String HUGE_CONFERENCE = "BENCH-W2";

	/**
	 * How many times W2 and its floor are timed: one run of each moved by up to a third on this
	 * machine's neighbours alone. Each W2 run is the same file for a conference of its own, so each
	 * is a first load, not a duplicate or a new version.
	 */
	static final int HUGE_RUNS = 3;

	static final String HUGE_UNIT = "01";

	private static final String[] HEADER = { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự",
			"Số người khác tham dự" };

	/**
	 * The huge file's header: every column submission-format.md names, in its order, and two a
	 * district adds of its own (read as unknown and listed as a warning): twelve columns, as in
	 * the measurement of the floor.
	 */
	private static final String[] FULL_HEADER = { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Đơn vị chủ trì",
			"Hình thức", "Ngày", "Số đảng viên tham dự", "Số người khác tham dự", "Tổng số người tham dự", "Ghi chú",
			"Địa chỉ", "Số điện thoại" };

	/** Columns in the huge file. */
	static final int FULL_COLUMNS = FULL_HEADER.length;

	private SubmissionFiles() {
	}

	static String province(int number) {
		return String.format("%02d", number);
	}

	static String commune(int number) {
		return String.format("%05d", number);
	}

	/** Every reporting unit of a national day: the provinces, then the communes. */
	static List<String> reporters(BenchPlan plan) {
		List<String> codes = new ArrayList<>();
		for (int p = 1; p <= plan.provinces(); p++) {
			codes.add(province(p));
		}
		for (int c = 1; c <= plan.communes(); c++) {
			codes.add(commune(c));
		}
		return codes;
	}

	/** The unit tree as units.csv; with aliases, every province also answers to "Bench tỉnh NN". */
	static Path units(Path file, BenchPlan plan, boolean aliases) throws IOException {
		StringBuilder csv = new StringBuilder("code,name,parent_code,kind,valid_from,valid_to,aliases\n");
		for (int p = 1; p <= plan.provinces(); p++) {
			csv.append(province(p)).append(",Tỉnh Bench ").append(province(p)).append(",,province,2025-07-01,,")
				.append(aliases ? "Bench tỉnh " + province(p) : "").append('\n');
		}
		for (int c = 1; c <= plan.communes(); c++) {
			csv.append(commune(c)).append(",Xã Bench ").append(commune(c)).append(',')
				.append(province(1 + (c - 1) % plan.provinces())).append(",grassroots,2025-07-01,,\n");
		}
		Files.createDirectories(file.getParent());
		return Files.writeString(file, csv);
	}

	static Path conferences(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		StringBuilder csv = new StringBuilder("code,title,start_date,end_date,deadline,scope\n").append(CONFERENCE)
			.append(",Hội nghị bench toàn quốc,2026-01-15,2026-01-15,2026-01-31,all\n");
		for (int run = 1; run <= HUGE_RUNS; run++) {
			csv.append(hugeConference(run)).append(",Hội nghị bench một tệp lớn ").append(run)
				.append(",2026-02-10,2026-02-10,2026-02-28,all\n");
		}
		return Files.writeString(file, csv);
	}

	/** The conference W2's run (from 1) reports on. */
	static String hugeConference(int run) {
		return (run == 1) ? HUGE_CONFERENCE : HUGE_CONFERENCE + "-" + run;
	}

	/**
	 * One submission per reporting unit, 10–60 points each, in turn .xlsx, .xls and .csv.
	 * @return the points written
	 */
	static long nationalDay(Path input, BenchPlan plan) throws IOException {
		Files.createDirectories(input);
		List<String> units = reporters(plan);
		int[] counts = pointCounts(plan);
		long points = 0;
		for (int i = 0; i < units.size(); i++) {
			int count = counts[i];
			String unit = units.get(i);
			switch (i % 3) {
				case 0 -> workbook(new XSSFWorkbook(), input.resolve(unit + ".xlsx"), unit, CONFERENCE, count);
				case 1 -> workbook(new HSSFWorkbook(), input.resolve(unit + ".xls"), unit, CONFERENCE, count);
				default -> Files.writeString(input.resolve(unit + ".csv"), csv(unit, count), StandardCharsets.UTF_8);
			}
			points += count;
		}
		return points;
	}

	/** How many points each reporter's submission has, in {@link #reporters} order. */
	static int[] pointCounts(BenchPlan plan) {
		Random random = new Random(6);
		int[] counts = new int[plan.files()];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = 10 + random.nextInt(51);
		}
		return counts;
	}

	/**
	 * One .xlsx with this many points in every column of the format (see {@link #FULL_HEADER}),
	 * written by POI's streaming writer (inline strings). Each point's host is one of the huge
	 * unit's communes in turn.
	 */
	static Path huge(Path file, BenchPlan plan, String conference) throws IOException {
		Files.createDirectories(file.getParent());
		List<String> hosts = hugeUnitCommunes(plan);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			LocalDate day = LocalDate.of(2026, 2, 10);
			Sheet sheet = workbook.createSheet("Báo cáo");
			text(sheet.createRow(0), "Đơn vị báo cáo", HUGE_UNIT);
			text(sheet.createRow(1), "Hội nghị", conference);
			text(sheet.createRow(3), FULL_HEADER);
			long members = 0;
			long others = 0;
			int points = plan.hugeRows();
			for (int i = 1; i <= points; i++) {
				Row row = sheet.createRow(3 + i);
				row.createCell(0).setCellValue(i);
				row.createCell(1).setCellValue("Chi bộ số " + i);
				row.createCell(2).setCellValue("Chi bộ");
				row.createCell(3).setCellValue(hosts.get(i % hosts.size()));
				row.createCell(4).setCellValue("Trực tuyến");
				Cell session = row.createCell(5);
				session.setCellValue(day);
				session.setCellStyle(date);
				row.createCell(6).setCellValue(members(i));
				row.createCell(7).setCellValue(others(i));
				row.createCell(8).setCellValue(members(i) + others(i));
				if (i % 10 == 0) {
					row.createCell(9).setCellValue("Học qua truyền hình trực tuyến");
				}
				row.createCell(10).setCellValue("Thôn " + i % 100);
				row.createCell(11).setCellValue(String.format("09%08d", i));
				members += members(i);
				others += others(i);
			}
			Row totals = sheet.createRow(4 + points);
			totals.createCell(1).setCellValue("Tổng cộng");
			totals.createCell(6).setCellValue(members);
			totals.createCell(7).setCellValue(others);
			totals.createCell(8).setCellValue(members + others);
			workbook.write(out);
			workbook.dispose();
		}
		return file;
	}

	/** The communes under {@link #HUGE_UNIT} in {@link #units}' tree. */
	private static List<String> hugeUnitCommunes(BenchPlan plan) {
		List<String> codes = new ArrayList<>();
		for (int c = 1; c <= plan.communes(); c += plan.provinces()) {
			codes.add(commune(c));
		}
		return codes;
	}

	static int members(int point) {
		return 10 + point * 7 % 90;
	}

	static int others(int point) {
		return point % 7;
	}

	private static void workbook(Workbook workbook, Path file, String unit, String conference, int points)
			throws IOException {
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Báo cáo");
			text(sheet.createRow(0), "Đơn vị báo cáo", unit);
			text(sheet.createRow(1), "Hội nghị", conference);
			text(sheet.createRow(3), HEADER);
			long members = 0;
			long others = 0;
			for (int i = 1; i <= points; i++) {
				Row row = sheet.createRow(3 + i);
				row.createCell(0).setCellValue(i);
				row.createCell(1).setCellValue("Chi bộ số " + i);
				row.createCell(2).setCellValue("Chi bộ");
				row.createCell(3).setCellValue(members(i));
				row.createCell(4).setCellValue(others(i));
				members += members(i);
				others += others(i);
			}
			Row totals = sheet.createRow(4 + points);
			totals.createCell(1).setCellValue("Tổng cộng");
			totals.createCell(3).setCellValue(members);
			totals.createCell(4).setCellValue(others);
			workbook.write(out);
		}
	}

	private static String csv(String unit, int points) {
		StringBuilder csv = new StringBuilder("Đơn vị báo cáo;").append(unit).append("\nHội nghị;").append(CONFERENCE)
			.append("\n\n").append(String.join(";", HEADER)).append('\n');
		long members = 0;
		long others = 0;
		for (int i = 1; i <= points; i++) {
			csv.append(i).append(";Chi bộ số ").append(i).append(";Chi bộ;").append(members(i)).append(';')
				.append(others(i)).append('\n');
			members += members(i);
			others += others(i);
		}
		return csv.append(";Tổng cộng;;").append(members).append(';').append(others).append('\n').toString();
	}

	private static void text(Row row, String... texts) {
		for (int i = 0; i < texts.length; i++) {
			row.createCell(i).setCellValue(texts[i]);
		}
	}

}
