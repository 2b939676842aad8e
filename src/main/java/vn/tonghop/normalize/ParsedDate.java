package vn.tonghop.normalize;

import java.time.LocalDate;

/**
 * A cell read as a calendar date.
 *
 * @param status what the cell held: INVALID is a date-shaped value that is no real day (31/02/2021) or
 * none of Excel's (before 1900), YEAR_DIGITS one whose year has neither two nor four digits (27/03/202)
 * @param value the date when status is VALUE, else null
 */
public record ParsedDate(Status status, LocalDate value) {

	public enum Status {

		VALUE, BLANK, TWO_DIGIT_YEAR, YEAR_DIGITS, INVALID, NOT_A_DATE

	}

	static final ParsedDate BLANK = new ParsedDate(Status.BLANK, null);

	static final ParsedDate TWO_DIGIT_YEAR = new ParsedDate(Status.TWO_DIGIT_YEAR, null);

	static final ParsedDate YEAR_DIGITS = new ParsedDate(Status.YEAR_DIGITS, null);

	static final ParsedDate INVALID = new ParsedDate(Status.INVALID, null);

	static final ParsedDate NOT_A_DATE = new ParsedDate(Status.NOT_A_DATE, null);

	public boolean isValue() {
		return this.status == Status.VALUE;
	}

}
