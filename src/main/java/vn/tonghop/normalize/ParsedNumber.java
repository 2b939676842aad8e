package vn.tonghop.normalize;

/**
 * A cell read as a whole number ≥ 0. Only {@link Status#VALUE} carries a value; BLANK means "not
 * reported", which callers must not treat as 0.
 *
 * @param status what the cell held
 * @param value the number when status is VALUE, else 0
 */
public record ParsedNumber(Status status, long value) {

	public enum Status {

		VALUE, BLANK, FRACTION, NEGATIVE, TEXT

	}

	static final ParsedNumber BLANK = new ParsedNumber(Status.BLANK, 0);

	static final ParsedNumber FRACTION = new ParsedNumber(Status.FRACTION, 0);

	static final ParsedNumber NEGATIVE = new ParsedNumber(Status.NEGATIVE, 0);

	static final ParsedNumber TEXT = new ParsedNumber(Status.TEXT, 0);

	static ParsedNumber of(long value) {
		return new ParsedNumber(Status.VALUE, value);
	}

	public boolean isValue() {
		return this.status == Status.VALUE;
	}

}
