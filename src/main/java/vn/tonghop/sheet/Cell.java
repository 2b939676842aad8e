package vn.tonghop.sheet;

import java.time.LocalDate;

import vn.tonghop.normalize.VietnameseText;

/**
 * One cell as the file stores it.
 *
 * @param column 0-based column index
 * @param kind how the cell was stored
 * @param text the text for TEXT cells (as written, not cleaned); for other kinds the value as a
 * person would read it in the file ("11938", "0.75", "TRUE"); "" for BLANK
 * @param number the numeric value for NUMBER cells, else 0
 * @param date the calendar date for NUMBER cells whose number format is a date (1900 or 1904
 * system already applied), else null
 * @param percent true for NUMBER cells with a percent number format (0.75 shown as 75%)
 * @param font the font name of the cell when the format records one (".VnTime", "VNI-Times"),
 * else null; used to recognise legacy Vietnamese encodings
 */
public record Cell(int column, CellKind kind, String text, double number, LocalDate date, boolean percent,
		String font) {

	public Cell {
		// PostgreSQL text cannot hold U+0000, which no district means to write: it would fail the run.
		if (text != null && text.indexOf('\0') >= 0) {
			text = text.replace("\0", "");
		}
	}

	public static Cell text(int column, String text) {
		return new Cell(column, CellKind.TEXT, text, 0, null, false, null);
	}

	/** Blank, or text of nothing but spaces, NBSP and invisible characters. */
	public boolean isBlank() {
		return this.kind == CellKind.BLANK
				|| (this.kind == CellKind.TEXT && VietnameseText.isBlank(this.text));
	}

	/** The column as Excel names it: 0 is A, 26 is AA. */
	public String columnName() {
		return columnName(this.column);
	}

	public static String columnName(int column) {
		StringBuilder name = new StringBuilder();
		for (int c = column + 1; c > 0; c = (c - 1) / 26) {
			name.insert(0, (char) ('A' + (c - 1) % 26));
		}
		return name.toString();
	}

	/**
	 * A date as the readers give a date cell's text and districts write dates (dd/MM/yyyy): how a
	 * message names a date, and the value as written of a date only its value is left of.
	 */
	public static String dayText(LocalDate date) {
		int year = date.getYear();
		if (year < 1000 || year > 9999) {
			return XlsxReader.DAY.format(date);
		}
		// Written out by hand: every date cell of a sheet is shown this way, and the formatter is slow.
		char[] text = { digit(date.getDayOfMonth() / 10), digit(date.getDayOfMonth() % 10), '/',
				digit(date.getMonthValue() / 10), digit(date.getMonthValue() % 10), '/', digit(year / 1000),
				digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10) };
		return new String(text);
	}

	private static char digit(int value) {
		return (char) ('0' + value);
	}

	static String plain(double number) {
		if (number == Math.rint(number) && Math.abs(number) < 1e15) {
			return Long.toString((long) number);
		}
		return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
	}

}
