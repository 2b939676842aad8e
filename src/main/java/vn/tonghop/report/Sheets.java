package vn.tonghop.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/** What the workbooks tonghop writes have in common: bordered cells, safe text, A4 landscape. */
final class Sheets {

	private Sheets() {
	}

	static CellStyle bordered(Workbook workbook, boolean locked) {
		CellStyle style = workbook.createCellStyle();
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		style.setLocked(locked);
		return style;
	}

	/** Column headers: bordered, bold, wrapped and centred on grey. */
	static CellStyle header(Workbook workbook, Font bold) {
		CellStyle style = bordered(workbook, true);
		style.setFont(bold);
		style.setWrapText(true);
		style.setAlignment(HorizontalAlignment.CENTER);
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		return style;
	}

	/** Text is always a string cell, and formula-like text is quote-prefixed so editing it keeps it text. */
	static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
		SafeText.quoteIfFormula(cell, value);
	}

	/** Prints on A4 landscape, one page wide. */
	static void printOnA4Landscape(Sheet sheet) {
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
	}

	/** "G11" for 0-based column 6, row 10. */
	static String ref(int column, int row) {
		return new CellReference(row, column).formatAsString();
	}

}
