package vn.tonghop.submission;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.sheet.Phrase;
import vn.tonghop.units.ReferenceFiles;
import vn.tonghop.validate.Problem;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.validate.Rule;
import vn.tonghop.validate.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule, one generated file that makes it fire and one minimal variation that does not, run
 * through the real ingest job. A rule without a case fails {@link #everyRuleIsCatalogued()}.
 */
// A 64 KB size limit lets a small generated file stand for one that is too large.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "tonghop.intake.stable-for=0s", "tonghop.limits.max-file-size=64KB" })
class RuleCatalogTests {

	/** The CSV's sheet is named after the file. */
	private static final String SHEET = "bao-cao";

	static final Map<Rule, Case> CATALOG = catalog();

	@Autowired
	IngestRunner runner;

	@Autowired
	InputScanner scanner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path temp;

	/**
	 * @param fires a file that breaks the rule exactly once and nothing else
	 * @param finding where and with which message arguments it is reported
	 * @param passes the smallest change to that file that keeps the rule quiet
	 */
	record Case(Fixture fires, Finding finding, Fixture passes) {
	}

	/** Where a problem is reported: Excel's sheet, row and column, the value as written, the message's arguments. */
	record Finding(String sheet, int row, String column, String value, Object... args) {

		static Finding inFile(Object... args) {
			return new Finding(null, 0, null, null, args);
		}

		static Finding onSheet(Object... args) {
			return new Finding(SHEET, 0, null, null, args);
		}

		static Finding at(String cell, String value, Object... args) {
			return new Finding(SHEET, Integer.parseInt(cell.replaceAll("[A-Z]", "")), cell.replaceAll("\\d", ""), value,
					args);
		}

	}

	private static Map<Rule, Case> catalog() {
		Map<Rule, Case> cases = new EnumMap<>(Rule.class);
		Draft valid = valid();
		cases.put(Rule.FILE_EMPTY, new Case(bytes("bao-cao.xlsx", new byte[0]), Finding.inFile(), valid.xlsx()));
		cases.put(Rule.FILE_FORMAT, new Case(openDocument(), Finding.inFile(
				new Phrase("bảng tính OpenDocument (.ods)", "OpenDocument Spreadsheet (.ods)")), valid.xlsx()));
		cases.put(Rule.FILE_ENCRYPTED, new Case(valid.encrypted(), Finding.inFile(), valid.xlsx()));
		cases.put(Rule.FILE_CORRUPT, new Case(brokenZip(),
				Finding.inFile(new Phrase("không đọc được cấu trúc zip", "not a readable zip")), valid.xlsx()));
		cases.put(Rule.TABLE_NOT_FOUND, new Case(valid().blank(4, 4), Finding.inFile(), valid));
		cases.put(Rule.REQUIRED_COLUMN_MISSING, new Case(valid().set("C4", "Loại điểm"),
				new Finding(SHEET, 4, null, null, "Cấp điểm cầu"), valid().set("C4", "Cấp")));
		cases.put(Rule.UNKNOWN_COLUMN, new Case(valid().set("J4", "Xếp loại"), Finding.at("J4", "Xếp loại", "Xếp loại"),
				valid().set("J4", "Ghi chú")));
		// The members updated in a column of their own beside the old ones: which counts is unclear.
		cases.put(Rule.COLUMN_DUPLICATE, new Case(valid().set("J4", "Số đảng viên tham dự (cập nhật)").set("J6", "115"),
				Finding.at("J6", "115", "J", "Số đảng viên tham dự (cập nhật)", "Số đảng viên tham dự", "G",
						"Số đảng viên tham dự"),
				valid().set("J4", "Số đảng viên tham dự (cập nhật)")));
		cases.put(Rule.TABLE_EMPTY, new Case(valid().blank(5, 9).set("G10", "0").set("H10", "0").set("I10", "0"),
				Finding.onSheet(), valid));
		cases.put(Rule.UNIT_MISSING, new Case(valid().blank(1, 1), Finding.onSheet(), valid().blank(1, 1).in("004")));
		cases.put(Rule.UNIT_UNKNOWN, new Case(valid().set("B1", "Quận ủy Long Bình"),
				Finding.at("B1", "Quận ủy Long Bình", "Quận ủy Long Bình",
						"00145 Phường Long Biên (Quận Long Biên); 004 Quận Long Biên (Thành phố Hà Nội); "
								+ "20 Tỉnh Lạng Sơn"),
				valid().set("B1", "Quận ủy Long Biên")));
		cases.put(Rule.UNIT_ENDED, new Case(new WithUnits(valid().set("B1", "Quận ủy Cũ"), OLD_DISTRICT),
				Finding.at("B1", "Quận ủy Cũ", "Quận ủy Cũ", "006 Quận Cũ", "31/12/2020", "27/03/2021", "-"),
				new WithUnits(valid(), OLD_DISTRICT)));
		cases.put(Rule.UNIT_AMBIGUOUS, new Case(valid().set("B1", "Long Biên"), Finding.at("B1", "Long Biên", "Long Biên",
				"00145 Phường Long Biên (Quận Long Biên); 004 Quận Long Biên (Thành phố Hà Nội)"),
				valid().set("B1", "Q. Long Biên")));
		cases.put(Rule.UNIT_OUTSIDE_FOLDER, new Case(valid().in("380"), Finding.at("B1", "Quận ủy Long Biên",
				"004 Quận Long Biên", "380 Thành phố Thanh Hóa"), valid().in("004")));
		cases.put(Rule.FOLDER_UNIT_NOT_VALID, new Case(new WithUnits(valid().in("005"), NEW_DISTRICT),
				Finding.inFile("005", "005 Quận Mới", "27/03/2021"),
				new WithUnits(valid().in("004"), NEW_DISTRICT)));
		// Long Biên's file in "4", its folder named by hand without the code's leading zeros.
		cases.put(Rule.FOLDER_UNIT_MISNAMED, new Case(valid().in("4"),
				Finding.inFile("4", new Phrase("đơn vị 004 Quận Long Biên", "004 Quận Long Biên")), valid().in("004")));
		cases.put(Rule.UNIT_NO_PROVINCE, new Case(new WithUnits(valid().set("B1", "006-CA"), LATER_DISTRICT),
				Finding.at("B1", "006-CA", "006-CA Đảng bộ Công an quận Sau", "27/03/2021", "006"),
				new WithUnits(valid(), LATER_DISTRICT)));
		cases.put(Rule.UNIT_CONFLICT, new Case(valid().set("A11", "Đảng bộ").set("B11", "Thành ủy Thanh Hóa"),
				Finding.at("B11", "Thành ủy Thanh Hóa", "Quận ủy Long Biên", "B1", "004 Quận Long Biên",
						"Thành ủy Thanh Hóa", "380 Thành phố Thanh Hóa"),
				valid().set("A11", "Đảng bộ").set("B11", "Đảng bộ quận Long Biên")));
		cases.put(Rule.CONFERENCE_MISSING, new Case(valid().blank(2, 2), Finding.onSheet(), valid().set("A2", "Mã hội nghị")));
		cases.put(Rule.CONFERENCE_UNKNOWN, new Case(valid().set("B2", "NQDH14"), Finding.at("B2", "NQDH14", "NQDH14",
				"NQDH13 Hội nghị toàn quốc nghiên cứu, học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII "
						+ "của Đảng; HNTW8-K13 Hội nghị toàn quốc học tập, quán triệt Nghị quyết Hội nghị lần thứ tám Ban Chấp "
						+ "hành Trung ương Đảng khóa XIII"),
				valid().set("B2", "nqdh13")));
		cases.put(Rule.CONFERENCE_AMBIGUOUS, new Case(new WithConferences(valid().set("B2", "Chuyên đề năm 2021"),
				TWO_OF_A_TITLE), Finding.at("B2", "Chuyên đề năm 2021", "Chuyên đề năm 2021",
						"CD-2021 Chuyên đề năm 2021; CD-2021-HN Chuyên đề năm 2021"),
				new WithConferences(valid().set("B2", "CD-2021"), TWO_OF_A_TITLE)));
		cases.put(Rule.CONFERENCE_OUT_OF_SCOPE, new Case(new WithConferences(valid().set("B2", "CD-38"), THANH_HOA_ONLY),
				Finding.at("B2", "CD-38", "CD-38", "38 Tỉnh Thanh Hóa", "004 Quận Long Biên", "01 Thành phố Hà Nội"),
				new WithConferences(valid().set("B2", "CD-38"), THANH_HOA_ONLY.replace(",38\n", ",38|01\n"))));
		cases.put(Rule.CONFERENCE_CONFLICT, new Case(valid().set("A11", "Nghị quyết").set("B11", "HNTW8-K13"),
				Finding.at("B11", "HNTW8-K13", "NQDH13", "B2", "NQDH13", "HNTW8-K13", "HNTW8-K13"),
				valid().set("A11", "Nghị quyết").set("B11", "nqdh13")));
		cases.put(Rule.POINT_NAME_MISSING, new Case(valid().set("B6", ""), Finding.at("B6", null),
				valid().set("B6", "Điểm cầu phường Cự Khối")));
		cases.put(Rule.LEVEL_MISSING, new Case(valid().set("C6", ""), Finding.at("C6", null), valid().set("C6", "Cơ sở")));
		cases.put(Rule.LEVEL_UNKNOWN, new Case(valid().set("C6", "Liên xã"), Finding.at("C6", "Liên xã", "Liên xã"),
				valid().set("C6", "Xã")));
		cases.put(Rule.FORMAT_UNKNOWN, new Case(valid().set("E6", "Qua Zalo"), Finding.at("E6", "Qua Zalo", "Qua Zalo"),
				valid().set("E6", "Trực tiếp")));
		cases.put(Rule.DATE_INVALID, new Case(valid().set("F6", "27/03/21"), Finding.at("F6", "27/03/21", "27/03/21",
				new Phrase("ghi ngày/tháng/năm, năm đủ bốn chữ số, ví dụ 27/03/2021",
						"write day/month/year with a four-digit year, e.g. 27/03/2021")),
				valid().set("F6", "ngày 27 tháng 3 năm 2021")));
		cases.put(Rule.DATE_OUTSIDE_WINDOW, new Case(valid().set("F6", "15/04/2021"), Finding.at("F6", "15/04/2021",
				"15/04/2021", "27/03/2021", "28/03/2021"),
				valid().set("F6", "28/03/2021")));
		cases.put(Rule.NUMBER_MISSING, new Case(valid().set("G6", ""), Finding.at("G6", null, "Số đảng viên tham dự"),
				valid().set("H6", "").set("I6", "110").set("H10", "40").set("I10", "640")));
		cases.put(Rule.NUMBER_TEXT, new Case(valid().set("G6", "khoảng 1.700"),
				Finding.at("G6", "khoảng 1.700", "khoảng 1.700"),
				valid().set("G6", "1.700").set("I6", "1.710").set("G10", "2.190").set("I10", "2.240")));
		cases.put(Rule.NUMBER_FRACTION, new Case(valid().set("G6", "110,5"), Finding.at("G6", "110,5", "110,5"),
				valid().set("G6", "110")));
		cases.put(Rule.NUMBER_NEGATIVE, new Case(valid().set("H6", "-10"), Finding.at("H6", "-10", "-10"),
				valid().set("H6", "0").set("I6", "110").set("H10", "40").set("I10", "640")));
		cases.put(Rule.NUMBER_TOO_LARGE, new Case(valid().set("G6", "1.000.001").set("I6", ""),
				Finding.at("G6", "1.000.001", "1.000.001"),
				valid().set("G6", "1.000.000").set("I6", "").set("G10", "1.000.490").set("I10", "1.000.540")));
		cases.put(Rule.TOTAL_MISMATCH, new Case(valid().set("I6", "125"), Finding.at("I6", "125", 125L, 120L),
				valid().set("I6", "")));
		cases.put(Rule.TOTALS_ROW_MISMATCH, new Case(valid().set("G10", "601"),
				Finding.at("G10", "601", "Số đảng viên tham dự", "601", 600L), valid().set("G10", "")));
		// A point under a totals row makes it a part's subtotal; under notes, it is below the table's end.
		cases.put(Rule.PART_TOTAL_MISMATCH,
				new Case(valid().set("G10", "601").set("B11", "Phường Thạch Bàn").set("C11", "Phường").set("G11", "50"),
						Finding.at("G10", "601", "Tổng cộng", "Số đảng viên tham dự", "601", 600L),
						valid().set("B11", "Phường Thạch Bàn").set("C11", "Phường").set("G11", "50")));
		cases.put(Rule.ROW_AFTER_TABLE,
				new Case(valid().set("B10", "Ghi chú").set("G10", "").set("H10", "").set("I10", "")
					.set("B11", "Phường Thạch Bàn").set("C11", "Phường").set("G11", "50"),
						Finding.at("B11", "Phường Thạch Bàn", "Phường Thạch Bàn", 10), valid().set("B11", "Phường Thạch Bàn")));
		// A point added under the totals row with its level forgotten: not counted, and the district is told.
		cases.put(Rule.ROW_AFTER_TABLE_NO_LEVEL, new Case(valid().set("B11", "Phường Thạch Bàn").set("G11", "50"),
				Finding.at("B11", "Phường Thạch Bàn", "Phường Thạch Bàn", 10), valid().set("B11", "Phường Thạch Bàn")));
		cases.put(Rule.ROW_EXTRA_VALUES, new Case(valid().set("J6", "5"), Finding.at("J6", "5", "5", 9),
				valid().set("J4", "Ghi chú").set("J6", "5")));
		// Bồ Đề's 1,100 members written without quotes: 1 | 100, and its 10 others pushed into the notes.
		cases.put(Rule.NUMBER_SPLIT, new Case(notesForTotal().set("G6", "1").set("H6", "100").set("I6", "10")
			.set("G10", "491").set("H10", "140"), Finding.at("H6", "100", "1", "100", "10", "I", "1", "100", "1", "100"),
				notesForTotal().set("G6", "\"1,100\"").set("G10", "1590")));
		cases.put(Rule.HOST_UNIT_UNKNOWN, new Case(valid().set("D6", "Phường Cự Khôi Mới"),
				Finding.at("D6", "Phường Cự Khôi Mới", "Phường Cự Khôi Mới", new Phrase("1 dòng", "1 row"),
						"00154 Phường Cự Khối (Quận Long Biên); 00136 Phường Phúc Lợi (Quận Long Biên); "
								+ "00124 Phường Đức Giang (Quận Long Biên)"),
				valid().set("D6", "P. Cự Khối")));
		cases.put(Rule.STUDIED_EXCEEDS_TOTAL, new Case(valid().set("B13", "1300"), Finding.at("B13", "1300", 1300L, 1200L),
				valid().set("B13", "1200").set("B14", "100")));
		cases.put(Rule.COVERAGE_MISMATCH, new Case(valid().set("B14", "50,6"),
				Finding.at("B14", "50,6", new Phrase("50,6", "50.6"), 600L, 1200L, new Phrase("50,0", "50.0")), valid().set("B14", "50,5")));
		cases.put(Rule.SUMMARY_INVALID, new Case(valid().set("B12", "khoảng 1200"),
				Finding.at("B12", "khoảng 1200", "Tổng số đảng viên", "khoảng 1200"), valid().set("B12", "1.200")));
		cases.put(Rule.SUMMARY_INCOMPLETE, new Case(valid().blank(13, 13),
				Finding.at("B12", "1200", "Số đảng viên được học tập"), valid));
		// The host written another way is the same host.
		cases.put(Rule.POINT_DUPLICATE, new Case(valid().set("B6", "Phường Bồ Đề").set("D6", "P. Bồ Đề"),
				Finding.at("B5", "Phường Bồ Đề", "Phường Bồ Đề", 2, "5, 6"), valid().set("B6", "Phường Bồ Đề")));
		cases.put(Rule.POINT_OUTLIER, new Case(
				valid().set("G6", "11.000").set("I6", "11.010").set("G10", "11.490").set("I10", "11.540"),
				// I6 reads 11.010: the figure is members and others added up, no text of the cell's.
				Finding.at("I6", null, "Phường Cự Khối", 11010, 140),
				valid().set("G6", "1.100").set("I6", "1.110").set("G10", "1.590").set("I10", "1.640")));
		cases.put(Rule.FILE_TOO_LARGE, new Case(valid().paddedTo(100 * 1024), Finding.inFile("100 KB", "64 KB"), valid));
		cases.put(Rule.FILE_OVER_LIMIT, new Case(valid().set("D14", "x".repeat(40_000)),
				Finding.inFile(new Phrase("ô dài hơn 32.767 ký tự (bao-cao!D14)",
						"a cell of more than 32,767 characters (bao-cao!D14)")),
				valid().set("D14", "x".repeat(30_000))));
		cases.put(Rule.FILE_UNSAFE_XML, new Case(valid.xlsxWithDoctype(),
				Finding.inFile(new Phrase("phần xl/workbook.xml khai báo DOCTYPE (thực thể hoặc DTD bên ngoài)",
						"xl/workbook.xml declares a DOCTYPE (entities or an external DTD)")), valid.xlsx()));
		// Passes its checks, but Long Biên's version received after it was loaded first.
		cases.put(Rule.VERSION_NOT_CURRENT, new Case(new ArrivedBefore(valid(), valid().set("B6", "Phường Cự Khối 2")),
				Finding.inFile("004/bao-cao.csv"), valid()));
		// Rejected for its totals, while Long Biên's version received after it stands: said after the error.
		cases.put(Rule.VERSION_KEPT, new Case(new ArrivedBefore(valid().set("G10", "601"), valid().set("B6", "Phường Cự Khối 2")),
				Finding.inFile(new Phrase("sau tệp này", "after this one"), "004/bao-cao.csv"), valid()));
		// Rows the database refuses with an error no check foresaw, as a trigger of tomorrow might.
		cases.put(Rule.LOAD_REFUSED, new Case(new Refusing(valid(), "Phường Cự Khối"),
				new Finding(SHEET, 6, null, null,
						"một số vượt quá giới hạn của kho dữ liệu", "value out of range: Phường Cự Khối", "22003"),
				new Refusing(valid().set("B6", "Điểm cầu phường Cự Khối"), "Phường Cự Khối")));
		cases.put(Rule.LEGACY_ENCODING, new Case(valid().set("B6", LegacyTyping.tcvn3("Phường Cự Khối")).xlsxInFont("B6",
				".VnTime"), new Finding("Báo cáo", 6, "B", null, ".VnTime", new Phrase("1 ô", "1 cell"), "Báo cáo!B6"), valid.xlsx()));
		return cases;
	}

	@BeforeEach
	void startEmptyWithReferenceData() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void everyRuleIsCatalogued() {
		assertThat(CATALOG.keySet()).containsExactlyInAnyOrder(Rule.values());
	}

	@Test
	void anUnknownHostOnOneRowIsCountedInTheSingular() throws Exception {
		// when a host no unit is known by is written on one row
		Outcome outcome = run(CATALOG.get(Rule.HOST_UNIT_UNKNOWN).fires());

		// then each language counts that row as it says one
		assertThat(outcome.problems()).singleElement().satisfies((found) -> {
			assertThat(found.messageVi()).contains("\"Phường Cự Khôi Mới\" (1 dòng)");
			assertThat(found.messageEn()).contains("\"Phường Cự Khôi Mới\" (1 row)");
		});
	}

	@Test
	void textInALegacyFontInOneCellIsCountedInTheSingular() throws Exception {
		// when one cell is typed in a TCVN3 font
		Outcome outcome = run(CATALOG.get(Rule.LEGACY_ENCODING).fires());

		// then each language counts that cell as it says one
		assertThat(outcome.problems()).singleElement().satisfies((found) -> {
			assertThat(found.messageVi()).contains("(1 ô, ô đầu tiên Báo cáo!B6)");
			assertThat(found.messageEn()).contains("(1 cell, first at Báo cáo!B6)");
		});
	}

	@Test
	void aUnitOutsideItsDropFolderIsToldWhatToDo() throws Exception {
		// when Long Biên's file is dropped in Thanh Hóa city's folder
		Outcome outcome = run(CATALOG.get(Rule.UNIT_OUTSIDE_FOLDER).fires());

		// then each language says to move the file or correct the unit, not only that it is outside
		assertThat(outcome.problems()).singleElement().satisfies((found) -> {
			assertThat(found.messageVi()).endsWith("; hãy nộp tệp vào thư mục của đơn vị báo cáo, "
					+ "hoặc sửa ô đơn vị báo cáo nếu ghi nhầm đơn vị");
			assertThat(found.messageEn()).endsWith("; put the file in the reporting unit's folder, "
					+ "or correct the reporting unit's cell if it names the wrong unit");
		});
	}

	/**
	 * Cells written other than as matched: spaces doubled, or Vietnamese decomposed (NFD: a base letter
	 * and its combining marks, as a Mac types it and as a copy from some PDFs gives it).
	 */
	static List<AsWritten> writtenOtherwise() {
		return List.of(
				new AsWritten(Rule.UNIT_UNKNOWN, valid(), "B1", "Quận  ủy Long Bình", true, true),
				new AsWritten(Rule.UNIT_UNKNOWN, valid(), "B1", nfd("Quận ủy Long Bình"), true, true),
				new AsWritten(Rule.UNIT_AMBIGUOUS, valid(), "B1", "Long  Biên", true, true),
				new AsWritten(Rule.UNIT_OUTSIDE_FOLDER, valid().in("380"), "B1", nfd("Quận ủy Long Biên"), true, false),
				new AsWritten(Rule.UNIT_CONFLICT, valid().set("A11", "Đảng bộ"), "B11", "Thành ủy  Thanh Hóa", true, true),
				new AsWritten(Rule.CONFERENCE_UNKNOWN, valid(), "B2", "NQ  DH14", true, true),
				new AsWritten(Rule.HOST_UNIT_UNKNOWN, valid(), "D6", "Phường  Cự Khôi Mới", true, true),
				new AsWritten(Rule.HOST_UNIT_UNKNOWN, valid(), "D6", nfd("Phường Cự Khôi Mới"), true, true),
				new AsWritten(Rule.ROW_AFTER_TABLE, valid().set("B10", "Ghi chú").set("G10", "").set("H10", "").set("I10", "")
					.set("C11", "Phường").set("G11", "50"), "B11", "Phường  Thạch Bàn", true, true),
				new AsWritten(Rule.ROW_AFTER_TABLE_NO_LEVEL, valid().set("G11", "50"), "B11", nfd("Phường Thạch Bàn"), true, true),
				new AsWritten(Rule.UNKNOWN_COLUMN, valid(), "J4", "Xếp  loại", true, true),
				new AsWritten(Rule.UNKNOWN_COLUMN, valid(), "J4", nfd("Xếp loại"), true, true),
				new AsWritten(Rule.COLUMN_DUPLICATE, valid().set("J6", "115"), "J4", "Số đảng viên  tham dự (cập nhật)", false, true),
				new AsWritten(Rule.PART_TOTAL_MISMATCH, valid().set("G10", "601").set("B11", "Phường Thạch Bàn")
					.set("C11", "Phường").set("G11", "50"), "B10", nfd("Tổng  cộng"), false, true));
	}

	@ParameterizedTest
	@MethodSource("writtenOtherwise")
	void aProblemQuotesTheCellAsWrittenWhileMatchingItNormalized(AsWritten example) throws Exception {
		// when a cell the rule quotes is written otherwise than it is matched
		Outcome outcome = run(example.file().set(example.cell(), example.written()));

		// then the rule fires as it does on the cell written plainly, and quotes the cell exactly as written
		assertThat(outcome.problems()).filteredOn((found) -> found.code().equals(example.rule().code()))
			.singleElement()
			.satisfies((found) -> {
				if (example.isQuoted()) {
					assertThat(found.messageVi()).contains(example.written());
					assertThat(found.messageEn()).contains(example.written());
				}
				if (example.isValue()) {
					assertThat(found.value()).isEqualTo(example.written());
				}
			});
	}

	/**
	 * A file that makes a rule fire once {@code cell} holds {@code written}.
	 * @param isValue whether the cell is the problem's own, whose value it then gives
	 * @param isQuoted whether the messages quote the cell (unit-outside-folder names the unit found instead)
	 */
	record AsWritten(Rule rule, Draft file, String cell, String written, boolean isValue, boolean isQuoted) {

		@Override
		public String toString() {
			return this.rule.code() + " " + this.cell + " \"" + this.written.replace(" ", "·") + "\""
					+ (Normalizer.isNormalized(this.written, Normalizer.Form.NFC) ? "" : " in NFD");
		}

	}

	private static String nfd(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD);
	}

	@Test
	void theValidFileIsAcceptedWithoutProblems() throws Exception {
		Outcome outcome = run(valid());

		assertThat(outcome.state()).isEqualTo("accepted");
		assertThat(outcome.problems()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT sum(participants) FROM warehouse.participation", Long.class))
			.isEqualTo(650L);
	}

	static Set<Rule> catalogued() {
		return CATALOG.keySet();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalogued")
	void ruleFires(Rule rule) throws Exception {
		// given
		Case example = CATALOG.get(rule);

		// when
		Outcome outcome = run(example.fires());

		// then: this problem and no other, located and worded as expected
		Finding finding = example.finding();
		Problem expected = Problem.of(rule, new Location(finding.sheet(), finding.row(), finding.column()), finding.value(),
				finding.args());
		// version-kept only ever follows the error that rejected the file, which is left out here.
		List<Found> problems = outcome.problems()
			.stream()
			.filter((found) -> rule != Rule.VERSION_KEPT || !found.code().equals(Rule.TOTALS_ROW_MISMATCH.code()))
			.toList();
		assertThat(problems).containsExactly(new Found(rule.code(), rule.severity().code(), expected.sheet(),
				expected.row() > 0 ? expected.row() : null, expected.column(), expected.value(), expected.messageVi(),
				expected.messageEn()));
		assertThat(outcome.state()).isEqualTo(rule.severity() == Severity.ERROR || rule == Rule.VERSION_KEPT ? "rejected"
				: "accepted_with_warnings");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalogued")
	void ruleDoesNotFireOnTheVariation(Rule rule) throws Exception {
		// when
		Outcome outcome = run(CATALOG.get(rule).passes());

		// then
		assertThat(outcome.problems()).extracting(Found::code).doesNotContain(rule.code());
		assertThat(outcome.state()).isIn("accepted", "accepted_with_warnings");
	}

	private Outcome run(Fixture fixture) throws Exception {
		Path input = Files.createTempDirectory(this.temp, "input");
		fixture.write(input);
		if (fixture instanceof ArrivedBefore arrived) {
			// The newer version, in Long Biên's folder, is loaded by a run of its own first (the workers of
			// one run would finish the two in either order); the case's file, registered next, is dated an
			// hour before it.
			Path newer = Files.createTempDirectory(this.temp, "newer");
			arrived.newer().write(Files.createDirectories(newer.resolve("004")));
			assertThat(this.runner.run(newer, "test").getStatus()).isEqualTo(BatchStatus.COMPLETED);
			this.scanner.scan(input, null, 0);
			this.jdbc.update("UPDATE tonghop.submission SET received_at = received_at - interval '1 hour' "
					+ "WHERE folder_unit_code IS NULL");
			input = Files.createTempDirectory(this.temp, "empty");
		}
		if (fixture instanceof WithUnits extra) {
			Path reference = Files.createTempDirectory(this.temp, "reference");
			Files.writeString(reference.resolve("units-extra.csv"), "code,name,parent_code,kind,valid_from,valid_to,aliases\n"
					+ extra.units(), StandardCharsets.UTF_8);
			this.reference.importAll(reference);
		}
		if (fixture instanceof WithConferences extra) {
			Path reference = Files.createTempDirectory(this.temp, "reference");
			Files.writeString(reference.resolve("conferences-extra.csv"),
					"code,title,start_date,end_date,deadline,scope\n" + extra.conferences(), StandardCharsets.UTF_8);
			this.reference.importAll(reference);
		}
		JobExecution execution;
		try {
			if (fixture instanceof Refusing refusing) {
				RefusingDatabase.refuse(this.jdbc, refusing.point(), "numeric_value_out_of_range");
			}
			execution = this.runner.run(input, "test");
		}
		finally {
			RefusingDatabase.remove(this.jdbc);
		}
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// The case's own file: not the newer version an ArrivedBefore case loads beside it.
		String besideIn = (fixture instanceof ArrivedBefore) ? "004" : null;
		Map<String, Object> submission = this.jdbc.queryForMap("SELECT id, state FROM tonghop.submission "
				+ "WHERE job_execution_id = ? AND (?::text IS NULL OR folder_unit_code IS DISTINCT FROM ?)",
				execution.getId(), besideIn, besideIn);
		List<Found> problems = this.jdbc.query("SELECT code, severity, sheet, row_number, column_name, value, message_vi, "
				+ "message_en FROM tonghop.submission_problem WHERE submission_id = ? ORDER BY seq",
				(rs, i) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
				submission.get("id"));
		return new Outcome((String) submission.get("state"), problems);
	}

	record Outcome(String state, List<Found> problems) {
	}

	/** A stored problem, as the submission_problem table holds it. */
	record Found(String code, String severity, String sheet, Integer row, String column, String value, String messageVi,
			String messageEn) {
	}

	/** A unit of Hà Nội that only exists from 2022: not on NQDH13's date. */
	private static final String NEW_DISTRICT = "005,Quận Mới,01,district,2022-01-01,2025-06-30,\n";

	/** A district of 2022 and a committee under it whose line has no start: before 2022 it is in no province. */
	private static final String LATER_DISTRICT = "006,Quận Sau,01,district,2022-01-01,2025-06-30,\n"
			+ "006-CA,Đảng bộ Công an quận Sau,006,grassroots,,2025-06-30,\n";

	/** A unit of Hà Nội that ended before NQDH13's date. */
	private static final String OLD_DISTRICT = "006,Quận Cũ,01,district,,2020-12-31,\n";

	/** A submission ingested with these units (lines of units.csv) added to the reference data. */
	record WithUnits(Fixture file, String units) implements Fixture {

		@Override
		public void write(Path input) throws IOException {
			this.file.write(input);
		}

	}

	/** Two conferences of one title, the day NQDH13 starts. */
	private static final String TWO_OF_A_TITLE = "CD-2021,Chuyên đề năm 2021,2021-03-27,2021-03-28,2021-04-10,all\n"
			+ "CD-2021-HN,Chuyên đề năm 2021,2021-03-27,2021-03-28,2021-04-10,01\n";

	/** A conference for Thanh Hóa alone, the day NQDH13 starts. */
	private static final String THANH_HOA_ONLY = "CD-38,Chuyên đề của Tỉnh Thanh Hóa,2021-03-27,2021-03-28,2021-04-10,38\n";

	/** A submission ingested with these conferences (lines of conferences.csv) added to the reference data. */
	record WithConferences(Fixture file, String conferences) implements Fixture {

		@Override
		public void write(Path input) throws IOException {
			this.file.write(input);
		}

	}

	/** A submission ingested while the database refuses every row of one point (see RefusingDatabase). */
	record Refusing(Fixture file, String point) implements Fixture {

		@Override
		public void write(Path input) throws IOException {
			this.file.write(input);
		}

	}

	/** Writes one submission into a fresh drop folder. */
	interface Fixture {

		void write(Path input) throws IOException;

	}

	/**
	 * A submission, and a newer version of the unit's that arrived after it but is processed before
	 * it. The newer one is written into its unit's folder by the run.
	 */
	record ArrivedBefore(Fixture file, Fixture newer) implements Fixture {

		@Override
		public void write(Path input) throws IOException {
			this.file.write(input);
		}

	}

	/**
	 * The valid submission every case changes a little: Long Biên for NQDH13, five wards of 100 to
	 * 140 members and 10 others, a totals row and a unit summary. As a CSV (sheet "bao-cao"):
	 * <pre>
	 *  1 Đơn vị báo cáo | Quận ủy Long Biên
	 *  2 Hội nghị | NQDH13
	 *  4 A STT | B Tên điểm cầu | C Cấp | D Đơn vị chủ trì | E Hình thức | F Ngày | G Đảng viên | H Khác | I Tổng số
	 *  5-9 the wards (Bồ Đề 100, Cự Khối 110, Gia Thụy 120, Ngọc Lâm 130, Phúc Lợi 140)
	 * 10 Tổng cộng: 600 | 50 | 650
	 * 12-14 Tổng số đảng viên 1200 | Số đảng viên được học tập 600 | Tỷ lệ (%) 50
	 * </pre>
	 */
	private static Draft valid() {
		Draft draft = new Draft();
		draft.rows.add(row("Đơn vị báo cáo", "Quận ủy Long Biên"));
		draft.rows.add(row("Hội nghị", "NQDH13"));
		draft.rows.add(row());
		draft.rows.add(row("STT", "Tên điểm cầu", "Cấp điểm cầu", "Đơn vị chủ trì", "Hình thức", "Ngày",
				"Số đảng viên tham dự", "Số người khác tham dự", "Tổng số người tham dự"));
		String[] wards = { "Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy", "Phường Ngọc Lâm", "Phường Phúc Lợi" };
		for (int i = 0; i < wards.length; i++) {
			int members = 100 + 10 * i;
			draft.rows.add(row(Integer.toString(i + 1), wards[i], "Phường", wards[i], "Trực tuyến", "27/03/2021",
					Integer.toString(members), "10", Integer.toString(members + 10)));
		}
		draft.rows.add(row("", "Tổng cộng", "", "", "", "", "600", "50", "650"));
		draft.rows.add(row());
		draft.rows.add(row("Tổng số đảng viên", "1200"));
		draft.rows.add(row("Số đảng viên được học tập", "600"));
		draft.rows.add(row("Tỷ lệ (%)", "50"));
		return draft;
	}

	/** The valid submission separated by commas, its total column replaced by notes. */
	private static Draft notesForTotal() {
		Draft draft = valid().commaSeparated().set("I4", "Ghi chú").set("I10", "");
		for (int row = 5; row <= 9; row++) {
			draft.set("I" + row, "");
		}
		return draft;
	}

	private static List<String> row(String... cells) {
		return new ArrayList<>(Arrays.asList(cells));
	}

	/** A submission as a grid of text cells, changed cell by cell as Excel names them ("G6"). */
	static final class Draft implements Fixture {

		private final List<List<String>> rows = new ArrayList<>();

		private String folder;

		private String separator = ";";

		Draft set(String cell, String value) {
			int row = Integer.parseInt(cell.replaceAll("[A-Z]", "")) - 1;
			int column = cell.charAt(0) - 'A';
			List<String> cells = this.rows.get(row);
			while (cells.size() <= column) {
				cells.add("");
			}
			cells.set(column, value);
			return this;
		}

		/** Empties rows {@code first} to {@code last} as Excel numbers them. */
		Draft blank(int first, int last) {
			for (int row = first - 1; row < last; row++) {
				this.rows.get(row).clear();
			}
			return this;
		}

		/** Separates the CSV's fields with commas, which a number's thousands may also be written with. */
		Draft commaSeparated() {
			this.separator = ",";
			return this;
		}

		/** Places the file in a unit's drop folder. */
		Draft in(String unitCode) {
			this.folder = unitCode;
			return this;
		}

		@Override
		public void write(Path input) throws IOException {
			String csv = this.rows.stream().map(cells -> String.join(this.separator, cells)).collect(Collectors.joining("\n", "", "\n"));
			Files.writeString(folder(input).resolve(SHEET + ".csv"), csv, StandardCharsets.UTF_8);
		}

		Fixture xlsx() {
			return input -> Files.write(folder(input).resolve(SHEET + ".xlsx"), workbook(null, null));
		}

		/** The CSV with blank lines after it, up to exactly {@code size} bytes. */
		Fixture paddedTo(int size) {
			return input -> {
				write(input);
				Path csv = folder(input).resolve(SHEET + ".csv");
				byte[] content = Files.readAllBytes(csv);
				byte[] padded = Arrays.copyOf(content, size);
				Arrays.fill(padded, content.length, size, (byte) '\n');
				Files.write(csv, padded);
			};
		}

		/** The workbook with a DOCTYPE declaring an entity in its workbook part. */
		Fixture xlsxWithDoctype() {
			return input -> {
				ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
				try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook(null, null)));
						ZipOutputStream out = new ZipOutputStream(rewritten)) {
					for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
						byte[] part = in.readAllBytes();
						if (entry.getName().equals("xl/workbook.xml")) {
							part = new String(part, StandardCharsets.UTF_8)
								.replaceFirst("\\?>", "?><!DOCTYPE workbook [<!ENTITY x \"x\">]>")
								.getBytes(StandardCharsets.UTF_8);
						}
						out.putNextEntry(new ZipEntry(entry.getName()));
						out.write(part);
					}
				}
				Files.write(folder(input).resolve(SHEET + ".xlsx"), rewritten.toByteArray());
			};
		}

		/** The workbook with one cell in a font of its own, as legacy Vietnamese typing needs. */
		Fixture xlsxInFont(String cell, String font) {
			return input -> Files.write(folder(input).resolve(SHEET + ".xlsx"), workbook(cell, font));
		}

		/** The workbook saved with a password, as Excel's "Encrypt with Password" does. */
		Fixture encrypted() {
			return input -> {
				try (POIFSFileSystem fs = new POIFSFileSystem();
						OutputStream out = Files.newOutputStream(folder(input).resolve(SHEET + ".xlsx"))) {
					Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
					encryptor.confirmPassword("matkhau");
					try (OutputStream data = encryptor.getDataStream(fs)) {
						data.write(workbook(null, null));
					}
					fs.writeFilesystem(out);
				}
				catch (GeneralSecurityException ex) {
					throw new IOException(ex);
				}
			};
		}

		private byte[] workbook(String fontCell, String fontName) throws IOException {
			try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
				Sheet sheet = workbook.createSheet("Báo cáo");
				for (int r = 0; r < this.rows.size(); r++) {
					Row row = sheet.createRow(r);
					for (int c = 0; c < this.rows.get(r).size(); c++) {
						if (!this.rows.get(r).get(c).isEmpty()) {
							row.createCell(c).setCellValue(this.rows.get(r).get(c));
						}
					}
				}
				if (fontCell != null) {
					CellReference at = new CellReference(fontCell);
					Font font = workbook.createFont();
					font.setFontName(fontName);
					CellStyle style = workbook.createCellStyle();
					style.setFont(font);
					sheet.getRow(at.getRow()).getCell(at.getCol()).setCellStyle(style);
				}
				workbook.write(bytes);
				return bytes.toByteArray();
			}
		}

		private Path folder(Path input) throws IOException {
			return (this.folder != null) ? Files.createDirectories(input.resolve(this.folder)) : input;
		}

	}

	private static Fixture bytes(String name, byte[] content) {
		return input -> Files.write(input.resolve(name), content);
	}

	/** A zip holding an OpenDocument spreadsheet's entries, named .xlsx. */
	private static Fixture openDocument() {
		return input -> {
			try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(input.resolve(SHEET + ".xlsx")))) {
				zip.putNextEntry(new ZipEntry("mimetype"));
				zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
				zip.putNextEntry(new ZipEntry("content.xml"));
				zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
			}
		};
	}

	/** A zip's signature followed by noise: what a download cut short or a damaged disk leaves. */
	private static Fixture brokenZip() {
		byte[] content = new byte[512];
		new Random(42).nextBytes(content);
		System.arraycopy(new byte[] { 'P', 'K', 3, 4 }, 0, content, 0, 4);
		return bytes(SHEET + ".xlsx", content);
	}

}
