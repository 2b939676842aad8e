package vn.tonghop.units;

import java.util.List;

/**
 * What a unit code or name written in a file stands for on a date: one unit, or an error listing
 * the units it could mean (ambiguous), the closest ones (unknown), or the units that took the place
 * of the one it named, which no longer existed on that date (ended). Never a guess.
 * @param unit the unit when resolved, else null
 * @param candidates every unit the input matches when ambiguous, up to three closest when unknown,
 * the units valid on the date that took the ended unit's place (its successors by the reform's links)
 * @param ended the unit the input named when it ended before the date, else null
 */
public record Resolution(Status status, Unit unit, List<Candidate> candidates, Unit ended) {

	public Resolution {
		candidates = List.copyOf(candidates);
	}

	Resolution(Status status, Unit unit, List<Candidate> candidates) {
		this(status, unit, candidates, null);
	}

	public enum Status {

		RESOLVED, UNKNOWN, AMBIGUOUS, ENDED

	}

	/**
	 * A unit offered in an error, with its parent's name so same-named units can be told apart.
	 * @param parentName null for a province
	 */
	public record Candidate(String code, String name, String parentName) {

		/** Without a word of either language: it goes into the Vietnamese message and the English one alike. */
		@Override
		public String toString() {
			return this.parentName != null ? "%s %s (%s)".formatted(this.code, this.name, this.parentName)
					: this.code + " " + this.name;
		}

	}

	static Resolution resolved(Unit unit) {
		return new Resolution(Status.RESOLVED, unit, List.of());
	}

	public boolean isResolved() {
		return this.status == Status.RESOLVED;
	}

}
