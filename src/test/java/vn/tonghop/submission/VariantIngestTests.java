package vn.tonghop.submission;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.submission.LongBienSubmission.Column;
import vn.tonghop.submission.LongBienSubmission.Formula;
import vn.tonghop.submission.LongBienSubmission.Grid;
import vn.tonghop.submission.LongBienSubmission.Kind;
import vn.tonghop.submission.LongBienSubmission.Percent;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.submission.LongBienSubmission.DATE;
import static vn.tonghop.submission.LongBienSubmission.FORMAT;
import static vn.tonghop.submission.LongBienSubmission.HOST;
import static vn.tonghop.submission.LongBienSubmission.LEVEL;
import static vn.tonghop.submission.LongBienSubmission.MEMBERS_COLUMN;
import static vn.tonghop.submission.LongBienSubmission.NAME;
import static vn.tonghop.submission.LongBienSubmission.NOTES;
import static vn.tonghop.submission.LongBienSubmission.OTHERS_COLUMN;
import static vn.tonghop.submission.LongBienSubmission.POINTS;
import static vn.tonghop.submission.LongBienSubmission.STT;
import static vn.tonghop.submission.LongBienSubmission.TITLE;
import static vn.tonghop.submission.LongBienSubmission.TOTAL;
import static vn.tonghop.submission.LongBienSubmission.row;

/**
 * The same Long Biên submission written in every layout, encoding and format the submission
 * format allows: each must load the same figures into the warehouse, with exactly the warnings
 * its form calls for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class VariantIngestTests {

	private static final String SHEET = "Báo cáo";

	/** What every variant must load: point, level, host unit, format, date, members, others. */
	private static final List<List<Object>> LOADED = List.of(
			List.of("Hội trường Quận ủy Long Biên", "district", "004", "online", "2021-03-27", 1250, 80),
			List.of("Trung tâm Chính trị quận Long Biên", "district", "004", "online", "2021-03-27", 245, 70),
			List.of("Phường Bồ Đề", "grassroots", "00139", "online", "2021-03-27", 389, 70),
			List.of("Phường Gia Thụy", "grassroots", "00130", "online", "2021-03-27", 298, 33),
			List.of("Phường Ngọc Lâm", "grassroots", "00133", "online", "2021-03-27", 334, 37),
			List.of("Đảng bộ Công an quận", "grassroots", "004-CA", "online", "2021-03-27", 156, 0));

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	/**
	 * A way of writing the submission.
	 *
	 * @param name what the variant varies, as the test report lists it
	 * @param write writes the file into the drop folder
	 * @param problems the problems expected, as "code sheet!cell" (only warnings: the file loads)
	 */
	record Variant(String name, Function<Path, Path> write, List<String> problems) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void everyVariantLoadsTheSameFigures(Variant variant) throws Exception {
		// given
		Path file = variant.write().apply(this.input);

		// when
		this.runner.run(this.input, "test");

		// then
		Map<String, Object> submission = this.jdbc.queryForMap("SELECT * FROM tonghop.submission");
		assertThat(submission.get("file_name")).isEqualTo(file.getFileName().toString());
		assertThat(problems()).containsExactlyElementsOf(variant.problems());
		assertThat(submission).containsEntry("state", variant.problems().isEmpty() ? "accepted" : "accepted_with_warnings")
			.containsEntry("unit_code", "004")
			.containsEntry("conference_code", "NQDH13")
			.containsEntry("report_date", Date.valueOf(LocalDate.of(2021, 3, 29)))
			.containsEntry("rows_loaded", 6);
		assertThat(this.jdbc.query("SELECT point_name, point_level, host_unit_code, format, session_date::text, "
				+ "members_attending, others_attending FROM warehouse.participation ORDER BY source_row",
				(rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getInt(6), rs.getInt(7))))
			.isEqualTo(LOADED);
		Map<String, Object> figures = this.jdbc.queryForMap("SELECT * FROM warehouse.participation_by_unit "
				+ "WHERE conference_code = 'NQDH13' AND reporting_unit_code = '004'");
		assertThat(figures).containsEntry("points", 6L)
			.containsEntry("points_district", 2L)
			.containsEntry("points_grassroots", 4L)
			.containsEntry("members_attending", 2672L)
			.containsEntry("others_attending", 290L)
			.containsEntry("participants", 2962L)
			.containsEntry("members_total", 4000)
			.containsEntry("members_studied", 3000)
			.containsEntry("coverage_pct", new BigDecimal("75.0"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejected")
	void aFigureThatIsNotThereOrDoesNotAddUpRejectsTheFile(Variant variant) throws Exception {
		// given
		variant.write().apply(this.input);

		// when
		this.runner.run(this.input, "test");

		// then
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission", String.class)).isEqualTo("rejected");
		assertThat(problems()).containsExactlyElementsOf(variant.problems());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation", Integer.class)).isZero();
	}

	static Stream<Variant> variants() {
		List<Variant> variants = new ArrayList<>();
		variants.addAll(workbookLayouts());
		variants.addAll(valueForms());
		variants.addAll(textForms());
		variants.addAll(csvEncodings());
		variants.addAll(legacyFonts());
		variants.addAll(unitsAndLabels());
		return variants.stream();
	}

	private static List<Variant> workbookLayouts() {
		List<Variant> variants = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			String ext = kind.extension();
			variants.add(new Variant(ext + " canonical: title rows, labels above, one header row",
					(dir) -> LongBienSubmission.workbook(dir.resolve("long-bien" + ext), kind, false, (workbook) -> {
					}, new LongBienSubmission().grid(SHEET)), List.of()));
			LongBienSubmission twoRows = twoRowHeaderWithFormulas();
			variants.add(new Variant(ext + " two merged header rows, merged title, formulas with cached values",
					(dir) -> LongBienSubmission.workbook(dir.resolve("hai-dong-tieu-de" + ext), kind, false, (workbook) -> {
					}, twoRows.grid(SHEET).merge(1, 1, 0, 9).clearCovered()), List.of()));
			variants.add(new Variant(ext + " level, host, format and date merged down over their rows",
					(dir) -> LongBienSubmission.workbook(dir.resolve("o-gop" + ext), kind, false, (workbook) -> {
					}, mergedDown()), List.of()));
			variants.add(new Variant(ext + " hidden and very hidden sheets and an instruction sheet come first",
					(dir) -> LongBienSubmission.workbook(dir.resolve("nhieu-sheet" + ext), kind, false, (workbook) -> {
						workbook.setActiveSheet(3);
						workbook.setSheetVisibility(0, SheetVisibility.HIDDEN);
						workbook.setSheetVisibility(1, SheetVisibility.VERY_HIDDEN);
					}, otherFigures("Mẫu cũ"), otherFigures("Ẩn"),
							new Grid("Hướng dẫn").row("Hướng dẫn điền biểu").row("Đơn vị báo cáo: ghi tên đơn vị")
								.row("Tên điểm cầu: ghi đầy đủ"),
							new LongBienSubmission().grid(SHEET)),
					List.of()));
			variants.add(new Variant(ext + " hidden columns, styles, number formats, percent-formatted coverage",
					(dir) -> LongBienSubmission.workbook(dir.resolve("dinh-dang" + ext), kind, false,
							VariantIngestTests::styleAndHide,
							new LongBienSubmission().below(row("Tổng số đảng viên", 4000), row("Số đảng viên được học tập", 3000),
									row("Tỷ lệ (%)", new Percent(0.75)), row("Ngày lập:", LongBienSubmission.SESSION.plusDays(2)))
								.grid(SHEET)),
					List.of()));
			variants.add(new Variant(ext + " in parts: figures on part I's heading, part II merged across and closed by 'Cộng II'",
					(dir) -> LongBienSubmission.workbook(dir.resolve("theo-phan" + ext), kind, false, (workbook) -> {
					}, inParts()), List.of()));
			variants.add(new Variant(ext + " 1904 date system",
					(dir) -> LongBienSubmission.workbook(dir.resolve("1904" + ext), kind, true, (workbook) -> {
					}, new LongBienSubmission().below(row("Tổng số đảng viên", 4000), row("Số đảng viên được học tập", 3000),
							row("Tỷ lệ (%)", 75), row("Ngày báo cáo", null, LongBienSubmission.SESSION.plusDays(2)))
						.grid(SHEET)),
					List.of()));
		}
		LongBienSubmission aliases = new LongBienSubmission().columns(MEMBERS_COLUMN.header("so dv"),
				NAME.header("  TEN   DIEM CAU "), new Column("Địa chỉ", (i) -> "Số " + (i + 1), null), LEVEL.header("CẤP"),
				OTHERS_COLUMN.header("Quan chung"), HOST.header("don vi"), STT.header("tt"), DATE.header("Thời  gian"),
				FORMAT.header("HÌNH THỨC HỌC TẬP"), TOTAL.header("tong so"));
		variants.add(new Variant(".xlsx header aliases without diacritics, any case and spacing, shuffled, unknown column",
				(dir) -> LongBienSubmission.workbook(dir.resolve("ten-cot-khac.xlsx"), Kind.XLSX, false, (workbook) -> {
				}, aliases.grid(SHEET)),
				List.of("unknown-column " + SHEET + "!C" + aliases.headerRow())));
		return variants;
	}

	private static List<Variant> valueForms() {
		LongBienSubmission text = new LongBienSubmission()
			.columns(STT, NAME, LEVEL, HOST, FORMAT,
					DATE.values((i) -> List.of("27/03/2021", "27/3/2021", "27-03-2021", "2021-03-27",
							"ngày 27 tháng 3 năm 2021", "Ngày 27 tháng 03 năm 2021").get(i)),
					MEMBERS_COLUMN.values((i) -> (i == 0) ? "1.250" : String.valueOf(POINTS.get(i).members())).total("2.672"),
					OTHERS_COLUMN.values((i) -> String.valueOf(POINTS.get(i).others())).total("290"),
					TOTAL.values((i) -> (i == 0) ? "1 330" : (i == 1) ? "315" : String.valueOf(POINTS.get(i).members() + POINTS.get(i).others()))
						.total("2,962"),
					NOTES)
			.below(row("Tổng số đảng viên", "4 000"), row("Số đảng viên được học tập", "3,000"), row("Tỷ lệ (%)", "75,0"),
					row("Long Biên, ngày 29 tháng 3 năm 2021"));
		return List.of(new Variant(".xlsx numbers and dates written as text in every accepted form",
				(dir) -> LongBienSubmission.workbook(dir.resolve("so-dang-chu.xlsx"), Kind.XLSX, false, (workbook) -> {
				}, text.grid(SHEET)), List.of()),
				new Variant(".xls numbers and dates written as text in every accepted form",
						(dir) -> LongBienSubmission.workbook(dir.resolve("so-dang-chu.xls"), Kind.XLS, false, (workbook) -> {
						}, text.grid(SHEET)), List.of()));
	}

	private static List<Variant> textForms() {
		// NFD everywhere, tone marks on the other vowel, NBSP and zero-width characters, abbreviations.
		LongBienSubmission folded = new LongBienSubmission()
			.above(row("QUẬN ỦY LONG BIÊN"), row("Đơn\u00A0vị báo cáo:\u200B Q. Long Biên"), row("Hội nghị: NQDH13"))
			.columns(STT, NAME.values((i) -> List.of("Hội trường Quận ủy\u00A0Long Biên", "Trung tâm Chính trị  quận Long Biên",
					"Phường Bồ\u200B Đề", "Phường Gia\u00A0Thụy", " Phường Ngọc Lâm ", "Đảng bộ Công an quận").get(i)),
					LEVEL.header("Cấp\u00A0điểm cầu"),
					HOST.values((i) -> List.of("Q. Long Biên", "", "P. Bồ Đề", "P.Gia Thuỵ", "Phường Ngọc Lâm",
							"ĐB Công an quận Long Biên").get(i)),
					MEMBERS_COLUMN, OTHERS_COLUMN.header("Số người khác\u2060 tham dự"), TOTAL);
		UnaryOperator<Object> nfd = (value) -> (value instanceof String s) ? Normalizer.normalize(s, Normalizer.Form.NFD)
				: value;
		return List.of(new Variant(".xlsx text in NFD, tone marks moved, NBSP, zero-width, abbreviated unit names",
				(dir) -> LongBienSubmission.workbook(dir.resolve("van-ban.xlsx"), Kind.XLSX, false, (workbook) -> {
				}, map(folded.grid(SHEET), nfd)), List.of()));
	}

	private static List<Variant> csvEncodings() {
		Grid canonical = new LongBienSubmission().grid("long-bien");
		LongBienSubmission multiline = new LongBienSubmission()
			.columns(STT, NAME.values((i) -> POINTS.get(i).name().replace(" Long Biên", "\nLong Biên")), LEVEL, HOST,
					MEMBERS_COLUMN.values((i) -> (i == 0) ? "1,250" : POINTS.get(i).members()).total("2,672"), OTHERS_COLUMN,
					TOTAL.values((i) -> (i == 0) ? "1,330" : POINTS.get(i).members() + POINTS.get(i).others()).total("2,962"))
			.below(row("Tổng số đảng viên", "4,000"), row("Số đảng viên được học tập", "3,000"), row("Tỷ lệ (%)", "75.0 %"),
					row("Long Biên, ngày 29 tháng 3 năm 2021"));
		// U+0000 cannot be stored in PostgreSQL text; it is dropped as the file is read.
		LongBienSubmission nul = new LongBienSubmission().columns(STT,
				NAME.values((i) -> POINTS.get(i).name().replaceFirst(" ", " \0")), LEVEL, HOST, MEMBERS_COLUMN, OTHERS_COLUMN,
				TOTAL);
		Charset windows1258 = Charset.forName("windows-1258");
		return List.of(
				new Variant(".csv semicolons, UTF-8 without BOM",
						(dir) -> LongBienSubmission.csv(dir.resolve("long-bien.csv"), canonical, ';', StandardCharsets.UTF_8, false),
						List.of()),
				new Variant(".csv commas, UTF-8 with BOM, quoted fields with line breaks and thousands commas",
						(dir) -> LongBienSubmission.csv(dir.resolve("long-bien.csv"), multiline.grid("long-bien"), ',',
								StandardCharsets.UTF_8, true),
						List.of()),
				new Variant(".csv tabs, UTF-16 LE with BOM (Excel Unicode text)",
						(dir) -> LongBienSubmission.csv(dir.resolve("long-bien.csv"), canonical, '\t', StandardCharsets.UTF_16LE, true),
						List.of()),
				new Variant(".csv semicolons, UTF-16 BE with BOM",
						(dir) -> LongBienSubmission.csv(dir.resolve("long-bien.csv"), canonical, ';', StandardCharsets.UTF_16BE, true),
						List.of()),
				new Variant(".csv semicolons, NUL characters inside the point names",
						(dir) -> LongBienSubmission.csv(dir.resolve("long-bien.csv"), nul.grid("long-bien"), ';',
								StandardCharsets.UTF_8, false),
						List.of()),
				new Variant(".csv semicolons, Windows-1258 with combining tone marks",
						(dir) -> LongBienSubmission.csv(dir.resolve("long-bien.csv"), canonical, ';', windows1258, false),
						List.of()));
	}

	private static List<Variant> legacyFonts() {
		LongBienSubmission legacy = new LongBienSubmission().above(row("QUẬN ỦY LONG BIÊN"),
				row("Đơn vị báo cáo: Quận ủy Long Biên"), row("Hội nghị: NQDH13"))
			.below(row("Tổng số đảng viên: 4.000"), row("Số đảng viên được học tập: 3.000"), row("Tỷ lệ (%): 75%"),
					row("Long Biên, ngày 29 tháng 3 năm 2021"), row("Người lập biểu"));
		// Every text with a Vietnamese letter converts: 3 above, 9 headers (not STT), 24 in the rows
		// (6 names, 6 levels, 5 hosts, 6 formats, 1 note), the totals label and 5 below.
		int converted = 42;
		return List.of(new Variant(".xlsx typed in TCVN3: .VnTime, title in .VnTimeH",
				(dir) -> LongBienSubmission.workbook(dir.resolve("tcvn3.xlsx"), Kind.XLSX, false, (workbook) -> {
					Sheet sheet = workbook.getSheetAt(0);
					LongBienSubmission.font(sheet, 1, 1, ".VnTimeH");
					LongBienSubmission.font(sheet, 2, 100, ".VnTime");
				}, tcvn3(legacy.grid(SHEET))),
				List.of("legacy-encoding " + SHEET + "!A1 .VnTimeH " + converted)),
				new Variant(".xls typed in VNI: VNI-Times",
						(dir) -> LongBienSubmission.workbook(dir.resolve("vni.xls"), Kind.XLS, false,
								(workbook) -> LongBienSubmission.font(workbook.getSheetAt(0), 1, 100, "VNI-Times"),
								map(legacy.grid(SHEET), (value) -> (value instanceof String s) ? LegacyTyping.vni(s) : value)),
						List.of("legacy-encoding " + SHEET + "!A1 VNI-Times " + converted)));
	}

	private static List<Variant> unitsAndLabels() {
		LocalDate reported = LocalDate.of(2021, 3, 29);
		return List.of(
				csvVariant("unit by code and conference by code, each value in the next non-empty cell",
						new LongBienSubmission().above(row("Mã đơn vị", null, "004"), row("Mã hội nghị", null, null, "NQDH13"))
							.below(row("Tổng số đảng viên:", "4000"), row("Số đảng viên được học tập:", "3000"), row("Tỷ lệ (%):", "75"),
									row("Ngày báo cáo: 29/03/2021"))),
				csvVariant("unit as 'Đảng bộ quận Long Biên', conference by its title",
						new LongBienSubmission().above(row("Đảng bộ: Đảng bộ quận Long Biên"), row("Nghị quyết", TITLE))
							.below(row("Tổng số đảng viên: 4.000"), row("Số đảng viên được học tập: 3.000"), row("Tỷ lệ (%): 75.0 %"),
									row(null, null, null, null, "Long Biên, ngày 29 tháng 3 năm 2021"))),
				csvVariant("unit as 'Quận Long Biên', conference title under 'Nội dung', 'Ngày lập' in words",
						new LongBienSubmission().above(row("Đơn vị: Quận Long Biên"), row("Nội dung: " + TITLE),
								row("Ngày lập: ngày 29 tháng 3 năm 2021"))
							.below(row("Tổng số đảng viên: 4.000"), row("Số đảng viên được học tập: 3.000"), row("Tỷ lệ (%): 75%"))),
				csvVariant("unit as 'Q. Long Biên' and conference in labels below the table",
						new LongBienSubmission().above(row("BÁO CÁO SỐ LIỆU"))
							.below(row("Tổng số đảng viên: 4.000"), row("Số đảng viên được học tập: 3.000"), row("Tỷ lệ (%): 75%"),
									row("Đơn vị báo cáo:", "Q. Long Biên"), row("Hội nghị:", "NQDH13"),
									row("Hà Nội, ngày 29 tháng 3 năm 2021"))),
				new Variant(".csv unit from the drop folder input/004/ alone",
						(dir) -> LongBienSubmission.csv(dir.resolve("004").resolve("bao-cao.csv"),
								new LongBienSubmission().above(row("Hội nghị: NQDH13")).grid("bao-cao"), ';', StandardCharsets.UTF_8,
								false),
						List.of()),
				new Variant(".xlsx report date as an Excel date next to 'Ngày lập'",
						(dir) -> LongBienSubmission.workbook(dir.resolve("ngay-lap.xlsx"), Kind.XLSX, false, (workbook) -> {
						}, new LongBienSubmission().below(row("Tổng số đảng viên", 4000), row("Số đảng viên được học tập", 3000),
								row("Tỷ lệ (%)", "75%"), row("Ngày lập", reported)).grid(SHEET)),
						List.of()));
	}

	static Stream<Variant> rejected() {
		LongBienSubmission shared = new LongBienSubmission();
		int row = shared.firstDataRow() + 3;
		String members = CellReference.convertNumToColString(shared.column(MEMBERS_COLUMN));
		Grid merged = shared.grid(SHEET).merge(row - 1, row, shared.column(MEMBERS_COLUMN), shared.column(MEMBERS_COLUMN));
		Grid blank = new LongBienSubmission().columns(STT, NAME, LEVEL, HOST,
				MEMBERS_COLUMN.values((i) -> (i == 3) ? null : POINTS.get(i).members()), OTHERS_COLUMN)
			.grid("long-bien");
		Grid wrongPart = inParts();
		wrongPart.rows.get(shared.firstDataRow() - 1)[shared.column(MEMBERS_COLUMN)] = 1500;
		return Stream.of(
				new Variant(".xlsx in parts, part I's heading 5 members more than its rows",
						(dir) -> LongBienSubmission.workbook(dir.resolve("sai-phan.xlsx"), Kind.XLSX, false, (workbook) -> {
						}, wrongPart),
						List.of("part-total-mismatch " + SHEET + "!" + members + shared.firstDataRow())),
				new Variant(".xlsx one members figure merged over two rows",
						(dir) -> LongBienSubmission.workbook(dir.resolve("gop-so.xlsx"), Kind.XLSX, false, (workbook) -> {
						}, merged.clearCovered()),
						List.of("number-missing " + SHEET + "!" + members + row)),
				new Variant(".csv a members figure left blank",
						(dir) -> LongBienSubmission.csv(dir.resolve("bo-trong.csv"), blank, ';', StandardCharsets.UTF_8, false),
						List.of("number-missing bo-trong!E" + row)));
	}

	private static Variant csvVariant(String name, LongBienSubmission submission) {
		return new Variant(".csv " + name,
				(dir) -> LongBienSubmission.csv(dir.resolve("long-bien.csv"), submission.grid("long-bien"), ';',
						StandardCharsets.UTF_8, false),
				List.of());
	}

	/** The two-row header of the shipped example: counts grouped under "Số người tham dự", totals as formulas. */
	private static LongBienSubmission twoRowHeaderWithFormulas() {
		LongBienSubmission submission = new LongBienSubmission().twoHeaderRows();
		int first = submission.firstDataRow();
		int last = first + POINTS.size() - 1;
		submission.columns(STT, NAME, LEVEL, HOST, FORMAT, MEMBERS_COLUMN.header("Đảng viên").under("Số người tham dự")
			.total(new Formula("SUM(F" + first + ":F" + last + ")")),
				OTHERS_COLUMN.header("Quần chúng").under("Số người tham dự").total(new Formula("SUM(G" + first + ":G" + last + ")")),
				TOTAL.header("Tổng số").under("Số người tham dự")
					.values((i) -> new Formula("F" + (first + i) + "+G" + (first + i)))
					.total(new Formula("SUM(H" + first + ":H" + last + ")")),
				NOTES, DATE);
		return submission;
	}

	/**
	 * The table in two parts, as provinces lay it out: "I" (the two district-level points) with its
	 * sums on its heading row, then a heading merged across the table and the four grassroots
	 * points closed by their own "Cộng II", above the grand total.
	 */
	private static Grid inParts() {
		LongBienSubmission submission = new LongBienSubmission();
		int first = submission.firstDataRow();
		return submission.grid(SHEET)
			.insert(first, "I", "Cấp quận", null, null, null, null, 1495, 150, 1645, null)
			.insert(first + 3, "II. CÁC PHƯỜNG VÀ ĐẢNG BỘ CƠ SỞ")
			.insert(first + 8, null, "Cộng II", null, null, null, null, 1177, 140, 1317, null)
			.merge(first + 3, first + 3, 0, LongBienSubmission.CANONICAL.size() - 1);
	}

	/** Level, host, format and date merged down over the rows they share; covered cells empty. */
	private static Grid mergedDown() {
		LongBienSubmission submission = new LongBienSubmission();
		int first = submission.firstDataRow();
		Grid grid = submission.grid(SHEET);
		grid.merge(first + 2, first + 4, submission.column(LEVEL), submission.column(LEVEL));
		grid.merge(first, first + 1, submission.column(HOST), submission.column(HOST));
		grid.merge(first, first + 5, submission.column(FORMAT), submission.column(FORMAT));
		grid.merge(first, first + 5, submission.column(DATE), submission.column(DATE));
		return grid.clearCovered();
	}

	/** A sheet with a recognizable table of other figures, which must never be read. */
	private static Grid otherFigures(String name) {
		return new Grid(name).row("Đơn vị báo cáo: Quận ủy Long Biên")
			.row("Hội nghị: NQDH13")
			.row("Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự")
			.row("Điểm cầu cũ", "Phường", 999);
	}

	private static void styleAndHide(Workbook workbook) {
		Sheet sheet = workbook.getSheetAt(0);
		Font bold = workbook.createFont();
		bold.setBold(true);
		bold.setFontName("Times New Roman");
		CellStyle header = workbook.createCellStyle();
		header.setFont(bold);
		header.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setWrapText(true);
		CellStyle thousands = workbook.createCellStyle();
		thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
		LongBienSubmission layout = new LongBienSubmission();
		for (Row row : sheet) {
			for (org.apache.poi.ss.usermodel.Cell cell : row) {
				if (row.getRowNum() + 1 == layout.headerRow()) {
					cell.setCellStyle(header);
				}
				else if (row.getRowNum() + 1 > layout.headerRow() && cell.getColumnIndex() >= layout.column(MEMBERS_COLUMN)
						&& cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
					cell.setCellStyle(thousands);
				}
			}
		}
		sheet.setColumnHidden(layout.column(STT), true);
		sheet.setColumnHidden(layout.column(OTHERS_COLUMN), true);
		sheet.setColumnWidth(layout.column(NAME), 40 * 256);
	}

	private static Grid tcvn3(Grid grid) {
		Grid typed = map(grid, (value) -> (value instanceof String s) ? LegacyTyping.tcvn3(s) : value, 1);
		typed.rows.add(0, new Object[] { LegacyTyping.tcvn3Capitals((String) grid.rows.get(0)[0]) });
		return typed;
	}

	private static Grid map(Grid grid, UnaryOperator<Object> value) {
		return map(grid, value, 0);
	}

	/** The grid from row {@code from} (0-based) on, every value mapped. */
	private static Grid map(Grid grid, UnaryOperator<Object> value, int from) {
		Grid mapped = new Grid(grid.name);
		for (Object[] row : grid.rows.subList(from, grid.rows.size())) {
			mapped.row(Arrays.stream(row).map(value).toArray());
		}
		mapped.merges.addAll(grid.merges);
		return mapped;
	}

	private List<String> problems() {
		return this.jdbc.query("SELECT code, sheet, column_name, row_number, message_en FROM tonghop.submission_problem "
				+ "ORDER BY seq", (rs, n) -> {
					String where = rs.getString(1) + " " + rs.getString(2) + "!"
							+ Objects.toString(rs.getString(3), "") + rs.getInt(4);
					if (!"legacy-encoding".equals(rs.getString(1))) {
						return where;
					}
					String message = rs.getString(5);
					// "Text typed in the <font> font (<n> cell or cells, first at ...)"
					String font = message.substring("Text typed in the ".length(), message.indexOf(" font ("));
					int count = message.indexOf(" font (") + 7;
					String cells = message.substring(count, message.indexOf(' ', count));
					return where + " " + font + " " + cells;
				});
	}

}
