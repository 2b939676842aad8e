package vn.tonghop.normalize;

import java.math.BigDecimal;

/**
 * A cell read as a percentage between 0 and 100 ("75%" gives 75).
 *
 * @param status what the cell held
 * @param value the percentage when status is VALUE, else null
 */
public record ParsedPercentage(Status status, BigDecimal value) {

	public enum Status {

		VALUE, BLANK, OUT_OF_RANGE, TEXT

	}

	static final ParsedPercentage BLANK = new ParsedPercentage(Status.BLANK, null);

	static final ParsedPercentage OUT_OF_RANGE = new ParsedPercentage(Status.OUT_OF_RANGE, null);

	static final ParsedPercentage TEXT = new ParsedPercentage(Status.TEXT, null);

	public boolean isValue() {
		return this.status == Status.VALUE;
	}

}
