package vn.tonghop.normalize;

import java.util.regex.Pattern;

import vn.tonghop.sheet.Cell;

/**
 * Reads head counts: Excel numbers, or text with ".", "," or spaces as thousands separators
 * ("11.938", "11,938", "11 938"), also with a decimal part of zeros ("110,00", "1.234,00"). A fraction
 * or a negative number is reported, never rounded, and so is a number formatted as a date.
 */
public final class WholeNumbers {

	private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

	// Same separator between every group of three: "1.234.567", "11 938".
	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([., ])\\d{3}(?:\\1\\d{3})*");

	// A decimal part, possibly after thousands groups: "12,5", "12.50", "1.234,5".
	private static final Pattern DECIMAL = Pattern
		.compile("\\d+[.,]\\d+|\\d{1,3}(?:([., ])\\d{3}(?:\\1\\d{3})*)[.,]\\d+");

	private WholeNumbers() {
	}

	public static ParsedNumber parse(Cell cell) {
		if (cell == null || cell.isBlank()) {
			return ParsedNumber.BLANK;
		}
		return switch (cell.kind()) {
			// A date's serial number (03/05/2021 is 44319) is not the head count the district sees.
			case NUMBER -> (cell.date() != null) ? ParsedNumber.TEXT : fromNumber(cell.number());
			case TEXT -> fromText(VietnameseText.clean(cell.text()));
			default -> ParsedNumber.TEXT;
		};
	}

	private static ParsedNumber fromNumber(double stored) {
		if (stored < 0) {
			return ParsedNumber.NEGATIVE;
		}
		double number = ExcelDigits.shownNumber(stored);
		if (number != Math.rint(number)) {
			return ParsedNumber.FRACTION;
		}
		return ParsedNumber.of((long) number);
	}

	private static ParsedNumber fromText(String text) {
		if (text.isEmpty()) {
			return ParsedNumber.BLANK;
		}
		boolean negative = isMinus(text.charAt(0));
		String body = negative ? text.substring(1).strip() : text;
		ParsedNumber shape = shape(body);
		if (negative && shape.status() != ParsedNumber.Status.TEXT) {
			return ParsedNumber.NEGATIVE;
		}
		return shape;
	}

	private static ParsedNumber shape(String body) {
		if (DIGITS.matcher(body).matches()) {
			return ParsedNumber.of(Long.parseLong(body));
		}
		if (body.length() <= 24 && GROUPED.matcher(body).matches()) {
			return ParsedNumber.of(Long.parseLong(body.replaceAll("[., ]", "")));
		}
		if (DECIMAL.matcher(body).matches()) {
			return withDecimals(body);
		}
		return ParsedNumber.TEXT;
	}

	/**
	 * A CSV saved from Excel writes a number as shown, and Excel's Number format shows 110 as 110.00
	 * (110,00 in Vietnamese): zeros after the decimal separator leave the whole number. Zeros after a
	 * separator the number also groups thousands with ("1.234.00") are no decimal part.
	 */
	private static ParsedNumber withDecimals(String body) {
		int separator = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
		String whole = body.substring(0, separator);
		if (whole.indexOf(body.charAt(separator)) < 0 && body.substring(separator + 1).chars().allMatch((c) -> c == '0')) {
			ParsedNumber number = shape(whole);
			if (number.isValue()) {
				return number;
			}
		}
		return ParsedNumber.FRACTION;
	}

	private static boolean isMinus(char c) {
		return c == '-' || c == '\u2212' || c == '\u2013';
	}

}
