package vn.tonghop.sheet;

/**
 * Codes kept with their leading zeros by a format of zeros: a unit's code 004 typed into a cell
 * is the number 4, which a "000" format shows as 004 again, the way offices keep such codes.
 */
final class ZeroFilled {

	private ZeroFilled() {
	}

	/** The digits a format of zeros alone ("000") shows at least; 0 for any other format. */
	static int digits(String format) {
		if (format == null || format.length() < 2) {
			return 0;
		}
		for (int i = 0; i < format.length(); i++) {
			if (format.charAt(i) != '0') {
				return 0;
			}
		}
		return format.length();
	}

	/** The number as such a format shows it; a fraction or a negative number as it is. */
	static String text(double number, int digits) {
		String plain = Cell.plain(number);
		if (digits == 0 || number < 0 || number != Math.rint(number) || plain.length() >= digits) {
			return plain;
		}
		return "0".repeat(digits - plain.length()) + plain;
	}

}
