package vn.tonghop.feedback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import vn.tonghop.feedback.FeedbackFixtures.Format;
import vn.tonghop.feedback.SubmissionReport.ReportedProblem;
import vn.tonghop.sheet.FileChecks;
import vn.tonghop.sheet.ReadLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.FIVE_MB;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.cell;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.rgb;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.row;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.value;
import static vn.tonghop.feedback.FeedbackFixtures.SHEET;
import static vn.tonghop.feedback.FeedbackFixtures.problem;

class ProblemListingTests {

	@TempDir
	Path work;

	@Test
	void csvGetsAListingWithEveryRowCopiedAndTheOffendingCellsMarked() throws IOException {
		// given a CSV whose second ward has text for its members (row 6, column F)
		Path file = FeedbackFixtures.longBienCsv(this.work.resolve("long-bien.csv"), "khoảng 1.700");
		List<ReportedProblem> problems = List.of(problem("error", "number-text", "long-bien", 6, "F", "khoảng 1.700"),
				problem("warning", "date-outside-window", "long-bien", null, null, null));

		// when
		ReportWorkbook listing = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.csv", "rejected", problems), new FileChecks());

		// then
		assertThat(listing.annotated()).isFalse();
		assertThat(listing.extension()).isEqualTo("xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			assertThat(sheetNames(workbook)).containsExactly(SummarySheet.NAME, "long-bien");
			assertThat(workbook.getActiveSheetIndex()).isZero();
			Sheet summary = workbook.getSheetAt(0);
			assertThat(value(summary, "C3")).isEqualTo("long-bien.csv");
			assertThat(row(summary, 15)).containsExactly("F6", "long-bien", "6", "F", "khoảng 1.700", "Lỗi / error",
					"number-text", "Thông báo number-text", "Message number-text");
			assertThat(cell(summary, "A15").getHyperlink().getAddress()).isEqualTo("'long-bien'!F6");
			Sheet copy = workbook.getSheet("long-bien");
			assertThat(value(copy, "A1")).isEqualTo("Đơn vị báo cáo:");
			assertThat(value(copy, "B4")).isEqualTo("Tên điểm cầu");
			assertThat(value(copy, "B6")).isEqualTo("Phường Cự Khối");
			assertThat(value(copy, "F6")).isEqualTo("khoảng 1.700");
			assertThat(rgb(cell(copy, "F6"))).containsExactly(0xFF, 0xC7, 0xCE);
			assertThat(cell(copy, "F6").getCellComment().getString().getString())
				.isEqualTo("[Lỗi / error] number-text\nThông báo number-text\nMessage number-text");
			assertThat(cell(copy, "F5").getCellComment()).isNull();
			assertThat(copy.getLastRowNum()).isEqualTo(6);
		}
	}

	// The summary and the copy write a district's text as text; editing a cell (F2, Enter) makes Excel
	// read it again, so text that reads as a formula is quote-prefixed, as in the consolidated report.
	@Test
	void textThatReadsAsAFormulaStaysTextWhenEdited() throws IOException {
		// given a CSV whose second ward has a formula for its members (row 6, column F)
		String formula = "=1+1700";
		Path file = FeedbackFixtures.longBienCsv(this.work.resolve("long-bien.csv"), formula);
		List<ReportedProblem> problems = List.of(problem("error", "number-text", "long-bien", 6, "F", formula));

		// when
		ReportWorkbook listing = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.csv", "rejected", problems), new FileChecks());

		// then
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			Sheet summary = workbook.getSheetAt(0);
			assertThat(value(summary, "E15")).isEqualTo(formula);
			assertThat(cell(summary, "E15").getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(cell(summary, "G15").getCellStyle().getQuotePrefixed()).isFalse();
			Sheet copy = workbook.getSheet("long-bien");
			assertThat(value(copy, "F6")).isEqualTo(formula);
			assertThat(cell(copy, "F6").getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(rgb(cell(copy, "F6"))).containsExactly(0xFF, 0xC7, 0xCE);
			assertThat(cell(copy, "B6").getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	@Test
	void aListingCopiesTheRowsUnderTheLimitsItIsGiven() throws IOException {
		// given the same CSV, and limits that allow it three rows
		Path file = FeedbackFixtures.longBienCsv(this.work.resolve("long-bien.csv"), "khoảng 1.700");
		List<ReportedProblem> problems = List.of(problem("error", "number-text", "long-bien", 6, "F", "khoảng 1.700"));
		ReadLimits threeRows = new ReadLimits(DataSize.ofMegabytes(50), DataSize.ofMegabytes(20), 500_000, 1_000,
				DataSize.ofMegabytes(100), DataSize.ofMegabytes(250), 0.01, DataSize.ofMegabytes(5), 500_000, 10_000_000,
				32_767, 1_000_000, 3, 2_000_000);

		// when
		ReportWorkbook listing = new ReportWorkbooks(FIVE_MB, threeRows).write(file,
				FeedbackFixtures.report("long-bien.csv", "rejected", problems), new FileChecks());

		// then the copy stops at the limit and the summary alone is written
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			assertThat(sheetNames(workbook)).containsExactly(SummarySheet.NAME);
		}
	}

	@Test
	void aWorkbookTooLargeToAnnotateGetsOnlyItsProblemRowsCopied() throws IOException {
		// given a limit the workbook exceeds once unpacked
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xlsx"), Format.XLSX,
				sheet -> sheet.getRow(5).createCell(5).setCellValue("khoảng 1.700"));

		// when
		ReportWorkbook listing = new ReportWorkbooks(2_000, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.xlsx", "rejected", AnnotatedWorkbookTests.PROBLEMS), new FileChecks());

		// then
		assertThat(listing.annotated()).isFalse();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			assertThat(sheetNames(workbook)).containsExactly(SummarySheet.NAME, SHEET);
			Sheet copy = workbook.getSheet(SHEET);
			assertThat(rowNumbers(copy)).containsExactly(5, 6, 7);
			assertThat(value(copy, "F6")).isEqualTo("khoảng 1.700");
			assertThat(value(copy, "F5")).isEqualTo("100");
			assertThat(rgb(cell(copy, "F6"))).containsExactly(0xFF, 0xC7, 0xCE);
			assertThat(rgb(cell(copy, "B7"))).containsExactly(0xFF, 0xEB, 0x9C);
			assertThat(rgb(cell(copy, "A5"))).containsExactly(0xFF, 0xC7, 0xCE);
			assertThat(cell(copy, "B7").getCellComment().getString().getString()).startsWith("[Cảnh báo / warning] point-duplicate\n");
			assertThat(cell(workbook.getSheetAt(0), "A17").getHyperlink().getAddress()).isEqualTo("'Báo cáo'!A5");
		}
	}

	@Test
	void aWorkbookTooLargeToAnnotateGetsTheProblemRowsOfEverySheetWithProblemsCopied() throws IOException {
		// given three sheets, problems on the first and the last, the middle one without
		Path file = this.work.resolve("ba-trang.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			for (String name : List.of("Một", "Hai", "Ba")) {
				Sheet sheet = workbook.createSheet(name);
				for (int r = 0; r < 6; r++) {
					sheet.createRow(r).createCell(0).setCellValue(name + " " + (r + 1));
				}
			}
			try (var out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
		List<ReportedProblem> problems = List.of(problem("error", "number-missing", "Một", 2, "A", null),
				problem("warning", "point-duplicate", "Ba", 5, "A", null));

		// when
		ReportWorkbook listing = new ReportWorkbooks(2_000, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("ba-trang.xlsx", "rejected", problems), new FileChecks());

		// then
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			assertThat(sheetNames(workbook)).containsExactly(SummarySheet.NAME, "Một", "Ba");
			assertThat(rowNumbers(workbook.getSheet("Một"))).containsExactly(2);
			assertThat(value(workbook.getSheet("Một"), "A2")).isEqualTo("Một 2");
			assertThat(rowNumbers(workbook.getSheet("Ba"))).containsExactly(5);
			assertThat(value(workbook.getSheet("Ba"), "A5")).isEqualTo("Ba 5");
		}
	}

	@Test
	void aRowProblemLinksToTheCellItMarks() throws IOException {
		// given a CSV whose rows leave their number (column A) blank, and a problem of the second ward's
		// row that names no column
		Path file = this.work.resolve("long-bien.csv");
		Files.writeString(file, "Đơn vị báo cáo:;Quận ủy Long Biên\nHội nghị:;NQDH13\n\n"
				+ String.join(";", FeedbackFixtures.HEADER) + "\n;Phường Bồ Đề;Phường;Phường Bồ Đề;Trực tuyến;100;10;110\n"
				+ ";Phường Cự Khối;Phường;Phường Cự Khối;Trực tuyến;;10;10\n");
		List<ReportedProblem> problems = List.of(problem("error", "number-missing", "long-bien", 6, null, null));

		// when
		ReportWorkbook listing = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.csv", "rejected", problems), new FileChecks());

		// then the row's first cell is marked, and the summary's link leads there
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			Sheet copy = workbook.getSheet("long-bien");
			assertThat(rgb(cell(copy, "B6"))).containsExactly(0xFF, 0xC7, 0xCE);
			assertThat(cell(workbook.getSheetAt(0), "A15").getHyperlink().getAddress()).isEqualTo("'long-bien'!B6");
		}
	}

	@Test
	void aCopiedPercentageReadsAsTheDistrictWroteIt() throws IOException {
		// given a workbook too large to annotate whose coverage, 93.8%, is the cell a problem is about
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xlsx"), Format.XLSX, sheet -> {
			FeedbackFixtures.text(sheet, 2, 0, "Tỷ lệ (%):");
			org.apache.poi.ss.usermodel.Cell coverage = sheet.getRow(2).createCell(1);
			coverage.setCellValue(0.938);
			org.apache.poi.ss.usermodel.CellStyle percent = sheet.getWorkbook().createCellStyle();
			percent.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("0.0%"));
			coverage.setCellStyle(percent);
		});

		// when
		ReportWorkbook listing = new ReportWorkbooks(2_000, ReadLimits.defaults()).write(file, FeedbackFixtures
			.report("long-bien.xlsx", "rejected", List.of(problem("error", "coverage-mismatch", SHEET, 3, "B", "93.8%"))), new FileChecks());

		// then the copy shows it as a percentage, not as 0.938, and marked
		assertThat(listing.annotated()).isFalse();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			Sheet copy = workbook.getSheet(SHEET);
			assertThat(value(copy, "B3")).isEqualTo("93.8%");
			assertThat(cell(copy, "B3").getNumericCellValue()).isEqualTo(0.938);
			assertThat(rgb(cell(copy, "B3"))).containsExactly(0xFF, 0xC7, 0xCE);
		}
	}

	@Test
	void anEncryptedWorkbookGetsTheSummaryAlone() throws Exception {
		// given
		Path file = FeedbackFixtures.encrypted(this.work.resolve("mat-khau.xlsx"));

		// when
		ReportWorkbook listing = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file, FeedbackFixtures.report("mat-khau.xlsx",
				"rejected", List.of(problem("error", "file-encrypted", null, null, null, null))), new FileChecks());

		// then
		assertThat(listing.annotated()).isFalse();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			assertThat(sheetNames(workbook)).containsExactly(SummarySheet.NAME);
			assertThat(row(workbook.getSheetAt(0), 15)).containsExactly("", "", "", "", "", "Lỗi / error", "file-encrypted",
					"Thông báo file-encrypted", "Message file-encrypted");
		}
	}

	@Test
	void aDamagedWorkbookThatCannotBeOpenedAgainGetsTheSummaryAlone() throws IOException {
		// given bytes that start like a workbook and are not one, with a cell problem reported
		Path file = Files.write(this.work.resolve("hong.xlsx"), new byte[] { 'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8 });

		// when
		ReportWorkbook listing = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("hong.xlsx", "rejected", AnnotatedWorkbookTests.PROBLEMS), new FileChecks());

		// then
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			assertThat(sheetNames(workbook)).containsExactly(SummarySheet.NAME);
			assertThat(row(workbook.getSheetAt(0), 15).get(6)).isEqualTo("number-text");
			assertThat(cell(workbook.getSheetAt(0), "A15").getHyperlink()).isNull();
		}
	}

	@Test
	void aVanishedArchiveCopyGetsTheSummaryAlone() throws IOException {
		// when
		ReportWorkbook listing = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(this.work.resolve("gone.xlsx"),
				FeedbackFixtures.report("gone.xlsx", "rejected", AnnotatedWorkbookTests.PROBLEMS), new FileChecks());

		// then
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			assertThat(sheetNames(workbook)).containsExactly(SummarySheet.NAME);
		}
	}

	static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	static List<Integer> rowNumbers(Sheet sheet) {
		List<Integer> numbers = new ArrayList<>();
		for (Row row : sheet) {
			numbers.add(row.getRowNum() + 1);
		}
		return numbers;
	}

}
