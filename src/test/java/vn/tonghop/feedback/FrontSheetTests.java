package vn.tonghop.feedback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.feedback.FeedbackFixtures.Format;
import vn.tonghop.sheet.FileChecks;
import vn.tonghop.sheet.ReadLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.FIVE_MB;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.assertSummaryTabFirst;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.assertUnchangedBut;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.cell;
import static vn.tonghop.feedback.AnnotatedWorkbookTests.value;
import static vn.tonghop.feedback.FeedbackFixtures.SHEET;

class FrontSheetTests {

	@TempDir
	Path work;

	@Test
	void aCleanWorkbookGetsTheSummaryInFrontAndEverythingElseAsItWas() throws IOException {
		// given: a clean file whose second sheet is the selected one, with a print area on the first
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xlsx"), Format.XLSX, sheet -> {
			XSSFWorkbook workbook = (XSSFWorkbook) sheet.getWorkbook();
			workbook.setPrintArea(0, "$A$1:$H$7");
			workbook.setActiveSheet(1);
			workbook.getSheetAt(0).setSelected(false);
			workbook.getSheetAt(1).setSelected(true);
		});
		SubmissionReport report = FeedbackFixtures.report("long-bien.xlsx", "accepted", List.of());

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file, report, new FileChecks());

		// then: the summary is the first, active and only selected sheet
		assertThat(annotated.extension()).isEqualTo("xlsx");
		assertThat(entries(annotated.content())).contains("xl/worksheets/tonghop-summary.xml");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			assertSummaryTabFirst(workbook);
			// the same head as POI would have written, in the same looks
			Sheet summary = workbook.getSheetAt(0);
			for (SummarySheet.Line line : SummarySheet.head(report)) {
				assertThat(summary.getRow(line.row()).getCell(line.column()).getStringCellValue()).isEqualTo(line.text());
			}
			assertThat(value(summary, "C9")).isEqualTo("Được chấp nhận / accepted");
			assertThat(value(summary, "A15")).isEqualTo("Không có lỗi hay cảnh báo / No errors or warnings");
			Font title = workbook.getFontAt(cell(summary, "A1").getCellStyle().getFontIndex());
			assertThat(title.getBold()).isTrue();
			assertThat(title.getFontHeightInPoints()).isEqualTo((short) 14);
			assertThat(workbook.getFontAt(cell(summary, "A3").getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(workbook.getFontAt(cell(summary, "C3").getCellStyle().getFontIndex()).getBold()).isFalse();
			assertThat(summary.getColumnWidth(7)).isEqualTo(50 * 256);
			assertThat(summary.getPrintSetup().getLandscape()).isTrue();
			// the print area still belongs to the report sheet, now the second
			assertThat(workbook.getPrintArea(1)).isEqualTo("'" + SHEET + "'!$A$1:$H$7");
			assertUnchangedBut(file, workbook.getSheet(SHEET), List.of());
			assertThat(value(workbook.getSheet("Ghi chú"), "A1")).isEqualTo("Sheet the report does not touch");
		}
	}

	@Test
	void aSheetAlreadyNamedLikeTheSummaryKeepsItsNameAndAMacroWorkbookStaysOne() throws IOException {
		// given: a macro-enabled workbook with a sheet named like ours
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xlsm"), Format.XLSM,
				sheet -> sheet.getWorkbook().createSheet(SummarySheet.NAME.toUpperCase()));
		SubmissionReport report = FeedbackFixtures.report("long-bien.xlsm", "accepted", List.of());

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file, report, new FileChecks());

		// then
		assertThat(annotated.extension()).isEqualTo("xlsm");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			assertThat(workbook.getWorkbookType()).isEqualTo(XSSFWorkbookType.XLSM);
			assertThat(workbook.getSheetName(0)).isEqualTo(SummarySheet.NAME + " (2)");
			assertThat(workbook.getSheetName(3)).isEqualTo(SummarySheet.NAME.toUpperCase());
		}
	}

	@Test
	void aPackageWithoutStylesIsAnnotatedTheOrdinaryWay() throws IOException {
		// given: a clean workbook stripped of its styles part (POI writes one back)
		Path original = FeedbackFixtures.longBien(this.work.resolve("a.xlsx"), Format.XLSX, sheet -> {
		});
		Path file = this.work.resolve("long-bien.xlsx");
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!entry.getName().equals("xl/styles.xml")) {
					out.putNextEntry(new ZipEntry(entry.getName()));
					in.transferTo(out);
				}
			}
		}

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults())
			.write(file, FeedbackFixtures.report("long-bien.xlsx", "accepted", List.of()), new FileChecks());

		// then: still the workbook annotated, by POI (which adds the styles part)
		assertThat(annotated.annotated()).isTrue();
		assertThat(entries(annotated.content())).doesNotContain("xl/worksheets/tonghop-summary.xml").contains("xl/styles.xml");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo(SummarySheet.NAME);
		}
	}

	@Test
	void aWorkbookWhosePrefixRNamesItsOwnNamespaceGetsTheSummaryUnderAnotherPrefix() throws IOException {
		// given: the workbook part written with "r" for the main namespace and its sheets' ids declared on each
		Path file = cleanWorkbookEdited((name, text) -> {
			if (!name.equals("xl/workbook.xml")) {
				return text;
			}
			StringBuilder sheets = new StringBuilder();
			Matcher sheet = Pattern.compile("<sheet [^>]*/>").matcher(text);
			while (sheet.find()) {
				sheets.append(sheet.group()
					.replace("<sheet ", "<r:sheet xmlns:q=\"" + FrontSheet.RELATIONSHIPS + "\" ")
					.replace(" r:id=", " q:id="));
			}
			return "<r:workbook xmlns:r=\"" + FrontSheet.MAIN + "\"><r:sheets>" + sheets + "</r:sheets></r:workbook>";
		}, Map.of());

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults())
			.write(file, FeedbackFixtures.report("long-bien.xlsx", "accepted", List.of()), new FileChecks());

		// then: put in front, its id under a prefix of its own, and every sheet still in the main namespace
		assertThat(entries(annotated.content())).contains("xl/worksheets/tonghop-summary.xml");
		assertThat(entry(annotated.content(), "xl/workbook.xml")).contains("r2:id=", "xmlns:r2=\"" + FrontSheet.RELATIONSHIPS + "\"");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo(SummarySheet.NAME);
			assertThat(workbook.getSheet(SHEET)).isNotNull();
		}
	}

	@Test
	void aChartSheetWhoseTabWasSelectedIsNoLongerSelected() throws IOException {
		// given: a clean workbook saved with its chart sheet as the selected tab
		Path file = cleanWorkbookEdited((name, text) -> switch (name) {
			case "xl/workbook.xml" -> text.replace("</sheets>", "<sheet name=\"Biểu đồ\" sheetId=\"9\" r:id=\"rIdChart\"/></sheets>");
			case "xl/_rels/workbook.xml.rels" -> text.replace("</Relationships>", "<Relationship Id=\"rIdChart\" "
					+ "Type=\"" + FrontSheet.RELATIONSHIPS + "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/></Relationships>");
			case "[Content_Types].xml" -> text.replace("</Types>", "<Override PartName=\"/xl/chartsheets/sheet1.xml\" "
					+ "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml\"/></Types>");
			default -> text.replace(" tabSelected=\"true\"", "");
		}, Map.of("xl/chartsheets/sheet1.xml", "<chartsheet xmlns=\"" + FrontSheet.MAIN + "\" xmlns:r=\"" + FrontSheet.RELATIONSHIPS
				+ "\"><sheetPr/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews></chartsheet>"));

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults())
			.write(file, FeedbackFixtures.report("long-bien.xlsx", "accepted", List.of()), new FileChecks());

		// then: the summary is the only selected tab; two would open the workbook with its sheets grouped
		assertThat(entries(annotated.content())).contains("xl/worksheets/tonghop-summary.xml");
		assertThat(entry(annotated.content(), "xl/chartsheets/sheet1.xml")).doesNotContain("tabSelected");
	}

	@Test
	void aCleanCsvGetsTheSummaryAlone() throws IOException {
		// given
		Path csv = FeedbackFixtures.longBienCsv(this.work.resolve("long-bien.csv"), "100");
		SubmissionReport report = FeedbackFixtures.report("long-bien.csv", "accepted", List.of());

		// when
		ReportWorkbook listing = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(csv, report, new FileChecks());

		// then
		assertThat(listing.annotated()).isFalse();
		assertThat(listing.extension()).isEqualTo("xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(listing.content()))) {
			assertThat(workbook.getNumberOfSheets()).isOne();
			Sheet summary = workbook.getSheetAt(0);
			assertThat(summary.getSheetName()).isEqualTo(SummarySheet.NAME);
			assertThat(summary.isSelected()).isTrue();
			for (SummarySheet.Line line : SummarySheet.head(report)) {
				assertThat(summary.getRow(line.row()).getCell(line.column()).getStringCellValue()).isEqualTo(line.text());
			}
			assertThat(value(summary, "C3")).isEqualTo("long-bien.csv");
			Font title = workbook.getFontAt(cell(summary, "A1").getCellStyle().getFontIndex());
			assertThat(title.getBold()).isTrue();
			assertThat(title.getFontHeightInPoints()).isEqualTo((short) 14);
			assertThat(workbook.getFontAt(cell(summary, "A14").getCellStyle().getFontIndex()).getBold()).isTrue();
		}
	}

	// Editing a cell (F2, Enter) makes Excel read it again: a file name that reads as a formula is
	// quote-prefixed, as the summary POI writes for a file with problems quotes it.
	@Test
	void aFileNameThatReadsAsAFormulaStaysTextWhenEdited() throws IOException {
		// given a clean workbook and a clean CSV whose names start as formulas do
		Path xlsx = FeedbackFixtures.longBien(this.work.resolve("-long-bien.xlsx"), Format.XLSX, sheet -> {
		});
		Path csv = FeedbackFixtures.longBienCsv(this.work.resolve("=1+1700.csv"), "100");

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(xlsx,
				FeedbackFixtures.report("-long-bien.xlsx", "accepted", List.of()), new FileChecks());
		ReportWorkbook listing = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(csv,
				FeedbackFixtures.report("=1+1700.csv", "accepted", List.of()), new FileChecks());

		// then the names are text marked to stay text, and the other facts keep their plain look
		for (ReportWorkbook report : List.of(annotated, listing)) {
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.content()))) {
				Sheet summary = workbook.getSheetAt(0);
				assertThat(value(summary, "C3")).isIn("-long-bien.xlsx", "=1+1700.csv");
				assertThat(cell(summary, "C3").getCellStyle().getQuotePrefixed()).isTrue();
				assertThat(workbook.getFontAt(cell(summary, "C3").getCellStyle().getFontIndex()).getBold()).isFalse();
				assertThat(cell(summary, "C4").getCellStyle().getQuotePrefixed()).isFalse();
			}
		}
	}

	/** A clean workbook of Long Biên with each entry's text edited, by entry name, and entries added. */
	private Path cleanWorkbookEdited(BiFunction<String, String, String> edit, Map<String, String> added) throws IOException {
		Path original = FeedbackFixtures.longBien(this.work.resolve("a.xlsx"), Format.XLSX, sheet -> {
		});
		Path file = this.work.resolve("long-bien.xlsx");
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(edit.apply(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8))
					.getBytes(StandardCharsets.UTF_8));
			}
			for (Map.Entry<String, String> part : added.entrySet()) {
				out.putNextEntry(new ZipEntry(part.getKey()));
				out.write(part.getValue().getBytes(StandardCharsets.UTF_8));
			}
		}
		return file;
	}

	private static String entry(byte[] zip, String name) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("No " + name);
	}

	private static List<String> entries(byte[] zip) throws IOException {
		List<String> names = new java.util.ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
