package vn.tonghop.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Numbers and dates as Vietnamese readers write them: 11.938 người, 75,0 %, 27/03/2021. Used by the
 * templates as {@code @fmt}.
 */
@Component("fmt")
class VietnameseFormat {

	static final String NONE = "–";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DecimalFormatSymbols SYMBOLS = symbols();

	/** A count with dots between thousands: 11.938. */
	public String count(Long value) {
		return value != null ? new DecimalFormat("#,##0", SYMBOLS).format(value) : NONE;
	}

	/** A percentage with one decimal after a comma: 75,0. */
	public String percent(BigDecimal value) {
		if (value == null) {
			return NONE;
		}
		DecimalFormat format = new DecimalFormat("#,##0.0", SYMBOLS);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	public String date(LocalDate day) {
		return day != null ? DAY.format(day) : NONE;
	}

	private static DecimalFormatSymbols symbols() {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		return symbols;
	}

}
