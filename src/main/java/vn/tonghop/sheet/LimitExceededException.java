package vn.tonghop.sheet;

/**
 * A reader or the visitor in front of it met more than a limit allows. Unchecked so it passes
 * through SAX handlers, FastCSV and POI unchanged; {@link Workbooks} turns it into file-over-limit.
 */
final class LimitExceededException extends RuntimeException {

	private final Phrase limit;

	/** @param limit which limit, in words that finish "The file exceeds a safety limit: ..." in each language */
	LimitExceededException(Phrase limit) {
		super(limit.en());
		this.limit = limit;
	}

	Phrase limit() {
		return this.limit;
	}

}
