package vn.tonghop.normalize;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as Excel shows and sums them: to 15 significant digits. A formula's result may be stored
 * a binary digit off (=0.1*3*10 as 3.0000000000000004); the district sees, and means, 3.
 */
final class ExcelDigits {

	private static final MathContext EXCEL_DIGITS = new MathContext(15);

	private ExcelDigits() {
	}

	static BigDecimal shown(double stored) {
		return BigDecimal.valueOf(stored).round(EXCEL_DIGITS);
	}

	/** The stored number as Excel shows it; a whole number (nearly every head count) as it is, without rounding. */
	static double shownNumber(double stored) {
		return (stored == Math.rint(stored) || !Double.isFinite(stored)) ? stored : shown(stored).doubleValue();
	}

}
