package vn.tonghop.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks written in code for the tests, and a visitor that records what a reader offers. */
final class Fixtures {

	/** A formula cell; the writer evaluates it so the file holds a cached value as Excel's would. */
	record Formula(String formula) {
	}

	enum Format {

		XLSX, XLS;

		Workbook create() {
			return (this == XLSX) ? new XSSFWorkbook() : new HSSFWorkbook();
		}

		String extension() {
			return (this == XLSX) ? ".xlsx" : ".xls";
		}

	}

	private Fixtures() {
	}

	static Path write(Path dir, String name, Workbook workbook) {
		Path file = dir.resolve(name);
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	static Path workbook(Path dir, Format format, Consumer<Workbook> content) {
		Workbook workbook = format.create();
		content.accept(workbook);
		return write(dir, "submission" + format.extension(), workbook);
	}

	/**
	 * Fills rows from {@code firstRow} (as Excel numbers rows) on: a String is a text cell, a
	 * Number a number, a LocalDate a date-formatted number, a Formula a formula, null nothing.
	 */
	static void fill(Sheet sheet, int firstRow, Object[]... rows) {
		for (int r = 0; r < rows.length; r++) {
			Row row = sheet.createRow(firstRow - 1 + r);
			for (int c = 0; c < rows[r].length; c++) {
				Object value = rows[r][c];
				if (value == null) {
					continue;
				}
				org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
				if (value instanceof String text) {
					cell.setCellValue(text);
				}
				else if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else if (value instanceof Boolean bool) {
					cell.setCellValue(bool);
				}
				else if (value instanceof LocalDate date) {
					cell.setCellValue(date);
					cell.setCellStyle(dateStyle(sheet.getWorkbook()));
				}
				else if (value instanceof Formula formula) {
					cell.setCellFormula(formula.formula());
				}
			}
		}
	}

	private static org.apache.poi.ss.usermodel.CellStyle dateStyle(Workbook workbook) {
		for (int i = 0; i < workbook.getNumCellStyles(); i++) {
			if ("dd/mm/yyyy".equals(workbook.getCellStyleAt(i).getDataFormatString())) {
				return workbook.getCellStyleAt(i);
			}
		}
		org.apache.poi.ss.usermodel.CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
		return style;
	}

	/** Gives every cell of the sheet a style with this font (a copy of the cell's style, so number formats stay). */
	static void font(Sheet sheet, String name) {
		Workbook workbook = sheet.getWorkbook();
		org.apache.poi.ss.usermodel.Font font = workbook.createFont();
		font.setFontName(name);
		java.util.Map<Short, org.apache.poi.ss.usermodel.CellStyle> styles = new java.util.HashMap<>();
		for (Row row : sheet) {
			for (org.apache.poi.ss.usermodel.Cell cell : row) {
				org.apache.poi.ss.usermodel.CellStyle style = styles.computeIfAbsent(cell.getCellStyle().getIndex(),
						(index) -> {
							org.apache.poi.ss.usermodel.CellStyle copy = workbook.createCellStyle();
							copy.cloneStyleFrom(cell.getCellStyle());
							copy.setFont(font);
							return copy;
						});
				cell.setCellStyle(style);
			}
		}
	}

	static Object[] row(Object... cells) {
		return cells;
	}

	/** Records the sheets and rows a reader offers. */
	static class Recorder implements SheetVisitor {

		final List<String> sheets = new ArrayList<>();

		final List<SheetRow> rows = new ArrayList<>();

		final List<String> ended = new ArrayList<>();

		/** Each sheet's rows are wanted up to this row number. */
		int wantedUpTo = Integer.MAX_VALUE;

		private int rowNumber;

		@Override
		public boolean startSheet(String name) {
			this.sheets.add(name);
			this.rowNumber = 0;
			return true;
		}

		@Override
		public void row(SheetRow row) {
			this.rows.add(row);
			this.rowNumber = row.number();
		}

		@Override
		public boolean wantsRows() {
			return this.rowNumber < this.wantedUpTo;
		}

		@Override
		public boolean endSheet() {
			this.ended.add(this.sheets.get(this.sheets.size() - 1));
			return false;
		}

	}

}
