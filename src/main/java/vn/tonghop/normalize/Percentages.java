package vn.tonghop.normalize;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tonghop.sheet.Cell;

/**
 * Reads coverage rates: "75%", "75", "75,0", "75.0 %", a plain number 75, or a percent-formatted
 * 0.75. The decimal separator may be "," or ".".
 */
public final class Percentages {

	private static final Pattern PERCENT = Pattern.compile("(-?\\d+(?:[.,]\\d+)?) ?%?");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Percentages() {
	}

	public static ParsedPercentage parse(Cell cell) {
		if (cell == null || cell.isBlank()) {
			return ParsedPercentage.BLANK;
		}
		return switch (cell.kind()) {
			case NUMBER -> {
				// =B5/B4 stored 1.0000000000000002 is the 100% Excel shows.
				BigDecimal number = ExcelDigits.shown(cell.number());
				yield inRange(cell.percent() ? number.movePointRight(2) : number);
			}
			case TEXT -> {
				String text = VietnameseText.clean(cell.text());
				if (text.isEmpty()) {
					yield ParsedPercentage.BLANK;
				}
				Matcher matcher = PERCENT.matcher(text);
				yield matcher.matches() ? inRange(new BigDecimal(matcher.group(1).replace(',', '.')))
						: ParsedPercentage.TEXT;
			}
			default -> ParsedPercentage.TEXT;
		};
	}

	private static ParsedPercentage inRange(BigDecimal value) {
		if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
			return ParsedPercentage.OUT_OF_RANGE;
		}
		BigDecimal plain = value.stripTrailingZeros();
		return new ParsedPercentage(ParsedPercentage.Status.VALUE, (plain.scale() < 0) ? plain.setScale(0) : plain);
	}

}
