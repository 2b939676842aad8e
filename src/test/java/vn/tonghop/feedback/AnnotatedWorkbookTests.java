package vn.tonghop.feedback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import javax.xml.namespace.QName;

import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFPatternFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCfRule;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTExtension;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;

import vn.tonghop.feedback.FeedbackFixtures.Format;
import vn.tonghop.feedback.SubmissionReport.ReportedProblem;
import vn.tonghop.sheet.FileChecks;
import vn.tonghop.sheet.ReadLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.feedback.FeedbackFixtures.SHEET;
import static vn.tonghop.feedback.FeedbackFixtures.problem;

class AnnotatedWorkbookTests {

	static final long FIVE_MB = 5L << 20;

	/** An error in a cell, a warning in another, a row-only error and a sheet-level warning. */
	static final List<ReportedProblem> PROBLEMS = List.of(
			problem("error", "number-text", SHEET, 6, "F", "khoảng 1.700"),
			problem("warning", "point-duplicate", SHEET, 7, "B", "Phường Gia Thụy"),
			problem("error", "total-mismatch", SHEET, 5, null, null),
			problem("warning", "date-outside-window", SHEET, null, null, null));

	static final String X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";

	@TempDir
	Path work;

	@Test
	void xlsxGetsItsOffendingCellsFilledAndCommentedAndTheSummaryInFront() throws IOException {
		// given a submission with text where a head count belongs
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xlsx"), Format.XLSX,
				sheet -> sheet.getRow(5).createCell(5).setCellValue("khoảng 1.700"));

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.xlsx", "rejected", PROBLEMS), new FileChecks());

		// then
		assertThat(annotated.annotated()).isTrue();
		assertThat(annotated.extension()).isEqualTo("xlsx");
		assertThat(annotated.mediaType()).isEqualTo(ReportWorkbook.XLSX);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			assertSummaryInFront(workbook);
			Sheet sheet = workbook.getSheet(SHEET);
			assertThat(rgb(cell(sheet, "F6"))).containsExactly(0xFF, 0xC7, 0xCE);
			assertThat(rgb(cell(sheet, "B7"))).containsExactly(0xFF, 0xEB, 0x9C);
			assertThat(rgb(cell(sheet, "A5"))).containsExactly(0xFF, 0xC7, 0xCE);
			assertMarked(sheet);
			assertUnchangedBut(file, sheet, List.of("F6", "B7", "A5"));
		}
	}

	@Test
	void xlsGetsTheSameWithPaletteColours() throws IOException {
		// given
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xls"), Format.XLS,
				sheet -> sheet.getRow(5).createCell(5).setCellValue("khoảng 1.700"));

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.xls", "rejected", PROBLEMS), new FileChecks());

		// then
		assertThat(annotated.extension()).isEqualTo("xls");
		assertThat(annotated.mediaType()).isEqualTo(ReportWorkbook.XLS);
		try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			assertSummaryInFront(workbook);
			Sheet sheet = workbook.getSheet(SHEET);
			assertThat(cell(sheet, "F6").getCellStyle().getFillForegroundColor()).isEqualTo(CellMarks.ERROR_XLS.getIndex());
			assertThat(cell(sheet, "B7").getCellStyle().getFillForegroundColor()).isEqualTo(CellMarks.WARNING_XLS.getIndex());
			assertThat(cell(sheet, "A5").getCellStyle().getFillForegroundColor()).isEqualTo(CellMarks.ERROR_XLS.getIndex());
			assertMarked(sheet);
			assertUnchangedBut(file, sheet, List.of("F6", "B7", "A5"));
		}
	}

	@Test
	void anXlsKeepsItsFormulasOnOtherSheetsAndItsPrintArea() throws IOException {
		// given an .xls whose other sheet sums and quotes the report's cells, and whose report has a print area
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xls"), Format.XLS, sheet -> {
			Workbook workbook = sheet.getWorkbook();
			Row notes = workbook.getSheet("Ghi chú").createRow(1);
			notes.createCell(0).setCellFormula("SUM('Báo cáo'!F5:F7)");
			notes.createCell(1).setCellFormula("'Báo cáo'!F5*2");
			workbook.setPrintArea(0, "$A$4:$H$7");
		});

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.xls", "rejected", PROBLEMS), new FileChecks());

		// then they still refer to the report's cells, not to another sheet's
		try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			Row notes = workbook.getSheet("Ghi chú").getRow(1);
			assertThat(notes.getCell(0).getCellFormula()).isEqualTo("SUM('Báo cáo'!F5:F7)");
			assertThat(notes.getCell(1).getCellFormula()).isEqualTo("'Báo cáo'!F5*2");
			assertThat(workbook.getPrintArea(workbook.getSheetIndex(SHEET))).isEqualTo("'Báo cáo'!$A$4:$H$7");
			// and the summary is what the workbook opens on
			assertThat(workbook.getSheetName(workbook.getActiveSheetIndex())).isEqualTo(SummarySheet.NAME);
		}
	}

	@Test
	void xlsmStaysAMacroEnabledWorkbookSoExcelOpensIt() throws IOException {
		// given
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xlsm"), Format.XLSM, sheet -> {
		});

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.xlsm", "rejected", PROBLEMS), new FileChecks());

		// then
		assertThat(annotated.extension()).isEqualTo("xlsm");
		assertThat(annotated.mediaType()).isEqualTo(ReportWorkbook.XLSM);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			assertThat(workbook.getPackagePart().getContentType())
				.isEqualTo("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
			assertSummaryInFront(workbook);
		}
	}

	@Test
	void aTemplateIsSavedAsAnOrdinaryWorkbook() throws IOException {
		// given an .xltx saved under an .xlsx name
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xlsx"), Format.XLSX, sheet -> {
		});
		try (XSSFWorkbook template = new XSSFWorkbook(file.toFile().getPath())) {
			template.getPackagePart().getPackage().replaceContentType(template.getPackagePart().getContentType(),
					"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml");
			try (OutputStream out = Files.newOutputStream(this.work.resolve("template.xlsx"))) {
				template.write(out);
			}
		}

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(this.work.resolve("template.xlsx"),
				FeedbackFixtures.report("template.xlsx", "accepted", List.of()), new FileChecks());

		// then
		assertThat(annotated.extension()).isEqualTo("xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			assertThat(workbook.getPackagePart().getContentType())
				.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
			assertThat(workbook.getSheetAt(0).getRow(SummarySheet.HEADER_ROW + 1).getCell(0).getStringCellValue())
				.isEqualTo("Không có lỗi hay cảnh báo / No errors or warnings");
		}
	}

	@Test
	void aCellCommentTheDistrictWroteIsKeptUnderOurs() throws IOException {
		// given a comment on the offending cell
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xlsx"), Format.XLSX, sheet -> {
			CreationHelper helper = sheet.getWorkbook().getCreationHelper();
			Comment comment = sheet.createDrawingPatriarch().createCellComment(helper.createClientAnchor());
			comment.setString(helper.createRichTextString("Số liệu tạm tính"));
			sheet.getRow(5).getCell(5).setCellComment(comment);
		});

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.xlsx", "rejected", PROBLEMS.subList(0, 1)), new FileChecks());

		// then
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			assertThat(cell(workbook.getSheet(SHEET), "F6").getCellComment().getString().getString())
				.isEqualTo("[Lỗi / error] number-text\nThông báo number-text\nMessage number-text\n\n---\nSố liệu tạm tính");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Format.class, names = { "XLSX", "XLS" })
	void cellsBesideACommentedCellAreCommentedToo(Format format) throws IOException {
		// given a row's total-mismatch in G6 listed before a whole-file problem in F6, the cell left of it,
		// and the district's own comment in H7, right of an offending G7
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien." + format.extension), format, sheet -> {
			CreationHelper helper = sheet.getWorkbook().getCreationHelper();
			Comment comment = sheet.createDrawingPatriarch().createCellComment(helper.createClientAnchor());
			comment.setString(helper.createRichTextString("Đã kiểm tra"));
			sheet.getRow(6).createCell(7).setCellComment(comment);
		});
		List<ReportedProblem> problems = List.of(FeedbackFixtures.problem("error", "total-mismatch", SHEET, 6, "G", "115"),
				FeedbackFixtures.problem("error", "column-duplicate", SHEET, 6, "F", "5"),
				FeedbackFixtures.problem("error", "total-mismatch", SHEET, 7, "G", "125"));

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien." + format.extension, "rejected", problems), new FileChecks());

		// then the workbook is annotated, not replaced by a listing, each cell with its own comment
		assertThat(annotated.annotated()).isTrue();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(annotated.content()))) {
			Sheet sheet = workbook.getSheet(SHEET);
			assertThat(cell(sheet, "F6").getCellComment().getString().getString()).startsWith("[Lỗi / error] column-duplicate");
			assertThat(cell(sheet, "G6").getCellComment().getString().getString()).startsWith("[Lỗi / error] total-mismatch");
			assertThat(cell(sheet, "G7").getCellComment().getString().getString()).startsWith("[Lỗi / error] total-mismatch");
			assertThat(cell(sheet, "H7").getCellComment().getString().getString()).isEqualTo("Đã kiểm tra");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Format.class, names = { "XLSX", "XLS" })
	void aProblemInACellAMergedAreaCoversIsMarkedWhereTheAreaShows(Format format) throws IOException {
		// given a level written once for rows 5 and 6 (C5:C6 merged) and members merged over F7:G7
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien." + format.extension), format, sheet -> {
			sheet.getRow(4).getCell(2).setCellValue("Cấp lạ");
			sheet.getRow(5).removeCell(sheet.getRow(5).getCell(2));
			sheet.addMergedRegion(new CellRangeAddress(4, 5, 2, 2));
			sheet.getRow(6).removeCell(sheet.getRow(6).getCell(6));
			sheet.addMergedRegion(new CellRangeAddress(6, 6, 5, 6));
		});
		List<ReportedProblem> problems = List.of(problem("error", "level-unknown", SHEET, 5, "C", "Cấp lạ"),
				problem("error", "level-unknown", SHEET, 6, "C", "Cấp lạ"),
				problem("warning", "point-outlier", SHEET, 7, "G", "10"));

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien." + format.extension, "rejected", problems), new FileChecks());

		// then each area's first cell, the one Excel shows, carries every problem in it, naming the cell
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(annotated.content()))) {
			Sheet sheet = workbook.getSheet(SHEET);
			assertThat(cell(sheet, "C5").getCellComment().getString().getString()).isEqualTo(
					"[Lỗi / error] level-unknown\nThông báo level-unknown\nMessage level-unknown\n\n"
							+ "[Lỗi / error] level-unknown (C6)\nThông báo level-unknown\nMessage level-unknown");
			assertThat(cell(sheet, "F7").getCellComment().getString().getString())
				.startsWith("[Cảnh báo / warning] point-outlier (G7)\n");
			assertThat(cell(sheet, "F7").getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
			assertThat(cell(sheet, "C6") == null || cell(sheet, "C6").getCellComment() == null).isTrue();
			assertThat(cell(sheet, "G7") == null || cell(sheet, "G7").getCellComment() == null).isTrue();
			assertThat(sheet.getMergedRegions()).extracting(region -> region.formatAsString())
				.containsExactlyInAnyOrder("C5:C6", "F7:G7");
			// and the summary still names the cells the problems are about, linked to the area
			Sheet summary = workbook.getSheet(SummarySheet.NAME);
			assertThat(value(summary, "A16")).isEqualTo("C6");
			assertThat(cell(summary, "A16").getHyperlink().getAddress()).isEqualTo("'Báo cáo'!C5");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Format.class, names = { "XLSX", "XLS" })
	void aMarkShowsOverTheDistrictsConditionalFormat(Format format) throws IOException {
		// given members painted blue by a conditional format over F5:F7, as templates do to flag entered figures
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien." + format.extension), format, sheet -> {
			sheet.getRow(5).createCell(5).setCellValue("khoảng 1.700");
			SheetConditionalFormatting formats = sheet.getSheetConditionalFormatting();
			ConditionalFormattingRule blue = formats.createConditionalFormattingRule("LEN(F5)>0");
			PatternFormatting fill = blue.createPatternFormatting();
			fill.setFillBackgroundColor(IndexedColors.LIGHT_BLUE.getIndex());
			fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
			formats.addConditionalFormatting(new CellRangeAddress[] { CellRangeAddress.valueOf("F5:F7") }, blue);
		});

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien." + format.extension, "rejected", PROBLEMS), new FileChecks());

		// then the format Excel applies first to the offending cell is our fill; the district's follows it
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(annotated.content()))) {
			Sheet sheet = workbook.getSheet(SHEET);
			List<ConditionalFormattingRule> over = formatsOver(sheet, "F6");
			assertThat(over).hasSize(2);
			assertThat(fillOf(over.get(0))).isEqualTo(format == Format.XLS ? CellMarks.ERROR_XLS.getIndex() : 0xFFC7CE);
			assertThat(over.get(1).getFormula1()).isEqualTo("LEN(F5)>0");
			assertThat(formatsOver(sheet, "B7")).extracting(AnnotatedWorkbookTests::fillOf)
				.containsExactly(format == Format.XLS ? CellMarks.WARNING_XLS.getIndex() : 0xFFEB9C);
			assertThat(formatsOver(sheet, "F5")).extracting(ConditionalFormattingRule::getFormula1)
				.containsExactly("LEN(F5)>0");
			// LibreOffice goes by the order they are written in, not by priority
			assertThat(fillOf(sheet.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0)))
				.isEqualTo(fillOf(over.get(0)));
		}
	}

	@Test
	void aDistrictsExcel2010ConditionalFormatStaysBehindOursToo() throws Exception {
		// given a conditional format of Excel 2010's own kind (kept in the sheet's extension list) at priority 2
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xlsx"), Format.XLSX, sheet -> {
			SheetConditionalFormatting formats = sheet.getSheetConditionalFormatting();
			ConditionalFormattingRule blue = formats.createConditionalFormattingRule("LEN(F5)>0");
			blue.createPatternFormatting().setFillBackgroundColor(IndexedColors.LIGHT_BLUE.getIndex());
			formats.addConditionalFormatting(new CellRangeAddress[] { CellRangeAddress.valueOf("F5:F7") }, blue);
			CTExtension extension = ((XSSFSheet) sheet).getCTWorksheet().addNewExtLst().addNewExt();
			extension.setUri("{78C0D931-6437-407d-A8EE-F0AAD7539E65}");
			try (XmlCursor from = XmlObject.Factory.parse("<x14:conditionalFormattings xmlns:x14=\"" + X14
					+ "\"><x14:conditionalFormatting><x14:cfRule type=\"expression\" priority=\"2\" id=\"{0}\"/>"
					+ "</x14:conditionalFormatting></x14:conditionalFormattings>").newCursor();
					XmlCursor to = extension.newCursor()) {
				from.toFirstChild();
				to.toEndToken();
				from.copyXml(to);
			}
			catch (XmlException ex) {
				throw new IllegalStateException(ex);
			}
		});

		// when errors and warnings are marked
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.xlsx", "rejected", PROBLEMS), new FileChecks());

		// then it comes after ours (1 and 2) and the district's first (3), as it did, sharing no priority
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			CTWorksheet sheet = workbook.getSheet(SHEET).getCTWorksheet();
			assertThat(Arrays.stream(sheet.getConditionalFormattingArray())
				.flatMap(format -> Arrays.stream(format.getCfRuleArray()))
				.map(CTCfRule::getPriority)).containsExactly(1, 2, 3);
			try (XmlCursor rule = sheet.getExtLst().newCursor()) {
				rule.selectPath("declare namespace x14='" + X14 + "' .//x14:cfRule");
				assertThat(rule.toNextSelection()).isTrue();
				assertThat(rule.getAttributeText(new QName("priority"))).isEqualTo("4");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = Format.class, names = { "XLSX", "XLS" })
	void aMarkedCellInAHiddenRowOrColumnIsShown(Format format) throws IOException {
		// given the offending figure in row 6 and column F, both hidden, and column H hidden too
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien." + format.extension), format, sheet -> {
			sheet.getRow(5).createCell(5).setCellValue("khoảng 1.700");
			sheet.getRow(5).setZeroHeight(true);
			sheet.getRow(6).setZeroHeight(true);
			sheet.setColumnHidden(5, true);
			sheet.setColumnHidden(7, true);
		});

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien." + format.extension, "rejected", PROBLEMS.subList(0, 1)), new FileChecks());

		// then the district sees the cell its summary links to; what holds no mark stays hidden
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(annotated.content()))) {
			Sheet sheet = workbook.getSheet(SHEET);
			assertThat(sheet.getRow(5).getZeroHeight()).isFalse();
			assertThat(sheet.isColumnHidden(5)).isFalse();
			assertThat(sheet.getRow(6).getZeroHeight()).isTrue();
			assertThat(sheet.isColumnHidden(7)).isTrue();
			assertThat(sheet.isColumnHidden(4)).isFalse();
			assertThat(sheet.isColumnHidden(6)).isFalse();
		}
	}

	@Test
	void aCommentInTheLastCellOfAnXlsSheetStaysOnTheSheet() throws IOException {
		// given text in IV65536, the last cell an .xls has
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xls"), Format.XLS,
				sheet -> FeedbackFixtures.text(sheet, 65_535, 255, "khoảng 1.700"));

		// when
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file, FeedbackFixtures
			.report("long-bien.xls", "rejected", List.of(problem("error", "number-text", SHEET, 65_536, "IV", "khoảng 1.700"))), new FileChecks());

		// then the workbook is annotated, not a listing, its comment's box left of and above the cell
		assertThat(annotated.annotated()).isTrue();
		try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			Comment comment = cell(workbook.getSheet(SHEET), "IV65536").getCellComment();
			assertThat(comment.getString().getString()).startsWith("[Lỗi / error] number-text\n");
			ClientAnchor box = comment.getClientAnchor();
			assertThat(new int[] { box.getCol1(), box.getCol2(), box.getRow1(), box.getRow2() })
				.containsExactly(250, 255, 65_530, 65_535);
		}
	}

	@Test
	void aCommentTooLongForAnXlsIsCut() throws IOException {
		// given the district's own comment on the cell, of many lines and almost as long as an .xls holds
		Path file = FeedbackFixtures.longBien(this.work.resolve("long-bien.xls"), Format.XLS, sheet -> {
			CreationHelper helper = sheet.getWorkbook().getCreationHelper();
			Comment comment = sheet.createDrawingPatriarch().createCellComment(helper.createClientAnchor());
			comment.setString(helper.createRichTextString("ghi chú\n".repeat(4_095)));
			sheet.getRow(5).createCell(5).setCellComment(comment);
		});

		// when ours goes above it
		ReportWorkbook annotated = new ReportWorkbooks(FIVE_MB, ReadLimits.defaults()).write(file,
				FeedbackFixtures.report("long-bien.xls", "rejected", PROBLEMS.subList(0, 1)), new FileChecks());

		// then
		assertThat(annotated.annotated()).isTrue();
		try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(annotated.content()))) {
			Comment comment = cell(workbook.getSheet(SHEET), "F6").getCellComment();
			assertThat(comment.getString().getString()).hasSize(ReportText.CELL)
				.startsWith("[Lỗi / error] number-text\nThông báo number-text\nMessage number-text\n\n---\nghi chú\nghi chú\n")
				.endsWith("…");
			assertThat(comment.getClientAnchor().getRow2() - comment.getClientAnchor().getRow1())
				.isEqualTo(ReportText.COMMENT_ROWS);
		}
	}

	static void assertSummaryInFront(Workbook workbook) {
		Sheet summary;
		if (workbook instanceof HSSFWorkbook) {
			assertSummaryTabLastAndOpened(workbook);
			summary = workbook.getSheetAt(2);
		}
		else {
			assertSummaryTabFirst(workbook);
			summary = workbook.getSheetAt(0);
		}
		assertThat(value(summary, "C3")).isEqualTo("long-bien." + extension(workbook));
		assertThat(value(summary, "C6")).isEqualTo("004");
		assertThat(value(summary, "C7")).isEqualTo("NQDH13");
		assertThat(value(summary, "C9")).isEqualTo("Bị từ chối / rejected");
		assertThat(value(summary, "C11")).isEqualTo("2");
		assertThat(value(summary, "C12")).isEqualTo("2");
		assertThat(value(summary, "A14")).isEqualTo("Ô / Cell");
		assertThat(row(summary, 15)).containsExactly("F6", SHEET, "6", "F", "khoảng 1.700", "Lỗi / error", "number-text",
				"Thông báo number-text", "Message number-text");
		assertThat(cell(summary, "A15").getHyperlink().getAddress()).isEqualTo("'Báo cáo'!F6");
		assertThat(row(summary, 17)).containsExactly("Dòng / Row 5", SHEET, "5", "", "", "Lỗi / error", "total-mismatch",
				"Thông báo total-mismatch", "Message total-mismatch");
		assertThat(cell(summary, "A17").getHyperlink().getAddress()).isEqualTo("'Báo cáo'!A5");
		assertThat(row(summary, 18)).containsExactly("", SHEET, "", "", "", "Cảnh báo / warning", "date-outside-window",
				"Thông báo date-outside-window", "Message date-outside-window");
		assertThat(cell(summary, "A18").getHyperlink()).isNull();
	}

	/** The summary is the first sheet and the only one selected, in front of the file's own two. */
	static void assertSummaryTabFirst(Workbook workbook) {
		assertThat(workbook.getSheetName(0)).isEqualTo(SummarySheet.NAME);
		assertThat(workbook.getSheetName(1)).isEqualTo(SHEET);
		assertThat(workbook.getSheetName(2)).isEqualTo("Ghi chú");
		assertThat(workbook.getActiveSheetIndex()).isZero();
		assertThat(workbook.getSheetAt(0).isSelected()).isTrue();
		assertThat(workbook.getSheetAt(1).isSelected()).isFalse();
		assertThat(workbook.getSheetAt(2).isSelected()).isFalse();
	}

	/** An .xls keeps its sheets' order: the summary comes last and is the one it opens on. */
	static void assertSummaryTabLastAndOpened(Workbook workbook) {
		assertThat(workbook.getSheetName(0)).isEqualTo(SHEET);
		assertThat(workbook.getSheetName(1)).isEqualTo("Ghi chú");
		assertThat(workbook.getSheetName(2)).isEqualTo(SummarySheet.NAME);
		assertThat(workbook.getActiveSheetIndex()).isEqualTo(2);
		assertThat(workbook.getSheetAt(0).isSelected()).isFalse();
		assertThat(workbook.getSheetAt(1).isSelected()).isFalse();
		assertThat(workbook.getSheetAt(2).isSelected()).isTrue();
	}

	/** The marks of PROBLEMS, and nothing else changed. */
	static void assertMarked(Sheet sheet) {
		Cell f6 = cell(sheet, "F6");
		assertThat(f6.getStringCellValue()).isEqualTo("khoảng 1.700");
		assertThat(f6.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
		assertThat(f6.getCellComment().getString().getString())
			.isEqualTo("[Lỗi / error] number-text\nThông báo number-text\nMessage number-text");
		assertThat(cell(sheet, "B7").getCellComment().getString().getString()).startsWith("[Cảnh báo / warning] point-duplicate\n");
		assertThat(cell(sheet, "A5").getCellComment().getString().getString()).startsWith("[Lỗi / error] total-mismatch\n");
		assertThat(value(sheet.getWorkbook().getSheet("Ghi chú"), "A1")).isEqualTo("Sheet the report does not touch");
	}

	/** Every cell of the original's sheet but the marked ones has its value, style and no comment. */
	static void assertUnchangedBut(Path original, Sheet annotated, List<String> marked) throws IOException {
		try (Workbook before = WorkbookFactory.create(original.toFile(), null, true)) {
			int compared = 0;
			for (Row row : before.getSheet(annotated.getSheetName())) {
				for (Cell cell : row) {
					String reference = new CellReference(cell).formatAsString(false);
					if (marked.contains(reference)) {
						continue;
					}
					Cell after = cell(annotated, reference);
					assertThat(value(annotated, reference)).as(reference).isEqualTo(value(cell.getSheet(), reference));
					assertThat(after.getCellStyle().getIndex()).as(reference).isEqualTo(cell.getCellStyle().getIndex());
					assertThat(after.getCellComment()).as(reference).isNull();
					compared++;
				}
			}
			assertThat(compared).isEqualTo(4 + 8 + 3 * 8 - marked.size());
		}
	}

	/** The conditional formats over a cell, in the order Excel applies them: by priority, or in an .xls as stored. */
	static List<ConditionalFormattingRule> formatsOver(Sheet sheet, String reference) {
		CellReference cell = new CellReference(reference);
		SheetConditionalFormatting formats = sheet.getSheetConditionalFormatting();
		List<ConditionalFormattingRule> over = new ArrayList<>();
		for (int i = 0; i < formats.getNumConditionalFormattings(); i++) {
			ConditionalFormatting format = formats.getConditionalFormattingAt(i);
			if (Arrays.stream(format.getFormattingRanges()).anyMatch(r -> r.isInRange(cell.getRow(), cell.getCol()))) {
				for (int r = 0; r < format.getNumberOfRules(); r++) {
					over.add(format.getRule(r));
				}
			}
		}
		if (!(sheet instanceof HSSFSheet)) {
			over.sort(Comparator.comparingInt(rule -> ((XSSFConditionalFormattingRule) rule).getPriority()));
		}
		return over;
	}

	/** A conditional format's fill: the palette index in an .xls, else the RGB. */
	static int fillOf(ConditionalFormattingRule rule) {
		PatternFormatting fill = rule.getPatternFormatting();
		if (fill instanceof XSSFPatternFormatting xssf) {
			byte[] rgb = ((XSSFColor) xssf.getFillBackgroundColorColor()).getRGB();
			return ((rgb[0] & 0xFF) << 16) | ((rgb[1] & 0xFF) << 8) | (rgb[2] & 0xFF);
		}
		return fill.getFillBackgroundColor();
	}

	static int[] rgb(Cell cell) {
		byte[] rgb = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor().getRGB();
		return new int[] { rgb[0] & 0xFF, rgb[1] & 0xFF, rgb[2] & 0xFF };
	}

	static Cell cell(Sheet sheet, String reference) {
		CellReference ref = new CellReference(reference);
		Row row = sheet.getRow(ref.getRow());
		return row != null ? row.getCell(ref.getCol()) : null;
	}

	static String value(Sheet sheet, String reference) {
		Cell cell = cell(sheet, reference);
		return cell == null ? null : new DataFormatter().formatCellValue(cell);
	}

	/** Row {@code number} (as Excel shows it), columns A to I, as text. */
	static List<String> row(Sheet sheet, int number) {
		return IntStream.range(0, SummarySheet.HEADERS.length)
			.mapToObj(c -> {
				String v = value(sheet, CellReference.convertNumToColString(c) + number);
				return v == null ? "" : v;
			})
			.toList();
	}

	private static String extension(Workbook workbook) {
		if (workbook instanceof HSSFWorkbook) {
			return "xls";
		}
		return ((XSSFWorkbook) workbook).getPackagePart().getContentType().contains("macroEnabled") ? "xlsm" : "xlsx";
	}

}
