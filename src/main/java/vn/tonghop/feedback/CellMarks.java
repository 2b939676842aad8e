package vn.tonghop.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.namespace.QName;

import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCfRule;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTConditionalFormatting;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;

import vn.tonghop.feedback.SubmissionReport.ReportedProblem;

/**
 * Highlights offending cells (red-ish fill for errors, yellow for warnings) and comments them with
 * the rule codes and messages. The cell keeps everything else of its style: a copy of the style
 * with the fill is made once per original style and severity.
 */
final class CellMarks {

	/** Excel's own "Bad" and "Neutral" cell style fills. */
	static final byte[] ERROR_RGB = { (byte) 0xFF, (byte) 0xC7, (byte) 0xCE };

	static final byte[] WARNING_RGB = { (byte) 0xFF, (byte) 0xEB, (byte) 0x9C };

	/** The .xls palette has no free colours without changing others: the nearest built-in ones. */
	static final IndexedColors ERROR_XLS = IndexedColors.CORAL;

	static final IndexedColors WARNING_XLS = IndexedColors.LIGHT_YELLOW;

	private static final String AUTHOR = "tonghop";

	private static final int RANGES_PER_FORMAT = 500;

	private static final QName X14_RULE = new QName("http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
			"cfRule");

	private static final QName PRIORITY = new QName("priority");

	private final Workbook workbook;

	private final CreationHelper helper;

	private final Map<String, CellStyle> styles = new HashMap<>();

	private final Map<Sheet, Drawing<?>> drawings = new HashMap<>();

	/** The cells marked, by sheet, errors first: their fills again as conditional formats where the sheet has any. */
	private final Map<Sheet, List<List<CellRangeAddress>>> marked = new LinkedHashMap<>();

	CellMarks(Workbook workbook) {
		this.workbook = workbook;
		this.helper = workbook.getCreationHelper();
	}

	/**
	 * Marks the cell (0-based row and column), creating it when the row has nothing there, and shows
	 * its row and column when they are hidden.
	 */
	void mark(Sheet sheet, int rowIndex, int columnIndex, List<ReportedProblem> problems) {
		Row row = sheet.getRow(rowIndex);
		if (row == null) {
			row = sheet.createRow(rowIndex);
		}
		Cell cell = row.getCell(columnIndex);
		if (cell == null) {
			cell = row.createCell(columnIndex);
		}
		// A mark the district cannot see, where the summary's link leads, would tell it nothing.
		if (row.getZeroHeight()) {
			row.setZeroHeight(false);
		}
		// Asked of a column shown, POI would write a width-less entry for it.
		if (sheet.isColumnHidden(columnIndex)) {
			sheet.setColumnHidden(columnIndex, false);
		}
		boolean error = problems.stream().anyMatch(ReportedProblem::isError);
		cell.setCellStyle(filled(cell.getCellStyle(), error));
		comment(sheet, cell, problems);
		this.marked.computeIfAbsent(sheet, s -> List.of(new ArrayList<>(), new ArrayList<>()))
			.get(error ? 0 : 1)
			.add(new CellRangeAddress(rowIndex, rowIndex, columnIndex, columnIndex));
	}

	/**
	 * A conditional format the district set (figures entered painted blue, say) paints over a cell's
	 * own fill, so the fills go again as conditional formats applied before the district's: the one
	 * first in an .xls, the one of the highest priority otherwise. Sheets without any are left as they are.
	 */
	void showOverConditionalFormats() {
		this.marked.forEach((sheet, cells) -> {
			SheetConditionalFormatting formats = sheet.getSheetConditionalFormatting();
			int districts = formats.getNumConditionalFormattings();
			if (districts == 0) {
				return;
			}
			for (int severity = 0; severity < cells.size(); severity++) {
				List<CellRangeAddress> ranges = cells.get(severity);
				// An .xls record holds about a thousand ranges: one format per batch keeps each within it.
				for (int from = 0; from < ranges.size(); from += RANGES_PER_FORMAT) {
					formats.addConditionalFormatting(ranges.subList(from, Math.min(from + RANGES_PER_FORMAT, ranges.size()))
						.toArray(CellRangeAddress[]::new), fillRule(formats, severity == 0));
				}
			}
			if (sheet instanceof HSSFSheet) {
				for (int i = 0; i < districts; i++) {
					// Moved behind ours: a copy of the first at the end, the first removed.
					formats.addConditionalFormatting(formats.getConditionalFormattingAt(0));
					formats.removeConditionalFormatting(0);
				}
			}
			else {
				ahead(((XSSFSheet) sheet).getCTWorksheet(), districts);
			}
		});
	}

	private ConditionalFormattingRule fillRule(SheetConditionalFormatting formats, boolean error) {
		ConditionalFormattingRule rule = formats.createConditionalFormattingRule("TRUE");
		PatternFormatting fill = rule.createPatternFormatting();
		fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
		// A conditional format's solid fill is its background colour.
		if (this.workbook instanceof HSSFWorkbook) {
			fill.setFillBackgroundColor((error ? ERROR_XLS : WARNING_XLS).getIndex());
		}
		else {
			fill.setFillBackgroundColor(new XSSFColor(error ? ERROR_RGB : WARNING_RGB, null));
		}
		return rule;
	}

	/**
	 * Puts ours, added after the district's, first with priorities 1, 2…, and the district's after
	 * them in their own order of priority: Excel applies them by priority, LibreOffice in the order they are written.
	 */
	private static void ahead(CTWorksheet worksheet, int districts) {
		CTConditionalFormatting[] formats = worksheet.getConditionalFormattingArray();
		int ours = formats.length - districts;
		CTConditionalFormatting[] ordered = new CTConditionalFormatting[formats.length];
		for (int i = 0; i < formats.length; i++) {
			boolean district = i >= ours;
			CTConditionalFormatting format = (CTConditionalFormatting) formats[district ? i - ours : districts + i].copy();
			for (CTCfRule rule : format.getCfRuleArray()) {
				rule.setPriority(district ? rule.getPriority() + ours : i + 1);
			}
			ordered[i] = format;
		}
		worksheet.setConditionalFormattingArray(ordered);
		if (worksheet.isSetExtLst()) {
			behind(worksheet.getExtLst(), ours);
		}
	}

	/**
	 * Moves the district's conditional formats of Excel 2010's own kinds behind ours too: they are
	 * kept in the sheet's extension list, numbered in the same sequence of priorities as the others.
	 */
	private static void behind(XmlObject extensions, int ours) {
		try (XmlCursor cursor = extensions.newCursor(); XmlCursor end = extensions.newCursor()) {
			end.toEndToken();
			while (cursor.toNextToken() != XmlCursor.TokenType.NONE && cursor.isLeftOf(end)) {
				String priority = cursor.isStart() && X14_RULE.equals(cursor.getName()) ? cursor.getAttributeText(PRIORITY)
						: null;
				if (priority != null && priority.strip().matches("\\d{1,9}")) {
					cursor.setAttributeText(PRIORITY, Integer.toString(Integer.parseInt(priority.strip()) + ours));
				}
			}
		}
	}

	/** The column a row-only problem marks: the row's first cell, else column A. */
	static int firstColumn(Sheet sheet, int rowIndex) {
		Row row = sheet.getRow(rowIndex);
		return (row != null && row.getFirstCellNum() >= 0) ? row.getFirstCellNum() : 0;
	}

	/**
	 * What a comment on {@code cell} says about these problems: severity, code and both messages of each, and
	 * the cell a problem is about when it is another one (a cell under a merged area's first).
	 */
	static String text(List<ReportedProblem> problems, String cell) {
		return problems.stream()
			.map(p -> "[" + ReportedProblem.severityInBoth(p) + "] " + p.code() + (p.cell() != null && !p.cell().equals(cell)
					? " (" + p.cell() + ")" : "") + "\n" + ReportText.commentMessage(p.message().vi()) + "\n"
					+ ReportText.commentMessage(p.message().en()))
			.collect(Collectors.joining("\n\n"));
	}

	/** A new cell's style with the fill: for the severity column of the summary. */
	CellStyle fill(boolean error) {
		return filled(null, error);
	}

	private CellStyle filled(CellStyle base, boolean error) {
		String key = (base != null ? Short.toString(base.getIndex()) : "new") + (error ? "e" : "w");
		return this.styles.computeIfAbsent(key, k -> {
			CellStyle style = this.workbook.createCellStyle();
			if (base != null) {
				style.cloneStyleFrom(base);
			}
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			if (this.workbook instanceof HSSFWorkbook) {
				style.setFillForegroundColor((error ? ERROR_XLS : WARNING_XLS).getIndex());
			}
			else {
				((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(error ? ERROR_RGB : WARNING_RGB, null));
			}
			return style;
		});
	}

	private void comment(Sheet sheet, Cell cell, List<ReportedProblem> problems) {
		String text = text(problems, cell.getAddress().formatAsString());
		Comment earlier = cell.getCellComment();
		if (earlier != null) {
			// The district's own note stays, under ours.
			text = text + "\n\n---\n" + earlier.getString().getString();
			cell.removeCellComment();
		}
		text = ReportText.cell(text);
		Drawing<?> drawing = this.drawings.computeIfAbsent(sheet, Sheet::createDrawingPatriarch);
		Comment comment = drawing.createCellComment(freeCorner(sheet, anchor(cell, (int) Math.min(text.lines().count() + 2,
				ReportText.COMMENT_ROWS))));
		comment.setString(this.helper.createRichTextString(text));
		comment.setAuthor(AUTHOR);
		// SXSSF cells do not move the comment from the anchor's corner to themselves.
		comment.setAddress(cell.getAddress());
		cell.setCellComment(comment);
	}

	/**
	 * The box moved down past cells holding a comment: an .xlsx files a new comment under its box's
	 * top-left cell until it is given its own, and refuses it where a comment is already (ours on the
	 * cell beside, or the district's), which cost the district its annotated workbook.
	 */
	private ClientAnchor freeCorner(Sheet sheet, ClientAnchor anchor) {
		if (this.workbook instanceof HSSFWorkbook) {
			return anchor;
		}
		int last = this.workbook.getSpreadsheetVersion().getLastRowIndex();
		while (sheet.getCellComment(new CellAddress(anchor.getRow1(), anchor.getCol1())) != null && anchor.getRow2() < last) {
			anchor.setRow1(anchor.getRow1() + 1);
			anchor.setRow2(anchor.getRow2() + 1);
		}
		return anchor;
	}

	/**
	 * A box five columns wide right of the cell, from its row down; moved left and up where the sheet
	 * ends sooner (an .xls ends at column IV and row 65,536), which POI would refuse.
	 */
	private ClientAnchor anchor(Cell cell, int rows) {
		SpreadsheetVersion version = this.workbook.getSpreadsheetVersion();
		int col2 = Math.min(cell.getColumnIndex() + 6, version.getLastColumnIndex());
		int row2 = Math.min(cell.getRowIndex() + rows, version.getLastRowIndex());
		ClientAnchor anchor = this.helper.createClientAnchor();
		anchor.setCol1(Math.max(col2 - 5, 0));
		anchor.setCol2(col2);
		anchor.setRow1(Math.max(Math.min(cell.getRowIndex(), row2 - rows), 0));
		anchor.setRow2(row2);
		return anchor;
	}

}
