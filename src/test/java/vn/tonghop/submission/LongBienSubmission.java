package vn.tonghop.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One Long Biên submission for NQDH13 that the variant tests write in many layouts, encodings and
 * formats: six points (2 district-level, 4 grassroots), 2,672 members and 290 others attending,
 * 3,000 of 4,000 members studied (75 %), reported on 29 March 2021.
 */
final class LongBienSubmission {

	record Point(String name, String level, String host, int members, int others) {
	}

	static final List<Point> POINTS = List.of(
			new Point("Hội trường Quận ủy Long Biên", "Quận", "Quận ủy Long Biên", 1250, 80),
			new Point("Trung tâm Chính trị quận Long Biên", "Cấp huyện", null, 245, 70),
			new Point("Phường Bồ Đề", "Phường", "Phường Bồ Đề", 389, 70),
			new Point("Phường Gia Thụy", "Phường", "Phường Gia Thụy", 298, 33),
			new Point("Phường Ngọc Lâm", "Phường", "Phường Ngọc Lâm", 334, 37),
			new Point("Đảng bộ Công an quận", "Cơ sở", "Công an quận Long Biên", 156, 0));

	static final int MEMBERS = 2672;

	static final int OTHERS = 290;

	static final LocalDate SESSION = LocalDate.of(2021, 3, 27);

	static final String TITLE = "Hội nghị toàn quốc nghiên cứu, học tập, quán triệt Nghị quyết Đại hội đại biểu "
			+ "toàn quốc lần thứ XIII của Đảng";

	/** A formula cell; workbooks are written with its value cached, as Excel saves them. */
	record Formula(String formula) {
	}

	/** A number shown with a percent format (0.75 shows as 75%). */
	record Percent(double fraction) {
	}

	/**
	 * A table column: its header (one row) or group and header (two rows), each point's value and
	 * the totals row's value.
	 */
	record Column(String group, String header, IntFunction<Object> value, Object total) {

		Column(String header, IntFunction<Object> value, Object total) {
			this(null, header, value, total);
		}

		Column header(String text) {
			return new Column(this.group, text, this.value, this.total);
		}

		Column under(String group) {
			return new Column(group, this.header, this.value, this.total);
		}

		Column values(IntFunction<Object> values) {
			return new Column(this.group, this.header, values, this.total);
		}

		Column total(Object value) {
			return new Column(this.group, this.header, this.value, value);
		}

	}

	static final Column STT = new Column("STT", (i) -> i + 1, null);

	static final Column NAME = new Column("Tên điểm cầu", (i) -> POINTS.get(i).name(), "Tổng cộng");

	static final Column LEVEL = new Column("Cấp điểm cầu", (i) -> POINTS.get(i).level(), null);

	static final Column HOST = new Column("Đơn vị chủ trì", (i) -> POINTS.get(i).host(), null);

	static final Column FORMAT = new Column("Hình thức", (i) -> "Trực tuyến", null);

	static final Column DATE = new Column("Ngày", (i) -> SESSION, null);

	static final Column MEMBERS_COLUMN = new Column("Số đảng viên tham dự", (i) -> POINTS.get(i).members(), MEMBERS);

	static final Column OTHERS_COLUMN = new Column("Số người khác tham dự", (i) -> POINTS.get(i).others(), OTHERS);

	static final Column TOTAL = new Column("Tổng số người tham dự",
			(i) -> POINTS.get(i).members() + POINTS.get(i).others(), MEMBERS + OTHERS);

	static final Column NOTES = new Column("Ghi chú", (i) -> (i == 2) ? "Ghép điểm" : null, null);

	static final List<Column> CANONICAL = List.of(STT, NAME, LEVEL, HOST, FORMAT, DATE, MEMBERS_COLUMN, OTHERS_COLUMN,
			TOTAL, NOTES);

	private List<Object[]> above = List.of(row("QUẬN ỦY LONG BIÊN"),
			row("BÁO CÁO KẾT QUẢ HỘI NGHỊ NGHIÊN CỨU, HỌC TẬP NGHỊ QUYẾT ĐẠI HỘI XIII"), row(),
			row("Đơn vị báo cáo: Quận ủy Long Biên"), row("Hội nghị: NQDH13"));

	private List<Column> columns = CANONICAL;

	private boolean twoHeaderRows;

	private List<Object[]> below = List.of(row("Tổng số đảng viên: 4.000"), row("Số đảng viên được học tập: 3.000"),
			row("Tỷ lệ (%): 75%"), row(), row(null, null, null, null, null, null, "Long Biên, ngày 29 tháng 3 năm 2021"),
			row(null, null, null, null, null, null, "NGƯỜI LẬP BIỂU"));

	static Object[] row(Object... cells) {
		return cells;
	}

	LongBienSubmission above(Object[]... rows) {
		this.above = List.of(rows);
		return this;
	}

	LongBienSubmission columns(Column... columns) {
		this.columns = List.of(columns);
		return this;
	}

	LongBienSubmission twoHeaderRows() {
		this.twoHeaderRows = true;
		return this;
	}

	LongBienSubmission below(Object[]... rows) {
		this.below = List.of(rows);
		return this;
	}

	/** The row (1-based) of the (last) header row. */
	int headerRow() {
		return this.above.size() + 2 + (this.twoHeaderRows ? 1 : 0);
	}

	int firstDataRow() {
		return headerRow() + 1;
	}

	int totalsRow() {
		return firstDataRow() + POINTS.size();
	}

	int column(Column column) {
		return this.columns.indexOf(column);
	}

	/** The sheet as rows from row 1, and the merged regions of a two-row header. */
	Grid grid(String sheetName) {
		Grid grid = new Grid(sheetName);
		this.above.forEach(grid::row);
		grid.row();
		int width = this.columns.size();
		if (this.twoHeaderRows) {
			Object[] top = new Object[width];
			Object[] bottom = new Object[width];
			int top0 = grid.rows.size();
			for (int c = 0; c < width; c++) {
				Column column = this.columns.get(c);
				if (column.group() == null) {
					top[c] = column.header();
					grid.merge(top0 + 1, top0 + 2, c, c);
					continue;
				}
				bottom[c] = column.header();
				boolean first = c == 0 || !column.group().equals(this.columns.get(c - 1).group());
				if (first) {
					top[c] = column.group();
					int last = c;
					while (last + 1 < width && column.group().equals(this.columns.get(last + 1).group())) {
						last++;
					}
					grid.merge(top0 + 1, top0 + 1, c, last);
				}
			}
			grid.row(top).row(bottom);
		}
		else {
			grid.row(this.columns.stream().map(Column::header).toArray());
		}
		for (int i = 0; i < POINTS.size(); i++) {
			Object[] row = new Object[width];
			for (int c = 0; c < width; c++) {
				row[c] = this.columns.get(c).value().apply(i);
			}
			grid.row(row);
		}
		grid.row(this.columns.stream().map(Column::total).toArray());
		grid.row();
		this.below.forEach(grid::row);
		return grid;
	}

	/** Rows of values from row 1, merged regions (1-based rows, 0-based columns). */
	static final class Grid {

		final String name;

		final List<Object[]> rows = new ArrayList<>();

		final List<CellRangeAddress> merges = new ArrayList<>();

		Grid(String name) {
			this.name = name;
		}

		Grid row(Object... cells) {
			this.rows.add(cells);
			return this;
		}

		/** Puts a row at this row number (1-based), moving it and those below down by one. */
		Grid insert(int row, Object... cells) {
			this.rows.add(row - 1, cells);
			return this;
		}

		Grid merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
			this.merges.add(new CellRangeAddress(firstRow - 1, lastRow - 1, firstColumn, lastColumn));
			return this;
		}

		/** Empties the cells a merged region covers, as Excel saves them. */
		Grid clearCovered() {
			for (CellRangeAddress merge : this.merges) {
				for (int r = merge.getFirstRow(); r <= merge.getLastRow() && r < this.rows.size(); r++) {
					Object[] row = this.rows.get(r);
					for (int c = merge.getFirstColumn(); c <= merge.getLastColumn() && c < row.length; c++) {
						if (r != merge.getFirstRow() || c != merge.getFirstColumn()) {
							row[c] = null;
						}
					}
				}
			}
			return this;
		}

	}

	enum Kind {

		XLSX(".xlsx"), XLS(".xls");

		private final String extension;

		Kind(String extension) {
			this.extension = extension;
		}

		String extension() {
			return this.extension;
		}

	}

	/**
	 * Writes sheets into a workbook, then lets the variant change it (fonts, hidden sheets,
	 * formats) before it is saved with every formula's value cached.
	 */
	static Path workbook(Path file, Kind kind, boolean date1904, Consumer<Workbook> change, Grid... sheets) {
		Workbook workbook = (kind == Kind.XLSX) ? new XSSFWorkbook() : new HSSFWorkbook();
		if (date1904 && workbook instanceof XSSFWorkbook xssf) {
			(xssf.getCTWorkbook().isSetWorkbookPr() ? xssf.getCTWorkbook().getWorkbookPr()
					: xssf.getCTWorkbook().addNewWorkbookPr()).setDate1904(true);
		}
		else if (date1904 && workbook instanceof HSSFWorkbook hssf) {
			((DateWindow1904Record) hssf.getInternalWorkbook().findFirstRecordBySid(DateWindow1904Record.sid))
				.setWindowing((short) 1);
		}
		Styles styles = new Styles(workbook);
		for (Grid grid : sheets) {
			Sheet sheet = workbook.createSheet(grid.name);
			for (int r = 0; r < grid.rows.size(); r++) {
				Row row = sheet.createRow(r);
				Object[] values = grid.rows.get(r);
				for (int c = 0; c < values.length; c++) {
					if (values[c] != null) {
						set(row.createCell(c), values[c], styles, date1904);
					}
				}
			}
			grid.merges.forEach(sheet::addMergedRegion);
		}
		change.accept(workbook);
		try (workbook; OutputStream out = Files.newOutputStream(parent(file))) {
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	private static void set(org.apache.poi.ss.usermodel.Cell cell, Object value, Styles styles, boolean date1904) {
		if (value instanceof String text) {
			cell.setCellValue(text);
		}
		else if (value instanceof Number number) {
			cell.setCellValue(number.doubleValue());
		}
		else if (value instanceof LocalDate date) {
			cell.setCellValue(DateUtil.getExcelDate(date, date1904));
			cell.setCellStyle(styles.format("dd/mm/yyyy"));
		}
		else if (value instanceof Percent percent) {
			cell.setCellValue(percent.fraction());
			cell.setCellStyle(styles.format("0%"));
		}
		else if (value instanceof Formula formula) {
			cell.setCellFormula(formula.formula());
		}
		else {
			throw new IllegalArgumentException("No cell for " + value);
		}
	}

	/** Gives every cell of the sheet's rows from {@code fromRow} (1-based) on a font. */
	static void font(Sheet sheet, int fromRow, int toRow, String name) {
		Workbook workbook = sheet.getWorkbook();
		Font font = workbook.createFont();
		font.setFontName(name);
		Map<Short, CellStyle> styles = new HashMap<>();
		for (Row row : sheet) {
			if (row.getRowNum() + 1 < fromRow || row.getRowNum() + 1 > toRow) {
				continue;
			}
			for (org.apache.poi.ss.usermodel.Cell cell : row) {
				cell.setCellStyle(styles.computeIfAbsent(cell.getCellStyle().getIndex(), (index) -> {
					CellStyle copy = workbook.createCellStyle();
					copy.cloneStyleFrom(cell.getCellStyle());
					copy.setFont(font);
					return copy;
				}));
			}
		}
	}

	/**
	 * Writes the grid as CSV: fields quoted when they hold the separator, a quote or a line break;
	 * numbers plain, dates dd/MM/yyyy.
	 */
	static Path csv(Path file, Grid grid, char separator, Charset charset, boolean bom) {
		StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
		for (Object[] row : grid.rows) {
			for (int c = 0; c < row.length; c++) {
				if (c > 0) {
					text.append(separator);
				}
				text.append(field(row[c], separator));
			}
			text.append("\r\n");
		}
		try {
			return Files.write(parent(file), encode(text.toString(), charset));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String field(Object value, char separator) {
		String text;
		if (value == null) {
			return "";
		}
		else if (value instanceof LocalDate date) {
			text = String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
		}
		else {
			text = value.toString();
		}
		boolean quote = text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0;
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	/**
	 * The text in the charset; for Windows-1258, which has few precomposed letters, as Windows
	 * writes it: the letter it has (ê, ơ, â...), then the combining tone mark.
	 */
	private static byte[] encode(String text, Charset charset) {
		var encoder = charset.newEncoder();
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			String letter = text.substring(i, i + 1);
			if (encoder.canEncode(letter)) {
				out.append(letter);
				continue;
			}
			StringBuilder shape = new StringBuilder();
			StringBuilder tone = new StringBuilder();
			for (char c : java.text.Normalizer.normalize(letter, java.text.Normalizer.Form.NFD).toCharArray()) {
				(("\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0) ? tone : shape).append(c);
			}
			String written = java.text.Normalizer.normalize(shape, java.text.Normalizer.Form.NFC) + tone;
			if (!encoder.canEncode(written)) {
				throw new IllegalArgumentException(letter + " has no form in " + charset);
			}
			out.append(written);
		}
		return out.toString().getBytes(charset);
	}

	private static Path parent(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return file;
	}

	/** Cell styles by number format, created once per workbook. */
	private static final class Styles {

		private final Workbook workbook;

		private final Map<String, CellStyle> byFormat = new HashMap<>();

		Styles(Workbook workbook) {
			this.workbook = workbook;
		}

		CellStyle format(String format) {
			return this.byFormat.computeIfAbsent(format, (key) -> {
				CellStyle style = this.workbook.createCellStyle();
				style.setDataFormat(this.workbook.createDataFormat().getFormat(key));
				return style;
			});
		}

	}

}
