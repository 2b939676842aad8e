package vn.tonghop.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.CellKind;

/**
 * Reads dates as districts write them: Excel dates, dd/MM/yyyy, d/M/yyyy, dd-MM-yyyy, yyyy-MM-dd
 * and "ngày 27 tháng 3 năm 2021", the last also inside a place-date line ("Long Biên, ngày ...").
 */
public final class VietnameseDates {

	private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d+)");

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	// Matched on VietnameseText.asciiKey, so case, diacritics and punctuation are already gone.
	private static final Pattern WORDS = Pattern.compile("(?:^| )ngay (\\d{1,2}) thang (\\d{1,2}) nam (\\d+)(?: |$)");

	private static final int EXCEL_FIRST_YEAR = 1900;

	private static final int EXCEL_LAST_YEAR = 9999;

	private VietnameseDates() {
	}

	public static ParsedDate parse(Cell cell) {
		if (cell == null || cell.isBlank()) {
			return ParsedDate.BLANK;
		}
		if (cell.date() != null) {
			// Excel shows no date past 9999; a larger serial in a date format is no date, and the database could not store it.
			// A serial under 1 is a time of day with no day (08:00), which the 1904 system would take for 1 January 1904.
			return (cell.number() < 1 || cell.date().getYear() < EXCEL_FIRST_YEAR || cell.date().getYear() > EXCEL_LAST_YEAR)
					? ParsedDate.INVALID : new ParsedDate(ParsedDate.Status.VALUE, cell.date());
		}
		if (cell.kind() != CellKind.TEXT) {
			return ParsedDate.NOT_A_DATE;
		}
		String text = VietnameseText.clean(cell.text());
		if (text.isEmpty()) {
			return ParsedDate.BLANK;
		}
		Matcher matcher = DAY_FIRST.matcher(text);
		if (matcher.matches()) {
			return date(matcher.group(4), matcher.group(3), matcher.group(1));
		}
		matcher = ISO.matcher(text);
		if (matcher.matches()) {
			return date(matcher.group(1), matcher.group(2), matcher.group(3));
		}
		matcher = WORDS.matcher(VietnameseText.asciiKey(text));
		if (matcher.find()) {
			return date(matcher.group(3), matcher.group(2), matcher.group(1));
		}
		return ParsedDate.NOT_A_DATE;
	}

	private static ParsedDate date(String year, String month, String day) {
		if (year.length() == 2) {
			return ParsedDate.TWO_DIGIT_YEAR;
		}
		if (year.length() != 4) {
			return ParsedDate.YEAR_DIGITS;
		}
		// "0021" is no more a year than "21" is; Excel has no date before 1900.
		if (Integer.parseInt(year) < EXCEL_FIRST_YEAR) {
			return ParsedDate.INVALID;
		}
		try {
			return new ParsedDate(ParsedDate.Status.VALUE,
					LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
		}
		catch (DateTimeException ex) {
			return ParsedDate.INVALID;
		}
	}

}
